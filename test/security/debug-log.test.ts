// `--debug` writes a request log (source/lib/debug-log.ts, entries from source/api/debug-log.ts):
// full runs of the built CLI (dist/cli.js; `npm run bundle` first) against the simulator behind a
// recording front, with a recognisable password, in session and Basic mode, with a wrong password
// and a 409. The log must exist with mode 0600 (directory 0700), have entries for the login, the
// host-list calls and the logout, show cookies and Authorization by name only, and contain the
// password in no form and no session cookie value the simulator handed out.
import assert from 'node:assert/strict';
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, test, type TestContext} from 'node:test';
import {runCli, type CliResult} from '../helpers/run-cli.js';
import {withSimulator} from '../helpers/start-simulator.js';
import type {SimulatorOptions} from '../../source/simulator/types.js';
import {startRecordingFront, type RecordingFront} from './recording-front.js';
import {COOKIE_LIKE, PASSWORD, passwordForms, WRONG_PASSWORD} from './secret-forms.js';

const USERNAME = 'acme_dbg';

interface LogLine {
	readonly event: 'start' | 'request' | 'error';
	readonly [key: string]: unknown;
}

interface RequestLine extends LogLine {
	readonly api: string;
	readonly method: string;
	readonly url: string;
	readonly requestHeaders: Record<string, string>;
	readonly requestBody?: string;
	readonly status?: number;
	readonly durationMs: number;
	readonly bytes?: number;
	readonly responseHeaders?: Record<string, string>;
	readonly limits?: Record<string, number>;
}

/** A temporary HOME and XDG_STATE_HOME under one root, removed after the test. */
function temporaryHome(t: TestContext): {readonly root: string; readonly home: string; readonly state: string} {
	const root = mkdtempSync(join(tmpdir(), 'qualys-tui-debug-'));
	t.after(() => rmSync(root, {recursive: true, force: true}));
	for (const dir of ['home', 'state']) mkdirSync(join(root, dir));
	return {root, home: join(root, 'home'), state: join(root, 'state')};
}

/** Every file under `root`, recursively. */
function filesUnder(root: string): string[] {
	return readdirSync(root, {withFileTypes: true, recursive: true})
		.filter(entry => entry.isFile())
		.map(entry => join(entry.parentPath ?? (entry as unknown as {path: string}).path, entry.name));
}

interface Scenario {
	readonly args: readonly string[];
	readonly simulator?: SimulatorOptions;
	readonly password?: string;
	readonly expectedCode: number;
	/** Leave XDG_STATE_HOME unset: the log goes under HOME. */
	readonly isHomeOnly?: boolean;
	readonly isDebug?: boolean;
}

interface ScenarioRun {
	readonly run: CliResult;
	readonly front: RecordingFront;
	readonly logPath: string;
	readonly text: string;
	readonly lines: readonly LogLine[];
	readonly requests: readonly RequestLine[];
	readonly home: ReturnType<typeof temporaryHome>;
}

