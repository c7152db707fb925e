import {test} from 'node:test';
import assert from 'node:assert/strict';
import React from 'react';
import {formatKeyHints, KeyHints} from '../../source/components/key-hints.js';
import {stringWidth} from '../../source/lib/display-width.js';
import {render} from '../helpers/render.js';

test('lists the hints of the scopes, most specific first', () => {
	assert.equal(
		formatKeyHints(['hosts', 'list', 'global'], 200),
		'L load all  j/k move  g/G top/end  Enter open  / filter  s/S sort  r refresh  1-3/Tab screens  q quit  ? help',
	);
});

test('fits the width with whole hints and keeps ? help', () => {
	for (const width of [80, 60, 40, 20]) {
		const line = formatKeyHints(['hosts', 'list', 'global'], width);
		assert.ok(stringWidth(line) <= width, `${width}: ${line}`);
		assert.match(line, /\? help$/);
	}
	assert.equal(formatKeyHints(['hosts', 'list', 'global'], 41), 'L load all  j/k move  g/G top/end  ? help');
	assert.equal(formatKeyHints(['hosts', 'list', 'global'], 40), 'L load all  j/k move  ? help');
});

test('renders one line', async () => {
	const app = await render(<KeyHints scopes={['host-detail', 'detail', 'global']} width={80} />);
	assert.equal(app.lastFrame(), 'd full details  Esc back  1-3/Tab screens  q quit  ? help');
	await app.unmount();
});
