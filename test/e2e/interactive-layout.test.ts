// The interactive UI's use of the terminal, end to end: big terminals get more rows and columns,
// no frame is taller than the terminal, a too-small terminal gets a message (and `q` still works),
// and without a terminal the program says what to use instead.
import assert from 'node:assert/strict';
import {after, describe, test} from 'node:test';
import type {PtySession} from '../helpers/pty.js';
import {runCli} from '../helpers/run-cli.js';
import {withSimulator} from '../helpers/start-simulator.js';
import {assertFramed, assertTerminalRestored, disposeAllTuis, hostsLoaded, keepFilter, logIn, pressUntil, quitWithQ, startLoggedOut, statusLine} from '../helpers/tui.js';

after(disposeAllTuis);

const allHostHeaders = ['ID', 'IP', 'DNS', 'NetBIOS', 'OS', 'Tracking', 'Last scan'];
const scansLoaded = /^Scans · [\d,]+ scans/m;
const anyStatusLine = /^(?:\[?\d \w+\]? )+│ demo@/;
const tooSmall = (columns: number, rows: number) => (screen: string) =>
	screen.replaceAll(/\s+/g, ' ').includes(`terminal too small — need 60×15, have ${columns}×${rows}`);

/** The lines of the table body: below the title and header lines, above the message and hint lines. */
function tableRows(session: PtySession, rows: number): string[] {
	return session.screen().split('\n').slice(3, rows - 2).filter(line => line.trim() !== '');
}

/**
 * Checks every frame xterm parses from now on: once logged in, the first line must stay the status
 * line. A frame taller than the terminal scrolls it, and the first line then shows something else.
 * A blank first line is allowed: a frame can arrive split across reads mid-rewrite.
 */
function watchFirstLine(session: PtySession) {
	const offending: string[] = [];
	let isStopped = false;
	void session
		.waitFor(
			screen => {
				if (isStopped) return true;
				const first = screen.split('\n', 1)[0]!;
				if (first.trim() !== '' && !anyStatusLine.test(first) && offending.length < 3) offending.push(screen);
				return false;
			},
			{timeoutMs: 60_000},
		)
		.catch(() => undefined);
	return {
		/** Ends the watch (the pending wait ends with the next output or the session) and returns what offended. */
		stop(): string[] {
			isStopped = true;
			return offending;
		},
	};
}

