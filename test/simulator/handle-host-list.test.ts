import assert from 'node:assert/strict';
import {test} from 'node:test';
import {withSimulator} from '../helpers/start-simulator.js';
import {basicAuth, get, LIMIT_HEADERS, limitHeadersOf, login, logout, parseXml, REQUESTED_WITH} from './qualys-fetch.js';

const hostIds = (text: string): string[] => (parseXml(text).HOST_LIST_OUTPUT.RESPONSE.HOST_LIST?.HOST ?? []).map((host: {ID: string[]}) => host.ID[0]);

test('pages through 2,500 hosts by following the WARNING URL: 3 pages, ascending, no gaps or repeats', async (t) => {
	const sim = await withSimulator(t, {hosts: 2500});
	let next: string | undefined = `${sim.url}/api/5.0/fo/asset/host/?action=list&truncation_limit=1000`;
	const pages: string[][] = [];
	while (next) {
		const page = await get(next);
		assert.equal(page.status, 200);
		pages.push(hostIds(page.text));
		const warning = parseXml(page.text).HOST_LIST_OUTPUT.RESPONSE.WARNING;
		if (warning) {
			assert.equal(warning.CODE, '1980');
			assert.equal(warning.TEXT, '1000 record limit exceeded. Use URL to get next batch of results.');
		}
		next = warning?.URL;
	}
	assert.deepEqual(pages.map((page) => page.length), [1000, 1000, 500]);
	const ids = pages.flat().map(Number);
	assert.equal(new Set(ids).size, 2500);
	assert.ok(ids.every((id, index) => index === 0 || id > ids[index - 1]), 'IDs ascend across pages');
	// The next URL repeats the filters and adds id_min = the first ID of the next page.
	const first = await get(`${sim.url}/api/5.0/fo/asset/host/?action=list&truncation_limit=1000`);
	const url = new URL(parseXml(first.text).HOST_LIST_OUTPUT.RESPONSE.WARNING.URL);
	assert.equal(url.origin, sim.url);
	assert.equal(url.pathname, '/api/5.0/fo/asset/host/');
	assert.equal(url.searchParams.get('truncation_limit'), '1000');
	assert.equal(url.searchParams.get('id_min'), String(pages[1][0]));
});

test('truncation_limit=0 returns every host with no WARNING; the default page is 1000', async (t) => {
	const sim = await withSimulator(t, {hosts: 1200});
	const all = await get(`${sim.url}/api/2.0/fo/asset/host/?action=list&truncation_limit=0&details=None`);
	const output = parseXml(all.text).HOST_LIST_OUTPUT.RESPONSE;
	assert.equal(output.ID_SET.ID.length, 1200);
	assert.equal(output.WARNING, undefined);
	const defaultPage = await get(`${sim.url}/api/2.0/fo/asset/host/?action=list`);
	assert.equal(hostIds(defaultPage.text).length, 1000);
});

test('details=None lists IDs in an ID_SET and the next URL keeps details=None', async (t) => {
	const sim = await withSimulator(t, {hosts: 30});
	const page = await get(`${sim.url}/api/2.0/fo/asset/host/?action=list&details=None&truncation_limit=10`);
	const response = parseXml(page.text).HOST_LIST_OUTPUT.RESPONSE;
	assert.equal(response.HOST_LIST, undefined);
	assert.equal(response.ID_SET.ID.length, 10);
	assert.match(response.WARNING.URL, /details=None/);
});

test('no matching hosts: RESPONSE holds only DATETIME', async (t) => {
	const sim = await withSimulator(t, {hosts: 10});
	const page = await get(`${sim.url}/api/2.0/fo/asset/host/?action=list&id_min=999999999`);
	assert.equal(page.status, 200);
	assert.deepEqual(Object.keys(parseXml(page.text).HOST_LIST_OUTPUT.RESPONSE), ['DATETIME']);
	assert.doesNotMatch(page.text, /HOST_LIST>/);
});

test('a one-host ids= fetch with details=All and show_tags=1 gives the detail fields', async (t) => {
	const sim = await withSimulator(t, {hosts: 100});
	const ids = hostIds((await get(`${sim.url}/api/2.0/fo/asset/host/?action=list&details=Basic`)).text);
	const page = await get(`${sim.url}/api/5.0/fo/asset/host/?action=list&ids=${ids[42]}&details=All&show_tags=1`);
	const hosts = parseXml(page.text).HOST_LIST_OUTPUT.RESPONSE.HOST_LIST.HOST;
	assert.equal(hosts.length, 1);
	assert.equal(hosts[0].ID[0], ids[42]);
	assert.ok(hosts[0].ASSET_ID, '5.0 adds ASSET_ID');
	assert.ok(hosts[0].OWNER);
	assert.ok(hosts[0].LAST_VM_SCANNED_DATE);
	const basic = await get(`${sim.url}/api/2.0/fo/asset/host/?action=list&ids=${ids[42]}`);
	assert.doesNotMatch(basic.text, /<ASSET_ID>|<OWNER>/, '2.0 Basic has neither ASSET_ID nor All-only fields');
});

