import assert from 'node:assert/strict';
import {test} from 'node:test';
import {setTimeout as sleep} from 'node:timers/promises';
import {createApiQueue} from '../../source/api/api-queue.js';
import {isAbortedError} from '../../source/api/errors.js';

test('tasks of one key run one at a time, in order', async () => {
	const queue = createApiQueue<string>();
	const log: string[] = [];
	let running = 0;
	const task = (name: string) => async () => {
		running++;
		assert.equal(running, 1);
		log.push(`start ${name}`);
		await sleep(10);
		log.push(`end ${name}`);
		running--;
	};
	await Promise.all([queue.run('a', task('1')), queue.run('a', task('2')), queue.run('a', task('3'))]);
	assert.deepEqual(log, ['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3']);
});

test('different keys run in parallel', async () => {
	const queue = createApiQueue<string>();
	let concurrent = 0;
	let peak = 0;
	const task = async () => {
		peak = Math.max(peak, ++concurrent);
		await sleep(20);
		concurrent--;
	};
	await Promise.all([queue.run('a', task), queue.run('b', task)]);
	assert.equal(peak, 2);
});

test('a failed task does not block the next', async () => {
	const queue = createApiQueue<string>();
	await assert.rejects(queue.run('a', async () => {
		throw new Error('boom');
	}));
	assert.equal(await queue.run('a', async () => 42), 42);
});

test('a caller aborted while waiting leaves and the order of the rest is kept', async () => {
	const queue = createApiQueue<string>();
	const controller = new AbortController();
	const log: string[] = [];
	const first = queue.run('a', async () => {
		await sleep(30);
		log.push('1');
	});
	const second = queue.run('a', async () => log.push('2'), controller.signal);
	const third = queue.run('a', async () => log.push('3'));
	controller.abort();
	await assert.rejects(second, isAbortedError);
	await Promise.all([first, third]);
	assert.deepEqual(log, ['1', '3']);
});
