import {setImmediate as nextTurn} from 'node:timers/promises';
import {ofetch} from 'ofetch';
import type {Dispatcher} from 'undici';
import {redactForm, redactRequestHeaders, redactResponseHeaders, redactUrl, type DebugRequestEntry} from './debug-log.js';
import {createDispatcher} from './dispatcher.js';
import {AbortedError, isQualysError, NetworkError, ParseError, TimeoutError, TlsError, type QualysError, type RequestInfo} from './errors.js';
import {parseRateLimit} from './rate-limit.js';
import type {ApiFunction} from './types.js';

/** Progress of one response body. */
export interface ProgressEvent {
	readonly api: ApiFunction;
	readonly bytes: number;
	/** From Content-Length when the server sent one (Qualys streams chunked, so usually absent). */
	readonly totalBytes?: number;
}

/** Connection settings of one client. */
export interface TransportOptions {
	/** Total time per request, headers and body. */
	readonly timeoutMs: number;
	readonly connectTimeoutMs: number;
	readonly insecure: boolean;
	/** Sent as `X-Requested-With` (mandatory on every Qualys call) and `User-Agent`. */
	readonly userAgent: string;
	readonly maxResponseBytes: number;
	readonly onProgress?: (event: ProgressEvent) => void;
	readonly env?: NodeJS.ProcessEnv;
	/** `--debug`: told of every request, already redacted (headers, cookies, password fields). Must not throw. */
	readonly log?: (entry: DebugRequestEntry) => void;
}

/** One request as the client wants it sent. */
export interface TransportRequest {
	readonly api: ApiFunction;
	readonly method: 'GET' | 'POST';
	readonly url: string;
	readonly body?: URLSearchParams;
	/** Auth and cookie headers; never logged, never put in an error. */
	readonly headers?: Readonly<Record<string, string>>;
	readonly signal?: AbortSignal;
	/** Overrides the total timeout (logout uses a short one). */
	readonly timeoutMs?: number;
	/** Told of the body so far after every chunk, with the status (a preview of a long body). */
	readonly onBody?: (chunks: readonly Uint8Array[], bytes: number, status: number) => void;
}

/** One answer with its body read completely. */
export interface TransportResponse {
	readonly status: number;
	readonly headers: Headers;
	readonly text: string;
	readonly bytes: number;
}

/** Sends requests; the only place that touches the network. */
export interface Transport {
	send(request: TransportRequest): Promise<TransportResponse>;
}

/**
 * The retry policy of the client, stated once. ofetch would retry 408/409/425/429/5xx by itself;
 * for Qualys that is wrong, so ofetch's retry is off and the client decides.
 */
export const RETRY_POLICY = {
	/** ofetch `retry`: 0. A 409 is a used-up quota (retrying burns more) or a permanent account state; a 5xx list call repeated blindly doubles the load on a struggling server; and ofetch's retry would reuse an already-aborted timeout signal anyway. */
	automaticRetries: 0,
	/** Session mode only: a 401 on a cookie call means the session expired; log in again once and repeat the call once. A second 401 is an AuthError. */
	reloginOnUnauthorized: 1,
	/** A 404 on the current version path (5.0 hosts, 3.0 scans) falls back once to the 2.0 path and remembers it for the client's life (private platforms that lag). `apiVersion: '2.0'` pins it. */
	legacyFallbackOnNotFound: 1,
} as const;

