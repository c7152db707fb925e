/** Username and password from an `Authorization: Basic` header. */
export interface BasicCredentials {
	readonly username: string;
	readonly password: string;
}

/**
 * Decodes `Authorization: Basic base64(user:pass)` as UTF-8 and splits on the FIRST colon: usernames
 * cannot contain one, passwords can (and may hold any other character too).
 */
export function parseBasicAuth(header: string | undefined): BasicCredentials | undefined {
	const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
	if (!match) {
		return undefined;
	}
	const decoded = Buffer.from(match[1], 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	if (colon < 0) {
		return undefined;
	}
	return {username: decoded.slice(0, colon), password: decoded.slice(colon + 1)};
}
