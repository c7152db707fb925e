// Secrets never leave memory: full non-interactive runs of the built CLI (dist/cli.js) with a
// recognisable password, in session and Basic mode, password from --password-stdin and from
// QUALYS_PASSWORD. While each run is going, its /proc/<pid>/cmdline is sampled and any child
// process is looked for; afterwards stdout, stderr and every file under the temporary HOME / XDG
// / TMPDIR it was given are searched for the password (in every encoding it travels in) and for
// the session cookies the simulator issued (recorded by a transparent front, recording-front.ts).
import assert from 'node:assert/strict';
import {spawn, spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {createServer} from 'node:http';
import type {AddressInfo} from 'node:net';
import {describe, test, type TestContext} from 'node:test';
import {startConnectProxy} from '../helpers/connect-proxy.js';
import {cliPath} from '../helpers/run-cli.js';
import {withSimulator} from '../helpers/start-simulator.js';
import type {SimulatorOptions} from '../../source/simulator/types.js';
import {startRecordingFront, type RecordingFront} from './recording-front.js';
import {COOKIE_LIKE, PASSWORD, passwordForms, WRONG_PASSWORD} from './secret-forms.js';

const USERNAME = 'acme_sec';

/** Fails when `text` (from `where`) contains any of `secrets`. */
function assertFree(text: string, secrets: readonly string[], where: string): void {
	for (const secret of secrets) assert.ok(!text.includes(secret), `${where} contains a secret (${JSON.stringify(secret.slice(0, 6))}…)`);
}

/** A fresh HOME, XDG_CONFIG_HOME, XDG_STATE_HOME, XDG_CACHE_HOME and TMPDIR under one temporary root. */
function temporaryHome(t: TestContext): {readonly root: string; readonly env: NodeJS.ProcessEnv} {
	const root = mkdtempSync(join(tmpdir(), 'qualys-tui-secrets-'));
	t.after(() => rmSync(root, {recursive: true, force: true}));
	const dirs = {HOME: 'home', XDG_CONFIG_HOME: 'config', XDG_STATE_HOME: 'state', XDG_CACHE_HOME: 'cache', TMPDIR: 'tmp'};
	const env: NodeJS.ProcessEnv = {};
	for (const [name, dir] of Object.entries(dirs)) {
		mkdirSync(join(root, dir));
		env[name] = join(root, dir);
	}
	return {root, env};
}

/** Paths and contents of every file under `root`. */
function walk(root: string): Array<{readonly path: string; readonly content: string}> {
	const files: Array<{path: string; content: string}> = [];
	for (const entry of readdirSync(root, {withFileTypes: true, recursive: true})) {
		const path = join(entry.parentPath ?? (entry as unknown as {path: string}).path, entry.name);
		if (entry.isFile()) files.push({path, content: readFileSync(path, 'latin1') + readFileSync(path, 'utf8')});
		else files.push({path, content: ''});
	}
	return files;
}

/** Processes whose parent is `pid`, from /proc/<n>/stat (field 4). */
function childrenOf(pid: number): number[] {
	const children: number[] = [];
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
			const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			if (parent === pid) children.push(Number(entry));
		} catch {
			// Gone meanwhile.
		}
	}
	return children;
}

interface ObservedRun {
	readonly code: number | null;
	readonly stdout: string;
	readonly stderr: string;
	readonly elapsedMs: number;
	/** /proc/<pid>/cmdline as read while the process ran (NULs as spaces). */
	readonly cmdlines: readonly string[];
	/** Child processes seen at any sample, with their environment. */
	readonly children: ReadonlyArray<{readonly pid: number; readonly environ: string}>;
}

