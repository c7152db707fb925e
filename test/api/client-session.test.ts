import assert from 'node:assert/strict';
import {test} from 'node:test';
import {inspect} from 'node:util';
import {createQualysClient} from '../../source/api/client.js';
import {isAccountError, isAuthError, isConfigError} from '../../source/api/errors.js';
import type {ClientEvent} from '../../source/api/types.js';
import {documents, startRecordingServer} from './recording-server.js';
import {rejection, useClient} from './client-fixture.js';

const HOSTILE_PASSWORD = `p a&s=s;w%o+r"d'x:y ünï€ 密码 \\ #?`;
const HOSTILE_USER = 'acme_ü1';

test('session login opens one session and logout closes it; logout twice is a no-op', async t => {
	const {client, state} = await useClient(t);
	const events: ClientEvent[] = [];
	client.subscribe(event => events.push(event));
	await client.login();
	assert.equal(client.isLoggedIn, true);
	assert.ok(client.sessionStartedAt !== undefined);
	assert.equal((await state()).activeSessions, 1);
	await client.logout();
	await client.logout();
	assert.equal(client.isLoggedIn, false);
	const after = await state();
	assert.equal(after.logins, 1);
	assert.equal(after.logouts, 1);
	assert.equal(after.activeSessions, 0);
	assert.deepEqual(
		events.filter(event => event.type === 'session').map(event => (event as {state: string}).state),
		['active', 'logged-out'],
	);
});

test('logout without a login sends nothing and does not throw', async t => {
	const {client, state} = await useClient(t);
	await client.logout();
	assert.deepEqual((await state()).calls, {});
});

test('a call in session mode logs in by itself when needed', async t => {
	const {client, state} = await useClient(t);
	await client.listScans();
	assert.equal((await state()).logins, 1);
});

test('a hostile password works in session mode', async t => {
	const {client} = await useClient(t, {users: {[HOSTILE_USER]: HOSTILE_PASSWORD}}, {credentials: {username: HOSTILE_USER, password: HOSTILE_PASSWORD}});
	await client.login();
	assert.ok((await client.listScans()).length > 0);
});

test('a hostile password works in Basic mode, and about() uses Basic in session mode too', async t => {
	const {client, newClient, state} = await useClient(
		t,
		{users: {[HOSTILE_USER]: HOSTILE_PASSWORD}},
		{credentials: {username: HOSTILE_USER, password: HOSTILE_PASSWORD}, authMode: 'basic'},
	);
	await client.login();
	assert.equal(client.isLoggedIn, false);
	assert.ok((await client.listScans()).length > 0);
	assert.equal(client.isLoggedIn, true);
	assert.equal((await client.about()).apiVersion, '1.4');
	assert.equal((await state()).logins, 0);
	const sessionClient = newClient({authMode: 'session'});
	assert.equal((await sessionClient.about()).apiVersion, '1.4');
	assert.equal((await state()).logins, 0, 'about() needs no session');
});

test('a wrong password is an AuthError, with no secret anywhere in it', async t => {
	const {client, state} = await useClient(t, {}, {credentials: {username: 'demo', password: 'wrong-Secret-123'}});
	const error = await rejection(() => client.login());
	assert.ok(isAuthError(error));
	assert.equal(error.exitCode, 3);
	assert.equal(error.status, 401);
	assert.equal(error.path, '/api/2.0/fo/session/');
	assert.doesNotMatch(inspect(error, {depth: 10, showHidden: true}), /wrong-Secret-123/);
	assert.doesNotMatch(JSON.stringify({...error, message: error.message, hint: error.hint}), /wrong-Secret-123/);
	assert.equal(client.isLoggedIn, false);
	assert.equal((await state()).failedLogins, 1);
});

test('a wrong password in Basic mode is an AuthError on the first call', async t => {
	const {client} = await useClient(t, {}, {credentials: {username: 'demo', password: 'nope'}, authMode: 'basic'});
	assert.ok(isAuthError(await rejection(() => client.listScans())));
});

test('an expired account (2001 with HTTP 200) is an AccountError at login', async t => {
	const {client} = await useClient(t, {faults: [{name: 'expired-account'}]});
	const error = await rejection(() => client.login());
	assert.ok(isAccountError(error));
	assert.equal(error.code, 2001);
	assert.equal(error.status, 200);
});

test('registration incomplete (2003 with 409) is a permanent AccountError, not a limit', async t => {
	const {client, state} = await useClient(t, {faults: [{name: 'registration-incomplete'}]});
	const error = await rejection(() => client.login());
	assert.ok(isAccountError(error));
	assert.equal(error.code, 2003);
	assert.equal((await state()).calls.session?.['409'], 1, 'no retry of a 409');
});

test('an expired session is renewed once and the call repeated', async t => {
	const {client, state} = await useClient(t, {faults: [{name: 'session-expiry', afterCalls: 1, times: 1}]});
	const events: string[] = [];
	client.subscribe(event => event.type === 'session' && events.push(event.state));
	await client.listScans();
	const scans = await client.listScans();
	assert.ok(scans.length > 0);
	const after = await state();
	assert.equal(after.logins, 2);
	assert.equal(after.expiredSessions, 1);
	assert.deepEqual(after.calls['scan-list'], {200: 2, 401: 1});
	assert.deepEqual(events, ['active', 'relogin', 'active']);
});

