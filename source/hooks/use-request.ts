import {useCallback, useEffect, useRef, useState} from 'react';

export interface RequestState<T> {
	readonly data?: T;
	readonly error?: unknown;
	readonly isLoading: boolean;
	/** Data is shown while a reload runs, or after one failed. */
	readonly isStale: boolean;
	/** When the data shown was read (epoch ms). */
	readonly loadedAt?: number;
}

export interface UseRequestOptions<T> {
	/** The call; it gets a signal that aborts on unmount or when a newer reload starts. */
	readonly run?: (signal: AbortSignal) => Promise<T>;
	/** Load once as soon as this is true (the screen was first opened); later loads only by `reload()`. */
	readonly isEnabled: boolean;
}

/**
 * Runs one API call for a screen: once when first enabled, again on `reload()`. The previous data
 * stays while a reload runs (marked stale) and stays, still marked, when the reload fails.
 * A late result never overwrites a newer one.
 */
export function useRequest<T>({run, isEnabled}: UseRequestOptions<T>): RequestState<T> & {reload(): void} {
	const [state, setState] = useState<RequestState<T>>({isLoading: false, isStale: false});
	const runRef = useRef(run);
	runRef.current = run;
	const controller = useRef<AbortController | undefined>(undefined);
	const hasLoaded = useRef(false);

	const reload = useCallback(async () => {
		const call = runRef.current;
		if (!call) return;
		hasLoaded.current = true;
		controller.current?.abort();
		const current = new AbortController();
		controller.current = current;
		setState(previous => ({...previous, isLoading: true, isStale: previous.data !== undefined, error: undefined}));
		try {
			const data = await call(current.signal);
			if (controller.current === current) setState({data, isLoading: false, isStale: false, loadedAt: Date.now()});
		} catch (error) {
			if (controller.current === current && !current.signal.aborted) {
				setState(previous => ({...previous, error, isLoading: false}));
			}
		}
	}, []);

	useEffect(() => {
		if (isEnabled && run && !hasLoaded.current) void reload();
	}, [isEnabled, run, reload]);

	useEffect(() => () => controller.current?.abort(), []);

	return {...state, reload: useCallback(() => void reload(), [reload])};
}
