// The Scans screen inside the real app, against the simulator on the real clock (so the scans
// fall into the API's default 30-day window): columns, newest first, detail, refresh.
import assert from 'node:assert/strict';
import {describe, test, type TestContext} from 'node:test';
import {keys} from '../helpers/render.js';
import {renderApp, withoutAge, type AppHarness} from '../helpers/render-app.js';

const header = '  Ref               Title              Type      State      Launched  Duration  Target      User';
const scansHints = 'j/k move  g/G top/end  Enter open  / filter  s/S sort  r refresh  1-3/Tab screens  q quit  ? help';
/** A scan row: every column, Launched relative (`23h ago`, `2d ago`). */
const scanRow = /^[› ] scan\/\d{10}\.… .{18} (On-Demand|Scheduled|API {6}) (▶ Running |‖ Paused  |… Queued  |… Loading |! Error   |✗ Canceled|✓ Finished) (\d+[hdm]|\d+mo) ago +\S.{8} .{11} \S+/;

async function openScans(t: TestContext): Promise<AppHarness> {
	const app = await renderApp(t, {pageSize: 50, simulator: {hosts: 60, scans: 40, now: Date.now}});
	await app.loginAndWaitForHosts();
	await app.press('2');
	await app.waitForFrame(frame => /Scans · \d+ scans/.test(frame));
	return app;
}

/** Days ago of a row's Launched column (`23h ago` → 0.96). */
function launchedDaysAgo(line: string): number {
	const [, amount, unit] = /(\d+)(m|h|d|mo) ago/.exec(line)!;
	return Number(amount) * {m: 1 / 1440, h: 1 / 24, d: 1, mo: 30}[unit as 'm' | 'h' | 'd' | 'mo'];
}

describe('scan list screen', () => {
	test('shows every column, the state as a text mark, newest first, with one call', async t => {
		const app = await openScans(t);
		const lines = app.lines();
		assert.match(lines[1]!, /^Scans · \d+ scans \(last 30 days\) · read \ds ago · sort Launched ↓$/);
		assert.equal(lines[2], header);
		const rows = lines.slice(3, -1).filter(line => line !== '');
		assert.ok(rows.length >= 10);
		for (const row of rows) assert.match(row, scanRow);
		assert.ok(rows[0]!.startsWith('› '));
		const ages = rows.map(launchedDaysAgo);
		assert.deepEqual(ages, ages.toSorted((a, b) => a - b), 'newest first');
		assert.equal(lines.at(-1), scansHints);
		assert.equal(app.calls('scan-list'), 1);
	});

	test('Enter shows every field of the scan and Esc goes back', async t => {
		const app = await openScans(t);
		const list = withoutAge(app.lastFrame()!);
		const ref = /scan\/\d{10}/.exec(app.lines()[3]!)![0];
		await app.press(keys.enter);
		const lines = app.lines();
		assert.match(lines[1]!, new RegExp(`^Scan ${ref.replace('/', '\\/')}\\.\\d+$`));
		const labels = lines.slice(2, -1).filter(line => line !== '').map(line => line.slice(0, 17).trimEnd());
		assert.deepEqual(labels, ['Reference', 'ID', 'Title', 'Type', 'State', 'Launched', 'Duration', 'Launched by', 'Priority', 'Processed', 'Option profile', 'Target']);
		assert.match(lines.find(line => line.startsWith('Launched '))!, /^Launched {9}\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ \(\d+[hdm] ago\)$/);
		assert.equal(lines.at(-1), 'Esc back  1-3/Tab screens  q quit  ? help');
		await app.press(keys.escape);
		assert.equal(withoutAge(app.lastFrame()!), list);
		assert.equal(app.calls('scan-list'), 1);
	});

	test('r refreshes with the old rows marked STALE until the new list arrives', async t => {
		const app = await openScans(t);
		const firstRow = app.lines()[3];
		app.simulator.setFaults([{name: 'latency', api: 'scan-list', ms: 300}]);
		await app.press('r');
		assert.match(app.lines()[1]!, /^Scans · \d+ scans \(last 30 days\) · read \ds ago · STALE · sort Launched ↓ · refreshing…$/);
		assert.equal(app.lines()[3], firstRow);
		await app.waitForFrame(frame => !frame.includes('STALE'));
		assert.match(app.lines()[1]!, /^Scans · \d+ scans \(last 30 days\) · read \ds ago · sort Launched ↓$/);
		assert.equal(app.calls('scan-list'), 2);
	});

	test('a failing refresh keeps the rows, stays STALE and shows the error', async t => {
		const app = await openScans(t);
		const firstRow = app.lines()[3];
		app.simulator.setFaults([{name: 'html-502', api: 'scan-list'}]);
		await app.press('r');
		const lines = (await app.waitForFrame(frame => frame.includes('error:'))).split('\n');
		assert.match(lines[1]!, /^Scans · \d+ scans \(last 30 days\) · read \ds ago · STALE · sort Launched ↓$/);
		assert.equal(lines[3], firstRow);
		assert.match(lines.at(-2)!, /^error: .+502.* — \S/);
		assert.equal(app.calls('scan-list', 502), 1);
	});

	test('s moves the sort to the next column and S reverses it, without a call; the sort survives a screen switch', async t => {
		const app = await openScans(t);
		await app.press('s');
		assert.match(app.lines()[1]!, / · sort Duration ↑$/);
		await app.press('S');
		assert.match(app.lines()[1]!, / · sort Duration ↓$/);
		const sorted = withoutAge(app.lastFrame()!);
		await app.press('1');
		await app.press('2');
		assert.equal(withoutAge(app.lastFrame()!), sorted);
		assert.equal(app.calls('scan-list'), 1);
	});
});
