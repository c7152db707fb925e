// Typed errors of the Qualys client. Every error says what happened (`message`, one line) and
// what to do next (`hint`). None of them ever carries the password, the session cookie or an
// Authorization header: `path` is a pathname without the query string, and server text goes
// through sanitizeServerText before it is put in a message.

/** The kinds of failure the client distinguishes; one subclass of QualysError per kind. */
export type QualysErrorKind =
	| 'auth'
	| 'account'
	| 'rate-limit'
	| 'concurrency-limit'
	| 'api'
	| 'http'
	| 'parse'
	| 'timeout'
	| 'network'
	| 'tls'
	| 'config'
	| 'unsafe-url'
	| 'aborted';

/** Process exit codes per kind: 2 config/usage, 3 auth/account, 4 limit, 5 network/server/parse. */
const EXIT_CODES: Readonly<Record<QualysErrorKind, number>> = {
	auth: 3,
	account: 3,
	'rate-limit': 4,
	'concurrency-limit': 4,
	api: 5,
	http: 5,
	parse: 5,
	timeout: 5,
	network: 5,
	tls: 5,
	config: 2,
	// A foreign next-page URL is the server misbehaving (or being spoofed), not a usage error.
	'unsafe-url': 5,
	// The caller cancelled; 130 is what a shell reports for Ctrl+C.
	aborted: 130,
};

/** Where a failed request went; `path` never includes the query string. */
export interface RequestInfo {
	readonly method?: string;
	readonly path?: string;
	readonly status?: number;
}

/** What every QualysError is built from. */
export interface QualysErrorOptions extends RequestInfo {
	readonly hint: string;
	/** The Qualys `CODE` of a SIMPLE_RETURN, when there was one. */
	readonly code?: number;
	readonly cause?: unknown;
}

/** Base class of every error thrown by the Qualys client. */
export class QualysError extends Error {
	override name = 'QualysError';
	readonly kind: QualysErrorKind;
	/** What to do next, one line. */
	readonly hint: string;
	readonly code?: number;
	readonly status?: number;
	readonly method?: string;
	readonly path?: string;

	constructor(kind: QualysErrorKind, message: string, options: QualysErrorOptions) {
		super(message, options.cause === undefined ? undefined : {cause: options.cause});
		this.kind = kind;
		this.hint = options.hint;
		if (options.code !== undefined) this.code = options.code;
		if (options.status !== undefined) this.status = options.status;
		if (options.method !== undefined) this.method = options.method;
		if (options.path !== undefined) this.path = options.path;
	}

	/** Suggested process exit code for a command-line run that ends with this error. */
	get exitCode(): number {
		return EXIT_CODES[this.kind];
	}
}

/** Thrown on HTTP 401 / CODE 2000 "Bad Login/Password", also when a re-login after a 401 fails. */
export class AuthError extends QualysError {
	override name = 'AuthError';
	constructor(message: string, options: QualysErrorOptions) {
		super('auth', message, options);
	}
}

/** Thrown for account states that no retry fixes: 2001 expired (arrives with HTTP 200), 2002 inactive, 2003 registration incomplete (409), 2011 SecureID, 2012 license. */
export class AccountError extends QualysError {
	override name = 'AccountError';
	constructor(message: string, options: QualysErrorOptions) {
		super('account', message, options);
	}
}

/** Thrown on 409 / CODE 1965: the per-API rate limit is used up. `waitSeconds` from `X-RateLimit-ToWait-Sec`, else the body's `SECONDS_TO_WAIT`. */
export class RateLimitError extends QualysError {
	override name = 'RateLimitError';
	readonly waitSeconds?: number;
	constructor(message: string, options: QualysErrorOptions & {readonly waitSeconds?: number}) {
		super('rate-limit', message, options);
		if (options.waitSeconds !== undefined) this.waitSeconds = options.waitSeconds;
	}
}

/** Thrown on 409 / CODE 1960: too many calls of this API are running for the subscription. */
export class ConcurrencyLimitError extends QualysError {
	override name = 'ConcurrencyLimitError';
	readonly callsToFinish?: number;
	constructor(message: string, options: QualysErrorOptions & {readonly callsToFinish?: number}) {
		super('concurrency-limit', message, options);
		if (options.callsToFinish !== undefined) this.callsToFinish = options.callsToFinish;
	}
}

/** Thrown for any other Qualys CODE (1901–1922 request errors, 1981 busy, 999 internal, 1999 maintenance), with the server's text sanitised. */
export class ApiError extends QualysError {
	override name = 'ApiError';
	constructor(message: string, options: QualysErrorOptions) {
		super('api', message, options);
	}
}

