import {scanHostList} from './fast-host-list.js';
import type {Host} from './types.js';

/** Body read before a preview is tried, and the most of it scanned: ~45 hosts, a screenful. */
const PREVIEW_BYTES = 32 * 1024;
const CLOSE_HOST = '</HOST>';
const CLOSE_DOCUMENT = '\n</HOST_LIST>\n</RESPONSE>\n</HOST_LIST_OUTPUT>\n';

/**
 * A body watcher (TransportRequest.onBody) that, once a 200 host list has sent PREVIEW_BYTES,
 * reads the hosts complete so far: the body up to its last `</HOST>`, closed as the document
 * would close, through the same scanner as the whole page. Tells `onFirstHosts` once, or never
 * (a short body, a page the scanner does not take, an error status). These hosts are a preview:
 * the page still has to arrive whole and be parsed before it counts, and the caller drops the
 * preview when it does not (a body cut off later is an error, never a short list).
 */
export function firstHostsPreview(onFirstHosts: (hosts: readonly Host[]) => void): (chunks: readonly Uint8Array[], bytes: number, status: number) => void {
	let isDone = false;
	return (chunks, bytes, status) => {
		if (isDone || bytes < PREVIEW_BYTES) return;
		// One try: decoding and scanning again on every later chunk would cost more than it saves.
		isDone = true;
		if (status !== 200) return;
		// Only the first PREVIEW_BYTES: the scan is the first run of cold code, and its cost grows with
		// the text (a 64 KiB first chunk, ~90 hosts, took 20–40 ms here against ~45 hosts in half that).
		// A character cut in two at the end is dropped with the unfinished host after the last </HOST>.
		const text = Buffer.concat(chunks as Uint8Array[], bytes).toString('utf8', 0, PREVIEW_BYTES);
		const end = text.lastIndexOf(CLOSE_HOST);
		if (end === -1) return;
		const page = scanHostList(text.slice(0, end + CLOSE_HOST.length) + CLOSE_DOCUMENT);
		if (page !== undefined && page.hosts.length > 0) onFirstHosts(page.hosts);
	};
}
