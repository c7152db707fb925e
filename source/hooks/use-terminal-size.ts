// The terminal size, live. Screens lay out from this; ResourceTable gets width and height from it.
import {useEffect, useState} from 'react';
import {useStdout} from 'ink';

/** Terminal size in cells. */
export interface TerminalSize {
	readonly columns: number;
	readonly rows: number;
}

/** What we assume when stdout is not a terminal (tests, pipes): the size the operators use. */
export const FALLBACK_TERMINAL_SIZE: TerminalSize = {columns: 80, rows: 24};

function readSize(stdout: NodeJS.WriteStream): TerminalSize {
	return {
		columns: stdout.columns || FALLBACK_TERMINAL_SIZE.columns,
		rows: stdout.rows || FALLBACK_TERMINAL_SIZE.rows,
	};
}

/** `{columns, rows}` of Ink's stdout, updated on every 'resize'. */
export function useTerminalSize(): TerminalSize {
	const {stdout} = useStdout();
	const [size, setSize] = useState(() => readSize(stdout));
	useEffect(() => {
		const onResize = () => {
			const next = readSize(stdout);
			// Keep the old object when nothing changed so memoised layouts stay put.
			setSize((previous) => (previous.columns === next.columns && previous.rows === next.rows ? previous : next));
		};
		onResize();
		stdout.on('resize', onResize);
		return () => {
			stdout.off('resize', onResize);
		};
	}, [stdout]);
	return size;
}