/** Thrown when the answer is not a Qualys document: an HTML page from a proxy, or an error status without a code. */
export class HttpError extends QualysError {
	override name = 'HttpError';
	constructor(message: string, options: QualysErrorOptions) {
		super('http', message, options);
	}
}

/** Thrown for an empty, truncated, malformed, oversized or unexpected XML body, and for documents that declare their own entities. */
export class ParseError extends QualysError {
	override name = 'ParseError';
	constructor(message: string, options: QualysErrorOptions) {
		super('parse', message, options);
	}
}

/** Thrown when the total timeout (headers and body) or the connect timeout ran out. */
export class TimeoutError extends QualysError {
	override name = 'TimeoutError';
	readonly timeoutMs?: number;
	constructor(message: string, options: QualysErrorOptions & {readonly timeoutMs?: number}) {
		super('timeout', message, options);
		if (options.timeoutMs !== undefined) this.timeoutMs = options.timeoutMs;
	}
}

/** Why a connection failed: refused (nothing listening), reset (cut mid-way), dns (name not found), other. */
export type NetworkErrorReason = 'refused' | 'reset' | 'dns' | 'other';

/** Thrown when the connection failed or broke: refused, reset, DNS, other socket errors. */
export class NetworkError extends QualysError {
	override name = 'NetworkError';
	readonly reason: NetworkErrorReason;
	constructor(message: string, options: QualysErrorOptions & {readonly reason: NetworkErrorReason}) {
		super('network', message, options);
		this.reason = options.reason;
	}
}

/** Thrown when the server's certificate was not accepted. */
export class TlsError extends QualysError {
	override name = 'TlsError';
	constructor(message: string, options: QualysErrorOptions) {
		super('tls', message, options);
	}
}

/** Thrown before any request for a bad base URL, unknown platform or plain http to a non-loopback host. */
export class ConfigError extends QualysError {
	override name = 'ConfigError';
	constructor(message: string, options: QualysErrorOptions) {
		super('config', message, options);
	}
}

/** Thrown, without sending anything, when the server's next-page URL points to another origin than the base URL. */
export class UnsafeUrlError extends QualysError {
	override name = 'UnsafeUrlError';
	constructor(message: string, options: QualysErrorOptions) {
		super('unsafe-url', message, options);
	}
}

/** Thrown when the caller's AbortSignal ended the call. */
export class AbortedError extends QualysError {
	override name = 'AbortedError';
	constructor(message: string, options: QualysErrorOptions) {
		super('aborted', message, options);
	}
}

/** True for any error thrown by the Qualys client. */
export const isQualysError = (error: unknown): error is QualysError => error instanceof QualysError;
/** True for a bad username/password (401 / 2000). */
export const isAuthError = (error: unknown): error is AuthError => error instanceof AuthError;
/** True for an account state that blocks API use (2001, 2002, 2003, 2011, 2012). */
export const isAccountError = (error: unknown): error is AccountError => error instanceof AccountError;
/** True for a 409 / 1965 rate-limit block. */
export const isRateLimitError = (error: unknown): error is RateLimitError => error instanceof RateLimitError;
/** True for a 409 / 1960 concurrency-limit block. */
export const isConcurrencyLimitError = (error: unknown): error is ConcurrencyLimitError => error instanceof ConcurrencyLimitError;
/** True for another Qualys error code. */
export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;
/** True for a non-Qualys HTTP answer. */
export const isHttpError = (error: unknown): error is HttpError => error instanceof HttpError;
/** True for an unreadable body. */
export const isParseError = (error: unknown): error is ParseError => error instanceof ParseError;
/** True when a timeout ended the call. */
export const isTimeoutError = (error: unknown): error is TimeoutError => error instanceof TimeoutError;
/** True for connection failures. */
export const isNetworkError = (error: unknown): error is NetworkError => error instanceof NetworkError;
/** True for certificate failures. */
export const isTlsError = (error: unknown): error is TlsError => error instanceof TlsError;
/** True for configuration mistakes found before any request. */
export const isConfigError = (error: unknown): error is ConfigError => error instanceof ConfigError;
/** True for a refused foreign next-page URL. */
export const isUnsafeUrlError = (error: unknown): error is UnsafeUrlError => error instanceof UnsafeUrlError;
/** True when the caller aborted. */
export const isAbortedError = (error: unknown): error is AbortedError => error instanceof AbortedError;
