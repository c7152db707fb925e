// The App root against the simulator: login, the status line, switching screens without calls,
// a session that expires mid-work, and quitting.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {keys} from './helpers/render.js';
import {renderApp, withoutAge} from './helpers/render-app.js';

describe('app', () => {
	test('logs in with the password and opens the Hosts screen with the status line', async t => {
		const app = await renderApp(t, {pageSize: 50, simulator: {hosts: 120}});
		const url = app.simulator.url;
		assert.equal(
			app.lastFrame()!.replaceAll(url, 'URL').split('\n').slice(0, 7).join('\n'),
			[
				' qualys-tui · log in to the Qualys API',
				'',
				'   Platform  DEMO · built-in simulator at URL',
				'   Demo credentials: username demo, password demo',
				'   Username demo',
				' › Password',
				'',
			].join('\n'),
		);
		await app.type('demo');
		assert.equal(app.lines()[5], ' › Password ****');
		await app.press(keys.enter);
		await app.waitForFrame(frame => frame.includes('Hosts · 50 hosts loaded'));
		assert.equal(withoutAge(app.lines()[0]!), '[1 Hosts] 2 Scans 3 Limits │ demo@DEMO │ hosts API 299/300 · window 1 h · 1/2 running');
		assert.deepEqual(app.simulator.state().calls, {session: {200: 1}, 'host-list': {200: 1}});
	});

	test('1, 2, 3, Tab and Shift+Tab switch screens without another call; each screen keeps its selection and filter', async t => {
		const app = await renderApp(t, {pageSize: 50, simulator: {hosts: 120}});
		await app.loginAndWaitForHosts();
		await app.press('j');
		await app.press('j');
		await app.press('2');
		await app.waitForFrame(frame => /Scans · \d+ scans/.test(frame));
		assert.match(withoutAge(app.lines()[0]!), /^1 Hosts \[2 Scans\] 3 Limits │ demo@DEMO │ scans API 299\/300 · window 1 h · /);
		await app.press('/');
		await app.type('finished');
		await app.press(keys.enter);
		const scans = withoutAge(app.lastFrame()!);
		assert.match(scans.split('\n')[1]!, /^\/ finished {2}\d+ of \d+ · Esc clears$/);

		for (const key of ['3', '1', keys.tab, keys.tab, keys.tab, keys.shiftTab, '1', '2', '3', '2']) await app.press(key);
		assert.equal(withoutAge(app.lastFrame()!), scans, 'Scans kept its filter and selection');
		await app.press('1');
		assert.match(app.lines()[0]!, /^\[1 Hosts\] 2 Scans 3 Limits │ demo@DEMO │ hosts API 299\/300/);
		assert.equal(app.lines()[1], 'Hosts · 50 hosts loaded · more available');
		assert.match(app.lines()[5]!, /^› {3}1000127 /, 'Hosts kept its selection (third row)');
		await app.press(keys.tab);
		await app.press(keys.tab);
		assert.match(app.lines()[1]!, /^Limits · /);
		assert.equal(app.calls('host-list'), 1);
		assert.equal(app.calls('scan-list'), 1);
		assert.equal(app.calls('about'), 0);
	});

	test('the quota in the status line follows the calls of the current screen', async t => {
		const app = await renderApp(t, {pageSize: 50, simulator: {hosts: 120}});
		await app.loginAndWaitForHosts();
		assert.match(app.lines()[0]!, /│ hosts API 299\/300 · /);
		await app.press('G');
		await app.waitForFrame(frame => frame.includes('Hosts · 100 hosts loaded'));
		assert.match(app.lines()[0]!, /│ hosts API 298\/300 · /);
		await app.press('2');
		await app.waitForFrame(frame => frame.includes('scans API 299/300'));
		await app.press('3');
		assert.match(app.lines()[0]!, /│ lowest API 298\/300 · /);
	});

	test('a session that expires mid-work logs in again once, without the login form', async t => {
		const app = await renderApp(t, {pageSize: 50, simulator: {hosts: 120, faults: [{name: 'session-expiry', afterCalls: 1, times: 1}]}});
		await app.loginAndWaitForHosts();
		// The second resource call meets a dead cookie: 401, one re-login, the call again.
		await app.press('2');
		await app.waitForFrame(frame => /Scans · \d+ scans/.test(frame));
		// Limit readings reach the screen at most 4 times a second in a burst (use-session.tsx): this
		// one follows a login, a host page, a 401 and a re-login, so it may show a moment later.
		await app.waitForFrame(frame => /scans API 299\/300/.test(frame.split('\n')[0]!));
		assert.match(withoutAge(app.lines()[0]!), /^1 Hosts \[2 Scans\] 3 Limits │ demo@DEMO │ scans API 299\/300/);
		const state = app.simulator.state();
		assert.equal(state.logins, 2);
		assert.equal(state.expiredSessions, 1);
		assert.deepEqual(state.calls['scan-list'], {200: 1, 401: 1});
		assert.doesNotMatch(app.lastFrame()!, /log in|Password/);
	});

	test('q calls onQuit once and says it is logging out', async t => {
		const app = await renderApp(t, {pageSize: 50, simulator: {hosts: 120}});
		await app.loginAndWaitForHosts();
		await app.press('q');
		assert.equal(app.quits, 1);
		assert.equal(app.lines()[0], 'Logging out…');
		await app.logout();
	});
});
