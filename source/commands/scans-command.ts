import type {Scan} from '../api/types.js';
import {formatCount, formatDuration} from '../lib/format.js';
import {formatHeader, formatJsonLine, formatRow, type TextColumn} from './print-table.js';
import {exitCodes} from './print-error.js';
import type {CommandContext} from './run-with-client.js';

const scanColumns: readonly TextColumn<Scan>[] = [
	{header: 'Ref', width: 24, value: scan => scan.ref},
	{header: 'Title', width: 30, value: scan => scan.title},
	{header: 'Type', width: 10, value: scan => scan.type},
	{header: 'State', width: 9, value: scan => scan.state},
	{header: 'Launched', width: 20, value: scan => scan.launched},
	{header: 'Duration', width: 12, value: scan => formatDuration(scan.duration)},
	{header: 'Target', width: 24, value: scan => scan.target},
	{header: 'User', width: 12, value: scan => scan.userLogin},
];

/** `qualys-tui scans`: the scan list of the API's default window (30 days), newest first. */
export async function scansCommand({client, signal, options, io}: CommandContext): Promise<number> {
	const scans = [...(await client.listScans({signal}))].sort((a, b) => b.launched.localeCompare(a.launched));
	const shown = scans.slice(0, options.limit ?? scans.length);
	if (options.isJson) {
		if (shown.length > 0) io.stdout.write(`${shown.map(scan => formatJsonLine(scan)).join('\n')}\n`);
	} else {
		io.stdout.write(`${formatHeader(scanColumns)}\n`);
		if (shown.length > 0) io.stdout.write(`${shown.map(scan => formatRow(scanColumns, scan)).join('\n')}\n`);
		if (scans.length === 0) io.stderr.write('no scans launched in the last 30 days\n');
	}

	if (shown.length < scans.length) io.stderr.write(`qualys-tui: showing ${formatCount(shown.length)} of ${formatCount(scans.length)} scans (--limit)\n`);
	return exitCodes.ok;
}
