// Ink 6 repaints a full-screen frame whole: once its output is as tall as the terminal, every
// render writes "clear the screen" plus every line (ink/build/ink.js, the `lastOutputHeight >=
// stdout.rows` branch), and its `incrementalRendering` option never applies there. Over SSH that is
// ~8 kB per cursor move on a 200×50 terminal. This wrapper sits between Ink and the terminal and
// turns each such full frame into writes of only the lines that changed.

const clearTerminal = '\u001B[2J\u001B[3J\u001B[H';
const eraseToEndOfLine = '\u001B[K';
const moveTo = (row: number) => `\u001B[${row + 1};1H`;

/** The stdout Ink needs: a TTY stream with its size and resize events. */
export type TerminalStream = NodeJS.WriteStream;

/**
 * What to write instead of a full frame, given the lines on screen before (undefined: unknown, so
 * write it all). Pure, so it is tested with literal frames.
 */
export function diffFrame(previous: readonly string[] | undefined, frame: string): string {
	const next = frame.split('\n');
	if (previous === undefined) return clearTerminal + frame;
	let out = '';
	const count = Math.max(previous.length, next.length);
	for (let row = 0; row < count; row++) {
		const line = next[row];
		if (line === previous[row]) continue;
		out += moveTo(row) + (line ?? '') + eraseToEndOfLine;
	}

	return out;
}

/**
 * A stand-in for `stdout` to hand to Ink's `render()`: everything passes through, except that a
 * full-screen frame (`clear terminal` + lines) is reduced to the lines that differ from the last
 * one written. Any other write, or a resize, makes the screen unknown again, so the next frame is
 * written whole.
 */
export function lineDiffStdout(stdout: TerminalStream): TerminalStream {
	let lines: string[] | undefined;
	const forget = () => {
		lines = undefined;
	};

	stdout.on('resize', forget);
	const write = (chunk: unknown, ...rest: unknown[]): boolean => {
		if (typeof chunk === 'string' && chunk.startsWith(clearTerminal)) {
			const frame = chunk.slice(clearTerminal.length);
			const out = diffFrame(lines, frame);
			lines = frame.split('\n');
			return (stdout.write as (...args: unknown[]) => boolean)(out, ...rest);
		}

		// Synchronized-output markers (`ESC[?2026h/l`) around a frame do not move anything.
		if (typeof chunk !== 'string' || !/^\u001B\[\?2026[hl]$/.test(chunk)) forget();
		return (stdout.write as (...args: unknown[]) => boolean)(chunk, ...rest);
	};

	return new Proxy(stdout, {
		get(target, property) {
			if (property === 'write') return write;
			const value = Reflect.get(target, property, target) as unknown;
			return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
		},
	});
}
