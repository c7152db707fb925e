// The column spec shared by ResourceTable (layout, rendering) and useTableState (filter, sort).
import type {Alignment} from './display-width.js';

/**
 * How wide a column is: a fixed number of cells, or a range that grows with the terminal.
 * `flex` is the share of spare width a column takes (@default 1); `max` caps the growth.
 */
export type ColumnWidth = number | {readonly min: number; readonly max?: number; readonly flex?: number};

/** One column of a list screen, as data. */
export interface Column<Row> {
	/** Stable id: the sort key and the React key. */
	readonly key: string;
	readonly header: string;
	readonly width: ColumnWidth;
	/** Lower is dropped first when the terminal is too narrow for every column. */
	readonly priority: number;
	/** @default 'left' */
	readonly align?: Alignment;
	/** The cell text. The table sanitises and truncates it again, so raw server text is safe here. */
	readonly value: (row: Row) => string;
	/**
	 * What to sort by when the text does not sort well (dates as epoch ms, counts as numbers).
	 * Defaults to `value`, compared numeric-aware (`10.0.0.9` before `10.0.0.10`).
	 */
	readonly sortValue?: (row: Row) => string | number | undefined;
	/** Ink colour name for the cell, e.g. red for a failed scan. Always pair it with a `mark`. */
	readonly color?: (row: Row) => string | undefined;
	/**
	 * A short text mark put before the cell text (`'!'`, `'✓'`), so a state shown in colour still
	 * reads under NO_COLOR.
	 */
	readonly mark?: (row: Row) => string | undefined;
	/** Whether the column can be sorted with `s`. @default true */
	readonly isSortable?: boolean;
}
