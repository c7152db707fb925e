import type {Call} from './call.js';
import {renderAbout} from './render-about.js';
import {qualysResponse, type SimResponse} from './respond.js';

/** `/msp/about.php`: version information, with limit headers like any other API. */
export function handleAbout(call: Call): SimResponse {
	return qualysResponse(200, renderAbout(call.origin, call.frame, call.username, call.datetime), {limitHeaders: call.limitHeaders});
}
