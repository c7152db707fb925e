// Terminal display width: how many cells a string takes, not how many UTF-16 units it has.
// A local implementation rather than `string-width` because that package is only a transitive
// dependency of ink here, and the rules we need are small: wide East Asian and emoji = 2,
// combining marks and other zero-width code points = 0, everything else = 1.

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}\u200b-\u200f\ufe00-\ufe0f\u{e0100}-\u{e01ef}]$/u;
const EMOJI_PRESENTATION = /\p{Emoji_Presentation}|\p{Extended_Pictographic}\ufe0f/u;
// Created on first use: building ICU's grapheme segmenter costs ~10 ms, and the login form is ASCII.
let segmenter: Intl.Segmenter | undefined;
const graphemes = (text: string) => (segmenter ??= new Intl.Segmenter(undefined, {granularity: 'grapheme'})).segment(text);

/** The ellipsis appended when text is cut. Width 1. */
export const ELLIPSIS = '…';

/** Whether a code point is East Asian Wide or Fullwidth (the ranges terminals draw as two cells). */
function isWideCodePoint(cp: number): boolean {
	return (
		(cp >= 0x1100 && cp <= 0x115f) ||
		(cp >= 0x231a && cp <= 0x231b) ||
		(cp >= 0x2329 && cp <= 0x232a) ||
		(cp >= 0x2e80 && cp <= 0x303e) ||
		(cp >= 0x3041 && cp <= 0x33ff) ||
		(cp >= 0x3400 && cp <= 0x4dbf) ||
		(cp >= 0x4e00 && cp <= 0x9fff) ||
		(cp >= 0xa000 && cp <= 0xa4cf) ||
		(cp >= 0xa960 && cp <= 0xa97f) ||
		(cp >= 0xac00 && cp <= 0xd7a3) ||
		(cp >= 0xf900 && cp <= 0xfaff) ||
		(cp >= 0xfe10 && cp <= 0xfe19) ||
		(cp >= 0xfe30 && cp <= 0xfe6f) ||
		(cp >= 0xff00 && cp <= 0xff60) ||
		(cp >= 0xffe0 && cp <= 0xffe6) ||
		(cp >= 0x16fe0 && cp <= 0x18cff) ||
		(cp >= 0x1b000 && cp <= 0x1b2ff) ||
		(cp >= 0x1f300 && cp <= 0x1f64f) ||
		(cp >= 0x1f900 && cp <= 0x1f9ff) ||
		(cp >= 0x20000 && cp <= 0x3fffd)
	);
}

/** Width of one grapheme cluster: decided by its first code point, or 2 for an emoji presentation. */
function graphemeWidth(grapheme: string): number {
	const cp = grapheme.codePointAt(0)!;
	if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0;
	if (grapheme.length === 1 && cp < 0x300) return 1;
	if (ZERO_WIDTH.test(String.fromCodePoint(cp))) {
		// A lone combining mark (nothing to combine with) still takes no cell.
		return 0;
	}
	if (isWideCodePoint(cp) || EMOJI_PRESENTATION.test(grapheme)) return 2;
	return 1;
}

/** How many terminal cells `text` takes. Wide CJK and emoji count 2, combining marks 0. */
export function stringWidth(text: string): number {
	if (PRINTABLE_ASCII.test(text)) return text.length;
	let width = 0;
	for (const {segment} of graphemes(text)) width += graphemeWidth(segment);
	return width;
}

/**
 * Cut `text` to at most `width` cells, ending in '…' when anything was cut.
 * Never splits a grapheme cluster or a wide character in half.
 */
export function truncateToWidth(text: string, width: number): string {
	if (width <= 0) return '';
	if (PRINTABLE_ASCII.test(text)) {
		return text.length <= width ? text : text.slice(0, width - 1) + ELLIPSIS;
	}
	if (stringWidth(text) <= width) return text;
	const budget = width - 1;
	let used = 0;
	let result = '';
	for (const {segment} of graphemes(text)) {
		const w = graphemeWidth(segment);
		if (used + w > budget) break;
		used += w;
		result += segment;
	}
	return result + ELLIPSIS;
}

/** Text alignment inside a padded cell. */
export type Alignment = 'left' | 'right';

/**
 * Truncate or pad `text` to exactly `width` cells.
 * @default align 'left'
 */
export function padToWidth(text: string, width: number, align: Alignment = 'left'): string {
	const cut = truncateToWidth(text, width);
	const gap = width - stringWidth(cut);
	if (gap <= 0) return cut;
	return align === 'right' ? ' '.repeat(gap) + cut : cut + ' '.repeat(gap);
}
