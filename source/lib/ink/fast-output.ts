// A drop-in replacement for Ink 6.8's `build/output.js`, swapped in by the bundler
// (scripts/bundle.mjs). Ink builds a new Output for every frame and its `get()` re-tokenises every
// line, measures every character and rebuilds a cell grid of the whole terminal: ~13 ms of a
// ~16 ms frame at 120×40, for a keypress that changes two rows. This version gives the same
// output (test/lib/ink/fast-output.test.ts runs both on the same operations) but remembers, from
// one frame to the next, the finished text of every row and the slices, widths and styled
// characters it computed (in bounded memos); a row whose writes are the same as before costs one
// map lookup.
import {ansiCodesToString, diffAnsiCodes, reduceAnsiCodesIncremental, styledCharsFromTokens, styledCharsToString, tokenize, type AnsiCode, type StyledChar} from '@alcalzone/ansi-tokenize';
import sliceAnsi from 'slice-ansi';
import stringWidth from 'string-width';
import {Memo} from './memo.js';
import {isPlainText, measureWidth} from './plain-text.js';

/** Ink's OutputTransformer: (line, index of the line in its text) → line. */
type Transformer = (line: string, index: number) => string;

interface Clip {
	readonly x1: number | undefined;
	readonly x2: number | undefined;
	readonly y1: number | undefined;
	readonly y2: number | undefined;
}

type Operation = {readonly type: 'write'; readonly x: number; readonly y: number; readonly text: string; readonly transformers: readonly Transformer[]} | {readonly type: 'clip'; readonly clip: Clip} | {readonly type: 'unclip'};

/** Printed width of one styled character's text, as Ink measures it (never less than 1). */
function cellWidth(value: string): number {
	if (value.length === 1) {
		const code = value.codePointAt(0)!;
		// Printable ASCII is always one cell; skip string-width's grapheme machinery for it.
		if (code >= 0x20 && code < 0x7f) return 1;
	}

	return Math.max(1, charWidths.get(value, stringWidth));
}

const charWidths = new Memo<number>();
const lineWidths = new Memo<number>();
const blockWidths = new Memo<number>();
const slices = new Memo<string>();
const styledLines = new Memo<StyledChar[]>();
const rowTexts = new Memo<string>();

function widestLine(text: string): number {
	return blockWidths.get(text, () => {
		let width = 0;
		for (const line of text.split('\n')) width = Math.max(width, lineWidths.get(line, measureWidth));
		return width;
	});
}

/** One line written on a row: its column and its final (clipped, transformed) text. */
interface RowWrite {
	readonly x: number;
	readonly line: string;
}

/** The row as Ink's grid would print it: a row of blank cells, each write laid over it in order. */
function renderRow(width: number, writes: readonly RowWrite[]): string {
	return renderPlainRow(width, writes) ?? renderStyledCharRow(width, writes);
}

/** Ink's own way: a styled-character object per cell (any text: wide characters, links, controls). */
function renderStyledCharRow(width: number, writes: readonly RowWrite[]): string {
	const cells: Array<StyledChar | undefined> = [];
	for (let x = 0; x < width; x++) cells.push({type: 'char', value: ' ', fullWidth: false, styles: []});
	for (const {x, line} of writes) {
		let offsetX = x;
		for (const character of styledLines.get(line, key => styledCharsFromTokens(tokenize(key)))) {
			cells[offsetX] = character;
			const characterWidth = cellWidth(character.value);
			// A wide character covers the next cells: blank them, as Ink does, so nothing shows through.
			for (let index = 1; index < characterWidth; index++) cells[offsetX + index] = {type: 'char', value: '', fullWidth: false, styles: character.styles};
			offsetX += characterWidth;
		}
	}

	return styledCharsToString(cells.filter(cell => cell !== undefined)).trimEnd();
}

/** A stretch of one-cell characters that share one style. */
interface Run {
	readonly text: string;
	readonly styles: readonly AnsiCode[];
}

