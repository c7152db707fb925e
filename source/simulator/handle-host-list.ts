import type {Call} from './call.js';
import {matchingIndexes, parseHostQuery} from './host-query.js';
import {renderHostList, type HostListWarning} from './render-host-list.js';
import {qualysResponse, type SimResponse} from './respond.js';
import {simpleReturnResponse} from './simple-return-response.js';

// Where the foreign-next-url fault points the paging URL.
const FOREIGN_ORIGIN = 'https://evil.example.com';
// The huge fault's default body size.
const HUGE_DEFAULT_BYTES = 50 * 1024 * 1024;

/** `action=list` on the host list (2.0 and 5.0); also serves the one-host detail fetch (`ids=<id>&details=All`). */
export function handleHostList(call: Call): SimResponse {
	const query = parseHostQuery(call.params);
	if ('code' in query) {
		return simpleReturnResponse(call, 400, query);
	}
	const {hosts} = call.context;
	const isHostile = call.faults.has('hostile-text');
	const layout = {
		origin: call.origin,
		version: call.version,
		frame: call.frame,
		datetime: call.datetime,
		details: query.details,
		showTags: query.showTags,
		showAssetId: query.showAssetId,
	};
	const matches = matchingIndexes(hosts, query);

	const huge = call.faults.get('huge');
	if (huge) {
		// Valid hosts from the first match on, past the configured count if need be, until the body is big enough.
		const target = huge.bytes ?? HUGE_DEFAULT_BYTES;
		let produced = 0;
		const first = matches.next();
		const start = first.done ? 0 : first.value;
		const bigHosts = (function* () {
			for (let index = start; produced < target; index++) {
				yield hosts.hostAt(index, isHostile);
			}
		})();
		const pieces = renderHostList(layout, bigHosts, () => undefined);
		return qualysResponse(200, (function* () {
			for (const piece of pieces) {
				produced += piece.length;
				yield piece;
			}
		})(), {limitHeaders: call.limitHeaders});
	}

	const limit = query.truncationLimit;
	let nextIndex: number | undefined;
	const page = (function* () {
		let count = 0;
		for (const index of matches) {
			if (limit > 0 && count === limit) {
				nextIndex = index;
				return;
			}
			count++;
			yield hosts.hostAt(index, isHostile);
		}
	})();
	const warning = (): HostListWarning | undefined => {
		if (nextIndex === undefined) {
			return undefined;
		}
		// The URL repeats the caller's parameters, minus any old id_min, plus the next page's first ID.
		const next = new URLSearchParams(call.params.filter(([name]) => name !== 'id_min') as Array<[string, string]>);
		next.set('id_min', String(hosts.idAt(nextIndex)));
		const origin = call.faults.has('foreign-next-url') ? FOREIGN_ORIGIN : call.origin;
		return {limit, url: `${origin}${call.path}?${next.toString()}`};
	};
	return qualysResponse(200, renderHostList(layout, page, warning), {limitHeaders: call.limitHeaders});
}
