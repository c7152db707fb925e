import {startOfUtcDay} from './datetime.js';
import {createFaultSet, type FaultSet} from './faults.js';
import {createHostData, type HostData} from './host-data.js';
import {createQuota, type Quota} from './quota.js';
import {createScans, type SimScan} from './scan-data.js';
import {createSessionStore, type SessionStore} from './sessions.js';
import {createStateRecorder, type StateRecorder} from './state.js';
import type {SimulatorOptions} from './types.js';

/** Options with every default filled in. */
export type ResolvedOptions = Required<Omit<SimulatorOptions, 'faults' | 'sessionExpiredResponse'>> & Pick<SimulatorOptions, 'sessionExpiredResponse'>;

/** Everything a request handler can reach: options, data and the mutable simulator state. */
export interface SimContext {
	readonly options: ResolvedOptions;
	readonly hosts: HostData;
	readonly scans: readonly SimScan[];
	/** The same scans with terminal-hostile TITLE and TARGET, for the hostile-text fault. */
	readonly hostileScans: readonly SimScan[];
	readonly quota: Quota;
	readonly faults: FaultSet;
	readonly sessions: SessionStore;
	readonly recorder: StateRecorder;
}

/** Fills in defaults and builds the data and state of one simulator. */
export function createContext(options: SimulatorOptions = {}): SimContext {
	const resolved: ResolvedOptions = {
		port: options.port ?? 0,
		hostname: options.hostname ?? '127.0.0.1',
		hosts: options.hosts ?? 5000,
		scans: options.scans ?? 200,
		seed: options.seed ?? 1,
		rateLimit: options.rateLimit ?? 300,
		windowSec: options.windowSec ?? 3600,
		concurrency: options.concurrency ?? 2,
		latencyMs: options.latencyMs ?? 0,
		users: options.users ?? {demo: 'demo'},
		evaluationComments: options.evaluationComments ?? false,
		missingRequestedWith: options.missingRequestedWith ?? 'reject',
		// Unset: the standard 401/2000 SIMPLE_RETURN, rendered per request for the serving host.
		sessionExpiredResponse: options.sessionExpiredResponse,
		now: options.now ?? Date.now,
	};
	// Generated dates count back from the start of today, fixed for the simulator's life.
	const anchorMs = startOfUtcDay(resolved.now());
	const scanOptions = {seed: resolved.seed, count: resolved.scans, anchorMs};
	return {
		options: resolved,
		hosts: createHostData({seed: resolved.seed, count: resolved.hosts, anchorMs}),
		scans: createScans(scanOptions),
		hostileScans: createScans({...scanOptions, isHostile: true}),
		quota: createQuota({limit: resolved.rateLimit, windowSec: resolved.windowSec, concurrency: resolved.concurrency, now: resolved.now}),
		faults: createFaultSet(options.faults ?? []),
		sessions: createSessionStore(),
		recorder: createStateRecorder(),
	};
}
