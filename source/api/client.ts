import {about} from './about.js';
import type {ApiCall, ApiCaller, ApiResult} from './api-call.js';
import {RESOURCE_PATHS, resourcePath, type Resource} from './api-paths.js';
import {createApiQueue} from './api-queue.js';
import {validateBaseUrl} from './base-url.js';
import {classifyResponse} from './classify-response.js';
import type {DebugEntry} from './debug-log.js';
import {AuthError, isQualysError, QualysError} from './errors.js';
import {sanitizeServerText} from './sanitize-server-text.js';
import {getHost, listHosts} from './hosts.js';
import {firstHostsPreview} from './first-hosts-preview.js';
import {parseHostListInSlices} from './parse-in-slices.js';
import {parseHostListOffThread} from './parse-off-thread.js';
import {parseRateLimit} from './rate-limit.js';
import {listScans} from './scans.js';
import {createSession} from './session.js';
import {createTransport, RETRY_POLICY, type ProgressEvent, type TransportResponse} from './transport.js';
import type {ApiFunction, ApiVersion, AuthMode, ClientEvent, Credentials, QualysClient, RateLimit} from './types.js';

/** The retry policy, stated once (see transport.ts). */
export {RETRY_POLICY} from './transport.js';
/** Body progress reported to `onProgress`. */
export type {ProgressEvent} from './transport.js';
/** What `log` receives. */
export type {DebugEntry} from './debug-log.js';

/** Options of createQualysClient. */
export interface QualysClientOptions {
	/** API server root, e.g. from resolveBaseUrl(); https, or http to loopback only. */
	readonly baseUrl: string;
	readonly credentials: Credentials;
	/** @default 'session' */
	readonly authMode?: AuthMode;
	/** @default 'current' (host list 5.0, scan list 3.0; falls back to 2.0 once on a 404) */
	readonly apiVersion?: ApiVersion;
	/** Total time per request, including the whole body. @default 60000 */
	readonly timeoutMs?: number;
	/** Time to connect (TCP + TLS). @default 30000 */
	readonly connectTimeoutMs?: number;
	/** Accept any TLS certificate. @default false */
	readonly insecure?: boolean;
	/** Program version for `X-Requested-With: qualys-tui/<version>`. @default 'dev' */
	readonly version?: string;
	/** Replaces the whole `X-Requested-With` / `User-Agent` value. */
	readonly userAgent?: string;
	/** Larger bodies are refused with a ParseError. @default 256 MiB */
	readonly maxResponseBytes?: number;
	/** Called for every body chunk received. */
	readonly onProgress?: (event: ProgressEvent) => void;
	/**
	 * Host-list bodies at least this large are parsed in a worker thread (source/api/parse-worker.ts)
	 * so the UI keeps drawing; smaller ones inline. `Infinity` keeps everything inline.
	 * @default 4 MiB
	 */
	readonly workerThresholdBytes?: number;
	/** Where proxy variables are read from. @default process.env */
	readonly env?: NodeJS.ProcessEnv;
	/**
	 * `--debug`: told of every request (with its response or failure) and every error thrown, for a
	 * log file. Entries are redacted: no password in any form, no cookie value, no Authorization.
	 * Called synchronously; whatever it throws is ignored. The client itself writes no file.
	 */
	readonly log?: (entry: DebugEntry) => void;
}

const DEFAULTS = {
	timeoutMs: 60_000,
	connectTimeoutMs: 30_000,
	// A V8 string tops out near 512 MiB; half of that leaves room for the parsed tree.
	maxResponseBytes: 256 * 1024 * 1024,
	logoutTimeoutMs: 3000,
	// A default page (1000 hosts) is ~0.7 MB and parses in well under 100 ms; only much larger
	// bodies (truncation_limit=0) are worth a thread hop.
	workerThresholdBytes: 4 * 1024 * 1024,
} as const;

/**
 * Creates a Qualys API client. Throws ConfigError at once for an unusable base URL; sends nothing
 * until the first call. Calls of one API function run one at a time (FIFO); different functions
 * run in parallel. Retries: none, except the two stated in RETRY_POLICY.
 */
