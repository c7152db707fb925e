import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {SimulatorState} from '../../source/simulator/types.js';
import {withSimulator} from '../helpers/start-simulator.js';
import {get, login, logout, REQUESTED_WITH} from './qualys-fetch.js';

const readState = async (url: string): Promise<SimulatorState> => (await (await fetch(`${url}/_sim/state`)).json()) as SimulatorState;

test('/_sim/state counts logins, logouts, failures and calls per API and status, and keeps no secrets', async (t) => {
	const sim = await withSimulator(t, {users: {demo: 'hunter2-secret'}});
	const cookie = await login(sim.url, 'demo', 'hunter2-secret');
	await fetch(`${sim.url}/api/2.0/fo/session/?action=login&username=demo&password=wrong-secret`, {method: 'POST', headers: REQUESTED_WITH}).then((response) => response.text());
	await get(`${sim.url}/api/5.0/fo/asset/host/?action=list&truncation_limit=1`, {Cookie: cookie});
	await get(`${sim.url}/api/5.0/fo/asset/host/?action=list&bogus=1`, {Cookie: cookie});
	await get(`${sim.url}/api/3.0/fo/scan/?action=list`, {Cookie: cookie});
	await logout(sim.url, cookie);

	const state = await readState(sim.url);
	assert.deepEqual(state, sim.state());
	assert.equal(state.logins, 1);
	assert.equal(state.logouts, 1);
	assert.equal(state.failedLogins, 1);
	assert.equal(state.activeSessions, 0);
	assert.deepEqual(state.calls, {'session': {'200': 2, '401': 1}, 'host-list': {'200': 1, '400': 1}, 'scan-list': {'200': 1}});
	assert.deepEqual(state.requests.at(1), {method: 'POST', path: '/api/2.0/fo/session/', api: 'session', status: 401});
	const text = JSON.stringify(state);
	assert.doesNotMatch(text, /secret|QualysSession|[0-9a-f]{32}/);
});

test('the request log keeps the last 200 requests', async (t) => {
	const sim = await withSimulator(t, {rateLimit: 1000});
	for (let call = 0; call < 205; call++) {
		await get(`${sim.url}/nothing/${call}`);
	}
	const state = sim.state();
	assert.equal(state.requests.length, 200);
	assert.equal(state.requests.at(-1)!.path, '/nothing/204');
});

test('POST /_sim/faults replaces the faults, [] clears them, bad input is a 400', async (t) => {
	const sim = await withSimulator(t);
	const set = await fetch(`${sim.url}/_sim/faults`, {method: 'POST', body: JSON.stringify({faults: [{name: 'html-502'}]})});
	assert.equal(set.status, 200);
	assert.deepEqual(await set.json(), {faults: [{name: 'html-502'}]});
	assert.equal((await get(`${sim.url}/api/2.0/fo/asset/host/?action=list`)).status, 502);
	// Faults never reach the control surface.
	assert.equal((await fetch(`${sim.url}/_sim/state`)).status, 200);
	await fetch(`${sim.url}/_sim/faults`, {method: 'POST', body: JSON.stringify({faults: []})}).then((response) => response.text());
	assert.equal((await get(`${sim.url}/api/2.0/fo/asset/host/?action=list`)).status, 200);
	for (const body of ['not json', '{"faults": {}}', '{"faults": [{"name": "nope"}]}']) {
		const response = await fetch(`${sim.url}/_sim/faults`, {method: 'POST', body});
		assert.equal(response.status, 400, body);
		assert.ok(((await response.json()) as {error: string}).error);
	}
});

test('POST /_sim/reset clears counters, sessions and rate windows', async (t) => {
	const sim = await withSimulator(t, {rateLimit: 1});
	const cookie = await login(sim.url);
	await get(`${sim.url}/api/2.0/fo/asset/host/?action=list`, {Cookie: cookie});
	assert.equal((await get(`${sim.url}/api/2.0/fo/asset/host/?action=list`, {Cookie: cookie})).status, 409);
	const reset = await fetch(`${sim.url}/_sim/reset`, {method: 'POST'});
	assert.equal(reset.status, 200);
	await reset.text();
	const state = await readState(sim.url);
	assert.equal(state.logins, 0);
	assert.equal(state.activeSessions, 0);
	assert.deepEqual(state.calls, {});
	assert.equal((await get(`${sim.url}/api/2.0/fo/asset/host/?action=list`, {Cookie: cookie})).status, 401, 'sessions are gone');
	assert.equal((await get(`${sim.url}/api/2.0/fo/asset/host/?action=list`)).status, 200, 'the window is fresh');
	sim.reset();
	assert.equal(sim.state().requests.length, 0);
});