const SGR = /\u001B\[[\d;]*m/y;
const NO_STYLES: readonly AnsiCode[] = [];
const plainRuns = new Memo<Run[] | false>();

/**
 * A line of one-cell characters and SGR sequences (what a table row is) as runs, with the styles
 * the tokenizer would give each character; false for anything else (wide characters, other
 * escapes, controls).
 */
function toRuns(line: string): Run[] | false {
	const runs: Run[] = [];
	let styles: AnsiCode[] = [];
	let at = 0;
	while (at < line.length) {
		const escape = line.indexOf('\u001B', at);
		const end = escape === -1 ? line.length : escape;
		if (end > at) {
			const text = line.slice(at, end);
			if (!isPlainText(text)) return false;
			runs.push({text, styles});
		}

		if (escape === -1) break;
		SGR.lastIndex = escape;
		const sequence = SGR.exec(line)?.[0];
		if (sequence === undefined) return false;
		// The sequence as the tokenizer reads it (compound codes split), applied one code at a time as styledCharsFromTokens does.
		for (const token of tokenize(sequence)) {
			if (token.type !== 'ansi') return false;
			styles = reduceAnsiCodesIncremental(styles, [token]);
		}

		at = escape + sequence.length;
	}

	return runs;
}

/**
 * The same row without a styled-character object per cell, for rows made only of one-cell
 * characters and SGR styles: a character and a style per cell, and one style difference per
 * change of style instead of per character. The text is byte for byte what
 * renderStyledCharRow gives (checked against Ink's Output in test/lib/ink/fast-output.test.ts).
 * Undefined when a write is not of that kind. Exported for its tests.
 */
export function renderPlainRow(width: number, writes: readonly RowWrite[]): string | undefined {
	const characters: string[] = [];
	const styles: Array<readonly AnsiCode[]> = [];
	for (let x = 0; x < width; x++) {
		characters.push(' ');
		styles.push(NO_STYLES);
	}

	for (const {x, line} of writes) {
		const runs = plainRuns.get(line, toRuns);
		if (runs === false) return undefined;
		let offsetX = x;
		for (const run of runs) {
			for (let index = 0; index < run.text.length; index++) {
				characters[offsetX] = run.text[index]!;
				styles[offsetX] = run.styles;
				offsetX++;
			}
		}
	}

	// As styledCharsToString over the cells that exist (a write past the width leaves holes that Ink skips).
	let text = '';
	let previous: readonly AnsiCode[] | undefined;
	for (let index = 0; index < characters.length; index++) {
		const character = characters[index];
		if (character === undefined) continue;
		const current = styles[index]!;
		if (previous === undefined) text += ansiCodesToString([...current]);
		else if (current !== previous) text += ansiCodesToString(diffAnsiCodes([...previous], [...current]));
		text += character;
		previous = current;
	}

	if (previous !== undefined) text += ansiCodesToString(diffAnsiCodes([...previous], []));
	return text.trimEnd();
}

export default class Output {
	width: number;
	height: number;
	private readonly operations: Operation[] = [];

	constructor(options: {width: number; height: number}) {
		this.width = options.width;
		this.height = options.height;
	}

	write(x: number, y: number, text: string, options: {transformers: Transformer[]}): void {
		if (!text) return;
		this.operations.push({type: 'write', x, y, text, transformers: options.transformers});
	}

	clip(clip: Clip): void {
		this.operations.push({type: 'clip', clip});
	}

	unclip(): void {
		this.operations.push({type: 'unclip'});
	}

	get(): {output: string; height: number} {
		const rows: RowWrite[][] = Array.from({length: this.height}, () => []);
		const clips: Clip[] = [];
		for (const operation of this.operations) {
			if (operation.type === 'clip') {
				clips.push(operation.clip);
				continue;
			}

			if (operation.type === 'unclip') {
				clips.pop();
				continue;
			}

			this.place(operation, clips.at(-1), rows);
		}

		const lines: string[] = [];
		for (const writes of rows) {
			if (writes.length === 0) {
				lines.push('');
				continue;
			}

			// The key is everything the row's text depends on: the width of the blank row and each write
			// (each line with its length, so no text can pass for a different list of writes).
			let key = String(this.width);
			for (const {x, line} of writes) key += `|${x},${line.length}:${line}`;
			lines.push(rowTexts.get(key, () => renderRow(this.width, writes)));
		}

		return {output: lines.join('\n'), height: rows.length};
	}

	/** Clips one write as Ink does and files its lines under the rows they land on. */
	private place(operation: Extract<Operation, {type: 'write'}>, clip: Clip | undefined, rows: RowWrite[][]): void {
		const {text, transformers} = operation;
		let {x, y} = operation;
		let lines = text.split('\n');
		if (clip) {
			const clipHorizontally = typeof clip.x1 === 'number' && typeof clip.x2 === 'number';
			const clipVertically = typeof clip.y1 === 'number' && typeof clip.y2 === 'number';
			if (clipHorizontally && (x + widestLine(text) < clip.x1! || x > clip.x2!)) return;
			if (clipVertically && (y + lines.length < clip.y1! || y > clip.y2!)) return;
			if (clipHorizontally) {
				const x1 = clip.x1!;
				const x2 = clip.x2!;
				lines = lines.map(line => {
					const from = x < x1 ? x1 - x : 0;
					const width = lineWidths.get(line, measureWidth);
					const to = x + width > x2 ? x2 - x : width;
					// Plain text is sliced by index: one character, one cell.
					return slices.get(`${from}\u0000${to}\u0000${line}`, () => (isPlainText(line) ? line.slice(from, to) : sliceAnsi(line, from, to)));
				});
				if (x < x1) x = x1;
			}

			if (clipVertically) {
				const from = y < clip.y1! ? clip.y1! - y : 0;
				const to = y + lines.length > clip.y2! ? clip.y2! - y : lines.length;
				lines = lines.slice(from, to);
				if (y < clip.y1!) y = clip.y1!;
			}
		}

		let offsetY = 0;
		for (let [index, line] of lines.entries()) {
			const row = rows[y + offsetY];
			// Text taller than the output (or above it) has nowhere to go, as in Ink.
			if (!row) continue;
			for (const transformer of transformers) line = transformer(line, index);
			row.push({x, line});
			offsetY++;
		}
	}
}
