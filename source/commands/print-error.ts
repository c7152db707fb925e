import type {Writable} from 'node:stream';
import {isQualysError} from '../api/errors.js';
import {UsageError} from '../options.js';
import {PromptCancelled} from './read-password.js';

/** Exit codes of the non-interactive commands, as the readme documents them. */
export const exitCodes = {ok: 0, usage: 2, auth: 3, limit: 4, failure: 5, interrupted: 130} as const;

/**
 * Writes an error as one or two lines ("what happened" and "what to do") and returns the exit code.
 * Stack traces only with --debug, and only for errors that are not ours.
 */
export function printError(error: unknown, stderr: Writable, {isDebug = false} = {}): number {
	if (error instanceof UsageError) {
		stderr.write(`qualys-tui: ${error.message}\n  (see qualys-tui --help)\n`);
		return exitCodes.usage;
	}

	if (error instanceof PromptCancelled) return exitCodes.interrupted;
	if (isQualysError(error)) {
		stderr.write(`qualys-tui: ${error.message}\n`);
		if (error.hint) stderr.write(`  → ${error.hint}\n`);
		return error.exitCode;
	}

	const text = error instanceof Error ? error.message : String(error);
	stderr.write(`qualys-tui: unexpected error: ${text.split('\n')[0]}\n`);
	if (isDebug && error instanceof Error && error.stack) stderr.write(`${error.stack}\n`);
	return exitCodes.failure;
}
