import assert from 'node:assert/strict';
import {test} from 'node:test';
import {parseBasicAuth} from '../../source/simulator/basic-auth.js';
import {withSimulator} from '../helpers/start-simulator.js';
import {basicAuth, get, limitHeadersOf, parseXml} from './qualys-fetch.js';

const hostilePassword = `p:a&s=s;w%o+r"d' \\ 日本語 ü:`;

test('splits user:pass on the first colon and decodes UTF-8', () => {
	assert.deepEqual(parseBasicAuth(basicAuth('alice', hostilePassword).Authorization), {username: 'alice', password: hostilePassword});
	assert.equal(parseBasicAuth('Bearer abc'), undefined);
	assert.equal(parseBasicAuth(`Basic ${btoa('no-colon')}`), undefined);
	assert.equal(parseBasicAuth(undefined), undefined);
});

test('Basic auth with a password full of separators, quotes and non-ASCII works over HTTP', async (t) => {
	const sim = await withSimulator(t, {users: {alice: hostilePassword}});
	const ok = await get(`${sim.url}/api/2.0/fo/asset/host/?action=list&truncation_limit=1`, basicAuth('alice', hostilePassword));
	assert.equal(ok.status, 200);
	const bad = await get(`${sim.url}/api/2.0/fo/asset/host/?action=list`, basicAuth('alice', hostilePassword.slice(0, -1)));
	assert.equal(bad.status, 401);
	assert.equal(parseXml(bad.text).SIMPLE_RETURN.RESPONSE.TEXT, 'Bad Login/Password');
	assert.deepEqual(limitHeadersOf(bad.headers), []);
});

test('the same hostile password logs in through the form body', async (t) => {
	const sim = await withSimulator(t, {users: {alice: hostilePassword}});
	const response = await fetch(`${sim.url}/api/2.0/fo/session/`, {
		method: 'POST',
		headers: {'X-Requested-With': 'test'},
		body: new URLSearchParams({action: 'login', username: 'alice', password: hostilePassword}),
	});
	await response.text();
	assert.equal(response.status, 200);
	const cookie = response.headers.getSetCookie()[0].split(';')[0];
	const out = await fetch(`${sim.url}/api/2.0/fo/session/`, {method: 'POST', headers: {'X-Requested-With': 'test', Cookie: cookie}, body: new URLSearchParams({action: 'logout'})});
	await out.text();
	assert.equal(out.status, 200);
});

test('missing auth is 401 / 2000; about.php ignores the session cookie (it is scoped to /api)', async (t) => {
	const sim = await withSimulator(t);
	const none = await get(`${sim.url}/api/3.0/fo/scan/?action=list`, {});
	assert.equal(none.status, 401);
	assert.equal(parseXml(none.text).SIMPLE_RETURN.RESPONSE.CODE, '2000');
	const about = await get(`${sim.url}/msp/about.php`, {Cookie: 'QualysSession=0123456789abcdef0123456789abcdef'});
	assert.equal(about.status, 401);
	const aboutBasic = await get(`${sim.url}/msp/about.php`);
	assert.equal(aboutBasic.status, 200);
	assert.equal(parseXml(aboutBasic.text).ABOUT['API-VERSION']['@_MAJOR'], '1');
	assert.equal(limitHeadersOf(aboutBasic.headers).length, 6);
});
