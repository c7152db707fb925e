import type {ApiCaller} from './api-call.js';
import {ConfigError, ParseError, UnsafeUrlError} from './errors.js';
import {parseHostList} from './parse-host-list.js';
import type {Host, HostPage, ListHostsOptions} from './types.js';

// Parameters the client sets itself; a filter cannot replace them.
const RESERVED = new Set(['action']);

/**
 * Pages of the host list, fetched lazily: page 1 is a POST of action=list with the page size,
 * details and filters; every further page is the server's WARNING 1980 URL requested as given
 * (never a computed id_min — other list APIs page downwards). A next URL on another origin is
 * refused before anything is sent. `startUrl` resumes at such a URL from an earlier listing.
 */
export async function* listHosts(caller: ApiCaller, options: ListHostsOptions = {}): AsyncGenerator<HostPage, void, undefined> {
	const {pageSize = 1000, details = 'Basic', filters = {}, startUrl, signal, onFirstHosts} = options;
	if (!Number.isSafeInteger(pageSize) || pageSize < 0) {
		throw new ConfigError(`The page size must be a whole number ≥ 0, not ${String(pageSize).slice(0, 20)}.`, {hint: 'Use e.g. 1000 (0 = everything in one response).'});
	}
	let result;
	if (startUrl === undefined) {
		const params = new URLSearchParams({action: 'list', truncation_limit: String(pageSize), details});
		for (const [name, value] of Object.entries(filters)) if (!RESERVED.has(name)) params.set(name, value);
		result = await caller.call({api: 'host-list', resource: 'host', params, expectedRoot: 'HOST_LIST_OUTPUT', signal, onFirstHosts});
	} else {
		// Resuming at a next-page URL of an earlier listing: the same checks as any next page.
		assertSameOrigin(startUrl, caller.baseUrl);
		result = await caller.call({api: 'host-list', url: startUrl.trim(), expectedRoot: 'HOST_LIST_OUTPUT', signal});
	}
	for (let pageNumber = 1; ; pageNumber++) {
		const page = result.hostList ?? parseHostList(result.document);
		yield {hosts: page.hosts, nextUrl: page.nextUrl, datetime: page.datetime, pageNumber, bytes: result.bytes};
		if (page.nextUrl === undefined) return;
		assertSameOrigin(page.nextUrl, caller.baseUrl);
		result = await caller.call({api: 'host-list', url: page.nextUrl, expectedRoot: 'HOST_LIST_OUTPUT', signal});
	}
}

/** One host with `details=All` and its tags; undefined when the ID is unknown. */
export async function getHost(caller: ApiCaller, id: string, signal?: AbortSignal): Promise<Host | undefined> {
	const params = new URLSearchParams({action: 'list', details: 'All', show_tags: '1', ids: id, truncation_limit: '1'});
	// Same server-side API function (and limits) as the host list; counted apart for the UI.
	const result = await caller.call({api: 'host-list', countAs: 'host-detail', resource: 'host', params, expectedRoot: 'HOST_LIST_OUTPUT', signal});
	return (result.hostList ?? parseHostList(result.document)).hosts.find(host => host.id === id);
}

function assertSameOrigin(nextUrl: string, baseUrl: string): void {
	let url: URL;
	try {
		url = new URL(nextUrl);
	} catch {
		throw new ParseError('The next-page URL in the host list is not a valid URL.', {hint: 'Use a larger page size or report the response.'});
	}
	if (url.origin !== baseUrl) {
		// The URL is the server's text: only its origin is quoted, never the query.
		throw new UnsafeUrlError(`The server pointed the next page to another host (${url.origin.slice(0, 100)}); it was not requested.`, {
			path: url.pathname.slice(0, 200),
			hint: `Only ${baseUrl} is trusted with your credentials; check the API URL and any proxy in between.`,
		});
	}
}
