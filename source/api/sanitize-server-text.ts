// Server text is untrusted: a proxy page or a hostile server can put terminal escape sequences,
// bidi overrides or megabytes of text into an error. Everything we quote from a response goes
// through here before it reaches a message. (source/lib/sanitize-text.ts is owned by the UI side;
// this copy keeps source/api free of UI imports.)

// CSI / OSC / other ESC sequences first, so their parameters do not survive as text.
const ESCAPE_SEQUENCES = /\u001B(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001B]*(?:\u0007|\u001B\\)?|[PX^_][^\u001B]*(?:\u001B\\)?|[@-Z\\-_])|\u009B[0-?]*[ -/]*[@-~]/g;
// C0 and C1 controls, DEL, and Unicode format characters that reorder or hide text. Fuzz fix
// (test/fuzz/parse-simple-return.test.ts): now the same set as lib/sanitize-text.ts — the Arabic
// letter mark U+061C (a bidi control), soft hyphen, U+180E, U+206A–206F, interlinear annotations and
// tag characters (invisible ASCII) used to pass through into error messages.
const CONTROLS = /[\u0000-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u2028-\u202E\u2060-\u206F\uFEFF\uFFF9-\uFFFB\u{E0000}-\u{E007F}]+/gu;
// A lone surrogate (from a server, or from cutting a pair in half) is not printable text.
const LONE_SURROGATE = /[\uD800-\uDFFF]/gu;

/** Default maximum length of quoted server text. */
export const MAX_SERVER_TEXT = 200;

/** One printable line of at most `max` characters from untrusted server text. */
export function sanitizeServerText(text: string, max = MAX_SERVER_TEXT): string {
	// Work on a bounded prefix: a 50 MiB body must not cost a 50 MiB regex pass.
	const isCut = text.length > max * 8;
	const clean = text
		.slice(0, max * 8)
		.replace(ESCAPE_SEQUENCES, '')
		.replace(CONTROLS, ' ')
		.replace(LONE_SURROGATE, '\uFFFD')
		.replace(/\s+/g, ' ')
		.trim();
	// Fix (test/security/secrets.test.ts): cutting to the bounded prefix is a cut too and gets its
	// '…' (a redaction keys on it), even when the collapsed text is short.
	if (clean.length <= max && !isCut) return clean;
	const room = Math.min(clean.length, max - 1);
	// Do not cut a surrogate pair in half (fuzz fix: the cut left a lone high surrogate).
	const cut = /[\uD800-\uDBFF]/.test(clean[room - 1] ?? '') ? room - 1 : room;
	return `${clean.slice(0, cut)}…`;
}
