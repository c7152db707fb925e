import type {Writable} from 'node:stream';

/** A single self-overwriting status line on stderr; silent when stderr is not a terminal (logs and pipes stay clean). */
export function progressLine(stderr: Writable & {isTTY?: boolean}) {
	const isShown = stderr.isTTY === true;
	let isDirty = false;
	return {
		update(text: string) {
			if (!isShown) return;
			stderr.write(`\r\u001B[2K${text}`);
			isDirty = true;
		},
		clear() {
			if (isDirty) stderr.write('\r\u001B[2K');
			isDirty = false;
		},
	};
}
