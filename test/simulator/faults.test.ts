import assert from 'node:assert/strict';
import {test} from 'node:test';
import {XMLValidator} from 'fast-xml-parser';
import {withSimulator} from '../helpers/start-simulator.js';
import {basicAuth, get, login, logout, parseXml, REQUESTED_WITH} from './qualys-fetch.js';

const hostList = (url: string, query = 'truncation_limit=5'): string => `${url}/api/2.0/fo/asset/host/?action=list&${query}`;
const isWellFormed = (text: string): boolean => XMLValidator.validate(text) === true;

test('latency delays the answer by ms', async (t) => {
	const sim = await withSimulator(t, {faults: [{name: 'latency', ms: 150}]});
	const started = performance.now();
	assert.equal((await get(hostList(sim.url))).status, 200);
	assert.ok(performance.now() - started >= 140);
});

test('expired-account: login and calls answer HTTP 200 with CODE 2001', async (t) => {
	const sim = await withSimulator(t, {faults: [{name: 'expired-account'}]});
	const loginResponse = await fetch(`${sim.url}/api/2.0/fo/session/`, {method: 'POST', headers: REQUESTED_WITH, body: new URLSearchParams({action: 'login', username: 'demo', password: 'demo'})});
	const reply = parseXml(await loginResponse.text()).SIMPLE_RETURN.RESPONSE;
	assert.equal(loginResponse.status, 200);
	assert.deepEqual([reply.CODE, reply.TEXT], ['2001', 'This account has expired.']);
	assert.deepEqual(loginResponse.headers.getSetCookie(), []);
	const call = await get(hostList(sim.url));
	assert.equal(call.status, 200);
	assert.equal(parseXml(call.text).SIMPLE_RETURN.RESPONSE.CODE, '2001');
	assert.equal(call.headers.get('X-RateLimit-Limit'), null);
});

test('registration-incomplete: 409 / 2003', async (t) => {
	const sim = await withSimulator(t, {faults: [{name: 'registration-incomplete'}]});
	const call = await get(hostList(sim.url));
	assert.equal(call.status, 409);
	assert.equal(parseXml(call.text).SIMPLE_RETURN.RESPONSE.CODE, '2003');
});

test('session-expiry: the cookie dies after afterCalls calls; a fresh login works again', async (t) => {
	const sim = await withSimulator(t, {faults: [{name: 'session-expiry', afterCalls: 2}]});
	const cookie = await login(sim.url);
	const withCookie = {Cookie: cookie};
	assert.equal((await get(hostList(sim.url), withCookie)).status, 200);
	assert.equal((await get(`${sim.url}/api/3.0/fo/scan/?action=list`, withCookie)).status, 200);
	const expired = await get(hostList(sim.url), withCookie);
	assert.equal(expired.status, 401);
	assert.equal(parseXml(expired.text).SIMPLE_RETURN.RESPONSE.CODE, '2000');
	const fresh = await login(sim.url);
	assert.equal((await get(hostList(sim.url), {Cookie: fresh})).status, 200);
	await logout(sim.url, fresh);
	assert.equal(sim.state().expiredSessions, 1);
});

test('sessionExpiredResponse replaces the answer to a dead cookie', async (t) => {
	const sim = await withSimulator(t, {sessionExpiredResponse: {status: 403, contentType: 'text/plain', body: 'gone at {{DATETIME}}'}});
	const response = await get(hostList(sim.url), {Cookie: 'QualysSession=00000000000000000000000000000000'});
	assert.equal(response.status, 403);
	assert.match(response.text, /^gone at \d{4}-\d\d-\d\dT/);
});

test('html-502, html-200 and empty-200 answer with something that is not Qualys XML', async (t) => {
	const sim = await withSimulator(t);
	sim.setFaults([{name: 'html-502'}]);
	const proxy = await get(hostList(sim.url));
	assert.equal(proxy.status, 502);
	assert.match(proxy.headers.get('content-type')!, /^text\/html/);
	assert.match(proxy.text, /502 Bad Gateway/);
	sim.setFaults([{name: 'html-200'}]);
	const portal = await get(hostList(sim.url));
	assert.equal(portal.status, 200);
	assert.match(portal.headers.get('content-type')!, /^text\/html/);
	assert.match(portal.text, /<html/);
	sim.setFaults([{name: 'empty-200'}]);
	const empty = await get(hostList(sim.url));
	assert.equal(empty.status, 200);
	assert.equal(empty.text, '');
});

