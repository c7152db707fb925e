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
	return {kind: 'elapsed', seconds: Number(days ?? 0) * 86_400 + Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds)};
}
