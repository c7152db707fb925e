// Selection, scrolling, filter and sort for a list screen: a pure reducer (tableReducer) plus a
// hook that memoises the filtered, sorted view so a cursor move never re-filters 100k rows.
import {useCallback, useMemo, useReducer, useState} from 'react';
import {applyView, createFilterCache} from '../lib/apply-view.js';
import type {Column} from '../lib/column.js';

/** The state of one list. `selected` and `offset` index the visible (filtered, sorted) rows. */
export interface TableState {
	readonly selected: number;
	/** First visible row. */
	readonly offset: number;
	/** Rows that fit on screen (the table body, header excluded). */
	readonly height: number;
	/** How many rows the view has now; kept here so moves can clamp. */
	readonly rowCount: number;
	readonly filter: string;
	/** Whether the filter line has the keyboard. */
	readonly isFiltering: boolean;
	readonly sortKey?: string;
	readonly isDescending: boolean;
}

/** Everything a list can be asked to do. */
export type TableAction =
	| {readonly type: 'select-next'}
	| {readonly type: 'select-previous'}
	| {readonly type: 'page-down'}
	| {readonly type: 'page-up'}
	| {readonly type: 'half-page-down'}
	| {readonly type: 'half-page-up'}
	| {readonly type: 'select-first'}
	| {readonly type: 'select-last'}
	| {readonly type: 'select-index'; readonly index: number}
	| {readonly type: 'start-filter'}
	| {readonly type: 'set-filter'; readonly filter: string}
	/** Leave the filter line, keeping the filter. */
	| {readonly type: 'stop-filter'}
	| {readonly type: 'clear-filter'}
	/** Sort by the next of `keys` (the sortable columns); after the last, back to the server's order. */
	| {readonly type: 'cycle-sort'; readonly keys: readonly string[]}
	| {readonly type: 'set-sort'; readonly sortKey?: string; readonly isDescending?: boolean}
	| {readonly type: 'reverse-sort'}
	| {readonly type: 'set-height'; readonly height: number}
	/**
	 * The view changed (rows arrived, filter or sort): the new count, and where the selected row
	 * went: `selected` directly, or `remap` from the old index (undefined: keep the index).
	 */
	| {readonly type: 'rows-changed'; readonly rowCount: number; readonly selected?: number; readonly remap?: (index: number) => number | undefined};

/** A state with nothing selected yet and no filter or sort. */
export function initialTableState(options: {readonly height?: number; readonly sortKey?: string; readonly isDescending?: boolean} = {}): TableState {
	return {
		selected: 0,
		offset: 0,
		height: Math.max(1, options.height ?? 10),
		rowCount: 0,
		filter: '',
		isFiltering: false,
		sortKey: options.sortKey,
		isDescending: options.isDescending ?? false,
	};
}

/** Move the selection to `index` (clamped) and scroll just enough to keep it on screen. */
function moveTo(state: TableState, index: number): TableState {
	const last = state.rowCount - 1;
	const selected = last < 0 ? 0 : Math.min(Math.max(0, index), last);
	let offset = state.offset;
	if (selected < offset) offset = selected;
	if (selected >= offset + state.height) offset = selected - state.height + 1;
	offset = Math.min(Math.max(0, offset), Math.max(0, state.rowCount - state.height));
	if (selected === state.selected && offset === state.offset) return state;
	return {...state, selected, offset};
}

/** Scroll the window by `delta` rows and move the selection by the same amount (vim's Ctrl+D/U, PgDn/PgUp). */
function scrollBy(state: TableState, delta: number): TableState {
	const maxOffset = Math.max(0, state.rowCount - state.height);
	const offset = Math.min(Math.max(0, state.offset + delta), maxOffset);
	return moveTo({...state, offset}, state.selected + delta);
}

