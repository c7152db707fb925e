// The client warm-up talks only to its own loopback stand-in: never through a proxy the
// environment names, and it finishes (and closes its server) whatever happens.
import assert from 'node:assert/strict';
import {createServer} from 'node:net';
import {test} from 'node:test';
import {warmUpClient} from '../../source/api/warm-up.js';

test('the warm-up completes without sending anything through the proxy the environment names', async t => {
	let connections = 0;
	const proxy = createServer(socket => {
		connections++;
		socket.destroy();
	});
	await new Promise<void>(resolve => proxy.listen(0, '127.0.0.1', resolve));
	const {port} = proxy.address() as {port: number};
	const saved = {HTTP_PROXY: process.env.HTTP_PROXY, http_proxy: process.env.http_proxy, NO_PROXY: process.env.NO_PROXY};
	process.env.HTTP_PROXY = `http://127.0.0.1:${port}`;
	process.env.http_proxy = `http://127.0.0.1:${port}`;
	delete process.env.NO_PROXY;
	t.after(() => {
		for (const [name, value] of Object.entries(saved)) {
			if (value === undefined) delete process.env[name];
			else process.env[name] = value;
		}
		proxy.close();
	});
	await warmUpClient();
	assert.equal(connections, 0);
});
