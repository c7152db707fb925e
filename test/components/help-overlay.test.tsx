import {test} from 'node:test';
import assert from 'node:assert/strict';
import React from 'react';
import {HelpOverlay, helpLines} from '../../source/components/help-overlay.js';
import {KEY_BINDINGS} from '../../source/keys.js';
import {render} from '../helpers/render.js';

test('lists every key of the scopes plus the global keys', () => {
	const lines = helpLines(['hosts', 'list']);
	const expected = KEY_BINDINGS.filter((binding) => ['hosts', 'list', 'global'].includes(binding.scope));
	for (const binding of expected) {
		assert.ok(lines.some((line) => line.endsWith(binding.description)), binding.command);
	}
	assert.equal(lines[0], 'Hosts');
	assert.ok(lines.includes('  ↓ j          Move down'));
	assert.ok(lines.includes('  q Ctrl+C     Quit'));
	assert.equal(lines.at(-8), 'Everywhere');
});

test('fits an 80×24 terminal in two columns', async () => {
	const app = await render(<HelpOverlay scopes={['hosts', 'list', 'global']} width={80} height={24} />);
	const frame = app.lastFrame()!;
	const lines = frame.split('\n');
	assert.ok(lines.length <= 24, `${lines.length} lines`);
	assert.ok(lines.every((line) => line.length <= 80));
	assert.match(frame, /Keys — \? or Esc to close/);
	assert.match(frame, /Move down/);
	assert.match(frame, /Quit/);
	assert.doesNotMatch(frame, /…/);
	await app.unmount();
});

test('cuts the list with … when it cannot fit', async () => {
	const app = await render(<HelpOverlay scopes={['hosts', 'list', 'global']} width={40} height={10} />);
	const lines = app.lastFrame()!.split('\n');
	assert.equal(lines.length, 10);
	assert.match(lines[8]!, /…/);
	await app.unmount();
});
