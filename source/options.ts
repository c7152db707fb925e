import {parseArgs} from 'node:util';
import type {ApiVersion, AuthMode} from './api/types.js';

/** The subcommands; `undefined` is the interactive UI. */
export type CommandName = 'hosts' | 'scans' | 'limits' | 'simulate';

const commandNames: readonly CommandName[] = ['hosts', 'scans', 'limits', 'simulate'];

/** Everything the program was asked to do, from argv and the environment, validated. No password here: it never comes from argv. */
export interface CliOptions {
	readonly command?: CommandName;
	/** Arguments after `simulate`, handed to the simulator's own parser. */
	readonly simulateArgs: readonly string[];
	readonly platform?: string;
	readonly apiUrl?: string;
	readonly username?: string;
	readonly isPasswordStdin: boolean;
	readonly authMode: AuthMode;
	/** `truncation_limit` for the host list. @default 1000 */
	readonly pageSize: number;
	readonly apiVersion: ApiVersion;
	readonly isInsecure: boolean;
	readonly isJson: boolean;
	readonly isDemo: boolean;
	/** `hosts`/`scans`: stop after this many records. */
	readonly limit?: number;
	/** Total time allowed for one request, body included. @default 60 */
	readonly timeoutSec: number;
	/** Show stack traces and write a redacted request log. */
	readonly isDebug: boolean;
	readonly isHelp: boolean;
	readonly isVersion: boolean;
}

/** A usage error: the message is shown with a pointer to --help and the program exits 2. */
export class UsageError extends Error {
	override name = 'UsageError';
}

/**
 * Environment variables read by the program. `QUALYS_PASSWORD` is read only where the password
 * is needed (never copied into options), so it cannot leak through an options dump.
 */
export const environmentVariables = ['QUALYS_API_URL', 'QUALYS_PLATFORM', 'QUALYS_USERNAME', 'QUALYS_PASSWORD'] as const;

function positiveInteger(name: string, value: string | undefined, {allowZero = false} = {}): number | undefined {
	if (value === undefined) return undefined;
	if (!/^\d+$/.test(value) || (!allowZero && Number(value) === 0)) {
		throw new UsageError(`--${name} takes a whole number${allowZero ? '' : ' above 0'}, got "${value}"`);
	}

	return Number(value);
}

/**
 * Parses argv (without `node` and the script) and the environment into CliOptions.
 * Flags win over environment variables. Throws UsageError on anything it does not understand.
 */
