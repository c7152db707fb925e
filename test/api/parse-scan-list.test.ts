import assert from 'node:assert/strict';
import {test} from 'node:test';
import {isParseError} from '../../source/api/errors.js';
import {parseScanDuration} from '../../source/api/parse-scan-duration.js';
import {parseScanList} from '../../source/api/parse-scan-list.js';
import {parseXml} from '../../source/api/xml.js';
import {fixture} from './fixture.js';

test('maps every state with its sub-state and duration form', () => {
	const scans = parseScanList(parseXml(fixture('scan-list-all-states.xml')));
	assert.deepEqual(
		scans.map(scan => [scan.state, scan.duration]),
		[
			['Finished', {kind: 'elapsed', seconds: 29 * 60 + 43}],
			['Canceled', {kind: 'elapsed', seconds: 2 * 86_400 + 3 * 3600 + 4 * 60 + 5}],
			['Running', {kind: 'running'}],
			['Queued', {kind: 'pending'}],
			['Loading', {kind: 'pending'}],
			['Paused', {kind: 'running'}],
			['Error', {kind: 'elapsed', seconds: 12}],
		],
	);
});

test('maps the full first scan', () => {
	const [scan] = parseScanList(parseXml(fixture('scan-list-all-states.xml')));
	assert.deepEqual(scan, {
		ref: 'scan/1622541600.11111',
		type: 'Scheduled',
		title: 'Weekly DMZ',
		userLogin: 'acme_jd',
		launched: '2021-06-01T09:00:00Z',
		duration: {kind: 'elapsed', seconds: 1783},
		state: 'Finished',
		subState: 'No_Vuln',
		target: '10.0.0.1-10.0.0.20, web01.example.com',
		processingPriority: '0 - No Priority',
		processed: true,
		optionProfile: {title: 'Initial Options', isDefault: true},
		assetGroupTitles: ['DMZ'],
	});
});

test('no SCAN_LIST means no scans', () => {
	assert.deepEqual(parseScanList(parseXml(fixture('scan-list-empty.xml'))), []);
});

test('another document is a ParseError', () => {
	assert.throws(() => parseScanList(parseXml(fixture('host-list-empty.xml'))), isParseError);
});

test('durations: day forms, literals, and unknown text kept', () => {
	assert.deepEqual(parseScanDuration('00:00:00'), {kind: 'elapsed', seconds: 0});
	assert.deepEqual(parseScanDuration('1 day 00:00:01'), {kind: 'elapsed', seconds: 86_401});
	assert.deepEqual(parseScanDuration('123:00:00'), {kind: 'elapsed', seconds: 123 * 3600});
	assert.deepEqual(parseScanDuration('Pending'), {kind: 'pending'});
	assert.deepEqual(parseScanDuration('Running'), {kind: 'running'});
	assert.deepEqual(parseScanDuration('soon'), {kind: 'unknown', text: 'soon'});
	assert.deepEqual(parseScanDuration(undefined), {kind: 'unknown', text: ''});
});
