// The fault matrix, non-interactive side: one row per way the API, the network or the data can go
// wrong. For each, `qualys-tui hosts` (or scans) must not crash, must say what happened and what to do
// on stderr with the documented exit code, must print nothing half-true on stdout, and must log out
// (withSimulator asserts logins === logouts at teardown). The interactive side of the same faults is
// covered in test/app.test.tsx and test/e2e/.
import assert from 'node:assert/strict';
import {createServer} from 'node:net';
import {describe, test} from 'node:test';
import type {FaultSpec, SimulatorOptions} from '../../source/simulator/types.js';
import {runCli, type CliResult} from '../helpers/run-cli.js';
import {withSimulator} from '../helpers/start-simulator.js';

interface FaultCase {
	readonly name: string;
	readonly simulator?: SimulatorOptions;
	readonly faults?: readonly FaultSpec[];
	readonly command?: 'hosts' | 'scans' | 'limits';
	readonly args?: readonly string[];
	readonly password?: string;
	readonly exitCode: number;
	/** What stderr must say (what happened, and what to do). */
	readonly says: RegExp;
	/** Extra checks on the run and the simulator's counters. */
	readonly check?: (result: CliResult, calls: Record<string, Record<string, number> | undefined>) => void;
}

const stdoutIsEmpty = (result: CliResult) => assert.equal(result.stdout, '', 'a failed call prints nothing on stdout, not even a header');

const cases: readonly FaultCase[] = [
	{name: 'bad password (401/2000)', password: 'not-the-password', exitCode: 3, says: /Bad Login\/Password[\s\S]*→/},
	{name: 'expired account (HTTP 200 carrying 2001)', faults: [{name: 'expired-account'}], exitCode: 3, says: /expired/i},
	{
		name: 'registration incomplete (409/2003: permanent, never retried)',
		faults: [{name: 'registration-incomplete'}],
		exitCode: 3,
		says: /registration/i,
	},
	{
		name: 'rate limit (409/1965 with ToWait-Sec)',
		simulator: {rateLimit: 1},
		args: ['--page-size', '10'],
		exitCode: 4,
		says: /rate limit[\s\S]*(\d+ ?(h|min|s))/i,
		check: (_result, calls) => assert.equal(calls['host-list']?.['409'], 1, 'exactly one blocked call: no retry storm'),
	},
	{name: 'rate limit with only SECONDS_TO_WAIT in the body', faults: [{name: 'rate-limit-body-only', api: 'host-list'}], exitCode: 4, says: /\d+ ?(h|min|s)/},
	{name: 'invalid parameter 400/1905 without an XML declaration', faults: [{name: 'bad-param-no-decl', api: 'host-list'}], exitCode: 5, says: /1905[\s\S]*invalid value/i, check: stdoutIsEmpty},
	{name: 'HTML 502 page from a proxy', faults: [{name: 'html-502', api: 'host-list'}], exitCode: 5, says: /502[\s\S]*HTML|HTML[\s\S]*502/i, check: stdoutIsEmpty},
	{name: 'HTML 200 page (a captive portal)', faults: [{name: 'html-200', api: 'host-list'}], exitCode: 5, says: /HTML/i, check: stdoutIsEmpty},
	{name: 'empty body with 200', faults: [{name: 'empty-200', api: 'host-list'}], exitCode: 5, says: /empty/i, check: stdoutIsEmpty},
	{name: 'XML truncated mid-element', faults: [{name: 'truncated', api: 'host-list'}], exitCode: 5, says: /XML|truncated|incomplete/i, check: stdoutIsEmpty},
	{name: 'malformed XML', faults: [{name: 'malformed', api: 'host-list'}], exitCode: 5, says: /XML|malformed/i, check: stdoutIsEmpty},
	{name: 'an entity-bomb document', faults: [{name: 'entity-bomb', api: 'host-list'}], exitCode: 5, says: /entit|DTD|XML/i, check: stdoutIsEmpty},
	{name: 'server accepts but never answers (timeout)', faults: [{name: 'hang', api: 'host-list'}], args: ['--timeout', '1'], exitCode: 5, says: /time/i},
	{name: 'server stalls mid-body (the timeout covers the body)', faults: [{name: 'stall-body', api: 'host-list'}], args: ['--timeout', '1'], exitCode: 5, says: /time/i, check: stdoutIsEmpty},
	{name: 'connection reset mid-body', faults: [{name: 'reset', api: 'host-list'}], exitCode: 5, says: /reset|closed|connection/i, check: stdoutIsEmpty},
	{
		name: 'session expires in the middle of paging: one re-login, nothing lost or duplicated',
		simulator: {hosts: 2500},
		faults: [{name: 'session-expiry', afterCalls: 2}],
		args: ['--json'],
		exitCode: 0,
		says: /^$/,
		check: result => {
			const ids = result.stdout.trimEnd().split('\n').map(line => (JSON.parse(line) as {id: string}).id);
			assert.equal(ids.length, 2500);
			assert.equal(new Set(ids).size, 2500);
		},
	},
	{
		name: 'next-page URL pointing at another origin: refused, nothing sent there',
		simulator: {hosts: 1500},
		faults: [{name: 'foreign-next-url'}],
		exitCode: 5,
		says: /origin|another|refus/i,
		check: (_result, calls) => assert.equal(calls['host-list']?.['200'], 1, 'only the first page was fetched'),
	},
	{name: 'empty host list: a friendly empty result, not an error', simulator: {hosts: 0}, args: ['--json'], exitCode: 0, says: /no hosts/, check: result => assert.equal(result.stdout, '')},
	{name: 'empty scan list', simulator: {scans: 0}, command: 'scans', exitCode: 0, says: /no scans/},
	{name: 'one host (a single HOST is still a list)', simulator: {hosts: 1}, args: ['--json'], exitCode: 0, says: /^$/, check: result => assert.equal(result.stdout.trimEnd().split('\n').length, 1)},
	{
		name: 'one scan (a single SCAN is still a list)',
		simulator: {scans: 1},
		command: 'scans',
		args: ['--json'],
		exitCode: 0,
		says: /^$|no scans/,
		check: result => assert.ok(result.stdout.trimEnd().split('\n').length <= 1),
	},
	{name: 'the newer API paths are missing: falls back to 2.0 by itself', faults: [{name: 'legacy-only'}], args: ['--json', '--limit', '3'], exitCode: 0, says: /stopped at --limit 3/},
];

