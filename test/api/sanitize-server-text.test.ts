import assert from 'node:assert/strict';
import {test} from 'node:test';
import {sanitizeServerText} from '../../source/api/sanitize-server-text.js';

test('strips escape sequences, controls and bidi overrides; one line', () => {
	assert.equal(sanitizeServerText('a\u001B[2J\u001B[31mb\u001B]8;;http://x\u0007c\r\nd\u202Ee\u0000f'), 'abc d e f');
});

test('caps the length at 200 characters by default', () => {
	const text = sanitizeServerText('y'.repeat(10_000));
	assert.equal(text.length, 200);
	assert.ok(text.endsWith('…'));
});
