import type {Readable, Writable} from 'node:stream';
import {UsageError} from '../options.js';

/** Where a non-interactive command gets its password from, in this order. */
export interface PasswordSources {
	readonly isPasswordStdin: boolean;
	readonly env: NodeJS.ProcessEnv;
	readonly stdin: Readable & {isTTY?: boolean; setRawMode?: (mode: boolean) => unknown};
	/** The prompt is written here (stderr), never to stdout, so `--json` output stays clean. */
	readonly prompt: Writable;
}

/**
 * The password from `--password-stdin`, else `QUALYS_PASSWORD`, else a masked prompt on the
 * terminal. Never from argv. Throws UsageError when none of them can give one.
 */
export async function readPassword(sources: PasswordSources): Promise<string> {
	if (sources.isPasswordStdin) return readAllStdin(sources.stdin);
	const fromEnv = sources.env.QUALYS_PASSWORD;
	if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
	if (sources.stdin.isTTY && sources.stdin.setRawMode) return promptMasked('Password: ', sources.stdin, sources.prompt, {isMasked: true});
	throw new UsageError('no password: pipe it with --password-stdin or set QUALYS_PASSWORD (standard input is not a terminal, so there is no prompt)');
}

/** Asks for the username on the terminal when no flag or variable gave one. */
export async function readUsername(sources: PasswordSources): Promise<string> {
	if (sources.stdin.isTTY && sources.stdin.setRawMode && !sources.isPasswordStdin) {
		return promptMasked('Username: ', sources.stdin, sources.prompt, {isMasked: false});
	}

	throw new UsageError('no username: give --username or set QUALYS_USERNAME');
}

async function readAllStdin(stdin: Readable): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
	// `echo secret | qualys-tui ...` adds one newline; a password never ends with one.
	const text = Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
	if (text === '') throw new UsageError('--password-stdin got an empty password');
	return text;
}

/** Thrown when the user presses Ctrl+C at a prompt. */
export class PromptCancelled extends Error {
	override name = 'PromptCancelled';
}

/**
 * Reads one line in raw mode. Masked input echoes `*` per character; Backspace and Ctrl+U edit;
 * Ctrl+C cancels. Raw mode is always switched off again.
 */
function promptMasked(
	label: string,
	stdin: PasswordSources['stdin'],
	out: Writable,
	{isMasked}: {isMasked: boolean},
): Promise<string> {
	return new Promise((resolve, reject) => {
		let value = '';
		out.write(label);
		stdin.setRawMode!(true);
		stdin.resume();
		const finish = (error?: Error) => {
			stdin.off('data', onData);
			stdin.setRawMode!(false);
			stdin.pause();
			out.write('\n');
			if (error) reject(error);
			else resolve(value);
		};

		const onData = (chunk: Buffer | string) => {
			// Arrow and function keys arrive as escape sequences: never part of a password.
			for (const char of String(chunk).replace(/\u001B(\[[\d;]*[A-Za-z~]|O.)?/g, '')) {
				if (char === '\r' || char === '\n') return finish();
				if (char === '\u0003') return finish(new PromptCancelled('cancelled'));
				if (char === '\u007F' || char === '\b') {
					if (value.length > 0) {
						value = Array.from(value).slice(0, -1).join('');
						out.write('\b \b');
					}
				} else if (char === '\u0015') {
					out.write('\b \b'.repeat(Array.from(value).length));
					value = '';
				} else if (char >= ' ') {
					value += char;
					out.write(isMasked ? '*' : char);
				}
			}
		};

		stdin.on('data', onData);
	});
}
