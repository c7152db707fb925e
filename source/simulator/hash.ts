/**
 * A 32-bit hash of a few integers (murmur3-style finalizer per value). The generated data is a pure
 * function of (seed, index, salt) through this, so no host needs to be kept in memory.
 */
export function hash32(...values: readonly number[]): number {
	let h = 0x9e3779b9;
	for (const value of values) {
		h = Math.imul(h ^ (value >>> 0), 0x85ebca6b);
		h ^= h >>> 13;
		h = Math.imul(h, 0xc2b2ae35);
		h ^= h >>> 16;
		// Fold in the high part too, so values above 2^32 (epoch ms) still spread.
		h = Math.imul(h ^ Math.floor(value / 0x100000000), 0x27d4eb2d);
	}
	return h >>> 0;
}

/** Picks one of `items` from the hash of `values`. */
export function pick<T>(items: readonly T[], ...values: readonly number[]): T {
	return items[hash32(...values) % items.length];
}

/** A hex string of `length` characters derived from `values`. */
export function hexOf(length: number, ...values: readonly number[]): string {
	let text = '';
	for (let part = 0; text.length < length; part++) {
		text += hash32(...values, part).toString(16).padStart(8, '0');
	}
	return text.slice(0, length);
}
