import type {ApiVersion} from './types.js';

/** The resources the client calls. */
export type Resource = 'host' | 'scan' | 'session' | 'about';

/** Current and legacy path of a resource; `legacy` is what `apiVersion: '2.0'` and the 404 fallback use. */
export interface ResourcePaths {
	readonly current: string;
	readonly legacy: string;
}

/**
 * Every path the client calls, in one table (qualys-api.md §1). Trailing slashes are kept: clients
 * always send them and behaviour without is unknown. Session and about have one version only.
 */
export const RESOURCE_PATHS: Readonly<Record<Resource, ResourcePaths>> = {
	host: {current: '/api/5.0/fo/asset/host/', legacy: '/api/2.0/fo/asset/host/'},
	scan: {current: '/api/3.0/fo/scan/', legacy: '/api/2.0/fo/scan/'},
	session: {current: '/api/2.0/fo/session/', legacy: '/api/2.0/fo/session/'},
	about: {current: '/msp/about.php', legacy: '/msp/about.php'},
};

/** The path to call for `resource`, given the pinned version and whether the current path was found missing. */
export function resourcePath(resource: Resource, version: ApiVersion, isCurrentMissing: boolean): string {
	const paths = RESOURCE_PATHS[resource];
	return version === '2.0' || isCurrentMissing ? paths.legacy : paths.current;
}
