// ink-testing-library wrapped in React's act() (stack-notes §4): every write, render and unmount
// is flushed before the test goes on, so keys are never lost and React never warns.
import React, {act} from 'react';
import {render as inkRender} from 'ink-testing-library';

(globalThis as {IS_REACT_ACT_ENVIRONMENT?: boolean}).IS_REACT_ACT_ENVIRONMENT = true;

/** Named keys as terminals send them. */
export const keys = {
	up: '\u001B[A',
	down: '\u001B[B',
	pageUp: '\u001B[5~',
	pageDown: '\u001B[6~',
	home: '\u001B[H',
	end: '\u001B[F',
	enter: '\r',
	escape: '\u001B',
	tab: '\t',
	shiftTab: '\u001B[Z',
	ctrlD: '\u0004',
	ctrlU: '\u0015',
	ctrlC: '\u0003',
} as const;

/** A rendered element with act()-wrapped input helpers. */
export interface RenderResult {
	readonly lastFrame: () => string | undefined;
	readonly frames: readonly string[];
	/** Send one chunk of input. Send Enter on its own: `'j\r'` arrives as one event and Enter is lost. */
	readonly press: (input: string) => Promise<void>;
	/** Type text one character per write, flushing in between. */
	readonly type: (text: string) => Promise<void>;
	readonly rerender: (element: React.ReactElement) => Promise<void>;
	readonly unmount: () => Promise<void>;
	/** Wait until the last frame satisfies `predicate`; rejects with the last frame after `timeoutMs`. */
	readonly waitForFrame: (predicate: (frame: string) => boolean, timeoutMs?: number) => Promise<string>;
}

/** Render inside act() and return helpers that keep every later write inside act() too. */
export async function render(element: React.ReactElement): Promise<RenderResult> {
	let instance!: ReturnType<typeof inkRender>;
	await act(async () => {
		instance = inkRender(element);
	});
	const press = (input: string) =>
		act(async () => {
			instance.stdin.write(input);
		});
	return {
		lastFrame: () => instance.lastFrame(),
		get frames() {
			return instance.frames;
		},
		press,
		async type(text: string) {
			for (const char of text) await press(char);
		},
		rerender: (next: React.ReactElement) =>
			act(async () => {
				instance.rerender(next);
			}),
		unmount: () =>
			act(async () => {
				instance.unmount();
			}),
		async waitForFrame(predicate, timeoutMs = 2000) {
			const deadline = Date.now() + timeoutMs;
			for (;;) {
				const frame = instance.lastFrame() ?? '';
				if (predicate(frame)) return frame;
				if (Date.now() > deadline) throw new Error(`Timed out waiting for frame; last frame:\n${frame}`);
				await act(async () => {
					await new Promise((resolve) => setTimeout(resolve, 10));
				});
			}
		},
	};
}
