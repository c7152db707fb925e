import {test} from 'node:test';
import assert from 'node:assert/strict';
import {padToWidth, stringWidth, truncateToWidth} from '../../source/lib/display-width.js';

test('counts ASCII as one cell each', () => {
	assert.equal(stringWidth('hello'), 5);
	assert.equal(stringWidth(''), 0);
});

test('counts wide CJK and emoji as two cells, combining marks as none', () => {
	assert.equal(stringWidth('日本'), 4);
	assert.equal(stringWidth('한글'), 4);
	assert.equal(stringWidth('😀'), 2);
	assert.equal(stringWidth('e\u0301'), 1);
	assert.equal(stringWidth('ｆｕｌｌ'), 8);
	assert.equal(stringWidth('Ünïcødé'), 7);
});

test('truncates to a width with an ellipsis and never splits a wide character', () => {
	assert.equal(truncateToWidth('abcdef', 4), 'abc…');
	assert.equal(truncateToWidth('abc', 4), 'abc');
	assert.equal(truncateToWidth('日本語', 4), '日…');
	assert.equal(truncateToWidth('日本語', 6), '日本語');
	assert.equal(truncateToWidth('abc', 0), '');
	assert.equal(truncateToWidth('abc', 1), '…');
});

test('pads to an exact width, left or right', () => {
	assert.equal(padToWidth('ab', 4), 'ab  ');
	assert.equal(padToWidth('ab', 4, 'right'), '  ab');
	assert.equal(padToWidth('日本', 5), '日本 ');
	assert.equal(padToWidth('abcdef', 4), 'abc…');
});
