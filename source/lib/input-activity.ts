// When the operator last pressed a key, for work that should wait for a pause in typing (a full
// garbage collection holds the UI for tens of milliseconds with 100,000 hosts loaded). Noted by the
// stdin wrapper every key passes through (one-key-per-read.ts).

let lastInputAt = Number.NEGATIVE_INFINITY;

/** A key arrived now. */
export function noteInput(now = Date.now()): void {
	lastInputAt = now;
}

/** Milliseconds since the last key (Infinity before the first). */
export function msSinceInput(now = Date.now()): number {
	return now - lastInputAt;
}

export interface WhenIdleOptions {
	/** How long no key must have arrived. */
	readonly idleMs: number;
	/** How often to look again while keys keep coming. */
	readonly checkMs: number;
	/** Run anyway after this long, however busy the keyboard. */
	readonly maxWaitMs: number;
	/** @default msSinceInput */
	readonly idleFor?: () => number;
}

/**
 * Runs `run` once no key has arrived for `idleMs` (looked at after `checkMs`, and again while keys
 * keep coming), or after `maxWaitMs` at the latest. The timers do not keep the process alive. Returns a function that cancels it.
 */
export function whenInputIdle(run: () => void, {idleMs, checkMs, maxWaitMs, idleFor = msSinceInput}: WhenIdleOptions): () => void {
	const startedAt = Date.now();
	let timer: NodeJS.Timeout | undefined;
	const check = () => {
		const idle = idleFor();
		const waited = Date.now() - startedAt;
		if (idle >= idleMs || waited >= maxWaitMs) {
			timer = undefined;
			run();
			return;
		}

		// The earliest the pause can be long enough, but no later than the deadline.
		timer = setTimeout(check, Math.min(Math.max(checkMs, idleMs - idle), maxWaitMs - waited)).unref();
	};

	// The first look comes after `checkMs` too: the frame that says loading is done is drawn first.
	timer = setTimeout(check, checkMs).unref();
	return () => clearTimeout(timer);
}
