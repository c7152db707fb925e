import type {ApiCaller} from './api-call.js';
import {parseAbout} from './parse-about.js';
import type {About} from './types.js';

/** `/msp/about.php` — v1, GET, always Basic auth (the session cookie is scoped to /api). */
export async function about(caller: ApiCaller, signal?: AbortSignal): Promise<About> {
	const result = await caller.call({api: 'about', resource: 'about', expectedRoot: 'ABOUT', forceBasicAuth: true, signal});
	return parseAbout(result.document!);
}
