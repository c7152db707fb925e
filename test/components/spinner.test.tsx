import {test} from 'node:test';
import assert from 'node:assert/strict';
import React from 'react';
import {Spinner, SPINNER_FRAMES} from '../../source/components/spinner.js';
import {render} from '../helpers/render.js';

test('spins through its frames with the label beside it, and stops on unmount', async () => {
	const app = await render(<Spinner label="loading hosts" intervalMs={10} />);
	assert.equal(app.lastFrame(), `${SPINNER_FRAMES[0]} loading hosts`);
	await app.waitForFrame((frame) => frame !== `${SPINNER_FRAMES[0]} loading hosts`);
	await app.unmount();
	const count = app.frames.length;
	await new Promise((resolve) => setTimeout(resolve, 50));
	assert.equal(app.frames.length, count);
});
