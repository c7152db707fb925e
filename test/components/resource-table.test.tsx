import {test} from 'node:test';
import assert from 'node:assert/strict';
import React from 'react';
import type {Column} from '../../source/lib/column.js';
import {ResourceTable, visibleOffset} from '../../source/components/resource-table.js';
import {render} from '../helpers/render.js';

type Row = {readonly id: string; readonly ip: string; readonly os: string; readonly state?: string};

const columns: readonly Column<Row>[] = [
	{key: 'id', header: 'ID', width: 6, priority: 9, align: 'right', value: (row) => row.id},
	{key: 'ip', header: 'IP', width: 12, priority: 8, value: (row) => row.ip},
	{key: 'os', header: 'OS', width: {min: 8, max: 20}, priority: 1, value: (row) => row.os},
	{
		key: 'state',
		header: 'State',
		width: 9,
		priority: 5,
		value: (row) => row.state ?? '',
		color: (row) => (row.state === 'Error' ? 'red' : undefined),
		mark: (row) => (row.state === 'Error' ? '!' : undefined),
	},
];

const rows: readonly Row[] = [
	{id: '1', ip: '10.0.0.1', os: 'Linux', state: 'Finished'},
	{id: '22', ip: '10.0.0.22', os: 'Windows Server 2019', state: 'Error'},
	{id: '333', ip: '10.0.0.133', os: 'Solaris'},
];

const getRowKey = (row: Row) => row.id;

test('renders a header and one line per row, selection marked with ›', async () => {
	const app = await render(<ResourceTable columns={columns} rows={rows} selectedIndex={1} width={52} height={10} getRowKey={getRowKey} />);
	assert.equal(
		app.lastFrame(),
		[
			'      ID IP           OS                   State',
			'       1 10.0.0.1     Linux                Finished',
			'›     22 10.0.0.22    Windows Server 2019  ! Error',
			'     333 10.0.0.133   Solaris',
		].join('\n'),
	);
	await app.unmount();
});

test('drops the lowest-priority column on a narrow terminal instead of wrapping', async () => {
	const app = await render(<ResourceTable columns={columns} rows={rows} selectedIndex={0} width={32} height={10} getRowKey={getRowKey} />);
	assert.equal(
		app.lastFrame(),
		[
			'      ID IP           State',
			'›      1 10.0.0.1     Finished',
			'      22 10.0.0.22    ! Error',
			'     333 10.0.0.133',
		].join('\n'),
	);
	await app.unmount();
});

test('cuts long cell text with … and strips escape sequences from it', async () => {
	const hostile: readonly Row[] = [{id: '7', ip: '10.0.0.7', os: '\u001B[2J\u001B]0;pwned\u0007Very long operating system name'}];
	const app = await render(<ResourceTable columns={columns} rows={hostile} selectedIndex={0} width={52} height={10} getRowKey={getRowKey} />);
	assert.equal(app.lastFrame()!.split('\n')[1], '›      7 10.0.0.7     Very long operating…');
	await app.unmount();
});

test('shows the empty text when there are no rows', async () => {
	const app = await render(<ResourceTable columns={columns} rows={[]} selectedIndex={0} width={52} height={10} getRowKey={getRowKey} emptyText="No hosts match" />);
	assert.equal(app.lastFrame(), ['      ID IP           OS                   State', '  No hosts match'].join('\n'));
	await app.unmount();
});

test('renders only the visible rows of 100,000 and is never taller than its height', async () => {
	const many: Row[] = Array.from({length: 100_000}, (_, index) => ({id: String(index), ip: `10.1.${index >> 8 & 255}.${index & 255}`, os: 'Linux'}));
	const app = await render(<ResourceTable columns={columns} rows={many} selectedIndex={50_000} scrollOffset={49_995} width={60} height={8} getRowKey={getRowKey} />);
	const lines = app.lastFrame()!.split('\n');
	assert.equal(lines.length, 8);
	assert.match(lines[1]!, /^ {3}49995 /);
	assert.match(lines[6]!, /^› {2}50000 /);
	assert.match(lines[7]!, /^ {3}50001 /);
	await app.unmount();
});

test('column widths do not change with the data on screen', async () => {
	const short: readonly Row[] = [{id: '1', ip: '1.1.1.1', os: 'a'}];
	const long: readonly Row[] = [{id: '123456', ip: '255.255.255.255', os: 'a very very long name indeed'}];
	const app = await render(<ResourceTable columns={columns} rows={short} selectedIndex={0} width={50} height={5} getRowKey={getRowKey} />);
	const headerBefore = app.lastFrame()!.split('\n')[0];
	await app.rerender(<ResourceTable columns={columns} rows={long} selectedIndex={0} width={50} height={5} getRowKey={getRowKey} />);
	assert.equal(app.lastFrame()!.split('\n')[0], headerBefore);
	assert.equal(app.lastFrame()!.split('\n')[1], '› 123456 255.255.255… a very very long …');
	await app.unmount();
});

test('keeps the selection visible whatever offset is asked for', () => {
	assert.equal(visibleOffset({rowCount: 100, selectedIndex: 50, bodyHeight: 10, scrollOffset: 0}), 41);
	assert.equal(visibleOffset({rowCount: 100, selectedIndex: 5, bodyHeight: 10, scrollOffset: 30}), 5);
	assert.equal(visibleOffset({rowCount: 100, selectedIndex: 99, bodyHeight: 10, scrollOffset: 200}), 90);
	assert.equal(visibleOffset({rowCount: 5, selectedIndex: 4, bodyHeight: 10}), 0);
	assert.equal(visibleOffset({rowCount: 100, selectedIndex: 25, bodyHeight: 10}), 20);
});

test('shows rows with duplicate IDs without losing any', async () => {
	const duplicates: readonly Row[] = [
		{id: '5', ip: '10.0.0.5', os: 'Linux'},
		{id: '5', ip: '10.0.0.6', os: 'Linux'},
	];
	const app = await render(<ResourceTable columns={columns} rows={duplicates} selectedIndex={1} width={52} height={5} getRowKey={getRowKey} />);
	assert.equal(app.lastFrame()!.split('\n').length, 3);
	assert.match(app.lastFrame()!, /› +5 10\.0\.0\.6/);
	await app.unmount();
});

test('shows the selection without colour and only the header when height is 1', async () => {
	const app = await render(<ResourceTable columns={columns} rows={rows} selectedIndex={0} width={52} height={1} getRowKey={getRowKey} isFocused={false} />);
	assert.equal(app.lastFrame(), '      ID IP           OS                   State');
	await app.rerender(<ResourceTable columns={columns} rows={rows} selectedIndex={2} width={52} height={3} getRowKey={getRowKey} isFocused={false} />);
	assert.equal(app.lastFrame(), ['      ID IP           OS                   State', '      22 10.0.0.22    Windows Server 2019  ! Error', '›    333 10.0.0.133   Solaris'].join('\n'));
	await app.unmount();
});
