// Differential fuzzing of the host-list scanner (source/api/fast-host-list.ts): for every generated
// or broken HOST_LIST_OUTPUT document, parseXml → parseHostList (the fast path, which falls back on
// anything it does not fully understand) and the reference (parseXmlTree: validator + fast-xml-parser
// tree → parseHostList) agree exactly: the same page, or the same error class and message. And the
// scanner, which replaces XMLValidator for the documents it accepts, never accepts one it refuses.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import {XMLValidator} from 'fast-xml-parser';
import {scanHostList} from '../../source/api/fast-host-list.js';
import {parseHostList} from '../../source/api/parse-host-list.js';
import {parseXml, parseXmlTree} from '../../source/api/xml.js';
import {FUZZ_RUNS, hostElement, hostListDocument, mutated, scanListDocument, simpleReturnDocument, textElement} from './documents.js';
import {outcome} from '../helpers/outcome.js';


function checkSame(text: string): void {
	const fast = outcome(() => parseHostList(parseXml(text)));
	const reference = outcome(() => parseHostList(parseXmlTree(text)));
	assert.deepStrictEqual(fast, reference);
	// The scanner skips XMLValidator for what it accepts: it must never accept what the validator refuses.
	if (scanHostList(text) !== undefined) assert.equal(XMLValidator.validate(text), true, 'the scanner accepted a document XMLValidator refuses');
}

test('intact generated host lists: fast path and reference agree', () => {
	fc.assert(fc.property(hostListDocument, checkSame), {numRuns: FUZZ_RUNS});
});

test('broken host lists (truncated, tokens deleted/duplicated/swapped, inserted bits, random bytes): fast path and reference agree', () => {
	fc.assert(fc.property(mutated(hostListDocument), checkSame), {numRuns: FUZZ_RUNS});
});

// Plain hosts (no odd values): the documents the scanner takes itself, so its own mapping is exercised, not only the fallback.
const plainHost = fc
	.tuple(fc.nat(), fc.array(fc.constantFrom('IP', 'OS', 'DNS', 'NETBIOS', 'OWNER', 'COMMENTS', 'LAST_VM_SCANNED_DURATION', 'ASSET_GROUP_IDS', 'QG_HOSTID'), {maxLength: 6}), fc.array(fc.string({maxLength: 12}), {minLength: 6, maxLength: 6}), fc.boolean())
	.map(([id, fields, values, isCdata]) => {
		const unique = [...new Set(fields)];
		const body = unique.map((name, i) => {
			const value = values[i]!;
			const encoded = isCdata ? `<![CDATA[${value.split(']]>').join(']]]]><![CDATA[>')}]]>` : value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
			return `<${name}>${encoded}</${name}>`;
		});
		return `<HOST>\n<ID>${id}</ID>\n${body.join('\n')}\n</HOST>`;
	});

const plainDocument = fc
	.tuple(fc.array(fc.oneof(plainHost, hostElement), {maxLength: 5}), fc.constantFrom('', '<?xml version="1.0" encoding="UTF-8" ?>\n'), fc.option(textElement('DATETIME'), {nil: ''}))
	.map(([hosts, head, datetime]) => `${head}<HOST_LIST_OUTPUT>\n<RESPONSE>${datetime}<HOST_LIST>${hosts.join('\n')}</HOST_LIST></RESPONSE>\n</HOST_LIST_OUTPUT>\n`);

test('plain and generated hosts mixed, intact and broken: fast path and reference agree', () => {
	fc.assert(fc.property(fc.oneof(plainDocument, mutated(plainDocument)), checkSame), {numRuns: FUZZ_RUNS});
});

test('other documents (scan lists, SIMPLE_RETURN) through the host-list path: fast path and reference agree', () => {
	fc.assert(fc.property(mutated(fc.oneof(scanListDocument, simpleReturnDocument)), checkSame), {numRuns: Math.ceil(FUZZ_RUNS / 4)});
});

test('a host list cut at any byte: both paths raise the same ParseError', () => {
	fc.assert(
		fc.property(plainDocument, fc.nat(), (document, at) => {
			const bytes = Buffer.from(document, 'utf8');
			const end = bytes.lastIndexOf('</HOST_LIST_OUTPUT>') + '</HOST_LIST_OUTPUT>'.length;
			const cut = bytes.subarray(0, at % end).toString('utf8');
			checkSame(cut);
			assert.throws(() => parseHostList(parseXml(cut)), {name: 'ParseError'});
		}),
		{numRuns: FUZZ_RUNS},
	);
});
