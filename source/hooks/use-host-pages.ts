import {useCallback, useEffect, useRef, useState} from 'react';
import type {Host, HostPage, QualysClient} from '../api/types.js';
import {afterRequestsStart} from '../lib/after-requests-start.js';

/** How often pages reach the screen while every page is loading. */
const commitIntervalMs = 250;

/** After loading every page, the full collection waits for a second without keys (half a minute at most). */
const collectWhenIdle = {idleMs: 1000, checkMs: 250, maxWaitMs: 30_000};

/** What the host screen knows about the host list right now. */
export interface HostPagesState {
	/** Every host loaded so far, in server order (ascending ID). A new array whenever a page arrives. */
	readonly hosts: readonly Host[];
	readonly pagesLoaded: number;
	/** True once a page came back without a next-page URL: everything is loaded. */
	readonly isComplete: boolean;
	readonly isLoading: boolean;
	readonly isLoadingAll: boolean;
	/** A refresh (page 1 again) is running; `isLoading` is true too. */
	readonly isRefreshing: boolean;
	/** The last failure; the hosts already loaded stay. */
	readonly error?: unknown;
	/** True while a refresh runs and after one failed: the rows shown are older than asked for. */
	readonly isStale: boolean;
	/** When the first page of the data shown was read (epoch ms). */
	readonly loadedAt?: number;
	/** Hosts counted by a `details=None` call, when the operator asked for a count. */
	readonly counted?: number;
	readonly isCounting: boolean;
}

export interface HostPagesOptions {
	readonly client?: QualysClient;
	/** `truncation_limit`. @default 1000 */
	readonly pageSize?: number;
	/** Start loading page 1 as soon as there is a client. */
	readonly isEnabled: boolean;
}

export interface HostPages extends HostPagesState {
	/**
	 * Fetch page 1 with `client` now, unless loading has ever started: for a login that has just
	 * succeeded, before the screen re-renders with its client (then the usual start finds it busy).
	 */
	startWith(client: QualysClient): void;
	/** Fetch one more page (one call), unless one is already loading or all are loaded. */
	loadNext(): void;
	/** Fetch every remaining page, one call each, until done or `stop()`. */
	loadAll(): void;
	/** Abort the running load; what arrived stays. */
	stop(): void;
	/** Reload from page 1; the old rows stay visible, marked stale, until the new page arrives. */
	refresh(): void;
	/** Count the hosts with one IDs-only call (`details=None`, no truncation). */
	count(): void;
}

const initialState: HostPagesState = {
	hosts: [],
	pagesLoaded: 0,
	isComplete: false,
	isLoading: false,
	isLoadingAll: false,
	isRefreshing: false,
	isStale: false,
	isCounting: false,
};

/**
 * Pages through the host list by following the server's next-page URL, one call per page, only
 * when asked: page 1 when enabled, then `loadNext()` (the screen calls it when the selection nears
 * the end) or `loadAll()`. Rows are usable the moment their page is parsed. The cursor is the
 * next-page URL, not a live iterator, so a new login (a new client) resumes where paging stopped.
 */
