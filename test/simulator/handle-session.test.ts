import assert from 'node:assert/strict';
import {test} from 'node:test';
import {withSimulator} from '../helpers/start-simulator.js';
import {REQUESTED_WITH, limitHeadersOf, login, logout, parseXml} from './qualys-fetch.js';

const session = (url: string): string => `${url}/api/2.0/fo/session/`;

test('login sets the documented QualysSession cookie and a second, unrelated cookie', async (t) => {
	const sim = await withSimulator(t);
	const response = await fetch(session(sim.url), {method: 'POST', headers: REQUESTED_WITH, body: new URLSearchParams({action: 'login', username: 'demo', password: 'demo'})});
	const text = await response.text();
	assert.equal(response.status, 200);
	const cookies = response.headers.getSetCookie();
	assert.equal(cookies.length, 2);
	assert.match(cookies[0], /^QualysSession=[0-9a-f]{32}; path=\/api; secure; HttpOnly$/);
	assert.match(cookies[1], /^DWRSESSIONID=[^;]+; path=\/api; secure; HttpOnly$/);
	assert.equal(parseXml(text).SIMPLE_RETURN.RESPONSE.TEXT, 'Logged in');
	assert.deepEqual(limitHeadersOf(response.headers), [], 'the session API carries no limit headers');
	await logout(sim.url, cookies[0].split(';')[0]);
});

test('the session cookie authenticates resource calls until logout', async (t) => {
	const sim = await withSimulator(t);
	const cookie = await login(sim.url);
	const hosts = await fetch(`${sim.url}/api/2.0/fo/asset/host/?action=list&truncation_limit=1`, {headers: {...REQUESTED_WITH, Cookie: cookie}});
	await hosts.text();
	assert.equal(hosts.status, 200);
	const out = await logout(sim.url, cookie);
	assert.equal(out.status, 200);
	const after = await fetch(`${sim.url}/api/2.0/fo/asset/host/?action=list`, {headers: {...REQUESTED_WITH, Cookie: cookie}});
	assert.equal(after.status, 401);
	assert.equal(parseXml(await after.text()).SIMPLE_RETURN.RESPONSE.CODE, '2000');
	const state = sim.state();
	assert.equal(state.logins, 1);
	assert.equal(state.logouts, 1);
	assert.equal(state.activeSessions, 0);
});

test('logout answers "Logged out" and counts; logout without a live cookie does not count', async (t) => {
	const sim = await withSimulator(t);
	const cookie = await login(sim.url);
	const response = await fetch(session(sim.url), {method: 'POST', headers: {...REQUESTED_WITH, Cookie: cookie}, body: new URLSearchParams({action: 'logout'})});
	assert.equal(parseXml(await response.text()).SIMPLE_RETURN.RESPONSE.TEXT, 'Logged out');
	const again = await logout(sim.url, cookie);
	assert.equal(again.status, 401);
	const none = await fetch(session(sim.url), {method: 'POST', headers: REQUESTED_WITH, body: 'action=logout'});
	await none.text();
	assert.equal(none.status, 401);
	assert.equal(sim.state().logouts, 1);
});

test('a wrong password gets 401 / 2000 "Bad Login/Password" as text/xml without limit headers', async (t) => {
	const sim = await withSimulator(t);
	const response = await fetch(session(sim.url), {method: 'POST', headers: REQUESTED_WITH, body: new URLSearchParams({action: 'login', username: 'demo', password: 'wrong'})});
	const reply = parseXml(await response.text()).SIMPLE_RETURN.RESPONSE;
	assert.equal(response.status, 401);
	assert.equal(response.headers.get('content-type'), 'text/xml;charset=UTF-8');
	assert.equal(reply.CODE, '2000');
	assert.equal(reply.TEXT, 'Bad Login/Password');
	assert.deepEqual(limitHeadersOf(response.headers), []);
	assert.deepEqual(response.headers.getSetCookie(), []);
	assert.equal(sim.state().failedLogins, 1);
});

test('login parameters may come in the query string of the POST', async (t) => {
	const sim = await withSimulator(t);
	const response = await fetch(`${session(sim.url)}?action=login&username=demo&password=demo`, {method: 'POST', headers: REQUESTED_WITH});
	await response.text();
	assert.equal(response.status, 200);
	await logout(sim.url, response.headers.getSetCookie()[0].split(';')[0]);
});

test('GET on the session API is 400 / 1908', async (t) => {
	const sim = await withSimulator(t);
	const response = await fetch(`${session(sim.url)}?action=login&username=demo&password=demo`, {headers: REQUESTED_WITH});
	assert.equal(response.status, 400);
	assert.equal(parseXml(await response.text()).SIMPLE_RETURN.RESPONSE.CODE, '1908');
	assert.equal(sim.state().logins, 0);
});

test('a call without X-Requested-With is refused with 400 SIMPLE_RETURN, unless configured to allow it', async (t) => {
	const strict = await withSimulator(t);
	const refused = await fetch(session(strict.url), {method: 'POST', body: new URLSearchParams({action: 'login', username: 'demo', password: 'demo'})});
	assert.equal(refused.status, 400);
	assert.ok(parseXml(await refused.text()).SIMPLE_RETURN.RESPONSE.CODE);
	assert.equal(strict.state().logins, 0);
	const hosts = await fetch(`${strict.url}/api/2.0/fo/asset/host/?action=list`, {headers: {Authorization: `Basic ${btoa('demo:demo')}`}});
	await hosts.text();
	assert.equal(hosts.status, 400);

	const lenient = await withSimulator(t, {missingRequestedWith: 'allow'});
	const allowed = await fetch(session(lenient.url), {method: 'POST', body: new URLSearchParams({action: 'login', username: 'demo', password: 'demo'})});
	await allowed.text();
	assert.equal(allowed.status, 200);
	await logout(lenient.url, allowed.headers.getSetCookie()[0].split(';')[0]);
});
