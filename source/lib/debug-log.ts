// The `--debug` log file: one JSON object per line, appended to
// $XDG_STATE_HOME/qualys-tui/debug.log (default ~/.local/state/qualys-tui/debug.log), the file
// mode 0600 and its directory 0700. The client hands over entries already redacted
// (source/api/debug-log.ts); this file only writes them. Writing is buffered and asynchronous so a
// request never waits for the disk, and it never throws: a failed write (full disk, the file
// removed) just ends the logging.
import {chmodSync, closeSync, fchmodSync, mkdirSync, openSync, write, writeSync} from 'node:fs';
import {homedir} from 'node:os';
import {isAbsolute, join} from 'node:path';
import type {DebugEntry} from '../api/debug-log.js';

/** An open debug log. */
export interface DebugLog {
	readonly path: string;
	/** Queues one entry; returns at once. */
	readonly write: (entry: DebugEntry) => void;
	/** Resolves when everything queued so far is on disk (or the log has given up). Never rejects. */
	flush(): Promise<void>;
}

/** Where the log goes: `$XDG_STATE_HOME/qualys-tui/debug.log`, else `~/.local/state/qualys-tui/debug.log`. */
export function debugLogPath(env: NodeJS.ProcessEnv): string {
	// The XDG spec: a relative XDG_STATE_HOME is invalid and ignored.
	const stateHome = env.XDG_STATE_HOME && isAbsolute(env.XDG_STATE_HOME) ? env.XDG_STATE_HOME : join(env.HOME || homedir(), '.local', 'state');
	return join(stateHome, 'qualys-tui', 'debug.log');
}

/** What the header line of a run says. */
export interface DebugLogRun {
	readonly version: string;
	/** `hosts`, `scans`, `limits` or `interactive`. */
	readonly command: string;
}

/**
 * Opens (creates or appends to) the log and writes the run's header line. Returns the failure
 * instead of throwing when the file cannot be opened; the caller says so and goes on without it.
 */
export function openDebugLog(env: NodeJS.ProcessEnv, run: DebugLogRun): DebugLog | {readonly path: string; readonly error: string} {
	const path = debugLogPath(env);
	let fd: number;
	try {
		const directory = join(path, '..');
		mkdirSync(directory, {recursive: true, mode: 0o700});
		chmodSync(directory, 0o700);
		fd = openSync(path, 'a', 0o600);
		// An older file with a wider mode is narrowed too.
		fchmodSync(fd, 0o600);
	} catch (error) {
		return {path, error: (error as NodeJS.ErrnoException).code ?? (error as Error).message};
	}

	let queue: string[] = [];
	let draining: Promise<void> | undefined;
	let isBroken = false;

	const writeAll = (data: Buffer) =>
		new Promise<void>((resolve, reject) => {
			const next = (offset: number) => {
				write(fd, data, offset, data.length - offset, null, (error, written) => {
					if (error) reject(error);
					else if (offset + written < data.length) next(offset + written);
					else resolve();
				});
			};
			next(0);
		});

	const drain = async () => {
		try {
			while (queue.length > 0 && !isBroken) {
				const chunk = Buffer.from(queue.join(''), 'utf8');
				queue = [];
				await writeAll(chunk);
			}
		} catch {
			isBroken = true;
			queue = [];
		} finally {
			draining = undefined;
		}
	};

	const push = (line: string) => {
		if (isBroken) return;
		queue.push(line);
		draining ??= drain();
	};

	// process.exit() does not wait for queued writes: what is still queued is written at once.
	const onExit = () => {
		if (isBroken || queue.length === 0) return;
		try {
			writeSync(fd, queue.join(''));
		} catch {
			// Nothing left to do on the way out.
		}
		queue = [];
		try {
			closeSync(fd);
		} catch {}
	};
	process.on('exit', onExit);

	push(`${JSON.stringify({event: 'start', time: new Date().toISOString(), version: run.version, pid: process.pid, command: run.command, node: process.version})}\n`);

	return {
		path,
		write(entry) {
			try {
				push(`${JSON.stringify(entry)}\n`);
			} catch {
				// An entry that does not serialise is skipped.
			}
		},
		async flush() {
			while (draining) await draining;
		},
	};
}

/**
 * `--debug` at the start of a run: opens the log and says once on `stderr` where it is (or that it
 * could not be opened). Undefined when there is no log to write.
 */
export function startDebugLog(env: NodeJS.ProcessEnv, run: DebugLogRun, stderr: {write(text: string): unknown}): DebugLog | undefined {
	const log = openDebugLog(env, run);
	if ('error' in log) {
		stderr.write(`qualys-tui: --debug: cannot write the request log ${log.path} (${log.error}); going on without it\n`);
		return undefined;
	}
	stderr.write(`qualys-tui: --debug: request log (credentials redacted): ${log.path}\n`);
	return log;
}
