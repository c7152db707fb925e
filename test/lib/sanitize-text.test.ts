import {test} from 'node:test';
import assert from 'node:assert/strict';
import {sanitizeText} from '../../source/lib/sanitize-text.js';

test('returns clean text unchanged (same string)', () => {
	const clean = 'web-01.example.com Windows Server 2019 Ünïcødé 日本';
	assert.equal(sanitizeText(clean), clean);
});

test('removes a whole CSI sequence, not just the ESC byte', () => {
	assert.equal(sanitizeText('a\x1b[2Jb'), 'ab');
	assert.equal(sanitizeText('\x1b[31;1mred\x1b[0m'), 'red');
	assert.equal(sanitizeText('x\x1b[?1049hy'), 'xy');
});

test('removes OSC sequences ended by BEL or by ST', () => {
	assert.equal(sanitizeText('a\x1b]0;title\x07b'), 'ab');
	assert.equal(sanitizeText('a\x1b]0;t\x1b\\b'), 'ab');
	assert.equal(sanitizeText('a\x1b]52;c;SGVsbG8=\x07b'), 'ab');
	assert.equal(sanitizeText('a\x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\b'), 'alinkb');
});

test('an unterminated OSC swallows the rest, as a terminal would', () => {
	assert.equal(sanitizeText('ok\x1b]0;never ends'), 'ok');
});

test('removes DCS, APC, PM and SOS strings', () => {
	assert.equal(sanitizeText('a\x1bP1$r0m\x1b\\b'), 'ab');
	assert.equal(sanitizeText('a\x1b_apc\x1b\\b'), 'ab');
	assert.equal(sanitizeText('a\x1b^pm\x1b\\b'), 'ab');
	assert.equal(sanitizeText('a\x1bXsos\x1b\\b'), 'ab');
});

test('removes SS2/SS3 with the character they shift, and other ESC sequences', () => {
	assert.equal(sanitizeText('a\x1bOPb'), 'ab');
	assert.equal(sanitizeText('a\x1bNxb'), 'ab');
	assert.equal(sanitizeText('a\x1b(Bb'), 'ab');
	assert.equal(sanitizeText('a\x1bcb'), 'ab');
	assert.equal(sanitizeText('trailing\x1b'), 'trailing');
});

test('removes 8-bit C1 sequences and stray C1 controls', () => {
	assert.equal(sanitizeText('a\x9b2Jb'), 'ab');
	assert.equal(sanitizeText('a\x9d0;t\x9cb'), 'ab');
	assert.equal(sanitizeText('a\x80\x85\x81b'), 'a b');
	assert.equal(sanitizeText('a\x9f_apc\x9cb'), 'ab');
});

test('removes C0 controls, BEL and DEL', () => {
	assert.equal(sanitizeText('a\x00\x07\x08\x7fb'), 'ab');
});

test('removes bidi controls', () => {
	for (const char of ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c']) {
		assert.equal(sanitizeText(`ab${char}cd`), 'abcd', `U+${char.codePointAt(0)!.toString(16)}`);
	}
});

test('removes zero-width characters and tag characters', () => {
	assert.equal(sanitizeText('a\u200bb\u200cc\u200dd\u2060e\ufefff'), 'abcdef');
	assert.equal(sanitizeText('a\u{e0041}\u{e0042}b'), 'ab');
});

test('turns newlines, tabs and line separators into one space', () => {
	assert.equal(sanitizeText('line one\r\nline two\tx\u2028y\u2029z'), 'line one line two x y z');
	assert.equal(sanitizeText('a\n\n\nb'), 'a b');
});

test('keeps newlines when asked, normalised to \\n', () => {
	assert.equal(sanitizeText('one\r\ntwo\rthree\u2028four\tfive\x1b[2J', {shouldKeepNewlines: true}), 'one\ntwo\nthree\nfour five');
});

test('replaces lone surrogates', () => {
	assert.equal(sanitizeText('a\ud800b'), 'a\ufffdb');
	assert.equal(sanitizeText('emoji 😀'), 'emoji 😀');
});

test('truncates by display width with an ellipsis', () => {
	assert.equal(sanitizeText('abcdefghij', {maxLength: 5}), 'abcd…');
	assert.equal(sanitizeText('abcde', {maxLength: 5}), 'abcde');
	assert.equal(sanitizeText('日本語テキスト', {maxLength: 7}), '日本語…');
	assert.equal(sanitizeText('\x1b[31mabcdefgh\x1b[0m', {maxLength: 4}), 'abc…');
});
