import React, {useCallback, useEffect, useMemo, useRef, useState} from 'react';
import {isConcurrencyLimitError, isRateLimitError} from '../api/errors.js';
import type {Host} from '../api/types.js';
import {DetailView, type DetailField} from '../components/detail-view.js';
import {ListView, type Confirmation} from '../components/list-view.js';
import {useHostPages} from '../hooks/use-host-pages.js';
import {useTransferProgress} from '../hooks/use-transfer-progress.js';
import {useSession} from '../hooks/use-session.js';
import type {ScreenProps} from '../screens.js';
import type {Column} from '../lib/column.js';
import {describeError} from '../lib/describe-error.js';
import {formatBytes, formatCount, formatSeconds} from '../lib/format.js';

const lastScan = (host: Host) => host.lastVmScanned ?? host.lastVulnScan;

/** Host columns; the lowest priority goes first when the terminal is narrow. */
export const hostColumns: readonly Column<Host>[] = [
	{key: 'id', header: 'ID', width: 9, priority: 90, align: 'right', value: host => host.id, sortValue: host => Number(host.id)},
	{key: 'ip', header: 'IP', width: 15, priority: 100, value: host => host.ip ?? host.ipv6 ?? ''},
	{key: 'dns', header: 'DNS', width: {min: 12, max: 48, flex: 3}, priority: 80, value: host => host.dns ?? host.fqdn ?? ''},
	{key: 'netbios', header: 'NetBIOS', width: {min: 8, max: 16, flex: 1}, priority: 40, value: host => host.netbios ?? ''},
	{key: 'os', header: 'OS', width: {min: 12, max: 40, flex: 2}, priority: 70, value: host => host.os ?? ''},
	{key: 'tracking', header: 'Tracking', width: 8, priority: 30, value: host => host.trackingMethod ?? ''},
	{key: 'last-scan', header: 'Last scan', width: 10, priority: 50, value: host => lastScan(host)?.slice(0, 10) ?? '', sortValue: host => lastScan(host) ?? ''},
];

const getHostKey = (host: Host) => host.id;

/** How long a limit error blocks automatic paging: the server's wait for 1965, a short pause for 1960. */
function blockedUntilFor(error: unknown): number | undefined {
	if (isRateLimitError(error)) return Date.now() + (error.waitSeconds ?? 60) * 1000;
	if (isConcurrencyLimitError(error)) return Date.now() + 5000;
	return undefined;
}

/** Every field of a host, for the detail view. */
export function hostFields(host: Host): DetailField[] {
	return [
		['ID', host.id],
		['Asset ID', host.assetId],
		['IP', host.ip],
		['IPv6', host.ipv6],
		['DNS', host.dns],
		['FQDN', host.fqdn],
		['NetBIOS', host.netbios],
		['OS', host.os],
		['OS CPE', host.osCpe],
		['Tracking', host.trackingMethod],
		['Network ID', host.networkId],
		['QG host ID', host.qgHostId],
		['Cloud provider', host.cloudProvider],
		['Cloud resource', host.cloudResourceId],
		['EC2 instance', host.ec2InstanceId],
		['Tags', host.tags?.map(tag => tag.name).join(', ')],
		['Last VM scan', host.lastVmScanned],
		['Last VM scan took', host.lastVmScannedDuration === undefined ? undefined : formatSeconds(host.lastVmScannedDuration)],
		['Last auth. VM scan', host.lastVmAuthScanned],
		['Last vuln. scan', host.lastVulnScan],
		['Last compliance', host.lastComplianceScan],
		['Owner', host.owner],
		['Asset groups', host.assetGroupIds?.join(', ')],
		['User defined', host.userDefined?.filter(Boolean).join(' · ')],
		['Comments', host.comments],
	];
}

export interface HostListScreenProps extends ScreenProps {
	/** `truncation_limit`. @default 1000 */
	readonly pageSize?: number;
	/** Hosts is the selected screen, even while the login form covers it: page 1 starts the moment a login succeeds. */
	readonly isSelected?: boolean;
}

