import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {createServer as createHttpsServer} from 'node:https';
import {createServer as createNetServer} from 'node:net';
import type {AddressInfo} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import {inspect} from 'node:util';
import {createQualysClient} from '../../source/api/client.js';
import {
	isAbortedError,
	isApiError,
	isHttpError,
	isNetworkError,
	isParseError,
	isTimeoutError,
	isTlsError,
	type QualysError,
} from '../../source/api/errors.js';
import {documents, startRecordingServer} from './recording-server.js';
import {allHosts, rejection, useClient} from './client-fixture.js';

const PASSWORD = 'Sup3r-Secret!pw';

/** Every error must be free of the password, the cookie value and any Authorization header. */
function assertNoSecrets(error: QualysError): void {
	const everything = `${error.message} ${error.hint} ${inspect(error, {depth: 10, showHidden: true})} ${JSON.stringify(error)}`;
	assert.doesNotMatch(everything, new RegExp(PASSWORD.replace(/[!]/g, '\\$&')));
	assert.doesNotMatch(everything, /QualysSession=[0-9a-f]/);
	assert.doesNotMatch(everything, /Basic [A-Za-z0-9+/=]{8,}/);
	assert.doesNotMatch(error.message, /[\u0000-\u001F]/);
	assert.doesNotMatch(error.path ?? '', /\?/);
}

const faultCases: Array<[string, Record<string, unknown>, (error: unknown) => boolean, RegExp?]> = [
	['html-502', {}, isHttpError, /HTML page.*502/],
	['html-200', {}, isHttpError, /HTTP 200 with an HTML page/],
	['empty-200', {}, isParseError, /empty/],
	['truncated', {}, isParseError, /not well-formed/],
	['malformed', {}, isParseError, /not well-formed|could not be parsed/],
	['entity-bomb', {}, isParseError, /entities/],
	['reset', {}, isNetworkError, /closed before/],
	['bad-param-no-decl', {}, isApiError, /1905.*invalid value/],
];

for (const [name, extra, guard, message] of faultCases) {
	test(`fault ${name} on the host list becomes the right error`, async t => {
		const {client} = await useClient(t, {hosts: 200, users: {demo: PASSWORD}, faults: [{name: name as any, ...extra}]}, {credentials: {username: 'demo', password: PASSWORD}});
		const error = await rejection(() => allHosts(client.listHosts({pageSize: 100})));
		assert.ok(guard(error), `${name}: got ${error?.name}: ${error?.message}`);
		if (message) assert.match(error.message, message);
		assert.ok(error.hint.length > 0);
		assert.equal(error.exitCode, 5);
		assertNoSecrets(error);
	});
}

test('the reset fault reports reason "reset"', async t => {
	const {client} = await useClient(t, {hosts: 2000, faults: [{name: 'reset', bytes: 20_000}]});
	const error = await rejection(() => allHosts(client.listHosts({pageSize: 1000})));
	assert.equal(error.reason, 'reset');
});

test('faults on the scan list and about are classified too', async t => {
	const {client} = await useClient(t, {faults: [{name: 'truncated', api: 'scan-list'}, {name: 'html-502', api: 'about'}]});
	assert.ok(isParseError(await rejection(() => client.listScans())));
	assert.ok(isHttpError(await rejection(() => client.about())));
});

test('a body that stalls after the headers is ended by the total timeout', async t => {
	const {client} = await useClient(t, {hosts: 2000, faults: [{name: 'stall-body', bytes: 10_000}]}, {timeoutMs: 600});
	await client.login();
	const started = Date.now();
	const error = await rejection(() => client.listHosts({pageSize: 1000}).next());
	const elapsed = Date.now() - started;
	assert.ok(isTimeoutError(error), `${error?.name}: ${error?.message}`);
	assert.ok(elapsed >= 550 && elapsed < 3000, `elapsed ${elapsed} ms`);
	assert.match(error.message, /600 ms/);
});

test('a server that never answers is ended by the total timeout', async t => {
	const {client} = await useClient(t, {faults: [{name: 'hang'}]}, {timeoutMs: 400});
	await client.login();
	const error = await rejection(() => client.listScans());
	assert.ok(isTimeoutError(error));
	assert.equal(error.path, '/api/3.0/fo/scan/');
});

test('a huge body over maxResponseBytes is refused; under it progress is reported', async t => {
	const {client, newClient} = await useClient(t, {hosts: 10, faults: [{name: 'huge', bytes: 3 * 1024 * 1024}]}, {maxResponseBytes: 1024 * 1024});
	const error = await rejection(() => client.listHosts().next());
	assert.ok(isParseError(error));
	assert.match(error.message, /larger than the 1 MiB limit/);

	const progress: number[] = [];
	const roomy = newClient({maxResponseBytes: 64 * 1024 * 1024, onProgress: event => progress.push(event.bytes)});
	const page = (await roomy.listHosts().next()).value!;
	assert.ok(page.bytes >= 3 * 1024 * 1024);
	assert.ok(progress.length > 1);
	assert.equal(progress.at(-1), page.bytes);
});

