import assert from 'node:assert/strict';
import {createServer} from 'node:http';
import {connect, type AddressInfo} from 'node:net';
import {test} from 'node:test';
import {useClient} from './client-fixture.js';

/** A tiny CONNECT proxy (what undici's ProxyAgent speaks) that records the tunnels it opened. */
async function startProxy() {
	const tunnels: string[] = [];
	const server = createServer((_request, response) => response.writeHead(405).end());
	server.on('connect', (request, socket, head) => {
		tunnels.push(request.url ?? '');
		const [host, port] = (request.url ?? '').split(':');
		const upstream = connect(Number(port), host, () => {
			socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
			upstream.write(head);
			upstream.pipe(socket);
			socket.pipe(upstream);
		});
		upstream.on('error', () => socket.destroy());
		socket.on('error', () => upstream.destroy());
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	// Closed by the caller after the client has logged out through it (after-hooks run in order).
	const close = () =>
		new Promise<void>(resolve => {
			server.close(() => resolve());
			server.closeAllConnections();
		});
	return {url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, tunnels, close};
}

test('HTTP_PROXY / HTTPS_PROXY route the calls through the proxy', async t => {
	const proxy = await startProxy();
	const {client, simulator} = await useClient(t, {}, {env: {HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url}});
	t.after(proxy.close);
	assert.ok((await client.listScans()).length > 0);
	assert.ok(proxy.tunnels.length > 0);
	assert.equal(proxy.tunnels[0], new URL(simulator.url).host);
});

test('NO_PROXY bypasses the proxy', async t => {
	const proxy = await startProxy();
	const {client} = await useClient(t, {}, {env: {http_proxy: proxy.url, no_proxy: '127.0.0.1'}});
	t.after(proxy.close);
	assert.ok((await client.listScans()).length > 0);
	assert.deepEqual(proxy.tunnels, []);
});
