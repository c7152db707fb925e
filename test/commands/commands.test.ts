import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {withSimulator} from '../helpers/start-simulator.js';
import {runCli} from '../helpers/run-cli.js';

const hostileTitle = /\u001B|\u0007|\u202E|\u200B/;

describe('qualys-tui hosts', () => {
	test('--demo --json prints all 5,000 hosts as JSON lines and logs out', async () => {
		const result = await runCli(['hosts', '--demo', '--json']);
		assert.equal(result.code, 0, result.stderr);
		const lines = result.stdout.trimEnd().split('\n');
		assert.equal(lines.length, 5000);
		const ids = lines.map(line => (JSON.parse(line) as {id: string}).id);
		assert.equal(new Set(ids).size, 5000, 'no host twice');
		assert.deepEqual([...ids].sort((a, b) => Number(a) - Number(b)), ids, 'ascending, as the API sends them');
		assert.equal(result.stderr, '', 'progress is shown only on a terminal');
	});

	test('pages through a simulator, logs in once and out once', async t => {
		const simulator = await withSimulator(t, {hosts: 2500});
		const result = await runCli(['hosts', '--api-url', simulator.url, '--username', 'demo', '--json'], {env: {QUALYS_PASSWORD: 'demo'}});
		assert.equal(result.code, 0, result.stderr);
		assert.equal(result.stdout.trimEnd().split('\n').length, 2500);
		const state = simulator.state();
		assert.equal(state.logins, 1);
		assert.equal(state.logouts, 1);
		assert.equal(state.calls['host-list']?.['200'], 3, 'three pages of 1,000');
	});

	test('--limit asks the server for only that many hosts and says more exist', async t => {
		const simulator = await withSimulator(t);
		const result = await runCli(['hosts', '--api-url', simulator.url, '-u', 'demo', '--limit', '7'], {env: {QUALYS_PASSWORD: 'demo'}});
		assert.equal(result.code, 0, result.stderr);
		const rows = result.stdout.trimEnd().split('\n');
		assert.match(rows[0]!, /^ID\s+IP\s+DNS\s+NetBIOS\s+OS\s+Tracking\s+Last scan$/);
		assert.equal(rows.length, 2 + 7, 'header, rule and 7 rows');
		assert.match(result.stderr, /stopped at --limit 7; more hosts exist/);
		assert.equal(simulator.state().calls['host-list']?.['200'], 1);
	});

	test('--password-stdin with a wrong password exits 3 with the server\'s Bad Login/Password', async t => {
		const simulator = await withSimulator(t);
		const result = await runCli(['hosts', '--api-url', simulator.url, '-u', 'demo', '--password-stdin'], {stdin: 'wrong password\n'});
		assert.equal(result.code, 3);
		assert.match(result.stderr, /Bad Login\/Password/);
		assert.doesNotMatch(result.stderr + result.stdout, /wrong password/, 'the password is never printed');
		assert.equal(result.stdout, '');
	});

	test('a simulator with --rate-limit 2 blocks the third call: exit 4 with the wait', async t => {
		const simulator = await withSimulator(t, {rateLimit: 2, windowSec: 3600, hosts: 10});
		const run = () => runCli(['hosts', '--api-url', simulator.url, '-u', 'demo', '--json', '--page-size', '5'], {env: {QUALYS_PASSWORD: 'demo'}});
		const first = await run();
		assert.equal(first.code, 0, 'two pages of 5: two calls, both allowed');
		const second = await run();
		assert.equal(second.code, 4);
		assert.match(second.stderr, /wait|again/i);
		assert.match(second.stderr, /\d+ ?(h|min|s|hours?|minutes?|seconds?)\b/, 'says how long');
	});

	test('server text is sanitised in the table: no escape sequences reach the terminal', async t => {
		const simulator = await withSimulator(t, {hosts: 50, faults: [{name: 'hostile-text'}]});
		const result = await runCli(['hosts', '--api-url', simulator.url, '-u', 'demo'], {env: {QUALYS_PASSWORD: 'demo'}});
		assert.equal(result.code, 0, result.stderr);
		assert.doesNotMatch(result.stdout, hostileTitle);
		assert.doesNotMatch(result.stdout, /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/);
	});

	test('--json keeps hostile text exact but escaped', async t => {
		const simulator = await withSimulator(t, {hosts: 50, faults: [{name: 'hostile-text'}]});
		const result = await runCli(['hosts', '--api-url', simulator.url, '-u', 'demo', '--json'], {env: {QUALYS_PASSWORD: 'demo'}});
		assert.equal(result.code, 0, result.stderr);
		assert.doesNotMatch(result.stdout, /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u200B]/);
		const parsed = result.stdout.trimEnd().split('\n').map(line => JSON.parse(line) as {dns?: string; os?: string; netbios?: string});
		assert.ok(parsed.some(host => hostileTitle.test(`${host.dns ?? ''}${host.os ?? ''}${host.netbios ?? ''}`)), 'the data itself is kept');
	});
});

