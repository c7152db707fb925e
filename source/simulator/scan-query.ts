import {parseQualysDate} from './datetime.js';
import {checkListRequest, invalidValue, isFlag, type ParamError} from './param-error.js';
import {getParam, type Params} from './request-params.js';
import type {SimScan} from './scan-data.js';

const KNOWN_PARAMS = new Set([
	'action', 'echo_request', 'scan_ref', 'state', 'processed', 'type', 'target', 'user_login', 'launched_after_datetime',
	'launched_before_datetime', 'show_ags', 'show_op', 'show_status', 'show_last', 'ignore_target', 'scan_type',
	'client_id', 'client_name', 'pci_only',
]);

const STATES = new Set(['Running', 'Paused', 'Canceled', 'Finished', 'Error', 'Queued', 'Loading']);
const TYPES = new Set(['On-Demand', 'Scheduled', 'API']);

// "By default lists scans launched in the past 30 days" (qualys-api.md §5).
const DEFAULT_WINDOW_MS = 30 * 86_400_000;

/** A validated scan list request. */
export interface ScanQuery {
	readonly states?: ReadonlySet<string>;
	readonly type?: string;
	readonly processed?: boolean;
	readonly launchedAfterMs: number;
	readonly launchedBeforeMs?: number;
	readonly scanRef?: string;
	readonly userLogin?: string;
	readonly showOptionProfile: boolean;
	readonly showAssetGroups: boolean;
	readonly ignoreTarget: boolean;
	readonly showLast: boolean;
}

/** Validates scan list parameters; dates default to the last 30 days before `nowMs`. */
export function parseScanQuery(params: Params, nowMs: number): ScanQuery | ParamError {
	const requestError = checkListRequest(params, KNOWN_PARAMS);
	if (requestError) {
		return requestError;
	}
	for (const flag of ['processed', 'show_ags', 'show_op', 'show_status', 'show_last', 'ignore_target', 'echo_request', 'pci_only']) {
		const value = getParam(params, flag);
		if (value !== undefined && !isFlag(value)) {
			return invalidValue(flag, value);
		}
	}
	const state = getParam(params, 'state');
	const states = state === undefined ? undefined : state.split(',').map((value) => value.trim());
	const badState = states?.find((value) => !STATES.has(value));
	if (badState !== undefined) {
		return invalidValue('state', state!, `unknown state: ${badState}`);
	}
	const type = getParam(params, 'type');
	if (type !== undefined && !TYPES.has(type)) {
		return invalidValue('type', type);
	}
	const dates: Record<string, number | undefined> = {};
	for (const name of ['launched_after_datetime', 'launched_before_datetime']) {
		const value = getParam(params, name);
		if (value !== undefined) {
			dates[name] = parseQualysDate(value);
			if (dates[name] === undefined) {
				return invalidValue(name, value, 'expected YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ');
			}
		}
	}
	const processed = getParam(params, 'processed');
	return {
		states: states && new Set(states),
		type,
		processed: processed === undefined ? undefined : processed === '1',
		launchedAfterMs: dates['launched_after_datetime'] ?? nowMs - DEFAULT_WINDOW_MS,
		launchedBeforeMs: dates['launched_before_datetime'],
		scanRef: getParam(params, 'scan_ref'),
		userLogin: getParam(params, 'user_login'),
		showOptionProfile: getParam(params, 'show_op') === '1',
		showAssetGroups: getParam(params, 'show_ags') === '1',
		ignoreTarget: getParam(params, 'ignore_target') === '1',
		showLast: getParam(params, 'show_last') === '1',
	};
}

/** The scans `query` selects, newest first. */
export function filterScans(scans: readonly SimScan[], query: ScanQuery): SimScan[] {
	const selected = scans.filter(
		(scan) =>
			// A scan_ref names one scan regardless of the date window.
			(query.scanRef !== undefined ? scan.ref === query.scanRef : scan.launchedMs >= query.launchedAfterMs) &&
			(query.launchedBeforeMs === undefined || scan.launchedMs <= query.launchedBeforeMs) &&
			(!query.states || query.states.has(scan.state)) &&
			(query.type === undefined || scan.type === query.type) &&
			(query.processed === undefined || scan.processed === query.processed) &&
			(query.userLogin === undefined || scan.userLogin === query.userLogin),
	);
	return query.showLast ? selected.slice(0, 1) : selected;
}
