// SessionProvider + useSession against the simulator: login, logout, the mirrored quota and
// call counts, re-login after a server-side expiry, and the `expired` state when that fails.
import assert from 'node:assert/strict';
import {describe, test, type TestContext} from 'node:test';
import {Text} from 'ink';
import React, {act} from 'react';
import {createQualysClient} from '../../source/api/client.js';
import {SessionProvider, useSession, type LoginRequest, type SessionHolder, type SessionValue} from '../../source/hooks/use-session.js';
import type {SimulatorOptions} from '../../source/simulator/types.js';
import {render} from '../helpers/render.js';
import {startTestSimulator} from '../helpers/start-simulator.js';

/** Shows the session as one line and hands its value to the test. */
function Probe({into}: {readonly into: {current?: SessionValue}}) {
	const session = useSession();
	into.current = session;
	const scanQuota = session.quota.get('scan-list');
	return (
		<Text>
			{`${session.status} ${session.username ?? '-'}@${session.platformLabel ?? '-'} scan-list ${scanQuota?.remaining ?? '-'}/${scanQuota?.limit ?? '-'} calls ${session.calls.get('scan-list') ?? 0}`}
		</Text>
	);
}

const demo: LoginRequest = {platform: 'DEMO', username: 'demo', password: 'demo'};

async function renderSession(t: TestContext, options: SimulatorOptions = {}) {
	const simulator = await startTestSimulator(options);
	const holder: SessionHolder = {};
	const session: {current?: SessionValue} = {};
	const app = await render(
		<SessionProvider holder={holder} createClient={request => createQualysClient({baseUrl: simulator.url, credentials: {username: request.username, password: request.password}})}>
			<Probe into={session} />
		</SessionProvider>,
	);
	t.after(async () => {
		await app.unmount();
		await holder.client?.logout();
		await simulator.close();
	});
	/** Run something that updates the session inside act(); returns its result. */
	const run = async <T,>(action: (value: SessionValue) => Promise<T>): Promise<T> => {
		let result!: T;
		await act(async () => {
			result = await action(session.current!);
		});
		return result;
	};
	return {...app, simulator, holder, session, run};
}

describe('useSession', () => {
	test('login makes the session active with user and platform; logout ends it on the server', async t => {
		const app = await renderSession(t);
		assert.equal(app.lastFrame(), 'logged-out -@- scan-list -/- calls 0');
		assert.equal(await app.run(session => session.login(demo)), true);
		assert.equal(app.lastFrame(), 'active demo@DEMO scan-list -/- calls 0');
		assert.equal(app.session.current!.authMode, 'session');
		assert.ok(app.session.current!.sessionStartedAt! <= Date.now());
		assert.equal(app.holder.client, app.session.current!.client);

		await app.run(session => session.logout());
		assert.equal(app.lastFrame(), 'logged-out demo@DEMO scan-list -/- calls 0');
		assert.equal(app.simulator.state().logouts, 1);
	});

	test('a failed login stays logged out, keeps the error and puts no client in the holder', async t => {
		const app = await renderSession(t);
		assert.equal(await app.run(session => session.login({...demo, password: 'wrong'})), false);
		assert.equal(app.lastFrame(), 'logged-out -@- scan-list -/- calls 0');
		assert.match(String((app.session.current!.error as Error).message), /Bad Login\/Password/);
		assert.equal(app.holder.client, undefined);
	});

	test('every response updates the quota and the call count the moment it arrives', async t => {
		const app = await renderSession(t);
		await app.run(session => session.login(demo));
		await app.run(session => session.client!.listScans());
		assert.equal(app.lastFrame(), 'active demo@DEMO scan-list 299/300 calls 1');
		await app.run(session => session.client!.listScans());
		assert.equal(app.lastFrame(), 'active demo@DEMO scan-list 298/300 calls 2');
	});

	test('a burst of responses re-renders a few times a second, and the last reading is shown', async t => {
		const app = await renderSession(t);
		await app.run(session => session.login(demo));
		const framesBefore = app.frames.length;
		const started = Date.now();
		// One act() per call, so that each update the provider makes is committed (and drawn) as it is made.
		for (let n = 0; n < 20; n++) await app.run(async session => session.client!.listScans());
		const elapsedMs = Date.now() - started;
		// 4 a second, plus the bucket of 4 a quiet spell leaves.
		assert.ok(app.frames.length - framesBefore <= 4 + Math.ceil((elapsedMs / 1000) * 4) + 1, `${app.frames.length - framesBefore} frames in ${elapsedMs} ms`);
		await app.waitForFrame(frame => frame.endsWith('280/300 calls 20'), 2000);
	});

	test('a session the server ends is logged in again once, and the call goes through', async t => {
		const app = await renderSession(t, {faults: [{name: 'session-expiry', times: 1}]});
		await app.run(session => session.login(demo));
		const scans = await app.run(session => session.client!.listScans());
		assert.ok(scans.length > 0);
		assert.equal(app.lastFrame(), 'active demo@DEMO scan-list 299/300 calls 2');
		const state = app.simulator.state();
		assert.equal(state.logins, 2);
		assert.equal(state.expiredSessions, 1);
	});

	test('when logging in again fails too, the status is expired with what to do', async t => {
		const app = await renderSession(t);
		await app.run(session => session.login(demo));
		app.simulator.setFaults([{name: 'session-expiry'}, {name: 'expired-account', api: 'session'}]);
		await app.run(session => session.client!.listScans().catch(() => undefined));
		assert.match(app.lastFrame()!, /^expired demo@DEMO /);
		assert.deepEqual(app.session.current!.error, {message: 'The session ended and logging in again failed', hint: 'log in again; your screens are kept'});
	});

	test('a new login logs the previous session out', async t => {
		const app = await renderSession(t);
		await app.run(session => session.login(demo));
		const first = app.holder.client;
		await app.run(session => session.login(demo));
		assert.notEqual(app.holder.client, first);
		assert.equal(first!.isLoggedIn, false, 'the old client forgot its session at once');
		await app.waitForFrame(() => app.simulator.state().logouts === 1);
		assert.equal(app.simulator.state().logins, 2);
	});
});
