import {childNode, childNodes, rootElementName, textOf, type XmlNode} from './xml.js';

/** The parts of a `SIMPLE_RETURN` (or v1 `RETURN`) document the client acts on. */
export interface SimpleReturn {
	readonly datetime?: string;
	/** `RESPONSE/CODE`; absent on success replies. */
	readonly code?: number;
	/** `RESPONSE/TEXT`, raw server text (sanitise before showing). */
	readonly text?: string;
	/** `ITEM_LIST/ITEM` as KEY → VALUE. */
	readonly items: ReadonlyMap<string, string>;
}

/**
 * Reads SIMPLE_RETURN > RESPONSE > DATETIME, CODE?, TEXT, ITEM_LIST? (qualys-api.md §7), and the v1
 * `RETURN status="FAILED" number="…"` > MESSAGE form. Undefined when the document is neither.
 */
export function parseSimpleReturn(document: XmlNode): SimpleReturn | undefined {
	const simple = childNode(document, 'SIMPLE_RETURN');
	if (simple) {
		const response = childNode(simple, 'RESPONSE');
		const items = new Map<string, string>();
		for (const item of childNodes(childNode(response, 'ITEM_LIST'), 'ITEM')) {
			const key = textOf(item.KEY);
			if (key !== undefined) items.set(key, textOf(item.VALUE) ?? '');
		}
		return {
			datetime: textOf(response?.DATETIME),
			code: toCode(textOf(response?.CODE)),
			text: textOf(response?.TEXT),
			items,
		};
	}
	// v1 /msp/ errors: <RETURN status="FAILED" number="2000"><MESSAGE>…</MESSAGE></RETURN> (§7, [S]).
	// The wrapper's name varies per v1 function, so look one level down from any root.
	const root = rootElementName(document);
	const legacy = childNode(document, 'RETURN') ?? (root === undefined ? undefined : childNode(childNode(document, root), 'RETURN'));
	if (legacy) {
		const status = textOf(legacy['@_status'] as string | undefined);
		return {
			code: status === 'FAILED' ? toCode(textOf(legacy['@_number'] as string | undefined)) : undefined,
			text: textOf(legacy.MESSAGE) ?? textOf(legacy),
			items: new Map(),
		};
	}
	return undefined;
}

function toCode(text: string | undefined): number | undefined {
	if (text === undefined || !/^\d{1,6}$/.test(text)) return undefined;
	return Number(text);
}
