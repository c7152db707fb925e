import {getParam, unknownParams, type Params} from './request-params.js';

/** A request error Qualys reports as HTTP 400 SIMPLE_RETURN (qualys-api.md §7). */
export interface ParamError {
	readonly code: 1901 | 1903 | 1905 | 1908;
	readonly text: string;
}

/** 1901: the request has parameters the action does not know. */
export function unrecognizedParams(names: readonly string[]): ParamError {
	return {code: 1901, text: `Unrecognized parameter(s): ${names.join(', ')}`};
}

/** 1903: a required parameter is missing. */
export function missingParam(name: string): ParamError {
	return {code: 1903, text: `Missing required parameter(s): ${name}`};
}

/** 1905: a value does not parse; `reason` is appended in parentheses as in real traffic. */
export function invalidValue(name: string, value: string, reason?: string): ParamError {
	return {code: 1905, text: `parameter ${name} has invalid value: ${value}${reason ? ` (${reason})` : ''}`};
}

/** 1908: the action does not accept this HTTP method. */
export function wrongMethod(method: string, allowed: string): ParamError {
	return {code: 1908, text: `Request method (${method}) is incompatible with this request. Use ${allowed}.`};
}

/** True when `value` is `0` or `1`, the only booleans Qualys accepts. */
export function isFlag(value: string): boolean {
	return value === '0' || value === '1';
}

/**
 * The checks every list request goes through first, in Qualys' order: unknown names (1901), a
 * missing action (1903), an action other than `list` (1905). Undefined when they pass.
 */
export function checkListRequest(params: Params, knownParams: ReadonlySet<string>): ParamError | undefined {
	const unknown = unknownParams(params, knownParams);
	if (unknown.length > 0) return unrecognizedParams(unknown);
	const action = getParam(params, 'action');
	if (action === undefined) return missingParam('action');
	if (action !== 'list') return invalidValue('action', action);
	return undefined;
}
