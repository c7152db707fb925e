import assert from 'node:assert/strict';
import {test} from 'node:test';
import {withSimulator} from '../helpers/start-simulator.js';
import {get, LIMIT_HEADERS, limitHeadersOf, parseXml} from './qualys-fetch.js';

interface ScanXml {
	ID?: string;
	REF: string;
	TYPE: string;
	TITLE: string;
	LAUNCH_DATETIME: string;
	DURATION: string;
	PROCESSING_PRIORITY: string;
	PROCESSED: string;
	STATUS: {STATE: string; SUB_STATE?: string};
	TARGET?: string;
	OPTION_PROFILE?: {TITLE: string; DEFAULT_FLAG: string};
}

const now = Date.UTC(2026, 5, 15, 12, 0, 0);
const scansOf = (text: string): ScanXml[] => parseXml(text).SCAN_LIST_OUTPUT.RESPONSE.SCAN_LIST?.SCAN ?? [];

test('the default list covers the last 30 days and shows every state and duration form', async (t) => {
	const sim = await withSimulator(t, {now: () => now});
	const response = await get(`${sim.url}/api/3.0/fo/scan/?action=list`);
	assert.equal(response.status, 200);
	assert.deepEqual(limitHeadersOf(response.headers), [...LIMIT_HEADERS]);
	const scans = scansOf(response.text);
	assert.ok(scans.length > 100 && scans.length < 200, `${scans.length} scans in 30 days`);
	assert.ok(scans.every((scan) => Date.parse(scan.LAUNCH_DATETIME) >= now - 30 * 86_400_000));
	assert.deepEqual(new Set(scans.map((scan) => scan.STATUS.STATE)), new Set(['Running', 'Paused', 'Canceled', 'Finished', 'Error', 'Queued', 'Loading']));
	for (const scan of scans) {
		assert.match(scan.REF, /^scan\/\d{10}\.\d{5}$/);
		assert.ok(['On-Demand', 'Scheduled', 'API'].includes(scan.TYPE));
		const expected = {Queued: /^Pending$/, Loading: /^Pending$/, Running: /^Running$/, Paused: /^Running$/}[scan.STATUS.STATE] ?? /^(\d+ days )?\d{2}:\d{2}:\d{2}$/;
		assert.match(scan.DURATION, expected, scan.STATUS.STATE);
		assert.ok(scan.ID, '3.0 lists scan IDs');
	}
	assert.ok(scans.some((scan) => scan.PROCESSING_PRIORITY === '0 - No Priority'));
	assert.ok(scans.some((scan) => scan.STATUS.SUB_STATE === 'No_Vuln' || scan.STATUS.SUB_STATE === 'No_Host'));
});

test('all 200 scans with a wide date window; some run for days', async (t) => {
	const sim = await withSimulator(t, {now: () => now});
	const scans = scansOf((await get(`${sim.url}/api/2.0/fo/scan/?action=list&launched_after_datetime=2000-01-01`)).text);
	assert.equal(scans.length, 200);
	assert.ok(scans.some((scan) => / days /.test(scan.DURATION)));
	assert.equal(scans[0].ID, undefined, '2.0 has no scan ID');
});

test('filters: state, type, processed, dates, scan_ref, user_login, show_op, ignore_target', async (t) => {
	const sim = await withSimulator(t, {now: () => now});
	const base = `${sim.url}/api/3.0/fo/scan/?action=list&launched_after_datetime=2000-01-01`;
	const all = scansOf((await get(base)).text);
	const running = scansOf((await get(`${base}&state=Running,Paused`)).text);
	assert.deepEqual(running.map((scan) => scan.REF), all.filter((scan) => ['Running', 'Paused'].includes(scan.STATUS.STATE)).map((scan) => scan.REF));
	const api = scansOf((await get(`${base}&type=API&processed=1`)).text);
	assert.ok(api.length > 0 && api.every((scan) => scan.TYPE === 'API' && scan.PROCESSED === '1'));
	const one = scansOf((await get(`${sim.url}/api/3.0/fo/scan/?action=list&scan_ref=${encodeURIComponent(all[150].REF)}`)).text);
	assert.deepEqual(one.map((scan) => scan.REF), [all[150].REF]);
	const before = scansOf((await get(`${base}&launched_before_datetime=2026-05-20T00:00:00Z`)).text);
	assert.ok(before.length > 0 && before.every((scan) => scan.LAUNCH_DATETIME < '2026-05-20T00:00:00Z'));
	const withOp = scansOf((await get(`${base}&show_op=1&ignore_target=1`)).text);
	assert.ok(withOp.every((scan) => scan.OPTION_PROFILE && scan.TARGET === undefined));
	const demo = scansOf((await get(`${base}&user_login=demo`)).text);
	assert.ok(demo.length > 0 && demo.length < all.length);
});

test('no scans: no SCAN_LIST element; bad values are 400 / 1905', async (t) => {
	const sim = await withSimulator(t, {scans: 0});
	const empty = await get(`${sim.url}/api/3.0/fo/scan/?action=list`);
	assert.deepEqual(Object.keys(parseXml(empty.text).SCAN_LIST_OUTPUT.RESPONSE), ['DATETIME']);
	for (const query of ['state=Done', 'type=Manual', 'processed=2', 'launched_after_datetime=yesterday']) {
		const response = await get(`${sim.url}/api/3.0/fo/scan/?action=list&${query}`);
		assert.equal(response.status, 400, query);
		assert.equal(parseXml(response.text).SIMPLE_RETURN.RESPONSE.CODE, '1905', query);
	}
	const unknown = await get(`${sim.url}/api/3.0/fo/scan/?action=list&page=2`);
	assert.equal(parseXml(unknown.text).SIMPLE_RETURN.RESPONSE.CODE, '1901');
});
