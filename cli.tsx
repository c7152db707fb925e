#!/usr/bin/env node
// The process edge: the only place that reads argv and the environment, starts the demo
// simulator, renders, and guarantees logout. Everything heavy is imported lazily so that
// `--help`, the commands and the login screen do not pay for what they do not use.
import process from 'node:process';
import {parseCliOptions, usage, UsageError, type CliOptions} from './source/options.js';

async function main(): Promise<number> {
	let options: CliOptions;
	try {
		options = parseCliOptions(process.argv.slice(2), process.env);
	} catch (error) {
		if (error instanceof UsageError) {
			process.stderr.write(`qualys-tui: ${error.message}\n  (see qualys-tui --help)\n`);
			return 2;
		}

		throw error;
	}

	if (options.isHelp) {
		process.stdout.write(`${usage}\n`);
		return 0;
	}

	if (options.isVersion) {
		const {version} = await import('./source/version.js');
		process.stdout.write(`${version}\n`);
		return 0;
	}

	const io = {stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env, signals: process};
	switch (options.command) {
		case 'simulate': {
			const {runSimulateCommand} = await import('./source/simulator/simulate-command.js');
			return runSimulateCommand([...options.simulateArgs]);
		}

		case 'hosts': {
			const [{runWithClient}, {hostsCommand}] = await Promise.all([
				import('./source/commands/run-with-client.js'),
				import('./source/commands/hosts-command.js'),
			]);
			return runWithClient(options, io, hostsCommand);
		}

		case 'scans': {
			const [{runWithClient}, {scansCommand}] = await Promise.all([
				import('./source/commands/run-with-client.js'),
				import('./source/commands/scans-command.js'),
			]);
			return runWithClient(options, io, scansCommand);
		}

		case 'limits': {
			const [{runWithClient}, {limitsCommand}] = await Promise.all([
				import('./source/commands/run-with-client.js'),
				import('./source/commands/limits-command.js'),
			]);
			return runWithClient(options, io, limitsCommand);
		}

		case undefined: {
			if (!process.stdin.isTTY || !process.stdout.isTTY) {
				process.stderr.write(
					'qualys-tui: the interactive UI needs a terminal; in scripts use `qualys-tui hosts|scans|limits` (see --help)\n',
				);
				return 2;
			}

			const {withoutGlobalFetch} = await import('./source/lib/without-global-fetch.js');
			const {runInteractive} = await withoutGlobalFetch(() => import('./source/run-interactive.js'));
			return runInteractive(options);
		}
	}
}

let exitCode: number;
try {
	exitCode = await main();
} catch (error) {
	// Only bugs get here: every expected failure is a typed error handled above.
	process.stderr.write(`qualys-tui: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
	exitCode = 5;
}

// Wait until piped output is flushed, then exit without waiting for idle keep-alive sockets.
await new Promise<void>(resolve => process.stdout.write('', () => resolve()));
process.exit(exitCode);
