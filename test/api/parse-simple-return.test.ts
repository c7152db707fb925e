import assert from 'node:assert/strict';
import {test} from 'node:test';
import {parseSimpleReturn} from '../../source/api/parse-simple-return.js';
import {parseXml} from '../../source/api/xml.js';
import {fixture} from './fixture.js';

test('reads CODE and TEXT of a 400 that has no XML declaration', () => {
	const simple = parseSimpleReturn(parseXml(fixture('simple-return-400-no-decl.xml')));
	assert.equal(simple?.code, 1905);
	assert.match(simple?.text ?? '', /^parameter ids has invalid value: abc123/);
});

test('reads ITEM_LIST items', () => {
	assert.equal(parseSimpleReturn(parseXml(fixture('simple-return-409-1965.xml')))?.items.get('SECONDS_TO_WAIT'), '86274');
	assert.equal(parseSimpleReturn(parseXml(fixture('simple-return-409-1960.xml')))?.items.get('CALLS_TO_FINISH'), '1');
});

test('a success reply has no code', () => {
	const simple = parseSimpleReturn(parseXml('<SIMPLE_RETURN><RESPONSE><DATETIME>x</DATETIME><TEXT>Logged in</TEXT></RESPONSE></SIMPLE_RETURN>'));
	assert.equal(simple?.code, undefined);
	assert.equal(simple?.text, 'Logged in');
});

test('reads the v1 RETURN status="FAILED" form', () => {
	const simple = parseSimpleReturn(parseXml(fixture('v1-return-failed.xml')));
	assert.equal(simple?.code, 2000);
	assert.equal(simple?.text, 'Bad Login/Password');
});

test('other documents are not a SIMPLE_RETURN', () => {
	assert.equal(parseSimpleReturn(parseXml(fixture('host-list-empty.xml'))), undefined);
});
