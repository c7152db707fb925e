import type {Simulator} from './simulator/server.js';
import type {ApiVersion, AuthMode} from './api/types.js';
import type {CliOptions} from './options.js';
import {version} from './version.js';

/** The API server a run talks to, and how to name it on screen. */
export interface ConnectionTarget {
	readonly baseUrl: string;
	/** `US1`, or the host name of a custom URL. */
	readonly label: string;
}

/** A running in-process simulator for `--demo`, with the credentials it accepts. */
export interface DemoServer {
	readonly simulator: Simulator;
	readonly target: ConnectionTarget;
	readonly username: string;
	readonly password: string;
}

/** The credentials the demo simulator accepts; the login screen shows them. */
export const demoCredentials = {username: 'demo', password: 'demo'} as const;

/**
 * Starts the built-in simulator on an ephemeral loopback port for `--demo`.
 * Imported lazily so normal runs never load the simulator.
 */
export async function startDemoServer(): Promise<DemoServer> {
	const {startSimulator} = await import('./simulator/server.js');
	const simulator = await startSimulator({port: 0, users: {[demoCredentials.username]: demoCredentials.password}});
	return {simulator, target: {baseUrl: simulator.url, label: 'DEMO'}, ...demoCredentials};
}

/** The warning printed on every run with `--insecure`. */
export const insecureWarning = 'qualys-tui: --insecure: TLS certificates are NOT verified for this run; anyone on the path can read your session';

/** The client settings that come from the command line, the same for the UI and the commands. */
export function clientSettings(options: CliOptions): {authMode: AuthMode; apiVersion: ApiVersion; timeoutMs: number; insecure: boolean; version: string} {
	return {
		authMode: options.authMode,
		apiVersion: options.apiVersion,
		timeoutMs: options.timeoutSec * 1000,
		insecure: options.isInsecure,
		version,
	};
}
