import React, {createContext, useCallback, useContext, useEffect, useMemo, useRef, useState} from 'react';
import type {ApiFunction, QualysClient, RateLimit} from '../api/types.js';
import {afterRequestsStart} from '../lib/after-requests-start.js';

/** Where the session is. `expired` = the server ended it and one automatic re-login failed. */
export type SessionStatus = 'logged-out' | 'logging-in' | 'active' | 'expired' | 'logging-out';

/** What the login form hands over. The password goes to the client and nowhere else. */
export interface LoginRequest {
	/** A platform id (`US1`) or `custom`. */
	readonly platform: string;
	/** The custom base URL when platform is `custom`. */
	readonly apiUrl?: string;
	readonly username: string;
	readonly password: string;
}

/**
 * Makes a client for a login request; throws (or rejects) with a typed error for a bad platform or
 * URL. It may be async so the process edge can load the client code after the first frame.
 */
export type ClientFactory = (request: LoginRequest) => QualysClient | Promise<QualysClient>;

/** Lets the process edge reach the live client, so every exit path can log it out. */
export interface SessionHolder {
	client?: QualysClient;
}

/** A failure the screens show as "what happened — what to do". */
export interface SessionMessage {
	readonly message: string;
	readonly hint?: string;
}

export interface SessionValue {
	readonly status: SessionStatus;
	/** Present from the first login on; screens never create clients. */
	readonly client?: QualysClient;
	readonly username?: string;
	/** `US1`, `DEMO`, or the host of a custom URL. */
	readonly platformLabel?: string;
	readonly authMode?: QualysClient['authMode'];
	readonly sessionStartedAt?: number;
	/** The latest limit reading per API function, updated the instant a response arrives. */
	readonly quota: ReadonlyMap<ApiFunction, RateLimit>;
	/** Calls made this session per API function. */
	readonly calls: ReadonlyMap<ApiFunction, number>;
	/** Why the last login failed, or why the session ended. */
	readonly error?: unknown;
	readonly isInsecure: boolean;
	login(request: LoginRequest): Promise<boolean>;
	logout(): Promise<void>;
	/**
	 * Tells `listener` of each successful login, with its client, before the screens re-render with
	 * it: a screen can send its first call at once rather than a frame later. Returns the unsubscribe.
	 */
	onLogin(listener: (client: QualysClient) => void): () => void;
}

const SessionContext = createContext<SessionValue | undefined>(undefined);

export interface SessionProviderProps {
	readonly createClient: ClientFactory;
	readonly holder?: SessionHolder;
	readonly isInsecure?: boolean;
	/** Label for a platform id: `US1` stays `US1`, `custom` becomes the URL's host. */
	readonly labelFor?: (request: LoginRequest) => string;
	readonly children: React.ReactNode;
}

const defaultLabel = (request: LoginRequest) =>
	request.platform === 'custom' && request.apiUrl ? safeHost(request.apiUrl) : request.platform;

function safeHost(url: string): string {
	try {
		return new URL(url).host;
	} catch {
		return 'custom';
	}
}

/** How many times a second, in a burst, limit readings and call counts may re-render the screens. */
const quotaUpdatesPerSecond = 4;

/**
 * Owns the one Qualys session of the program: creates the client at login, mirrors its events
 * (limit readings, calls, session expiry) into React state, and logs out. Every screen reads it
 * through `useSession()`.
 */
