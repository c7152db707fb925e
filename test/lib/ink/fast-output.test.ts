// The bundle swaps Ink's Output for source/lib/ink/fast-output.ts (scripts/bundle.mjs). It must
// print exactly what Ink's does: both run the same operations (styled text, wide characters,
// nested clips, text off the edges) frame after frame, and their frames are compared.
import assert from 'node:assert/strict';
import {createRequire} from 'node:module';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {test} from 'node:test';
import chalk from 'chalk';
import fc from 'fast-check';
import FastOutput, {renderPlainRow} from '../../../source/lib/ink/fast-output.js';
import {isPlainText, measureWidth} from '../../../source/lib/ink/plain-text.js';
import widestLine from '../../../source/lib/ink/widest-line.js';
import sliceAnsi from 'slice-ansi';
import stringWidth from 'string-width';
import {FUZZ_RUNS} from '../../fuzz/documents.js';

// Ink does not export its Output; load the file its package entry sits next to.
const inkEntry = createRequire(import.meta.url).resolve('ink');
const {default: InkOutput} = (await import(pathToFileURL(path.join(path.dirname(inkEntry), 'output.js')).href)) as {default: typeof FastOutput};
const {default: inkWidestLine} = (await import('widest-line')) as {default: (text: string) => number};

chalk.level = 3;

type Transformer = (line: string, index: number) => string;
type Step = {kind: 'write'; x: number; y: number; text: string; transformer?: 'red' | 'bold-index'} | {kind: 'clip'; x1?: number; x2?: number; y1?: number; y2?: number} | {kind: 'unclip'};

const transformers: Record<'red' | 'bold-index', Transformer> = {
	red: line => chalk.red(line),
	'bold-index': (line, index) => (index % 2 === 0 ? chalk.bold(line) : line),
};

function run(OutputClass: typeof FastOutput, width: number, height: number, steps: readonly Step[]): string {
	const output = new OutputClass({width, height});
	for (const step of steps) {
		if (step.kind === 'write') output.write(step.x, step.y, step.text, {transformers: step.transformer ? [transformers[step.transformer]] : []});
		else if (step.kind === 'clip') output.clip({x1: step.x1, x2: step.x2, y1: step.y1, y2: step.y2});
		else output.unclip();
	}

	const {output: text, height: outputHeight} = output.get();
	return `${outputHeight}\n${text}`;
}

// Pieces of text a frame is made of: plain, styled (nested too), wide, combining, emoji, tabs.
const piece = fc.constantFrom(
	'host',
	'10.0.0.1',
	' ',
	'   ',
	'›',
	'日本語',
	'e\u0301',
	'👍🏽',
	'🇫🇷',
	'\t',
	chalk.red('red'),
	chalk.bgBlue.white(' sel '),
	chalk.inverse('› 1000390 10.0.0.32'),
	chalk.bold(`a${chalk.dim('b')}c`),
	chalk.green('日本'),
	'\u001B[7m',
	'\u001B[27m',
	// SGR as other code writes it: compound, reset, empty, 256 and true colour, unknown; other escapes.
	'\u001B[1;31m',
	'\u001B[0m',
	'\u001B[m',
	'\u001B[38;5;200m',
	'\u001B[48;2;1;2;3m',
	'\u001B[22m',
	'\u001B[2m\u001B[1m',
	'\u001B[99m',
	'\u001B[2K',
	'\u001B',
	'\u0007',
	'plain row text',
	'12345',
	'… · │ ─ – — ▲ ▼ é ß Ł',
	'e\u0301',
	'\u0e01\u0e33',
	'\u200d',
	'\ufe0f',
);
const text = fc.array(fc.oneof(piece, fc.constant('\n')), {minLength: 1, maxLength: 12}).map(parts => parts.join(''));
const step: fc.Arbitrary<Step> = fc.oneof(
	{weight: 6, arbitrary: fc.record({kind: fc.constant('write' as const), x: fc.integer({min: -3, max: 30}), y: fc.integer({min: -2, max: 10}), text, transformer: fc.option(fc.constantFrom('red' as const, 'bold-index' as const), {nil: undefined})})},
	{weight: 1, arbitrary: fc.record({kind: fc.constant('clip' as const), x1: fc.option(fc.integer({min: -2, max: 20}), {nil: undefined}), x2: fc.option(fc.integer({min: 0, max: 30}), {nil: undefined}), y1: fc.option(fc.integer({min: -2, max: 8}), {nil: undefined}), y2: fc.option(fc.integer({min: 0, max: 10}), {nil: undefined})})},
	{weight: 1, arbitrary: fc.constant({kind: 'unclip' as const})},
);
const frame = fc.record({width: fc.integer({min: 1, max: 30}), height: fc.integer({min: 0, max: 10}), steps: fc.array(step, {maxLength: 12})});

