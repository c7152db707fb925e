import {PassThrough, Writable} from 'node:stream';
import {Box, render} from 'ink';
import React from 'react';
import type {Host} from '../api/types.js';
import {ListView} from '../components/list-view.js';
import {lineDiffStdout} from '../lib/line-diff-stdout.js';
import {hostColumns} from './host-list-screen.js';

/** Frames drawn: enough for the code that draws rows to be compiled, not only interpreted. */
const FRAMES = 12;
const frameGapMs = 6;

const getHostKey = (host: Host) => host.id;

export interface RehearsalOptions {
	/** Rows to draw: the client warm-up's stand-in hosts. */
	readonly hosts: readonly Host[];
	/** The real terminal's size, so the frames are the ones the screen will draw. */
	readonly columns: number;
	readonly rows: number;
	/** The real login starting: stop between frames. */
	readonly signal: AbortSignal;
	/** Where the frames go. @default a stream that discards them */
	readonly terminal?: NodeJS.WriteStream;
}

/**
 * Draws the host list a dozen times, with `hosts` from the client warm-up, into a terminal that
 * goes nowhere: a second Ink instance whose stdout discards everything, the same components,
 * renderer and line diff as the real screen. The first frame with host rows on the real terminal
 * — what an operator waits for after Enter — is then not also the first time that code runs
 * (cold, it took 26–52 ms here for one screenful; bench/first-row.ts). Runs while the password
 * is typed; `signal` (the real login starting) stops it between frames. Never throws.
 */
export async function rehearseHostList({hosts, columns, rows, signal, terminal}: RehearsalOptions): Promise<void> {
	if (signal.aborted || hosts.length === 0) return;
	const size = {columns, rows};
	const sink = terminal ?? discardingTerminal(size);
	const instance = (() => {
		try {
			return render(frame(hosts, 0, size), {
				stdout: lineDiffStdout(sink),
				stdin: silentKeyboard(),
				stderr: sink,
				exitOnCtrlC: false,
				patchConsole: false,
				maxFps: 1000,
				incrementalRendering: true,
			});
		} catch {
			return undefined;
		}
	})();
	if (!instance) return;
	try {
		for (let index = 1; index < FRAMES && !signal.aborted; index++) {
			await new Promise(resolve => setTimeout(resolve, frameGapMs));
			if (signal.aborted) break;
			instance.rerender(frame(hosts, index, size));
		}
	} catch {
		// Only a head start: the real screen draws the same rows and reports its own failures.
	} finally {
		instance.unmount();
		instance.cleanup();
	}
}

/**
 * A terminal keyboard that never has a key: the list's always-subscribed key listener needs raw
 * mode, which Ink asks of its stdin (without it Ink draws its error screen instead of the list).
 */
function silentKeyboard(): NodeJS.ReadStream {
	return Object.assign(new PassThrough(), {isTTY: true, setRawMode: () => undefined, ref: () => undefined, unref: () => undefined}) as unknown as NodeJS.ReadStream;
}

/** A TTY-shaped stream of the given size that writes nowhere. */
function discardingTerminal(size: {readonly columns: number; readonly rows: number}): NodeJS.WriteStream {
	const stream = new Writable({
		write(_chunk, _encoding, callback) {
			callback();
		},
	});
	return Object.assign(stream, {isTTY: true, ...size}) as unknown as NodeJS.WriteStream;
}

/** Frame `index`: the list scrolled by a screenful each time, so every frame draws new rows. */
function frame(hosts: readonly Host[], index: number, size: {readonly columns: number; readonly rows: number}): React.ReactElement {
	const start = (index * size.rows) % Math.max(1, hosts.length);
	const rows = hosts.slice(start).concat(hosts.slice(0, start));
	return (
		<Box flexDirection="column" width={size.columns} height={size.rows}>
			<Box height={1} />
			<ListView
				title="Hosts"
				summary={`${rows.length} hosts`}
				columns={hostColumns}
				rows={rows}
				getRowKey={getHostKey}
				width={size.columns}
				height={size.rows - 1}
				// Active, as the real screen is: an inactive list draws nothing. Its keyboard has no keys.
				isActive
				scopes={['hosts']}
			/>
		</Box>
	);
}
