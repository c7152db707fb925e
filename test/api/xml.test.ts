import assert from 'node:assert/strict';
import {test} from 'node:test';
import {isParseError} from '../../source/api/errors.js';
import {parseXml, rootElementName} from '../../source/api/xml.js';
import {fixture} from './fixture.js';

test('keeps values as strings and trims CDATA with surrounding whitespace', () => {
	const document = parseXml(fixture('host-list-single.xml')) as any;
	const host = document.HOST_LIST_OUTPUT.RESPONSE.HOST_LIST.HOST[0];
	assert.equal(host.QG_HOSTID, '00');
	assert.equal(host.ID, '1234567');
	assert.equal(host.OS, 'Windows Server 2019 & <Datacenter>');
});

test('a single HOST and a single TAG are still arrays', () => {
	const document = parseXml(fixture('host-list-single.xml')) as any;
	assert.ok(Array.isArray(document.HOST_LIST_OUTPUT.RESPONSE.HOST_LIST.HOST));
	assert.ok(Array.isArray(document.HOST_LIST_OUTPUT.RESPONSE.HOST_LIST.HOST[0].TAGS.TAG));
});

test('decodes the predefined entities', () => {
	const document = parseXml('<A><B>a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;</B></A>') as any;
	assert.equal(document.A.B, 'a & b <c> "d" \'e\'');
});

test('the root element name skips the declaration and comments', () => {
	assert.equal(rootElementName(parseXml(fixture('host-list-empty.xml'))), 'HOST_LIST_OUTPUT');
	assert.equal(rootElementName(parseXml(fixture('simple-return-400-no-decl.xml'))), 'SIMPLE_RETURN');
});

test('an entity bomb fails fast with a ParseError', () => {
	const started = performance.now();
	assert.throws(() => parseXml(fixture('entity-bomb.xml')), isParseError);
	assert.ok(performance.now() - started < 100);
});

test('an internal DTD entity is never expanded, even a harmless one', () => {
	assert.throws(() => parseXml('<?xml version="1.0"?><!DOCTYPE A [<!ENTITY x "expanded">]><A>&x;</A>'), isParseError);
});

test('an external entity (XXE) is refused', () => {
	assert.throws(() => parseXml('<!DOCTYPE A [<!ENTITY x SYSTEM "file:///etc/passwd">]><A>&x;</A>'), isParseError);
});

test('an external DTD reference is fine and never fetched', () => {
	const document = parseXml('<!DOCTYPE A SYSTEM "http://127.0.0.1:1/never.dtd"><A><B>1</B></A>') as any;
	assert.equal(document.A.B, '1');
});

test('a truncated document is a ParseError, not a partial list', () => {
	const text = fixture('host-list-truncated-warning.xml');
	for (const cut of [text.length - 30, Math.floor(text.length / 2), text.indexOf('</HOST>') + 3]) {
		assert.throws(() => parseXml(text.slice(0, cut)), isParseError, `cut at ${cut}`);
	}
});

test('malformed XML and an empty body are ParseErrors', () => {
	assert.throws(() => parseXml('<A><B>x</A>'), isParseError);
	assert.throws(() => parseXml(''), isParseError);
	assert.throws(() => parseXml('  \n '), isParseError);
});

test('DOCTYPE-like text inside CDATA in the body is just text', () => {
	const document = parseXml('<A><B><![CDATA[ <!DOCTYPE x [ ]]></B></A>') as any;
	assert.equal(document.A.B, ' <!DOCTYPE x [ ', 'CDATA content is kept as sent');
});

test('an internal subset after a long leading comment is still refused', () => {
	assert.throws(() => parseXml(`<!--${'x'.repeat(70_000)}--><!DOCTYPE A [<!ENTITY a "EXPANDED">]><A>&a;</A>`), isParseError);
});