/**
 * Hosts, page by page: page 1 when the screen is first opened, the next page only when the
 * selection nears the end of what is loaded (one call each), or everything with `L` after a
 * confirmation that says what it will cost. Truncation is never silent.
 */
export function HostListScreen({isActive, width, height, pageSize = 1000, isSelected = false, onCapturesText}: HostListScreenProps) {
	const session = useSession();
	const [wasOpened, setWasOpened] = useState(false);
	if (isActive && !wasOpened) setWasOpened(true);
	const pages = useHostPages({client: session.client, pageSize, isEnabled: wasOpened && session.status === 'active'});
	// Page 1 is requested as the login succeeds, not after the frame that shows this screen
	// (~15–25 ms later: the login form's removal and this screen's first frame come in between).
	const isSelectedNow = useRef(isSelected);
	isSelectedNow.current = isSelected;
	const {onLogin} = session;
	const {startWith} = pages;
	useEffect(
		() =>
			onLogin(client => {
				if (isSelectedNow.current) startWith(client);
			}),
		[onLogin, startWith],
	);
	const [isConfirming, setIsConfirming] = useState(false);
	const [notice, setNotice] = useState<string>();
	const [details, setDetails] = useState<ReadonlyMap<string, Host>>(new Map());
	const [detailState, setDetailState] = useState<{id: string; isLoading: boolean; error?: unknown}>();

	// While the host-list API is blocked (409), moving near the end must not spend more calls that
	// can only be blocked again: paging resumes once the wait the server gave has passed.
	const blockedUntil = useMemo(() => blockedUntilFor(pages.error), [pages.error]);
	const onSelectionMove = useCallback(
		(selected: number, viewLength: number, tableHeight: number) => {
			if (pages.isComplete || pages.isLoading || selected < viewLength - tableHeight) return;
			if (blockedUntil !== undefined && Date.now() < blockedUntil) return;
			pages.loadNext();
		},
		[pages, blockedUntil],
	);

	const quota = session.quota.get('host-list');
	const remaining = quota?.remaining;
	// Short enough that the keys at the end still fit an 80-column line with 1,000-host pages
	// (the line is cut to the width, and `c` is not on the hint line).
	const callsLeft = remaining === undefined ? 'calls left unknown' : `${formatCount(remaining)}/${formatCount(quota?.limit)} calls left`;
	let question: string;
	if (pages.counted !== undefined) {
		const missing = Math.max(0, pages.counted - pages.hosts.length);
		const calls = Math.ceil(missing / pageSize);
		question = `Load all: ${formatCount(missing)} more hosts = ${formatCount(calls)} call${calls === 1 ? '' : 's'}; ${callsLeft} · y go · n no`;
	} else {
		// The total is unknown until counted (`c`: one IDs-only call) or loaded.
		question = `Load all? 1 call/${formatCount(pageSize)} hosts; ${callsLeft} · y go · c count · n no`;
	}

	const confirmation: Confirmation | undefined = isConfirming
		? {
				question: pages.isCounting ? 'Counting hosts (1 call, IDs only)…' : question,
				onYes: () => {
					setIsConfirming(false);
					setNotice(undefined);
					pages.loadAll();
				},
				onNo: () => setIsConfirming(false),
				extra: pages.counted === undefined && !pages.isCounting ? {key: 'c', label: 'count first', run: pages.count} : undefined,
			}
		: undefined;

	const handlers = {
		refresh: () => {
			setNotice(undefined);
			pages.refresh();
		},
		'load-all': () => {
			if (pages.isComplete) setNotice('All hosts are loaded already');
			else if (!pages.isLoading) setIsConfirming(true);
		},
		...(pages.isLoading
			? {
					'stop-loading': () => {
						pages.stop();
						// Before page 1 is complete there is nothing to keep: its first rows were only a preview.
						setNotice(
							pages.pagesLoaded === 0
								? 'Stopped loading the first page; r loads it again'
								: 'Stopped loading: the hosts that arrived are kept; L or moving to the end loads more',
						);
					},
				}
			: {}),
	};

	const detailHandlers = {
		'fetch-details': () => {
			const id = detailState?.id;
			// Once the full details are here, `d` again would only spend another call on the same answer.
			if (!id || !session.client || detailState?.isLoading || details.has(id)) return;
			setDetailState({id, isLoading: true});
			session.client.getHost(id).then(
				host => {
					if (host) setDetails(previous => new Map(previous).set(id, host));
					setDetailState({id, isLoading: false, error: host ? undefined : {message: `Host ${id} is no longer in the host list`}});
				},
				(error: unknown) => setDetailState({id, isLoading: false, error}),
			);
		},
	};

	const summary = pages.isComplete
		? `${formatCount(pages.hosts.length)} hosts (all)`
		: pages.pagesLoaded === 0 && !pages.error
			? pages.hosts.length > 0
				? `first ${formatCount(pages.hosts.length)} hosts of page 1 · loading the rest…`
				: notice && !pages.isLoading
					? 'nothing loaded'
					: 'loading the first page…'
			: `${formatCount(pages.hosts.length)} hosts loaded · more available`;
	// A large page (tens of MiB on a big estate) takes a while: say that bytes are arriving and how to stop.
	const received = useTransferProgress({client: session.client, api: 'host-list', minBytes: 1024 * 1024});
	const transfer = pages.isLoading && received !== undefined ? ` · ${formatBytes(received)} received (Esc stops)` : '';
	// A refresh reads page 1 again: "loading page 2…" would promise the wrong page.
	const activityText = pages.isLoadingAll
		? `loading all: page ${pages.pagesLoaded + 1} (Esc stops)`
		: pages.isRefreshing && pages.hosts.length > 0
			? 'refreshing…'
			: pages.isLoading && pages.pagesLoaded > 0
				? `loading page ${pages.pagesLoaded + 1}…`
				: pages.isCounting
					? 'counting…'
					: undefined;
	const activity = activityText === undefined && transfer === '' ? undefined : `${activityText ?? ''}${transfer}`.replace(/^ · /, '');
	const error = detailState?.error ?? pages.error;
	// Described once per error: describeError turns a 409's wait into `retryAt = now + wait`, so
	// describing it again on every render (a screen switch, a quota update) restarted the countdown.
	const errorMessage = useMemo(() => (error ? describeError(error) : undefined), [error]);
	const message = errorMessage ?? (notice ? {message: notice, tone: 'info' as const} : pages.counted !== undefined && !isConfirming ? {message: `${formatCount(pages.counted)} hosts in all`, tone: 'info' as const} : undefined);

	return (
		<ListView
			title="Hosts"
			summary={summary}
			isStale={pages.isStale}
			activity={activity}
			columns={hostColumns}
			rows={pages.hosts}
			getRowKey={getHostKey}
			width={width}
			height={height}
			isActive={isActive}
			scopes={['hosts']}
			handlers={handlers}
			detailScopes={['host-detail']}
			detailHandlers={detailHandlers}
			onOpen={host => setDetailState({id: host.id, isLoading: false})}
			renderDetail={(host, size) => {
				const full = details.get(host.id);
				return (
					<DetailView
						title={`Host ${host.id} · ${host.dns ?? host.ip ?? ''}`}
						subtitle={
							detailState?.isLoading
								? 'Fetching full details (1 call)…'
								: full
									? 'Full details (details=All)'
									: 'Basic details from the list · d fetches full details (1 host-list call)'
						}
						fields={hostFields(full ?? host)}
						{...size}
					/>
				);
			}}
			onSelectionMove={onSelectionMove}
			message={message}
			confirmation={confirmation}
			onCapturesText={onCapturesText}
			// Before page 1 has answered, an empty list means "not yet", never "no hosts".
			emptyText={
				pages.error && pages.pagesLoaded === 0
					? 'No hosts loaded — r tries again'
					: pages.pagesLoaded === 0 && notice && !pages.isLoading
						? 'Nothing loaded — r loads the first page'
						: pages.pagesLoaded === 0 || pages.isLoading
							? 'Loading hosts…'
							: 'No hosts in this subscription (or none visible to this user)'
			}
		/>
	);
}
