import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {Column} from '../../source/lib/column.js';
import {layoutColumns} from '../../source/lib/layout-columns.js';

type Row = {readonly id: string; readonly ip: string; readonly dns: string; readonly os: string};

const columns: readonly Column<Row>[] = [
	{key: 'id', header: 'ID', width: 8, priority: 9, value: (row) => row.id},
	{key: 'ip', header: 'IP', width: 15, priority: 8, value: (row) => row.ip},
	{key: 'dns', header: 'DNS', width: {min: 12, max: 40, flex: 2}, priority: 5, value: (row) => row.dns},
	{key: 'os', header: 'OS', width: {min: 10, flex: 1}, priority: 3, value: (row) => row.os},
];

const summary = (width: number) => layoutColumns(columns, width).map((entry) => `${entry.column.key}:${entry.width}`);

test('fills the width exactly when every column fits', () => {
	const layout = layoutColumns(columns, 100);
	const used = 2 + layout.reduce((sum, entry) => sum + entry.width, 0) + (layout.length - 1);
	assert.equal(used, 100);
	assert.deepEqual(summary(100), ['id:8', 'ip:15', 'dns:40', 'os:32']);
});

test('shares spare cells by flex and respects max', () => {
	// 80 - gutter 2 - gaps 3 - mins 45 = 30 spare: dns gets 2/3 (20), os 1/3 (10).
	assert.deepEqual(summary(80), ['id:8', 'ip:15', 'dns:32', 'os:20']);
});

test('drops the lowest-priority columns first on narrow terminals', () => {
	// 50 cells fit every minimum; one less drops OS (priority 3) and DNS takes the spare.
	assert.deepEqual(summary(50), ['id:8', 'ip:15', 'dns:12', 'os:10']);
	assert.deepEqual(summary(49), ['id:8', 'ip:15', 'dns:22']);
	assert.deepEqual(summary(30), ['id:8', 'ip:15']);
	assert.deepEqual(summary(26), ['id:8', 'ip:15']);
	assert.deepEqual(summary(25), ['id:8']);
	assert.deepEqual(summary(20), ['id:8']);
});

test('keeps one column, cut to the width, on absurdly narrow terminals', () => {
	assert.deepEqual(summary(5), ['id:3']);
});

test('depends only on the spec and the width, not on data', () => {
	// layoutColumns never sees rows: the same call gives the same widths whatever is on screen.
	assert.deepEqual(summary(80), summary(80));
	assert.deepEqual(
		layoutColumns(columns, 80).map((entry) => entry.width),
		[8, 15, 32, 20],
	);
});
