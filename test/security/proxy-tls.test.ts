// Proxies and TLS against real sockets: the simulator behind a TLS-terminating front with a
// self-signed certificate (made with openssl for this run), and a real CONNECT proxy on loopback.
import assert from 'node:assert/strict';
import {globalAgent} from 'node:https';
import {before, test, type TestContext} from 'node:test';
import {createQualysClient, type QualysClientOptions} from '../../source/api/client.js';
import {isQualysError, isTlsError, QualysError, TimeoutError, AbortedError} from '../../source/api/errors.js';
import type {QualysClient} from '../../source/api/types.js';
import {startConnectProxy, type ConnectProxy, type ProxyMode} from '../helpers/connect-proxy.js';
import {runCli} from '../helpers/run-cli.js';
import {startTestSimulator, type TestSimulator} from '../helpers/start-simulator.js';
import {createSelfSignedCertificate, startTlsFront, type TestCertificate, type TlsFront} from '../helpers/tls.js';

let certificate: TestCertificate;
before(() => {
	certificate = createSelfSignedCertificate();
});

interface TlsFixture {
	readonly simulator: TestSimulator;
	readonly front: TlsFront;
	readonly proxy?: ConnectProxy;
	newClient(options?: Partial<QualysClientOptions>): QualysClient;
}

/** Simulator → TLS front (→ proxy); at teardown: log every client out, then close front, proxy, simulator (with the session check). */
async function useTls(t: TestContext, {proxyMode}: {readonly proxyMode?: ProxyMode} = {}): Promise<TlsFixture> {
	const simulator = await startTestSimulator({hosts: 20, scans: 5});
	const front = await startTlsFront(Number(new URL(simulator.url).port), certificate);
	const proxy = proxyMode === undefined ? undefined : await startConnectProxy({mode: proxyMode});
	const clients: QualysClient[] = [];
	t.after(async () => {
		await Promise.all(clients.map(client => client.logout()));
		await front.close();
		await proxy?.close();
		await simulator.close();
	});
	return {
		simulator,
		front,
		proxy,
		newClient(options = {}) {
			const client = createQualysClient({
				baseUrl: front.url,
				credentials: {username: 'demo', password: 'demo'},
				version: 'test',
				timeoutMs: 10_000,
				connectTimeoutMs: 5000,
				// No proxy unless a test sets one: the developer's own variables must not apply.
				env: {},
				...options,
			});
			clients.push(client);
			return client;
		},
	};
}

async function rejection(run: () => Promise<unknown>): Promise<unknown> {
	try {
		await run();
	} catch (error) {
		return error;
	}
	assert.fail('expected a rejection');
}

function assertRefusedCertificate(error: unknown): asserts error is QualysError {
	assert.ok(isTlsError(error), `expected a TlsError, got ${(error as Error)?.name}: ${(error as Error)?.message}`);
	assert.match(error.message, /TLS certificate was not accepted/);
	assert.match(error.message, /SELF_SIGNED|CERT/, 'names the reason');
	assert.match(error.hint, /--insecure/);
	assert.equal(error.exitCode, 5);
}

test('without insecure the self-signed certificate is refused with a TlsError whose hint names --insecure', async t => {
	const {newClient, simulator, front} = await useTls(t);
	const error = await rejection(() => newClient().listScans());
	assertRefusedCertificate(error);
	assert.equal(simulator.state().logins, 0, 'nothing reached the server: no credentials were sent');
	assert.equal(front.handshakes(), 0);
});

test('with insecure: true the session works over TLS', async t => {
	const {newClient, front, simulator} = await useTls(t);
	const client = newClient({insecure: true});
	assert.ok((await client.listScans()).length > 0);
	const about = await client.about();
	assert.ok(about.apiVersion);
	assert.ok(front.handshakes() >= 1);
	await client.logout();
	assert.equal(simulator.state().logouts, 1);
});

test('certificate checks stay on for other clients: an insecure client leaks nothing global', async t => {
	const {newClient, front} = await useTls(t);
	assert.ok((await newClient({insecure: true}).listScans()).length > 0);
	assertRefusedCertificate(await rejection(() => newClient().listScans()));
	assertRefusedCertificate(await rejection(() => newClient({insecure: false, authMode: 'basic'}).about()));
	// Nothing process-wide was switched off either.
	assert.equal(process.env.NODE_TLS_REJECT_UNAUTHORIZED, undefined);
	assert.notEqual(globalAgent.options.rejectUnauthorized, false);
	await assert.rejects(fetch(`${front.url}/msp/about.php`), 'the global fetch still checks certificates');
});

