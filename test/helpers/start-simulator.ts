// One way for every test file to get a simulator: an ephemeral loopback port, closed at teardown,
// and a check at teardown that every session the code under test opened was logged out.
import assert from 'node:assert/strict';
import type {TestContext} from 'node:test';
import {startSimulator} from '../../source/simulator/server.js';
import type {Simulator, SimulatorOptions, SimulatorState} from '../../source/simulator/types.js';

/** A simulator for tests; `close()` first asserts that sessions were balanced, then always closes. */
export type TestSimulator = Simulator;

/**
 * Starts a simulator on port 0. Its `close()` reads `GET /_sim/state` and asserts
 * `logins === logouts + expiredSessions` (every session the client opened was closed, except the ones
 * the simulator itself expired), then closes the server even when the assertion fails.
 * Pass `{checkSessions: false}` for tests that leave sessions open on purpose.
 */
export async function startTestSimulator(options: SimulatorOptions & {readonly checkSessions?: boolean} = {}): Promise<TestSimulator> {
	const {checkSessions = true, ...simulatorOptions} = options;
	const simulator = await startSimulator({port: 0, ...simulatorOptions});
	let closing: Promise<void> | undefined;
	const closeChecked = async (): Promise<void> => {
		try {
			if (checkSessions) {
				const state = (await (await fetch(`${simulator.url}/_sim/state`)).json()) as SimulatorState;
				assert.equal(state.logins, state.logouts + state.expiredSessions, `sessions left open: ${state.logins} logins, ${state.logouts} logouts, ${state.expiredSessions} expired by the simulator`);
			}
		} finally {
			await simulator.close();
		}
	};
	// Closing twice (a test closes early, then teardown runs) checks and closes once.
	return {...simulator, close: () => (closing ??= closeChecked())};
}

/** Starts a test simulator and closes it (with the session check) when test `t` ends. */
export async function withSimulator(t: TestContext, options: Parameters<typeof startTestSimulator>[0] = {}): Promise<TestSimulator> {
	const simulator = await startTestSimulator(options);
	t.after(() => simulator.close());
	return simulator;
}
