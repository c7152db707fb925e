// 4. Keystroke to frame: from writing `j` (or `k`) into the pty to xterm having parsed the frame
// that shows the selection mark `›` on the next (previous) row. The app against a simulator with
// 100,000 hosts: with page 1 (1,000 hosts) loaded, while `L` `y` loads and parses the other 99
// pages, and with all 100,000 loaded. Presses stay inside the visible rows (no scrolling), one
// every 30–50 ms. Reference in the same run: a minimal raw-mode node program in the same pty that
// moves a `›` the same way (the floor of pty + xterm + timer overhead).
// Targets: p99 ≤ 16 ms in every phase; p99 at 100k ≤ 1.5× p99 at 1k.
// The simulator runs at the lowest CPU priority (nice 19): it stands for the Qualys server, which
// is not on the operator's machine, and on this 2-core machine a simulator generating ten pages a
// second at normal priority takes a core from the app and the measuring terminal while pages load.
// The loading phase also runs in a second app against a 300,000-host estate (about 200 more
// presses, so that its p99 is not simply the one worst press of ~70), and once more against
// 100,000 hosts with the simulator at normal priority, for information. The 300,000-host app
// runs with bench/lib/tap.mjs, which times when the app read each key and wrote its frame: three
// info rows split each press into terminal → app, app → frame written, frame → drawn.
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {setPriority, tmpdir} from 'node:os';
import path from 'node:path';
import type {PtySession} from '../test/helpers/pty.js';
import {spawnInPty} from '../test/helpers/pty.js';
import {describeRows, emit, log, login, quit, root, selectedLine, sleep, spawnApp, startSimChild, stats, timer, type BenchResult, type BenchRow} from './lib/common.js';

const PRESSES = Number(process.env.BENCH_PRESSES ?? 120);
const COLS = 120;
const ROWS = 40;
const SPAN = 25; // rows walked down, then up again
const LATE_MS = 1000;
let lost = 0;
const started = timer();

/** When a press was written to the pty and when its frame was seen drawn, in epoch ms (comparable with the tap's). */
interface PressTrace {
	readonly written: number;
	readonly drawn: number;
}

const epochNow = () => performance.timeOrigin + performance.now();

/** One press: write the key, wait until the mark is on the expected line. */
async function press(app: PtySession, down: boolean, from: number, trace?: PressTrace[]): Promise<number> {
	const expected = down ? from + 1 : from - 1;
	const elapsed = timer();
	const written = epochNow();
	app.write(down ? 'j' : 'k');
	try {
		await app.waitFor(() => app.line(expected).startsWith('›'), {timeoutMs: LATE_MS});
	} catch {
		// Not drawn within LATE_MS (lost key, or a long stall): counted as LATE_MS, the walk re-reads the screen.
		lost++;
		return LATE_MS;
	}
	trace?.push({written, drawn: epochNow()});
	return elapsed();
}

/** The line of the selection mark, once one is on screen (a frame may be half drawn when we look). */
async function markLine(app: PtySession, firstRow: number): Promise<number> {
	await app.waitFor(() => selectedLine(app, firstRow - 1, ROWS) >= 0, {timeoutMs: 10_000});
	return selectedLine(app, firstRow - 1, ROWS);
}

/** Walks the selection down SPAN rows and up again, `count` presses (or until `until()` says stop). */
async function walk(app: PtySession, count: number, until: () => boolean = () => false, firstRow = 3, trace?: PressTrace[]): Promise<number[]> {
	const times: number[] = [];
	let line = await markLine(app, firstRow);
	let down = true;
	while (times.length < count && !until()) {
		if (down && line >= firstRow + SPAN) down = false;
		if (!down && line <= firstRow) down = true;
		const ms = await press(app, down, line, trace);
		times.push(ms);
		line = ms === LATE_MS ? await markLine(app, firstRow) : line + (down ? 1 : -1);
		await sleep(30 + Math.random() * 20);
	}
	return times;
}

// Reference: the smallest program that does the same thing in the same pty.
const echoProgram = `
process.stdin.setRawMode(true);
let line = 4;
process.stdout.write('\\x1b[2J\\x1b[4;1H› ready');
process.stdin.on('data', data => {
	const key = data.toString();
	if (key === 'q') process.exit(0);
	const next = key === 'j' ? line + 1 : key === 'k' ? line - 1 : line;
	process.stdout.write('\\x1b[' + line + ';1H ' + '\\x1b[' + next + ';1H›');
	line = next;
});`;
const echo = spawnInPty(process.execPath, ['-e', echoProgram], {cols: COLS, rows: ROWS});
await echo.waitFor('ready');
await walk(echo, 20);
const referenceTimes = await walk(echo, PRESSES);
echo.write('q');
await echo.exited;
echo.dispose();

