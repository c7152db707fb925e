import type {Host} from '../api/types.js';
import {formatCount} from '../lib/format.js';
import {formatHeader, formatJsonLine, formatRow, type TextColumn} from './print-table.js';
import {exitCodes} from './print-error.js';
import {progressLine} from './progress-line.js';
import type {CommandContext} from './run-with-client.js';

const hostColumns: readonly TextColumn<Host>[] = [
	{header: 'ID', width: 10, value: host => host.id, align: 'right'},
	{header: 'IP', width: 15, value: host => host.ip ?? host.ipv6},
	{header: 'DNS', width: 32, value: host => host.dns ?? host.fqdn},
	{header: 'NetBIOS', width: 15, value: host => host.netbios},
	{header: 'OS', width: 30, value: host => host.os},
	{header: 'Tracking', width: 8, value: host => host.trackingMethod},
	{header: 'Last scan', width: 10, value: host => (host.lastVmScanned ?? host.lastVulnScan)?.slice(0, 10)},
];

/**
 * `qualys-tui hosts`: pages through the whole host list (or `--limit N` hosts), printing each page
 * as it arrives. Progress goes to stderr, and only when stderr is a terminal.
 */
export async function hostsCommand({client, signal, options, io}: CommandContext): Promise<number> {
	const progress = progressLine(io.stderr);
	let count = 0;
	// The header waits for the first page: a failed first call leaves stdout empty, not a table with no rows.
	let isHeaderShown = options.isJson;
	const limit = options.limit ?? Number.POSITIVE_INFINITY;
	let isComplete = true;
	try {
		for await (const page of client.listHosts({pageSize: Math.min(options.pageSize, limit), signal})) {
			const hosts = page.hosts.slice(0, limit - count);
			if (!isHeaderShown) {
				io.stdout.write(`${formatHeader(hostColumns)}\n`);
				isHeaderShown = true;
			}

			const lines = hosts.map(host => (options.isJson ? formatJsonLine(host) : formatRow(hostColumns, host)));
			if (lines.length > 0) io.stdout.write(`${lines.join('\n')}\n`);
			count += hosts.length;
			const quota = client.rateLimits().get('host-list');
			progress.update(
				`page ${page.pageNumber} · ${formatCount(count)} hosts` +
					(quota?.remaining === undefined ? '' : ` · host-list calls left ${quota.remaining}/${quota.limit ?? '?'}`) +
					(page.nextUrl ? ' · more…' : ''),
			);
			if (count >= limit) {
				isComplete = page.nextUrl === undefined && hosts.length === page.hosts.length;
				break;
			}
		}
	} finally {
		progress.clear();
	}

	// Truncation is never silent: say when --limit stopped before the end.
	if (!isComplete) io.stderr.write(`qualys-tui: stopped at --limit ${formatCount(count)}; more hosts exist\n`);
	else if (count === 0) io.stderr.write('no hosts: the subscription has none, or none visible to this user\n');
	else if (!options.isJson && io.stderr.isTTY) io.stderr.write(`${formatCount(count)} hosts\n`);
	return exitCodes.ok;
}
