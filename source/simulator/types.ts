// Public shapes of the simulator: its options, its fault switches and the state it reports.
// Other code (tests, the CLI's --demo and `simulate`) depends on these names; keep them stable.

/** The API functions the simulator serves, as counted in its state and matched by faults. */
export type SimulatorApi = 'session' | 'host-list' | 'scan-list' | 'about';

/** The API functions with their own rate and concurrency counters (qualys-api.md §6: the session API has none). */
export type LimitedApi = Exclude<SimulatorApi, 'session'>;

/** Every switchable failure. Other code depends on these exact names. */
export const FAULT_NAMES = [
	'latency',
	'expired-account',
	'registration-incomplete',
	'session-expiry',
	'html-502',
	'html-200',
	'empty-200',
	'truncated',
	'malformed',
	'entity-bomb',
	'reset',
	'hang',
	'stall-body',
	'hostile-text',
	'huge',
	'foreign-next-url',
	'bad-param-no-decl',
	'rate-limit-body-only',
	'legacy-only',
] as const;

export type FaultName = (typeof FAULT_NAMES)[number];

/** One switched-on failure. */
export interface FaultSpec {
	readonly name: FaultName;
	/**
	 * Which API it hits. `'all'` means the three resource APIs; it reaches the session API only for the
	 * faults that are about logging in (`expired-account`, `registration-incomplete`). Name `'session'`
	 * explicitly to break login with any other fault.
	 * @default 'all'
	 */
	readonly api?: SimulatorApi | 'all';
	/** How many matching responses it affects (for `session-expiry`: how many sessions it expires). @default unlimited */
	readonly times?: number;
	/** `latency`: delay before responding. @default 1000 */
	readonly ms?: number;
	/**
	 * Matching calls to let through untouched before the fault starts.
	 * For `session-expiry`: resource calls a session may make before its cookie stops working. @default 0
	 */
	readonly afterCalls?: number;
	/** `huge`: body size (default 50 MiB); `truncated`, `reset`, `stall-body`: bytes of the body sent before the cut. */
	readonly bytes?: number;
}

/** A complete HTTP reply, used for `sessionExpiredResponse`. */
export interface CannedResponse {
	readonly status: number;
	readonly contentType?: string;
	/** The body; `{{DATETIME}}` and `{{ORIGIN}}` are replaced at send time. */
	readonly body: string;
}

export interface SimulatorOptions {
	/** @default 0 (ephemeral) */
	readonly port?: number;
	/** @default '127.0.0.1' */
	readonly hostname?: string;
	/** Number of hosts; any size up to millions, hosts are computed on demand. @default 5000 */
	readonly hosts?: number;
	/** @default 200 */
	readonly scans?: number;
	/** Seed of the generated data; same seed, same hosts and scans. @default 1 */
	readonly seed?: number;
	/** Calls allowed per window per API function (`X-RateLimit-Limit`). @default 300 */
	readonly rateLimit?: number;
	/** Sliding window length (`X-RateLimit-Window-Sec`). @default 3600 */
	readonly windowSec?: number;
	/** Calls of one API function allowed at once (`X-Concurrency-Limit-Limit`). @default 2 */
	readonly concurrency?: number;
	/** Delay added to every accepted resource call (it counts as running meanwhile). @default 0 */
	readonly latencyMs?: number;
	/** Accepted username → password. @default {demo: 'demo'} */
	readonly users?: Readonly<Record<string, string>>;
	/** Faults switched on from the start. @default [] */
	readonly faults?: readonly FaultSpec[];
	/** Wrap documents in the evaluation-subscription comments (qualys-api.md §8). @default false */
	readonly evaluationComments?: boolean;
	/** What a call without `X-Requested-With` gets ([U] in qualys-api.md §2). @default 'reject' (400 SIMPLE_RETURN) */
	readonly missingRequestedWith?: 'reject' | 'allow';
	/** What a call with a dead session cookie gets ([U]). @default 401 SIMPLE_RETURN 2000 "Bad Login/Password" */
	readonly sessionExpiredResponse?: CannedResponse;
	/** Clock for DATETIME, generated dates and the rate window. @default Date.now */
	readonly now?: () => number;
}

/** Responses per HTTP status, e.g. `{"200": 3, "409": 1}`. */
export type StatusCounts = Record<string, number>;

/** One line of the request log. Never holds query strings, passwords or cookie values. */
export interface RequestLogEntry {
	readonly method: string;
	readonly path: string;
	/** `unknown` for paths that got a 404. */
	readonly api: SimulatorApi | 'unknown';
	readonly status: number;
}

/** What `GET /_sim/state` and `state()` report. */
export interface SimulatorState {
	/** Successful logins. */
	readonly logins: number;
	/** Successful logouts (a logout without a live cookie does not count). */
	readonly logouts: number;
	/** Sessions the server ended itself (the `session-expiry` fault); clients cannot log these out. */
	readonly expiredSessions: number;
	readonly activeSessions: number;
	readonly failedLogins: number;
	/** Responses per API function and HTTP status. */
	readonly calls: Partial<Record<SimulatorApi, StatusCounts>>;
	/** The last 200 requests to Qualys paths (not `/_sim/`), oldest first. */
	readonly requests: readonly RequestLogEntry[];
}

/** A running simulator. */
export interface Simulator {
	/** `http://127.0.0.1:PORT`, no trailing slash. */
	readonly url: string;
	/** Stops listening and drops every open connection, hung ones included. */
	close(): Promise<void>;
	state(): SimulatorState;
	/** Replaces the active faults; `[]` clears them. Throws on an unknown fault name. */
	setFaults(faults: readonly FaultSpec[]): void;
	/** Clears counters, sessions and rate windows. Faults stay as they are. */
	reset(): void;
}
