// Domain types shared by the client, the simulator and the UI.
// Nothing here imports anything: the simulator and the screens both depend on these names.

/**
 * An API function as Qualys counts it for rate and concurrency limits.
 * Limits are per subscription *and per API function* (qualys-api.md §6): the host list,
 * the scan list and about.php each have their own window. The session API has no limits.
 */
export type ApiFunction = 'session' | 'host-list' | 'scan-list' | 'about' | 'host-detail';

/** The API functions that carry limit headers, in the order the UI lists them. */
export const LIMITED_API_FUNCTIONS: readonly ApiFunction[] = ['host-list', 'scan-list', 'about'];

/** How the client authenticates: a `QualysSession` cookie (default) or Basic auth on every call. */
export type AuthMode = 'session' | 'basic';

/** Which generation of the list APIs to call: the current ones (host list 5.0, scan list 3.0) or the legacy 2.0 paths. */
export type ApiVersion = 'current' | '2.0';

export interface Credentials {
	readonly username: string;
	/** Lives only in memory; never logged, never put in an error, argv or file. */
	readonly password: string;
}

/** One reading of the six limit headers of one response. Missing or unreadable headers are `undefined`, never NaN. */
export interface RateLimit {
	readonly api: ApiFunction;
	/** `X-RateLimit-Limit`: calls allowed in the window. */
	readonly limit?: number;
	/** `X-RateLimit-Window-Sec`: length of the sliding window in seconds. */
	readonly windowSec?: number;
	/** `X-RateLimit-Remaining`: calls still allowed right now. */
	readonly remaining?: number;
	/** `X-RateLimit-ToWait-Sec`: seconds until a call will not be rate-blocked (0 when not blocked). */
	readonly toWaitSec?: number;
	/** `X-Concurrency-Limit-Limit`: calls of this API allowed at once. */
	readonly concurrencyLimit?: number;
	/** `X-Concurrency-Limit-Running`: calls running now, including the one that got this response. */
	readonly concurrencyRunning?: number;
	/** When the response carrying these headers arrived (epoch ms). */
	readonly readAt: number;
}

export interface HostTag {
	readonly id?: string;
	readonly name: string;
}

/**
 * A host from the host list. Every field but `id` is optional: what is present depends on
 * `details` and the `show_*` flags (qualys-api.md §4). Dates are ISO 8601 UTC strings as sent.
 */
export interface Host {
	readonly id: string;
	readonly assetId?: string;
	readonly ip?: string;
	readonly ipv6?: string;
	readonly trackingMethod?: string;
	readonly networkId?: string;
	readonly dns?: string;
	readonly fqdn?: string;
	readonly netbios?: string;
	readonly os?: string;
	readonly osCpe?: string;
	readonly qgHostId?: string;
	readonly cloudProvider?: string;
	readonly cloudResourceId?: string;
	readonly ec2InstanceId?: string;
	readonly tags?: readonly HostTag[];
	readonly lastVulnScan?: string;
	readonly lastVmScanned?: string;
	/** Seconds. */
	readonly lastVmScannedDuration?: number;
	readonly lastVmAuthScanned?: string;
	readonly lastComplianceScan?: string;
	readonly owner?: string;
	readonly comments?: string;
	readonly userDefined?: readonly string[];
	readonly assetGroupIds?: readonly string[];
}

/** `details` values of the host list. `None` returns only IDs (`ID_SET`). */
export type HostDetails = 'None' | 'Basic' | 'Basic/AGs' | 'All' | 'All/AGs';

/** One page of the host list, as it arrived. */
export interface HostPage {
	readonly hosts: readonly Host[];
	/** The `WARNING` 1980 URL to the next page, verbatim (trimmed); undefined on the last page. */
	readonly nextUrl?: string;
	/** `RESPONSE/DATETIME` of the page. */
	readonly datetime?: string;
	/** 1-based page number within this listing. */
	readonly pageNumber: number;
	/** Bytes of the response body. */
	readonly bytes: number;
}

/** Scan states accepted by the `state` filter (qualys-api.md §5); others the server sends are kept as-is. */
export type ScanState = 'Running' | 'Paused' | 'Canceled' | 'Finished' | 'Error' | 'Queued' | 'Loading' | (string & {});

export type ScanType = 'On-Demand' | 'Scheduled' | 'API' | (string & {});

/** Scan `DURATION`: `HH:MM:SS`, `N days HH:MM:SS`, or the literals `Pending` / `Running`. */
export type ScanDuration =
	| {readonly kind: 'elapsed'; readonly seconds: number}
	| {readonly kind: 'pending'}
	| {readonly kind: 'running'}
	| {readonly kind: 'unknown'; readonly text: string};