/** Runs `node dist/cli.js ...args` with exactly `env` (no inherited variables) and watches it. */
function runObserved(args: readonly string[], {env, stdin = ''}: {readonly env: NodeJS.ProcessEnv; readonly stdin?: string}): Promise<ObservedRun> {
	return new Promise((resolve, reject) => {
		const started = performance.now();
		const child = spawn(process.execPath, [cliPath, ...args], {env: {PATH: process.env.PATH, NO_COLOR: '1', ...env}, stdio: ['pipe', 'pipe', 'pipe']});
		const pid = child.pid!;
		const cmdlines: string[] = [];
		const children = new Map<number, string>();
		const sample = () => {
			try {
				cmdlines.push(readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' '));
			} catch {
				// Exited between samples.
			}
			for (const each of childrenOf(pid)) {
				let environ = '';
				try {
					environ = readFileSync(`/proc/${each}/environ`, 'utf8');
				} catch {}
				children.set(each, environ);
			}
		};
		sample();
		const poll = setInterval(sample, 10);
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8').on('data', chunk => (stdout += chunk));
		child.stderr.setEncoding('utf8').on('data', chunk => (stderr += chunk));
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(new Error(`qualys-tui ${args.join(' ')} did not exit in time\n${stderr.slice(-500)}`));
		}, 15_000);
		child.on('error', reject);
		child.on('close', code => {
			clearInterval(poll);
			clearTimeout(timer);
			resolve({code, stdout, stderr, elapsedMs: performance.now() - started, cmdlines, children: [...children].map(([each, environ]) => ({pid: each, environ}))});
		});
		child.stdin.on('error', () => {});
		child.stdin.end(stdin);
	});
}

interface Scenario {
	readonly args: readonly string[];
	readonly simulator?: SimulatorOptions;
	readonly passwordFrom: 'stdin' | 'env';
	/** The password the run is given (the simulator's user always has PASSWORD). */
	readonly password?: string;
	readonly expectedCode: number;
	readonly expectedStderr?: RegExp;
}


/**
 * Runs one scenario against a simulator (user acme_sec / PASSWORD) behind a recording front, and
 * checks every place a secret could end up.
 */
async function runScenario(t: TestContext, scenario: Scenario): Promise<{run: ObservedRun; front: RecordingFront}> {
	const simulator = await withSimulator(t, {users: {[USERNAME]: PASSWORD}, hosts: 30, latencyMs: 150, ...scenario.simulator});
	const front = await startRecordingFront(simulator.url);
	t.after(() => front.close());
	const home = temporaryHome(t);
	const password = scenario.password ?? PASSWORD;
	const args = [...scenario.args, '--api-url', front.url, '-u', USERNAME, ...(scenario.passwordFrom === 'stdin' ? ['--password-stdin'] : [])];
	const env = {...home.env, ...(scenario.passwordFrom === 'env' ? {QUALYS_PASSWORD: password} : {})};
	const run = await runObserved(args, {env, stdin: scenario.passwordFrom === 'stdin' ? `${password}\n` : ''});
	assert.equal(run.code, scenario.expectedCode, run.stderr);
	if (scenario.expectedStderr) assert.match(run.stderr, scenario.expectedStderr);

	if (!scenario.args.includes('basic') && scenario.password === undefined) {
		assert.ok(front.cookies.size >= 1, 'the session cookie was seen, so the cookie search had something to find');
	}
	const secrets = [...passwordForms(USERNAME, PASSWORD), ...passwordForms(USERNAME, password), ...front.cookies];
	assertFree(run.stdout, secrets, 'stdout');
	assertFree(run.stderr, secrets, 'stderr');
	assert.doesNotMatch(run.stdout + run.stderr, COOKIE_LIKE, 'no cookie-like value in the output');
	assert.ok(run.cmdlines.length > 0, 'the command line was read while the process ran');
	for (const cmdline of run.cmdlines) assertFree(cmdline, secrets, '/proc/<pid>/cmdline');
	assert.deepEqual(run.children, [], 'the CLI spawns no process (so no child environment can carry the password)');
	for (const file of walk(home.root)) {
		assertFree(file.path, secrets, `the file name ${file.path}`);
		assertFree(file.content, secrets, `the file ${file.path}`);
		assert.doesNotMatch(file.content, COOKIE_LIKE, `no cookie-like value in ${file.path}`);
	}
	return {run, front};
}

describe('a successful session leaves the password and the cookie nowhere', () => {
	test('hosts --json, session mode, --password-stdin', async t => {
		const {front, run} = await runScenario(t, {args: ['hosts', '--json', '--page-size', '10'], passwordFrom: 'stdin', expectedCode: 0});
		assert.equal(run.stdout.trimEnd().split('\n').length, 30, 'three pages of hosts');
		assert.equal(front.cookies.size, 1, 'one session, one cookie');
	});

	test('limits, session mode, QUALYS_PASSWORD', async t => {
		const {front} = await runScenario(t, {args: ['limits'], passwordFrom: 'env', expectedCode: 0});
		assert.equal(front.cookies.size, 1);
	});

	test('hosts, Basic mode, QUALYS_PASSWORD', async t => {
		const {front} = await runScenario(t, {args: ['hosts', '--auth', 'basic', '--page-size', '10'], passwordFrom: 'env', expectedCode: 0});
		assert.equal(front.cookies.size, 0, 'Basic mode opens no session');
	});

	test('limits --json, Basic mode, --password-stdin', async t => {
		await runScenario(t, {args: ['limits', '--json', '--auth', 'basic'], passwordFrom: 'stdin', expectedCode: 0});
	});
});

