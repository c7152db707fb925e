import type {Readable, Writable} from 'node:stream';
import {createQualysClient} from '../api/client.js';
import {resolveBaseUrl} from '../api/platforms.js';
import type {QualysClient} from '../api/types.js';
import {clientSettings, insecureWarning, startDemoServer, type ConnectionTarget, type DemoServer} from '../connection.js';
import {startDebugLog, type DebugLog} from '../lib/debug-log.js';
import {UsageError, type CliOptions} from '../options.js';
import {version} from '../version.js';
import {exitCodes, printError} from './print-error.js';
import {readPassword, readUsername} from './read-password.js';

/** The process streams and environment a command runs with (tests pass their own). */
export interface CommandIo {
	readonly stdin: Readable & {isTTY?: boolean; setRawMode?: (mode: boolean) => unknown};
	readonly stdout: Writable & {isTTY?: boolean; columns?: number};
	readonly stderr: Writable & {isTTY?: boolean};
	readonly env: NodeJS.ProcessEnv;
	/** Where SIGINT/SIGTERM/SIGHUP arrive; `process` in the CLI. */
	readonly signals?: NodeJS.EventEmitter;
}

/** What a command's body gets: a logged-in client and a signal that fires on Ctrl+C. */
export interface CommandContext {
	readonly client: QualysClient;
	readonly signal: AbortSignal;
	readonly options: CliOptions;
	readonly io: CommandIo;
	readonly target: ConnectionTarget;
}

const signalExitCodes = {SIGINT: 130, SIGTERM: 143, SIGHUP: 129} as const;

/**
 * Runs a non-interactive command: resolves the server (or starts the demo simulator), reads the
 * credentials, logs in, runs `body`, and logs out on every path — success, error, or a signal.
 * Returns the exit code; never throws.
 */
export async function runWithClient(
	options: CliOptions,
	io: CommandIo,
	body: (context: CommandContext) => Promise<number>,
): Promise<number> {
	const controller = new AbortController();
	let demo: DemoServer | undefined;
	let client: QualysClient | undefined;
	let debugLog: DebugLog | undefined;
	let signalCode: number | undefined;
	const onSignal = (name: keyof typeof signalExitCodes) => () => {
		// A second signal while we are already logging out: the operator wants out now.
		if (signalCode !== undefined) process.exit(signalCode);
		signalCode = signalExitCodes[name];
		controller.abort(new Error(`interrupted by ${name}`));
	};

	const handlers = Object.fromEntries(
		(Object.keys(signalExitCodes) as Array<keyof typeof signalExitCodes>).map(name => [name, onSignal(name)]),
	);
	for (const [name, handler] of Object.entries(handlers)) io.signals?.on(name, handler);

	try {
		if (options.isInsecure) io.stderr.write(`${insecureWarning}\n`);
		if (options.isDebug) debugLog = startDebugLog(io.env, {version, command: options.command ?? 'interactive'}, io.stderr);
		let target: ConnectionTarget;
		let username: string;
		let password: string;
		if (options.isDemo) {
			demo = await startDemoServer();
			({target, username, password} = demo);
		} else {
			if (!options.platform && !options.apiUrl) {
				throw new UsageError('no API server: give --platform or --api-url (or QUALYS_PLATFORM / QUALYS_API_URL), or try --demo');
			}

			const baseUrl = resolveBaseUrl({platform: options.platform, apiUrl: options.apiUrl});
			target = {baseUrl, label: options.platform?.toUpperCase() ?? new URL(baseUrl).host};
			const sources = {isPasswordStdin: options.isPasswordStdin, env: io.env, stdin: io.stdin, prompt: io.stderr};
			username = options.username ?? (await readUsername(sources));
			password = await readPassword(sources);
		}

		client = createQualysClient({
			baseUrl: target.baseUrl,
			credentials: {username, password},
			...clientSettings(options),
			log: debugLog?.write,
		});
		await client.login(controller.signal);
		const code = await body({client, signal: controller.signal, options, io, target});
		return signalCode ?? code;
	} catch (error) {
		if (signalCode !== undefined) return signalCode;
		return printError(error, io.stderr, {isDebug: options.isDebug});
	} finally {
		await client?.logout({timeoutMs: 3000});
		await debugLog?.flush();
		await demo?.simulator.close();
		for (const [name, handler] of Object.entries(handlers)) io.signals?.off(name, handler);
	}
}

export {exitCodes};