/** Creates the transport: ofetch with `retry: 0`, a total timeout covering the body, and an undici dispatcher. */
export function createTransport(options: TransportOptions): Transport {
	let dispatcher: Promise<Dispatcher> | undefined;
	const getDispatcher = () =>
		(dispatcher ??= createDispatcher({connectTimeoutMs: options.connectTimeoutMs, insecure: options.insecure, env: options.env}));

	const headersFor = (request: TransportRequest): Record<string, string> => ({
		'X-Requested-With': options.userAgent,
		'User-Agent': options.userAgent,
		...(request.body ? {'Content-Type': 'application/x-www-form-urlencoded'} : {}),
		...request.headers,
	});

	const send = async (request: TransportRequest): Promise<TransportResponse> => {
		const path = new URL(request.url).pathname;
		const info: RequestInfo = {method: request.method, path};
		const timeoutMs = request.timeoutMs ?? options.timeoutMs;
		if (request.signal?.aborted) throw abortedError(info);
		// ofetch's `timeout` stops at the headers; this signal also ends a stalled body. A new
		// signal per request, so nothing reuses an aborted one.
		const timeout = AbortSignal.timeout(timeoutMs);
		const signal = request.signal ? AbortSignal.any([timeout, request.signal]) : timeout;
		// Outside the try: failing to build the dispatcher is a bug, not a network error.
		const dispatcher = await getDispatcher();
		try {
			const response = await ofetch.raw(request.url, {
				method: request.method,
				body: request.body,
				headers: headersFor(request),
				signal,
				dispatcher,
				// Read the body ourselves: progress, a size cap, and the timeout on every chunk.
				responseType: 'stream',
				ignoreResponseError: true,
				retry: RETRY_POLICY.automaticRetries,
				// A redirect could carry our Authorization or cookie to another host; Qualys does
				// not redirect API calls, so a 3xx is reported instead of followed.
				redirect: 'manual',
			} as Parameters<typeof ofetch.raw>[1]);
			const length = Number(response.headers.get('content-length') ?? Number.NaN);
			const totalBytes = Number.isFinite(length) ? length : undefined;
			if (totalBytes !== undefined && totalBytes > options.maxResponseBytes) throw tooLarge(options.maxResponseBytes, info);
			const chunks: Uint8Array[] = [];
			let bytes = 0;
			const body = response._data as ReadableStream<Uint8Array> | undefined;
			if (body) {
				for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
					bytes += chunk.byteLength;
					if (bytes > options.maxResponseBytes) throw tooLarge(options.maxResponseBytes, info);
					chunks.push(chunk);
					options.onProgress?.({api: request.api, bytes, totalBytes});
					request.onBody?.(chunks, bytes, response.status);
				}
			}
			// undici puts the connection back in its pool one turn after the body's end: a call made
			// as soon as this one returns (the host list right after the login) would otherwise open a
			// second connection, a TCP and TLS handshake on the way to the first host rows.
			await nextTurn();
			const text = Buffer.concat(chunks, bytes).toString('utf8');
			return {status: response.status, headers: response.headers, text, bytes};
		} catch (error) {
			if (error instanceof ParseError) throw error;
			if (timeout.aborted) {
				throw new TimeoutError(`No complete answer within ${formatMs(timeoutMs)}.`, {
					...info,
					timeoutMs,
					hint: 'The server or network is slow; try again, or raise --timeout for large lists.',
				});
			}
			if (request.signal?.aborted) throw abortedError(info);
			throw networkError(error, info, options.connectTimeoutMs);
		}
	};

	const {log} = options;
	if (!log) return {send};
	return {
		async send(request) {
			const time = new Date().toISOString();
			const started = performance.now();
			// Built before sending, from what is sent; only redacted copies are kept.
			const base = {
				event: 'request' as const,
				time,
				api: request.api,
				method: request.method,
				url: redactUrl(request.url),
				requestHeaders: redactRequestHeaders(headersFor(request)),
				...(request.body ? {requestBody: redactForm(request.body.toString())} : {}),
			};
			const durationMs = () => Math.round((performance.now() - started) * 10) / 10;
			let response: TransportResponse;
			try {
				response = await send(request);
			} catch (error) {
				report(log, () => ({
					...base,
					durationMs: durationMs(),
					error: isQualysError(error) ? {kind: error.kind, message: error.message} : {kind: 'unexpected', message: error instanceof Error ? error.message : String(error)},
				}));
				throw error;
			}
			report(log, () => {
				const {api: _api, readAt: _readAt, ...limits} = parseRateLimit(request.api, response.headers, Date.now()) ?? {api: request.api, readAt: 0};
				return {
					...base,
					durationMs: durationMs(),
					status: response.status,
					bytes: response.bytes,
					responseHeaders: redactResponseHeaders(response.headers),
					...(Object.keys(limits).length > 0 ? {limits} : {}),
				};
			});
			return response;
		},
	};
}

