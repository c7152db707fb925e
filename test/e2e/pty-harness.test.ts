import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {after, before, describe, test} from 'node:test';
import {build} from 'esbuild';
import {spawnInPty, type PtySession, type SpawnInPtyOptions} from '../helpers/pty.js';

const root = path.join(import.meta.dirname, '../..');
const scratch = mkdtempSync(path.join(tmpdir(), 'qualys-tui-pty-'));
const fixtureBundle = path.join(scratch, 'fullscreen-app.mjs');
after(() => {
	rmSync(scratch, {recursive: true, force: true});
});

// The fixture runs as `node --import tsx test/fixtures/pty/fullscreen-app.tsx` too, but that takes
// ~1.2 s per start (ink's import graph through tsx) against ~0.3 s for a bundle, and 9 concurrent
// tsx starts on 2 cores would take most of the time budget. Bundled like package.json's `bundle`.
before(async () => {
	await build({
		entryPoints: [path.join(root, 'test/fixtures/pty/fullscreen-app.tsx')],
		outfile: fixtureBundle,
		bundle: true,
		platform: 'node',
		format: 'esm',
		target: 'node20',
		alias: {'react-devtools-core': path.join(root, 'source/lib/devtools-stub.ts')},
		define: {'process.env.DEV': '"false"'},
		banner: {js: "import {createRequire as __cr} from 'node:module';const require=__cr(import.meta.url);"},
		logLevel: 'warning',
	});
});

const sessions: PtySession[] = [];
after(() => {
	for (const session of sessions) {
		session.dispose();
	}
});

function start(command: string, args: string[], options?: SpawnInPtyOptions): PtySession {
	const session = spawnInPty(command, args, options);
	sessions.push(session);
	return session;
}

/** Runs a shell snippet; `sh -c` keeps these tests independent of the app. */
function shell(script: string, options?: SpawnInPtyOptions): PtySession {
	return start('sh', ['-c', script], options);
}

