import {
	AccountError,
	ApiError,
	AuthError,
	ConcurrencyLimitError,
	HttpError,
	ParseError,
	RateLimitError,
	type QualysError,
	type RequestInfo,
} from './errors.js';
import {parseSimpleReturn, type SimpleReturn} from './parse-simple-return.js';
import {sanitizeServerText} from './sanitize-server-text.js';
import {parseXml, rootElementName, type XmlNode} from './xml.js';

/** One HTTP answer, body read as text. */
export interface RawResponse {
	readonly status: number;
	readonly headers: Headers;
	readonly text: string;
}

// Account states that no retry fixes (qualys-api.md §7); 2001 arrives with HTTP 200, 2003 with 409.
const ACCOUNT_CODES: Readonly<Record<number, string>> = {
	2001: 'The Qualys account has expired.',
	2002: 'The Qualys account is inactive.',
	2003: 'The Qualys account has not completed registration.',
	2011: 'The Qualys account requires SecureID, so API access is blocked.',
	2012: 'The user license is not authorised for this API.',
};

/**
 * Reads an answer the way Qualys means it: on HTTP status AND `CODE` (a 200 can carry 2001, a 409
 * can be permanent). Returns the parsed document when it is the one expected; throws the matching
 * QualysError otherwise.
 */
export function classifyResponse(response: RawResponse, expectedRoot: string, info: RequestInfo): XmlNode {
	const {status, text} = response;
	if (!looksLikeXml(text)) {
		if (status === 401) throw authError(undefined, info);
		if (text.trim() === '' && status >= 200 && status < 300) parseXml(text, info); // Throws the empty-body ParseError.
		throw nonXmlError(response, info);
	}
	const document = parseXml(text, info);
	const root = rootElementName(document);
	const simple = parseSimpleReturn(document);
	if (simple?.code !== undefined) throw errorForCode(simple, response, info);
	if (status === 401) throw authError(simple, info);
	if (status < 200 || status >= 300) {
		if (status === 409) {
			const wait = headerSeconds(response.headers, 'x-ratelimit-towait-sec');
			if (wait !== undefined && wait > 0) throw rateLimitError(undefined, wait, info);
		}
		const detail = simple?.text ? `: ${sanitizeServerText(simple.text)}` : '';
		throw new HttpError(`The server answered HTTP ${status}${detail}.`, {...info, hint: hintForStatus(status)});
	}
	if (root !== expectedRoot) {
		throw new ParseError(`Expected a ${expectedRoot} document, got ${root === undefined ? 'nothing' : sanitizeServerText(root, 40)}.`, {
			...info,
			hint: 'Check the API URL; the server answered with another document.',
		});
	}
	return document;
}

/** The QualysError for a SIMPLE_RETURN carrying a CODE. */
export function errorForCode(simple: SimpleReturn, response: Pick<RawResponse, 'status' | 'headers'>, info: RequestInfo): QualysError {
	const code = simple.code!;
	const serverText = simple.text ? sanitizeServerText(simple.text) : '';
	const options = {...info, code};
	if (code === 2000) return authError(simple, info);
	const account = ACCOUNT_CODES[code];
	if (account) {
		return new AccountError(account, {...options, hint: 'Contact your Qualys administrator; retrying will not help.'});
	}
	if (code === 1965) {
		const wait = headerSeconds(response.headers, 'x-ratelimit-towait-sec') ?? itemSeconds(simple, 'SECONDS_TO_WAIT');
		return rateLimitError(simple, wait, options);
	}
	if (code === 1960) {
		const calls = itemSeconds(simple, 'CALLS_TO_FINISH');
		return new ConcurrencyLimitError(`Too many calls of this API are running at once (code 1960)${serverText ? `: ${serverText}` : '.'}`, {
			...options,
			callsToFinish: calls,
			hint: 'Wait for the running calls (possibly from other tools on this subscription) to finish, then try again.',
		});
	}
	return new ApiError(`Qualys error ${code}${serverText ? `: ${serverText}` : '.'}`, {...options, hint: hintForCode(code)});
}