test('a session that expires again right after the re-login is an AuthError (re-login only once)', async t => {
	const {client, state} = await useClient(t, {faults: [{name: 'session-expiry', afterCalls: 0}]});
	const events: string[] = [];
	client.subscribe(event => event.type === 'session' && events.push(event.state));
	const error = await rejection(() => client.listScans());
	assert.ok(isAuthError(error));
	const after = await state();
	assert.equal(after.logins, 2);
	assert.equal(after.calls['scan-list']?.['401'], 2);
	assert.ok(events.includes('relogin'));
});

test('two calls that meet an expired session share one re-login', async t => {
	const {client, state} = await useClient(t, {faults: [{name: 'session-expiry', afterCalls: 0, times: 1}]});
	await client.login();
	await Promise.all([client.listScans(), client.listHosts({pageSize: 10}).next()]);
	assert.equal((await state()).logins, 2);
});

test('on the wire: X-Requested-With everywhere, password only in the login body, cookie only to /api/', async t => {
	const server = await startRecordingServer(request => {
		if (request.url.startsWith('/api/2.0/fo/session/')) {
			return {
				body: documents.loggedIn,
				headers: {'Set-Cookie': ['DWRSESSIONID=zzz; path=/; secure', 'QualysSession=0123456789abcdef0123456789abcdef; path=/api; secure; HttpOnly']},
			};
		}
		if (request.url.startsWith('/msp/about.php')) return {body: documents.about};
		if (request.url.startsWith('/api/3.0/fo/scan/')) return {body: documents.emptyScanList};
		return {body: documents.emptyHostList};
	});
	t.after(() => server.close());
	const client = createQualysClient({baseUrl: server.url, credentials: {username: HOSTILE_USER, password: HOSTILE_PASSWORD}, version: '1.2.3'});
	await client.login();
	await client.listScans();
	await client.about();
	await client.logout();

	for (const request of server.requests) {
		assert.equal(request.headers['x-requested-with'], 'qualys-tui/1.2.3');
		assert.ok(!decodeURIComponent(request.url).includes(HOSTILE_PASSWORD), 'password never in a URL');
	}
	const [login, scans, about, logout] = server.requests;
	assert.equal(login.method, 'POST');
	assert.equal(login.url, '/api/2.0/fo/session/');
	assert.deepEqual(Object.fromEntries(new URLSearchParams(login.body)), {action: 'login', username: HOSTILE_USER, password: HOSTILE_PASSWORD});
	assert.equal(login.headers.cookie, undefined);
	assert.equal(scans.headers.cookie, 'QualysSession=0123456789abcdef0123456789abcdef', 'only QualysSession is sent back');
	assert.equal(scans.headers.authorization, undefined);
	assert.equal(about.headers.cookie, undefined, 'the cookie is scoped to /api');
	assert.equal(about.headers.authorization, `Basic ${Buffer.from(`${HOSTILE_USER}:${HOSTILE_PASSWORD}`, 'utf8').toString('base64')}`);
	assert.deepEqual(Object.fromEntries(new URLSearchParams(logout.body)), {action: 'logout'});
	assert.equal(logout.headers.cookie, 'QualysSession=0123456789abcdef0123456789abcdef');
	for (const request of [scans, about, logout]) assert.ok(!request.body.includes('password'));
});

test('a login answered 200 without a cookie is an error, not a session', async t => {
	const server = await startRecordingServer(() => ({body: documents.loggedIn}));
	t.after(() => server.close());
	const client = createQualysClient({baseUrl: server.url, credentials: {username: 'u', password: 'p'}});
	assert.ok(isAuthError(await rejection(() => client.login())));
	assert.equal(client.isLoggedIn, false);
});

test('calls made one right after another share one kept-alive connection (no second handshake)', async t => {
	const server = await startRecordingServer(request => {
		if (request.url.startsWith('/api/2.0/fo/session/')) return {body: documents.loggedIn, headers: {'Set-Cookie': 'QualysSession=0123456789abcdef0123456789abcdef; path=/api'}};
		if (request.url.includes('/fo/scan/')) return {body: documents.emptyScanList};
		return {body: documents.emptyHostList};
	});
	t.after(() => server.close());
	const client = createQualysClient({baseUrl: server.url, credentials: {username: 'u', password: 'p'}});
	// Each call starts the moment the previous one returns, as the host list follows the login.
	await client.login();
	for await (const page of client.listHosts({pageSize: 10})) assert.equal(page.hosts.length, 0);
	await client.listScans();
	await client.logout();
	assert.equal(server.requests.length, 4);
	assert.equal(server.connections(), 1);
});

test('logout is bounded by its timeout and never throws', async t => {
	const {client, simulator} = await useClient(t, {checkSessions: false});
	await client.login();
	simulator.setFaults([{name: 'hang', api: 'session'}]);
	const started = Date.now();
	await client.logout({timeoutMs: 300});
	assert.ok(Date.now() - started < 2000);
	assert.equal(client.isLoggedIn, false);
});

test('plain http to a non-loopback host is a ConfigError before any request', () => {
	assert.throws(() => createQualysClient({baseUrl: 'http://qualysapi.qualys.com', credentials: {username: 'u', password: 'p'}}), isConfigError);
});

test('after logout a call does not open a new session by itself', async t => {
	const {client, state} = await useClient(t);
	await client.listScans();
	await client.logout();
	assert.ok(isAuthError(await rejection(() => client.listScans())));
	assert.equal((await state()).logins, 1);
	await client.login();
	assert.ok((await client.listScans()).length > 0);
});

test('login twice keeps one session', async t => {
	const {client, state} = await useClient(t);
	await client.login();
	await client.login();
	await Promise.all([client.listScans(), client.listScans()]);
	assert.equal((await state()).logins, 1);
});
