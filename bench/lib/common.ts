// Shared pieces of the benchmark scripts: statistics, the result line, a simulator in a child
// process, the app in a pty (test/helpers/pty.ts) and its login. Benchmarks are not tests: they
// measure and report; pass/fail is against the targets in the issue, never an assertion.
import {spawn, type ChildProcess} from 'node:child_process';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {spawnInPty, type PtySession, type SpawnInPtyOptions} from '../../test/helpers/pty.js';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const cli = path.join(root, 'dist/cli.js');

/** Summary of repeated measurements. Spread is min–max (and p10/p90 when n is large enough to mean something). */
export interface Stats {
	readonly n: number;
	readonly median: number;
	readonly min: number;
	readonly max: number;
	readonly p10: number;
	readonly p90: number;
	readonly p99: number;
	readonly mean: number;
}

/** One line of the results table. */
export interface BenchRow {
	/** Stable id, e.g. `cold-start` or `keystroke-100k-p99`. */
	readonly id: string;
	/** What was measured, in words. */
	readonly label: string;
	/** Unit of `measured` and `reference`: ms, MiB/s, B, KiB, calls, pages/s… */
	readonly unit: string;
	readonly measured: Stats;
	/** The reference measured in the same run, when the target is a ratio. */
	readonly reference?: {readonly label: string; readonly stats: Stats};
	/** The compared number (usually measured.median / reference.median); its meaning is in `ratioLabel`. */
	readonly ratio?: number;
	readonly ratioLabel?: string;
	/** The target as text, e.g. `≤ 2.5×`. */
	readonly target: string;
	/** null: informational row, no target. */
	readonly pass: boolean | null;
	/** Which statistic the target is checked against when it is not the median (e.g. `p99`). */
	readonly checked?: string;
	readonly notes?: readonly string[];
}

/** What every script prints as one line `BENCH_RESULT <json>` on stdout. */
export interface BenchResult {
	readonly benchmark: string;
	readonly title: string;
	readonly durationMs: number;
	readonly rows: readonly BenchRow[];
	/** Free-form measurements that explain the rows (breakdowns, captured bytes, sizes). */
	readonly extra?: Record<string, unknown>;
}

export const RESULT_PREFIX = 'BENCH_RESULT ';

export function quantile(sorted: readonly number[], q: number): number {
	if (sorted.length === 0) return Number.NaN;
	const position = (sorted.length - 1) * q;
	const low = Math.floor(position);
	const high = Math.ceil(position);
	return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low);
}

export function stats(values: readonly number[]): Stats {
	const sorted = [...values].sort((a, b) => a - b);
	return {
		n: sorted.length,
		median: quantile(sorted, 0.5),
		min: sorted[0] ?? Number.NaN,
		max: sorted.at(-1) ?? Number.NaN,
		p10: quantile(sorted, 0.1),
		p90: quantile(sorted, 0.9),
		p99: quantile(sorted, 0.99),
		mean: sorted.reduce((sum, value) => sum + value, 0) / Math.max(1, sorted.length),
	};
}

/** A single value as Stats (for counts that do not vary). */
export function single(value: number): Stats {
	return stats([value]);
}

