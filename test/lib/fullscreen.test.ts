import assert from 'node:assert/strict';
import {EventEmitter} from 'node:events';
import {describe, test} from 'node:test';
import {
	enterFullscreen,
	exitCodeFor,
	formatFatalError,
	isTerminalGoneError,
	onTerminate,
	settleWithin,
	type TerminateReason,
} from '../../source/lib/fullscreen.js';

const enterAlternateScreen = '\u001B[?1049h\u001B[H';
const leaveAlternateScreen = '\u001B[?1049l\u001B[?25h';

/** A process stand-in that records every step of the teardown in order. */
function setup({cleanup = async () => {}, timeoutMs = 1000}: {cleanup?: (reason: TerminateReason) => unknown; timeoutMs?: number} = {}) {
	const steps: string[] = [];
	const host = new EventEmitter();
	const stdout = {write: (data: string) => steps.push(`stdout ${JSON.stringify(data)}`)};
	const stderr = {write: (data: string) => steps.push(`stderr ${data.trimEnd()}`)};
	const stdin = {isTTY: true, setRawMode: (mode: boolean) => steps.push(`raw ${mode}`)};
	let exited!: (code: number) => void;
	const exitCode = new Promise<number>(resolve => {
		exited = resolve;
	});
	const screen = enterFullscreen(stdout, {stdin, host});
	steps.length = 0;
	const terminator = onTerminate(
		async reason => {
			steps.push(`cleanup ${reason}`);
			await cleanup(reason);
		},
		{
			timeoutMs,
			screen,
			app: {unmount: () => steps.push('unmount')},
			stderr,
			program: 'qualys-tui',
			host,
			exit(code) {
				steps.push(`exit ${code}`);
				exited(code);
			},
		},
	);
	return {steps, host, screen, terminator, exitCode};
}

const restoreSteps = ['unmount', `stdout ${JSON.stringify(leaveAlternateScreen)}`, 'raw false'];

describe('enterFullscreen', () => {
	test('switches to the alternate screen and homes the cursor', () => {
		const written: string[] = [];
		const host = new EventEmitter();
		enterFullscreen({write: data => written.push(data)}, {stdin: {}, host});
		assert.deepEqual(written, [enterAlternateScreen]);
	});

	test('leave restores the screen, the cursor and cooked mode once', () => {
		const written: string[] = [];
		const rawModes: boolean[] = [];
		const host = new EventEmitter();
		const screen = enterFullscreen(
			{write: data => written.push(data)},
			{stdin: {isTTY: true, setRawMode: mode => rawModes.push(mode)}, host},
		);
		screen.leave();
		screen.leave();
		assert.deepEqual(written, [enterAlternateScreen, leaveAlternateScreen]);
		assert.deepEqual(rawModes, [false]);
		assert.equal(screen.isActive, false);
		assert.equal(host.listenerCount('exit'), 0);
	});

	test('leaves no raw mode alone when stdin is not a terminal', () => {
		const rawModes: boolean[] = [];
		const screen = enterFullscreen({write() {}}, {stdin: {isTTY: false, setRawMode: mode => rawModes.push(mode)}, host: new EventEmitter()});
		screen.leave();
		assert.deepEqual(rawModes, []);
	});

	test('leaves the alternate screen on process exit when nobody else did', () => {
		const written: string[] = [];
		const host = new EventEmitter();
		const screen = enterFullscreen({write: data => written.push(data)}, {stdin: {}, host});
		host.emit('exit', 0);
		assert.equal(screen.isActive, false);
		assert.deepEqual(written, [enterAlternateScreen, leaveAlternateScreen]);
	});

	test('leave swallows EIO from a hung-up terminal', () => {
		const host = new EventEmitter();
		let isGone = false;
		const fail = () => {
			if (isGone) {
				throw Object.assign(new Error('write EIO'), {code: 'EIO'});
			}
		};

		const screen = enterFullscreen({write: fail}, {stdin: {isTTY: true, setRawMode: fail}, host});
		isGone = true;
		assert.doesNotThrow(() => {
			screen.leave();
		});
	});
});