async function runScenario(t: TestContext, scenario: Scenario): Promise<ScenarioRun> {
	const simulator = await withSimulator(t, {users: {[USERNAME]: PASSWORD}, hosts: 30, ...scenario.simulator});
	const front = await startRecordingFront(simulator.url);
	t.after(() => front.close());
	const home = temporaryHome(t);
	const password = scenario.password ?? PASSWORD;
	const args = [...scenario.args, ...(scenario.isDebug === false ? [] : ['--debug']), '--api-url', front.url, '-u', USERNAME, '--password-stdin'];
	const run = await runCli(args, {env: {HOME: home.home, XDG_STATE_HOME: scenario.isHomeOnly ? '' : home.state}, stdin: `${password}\n`});
	assert.equal(run.code, scenario.expectedCode, run.stderr);
	const logPath = scenario.isHomeOnly ? join(home.home, '.local', 'state', 'qualys-tui', 'debug.log') : join(home.state, 'qualys-tui', 'debug.log');
	if (scenario.isDebug === false) return {run, front, logPath, text: '', lines: [], requests: [], home};

	const text = readFileSync(logPath, 'utf8');
	const lines = text
		.trimEnd()
		.split('\n')
		.map(line => JSON.parse(line) as LogLine);
	const requests = lines.filter((line): line is RequestLine => line.event === 'request');

	// Said once, on stderr, with the path.
	assert.equal(run.stderr.split(logPath).length - 1, 1, run.stderr);
	assert.match(run.stderr, /--debug: request log/);
	// Private: the file 0600, its directory 0700.
	assert.equal(statSync(logPath).mode & 0o777, 0o600);
	assert.equal(statSync(join(logPath, '..')).mode & 0o777, 0o700);
	// The header line of the run.
	const start = lines[0]!;
	assert.equal(start.event, 'start');
	assert.match(String(start.version), /^\d+\.\d+\.\d+/);
	assert.equal(typeof start.pid, 'number');
	assert.ok(!Number.isNaN(Date.parse(String(start.time))));
	// Every request line is complete.
	for (const request of requests) {
		assert.ok(!Number.isNaN(Date.parse(String(request.time))), 'time');
		assert.match(request.url, /^\/(api|msp)\//, 'path (and query), no origin');
		assert.equal(typeof request.durationMs, 'number');
		assert.ok(request.status !== undefined || request.error !== undefined, 'a status or an error');
		if (request.status !== undefined) assert.equal(typeof request.bytes, 'number');
		assert.equal(request.requestHeaders['X-Requested-With'], request.requestHeaders['User-Agent']);
	}

	// No secret in any form, anywhere: the log, stdout, stderr, and every other file.
	const secrets = [...passwordForms(USERNAME, PASSWORD), ...passwordForms(USERNAME, password), ...front.cookies];
	for (const file of filesUnder(home.root)) {
		const content = readFileSync(file, 'latin1') + readFileSync(file, 'utf8');
		for (const secret of secrets) assert.ok(!content.includes(secret), `${file} contains a secret (${JSON.stringify(secret.slice(0, 6))}…)`);
		assert.doesNotMatch(content, COOKIE_LIKE, `no cookie-like value in ${file}`);
	}
	for (const secret of secrets) assert.ok(!(run.stdout + run.stderr).includes(secret), 'the output contains a secret');
	return {run, front, logPath, text, lines, requests, home};
}

const isLogin = (line: RequestLine) => line.api === 'session' && line.requestBody?.startsWith('action=login') === true;
const isLogout = (line: RequestLine) => line.api === 'session' && line.requestBody === 'action=logout';

describe('--debug writes a redacted request log', () => {
	test('session mode: login, every host-list page and the logout; cookies by name only', async t => {
		const {front, requests, lines} = await runScenario(t, {args: ['hosts', '--json', '--page-size', '10'], expectedCode: 0});
		assert.equal(front.cookies.size, 1, 'the session cookie was seen, so the search had something to find');

		const login = requests.filter(isLogin);
		assert.equal(login.length, 1);
		assert.equal(login[0]!.method, 'POST');
		assert.equal(login[0]!.url, '/api/2.0/fo/session/');
		assert.equal(login[0]!.requestBody, `action=login&username=${USERNAME}&password=[REDACTED]`);
		assert.equal(login[0]!.status, 200);
		assert.match(login[0]!.responseHeaders!['set-cookie']!, /^QualysSession=\[REDACTED\]; /);

		const pages = requests.filter(line => line.api === 'host-list');
		assert.equal(pages.length, 3, 'three pages of ten hosts');
		for (const page of pages) {
			assert.equal(page.status, 200);
			assert.ok(page.bytes! > 0);
			assert.equal(page.requestHeaders.Cookie, 'QualysSession=[REDACTED]');
			assert.equal(typeof page.limits?.remaining, 'number', 'the limit headers as read');
			assert.ok(page.responseHeaders!['x-ratelimit-remaining']);
		}
		assert.match(pages[1]!.url, /^\/api\/5\.0\/fo\/asset\/host\/\?action=list&.*id_min=\d+/, 'the next-page URL with its query');

		const logout = requests.filter(isLogout);
		assert.equal(logout.length, 1, 'the logout is in the log (written before the exit)');
		assert.equal(logout[0]!.requestHeaders.Cookie, 'QualysSession=[REDACTED]');
		assert.equal(requests.at(-1), logout[0], 'the logout is the last request');
		assert.deepEqual(lines.filter(line => line.event === 'error'), []);
	});

	test('Basic mode, the log under ~/.local/state without XDG_STATE_HOME: Authorization redacted', async t => {
		const {front, requests} = await runScenario(t, {args: ['hosts', '--auth', 'basic', '--page-size', '10'], expectedCode: 0, isHomeOnly: true});
		assert.equal(front.cookies.size, 0);
		const pages = requests.filter(line => line.api === 'host-list');
		assert.equal(pages.length, 3);
		for (const page of pages) assert.equal(page.requestHeaders.Authorization, 'Basic [REDACTED]');
		assert.deepEqual(requests.filter(line => line.api === 'session'), [], 'Basic mode: no login, no logout');
	});

	test('wrong password (session mode): the refused login and the auth error', async t => {
		const {requests, lines} = await runScenario(t, {args: ['hosts'], password: WRONG_PASSWORD, expectedCode: 3});
		const login = requests.filter(isLogin);
		assert.equal(login.length, 1);
		assert.equal(login[0]!.requestBody, `action=login&username=${USERNAME}&password=[REDACTED]`);
		assert.ok(login[0]!.status! >= 400, `refused: ${login[0]!.status}`);
		const errors = lines.filter(line => line.event === 'error');
		assert.equal(errors.length, 1);
		assert.equal(errors[0]!.kind, 'auth');
		assert.match(String(errors[0]!.message), /Bad Login\/Password/);
	});

	test('wrong password (Basic mode): the 401 and the auth error', async t => {
		const {requests, lines} = await runScenario(t, {args: ['limits', '--auth', 'basic'], password: WRONG_PASSWORD, expectedCode: 3});
		assert.ok(requests.length >= 1);
		assert.equal(requests[0]!.status, 401);
		assert.equal(requests[0]!.requestHeaders.Authorization, 'Basic [REDACTED]');
		const errors = lines.filter(line => line.event === 'error');
		assert.equal(errors.length, 1);
		assert.equal(errors[0]!.kind, 'auth');
	});

	test('409 in the middle of a listing: the 409 with its limit reading, the rate-limit error, the logout', async t => {
		const {requests, lines} = await runScenario(t, {args: ['hosts', '--json', '--page-size', '10'], simulator: {rateLimit: 1}, expectedCode: 4});
		const pages = requests.filter(line => line.api === 'host-list');
		assert.deepEqual(
			pages.map(page => page.status),
			[200, 409],
		);
		assert.equal(pages[1]!.limits?.remaining, 0, 'the reading of the 409');
		assert.ok(pages[1]!.responseHeaders!['x-ratelimit-towait-sec']);
		const errors = lines.filter(line => line.event === 'error');
		assert.equal(errors.length, 1, JSON.stringify(errors));
		assert.equal(errors[0]!.kind, 'rate-limit');
		assert.equal(errors[0]!.status, 409);
		assert.equal(requests.filter(isLogout).length, 1);
	});

	test('a second run appends with its own header line', async t => {
		const simulator = await withSimulator(t, {users: {[USERNAME]: PASSWORD}, hosts: 5});
		const home = temporaryHome(t);
		const env = {HOME: home.home, XDG_STATE_HOME: home.state, QUALYS_PASSWORD: PASSWORD};
		for (let i = 0; i < 2; i++) {
			const run = await runCli(['limits', '--debug', '--api-url', simulator.url, '-u', USERNAME], {env});
			assert.equal(run.code, 0, run.stderr);
		}
		const lines = readFileSync(join(home.state, 'qualys-tui', 'debug.log'), 'utf8').trimEnd().split('\n').map(line => JSON.parse(line) as LogLine);
		const starts = lines.filter(line => line.event === 'start');
		assert.equal(starts.length, 2);
		assert.notEqual(starts[0]!.pid, starts[1]!.pid);
		assert.equal(lines[0]!.event, 'start');
	});
});

describe('no log without --debug, and a log that cannot be written stops nothing', () => {
	test('without --debug no file is written', async t => {
		const {home} = await runScenario(t, {args: ['hosts', '--page-size', '10'], expectedCode: 0, isDebug: false});
		assert.deepEqual(filesUnder(home.root), []);
	});

	test('an unusable state directory: said on stderr, the command still succeeds', async t => {
		const simulator = await withSimulator(t, {users: {[USERNAME]: PASSWORD}, hosts: 5});
		const home = temporaryHome(t);
		// A file where the directory should be: mkdir fails with ENOTDIR.
		const blocker = join(home.state, 'not-a-dir');
		writeFileSync(blocker, '');
		const run = await runCli(['hosts', '--debug', '--api-url', simulator.url, '-u', USERNAME], {
			env: {HOME: home.home, XDG_STATE_HOME: blocker, QUALYS_PASSWORD: PASSWORD},
		});
		assert.equal(run.code, 0, run.stderr);
		assert.match(run.stderr, /--debug: cannot write the request log .*\(ENOTDIR\); going on without it/);
		assert.match(run.stdout, /ID/);
	});
});
