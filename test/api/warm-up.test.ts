// The client warm-up talks only to its own loopback stand-in: never through a proxy the
// environment names, never to the API. It returns the stand-in's hosts for the rehearsal, stops
// when the real login starts, and leaves no server or socket behind (the test process would hang).
import assert from 'node:assert/strict';
import {createServer} from 'node:net';
import {test} from 'node:test';
import {warmUpClient} from '../../source/api/warm-up.js';

test('warms up through its own stand-in, not through the proxy the environment names', async t => {
	let connections = 0;
	const proxy = createServer(socket => {
		connections++;
		socket.destroy();
	});
	await new Promise<void>(resolve => proxy.listen(0, '127.0.0.1', resolve));
	const {port} = proxy.address() as {port: number};
	const saved = {HTTP_PROXY: process.env.HTTP_PROXY, http_proxy: process.env.http_proxy, NO_PROXY: process.env.NO_PROXY, no_proxy: process.env.no_proxy};
	process.env.HTTP_PROXY = `http://127.0.0.1:${port}`;
	process.env.http_proxy = `http://127.0.0.1:${port}`;
	delete process.env.NO_PROXY;
	delete process.env.no_proxy;
	t.after(() => {
		for (const [name, value] of Object.entries(saved)) {
			if (value === undefined) delete process.env[name];
			else process.env[name] = value;
		}
		proxy.close();
	});
	const hosts = await warmUpClient();
	assert.equal(connections, 0);
	assert.ok(hosts.length >= 50, `${hosts.length} hosts from the stand-in`);
	assert.match(hosts[0]!.id, /^\d+$/);
	assert.ok(hosts.every(host => host.dns?.endsWith('.warm-up.example')));
});

test('an already-stopped warm-up sends nothing and returns no hosts', async () => {
	const controller = new AbortController();
	controller.abort();
	assert.deepEqual(await warmUpClient(controller.signal), []);
});

test('stopped while it runs (the real login started), it returns without throwing', async () => {
	const controller = new AbortController();
	const running = warmUpClient(controller.signal);
	setImmediate(() => controller.abort());
	const hosts = await running;
	assert.ok(Array.isArray(hosts));
});
