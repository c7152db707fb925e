// The one sanitiser for server text. Qualys returns free text (host names, OS strings, scan
// titles, comments) that anyone able to register an asset can influence; printed raw, an escape
// sequence could clear the screen, retitle the terminal, write to the clipboard (OSC 52) or hide
// text behind bidi overrides. Unlike ink's sanitize-ansi (trusted input, keeps colours), we strip
// every escape and every invisible or direction-changing code point.
import {truncateToWidth} from './display-width.js';

/**
 * Anything that needs work. Kept to one regex test so clean text (nearly all of it) costs one scan.
 * C0, DEL, C1, soft hyphen, Arabic letter mark, Mongolian vowel separator, zero-width and bidi
 * marks (U+200B–200F), line/paragraph separators and bidi embeddings/overrides (U+2028–202E),
 * word joiner, invisible operators and bidi isolates (U+2060–206F), BOM, interlinear annotations,
 * tag characters (used to smuggle invisible ASCII) and lone surrogates.
 */
const NEEDS_WORK =
	/[\x00-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb\u{e0000}-\u{e007f}\ud800-\udfff]/u;

/**
 * Whole escape sequences, 7-bit (ESC …) and 8-bit (C1 introducers), so their parameters go too:
 * - CSI `ESC [` / U+009B: parameters, intermediates, one final byte (`\x1b[2J`).
 * - OSC `ESC ]` / U+009D, DCS `ESC P` / U+0090, SOS `ESC X` / U+0098, PM `ESC ^` / U+009E,
 *   APC `ESC _` / U+009F: a string up to BEL or ST (`ESC \` / U+009C). Unterminated strings run to
 *   the end of the text, as a terminal would swallow them.
 * - SS2/SS3 `ESC N` / `ESC O` / U+008E / U+008F plus the one character they shift.
 * - Any other ESC with intermediates and a final byte (`ESC ( B`, `ESC c` reset, `ESC 7`).
 * - A lone ESC (at the end, or before something that does not form a sequence).
 */
const ESCAPE_SEQUENCE = new RegExp(
	[
		String.raw`(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?`,
		String.raw`(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?`,
		String.raw`(?:\x1b[NO]|[\x8e\x8f])[\s\S]?`,
		String.raw`\x1b[\x20-\x2f]*[\x30-\x7e]?`,
	].join('|'),
	'g',
);

const LINE_BREAKS = /\r\n|[\r\n\v\f\u2028\u2029\x85]/g;
const WHITESPACE_CONTROLS = /[\t\r\n\v\f\u2028\u2029\x85]+/g;
const INVISIBLE =
	/[\x00-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb\u{e0000}-\u{e007f}]/gu;
const INVISIBLE_KEEPING_NEWLINES =
	/[\x00-\x09\x0b-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb\u{e0000}-\u{e007f}]/gu;
const LONE_SURROGATE = /[\ud800-\udfff]/gu;

/** Options for {@link sanitizeText}. */
export interface SanitizeOptions {
	/** Cut to this many terminal cells, ending in '…'. Measured by display width, not length. */
	readonly maxLength?: number;
	/**
	 * Keep line breaks (normalised to `\n`) for wrapped detail text; tabs still become a space.
	 * @default false (every line break or tab becomes one space)
	 */
	readonly shouldKeepNewlines?: boolean;
}

/**
 * Make untrusted server text safe to print: strip every control character, whole ANSI escape
 * sequences (CSI, OSC, DCS, SOS/PM/APC, SS2/SS3, 8-bit forms), bidi controls, zero-width and
 * other invisible code points; turn line breaks and tabs into a space; replace lone surrogates
 * with U+FFFD; truncate to `maxLength` cells. Clean text comes back unchanged after one regex test.
 */
export function sanitizeText(text: string, options: SanitizeOptions = {}): string {
	const {maxLength, shouldKeepNewlines = false} = options;
	let result = text;
	if (NEEDS_WORK.test(text)) {
		result = result.replace(ESCAPE_SEQUENCE, '');
		if (shouldKeepNewlines) {
			result = result.replace(LINE_BREAKS, '\n').replace(/\t+/g, ' ').replace(INVISIBLE_KEEPING_NEWLINES, '');
		} else {
			result = result.replace(WHITESPACE_CONTROLS, ' ').replace(INVISIBLE, '');
		}
		result = result.replace(LONE_SURROGATE, '\ufffd');
	}
	return maxLength === undefined ? result : truncateToWidth(result, maxLength);
}
