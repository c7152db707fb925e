// The Hosts screen inside the real app, against the simulator: paging, load all, filter, sort,
// detail, refresh and a rate-limit block, asserted on whole lines and on the simulator's call counts.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {keys} from '../helpers/render.js';
import {renderApp, withoutAge} from '../helpers/render-app.js';

// 120 hosts in pages of 50: page 1 has 50, page 2 ends at 100, page 3 completes the list.
const small = {pageSize: 50, simulator: {hosts: 120}} as const;
const header = '         ID IP              DNS                   NetBIOS     OS                 Tracking Last scan';
const firstHost = '›   1000111 10.0.0.1        web000.corp.example.… WEB000      Windows Server 20… IP       2025-08-17';
const hostsHints = 'L load all  j/k move  g/G top/end  Enter open  / filter  s/S sort  r refresh  ? help';
const hostsLoaded = (count: number) => (frame: string) => frame.includes(`Hosts · ${count} hosts loaded · more available`);

describe('host list screen', () => {
	test('shows page 1 with every column, says more are available, and the quota of the hosts API', async t => {
		const app = await renderApp(t, small);
		await app.loginAndWaitForHosts();
		const lines = app.lines();
		assert.equal(withoutAge(lines[0]!), '[1 Hosts] 2 Scans 3 Limits │ demo@DEMO │ hosts API 299/300 · window 1 h · 1/2 running');
		assert.equal(lines[1], 'Hosts · 50 hosts loaded · more available');
		assert.equal(lines[2], header);
		assert.equal(lines[3], firstHost);
		assert.equal(lines.at(-1), hostsHints);
		assert.equal(app.calls('host-list'), 1);
	});

	test('moving to the end loads exactly one more page, and the rows of that page can be selected', async t => {
		const app = await renderApp(t, small);
		await app.loginAndWaitForHosts();
		await app.press('G');
		await app.waitForFrame(hostsLoaded(100));
		assert.equal(app.calls('host-list'), 1 + 1);
		assert.match(app.lines()[0]!, /│ hosts API 298\/300 · /);

		// The selection stayed on row 50; G now reaches row 100 (page 2) and asks for page 3.
		await app.press('G');
		const frame = await app.waitForFrame(frame => frame.includes('Hosts · 120 hosts (all)'));
		assert.ok(frame.includes('›   1000998 172.31.0.100'), frame);
		assert.equal(app.calls('host-list'), 3);

		// Everything is loaded: the end costs nothing any more.
		await app.press('G');
		await app.press('k');
		await app.press('j');
		assert.equal(app.calls('host-list'), 3);
	});

	test('PgDn/PgUp, Ctrl+D/Ctrl+U, Home/End and j/k move the selection; End asks for the next page', async t => {
		const app = await renderApp(t, small);
		await app.loginAndWaitForHosts();
		const selected = () => app.lines().find(line => line.startsWith('›'))!.slice(0, 11);
		await app.press(keys.pageDown);
		assert.equal(selected(), '›   1000282');
		await app.press(keys.ctrlU);
		assert.equal(selected(), '›   1000200');
		await app.press(keys.ctrlD);
		assert.equal(selected(), '›   1000282');
		await app.press(keys.pageUp);
		assert.equal(selected(), '›   1000111');
		await app.press('j');
		await app.press(keys.down);
		await app.press('k');
		assert.equal(selected(), '›   1000119');
		assert.equal(app.calls('host-list'), 1);
		await app.press(keys.end);
		await app.waitForFrame(hostsLoaded(100));
		assert.equal(selected(), '›   1000546');
		await app.press(keys.home);
		assert.equal(selected(), '›   1000111');
		assert.equal(app.calls('host-list'), 2);
	});

	test('/ filters case-insensitively with an "n of m" count, global keys stay quiet, Esc clears', async t => {
		const app = await renderApp(t, small);
		await app.loginAndWaitForHosts();
		await app.press('/');
		// Digits are text here: `1` must not switch to screen 1 (nor `3` to Limits).
		await app.type('WEB00');
		let lines = app.lines();
		// (the space after the text is the input's cursor)
		assert.equal(lines[1], '/ WEB00   1 of 50 · Enter keeps · Esc clears');
		assert.equal(lines[3], firstHost);
		assert.equal(lines[4], '');
		await app.press(keys.enter);
		assert.equal(app.lines()[1], '/ WEB00  1 of 50 · Esc clears');

		await app.press(keys.escape);
		lines = app.lines();
		assert.equal(lines[1], 'Hosts · 50 hosts loaded · more available');
		assert.equal(lines[3], firstHost);
		assert.equal(app.calls('host-list'), 1);
	});

	test('s cycles the sort column and S reverses it, without a call', async t => {
		const app = await renderApp(t, small);
		await app.loginAndWaitForHosts();
		await app.press('s');
		assert.equal(app.lines()[1], 'Hosts · 50 hosts loaded · more available · sort ID ↑');
		await app.press('S');
		let lines = app.lines();
		assert.equal(lines[1], 'Hosts · 50 hosts loaded · more available · sort ID ↓');
		// The selection follows its row, now the last one; g shows the highest ID of page 1 on top.
		assert.equal(lines[21], firstHost);
		await app.press('g');
		assert.match(app.lines()[3]!, /^› {3}1000546 172\.16\.0\.50 /);
		await app.press('s');
		lines = app.lines();
		assert.equal(lines[1], 'Hosts · 50 hosts loaded · more available · sort IP ↑');
		assert.equal(app.calls('host-list'), 1);
	});

	test('L asks first with the calls left; n cancels without a call; counting shows the calls needed; y loads all', async t => {
		const app = await renderApp(t, small);
		await app.loginAndWaitForHosts();
		await app.press('L');
		let lines = app.lines();
		assert.equal(lines.at(-2), '? Load all? 1 call/50 hosts; 299/300 calls left · y go · c count · n no');
		assert.equal(lines.at(-1), 'y yes  n/Esc no');
		await app.press('n');
		assert.equal(app.lines().at(-1), hostsHints);
		assert.equal(app.calls('host-list'), 1);

		await app.press('L');
		await app.press(keys.escape);
		assert.equal(app.lines().at(-1), hostsHints);
		assert.equal(app.calls('host-list'), 1);

		await app.press('L');
		await app.press('c');
		await app.waitForFrame(frame => frame.includes('more hosts'));
		assert.equal(app.lines().at(-2), '? Load all: 70 more hosts = 2 calls; 298/300 calls left · y go · n no');
		assert.equal(app.calls('host-list'), 2, 'counting is one IDs-only call');

		await app.press('y');
		await app.waitForFrame(frame => frame.includes('Hosts · 120 hosts (all)'));
		assert.equal(app.calls('host-list'), 2 + 2);
		await app.press('L');
		assert.equal(app.lines().at(-2), 'info: All hosts are loaded already');
		assert.equal(app.calls('host-list'), 4);
	});

	test('Esc during load all stops it and keeps the hosts that arrived', async t => {
		const app = await renderApp(t, {pageSize: 50, simulator: {hosts: 1000}});
		await app.loginAndWaitForHosts();
		app.simulator.setFaults([{name: 'latency', api: 'host-list', ms: 300}]);
		await app.press('L');
		await app.press('y');
		// Page 2 arrived and the next one is on its way.
		await app.waitForFrame(frame => /Hosts · [1-9]\d\d hosts loaded · more available · loading all: page \d+ \(Esc stops\)/.test(frame));
		await app.press(keys.escape);
		const frame = await app.waitForFrame(frame => frame.includes('info: Stopped loading'));
		const lines = frame.split('\n');
		const loaded = Number(/^Hosts · (\d+) hosts loaded · more available$/.exec(lines[1]!)?.[1]);
		assert.ok(loaded >= 100 && loaded < 1000 && loaded % 50 === 0, `kept ${loaded} hosts`);
		// The page in flight when stopped may still be counted by the server; nothing is asked for after it.
		assert.ok([loaded / 50, loaded / 50 + 1].includes(app.calls('host-list')), `${app.calls('host-list')} calls for ${loaded} hosts`);
		assert.equal(lines[3], firstHost);
		assert.equal(lines.at(-2), 'info: Stopped loading: the hosts that arrived are kept; L or moving to the end loads more');
	});

	test('the first rows of page 1 show while it arrives; Esc then drops them and says nothing was loaded', async t => {
		// The body stops after 200 kB of ~700: the first hosts are in, the page never completes.
		const app = await renderApp(t, {pageSize: 1000, simulator: {hosts: 3000, faults: [{name: 'stall-body', bytes: 200_000, api: 'host-list'}]}});
		await app.login();
		const preview = await app.waitForFrame(frame => /^Hosts · first [1-9]\d* hosts of page 1 · loading the rest…$/m.test(frame), 5000);
		assert.equal(preview.split('\n')[3], firstHost);
		await app.press(keys.escape);
		const stopped = await app.waitForFrame(frame => frame.includes('info: Stopped loading the first page; r loads it again'), 5000);
		assert.match(stopped, /Nothing loaded — r loads the first page/);
		assert.match(stopped, /^Hosts · nothing loaded$/m);
		assert.doesNotMatch(stopped, /1000111/);
		await app.logout();
	});

	test('Enter shows every field of the host, d fetches full details with one call, Esc goes back', async t => {
		const app = await renderApp(t, small);
		await app.loginAndWaitForHosts();
		await app.press(keys.enter);
		assert.deepEqual(app.lines().slice(1), [
			'Host 1000111 · web000.corp.example.com',
			'Basic details from the list · d fetches full details (1 host-list call)',
			'',
			'ID                  1000111',
			'Asset ID            40000001',
			'IP                  10.0.0.1',
			'DNS                 web000.corp.example.com',
			'FQDN                web000.corp.example.com',
			'NetBIOS             WEB000',
			'OS                  Windows Server 2019 Datacenter 64 bit Edition Version 1809 Build 17763',
			'Tracking            IP',
			'Last VM scan        2025-08-17T04:19:26Z',
			'Last VM scan took   30m 25s',
			'Last vuln. scan     2025-08-17T04:19:26Z',
			'',
			'',
			'',
			'',
			'',
			'',
			'',
			'',
			'd full details  Esc back  1-3/Tab screens  q quit  ? help',
		]);

		await app.press('d');
		const full = await app.waitForFrame(frame => frame.includes('Full details (details=All)'));
		assert.equal(app.calls('host-list'), 2);
		// details=All brings fields the list leaves out.
		assert.match(full, /^Tags {16}\S/m);
		assert.match(full, /^Owner {15}\S/m);
		await app.press('d');
		assert.equal(app.lines()[2], 'Full details (details=All)', 'd again fetches nothing: the full details are here');
		assert.equal(app.calls('host-list'), 2);

		await app.press(keys.escape);
		const lines = app.lines();
		assert.equal(lines[1], 'Hosts · 50 hosts loaded · more available');
		assert.equal(lines[3], firstHost);
		assert.equal(app.calls('host-list'), 2);
	});

	test('r refreshes with the old rows marked STALE until the new page arrives', async t => {
		const app = await renderApp(t, small);
		await app.loginAndWaitForHosts();
		app.simulator.setFaults([{name: 'latency', api: 'host-list', ms: 300}]);
		await app.press('r');
		const stale = app.lines();
		assert.equal(stale[1], 'Hosts · 50 hosts loaded · more available · STALE · refreshing…');
		assert.equal(stale[3], firstHost);
		await app.waitForFrame(frame => !frame.includes('STALE'));
		assert.equal(app.lines()[1], 'Hosts · 50 hosts loaded · more available');
		assert.equal(app.calls('host-list'), 2);
	});

	test('a failing refresh keeps the rows, stays STALE and says what happened and what to do', async t => {
		const app = await renderApp(t, small);
		await app.loginAndWaitForHosts();
		app.simulator.setFaults([{name: 'html-502', api: 'host-list'}]);
		await app.press('r');
		const frame = await app.waitForFrame(frame => frame.includes('error:'));
		const lines = frame.split('\n');
		assert.equal(lines[1], 'Hosts · 50 hosts loaded · more available · STALE');
		assert.equal(lines[3], firstHost);
		assert.match(lines.at(-2)!, /^error: .+502.* — \S/);
		assert.equal(app.calls('host-list', 502), 1);
	});

	test('a 409 rate-limit block shows "retry in …" counting down, also across a screen switch', async t => {
		// Two host-list calls per 5 s window: page 1 and page 2 pass, page 3 is blocked.
		const app = await renderApp(t, {pageSize: 50, simulator: {hosts: 120, rateLimit: 2, windowSec: 5}});
		await app.loginAndWaitForHosts();
		await app.press('G');
		await app.waitForFrame(hostsLoaded(100));
		await app.press('G');
		await app.waitForFrame(frame => frame.includes('retry in'));
		let lines = app.lines();
		assert.match(lines.at(-2)!, /^error: The API rate limit for this function is used up \(code 1965\)\. · retry in [45]s$/);
		assert.match(lines[0]!, /│ !! hosts API blocked · \d+s · 0\/2 left · /);
		assert.equal(lines[1], 'Hosts · 100 hosts loaded · more available');
		assert.equal(app.calls('host-list', 409), 1);

		// Moving at the end while blocked spends nothing: no retry storm into 409s.
		await app.press('k');
		await app.press('j');
		await app.press('G');
		assert.equal(app.calls('host-list', 409), 1);
		assert.equal(app.calls('host-list', 200), 2);

		await app.waitForFrame(frame => /retry in [1-4]s/.test(frame));
		await app.press('3');
		await app.press('1');
		lines = app.lines();
		assert.match(lines.at(-2)!, /· retry in [0-4]s$|· retry now$/, 'switching screens must not restart the countdown');
	});

	test('a very large page shows the bytes arriving, and Esc stops it without a crash', async t => {
		const app = await renderApp(t, {simulator: {faults: [{name: 'huge', api: 'host-list', bytes: 24 * 1024 * 1024}, {name: 'latency', api: 'host-list', ms: 300}]}});
		await app.login();
		await app.waitForFrame(frame => /MiB received \(Esc stops\)/.test(frame), 20_000);
		await app.press(keys.escape);
		await app.waitForFrame(frame => frame.includes('Stopped loading'));
		assert.match(app.lastFrame()!, /Nothing loaded — r loads the first page/);
	});
});
