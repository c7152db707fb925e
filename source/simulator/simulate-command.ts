import {parseArgs} from 'node:util';
import {validateFaultSpec} from './faults.js';
import {keepYoungGenerationSmall} from '../lib/heap-tuning.js';
import {startSimulator} from './server.js';
import type {FaultName, FaultSpec, SimulatorOptions} from './types.js';

const USAGE = `Usage: qualys-tui simulate [options]

  --port N           port to listen on (default 0: any free port)
  --hosts N          number of hosts (default 5000)
  --scans N          number of scans (default 200)
  --seed N           data seed (default 1)
  --rate-limit N     calls per window per API (default 300)
  --window-sec N     rate window in seconds (default 3600)
  --concurrency N    concurrent calls per API (default 2)
  --latency-ms N     delay added to every accepted call (default 0)
  --users u:p,...    accepted users (default demo:demo)
  --fault NAME[:N]   switch on a fault (repeatable); N is the fault's main number
                     (latency: ms, session-expiry: afterCalls, huge/truncated/reset/stall-body: bytes,
                     others: times), or NAME:key=value,... with api, times, ms, afterCalls, bytes
  --evaluation       add the evaluation-subscription comments
`;

// The number after NAME: means the fault's most useful knob.
const MAIN_NUMBER: Partial<Record<FaultName, keyof FaultSpec>> = {
	'latency': 'ms',
	'session-expiry': 'afterCalls',
	'huge': 'bytes',
	'truncated': 'bytes',
	'reset': 'bytes',
	'stall-body': 'bytes',
};

/**
 * `qualys-tui simulate ...`: runs the simulator in the foreground until SIGINT or SIGTERM.
 * Prints `Qualys API simulator listening on <url>` as its first line. Returns the exit code
 * (2 for bad flags).
 */
export async function runSimulateCommand(argv: readonly string[]): Promise<number> {
	let options: SimulatorOptions;
	try {
		options = parseSimulateArgs(argv);
	} catch (error) {
		process.stderr.write(`qualys-tui simulate: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
		return 2;
	}
	// A long-lived server streaming pages of millions of hosts: without this its young generation
	// grew to 32 MiB under the page-rendering allocations and stayed (RSS 1.08–1.36× its level
	// after the first tenth of a 1M-host walk, bench/sim-scale.ts).
	keepYoungGenerationSmall();
	const simulator = await startSimulator(options);
	process.stdout.write(`Qualys API simulator listening on ${simulator.url}\n`);
	process.stdout.write(`users: ${Object.keys(options.users ?? {demo: ''}).join(', ')}; control: ${simulator.url}/_sim/state; Ctrl+C stops\n`);
	await new Promise<void>((resolve) => {
		const stop = (): void => {
			process.off('SIGINT', stop);
			process.off('SIGTERM', stop);
			resolve();
		};
		process.on('SIGINT', stop);
		process.on('SIGTERM', stop);
	});
	await simulator.close();
	return 0;
}

/** Parses the flags into simulator options; throws with a readable message on anything wrong. */
export function parseSimulateArgs(argv: readonly string[]): SimulatorOptions {
	const {values} = parseArgs({
		args: [...argv],
		strict: true,
		allowPositionals: false,
		options: {
			'port': {type: 'string'},
			'hosts': {type: 'string'},
			'scans': {type: 'string'},
			'seed': {type: 'string'},
			'rate-limit': {type: 'string'},
			'window-sec': {type: 'string'},
			'concurrency': {type: 'string'},
			'latency-ms': {type: 'string'},
			'users': {type: 'string'},
			'fault': {type: 'string', multiple: true},
			'evaluation': {type: 'boolean'},
		},
	});
	const number = (flag: string, minimum = 0): number | undefined => {
		const text = values[flag as keyof typeof values] as string | undefined;
		if (text === undefined) {
			return undefined;
		}
		if (!/^\d+$/.test(text) || Number(text) < minimum) {
			throw new Error(`--${flag} expects an integer ≥ ${minimum}, got "${text}"`);
		}
		return Number(text);
	};
	return {
		port: number('port'),
		hosts: number('hosts'),
		scans: number('scans'),
		seed: number('seed'),
		rateLimit: number('rate-limit', 1),
		windowSec: number('window-sec', 1),
		concurrency: number('concurrency', 1),
		latencyMs: number('latency-ms'),
		users: values.users === undefined ? undefined : parseUsers(values.users),
		faults: (values.fault ?? []).map((text) => parseFault(text)),
		evaluationComments: values.evaluation ?? false,
	};
}

/** `alice:pw1,bob:pw2`; the password is everything after the first colon (so it cannot contain a comma here). */
function parseUsers(text: string): Record<string, string> {
	const users: Record<string, string> = {};
	for (const entry of text.split(',')) {
		const colon = entry.indexOf(':');
		if (colon <= 0) {
			throw new Error(`--users expects user:password[,user:password...], got an entry without a colon`);
		}
		users[entry.slice(0, colon)] = entry.slice(colon + 1);
	}
	return users;
}

/** `truncated`, `latency:500`, `truncated:times=1,bytes=200,api=host-list`. */
function parseFault(text: string): FaultSpec {
	const colon = text.indexOf(':');
	const name = colon < 0 ? text : text.slice(0, colon);
	const parameter = colon < 0 ? undefined : text.slice(colon + 1);
	const spec: Record<string, unknown> = {name};
	if (parameter !== undefined && parameter.includes('=')) {
		for (const pair of parameter.split(',')) {
			const [key = '', value = ''] = pair.split('=');
			spec[key] = key === 'api' ? value : /^\d+$/.test(value) ? Number(value) : value;
		}
	} else if (parameter !== undefined) {
		if (!/^\d+$/.test(parameter)) {
			throw new Error(`--fault ${name}: expected a number after the colon, got "${parameter}"`);
		}
		spec[MAIN_NUMBER[name as FaultName] ?? 'times'] = Number(parameter);
	}
	try {
		return validateFaultSpec(spec);
	} catch (error) {
		throw new Error(`--fault ${text}: ${error instanceof Error ? error.message : String(error)}`);
	}
}
