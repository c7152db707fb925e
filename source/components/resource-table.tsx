// THE list view. Renders only the rows that fit (cost per keypress does not grow with the row
// count: stack-notes §3), one <Text wrap="truncate"> line per row so nothing wraps, column widths
// from the spec and the terminal width (never from the data) so they hold still while scrolling.
import React, {memo, useMemo} from 'react';
import {Box, Text} from 'ink';
import type {Column} from '../lib/column.js';
import {padToWidth} from '../lib/display-width.js';
import {COLUMN_GAP, GUTTER_WIDTH, layoutColumns, type ColumnLayout} from '../lib/layout-columns.js';
import {sanitizeText} from '../lib/sanitize-text.js';

export type {Column, ColumnWidth} from '../lib/column.js';
export {layoutColumns, type ColumnLayout} from '../lib/layout-columns.js';

/** Marks the selected row in the gutter, so the selection shows without colour (NO_COLOR). */
export const SELECTION_MARK = '›';

export interface ResourceTableProps<Row> {
	readonly columns: readonly Column<Row>[];
	/** The rows to show, already filtered and sorted (see `useTableState`). */
	readonly rows: readonly Row[];
	/** Index into `rows`; -1 or out of range selects nothing. */
	readonly selectedIndex: number;
	/**
	 * First row shown. Clamped so the selected row is visible. When omitted, rows scroll by
	 * whole pages around the selection.
	 */
	readonly scrollOffset?: number;
	/** Cells available. */
	readonly width: number;
	/** Terminal lines available, header included. The table never draws more. */
	readonly height: number;
	readonly getRowKey: (row: Row) => string;
	/** Shown instead of rows when there are none. @default 'No rows' */
	readonly emptyText?: string;
	/** Whether the table has the keyboard: the selection is inverse only then. @default true */
	readonly isFocused?: boolean;
}

/** The lines left for rows under the header. */
export function bodyHeight(height: number): number {
	return Math.max(0, height - 1);
}

/** The first row to show so that `selectedIndex` is visible, starting from the requested offset. */
export function visibleOffset(options: {
	readonly rowCount: number;
	readonly selectedIndex: number;
	readonly bodyHeight: number;
	readonly scrollOffset?: number;
}): number {
	const {rowCount, selectedIndex, bodyHeight: lines} = options;
	if (lines <= 0 || rowCount <= lines) return 0;
	const maxOffset = rowCount - lines;
	let offset = options.scrollOffset ?? (selectedIndex >= 0 ? Math.floor(selectedIndex / lines) * lines : 0);
	if (selectedIndex >= 0 && selectedIndex < rowCount) {
		if (selectedIndex < offset) offset = selectedIndex;
		if (selectedIndex >= offset + lines) offset = selectedIndex - lines + 1;
	}
	return Math.min(Math.max(0, offset), maxOffset);
}

const GAP = ' '.repeat(COLUMN_GAP);
const GUTTER = ' '.repeat(GUTTER_WIDTH);
const SELECTED_GUTTER = SELECTION_MARK + ' '.repeat(GUTTER_WIDTH - 1);

type RowLineProps<Row> = {
	readonly row: Row;
	readonly layout: readonly ColumnLayout<Row>[];
	readonly isSelected: boolean;
	readonly isFocused: boolean;
};

/** One row as one line. Memoised: a cursor move re-renders only the two rows whose selection changed. */
function RowLineImpl<Row>({row, layout, isSelected, isFocused}: RowLineProps<Row>) {
	return (
		<Text wrap="truncate" inverse={isSelected && isFocused}>
			{isSelected ? SELECTED_GUTTER : GUTTER}
			{layout.map(({column, width}, index) => {
				const mark = column.mark?.(row);
				const raw = mark ? `${mark} ${column.value(row)}` : column.value(row);
				const cell = padToWidth(sanitizeText(raw, {maxLength: width}), width, column.align);
				const color = column.color?.(row);
				const text = index === 0 ? cell : GAP + cell;
				return color ? (
					<Text key={column.key} color={color}>
						{text}
					</Text>
				) : (
					text
				);
			})}
		</Text>
	);
}

const RowLine = memo(RowLineImpl) as typeof RowLineImpl;

/** React keys for the visible rows; a duplicate ID from the server gets a suffix instead of confusing React. */
function uniqueKeys<Row>(rows: readonly Row[], getRowKey: (row: Row) => string): string[] {
	const seen = new Set<string>();
	return rows.map((row, index) => {
		let key = getRowKey(row);
		if (seen.has(key)) key = `${key}\u0000${index}`;
		seen.add(key);
		return key;
	});
}

/**
 * The one list view: a bold, underlined header line and as many rows as fit in `height`.
 * Narrow terminals drop the lowest-priority columns (see {@link layoutColumns}); the selected row
 * has a `›` mark and is inverse while focused.
 */
export function ResourceTable<Row>(props: ResourceTableProps<Row>) {
	const {columns, rows, selectedIndex, scrollOffset, width, height, getRowKey, emptyText = 'No rows', isFocused = true} = props;
	const layout = useMemo(() => layoutColumns(columns, width), [columns, width]);
	const header = useMemo(
		() => GUTTER + layout.map(({column, width: w}) => padToWidth(column.header, w, column.align)).join(GAP),
		[layout],
	);
	if (height <= 0) return null;
	const lines = bodyHeight(height);
	const offset = visibleOffset({rowCount: rows.length, selectedIndex, bodyHeight: lines, scrollOffset});
	const visible = rows.slice(offset, offset + lines);
	const keys = uniqueKeys(visible, getRowKey);
	return (
		<Box flexDirection="column" width={width} height={Math.min(height, 1 + Math.max(1, visible.length))} overflow="hidden">
			<Text wrap="truncate" bold underline>
				{header}
			</Text>
			{rows.length === 0 && lines > 0 ? (
				<Text wrap="truncate" dimColor>
					{GUTTER + emptyText}
				</Text>
			) : (
				visible.map((row, index) => (
					<RowLine
						key={keys[index]}
						row={row}
						layout={layout}
						isSelected={offset + index === selectedIndex}
						isFocused={isFocused}
					/>
				))
			)}
		</Box>
	);
}
