import {test} from 'node:test';
import assert from 'node:assert/strict';
import React, {useEffect, useLayoutEffect, useRef} from 'react';
import {Text} from 'ink';
import {initialTableState, tableReducer, useTableState, type TableAction, type TableState, type UseTableStateResult} from '../../source/hooks/use-table-state.js';
import type {Column} from '../../source/lib/column.js';
import {render} from '../helpers/render.js';

const withRows = (rowCount: number, height = 10): TableState => tableReducer(initialTableState({height}), {type: 'rows-changed', rowCount});
const run = (state: TableState, ...actions: TableAction[]) => actions.reduce(tableReducer, state);

test('moves down and up, clamped to the rows', () => {
	let state = withRows(3);
	state = run(state, {type: 'select-next'}, {type: 'select-next'}, {type: 'select-next'});
	assert.equal(state.selected, 2);
	state = run(state, {type: 'select-previous'}, {type: 'select-previous'}, {type: 'select-previous'});
	assert.equal(state.selected, 0);
});

test('scrolls just enough to keep the selection visible', () => {
	let state = withRows(100, 10);
	for (let index = 0; index < 12; index++) state = tableReducer(state, {type: 'select-next'});
	assert.deepEqual([state.selected, state.offset], [12, 3]);
	for (let index = 0; index < 5; index++) state = tableReducer(state, {type: 'select-previous'});
	assert.deepEqual([state.selected, state.offset], [7, 3]);
});

test('pages down and up by the height, and half pages by half', () => {
	let state = withRows(100, 10);
	state = tableReducer(state, {type: 'page-down'});
	assert.deepEqual([state.selected, state.offset], [10, 10]);
	state = tableReducer(state, {type: 'half-page-down'});
	assert.deepEqual([state.selected, state.offset], [15, 15]);
	state = tableReducer(state, {type: 'half-page-up'});
	assert.deepEqual([state.selected, state.offset], [10, 10]);
	state = tableReducer(state, {type: 'page-up'});
	assert.deepEqual([state.selected, state.offset], [0, 0]);
});

test('jumps to the first and last row', () => {
	let state = tableReducer(withRows(100_000, 20), {type: 'select-last'});
	assert.deepEqual([state.selected, state.offset], [99_999, 99_980]);
	state = tableReducer(state, {type: 'select-first'});
	assert.deepEqual([state.selected, state.offset], [0, 0]);
});

test('page down near the end stops at the last row', () => {
	const state = run(withRows(25, 10), {type: 'select-index', index: 20}, {type: 'page-down'});
	assert.deepEqual([state.selected, state.offset], [24, 15]);
});

test('returns the same state when nothing changes', () => {
	const state = withRows(5);
	assert.equal(tableReducer(state, {type: 'select-previous'}), state);
	assert.equal(tableReducer(state, {type: 'set-filter', filter: ''}), state);
});

test('an empty list keeps selection at 0', () => {
	const state = run(withRows(0), {type: 'select-next'}, {type: 'select-last'}, {type: 'page-down'});
	assert.deepEqual([state.selected, state.offset], [0, 0]);
});

test('clamps the selection when rows shrink, or follows the row it is told about', () => {
	let state = run(withRows(100, 10), {type: 'select-index', index: 80});
	state = tableReducer(state, {type: 'rows-changed', rowCount: 20});
	assert.deepEqual([state.selected, state.offset], [19, 10]);
	state = tableReducer(state, {type: 'rows-changed', rowCount: 50, selected: 3});
	assert.deepEqual([state.selected, state.offset], [3, 3]);
});

test('filters: start, type, stop keeps the text, clear drops it', () => {
	let state = run(withRows(5), {type: 'start-filter'}, {type: 'set-filter', filter: 'web'});
	assert.deepEqual([state.isFiltering, state.filter], [true, 'web']);
	state = tableReducer(state, {type: 'stop-filter'});
	assert.deepEqual([state.isFiltering, state.filter], [false, 'web']);
	state = tableReducer(state, {type: 'clear-filter'});
	assert.deepEqual([state.isFiltering, state.filter], [false, '']);
});

test('cycles the sort through the columns and back to none; reverse flips direction', () => {
	const keys = ['id', 'ip'];
	let state = tableReducer(withRows(5), {type: 'cycle-sort', keys});
	assert.equal(state.sortKey, 'id');
	state = tableReducer(state, {type: 'reverse-sort'});
	assert.equal(state.isDescending, true);
	state = tableReducer(state, {type: 'cycle-sort', keys});
	assert.deepEqual([state.sortKey, state.isDescending], ['ip', false]);
	state = tableReducer(state, {type: 'cycle-sort', keys});
	assert.equal(state.sortKey, undefined);
});

test('a smaller height scrolls to keep the selection visible', () => {
	let state = run(withRows(100, 20), {type: 'select-index', index: 15});
	state = tableReducer(state, {type: 'set-height', height: 5});
	assert.deepEqual([state.height, state.selected, state.offset], [5, 15, 11]);
});

