import {RESOURCE_PATHS} from './api-paths.js';
import type {ApiQueue} from './api-queue.js';
import {classifyResponse} from './classify-response.js';
import {AuthError} from './errors.js';
import {extractSessionCookie, isCookieScope} from './session-cookie.js';
import type {Transport, TransportResponse} from './transport.js';
import type {ApiFunction, ClientEvent, Credentials} from './types.js';

/** What the session needs from the client: the transport, the queue, and the recording of responses. */
export interface SessionDependencies {
	readonly baseUrl: string;
	readonly credentials: Credentials;
	readonly transport: Transport;
	readonly queue: ApiQueue<ApiFunction>;
	/** Records limits/counts of every response that reached the server. */
	readonly record: (api: ApiFunction, response: TransportResponse) => void;
	readonly emit: (event: ClientEvent) => void;
}

/** The QualysSession cookie's life: login, re-login after expiry, logout (qualys-api.md §3). */
export interface Session {
	/** POST /api/2.0/fo/session/ action=login; success is HTTP 200 plus a QualysSession cookie. */
	login(signal?: AbortSignal): Promise<void>;
	/**
	 * Logs in again after a 401 on a cookie call, once per expiry: concurrent callers that saw the
	 * same stale `generation` share one login.
	 */
	relogin(staleGeneration: number, signal?: AbortSignal): Promise<void>;
	/** POST action=logout with the cookie; bounded, never throws, idempotent. */
	logout(timeoutMs: number): Promise<void>;
	/** The Cookie header for `url`, only for same-origin /api/ paths. */
	cookieHeaderFor(url: URL): Record<string, string>;
	readonly isOpen: boolean;
	/** Increases with every successful login; lets a 401 tell an old cookie from the current one. */
	readonly generation: number;
	readonly startedAt?: number;
}

/** Creates the session state of one client. The cookie value lives only in this closure. */
export function createSession(deps: SessionDependencies): Session {
	const url = `${deps.baseUrl}${RESOURCE_PATHS.session.current}`;
	const info = {method: 'POST', path: RESOURCE_PATHS.session.current};
	let cookie: string | undefined;
	let generation = 0;
	let startedAt: number | undefined;
	let inFlight: Promise<void> | undefined;

	const doLogin = (signal?: AbortSignal) =>
		deps.queue.run(
			'session',
			async () => {
				const body = new URLSearchParams({action: 'login', username: deps.credentials.username, password: deps.credentials.password});
				const response = await deps.transport.send({api: 'session', method: 'POST', url, body, signal});
				deps.record('session', response);
				const sessionCookie = extractSessionCookie(response.headers);
				if (response.status === 200 && sessionCookie) {
					cookie = sessionCookie;
					generation++;
					startedAt = Date.now();
					return;
				}
				// Throws the right error for 401/2000, 200 with 2001, 409 with 2003, HTML pages…
				classifyResponse(response, 'SIMPLE_RETURN', {...info, status: response.status});
				throw new AuthError('The login was answered without a session cookie.', {
					...info,
					status: response.status,
					hint: 'Try --auth basic; a proxy may be stripping cookies.',
				});
			},
			signal,
		);

	const login = (signal?: AbortSignal): Promise<void> => {
		inFlight ??= doLogin(signal).finally(() => {
			inFlight = undefined;
		});
		return inFlight;
	};

	return {
		async login(signal) {
			// Already open: a second login would orphan the first session on the server.
			if (cookie) return;
			await login(signal);
			deps.emit({type: 'session', state: 'active'});
		},
		async relogin(staleGeneration, signal) {
			if (generation > staleGeneration && cookie) return; // Someone already logged in again.
			cookie = undefined;
			deps.emit({type: 'session', state: 'relogin'});
			try {
				await login(signal);
			} catch (error) {
				deps.emit({type: 'session', state: 'expired'});
				throw error;
			}
			deps.emit({type: 'session', state: 'active'});
		},
		async logout(timeoutMs) {
			try {
				// A login still running would leave a session open behind our back: let it end first (bounded).
				if (inFlight) await Promise.race([inFlight.catch(() => undefined), new Promise(resolve => setTimeout(resolve, timeoutMs).unref())]);
				const current = cookie;
				if (!current) return;
				// Forget it first: a second logout is a no-op even if this one is still running.
				cookie = undefined;
				startedAt = undefined;
				const body = new URLSearchParams({action: 'logout'});
				const response = await deps.transport.send({api: 'session', method: 'POST', url, body, headers: {Cookie: current}, timeoutMs});
				deps.record('session', response);
				deps.emit({type: 'session', state: 'logged-out'});
			} catch {
				// Never throws: logout runs in `finally` blocks and on exit; the server ends the session eventually.
			}
		},
		cookieHeaderFor(target): Record<string, string> {
			return cookie && isCookieScope(target, deps.baseUrl) ? {Cookie: cookie} : {};
		},
		get isOpen() {
			return cookie !== undefined;
		},
		get generation() {
			return generation;
		},
		get startedAt() {
			return startedAt;
		},
	};
}
