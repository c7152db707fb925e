import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {once} from 'node:events';
import {createInterface} from 'node:readline';
import {test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {parseSimulateArgs} from '../../source/simulator/simulate-command.js';

test('parses every flag into simulator options', () => {
	const options = parseSimulateArgs([
		'--port', '8080', '--hosts', '1000000', '--scans', '5', '--seed', '9', '--rate-limit', '50', '--window-sec', '86400',
		'--concurrency', '1', '--latency-ms', '20', '--users', 'alice:pa:ss,bob:x', '--evaluation',
		'--fault', 'latency:500', '--fault', 'truncated:times=1,bytes=200,api=host-list', '--fault', 'hang',
	]);
	assert.deepEqual(options, {
		port: 8080, hosts: 1_000_000, scans: 5, seed: 9, rateLimit: 50, windowSec: 86_400, concurrency: 1, latencyMs: 20,
		users: {alice: 'pa:ss', bob: 'x'},
		faults: [{name: 'latency', ms: 500}, {name: 'truncated', times: 1, bytes: 200, api: 'host-list'}, {name: 'hang'}],
		evaluationComments: true,
	});
	assert.deepEqual(parseSimulateArgs(['--fault', 'session-expiry:3']).faults, [{name: 'session-expiry', afterCalls: 3}]);
});

test('refuses bad flags with a message', () => {
	assert.throws(() => parseSimulateArgs(['--ports', '1']), /Unknown option/);
	assert.throws(() => parseSimulateArgs(['--hosts', 'many']), /--hosts expects an integer/);
	assert.throws(() => parseSimulateArgs(['--fault', 'meteor']), /unknown fault name/);
	assert.throws(() => parseSimulateArgs(['--users', 'nobody']), /--users/);
});

const commandModule = fileURLToPath(new URL('../../source/simulator/simulate-command.ts', import.meta.url));
const runner = `const {runSimulateCommand} = await import(${JSON.stringify(commandModule)}); process.exitCode = await runSimulateCommand(process.argv.slice(1));`;

function runCommand(args: readonly string[]) {
	return spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', runner, '--', ...args], {stdio: ['ignore', 'pipe', 'pipe']});
}

test('prints the listening line first, serves, and stops cleanly on SIGTERM', async () => {
	const child = runCommand(['--port', '0', '--hosts', '3']);
	const lines = createInterface({input: child.stdout!});
	const [first] = (await once(lines, 'line')) as [string];
	const match = /^Qualys API simulator listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(first);
	assert.ok(match, first);
	const response = await fetch(`${match[1]}/api/2.0/fo/asset/host/?action=list&details=None`, {headers: {'X-Requested-With': 'test', Authorization: `Basic ${btoa('demo:demo')}`}});
	assert.equal((await response.text()).match(/<ID>/g)?.length, 3);
	child.kill('SIGTERM');
	const [code] = (await once(child, 'exit')) as [number];
	assert.equal(code, 0);
});

test('exits with 2 and a message on stderr for a bad flag', async () => {
	const child = runCommand(['--bogus']);
	let stderr = '';
	child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
	const [code] = (await once(child, 'exit')) as [number];
	assert.equal(code, 2);
	assert.match(stderr, /bogus/);
	assert.match(stderr, /Usage: qualys-tui simulate/);
});
