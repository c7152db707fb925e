// 5. Bytes per cursor move: what the app writes to the terminal for one `j` on a 200×50 terminal
// (counted at the pty), against the bytes of the lines that actually changed: each changed line's
// text as drawn (UTF-8, right-trimmed), plus one cursor-positioning sequence, an erase-to-end-of-line
// when the line got shorter, and the inverse on/off of the selected row. Same run, per press.
// Target: ≤ 1.2×. One press's raw bytes are captured (via bench/lib/tap.mjs) for the report.
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describeRows, emit, log, login, quit, root, selectedLine, sleep, spawnApp, startSimChild, stats, timer, type BenchResult} from './lib/common.js';

const PRESSES = Number(process.env.BENCH_PRESSES ?? 30);
const COLS = 200;
const ROWS = 50;
const started = timer();
const tapDir = mkdtempSync(path.join(tmpdir(), 'bench-bytes-'));
const tapFile = path.join(tapDir, 'tap.json');

const sim = await startSimChild(['--hosts', '5000', '--rate-limit', '100000']);
const app = spawnApp(['--api-url', sim.url, '--username', 'demo'], {
	cols: COLS,
	rows: ROWS,
	nodeArgs: ['--import', path.join(root, 'bench/lib/tap.mjs')],
	env: {BENCH_TAP_FILE: tapFile, BENCH_TAP_BYTES: '1'},
});
await login(app);
await sleep(500);

const lines = () => Array.from({length: ROWS}, (_, n) => app.line(n));
/** Waits until no output arrived for `quietMs`. */
async function quiet(quietMs = 80): Promise<void> {
	let seen = app.bytesReceived;
	for (;;) {
		await sleep(quietMs);
		if (app.bytesReceived === seen) return;
		seen = app.bytesReceived;
	}
}

function referenceBytes(before: string[], after: string[], selected: number): {bytes: number; changed: number[]} {
	let bytes = 0;
	const changed: number[] = [];
	for (let n = 0; n < ROWS; n++) {
		if (before[n] === after[n]) continue;
		changed.push(n);
		bytes += Buffer.byteLength(after[n]!) + `\u001B[${n + 1};1H`.length;
		if (after[n]!.length < before[n]!.length) bytes += '\u001B[K'.length;
		if (n === selected) bytes += '\u001B[7m\u001B[27m'.length;
	}
	return {bytes, changed};
}

const measured: number[] = [];
const reference: number[] = [];
const ratios: number[] = [];
const changedCounts: number[] = [];
let line = selectedLine(app, 2, ROWS);
for (let press = 0; press < PRESSES; press++) {
	await quiet();
	const before = lines();
	const mark = app.mark();
	app.write('j');
	await app.waitFor(() => app.line(line + 1).startsWith('›'), {timeoutMs: 5000});
	await quiet();
	line += 1;
	const after = lines();
	const ref = referenceBytes(before, after, line);
	measured.push(app.bytesSince(mark));
	reference.push(ref.bytes);
	ratios.push(app.bytesSince(mark) / ref.bytes);
	changedCounts.push(ref.changed.length);
	if (line >= ROWS - 8) {
		// Back to the top of the table without measuring, so presses never scroll.
		app.write('g');
		await app.waitFor(() => selectedLine(app, 2, ROWS) < line);
		line = selectedLine(app, 2, ROWS);
	}
}

// One press's raw bytes, as the app wrote them.
await quiet();
process.kill(app.pid, 'SIGUSR2');
await sleep(300);
const before = (JSON.parse(readFileSync(tapFile, 'utf8')) as {writes: unknown[]}).writes.length;
app.write('j');
await app.waitFor(() => app.line(line + 1).startsWith('›'));
await quiet();
process.kill(app.pid, 'SIGUSR2');
await sleep(300);
const tap = JSON.parse(readFileSync(tapFile, 'utf8')) as {writes: Array<{t: number; n: number; s: string}>};
rmSync(tapDir, {recursive: true, force: true});
const pressWrites = tap.writes.slice(before);
const raw = pressWrites.map(write => write.s).join('');
await quit(app);
await sim.close();

const escapes = (text: string) => ({
	clearScreen: (text.match(/\u001B\[2J/g) ?? []).length,
	cursorHome: (text.match(/\u001B\[H/g) ?? []).length,
	eraseLine: (text.match(/\u001B\[2K/g) ?? []).length,
	cursorUp: (text.match(/\u001B\[\d*A/g) ?? []).length,
	sgr: (text.match(/\u001B\[[\d;]*m/g) ?? []).length,
	syncUpdate: (text.match(/\u001B\[\?2026[hl]/g) ?? []).length,
	newlines: (text.match(/\n/g) ?? []).length,
});
const measuredStats = stats(measured);
const referenceStats = stats(reference);
const ratio = measuredStats.median / referenceStats.median;
const result: BenchResult = {
	benchmark: 'bytes',
	title: 'Bytes per cursor move (200×50)',
	durationMs: started(),
	rows: [
		{
			id: 'bytes-per-move',
			label: 'bytes written for one j (pty)',
			unit: 'B',
			measured: measuredStats,
			reference: {label: 'changed lines as drawn + CUP each', stats: referenceStats},
			ratio,
			ratioLabel: 'written / changed',
			target: '≤ 1.2×',
			pass: ratio <= 1.2,
		},
	],
	extra: {
		perPressRatioMedian: stats(ratios).median,
		changedLinesMedian: stats(changedCounts).median,
		capturedPress: {writes: pressWrites.length, bytes: Buffer.byteLength(raw), escapes: escapes(raw), head: JSON.stringify(raw.slice(0, 400)), tail: JSON.stringify(raw.slice(-200))},
	},
};
describeRows(result);
log(JSON.stringify(result.extra));
emit(result);
