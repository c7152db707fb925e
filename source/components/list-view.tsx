import {Box, Text, useInput, type Key} from 'ink';
import React, {useCallback, useEffect, useRef, useState} from 'react';
import type {KeyScope} from '../keys.js';
import {runKeyBinding, type CommandHandlers} from '../hooks/use-key-bindings.js';
import {useTableState} from '../hooks/use-table-state.js';
import type {Column} from '../lib/column.js';
import {truncateToWidth} from '../lib/display-width.js';
import {formatCount} from '../lib/format.js';
import type {ErrorDescription} from '../lib/describe-error.js';
import {ErrorMessage} from './error-message.js';
import {editText, TextField} from './text-field.js';
import {KeyHints} from './key-hints.js';
import {ResourceTable, bodyHeight} from './resource-table.js';

/** A yes/no question that takes the keyboard until answered. */
export interface Confirmation {
	readonly question: string;
	readonly onYes: () => void;
	readonly onNo: () => void;
	/** Extra keys the question accepts, e.g. `c` to count first. */
	readonly extra?: {readonly key: string; readonly label: string; readonly run: () => void};
}

export interface ListViewProps<Row> {
	readonly title: string;
	/** What is loaded, e.g. `1,000 hosts loaded · more available`. */
	readonly summary: string;
	/** The rows shown are older than asked for (a refresh runs, or failed). */
	readonly isStale?: boolean;
	/** A spinner-worthy activity, shown after the summary. */
	readonly activity?: string;
	readonly columns: readonly Column<Row>[];
	readonly rows: readonly Row[];
	readonly getRowKey: (row: Row) => string;
	readonly width: number;
	/** Lines for the whole view: title, table, message and hint lines. */
	readonly height: number;
	readonly isActive: boolean;
	/** The screen's own scopes, most specific first (e.g. `['hosts']`). */
	readonly scopes?: readonly KeyScope[];
	/** The screen's own command handlers (refresh, load-all, stop-loading, ...). */
	readonly handlers?: CommandHandlers;
	/** The detail view of a row; Enter opens it, Esc comes back. */
	readonly renderDetail?: (row: Row, size: {width: number; height: number; isActive: boolean}) => React.ReactNode;
	readonly detailScopes?: readonly KeyScope[];
	/** Command handlers while the detail view is open (e.g. `d` fetches full details). */
	readonly detailHandlers?: CommandHandlers;
	/** Called when Enter opens the detail view of a row. */
	readonly onOpen?: (row: Row) => void;
	/** Called when the selection moves, with the index and the number of rows in the view. */
	readonly onSelectionMove?: (selected: number, viewLength: number, tableHeight: number) => void;
	readonly message?: ErrorDescription & {readonly tone?: 'error' | 'warning' | 'info'};
	readonly confirmation?: Confirmation;
	/** Tells the app when the view takes text input (filter), so global keys stay quiet. */
	readonly onCapturesText?: (isCapturing: boolean) => void;
	readonly emptyText?: string;
	readonly initialSortKey?: string;
	readonly isInitiallyDescending?: boolean;
}

/**
 * The list screen's frame around ResourceTable: title and counts, the `/` filter line, the
 * table, Enter/Esc into and out of a detail view, a message line and the hint line from keys.ts.
 * Selection, filter and sort live here, so they survive screen switches (the screen stays mounted).
 */