test('hostile text in host data is kept verbatim for the UI to sanitise, and parses', async t => {
	const {client} = await useClient(t, {hosts: 50, faults: [{name: 'hostile-text'}]});
	const ids = await allHosts(client.listHosts({pageSize: 100}));
	assert.equal(ids.length, 50);
	assert.ok((await client.listScans()).length > 0);
});

test('hostile server text in an error message is one clean line', async t => {
	const server = await startRecordingServer(() => ({
		status: 400,
		body: `<SIMPLE_RETURN><RESPONSE><CODE>1901</CODE><TEXT>Unrecognized parameter(s): \u001B[2J\u001B]0;pwned\u0007x\r\ny ${'z'.repeat(1000)}</TEXT></RESPONSE></SIMPLE_RETURN>`,
	}));
	t.after(() => server.close());
	const client = createQualysClient({baseUrl: server.url, credentials: {username: 'u', password: PASSWORD}, authMode: 'basic'});
	const error = await rejection(() => client.listScans());
	assert.ok(isApiError(error));
	assert.equal(error.code, 1901);
	assert.match(error.message, /^Qualys error 1901: Unrecognized parameter\(s\): x y z+…$/);
	assert.ok(error.message.length <= 230);
	assertNoSecrets(error);
});

test('a server echoing the password in its error text gets it redacted', async t => {
	const server = await startRecordingServer(() => ({
		status: 400,
		body: `<SIMPLE_RETURN><RESPONSE><CODE>1905</CODE><TEXT>parameter x has invalid value: ${PASSWORD}</TEXT></RESPONSE></SIMPLE_RETURN>`,
	}));
	t.after(() => server.close());
	const client = createQualysClient({baseUrl: server.url, credentials: {username: 'u', password: PASSWORD}, authMode: 'basic'});
	const error = await rejection(() => client.listScans());
	assert.match(error.message, /\[REDACTED\]/);
	assertNoSecrets(error);
});

test('a refused connection is a NetworkError with reason "refused"', async () => {
	const port = await new Promise<number>(resolve => {
		const server = createNetServer().listen(0, '127.0.0.1', () => {
			const {port: free} = server.address() as AddressInfo;
			server.close(() => resolve(free));
		});
	});
	const client = createQualysClient({baseUrl: `http://127.0.0.1:${port}`, credentials: {username: 'u', password: PASSWORD}});
	const error = await rejection(() => client.login());
	assert.ok(isNetworkError(error), `${error?.name}: ${error?.message}`);
	assert.equal(error.reason, 'refused');
	assert.equal(error.exitCode, 5);
	assertNoSecrets(error);
});

test("the caller's signal aborts a call with an AbortedError", async t => {
	const {client} = await useClient(t, {latencyMs: 2000});
	await client.login();
	const controller = new AbortController();
	setTimeout(() => controller.abort(), 100);
	const started = Date.now();
	const error = await rejection(() => client.listScans({signal: controller.signal}));
	assert.ok(isAbortedError(error));
	assert.ok(Date.now() - started < 1500);
});

test('an already-aborted signal sends nothing', async t => {
	const {client, state} = await useClient(t);
	await client.login();
	assert.ok(isAbortedError(await rejection(() => client.listScans({signal: AbortSignal.abort()}))));
	assert.equal((await state()).calls['scan-list'], undefined);
});

test('a self-signed certificate is a TlsError mentioning --insecure; insecure: true accepts it', async t => {
	const dir = mkdtempSync(join(tmpdir(), 'qualys-tls-'));
	t.after(() => rmSync(dir, {recursive: true, force: true}));
	execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=localhost', '-days', '1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], {stdio: 'ignore'});
	const server = createHttpsServer({key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem'))}, (_request, response) => {
		response.writeHead(200, {'Content-Type': 'application/xml'}).end(documents.emptyScanList);
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	t.after(() => new Promise(resolve => {
		server.close(resolve);
		server.closeAllConnections();
	}));
	const baseUrl = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
	const strict = createQualysClient({baseUrl, credentials: {username: 'u', password: PASSWORD}, authMode: 'basic'});
	const error = await rejection(() => strict.listScans());
	assert.ok(isTlsError(error), `${error?.name}: ${error?.message}`);
	assert.match(error.hint, /--insecure/);
	assertNoSecrets(error);
	const insecure = createQualysClient({baseUrl, credentials: {username: 'u', password: PASSWORD}, authMode: 'basic', insecure: true});
	assert.deepEqual(await insecure.listScans(), []);
});

test('the latency fault delays a call; within the timeout it succeeds, beyond it times out', async t => {
	const {client, newClient} = await useClient(t, {faults: [{name: 'latency', ms: 400, api: 'scan-list'}]}, {timeoutMs: 5000});
	const started = Date.now();
	assert.ok((await client.listScans()).length > 0);
	assert.ok(Date.now() - started >= 380);
	const impatient = newClient({timeoutMs: 150});
	assert.ok(isTimeoutError(await rejection(() => impatient.listScans())));
});
