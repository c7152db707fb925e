// Filter and sort for list screens, pure. Built to be memoised by the caller: it runs when rows,
// filter or sort change, never on a cursor move. Work per row is done once (decorate-sort-undecorate).
import type {Column} from './column.js';

/** What the user asked to see. */
export interface ViewOptions<Row> {
	readonly columns: readonly Column<Row>[];
	/** Case-insensitive substring matched against every column's text. Empty keeps every row. */
	readonly filter?: string;
	/** The `key` of the column to sort by; undefined keeps the server's order. */
	readonly sortKey?: string;
	readonly isDescending?: boolean;
	/**
	 * Lower-cased search text per row, reused across filter keystrokes. Make a new one whenever
	 * `columns` change (see `createFilterCache`).
	 */
	readonly filterCache?: WeakMap<object, string>;
}

/** A fresh cache for {@link ViewOptions.filterCache}. */
export function createFilterCache(): WeakMap<object, string> {
	return new WeakMap();
}

// Digit runs padded to a fixed width so a plain string compare is numeric-aware:
// '10.0.0.9' < '10.0.0.10', 'host2' < 'host10'. Cheaper than Intl.Collator per comparison.
const DIGITS = /\d+/g;
function padDigits(text: string): string {
	return text.toLowerCase().replace(DIGITS, (digits) => digits.replace(/^0+(?=\d)/, '').padStart(20, '0'));
}

/** The sort key of one cell: numbers stay numbers, text is numeric-aware, missing sorts first. */
export function sortKeyOf(value: string | number | undefined): string | number {
	if (value === undefined) return '';
	if (typeof value === 'number') return Number.isFinite(value) ? value : '';
	return padDigits(value);
}

function compareKeys(a: string | number, b: string | number): number {
	if (typeof a === 'number' && typeof b === 'number') return a - b;
	// Mixed: missing ('') first, numbers before text.
	if (typeof a === 'number') return b === '' ? 1 : -1;
	if (typeof b === 'number') return a === '' ? -1 : 1;
	return a < b ? -1 : a > b ? 1 : 0;
}

function searchText<Row>(row: Row, columns: readonly Column<Row>[], cache?: WeakMap<object, string>): string {
	const isCacheable = cache !== undefined && typeof row === 'object' && row !== null;
	if (isCacheable) {
		const cached = cache.get(row as object);
		if (cached !== undefined) return cached;
	}
	let text = '';
	for (const column of columns) text += column.value(row).toLowerCase() + '\u0000';
	if (isCacheable) cache.set(row as object, text);
	return text;
}

/**
 * The rows to show: those whose column text contains `filter` (case-insensitive), sorted by
 * `sortKey` (stable: ties keep their original order, also when descending). Returns `rows`
 * itself when there is nothing to do.
 */
export function applyView<Row>(rows: readonly Row[], options: ViewOptions<Row>): readonly Row[] {
	const {columns, filter = '', sortKey, isDescending = false, filterCache} = options;
	const needle = filter.trim().toLowerCase();
	let result: readonly Row[] = rows;
	if (needle !== '') {
		result = rows.filter((row) => searchText(row, columns, filterCache).includes(needle));
	}
	const column = sortKey === undefined ? undefined : columns.find((candidate) => candidate.key === sortKey);
	if (column) {
		const read = column.sortValue ?? column.value;
		const decorated = result.map((row, index) => ({row, index, key: sortKeyOf(read(row))}));
		const direction = isDescending ? -1 : 1;
		decorated.sort((a, b) => direction * compareKeys(a.key, b.key) || a.index - b.index);
		result = decorated.map((entry) => entry.row);
	}
	return result;
}
