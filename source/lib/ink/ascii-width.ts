// The width string-width gives printable ASCII, bare or with SGR colour codes (`ESC [ … m`, all
// that Ink and chalk write), without string-width: it strips the codes, and no control, mark or
// wide character can be left, so the width is the length of what remains. The bundle's stand-in
// for string-width answers these itself and loads the real package only for other text
// (scripts/lazy-string-width-plugin.mjs); test/lib/ink/ascii-width.test.ts holds this to both
// string-width versions in the bundle.

/** Text of printable ASCII only (U+0020–U+007E): one cell per character, to string-width too. */
export const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const ASCII_WITH_SGR = /^(?:[\x20-\x7e]|\x1b\[[\d;]*m)*$/;
const SGR = /\x1b\[[\d;]*m/g;

/** The printed width of `text` when it is printable ASCII with at most SGR codes; otherwise undefined. */
export function asciiWidth(text: unknown): number | undefined {
	if (typeof text !== 'string') return undefined;
	if (PRINTABLE_ASCII.test(text)) return text.length;
	if (ASCII_WITH_SGR.test(text)) return text.replace(SGR, '').length;
	return undefined;
}
