// Text made only of characters that take one cell each and are one grapheme each: for such text
// width is length and a slice by cells is a slice by index, with no grapheme segmentation or
// width tables. Used by the frame renderer's fast paths (fast-output.ts, widest-line.ts), which
// the differential tests hold to Ink's and string-width's results.
import stringWidth from 'string-width';
import {PRINTABLE_ASCII} from './ascii-width.js';

// Blocks whose characters are one cell, one grapheme each, and never join their neighbours into a
// grapheme (no marks, joiners, jamo, or Thai/Lao vowels in them): Latin-1 and Latin Extended,
// punctuation (… · – —), arrows, box drawing and blocks (│ ─), geometric shapes (▲ ▼), and the
// braille patterns of the spinner (⠋ ⠙).
export const SIMPLE_BLOCKS = /^[\u00a0-\u024f\u2010-\u2027\u2030-\u205e\u2190-\u21ff\u2500-\u25ff\u2800-\u28ff]$/;
// The characters of those blocks that are not one narrow cell to Ink's tokenizer and string-width:
// the soft hyphen (a format character) and ◽ ◾ (emoji presentation, two cells). A fixed list, not
// asked of the tokenizer and string-width at run time: their first call compiles string-width's
// emoji and segmenter machinery, ~8 ms of the login form's first frame. test/lib/ink/plain-text.test.ts
// asks them about every character of the blocks, so an upgrade that changes an answer fails there.
export const NOT_SIMPLE = new Set(['\u00ad', '\u25fd', '\u25fe']);

/** One UTF-16 unit that the tokenizer reads as one narrow character and string-width as one cell. */
export function isSimpleCharacter(character: string): boolean {
	return SIMPLE_BLOCKS.test(character) && !NOT_SIMPLE.has(character);
}

/** Text of one-cell characters only (printable ASCII or simple characters). */
export function isPlainText(text: string): boolean {
	if (PRINTABLE_ASCII.test(text)) return true;
	for (const character of text) {
		if (character.length !== 1) return false;
		const code = character.charCodeAt(0);
		if ((code < 0x20 || code >= 0x7f) && !isSimpleCharacter(character)) return false;
	}

	return true;
}

/** Printed width as string-width gives it, without its machinery for plain text. */
export function measureWidth(text: string): number {
	return isPlainText(text) ? text.length : stringWidth(text);
}

/**
 * Measures one text that is not plain, so that string-width is loaded (in the bundle it is loaded
 * on first use: scripts/lazy-string-width-plugin.mjs) and its grapheme segmenter has its ICU data
 * before a frame needs them: that first measure costs ~20 ms (the braille spinner of "Logging in…"
 * paid it right after Enter, before the login request was sent). Run while idle.
 */
export function warmTextMeasure(): void {
	stringWidth('日本 e\u0301 \u{1f600}');
}
