// A transparent HTTP front for the simulator that records what the secrets test needs to know:
// every request that reached it, and every QualysSession cookie value the simulator issued (the
// simulator's own state holds no cookie values, on purpose). The Host header is passed through, so
// the simulator's next-page URLs point back at the front.
import {createServer, request as httpRequest} from 'node:http';
import type {AddressInfo} from 'node:net';

/** A running recording front. */
export interface RecordingFront {
	/** `http://127.0.0.1:PORT`. */
	readonly url: string;
	/** Every QualysSession value seen in a Set-Cookie. */
	readonly cookies: Set<string>;
	/** Requests received (path without query). */
	readonly requests: string[];
	close(): Promise<void>;
}

/** Starts a front on 127.0.0.1 forwarding everything to `targetUrl` (the simulator). */
export async function startRecordingFront(targetUrl: string): Promise<RecordingFront> {
	const cookies = new Set<string>();
	const requests: string[] = [];
	const server = createServer((request, response) => {
		requests.push((request.url ?? '').split('?', 1)[0]!);
		const upstream = httpRequest(new URL(request.url ?? '/', targetUrl), {method: request.method, headers: request.headers}, answer => {
			for (const header of answer.headers['set-cookie'] ?? []) {
				const value = /^\s*QualysSession=([^;]*)/.exec(header)?.[1];
				if (value) cookies.add(value);
			}
			response.writeHead(answer.statusCode ?? 502, answer.headers);
			answer.pipe(response);
			answer.on('error', () => response.destroy());
		});
		upstream.on('error', () => response.destroy());
		response.on('close', () => upstream.destroy());
		request.pipe(upstream);
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		cookies,
		requests,
		close: () =>
			new Promise<void>(resolve => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}