export interface Scan {
	readonly id?: string;
	/** `scan/<epoch>.<n>` and the like; the stable identity of a scan. */
	readonly ref: string;
	readonly type: ScanType;
	readonly title: string;
	readonly userLogin: string;
	/** ISO 8601 UTC. */
	readonly launched: string;
	readonly duration: ScanDuration;
	readonly processingPriority?: string;
	readonly processed?: boolean;
	readonly state: ScanState;
	readonly subState?: string;
	readonly target: string;
	readonly optionProfile?: {readonly title: string; readonly isDefault: boolean};
	readonly assetGroupTitles?: readonly string[];
}

/** `/msp/about.php`. */
export interface About {
	readonly apiVersion?: string;
	readonly webVersion?: string;
	readonly scannerVersion?: string;
	readonly vulnsigsVersion?: string;
}

export interface ListHostsOptions {
	/** `truncation_limit`: hosts per page. @default 1000 */
	readonly pageSize?: number;
	/** @default 'Basic' */
	readonly details?: HostDetails;
	/** Extra host-list parameters (`ips`, `ids`, `os_pattern`, `show_tags`, ...), sent as given. */
	readonly filters?: Readonly<Record<string, string>>;
	/**
	 * Resume a listing at a next-page URL a previous listing returned (`HostPage.nextUrl`), e.g. after
	 * a new login. Checked like any next-page URL (same origin as the server); the other options are ignored.
	 */
	readonly startUrl?: string;
	readonly signal?: AbortSignal;
	/**
	 * Told at most once, while page 1 is still arriving, of the hosts its body holds so far (once
	 * 32 KiB are in), so a screen can show rows before the page is complete. A preview only: page 1
	 * is yielded (or the error thrown) as usual, and whoever shows these must drop them if it errs.
	 */
	readonly onFirstHosts?: (hosts: readonly Host[]) => void;
}

export interface ListScansOptions {
	readonly state?: readonly ScanState[];
	readonly type?: ScanType;
	/** `launched_after_datetime` (`YYYY-MM-DD` or ISO UTC). Unset = the API's own default window (30 days). */
	readonly launchedAfter?: string;
	readonly processed?: boolean;
	readonly signal?: AbortSignal;
}

/** What changed on the client, for subscribers (the UI's live quota and session state). */
export type ClientEvent =
	| {readonly type: 'rate-limit'; readonly reading: RateLimit}
	| {readonly type: 'call'; readonly api: ApiFunction; readonly status: number}
	| {readonly type: 'session'; readonly state: 'active' | 'relogin' | 'expired' | 'logged-out'}
	/** Bytes of the response body received so far, per chunk. */
	| {readonly type: 'progress'; readonly api: ApiFunction; readonly bytes: number; readonly totalBytes?: number};

/**
 * The Qualys API as the rest of the program sees it. Implemented by `createQualysClient` in
 * `client.ts`; React never sees ofetch or headers, only this.
 */
export interface QualysClient {
	readonly baseUrl: string;
	readonly username: string;
	readonly authMode: AuthMode;
	readonly apiVersion: ApiVersion;
	/** Session mode: POST /api/2.0/fo/session/ action=login. Basic mode: a no-op until the first call proves the credentials (or `about()`). */
	login(signal?: AbortSignal): Promise<void>;
	/** Ends the session; never throws; bounded by `timeoutMs`. Safe to call twice or when not logged in. */
	logout(options?: {readonly timeoutMs?: number}): Promise<void>;
	/** Pages of hosts, one call per page, fetched lazily as the iterator is pulled. */
	listHosts(options?: ListHostsOptions): AsyncGenerator<HostPage, void, undefined>;
	/** One host with `details=All` and tags, one call. */
	getHost(id: string, signal?: AbortSignal): Promise<Host | undefined>;
	listScans(options?: ListScansOptions): Promise<readonly Scan[]>;
	/** `/msp/about.php` with Basic auth (the session cookie is scoped to /api). */
	about(signal?: AbortSignal): Promise<About>;
	/** The latest limit reading per API function. */
	rateLimits(): ReadonlyMap<ApiFunction, RateLimit>;
	/** Calls made by this client per API function (every request that reached the server). */
	callCounts(): ReadonlyMap<ApiFunction, number>;
	/** Subscribe to client events; returns the unsubscribe function. */
	subscribe(listener: (event: ClientEvent) => void): () => void;
	/** True while a session is open (session mode) or credentials were accepted (Basic). */
	readonly isLoggedIn: boolean;
	/** When the current session was opened (epoch ms), if any. */
	readonly sessionStartedAt?: number;
}
