import type {HostDetails} from '../api/types.js';
import type {HostData} from './host-data.js';
import {parseIpRanges, type NumberRange} from './ip-address.js';
import {checkListRequest, invalidValue, isFlag, type ParamError} from './param-error.js';
import {getParam, type Params} from './request-params.js';

// Parameters of host list (qualys-api.md §4). The ones the simulator does not model are accepted and
// ignored, so clients sending them are not told "unrecognized".
const KNOWN_PARAMS = new Set([
	'action', 'echo_request', 'truncation_limit', 'details', 'ids', 'id_min', 'id_max', 'ips', 'ipv6', 'ag_ids', 'ag_titles',
	'network_ids', 'os_pattern', 'vm_scan_since', 'no_vm_scan_since', 'compliance_scan_since', 'no_compliance_scan_since',
	'scap_scan_since', 'no_scap_scan_since', 'vm_processed_before', 'vm_processed_after', 'vm_scan_date_before',
	'vm_scan_date_after', 'vm_auth_scan_date_before', 'vm_auth_scan_date_after', 'compliance_enabled', 'use_tags',
	'tag_set_by', 'tag_include_selector', 'tag_exclude_selector', 'tag_set_include', 'tag_set_exclude', 'show_tags',
	'show_asset_id', 'show_ars', 'ars_min', 'ars_max', 'show_ars_factors', 'show_trurisk', 'trurisk_min', 'trurisk_max',
	'show_trurisk_factors', 'host_metadata', 'host_metadata_fields', 'show_cloud_tags', 'cloud_tag_fields',
]);

const DETAILS: readonly HostDetails[] = ['None', 'Basic', 'Basic/AGs', 'All', 'All/AGs'];

/** Default page size (qualys-api.md §4). */
export const DEFAULT_TRUNCATION_LIMIT = 1000;

/** A validated host list request. */
export interface HostQuery {
	/** 0 = everything in one response. */
	readonly truncationLimit: number;
	readonly details: HostDetails;
	readonly showTags: boolean;
	readonly showAssetId: boolean;
	readonly idMin?: number;
	readonly idMax?: number;
	readonly ids?: readonly NumberRange[];
	readonly ips?: readonly NumberRange[];
	readonly osPattern?: RegExp;
}

/** Validates host list parameters in Qualys' order: unknown names (1901), missing action (1903), bad values (1905). */
export function parseHostQuery(params: Params): HostQuery | ParamError {
	const requestError = checkListRequest(params, KNOWN_PARAMS);
	if (requestError) {
		return requestError;
	}
	const limitText = getParam(params, 'truncation_limit') ?? String(DEFAULT_TRUNCATION_LIMIT);
	if (!/^\d{1,9}$/.test(limitText)) {
		return invalidValue('truncation_limit', limitText, 'not a non-negative integer');
	}
	const details = (getParam(params, 'details') ?? 'Basic') as HostDetails;
	if (!DETAILS.includes(details)) {
		return invalidValue('details', details);
	}
	for (const flag of ['show_tags', 'show_asset_id', 'echo_request']) {
		const value = getParam(params, flag);
		if (value !== undefined && !isFlag(value)) {
			return invalidValue(flag, value);
		}
	}
	const query: {-readonly [K in keyof HostQuery]: HostQuery[K]} = {
		truncationLimit: Number(limitText),
		details,
		showTags: getParam(params, 'show_tags') === '1',
		showAssetId: getParam(params, 'show_asset_id') === '1',
	};
	for (const [name, key] of [['id_min', 'idMin'], ['id_max', 'idMax']] as const) {
		const value = getParam(params, name);
		if (value !== undefined) {
			if (!/^[1-9]\d{0,14}$/.test(value)) {
				return invalidValue(name, value, 'not a positive integer');
			}
			query[key] = Number(value);
		}
	}
	const ids = getParam(params, 'ids');
	if (ids !== undefined) {
		const ranges = parseIdRanges(ids);
		if (typeof ranges === 'string') {
			return invalidValue('ids', ids, `neither a positive integer nor a range: ${ranges}`);
		}
		query.ids = ranges;
	}
	const ips = getParam(params, 'ips');
	if (ips !== undefined) {
		const ranges = parseIpRanges(ips);
		if (!ranges) {
			return invalidValue('ips', ips, 'not an IP address, range or list of them');
		}
		query.ips = ranges;
	}
	const osPattern = getParam(params, 'os_pattern');
	if (osPattern !== undefined) {
		try {
			query.osPattern = new RegExp(osPattern);
		} catch {
			return invalidValue('os_pattern', osPattern, 'not a valid regular expression');
		}
	}
	return query;
}

/** `1,5,100-200` → ranges; on failure, the offending element. */
function parseIdRanges(text: string): NumberRange[] | string {
	const ranges: NumberRange[] = [];
	for (const element of text.split(',')) {
		const match = /^\s*([1-9]\d{0,14})(?:-([1-9]\d{0,14}))?\s*$/.exec(element);
		if (!match || (match[2] !== undefined && Number(match[2]) < Number(match[1]))) {
			return element;
		}
		ranges.push({low: Number(match[1]), high: Number(match[2] ?? match[1])});
	}
	return ranges;
}

/**
 * Indexes of the hosts matching `query`, ascending (so IDs ascend). ID filters become index intervals
 * by arithmetic, so a page deep into a million hosts starts at once; IP and OS filters are checked per host.
 */
export function* matchingIndexes(data: HostData, query: HostQuery): Generator<number> {
	const idRanges = query.ids ?? [{low: 1, high: Number.MAX_SAFE_INTEGER}];
	const intervals = idRanges
		.map(({low, high}) => ({
			first: data.indexAtOrAbove(Math.max(low, query.idMin ?? 1)),
			last: Math.min(data.indexAtOrBelow(Math.min(high, query.idMax ?? Number.MAX_SAFE_INTEGER)), data.count - 1),
		}))
		.filter(({first, last}) => first <= last)
		.sort((a, b) => a.first - b.first);
	let next = 0;
	for (const {first, last} of intervals) {
		// Overlapping `ids` ranges must not list a host twice.
		for (let index = Math.max(first, next); index <= last; index++) {
			if (query.ips && !query.ips.some(({low, high}) => data.ipAt(index) >= low && data.ipAt(index) <= high)) {
				continue;
			}
			if (query.osPattern && !query.osPattern.test(data.hostAt(index).os ?? '')) {
				continue;
			}
			yield index;
		}
		next = Math.max(next, last + 1);
	}
}
