// The one place the smallest usable terminal is defined. Below it the app shows <TooSmall/>.

/** Smallest terminal the screens are laid out for: status bar, header, a few rows, hint line. */
export const MIN_TERMINAL_SIZE = {columns: 60, rows: 15} as const;

/** Whether a terminal is smaller than {@link MIN_TERMINAL_SIZE} in either direction. */
export function isTerminalTooSmall(size: {readonly columns: number; readonly rows: number}): boolean {
	return size.columns < MIN_TERMINAL_SIZE.columns || size.rows < MIN_TERMINAL_SIZE.rows;
}
