import {spawn, type IPty} from 'node-pty';
// @xterm/headless is CommonJS without named ESM exports: only the default import works.
import xtermHeadless from '@xterm/headless';

const {Terminal} = xtermHeadless;
type HeadlessTerminal = InstanceType<typeof Terminal>;

/** Key names understood by `PtySession.press`, mapped to what xterm sends for them. */
export const keys = {
	enter: '\r',
	escape: '\u001B',
	tab: '\t',
	'shift-tab': '\u001B[Z',
	space: ' ',
	backspace: '\u007F',
	up: '\u001B[A',
	down: '\u001B[B',
	right: '\u001B[C',
	left: '\u001B[D',
	home: '\u001B[H',
	end: '\u001B[F',
	pageup: '\u001B[5~',
	pagedown: '\u001B[6~',
	'ctrl-c': '\u0003',
	'ctrl-d': '\u0004',
	'ctrl-u': '\u0015',
} as const;

/** A named key from `keys`; anything else given to `press` is written literally. */
export type KeyName = keyof typeof keys;

// In application cursor mode (DECCKM, `CSI ? 1 h`) a real terminal sends SS3 forms for these.
const applicationCursorKeys: Partial<Record<KeyName, string>> = {
	up: '\u001BOA',
	down: '\u001BOB',
	right: '\u001BOC',
	left: '\u001BOD',
	home: '\u001BOH',
	end: '\u001BOF',
};

// Variables that make child programs behave unlike an operator's terminal:
// is-in-ci (used by Ink) turns off incremental rendering when CI is set, COLUMNS/LINES would
// contradict the pty size, and NODE_TEST_CONTEXT makes a child node think it reports to our runner.
const noisyEnv = [
	'CI',
	'CONTINUOUS_INTEGRATION',
	'GITHUB_ACTIONS',
	'GITLAB_CI',
	'BUILDKITE',
	'BUILD_NUMBER',
	'RUN_ID',
	'TF_BUILD',
	'NODE_TEST_CONTEXT',
	'COLUMNS',
	'LINES',
	'TMUX',
	'TMUX_PANE',
];

/** Options for `spawnInPty`. */
export type SpawnInPtyOptions = {
	/** @default 80 */
	readonly cols?: number;
	/** @default 24 */
	readonly rows?: number;
	/** Added to the inherited environment (minus CI noise); `undefined` removes a variable. */
	readonly env?: Readonly<Record<string, string | undefined>>;
	/** @default process.cwd() */
	readonly cwd?: string;
	/**
	 * Pause between keys in `press`, so that each key reaches the program in its own read().
	 * @default 15
	 */
	readonly keyGapMs?: number;
};

/** What `waitFor` waits for: text on screen, a pattern, or a predicate over the screen text. */
export type ScreenExpectation = string | RegExp | ((screen: string) => boolean);

/** A position in the output stream, from `mark()`. */
export type OutputMark = {readonly bytes: number; readonly frames: number};

/** How the program ended. `signal` is set when a signal killed it. */
export type PtyExit = {readonly exitCode: number; readonly signal: number | undefined};

/** A program running in a real pseudo-terminal whose output is interpreted by a headless xterm. */
export type PtySession = {
	readonly pid: number;
	/** Resolves when the program has exited and all its output has been parsed. */
	readonly exited: Promise<PtyExit>;
	/** Output bytes (UTF-8) received so far. */
	readonly bytesReceived: number;
	/** Output chunks (pty reads) received so far. */
	readonly framesReceived: number;
	/** The visible lines, right-trimmed, joined by `\n`. */
	screen(): string;
	/** One visible line (0-based), right-trimmed. */
	line(n: number): string;
	/**
	 * Resolves with the screen once it matches; re-checked after every chunk xterm has parsed.
	 * Rejects with the current screen after `timeoutMs`, or when the program exits without a match.
	 */
	waitFor(expectation: ScreenExpectation, options?: {timeoutMs?: number}): Promise<string>;
	/** Writes raw input, as if typed or pasted in one go. */
	write(data: string): void;
	/** Sends keys one at a time with a short pause between them; see `keys` for names. */
	press(...keyNames: Array<KeyName | (string & {})>): Promise<void>;
	resize(cols: number, rows: number): void;
	/** Sends a signal to the program. @default 'SIGTERM' */
	kill(signal?: NodeJS.Signals): void;
	/**
	 * Closes the terminal under the program, like a dropped SSH connection: the kernel hangs up
	 * the tty (SIGHUP; reads and writes then fail with EIO). The screen keeps its last state.
	 */
	hangUp(): void;
	/** Whether the program switched to the alternate screen buffer (`CSI ? 1049 h`). */
	isAlternateScreen(): boolean;
	/** Whether the cursor is shown (DECTCEM, `CSI ? 25 h` / `l`). */
	isCursorVisible(): boolean;
	/** Remembers the current position in the output, for `bytesSince` and `framesSince`. */
	mark(): OutputMark;
	bytesSince(mark: OutputMark): number;
	framesSince(mark: OutputMark): number;
	/** Kills the program if it is still running and releases the terminal. Safe to call twice. */
	dispose(): void;
};