export function useHostPages({client, pageSize = 1000, isEnabled}: HostPagesOptions): HostPages {
	const [state, setState] = useState<HostPagesState>(initialState);
	// The mutable parts live in a ref so that handlers called in quick succession see the latest values.
	const live = useRef({
		hosts: [] as Host[],
		nextUrl: undefined as string | undefined,
		controller: undefined as AbortController | undefined,
		isBusy: false,
		hasStarted: false,
	});
	const clientRef = useRef(client);
	clientRef.current = client;

	const run = useCallback(
		async ({isAll, isRefresh, client: given}: {isAll: boolean; isRefresh: boolean; client?: QualysClient}) => {
			const current = live.current;
			const activeClient = given ?? clientRef.current;
			if (!activeClient || current.isBusy) return;
			if (!isRefresh && current.hasStarted && current.nextUrl === undefined) return;
			current.isBusy = true;
			const controller = new AbortController();
			current.controller = controller;
			const startUrl = isRefresh ? undefined : current.nextUrl;
			const markLoading = () => {
				// Not if the load has already ended (stopped, or failed at once) by the time this runs.
				if (current.controller === controller) {
					setState(previous => ({...previous, isLoading: true, isLoadingAll: isAll, isRefreshing: isRefresh, isStale: isRefresh || previous.isStale, error: undefined}));
				}
			};
			// Started as a login succeeds (startWith): page 1 goes out before React renders the screen
			// (see afterRequestsStart); any other start says "loading" at once.
			if (given) void afterRequestsStart().then(markLoading);
			else markLoading();
			let isFirst = true;
			let commitBuffered = () => {};
			// The very first load shows the first rows of page 1 while its body still arrives; they
			// are replaced by the page, or dropped if it fails (never a short list passed off as the page).
			const isFirstLoad = !isRefresh && current.hosts.length === 0 && startUrl === undefined;
			let isPreviewShown = false;
			const onFirstHosts = isFirstLoad
				? (hosts: readonly Host[]) => {
						if (controller.signal.aborted) return;
						isPreviewShown = true;
						setState(previous => (previous.hosts.length > 0 ? previous : {...previous, hosts}));
					}
				: undefined;
			try {
				const pages = activeClient.listHosts({pageSize, startUrl, signal: controller.signal, onFirstHosts});
				// While loading every page, pages are handed to React at most every `commitIntervalMs`:
				// each commit re-renders the screen, and a commit per page (tens a second) left keys
				// waiting behind renders. Single pages, the last page and a stop commit at once.
				let buffered: Host[][] = [];
				let bufferedPages = 0;
				let lastCommit = 0;
				let lastPage: HostPage | undefined;
				let isRefreshedPage = false;
				commitBuffered = () => {
					if (bufferedPages === 0 || !lastPage) return;
					// A new array per commit, never a push into the old one: ListView memoises its view on
					// the array's identity (an in-place append left rows of page 2 on unselectable).
					current.hosts = current.hosts.concat(...buffered);
					const hosts = current.hosts;
					const pagesAdded = bufferedPages;
					const {nextUrl} = lastPage;
					// Read now, not in the updater: React runs it later, after the flag has changed.
					const wasRefresh = isRefreshedPage;
					setState(previous => ({
						...previous,
						hosts,
						pagesLoaded: (wasRefresh ? 0 : previous.pagesLoaded) + pagesAdded,
						isComplete: nextUrl === undefined,
						isStale: false,
						loadedAt: wasRefresh || previous.loadedAt === undefined ? Date.now() : previous.loadedAt,
					}));
					buffered = [];
					bufferedPages = 0;
					isRefreshedPage = false;
					lastCommit = Date.now();
				};

				for await (const page of pages) {
					if (isRefresh && isFirst) {
						current.hosts = [];
						isRefreshedPage = true;
					}

					isFirst = false;
					current.hasStarted = true;
					current.nextUrl = page.nextUrl;
					buffered.push(page.hosts as Host[]);
					bufferedPages += 1;
					lastPage = page;
					isRefresh = false;
					if (!isAll || page.nextUrl === undefined || Date.now() - lastCommit >= commitIntervalMs) commitBuffered();
					if (!isAll) break;
				}
			} catch (error) {
				if (!controller.signal.aborted) setState(previous => ({...previous, error}));
			} finally {
				// Esc or an error mid-way: the pages that arrived are kept.
				commitBuffered();
				// A preview whose page never arrived goes: only whole pages are shown.
				if (isPreviewShown && current.hosts.length === 0) setState(previous => ({...previous, hosts: current.hosts}));
				current.isBusy = false;
				current.controller = undefined;
				setState(previous => ({...previous, isLoading: false, isLoadingAll: false, isRefreshing: false}));
				// Tens of megabytes of page bodies are garbage now; collect them once rather than hold
				// them until V8 gets round to it (source/lib/heap-tuning.ts). The collection holds the UI
				// ~40 ms at 100,000 hosts (~80 ms at 300,000): it waits for a pause in the keys, since
				// an operator often scrolls while the last pages arrive.
				if (isAll) {
					void Promise.all([import('../lib/heap-tuning.js'), import('../lib/input-activity.js')]).then(([{collectGarbage}, {whenInputIdle}]) =>
						whenInputIdle(collectGarbage, collectWhenIdle),
					);
				}
			}
		},
		[pageSize],
	);

	useEffect(() => {
		if (isEnabled && client && !live.current.hasStarted && !live.current.isBusy) void run({isAll: false, isRefresh: false});
	}, [isEnabled, client, run]);

	useEffect(() => () => live.current.controller?.abort(), []);

	const count = useCallback(async () => {
		const activeClient = clientRef.current;
		if (!activeClient) return;
		setState(previous => ({...previous, isCounting: true, error: undefined}));
		try {
			let total = 0;
			for await (const page of activeClient.listHosts({pageSize: 0, details: 'None'})) total += page.hosts.length;
			setState(previous => ({...previous, counted: total}));
		} catch (error) {
			setState(previous => ({...previous, error}));
		} finally {
			setState(previous => ({...previous, isCounting: false}));
		}
	}, []);

	return {
		...state,
		startWith: useCallback(
			(given: QualysClient) => {
				if (!live.current.hasStarted && !live.current.isBusy) void run({isAll: false, isRefresh: false, client: given});
			},
			[run],
		),
		loadNext: useCallback(() => void run({isAll: false, isRefresh: false}), [run]),
		loadAll: useCallback(() => void run({isAll: true, isRefresh: false}), [run]),
		stop: useCallback(() => live.current.controller?.abort(), []),
		refresh: useCallback(() => {
			if (live.current.isBusy) return;
			void run({isAll: false, isRefresh: true});
		}, [run]),
		count: useCallback(() => void count(), [count]),
	};
}
