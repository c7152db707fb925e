import assert from 'node:assert/strict';
import {PassThrough} from 'node:stream';
import {test} from 'node:test';
import {oneKeyPerRead} from '../../source/lib/one-key-per-read.js';

test('each read gives one character (a whole code point), then null when the stream has nothing', async () => {
	const stream = new PassThrough();
	stream.setEncoding('utf8');
	const stdin = oneKeyPerRead(stream as unknown as NodeJS.ReadStream);
	stream.write('jj\u001B[A日👍');
	await new Promise(resolve => setImmediate(resolve));
	const reads: Array<string | null> = [];
	for (let read = stdin.read(); read !== null; read = stdin.read()) reads.push(read);
	assert.deepEqual(reads, ['j', 'j', '\u001B', '[', 'A', '日', '👍']);
	assert.equal(stdin.read(), null);
	// Everything else is the real stream's.
	assert.equal(stdin.readableEncoding, 'utf8');
	assert.equal(typeof stdin.on, 'function');
});
