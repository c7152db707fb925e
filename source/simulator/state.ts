import type {RequestLogEntry, SimulatorApi, SimulatorState, StatusCounts} from './types.js';

// Enough to see what a test or a demo session did, small enough to print.
const LOG_SIZE = 200;

/** Counts what happened, for `/_sim/state`. Holds no credentials and no cookie values. */
export interface StateRecorder {
	login(): void;
	logout(): void;
	failedLogin(): void;
	expiredSession(): void;
	/** One answered Qualys request; `path` must not include the query string. */
	request(entry: RequestLogEntry): void;
	snapshot(activeSessions: number): SimulatorState;
	reset(): void;
}

/** Creates a recorder with every counter at zero. */
export function createStateRecorder(): StateRecorder {
	let logins = 0;
	let logouts = 0;
	let failedLogins = 0;
	let expiredSessions = 0;
	let calls: Partial<Record<SimulatorApi, StatusCounts>> = {};
	let requests: RequestLogEntry[] = [];
	return {
		login: () => void logins++,
		logout: () => void logouts++,
		failedLogin: () => void failedLogins++,
		expiredSession: () => void expiredSessions++,
		request(entry) {
			if (entry.api !== 'unknown') {
				const counts = (calls[entry.api] ??= {});
				counts[String(entry.status)] = (counts[String(entry.status)] ?? 0) + 1;
			}
			requests.push(entry);
			if (requests.length > LOG_SIZE) {
				requests = requests.slice(-LOG_SIZE);
			}
		},
		snapshot(activeSessions) {
			return {
				logins,
				logouts,
				expiredSessions,
				activeSessions,
				failedLogins,
				calls: structuredClone(calls),
				requests: [...requests],
			};
		},
		reset() {
			logins = 0;
			logouts = 0;
			failedLogins = 0;
			expiredSessions = 0;
			calls = {};
			requests = [];
		},
	};
}
