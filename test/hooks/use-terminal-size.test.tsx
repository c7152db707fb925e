import {test} from 'node:test';
import assert from 'node:assert/strict';
import {EventEmitter} from 'node:events';
import React, {act} from 'react';
import {render, Text} from 'ink';
import {useTerminalSize} from '../../source/hooks/use-terminal-size.js';
import '../helpers/render.js';

/** A stdout whose size the test can change, like a tmux pane being resized. */
class FakeStdout extends EventEmitter {
	columns = 80;
	rows = 24;
	isTTY = true;
	lastFrame = '';
	write = (frame: string) => {
		this.lastFrame = frame;
		return true;
	};
}

function Size() {
	const {columns, rows} = useTerminalSize();
	return <Text>{`${columns}x${rows}`}</Text>;
}

test('reads the size of stdout and follows resize events', async () => {
	const stdout = new FakeStdout();
	const stdin = Object.assign(new EventEmitter(), {isTTY: false, setRawMode() {}, setEncoding() {}, resume() {}, pause() {}, ref() {}, unref() {}, read: () => null});
	let instance!: ReturnType<typeof render>;
	await act(async () => {
		instance = render(<Size />, {stdout: stdout as unknown as NodeJS.WriteStream, stdin: stdin as unknown as NodeJS.ReadStream, debug: true, patchConsole: false, exitOnCtrlC: false});
	});
	try {
		assert.equal(stdout.lastFrame, '80x24');
		stdout.columns = 120;
		stdout.rows = 40;
		await act(async () => {
			stdout.emit('resize');
		});
		assert.equal(stdout.lastFrame, '120x40');
	} finally {
		await act(async () => instance.unmount());
	}
});
