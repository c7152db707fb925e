import {AbortedError, type RequestInfo} from './errors.js';
import {scanHostListInSlices} from './fast-host-list.js';
import {parseHostList, type ParsedHostList} from './parse-host-list.js';
import {parseXml} from './xml.js';

/**
 * Parses and maps a host-list body on this thread, a few milliseconds at a time, so keys and
 * frames are handled between slices while pages load (a page of 1,000 hosts parsed in one go held
 * the UI ~10 ms). A body the scanner does not take goes the reference way, in one go, with its
 * ParseErrors. AbortedError when `signal` fires between slices.
 */
export async function parseHostListInSlices(text: string, info: RequestInfo, signal?: AbortSignal): Promise<ParsedHostList> {
	let page: ParsedHostList | undefined;
	try {
		page = await scanHostListInSlices(text, {signal});
	} catch (error) {
		if (signal?.aborted) throw new AbortedError('The request was cancelled.', {...info, hint: 'Nothing to do.'});
		throw error;
	}

	return page ?? parseHostList(parseXml(text, info));
}
