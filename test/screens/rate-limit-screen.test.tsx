// The Limits screen inside the real app: what earlier calls' headers said, per API and for the
// session, opened without a call; `r` re-reads with about.php (asking first in session mode).
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {keys} from '../helpers/render.js';
import {renderApp} from '../helpers/render-app.js';

const tableTop = [
	'┌───────────┬────────────────────────┬───────────┬──────┬─────────┬────────┐',
	'│ API       │ Limit                  │ Remaining │ Wait │ Running │ Read   │',
	'├───────────┼────────────────────────┼───────────┼──────┼─────────┼────────┤',
];
/** A row of the limits table; the reading's age (`0s ago`) moves with the clock. */
const limitRow = (api: string, remaining: string) => new RegExp(`^│ ${api.padEnd(9)} │ 300 calls every 1 hour │ ${remaining.padEnd(9)} │ - {4}│ 1/2 {5}│ \\ds ago │$`);

describe('rate limit screen', () => {
	test('opens without a call and shows a row per API seen, and the session', async t => {
		const app = await renderApp(t, {pageSize: 50, simulator: {hosts: 60}});
		await app.loginAndWaitForHosts();
		await app.press('3');
		const lines = app.lines();
		assert.equal(lines[1], 'Limits · read from this session\'s responses (opening this costs no call)');
		assert.deepEqual(lines.slice(2, 5), tableTop);
		assert.match(lines[5]!, limitRow('host list', '299/300'));
		assert.equal(lines[6], '└───────────┴────────────────────────┴───────────┴──────┴─────────┴────────┘');
		assert.equal(lines[7], '');
		assert.equal(lines[8], 'Session');
		assert.match(lines[9]!, /^ {2}user demo · platform DEMO · auth session · open for \ds$/);
		assert.equal(lines[10], '  calls this session: session 1 · host list 1');
		assert.equal(lines.at(-1), 'r re-read  1-3/Tab screens  q quit  ? help');
		assert.deepEqual(app.simulator.state().calls, {session: {200: 1}, 'host-list': {200: 1}});
	});

	test('r asks first in session mode: n and Esc cancel without a call, y reads about.php once', async t => {
		const app = await renderApp(t, {pageSize: 50, simulator: {hosts: 60}});
		await app.loginAndWaitForHosts();
		await app.press('3');
		await app.press('r');
		assert.equal(app.lines().at(-2), '? Re-read with 1 about.php call (its own counter)? y reads · n cancels');
		assert.equal(app.lines().at(-1), 'y yes  n/Esc no');
		await app.press('n');
		await app.press('r');
		await app.press(keys.escape);
		assert.equal(app.lines().at(-1), 'r re-read  1-3/Tab screens  q quit  ? help');
		assert.equal(app.calls('about'), 0);

		await app.press('r');
		await app.press('y');
		const frame = await app.waitForFrame(frame => frame.includes('info: Limits re-read'));
		const lines = frame.split('\n');
		assert.match(lines[5]!, limitRow('host list', '299/300'));
		assert.equal(lines[6], tableTop[2]);
		assert.match(lines[7]!, limitRow('about.php', '299/300'));
		assert.equal(lines[12], '  calls this session: session 1 · host list 1 · about.php 1');
		assert.equal(lines.at(-2), 'info: Limits re-read with one call to /msp/about.php');
		assert.equal(app.calls('about'), 1);
	});

	test('r reads at once with Basic auth', async t => {
		const app = await renderApp(t, {pageSize: 50, authMode: 'basic', simulator: {hosts: 60}});
		await app.loginAndWaitForHosts();
		await app.press('3');
		assert.match(app.lines()[9]!, /^ {2}user demo · platform DEMO · auth basic · /);
		await app.press('r');
		await app.waitForFrame(frame => frame.includes('info: Limits re-read'));
		assert.equal(app.calls('about'), 1);
		assert.equal(app.simulator.state().logins, 0, 'Basic auth opens no session');
	});
});
