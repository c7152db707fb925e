/** Epoch ms → Qualys date-time: ISO 8601 UTC, second precision, no fraction (`2020-09-29T21:33:33Z`). */
export function qualysDateTime(epochMs: number): string {
	return new Date(Math.floor(epochMs / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/**
 * Parses a filter date as Qualys accepts it: `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SSZ` (UTC).
 * Returns epoch ms, or undefined when the text has another form.
 */
export function parseQualysDate(text: string): number | undefined {
	const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})Z)?$/.exec(text);
	if (!match) {
		return undefined;
	}
	const [, year, month, day, hour = '0', minute = '0', second = '0'] = match;
	const value = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second));
	// Date.UTC rolls 2024-02-31 over into March; Qualys would reject it, so do we.
	return new Date(value).getUTCDate() === Number(day) ? value : undefined;
}

/** Start of the UTC day containing `epochMs`; generated dates hang off it so they stay stable within a day. */
export function startOfUtcDay(epochMs: number): number {
	return Math.floor(epochMs / 86_400_000) * 86_400_000;
}