export function SessionProvider({createClient, holder, isInsecure = false, labelFor = defaultLabel, children}: SessionProviderProps) {
	const [status, setStatus] = useState<SessionStatus>('logged-out');
	const [client, setClient] = useState<QualysClient>();
	const [label, setLabel] = useState<string>();
	const [error, setError] = useState<unknown>();
	const [quota, setQuota] = useState<ReadonlyMap<ApiFunction, RateLimit>>(new Map());
	const [calls, setCalls] = useState<ReadonlyMap<ApiFunction, number>>(new Map());
	const [startedAt, setStartedAt] = useState<number>();
	const unsubscribe = useRef<(() => void) | undefined>(undefined);
	const loginListeners = useRef(new Set<(client: QualysClient) => void>());

	const attach = useCallback((next: QualysClient) => {
		unsubscribe.current?.();
		// Limit readings and call counts re-render every screen (all three stay mounted). A reading
		// after a quiet spell shows at once; in a burst (every page loading, 25 responses a second)
		// at most quotaUpdatesPerSecond renders a second, the last value always shown: a token
		// bucket of that many updates, refilled at that rate.
		let tokens = quotaUpdatesPerSecond;
		let refilledAt = Date.now();
		let timer: NodeJS.Timeout | undefined;
		// The reading and the call of one response arrive in the same tick: the second joins the
		// update the first made (React batches the two) instead of waiting for a token.
		let isFlushedThisTick = false;
		const flush = () => {
			clearTimeout(timer);
			timer = undefined;
			setQuota(next.rateLimits());
			setCalls(next.callCounts());
			if (!isFlushedThisTick) {
				isFlushedThisTick = true;
				queueMicrotask(() => {
					isFlushedThisTick = false;
				});
			}
		};

		const schedule = () => {
			if (isFlushedThisTick) return flush();
			if (timer !== undefined) return;
			const now = Date.now();
			tokens = Math.min(quotaUpdatesPerSecond, tokens + ((now - refilledAt) * quotaUpdatesPerSecond) / 1000);
			refilledAt = now;
			if (tokens >= 1) {
				tokens -= 1;
				flush();
			} else {
				timer = setTimeout(() => {
					timer = undefined;
					schedule();
				}, Math.ceil(((1 - tokens) * 1000) / quotaUpdatesPerSecond));
			}
		};

		const stop = next.subscribe(event => {
			switch (event.type) {
				case 'rate-limit':
				case 'call': {
					schedule();
					break;
				}

				case 'session': {
					if (event.state === 'expired') {
						setStatus('expired');
						setError({message: 'The session ended and logging in again failed', hint: 'log in again; your screens are kept'});
					} else if (event.state === 'active') {
						setStartedAt(next.sessionStartedAt);
					}

					break;
				}
			}
		});
		unsubscribe.current = () => {
			stop();
			clearTimeout(timer);
		};
	}, []);

	useEffect(() => () => unsubscribe.current?.(), []);

	const login = useCallback(
		async (request: LoginRequest) => {
			setStatus('logging-in');
			setError(undefined);
			let next: QualysClient;
			try {
				next = await createClient(request);
			} catch (error_) {
				setError(error_);
				setStatus('logged-out');
				return false;
			}

			attach(next);
			try {
				await next.login();
			} catch (error_) {
				setError(error_);
				setStatus(previous => (previous === 'logging-in' ? 'logged-out' : previous));
				return false;
			}

			// A new login replaces the old client: log the old one out so sessions never pile up.
			const previous = holder?.client;
			if (previous && previous !== next) void previous.logout({timeoutMs: 3000});
			if (holder) holder.client = next;
			for (const listener of loginListeners.current) listener(next);
			// The listeners' first calls (page 1) go out before the screens re-render for the new
			// session: see afterRequestsStart.
			await afterRequestsStart();
			setClient(next);
			setLabel(labelFor(request));
			setStartedAt(next.sessionStartedAt ?? Date.now());
			setQuota(new Map(next.rateLimits()));
			setCalls(new Map(next.callCounts()));
			setStatus('active');
			return true;
		},
		[attach, createClient, holder, labelFor],
	);

	const logout = useCallback(async () => {
		const current = holder?.client ?? client;
		if (!current) return;
		setStatus('logging-out');
		await current.logout({timeoutMs: 3000});
		setStatus('logged-out');
	}, [client, holder]);

	const onLogin = useCallback((listener: (client: QualysClient) => void) => {
		loginListeners.current.add(listener);
		return () => {
			loginListeners.current.delete(listener);
		};
	}, []);

	const value = useMemo<SessionValue>(
		() => ({
			status,
			client,
			username: client?.username,
			platformLabel: label,
			authMode: client?.authMode,
			sessionStartedAt: startedAt,
			quota,
			calls,
			error,
			isInsecure,
			login,
			logout,
			onLogin,
		}),
		[status, client, label, startedAt, quota, calls, error, isInsecure, login, logout, onLogin],
	);

	return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The shared session. Throws when used outside `<SessionProvider>`: that is a programming error. */
export function useSession(): SessionValue {
	const value = useContext(SessionContext);
	if (!value) throw new Error('useSession() must be used inside <SessionProvider>');
	return value;
}