function authError(simple: SimpleReturn | undefined, info: RequestInfo): AuthError {
	// The server's own words ("Bad Login/Password") are what operators search for; keep them.
	const serverText = simple?.text ? sanitizeServerText(simple.text) : 'Bad Login/Password';
	return new AuthError(`Qualys rejected the login: ${serverText} (code ${simple?.code ?? 2000}).`, {
		...info,
		code: simple?.code ?? (info.status === 401 ? 2000 : undefined),
		hint: 'Check the username, password and platform; the username encodes the platform.',
	});
}

function rateLimitError(simple: SimpleReturn | undefined, waitSeconds: number | undefined, info: RequestInfo & {code?: number}): RateLimitError {
	const when = waitSeconds === undefined ? 'later' : `in ${formatWait(waitSeconds)}`;
	return new RateLimitError(`The API rate limit for this function is used up${simple ? ' (code 1965)' : ''}.`, {
		...info,
		code: info.code ?? 1965,
		waitSeconds,
		hint: `Try again ${when}; each page and each refresh counts as one call.`,
	});
}

function nonXmlError(response: RawResponse, info: RequestInfo): HttpError {
	const {status, text} = response;
	const isHtml = /^\s*(?:<!doctype\s+html|<html|<head|<body)/i.test(text.slice(0, 512));
	const title = isHtml ? /<title[^>]*>([^<]*)</i.exec(text.slice(0, 8192))?.[1] : undefined;
	const firstLine = sanitizeServerText(title ?? text.trim().split('\n', 1)[0] ?? '', 120);
	const what = isHtml ? 'an HTML page' : 'a non-XML body';
	return new HttpError(`The server answered HTTP ${status} with ${what} instead of Qualys XML${firstLine ? `: "${firstLine}"` : ''}.`, {
		...info,
		hint: isHtml
			? 'A proxy or maintenance page is in the way; check the API URL, proxy settings, or try later.'
			: hintForStatus(status),
	});
}

function looksLikeXml(text: string): boolean {
	// Qualys 400s can start directly with <!DOCTYPE (no declaration) — qualys-api.md §7.
	const start = text.slice(0, 512).trimStart();
	if (/^(?:<!doctype\s+html|<html)/i.test(start)) return false;
	return start.startsWith('<?xml') || start.startsWith('<!DOCTYPE') || start.startsWith('<!--') || /^<[A-Za-z_]/.test(start);
}

function headerSeconds(headers: Headers, name: string): number | undefined {
	const value = headers.get(name)?.trim();
	return value !== undefined && /^\d{1,9}$/.test(value) ? Number(value) : undefined;
}

function itemSeconds(simple: SimpleReturn, key: string): number | undefined {
	const value = simple.items.get(key)?.trim();
	return value !== undefined && /^\d{1,9}$/.test(value) ? Number(value) : undefined;
}

/** "2 h 5 min", "45 s" — short enough for a one-line hint. */
export function formatWait(seconds: number): string {
	if (seconds < 60) return `${seconds} s`;
	const hours = Math.floor(seconds / 3600);
	const minutes = Math.ceil((seconds % 3600) / 60);
	return hours > 0 ? `${hours} h ${minutes} min` : `${minutes} min`;
}

function hintForCode(code: number): string {
	if (code === 1981) return 'The server is still processing an earlier request; try the same request again later.';
	if (code === 999) return 'Qualys reported an internal error; try again in a few minutes.';
	if (code === 1999) return 'Qualys is in scheduled maintenance; try again much later.';
	if (code === 1920) return 'The operation is blocked by another running operation; try again later.';
	if (code >= 1900 && code < 1930) return 'The request was rejected; check the filters and options given.';
	return 'See the Qualys API error codes (Appendix D) for this code.';
}

function hintForStatus(status: number): string {
	if (status === 404) return 'The API path was not found; check the API URL or try --api-version 2.0.';
	if (status === 403) return 'Access was denied; the user may lack the "API access" permission.';
	if (status >= 500) return 'The server or a proxy failed; try again later.';
	return 'Check the API URL and proxy settings.';
}
