import React from 'react';
import {Box, Text} from 'ink';
import {MIN_TERMINAL_SIZE} from '../lib/min-terminal-size.js';

export interface TooSmallProps {
	readonly columns: number;
	readonly rows: number;
}

/** Shown instead of a screen when the terminal is below {@link MIN_TERMINAL_SIZE}: what is needed and what there is. */
export function TooSmall({columns, rows}: TooSmallProps) {
	return (
		<Box width={columns}>
			<Text wrap="wrap" color="yellow">
				terminal too small — need {MIN_TERMINAL_SIZE.columns}×{MIN_TERMINAL_SIZE.rows}, have {columns}×{rows}
			</Text>
		</Box>
	);
}
