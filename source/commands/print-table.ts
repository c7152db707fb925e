import {padToWidth, truncateToWidth} from '../lib/format.js';
import {sanitizeText} from '../lib/sanitize-text.js';

/** A column of the plain-text tables the non-interactive commands print. */
export interface TextColumn<Row> {
	readonly header: string;
	/** Fixed, so that rows printed page by page, as they arrive, line up. */
	readonly width: number;
	readonly value: (row: Row) => string | undefined;
	readonly align?: 'left' | 'right';
}

/** The header line and its underline. */
export function formatHeader<Row>(columns: readonly TextColumn<Row>[]): string {
	const header = columns.map(column => padToWidth(column.header, column.width)).join('  ').trimEnd();
	const rule = columns.map(column => '─'.repeat(column.width)).join('  ');
	return `${header}\n${rule}`;
}

/** One row: server text sanitised (no control characters reach the terminal), truncated with an ellipsis. */
export function formatRow<Row>(columns: readonly TextColumn<Row>[], row: Row): string {
	return columns
		.map(column => {
			const text = truncateToWidth(sanitizeText(column.value(row) ?? ''), column.width);
			return column.align === 'right' ? text.padStart(column.width) : padToWidth(text, column.width);
		})
		.join('  ')
		.trimEnd();
}

const unsafeInJson = /[\u007F-\u009F\u00AD\u061C\u200B-\u200F\u2028\u2029\u202A-\u202E\u2060-\u2069\uFEFF]/g;

/**
 * One JSON line. JSON.stringify already escapes C0 controls (ESC included); this also escapes
 * C1 controls, bidi and zero-width characters, so the data stays exact but cannot act on a terminal.
 */
export function formatJsonLine(value: unknown): string {
	return JSON.stringify(value).replace(unsafeInJson, char => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
