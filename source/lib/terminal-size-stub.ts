// Stands in for the `terminal-size` package inside the bundle (scripts/bundle.mjs). Ink asks it
// only when stdout has no size (output piped), which the interactive UI never is: it needs a
// terminal. The package would load node:child_process at start-up for its `tput`/`resize`
// fallbacks; this reads what the environment says and otherwise assumes 80×24, as Ink does.
export default function terminalSize(): {columns: number; rows: number} {
	const columns = Number(process.env.COLUMNS);
	const rows = Number(process.env.LINES);
	return {columns: Number.isInteger(columns) && columns > 0 ? columns : 80, rows: Number.isInteger(rows) && rows > 0 ? rows : 24};
}
