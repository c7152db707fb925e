import type {IncomingMessage, ServerResponse} from 'node:http';
import {parseBasicAuth} from './basic-auth.js';
import type {Call} from './call.js';
import type {SimContext} from './context.js';
import {qualysDateTime} from './datetime.js';
import {entityBombBody, malformedBody} from './fault-bodies.js';
import {CAPTIVE_PORTAL_PAGE, HTML_TYPE, NOT_FOUND_PAGE, PROXY_ERROR_PAGE} from './html-pages.js';
import {invalidValue, wrongMethod} from './param-error.js';
import {formatWait, type HeaderList} from './quota.js';
import {readParams} from './request-params.js';
import {AUTH_ERROR_TYPE, delay, qualysResponse, sendResponse, untilClosed, type Delivery, type SimResponse} from './respond.js';
import type {Route} from './routes.js';
import {sessionExpiredResponse} from './session-expired-response.js';
import {readCookie} from './sessions.js';
import {badLoginResponse, simpleReturnResponse} from './simple-return-response.js';
import type {FaultName, FaultSpec, LimitedApi} from './types.js';

// The latency fault's delay when it names none.
const DEFAULT_FAULT_LATENCY_MS = 1000;

/** Answers 404 the way the front end does for an unknown URL: a small HTML page. */
export async function answerNotFound(context: SimContext, request: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
	context.recorder.request({method: request.method ?? '', path, api: 'unknown', status: 404});
	await sendResponse(res, qualysResponse(404, NOT_FOUND_PAGE, {contentType: HTML_TYPE}));
}

/**
 * Runs one Qualys call through the same gates as the real service, in this order: proxy-level faults,
 * X-Requested-With, authentication (no limit headers on failures), concurrency then rate limit (409s),
 * method and parameters (400s, counted, with limit headers), the handler, and body-level faults.
 */
export async function handleQualys(context: SimContext, route: Route, request: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
	const {options, quota, sessions, recorder} = context;
	const faults = context.faults.forRequest(route.api);
	const method = request.method ?? '';
	const params = await readParams(request, url);
	const origin = originOf(request, url);
	const frame = {isEvaluation: options.evaluationComments};
	const target = {origin, frame, datetime: qualysDateTime(options.now())};
	let limitHeaders: HeaderList = [];

	const answer = async (response: SimResponse, delivery?: Delivery): Promise<void> => {
		recorder.request({method, path: url.pathname, api: route.api, status: response.status});
		await sendResponse(res, response, delivery);
	};

	if (faults.has('legacy-only') && route.isCurrent) {
		return answerNotFound(context, request, res, url.pathname);
	}
	if (faults.has('hang')) {
		// Accept the request and never answer; close() drops the connection.
		return untilClosed(res);
	}
	if (faults.has('html-502')) {
		return answer({status: 502, headers: [['Server', 'nginx'], ['Content-Type', 'text/html']], body: PROXY_ERROR_PAGE});
	}
	if (faults.has('html-200')) {
		return answer({status: 200, headers: [['Content-Type', 'text/html; charset=utf-8']], body: CAPTIVE_PORTAL_PAGE});
	}
	const requestedWith = request.headers['x-requested-with'];
	if (options.missingRequestedWith === 'reject' && (typeof requestedWith !== 'string' || requestedWith.trim() === '')) {
		// [U] The real answer is unknown (qualys-api.md §2); a 400 SIMPLE_RETURN is the documented suggestion.
		return answer(simpleReturnResponse(target, 400, {code: 1903, text: 'Missing required header(s): X-Requested-With'}));
	}

	let username = '';
	if (route.auth !== 'none') {
		const auth = authenticate(context, route, request);
		if (auth.kind === 'bad') {
			return answer(badLoginResponse(target));
		}
		if (auth.kind === 'dead-cookie') {
			return answer(sessionExpiredResponse({...target, context}));
		}
		username = auth.username;
		if (auth.cookie !== undefined) {
			const session = sessions.get(auth.cookie)!;
			const expiry = context.faults.sessionExpiry(route.api);
			if (expiry && session.calls >= (expiry.afterCalls ?? 0)) {
				sessions.close(auth.cookie);
				recorder.expiredSession();
				context.faults.useSessionExpiry(expiry);
				return answer(sessionExpiredResponse({...target, context}));
			}
			session.calls++;
		}
		if (faults.has('expired-account')) {
			// Observed with HTTP 200, not 401: a 200 can carry an error.
			return answer(simpleReturnResponse(target, 200, {code: 2001, text: 'This account has expired.'}, {contentType: AUTH_ERROR_TYPE}));
		}
		if (faults.has('registration-incomplete')) {
			return answer(simpleReturnResponse(target, 409, {code: 2003, text: 'Registration must be completed before API requests will be served for this account'}));
		}
	}

	if (route.api !== 'session') {
		const api: LimitedApi = route.api;
		if (faults.has('rate-limit-body-only')) {
			const wait = quota.peek(api).secondsToWait || options.windowSec;
			return answer(rateLimitResponse({...target, limitHeaders: quota.rateHeaders(api, wait, false)}, wait));
		}
		const decision = quota.acquire(api);
		if (decision.kind === 'concurrency') {
			const n = decision.callsToFinish;
			return answer(
				simpleReturnResponse({...target, limitHeaders: decision.headers}, 409, {
					code: 1960,
					text: `This API cannot be run again until ${n} currently running API instance(s) has finished.`,
					items: [['CALLS_TO_FINISH', String(n)]],
				}),
			);
		}
		if (decision.kind === 'rate') {
			return answer(rateLimitResponse({...target, limitHeaders: decision.headers}, decision.secondsToWait));
		}
		// Running from acceptance until the response is over (or the client left).
		res.once('close', decision.release);
		limitHeaders = decision.headers;
		await delay(options.latencyMs, res);
	}
	await delay(faultLatency(faults), res);

	const call: Call = {context, request, params, origin, version: route.version, path: route.path, frame, datetime: target.datetime, limitHeaders, faults, username};
	let response: SimResponse;
	if (!route.methods.includes(method)) {
		response = simpleReturnResponse(call, 400, wrongMethod(method, route.methods.join(' or ')));
	} else if (faults.has('bad-param-no-decl') && route.api !== 'session') {
		// Real 400s can start straight at <!DOCTYPE, without the XML declaration.
		response = simpleReturnResponse({...call, frame: {...frame, withoutDeclaration: true}}, 400, invalidValue('ids', 'abc123', 'neither a positive integer nor a range: abc123'));
	} else {
		response = route.handle(call);
	}
	await answer(...applyBodyFaults(response, faults, route, target.datetime));
}

