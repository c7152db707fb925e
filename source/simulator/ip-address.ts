/** `a.b.c.d` → 32-bit number, or undefined when it is not a dotted IPv4 address. */
export function parseIpv4(text: string): number | undefined {
	const parts = text.split('.');
	if (parts.length !== 4) {
		return undefined;
	}
	let value = 0;
	for (const part of parts) {
		if (!/^\d{1,3}$/.test(part) || Number(part) > 255) {
			return undefined;
		}
		value = value * 256 + Number(part);
	}
	return value;
}

/** 32-bit number → `a.b.c.d`. */
export function formatIpv4(value: number): string {
	return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.');
}

/** An inclusive range of numbers (IDs or IPv4 addresses as numbers). */
export interface NumberRange {
	readonly low: number;
	readonly high: number;
}

/**
 * Parses `ips` (`10.0.0.1,10.0.0.5-10.0.0.20`). Returns undefined when any element is not an
 * address or a low-high range.
 */
export function parseIpRanges(text: string): NumberRange[] | undefined {
	const ranges: NumberRange[] = [];
	for (const element of text.split(',')) {
		const [first, second, ...rest] = element.trim().split('-');
		const low = parseIpv4(first ?? '');
		const high = second === undefined ? low : parseIpv4(second);
		if (low === undefined || high === undefined || rest.length > 0 || high < low) {
			return undefined;
		}
		ranges.push({low, high});
	}
	return ranges;
}