type Host = {readonly id: string; readonly name: string};
const hostColumns: readonly Column<Host>[] = [
	{key: 'id', header: 'ID', width: 5, priority: 2, value: (host) => host.id},
	{key: 'name', header: 'Name', width: 10, priority: 1, value: (host) => host.name},
];
const hosts: readonly Host[] = [
	{id: '3', name: 'charlie'},
	{id: '1', name: 'alpha'},
	{id: '2', name: 'bravo'},
	{id: '10', name: 'alpha-two'},
];

/** Renders the selected row and the view, and hands the hook result to the test. */
function Probe({rows, onState}: {readonly rows: readonly Host[]; readonly onState: (result: UseTableStateResult<Host>) => void}) {
	const result = useTableState({rows, columns: hostColumns, getRowKey: (host) => host.id, height: 2});
	useEffect(() => {
		onState(result);
	});
	return <Text>{`selected=${result.selectedRow?.id ?? '-'} view=${result.view.map((host) => host.id).join(',')} offset=${result.state.offset}`}</Text>;
}

async function renderProbe(rows: readonly Host[]) {
	let latest!: UseTableStateResult<Host>;
	const app = await render(<Probe rows={rows} onState={(result) => (latest = result)} />);
	return {app, act: async (action: TableAction) => {
		const {act} = await import('react');
		await act(async () => latest.dispatch(action));
	}, cycleSort: async () => {
		const {act} = await import('react');
		await act(async () => latest.cycleSort());
	}};
}

test('the selection follows the same row when the sort changes', async () => {
	const {app, act, cycleSort} = await renderProbe(hosts);
	await act({type: 'select-index', index: 2});
	assert.equal(app.lastFrame(), 'selected=2 view=3,1,2,10 offset=1');
	await cycleSort();
	assert.equal(app.lastFrame(), 'selected=2 view=1,2,3,10 offset=1');
	await act({type: 'reverse-sort'});
	assert.equal(app.lastFrame(), 'selected=2 view=10,3,2,1 offset=1');
	await app.unmount();
});

test('the selection follows the same row through a filter, and clamps when it is filtered out', async () => {
	const {app, act} = await renderProbe(hosts);
	await act({type: 'select-index', index: 3});
	await act({type: 'set-filter', filter: 'ALPHA'});
	assert.equal(app.lastFrame(), 'selected=10 view=1,10 offset=0');
	await act({type: 'set-filter', filter: 'bravo'});
	assert.equal(app.lastFrame(), 'selected=2 view=2 offset=0');
	await act({type: 'clear-filter'});
	assert.equal(app.lastFrame(), 'selected=2 view=3,1,2,10 offset=1');
	await app.unmount();
});

test('rows arriving later keep the selected row', async () => {
	let latest!: UseTableStateResult<Host>;
	const onState = (result: UseTableStateResult<Host>) => (latest = result);
	const app = await render(<Probe rows={hosts.slice(0, 2)} onState={onState} />);
	const {act} = await import('react');
	await act(async () => latest.dispatch({type: 'set-sort', sortKey: 'name'}));
	await act(async () => latest.dispatch({type: 'select-index', index: 1}));
	assert.equal(app.lastFrame(), 'selected=3 view=1,3 offset=0');
	await app.rerender(<Probe rows={hosts} onState={onState} />);
	assert.equal(app.lastFrame(), 'selected=3 view=1,10,2,3 offset=2');
	await app.unmount();
});

test('a key handled between a render that brought new rows and its effects is not undone', async () => {
	// A layout effect runs after the render and before the passive effects: the moment a key read
	// by Ink can land while a page of hosts is being committed.
	function KeyBetween({rows, onState}: {readonly rows: readonly Host[]; readonly onState: (result: UseTableStateResult<Host>) => void}) {
		const result = useTableState({rows, columns: hostColumns, getRowKey: (host) => host.id, height: 3});
		const firstRows = useRef(rows);
		useLayoutEffect(() => {
			if (rows !== firstRows.current) result.dispatch({type: 'select-next'});
		}, [rows]);
		useEffect(() => {
			onState(result);
		});
		return <Text>{`selected=${result.selectedRow?.id ?? '-'} count=${result.view.length}`}</Text>;
	}

	let latest!: UseTableStateResult<Host>;
	const onState = (result: UseTableStateResult<Host>) => (latest = result);
	const app = await render(<KeyBetween rows={hosts} onState={onState} />);
	const {act} = await import('react');
	await act(async () => latest.dispatch({type: 'select-index', index: 1}));
	assert.equal(app.lastFrame(), 'selected=1 count=4');
	await app.rerender(<KeyBetween rows={[...hosts, {id: '11', name: 'echo'}]} onState={onState} />);
	assert.equal(app.lastFrame(), 'selected=2 count=5');
	await app.unmount();
});
