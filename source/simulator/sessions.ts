import {randomBytes} from 'node:crypto';

/** One open Qualys session. */
export interface Session {
	readonly username: string;
	/** Authenticated resource calls made with this session's cookie (for the session-expiry fault). */
	calls: number;
}

/** Open sessions by `QualysSession` cookie value. */
export interface SessionStore {
	/** Opens a session; returns the cookie value (32 hex characters, like the docs' example). */
	open(username: string): string;
	get(cookie: string): Session | undefined;
	/** Ends a session; false when there was none. */
	close(cookie: string): boolean;
	readonly size: number;
	clear(): void;
}

/** Creates an empty session store. */
export function createSessionStore(): SessionStore {
	const sessions = new Map<string, Session>();
	return {
		open(username) {
			const cookie = randomBytes(16).toString('hex');
			sessions.set(cookie, {username, calls: 0});
			return cookie;
		},
		get: (cookie) => sessions.get(cookie),
		close: (cookie) => sessions.delete(cookie),
		get size() {
			return sessions.size;
		},
		clear: () => sessions.clear(),
	};
}

/** The value of cookie `name` in a `Cookie` header, if present. */
export function readCookie(header: string | undefined, name: string): string | undefined {
	for (const part of (header ?? '').split(';')) {
		const separator = part.indexOf('=');
		if (separator > 0 && part.slice(0, separator).trim() === name) {
			return part.slice(separator + 1).trim();
		}
	}
	return undefined;
}
