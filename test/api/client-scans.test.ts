import assert from 'node:assert/strict';
import {test} from 'node:test';
import {isConcurrencyLimitError, isRateLimitError} from '../../source/api/errors.js';
import type {RateLimit} from '../../source/api/types.js';
import {rejection, useClient} from './client-fixture.js';

test('lists scans of the default window with states, sub-states and durations', async t => {
	const {client} = await useClient(t);
	const scans = await client.listScans();
	assert.ok(scans.length > 0);
	const states = new Set(scans.map(scan => scan.state));
	for (const state of ['Running', 'Paused', 'Queued', 'Loading', 'Error', 'Canceled', 'Finished']) assert.ok(states.has(state), state);
	for (const scan of scans) {
		assert.match(scan.ref, /^scan\//);
		assert.ok(['elapsed', 'pending', 'running'].includes(scan.duration.kind), JSON.stringify(scan.duration));
	}
});

test('filters by state and type', async t => {
	const {client} = await useClient(t);
	const finished = await client.listScans({state: ['Finished'], processed: true});
	assert.ok(finished.length > 0);
	assert.ok(finished.every(scan => scan.state === 'Finished' && scan.processed === true));
	const api = await client.listScans({type: 'API'});
	assert.ok(api.every(scan => scan.type === 'API'));
});

test('two concurrent calls of one API never overlap (concurrency 1 gives no 409)', async t => {
	const {client, state} = await useClient(t, {concurrency: 1, latencyMs: 150});
	const started = Date.now();
	await Promise.all([client.listScans(), client.listScans(), client.listScans()]);
	assert.ok(Date.now() - started >= 3 * 150 - 20, 'ran one after the other');
	assert.deepEqual((await state()).calls['scan-list'], {200: 3});
});

test('calls of different APIs run in parallel', async t => {
	const {client, state} = await useClient(t, {concurrency: 1, latencyMs: 400});
	await client.login();
	const started = Date.now();
	await Promise.all([client.listScans(), client.listHosts({pageSize: 5}).next(), client.about()]);
	// One after the other would take at least 1200 ms.
	assert.ok(Date.now() - started < 1100, `took ${Date.now() - started} ms`);
	const calls = (await state()).calls;
	assert.deepEqual([calls['scan-list'], calls['host-list'], calls.about], [{200: 1}, {200: 1}, {200: 1}]);
});

test('another client holding the only slot gives a ConcurrencyLimitError with callsToFinish', async t => {
	const {client, newClient} = await useClient(t, {concurrency: 1, latencyMs: 400});
	const other = newClient();
	await Promise.all([client.login(), other.login()]);
	const [first, second] = await Promise.allSettled([client.listScans(), new Promise(resolve => setTimeout(resolve, 100)).then(() => other.listScans())]);
	assert.equal(first.status, 'fulfilled');
	assert.equal(second.status, 'rejected');
	const error = (second as PromiseRejectedResult).reason;
	assert.ok(isConcurrencyLimitError(error));
	assert.equal(error.code, 1960);
	assert.equal(error.callsToFinish, 1);
	assert.equal(error.exitCode, 4);
});

test('a used-up rate limit is a RateLimitError with the wait, recorded in the limits', async t => {
	const {client, state} = await useClient(t, {rateLimit: 2, windowSec: 600});
	const readings: RateLimit[] = [];
	client.subscribe(event => event.type === 'rate-limit' && readings.push(event.reading));
	await client.listScans();
	await client.listScans();
	const error = await rejection(() => client.listScans());
	assert.ok(isRateLimitError(error));
	assert.equal(error.code, 1965);
	assert.equal(error.status, 409);
	assert.ok(error.waitSeconds! > 0 && error.waitSeconds! <= 600, String(error.waitSeconds));
	assert.equal(error.exitCode, 4);
	assert.deepEqual((await state()).calls['scan-list'], {200: 2, 409: 1}, 'no automatic retry of a 409');
	const last = client.rateLimits().get('scan-list')!;
	assert.equal(last.remaining, 0);
	assert.equal(last.limit, 2);
	assert.equal(last.windowSec, 600);
	assert.equal(readings.length, 3, 'a reading from every response, the 409 included');
	assert.equal(client.callCounts().get('scan-list'), 3);
});

test('a rate-limit 409 without the wait header takes SECONDS_TO_WAIT from the body', async t => {
	const {client} = await useClient(t, {windowSec: 900, faults: [{name: 'rate-limit-body-only'}]});
	const error = await rejection(() => client.listScans());
	assert.ok(isRateLimitError(error));
	assert.ok(error.waitSeconds! > 0 && error.waitSeconds! <= 900, String(error.waitSeconds));
});

test('every limit reading is recorded per API function', async t => {
	const {client} = await useClient(t, {rateLimit: 50, concurrency: 3});
	await client.listScans();
	await client.about();
	const limits = client.rateLimits();
	assert.equal(limits.get('scan-list')?.limit, 50);
	assert.equal(limits.get('scan-list')?.concurrencyLimit, 3);
	assert.equal(limits.get('about')?.remaining, 49);
	assert.equal(limits.has('session'), false, 'the session API sends no limit headers');
});