test('fast output prints what Ink prints, frame after frame (its memos carry over between frames)', () => {
	fc.assert(
		fc.property(fc.array(frame, {minLength: 1, maxLength: 4}), frames => {
			for (const {width, height, steps} of frames) assert.equal(run(FastOutput, width, height, steps), run(InkOutput, width, height, steps));
		}),
		{numRuns: Math.min(FUZZ_RUNS, 3000)},
	);
});

test('a row that changes between frames is printed anew, not taken from the memo', () => {
	const first = run(FastOutput, 20, 2, [{kind: 'write', x: 0, y: 0, text: '› a\n  b'}]);
	const second = run(FastOutput, 20, 2, [{kind: 'write', x: 0, y: 0, text: '  a\n› b'}]);
	assert.equal(first, '2\n› a\n  b');
	assert.equal(second, '2\n  a\n› b');
});

test('the same writes on a narrower output are printed for that width', () => {
	const steps: Step[] = [{kind: 'write', x: 8, y: 0, text: 'x'}, {kind: 'write', x: 0, y: 0, text: 'ab'}];
	assert.equal(run(FastOutput, 10, 1, steps), run(InkOutput, 10, 1, steps));
	assert.equal(run(FastOutput, 4, 1, steps), run(InkOutput, 4, 1, steps));
	assert.notEqual(run(FastOutput, 10, 1, steps), run(FastOutput, 4, 1, steps));
});

test('widest-line stand-in measures as the package does', () => {
	fc.assert(
		fc.property(text, value => {
			assert.equal(widestLine(value), inkWidestLine(value));
			assert.equal(widestLine(value), inkWidestLine(value));
		}),
		{numRuns: Math.min(FUZZ_RUNS, 2000)},
	);
});

test('table rows (one-cell characters and SGR styles) take the plain path; wide characters and other escapes do not', () => {
	assert.equal(renderPlainRow(12, [{x: 0, line: `\u001B[7m› 1 10.0.0.1\u001B[27m`}]), '\u001B[7m› 1 10.0.0.1\u001B[27m');
	assert.equal(renderPlainRow(12, [{x: 2, line: 'ab'}, {x: 3, line: '\u001B[1mc\u001B[22m'}]), '  a\u001B[1mc\u001B[22m');
	assert.equal(renderPlainRow(12, [{x: 0, line: '│ a … b ·'}]), '│ a … b ·');
	assert.equal(renderPlainRow(12, [{x: 0, line: '日本'}]), undefined);
	assert.equal(renderPlainRow(12, [{x: 0, line: 'e\u0301'}]), undefined);
	assert.equal(renderPlainRow(12, [{x: 0, line: 'a\u001B[2Kb'}]), undefined);
	assert.equal(renderPlainRow(12, [{x: 0, line: 'tab\there'}]), undefined);
});

test('plain text: width is what string-width says, and a slice by index is what slice-ansi cuts', () => {
	// Characters from every block the fast paths accept, and from around them.
	const character = fc.oneof(
		fc.integer({min: 0x20, max: 0x7e}),
		fc.integer({min: 0x00, max: 0x3ff}),
		fc.integer({min: 0x2000, max: 0x2100}),
		fc.integer({min: 0x2180, max: 0x2600}),
		fc.constantFrom(0x0e33, 0x0d4e, 0x200d, 0xfe0f, 0x1100, 0x3042, 0xff21),
	).map(code => String.fromCharCode(code));
	fc.assert(
		fc.property(fc.array(character, {maxLength: 20}).map(parts => parts.join('')), fc.nat(25), fc.nat(25), (text, a, b) => {
			assert.equal(measureWidth(text), stringWidth(text));
			if (isPlainText(text)) assert.equal(text.slice(Math.min(a, b), Math.max(a, b)), sliceAnsi(text, Math.min(a, b), Math.max(a, b)));
		}),
		{numRuns: Math.min(FUZZ_RUNS, 3000)},
	);
});

test('two different lists of writes never share a remembered row, whatever the text holds', () => {
	// One write whose text looks like the key of two writes, then the two writes themselves.
	const one = run(FastOutput, 10, 1, [{kind: 'write', x: 0, y: 0, text: 'a|2,1:b'}]);
	const two = run(FastOutput, 10, 1, [{kind: 'write', x: 0, y: 0, text: 'a'}, {kind: 'write', x: 2, y: 0, text: 'b'}]);
	assert.equal(one, run(InkOutput, 10, 1, [{kind: 'write', x: 0, y: 0, text: 'a|2,1:b'}]));
	assert.equal(two, '1\na b');
});