describe('exitCodeFor', () => {
	test('uses 128 + the signal number for signals, 0 for a normal exit and 1 for crashes', () => {
		assert.deepEqual(
			(['exit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'uncaughtException', 'unhandledRejection', 'error'] as const).map(exitCodeFor),
			[0, 129, 130, 143, 1, 1, 1],
		);
	});
});

describe('formatFatalError', () => {
	test('prints the first line of the message without control characters', () => {
		assert.equal(formatFatalError(new Error('\nboom \u001B[31mred\u001B[0m\nstack-ish detail')), 'qualys-tui: boom [31mred[0m');
		assert.equal(formatFatalError('plain', 'app'), 'app: plain');
		assert.equal(formatFatalError(new Error('')), 'qualys-tui: unexpected error');
	});
});

describe('isTerminalGoneError', () => {
	test('recognises EIO and EPIPE and nothing else', () => {
		assert.equal(isTerminalGoneError(Object.assign(new Error('x'), {code: 'EIO'})), true);
		assert.equal(isTerminalGoneError(Object.assign(new Error('x'), {code: 'EPIPE'})), true);
		assert.equal(isTerminalGoneError(new Error('x')), false);
		assert.equal(isTerminalGoneError(undefined), false);
	});
});

describe('settleWithin', () => {
	test('reports done, failed and timeout without rejecting', async () => {
		assert.equal(await settleWithin(async () => {}, 100), 'done');
		assert.equal(await settleWithin(() => {
			throw new Error('sync');
		}, 100), 'failed');
		assert.equal(await settleWithin(async () => Promise.reject(new Error('async')), 100), 'failed');
		assert.equal(await settleWithin(async () => new Promise(() => {}), 10), 'timeout');
		const controller = new AbortController();
		const settling = settleWithin(async () => new Promise(() => {}), 60_000, controller.signal);
		controller.abort();
		assert.equal(await settling, 'aborted');
	});
});

describe('onTerminate', () => {
	for (const [signal, code] of [['SIGTERM', 143], ['SIGHUP', 129], ['SIGINT', 130]] as const) {
		test(`${signal}: cleanup first, then unmount, restore the terminal and exit ${code}`, async () => {
			const {steps, host, exitCode} = setup();
			host.emit(signal, signal);
			assert.equal(await exitCode, code);
			assert.deepEqual(steps, [`cleanup ${signal}`, ...restoreSteps, `exit ${code}`]);
		});
	}

	test('shutdown("exit") runs the same teardown for the normal path', async () => {
		const {steps, terminator, exitCode} = setup();
		await terminator.shutdown('exit');
		assert.equal(await exitCode, 0);
		assert.deepEqual(steps, ['cleanup exit', ...restoreSteps, 'exit 0']);
	});

	test('an uncaught exception prints one line after the terminal is restored and exits 1', async () => {
		const {steps, host, exitCode} = setup();
		host.emit('uncaughtException', new Error('database on fire\n    at somewhere'));
		assert.equal(await exitCode, 1);
		assert.deepEqual(steps, [
			'cleanup uncaughtException',
			...restoreSteps,
			'stderr qualys-tui: database on fire',
			'exit 1',
		]);
	});

	test('an unhandled rejection ends the process like an uncaught exception', async () => {
		const {steps, host, exitCode} = setup();
		host.emit('unhandledRejection', new Error('lost promise'));
		assert.equal(await exitCode, 1);
		assert.ok(steps.includes('stderr qualys-tui: lost promise'));
	});

	test('EIO from a dead terminal is a hang-up, not a crash: exit 129 and no message', async () => {
		const {steps, host, exitCode} = setup();
		host.emit('uncaughtException', Object.assign(new Error('read EIO'), {code: 'EIO'}));
		assert.equal(await exitCode, 129);
		assert.deepEqual(steps, ['cleanup SIGHUP', ...restoreSteps, 'exit 129']);
	});

	test('a hanging cleanup is cut by the timeout', async () => {
		const {steps, host, exitCode} = setup({cleanup: async () => new Promise(() => {}), timeoutMs: 20});
		host.emit('SIGTERM', 'SIGTERM');
		assert.equal(await exitCode, 143);
		assert.deepEqual(steps, ['cleanup SIGTERM', ...restoreSteps, 'exit 143']);
	});

	test('a failing cleanup does not stop the exit', async () => {
		const {steps, host, exitCode} = setup({
			async cleanup() {
				throw new Error('logout failed');
			},
		});
		host.emit('SIGHUP', 'SIGHUP');
		assert.equal(await exitCode, 129);
		assert.deepEqual(steps, ['cleanup SIGHUP', ...restoreSteps, 'exit 129']);
	});

	test('a second SIGTERM or SIGINT during cleanup exits at once', async () => {
		for (const second of ['SIGTERM', 'SIGINT'] as const) {
			const {steps, host, exitCode} = setup({cleanup: async () => new Promise(() => {}), timeoutMs: 60_000});
			host.emit('SIGTERM', 'SIGTERM');
			host.emit(second, second);
			assert.equal(await exitCode, exitCodeFor(second));
			assert.deepEqual(steps, ['cleanup SIGTERM', ...restoreSteps, `exit ${exitCodeFor(second)}`]);
			assert.equal(host.listenerCount('SIGTERM'), 0);
		}
	});

	test('a repeated SIGHUP does not cut the cleanup short', async () => {
		let finish!: () => void;
		const {steps, host, exitCode} = setup({
			cleanup: async () =>
				new Promise<void>(resolve => {
					finish = resolve;
				}),
		});
		host.emit('SIGHUP', 'SIGHUP');
		host.emit('SIGHUP', 'SIGHUP');
		assert.deepEqual(steps, ['cleanup SIGHUP']);
		finish();
		assert.equal(await exitCode, 129);
		assert.deepEqual(steps, ['cleanup SIGHUP', ...restoreSteps, 'exit 129']);
	});

	test('errors during cleanup are ignored and cleanup runs once', async () => {
		let finish!: () => void;
		const {steps, host, terminator, exitCode} = setup({
			cleanup: async () =>
				new Promise<void>(resolve => {
					finish = resolve;
				}),
		});
		host.emit('SIGTERM', 'SIGTERM');
		host.emit('uncaughtException', Object.assign(new Error('write EPIPE'), {code: 'EPIPE'}));
		host.emit('unhandledRejection', new Error('late'));
		const second = terminator.shutdown('exit');
		assert.equal(terminator.isShuttingDown, true);
		finish();
		await second;
		assert.equal(await exitCode, 143);
		assert.deepEqual(steps, ['cleanup SIGTERM', ...restoreSteps, 'exit 143']);
	});

	test('dispose removes every handler', () => {
		const {host, terminator} = setup();
		terminator.dispose();
		for (const event of ['SIGTERM', 'SIGHUP', 'SIGINT', 'uncaughtException', 'unhandledRejection']) {
			assert.equal(host.listenerCount(event), 0, event);
		}
	});
});
