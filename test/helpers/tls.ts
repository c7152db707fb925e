// TLS for tests: a throwaway self-signed certificate made with the openssl CLI, and a small
// TLS-terminating front that puts an https:// address before a plain-http server (the simulator
// is node:http only). Everything lives on loopback and in a temporary directory.
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {connect, type Socket} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {createServer, type TLSSocket} from 'node:tls';
import type {AddressInfo} from 'node:net';

/** A PEM key and certificate. */
export interface TestCertificate {
	readonly key: string;
	readonly cert: string;
}

/**
 * Generates a self-signed EC certificate for 127.0.0.1 and localhost (subjectAltName), valid one
 * day, with `openssl req -x509` into a temporary directory that is removed again.
 */
export function createSelfSignedCertificate(): TestCertificate {
	const dir = mkdtempSync(join(tmpdir(), 'qualys-tui-tls-'));
	try {
		const keyPath = join(dir, 'key.pem');
		const certPath = join(dir, 'cert.pem');
		execFileSync(
			'openssl',
			[
				'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
				'-keyout', keyPath, '-out', certPath, '-days', '1',
				'-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost',
			],
			{stdio: ['ignore', 'ignore', 'pipe']},
		);
		return {key: readFileSync(keyPath, 'utf8'), cert: readFileSync(certPath, 'utf8')};
	} finally {
		rmSync(dir, {recursive: true, force: true});
	}
}

/** A running TLS front. */
export interface TlsFront {
	/** `https://127.0.0.1:PORT`. */
	readonly url: string;
	/** `127.0.0.1:PORT`, as a CONNECT request names it. */
	readonly host: string;
	/** TLS handshakes completed (a refused certificate does not complete one). */
	readonly handshakes: () => number;
	close(): Promise<void>;
}

/**
 * Listens on 127.0.0.1 with `certificate` and pipes each decrypted connection to
 * `127.0.0.1:targetPort` byte for byte (so keep-alive, chunking and Host stay as the client sent them).
 */
export async function startTlsFront(targetPort: number, certificate: TestCertificate): Promise<TlsFront> {
	const sockets = new Set<Socket>();
	let handshakes = 0;
	const server = createServer({key: certificate.key, cert: certificate.cert}, (secure: TLSSocket) => {
		handshakes++;
		const plain = connect(targetPort, '127.0.0.1');
		sockets.add(secure).add(plain);
		secure.on('close', () => sockets.delete(secure));
		plain.on('close', () => sockets.delete(plain));
		secure.pipe(plain).pipe(secure);
		secure.on('error', () => plain.destroy());
		plain.on('error', () => secure.destroy());
	});
	// A client refusing our certificate aborts the handshake: expected, not a test failure.
	server.on('tlsClientError', () => {});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as AddressInfo;
	return {
		url: `https://127.0.0.1:${port}`,
		host: `127.0.0.1:${port}`,
		handshakes: () => handshakes,
		close: () =>
			new Promise<void>(resolve => {
				server.close(() => resolve());
				for (const socket of sockets) socket.destroy();
			}),
	};
}
