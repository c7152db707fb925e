import assert from 'node:assert/strict';
import {test} from 'node:test';
import {formatWait} from '../../source/simulator/quota.js';
import {withSimulator} from '../helpers/start-simulator.js';
import {basicAuth, get, parseXml, REQUESTED_WITH, waitFor} from './qualys-fetch.js';

const hostList = (url: string): string => `${url}/api/2.0/fo/asset/host/?action=list&truncation_limit=1`;

test('formats the wait like the 1965 text', () => {
	assert.equal(formatWait(86_274), '23 hours, 57 minutes and 54 seconds');
	assert.equal(formatWait(59), '0 hours, 0 minutes and 59 seconds');
});

test('the sliding window: Remaining counts down, then 409 / 1965 with SECONDS_TO_WAIT and ToWait-Sec', async (t) => {
	let clock = Date.UTC(2026, 0, 1);
	const sim = await withSimulator(t, {rateLimit: 3, windowSec: 3600, now: () => clock});
	const remaining: Array<string | null> = [];
	for (let call = 0; call < 3; call++) {
		const response = await get(hostList(sim.url));
		assert.equal(response.status, 200);
		assert.equal(response.headers.get('X-RateLimit-ToWait-Sec'), '0');
		remaining.push(response.headers.get('X-RateLimit-Remaining'));
		clock += 1000;
	}
	assert.deepEqual(remaining, ['2', '1', '0']);
	clock += 7000;
	const blocked = await get(hostList(sim.url));
	assert.equal(blocked.status, 409);
	const reply = parseXml(blocked.text).SIMPLE_RETURN.RESPONSE;
	assert.equal(reply.CODE, '1965');
	// The oldest call (at +0 s) leaves the window at +3600 s; it is now +10 s.
	assert.equal(reply.TEXT, 'This API cannot be run again for another 0 hours, 59 minutes and 50 seconds.');
	assert.deepEqual(reply.ITEM_LIST.ITEM, [{KEY: 'SECONDS_TO_WAIT', VALUE: '3590'}]);
	assert.equal(blocked.headers.get('X-RateLimit-Remaining'), '0');
	assert.equal(blocked.headers.get('X-RateLimit-ToWait-Sec'), '3590');
	assert.equal(blocked.headers.get('X-RateLimit-Limit'), '3');
	assert.equal(blocked.headers.get('X-RateLimit-Window-Sec'), '3600');

	// Limits are per API function: the scan list still has its own quota.
	assert.equal((await get(`${sim.url}/api/2.0/fo/scan/?action=list`)).status, 200);
	// Blocked calls do not count: once the first call leaves the window, exactly one slot opens.
	clock = Date.UTC(2026, 0, 1) + 3600_000;
	const reopened = await get(hostList(sim.url));
	assert.equal(reopened.status, 200);
	assert.equal(reopened.headers.get('X-RateLimit-Remaining'), '0');
	assert.deepEqual(sim.state().calls['host-list'], {'200': 4, '409': 1});
});

test('the concurrency limit: 409 / 1960 with CALLS_TO_FINISH, without ToWait-Sec or Remaining', async (t) => {
	const sim = await withSimulator(t, {concurrency: 2, faults: [{name: 'stall-body', times: 2}]});
	const aborts = [new AbortController(), new AbortController()];
	// Two calls that send headers and then stall: they run until their connections close.
	const running = await Promise.all(aborts.map((abort) => fetch(hostList(sim.url), {headers: {...REQUESTED_WITH, ...basicAuth('demo', 'demo')}, signal: abort.signal})));
	assert.deepEqual(running.map((response) => response.headers.get('X-Concurrency-Limit-Running')).sort(), ['1', '2']);

	const blocked = await get(hostList(sim.url));
	assert.equal(blocked.status, 409);
	const reply = parseXml(blocked.text).SIMPLE_RETURN.RESPONSE;
	assert.equal(reply.CODE, '1960');
	assert.equal(reply.TEXT, 'This API cannot be run again until 1 currently running API instance(s) has finished.');
	assert.deepEqual(reply.ITEM_LIST.ITEM, [{KEY: 'CALLS_TO_FINISH', VALUE: '1'}]);
	assert.deepEqual(
		[...blocked.headers.keys()].filter((name) => name.startsWith('x-')),
		['x-concurrency-limit-limit', 'x-concurrency-limit-running', 'x-ratelimit-limit', 'x-ratelimit-window-sec'],
	);
	assert.equal(blocked.headers.get('X-Concurrency-Limit-Running'), '2');

	// Other API functions run independently.
	assert.equal((await get(`${sim.url}/msp/about.php`)).status, 200);
	aborts[0].abort();
	await waitFor(async () => (await get(hostList(sim.url))).status === 200);
	aborts[1].abort();
});

test('concurrency is checked before the rate: both exceeded gives 1960', async (t) => {
	const sim = await withSimulator(t, {concurrency: 1, rateLimit: 1, faults: [{name: 'stall-body', times: 1}]});
	const abort = new AbortController();
	await fetch(hostList(sim.url), {headers: {...REQUESTED_WITH, ...basicAuth('demo', 'demo')}, signal: abort.signal});
	const blocked = await get(hostList(sim.url));
	assert.equal(parseXml(blocked.text).SIMPLE_RETURN.RESPONSE.CODE, '1960');
	abort.abort();
	await waitFor(async () => parseXml((await get(hostList(sim.url))).text).SIMPLE_RETURN?.RESPONSE.CODE === '1965');
});

test('latency keeps a call running, so a second caller sees the concurrency limit', async (t) => {
	const sim = await withSimulator(t, {concurrency: 1, latencyMs: 400});
	const slow = get(hostList(sim.url));
	await waitFor(async () => (await get(hostList(sim.url))).status === 409);
	assert.equal((await slow).status, 200);
});
