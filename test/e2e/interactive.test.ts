// The interactive UI end to end: the built CLI (dist/cli.js) in a real pty, against the built-in
// demo simulator or a test simulator that counts logins, logouts and calls. Every way out must log
// the session out and give the operator's terminal back.
import assert from 'node:assert/strict';
import {after, describe, test, type TestContext} from 'node:test';
import type {PtySession} from '../helpers/pty.js';
import {withSimulator, type TestSimulator} from '../helpers/start-simulator.js';
import {assertFramed, assertTerminalRestored, disposeAllTuis, exitOf, hostsLoaded, keepFilter, logIn, pressUntil, quitWithQ, startLoggedOut, startTui, statusLine, typePassword} from '../helpers/tui.js';

after(disposeAllTuis);

const scansLoaded = /^Scans · [\d,]+ scans/m;
const limitsShown = /^Limits · read from this session's responses/m;

/** Hosts → Scans → Limits → Hosts with a kept filter, checking each screen at `rows` lines. */
async function walkTheScreens(session: PtySession, rows: number) {
	await assertFramed(session, 'Hosts', rows);

	await pressUntil(session, '2', screen => statusLine('Scans').test(screen) && scansLoaded.test(screen));
	await assertFramed(session, 'Scans', rows);

	await pressUntil(session, '3', screen => statusLine('Limits').test(screen) && limitsShown.test(screen));
	await assertFramed(session, 'Limits', rows);

	await pressUntil(session, '1', screen => statusLine('Hosts').test(screen) && hostsLoaded.test(screen));
	await keepFilter(session, 'web');
	await assertFramed(session, 'Hosts', rows);
	const screen = session.screen();
	const tableRows = screen.split('\n').slice(3, rows - 2).filter(line => line.trim() !== '');
	assert.ok(tableRows.length > 0, `some hosts match "web":\n${screen}`);
	for (const line of tableRows) assert.match(line, /web/i, `every row shown matches the filter:\n${screen}`);
}

/** Whether the program is still running a moment from now (a wait that would end on exit). */
async function isRunning(session: PtySession): Promise<boolean> {
	const marker = Symbol('running');
	const result = await Promise.race([session.exited, new Promise(resolve => setImmediate(resolve, marker))]);
	return result === marker;
}

async function loggedIn(t: TestContext): Promise<{session: PtySession; simulator: TestSimulator}> {
	const simulator = await withSimulator(t);
	const session = await startLoggedOut(t, simulator.url);
	await logIn(session);
	assert.equal(simulator.state().logins, 1);
	return {session, simulator};
}