describe('fault matrix: qualys-tui hosts/scans against a misbehaving server', () => {
	for (const faultCase of cases) {
		test(faultCase.name, async t => {
			const simulator = await withSimulator(t, {...faultCase.simulator, faults: faultCase.faults ? [...faultCase.faults] : undefined});
			const result = await runCli([faultCase.command ?? 'hosts', '--api-url', simulator.url, '-u', 'demo', ...(faultCase.args ?? [])], {
				env: {QUALYS_PASSWORD: faultCase.password ?? 'demo'},
			});
			assert.equal(result.code, faultCase.exitCode, `exit code; stderr: ${result.stderr}`);
			assert.match(result.stderr, faultCase.says);
			assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
			faultCase.check?.(result, simulator.state().calls as Record<string, Record<string, number> | undefined>);
		});
	}

	test('concurrency limit (409/1960, no ToWait): the second tool in parallel is told to wait for the first', async t => {
		const simulator = await withSimulator(t, {concurrency: 1, faults: [{name: 'latency', ms: 3000, api: 'host-list'}]});
		const run = () => runCli(['hosts', '--api-url', simulator.url, '-u', 'demo', '--limit', '1'], {env: {QUALYS_PASSWORD: 'demo'}});
		const first = run();
		// Start the second once the first has logged in: its host-list call then runs for 3 s, long
		// enough for the second process to start, log in and collide with it.
		for (let i = 0; i < 250 && simulator.state().logins === 0; i++) await new Promise(resolve => setTimeout(resolve, 20));
		const second = await run();
		assert.equal((await first).code, 0);
		assert.equal(second.code, 4, second.stderr);
		assert.match(second.stderr, /running|concurren/i);
	});

	test('connection refused', async () => {
		const port = await closedPort();
		const result = await runCli(['hosts', '--api-url', `http://127.0.0.1:${port}`, '-u', 'demo'], {env: {QUALYS_PASSWORD: 'demo'}});
		assert.equal(result.code, 5);
		assert.match(result.stderr, /refused|reach/i);
	});

	test('a DNS name that does not resolve', async () => {
		const result = await runCli(['hosts', '--api-url', 'https://qualysapi.does-not-exist.invalid', '-u', 'demo', '--timeout', '10'], {env: {QUALYS_PASSWORD: 'demo'}});
		assert.equal(result.code, 5);
		assert.match(result.stderr, /DNS|resolve|not found/i);
	});
});

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
	const server = createServer();
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as {port: number};
	await new Promise<void>(resolve => server.close(() => resolve()));
	return port;
}
