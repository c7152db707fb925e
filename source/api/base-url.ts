import {ConfigError} from './errors.js';

/** True for hosts that never leave this machine: 127.0.0.0/8, localhost, [::1]. */
export function isLoopbackHost(hostname: string): boolean {
	const host = hostname.toLowerCase();
	if (host === 'localhost' || host.endsWith('.localhost') || host === '[::1]') return true;
	return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * Checks and normalises a base URL to its origin (`https://host[:port]`), before any request:
 * https only, except plain http to loopback (the simulator); no credentials, query or path.
 * Throws ConfigError saying what is wrong.
 */
export function validateBaseUrl(input: string): string {
	let url: URL;
	try {
		url = new URL(input.trim());
	} catch {
		throw new ConfigError('The API URL is not a valid URL.', {
			hint: 'Use the API server root, e.g. https://qualysapi.qualys.com',
		});
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		throw new ConfigError(`The API URL uses ${url.protocol.slice(0, 20)}; only https is supported.`, {
			hint: 'Use the API server root, e.g. https://qualysapi.qualys.com',
		});
	}
	if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
		throw new ConfigError(`Plain http is only allowed to this machine, not to ${url.hostname}.`, {
			hint: 'Use https:// — credentials must not cross the network unencrypted.',
		});
	}
	if (url.username !== '' || url.password !== '') {
		// Never echo them: the password could be in there.
		throw new ConfigError('The API URL must not contain a username or password.', {
			hint: 'Remove the user:password@ part and enter the credentials at the login prompt.',
		});
	}
	if ((url.pathname !== '/' && url.pathname !== '') || url.search !== '' || url.hash !== '') {
		throw new ConfigError('The API URL must be the server root, without a path or query.', {
			hint: `Use ${url.origin}`,
		});
	}
	return url.origin;
}
