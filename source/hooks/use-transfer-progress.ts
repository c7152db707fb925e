import {useEffect, useState} from 'react';
import type {ApiFunction, QualysClient} from '../api/types.js';

/** How often the byte count may re-render the screen. */
const updateIntervalMs = 250;

/** Options of {@link useTransferProgress}. */
export interface TransferProgressOptions {
	readonly client?: QualysClient;
	readonly api: ApiFunction;
	/** Responses smaller than this are never reported (nothing worth showing, no render). @default 0 */
	readonly minBytes?: number;
}

/**
 * Bytes received so far of the response of `api` in flight, once at least `minBytes` have
 * arrived; undefined otherwise. Updated at most four times a second (the client reports every
 * chunk), so a 50 MiB page shows it is moving without costing a render per chunk; ordinary pages
 * below `minBytes` cost no render at all (while every page loaded, two renders per page did).
 */
export function useTransferProgress({client, api, minBytes = 0}: TransferProgressOptions): number | undefined {
	const [bytes, setBytes] = useState<number>();
	useEffect(() => {
		if (!client) return;
		let lastUpdate = 0;
		let shown: number | undefined;
		const show = (value: number | undefined) => {
			if (value === shown) return;
			shown = value;
			setBytes(value);
		};

		return client.subscribe(event => {
			if (event.type === 'progress' && event.api === api) {
				const now = Date.now();
				if (event.bytes < minBytes || now - lastUpdate < updateIntervalMs) return;
				lastUpdate = now;
				show(event.bytes);
			} else if (event.type === 'call' && event.api === api) {
				lastUpdate = 0;
				show(undefined);
			}
		});
	}, [client, api, minBytes]);
	return bytes;
}
