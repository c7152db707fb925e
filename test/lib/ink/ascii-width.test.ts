// The bundle's string-width stand-in answers printable ASCII (with or without SGR codes) itself
// (scripts/lazy-string-width-plugin.mjs). This holds its answers to both string-width versions the
// bundle contains: Ink's own and the older copy wrap-ansi brings.
import assert from 'node:assert/strict';
import {createRequire} from 'node:module';
import {test} from 'node:test';
import {pathToFileURL} from 'node:url';
import stringWidth from 'string-width';
import {asciiWidth} from '../../../source/lib/ink/ascii-width.js';

type StringWidth = (text: string) => number;

/** string-width as wrap-ansi resolves it (its own nested copy when npm keeps one). */
async function wrapAnsiStringWidth(): Promise<StringWidth> {
	const fromWrapAnsi = createRequire(import.meta.resolve('wrap-ansi'));
	const module = (await import(pathToFileURL(fromWrapAnsi.resolve('string-width')).href)) as {default: StringWidth};
	return module.default;
}

/** A deterministic stream of texts: printable ASCII mixed with SGR codes, and near misses. */
function* texts(): Generator<string> {
	const pieces = ['a', ' ', '~', '[', 'm', '1', ';', '0', '\u001B[1m', '\u001B[22m', '\u001B[38;5;42m', '\u001B[0m', '\u001B[m', '\u001B[31;1m', 'Password', '›'];
	let seed = 7;
	const next = () => {
		seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
		return seed;
	};
	yield '';
	for (let index = 0; index < 5000; index++) {
		let text = '';
		const length = next() % 12;
		for (let piece = 0; piece < length; piece++) text += pieces[next() % pieces.length];
		yield text;
	}
}

test('asciiWidth agrees with both bundled string-width versions wherever it answers', async () => {
	const olderStringWidth = await wrapAnsiStringWidth();
	let answered = 0;
	for (const text of texts()) {
		const width = asciiWidth(text);
		if (width === undefined) continue;
		answered++;
		assert.equal(width, stringWidth(text), JSON.stringify(text));
		assert.equal(width, olderStringWidth(text), JSON.stringify(text));
	}
	assert.ok(answered > 1000, `${answered} texts answered`);
});

test('asciiWidth leaves everything else to string-width', () => {
	for (const text of ['›', 'é', '日本', '\u001B[1', '\u001B]8;;http://x\u0007link', '\t', 'a\nb', '\u001B[?25l', '\u001B[2K', '\u0007']) {
		assert.equal(asciiWidth(text), undefined, JSON.stringify(text));
	}
	assert.equal(asciiWidth(42), undefined);
	assert.equal(asciiWidth('\u001B[1mcustom \u001B[22manother API server'), 'custom another API server'.length);
});
