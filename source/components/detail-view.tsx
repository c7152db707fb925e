import {Box, Text} from 'ink';
import React, {useState} from 'react';
import {useKeyBindings} from '../hooks/use-key-bindings.js';
import {stringWidth, truncateToWidth} from '../lib/display-width.js';
import {sanitizeText} from '../lib/sanitize-text.js';

/** One labelled value of a detail view; undefined values are left out. */
export type DetailField = readonly [label: string, value: string | undefined];

export interface DetailViewProps {
	readonly title: string;
	/** A line under the title, e.g. what `d` would fetch. */
	readonly subtitle?: string;
	readonly fields: readonly DetailField[];
	readonly width: number;
	readonly height: number;
	readonly isActive: boolean;
}

/** Wraps text to `width` cells, breaking at spaces where it can and hard-breaking long words. */
export function wrapText(text: string, width: number): string[] {
	const lines: string[] = [];
	for (const paragraph of text.split('\n')) {
		let line = '';
		for (const word of paragraph.split(' ')) {
			let rest = word;
			while (stringWidth(rest) > width) {
				if (line) {
					lines.push(line);
					line = '';
				}

				const head = truncateToWidth(rest, width + 1).replace(/…$/, '');
				const cut = Math.max(1, head.length);
				lines.push(rest.slice(0, cut));
				rest = rest.slice(cut);
			}

			const candidate = line ? `${line} ${rest}` : rest;
			if (stringWidth(candidate) > width) {
				lines.push(line);
				line = rest;
			} else {
				line = candidate;
			}
		}

		lines.push(line);
	}

	return lines;
}

/**
 * Every field we have of one record, label and value, free text wrapped (never cut), scrolled
 * with the list keys when it does not fit. Server text is sanitised here.
 */
export function DetailView({title, subtitle, fields, width, height, isActive}: DetailViewProps) {
	const present = fields.filter((field): field is readonly [string, string] => field[1] !== undefined && field[1] !== '');
	const labelWidth = Math.min(24, Math.max(...present.map(([label]) => label.length), 4) + 1);
	const valueWidth = Math.max(10, width - labelWidth - 3);
	const lines: Array<{label: string; text: string}> = [];
	for (const [label, value] of present) {
		const wrapped = wrapText(sanitizeText(value, {shouldKeepNewlines: true}), valueWidth);
		wrapped.forEach((text, index) => lines.push({label: index === 0 ? label : '', text}));
	}

	const bodyHeight = Math.max(1, height - (subtitle ? 3 : 2));
	const maxOffset = Math.max(0, lines.length - bodyHeight);
	const [offset, setOffset] = useState(0);
	const move = (delta: number) => setOffset(current => Math.min(Math.max(0, current + delta), maxOffset));
	useKeyBindings({
		scopes: ['list'],
		isActive,
		handlers: {
			'move-down': () => move(1),
			'move-up': () => move(-1),
			'page-down': () => move(bodyHeight),
			'page-up': () => move(-bodyHeight),
			'half-page-down': () => move(Math.ceil(bodyHeight / 2)),
			'half-page-up': () => move(-Math.ceil(bodyHeight / 2)),
			first: () => setOffset(0),
			last: () => setOffset(maxOffset),
		},
	});

	const shown = lines.slice(Math.min(offset, maxOffset), Math.min(offset, maxOffset) + bodyHeight);
	const more = lines.length > bodyHeight ? ` · lines ${Math.min(offset, maxOffset) + 1}-${Math.min(offset, maxOffset) + shown.length} of ${lines.length} (j/k)` : '';
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text bold wrap="truncate">
				{truncateToWidth(`${sanitizeText(title)}${more}`, width)}
			</Text>
			{subtitle ? (
				<Text dimColor wrap="truncate">
					{truncateToWidth(subtitle, width)}
				</Text>
			) : null}
			<Text> </Text>
			{shown.map((line, index) => (
				<Text key={index} wrap="truncate">
					<Text color="cyan">{line.label.padEnd(labelWidth)}</Text>
					{'  '}
					{line.text}
				</Text>
			))}
		</Box>
	);
}
