// Small request helpers shared by the simulator tests (not a test file itself).
import {XMLParser} from 'fast-xml-parser';

/** The header every Qualys call needs. */
export const REQUESTED_WITH = {'X-Requested-With': 'qualys-tui tests'};

/** Basic auth header for `username:password` (UTF-8, as clients send it). */
export function basicAuth(username: string, password: string): Record<string, string> {
	return {Authorization: `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`};
}

/** Logs in; returns the `Cookie` header value to send back. */
export async function login(url: string, username = 'demo', password = 'demo'): Promise<string> {
	const response = await fetch(`${url}/api/2.0/fo/session/`, {
		method: 'POST',
		headers: REQUESTED_WITH,
		body: new URLSearchParams({action: 'login', username, password}),
	});
	await response.text();
	if (response.status !== 200) {
		throw new Error(`login failed: ${response.status}`);
	}
	return response.headers.getSetCookie()[0].split(';')[0];
}

/** Logs out with `cookie`. */
export async function logout(url: string, cookie: string): Promise<Response> {
	const response = await fetch(`${url}/api/2.0/fo/session/`, {
		method: 'POST',
		headers: {...REQUESTED_WITH, Cookie: cookie},
		body: new URLSearchParams({action: 'logout'}),
	});
	await response.text();
	return response;
}

/** GET with Basic demo:demo and X-Requested-With; returns status, headers and body text. */
export async function get(url: string, headers: Record<string, string> = basicAuth('demo', 'demo')): Promise<{status: number; headers: Headers; text: string}> {
	const response = await fetch(url, {headers: {...REQUESTED_WITH, ...headers}});
	return {status: response.status, headers: response.headers, text: await response.text()};
}

const parser = new XMLParser({
	ignoreAttributes: false,
	parseTagValue: false,
	trimValues: true,
	isArray: (name) => ['HOST', 'ID', 'TAG', 'SCAN', 'ITEM'].includes(name),
});

/** Parses XML the way the client will (values as strings, repeated elements as arrays). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function parseXml(text: string): any {
	return parser.parse(text);
}

/** The six limit header names in wire order (qualys-api.md §6). */
export const LIMIT_HEADERS = [
	'X-RateLimit-Limit',
	'X-RateLimit-Window-Sec',
	'X-Concurrency-Limit-Limit',
	'X-Concurrency-Limit-Running',
	'X-RateLimit-ToWait-Sec',
	'X-RateLimit-Remaining',
] as const;

/** Which of the six limit headers a response carries. */
export function limitHeadersOf(headers: Headers): string[] {
	return LIMIT_HEADERS.filter((name) => headers.has(name));
}

/** Waits until `condition()` holds, polling; fails after `timeoutMs`. */
export async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 3000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await condition())) {
		if (Date.now() > deadline) {
			throw new Error('condition not met in time');
		}
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
}
