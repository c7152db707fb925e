// Test wiring for the client over real HTTP: a simulator on an ephemeral port (with the
// logins === logouts check of test/helpers) and a client pointed at it, torn down in the right
// order: log out first, then close the simulator.
import type {TestContext} from 'node:test';
import {createQualysClient, type QualysClientOptions} from '../../source/api/client.js';
import type {QualysClient} from '../../source/api/types.js';
import type {SimulatorOptions, SimulatorState} from '../../source/simulator/types.js';
import {startTestSimulator, type TestSimulator} from '../helpers/start-simulator.js';

export interface ClientFixture {
	readonly simulator: TestSimulator;
	readonly client: QualysClient;
	/** Another client on the same simulator (closed at teardown too). */
	newClient(options?: Partial<QualysClientOptions>): QualysClient;
	/** `GET /_sim/state` over HTTP, as the brief asks. */
	state(): Promise<SimulatorState>;
}

/** Starts a simulator and a client for test `t`; logs out every client, then closes the simulator. */
export async function useClient(
	t: TestContext,
	simulatorOptions: SimulatorOptions & {readonly checkSessions?: boolean} = {},
	clientOptions: Partial<QualysClientOptions> = {},
): Promise<ClientFixture> {
	const simulator = await startTestSimulator(simulatorOptions);
	const clients: QualysClient[] = [];
	const newClient = (options: Partial<QualysClientOptions> = {}) => {
		const client = createQualysClient({
			baseUrl: simulator.url,
			credentials: {username: 'demo', password: 'demo'},
			version: 'test',
			timeoutMs: 10_000,
			...clientOptions,
			...options,
		});
		clients.push(client);
		return client;
	};
	const client = newClient();
	t.after(async () => {
		await Promise.all(clients.map(each => each.logout()));
		await simulator.close();
	});
	return {
		simulator,
		client,
		newClient,
		state: async () => (await (await fetch(`${simulator.url}/_sim/state`)).json()) as SimulatorState,
	};
}

/** Runs `run` and returns what it threw (fails the test when it did not throw). */
export async function rejection(run: () => Promise<unknown>): Promise<any> {
	try {
		await run();
	} catch (error) {
		return error;
	}
	throw new Error('expected a rejection');
}

/** Drains a host listing into one array. */
export async function allHosts(pages: AsyncIterable<{readonly hosts: readonly {readonly id: string}[]}>): Promise<string[]> {
	const ids: string[] = [];
	for await (const page of pages) for (const host of page.hosts) ids.push(host.id);
	return ids;
}