test('HTTPS_PROXY is used: the proxy tunnels to the TLS endpoint', async t => {
	const {newClient, front, proxy} = await useTls(t, {proxyMode: 'tunnel'});
	const client = newClient({insecure: true, env: {HTTPS_PROXY: proxy!.url}});
	assert.ok((await client.listScans()).length > 0);
	assert.ok(proxy!.tunnels.length >= 1, 'at least one CONNECT');
	assert.deepEqual(new Set(proxy!.tunnels), new Set([front.host]), 'every tunnel went to the TLS endpoint');
	assert.deepEqual(proxy!.requests, [], 'nothing was sent to the proxy in clear');
});

test('through the proxy the certificate is still checked unless insecure', async t => {
	const {newClient, proxy, simulator} = await useTls(t, {proxyMode: 'tunnel'});
	assertRefusedCertificate(await rejection(() => newClient({env: {https_proxy: proxy!.url}}).listScans()));
	assert.ok(proxy!.tunnels.length >= 1, 'the tunnel was opened, the certificate refused inside it');
	assert.equal(simulator.state().logins, 0);
});

test('NO_PROXY bypasses the proxy (both spellings)', async t => {
	const {newClient, proxy} = await useTls(t, {proxyMode: 'tunnel'});
	assert.ok((await newClient({insecure: true, env: {HTTPS_PROXY: proxy!.url, NO_PROXY: '127.0.0.1'}}).listScans()).length > 0);
	assert.ok((await newClient({insecure: true, env: {https_proxy: proxy!.url, no_proxy: 'localhost,127.0.0.1'}}).listScans()).length > 0);
	assert.deepEqual(proxy!.tunnels, []);
});

for (const [mode, status] of [['407', /407/], ['html-502', /502/]] as const) {
	test(`a proxy answering ${mode} gives a clear typed error at once, not a crash or a hang`, async t => {
		const {newClient, proxy, simulator, front} = await useTls(t, {proxyMode: mode});
		const started = performance.now();
		const error = await rejection(() => newClient({insecure: true, env: {HTTPS_PROXY: proxy!.url}}).listScans());
		const elapsed = performance.now() - started;
		assert.ok(isQualysError(error), `expected a QualysError, got ${(error as Error)?.name}: ${(error as Error)?.message}`);
		assert.ok(!(error instanceof TimeoutError) && !(error instanceof AbortedError), `${error.name}: ${error.message}`);
		assert.ok(elapsed < 3000, `answered in ${Math.round(elapsed)} ms`);
		assert.match(error.message, /proxy/i, error.message);
		assert.match(error.message, status, error.message);
		assert.match(error.hint, /proxy|HTTPS_PROXY/i);
		assert.ok(proxy!.tunnels.length >= 1 && proxy!.tunnels.every(tunnel => tunnel === front.host), 'the CONNECT reached the proxy');
		assert.equal(simulator.state().logins, 0);
	});
}

test('the built CLI: without --insecure exit 5 naming --insecure; with --insecure through HTTPS_PROXY it works and says so', async t => {
	const {front, proxy} = await useTls(t, {proxyMode: 'tunnel'});
	const env = {QUALYS_PASSWORD: 'demo', HTTPS_PROXY: proxy!.url, NO_PROXY: ''};
	const refused = await runCli(['limits', '--api-url', front.url, '-u', 'demo'], {env});
	assert.equal(refused.code, 5, refused.stderr);
	assert.match(refused.stderr, /TLS certificate was not accepted/);
	assert.match(refused.stderr, /--insecure/);
	const accepted = await runCli(['limits', '--api-url', front.url, '-u', 'demo', '--insecure', '--json'], {env});
	assert.equal(accepted.code, 0, accepted.stderr);
	assert.match(accepted.stderr, /insecure/i, 'the run says certificate checks are off');
	assert.ok(accepted.stdout.includes('"api":"about"'), accepted.stdout);
	assert.ok(proxy!.tunnels.length >= 2 && proxy!.tunnels.every(tunnel => tunnel === front.host), 'both runs went through the proxy');
});
