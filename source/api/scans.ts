import type {ApiCaller} from './api-call.js';
import {parseScanList} from './parse-scan-list.js';
import type {ListScansOptions, Scan} from './types.js';

/**
 * The scan list (qualys-api.md §5), one POST. No `launched_after_datetime` unless given, so the
 * API's own default window (30 days) applies. STATUS is asked for explicitly rather than relying
 * on its (unconfirmed) default.
 */
export async function listScans(caller: ApiCaller, options: ListScansOptions = {}): Promise<readonly Scan[]> {
	// show_op / show_ags fill Scan.optionProfile / assetGroupTitles.
	const params = new URLSearchParams({action: 'list', show_status: '1', show_op: '1', show_ags: '1'});
	if (options.state && options.state.length > 0) params.set('state', options.state.join(','));
	if (options.type) params.set('type', options.type);
	if (options.launchedAfter) params.set('launched_after_datetime', options.launchedAfter);
	if (options.processed !== undefined) params.set('processed', options.processed ? '1' : '0');
	const result = await caller.call({api: 'scan-list', resource: 'scan', params, expectedRoot: 'SCAN_LIST_OUTPUT', signal: options.signal});
	return parseScanList(result.document!);
}
