/** The only cookie the client keeps (qualys-api.md §3). */
export const SESSION_COOKIE = 'QualysSession';

/**
 * The `QualysSession=<value>` pair from a response's Set-Cookie headers, or undefined. Parses
 * every Set-Cookie generically (other cookies such as DWRSESSIONID are ignored) and ignores an
 * empty value (a server clearing the cookie).
 */
export function extractSessionCookie(headers: Headers): string | undefined {
	for (const header of headers.getSetCookie()) {
		const pair = header.split(';', 1)[0] ?? '';
		const equals = pair.indexOf('=');
		if (equals === -1) continue;
		const name = pair.slice(0, equals).trim();
		const value = pair.slice(equals + 1).trim();
		if (name === SESSION_COOKIE && value !== '' && !/[\s;,\u0000-\u001F\u007F]/.test(value)) return `${SESSION_COOKIE}=${value}`;
	}
	return undefined;
}

/** True when the session cookie may be sent to `url`: same origin as the base URL and under /api/ (its documented scope, `path=/api`). */
export function isCookieScope(url: URL, baseOrigin: string): boolean {
	return url.origin === baseOrigin && url.pathname.startsWith('/api/');
}