describe('interactive UI in a real terminal', {concurrency: 4, timeout: 40_000}, () => {
	test('--demo at 80×24: log in with the demo password, hosts, scans, limits, filter, q restores the terminal', async t => {
		const session = startTui(t, ['--demo']);
		const form = await session.waitFor(screen => /^ › Password/m.test(screen) && screen.includes('Demo credentials'));
		assert.equal(session.isAlternateScreen(), true, 'the UI runs on the alternate screen');
		assert.match(form, /Username demo/);
		const password = /Demo credentials: username \S+, password (\S+)/.exec(form)?.[1];
		assert.ok(password, `the form says the demo password:\n${form}`);

		await logIn(session, password);
		await walkTheScreens(session, 24);

		assert.deepEqual(await quitWithQ(session), {exitCode: 0, signal: undefined});
		assertTerminalRestored(session);
	});

	test('against a simulator: one login, one logout, one host-list and one scan-list call for the whole walk', async t => {
		const {session, simulator} = await loggedIn(t);
		await walkTheScreens(session, 24);
		// Back and forth once more: the screens stay mounted, so switching costs no call.
		await pressUntil(session, '2', statusLine('Scans'));
		await pressUntil(session, '3', statusLine('Limits'));
		await pressUntil(session, '1', statusLine('Hosts'));

		assert.deepEqual(await quitWithQ(session), {exitCode: 0, signal: undefined});
		assertTerminalRestored(session);
		const {logins, logouts, activeSessions, calls} = simulator.state();
		assert.deepEqual({logins, logouts, activeSessions}, {logins: 1, logouts: 1, activeSessions: 0});
		assert.deepEqual(calls['host-list'], {200: 1});
		assert.deepEqual(calls['scan-list'], {200: 1});
		assert.equal(calls.about, undefined, 'opening Limits spends no call');
	});

	test('SIGHUP mid-session logs out, restores the terminal and exits 129', async t => {
		const {session, simulator} = await loggedIn(t);
		session.kill('SIGHUP');
		assert.deepEqual(await exitOf(session), {exitCode: 129, signal: undefined});
		assert.equal(simulator.state().logouts, 1);
		assertTerminalRestored(session);
	});

	test('a dropped connection (the terminal hangs up) logs out and exits 129', async t => {
		const {session, simulator} = await loggedIn(t);
		session.hangUp();
		assert.deepEqual(await exitOf(session), {exitCode: 129, signal: undefined});
		const {logouts, activeSessions} = simulator.state();
		assert.deepEqual({logouts, activeSessions}, {logouts: 1, activeSessions: 0});
	});

	test('SIGTERM logs out, restores the terminal and exits 143', async t => {
		const {session, simulator} = await loggedIn(t);
		session.kill('SIGTERM');
		assert.deepEqual(await exitOf(session), {exitCode: 143, signal: undefined});
		assert.equal(simulator.state().logouts, 1);
		assertTerminalRestored(session);
	});

	test('Ctrl+C logs out, restores the terminal and exits 0', async t => {
		const {session, simulator} = await loggedIn(t);
		await session.press('ctrl-c');
		assert.deepEqual(await exitOf(session), {exitCode: 0, signal: undefined});
		assert.equal(simulator.state().logouts, 1);
		assertTerminalRestored(session);
	});

	test('a wrong password shows Bad Login/Password and keeps the form; the right one then logs in', async t => {
		const simulator = await withSimulator(t);
		const session = await startLoggedOut(t, simulator.url);
		await typePassword(session, 'wrong-password');
		await session.press('enter');
		const screen = await session.waitFor(text => text.includes('Bad Login/Password') && /^ › Password$/m.test(text));
		assert.match(screen, /log in to the Qualys API/);
		assert.match(screen, /Username demo$/m);
		assert.equal(await isRunning(session), true, 'the program is still running');
		assert.equal(session.isAlternateScreen(), true);
		assert.equal(simulator.state().logins, 0);

		await logIn(session);
		assert.equal(simulator.state().logins, 1);
		assert.ok(simulator.state().failedLogins >= 1);
		assert.deepEqual(await quitWithQ(session), {exitCode: 0, signal: undefined});
		assert.equal(simulator.state().logouts, 1);
	});

	// BUG (source/screens/login-screen.tsx with ink-text-input; not fixed here, see the report): keys
	// typed 15 ms apart into the form are lost or replaced, so the password that is sent differs from
	// the one typed ("Bad Login/Password", or the form still waiting after Enter). ink-text-input computes
	// the new value from the `value` prop of the previous render and is re-subscribed to input only in a
	// React effect; a key that arrives before that effect ran overwrites the previous key. Worst right
	// after the form appears; a long password makes the loss certain (12 of 12 runs), 'demo' alone
	// failed 8 of 8 runs standalone but can pass.
	test('keys that arrive in one read are each handled: a held j moves one row per j, /web typed at once filters', async t => {
		const simulator = await withSimulator(t, {hosts: 3000});
		const session = await startLoggedOut(t, simulator.url);
		await logIn(session);
		const marked = () => session.screen().split('\n').findIndex(line => line.startsWith('›'));
		const first = marked();
		assert.ok(first > 0, session.screen());
		// One write, so the program reads the three keys together (as a held key over SSH delivers them).
		session.write('jjj');
		await session.waitFor(() => marked() === first + 3, {timeoutMs: 5000});
		session.write('k');
		await session.waitFor(() => marked() === first + 2, {timeoutMs: 5000});
		session.write('/web');
		const filtered = await session.waitFor(/^\/ web +\d+ of 1,000/m, {timeoutMs: 5000});
		const rows = filtered.split('\n').slice(3, 20).filter(line => /^[ ›] +\d+ /.test(line));
		assert.ok(rows.length > 0, filtered);
		for (const row of rows) assert.match(row, /web/i, `every row matches the filter typed in one read:\n${filtered}`);
		await session.press('escape');
		await session.waitFor(/^Hosts · /m, {timeoutMs: 5000});
		assert.deepEqual(await quitWithQ(session), {exitCode: 0, signal: undefined});
	});

	test('a password typed at typing speed (15 ms between keys) right after the form appears logs in', async t => {
		const password = 'correct-horse-battery-staple';
		const simulator = await withSimulator(t, {users: {demo: password}});
		const session = await startLoggedOut(t, simulator.url);
		await session.press(...password, 'enter');
		// Ends early on the failure, or with the form after 5 s when the Enter itself was lost.
		const screen = await session.waitFor(text => hostsLoaded.test(text) || text.includes('Bad Login/Password'), {timeoutMs: 5000}).catch(() => session.screen());
		try {
			assert.match(screen, hostsLoaded, `the typed password arrived altered (known bug, see the comment above):\n${screen}`);
		} finally {
			// SIGTERM logs out when the login worked, and ends the login form when it did not.
			session.kill('SIGTERM');
			await exitOf(session);
		}
	});
});