/** Logging never breaks a request. */
function report(log: (entry: DebugRequestEntry) => void, build: () => DebugRequestEntry): void {
	try {
		log(build());
	} catch {
		// A broken log is the log's problem.
	}
}

function abortedError(info: RequestInfo): AbortedError {
	return new AbortedError('The request was cancelled.', {...info, hint: 'Nothing to do; run it again when wanted.'});
}

function tooLarge(max: number, info: RequestInfo): ParseError {
	return new ParseError(`The response is larger than the ${Math.round(max / 1048576)} MiB limit.`, {
		...info,
		hint: 'Use a smaller page size or narrower filters.',
	});
}

const TLS_CODE = /^(?:ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|HOSTNAME_MISMATCH|ERR_OSSL_)/;

/** Maps a failed fetch (cause chain of undici errors) to NetworkError, TlsError or TimeoutError. */
export function networkError(error: unknown, info: RequestInfo, connectTimeoutMs: number): QualysError {
	// The innermost error carries the system code; ofetch's FetchError (which holds the request
	// options, i.e. our headers) is never kept as a cause.
	let innermost: unknown = error;
	let code: string | undefined;
	for (let current: unknown = error, depth = 0; current && depth < 8; depth++) {
		const candidate = (current as {code?: unknown}).code;
		if (typeof candidate === 'string') code ??= candidate;
		innermost = current;
		current = (current as {cause?: unknown}).cause;
	}
	const cause = innermost instanceof Error && innermost.name !== 'FetchError' ? innermost : undefined;
	const base = {...info, cause};
	if (code && TLS_CODE.test(code)) {
		return new TlsError(`The server's TLS certificate was not accepted (${code}).`, {
			...base,
			hint: 'Check the API URL; for a private platform with its own CA set NODE_EXTRA_CA_CERTS, or use --insecure (unsafe).',
		});
	}
	if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ETIMEDOUT') {
		return new TimeoutError(`Could not connect within ${formatMs(connectTimeoutMs)}.`, {
			...base,
			timeoutMs: connectTimeoutMs,
			hint: 'Check the network, proxy settings (HTTPS_PROXY) and the API URL.',
		});
	}
	if (code === 'ECONNREFUSED') {
		return new NetworkError('The connection was refused.', {...base, reason: 'refused', hint: 'Check the API URL and port; is the server running?'});
	}
	if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME') {
		return new NetworkError('The server name could not be resolved.', {...base, reason: 'dns', hint: 'Check the API URL or platform and your DNS/network.'});
	}
	const message = innermost instanceof Error ? innermost.message : '';
	// Fix (test/security/proxy-tls.test.ts): a proxy refusing the CONNECT (407, an HTML 502 page)
	// used to surface as "The request failed (UND_ERR_ABORTED)". undici's ProxyAgent reports it as
	// "Proxy response (407) !== 200 when HTTP Tunneling"; say which proxy status it was.
	const proxyStatus = /^Proxy response \((\d{3})\)/.exec(message)?.[1];
	if (proxyStatus !== undefined) {
		const isAuth = proxyStatus === '407';
		return new NetworkError(`The proxy refused the connection to the server (HTTP ${proxyStatus}${isAuth ? ' Proxy Authentication Required' : ''}).`, {
			...base,
			reason: 'other',
			hint: isAuth
				? 'The proxy wants credentials: put them in HTTPS_PROXY (http://user:password@proxy:port), or bypass it with NO_PROXY.'
				: 'The proxy could not reach the server; check HTTPS_PROXY / NO_PROXY and the API URL.',
		});
	}
	if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET' || /terminated|other side closed|socket hang up/i.test(message)) {
		return new NetworkError('The connection was closed before the answer was complete.', {
			...base,
			reason: 'reset',
			hint: 'Try again; if it persists a proxy or firewall may be cutting connections.',
		});
	}
	return new NetworkError(`The request failed${code ? ` (${code})` : ''}.`, {...base, reason: 'other', hint: 'Check the network and the API URL.'});
}

function formatMs(ms: number): string {
	return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