type Waiter = {
	check(): boolean;
	fail(reason: string): void;
};

/** Starts `command` in a pseudo-terminal (TERM=xterm-256color) and mirrors its screen. */
export function spawnInPty(command: string, args: string[], options: SpawnInPtyOptions = {}): PtySession {
	const {cols = 80, rows = 24, cwd = process.cwd(), keyGapMs = 15} = options;
	const env: Record<string, string> = {};
	for (const [name, value] of Object.entries({...process.env, TERM: 'xterm-256color', ...options.env})) {
		if (value !== undefined && !noisyEnv.includes(name)) {
			env[name] = value;
		}
	}

	for (const [name, value] of Object.entries(options.env ?? {})) {
		// Given variables win, even the ones filtered as noise.
		if (value !== undefined) {
			env[name] = value;
		}
	}

	const term: HeadlessTerminal = new Terminal({cols, rows, allowProposedApi: true, scrollback: 0});
	const pty: IPty = spawn(command, args, {name: 'xterm-256color', cols, rows, cwd, env});

	let bytesReceived = 0;
	let framesReceived = 0;
	let pendingParses = 0;
	let hasExited = false;
	let isDisposed = false;
	let exitInfo: PtyExit | undefined;
	const waiters = new Set<Waiter>();
	const drainCallbacks: Array<() => void> = [];

	const notify = () => {
		for (const waiter of [...waiters]) {
			waiter.check();
		}

		if (pendingParses === 0) {
			for (const callback of drainCallbacks.splice(0)) {
				callback();
			}
		}
	};

	const whenParsed = () =>
		new Promise<void>(resolve => {
			if (pendingParses === 0) {
				resolve();
			} else {
				drainCallbacks.push(resolve);
			}
		});

	const dataSubscription = pty.onData(data => {
		bytesReceived += Buffer.byteLength(data);
		framesReceived++;
		pendingParses++;
		term.write(data, () => {
			pendingParses--;
			notify();
		});
	});

	// Answer the program's queries (cursor position, device attributes) like a real terminal would.
	const replySubscription = term.onData(reply => {
		if (!hasExited && !isDisposed) {
			pty.write(reply);
		}
	});

	const exited = new Promise<PtyExit>(resolve => {
		pty.onExit(({exitCode, signal}) => {
			hasExited = true;
			exitInfo = {exitCode, signal: signal || undefined};
			// node-pty reports exit only after the pty closed, so no output follows; wait for xterm to parse the rest.
			void whenParsed().then(() => {
				const info = exitInfo!;
				for (const waiter of [...waiters]) {
					if (!waiter.check()) {
						waiter.fail(`the program exited (code ${info.exitCode}, signal ${info.signal ?? 'none'}) first`);
					}
				}

				resolve(info);
			});
		});
	});

	const line = (n: number) => {
		const buffer = term.buffer.active;
		// translateToString(true) drops only never-written cells; written spaces are trimmed here.
		return buffer.getLine(buffer.viewportY + n)?.translateToString(true).trimEnd() ?? '';
	};

	const screen = () => {
		const lines: string[] = [];
		for (let n = 0; n < term.rows; n++) {
			lines.push(line(n));
		}

		return lines.join('\n');
	};

	const describe = (expectation: ScreenExpectation) =>
		typeof expectation === 'function' ? 'a screen matching the predicate' : JSON.stringify(String(expectation));

	const write = (data: string) => {
		if (!hasExited && !isDisposed) {
			pty.write(data);
		}
	};

	const session: PtySession = {
		pid: pty.pid,
		exited,
		get bytesReceived() {
			return bytesReceived;
		},
		get framesReceived() {
			return framesReceived;
		},
		screen,
		line,
		waitFor(expectation, {timeoutMs = 10_000} = {}) {
			const matches =
				typeof expectation === 'string'
					? (text: string) => text.includes(expectation)
					: expectation instanceof RegExp
						? (text: string) => {
								expectation.lastIndex = 0;
								return expectation.test(text);
							}
						: expectation;
			return new Promise<string>((resolve, reject) => {
				const initial = screen();
				if (matches(initial)) {
					resolve(initial);
					return;
				}

				if (isDisposed || (hasExited && pendingParses === 0)) {
					reject(new Error(`Waiting for ${describe(expectation)}, but the program is gone.\n${framed(initial)}`));
					return;
				}

				const finish = () => {
					clearTimeout(timer);
					waiters.delete(waiter);
				};

				const waiter: Waiter = {
					check() {
						const text = screen();
						if (!matches(text)) {
							return false;
						}

						finish();
						resolve(text);
						return true;
					},
					fail(reason) {
						finish();
						reject(new Error(`Waiting for ${describe(expectation)}, but ${reason}.\n${framed(screen())}`));
					},
				};

				const timer = setTimeout(() => {
					waiter.fail(`timed out after ${timeoutMs} ms`);
				}, timeoutMs);
				waiters.add(waiter);
			});
		},
		write,
		async press(...keyNames) {
			for (const [index, name] of keyNames.entries()) {
				if (index > 0) {
					// Keys written back to back can arrive in one read(), and Ink then sees `j\r` as one
					// input with key.return false. A pause lets the program read each key on its own.
					await new Promise(resolve => setTimeout(resolve, keyGapMs));
				}

				const isApplicationMode = term.modes.applicationCursorKeysMode;
				const named = Object.hasOwn(keys, name) ? (name as KeyName) : undefined;
				write(named ? ((isApplicationMode && applicationCursorKeys[named]) || keys[named]) : name);
			}
		},
		resize(newCols, newRows) {
			term.resize(newCols, newRows);
			if (!hasExited && !isDisposed) {
				pty.resize(newCols, newRows);
			}
		},
		kill(signal = 'SIGTERM') {
			if (!hasExited) {
				pty.kill(signal);
			}
		},
		hangUp() {
			if (!hasExited && !isDisposed) {
				// UnixTerminal.destroy() (not on IPty) closes the master side, then sends SIGHUP as sshd would.
				(pty as unknown as {destroy(): void}).destroy();
			}
		},
		isAlternateScreen() {
			return term.buffer.active.type === 'alternate';
		},
		isCursorVisible() {
			return !isCursorHidden(term);
		},
		mark() {
			return {bytes: bytesReceived, frames: framesReceived};
		},
		bytesSince(mark) {
			return bytesReceived - mark.bytes;
		},
		framesSince(mark) {
			return framesReceived - mark.frames;
		},
		dispose() {
			if (isDisposed) {
				return;
			}

			isDisposed = true;
			for (const waiter of [...waiters]) {
				waiter.fail('the session was disposed');
			}

			dataSubscription.dispose();
			replySubscription.dispose();
			if (!hasExited) {
				// SIGKILL: a program that ignores SIGHUP/SIGTERM must not keep the test runner waiting.
				try {
					pty.kill('SIGKILL');
				} catch {
					// Already gone between the check and the kill.
				}
			}

			term.dispose();
		},
	};
	return session;
}

/**
 * DECTCEM is not in xterm's public `term.modes` (6.0); the parser keeps it in the core service
 * (`CSI ? 25 l` sets `coreService.isCursorHidden`). Fail loudly if a new xterm moves it.
 */
function isCursorHidden(term: HeadlessTerminal): boolean {
	const coreService = (term as unknown as {_core?: {coreService?: {isCursorHidden?: unknown}}})._core?.coreService;
	if (typeof coreService?.isCursorHidden !== 'boolean') {
		throw new TypeError('@xterm/headless no longer exposes _core.coreService.isCursorHidden; update test/helpers/pty.ts');
	}

	return coreService.isCursorHidden;
}

function framed(screen: string): string {
	return `--- screen ---\n${screen}\n--- end of screen ---`;
}
