// Text made only of characters that take one cell each and are one grapheme each: for such text
// width is length and a slice by cells is a slice by index, with no grapheme segmentation or
// width tables. Used by the frame renderer's fast paths (fast-output.ts, widest-line.ts), which
// the differential tests hold to Ink's and string-width's results.
import {tokenize} from '@alcalzone/ansi-tokenize';
import stringWidth from 'string-width';

export const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
// Blocks whose characters are one cell, one grapheme each, and never join their neighbours into a
// grapheme (no marks, joiners, jamo, or Thai/Lao vowels in them): Latin-1 and Latin Extended,
// punctuation (… · – —), arrows, box drawing and blocks (│ ─), geometric shapes (▲ ▼).
const SIMPLE_BLOCKS = /^[\u00a0-\u024f\u2010-\u2027\u2030-\u205e\u2190-\u21ff\u2500-\u25ff]$/;
const EXCLUDED = /[\p{M}\p{C}]/u;
const simpleCharacters = new Map<string, boolean>();

/** One UTF-16 unit that the tokenizer reads as one narrow character and string-width as one cell. */
function isSimpleCharacter(character: string): boolean {
	let simple = simpleCharacters.get(character);
	if (simple === undefined) {
		const tokens = tokenize(character);
		simple =
			SIMPLE_BLOCKS.test(character) &&
			!EXCLUDED.test(character) &&
			stringWidth(character) === 1 &&
			tokens.length === 1 &&
			tokens[0]!.type === 'char' &&
			tokens[0]!.value === character &&
			!tokens[0]!.fullWidth;
		simpleCharacters.set(character, simple);
	}

	return simple;
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
