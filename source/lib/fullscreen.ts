/**
 * Full-screen lifecycle for the Ink app: the alternate screen, and one orderly teardown for every way
 * the process can end. Ink 6.8 has no alternate-screen option, and its signal-exit hook re-raises
 * SIGTERM/SIGHUP without leaving our alternate screen (see /work/shared/stack-notes.md §5), so once
 * `onTerminate` adds its own handlers it owns the whole teardown:
 *
 *   cleanup(reason) (bounded by timeoutMs) → Ink unmount → leave alternate screen → exit(code)
 */
import {closeSync} from 'node:fs';
import {isatty} from 'node:tty';

const enterAlternateScreen = '\u001B[?1049h\u001B[H';
// Ink normally shows the cursor on unmount; we show it again because a forced exit may skip Ink.
const leaveAlternateScreen = '\u001B[?1049l\u001B[?25h';

/** Why the process is ending. `exit` is the normal path (the app unmounted), `error` an error the caller caught. */
export type TerminateReason =
	| 'exit'
	| 'error'
	| 'SIGINT'
	| 'SIGTERM'
	| 'SIGHUP'
	| 'uncaughtException'
	| 'unhandledRejection';

/** The part of a stdout stream the screen needs. */
export type ScreenOutput = {write(data: string): unknown};

/** The part of a stdin stream the screen needs to turn raw mode off. */
export type ScreenInput = {readonly isTTY?: boolean; setRawMode?(mode: boolean): unknown};

/** A terminal switched to the alternate screen. */
export type FullscreenScreen = {
	/** Leaves the alternate screen, shows the cursor and turns raw mode off. Idempotent; never throws. */
	leave(): void;
	readonly isActive: boolean;
};

/** Options for `enterFullscreen`. */
export type EnterFullscreenOptions = {
	/** @default process.stdin */
	readonly stdin?: ScreenInput;
	/** Where to listen for `exit` as a last resort. @default process */
	readonly host?: Pick<NodeJS.EventEmitter, 'on' | 'off'>;
};

/**
 * Switches `stdout` to the alternate screen (and homes the cursor) before Ink renders.
 * Leaves it again on `leave()`, or at the latest on process `exit`, so no path leaves the
 * operator's shell stuck in the alternate screen.
 */
export function enterFullscreen(stdout: ScreenOutput, options: EnterFullscreenOptions = {}): FullscreenScreen {
	const {stdin = process.stdin, host = process} = options;
	let isActive = true;
	const leave = () => {
		if (!isActive) {
			return;
		}

		isActive = false;
		host.off('exit', leave);
		safeWrite(stdout, leaveAlternateScreen);
		if (stdin.isTTY) {
			try {
				stdin.setRawMode?.(false);
			} catch {
				// The tty is gone (SIGHUP): there is no mode left to restore.
			}
		}
	};

	safeWrite(stdout, enterAlternateScreen);
	host.on('exit', leave);
	return {
		leave,
		get isActive() {
			return isActive;
		},
	};
}

/** Exit status for a reason: 128 + signal number for signals, as a shell would report them. */
export function exitCodeFor(reason: TerminateReason): number {
	switch (reason) {
		case 'exit': {
			return 0;
		}

		case 'SIGHUP': {
			return 129;
		}

		case 'SIGINT': {
			return 130;
		}

		case 'SIGTERM': {
			return 143;
		}

		default: {
			return 1;
		}
	}
}

/**
 * Whether an error means the terminal is gone: writing to or reading from a hung-up tty fails
 * with EIO, a closed pipe with EPIPE.
 */
export function isTerminalGoneError(error: unknown): boolean {
	const code = (error as {code?: unknown} | undefined)?.code;
	return code === 'EIO' || code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED';
}

/** The one line printed after leaving the alternate screen when the app crashes. Control characters are dropped. */
export function formatFatalError(error: unknown, program = 'qualys-tui'): string {
	const message = error instanceof Error ? error.message : String(error);
	// eslint-disable-next-line no-control-regex
	const firstLine = (message.split('\n').find(line => line.trim() !== '') ?? '').replaceAll(/[\u0000-\u001F\u007F-\u009F]/g, '');
	return `${program}: ${firstLine.trim() || 'unexpected error'}`;
}

/**
 * Runs `run` and settles within `timeoutMs`: `'done'`, `'failed'` (threw or rejected), `'timeout'`,
 * or `'aborted'` when `signal` aborts first. Never rejects, so a broken or hanging cleanup cannot stop the exit.
 */
export async function settleWithin(
	run: () => unknown,
	timeoutMs: number,
	signal?: AbortSignal,
): Promise<'done' | 'failed' | 'timeout' | 'aborted'> {
	let timer: NodeJS.Timeout | undefined;
	let onAbort: (() => void) | undefined;
	const timeout = new Promise<'timeout' | 'aborted'>(resolve => {
		timer = setTimeout(resolve, timeoutMs, 'timeout');
		onAbort = () => {
			resolve('aborted');
		};

		signal?.addEventListener('abort', onAbort, {once: true});
	});
	const work = (async () => {
		await run();
		return 'done' as const;
	})().catch(() => 'failed' as const);
	try {
		return await Promise.race([work, timeout]);
	} finally {
		// The timer is cleared rather than unref'd: while cleanup runs, it is what keeps the process alive.
		clearTimeout(timer);
		signal?.removeEventListener('abort', onAbort!);
	}
}

