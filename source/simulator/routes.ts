import type {Call} from './call.js';
import {handleAbout} from './handle-about.js';
import {handleHostList} from './handle-host-list.js';
import {handleScanList} from './handle-scan-list.js';
import {handleSession} from './handle-session.js';
import type {SimResponse} from './respond.js';
import type {SimulatorApi} from './types.js';

/** One Qualys endpoint. */
export interface Route {
	readonly path: string;
	readonly api: SimulatorApi;
	/** Version segment as it appears in DOCTYPEs and paging URLs. */
	readonly version: string;
	/** A newer path the legacy-only fault turns off (platforms that lag behind serve only 2.0). */
	readonly isCurrent: boolean;
	/** about.php is v1 and takes Basic auth only: the session cookie is scoped to /api. */
	readonly auth: 'session-or-basic' | 'basic' | 'none';
	readonly methods: readonly string[];
	readonly handle: (call: Call) => SimResponse;
}

/** Every path the simulator answers as Qualys. Trailing slashes are part of the path ([U] without). */
export const ROUTES: readonly Route[] = [
	{path: '/api/2.0/fo/session/', api: 'session', version: '2.0', isCurrent: false, auth: 'none', methods: ['POST'], handle: handleSession},
	{path: '/api/2.0/fo/asset/host/', api: 'host-list', version: '2.0', isCurrent: false, auth: 'session-or-basic', methods: ['GET', 'POST'], handle: handleHostList},
	{path: '/api/5.0/fo/asset/host/', api: 'host-list', version: '5.0', isCurrent: true, auth: 'session-or-basic', methods: ['GET', 'POST'], handle: handleHostList},
	{path: '/api/2.0/fo/scan/', api: 'scan-list', version: '2.0', isCurrent: false, auth: 'session-or-basic', methods: ['GET', 'POST'], handle: handleScanList},
	{path: '/api/3.0/fo/scan/', api: 'scan-list', version: '3.0', isCurrent: true, auth: 'session-or-basic', methods: ['GET', 'POST'], handle: handleScanList},
	{path: '/msp/about.php', api: 'about', version: '1', isCurrent: false, auth: 'basic', methods: ['GET', 'POST'], handle: handleAbout},
];

/** The route for `path`, if any. */
export function findRoute(path: string): Route | undefined {
	return ROUTES.find((route) => route.path === path);
}
