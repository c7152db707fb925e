import type {ApiFunction, RateLimit} from './types.js';

/** Anything with case-insensitive `get` (Fetch `Headers`) or a plain record of header names. */
export type HeaderSource = {get(name: string): string | null} | Readonly<Record<string, string | readonly string[] | undefined>>;

// Header → RateLimit field (qualys-api.md §6).
const HEADERS = [
	['x-ratelimit-limit', 'limit'],
	['x-ratelimit-window-sec', 'windowSec'],
	['x-ratelimit-remaining', 'remaining'],
	['x-ratelimit-towait-sec', 'toWaitSec'],
	['x-concurrency-limit-limit', 'concurrencyLimit'],
	['x-concurrency-limit-running', 'concurrencyRunning'],
] as const;

// Larger than any real window or quota (a year of seconds is 3.2e7); beyond it the value is junk.
const MAX_VALUE = 1e9;

/**
 * Reads the six limit headers of one response, case-insensitively. A missing, negative, huge or
 * non-numeric header leaves its field undefined; undefined when none is readable (401s and the
 * session API carry none).
 */
export function parseRateLimit(api: ApiFunction, headers: HeaderSource, now: number): RateLimit | undefined {
	const reading: Record<string, number | string> = {};
	let found = false;
	for (const [header, field] of HEADERS) {
		const value = readInteger(headerValue(headers, header));
		if (value !== undefined) {
			reading[field] = value;
			found = true;
		}
	}
	if (!found) return undefined;
	return {api, ...reading, readAt: now} as RateLimit;
}

function headerValue(headers: HeaderSource, name: string): string | undefined {
	if (typeof (headers as {get?: unknown}).get === 'function') return (headers as {get(name: string): string | null}).get(name) ?? undefined;
	for (const [key, value] of Object.entries(headers as Record<string, string | readonly string[] | undefined>)) {
		if (key.toLowerCase() === name) return Array.isArray(value) ? value[0] : (value as string | undefined);
	}
	return undefined;
}

function readInteger(text: string | undefined): number | undefined {
	if (text === undefined) return undefined;
	const trimmed = text.trim();
	if (!/^\d{1,10}$/.test(trimmed)) return undefined;
	const value = Number(trimmed);
	return value <= MAX_VALUE ? value : undefined;
}