/** Who is calling, by cookie (resource paths under /api only) or Basic auth. */
function authenticate(context: SimContext, route: Route, request: IncomingMessage): {kind: 'ok'; username: string; cookie?: string} | {kind: 'bad'} | {kind: 'dead-cookie'} {
	const cookie = route.auth === 'session-or-basic' ? readCookie(request.headers.cookie, 'QualysSession') : undefined;
	const session = cookie === undefined ? undefined : context.sessions.get(cookie);
	if (session) {
		return {kind: 'ok', username: session.username, cookie};
	}
	const basic = parseBasicAuth(request.headers.authorization);
	const users = context.options.users;
	if (basic && Object.hasOwn(users, basic.username) && users[basic.username] === basic.password) {
		return {kind: 'ok', username: basic.username};
	}
	return cookie !== undefined && !request.headers.authorization ? {kind: 'dead-cookie'} : {kind: 'bad'};
}

function rateLimitResponse(target: Parameters<typeof simpleReturnResponse>[0], seconds: number): SimResponse {
	return simpleReturnResponse(target, 409, {
		code: 1965,
		text: `This API cannot be run again for another ${formatWait(seconds)}.`,
		items: [['SECONDS_TO_WAIT', String(seconds)]],
	});
}

function faultLatency(faults: ReadonlyMap<FaultName, FaultSpec>): number {
	const latency = faults.get('latency');
	return latency ? (latency.ms ?? DEFAULT_FAULT_LATENCY_MS) : 0;
}

/** Swaps or cuts the body for the body-level faults; headers stay as the real response had them. */
function applyBodyFaults(response: SimResponse, faults: ReadonlyMap<FaultName, FaultSpec>, route: Route, datetime: string): [SimResponse, Delivery?] {
	if (faults.has('empty-200')) {
		return [{...response, status: 200, body: ''}];
	}
	if (faults.has('entity-bomb')) {
		return [{...response, status: 200, body: entityBombBody(route.api, datetime)}];
	}
	if (faults.has('malformed')) {
		return [{...response, status: 200, body: malformedBody(route.api, datetime)}];
	}
	const cut = (name: FaultName, ending: Delivery['ending']): [SimResponse, Delivery] => {
		const size = typeof response.body === 'string' ? Buffer.byteLength(response.body) : Number.POSITIVE_INFINITY;
		// Default cut: a bit past half of a small body, 32 kB into a streamed one.
		const bytes = faults.get(name)!.bytes;
		const cutAt = bytes ?? (Number.isFinite(size) ? Math.floor(size * 0.6) : 32 * 1024);
		// An explicit byte count is honoured exactly; otherwise truncated ends inside a tag.
		return [response, {cutAt, ending, isMidElement: name === 'truncated' && bytes === undefined}];
	};
	if (faults.has('truncated')) {
		return cut('truncated', 'end');
	}
	if (faults.has('reset')) {
		return cut('reset', 'destroy');
	}
	if (faults.has('stall-body')) {
		return cut('stall-body', 'stall');
	}
	return [response];
}

/** `http://<Host header>` when it looks like a host, else the server's own URL: DTDs and paging URLs name the serving host. */
function originOf(request: IncomingMessage, url: URL): string {
	const host = request.headers.host;
	return host && /^[A-Za-z0-9.-]+(?::\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](?::\d{1,5})?$/.test(host) ? `http://${host}` : url.origin;
}
