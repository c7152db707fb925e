// plain-text.ts keeps a fixed list of the characters in its simple blocks that are not one narrow
// cell, so that the first frame does not pay for asking string-width. This holds the list to what
// Ink's tokenizer and string-width say of every character of the blocks: an upgrade of either that
// changes an answer fails here, not on screen.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {tokenize} from '@alcalzone/ansi-tokenize';
import stringWidth from 'string-width';
import {isPlainText, isSimpleCharacter, measureWidth, NOT_SIMPLE, SIMPLE_BLOCKS} from '../../../source/lib/ink/plain-text.js';

/** What the fast paths assume of a simple character, asked of the libraries Ink itself uses. */
function isOneNarrowCell(character: string): boolean {
	const tokens = tokenize(character);
	const token = tokens[0];
	return (
		!/[\p{M}\p{C}]/u.test(character) &&
		stringWidth(character) === 1 &&
		tokens.length === 1 &&
		token?.type === 'char' &&
		token.value === character &&
		!token.fullWidth
	);
}

test('every character of the simple blocks: the fixed list agrees with the tokenizer and string-width', () => {
	let checked = 0;
	const disagreements: string[] = [];
	for (let code = 0; code <= 0xff_ff; code++) {
		const character = String.fromCharCode(code);
		if (!SIMPLE_BLOCKS.test(character)) continue;
		checked++;
		if (isSimpleCharacter(character) !== isOneNarrowCell(character)) disagreements.push(`U+${code.toString(16).padStart(4, '0')}`);
	}

	assert.ok(checked > 800, `${checked} characters checked`);
	assert.deepEqual(disagreements, []);
});

test('the listed exceptions are really not simple, and outside the blocks nothing is', () => {
	for (const character of NOT_SIMPLE) assert.equal(isOneNarrowCell(character), false, `U+${character.charCodeAt(0).toString(16)}`);
	for (const character of ['\u0301', '\u200d', '\u3042', '\u{1f600}', '\u0e31', '\u1100']) assert.equal(isSimpleCharacter(character), false);
});

test('measureWidth is string-width for plain and for other text', () => {
	for (const text of ['Hosts · 1,000 hosts loaded', '⠙ Logging in…', '› 10.0.0.1 │ ▲', 'soft\u00adhyphen', '◽ box', 'wide 日本', 'e\u0301', '']) {
		assert.equal(measureWidth(text), stringWidth(text), JSON.stringify(text));
	}
	assert.equal(isPlainText('◽'), false);
	assert.equal(isPlainText('a · b'), true);
	// The spinner of "Logging in…": plain, so that frame never waits for the grapheme segmenter.
	assert.equal(isPlainText('⠋ Logging in…'), true);
});
