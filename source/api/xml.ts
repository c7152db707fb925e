import {XMLParser, XMLValidator} from 'fast-xml-parser';
import {ParseError, type RequestInfo} from './errors.js';
import {fastHostListDocument} from './fast-host-list.js';

/** A parsed XML element: child elements by name, attributes as `@_name`, text as `#text` when mixed. */
export type XmlNode = {readonly [name: string]: XmlValue};
/** A parsed value: text, an element, or a repeated element. */
export type XmlValue = string | XmlNode | readonly XmlValue[];

// Elements that can repeat without a wrapper telling the count (qualys-api.md §4, §5, §7): they are
// always arrays, so one HOST is still a list. `ID` only repeats inside ID_SET (HOST/ID is single).
const ALWAYS_ARRAY = new Set([
	'HOST',
	'TAG',
	'ATTRIBUTE',
	'SCAN',
	'ITEM',
	'ASSET_GROUP_TITLE',
	'ID_RANGE',
	'WARNING',
]);

// The one parser configuration of the client (STYLE habit 6).
const parser = new XMLParser({
	// Values stay strings: `<QG_HOSTID>00</QG_HOSTID>` must not become 0.
	parseTagValue: false,
	parseAttributeValue: false,
	// v1 `/msp/` documents carry data in attributes (ABOUT/API-VERSION, RETURN status/number).
	ignoreAttributes: false,
	attributeNamePrefix: '@_',
	// Free text comes as `\n  <![CDATA[…]]>\n` in doc samples.
	trimValues: true,
	ignoreDeclaration: true,
	ignorePiTags: true,
	jPath: true,
	isArray: (name, jpath) =>
		ALWAYS_ARRAY.has(name) || (name === 'ID' && typeof jpath === 'string' && jpath.endsWith('ID_SET.ID')),
	// Only the predefined entities are decoded: documents with an internal DTD subset are refused
	// before parsing (see parseXml), so no DOCTYPE entity ever reaches the expander. The limits are
	// a second fence.
	processEntities: {enabled: true, maxEntityCount: 0, maxEntitySize: 0, maxExpandedLength: 0},
	htmlEntities: false,
});

// `<!DOCTYPE NAME [` — an internal subset, the only place entities can be declared. Qualys sends
// `<!DOCTYPE NAME SYSTEM "…dtd">` only (qualys-api.md §8).
const INTERNAL_SUBSET = /<!DOCTYPE\s+[^\s>[]+(?:\s+(?:SYSTEM|PUBLIC)\s+(?:"[^"]*"|'[^']*')(?:\s+(?:"[^"]*"|'[^']*'))?)?\s*\[/i;

/**
 * Parses an XML body with the client's one configuration. Throws ParseError for an empty body,
 * a document declaring entities (billion laughs and friends are refused, never expanded), and any
 * malformed or truncated document (validated first, so a cut-off body is never a partial list).
 * A HOST_LIST_OUTPUT in the plain subset Qualys sends is checked and mapped by fast-host-list.ts
 * instead; the returned document then builds its tree only when read past the root.
 */
export function parseXml(text: string, info: RequestInfo = {}): XmlNode {
	return parseChecked(text, info, true);
}

/** parseXml without the host-list scanner: always the full fast-xml-parser tree (the reference path). */
export function parseXmlTree(text: string, info: RequestInfo = {}): XmlNode {
	return parseChecked(text, info, false);
}

function parseChecked(text: string, info: RequestInfo, isScanAllowed: boolean): XmlNode {
	if (text.trim() === '') {
		throw new ParseError('The server answered with an empty body.', {
			...info,
			hint: 'Try again; if it persists the API server or a proxy in between is failing.',
		});
	}
	if (declaresEntities(text)) {
		throw new ParseError('The response declares its own XML entities; it was refused unparsed.', {
			...info,
			hint: 'Qualys never sends entity declarations; check the API URL and any proxy in between.',
		});
	}
	const buildTree = (): XmlNode => {
		try {
			return parser.parse(text) as XmlNode;
		} catch (error) {
			throw new ParseError('The response XML could not be parsed.', {
				...info,
				hint: 'Try again; if it persists, report the response to the maintainers.',
				cause: error,
			});
		}
	};
	// Host lists are mapped by a single-pass scanner (fast-host-list.ts), which checks well-formedness
	// itself for the plain subset of XML it accepts (at least as strictly as XMLValidator: a body cut
	// at any byte is never accepted); the tree is then built only if something reads past the root.
	// Anything the scanner does not fully understand is validated and parsed here as before.
	const scanned = isScanAllowed ? fastHostListDocument(text, buildTree) : undefined;
	if (scanned) return scanned;
	const validation = XMLValidator.validate(text);
	if (validation !== true) {
		const {line, col} = validation.err;
		// Fuzz fix: some validator errors have no column ("near line 1, column undefined").
		const where = Number.isInteger(line) ? ` near line ${line}${Number.isInteger(col) ? `, column ${col}` : ''}` : '';
		throw new ParseError(`The response is not well-formed XML (truncated or malformed${where}).`, {
			...info,
			hint: 'Try again; a connection that drops mid-body leaves a cut-off document.',
		});
	}
	return buildTree();
}

/** True when the prolog (before the root element) has a DOCTYPE with an internal subset. */
function declaresEntities(text: string): boolean {
	// Only the prolog counts: the same characters inside CDATA in the body are just text. Finding
	// the root start is cheap (the first match is near the top), so a 50 MiB body costs nothing extra.
	const root = FIRST_ELEMENT.exec(text);
	const prolog = root === null ? text : text.slice(0, root.index);
	return INTERNAL_SUBSET.test(prolog);
}

const FIRST_ELEMENT = /<[A-Za-z_]/;

/** The name of the document's root element (declaration and comments are not in the parsed tree). */
export function rootElementName(document: XmlNode): string | undefined {
	for (const name in document) {
		if (!name.startsWith('?') && !name.startsWith('#')) return name;
	}
	return undefined;
}

/** The text of a node: strings as-is, `#text` of elements with attributes, else undefined. */
export function textOf(value: XmlValue | undefined): string | undefined {
	if (value === undefined) return undefined;
	if (typeof value === 'string') return value;
	if (Array.isArray(value)) return textOf(value[0] as XmlValue | undefined);
	const text = (value as XmlNode)['#text'];
	return typeof text === 'string' ? text : typeof value === 'object' ? '' : undefined;
}

/** A child element as an object, or undefined when absent or a bare text node. */
export function childNode(node: XmlNode | undefined, name: string): XmlNode | undefined {
	const value = node?.[name];
	if (value === undefined || typeof value === 'string') return undefined;
	if (Array.isArray(value)) {
		const first = value[0];
		return typeof first === 'object' && first !== null && !Array.isArray(first) ? (first as XmlNode) : undefined;
	}
	return value as XmlNode;
}

/** A repeated child element as an array of objects (empty when absent). */
export function childNodes(node: XmlNode | undefined, name: string): readonly XmlNode[] {
	const value = node?.[name];
	if (value === undefined) return [];
	const list = Array.isArray(value) ? value : [value];
	const result: XmlNode[] = [];
	for (const item of list) {
		if (typeof item === 'object' && item !== null && !Array.isArray(item)) result.push(item as XmlNode);
		// `<HOST></HOST>` parses as ''; treat it as an element without children.
		else if (item === '') result.push({});
	}
	return result;
}
