// The fast path of host-list parsing: a single-pass, indexOf-based scanner for HOST_LIST_OUTPUT that
// maps straight to domain records, without building the generic tree. It runs after parseXml's
// empty-body and entity-declaration checks and in place of XMLValidator: it only accepts the plain
// subset of XML that Qualys and the simulator send, checking that subset's well-formedness itself
// (matching bare names, a complete root, predefined entities only), so any truncation or breakage
// makes it give up and the validator report it as before. On anything else — attributes, comments or processing
// instructions inside the root, CDATA or text in a container, numeric or unknown entities, repeated
// single elements, a HOST without ID, an ID_RANGE that cannot be read, deep nesting, an unusual
// prolog — it gives up and the caller takes the fast-xml-parser path for that document. So its
// result is always the one parseHostList(tree) would give (test/fuzz/fast-host-list.test.ts checks
// this differentially); errors are always produced by the reference path.
import {STRING_FIELDS} from './host-fields.js';
import type {ParsedHostList} from './parse-host-list.js';
import type {Host, HostTag} from './types.js';
import type {XmlNode} from './xml.js';

const FIELD_COUNT = STRING_FIELDS.length;

// HOST children with their own rules get indexes (bits of the "seen" mask) after the string fields.
const ID = FIELD_COUNT;
const DNS_DATA = FIELD_COUNT + 1;
const DURATION = FIELD_COUNT + 2;
const TAGS = FIELD_COUNT + 3;
const USER_DEF = FIELD_COUNT + 4;
const ASSET_GROUP_IDS = FIELD_COUNT + 5;

const HOST_CHILD = new Map<string, number>([
	...STRING_FIELDS.map(([element], index) => [element, index] as const),
	['ID', ID],
	['DNS_DATA', DNS_DATA],
	['LAST_VM_SCANNED_DURATION', DURATION],
	['TAGS', TAGS],
	['USER_DEF', USER_DEF],
	['ASSET_GROUP_IDS', ASSET_GROUP_IDS],
]);

// Same bound and pattern as parse-host-list.ts.
const MAX_RANGE = 1_000_000;
const ID_RANGE = /^\s*(\d{1,16})\s*(?:-\s*(\d{1,16})\s*)?$/;

// Deeper than this (absolute element depth) is left to the reference parser, which has its own
// nesting limit (fast-xml-parser's maxNestedTags, 100) and must be the one to enforce it.
const MAX_DEPTH = 40;

