import {FAULT_NAMES, type FaultName, type FaultSpec, type SimulatorApi} from './types.js';

// Faults about logging in reach the session API under api 'all'; the rest only hit resource calls,
// so a test can switch on 'truncated' and still log in.
const LOGIN_FAULTS: ReadonlySet<FaultName> = new Set(['expired-account', 'registration-incomplete']);

interface FaultEntry {
	readonly spec: FaultSpec;
	/** Matching requests seen (for afterCalls). */
	seen: number;
	/** Responses affected (for times). */
	used: number;
}

/** The switched-on faults and how much of each is used up. */
export interface FaultSet {
	/** Replaces every fault; throws on an unknown name or a bad number before changing anything. */
	replace(specs: readonly FaultSpec[]): void;
	/**
	 * The faults that apply to one request to `api`, each counted once against `afterCalls` and
	 * `times`. `session-expiry` is not included: it is per session (see `sessionExpiry`).
	 */
	forRequest(api: SimulatorApi): ReadonlyMap<FaultName, FaultSpec>;
	/** The active `session-expiry` fault for `api`, if any, without using it up. */
	sessionExpiry(api: SimulatorApi): FaultSpec | undefined;
	/** Counts one session expired by `spec` against its `times`. */
	useSessionExpiry(spec: FaultSpec): void;
	list(): FaultSpec[];
}

/** True when fault `spec` targets requests to `api`. */
export function matchesApi(spec: FaultSpec, api: SimulatorApi): boolean {
	const target = spec.api ?? 'all';
	return target === api || (target === 'all' && (api !== 'session' || LOGIN_FAULTS.has(spec.name)));
}

/** Checks one spec from untrusted input (the control surface, the command line). */
export function validateFaultSpec(spec: unknown): FaultSpec {
	if (typeof spec !== 'object' || spec === null) {
		throw new TypeError('a fault must be an object with a name');
	}
	const {name, api, ...numbers} = spec as Record<string, unknown>;
	if (!FAULT_NAMES.includes(name as FaultName)) {
		throw new TypeError(`unknown fault name: ${String(name)}; known: ${FAULT_NAMES.join(', ')}`);
	}
	if (api !== undefined && !['session', 'host-list', 'scan-list', 'about', 'all'].includes(api as string)) {
		throw new TypeError(`unknown fault api: ${String(api)}`);
	}
	for (const [key, value] of Object.entries(numbers)) {
		if (!['times', 'ms', 'afterCalls', 'bytes'].includes(key)) {
			throw new TypeError(`unknown fault field: ${key}`);
		}
		if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
			throw new TypeError(`fault field ${key} must be a non-negative integer`);
		}
	}
	return spec as FaultSpec;
}

/** Creates the fault set, starting with `initial`. */
export function createFaultSet(initial: readonly FaultSpec[] = []): FaultSet {
	let entries: FaultEntry[] = [];
	const isSpent = (entry: FaultEntry): boolean => entry.spec.times !== undefined && entry.used >= entry.spec.times;

	const set: FaultSet = {
		replace(specs) {
			const checked = specs.map((spec) => validateFaultSpec(spec));
			entries = checked.map((spec) => ({spec, seen: 0, used: 0}));
		},
		forRequest(api) {
			const active = new Map<FaultName, FaultSpec>();
			for (const entry of entries) {
				if (entry.spec.name === 'session-expiry' || !matchesApi(entry.spec, api) || active.has(entry.spec.name)) {
					continue;
				}
				entry.seen++;
				if (entry.seen <= (entry.spec.afterCalls ?? 0) || isSpent(entry)) {
					continue;
				}
				entry.used++;
				active.set(entry.spec.name, entry.spec);
			}
			return active;
		},
		sessionExpiry(api) {
			return entries.find((entry) => entry.spec.name === 'session-expiry' && matchesApi(entry.spec, api) && !isSpent(entry))?.spec;
		},
		useSessionExpiry(spec) {
			const entry = entries.find((candidate) => candidate.spec === spec);
			if (entry) {
				entry.used++;
			}
		},
		list() {
			return entries.map((entry) => entry.spec);
		},
	};
	set.replace(initial);
	return set;
}
