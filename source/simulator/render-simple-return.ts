import {doctype, documentEnd, documentStart, escapeXml, type DocumentFrame} from './xml.js';

/** What goes into a `SIMPLE_RETURN` document. */
export interface SimpleReturn {
	readonly datetime: string;
	readonly code?: number;
	readonly text: string;
	readonly items?: ReadonlyArray<readonly [key: string, value: string]>;
}

/** Renders `SIMPLE_RETURN > RESPONSE > DATETIME, CODE?, TEXT, ITEM_LIST?` (qualys-api.md §7). */
export function renderSimpleReturn(origin: string, frame: DocumentFrame, reply: SimpleReturn): string {
	const items = reply.items?.length
		? `    <ITEM_LIST>\n${reply.items.map(([key, value]) => `      <ITEM>\n        <KEY>${escapeXml(key)}</KEY>\n        <VALUE>${escapeXml(value)}</VALUE>\n      </ITEM>\n`).join('')}    </ITEM_LIST>\n`
		: '';
	return (
		documentStart(frame, doctype('SIMPLE_RETURN', origin, '/api/2.0/simple_return.dtd')) +
		'<SIMPLE_RETURN>\n  <RESPONSE>\n' +
		`    <DATETIME>${reply.datetime}</DATETIME>\n` +
		(reply.code === undefined ? '' : `    <CODE>${reply.code}</CODE>\n`) +
		`    <TEXT>${escapeXml(reply.text)}</TEXT>\n` +
		items +
		'  </RESPONSE>\n</SIMPLE_RETURN>\n' +
		documentEnd(frame)
	);
}