// The prolog forms we accept (stricter than XMLValidator and fast-xml-parser); anything else in front of the root is left to the reference path.
const DECLARATION = /<\?xml(?:[ \t\r\n]+[A-Za-z_][\w.:-]*[ \t\r\n]*=[ \t\r\n]*(?:"[^"<>?&]*"|'[^'<>?&]*'))*[ \t\r\n]*\?>/y;
const DOCTYPE = /<!DOCTYPE[ \t\r\n]+[A-Za-z_][\w.:-]*(?:[ \t\r\n]+SYSTEM[ \t\r\n]+(?:"[^"<>[\]&]*"|'[^'<>[\]&]*'))?[ \t\r\n]*>/y;

const ROOT = 'HOST_LIST_OUTPUT';

/** Hosts between two pauses of Scanner.scan (a page of 1,000 hosts takes ~10 ms in all). */
const HOSTS_PER_STEP = 16;

/** Thrown inside the scanner to give up; never escapes this module. */
const GIVE_UP = Symbol('give up');

function giveUp(): never {
	throw GIVE_UP;
}

const isSpace = (code: number): boolean => code === 32 || code === 10 || code === 9 || code === 13;

// XML names exactly as XMLValidator checks tag names (fast-xml-parser src/util.js).
const NAME_START = ':A-Za-z_\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD';
const NAME = new RegExp(`^[${NAME_START}][${NAME_START}\\-.\\d\\u00B7\\u0300-\\u036F\\u203F-\\u2040]*$`);
const knownNames = new Set<string>();
// Names fast-xml-parser refuses (it throws: prototype pollution) or renames (fast-xml-parser src/util.js).
const GUARDED_NAMES = new Set(['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf', '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__']);

/** A plain XML name the reference parser takes as it is. */
function isXmlName(name: string): boolean {
	if (knownNames.has(name)) return true;
	if (!NAME.test(name) || GUARDED_NAMES.has(name)) return false;
	if (knownNames.size < 1000) knownNames.add(name);
	return true;
}

function isPredefinedEntity(text: string, at: number): boolean {
	return text.startsWith('&lt;', at) || text.startsWith('&gt;', at) || text.startsWith('&amp;', at) || text.startsWith('&quot;', at) || text.startsWith('&apos;', at);
}

/**
 * Strings of the page are slices of the body; V8 keeps a sliced string's whole parent alive, so a
 * stored value of 13+ characters (V8's SlicedString minimum) is copied to let the body be collected.
 * A JSON round trip makes a flat copy of the same size: `(' ' + value).slice(1)` would leave a
 * sliced string over a flattened copy, 32 more bytes per value (measured: 88 vs 56 B for a
 * 25-character value), which for 100,000 hosts is ~15 MiB; both cost the same time.
 */
function own(value: string): string {
	return value.length < 13 ? value : (JSON.parse(JSON.stringify(value)) as string);
}

const ENTITY = /&(?:(lt)|(gt)|(amp)|(quot)|(apos));/g;
const ENTITY_VALUES: Readonly<Record<string, string>> = {'&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&apos;': "'"};

/** The five predefined entities, decoded in one pass as the reference decoder does; gives up on any other `&`. */
function decode(text: string): string {
	let at = text.indexOf('&');
	while (at !== -1) {
		if (!isPredefinedEntity(text, at)) giveUp();
		at = text.indexOf('&', at + 1);
	}
	return text.replace(ENTITY, entity => ENTITY_VALUES[entity]!);
}

/** One text run of a leaf as the reference stores it: line ends normalised, trimmed, entities decoded. */
function textRun(raw: string): string {
	let text = raw;
	if (text.indexOf('\r') !== -1) text = text.replace(/\r\n?/g, '\n');
	text = text.trim();
	if (text.indexOf('&') !== -1) text = decode(text);
	return text;
}

class Scanner {
	private position = 0;
	/** Whether the start tag just read by nextChild was `<X/>`. */
	private isSelfClosing = false;
	/** The next `&` at or after the last checked text (-1: none left), so the body is searched once. */
	private ampersand = -2;

	constructor(private readonly text: string) {}

	/**
	 * The whole document. A generator that pauses (yields) every {@link HOSTS_PER_STEP} hosts, so a
	 * caller can spread one page over several turns of the event loop; `scanHostList` runs it in one go.
	 */
	*scan(): Generator<void, ParsedHostList, undefined> {
		this.prolog();
		this.position += ROOT.length + 2;
		let hosts: Host[] | undefined;
		let ids: Host[] | undefined;
		let datetime: string | undefined;
		let nextUrl: string | undefined;
		let hasResponse = false;
		for (let name = this.nextChild(ROOT); name !== undefined; name = this.nextChild(ROOT)) {
			// Only RESPONSE: any other child of the root would be a key of the tree the lazy document cannot stand for.
			if (name !== 'RESPONSE' || hasResponse) giveUp();
			hasResponse = true;
			if (this.isSelfClosing) continue;
			let seen = 0;
			for (let child = this.nextChild('RESPONSE'); child !== undefined; child = this.nextChild('RESPONSE')) {
				switch (child) {
					case 'DATETIME':
						if (seen & 1) giveUp();
						seen |= 1;
						datetime = this.leaf(child);
						break;
					case 'HOST_LIST':
						if (seen & 2) giveUp();
						seen |= 2;
						hosts = yield* this.hostList();
						break;
					case 'ID_SET':
						if (seen & 4) giveUp();
						seen |= 4;
						ids = this.idSet();
						break;
					case 'WARNING': {
						const url = this.warning();
						if (url !== undefined) nextUrl = url;
						break;
					}
					default:
						this.skip(child, 3);
				}
			}
		}
		if (!hasResponse) giveUp();
		this.epilogue();
		const all = hosts ?? [];
		if (ids) for (let i = 0; i < ids.length; i++) all.push(ids[i]!);
		return {hosts: all, datetime: datetime === undefined ? undefined : own(datetime), nextUrl: nextUrl === undefined ? undefined : own(nextUrl)};
	}

	/** XML declaration, comments, a DOCTYPE without internal subset, whitespace; stops at `<HOST_LIST_OUTPUT>`. */
	private prolog(): void {
		const text = this.text;
		let hasDoctype = false;
		for (;;) {
			let at = this.position;
			while (at < text.length && isSpace(text.charCodeAt(at))) at++;
			this.position = at;
			if (text.startsWith('<?', at)) {
				// Only the XML declaration, only at the very start (XMLValidator's rule).
				if (at !== 0 || text.charCodeAt(5) !== 32) giveUp();
				DECLARATION.lastIndex = at;
				if (!DECLARATION.test(text)) giveUp();
				this.position = DECLARATION.lastIndex;
			} else if (text.startsWith('<!--', at)) {
				const end = text.indexOf('-->', at + 4);
				if (end === -1) giveUp();
				this.position = end + 3;
			} else if (text.startsWith('<!DOCTYPE', at)) {
				if (hasDoctype) giveUp();
				hasDoctype = true;
				DOCTYPE.lastIndex = at;
				if (!DOCTYPE.test(text)) giveUp();
				this.position = DOCTYPE.lastIndex;
			} else if (text.startsWith('<HOST_LIST_OUTPUT>', at)) {
				return;
			} else giveUp();
		}
	}

	/** After the root: whitespace, comments and the like only. */
	private epilogue(): void {
		const text = this.text;
		for (;;) {
			let at = this.position;
			while (at < text.length && isSpace(text.charCodeAt(at))) at++;
			if (at === text.length) return;
			if (!text.startsWith('<!--', at)) giveUp();
			const end = text.indexOf('-->', at + 4);
			if (end === -1) giveUp();
			this.position = end + 3;
		}
	}

	/**
	 * Inside container `parent`: skips whitespace and returns the name of the next child element
	 * (position after its start tag), or undefined after `</parent>`. Gives up on text, comments,
	 * CDATA, processing instructions and attributes.
	 */
	private nextChild(parent: string): string | undefined {
		const text = this.text;
		const start = this.position;
		const lt = text.indexOf('<', start);
		if (lt === -1) giveUp();
		for (let i = start; i < lt; i++) if (!isSpace(text.charCodeAt(i))) giveUp();
		const next = text.charCodeAt(lt + 1);
		if (next === 47 /* / */) {
			const end = lt + 2 + parent.length;
			if (text.charCodeAt(end) !== 62 || !text.startsWith(parent, lt + 2)) giveUp();
			this.position = end + 1;
			return undefined;
		}
		if (next === 33 /* ! */ || next === 63 /* ? */) giveUp();
		const gt = text.indexOf('>', lt + 1);
		if (gt === -1) giveUp();
		let nameEnd = gt;
		this.isSelfClosing = text.charCodeAt(gt - 1) === 47;
		if (this.isSelfClosing) nameEnd--;
		const name = text.slice(lt + 1, nameEnd);
		// Attributes, `< X>`, `<1>`…: not a bare XML name (the validator's rule, fast-xml-parser's util.isName).
		if (!isXmlName(name)) giveUp();
		this.position = gt + 1;
		return name;
	}

	/** The text of a leaf element whose start tag was just read, as the reference tree has it. */
	private leaf(name: string): string {
		if (this.isSelfClosing) return '';
		const text = this.text;
		let value = '';
		let at = this.position;
		for (;;) {
			const lt = text.indexOf('<', at);
			if (lt === -1) giveUp();
			if (lt > at) {
				const run = textRun(text.slice(at, lt));
				if (run !== '') value = value === '' ? run : value + run;
			}
			const next = text.charCodeAt(lt + 1);
			if (next === 47 /* / */) {
				const end = lt + 2 + name.length;
				if (text.charCodeAt(end) !== 62 || !text.startsWith(name, lt + 2)) giveUp();
				this.position = end + 1;
				return value;
			}
			if (next !== 33 || !text.startsWith('<![CDATA[', lt)) giveUp();
			const close = text.indexOf(']]>', lt + 9);
			if (close === -1) giveUp();
			let data = text.slice(lt + 9, close);
			if (data.indexOf('\r') !== -1) data = data.replace(/\r\n?/g, '\n');
			value = value === '' ? data : value + data;
			at = close + 3;
		}
	}

	/** Gives up when text[from, to) has an `&` that is not one of the five predefined entities. */
	private checkAmpersands(from: number, to: number): void {
		const text = this.text;
		let at = this.ampersand;
		if (at !== -1 && at < from) at = text.indexOf('&', from);
		while (at !== -1 && at < to) {
			if (!isPredefinedEntity(text, at)) giveUp();
			at = text.indexOf('&', at + 1);
		}
		this.ampersand = at;
	}

	/**
	 * Skips the element whose start tag was just read (its content does not reach the records), with
	 * the same checks as elsewhere: matching bare names, no attributes, predefined entities only.
	 */
	private skip(name: string, depth: number): void {
		if (this.isSelfClosing) return;
		const text = this.text;
		const open: string[] = [name];
		let at = this.position;
		for (;;) {
			const lt = text.indexOf('<', at);
			if (lt === -1) giveUp();
			if (lt > at) this.checkAmpersands(at, lt);
			const next = text.charCodeAt(lt + 1);
			if (next === 47 /* / */) {
				const expected = open.pop()!;
				const end = lt + 2 + expected.length;
				if (text.charCodeAt(end) !== 62 || !text.startsWith(expected, lt + 2)) giveUp();
				at = end + 1;
				if (open.length === 0) {
					this.position = at;
					return;
				}
			} else if (next === 33 /* ! */) {
				let close: number;
				if (text.startsWith('<!--', lt)) close = text.indexOf('-->', lt + 4);
				else if (text.startsWith('<![CDATA[', lt)) close = text.indexOf(']]>', lt + 9);
				else giveUp();
				if (close === -1) giveUp();
				at = close + 3;
			} else if (next === 63 /* ? */) {
				giveUp();
			} else {
				const gt = text.indexOf('>', lt);
				if (gt === -1) giveUp();
				const isEmpty = text.charCodeAt(gt - 1) === 47;
				const child = text.slice(lt + 1, isEmpty ? gt - 1 : gt);
				if (!isXmlName(child)) giveUp();
				if (!isEmpty) {
					if (open.length + depth >= MAX_DEPTH) giveUp();
					open.push(child);
				}
				at = gt + 1;
			}
		}
	}

	private *hostList(): Generator<void, Host[], undefined> {
		const hosts: Host[] = [];
		if (this.isSelfClosing) return hosts;
		for (let name = this.nextChild('HOST_LIST'); name !== undefined; name = this.nextChild('HOST_LIST')) {
			if (name === 'HOST') {
				hosts.push(this.host());
				if (hosts.length % HOSTS_PER_STEP === 0) yield;
			} else this.skip(name, 4);
		}
		return hosts;
	}

	private host(): Host {
		if (this.isSelfClosing) giveUp();
		const values: Array<string | undefined> = new Array(FIELD_COUNT);
		let id: string | undefined;
		let fqdn: string | undefined;
		let duration: string | undefined;
		let tags: HostTag[] | undefined;
		let userDefined: string[] | undefined;
		let groups: string | undefined;
		let seen = 0;
		for (let name = this.nextChild('HOST'); name !== undefined; name = this.nextChild('HOST')) {
			const index = HOST_CHILD.get(name);
			if (index === undefined) {
				this.skip(name, 5);
				continue;
			}
			const bit = 1 << index;
			if (seen & bit) giveUp();
			seen |= bit;
			if (index < FIELD_COUNT) {
				values[index] = this.leaf(name);
				continue;
			}
			switch (index) {
				case ID:
					id = this.leaf(name);
					break;
				case DNS_DATA:
					fqdn = this.dnsData();
					break;
				case DURATION:
					duration = this.leaf(name);
					break;
				case TAGS:
					tags = this.tags();
					break;
				case USER_DEF:
					userDefined = this.userDef();
					break;
				default:
					groups = this.leaf(name);
			}
		}
		if (id === undefined || id === '') giveUp();
		const host: Record<string, unknown> = {id: own(id)};
		// Equal values within one host (DNS and FQDN, the last-scan dates) share one copy.
		const raw: string[] = [];
		const copies: string[] = [];
		const share = (value: string): string => {
			const index = raw.indexOf(value);
			if (index >= 0) return copies[index]!;
			const copy = own(value);
			raw.push(value);
			copies.push(copy);
			return copy;
		};

		for (let i = 0; i < FIELD_COUNT; i++) {
			const value = values[i];
			if (value !== undefined && value !== '') host[STRING_FIELDS[i]![1]] = share(value);
		}
		if (fqdn !== undefined && fqdn !== '') host.fqdn = share(fqdn);
		if (duration !== undefined && duration !== '') {
			const seconds = Number(duration);
			if (Number.isFinite(seconds) && seconds >= 0) host.lastVmScannedDuration = seconds;
		}
		if (tags !== undefined) host.tags = tags;
		if (userDefined !== undefined) host.userDefined = userDefined;
		if (groups !== undefined && groups !== '') host.assetGroupIds = groups.split(',').map(group => own(group.trim()));
		return host as unknown as Host;
	}

	/** DNS_DATA/FQDN (undefined when DNS_DATA is empty or has no FQDN). */
	private dnsData(): string | undefined {
		if (this.isSelfClosing) return undefined;
		let fqdn: string | undefined;
		for (let name = this.nextChild('DNS_DATA'); name !== undefined; name = this.nextChild('DNS_DATA')) {
			if (name === 'FQDN') {
				if (fqdn !== undefined) giveUp();
				fqdn = this.leaf(name);
			} else this.skip(name, 6);
		}
		return fqdn;
	}

	/** TAGS/TAG*: undefined when there is no TAG (an empty TAGS is text in the tree, not a list). */
	private tags(): HostTag[] | undefined {
		if (this.isSelfClosing) return undefined;
		let tags: HostTag[] | undefined;
		for (let name = this.nextChild('TAGS'); name !== undefined; name = this.nextChild('TAGS')) {
			if (name !== 'TAG') {
				this.skip(name, 6);
				continue;
			}
			let tagId: string | undefined;
			let tagName: string | undefined;
			if (!this.isSelfClosing) {
				for (let child = this.nextChild('TAG'); child !== undefined; child = this.nextChild('TAG')) {
					if (child === 'TAG_ID') {
						if (tagId !== undefined) giveUp();
						tagId = this.leaf(child);
					} else if (child === 'NAME') {
						if (tagName !== undefined) giveUp();
						tagName = this.leaf(child);
					} else this.skip(child, 7);
				}
			}
			const nameText = tagName === undefined ? '' : own(tagName);
			(tags ??= []).push(tagId === undefined ? {name: nameText} : {id: own(tagId), name: nameText});
		}
		return tags;
	}

	/** USER_DEF/VALUE_1..3: undefined when USER_DEF has no child element at all (then it is text in the tree). */
	private userDef(): string[] | undefined {
		if (this.isSelfClosing) return undefined;
		const values: Array<string | undefined> = [undefined, undefined, undefined];
		let hasChild = false;
		for (let name = this.nextChild('USER_DEF'); name !== undefined; name = this.nextChild('USER_DEF')) {
			hasChild = true;
			const index = name === 'VALUE_1' ? 0 : name === 'VALUE_2' ? 1 : name === 'VALUE_3' ? 2 : -1;
			if (index === -1) {
				this.skip(name, 6);
				continue;
			}
			if (values[index] !== undefined) giveUp();
			values[index] = this.leaf(name);
		}
		if (!hasChild) return undefined;
		return values.map(value => (value === undefined ? '' : own(value)));
	}

	/** ID_SET/ID* then ID_SET/ID_RANGE* expanded, in the reference's order (all IDs, then all ranges). */
	private idSet(): Host[] {
		const ids: Host[] = [];
		if (this.isSelfClosing) return ids;
		const ranges: string[] = [];
		for (let name = this.nextChild('ID_SET'); name !== undefined; name = this.nextChild('ID_SET')) {
			if (name === 'ID') {
				const id = this.leaf(name);
				if (id === '') giveUp();
				ids.push({id: own(id)} as Host);
			} else if (name === 'ID_RANGE') {
				const range = this.leaf(name);
				if (range === '') giveUp();
				ranges.push(range);
			} else this.skip(name, 4);
		}
		let budget = MAX_RANGE;
		for (const range of ranges) {
			const match = ID_RANGE.exec(range);
			const first = match ? Number(match[1]) : Number.NaN;
			const last = match ? (match[2] === undefined ? first : Number(match[2])) : Number.NaN;
			if (!Number.isSafeInteger(first) || !Number.isSafeInteger(last) || last < first || last - first >= budget) giveUp();
			for (let id = first; id <= last; id++) ids.push({id: String(id)} as Host);
			budget -= last - first + 1;
		}
		return ids;
	}

	/** WARNING/URL, trimmed, when WARNING/CODE is 1980 and the URL is not blank. */
	private warning(): string | undefined {
		if (this.isSelfClosing) return undefined;
		let code: string | undefined;
		let url: string | undefined;
		for (let name = this.nextChild('WARNING'); name !== undefined; name = this.nextChild('WARNING')) {
			if (name === 'CODE') {
				if (code !== undefined) giveUp();
				code = this.leaf(name);
			} else if (name === 'URL') {
				if (url !== undefined) giveUp();
				url = this.leaf(name);
			} else this.skip(name, 4);
		}
		return code === '1980' && url !== undefined && url.trim() !== '' ? url.trim() : undefined;
	}
}

/**
 * Maps a HOST_LIST_OUTPUT body (already checked for emptiness and entity declarations) straight to a
 * page. Undefined when the body is not in the well-formed subset the scanner fully understands; the
 * caller then validates and parses it the reference way.
 */
export function scanHostList(text: string): ParsedHostList | undefined {
	try {
		const steps = new Scanner(text).scan();
		for (;;) {
			const step = steps.next();
			if (step.done) return step.value;
		}
	} catch {
		// GIVE_UP, a RangeError (e.g. a list too long) or a bug: the reference path decides.
		return undefined;
	}
}

/**
 * scanHostList spread over turns of the event loop: it scans for about `sliceMs`, then lets
 * whatever waits (a keypress, a frame) run before going on. The same result, or undefined, as
 * scanHostList; rejects with the signal's reason when it is aborted between slices.
 */
export async function scanHostListInSlices(text: string, {sliceMs = 2, signal}: {readonly sliceMs?: number; readonly signal?: AbortSignal} = {}): Promise<ParsedHostList | undefined> {
	let steps: Generator<void, ParsedHostList, undefined>;
	try {
		steps = new Scanner(text).scan();
	} catch {
		return undefined;
	}

	for (;;) {
		const sliceEnd = performance.now() + sliceMs;
		try {
			for (;;) {
				const step = steps.next();
				if (step.done) return step.value;
				if (performance.now() >= sliceEnd) break;
			}
		} catch {
			return undefined;
		}

		// Two hops through setImmediate. A key read while this slice ran schedules its render with
		// setImmediate too (React's scheduler), behind our first hop: the render runs right after it,
		// and the next slice only one loop turn later. A single hop would run the next slice first
		// (the key waits a whole slice longer); a timer would leave the thread idle ≥ 1 ms per slice.
		await new Promise<void>(resolve => {
			setImmediate(() => setImmediate(resolve));
		});
		signal?.throwIfAborted();
	}
}

// Pages mapped by the scanner, by the document parseXml returned for them; taken once.
const pages = new WeakMap<XmlNode, ParsedHostList>();

/**
 * For a host-list body the scanner maps: a document that stands for the tree (its root's RESPONSE
 * is built by fast-xml-parser only when someone reads it, via `buildTree`) with the page attached.
 * Undefined when the scanner gave up.
 */
export function fastHostListDocument(text: string, buildTree: () => XmlNode): XmlNode | undefined {
	const page = scanHostList(text);
	if (page === undefined) return undefined;
	const output = {};
	Object.defineProperty(output, 'RESPONSE', {
		enumerable: true,
		configurable: true,
		get: () => {
			// First read: build the tree once and become a plain data property.
			const value = (buildTree()[ROOT] as XmlNode).RESPONSE;
			Object.defineProperty(output, 'RESPONSE', {value, enumerable: true, configurable: true, writable: true});
			return value;
		},
	});
	const document: XmlNode = {[ROOT]: output};
	pages.set(document, page);
	return document;
}

/** The page the scanner mapped for this document, once (a second call maps the tree again, as before). */
export function takeScannedPage(document: XmlNode): ParsedHostList | undefined {
	const page = pages.get(document);
	if (page !== undefined) pages.delete(document);
	return page;
}