export function emit(result: BenchResult): void {
	process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`);
}

/** Prints the rows of one script for humans (stderr, so stdout stays one parsable line). */
export function describeRows(result: BenchResult): void {
	for (const row of result.rows) {
		const m = row.measured;
		const reference = row.reference ? ` vs ${row.reference.label} ${fmt(row.reference.stats.median)} (${fmt(row.reference.stats.min)}–${fmt(row.reference.stats.max)})` : '';
		const ratio = row.ratio === undefined ? '' : ` ratio ${fmt(row.ratio)}`;
		process.stderr.write(
			`[${result.benchmark}] ${row.label}: median ${fmt(m.median)} ${row.unit} (${fmt(m.min)}–${fmt(m.max)}, n=${m.n})${reference}${ratio} target ${row.target} → ${row.pass === null ? 'info' : row.pass ? 'PASS' : 'MISS'}\n`,
		);
	}
}

export function fmt(value: number | undefined): string {
	if (value === undefined || Number.isNaN(value)) return '–';
	const magnitude = Math.abs(value);
	if (magnitude >= 1000) return Math.round(value).toLocaleString('en-US');
	if (magnitude >= 100) return value.toFixed(0);
	if (magnitude >= 10) return value.toFixed(1);
	return value.toFixed(2);
}

export const sleep = (ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms));

/** Log lines go to stderr; stdout carries only the result line. */
export function log(message: string): void {
	process.stderr.write(`  · ${message}\n`);
}

/** VmRSS of a process in bytes, from /proc (undefined once it is gone). */
export function rssOf(pid: number): number | undefined {
	try {
		const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
		return match ? Number(match[1]) * 1024 : undefined;
	} catch {
		return undefined;
	}
}

/** A simulator in its own process (`node dist/cli.js simulate`), so its CPU and memory are its own. */
export interface SimChild {
	readonly url: string;
	readonly pid: number;
	readonly child: ChildProcess;
	state(): Promise<SimState>;
	reset(): Promise<void>;
	close(): Promise<void>;
}

export interface SimState {
	readonly logins: number;
	readonly logouts: number;
	readonly activeSessions: number;
	readonly calls: Record<string, Record<string, number>>;
	readonly requests: ReadonlyArray<{method: string; path: string; api: string; status: number}>;
}

export async function startSimChild(args: readonly string[]): Promise<SimChild> {
	const child = spawn(process.execPath, [cli, 'simulate', '--port', '0', ...args], {cwd: root, stdio: ['ignore', 'pipe', 'inherit']});
	// A script that dies must not leave its simulator behind.
	process.once('exit', () => child.kill('SIGKILL'));
	const url = await new Promise<string>((resolve, reject) => {
		let buffer = '';
		const onData = (chunk: Buffer) => {
			buffer += chunk.toString();
			const match = /listening on (http:\/\/\S+)/.exec(buffer);
			if (match) {
				child.stdout!.off('data', onData);
				child.stdout!.resume();
				resolve(match[1]!);
			}
		};
		child.stdout!.on('data', onData);
		child.once('exit', code => reject(new Error(`simulator exited (${code}) before listening`)));
	});
	return {
		url,
		pid: child.pid!,
		child,
		async state() {
			return (await (await fetch(`${url}/_sim/state`)).json()) as SimState;
		},
		async reset() {
			await fetch(`${url}/_sim/reset`, {method: 'POST'});
		},
		close() {
			return new Promise<void>(resolve => {
				if (child.exitCode !== null) return resolve();
				child.once('exit', () => resolve());
				child.kill('SIGTERM');
			});
		},
	};
}

/** Total calls per API function in a simulator state (every status). */
export function callCounts(state: SimState): Record<string, number> {
	const result: Record<string, number> = {};
	for (const [api, statuses] of Object.entries(state.calls)) {
		result[api] = Object.values(statuses).reduce((sum, count) => sum + count, 0);
	}
	return result;
}

/** The app (`node dist/cli.js …`) in a pty. `nodeArgs` go before the script (e.g. `--import` of the stdout tap). */
export function spawnApp(args: readonly string[], options: SpawnInPtyOptions & {nodeArgs?: readonly string[]} = {}): PtySession {
	const {nodeArgs = [], ...ptyOptions} = options;
	return spawnInPty(process.execPath, [...nodeArgs, cli, ...args], {cols: 120, rows: 40, cwd: root, ...ptyOptions});
}

/** A screen line that is a host row: gutter (`›` or spaces), a numeric ID, then an IPv4 address. */
export const HOST_ROW = /^(?:›| ) {2,}\d+ \d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b/m;

/**
 * Waits for the login form with the username prefilled, types the password as one paste (ink-text-input
 * loses keys typed back to back) and waits until it is echoed as `*`. Does not press Enter.
 */
export async function typePassword(app: PtySession, password = 'demo'): Promise<void> {
	await app.waitFor('Password');
	// The form is drawn before its input handlers are subscribed (ink subscribes in an effect): a
	// paste that arrives first is dropped. Nothing lands then, so writing again is safe.
	const echoed = new RegExp(`Password \\*{${password.length}}$`, 'm');
	for (let attempt = 0; attempt < 10; attempt++) {
		app.write(password);
		try {
			await app.waitFor(echoed, {timeoutMs: 1000});
			return;
		} catch {
			if (/Password \*/.test(app.screen())) throw new Error(`the password landed twice:\n${app.screen()}`);
		}
	}
	throw new Error('the login form never took the password');
}

/** Logs in (Enter after the password) and waits for the first host row. */
export async function login(app: PtySession, password = 'demo', timeoutMs = 30_000): Promise<void> {
	await typePassword(app, password);
	await sleep(50);
	app.write('\r');
	await app.waitFor(HOST_ROW, {timeoutMs});
}

/** Quits with `q` (the app logs out first) and waits for the exit; kills it when it hangs. */
export async function quit(app: PtySession, timeoutMs = 5000): Promise<void> {
	app.write('q');
	const timer = setTimeout(() => app.kill('SIGKILL'), timeoutMs);
	await app.exited.catch(() => undefined);
	clearTimeout(timer);
	app.dispose();
}

/** The index of the screen line that carries the selection mark `›` in the gutter (host table), or -1. */
export function selectedLine(app: PtySession, from = 2, rows = 40): number {
	for (let n = from; n < rows; n++) if (app.line(n).startsWith('›')) return n;
	return -1;
}

export function timer(): () => number {
	const start = performance.now();
	return () => performance.now() - start;
}
