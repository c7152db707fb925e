// The whole interactive app against a fresh simulator, for component tests: real HTTP on an
// ephemeral loopback port, the real client, and a teardown that always logs the session out.
import type {TestContext} from 'node:test';
import React, {act} from 'react';
import {createQualysClient} from '../../source/api/client.js';
import type {AuthMode} from '../../source/api/types.js';
import {App} from '../../source/app.js';
import type {SessionHolder} from '../../source/hooks/use-session.js';
import type {SimulatorApi, SimulatorOptions} from '../../source/simulator/types.js';
import {keys, render, type RenderResult} from './render.js';
import {startTestSimulator, type TestSimulator} from './start-simulator.js';

/** The simulator's clock in these tests: generated dates and the rate window never move. */
export const SIMULATOR_NOW = Date.parse('2026-01-10T12:00:00Z');

export interface AppHarnessOptions {
	/** Simulator options; `now` defaults to {@link SIMULATOR_NOW}. */
	readonly simulator?: SimulatorOptions;
	/** `truncation_limit` for the host list. */
	readonly pageSize?: number;
	readonly authMode?: AuthMode;
	/** Where the client goes instead of the simulator (an unreachable port). */
	readonly baseUrl?: string;
}

export interface AppHarness extends RenderResult {
	readonly simulator: TestSimulator;
	readonly holder: SessionHolder;
	/** How often `onQuit` was called. */
	readonly quits: number;
	/** Type the password and press Enter (username `demo` is prefilled, focus is on the password). */
	login(password?: string): Promise<void>;
	/** Log in and wait for page 1 of the hosts. */
	loginAndWaitForHosts(): Promise<string>;
	/** Responses the simulator sent for `api` with `status`. */
	calls(api: SimulatorApi, status?: number): number;
	/** The last frame as lines. */
	lines(): string[];
	/** Log the live session out (inside act: the provider hears the client's events). */
	logout(): Promise<void>;
}

/**
 * Renders `<App>` logged out, against a new simulator (`demo`/`demo`). At teardown it unmounts,
 * logs out whatever session the holder has, and closes the simulator, which asserts that every
 * login was matched by a logout or a server-side expiry.
 */
export async function renderApp(t: TestContext, options: AppHarnessOptions = {}): Promise<AppHarness> {
	const simulator = await startTestSimulator({now: () => SIMULATOR_NOW, ...options.simulator});
	const holder: SessionHolder = {};
	let quits = 0;
	const baseUrl = options.baseUrl ?? simulator.url;
	const app = await render(
		<App
			createClient={request =>
				createQualysClient({baseUrl, credentials: {username: request.username, password: request.password}, authMode: options.authMode})
			}
			holder={holder}
			demo={{url: baseUrl, username: 'demo', password: 'demo'}}
			initialUsername="demo"
			pageSize={options.pageSize}
			onQuit={() => {
				quits++;
			}}
		/>,
	);
	const logout = () => act(async () => holder.client?.logout());
	t.after(async () => {
		await app.unmount();
		await holder.client?.logout();
		await simulator.close();
	});
	const harness: AppHarness = {
		...app,
		get frames() {
			return app.frames;
		},
		simulator,
		holder,
		get quits() {
			return quits;
		},
		async login(password = 'demo') {
			await app.type(password);
			await app.press(keys.enter);
		},
		async loginAndWaitForHosts() {
			await harness.login();
			return app.waitForFrame(frame => /Hosts · [\d,]+ hosts/.test(frame));
		},
		// Generous: two test files share two cores, and a first render imports half of Ink.
		waitForFrame: (predicate, timeoutMs = 5000) => app.waitForFrame(predicate, timeoutMs),
		calls: (api, status = 200) => simulator.state().calls[api]?.[String(status)] ?? 0,
		lines: () => (app.lastFrame() ?? '').split('\n'),
		logout,
	};
	return harness;
}

/** A line or frame with the clock-dependent ages of readings (` · read 0s ago`) taken out. */
export function withoutAge(text: string): string {
	return text.replaceAll(/ · read \d+s ago/g, '');
}