describe('interactive UI layout in a real terminal', {concurrency: 3, timeout: 40_000}, () => {
	test('at 200×50 the screens use the space: 45 host rows with all 7 columns, 45 scan rows', async t => {
		const simulator = await withSimulator(t);
		const session = await startLoggedOut(t, simulator.url, {cols: 200, rows: 50});
		await logIn(session);
		await assertFramed(session, 'Hosts', 50);
		const header = session.line(2);
		const positions = allHostHeaders.map(name => header.indexOf(name));
		assert.ok(positions.every(position => position >= 0), `all 7 host columns are shown:\n${header}`);
		assert.deepEqual([...positions].sort((a, b) => a - b), positions, `in order:\n${header}`);
		// 50 lines: status, title, header, 45 rows, message, hints.
		assert.equal(tableRows(session, 50).length, 45, session.screen());
		assert.ok(session.line(3).length > 120, `rows are as wide as their columns:\n${session.line(3)}`);

		await pressUntil(session, '2', screen => statusLine('Scans').test(screen) && scansLoaded.test(screen));
		await assertFramed(session, 'Scans', 50);
		assert.equal(tableRows(session, 50).length, 45, session.screen());
		assert.deepEqual(await quitWithQ(session), {exitCode: 0, signal: undefined});
	});

	test('at 80×24 no frame is taller than the terminal: status line first, hint line last', async t => {
		const simulator = await withSimulator(t);
		const session = await startLoggedOut(t, simulator.url, {cols: 80, rows: 24});
		assert.match(session.line(0), /log in to the Qualys API/, 'the login form starts at the top');
		await logIn(session);
		const watch = watchFirstLine(session);

		await assertFramed(session, 'Hosts', 24);
		const header = session.line(2);
		assert.ok(!header.includes('Tracking'), `80 columns drop the lowest-priority column:\n${header}`);
		assert.equal(tableRows(session, 24).length, 19, session.screen());

		await pressUntil(session, 'enter', /^Host \d+ · /m);
		await assertFramed(session, 'Hosts', 24);
		await pressUntil(session, 'escape', hostsLoaded);
		await assertFramed(session, 'Hosts', 24);

		await pressUntil(session, '2', screen => statusLine('Scans').test(screen) && scansLoaded.test(screen));
		await assertFramed(session, 'Scans', 24);
		assert.equal(tableRows(session, 24).length, 19, session.screen());

		await pressUntil(session, '3', screen => statusLine('Limits').test(screen) && /^Limits · /m.test(screen));
		await assertFramed(session, 'Limits', 24);

		await pressUntil(session, '1', screen => statusLine('Hosts').test(screen) && hostsLoaded.test(screen));
		await keepFilter(session, 'db');
		await assertFramed(session, 'Hosts', 24);

		assert.deepEqual(watch.stop(), [], 'every frame kept the status line on the first line');
		assert.deepEqual(await quitWithQ(session), {exitCode: 0, signal: undefined});
	});

	test('resizing to 30×8 shows the too-small message, back to 100×30 the hosts screen; q there quits with logout', async t => {
		const simulator = await withSimulator(t);
		const session = await startLoggedOut(t, simulator.url, {cols: 80, rows: 24});
		await logIn(session);

		session.resize(30, 8);
		await session.waitFor(tooSmall(30, 8));

		session.resize(100, 30);
		await session.waitFor(screen => statusLine('Hosts').test(screen.split('\n', 1)[0]!) && hostsLoaded.test(screen));
		await assertFramed(session, 'Hosts', 30);
		assert.equal(tableRows(session, 30).length, 25, session.screen());

		session.resize(30, 8);
		await session.waitFor(tooSmall(30, 8));
		assert.deepEqual(await quitWithQ(session), {exitCode: 0, signal: undefined});
		assertTerminalRestored(session);
		assert.equal(simulator.state().logouts, 1);
	});

	// BUG (source/app.tsx, not fixed here, see the report): `if (isTooSmall) return <TooSmall />` replaces
	// the whole tree, so the three screens unmount below 60×15 and mount afresh when the terminal grows:
	// the hosts are fetched again (a second host-list call) and the filter, selection and sort are lost,
	// although app.tsx keeps the screens mounted precisely so that they survive a switch.
	test('a trip through the too-small state keeps the loaded hosts and the filter, without a new call', async t => {
		const simulator = await withSimulator(t);
		const session = await startLoggedOut(t, simulator.url, {cols: 80, rows: 24});
		await logIn(session);
		await keepFilter(session, 'web');

		session.resize(30, 8);
		await session.waitFor(tooSmall(30, 8));
		session.resize(80, 24);
		await assertFramed(session, 'Hosts', 24);
		// With a filter kept, the title line is the filter line with its count.
		await session.waitFor(/^\/ web {2}\d+ of 1,000/m);
		const trip = {filterLine: session.line(1).replace(/ {2}.*/, ''), hostListCalls: simulator.state().calls['host-list']};
		assert.deepEqual(trip, {filterLine: '/ web', hostListCalls: {200: 1}}, `after the trip through too-small:\n${session.screen()}`);
		assert.deepEqual(await quitWithQ(session), {exitCode: 0, signal: undefined});
	});

	test('without a terminal: exit 2 and a pointer to the commands for scripts', async () => {
		for (const args of [[], ['--demo']]) {
			const {code, stdout, stderr} = await runCli(args, {timeoutMs: 10_000});
			assert.equal(code, 2, `qualys-tui ${args.join(' ')}`);
			assert.equal(stdout, '', 'nothing on stdout, no escape sequences');
			assert.match(stderr, /needs a terminal.*qualys-tui hosts\|scans\|limits/);
		}
	});
});