export function ListView<Row>(props: ListViewProps<Row>) {
	const {columns, rows, getRowKey, width, height, isActive, scopes = [], handlers = {}, confirmation} = props;
	// title line + message line + hint line
	const tableHeight = Math.max(2, height - 3);
	const table = useTableState({rows, columns, getRowKey, height: bodyHeight(tableHeight), initialSortKey: props.initialSortKey});
	const {state, dispatch, view, selectedRow} = table;
	const [detailKey, setDetailKey] = useState<string>();
	const detailRow = detailKey === undefined ? undefined : rows.find(row => getRowKey(row) === detailKey);
	const isDetail = detailRow !== undefined && props.renderDetail !== undefined;
	const isFiltering = state.isFiltering;
	const isDescendingSet = useRef(false);

	useEffect(() => {
		if (props.isInitiallyDescending && !isDescendingSet.current) {
			isDescendingSet.current = true;
			dispatch({type: 'set-sort', sortKey: props.initialSortKey, isDescending: true});
		}
	}, [dispatch, props.initialSortKey, props.isInitiallyDescending]);

	const onCapturesText = props.onCapturesText;
	useEffect(() => {
		onCapturesText?.(isActive && (isFiltering || confirmation !== undefined));
	}, [isActive, isFiltering, confirmation, onCapturesText]);

	// Only a move the operator made asks for more rows: a page arriving, a filter or a sort that
	// shifts the selection must never chain into further calls.
	const isUserMove = useRef(false);
	const moveBy = (type: 'select-next' | 'select-previous' | 'page-down' | 'page-up' | 'half-page-down' | 'half-page-up' | 'select-first' | 'select-last') => () => {
		isUserMove.current = true;
		dispatch({type});
	};

	const onSelectionMove = props.onSelectionMove;
	useEffect(() => {
		if (!isUserMove.current) return;
		isUserMove.current = false;
		onSelectionMove?.(state.selected, view.length, bodyHeight(tableHeight));
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [state.selected, state.offset]);

	// ErrorMessage puts the `retry in …` countdown after the hint and cuts the line to the width; a
	// rate-limit hint ("Try again in 1 h 0 min; …") is long enough to push the countdown off a
	// 100-column line. The hint says the same wait in words, so it gives way to the live countdown.
	const message = props.message?.retryAt === undefined ? props.message : {...props.message, hint: undefined};

	const listScopes: KeyScope[] = confirmation ? ['confirm'] : isDetail ? [...(props.detailScopes ?? []), 'detail', 'global'] : [...scopes, 'list', 'global'];

	// Whether the filter line has the keyboard, set synchronously by the key handlers: a key typed
	// right after `/` must reach the filter, not move the selection, even before React re-renders.
	const filtering = useRef({isFiltering, filter: state.filter});
	filtering.current = {isFiltering, filter: state.filter};

	const listHandlers: CommandHandlers = confirmation
			? {'confirm-yes': confirmation.onYes, 'confirm-no': confirmation.onNo}
			: isDetail
				? {back: () => setDetailKey(undefined), ...props.detailHandlers}
				: {
						'move-down': moveBy('select-next'),
						'move-up': moveBy('select-previous'),
						'page-down': moveBy('page-down'),
						'page-up': moveBy('page-up'),
						'half-page-down': moveBy('half-page-down'),
						'half-page-up': moveBy('half-page-up'),
						first: moveBy('select-first'),
						last: moveBy('select-last'),
						filter: () => {
							filtering.current = {...filtering.current, isFiltering: true};
							dispatch({type: 'start-filter'});
						},
						sort: table.cycleSort,
						'reverse-sort': () => dispatch({type: 'reverse-sort'}),
						open: () => {
							if (selectedRow === undefined || !props.renderDetail) return;
							setDetailKey(getRowKey(selectedRow));
							props.onOpen?.(selectedRow);
						},
						// Esc stops a running load first when the screen offers that (its scope comes first), else clears the filter.
						...(state.filter ? {'clear-filter': () => dispatch({type: 'clear-filter'})} : {}),
						...handlers,
					};

	// Extra confirmation keys (e.g. `c` to count first) are not commands of their own.
	useInput(
		input => {
			if (confirmation?.extra && input === confirmation.extra.key) confirmation.extra.run();
		},
		{isActive: isActive && confirmation?.extra !== undefined},
	);

	// One listener for the whole view, always subscribed and reading refs (see useKeyBindings for
	// why). While filtering, the filter line has the keyboard: text edits it, each key applied to the
	// last, Enter keeps the filter, Esc drops it, ↑/↓ still move; otherwise keys run the bindings.
	const latest = useRef({isActive, listScopes, listHandlers});
	latest.current = {isActive, listScopes, listHandlers};
	const onInput = useCallback((input: string, key: Key) => {
		const {isActive: isListening, listScopes: activeScopes, listHandlers: activeHandlers} = latest.current;
		if (!isListening) return;
		const current = filtering.current;
		if (!current.isFiltering) {
			runKeyBinding(input, key, activeScopes, activeHandlers);
			return;
		}

		if (key.escape) {
			filtering.current = {isFiltering: false, filter: ''};
			dispatch({type: 'clear-filter'});
		} else if (key.upArrow) dispatch({type: 'select-previous'});
		else if (key.downArrow) dispatch({type: 'select-next'});
		else {
			const edit = editText(current.filter, input, key);
			if (!edit) return;
			filtering.current = {isFiltering: !edit.isSubmit, filter: edit.value};
			dispatch({type: 'set-filter', filter: edit.value});
			if (edit.isSubmit) dispatch({type: 'stop-filter'});
		}
	}, [dispatch]);
	useInput(onInput);

	if (!isActive) return null;

	if (isDetail && props.renderDetail) {
		return (
			<Box flexDirection="column" width={width} height={height}>
				{props.renderDetail(detailRow, {width, height: height - 2, isActive: isActive && !confirmation})}
				<Box height={1}>{message ? <ErrorMessage {...message} tone={message.tone ?? 'error'} width={width} /> : <Text> </Text>}</Box>
				<KeyHints scopes={listScopes} width={width} />
			</Box>
		);
	}

	const count = state.filter ? `${formatCount(view.length)} of ${formatCount(rows.length)}` : '';
	const sortText = state.sortKey ? ` · sort ${columns.find(column => column.key === state.sortKey)?.header ?? state.sortKey} ${state.isDescending ? '↓' : '↑'}` : '';
	const titleText = `${props.title} · ${props.summary}${props.isStale ? ' · STALE' : ''}${sortText}${props.activity ? ` · ${props.activity}` : ''}`;

	return (
		<Box flexDirection="column" width={width} height={height}>
			<Box height={1}>
				{isFiltering || state.filter ? (
					<Box>
						<Text color="cyan">/ </Text>
						<TextField value={state.filter} isFocused={isFiltering} />
						<Text dimColor>
							{'  '}
							{count} · {isFiltering ? 'Enter keeps · Esc clears' : 'Esc clears'}
						</Text>
					</Box>
				) : (
					<Text wrap="truncate" bold color={props.isStale ? 'yellow' : undefined}>
						{truncateToWidth(titleText, width)}
					</Text>
				)}
			</Box>
			<ResourceTable
				columns={columns}
				rows={view}
				selectedIndex={state.selected}
				scrollOffset={state.offset}
				width={width}
				height={tableHeight}
				getRowKey={getRowKey}
				emptyText={state.filter ? `No rows match "${state.filter}" — Esc clears the filter` : props.emptyText}
				isFocused={!confirmation}
			/>
			<Box height={1}>
				{confirmation ? (
					<Text wrap="truncate" color="yellow" bold>
						{truncateToWidth(`? ${confirmation.question}`, width)}
					</Text>
				) : message ? (
					<ErrorMessage {...message} tone={message.tone ?? 'error'} width={width} />
				) : (
					<Text> </Text>
				)}
			</Box>
			<KeyHints scopes={isFiltering ? [] : listScopes} width={width} />
		</Box>
	);
}
