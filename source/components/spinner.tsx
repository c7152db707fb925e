// A tiny spinner (ink-spinner is not a dependency). The interval is cleared on unmount.
import React, {useEffect, useState} from 'react';
import {Text} from 'ink';

/** Braille dots, one cell wide in every terminal we target. */
export const SPINNER_FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'] as const;

export interface SpinnerProps {
	/** Text after the spinner, e.g. `'loading hosts'`. */
	readonly label?: string;
	/** @default 80 */
	readonly intervalMs?: number;
}

/** A spinning frame and an optional label; the label alone says what is happening under NO_COLOR. */
export function Spinner({label, intervalMs = 80}: SpinnerProps) {
	const [frame, setFrame] = useState(0);
	useEffect(() => {
		const timer = setInterval(() => setFrame((previous) => (previous + 1) % SPINNER_FRAMES.length), intervalMs);
		return () => clearInterval(timer);
	}, [intervalMs]);
	return (
		<Text>
			<Text color="cyan">{SPINNER_FRAMES[frame]}</Text>
			{label ? ` ${label}` : ''}
		</Text>
	);
}