test('truncated cuts valid XML mid-element; malformed is not well-formed; entity-bomb nests entities', async (t) => {
	const sim = await withSimulator(t);
	const whole = (await get(hostList(sim.url))).text;
	sim.setFaults([{name: 'truncated'}]);
	const truncated = await get(hostList(sim.url));
	assert.equal(truncated.status, 200);
	assert.ok(truncated.text.length < whole.length);
	assert.match(truncated.text, /<[^<>]$/, 'ends inside a tag');
	assert.equal(whole.slice(0, truncated.text.length).replace(/<DATETIME>[^<]*/, ''), truncated.text.replace(/<DATETIME>[^<]*/, ''));
	assert.ok(!isWellFormed(truncated.text));
	sim.setFaults([{name: 'truncated', bytes: 100}]);
	assert.equal(Buffer.byteLength((await get(hostList(sim.url))).text), 100);
	sim.setFaults([{name: 'malformed'}]);
	assert.ok(!isWellFormed((await get(hostList(sim.url))).text));
	sim.setFaults([{name: 'entity-bomb'}]);
	const bomb = (await get(hostList(sim.url))).text;
	assert.match(bomb, /<!ENTITY lol9 "(&lol8;){10}">/);
	assert.match(bomb, /&lol9;/);
});

test('reset drops the connection mid-body; stall-body sends headers and part of the body, then nothing', async (t) => {
	const sim = await withSimulator(t, {faults: [{name: 'reset', times: 1}]});
	const reset = await fetch(hostList(sim.url), {headers: {...REQUESTED_WITH, ...basicAuth('demo', 'demo')}});
	assert.equal(reset.status, 200);
	await assert.rejects(reset.text());

	sim.setFaults([{name: 'stall-body', bytes: 300}]);
	const abort = new AbortController();
	const stalled = await fetch(hostList(sim.url), {headers: {...REQUESTED_WITH, ...basicAuth('demo', 'demo')}, signal: abort.signal});
	const reader = stalled.body!.getReader();
	const first = await reader.read();
	assert.equal(first.value!.length, 300);
	const next = reader.read();
	const outcome = await Promise.race([next.then(() => 'more'), new Promise((resolve) => setTimeout(resolve, 150, 'stalled'))]);
	assert.equal(outcome, 'stalled');
	abort.abort();
	await next.catch(() => {});
});

test('hang never answers; close() still ends it', async (t) => {
	const sim = await withSimulator(t, {faults: [{name: 'hang'}]});
	await assert.rejects(fetch(hostList(sim.url), {headers: {...REQUESTED_WITH, ...basicAuth('demo', 'demo')}, signal: AbortSignal.timeout(150)}), {name: 'TimeoutError'});
	const pending = fetch(hostList(sim.url), {headers: {...REQUESTED_WITH, ...basicAuth('demo', 'demo')}}).catch((error: unknown) => error);
	// The control surface keeps working while the API hangs.
	assert.equal((await fetch(`${sim.url}/_sim/state`)).status, 200);
	await sim.close();
	assert.ok((await pending) instanceof Error);
});