export function createQualysClient(options: QualysClientOptions): QualysClient {
	const baseUrl = validateBaseUrl(options.baseUrl);
	const {credentials} = options;
	const authMode: AuthMode = options.authMode ?? 'session';
	const apiVersion: ApiVersion = options.apiVersion ?? 'current';
	const workerThresholdBytes = options.workerThresholdBytes ?? DEFAULTS.workerThresholdBytes;
	const userAgent = options.userAgent ?? `qualys-tui/${options.version ?? 'dev'}`;
	const basicAuthorization = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`, 'utf8').toString('base64')}`;
	const log = options.log ? scrubbedLog(options.log, credentials.password) : undefined;
	// Every error thrown to the caller, after redaction, goes to the log too.
	const loggedErrors = new WeakSet<object>();
	const logError = (error: unknown, api?: ApiFunction) => {
		if (!log) return;
		if (typeof error === 'object' && error !== null) {
			// A call's error passes through more than one catch (a call inside the host-list generator).
			if (loggedErrors.has(error)) return;
			loggedErrors.add(error);
		}
		log(
			isQualysError(error)
				? {event: 'error', time: new Date().toISOString(), api, kind: error.kind, message: error.message, status: error.status, code: error.code}
				: {event: 'error', time: new Date().toISOString(), api, kind: 'unexpected', message: error instanceof Error ? error.message : String(error)},
		);
	};

	const transport = createTransport({
		timeoutMs: options.timeoutMs ?? DEFAULTS.timeoutMs,
		connectTimeoutMs: options.connectTimeoutMs ?? DEFAULTS.connectTimeoutMs,
		insecure: options.insecure ?? false,
		userAgent,
		maxResponseBytes: options.maxResponseBytes ?? DEFAULTS.maxResponseBytes,
		// Progress goes to the option and to subscribers (the UI shows the bytes of a large page).
		onProgress: event => {
			options.onProgress?.(event);
			emit({type: 'progress', api: event.api, bytes: event.bytes, totalBytes: event.totalBytes});
		},
		env: options.env,
		log,
	});
	const queue = createApiQueue<ApiFunction>();
	const limits = new Map<ApiFunction, RateLimit>();
	const counts = new Map<ApiFunction, number>();
	const listeners = new Set<(event: ClientEvent) => void>();
	// Resources whose current-version path answered 404: they use the 2.0 path from then on.
	const missingCurrent = new Set<Resource>();
	let isBasicAccepted = false;
	// After logout() calls do not open a new session by themselves: a late background page fetch
	// would otherwise leave a session open that nobody logs out.
	let isLoggedOut = false;

	const emit = (event: ClientEvent) => {
		for (const listener of listeners) {
			try {
				listener(event);
			} catch {
				// A failing subscriber must not break the call that informed it.
			}
		}
	};

	// Every response that reached the server: count it, keep its limit reading (400s and 409s
	// carry the headers too), tell subscribers.
	const record = (api: ApiFunction, response: TransportResponse, countAs: ApiFunction = api) => {
		counts.set(countAs, (counts.get(countAs) ?? 0) + 1);
		const reading = parseRateLimit(api, response.headers, Date.now());
		if (reading) {
			limits.set(api, reading);
			emit({type: 'rate-limit', reading});
		}
		emit({type: 'call', api: countAs, status: response.status});
	};

	const session = createSession({baseUrl, credentials, transport, queue, record, emit});

	const execute = async (call: ApiCall): Promise<ApiResult> => {
		const isBasic = authMode === 'basic' || call.forceBasicAuth === true;
		if (!isBasic && !session.isOpen) {
			if (isLoggedOut) {
				throw new AuthError('The session was logged out.', {hint: 'Log in again to continue.'});
			}
			await session.login(call.signal);
		}
		let reloginsLeft: number = RETRY_POLICY.reloginOnUnauthorized;
		let fallbacksLeft: number = RETRY_POLICY.legacyFallbackOnNotFound;
		for (;;) {
			const resource = call.resource;
			const isLegacy = resource !== undefined && missingCurrent.has(resource);
			const url = new URL(call.url ?? `${baseUrl}${resourcePath(resource!, apiVersion, isLegacy)}`);
			const method = call.url !== undefined || call.params === undefined ? 'GET' : 'POST';
			const generation = session.generation;
			const headers = isBasic ? {Authorization: basicAuthorization} : session.cookieHeaderFor(url);
			const response = await transport.send({
				api: call.api,
				method,
				url: url.href,
				body: method === 'POST' ? call.params : undefined,
				headers,
				signal: call.signal,
				onBody: call.onFirstHosts ? firstHostsPreview(call.onFirstHosts) : undefined,
			});
			record(call.api, response, call.countAs);
			if (
				response.status === 404 &&
				resource !== undefined &&
				apiVersion === 'current' &&
				!isLegacy &&
				RESOURCE_PATHS[resource].current !== RESOURCE_PATHS[resource].legacy &&
				fallbacksLeft-- > 0
			) {
				missingCurrent.add(resource);
				continue;
			}
			if (response.status === 401 && !isBasic && reloginsLeft-- > 0) {
				await session.relogin(generation, call.signal);
				continue;
			}
			const info = {method, path: url.pathname, status: response.status};
			if (
				call.expectedRoot === 'HOST_LIST_OUTPUT' &&
				response.status === 200 &&
				// The root is the expected document (not a SIMPLE_RETURN or an HTML page): parse it without
				// holding the event loop, in the worker when large, else in slices on this thread.
				response.text.slice(0, 4096).includes('<HOST_LIST_OUTPUT')
			) {
				const hostList = await (response.bytes >= workerThresholdBytes ? parseHostListOffThread : parseHostListInSlices)(response.text, info, call.signal);
				if (authMode === 'basic') isBasicAccepted = true;
				return {hostList, bytes: response.bytes};
			}
			const document = classifyResponse(response, call.expectedRoot, info);
			if (authMode === 'basic') isBasicAccepted = true;
			return {document, bytes: response.bytes};
		}
	};

	const caller: ApiCaller = {
		baseUrl,
		call: async call => {
			try {
				return await queue.run(call.api, () => execute(call), call.signal);
			} catch (error) {
				const redacted = redact(error, credentials.password);
				logError(redacted, call.api);
				throw redacted;
			}
		},
	};

	return {
		baseUrl,
		username: credentials.username,
		authMode,
		apiVersion,
		async login(signal) {
			isLoggedOut = false;
			if (authMode === 'basic') return;
			try {
				await session.login(signal);
			} catch (error) {
				const redacted = redact(error, credentials.password);
				logError(redacted, 'session');
				throw redacted;
			}
		},
		async logout(logoutOptions) {
			isLoggedOut = true;
			if (authMode === 'basic') {
				if (isBasicAccepted) emit({type: 'session', state: 'logged-out'});
				isBasicAccepted = false;
				return;
			}
			await session.logout(logoutOptions?.timeoutMs ?? DEFAULTS.logoutTimeoutMs);
		},
		listHosts: hostOptions => wrapGenerator(listHosts(caller, hostOptions), credentials.password, logError),
		getHost: (id, signal) => getHost(caller, id, signal),
		listScans: scanOptions => listScans(caller, scanOptions),
		about: signal => about(caller, signal),
		rateLimits: () => new Map(limits),
		callCounts: () => new Map(counts),
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		get isLoggedIn() {
			return authMode === 'basic' ? isBasicAccepted : session.isOpen;
		},
		get sessionStartedAt() {
			return session.startedAt;
		},
	};
}

