// The first-frame rehearsal draws the real host list into a terminal of its own, never into the
// process's stdout, and leaves nothing running: stopped before it starts, it draws nothing; stopped
// part-way, nothing more is written once it has returned.
import assert from 'node:assert/strict';
import {Writable} from 'node:stream';
import {test} from 'node:test';
import type {Host} from '../../source/api/types.js';
import {rehearseHostList} from '../../source/screens/rehearse-host-list.js';

const hosts: Host[] = Array.from({length: 60}, (_, index) => ({
	id: String(7_000_000 + index),
	ip: `10.9.${index >> 8}.${index & 255}`,
	dns: `rehearsal${index}.example`,
	os: 'Linux',
	trackingMethod: 'IP',
}));

/** A TTY-shaped stream that keeps what is written to it. */
function recordingTerminal(columns = 120, rows = 30) {
	const writes: string[] = [];
	const stream = new Writable({
		write(chunk: Buffer | string, _encoding, callback) {
			writes.push(String(chunk));
			callback();
		},
	});
	return {writes, terminal: Object.assign(stream, {isTTY: true, columns, rows}) as unknown as NodeJS.WriteStream};
}

/** What reaches the process's own stdout while `run` runs (the test runner's own events go there too). */
async function stdoutDuring(run: () => Promise<void>): Promise<string> {
	const writes: string[] = [];
	const original = process.stdout.write;
	process.stdout.write = ((...args: Parameters<typeof original>) => {
		writes.push(String(args[0]));
		return original.apply(process.stdout, args);
	}) as typeof original;
	try {
		await run();
	} finally {
		process.stdout.write = original;
	}
	return writes.join('');
}

test('draws host rows into its own terminal and nothing into stdout', async () => {
	const {writes, terminal} = recordingTerminal();
	const toStdout = await stdoutDuring(() => rehearseHostList({hosts, columns: 120, rows: 30, signal: new AbortController().signal, terminal}));
	assert.doesNotMatch(toStdout, /\u001B|7000\d{3}|rehearsal\d/, 'no frame, escape sequence or row reached stdout');
	const drawn = writes.join('');
	assert.match(drawn, /\b70000\d\d\b.*10\.9\.0\.\d+/, 'a host row (ID, then IP) was drawn');
	assert.doesNotMatch(drawn, /ERROR/, "Ink's error screen instead of the list");
});

test('stopped before it starts, it draws nothing', async () => {
	const {writes, terminal} = recordingTerminal();
	const controller = new AbortController();
	controller.abort();
	await rehearseHostList({hosts, columns: 120, rows: 30, signal: controller.signal, terminal});
	assert.deepEqual(writes, []);
});

test('stopped part-way, it returns and writes nothing afterwards', async () => {
	const {writes, terminal} = recordingTerminal();
	const controller = new AbortController();
	const done = rehearseHostList({hosts, columns: 120, rows: 30, signal: controller.signal, terminal});
	setTimeout(() => controller.abort(), 10);
	await done;
	const count = writes.length;
	await new Promise(resolve => setTimeout(resolve, 100));
	assert.equal(writes.length, count);
});

test('no hosts (the warm-up failed): nothing is drawn', async () => {
	const {writes, terminal} = recordingTerminal();
	await rehearseHostList({hosts: [], columns: 120, rows: 30, signal: new AbortController().signal, terminal});
	assert.deepEqual(writes, []);
});