/** `L` `y`, then presses while the title says pages are loading; how long loading every page took. */
async function walkWhileLoading(app: PtySession, maxPresses = PRESSES, trace?: PressTrace[]): Promise<{times: number[]; loadAllMs: number}> {
	app.write('L');
	await app.waitFor(/y go/);
	app.write('y');
	await app.waitFor('loading all');
	const isLoading = () => app.line(1).includes('loading all');
	const loadElapsed = timer();
	const times = await walk(app, maxPresses, () => !isLoading(), 3, trace);
	await app.waitFor('hosts (all)', {timeoutMs: 180_000});
	return {times, loadAllMs: loadElapsed()};
}

const simArgs = ['--hosts', '100000', '--rate-limit', '100000'];
const sim = await startSimChild(simArgs);
// The server is not on the operator's machine: the simulator gets what CPU the app leaves.
setPriority(sim.pid, 19);
const app = spawnApp(['--api-url', sim.url, '--username', 'demo'], {cols: COLS, rows: ROWS});
await login(app);
await sleep(300);
await walk(app, 10); // warm-up
const oneK = await walk(app, PRESSES);
log(`1k done (${oneK.length} presses)`);

const {times: loading, loadAllMs} = await walkWhileLoading(app);
log(`loading phase: ${loading.length} presses; all loaded after ${Math.round(loadAllMs)} ms`);
await sleep(500);
await walk(app, 10);
const hundredK = await walk(app, PRESSES);
await quit(app);
await sim.close();

/** What bench/lib/tap.mjs writes, as far as the split below reads it. */
interface Tap {
	readonly timeOrigin: number;
	readonly reads: ReadonlyArray<{t: number; s: string}>;
	readonly writes: ReadonlyArray<{t: number; n: number}>;
}

/** Each drawn press in three parts: pty → the app reads the key, read → first frame write, write → drawn. */
function splitPresses(trace: readonly PressTrace[], tap: Tap): {toApp: number[]; inApp: number[]; toScreen: number[]} {
	const reads = tap.reads.filter(read => /[jk]/.test(read.s)).map(read => tap.timeOrigin + read.t);
	const writes = tap.writes.filter(write => write.n > 0).map(write => tap.timeOrigin + write.t);
	const parts = {toApp: [] as number[], inApp: [] as number[], toScreen: [] as number[]};
	for (const {written, drawn} of trace) {
		// The clocks of two processes agree to well under a millisecond; a read "before" the write by less is the same key.
		const read = reads.find(time => time >= written - 0.5);
		const frame = read === undefined ? undefined : writes.find(time => time >= read);
		if (read === undefined || frame === undefined || frame > drawn) continue;
		parts.toApp.push(Math.max(0, read - written));
		parts.inApp.push(frame - read);
		parts.toScreen.push(drawn - frame);
	}
	return parts;
}

/** A new simulator of `hosts` hosts and a new app: log in, then walk while every page loads. */
async function loadingRun(hosts: number, isSimulatorNiced: boolean, isTapped = false): Promise<{times: number[]; split?: ReturnType<typeof splitPresses>}> {
	const runSim = await startSimChild(['--hosts', String(hosts), '--rate-limit', '100000']);
	if (isSimulatorNiced) setPriority(runSim.pid, 19);
	const tapDir = isTapped ? mkdtempSync(path.join(tmpdir(), 'bench-keys-')) : undefined;
	const tapFile = tapDir ? path.join(tapDir, 'tap.json') : undefined;
	const runApp = spawnApp(
		['--api-url', runSim.url, '--username', 'demo'],
		tapFile ? {cols: COLS, rows: ROWS, nodeArgs: ['--import', path.join(root, 'bench/lib/tap.mjs')], env: {BENCH_TAP_FILE: tapFile}} : {cols: COLS, rows: ROWS},
	);
	await login(runApp);
	await sleep(300);
	await walk(runApp, 10);
	const trace: PressTrace[] = [];
	const {times} = await walkWhileLoading(runApp, 10_000, trace);
	await quit(runApp);
	await runSim.close();
	if (!tapDir || !tapFile) return {times};
	const split = splitPresses(trace, JSON.parse(readFileSync(tapFile, 'utf8')) as Tap);
	rmSync(tapDir, {recursive: true, force: true});
	return {times, split};
}

