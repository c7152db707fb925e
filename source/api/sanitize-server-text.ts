// Server text is untrusted: a proxy page or a hostile server can put terminal escape sequences,
// bidi overrides or megabytes of text into an error. Everything we quote from a response goes
// through here before it reaches a message. (source/lib/sanitize-text.ts is owned by the UI side;
// this copy keeps source/api free of UI imports.)

// CSI / OSC / other ESC sequences first, so their parameters do not survive as text.
const ESCAPE_SEQUENCES = /\u001B(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001B]*(?:\u0007|\u001B\\)?|[PX^_][^\u001B]*(?:\u001B\\)?|[@-Z\\-_])|\u009B[0-?]*[ -/]*[@-~]/g;
// C0 and C1 controls, DEL, and Unicode format characters that reorder or hide text.
const CONTROLS = /[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]+/g;

/** Default maximum length of quoted server text. */
export const MAX_SERVER_TEXT = 200;

/** One printable line of at most `max` characters from untrusted server text. */
export function sanitizeServerText(text: string, max = MAX_SERVER_TEXT): string {
	// Work on a bounded prefix: a 50 MiB body must not cost a 50 MiB regex pass.
	const clean = text
		.slice(0, max * 8)
		.replace(ESCAPE_SEQUENCES, '')
		.replace(CONTROLS, ' ')
		.replace(/\s+/g, ' ')
		.trim();
	return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}