describe('qualys-tui scans and limits', () => {
	test('scans prints the 30-day window newest first, and logs out', async t => {
		const simulator = await withSimulator(t);
		const result = await runCli(['scans', '--api-url', simulator.url, '-u', 'demo', '--json'], {env: {QUALYS_PASSWORD: 'demo'}});
		assert.equal(result.code, 0, result.stderr);
		const scans = result.stdout.trimEnd().split('\n').map(line => JSON.parse(line) as {launched: string; state: string});
		assert.ok(scans.length > 0);
		const launched = scans.map(scan => scan.launched);
		assert.deepEqual(launched, [...launched].sort().reverse());
		assert.equal(simulator.state().logouts, 1);
	});

	test('limits reads about.php once and prints its reading', async t => {
		const simulator = await withSimulator(t, {rateLimit: 300, windowSec: 3600});
		const result = await runCli(['limits', '--api-url', simulator.url, '-u', 'demo', '--auth', 'basic'], {env: {QUALYS_PASSWORD: 'demo'}});
		assert.equal(result.code, 0, result.stderr);
		assert.match(result.stdout, /about\.php\s+300 calls every 1 hour\s+299/);
		assert.equal(simulator.state().calls.about?.['200'], 1);
		assert.equal(simulator.state().logins, 0, 'Basic mode opens no session');
	});
});

describe('usage and environment', () => {
	test('no server given: exit 2 with what to do', async () => {
		const result = await runCli(['hosts']);
		assert.equal(result.code, 2);
		assert.match(result.stderr, /--platform or --api-url/);
	});

	test('plain http to a non-loopback host is refused before anything is sent: exit 2', async () => {
		const result = await runCli(['hosts', '--api-url', 'http://qualysapi.example.com', '-u', 'x'], {env: {QUALYS_PASSWORD: 'x'}});
		assert.equal(result.code, 2);
		assert.match(result.stderr, /http/i);
	});

	test('the interactive UI without a terminal points to the commands', async () => {
		const result = await runCli([]);
		assert.equal(result.code, 2);
		assert.match(result.stderr, /qualys-tui hosts\|scans\|limits/);
	});

	test('--help lists every command and says there is no --password flag', async () => {
		const result = await runCli(['--help']);
		assert.equal(result.code, 0);
		for (const word of ['hosts', 'scans', 'limits', 'simulate', '--password-stdin', '--insecure', '--demo']) assert.ok(result.stdout.includes(word), word);
	});

	test('--insecure is announced on every run', async t => {
		const simulator = await withSimulator(t);
		const result = await runCli(['limits', '--api-url', simulator.url, '-u', 'demo', '--insecure'], {env: {QUALYS_PASSWORD: 'demo'}});
		assert.equal(result.code, 0, result.stderr);
		assert.match(result.stderr, /--insecure: TLS certificates are NOT verified/);
	});
});