describe('spawnInPty', {concurrency: true}, () => {
	test('shows what the program printed, line by line, right-trimmed', async () => {
		const session = shell(String.raw`printf 'first   \r\nsecond\r\n'; read x`, {cols: 20, rows: 4});
		await session.waitFor('second');
		assert.equal(session.line(0), 'first');
		assert.equal(session.line(1), 'second');
		assert.equal(session.screen(), 'first\nsecond\n\n');
	});

	test('waits for a pattern or a predicate', async () => {
		const session = shell(String.raw`sleep 0.1; printf 'count: 42'; read x`);
		assert.match(await session.waitFor(/count: \d+/), /count: 42/);
		await session.waitFor(screen => screen.startsWith('count'));
	});

	test('a timed-out wait reports the current screen', async () => {
		const session = shell(String.raw`printf 'only this'; read x`);
		await session.waitFor('only this');
		await assert.rejects(session.waitFor('something else', {timeoutMs: 100}), (error: Error) => {
			assert.match(error.message, /timed out after 100 ms/);
			assert.match(error.message, /--- screen ---\nonly this/);
			return true;
		});
	});

	test('a wait fails as soon as the program exits without the text', async () => {
		const session = shell(String.raw`printf 'bye'`);
		await assert.rejects(session.waitFor('never shown'), /exited \(code 0, signal none\)[\s\S]*bye/);
		assert.deepEqual(await session.exited, {exitCode: 0, signal: undefined});
	});

	test('tracks the alternate screen and cursor visibility', async () => {
		const session = shell(String.raw`printf 'main'; read x; printf '\033[?1049h\033[?25lalt'; read x; printf '\033[?1049l\033[?25h'; read x`);
		await session.waitFor('main');
		assert.equal(session.isAlternateScreen(), false);
		assert.equal(session.isCursorVisible(), true);
		await session.press('enter');
		await session.waitFor('alt');
		assert.equal(session.isAlternateScreen(), true);
		assert.equal(session.isCursorVisible(), false);
		await session.press('enter');
		await session.waitFor(() => !session.isAlternateScreen());
		assert.equal(session.isCursorVisible(), true);
		assert.equal(session.line(0), 'main');
	});

	test('press sends each key as its own write, in order', async () => {
		// A raw-mode reader that prints each chunk it reads as JSON, one per line. A busy machine may
		// still merge two writes into one read (the kernel decides), so the test checks the keys and
		// their order, and the reader stops on Ctrl+D wherever it lands in a chunk.
		const reader = String.raw`process.stdin.setRawMode(true); process.stdin.on('data', d => { process.stdout.write(JSON.stringify(String(d)) + '\r\n'); if (String(d).includes('\u0004')) process.exit(0); }); process.stdout.write('reading\r\n');`;
		const session = start(process.execPath, ['-e', reader]);
		await session.waitFor('reading');
		await session.press('j', 'enter', 'up', 'shift-tab', 'ctrl-c', 'ctrl-d');
		await session.exited;
		const chunks = session.screen().split('\n').slice(1).filter(line => line.startsWith('"')).map(line => JSON.parse(line) as string);
		assert.equal(chunks.join(''), 'j\r\u001B[A\u001B[Z\u0003\u0004');
	});

	test('resizes the terminal and the program sees the new size', async () => {
		const session = shell(String.raw`trap 'printf "size %s\r\n" "$(stty size)"' WINCH; printf 'go\r\n'; while :; do sleep 0.05; done`, {cols: 80, rows: 24});
		await session.waitFor('go');
		session.resize(100, 30);
		await session.waitFor('size 30 100');
	});

	test('counts the bytes and chunks of output after a mark', async () => {
		const session = shell(String.raw`printf 'a'; read x; printf '12345'; read x`);
		await session.waitFor('a');
		const mark = session.mark();
		await session.press('enter');
		await session.waitFor('a\n12345');
		assert.equal(session.bytesSince(mark), 2 + 5); // The tty echoes Enter as CR LF.
		assert.ok(session.framesSince(mark) >= 1);
		assert.ok(session.bytesReceived >= 8);
	});

	test('dispose kills a program that ignores SIGTERM and SIGHUP', async () => {
		const session = shell(String.raw`trap '' TERM HUP; printf 'stubborn'; while :; do sleep 1; done`);
		await session.waitFor('stubborn');
		session.dispose();
		session.dispose();
		assert.equal((await session.exited).signal, 9);
	});
});

type AppOptions = {hang?: boolean; timeoutMs?: number};

/** Starts the fixture app and waits until it takes input. */
async function startApp({hang = false, timeoutMs = 2000}: AppOptions = {}) {
	const log = path.join(scratch, `cleanup-${sessions.length}.log`);
	const session = start(process.execPath, [fixtureBundle], {
		env: {
			FIXTURE_CLEANUP_LOG: log,
			FIXTURE_CLEANUP_HANG: hang ? '1' : '0',
			FIXTURE_CLEANUP_TIMEOUT_MS: String(timeoutMs),
		},
	});
	await session.waitFor('READY');
	assert.equal(session.isAlternateScreen(), true, 'the app runs in the alternate screen');
	const cleanupLog = () => {
		try {
			return readFileSync(log, 'utf8');
		} catch {
			return '';
		}
	};

	return {session, cleanupLog};
}

/** What every ending must leave behind: the operator's screen back, with a cursor. */
function assertTerminalRestored(session: PtySession) {
	assert.equal(session.isAlternateScreen(), false, 'alternate screen is left');
	assert.equal(session.isCursorVisible(), true, 'cursor is visible');
}

