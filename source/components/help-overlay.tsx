// `?`: every key of the current screen's scopes plus the global keys, from the same table.
import React from 'react';
import {Box, Text} from 'ink';
import {bindingsFor, keyLabel, type KeyScope} from '../keys.js';
import {padToWidth, stringWidth, truncateToWidth} from '../lib/display-width.js';

const SCOPE_TITLES: Readonly<Record<KeyScope, string>> = {
	global: 'Everywhere',
	list: 'Lists',
	hosts: 'Hosts',
	scans: 'Scans',
	limits: 'Limits',
	detail: 'Details',
	'host-detail': 'Host details',
	login: 'Login',
	confirm: 'Confirm',
	help: 'Help',
};

export interface HelpOverlayProps {
	/** The current screen's scopes; `global` is added when missing. */
	readonly scopes: readonly KeyScope[];
	readonly width: number;
	/** Lines available, border included. */
	readonly height: number;
}

/** The overlay's lines: a title per scope, then `keys  description` per command. */
export function helpLines(scopes: readonly KeyScope[]): string[] {
	const all = [...scopes.filter((scope) => scope !== 'help'), ...(scopes.includes('global') ? [] : ['global' as const])];
	const groups = all.map((scope) => ({scope, bindings: bindingsFor(scope)})).filter((group) => group.bindings.length > 0);
	const label = (keys: readonly string[]) => keys.map(keyLabel).join(' ');
	// The key column is as wide as the widest label shown, so two columns fit in 80 cells.
	const keysWidth = Math.max(0, ...groups.flatMap((group) => group.bindings.map((binding) => stringWidth(label(binding.keys)))));
	const lines: string[] = [];
	for (const {scope, bindings} of groups) {
		lines.push(SCOPE_TITLES[scope]);
		for (const binding of bindings) lines.push(`  ${padToWidth(label(binding.keys), keysWidth)}  ${binding.description}`);
	}
	return lines;
}

/**
 * A bordered box listing every key. Flows into two columns when one does not fit the height
 * and the width allows; cut with `…` when even that does not fit.
 */
export function HelpOverlay({scopes, width, height}: HelpOverlayProps) {
	const lines = helpLines(scopes);
	// Border (2) and the title line (1).
	const available = Math.max(1, height - 3);
	const inner = Math.max(1, width - 4);
	const isTwoColumns = lines.length > available && inner >= 2 * 30 + 2;
	const columnWidth = isTwoColumns ? Math.floor((inner - 2) / 2) : inner;
	const perColumn = isTwoColumns ? Math.ceil(lines.length / 2) : lines.length;
	let rows: string[] = [];
	for (let index = 0; index < perColumn; index++) {
		const left = padToWidth(lines[index] ?? '', columnWidth);
		const right = isTwoColumns ? lines[index + perColumn] ?? '' : '';
		rows.push(truncateToWidth(isTwoColumns ? `${left}  ${right}` : left, inner).trimEnd());
	}
	if (rows.length > available) rows = [...rows.slice(0, available - 1), '…'];
	return (
		<Box flexDirection="column" borderStyle="round" paddingX={1} width={width}>
			<Text bold wrap="truncate">
				Keys — ? or Esc to close
			</Text>
			{rows.map((row, index) => (
				<Text key={index} wrap="truncate">
					{row || ' '}
				</Text>
			))}
		</Box>
	);
}
