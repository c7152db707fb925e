// The hint line, generated from keys.ts so it cannot drift from what the keys do.
import React from 'react';
import {Text} from 'ink';
import {formatHint, hintsFor, type KeyScope} from '../keys.js';
import {stringWidth, truncateToWidth} from '../lib/display-width.js';

const SEPARATOR = '  ';

export interface KeyHintsProps {
	/** Active scopes, most specific first; their hints appear in that order. */
	readonly scopes: readonly KeyScope[];
	/** Cells available. */
	readonly width: number;
}

/**
 * The hint line as text: as many whole hints as fit in `width`, always keeping `? help` last
 * so the full list stays one key away.
 */
export function formatKeyHints(scopes: readonly KeyScope[], width: number): string {
	const hints = hintsFor(scopes);
	const help = hints.find((hint) => hint.command === 'help');
	const others = hints.filter((hint) => hint !== help).map(formatHint);
	const reserved = help ? stringWidth(SEPARATOR + formatHint(help)) : 0;
	const shown: string[] = [];
	let used = 0;
	for (const text of others) {
		const cost = (shown.length > 0 ? SEPARATOR.length : 0) + stringWidth(text);
		if (used + cost + reserved > width) break;
		shown.push(text);
		used += cost;
	}
	if (help) shown.push(formatHint(help));
	return truncateToWidth(shown.join(SEPARATOR), width);
}

/** One dim line of key hints for the active scopes, never wider than `width`. */
export function KeyHints({scopes, width}: KeyHintsProps) {
	return (
		<Text wrap="truncate" dimColor>
			{formatKeyHints(scopes, width)}
		</Text>
	);
}
