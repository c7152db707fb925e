import {ParseError} from './errors.js';
import {takeScannedPage} from './fast-host-list.js';
import {STRING_FIELDS} from './host-fields.js';
import type {Host, HostTag} from './types.js';
import {childNode, childNodes, type XmlNode, type XmlValue} from './xml.js';

/** A HOST_LIST_OUTPUT page mapped to domain records. */
export interface ParsedHostList {
	readonly hosts: Host[];
	readonly datetime?: string;
	/** WARNING/URL when WARNING/CODE is 1980, trimmed; undefined on the last page. */
	readonly nextUrl?: string;
}


// ID_SET ranges are expanded; more ids than this per page (all ranges together) is not a host list we can hold in a TUI.
const MAX_RANGE = 1_000_000;

/**
 * Maps a parsed HOST_LIST_OUTPUT document (qualys-api.md §4): HOST_LIST > HOST*, or ID_SET > ID*
 * (details=None; hosts with only `id`), or neither (no hosts). Throws ParseError when the root is
 * not HOST_LIST_OUTPUT or a host has no ID.
 */
export function parseHostList(document: XmlNode): ParsedHostList {
	// Already mapped by the fast scanner when parseXml read the body (the same records; see fast-host-list.ts).
	const scanned = takeScannedPage(document);
	if (scanned) return scanned;
	const output = childNode(document, 'HOST_LIST_OUTPUT');
	if (!output) throw new ParseError('The response is not a host list.', {hint: 'Check the API URL; the server answered with another document.'});
	const response = childNode(output, 'RESPONSE');
	const hosts: Host[] = [];
	const hostList = childNode(response, 'HOST_LIST');
	if (hostList) {
		const list = hostList.HOST as readonly XmlValue[] | undefined;
		if (list) for (let i = 0; i < list.length; i++) hosts.push(mapHost(list[i] as XmlNode));
	}
	const idSet = childNode(response, 'ID_SET');
	if (idSet) {
		// Fuzz fix (test/fuzz/parse-host-list.test.ts): `<ID/>` or `<ID a="1">5</ID>` used to become a
		// host whose id was '' or an object, and `<ID_RANGE><X/></ID_RANGE>` threw a TypeError.
		const ids = idSet.ID as readonly XmlValue[] | undefined;
		if (ids) for (let i = 0; i < ids.length; i++) hosts.push({id: idText(ids[i])});
		const ranges = idSet.ID_RANGE as readonly XmlValue[] | undefined;
		// One budget for all ranges of the page: many ranges of a million ids each must not
		// expand a small document into a huge list (fuzz fix, "bound the work per case").
		let budget = MAX_RANGE;
		if (ranges) for (const range of ranges) budget -= expandRange(idText(range), hosts, budget);
	}
	let nextUrl: string | undefined;
	for (const warning of childNodes(response, 'WARNING')) {
		const url = warning.URL;
		if (warning.CODE === '1980' && typeof url === 'string' && url.trim() !== '') nextUrl = url.trim();
	}
	const datetime = response?.DATETIME;
	return {hosts, datetime: typeof datetime === 'string' ? datetime : undefined, nextUrl};
}

/** Maps one parsed HOST element; hot path — no spreads, no regexes. */
export function mapHost(node: XmlNode): Host {
	const id = node.ID;
	if (typeof id !== 'string' || id === '') throw new ParseError('A host in the host list has no ID.', {hint: 'Report the response to the maintainers.'});
	const host: Record<string, unknown> = {id};
	for (let i = 0; i < STRING_FIELDS.length; i++) {
		const [element, field] = STRING_FIELDS[i];
		const value = node[element];
		if (typeof value === 'string' && value !== '') host[field] = value;
	}
	const dnsData = node.DNS_DATA;
	if (dnsData !== undefined && typeof dnsData === 'object') {
		const fqdn = (dnsData as XmlNode).FQDN;
		if (typeof fqdn === 'string' && fqdn !== '') host.fqdn = fqdn;
	}
	const duration = node.LAST_VM_SCANNED_DURATION;
	if (typeof duration === 'string' && duration !== '') {
		const seconds = Number(duration);
		// Fuzz fix: a negative duration ("-5") is junk, not -5 seconds.
		if (Number.isFinite(seconds) && seconds >= 0) host.lastVmScannedDuration = seconds;
	}
	const tags = node.TAGS;
	if (tags !== undefined && typeof tags === 'object') {
		const list = (tags as XmlNode).TAG as readonly XmlValue[] | undefined;
		if (list) {
			const mapped: HostTag[] = [];
			for (let i = 0; i < list.length; i++) {
				const tag = list[i] as XmlNode;
				const name = tag.NAME;
				const tagId = tag.TAG_ID;
				mapped.push(typeof tagId === 'string' ? {id: tagId, name: typeof name === 'string' ? name : ''} : {name: typeof name === 'string' ? name : ''});
			}
			host.tags = mapped;
		}
	}
	const userDef = node.USER_DEF;
	if (userDef !== undefined && typeof userDef === 'object') {
		const values: string[] = [];
		for (const key of ['VALUE_1', 'VALUE_2', 'VALUE_3']) {
			const value = (userDef as XmlNode)[key];
			values.push(typeof value === 'string' ? value : '');
		}
		host.userDefined = values;
	}
	const groups = node.ASSET_GROUP_IDS;
	if (typeof groups === 'string' && groups !== '') host.assetGroupIds = groups.split(',').map(group => group.trim());
	return host as unknown as Host;
}

/** The text of an ID_SET ID or ID_RANGE; ParseError when it is empty or not plain text. */
function idText(value: XmlValue | undefined): string {
	if (typeof value === 'string' && value !== '') return value;
	throw new ParseError('The host list contains an empty or malformed ID.', {hint: 'Request details other than None.'});
}

// `5-7` or a single `9` (digits only: `-5` used to read as 0–5 because Number('') is 0).
const ID_RANGE = /^\s*(\d{1,16})\s*(?:-\s*(\d{1,16})\s*)?$/;

/** Expands one ID_RANGE into `hosts`; returns how many ids it added (at most `budget`). */
function expandRange(range: string, hosts: Host[], budget: number): number {
	const match = ID_RANGE.exec(range);
	const first = match ? Number(match[1]) : Number.NaN;
	const last = match ? (match[2] === undefined ? first : Number(match[2])) : Number.NaN;
	if (!Number.isSafeInteger(first) || !Number.isSafeInteger(last) || last < first || last - first >= budget) {
		throw new ParseError('The host list contains an ID range that cannot be read.', {hint: 'Request details other than None.'});
	}
	for (let id = first; id <= last; id++) hosts.push({id: String(id)});
	return last - first + 1;
}
