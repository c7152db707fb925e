// What the client reports to a `--debug` log (createQualysClient's `log` option): one entry per
// request (with its response or its failure) and one per error the client throws. The client does
// no file I/O; source/lib/debug-log.ts writes the entries. Entries are redacted before they leave
// the client: credential headers and cookie values here, and every string once more against the
// password in client.ts.
import type {QualysErrorKind} from './errors.js';
import type {ApiFunction, RateLimit} from './types.js';

/** Put where a secret was. */
export const REDACTED = '[REDACTED]';

/** One request and what came of it: a response (`status`…) or a failure (`error`). */
export interface DebugRequestEntry {
	readonly event: 'request';
	/** When the request started, ISO 8601 UTC. */
	readonly time: string;
	readonly api: ApiFunction;
	readonly method: string;
	/** Path and query, redacted. */
	readonly url: string;
	readonly requestHeaders: Readonly<Record<string, string>>;
	/** The form body, `password=` values redacted. */
	readonly requestBody?: string;
	/** Until the body was read completely, or the failure. */
	readonly durationMs: number;
	readonly status?: number;
	/** Body bytes received. */
	readonly bytes?: number;
	readonly responseHeaders?: Readonly<Record<string, string>>;
	/** The limit headers as the client reads them (source/api/rate-limit.ts). */
	readonly limits?: Omit<RateLimit, 'api' | 'readAt'>;
	/** A request that got no complete answer (timeout, network, TLS, too large, cancelled). */
	readonly error?: {readonly kind: QualysErrorKind | 'unexpected'; readonly message: string};
}

/** An error the client threw to its caller (after its own redaction). */
export interface DebugErrorEntry {
	readonly event: 'error';
	readonly time: string;
	readonly api?: ApiFunction;
	readonly kind: QualysErrorKind | 'unexpected';
	readonly message: string;
	readonly status?: number;
	readonly code?: number;
}

/** What the client reports to its `log` option. */
export type DebugEntry = DebugRequestEntry | DebugErrorEntry;

const CREDENTIAL_HEADERS = new Set(['authorization', 'proxy-authorization']);

/** `a=1; b=2` → `a=[REDACTED]; b=[REDACTED]`: the names stay, so the log shows which cookie went. */
export function redactCookieHeader(value: string): string {
	return value
		.split(';')
		.map(pair => {
			const equals = pair.indexOf('=');
			return equals === -1 ? REDACTED : `${pair.slice(0, equals).trim()}=${REDACTED}`;
		})
		.join('; ');
}

/** `QualysSession=v; path=/api; secure` → `QualysSession=[REDACTED]; path=/api; secure`. */
export function redactSetCookie(value: string): string {
	const semicolon = value.indexOf(';');
	const pair = semicolon === -1 ? value : value.slice(0, semicolon);
	const equals = pair.indexOf('=');
	const redacted = equals === -1 ? REDACTED : `${pair.slice(0, equals).trim()}=${REDACTED}`;
	return semicolon === -1 ? redacted : `${redacted}${value.slice(semicolon)}`;
}

/** Request headers with Authorization and Cookie values replaced. */
export function redactRequestHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
	const result: Record<string, string> = {};
	for (const [name, value] of Object.entries(headers)) {
		const lower = name.toLowerCase();
		result[name] = CREDENTIAL_HEADERS.has(lower) ? `${value.split(' ', 1)[0]} ${REDACTED}` : lower === 'cookie' ? redactCookieHeader(value) : value;
	}
	return result;
}

/** Response headers with Set-Cookie values replaced (several Set-Cookie headers are joined with `, `). */
export function redactResponseHeaders(headers: Headers): Record<string, string> {
	const result: Record<string, string> = {};
	for (const [name, value] of headers) {
		if (name.toLowerCase() === 'set-cookie') continue;
		result[name] = CREDENTIAL_HEADERS.has(name.toLowerCase()) ? REDACTED : value;
	}
	const setCookies = headers.getSetCookie();
	if (setCookies.length > 0) result['set-cookie'] = setCookies.map(redactSetCookie).join(', ');
	return result;
}

/** Form or query text with the values of `password` (any case) replaced. */
export function redactForm(text: string): string {
	const pairs: string[] = [];
	for (const [name, value] of new URLSearchParams(text)) {
		const encodedName = new URLSearchParams([[name, '']]).toString().slice(0, -1);
		pairs.push(/passw(?:or)?d/i.test(name) ? `${encodedName}=${REDACTED}` : new URLSearchParams([[name, value]]).toString());
	}
	return pairs.join('&');
}

/** The path and query of `url`, its query redacted like a form. */
export function redactUrl(url: string): string {
	const parsed = new URL(url);
	return parsed.search === '' ? parsed.pathname : `${parsed.pathname}?${redactForm(parsed.search)}`;
}
