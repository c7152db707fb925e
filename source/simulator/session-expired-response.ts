import {qualysResponse, AUTH_ERROR_TYPE, type SimResponse} from './respond.js';
import {badLoginResponse, type SimpleReturnTarget} from './simple-return-response.js';
import type {ResolvedOptions} from './context.js';

/** What a dead session cookie gets: `options.sessionExpiredResponse`, by default 401/2000 like a bad password ([U]). */
export function sessionExpiredResponse(call: SimpleReturnTarget & {readonly context: {readonly options: ResolvedOptions}}): SimResponse {
	const canned = call.context.options.sessionExpiredResponse;
	if (!canned) {
		return badLoginResponse(call);
	}
	const body = canned.body.replaceAll('{{DATETIME}}', call.datetime).replaceAll('{{ORIGIN}}', call.origin);
	return qualysResponse(canned.status, body, {contentType: canned.contentType ?? AUTH_ERROR_TYPE});
}
