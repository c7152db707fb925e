import {test} from 'node:test';
import assert from 'node:assert/strict';
import React from 'react';
import {Spinner, SPINNER_FRAMES} from '../../source/components/spinner.js';
import {render} from '../helpers/render.js';

const framePattern = new RegExp(`^[${SPINNER_FRAMES.join('')}] loading hosts$`);

test('spins through its frames with the label beside it, and stops on unmount', async () => {
	const app = await render(<Spinner label="loading hosts" intervalMs={20} />);
	try {
		const first = app.lastFrame()!;
		assert.match(first, framePattern);
		const next = await app.waitForFrame((frame) => frame !== first);
		assert.match(next, framePattern);
	} finally {
		await app.unmount();
	}
	const count = app.frames.length;
	await new Promise((resolve) => setTimeout(resolve, 60));
	assert.equal(app.frames.length, count);
});