/** The pure reducer behind {@link useTableState}. Returns the same object when nothing changed. */
export function tableReducer(state: TableState, action: TableAction): TableState {
	switch (action.type) {
		case 'select-next':
			return moveTo(state, state.selected + 1);
		case 'select-previous':
			return moveTo(state, state.selected - 1);
		case 'page-down':
			return scrollBy(state, state.height);
		case 'page-up':
			return scrollBy(state, -state.height);
		case 'half-page-down':
			return scrollBy(state, Math.max(1, Math.floor(state.height / 2)));
		case 'half-page-up':
			return scrollBy(state, -Math.max(1, Math.floor(state.height / 2)));
		case 'select-first':
			return moveTo(state, 0);
		case 'select-last':
			return moveTo(state, state.rowCount - 1);
		case 'select-index':
			return moveTo(state, action.index);
		case 'start-filter':
			return state.isFiltering ? state : {...state, isFiltering: true};
		case 'set-filter':
			return action.filter === state.filter ? state : {...state, filter: action.filter};
		case 'stop-filter':
			return state.isFiltering ? {...state, isFiltering: false} : state;
		case 'clear-filter':
			return state.filter === '' && !state.isFiltering ? state : {...state, filter: '', isFiltering: false};
		case 'cycle-sort': {
			const index = state.sortKey === undefined ? -1 : action.keys.indexOf(state.sortKey);
			const sortKey = index + 1 < action.keys.length ? action.keys[index + 1] : undefined;
			return {...state, sortKey, isDescending: false};
		}
		case 'set-sort':
			return {...state, sortKey: action.sortKey, isDescending: action.isDescending ?? false};
		case 'reverse-sort':
			return {...state, isDescending: !state.isDescending};
		case 'set-height': {
			const height = Math.max(1, Math.floor(action.height));
			return height === state.height ? state : moveTo({...state, height}, state.selected);
		}
		case 'rows-changed':
			return moveTo({...state, rowCount: Math.max(0, action.rowCount)}, action.selected ?? action.remap?.(state.selected) ?? state.selected);
	}
}

/** Options of {@link useTableState}. */
export interface UseTableStateOptions<Row> {
	/** All rows, as loaded. Pass a stable array: a new array means "rows changed" and re-filters. */
	readonly rows: readonly Row[];
	/** Pass a stable (module-level or memoised) array: the filter cache is rebuilt when it changes. */
	readonly columns: readonly Column<Row>[];
	readonly getRowKey: (row: Row) => string;
	/** Body lines available (the table's height minus its header). */
	readonly height: number;
	readonly initialSortKey?: string;
}

/** What {@link useTableState} gives a screen. */
export interface UseTableStateResult<Row> {
	readonly state: TableState;
	readonly dispatch: (action: TableAction) => void;
	/** The filtered, sorted rows: give these to ResourceTable. */
	readonly view: readonly Row[];
	readonly selectedRow: Row | undefined;
	/** Cycle the sort through the sortable columns. */
	readonly cycleSort: () => void;
}

/**
 * State for one list screen. The view is recomputed only when rows, columns, filter or sort
 * change; the selection then follows the same row (by key) when it is still visible.
 * `dispatch` is stable, so key handlers can use it without stale closures.
 *
 * A new view and a new height are folded into the state during the render that sees them (React's
 * "adjust state when a prop changes" pattern), not in an effect: the first rows are drawn in one
 * commit instead of two, and a key pressed between a render and its effects can no longer be
 * undone by a selection computed from that render (keys seemed lost while pages loaded).
 */
export function useTableState<Row>(options: UseTableStateOptions<Row>): UseTableStateResult<Row> {
	const {rows, columns, getRowKey, height, initialSortKey} = options;
	const filterCache = useMemo(() => {
		void columns;
		return createFilterCache();
	}, [columns]);
	const [state, dispatch] = useReducer(tableReducer, {height, sortKey: initialSortKey}, initialTableState);
	const view = useMemo(
		() => applyView(rows, {columns, filter: state.filter, sortKey: state.sortKey, isDescending: state.isDescending, filterCache}),
		[rows, columns, state.filter, state.sortKey, state.isDescending, filterCache],
	);

	// The view the state's indices refer to. Until the first render it is "none", so the row count
	// is taken from the first view in that same render.
	const [seenView, setSeenView] = useState<readonly Row[] | undefined>(undefined);
	if (seenView !== view) {
		setSeenView(view);
		// Evaluated by the reducer against the selection at that moment, which indexes seenView even
		// when a key was dispatched after this render began.
		const remap = (index: number): number | undefined => {
			const row = seenView?.[index];
			if (row === undefined) return undefined;
			// Rows appended by a new page keep their places: no search.
			if (view[index] === row) return index;
			const key = getRowKey(row);
			// O(n) once per view change (a filter keystroke, a re-sort), never per keypress.
			const found = view.findIndex((candidate) => getRowKey(candidate) === key);
			return found >= 0 ? found : undefined;
		};

		dispatch({type: 'rows-changed', rowCount: view.length, remap});
	}

	if (Math.max(1, Math.floor(height)) !== state.height) dispatch({type: 'set-height', height});

	const selectedRow = state.selected < view.length ? view[state.selected] : undefined;
	const sortableKeys = useMemo(() => columns.filter((column) => column.isSortable !== false).map((column) => column.key), [columns]);
	const cycleSort = useCallback(() => dispatch({type: 'cycle-sort', keys: sortableKeys}), [sortableKeys]);

	return {state, dispatch, view, selectedRow, cycleSort};
}
