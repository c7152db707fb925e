// whenInputIdle: the full collection after loading every page waits for a pause in the keys, but
// not forever; and a cancelled wait never runs.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {msSinceInput, noteInput, whenInputIdle} from '../../source/lib/input-activity.js';

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

test('noteInput resets the time since the last key', () => {
	noteInput(1000);
	assert.equal(msSinceInput(1250), 250);
});

test('runs once the keys have paused for idleMs, not while they keep coming', async () => {
	let lastKey = Date.now();
	let ranAt: number | undefined;
	whenInputIdle(() => (ranAt = Date.now()), {idleMs: 60, checkMs: 10, maxWaitMs: 5000, idleFor: () => Date.now() - lastKey});
	for (let i = 0; i < 10; i++) {
		await sleep(15);
		lastKey = Date.now();
	}
	const stoppedTyping = Date.now();
	assert.equal(ranAt, undefined, 'not while keys arrive every 15 ms');
	await sleep(200);
	assert.ok(ranAt !== undefined && ranAt - stoppedTyping >= 55, `ran ${ranAt === undefined ? 'never' : `${ranAt - stoppedTyping} ms`} after the last key`);
});

test('runs after maxWaitMs however busy the keyboard', async () => {
	let runs = 0;
	whenInputIdle(() => runs++, {idleMs: 1000, checkMs: 10, maxWaitMs: 80, idleFor: () => 0});
	await sleep(200);
	assert.equal(runs, 1);
});

test('a cancelled wait never runs', async () => {
	let runs = 0;
	const cancel = whenInputIdle(() => runs++, {idleMs: 0, checkMs: 20, maxWaitMs: 100, idleFor: () => Number.POSITIVE_INFINITY});
	cancel();
	await sleep(80);
	assert.equal(runs, 0);
});
