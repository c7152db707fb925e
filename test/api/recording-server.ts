// A real HTTP server that records what the client sends (headers, URL, body) and answers with
// canned Qualys responses — for the header-level checks the simulator does not expose
// (cookie scope, Authorization, X-Requested-With, password placement). Not a fetch mock: the
// client talks to it over a loopback socket like to any server.
import {createServer, type IncomingHttpHeaders} from 'node:http';
import type {AddressInfo} from 'node:net';

export interface RecordedRequest {
	readonly method: string;
	readonly url: string;
	readonly headers: IncomingHttpHeaders;
	readonly body: string;
}

export interface CannedReply {
	readonly status?: number;
	readonly headers?: Record<string, string | string[]>;
	readonly body?: string;
}

export interface RecordingServer {
	readonly url: string;
	readonly requests: RecordedRequest[];
	/** TCP connections accepted so far. */
	readonly connections: () => number;
	close(): Promise<void>;
}

/** Starts the server; `reply` picks the answer for each request. */
export async function startRecordingServer(reply: (request: RecordedRequest) => CannedReply): Promise<RecordingServer> {
	const requests: RecordedRequest[] = [];
	const server = createServer(async (request, response) => {
		const chunks: Buffer[] = [];
		for await (const chunk of request) chunks.push(chunk as Buffer);
		const recorded = {method: request.method ?? '', url: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks).toString('utf8')};
		requests.push(recorded);
		const answer = reply(recorded);
		response.writeHead(answer.status ?? 200, {'Content-Type': 'application/xml', ...answer.headers});
		response.end(answer.body ?? '');
	});
	let connections = 0;
	server.on('connection', () => {
		connections++;
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		requests,
		connections: () => connections,
		close: () =>
			new Promise(resolve => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}

/** Minimal documents for canned replies. */
export const documents = {
	loggedIn: '<?xml version="1.0" encoding="UTF-8" ?><SIMPLE_RETURN><RESPONSE><DATETIME>2021-01-01T00:00:00Z</DATETIME><TEXT>Logged in</TEXT></RESPONSE></SIMPLE_RETURN>',
	emptyHostList: '<?xml version="1.0" encoding="UTF-8" ?><HOST_LIST_OUTPUT><RESPONSE><DATETIME>2021-01-01T00:00:00Z</DATETIME></RESPONSE></HOST_LIST_OUTPUT>',
	emptyScanList: '<?xml version="1.0" encoding="UTF-8" ?><SCAN_LIST_OUTPUT><RESPONSE><DATETIME>2021-01-01T00:00:00Z</DATETIME></RESPONSE></SCAN_LIST_OUTPUT>',
	about: '<?xml version="1.0" encoding="UTF-8" ?><ABOUT><API-VERSION MAJOR="1" MINOR="4" /><WEB-VERSION>1</WEB-VERSION></ABOUT>',
};
