// Ink hands a listener everything one read of the terminal returned as a single `input`, so that
// a paste arrives whole. Keys typed or repeated faster than the program reads them arrive the same
// way: `jjj` from a held key over SSH, `/web` typed quickly. The bindings match one key, so such a
// burst was dropped entirely. This stand-in for stdin gives Ink one character per read(); Ink's
// input parser already joins the characters of an escape sequence again (it waits for the rest of
// a sequence it has started), so arrows, Esc and Alt+key are unchanged, and every listener — the
// bindings, the filter line, the password field — sees the keys one by one, as if typed slowly.

import {noteInput} from './input-activity.js';

/**
 * Wraps `stdin` so that each read() returns at most one character (a whole code point). Everything
 * else passes through to the real stream.
 */
export function oneKeyPerRead(stdin: NodeJS.ReadStream): NodeJS.ReadStream {
	let buffered = '';
	const read = (...args: unknown[]): string | null => {
		if (buffered === '') {
			const chunk = (stdin.read as (...rest: unknown[]) => string | Buffer | null)(...args);
			if (chunk === null) return null;
			noteInput();
			buffered = typeof chunk === 'string' ? chunk : chunk.toString('utf8');
			if (buffered === '') return '';
		}

		const length = buffered.codePointAt(0)! > 0xff_ff ? 2 : 1;
		const key = buffered.slice(0, length);
		buffered = buffered.slice(length);
		return key;
	};

	return new Proxy(stdin, {
		get(target, property) {
			if (property === 'read') return read;
			const value = Reflect.get(target, property, target) as unknown;
			return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
		},
	});
}
