import type {Resource} from './api-paths.js';
import type {ParsedHostList} from './parse-host-list.js';
import type {ApiFunction, Host} from './types.js';
import type {XmlNode} from './xml.js';

/** One API call as hosts.ts / scans.ts describe it; client.ts sends it. */
export interface ApiCall {
	/** The Qualys API function: queue and limit readings are keyed by it. */
	readonly api: ApiFunction;
	/** Counted (callCounts, 'call' events) under this name instead of `api`. */
	readonly countAs?: ApiFunction;
	/** A resource from the path table (POST, form body), or… */
	readonly resource?: Resource;
	readonly params?: URLSearchParams;
	/** …an absolute URL given by the server (next page), requested with GET as given. */
	readonly url?: string;
	/** Root element of the expected success document. */
	readonly expectedRoot: string;
	/** about.php always uses Basic auth: the session cookie is scoped to /api. */
	readonly forceBasicAuth?: boolean;
	readonly signal?: AbortSignal;
	/**
	 * For a host list: told once of the hosts at the start of a 200 body while the rest is still
	 * arriving (see ListHostsOptions.onFirstHosts). The result, or the error, follows as usual.
	 */
	readonly onFirstHosts?: (hosts: readonly Host[]) => void;
}

/** A successful call: the parsed document (or, for a large host list parsed in the worker thread, the mapped page) and the body size. */
export type ApiResult =
	| {readonly document: XmlNode; readonly hostList?: undefined; readonly bytes: number}
	| {readonly document?: undefined; readonly hostList: ParsedHostList; readonly bytes: number};

/** What the resource modules need from the client. */
export interface ApiCaller {
	/** Origin of the API server, e.g. `https://qualysapi.qualys.com`. */
	readonly baseUrl: string;
	call(call: ApiCall): Promise<ApiResult>;
}
