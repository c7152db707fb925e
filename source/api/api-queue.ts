import {AbortedError} from './errors.js';

/**
 * One FIFO queue per key (per Qualys API function): a call starts only when the previous call of
 * the same key has finished, so the client never holds two of the subscription's concurrency slots
 * for one API. Different keys run in parallel.
 */
export interface ApiQueue<Key> {
	/** Runs `task` when every earlier task of `key` has settled. Rejects with AbortedError if `signal` fires while waiting. */
	run<T>(key: Key, task: () => Promise<T>, signal?: AbortSignal): Promise<T>;
}

/** Creates an empty set of per-key queues. */
export function createApiQueue<Key>(): ApiQueue<Key> {
	const tails = new Map<Key, Promise<void>>();
	return {
		async run(key, task, signal) {
			const previous = tails.get(key) ?? Promise.resolve();
			let release!: () => void;
			const done = new Promise<void>(resolve => {
				release = resolve;
			});
			// The next caller waits for the previous one *and* us; a caller that gives up while
			// waiting releases at once and the order of the others is kept.
			const tail = previous.then(() => done);
			tails.set(key, tail);
			try {
				await waitFor(previous, signal);
				return await task();
			} finally {
				release();
				if (tails.get(key) === tail) tails.delete(key);
			}
		},
	};
}

async function waitFor(previous: Promise<void>, signal: AbortSignal | undefined): Promise<void> {
	if (!signal) return previous;
	const aborted = () => new AbortedError('The request was cancelled while waiting for an earlier call of the same API.', {hint: 'Nothing to do.'});
	if (signal.aborted) throw aborted();
	let onAbort!: () => void;
	const abort = new Promise<never>((_resolve, reject) => {
		onAbort = () => reject(aborted());
		signal.addEventListener('abort', onAbort, {once: true});
	});
	try {
		await Promise.race([previous, abort]);
	} finally {
		signal.removeEventListener('abort', onAbort);
	}
}
