import type {ScanDuration} from './types.js';

const ELAPSED = /^(?:(\d+)\s+days?\s+)?(\d+):([0-5]\d):([0-5]\d)$/i;

/** Scan `DURATION`: `HH:MM:SS`, `N days HH:MM:SS`, `Pending`, `Running` (qualys-api.md §5); anything else is kept as `unknown`. */
export function parseScanDuration(text: string | undefined): ScanDuration {
	const value = (text ?? '').trim();
	const lower = value.toLowerCase();
	if (lower === 'pending') return {kind: 'pending'};
	if (lower === 'running') return {kind: 'running'};
	const match = ELAPSED.exec(value);
	if (!match) return {kind: 'unknown', text: value};
	const [, days, hours, minutes, seconds] = match;
	const total = Number(days ?? 0) * 86_400 + Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds);
	// Fuzz fix (test/fuzz/parse-scan-list.test.ts): a day count of hundreds of digits gave Infinity
	// (or an imprecise number) of seconds; such a value is not a duration, keep it as text.
	if (!Number.isSafeInteger(total)) return {kind: 'unknown', text: value};
	return {kind: 'elapsed', seconds: total};
}
