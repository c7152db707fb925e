import React, {useCallback, useMemo, useState} from 'react';
import type {Scan} from '../api/types.js';
import {DetailView, type DetailField} from '../components/detail-view.js';
import {ListView} from '../components/list-view.js';
import {useRequest} from '../hooks/use-request.js';
import {useSession} from '../hooks/use-session.js';
import type {ScreenProps} from '../screens.js';
import type {Column} from '../lib/column.js';
import {describeError} from '../lib/describe-error.js';
import {formatAge, formatCount, formatDuration, formatRelative} from '../lib/format.js';
import {useNow} from '../lib/use-now.js';

/** How each scan state looks: a colour and a text mark, so it reads without colour too. */
export const scanStateStyles: Readonly<Record<string, {color: string; mark: string}>> = {
	Finished: {color: 'green', mark: '✓'},
	Running: {color: 'cyan', mark: '▶'},
	Queued: {color: 'blue', mark: '…'},
	Loading: {color: 'blue', mark: '…'},
	Paused: {color: 'yellow', mark: '‖'},
	Canceled: {color: 'gray', mark: '✗'},
	Error: {color: 'red', mark: '!'},
};

const durationSeconds = (scan: Scan) => (scan.duration.kind === 'elapsed' ? scan.duration.seconds : -1);

/** Scan columns at `now` (Launched is relative: `3d ago`). */
export function scanColumns(now: number): readonly Column<Scan>[] {
	return [
		{key: 'ref', header: 'Ref', width: {min: 16, max: 26, flex: 1}, priority: 60, value: scan => scan.ref},
		{key: 'title', header: 'Title', width: {min: 14, max: 48, flex: 3}, priority: 100, value: scan => scan.title},
		{key: 'type', header: 'Type', width: 9, priority: 30, value: scan => scan.type},
		{
			key: 'state',
			header: 'State',
			width: 10,
			priority: 95,
			value: scan => scan.state,
			color: scan => scanStateStyles[scan.state]?.color,
			mark: scan => scanStateStyles[scan.state]?.mark ?? '?',
		},
		{key: 'launched', header: 'Launched', width: 9, priority: 90, value: scan => formatRelative(scan.launched, now), sortValue: scan => scan.launched},
		{key: 'duration', header: 'Duration', width: 9, priority: 50, value: scan => formatDuration(scan.duration), sortValue: durationSeconds},
		{key: 'target', header: 'Target', width: {min: 10, max: 40, flex: 2}, priority: 40, value: scan => scan.target},
		{key: 'user', header: 'User', width: {min: 8, max: 14, flex: 1}, priority: 20, value: scan => scan.userLogin},
	];
}

/** Every field of a scan, for the detail view. */
export function scanFields(scan: Scan, now: number): DetailField[] {
	return [
		['Reference', scan.ref],
		['ID', scan.id],
		['Title', scan.title],
		['Type', scan.type],
		['State', scan.subState ? `${scan.state} (${scan.subState})` : scan.state],
		['Launched', `${scan.launched} (${formatRelative(scan.launched, now)})`],
		['Duration', formatDuration(scan.duration)],
		['Launched by', scan.userLogin],
		['Priority', scan.processingPriority],
		['Processed', scan.processed === undefined ? undefined : scan.processed ? 'yes' : 'no'],
		['Option profile', scan.optionProfile ? `${scan.optionProfile.title}${scan.optionProfile.isDefault ? ' (default)' : ''}` : undefined],
		['Asset groups', scan.assetGroupTitles?.join(', ')],
		['Target', scan.target],
	];
}

const getScanKey = (scan: Scan) => scan.ref;

export type ScanListScreenProps = ScreenProps;

/** Scans of the API's default window (30 days), newest first; one call when first opened, one per `r`. */
export function ScanListScreen({isActive, width, height, onCapturesText}: ScanListScreenProps) {
	const session = useSession();
	const [wasOpened, setWasOpened] = useState(false);
	if (isActive && !wasOpened) setWasOpened(true);
	const client = session.client;
	const run = useMemo(() => (client ? (signal: AbortSignal) => client.listScans({signal}) : undefined), [client]);
	const request = useRequest({run, isEnabled: wasOpened && session.status === 'active'});
	// Relative times and the age of the list move on; ten seconds is fine enough.
	const now = useNow({intervalMs: 10_000, isActive});
	const columns = useMemo(() => scanColumns(now), [now]);
	const scans = request.data ?? noScans;
	const refresh = useCallback(() => request.reload(), [request]);

	const summary = request.data
		? `${formatCount(scans.length)} scans (last 30 days) · read ${formatAge(request.loadedAt, now)}`
		: request.isLoading
			? 'loading…'
			: 'not loaded';
	// Described once per error, so a 409's `retry in …` keeps counting down across re-renders.
	const message = useMemo(() => (request.error ? describeError(request.error) : undefined), [request.error]);

	return (
		<ListView
			title="Scans"
			summary={summary}
			isStale={request.isStale}
			activity={request.isLoading && request.data ? 'refreshing…' : undefined}
			columns={columns}
			rows={scans}
			getRowKey={getScanKey}
			width={width}
			height={height}
			isActive={isActive}
			scopes={['scans']}
			handlers={{refresh}}
			renderDetail={(scan, size) => <DetailView title={`Scan ${scan.ref}`} fields={scanFields(scan, now)} {...size} />}
			message={message}
			onCapturesText={onCapturesText}
			initialSortKey="launched"
			isInitiallyDescending
			emptyText={request.isLoading ? 'Loading scans…' : request.error ? 'No scans loaded — r tries again' : 'No scans launched in the last 30 days'}
		/>
	);
}

const noScans: readonly Scan[] = [];
