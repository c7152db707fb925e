// Property-based fuzzing of the scan-list path: parseXml → parseScanList, on SCAN_LIST_OUTPUT
// documents built from the real shape and then broken.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import {ParseError} from '../../source/api/errors.js';
import {parseScanDuration} from '../../source/api/parse-scan-duration.js';
import {parseScanList} from '../../source/api/parse-scan-list.js';
import {parseXml} from '../../source/api/xml.js';
import {assertDisplaySafe, assertSaneNumbers, FUZZ_RUNS, mutated, runBounded, scanListDocument, textValue} from './documents.js';

const DURATION_KINDS = new Set(['elapsed', 'pending', 'running', 'unknown']);

function checkScanList(text: string): void {
	const {value: scans} = runBounded(() => parseScanList(parseXml(text)), ParseError);
	if (!scans) return;
	for (const scan of scans) {
		assert.equal(typeof scan.ref, 'string');
		assert.notEqual(scan.ref, '', 'every scan has a REF');
		for (const field of ['type', 'title', 'userLogin', 'launched', 'state', 'target'] as const) assert.equal(typeof scan[field], 'string', field);
		assert.ok(DURATION_KINDS.has(scan.duration.kind));
		if (scan.processed !== undefined) assert.equal(typeof scan.processed, 'boolean');
		if (scan.assetGroupTitles) assert.ok(scan.assetGroupTitles.every(title => typeof title === 'string'));
	}
	assertDisplaySafe(scans);
	assertSaneNumbers(scans);
}

test('intact generated scan lists map to valid records or raise ParseError', () => {
	fc.assert(fc.property(scanListDocument, checkScanList), {numRuns: FUZZ_RUNS});
});

test('broken scan lists map to valid records or raise ParseError, never anything else', () => {
	fc.assert(fc.property(mutated(scanListDocument), checkScanList), {numRuns: FUZZ_RUNS});
});

test('any DURATION text gives a known kind and a finite, non-negative number of seconds', () => {
	fc.assert(
		fc.property(fc.oneof(textValue, fc.tuple(fc.stringMatching(/^\d{1,400}$/), fc.stringMatching(/^\d{1,40}$/)).map(([days, hours]) => `${days} days ${hours}:00:00`)), text => {
			const duration = parseScanDuration(text);
			assert.ok(DURATION_KINDS.has(duration.kind));
			if (duration.kind === 'elapsed') assert.ok(Number.isSafeInteger(duration.seconds) && duration.seconds >= 0, `seconds ${duration.seconds}`);
		}),
		{numRuns: FUZZ_RUNS},
	);
});

test('a DURATION too large to count is kept as text, not Infinity seconds', () => {
	assert.deepEqual(parseScanDuration(`${'9'.repeat(400)} days 00:00:01`).kind, 'unknown');
	assert.deepEqual(parseScanDuration('2 days 03:04:05'), {kind: 'elapsed', seconds: 183_845});
});
