import type {ApiFunction, RateLimit} from '../api/types.js';
import {formatCountdown, formatWindow} from '../lib/format.js';
import {formatHeader, formatJsonLine, formatRow, type TextColumn} from './print-table.js';
import {exitCodes} from './print-error.js';
import type {CommandContext} from './run-with-client.js';

const apiLabels: Record<ApiFunction, string> = {
	session: 'session',
	'host-list': 'host list',
	'host-detail': 'host detail',
	'scan-list': 'scan list',
	about: 'about.php',
};

const show = (value: number | undefined) => (value === undefined ? '?' : String(value));

const limitColumns: readonly TextColumn<RateLimit>[] = [
	{header: 'API', width: 10, value: reading => apiLabels[reading.api]},
	{header: 'Limit', width: 26, value: reading => (reading.limit === undefined ? '?' : `${reading.limit} calls every ${reading.windowSec === undefined ? '?' : formatWindow(reading.windowSec)}`)},
	{header: 'Remaining', width: 9, value: reading => show(reading.remaining), align: 'right'},
	{header: 'Wait', width: 10, value: reading => (reading.toWaitSec ? formatCountdown(reading.toWaitSec) : '-')},
	{header: 'Running', width: 7, value: reading => `${show(reading.concurrencyRunning)}/${show(reading.concurrencyLimit)}`},
];

/**
 * `qualys-tui limits`: reads the quota with the cheapest call there is, `/msp/about.php` (its own
 * counter, so it spends nothing of the host or scan list quota), and prints every reading the run saw.
 */
export async function limitsCommand({client, signal, options, io}: CommandContext): Promise<number> {
	await client.about(signal);
	const readings = [...client.rateLimits().values()];
	if (options.isJson) {
		for (const reading of readings) io.stdout.write(`${formatJsonLine(reading)}\n`);
	} else {
		io.stdout.write(`${formatHeader(limitColumns)}\n`);
		for (const reading of readings) io.stdout.write(`${formatRow(limitColumns, reading)}\n`);
		io.stdout.write('Each API function (host list, scan list, about.php) has its own counter; run `qualys-tui hosts --limit 1` to read the host list\'s.\n');
	}

	return exitCodes.ok;
}
