// Property-based fuzzing of the host-list path: parseXml → parseHostList, on HOST_LIST_OUTPUT
// documents built from the real shapes and then broken (truncated at any byte, tags deleted,
// duplicated or swapped, random bytes, controls, entities, CDATA edges, huge values).
import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import {ParseError} from '../../source/api/errors.js';
import {parseHostList} from '../../source/api/parse-host-list.js';
import {parseXml} from '../../source/api/xml.js';
import {assertDisplaySafe, assertSaneNumbers, FUZZ_RUNS, hostListDocument, mutated, runBounded} from './documents.js';

// parse-host-list.ts caps ID_RANGE expansion; the fuzz holds it to that bound.
const MAX_EXPANDED_IDS = 1_000_000;

function checkHostList(text: string): void {
	const {value: page} = runBounded(() => parseHostList(parseXml(text)), ParseError);
	if (!page) return;
	assert.ok(page.hosts.length <= MAX_EXPANDED_IDS + text.length, 'the host count is bounded by the document');
	for (const host of page.hosts) {
		assert.equal(typeof host.id, 'string', 'every host has a string id');
		assert.notEqual(host.id, '', 'every host has a non-empty id');
		for (const [field, value] of Object.entries(host)) {
			const isValid =
				typeof value === 'string' ||
				(typeof value === 'number' && field === 'lastVmScannedDuration') ||
				(Array.isArray(value) && value.every(item => typeof item === 'string' || (typeof item === 'object' && item !== null && typeof item.name === 'string')));
			assert.ok(isValid, `field ${field} has an unexpected value ${JSON.stringify(value)?.slice(0, 80)}`);
		}
	}
	// Sampled: a page of a million expanded ids is all digits, checking each adds nothing.
	assertDisplaySafe(page.hosts.slice(0, 200));
	assertSaneNumbers(page.hosts.slice(0, 200));
	if (page.nextUrl !== undefined) assert.equal(page.nextUrl, page.nextUrl.trim());
	if (page.datetime !== undefined) assert.equal(typeof page.datetime, 'string');
}

test('intact generated host lists map to valid records or raise ParseError', () => {
	fc.assert(
		fc.property(hostListDocument, document => {
			checkHostList(document);
		}),
		{numRuns: FUZZ_RUNS},
	);
});

test('broken host lists map to valid records or raise ParseError, never anything else', () => {
	fc.assert(
		fc.property(mutated(hostListDocument), document => {
			checkHostList(document);
		}),
		{numRuns: FUZZ_RUNS},
	);
});

test('ID_SET oddities found by the fuzzer give ParseError, not a TypeError or an empty id', () => {
	const idSet = (inner: string) => `<HOST_LIST_OUTPUT><RESPONSE><ID_SET>${inner}</ID_SET></RESPONSE></HOST_LIST_OUTPUT>`;
	for (const inner of ['<ID_RANGE><X/></ID_RANGE>', '<ID_RANGE a="1">5-6</ID_RANGE>', '<ID a="1">5</ID>', '<ID></ID>', '<ID_RANGE>-5</ID_RANGE>', '<ID_RANGE>abc</ID_RANGE>']) {
		assert.throws(() => parseHostList(parseXml(idSet(inner))), ParseError, inner);
	}
	assert.throws(() => parseHostList(parseXml(idSet('<ID_RANGE>1-1000000</ID_RANGE><ID_RANGE>1-1000000</ID_RANGE>'))), ParseError, 'two million ids from 60 bytes');
	assert.deepEqual(
		parseHostList(parseXml(idSet('<ID>1</ID><ID_RANGE>5-7</ID_RANGE><ID_RANGE> 9 </ID_RANGE>'))).hosts.map(host => host.id),
		['1', '5', '6', '7', '9'],
	);
});

test('a negative LAST_VM_SCANNED_DURATION is dropped, not shown as negative seconds', () => {
	const page = parseHostList(parseXml('<HOST_LIST_OUTPUT><RESPONSE><HOST_LIST><HOST><ID>1</ID><LAST_VM_SCANNED_DURATION>-5</LAST_VM_SCANNED_DURATION></HOST></HOST_LIST></RESPONSE></HOST_LIST_OUTPUT>'));
	assert.equal(page.hosts[0]?.lastVmScannedDuration, undefined);
});
