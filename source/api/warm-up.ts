import {createServer, type IncomingMessage, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';
import {createQualysClient} from './client.js';
import type {Host} from './types.js';

// The loopback stand-in answers like the simulator: a login with a session cookie, a host-list
// page of realistic hosts (large enough that the first-rows preview runs too), a logout, each
// with the rate-limit headers the real API sends.
const simpleReturn = (text: string) =>
	`<?xml version="1.0" encoding="UTF-8" ?>\n<SIMPLE_RETURN>\n<RESPONSE>\n<DATETIME>2026-01-01T00:00:00Z</DATETIME>\n<TEXT>${text}</TEXT>\n</RESPONSE>\n</SIMPLE_RETURN>\n`;

function hostListPage(count: number): string {
	let hosts = '';
	for (let index = 0; index < count; index++) {
		hosts +=
			`<HOST>\n<ID>${1_000_000 + index * 7}</ID>\n<ASSET_ID>${40_000_000 + index}</ASSET_ID>\n<IP>10.0.${index >> 8}.${index & 255}</IP>\n` +
			`<TRACKING_METHOD>${index % 2 ? 'IP' : 'AGENT'}</TRACKING_METHOD>\n<DNS><![CDATA[host${index}.warm-up.example]]></DNS>\n` +
			`<DNS_DATA>\n<HOSTNAME><![CDATA[host${index}]]></HOSTNAME>\n<DOMAIN><![CDATA[warm-up.example]]></DOMAIN>\n<FQDN><![CDATA[host${index}.warm-up.example]]></FQDN>\n</DNS_DATA>\n` +
			`<NETBIOS><![CDATA[HOST${index}]]></NETBIOS>\n<OS><![CDATA[Linux 5.${index % 20}]]></OS>\n` +
			`<LAST_VULN_SCAN_DATETIME>2026-01-0${(index % 9) + 1}T00:00:00Z</LAST_VULN_SCAN_DATETIME>\n<LAST_VM_SCANNED_DATE>2026-01-0${(index % 9) + 1}T00:00:00Z</LAST_VM_SCANNED_DATE>\n` +
			`<LAST_VM_SCANNED_DURATION>${index * 13}</LAST_VM_SCANNED_DURATION>\n</HOST>\n`;
	}

	return `<?xml version="1.0" encoding="UTF-8" ?>\n<!DOCTYPE HOST_LIST_OUTPUT SYSTEM "https://qualysapi.qualys.com/api/2.0/fo/asset/host/host_list_output.dtd">\n<HOST_LIST_OUTPUT>\n<RESPONSE>\n<DATETIME>2026-01-01T00:00:00Z</DATETIME>\n<HOST_LIST>\n${hosts}</HOST_LIST>\n</RESPONSE>\n</HOST_LIST_OUTPUT>\n`;
}

const limitHeaders = {
	'X-RateLimit-Limit': '300',
	'X-RateLimit-Window-Sec': '3600',
	'X-RateLimit-Remaining': '299',
	'X-RateLimit-ToWait-Sec': '0',
	'X-Concurrency-Limit-Limit': '2',
	'X-Concurrency-Limit-Running': '1',
};

function answer(request: IncomingMessage, response: ServerResponse): void {
	request.resume();
	request.on('end', () => {
		const isSession = request.url?.startsWith('/api/2.0/fo/session/') ?? false;
		const headers: Record<string, string> = {'Content-Type': 'text/xml;charset=UTF-8', ...limitHeaders};
		if (isSession) headers['Set-Cookie'] = 'QualysSession=warm-up; path=/api; secure; HttpOnly';
		response.writeHead(200, headers);
		if (isSession) {
			response.end(simpleReturn('Logged in'));
			return;
		}

		// In two writes, as a real page arrives: the preview sees a first part, then the rest follows.
		const page = hostListPage(100);
		const half = Math.floor(page.length / 2);
		response.write(page.slice(0, half));
		setImmediate(() => response.end(page.slice(half)));
	});
}

/**
 * Sends the first requests of a session — login, a host-list page with its first-rows preview,
 * logout — through a real client to a stand-in server of our own on loopback: never the API, so
 * nothing leaves the machine, no call is spent and no credential is involved. Afterwards the
 * client's code (ofetch, undici and its wasm HTTP parser, cookies, limit headers, the host-list
 * scanner) is loaded and compiled, so the operator's real login and first page, the moments they
 * wait for, are not also the coldest code in the process (a cold first request took ~40 ms here
 * against ~2 ms for curl; bench/first-row.ts). Runs while the operator types the password;
 * `signal` (the real login starting) stops it where it is, since from then on it would only
 * compete with the real requests for the one thread. Returns the stand-in's hosts (none if it was
 * stopped or failed), for rehearsing the host list's first frame. Never throws.
 */
export async function warmUpClient(signal?: AbortSignal): Promise<readonly Host[]> {
	if (signal?.aborted) return [];
	let hosts: readonly Host[] = [];
	const server = createServer(answer);
	try {
		await new Promise<void>((resolve, reject) => {
			server.once('error', reject);
			server.listen(0, '127.0.0.1', resolve);
		});
		const {port} = server.address() as AddressInfo;
		// env {}: no proxy variables, so the stand-in's traffic stays on loopback.
		const client = createQualysClient({baseUrl: `http://127.0.0.1:${port}`, credentials: {username: 'warm-up', password: 'warm-up'}, timeoutMs: 2000, env: {}});
		try {
			await client.login(signal);
			for await (const page of client.listHosts({pageSize: 100, signal, onFirstHosts() {}})) hosts = page.hosts;
		} finally {
			await client.logout({timeoutMs: 1000});
		}
	} catch {
		// Only a head start: the real request loads the same things and reports any failure itself.
	} finally {
		server.closeAllConnections();
		server.close();
	}

	return hosts;
}
