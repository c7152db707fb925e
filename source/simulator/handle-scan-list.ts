import type {Call} from './call.js';
import {renderScanList} from './render-scan-list.js';
import {qualysResponse, type SimResponse} from './respond.js';
import {filterScans, parseScanQuery} from './scan-query.js';
import {simpleReturnResponse} from './simple-return-response.js';

/** `action=list` on the scan list (2.0 and 3.0). Not paged. */
export function handleScanList(call: Call): SimResponse {
	const query = parseScanQuery(call.params, call.context.options.now());
	if ('code' in query) {
		return simpleReturnResponse(call, 400, query);
	}
	const scans = call.faults.has('hostile-text') ? call.context.hostileScans : call.context.scans;
	const layout = {
		origin: call.origin,
		version: call.version,
		frame: call.frame,
		datetime: call.datetime,
		showOptionProfile: query.showOptionProfile,
		showAssetGroups: query.showAssetGroups,
		ignoreTarget: query.ignoreTarget,
	};
	return qualysResponse(200, renderScanList(layout, filterScans(scans, query)), {limitHeaders: call.limitHeaders});
}