describe('error messages carry neither the password nor the cookie', () => {
	test('wrong password (session mode): exit 3, neither password shown', async t => {
		await runScenario(t, {args: ['hosts'], passwordFrom: 'stdin', password: WRONG_PASSWORD, expectedCode: 3, expectedStderr: /Bad Login\/Password/});
	});

	test('wrong password (Basic mode): exit 3', async t => {
		await runScenario(t, {args: ['limits', '--auth', 'basic'], passwordFrom: 'env', password: WRONG_PASSWORD, expectedCode: 3});
	});

	test('409 rate limit in the middle of a listing: exit 4', async t => {
		await runScenario(t, {args: ['hosts', '--json', '--page-size', '10'], simulator: {rateLimit: 1}, passwordFrom: 'stdin', expectedCode: 4, expectedStderr: /rate limit/i});
	});

	test('HTML 502 from a proxy: exit 5', async t => {
		await runScenario(t, {args: ['hosts'], simulator: {faults: [{name: 'html-502'}]}, passwordFrom: 'env', expectedCode: 5, expectedStderr: /HTML page/});
	});

	test('timeout (the server never answers): exit 5', async t => {
		await runScenario(t, {args: ['hosts', '--timeout', '1'], simulator: {faults: [{name: 'hang'}]}, passwordFrom: 'stdin', expectedCode: 5, expectedStderr: /within 1 s/});
	});
});