describe('fullscreen app in a real terminal', {concurrency: true}, () => {
	test('q quits: cleanup ran, terminal restored, exit 0', async () => {
		const {session, cleanupLog} = await startApp();
		await session.press('q');
		assert.deepEqual(await session.exited, {exitCode: 0, signal: undefined});
		assertTerminalRestored(session);
		assert.equal(cleanupLog(), 'cleanup-start exit\ncleanup-done exit\n');
	});

	test('Ctrl+C quits through the app (raw mode), exit 0', async () => {
		const {session, cleanupLog} = await startApp();
		await session.press('ctrl-c');
		assert.deepEqual(await session.exited, {exitCode: 0, signal: undefined});
		assertTerminalRestored(session);
		assert.equal(cleanupLog(), 'cleanup-start exit\ncleanup-done exit\n');
	});

	test('SIGTERM: cleanup ran, terminal restored, exit 143', async () => {
		const {session, cleanupLog} = await startApp();
		session.kill('SIGTERM');
		const {exitCode, signal} = await session.exited;
		assert.ok(exitCode === 143 || signal === 15, `exit ${exitCode} signal ${signal}`);
		assertTerminalRestored(session);
		assert.equal(cleanupLog(), 'cleanup-start SIGTERM\ncleanup-done SIGTERM\n');
	});

	test('SIGHUP: cleanup ran, terminal restored, exit 129', async () => {
		const {session, cleanupLog} = await startApp();
		session.kill('SIGHUP');
		assert.deepEqual(await session.exited, {exitCode: 129, signal: undefined});
		assertTerminalRestored(session);
		assert.equal(cleanupLog(), 'cleanup-start SIGHUP\ncleanup-done SIGHUP\n');
	});

	test('a dropped connection (terminal hung up): cleanup ran, exit 129', async () => {
		const {session, cleanupLog} = await startApp();
		session.hangUp();
		assert.deepEqual(await session.exited, {exitCode: 129, signal: undefined});
		assert.equal(cleanupLog(), 'cleanup-start SIGHUP\ncleanup-done SIGHUP\n');
	});

	test('an uncaught error: cleanup ran, one-line message on the main screen, exit 1', async () => {
		const {session, cleanupLog} = await startApp();
		await session.press('x');
		assert.deepEqual(await session.exited, {exitCode: 1, signal: undefined});
		assertTerminalRestored(session);
		assert.equal(session.screen().trim(), 'fullscreen-app: boom from the fixture');
		assert.equal(cleanupLog(), 'cleanup-start uncaughtException\ncleanup-done uncaughtException\n');
	});

	test('an unhandled rejection ends the app like an uncaught error', async () => {
		const {session, cleanupLog} = await startApp();
		await session.press('p');
		assert.deepEqual(await session.exited, {exitCode: 1, signal: undefined});
		assertTerminalRestored(session);
		assert.equal(session.screen().trim(), 'fullscreen-app: rejected in the fixture');
		assert.equal(cleanupLog(), 'cleanup-start unhandledRejection\ncleanup-done unhandledRejection\n');
	});

	test('a hanging cleanup is cut by the timeout', async () => {
		const {session, cleanupLog} = await startApp({hang: true, timeoutMs: 300});
		await session.press('q');
		assert.deepEqual(await session.exited, {exitCode: 0, signal: undefined});
		assertTerminalRestored(session);
		assert.equal(cleanupLog(), 'cleanup-start exit\n');
	});

	test('a second SIGTERM during cleanup exits at once', async () => {
		const {session, cleanupLog} = await startApp({hang: true, timeoutMs: 60_000});
		session.kill('SIGTERM');
		await session.waitFor('phase: cleanup SIGTERM');
		session.kill('SIGTERM');
		assert.deepEqual(await session.exited, {exitCode: 143, signal: undefined});
		assertTerminalRestored(session);
		assert.equal(cleanupLog(), 'cleanup-start SIGTERM\n');
	});

	test('j pressed 20 times quickly counts 20', async () => {
		const {session} = await startApp();
		await session.press(...Array.from({length: 20}, () => 'j'));
		await session.waitFor('count: 20');
		await session.press('q');
		await session.exited;
	});
});