export function parseCliOptions(argv: readonly string[], env: NodeJS.ProcessEnv): CliOptions {
	const first = argv[0];
	if (first === 'simulate') {
		return {...defaults(env), command: 'simulate', simulateArgs: argv.slice(1)};
	}

	let parsed;
	try {
		parsed = parseArgs({
			args: [...argv],
			allowPositionals: true,
			strict: true,
			options: {
				platform: {type: 'string'},
				'api-url': {type: 'string'},
				username: {type: 'string', short: 'u'},
				'password-stdin': {type: 'boolean'},
				auth: {type: 'string'},
				'page-size': {type: 'string'},
				'api-version': {type: 'string'},
				insecure: {type: 'boolean'},
				json: {type: 'boolean'},
				demo: {type: 'boolean'},
				limit: {type: 'string'},
				timeout: {type: 'string'},
				debug: {type: 'boolean'},
				help: {type: 'boolean', short: 'h'},
				version: {type: 'boolean', short: 'v'},
			},
		});
	} catch (error) {
		const message = (error as Error).message.replace(/\. To specify a positional argument.*$/s, '');
		if (/password/i.test(message)) {
			// Never echo what followed: it may be the password itself.
			throw new UsageError('there is no --password flag: use --password-stdin, QUALYS_PASSWORD, or the prompt');
		}

		throw new UsageError(message);
	}

	const {values, positionals} = parsed;
	if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}"`);
	const command = positionals[0];
	if (command !== undefined && !commandNames.includes(command as CommandName)) {
		throw new UsageError(`unknown command "${command}" (commands: hosts, scans, limits, simulate)`);
	}

	const auth = values.auth ?? 'session';
	if (auth !== 'session' && auth !== 'basic') throw new UsageError(`--auth is session or basic, got "${auth}"`);
	const apiVersionFlag = values['api-version'];
	if (apiVersionFlag !== undefined && apiVersionFlag !== '2.0') {
		throw new UsageError(`--api-version accepts only 2.0 (to pin the legacy paths); without it the current versions are used`);
	}

	const platform = values.platform ?? (values['api-url'] ? undefined : env.QUALYS_PLATFORM);
	const apiUrl = values['api-url'] ?? (values.platform ? undefined : env.QUALYS_API_URL);
	if (values.platform && values['api-url']) throw new UsageError('give either --platform or --api-url, not both');
	if (values.json && command === undefined) throw new UsageError('--json goes with hosts, scans or limits');
	if (values['password-stdin'] && command === undefined) {
		throw new UsageError('--password-stdin goes with hosts, scans or limits; the interactive UI asks for the password');
	}

	return {
		...defaults(env),
		command: command as CommandName | undefined,
		platform,
		apiUrl,
		username: values.username ?? env.QUALYS_USERNAME,
		isPasswordStdin: values['password-stdin'] ?? false,
		authMode: auth,
		pageSize: positiveInteger('page-size', values['page-size']) ?? 1000,
		apiVersion: apiVersionFlag === '2.0' ? '2.0' : 'current',
		isInsecure: values.insecure ?? false,
		isJson: values.json ?? false,
		isDemo: values.demo ?? false,
		limit: positiveInteger('limit', values.limit),
		timeoutSec: positiveInteger('timeout', values.timeout) ?? 60,
		isDebug: values.debug ?? false,
		isHelp: values.help ?? false,
		isVersion: values.version ?? false,
	};
}

function defaults(env: NodeJS.ProcessEnv): CliOptions {
	return {
		simulateArgs: [],
		platform: env.QUALYS_PLATFORM,
		apiUrl: env.QUALYS_API_URL,
		username: env.QUALYS_USERNAME,
		isPasswordStdin: false,
		authMode: 'session',
		pageSize: 1000,
		apiVersion: 'current',
		isInsecure: false,
		isJson: false,
		isDemo: false,
		timeoutSec: 60,
		isDebug: false,
		isHelp: false,
		isVersion: false,
	};
}

/** The --help text. */
export const usage = `qualys-tui — a terminal UI for the Qualys vulnerability-management API

Usage:
  qualys-tui [connection flags] [--demo]             the interactive UI
  qualys-tui hosts  [connection flags] [--json] [--limit N]
  qualys-tui scans  [connection flags] [--json] [--limit N]
  qualys-tui limits [connection flags] [--json]
  qualys-tui simulate [--port N] [--hosts N] ...     run the built-in Qualys API simulator

Connection flags:
  --platform P        US1-US4, EU1-EU3, IN1, CA1, AE1, UK1, AU1, KSA1   (env QUALYS_PLATFORM)
  --api-url URL       a custom API server, https:// (http:// only on loopback)   (env QUALYS_API_URL)
  -u, --username U    (env QUALYS_USERNAME)
  --password-stdin    read the password from standard input (else env QUALYS_PASSWORD, else a prompt)
  --auth MODE         session (default: one login, a QualysSession cookie) or basic
  --page-size N       hosts per host-list call (truncation_limit), default 1000
  --api-version 2.0   pin the legacy 2.0 list paths (default: host list 5.0, scan list 3.0)
  --timeout SEC       total time per request, body included, default 60
  --insecure          skip TLS certificate checks for this run (said on every run)
  --demo              start the built-in simulator and use it (user demo, password demo)
  --debug             show stack traces on errors; log every request (redacted) to
                      $XDG_STATE_HOME/qualys-tui/debug.log (~/.local/state/...)
  -h, --help  -v, --version

Exit codes: 0 ok, 2 usage, 3 authentication/account, 4 blocked by a limit, 5 network/server/parse error.
There is no --password flag: a password in argv is visible to every user of the machine.`;