const loadingPresses100k = loading.length;
const {times: loadingLarge, split} = await loadingRun(300_000, true, true);
log(`loading phase, 300,000 hosts: ${loadingLarge.length} presses`);
loading.push(...loadingLarge);
const {times: loadingShared} = await loadingRun(100_000, false);
log(`loading phase, simulator at normal priority: ${loadingShared.length} presses`);

const referenceStats = stats(referenceTimes);
const oneKStats = stats(oneK);
const loadingStats = stats(loading);
const hundredKStats = stats(hundredK);
const loadingSharedStats = stats(loadingShared);
const lateOf = (times: number[]) => times.filter(ms => ms === LATE_MS).length;
const row = (id: string, label: string, measured: ReturnType<typeof stats>, extra: Partial<BenchRow> = {}): BenchRow => ({
	id,
	label,
	unit: 'ms',
	measured,
	reference: {label: 'raw-mode node echo, same pty (p99)', stats: referenceStats},
	ratio: measured.p99 / referenceStats.p99,
	ratioLabel: 'p99 / echo p99',
	target: 'p99 ≤ 16 ms',
	checked: 'p99',
	pass: measured.p99 <= 16,
	...extra,
});
/** Info rows: where the time of a press goes while 300,000 hosts load (the tapped run). */
function splitRows(): BenchRow[] {
	if (!split || split.inApp.length === 0) return [];
	const parts = [
		['keystroke-loading-to-app', '  of which: key written → the app reads it (pty, a busy event loop, the scheduler)', split.toApp],
		['keystroke-loading-in-app', '  of which: the app reads the key → writes its frame (React, Ink, line diff)', split.inApp],
		['keystroke-loading-to-screen', '  of which: frame written → seen drawn (pty, the measuring terminal)', split.toScreen],
	] as const;
	return parts.map(([id, label, values]) =>
		row(id, label, stats(values), {target: 'info', pass: null, notes: [`300,000-host loading run with bench/lib/tap.mjs; ${values.length} presses`]}),
	);
}

const scaling = hundredKStats.p99 / oneKStats.p99;
const result: BenchResult = {
	benchmark: 'keystroke',
	title: 'Keystroke to frame',
	durationMs: started(),
	rows: [
		row('keystroke-1k', 'j/k → frame, 1,000 hosts loaded', oneKStats, {notes: [`${lateOf(oneK)} of ${oneK.length} presses not drawn within ${LATE_MS} ms`]}),
		row('keystroke-loading', 'j/k → frame, while pages load + parse (L y; 100k and 300k estates)', loadingStats, {notes: [`${lateOf(loading)} of ${loading.length} presses not drawn within ${LATE_MS} ms (counted as ${LATE_MS} ms)`]}),
		row('keystroke-loading-shared', 'the same while loading, simulator at normal priority (sharing the 2 cores)', loadingSharedStats, {
			target: 'info',
			pass: null,
			notes: [`${lateOf(loadingShared)} of ${loadingShared.length} presses not drawn within ${LATE_MS} ms`],
		}),
		...splitRows(),
		row('keystroke-100k', 'j/k → frame, 100,000 hosts loaded', hundredKStats, {notes: [`${lateOf(hundredK)} of ${hundredK.length} presses not drawn within ${LATE_MS} ms`]}),
		{
			id: 'keystroke-scaling',
			label: 'p99 at 100k / p99 at 1k',
			unit: 'ms',
			measured: hundredKStats,
			reference: {label: 'same app, 1,000 hosts', stats: oneKStats},
			ratio: scaling,
			ratioLabel: 'p99 100k / p99 1k',
			target: '≤ 1.5×',
			checked: 'p99',
			pass: scaling <= 1.5,
		},
	],
	extra: {
		terminal: `${COLS}x${ROWS}`,
		simulatorPriority: 'nice 19 (the loading-shared row: normal)',
		medians: {echo: referenceStats.median, oneK: oneKStats.median, loading: loadingStats.median, loadingShared: loadingSharedStats.median, hundredK: hundredKStats.median},
		p90: {echo: referenceStats.p90, oneK: oneKStats.p90, loading: loadingStats.p90, loadingShared: loadingSharedStats.p90, hundredK: hundredKStats.p90},
		max: {echo: referenceStats.max, oneK: oneKStats.max, loading: loadingStats.max, loadingShared: loadingSharedStats.max, hundredK: hundredKStats.max},
		loadAllMs,
		loadingPresses: {estate100k: loadingPresses100k, estate300k: loadingLarge.length, normalPriority: loadingShared.length},
		notDrawnWithin1s: {total: lost, oneK: lateOf(oneK), loading: lateOf(loading), hundredK: lateOf(hundredK)},
	},
};
describeRows(result);
log(JSON.stringify(result.extra));
emit(result);
