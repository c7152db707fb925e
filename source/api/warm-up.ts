import {createServer, type IncomingMessage, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';
import {createQualysClient} from './client.js';

// What the loopback stand-in answers: a login, a host-list page of realistic hosts, a logout.
const simpleReturn = (text: string) =>
	`<?xml version="1.0" encoding="UTF-8" ?><SIMPLE_RETURN><RESPONSE><DATETIME>2026-01-01T00:00:00Z</DATETIME><TEXT>${text}</TEXT></RESPONSE></SIMPLE_RETURN>`;

function hostListPage(count: number): string {
	let hosts = '';
	for (let index = 0; index < count; index++) {
		hosts +=
			`<HOST><ID>${1_000_000 + index}</ID><ASSET_ID>${40_000_000 + index}</ASSET_ID><IP>10.0.${index >> 8}.${index & 255}</IP>` +
			`<TRACKING_METHOD>${index % 2 ? 'IP' : 'AGENT'}</TRACKING_METHOD><DNS><![CDATA[host${index}.warm-up.example]]></DNS>` +
			`<DNS_DATA><HOSTNAME><![CDATA[host${index}]]></HOSTNAME><DOMAIN><![CDATA[warm-up.example]]></DOMAIN><FQDN><![CDATA[host${index}.warm-up.example]]></FQDN></DNS_DATA>` +
			`<NETBIOS><![CDATA[HOST${index}]]></NETBIOS><OS><![CDATA[Linux 5.${index % 20}]]></OS>` +
			`<LAST_VULN_SCAN_DATETIME>2026-01-0${(index % 9) + 1}T00:00:00Z</LAST_VULN_SCAN_DATETIME><LAST_VM_SCANNED_DATE>2026-01-0${(index % 9) + 1}T00:00:00Z</LAST_VM_SCANNED_DATE>` +
			`<LAST_VM_SCANNED_DURATION>${index * 7}</LAST_VM_SCANNED_DURATION></HOST>`;
	}

	return `<?xml version="1.0" encoding="UTF-8" ?><HOST_LIST_OUTPUT><RESPONSE><DATETIME>2026-01-01T00:00:00Z</DATETIME><HOST_LIST>${hosts}</HOST_LIST></RESPONSE></HOST_LIST_OUTPUT>`;
}

function answer(request: IncomingMessage, response: ServerResponse): void {
	request.resume();
	request.on('end', () => {
		const isSession = request.url?.startsWith('/api/2.0/fo/session/') ?? false;
		const headers: Record<string, string> = {'Content-Type': 'text/xml;charset=UTF-8'};
		if (isSession) headers['Set-Cookie'] = 'QualysSession=warm-up; path=/api; HttpOnly';
		response.writeHead(200, headers);
		response.end(isSession ? simpleReturn('Logged in') : hostListPage(200));
	});
}

/**
 * Sends the first requests of a session — login, a host-list page, logout — through the real
 * client to a stand-in server of our own on loopback (never the API: nothing leaves the machine,
 * no call is spent, no credential is involved). Afterwards the client's code (ofetch, undici and
 * its HTTP parser, cookies, the host-list scanner) is loaded and compiled, so the operator's
 * real login and first page, the moments they wait for, are not also the coldest code in the
 * process (~35 ms of the first request, bench/first-row.ts). Meant to run while the operator
 * types the password; never throws.
 */
export async function warmUpClient(): Promise<void> {
	const server = createServer(answer);
	try {
		await new Promise<void>((resolve, reject) => {
			server.once('error', reject);
			server.listen(0, '127.0.0.1', resolve);
		});
		const {port} = server.address() as AddressInfo;
		// No proxy variables: the stand-in is on loopback and must not be sent anywhere else.
		const client = createQualysClient({baseUrl: `http://127.0.0.1:${port}`, credentials: {username: 'warm-up', password: 'warm-up'}, timeoutMs: 2000, env: {}});
		await client.login();
		for await (const page of client.listHosts({pageSize: 200})) void page;
		await client.logout({timeoutMs: 1000});
	} catch {
		// Only a head start: the real request loads the same things and reports any failure itself.
	} finally {
		server.closeAllConnections();
		server.close();
	}
}
