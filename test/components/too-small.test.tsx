import {test} from 'node:test';
import assert from 'node:assert/strict';
import React from 'react';
import {TooSmall} from '../../source/components/too-small.js';
import {isTerminalTooSmall, MIN_TERMINAL_SIZE} from '../../source/lib/min-terminal-size.js';
import {render} from '../helpers/render.js';

test('says what size is needed and what there is', async () => {
	const app = await render(<TooSmall columns={50} rows={12} />);
	assert.equal(app.lastFrame(), 'terminal too small — need 60×15, have 50×12');
	await app.unmount();
});

test('knows the minimum from one place', () => {
	assert.deepEqual(MIN_TERMINAL_SIZE, {columns: 60, rows: 15});
	assert.equal(isTerminalTooSmall({columns: 80, rows: 24}), false);
	assert.equal(isTerminalTooSmall({columns: 60, rows: 15}), false);
	assert.equal(isTerminalTooSmall({columns: 59, rows: 24}), true);
	assert.equal(isTerminalTooSmall({columns: 80, rows: 14}), true);
});