/** Re-yields a generator, redacting errors thrown by its own code (parse errors) as well. */
async function* wrapGenerator<T>(inner: AsyncGenerator<T, void, undefined>, password: string, logError: (error: unknown, api: ApiFunction) => void): AsyncGenerator<T, void, undefined> {
	try {
		yield* inner;
	} catch (error) {
		const redacted = redact(error, password);
		logError(redacted, 'host-list');
		throw redacted;
	}
}

/**
 * Last fence against a server echoing the password into its error text (e.g. "invalid value
 * <password>"): the message never carries it. Messages are already built from sanitised text.
 */
function redact(error: unknown, password: string): unknown {
	if (!(error instanceof QualysError)) return error;
	error.message = redactText(error.message, password);
	return error;
}

/** `text` with the password removed in every form redact() looks for. */
function redactText(text: string, password: string): string {
	if (password.length < 3) return text;
	const encoded = [password, encodeURIComponent(password), new URLSearchParams({p: password}).toString().slice(2)];
	// Fix (test/security/secrets.test.ts): server text reaches the message through
	// sanitizeServerText, which collapses whitespace and controls — so match the sanitised forms too.
	const variants = [...new Set([...encoded, ...encoded.map(variant => sanitizeServerText(variant, variant.length + 1))])].filter(variant => variant.length >= MIN_REDACTED_PREFIX);
	let message = text;
	for (const variant of variants) message = message.split(variant).join('[REDACTED]');
	// Fix (same test): sanitizeServerText also cuts long text with '…'; an echo cut there left the
	// first part of the password in the message. A password prefix right before a '…' goes too.
	message = message.replace(/([^…]*)…/g, (whole, before: string) => {
		for (const variant of variants) {
			for (let length = Math.min(variant.length - 1, before.length); length >= MIN_REDACTED_PREFIX; length--) {
				if (before.endsWith(variant.slice(0, length))) return `${before.slice(0, before.length - length)}[REDACTED]…`;
			}
		}
		return whole;
	});
	return message;
}

/**
 * The `log` option behind a last fence: every string of an entry (URL, headers, body, messages)
 * goes through redactText, as error messages do, and nothing the log throws reaches a request.
 */
function scrubbedLog(log: (entry: DebugEntry) => void, password: string): (entry: DebugEntry) => void {
	const scrub = (value: unknown): unknown => {
		if (typeof value === 'string') return redactText(value, password);
		if (Array.isArray(value)) return value.map(scrub);
		if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, each]) => [scrub(key), scrub(each)]));
		return value;
	};
	return entry => {
		try {
			log(scrub(entry) as DebugEntry);
		} catch {
			// Logging never breaks the client.
		}
	};
}

// Shorter password prefixes before a cut are left alone: they would also eat ordinary words.
const MIN_REDACTED_PREFIX = 3;
