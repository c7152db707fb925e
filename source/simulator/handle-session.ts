import {randomBytes} from 'node:crypto';
import type {Call} from './call.js';
import {invalidValue, missingParam, unrecognizedParams} from './param-error.js';
import {getParam, unknownParams} from './request-params.js';
import {AUTH_ERROR_TYPE, type SimResponse} from './respond.js';
import {readCookie} from './sessions.js';
import {badLoginResponse, simpleReturnResponse} from './simple-return-response.js';
import {sessionExpiredResponse} from './session-expired-response.js';

const KNOWN_PARAMS = new Set(['action', 'username', 'password', 'echo_request']);

/** The session API `/api/2.0/fo/session/`: login and logout (POST only, checked by the route), no limits (qualys-api.md §3). */
export function handleSession(call: Call): SimResponse {
	const {sessions, recorder, options} = call.context;
	const unknown = unknownParams(call.params, KNOWN_PARAMS);
	if (unknown.length > 0) {
		return simpleReturnResponse(call, 400, unrecognizedParams(unknown));
	}
	const action = getParam(call.params, 'action');
	if (action === 'login') {
		const username = getParam(call.params, 'username') ?? '';
		const password = getParam(call.params, 'password');
		if (!Object.hasOwn(options.users, username) || options.users[username] !== password) {
			recorder.failedLogin();
			return badLoginResponse(call);
		}
		if (call.faults.has('expired-account')) {
			return simpleReturnResponse(call, 200, {code: 2001, text: 'This account has expired.'}, {contentType: AUTH_ERROR_TYPE});
		}
		if (call.faults.has('registration-incomplete')) {
			return simpleReturnResponse(call, 409, {code: 2003, text: 'Registration must be completed before API requests will be served for this account'});
		}
		const cookie = sessions.open(username);
		recorder.login();
		// Two separate Set-Cookie headers, the second one unrelated, so clients must parse cookies generically.
		const setCookie = [`QualysSession=${cookie}; path=/api; secure; HttpOnly`, `DWRSESSIONID=${randomBytes(20).toString('base64url')}; path=/api; secure; HttpOnly`];
		return simpleReturnResponse(call, 200, {text: 'Logged in'}, {extra: [['Set-Cookie', setCookie]]});
	}
	if (action === 'logout') {
		const cookie = readCookie(call.request.headers.cookie, 'QualysSession');
		if (cookie === undefined || !sessions.close(cookie)) {
			return sessionExpiredResponse(call);
		}
		recorder.logout();
		return simpleReturnResponse(call, 200, {text: 'Logged out'});
	}
	return simpleReturnResponse(call, 400, action === undefined ? missingParam('action') : invalidValue('action', action));
}
