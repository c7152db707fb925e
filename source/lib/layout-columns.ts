// The pure width allocator behind ResourceTable. Widths come from the column spec and the
// terminal width only, never from the data, so they do not jitter while scrolling.
import type {Column} from './column.js';

/** Cells before the first column: the selection marker and a space, so `› web-01` does not run together. */
export const GUTTER_WIDTH = 2;
/** Cells between two columns. */
export const COLUMN_GAP = 1;

/** A column that made it onto the screen, with its width in cells. */
export interface ColumnLayout<Row> {
	readonly column: Column<Row>;
	readonly width: number;
}

function minWidth(column: Pick<Column<never>, 'width'>): number {
	return typeof column.width === 'number' ? column.width : column.width.min;
}

function maxWidth(column: Pick<Column<never>, 'width'>): number {
	if (typeof column.width === 'number') return column.width;
	return column.width.max ?? Number.POSITIVE_INFINITY;
}

function flexOf(column: Pick<Column<never>, 'width'>): number {
	if (typeof column.width === 'number') return 0;
	return column.width.flex ?? 1;
}

function usedWidth(widths: readonly number[]): number {
	return GUTTER_WIDTH + widths.reduce((sum, width) => sum + width, 0) + COLUMN_GAP * Math.max(0, widths.length - 1);
}

/**
 * Fit columns into `width` cells (gutter and gaps included): drop the lowest-priority column
 * (the rightmost of equal priority) until the minimum widths fit, then share the spare cells
 * among flexible columns by their `flex`, up to each one's `max`. Order is kept.
 * One column always stays, cut to the width if need be.
 */
export function layoutColumns<Row>(columns: readonly Column<Row>[], width: number): ColumnLayout<Row>[] {
	const kept = [...columns];
	while (kept.length > 1 && usedWidth(kept.map(minWidth)) > width) {
		let drop = 0;
		for (let index = 1; index < kept.length; index++) {
			if (kept[index]!.priority <= kept[drop]!.priority) drop = index;
		}
		kept.splice(drop, 1);
	}
	const widths = kept.map(minWidth);
	if (kept.length === 1 && usedWidth(widths) > width) {
		widths[0] = Math.max(0, width - GUTTER_WIDTH);
	}
	let spare = width - usedWidth(widths);
	// Share spare cells in rounds: a column that reaches its max leaves the rest to the others.
	while (spare > 0) {
		const growable = kept.map((column, index) => index).filter((index) => flexOf(kept[index]!) > 0 && widths[index]! < maxWidth(kept[index]!));
		if (growable.length === 0) break;
		const totalFlex = growable.reduce((sum, index) => sum + flexOf(kept[index]!), 0);
		let given = 0;
		for (const index of growable) {
			const share = Math.floor((spare * flexOf(kept[index]!)) / totalFlex);
			const grow = Math.min(share, maxWidth(kept[index]!) - widths[index]!);
			widths[index]! += grow;
			given += grow;
		}
		if (given === 0) {
			// Shares rounded down to nothing: hand out the remainder one cell at a time, left to right.
			for (const index of growable) {
				if (given >= spare) break;
				widths[index]! += 1;
				given += 1;
			}
		}
		spare -= given;
	}
	return kept.map((column, index) => ({column, width: widths[index]!}));
}
