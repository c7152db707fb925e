import {useEffect, useState} from 'react';
import type {ApiFunction, QualysClient} from '../api/types.js';

/** How often the byte count may re-render the screen. */
const updateIntervalMs = 250;

/**
 * Bytes received so far of the response of `api` in flight, or undefined when none is. Updated at
 * most four times a second (the client reports every chunk), so a 50 MiB page shows it is moving
 * without costing a render per chunk.
 */
export function useTransferProgress({client, api}: {readonly client?: QualysClient; readonly api: ApiFunction}): number | undefined {
	const [bytes, setBytes] = useState<number>();
	useEffect(() => {
		if (!client) return;
		let lastUpdate = 0;
		return client.subscribe(event => {
			if (event.type === 'progress' && event.api === api) {
				const now = Date.now();
				if (now - lastUpdate < updateIntervalMs) return;
				lastUpdate = now;
				setBytes(event.bytes);
			} else if (event.type === 'call' && event.api === api) {
				lastUpdate = 0;
				setBytes(undefined);
			}
		});
	}, [client, api]);
	return bytes;
}
