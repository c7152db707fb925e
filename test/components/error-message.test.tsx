import {test} from 'node:test';
import assert from 'node:assert/strict';
import React from 'react';
import {ErrorMessage, formatMessageLine} from '../../source/components/error-message.js';
import {render} from '../helpers/render.js';

const now = Date.parse('2026-01-10T12:00:00Z');

test('says what happened and what to do, with the tone as a word', () => {
	assert.equal(formatMessageLine({message: 'Login failed', hint: 'check the user name and password', tone: 'error'}), 'error: Login failed — check the user name and password');
	assert.equal(formatMessageLine({message: 'Only 12 calls left', tone: 'warning'}), 'warning: Only 12 calls left');
	assert.equal(formatMessageLine({message: 'Loaded 1,000 hosts', tone: 'info'}), 'info: Loaded 1,000 hosts');
});

test('counts down to the retry', () => {
	assert.equal(
		formatMessageLine({message: 'Rate limit reached', hint: 'wait, or use another API', retryAt: now + 75_000, now}),
		'error: Rate limit reached — wait, or use another API · retry in 1m 15s',
	);
	assert.equal(formatMessageLine({message: 'Rate limit reached', retryAt: now - 1, now}), 'error: Rate limit reached · retry now');
});

test('sanitises the message', () => {
	assert.equal(formatMessageLine({message: 'bad\u001B]0;x\u0007 thing\nhere'}), 'error: bad thing here');
});

test('renders one line cut to the width', async () => {
	const app = await render(<ErrorMessage message="Session expired while loading page 14 of hosts" hint="press r to log in again" retryAt={now + 5000} now={now} width={40} />);
	assert.equal(app.lastFrame(), 'error: Session expired while loading pa…');
	await app.unmount();
});

test('ticks the countdown by itself when no time is given', async () => {
	const app = await render(<ErrorMessage message="Blocked" retryAt={Date.now() + 1500} />);
	try {
		assert.match(app.lastFrame()!, /retry in 2s/);
		await app.waitForFrame((frame) => frame.includes('retry in 1s'), 3000);
	} finally {
		await app.unmount();
	}
});
