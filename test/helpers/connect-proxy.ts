// A real HTTP proxy on loopback for tests: answers CONNECT (what undici's ProxyAgent sends for
// https:// targets) by opening a TCP tunnel, and counts every tunnel and every plain proxied
// request. It can instead refuse with 407 or an HTML 502, as corporate proxies do.
import {createServer, type IncomingMessage} from 'node:http';
import {connect, type AddressInfo, type Socket} from 'node:net';

/** How the proxy answers a CONNECT. */
export type ProxyMode = 'tunnel' | '407' | 'html-502';

/** A running test proxy. */
export interface ConnectProxy {
	/** `http://127.0.0.1:PORT`, for HTTPS_PROXY / HTTP_PROXY. */
	readonly url: string;
	/** `host:port` of every CONNECT received, in order (refused ones too). */
	readonly tunnels: string[];
	/** Absolute-form URLs of plain (non-CONNECT) requests received, e.g. http:// through HTTP_PROXY. */
	readonly requests: string[];
	close(): Promise<void>;
}

const HTML_502 = '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1><p>The proxy could not reach the server.</p></body></html>';

/** Starts the proxy on 127.0.0.1, an ephemeral port. */
export async function startConnectProxy({mode = 'tunnel'}: {readonly mode?: ProxyMode} = {}): Promise<ConnectProxy> {
	const tunnels: string[] = [];
	const requests: string[] = [];
	const sockets = new Set<Socket>();
	const track = (socket: Socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
		socket.on('error', () => socket.destroy());
	};
	const server = createServer((request: IncomingMessage, response) => {
		// Plain proxying is not offered: recorded (the test asserts on it) and refused.
		requests.push(request.url ?? '');
		request.resume();
		response.writeHead(405, {'Content-Type': 'text/plain'}).end('CONNECT only\n');
	});
	server.on('connection', track);
	server.on('connect', (request: IncomingMessage, socket: Socket, head: Buffer) => {
		const target = request.url ?? '';
		tunnels.push(target);
		if (mode === '407') {
			socket.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="corp"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
			return;
		}
		if (mode === 'html-502') {
			socket.end(`HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/html\r\nContent-Length: ${Buffer.byteLength(HTML_502)}\r\nConnection: close\r\n\r\n${HTML_502}`);
			return;
		}
		const separator = target.lastIndexOf(':');
		const upstream = connect(Number(target.slice(separator + 1)), target.slice(0, separator).replace(/^\[|\]$/g, ''), () => {
			socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
			if (head.length > 0) upstream.write(head);
			upstream.pipe(socket).pipe(upstream);
		});
		track(upstream);
		upstream.on('error', () => socket.destroy());
		socket.on('error', () => upstream.destroy());
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		tunnels,
		requests,
		close: () =>
			new Promise<void>(resolve => {
				server.close(() => resolve());
				for (const socket of sockets) socket.destroy();
			}),
	};
}