test('hostile-text puts escape sequences, bidi and zero-width characters and 10 kB values in free text', async (t) => {
	const sim = await withSimulator(t, {faults: [{name: 'hostile-text'}]});
	const hosts = (await get(hostList(sim.url, 'truncation_limit=20'))).text;
	for (const needle of ['\u001B[2J', '\u001B]0;pwned\u0007', '\u202E', '\u200B', '\u009B', 'A'.repeat(10_240)]) {
		assert.ok(hosts.includes(needle), JSON.stringify(needle.slice(0, 12)));
	}
	const parsed = parseXml(hosts).HOST_LIST_OUTPUT.RESPONSE.HOST_LIST.HOST;
	assert.equal(parsed.length, 20, 'still parses');
	const scans = (await get(`${sim.url}/api/3.0/fo/scan/?action=list`)).text;
	assert.match(scans, /<TITLE>\s*<!\[CDATA\[[^\]]*\u001B/);
});

test('huge pads a host list with valid hosts up to bytes', async (t) => {
	const sim = await withSimulator(t, {hosts: 100, faults: [{name: 'huge', bytes: 2 * 1024 * 1024}]});
	const response = await get(hostList(sim.url));
	assert.ok(Buffer.byteLength(response.text) >= 2 * 1024 * 1024);
	assert.ok(isWellFormed(response.text));
	assert.ok(parseXml(response.text).HOST_LIST_OUTPUT.RESPONSE.HOST_LIST.HOST.length > 1000);
});

test('foreign-next-url points the paging URL at another host', async (t) => {
	const sim = await withSimulator(t, {faults: [{name: 'foreign-next-url'}]});
	const page = await get(hostList(sim.url));
	assert.match(parseXml(page.text).HOST_LIST_OUTPUT.RESPONSE.WARNING.URL, /^https:\/\/evil\.example\.com\/api\/2\.0\/fo\/asset\/host\/\?/);
});

test('bad-param-no-decl: 400 / 1905 starting at <!DOCTYPE, with limit headers', async (t) => {
	const sim = await withSimulator(t, {faults: [{name: 'bad-param-no-decl'}]});
	const response = await get(hostList(sim.url));
	assert.equal(response.status, 400);
	assert.ok(response.text.startsWith('<!DOCTYPE SIMPLE_RETURN SYSTEM '));
	assert.equal(parseXml(response.text).SIMPLE_RETURN.RESPONSE.CODE, '1905');
	assert.equal(response.headers.get('X-RateLimit-Remaining'), '299');
});

test('rate-limit-body-only: 409 / 1965 with SECONDS_TO_WAIT but no ToWait-Sec header', async (t) => {
	const sim = await withSimulator(t, {faults: [{name: 'rate-limit-body-only'}]});
	const response = await get(hostList(sim.url));
	const reply = parseXml(response.text).SIMPLE_RETURN.RESPONSE;
	assert.equal(response.status, 409);
	assert.equal(reply.CODE, '1965');
	assert.equal(reply.ITEM_LIST.ITEM[0].KEY, 'SECONDS_TO_WAIT');
	assert.ok(Number(reply.ITEM_LIST.ITEM[0].VALUE) > 0);
	assert.equal(response.headers.get('X-RateLimit-ToWait-Sec'), null);
	assert.equal(response.headers.get('X-RateLimit-Remaining'), '0');
});

test('legacy-only: 5.0 and 3.0 answer 404 HTML, 2.0 works', async (t) => {
	const sim = await withSimulator(t, {faults: [{name: 'legacy-only'}]});
	assert.equal((await get(`${sim.url}/api/5.0/fo/asset/host/?action=list`)).status, 404);
	assert.equal((await get(`${sim.url}/api/3.0/fo/scan/?action=list`)).status, 404);
	assert.equal((await get(`${sim.url}/api/2.0/fo/asset/host/?action=list`)).status, 200);
	assert.equal((await get(`${sim.url}/api/2.0/fo/scan/?action=list`)).status, 200);
});

test('afterCalls and times pick which calls a fault hits; api narrows it; login is spared under api all', async (t) => {
	const sim = await withSimulator(t, {faults: [{name: 'empty-200', afterCalls: 1, times: 1}, {name: 'html-502', api: 'scan-list'}]});
	const cookie = await login(sim.url);
	const texts = [];
	for (let call = 0; call < 3; call++) {
		texts.push((await get(hostList(sim.url), {Cookie: cookie})).text);
	}
	assert.deepEqual(texts.map((text) => text === ''), [false, true, false]);
	assert.equal((await get(`${sim.url}/api/2.0/fo/scan/?action=list`)).status, 502);
	assert.equal((await get(`${sim.url}/msp/about.php`)).status, 200);
	await logout(sim.url, cookie);
});

test('faults naming the session API break login', async (t) => {
	const sim = await withSimulator(t, {faults: [{name: 'html-502', api: 'session'}]});
	const response = await fetch(`${sim.url}/api/2.0/fo/session/`, {method: 'POST', headers: REQUESTED_WITH, body: new URLSearchParams({action: 'login', username: 'demo', password: 'demo'})});
	await response.text();
	assert.equal(response.status, 502);
});

test('setFaults refuses unknown names and bad numbers', async (t) => {
	const sim = await withSimulator(t);
	assert.throws(() => sim.setFaults([{name: 'meteor' as 'hang'}]), /unknown fault name/);
	assert.throws(() => sim.setFaults([{name: 'latency', ms: -1}]), /non-negative integer/);
});
