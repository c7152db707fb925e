// The fault matrix, interactive side, for what only a real terminal shows: signals and resizes in
// the middle of a page load, and an operator pressing Ctrl+C twice while the logout hangs.
import assert from 'node:assert/strict';
import {after, describe, test, type TestContext} from 'node:test';
import type {PtySession} from '../helpers/pty.js';
import {withSimulator, type TestSimulator} from '../helpers/start-simulator.js';
import {assertTerminalRestored, disposeAllTuis, exitOf, logIn, pressUntil, startLoggedOut} from '../helpers/tui.js';

after(disposeAllTuis);

/** Logged in with page 1 shown, then every further host-list call made slow, so a load can be caught in the middle. */
async function loggedInWithSlowPaging(t: TestContext, cols = 80, rows = 24): Promise<{session: PtySession; simulator: TestSimulator}> {
	const simulator = await withSimulator(t, {hosts: 3000});
	const session = await startLoggedOut(t, simulator.url, {cols, rows});
	await logIn(session);
	simulator.setFaults([{name: 'latency', api: 'host-list', ms: 1500}]);
	return {session, simulator};
}

/** Waits until the simulator has counted `count` logouts (a forced exit may leave the logout in flight). */
async function logoutsReach(simulator: TestSimulator, count: number): Promise<number> {
	for (let i = 0; i < 100 && simulator.state().logouts < count; i++) await new Promise(resolve => setTimeout(resolve, 50));
	return simulator.state().logouts;
}

describe('interactive faults in a real terminal', {concurrency: 3, timeout: 40_000}, () => {
	test('SIGHUP during a page load: the load is abandoned, the session logged out, exit 129', async t => {
		const {session, simulator} = await loggedInWithSlowPaging(t);
		await pressUntil(session, 'G', /loading page 2/);
		session.kill('SIGHUP');
		assert.deepEqual(await exitOf(session), {exitCode: 129, signal: undefined});
		assert.equal(await logoutsReach(simulator, 1), 1);
		assertTerminalRestored(session);
	});

	test('a resize to 30×8 and back in the middle of loading every page: the load goes on, nothing is lost', async t => {
		const {session, simulator} = await loggedInWithSlowPaging(t);
		await pressUntil(session, 'L', /Load all\?/);
		await pressUntil(session, 'y', /loading all: page 2/);
		session.resize(30, 8);
		await session.waitFor(screen => screen.replace(/\s+/g, ' ').includes('terminal too small — need 60×15, have 30×8'));
		session.resize(80, 24);
		await session.waitFor(/^Hosts · 3,000 hosts \(all\)/m, {timeoutMs: 15_000});
		assert.deepEqual(simulator.state().calls['host-list'], {200: 3}, 'three pages, each fetched once');
		await session.press('q');
		assert.deepEqual(await exitOf(session), {exitCode: 0, signal: undefined});
		assert.equal(simulator.state().logouts, 1);
	});

	test('Ctrl+C twice while the logout hangs: the second press exits at once, the logout was still sent', async t => {
		const simulator = await withSimulator(t);
		const session = await startLoggedOut(t, simulator.url);
		await logIn(session);
		simulator.setFaults([{name: 'latency', api: 'session', ms: 2000}]);
		await session.press('ctrl-c');
		await session.waitFor(/Logging out…/);
		const started = Date.now();
		await session.press('ctrl-c');
		assert.deepEqual(await exitOf(session), {exitCode: 130, signal: undefined});
		assert.ok(Date.now() - started < 1500, 'the second Ctrl+C does not wait for the hanging logout');
		assertTerminalRestored(session);
		// The logout request was on the wire before the forced exit; the server completes it.
		assert.equal(await logoutsReach(simulator, 1), 1);
	});
});