/** Options for `onTerminate`. */
export type OnTerminateOptions = {
	/**
	 * Upper bound for the cleanup callback; the exit goes on without it afterwards.
	 * @default 3000
	 */
	readonly timeoutMs?: number;
	/** Restored after cleanup. */
	readonly screen?: FullscreenScreen;
	/** The Ink instance; unmounted after cleanup. */
	readonly app?: {unmount(): void};
	/** Receives the one-line message for crashes. @default process.stderr */
	readonly stderr?: ScreenOutput;
	/** Program name in that message. @default 'qualys-tui' */
	readonly program?: string;
	/** @default process.exit */
	readonly exit?: (code: number) => void;
	/** Where signals and process errors are listened for. @default process */
	readonly host?: Pick<NodeJS.EventEmitter, 'on' | 'off'>;
};

/** The teardown installed by `onTerminate`. */
export type Terminator = {
	/**
	 * Runs the teardown once: cleanup (bounded), unmount, restore the terminal, print a one-line
	 * message for crashes, exit with `exitCodeFor(reason)`. Later calls wait for the first one.
	 * Use `shutdown('exit')` after `waitUntilExit()` and `shutdown('error', error)` when it rejects.
	 */
	shutdown(reason: TerminateReason, error?: unknown): Promise<void>;
	readonly isShuttingDown: boolean;
	/** Removes the handlers (for tests and embedding); Ink's own signal hook takes over again. */
	dispose(): void;
};

const signals = ['SIGTERM', 'SIGHUP', 'SIGINT'] as const;

/**
 * Handles SIGTERM (exit 143), SIGHUP (129: the SSH connection dropped), SIGINT (130: only arrives
 * when stdin is not in raw mode; in raw mode Ctrl+C is input for the app), uncaught exceptions and
 * unhandled rejections (1, with a one-line message) by running `cleanup` first and then restoring
 * the terminal. A second SIGINT or SIGTERM during cleanup exits at once. A repeated SIGHUP does not:
 * on a hangup both the kernel and the login shell may send one, and that must not cut the logout.
 */
export function onTerminate(
	cleanup: (reason: TerminateReason) => unknown,
	options: OnTerminateOptions = {},
): Terminator {
	const {
		timeoutMs = 3000,
		screen,
		app,
		stderr = process.stderr,
		program = 'qualys-tui',
		exit = (code: number) => {
			releaseHungUpStdio();
			process.exit(code);
		},
		host = process,
	} = options;
	let running: Promise<void> | undefined;
	let hasExited = false;
	const forced = new AbortController();

	const finish = (code: number) => {
		if (hasExited) {
			return;
		}

		hasExited = true;
		dispose();
		exit(code);
	};

	const restore = () => {
		try {
			app?.unmount();
		} catch {
			// Ink may throw while writing its last frame to a dead tty; the screen still has to be left.
		}

		screen?.leave();
	};

	const shutdown = (reason: TerminateReason, error?: unknown): Promise<void> => {
		running ??= (async () => {
			await settleWithin(() => cleanup(reason), timeoutMs, forced.signal);
			if (hasExited) {
				return;
			}

			restore();
			const terminalGone = reason === 'SIGHUP' || isTerminalGoneError(error);
			if (error !== undefined && !terminalGone) {
				safeWrite(stderr, formatFatalError(error, program) + '\n');
			}

			finish(exitCodeFor(reason));
		})();
		return running;
	};

	const onSignal = (signal: NodeJS.Signals) => {
		if (running && signal !== 'SIGHUP') {
			// The operator insists: skip the rest of the cleanup.
			restore();
			finish(exitCodeFor(signal as TerminateReason));
			// Only reached when `exit` returns (tests): stop waiting for the cleanup.
			forced.abort();
			return;
		}

		void shutdown(signal as TerminateReason);
	};

	const onUncaught = (error: unknown) => {
		if (running) {
			// Typically EIO/EPIPE from Ink writing to a hung-up tty while cleanup runs; the exit is already underway.
			return;
		}

		void shutdown(isTerminalGoneError(error) ? 'SIGHUP' : 'uncaughtException', error);
	};

	const onRejection = (reason: unknown) => {
		if (!running) {
			void shutdown('unhandledRejection', reason ?? new Error('unhandled promise rejection'));
		}
	};

	const dispose = () => {
		for (const signal of signals) {
			host.off(signal, onSignal);
		}

		host.off('uncaughtException', onUncaught);
		host.off('unhandledRejection', onRejection);
	};

	for (const signal of signals) {
		host.on(signal, onSignal);
	}

	host.on('uncaughtException', onUncaught);
	host.on('unhandledRejection', onRejection);

	return {
		shutdown,
		get isShuttingDown() {
			return running !== undefined;
		},
		dispose,
	};
}

/**
 * Closes the stdio descriptors whose terminal has hung up, just before `process.exit`.
 *
 * Node 20 restores the startup tty modes at exit and asserts that `tcsetattr` succeeded; on a hung-up
 * terminal it fails (EIO), and the assertion then crashes while printing itself, so a dropped SSH
 * connection ended in SIGSEGV (and a core dump where enabled) instead of exit 129, after the logout
 * (found by test/e2e/interactive.test.ts; nodejs/node#51519, fixed by nodejs/node#58200, not in Node 20).
 * That restore skips descriptors the program closed. Only descriptors that were a terminal at start
 * and no longer answer as one are closed, so a live terminal keeps Node's restore.
 */
function releaseHungUpStdio(): void {
	const startedAsTty = [process.stdin.isTTY, process.stdout.isTTY, process.stderr.isTTY];
	for (const [fd, wasTty] of startedAsTty.entries()) {
		if (wasTty && !isatty(fd)) {
			try {
				closeSync(fd);
			} catch {
				// Already closed: Node's restore skips it either way.
			}
		}
	}
}

function safeWrite(stream: ScreenOutput, data: string): void {
	try {
		stream.write(data);
	} catch {
		// EIO/EPIPE after the SSH connection dropped: nobody is left to read it.
	}
}
