import assert from 'node:assert/strict';
import {test} from 'node:test';
import {createHostData} from '../../source/simulator/host-data.js';
import {withSimulator} from '../helpers/start-simulator.js';
import {get, parseXml} from './qualys-fetch.js';

const anchorMs = Date.UTC(2026, 0, 15);

test('hosts are a pure function of (seed, index)', () => {
	const a = createHostData({seed: 7, count: 100, anchorMs});
	const b = createHostData({seed: 7, count: 100, anchorMs});
	const c = createHostData({seed: 8, count: 100, anchorMs});
	assert.deepEqual(a.hostAt(42), b.hostAt(42));
	assert.notDeepEqual(a.hostAt(42), c.hostAt(42));
});

test('IDs ascend strictly, with gaps, and map back to indexes by arithmetic', () => {
	const data = createHostData({seed: 1, count: 1_000_000, anchorMs});
	let gaps = 0;
	for (let index = 1; index < 5000; index++) {
		assert.ok(data.idAt(index) > data.idAt(index - 1));
		gaps += data.idAt(index) - data.idAt(index - 1) > 1 ? 1 : 0;
	}
	assert.ok(gaps > 1000, 'IDs have gaps');
	for (const index of [0, 1, 17, 500_000, 999_999]) {
		const id = data.idAt(index);
		assert.equal(data.indexAtOrAbove(id), index);
		assert.equal(data.indexAtOrAbove(id + 1), index + 1);
		assert.equal(data.indexAtOrBelow(id), index);
		assert.equal(data.indexAtOrBelow(id - 1), index - 1);
	}
	assert.equal(data.indexAtOrAbove(1), 0);
	assert.equal(data.indexAtOrBelow(1), -1);
});

test('the data looks like a real estate: address plans, OS mix, tracking methods, EC2 hosts, missing fields', () => {
	const data = createHostData({seed: 1, count: 2000, anchorMs});
	const hosts = Array.from({length: 2000}, (_, index) => data.hostAt(index));
	const prefixes = new Set(hosts.map((host) => host.ip!.split('.').slice(0, 2).join('.')));
	for (const prefix of ['10.0', '172.16', '192.168', '172.31']) {
		assert.ok(prefixes.has(prefix), prefix);
	}
	assert.deepEqual(new Set(hosts.map((host) => host.trackingMethod)), new Set(['IP', 'DNS', 'NETBIOS', 'AGENT', 'EC2']));
	assert.ok(hosts.some((host) => host.os?.startsWith('Windows Server')));
	assert.ok(hosts.some((host) => host.os?.startsWith('Ubuntu')));
	assert.ok(hosts.some((host) => host.os?.startsWith('Cisco IOS')));
	assert.ok(hosts.filter((host) => host.trackingMethod === 'EC2').every((host) => /^i-[0-9a-f]{17}$/.test(host.ec2InstanceId ?? '')));
	assert.ok(hosts.some((host) => host.dns === undefined));
	assert.ok(hosts.some((host) => host.os === undefined));
	assert.ok(hosts.some((host) => (host.tags?.length ?? 0) > 1));
	assert.ok(hosts.every((host) => host.lastVulnScan! < new Date(anchorMs).toISOString()));
});

test('a million hosts: the last page via id_min is fast and memory stays flat', async (t) => {
	const data = createHostData({seed: 1, count: 1_000_000, anchorMs});
	const before = process.memoryUsage().heapUsed;
	const sim = await withSimulator(t, {hosts: 1_000_000});
	const started = performance.now();
	const last = await get(`${sim.url}/api/5.0/fo/asset/host/?action=list&id_min=${data.idAt(999_500)}`);
	const elapsed = performance.now() - started;
	const ids = parseXml(last.text).HOST_LIST_OUTPUT.RESPONSE.HOST_LIST.HOST.map((host: {ID: string[]}) => Number(host.ID[0]));
	assert.equal(ids.length, 500);
	assert.equal(ids[0], data.idAt(999_500));
	assert.equal(ids.at(-1), data.idAt(999_999));
	assert.equal(parseXml(last.text).HOST_LIST_OUTPUT.RESPONSE.WARNING, undefined);
	assert.ok(elapsed < 1500, `last page took ${elapsed} ms`);

	// Spot check in the middle: the WARNING hands over to exactly the next host.
	const middle = await get(`${sim.url}/api/5.0/fo/asset/host/?action=list&truncation_limit=100&id_min=${data.idAt(400_000)}`);
	const next = new URL(parseXml(middle.text).HOST_LIST_OUTPUT.RESPONSE.WARNING.URL);
	assert.equal(next.searchParams.get('id_min'), String(data.idAt(400_100)));

	// A 100k-ID stream goes out in pieces; the heap does not grow with the host count.
	const stream = await get(`${sim.url}/api/5.0/fo/asset/host/?action=list&details=None&truncation_limit=100000&id_min=${data.idAt(800_000)}`);
	assert.equal(stream.text.match(/<ID>/g)?.length, 100_000);
	const grown = process.memoryUsage().heapUsed - before;
	assert.ok(grown < 150 * 1024 * 1024, `heap grew by ${Math.round(grown / 1048576)} MiB`);
});
