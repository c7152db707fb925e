import {test} from 'node:test';
import assert from 'node:assert/strict';
import {applyView, createFilterCache} from '../../source/lib/apply-view.js';
import type {Column} from '../../source/lib/column.js';

type Row = {readonly id: string; readonly ip: string; readonly os: string; readonly seen?: number};

const columns: readonly Column<Row>[] = [
	{key: 'id', header: 'ID', width: 6, priority: 3, value: (row) => row.id},
	{key: 'ip', header: 'IP', width: 15, priority: 2, value: (row) => row.ip},
	{key: 'os', header: 'OS', width: 10, priority: 1, value: (row) => row.os},
	{key: 'seen', header: 'Seen', width: 6, priority: 0, value: (row) => String(row.seen ?? ''), sortValue: (row) => row.seen},
];

const rows: readonly Row[] = [
	{id: '10', ip: '10.0.0.10', os: 'Linux', seen: 5},
	{id: '9', ip: '10.0.0.9', os: 'Windows', seen: 1},
	{id: '100', ip: '192.168.1.1', os: 'linux', seen: 5},
	{id: '2', ip: '10.0.0.2', os: 'Solaris'},
];

const ids = (view: readonly Row[]) => view.map((row) => row.id);

test('returns the same array when there is no filter or sort', () => {
	assert.equal(applyView(rows, {columns}), rows);
});

test('filters case-insensitively over every column', () => {
	assert.deepEqual(ids(applyView(rows, {columns, filter: 'LINUX'})), ['10', '100']);
	assert.deepEqual(ids(applyView(rows, {columns, filter: '192.168'})), ['100']);
	assert.deepEqual(ids(applyView(rows, {columns, filter: 'nothing'})), []);
});

test('sorts numeric-aware: IDs and IPs in numeric order', () => {
	assert.deepEqual(ids(applyView(rows, {columns, sortKey: 'id'})), ['2', '9', '10', '100']);
	assert.deepEqual(ids(applyView(rows, {columns, sortKey: 'ip'})), ['2', '9', '10', '100']);
	assert.deepEqual(ids(applyView(rows, {columns, sortKey: 'id', isDescending: true})), ['100', '10', '9', '2']);
});

test('sorts stably, also when descending, with missing values first', () => {
	assert.deepEqual(ids(applyView(rows, {columns, sortKey: 'seen'})), ['2', '9', '10', '100']);
	assert.deepEqual(ids(applyView(rows, {columns, sortKey: 'seen', isDescending: true})), ['10', '100', '9', '2']);
	assert.deepEqual(ids(applyView(rows, {columns, sortKey: 'os'})), ['10', '100', '2', '9']);
});

test('filters and sorts together, reusing the filter cache', () => {
	const filterCache = createFilterCache();
	assert.deepEqual(ids(applyView(rows, {columns, filter: 'linux', sortKey: 'id', isDescending: true, filterCache})), ['100', '10']);
	assert.deepEqual(ids(applyView(rows, {columns, filter: 'windows', filterCache})), ['9']);
});

test('an unknown sort key keeps the original order', () => {
	assert.deepEqual(ids(applyView(rows, {columns, sortKey: 'nope'})), ['10', '9', '100', '2']);
});

test('handles 100,000 rows', () => {
	const many = Array.from({length: 100_000}, (_, index) => ({id: String(100_000 - index), ip: `10.${index >> 16}.${(index >> 8) & 255}.${index & 255}`, os: index % 2 ? 'Linux' : 'Windows'}));
	const view = applyView(many, {columns, filter: 'linux', sortKey: 'id'});
	assert.equal(view.length, 50_000);
	assert.equal(view[0]!.id, '1');
	assert.equal(view.at(-1)!.id, '99999');
});
