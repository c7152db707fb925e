import {test} from 'node:test';
import assert from 'node:assert/strict';
import React, {act, useState} from 'react';
import {Box, Text} from 'ink';
import {render as inkRender} from 'ink-testing-library';
import {ResourceTable} from '../../source/components/resource-table.js';
import {useKeyBindings} from '../../source/hooks/use-key-bindings.js';
import {useTableState} from '../../source/hooks/use-table-state.js';
import type {Column} from '../../source/lib/column.js';
import {keys, render} from '../helpers/render.js';

type Row = {readonly id: string};
const columns: readonly Column<Row>[] = [{key: 'id', header: 'ID', width: 8, priority: 1, value: (row) => row.id}];
const rows: readonly Row[] = Array.from({length: 1000}, (_, index) => ({id: `h${index}`}));

/** A list screen in miniature: table state, key bindings and the table. */
function ListScreen({isLoading = false, onOpen}: {readonly isLoading?: boolean; readonly onOpen?: (id: string) => void}) {
	const height = 6;
	const table = useTableState({rows, columns, getRowKey: (row) => row.id, height: height - 1});
	const [log, setLog] = useState('');
	useKeyBindings({
		scopes: ['hosts', 'list', 'global'],
		handlers: {
			'move-down': () => table.dispatch({type: 'select-next'}),
			'move-up': () => table.dispatch({type: 'select-previous'}),
			'half-page-down': () => table.dispatch({type: 'half-page-down'}),
			'page-down': () => table.dispatch({type: 'page-down'}),
			last: () => table.dispatch({type: 'select-last'}),
			first: () => table.dispatch({type: 'select-first'}),
			open: () => onOpen?.(table.selectedRow!.id),
			'stop-loading': isLoading ? () => setLog('stopped') : undefined,
			'clear-filter': () => setLog('cleared'),
		},
	});
	return (
		<Box flexDirection="column">
			<Text>{`row ${table.state.selected + 1}/${table.view.length} ${log}`}</Text>
			<ResourceTable columns={columns} rows={table.view} selectedIndex={table.state.selected} scrollOffset={table.state.offset} width={20} height={height} getRowKey={(row) => row.id} />
		</Box>
	);
}

test('moves the selection with j, k and the arrows', async () => {
	const app = await render(<ListScreen />);
	await app.press('j');
	await app.press(keys.down);
	await app.press('k');
	assert.equal(app.lastFrame()!.split('\n')[0], 'row 2/1000');
	assert.match(app.lastFrame()!, /› h1$/m);
	await app.unmount();
});

test('never loses fast repeats that arrive before a re-render', async () => {
	const instance = inkRender(<ListScreen />);
	await act(async () => {
		for (let index = 0; index < 7; index++) instance.stdin.write(keys.down);
	});
	assert.equal(instance.lastFrame()!.split('\n')[0], 'row 8/1000');
	await act(async () => instance.unmount());
});

test('G goes to the last row and g back to the first; Ctrl+D moves half a page', async () => {
	const app = await render(<ListScreen />);
	await app.press('G');
	assert.equal(app.lastFrame(), ['row 1000/1000', '  ID', '  h995', '  h996', '  h997', '  h998', '› h999'].join('\n'));
	await app.press('g');
	await app.press(keys.ctrlD);
	assert.equal(app.lastFrame()!.split('\n')[0], 'row 3/1000');
	await app.unmount();
});

test('Enter opens the selected row', async () => {
	let opened = '';
	const app = await render(<ListScreen onOpen={(id) => (opened = id)} />);
	await app.press('j');
	await app.press(keys.enter);
	assert.equal(opened, 'h1');
	await app.unmount();
});

test('Esc runs the first matching command that has a handler', async () => {
	const loading = await render(<ListScreen isLoading />);
	await loading.press(keys.escape);
	await loading.waitForFrame((frame) => frame.includes('stopped'));
	await loading.unmount();
	const idle = await render(<ListScreen />);
	await idle.press(keys.escape);
	await idle.waitForFrame((frame) => frame.includes('cleared'));
	await idle.unmount();
});

test('an inactive listener hears nothing', async () => {
	function Quiet() {
		const [count, setCount] = useState(0);
		useKeyBindings({scopes: ['list'], handlers: {'move-down': () => setCount((value) => value + 1)}, isActive: false});
		return <Text>{`count=${count}`}</Text>;
	}
	const app = await render(<Quiet />);
	await app.press('j');
	assert.equal(app.lastFrame(), 'count=0');
	await app.unmount();
});
