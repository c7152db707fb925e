import {ConfigError} from './errors.js';
import {validateBaseUrl} from './base-url.js';

/** A Qualys shared-cloud platform (POD). */
export interface Platform {
	readonly id: string;
	readonly displayName: string;
	/** The API server host (qualys-api.md §1), not the UI or gateway host. */
	readonly apiHost: string;
}

/** The 13 shared platforms and their API servers (qualys-api.md §1; a lookup table, never a computed name). */
export const PLATFORMS: readonly Platform[] = [
	{id: 'US1', displayName: 'US Platform 1', apiHost: 'qualysapi.qualys.com'},
	{id: 'US2', displayName: 'US Platform 2', apiHost: 'qualysapi.qg2.apps.qualys.com'},
	{id: 'US3', displayName: 'US Platform 3', apiHost: 'qualysapi.qg3.apps.qualys.com'},
	{id: 'US4', displayName: 'US Platform 4', apiHost: 'qualysapi.qg4.apps.qualys.com'},
	{id: 'EU1', displayName: 'EU Platform 1', apiHost: 'qualysapi.qualys.eu'},
	{id: 'EU2', displayName: 'EU Platform 2', apiHost: 'qualysapi.qg2.apps.qualys.eu'},
	{id: 'EU3', displayName: 'EU Platform 3 (Italy)', apiHost: 'qualysapi.qg3.apps.qualys.it'},
	{id: 'IN1', displayName: 'India Platform 1', apiHost: 'qualysapi.qg1.apps.qualys.in'},
	{id: 'CA1', displayName: 'Canada Platform 1', apiHost: 'qualysapi.qg1.apps.qualys.ca'},
	{id: 'AE1', displayName: 'UAE Platform 1', apiHost: 'qualysapi.qg1.apps.qualys.ae'},
	{id: 'UK1', displayName: 'UK Platform 1', apiHost: 'qualysapi.qg1.apps.qualys.co.uk'},
	{id: 'AU1', displayName: 'Australia Platform 1', apiHost: 'qualysapi.qg1.apps.qualys.com.au'},
	{id: 'KSA1', displayName: 'KSA Platform 1', apiHost: 'qualysapi.qg1.apps.qualysksa.com'},
];

/** The platform with this id (case-insensitive), if any. */
export function findPlatform(id: string): Platform | undefined {
	const wanted = id.trim().toUpperCase();
	return PLATFORMS.find(platform => platform.id === wanted);
}

/**
 * The base URL to use: an explicit `apiUrl` wins (private platforms use other hosts), else the
 * platform's API server. Throws ConfigError for an unknown platform (listing the valid ones),
 * for neither being given, and for an unsafe URL (see validateBaseUrl).
 */
export function resolveBaseUrl(options: {readonly platform?: string; readonly apiUrl?: string}): string {
	if (options.apiUrl !== undefined && options.apiUrl.trim() !== '') return validateBaseUrl(options.apiUrl);
	if (options.platform === undefined || options.platform.trim() === '') {
		throw new ConfigError('No Qualys platform or API URL was given.', {
			hint: `Pass a platform (${PLATFORMS.map(platform => platform.id).join(', ')}) or an API URL.`,
		});
	}
	const platform = findPlatform(options.platform);
	if (!platform) {
		throw new ConfigError(`Unknown Qualys platform "${options.platform.slice(0, 20)}".`, {
			hint: `Valid platforms: ${PLATFORMS.map(p => p.id).join(', ')}; or pass the API server URL.`,
		});
	}
	return `https://${platform.apiHost}`;
}
