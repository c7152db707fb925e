import assert from 'node:assert/strict';
import {EventEmitter} from 'node:events';
import {test} from 'node:test';
import {diffFrame, lineDiffStdout, type TerminalStream} from '../../source/lib/line-diff-stdout.js';

const clear = '\u001B[2J\u001B[3J\u001B[H';

test('the first frame is written whole, after a clear', () => {
	assert.equal(diffFrame(undefined, 'a\nb'), `${clear}a\nb`);
});

test('later frames write only the changed lines, each at its row, erasing the rest of the line', () => {
	assert.equal(diffFrame(['status', '› row 1', '  row 2', 'hints'], 'status\n  row 1\n› row 2\nhints'), '\u001B[2;1H  row 1\u001B[K\u001B[3;1H› row 2\u001B[K');
	assert.equal(diffFrame(['same'], 'same'), '');
});

test('a shorter frame blanks the lines it no longer has', () => {
	assert.equal(diffFrame(['a', 'b', 'c'], 'a'), '\u001B[2;1H\u001B[K\u001B[3;1H\u001B[K');
});

function fakeTerminal() {
	const written: string[] = [];
	const emitter = new EventEmitter() as EventEmitter & {write(chunk: string): boolean; columns: number; rows: number; isTTY: boolean};
	emitter.write = (chunk: string) => {
		written.push(chunk);
		return true;
	};

	emitter.columns = 80;
	emitter.rows = 3;
	emitter.isTTY = true;
	return {stream: emitter as unknown as TerminalStream, written, emitter};
}

test('the wrapper passes everything else through and keeps the stream\'s properties', () => {
	const {stream, written} = fakeTerminal();
	const wrapped = lineDiffStdout(stream);
	assert.equal(wrapped.columns, 80);
	assert.equal(wrapped.isTTY, true);
	wrapped.write(`${clear}a\nb\nc`);
	wrapped.write('\u001B[?2026h');
	wrapped.write(`${clear}a\nB\nc`);
	wrapped.write('\u001B[?2026l');
	assert.deepEqual(written, [`${clear}a\nb\nc`, '\u001B[?2026h', '\u001B[2;1HB\u001B[K', '\u001B[?2026l']);
});

test('after a resize or any other write the next frame is written whole again', () => {
	const {stream, written, emitter} = fakeTerminal();
	const wrapped = lineDiffStdout(stream);
	wrapped.write(`${clear}a\nb`);
	emitter.emit('resize');
	wrapped.write(`${clear}a\nb`);
	wrapped.write('\u001B[?25h');
	wrapped.write(`${clear}a\nb`);
	assert.deepEqual(written, [`${clear}a\nb`, `${clear}a\nb`, '\u001B[?25h', `${clear}a\nb`]);
});