test('ids takes IDs and ranges; id_min/id_max bound them; ips takes addresses and ranges', async (t) => {
	const sim = await withSimulator(t, {hosts: 500});
	const ids = hostIds((await get(`${sim.url}/api/2.0/fo/asset/host/?action=list`)).text);
	const picked = await get(`${sim.url}/api/2.0/fo/asset/host/?action=list&ids=${ids[3]},${ids[10]}-${ids[12]},${ids[11]}`);
	assert.deepEqual(hostIds(picked.text), [ids[3], ids[10], ids[11], ids[12]]);
	const bounded = await get(`${sim.url}/api/2.0/fo/asset/host/?action=list&id_min=${ids[5]}&id_max=${ids[9]}`);
	assert.deepEqual(hostIds(bounded.text), ids.slice(5, 10));
	const all = parseXml((await get(`${sim.url}/api/2.0/fo/asset/host/?action=list`)).text).HOST_LIST_OUTPUT.RESPONSE.HOST_LIST.HOST;
	const in10 = all.filter((host: {IP: string}) => /^10\.0\.0\.(\d+)$/.test(host.IP) && Number(host.IP.split('.')[3]) <= 50);
	const byIp = await get(`${sim.url}/api/2.0/fo/asset/host/?action=list&ips=10.0.0.1-10.0.0.50`);
	assert.ok(in10.length > 0);
	assert.deepEqual(hostIds(byIp.text), in10.map((host: {ID: string[]}) => host.ID[0]));
	const single = await get(`${sim.url}/api/2.0/fo/asset/host/?action=list&ips=${in10[0].IP}`);
	assert.deepEqual(hostIds(single.text), [in10[0].ID[0]]);
});

test('POST with a form body works and merges with the query string', async (t) => {
	const sim = await withSimulator(t, {hosts: 50});
	const cookie = await login(sim.url);
	const response = await fetch(`${sim.url}/api/2.0/fo/asset/host/?action=list`, {method: 'POST', headers: {...REQUESTED_WITH, Cookie: cookie}, body: new URLSearchParams({truncation_limit: '7'})});
	assert.equal(hostIds(await response.text()).length, 7);
	await logout(sim.url, cookie);
});

test('unknown parameter → 400 / 1901 and bad value → 400 / 1905, both with all six limit headers', async (t) => {
	const sim = await withSimulator(t);
	const unknown = await get(`${sim.url}/api/2.0/fo/asset/host/?action=list&colour=blue`);
	assert.equal(unknown.status, 400);
	assert.equal(unknown.headers.get('content-type'), 'application/xml');
	assert.equal(parseXml(unknown.text).SIMPLE_RETURN.RESPONSE.CODE, '1901');
	assert.match(parseXml(unknown.text).SIMPLE_RETURN.RESPONSE.TEXT, /colour/);
	assert.deepEqual(limitHeadersOf(unknown.headers), [...LIMIT_HEADERS]);
	const bad = await get(`${sim.url}/api/5.0/fo/asset/host/?action=list&ids=abc`);
	assert.equal(bad.status, 400);
	const reply = parseXml(bad.text).SIMPLE_RETURN.RESPONSE;
	assert.equal(reply.CODE, '1905');
	assert.match(reply.TEXT, /^parameter ids has invalid value: abc/);
	assert.deepEqual(limitHeadersOf(bad.headers), [...LIMIT_HEADERS]);
	for (const query of ['truncation_limit=-1', 'details=Everything', 'ips=10.0.0.300', 'id_min=0', 'show_tags=yes']) {
		const response = await get(`${sim.url}/api/2.0/fo/asset/host/?action=list&${query}`);
		assert.equal(parseXml(response.text).SIMPLE_RETURN.RESPONSE.CODE, '1905', query);
	}
	// 400s count against the rate limit.
	assert.equal(bad.headers.get('X-RateLimit-Remaining'), '298');
});

test('a method the list does not accept is 400 / 1908', async (t) => {
	const sim = await withSimulator(t);
	const response = await fetch(`${sim.url}/api/2.0/fo/asset/host/?action=list`, {method: 'PUT', headers: {...REQUESTED_WITH, ...basicAuth('demo', 'demo')}});
	assert.equal(response.status, 400);
	assert.equal(parseXml(await response.text()).SIMPLE_RETURN.RESPONSE.CODE, '1908');
});

test('unknown paths get a small HTML 404', async (t) => {
	const sim = await withSimulator(t);
	for (const path of ['/api/2.0/fo/asset/host', '/api/4.0/fo/asset/host/', '/nothing']) {
		const response = await get(`${sim.url}${path}`);
		assert.equal(response.status, 404, path);
		assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
		assert.match(response.text, /<html>/);
	}
});
