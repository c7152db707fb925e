import type {LimitedApi} from './types.js';

/** A header list in wire order. */
export type HeaderList = Array<[name: string, value: string]>;

/** The outcome of asking for a slot. */
export type QuotaDecision =
	| {readonly kind: 'accepted'; readonly headers: HeaderList; readonly release: () => void}
	| {readonly kind: 'concurrency'; readonly headers: HeaderList; readonly callsToFinish: number}
	| {readonly kind: 'rate'; readonly headers: HeaderList; readonly secondsToWait: number};

/** Per-API-function rate and concurrency limits (qualys-api.md §6). */
export interface Quota {
	/** Concurrency first, then the sliding window; an accepted call counts and runs until `release()`. */
	acquire(api: LimitedApi): QuotaDecision;
	/** Headers describing the current state without taking a slot (for faults that answer in place of a call). */
	peek(api: LimitedApi): {readonly remaining: number; readonly secondsToWait: number; readonly running: number};
	/** Headers for a forced rate-limit answer. */
	rateHeaders(api: LimitedApi, secondsToWait: number, withToWait: boolean): HeaderList;
	reset(): void;
}

interface Counter {
	running: number;
	/** Arrival times (ms) of accepted calls still inside the window, oldest first. */
	stamps: number[];
}

/** Creates the quota keeper; `now` drives the window so tests can move time. */
export function createQuota(options: {readonly limit: number; readonly windowSec: number; readonly concurrency: number; readonly now: () => number}): Quota {
	const {limit, windowSec, concurrency, now} = options;
	const windowMs = windowSec * 1000;
	let counters = new Map<LimitedApi, Counter>();

	const counterOf = (api: LimitedApi): Counter => {
		let counter = counters.get(api);
		if (!counter) {
			counter = {running: 0, stamps: []};
			counters.set(api, counter);
		}
		// Sliding window: forget calls older than the window.
		const since = now() - windowMs;
		while (counter.stamps.length > 0 && counter.stamps[0] <= since) {
			counter.stamps.shift();
		}
		return counter;
	};

	const secondsToWait = (counter: Counter): number =>
		counter.stamps.length < limit ? 0 : Math.max(1, Math.ceil((counter.stamps[counter.stamps.length - limit] + windowMs - now()) / 1000));

	// Observed order on the wire: Limit, Window-Sec, Concurrency-Limit-Limit, Concurrency-Limit-Running, ToWait-Sec, Remaining.
	const headers = (running: number, toWait?: number, remaining?: number): HeaderList => {
		const list: HeaderList = [
			['X-RateLimit-Limit', String(limit)],
			['X-RateLimit-Window-Sec', String(windowSec)],
			['X-Concurrency-Limit-Limit', String(concurrency)],
			['X-Concurrency-Limit-Running', String(running)],
		];
		if (toWait !== undefined) {
			list.push(['X-RateLimit-ToWait-Sec', String(toWait)]);
		}
		if (remaining !== undefined) {
			list.push(['X-RateLimit-Remaining', String(remaining)]);
		}
		return list;
	};

	return {
		acquire(api) {
			const counter = counterOf(api);
			if (counter.running >= concurrency) {
				// The 1960 answer carries no ToWait-Sec and no Remaining (guide samples).
				return {kind: 'concurrency', headers: headers(counter.running), callsToFinish: counter.running - concurrency + 1};
			}
			if (counter.stamps.length >= limit) {
				const wait = secondsToWait(counter);
				return {kind: 'rate', headers: headers(counter.running, wait, 0), secondsToWait: wait};
			}
			counter.stamps.push(now());
			counter.running++;
			const active = counters;
			let isReleased = false;
			return {
				kind: 'accepted',
				// Running includes this call; Remaining is what is left after it.
				headers: headers(counter.running, 0, limit - counter.stamps.length),
				release() {
					// A reset() in between started new counters; do not drive the new ones negative.
					if (!isReleased && active === counters) {
						counter.running--;
					}
					isReleased = true;
				},
			};
		},
		peek(api) {
			const counter = counterOf(api);
			return {remaining: Math.max(0, limit - counter.stamps.length), secondsToWait: secondsToWait(counter), running: counter.running};
		},
		rateHeaders(api, wait, withToWait) {
			return headers(counterOf(api).running, withToWait ? wait : undefined, 0);
		},
		reset() {
			counters = new Map();
		},
	};
}

/** "23 hours, 57 minutes and 54 seconds", the form of the 1965 text. */
export function formatWait(seconds: number): string {
	return `${Math.floor(seconds / 3600)} hours, ${Math.floor(seconds / 60) % 60} minutes and ${seconds % 60} seconds`;
}