describe('the password never goes on the command line or over plain http', () => {
	for (const form of [['--password', PASSWORD], [`--password=${PASSWORD}`]]) {
		test(`${form.length === 2 ? '--password VALUE' : '--password=VALUE'} is refused with exit 2, the value not echoed, nothing sent`, async t => {
			const simulator = await withSimulator(t, {users: {[USERNAME]: PASSWORD}});
			const front = await startRecordingFront(simulator.url);
			t.after(() => front.close());
			const home = temporaryHome(t);
			const run = await runObserved(['hosts', '--api-url', front.url, '-u', USERNAME, ...form], {env: home.env});
			assert.equal(run.code, 2);
			assert.match(run.stderr, /there is no --password flag/);
			assertFree(run.stdout + run.stderr, passwordForms(USERNAME, PASSWORD), 'the usage error');
			assert.deepEqual(front.requests, [], 'no request was made');
		});
	}

	test('plain http:// to a non-loopback host is refused before any connection: exit 2, at once', async t => {
		// Any attempt would go through this proxy (HTTP_PROXY applies to http:// URLs) and be recorded.
		const proxy = await startConnectProxy();
		t.after(() => proxy.close());
		const home = temporaryHome(t);
		const env = {...home.env, QUALYS_PASSWORD: PASSWORD, HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url};
		const run = await runObserved(['hosts', '--api-url', 'http://198.51.100.1', '-u', USERNAME, '--timeout', '10'], {env});
		assert.equal(run.code, 2, run.stderr);
		assert.match(run.stderr, /Plain http is only allowed to this machine/);
		assert.ok(run.elapsedMs < 3000, `refused in ${Math.round(run.elapsedMs)} ms, far under the 10 s timeout`);
		assertFree(run.stdout + run.stderr, passwordForms(USERNAME, PASSWORD), 'the refusal');
		assert.deepEqual(proxy.requests, []);
		assert.deepEqual(proxy.tunnels, []);
	});

	test('under strace: no connect() at all for the http:// refusal, and a full session spawns nothing and connects only to loopback', async t => {
		if (spawnSync('strace', ['-f', '-o', '/dev/null', 'true']).status !== 0) {
			t.skip('strace is not available (or ptrace is not permitted) here');
			return;
		}
		const home = temporaryHome(t);
		// Asynchronous: the simulator answering the traced CLI runs in this very process.
		const trace = (args: readonly string[], env: NodeJS.ProcessEnv, stdin = '') =>
			new Promise<{code: number | null; stderr: string; lines: string[]}>((resolve, reject) => {
				const log = join(home.root, `strace-${Math.random().toString(36).slice(2)}.txt`);
				const child = spawn('strace', ['-f', '-qq', '-e', 'trace=connect,execve', '-o', log, process.execPath, cliPath, ...args], {
					env: {PATH: process.env.PATH, NO_COLOR: '1', ...home.env, ...env},
				});
				let stderr = '';
				child.stderr.setEncoding('utf8').on('data', chunk => (stderr += chunk));
				child.stdout.resume();
				const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
				child.on('error', reject);
				child.on('close', code => {
					clearTimeout(timer);
					const lines = readFileSync(log, 'utf8').split('\n').filter(line => line.trim() !== '');
					rmSync(log);
					resolve({code, stderr, lines});
				});
				child.stdin.end(stdin);
			});
		const refused = await trace(['hosts', '--api-url', 'http://198.51.100.1', '-u', USERNAME], {QUALYS_PASSWORD: PASSWORD});
		assert.equal(refused.code, 2, refused.stderr);
		assert.deepEqual(refused.lines.filter(line => /\bconnect\(/.test(line) && /AF_INET/.test(line)), [], 'no network connection was attempted');

		const simulator = await withSimulator(t, {users: {[USERNAME]: PASSWORD}, hosts: 5});
		const session = await trace(['limits', '--api-url', simulator.url, '-u', USERNAME, '--password-stdin'], {}, `${PASSWORD}\n`);
		assert.equal(session.code, 0, session.stderr);
		assert.equal(session.lines.filter(line => /\bexecve\(/.test(line)).length, 1, 'one execve: node itself, no child process');
		const inet = session.lines.filter(line => /\bconnect\(/.test(line) && /AF_INET6?/.test(line));
		assert.ok(inet.length > 0);
		for (const line of inet) assert.match(line, /inet_addr\("127\.0\.0\.1"\)/, line);
		for (const line of session.lines) assertFree(line, passwordForms(USERNAME, PASSWORD), 'the execve arguments');
	});
});

/** Every run of 8 characters of `password`: a cut-off or partly redacted echo still shows. */
function passwordPieces(password: string): string[] {
	const pieces: string[] = [];
	for (let i = 0; i + 8 <= password.length; i++) pieces.push(password.slice(i, i + 8));
	return pieces;
}

describe('a server that echoes the password in its error text', () => {
	// Real Qualys error texts quote the offending value (qualys-api.md §7: "parameter … has invalid
	// value: …"); a broken or hostile server could quote the password. The client redacts it.
	const echoes: ReadonlyArray<readonly [string, (password: string) => string]> = [
		['verbatim', password => `parameter password has invalid value: ${password}`],
		['form-encoded', password => `bad request body: action=login&username=${USERNAME}&password=${new URLSearchParams({p: password}).toString().slice(2)}`],
		['percent-encoded', password => `invalid value ${encodeURIComponent(password)}`],
		['cut off by the 200-character limit', password => `${'x'.repeat(180)} ${password}`],
		['with its whitespace changed', password => `invalid value: ${password.replace(' ', '\t\n ')}`],
	];
	for (const [name, echo] of echoes) {
		test(`${name}: redacted from the error`, async t => {
			const server = createServer((request, response) => {
				request.resume();
				request.on('end', () => {
					const text = echo(PASSWORD).replace(/]]>/g, ']]]]><![CDATA[>');
					response.writeHead(400, {'Content-Type': 'application/xml'}).end(`<?xml version="1.0" encoding="UTF-8" ?><SIMPLE_RETURN><RESPONSE><DATETIME>2024-01-01T00:00:00Z</DATETIME><CODE>1905</CODE><TEXT><![CDATA[${text}]]></TEXT></RESPONSE></SIMPLE_RETURN>`);
				});
			});
			await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
			t.after(() => new Promise<void>(resolve => server.close(() => resolve())));
			const home = temporaryHome(t);
			const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
			const run = await runObserved(['limits', '--api-url', url, '-u', USERNAME, '--password-stdin'], {env: home.env, stdin: `${PASSWORD}\n`});
			assert.equal(run.code, 5, run.stderr);
			assert.match(run.stderr, /1905/);
			assertFree(run.stdout + run.stderr, [...passwordForms(USERNAME, PASSWORD), ...passwordPieces(PASSWORD), ...passwordPieces(encodeURIComponent(PASSWORD))], 'the error');
		});
	}
});
