// Formatters for counts, times and durations. Every one takes plain values and returns text;
// unknown or unreadable input becomes '?', never 'NaN' or 'Invalid Date'.
import type {ScanDuration} from '../api/types.js';
import {sanitizeText} from './sanitize-text.js';

// Display-width helpers live in their own file; re-exported so callers have one formatting import.
export {stringWidth, truncateToWidth, padToWidth, ELLIPSIS, type Alignment} from './display-width.js';

/** What is shown for a value the server did not send or we could not read. */
export const UNKNOWN = '?';

let hugeCountFormat: Intl.NumberFormat | undefined;

function isKnown(value: number | undefined): value is number {
	return value !== undefined && Number.isFinite(value);
}

/**
 * `1234` → `'1,234'`, `-1234.5` → `'-1,235'` (rounded half away from zero, as en-US Intl does);
 * undefined or NaN → `'?'`. Not Intl.NumberFormat: building one loads ICU's locale data, 11–17 ms
 * of start-up (bench/cold-start.ts) for a comma every three digits.
 */
export function formatCount(value: number | undefined): string {
	if (!isKnown(value)) return UNKNOWN;
	const magnitude = Math.round(Math.abs(value));
	// Beyond 2^53 digits are not exact and Intl's rounding rules take over: no count gets there.
	if (magnitude > Number.MAX_SAFE_INTEGER) return (hugeCountFormat ??= new Intl.NumberFormat('en-US', {maximumFractionDigits: 0})).format(value);
	return `${value < 0 && magnitude > 0 ? '-' : ''}${String(magnitude).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;
}

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function pad2(value: number): string {
	return String(value).padStart(2, '0');
}

/**
 * A length of time for a table cell, two units at most: `42s`, `5m 03s`, `1h 02m`, `2d 03h`.
 * Negative or unknown → `'?'`.
 */
export function formatSeconds(seconds: number | undefined): string {
	if (!isKnown(seconds) || seconds < 0) return UNKNOWN;
	const s = Math.floor(seconds);
	if (s < MINUTE) return `${s}s`;
	if (s < HOUR) return `${Math.floor(s / MINUTE)}m ${pad2(s % MINUTE)}s`;
	if (s < DAY) return `${Math.floor(s / HOUR)}h ${pad2(Math.floor((s % HOUR) / MINUTE))}m`;
	return `${Math.floor(s / DAY)}d ${pad2(Math.floor((s % DAY) / HOUR))}h`;
}

/** A scan `DURATION`: elapsed time as {@link formatSeconds}, or `pending` / `running` / the sanitised text as sent. */
export function formatDuration(duration: ScanDuration | undefined): string {
	if (!duration) return UNKNOWN;
	switch (duration.kind) {
		case 'elapsed':
			return formatSeconds(duration.seconds);
		case 'pending':
			return 'pending';
		case 'running':
			return 'running';
		case 'unknown':
			return sanitizeText(duration.text) || UNKNOWN;
	}
}

/**
 * Time left until something happens, to the second: `5s`, `1m 15s`, `1h 02m 05s`.
 * Rounds up so a countdown never shows `0s` while there is still time to wait.
 */
export function formatCountdown(seconds: number | undefined): string {
	if (!isKnown(seconds)) return UNKNOWN;
	const s = Math.max(0, Math.ceil(seconds));
	if (s < MINUTE) return `${s}s`;
	if (s < HOUR) return `${Math.floor(s / MINUTE)}m ${pad2(s % MINUTE)}s`;
	return `${Math.floor(s / HOUR)}h ${pad2(Math.floor((s % HOUR) / MINUTE))}m ${pad2(s % MINUTE)}s`;
}

const WINDOW_UNITS = [
	{seconds: DAY, singular: 'day', plural: 'days', short: 'd'},
	{seconds: HOUR, singular: 'hour', plural: 'hours', short: 'h'},
	{seconds: MINUTE, singular: 'minute', plural: 'minutes', short: 'min'},
	{seconds: 1, singular: 'second', plural: 'seconds', short: 's'},
] as const;

/** The largest unit that divides `seconds` evenly, so `5400` reads `90 minutes`, not `1.5 hours`. */
function windowUnit(seconds: number) {
	return WINDOW_UNITS.find((unit) => seconds % unit.seconds === 0 && seconds >= unit.seconds) ?? WINDOW_UNITS[3];
}

/** A rate-limit window in words: `3600` → `'1 hour'`, `86400` → `'1 day'`, `300` → `'5 minutes'`. */
export function formatWindow(seconds: number | undefined): string {
	if (!isKnown(seconds) || seconds <= 0) return UNKNOWN;
	const unit = windowUnit(Math.round(seconds));
	const count = Math.round(seconds) / unit.seconds;
	return `${count} ${count === 1 ? unit.singular : unit.plural}`;
}

/** A rate-limit window for the status bar: `3600` → `'1 h'`, `300` → `'5 min'`, `86400` → `'1 d'`. */
export function formatWindowShort(seconds: number | undefined): string {
	if (!isKnown(seconds) || seconds <= 0) return UNKNOWN;
	const unit = windowUnit(Math.round(seconds));
	return `${Math.round(seconds) / unit.seconds} ${unit.short}`;
}

/** A limit rule in words: `(300, 3600)` → `'300 calls every 1 hour'`, `(1, 86400)` → `'1 call every 1 day'`. */
export function formatQuotaRule(limit: number | undefined, windowSec: number | undefined): string {
	const calls = limit === 1 ? 'call' : 'calls';
	return `${formatCount(limit)} ${calls} every ${formatWindow(windowSec)}`;
}

function toEpoch(time: string | number | undefined): number | undefined {
	if (time === undefined || time === '') return undefined;
	const epoch = typeof time === 'number' ? time : Date.parse(time);
	return Number.isFinite(epoch) ? epoch : undefined;
}

/** A coarse amount of time for relative dates: `45s`, `5m`, `3h`, `12d`, `4mo`, `2y`. */
function coarse(seconds: number): string {
	if (seconds < MINUTE) return `${Math.floor(seconds)}s`;
	if (seconds < HOUR) return `${Math.floor(seconds / MINUTE)}m`;
	if (seconds < DAY) return `${Math.floor(seconds / HOUR)}h`;
	if (seconds < 60 * DAY) return `${Math.floor(seconds / DAY)}d`;
	if (seconds < 365 * DAY) return `${Math.floor(seconds / (30 * DAY))}mo`;
	return `${Math.floor(seconds / (365 * DAY))}y`;
}

/**
 * How long ago (or ahead) a date is, coarsely: `'just now'` within a minute, `'5m ago'`, `'3d ago'`,
 * `'in 2h'`. Takes an ISO string or epoch ms; `now` is passed in so the result is testable.
 */
export function formatRelative(time: string | number | undefined, now: number): string {
	const epoch = toEpoch(time);
	if (epoch === undefined) return UNKNOWN;
	const seconds = (now - epoch) / 1000;
	if (Math.abs(seconds) < MINUTE) return 'just now';
	return seconds > 0 ? `${coarse(seconds)} ago` : `in ${coarse(-seconds)}`;
}

/** The age of a reading, to the second while it is fresh: `'0s ago'`, `'12s ago'`, then `'5m ago'`. */
export function formatAge(readAt: number | undefined, now: number): string {
	if (!isKnown(readAt)) return UNKNOWN;
	const seconds = Math.max(0, (now - readAt) / 1000);
	return `${coarse(seconds)} ago`;
}

/** A byte count for people: `512 B`, `12.3 kB`, `48.0 MiB`. */
export function formatBytes(bytes: number | undefined): string {
	if (!isKnown(bytes) || bytes < 0) return UNKNOWN;
	if (bytes < 1024) return `${Math.round(bytes)} B`;
	if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
	return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}
