import type {SimulatorApi} from './types.js';
import {XML_DECLARATION} from './xml.js';

const ROOTS: Record<SimulatorApi, string> = {
	'session': 'SIMPLE_RETURN',
	'host-list': 'HOST_LIST_OUTPUT',
	'scan-list': 'SCAN_LIST_OUTPUT',
	'about': 'ABOUT',
};

/** A document that is not well-formed: mismatched and unclosed tags, a bare `&`. */
export function malformedBody(api: SimulatorApi, datetime: string): string {
	const root = ROOTS[api];
	return `${XML_DECLARATION}<${root}>\n  <RESPONSE>\n    <DATETIME>${datetime}</DATETIME>\n    <HOST_LIST>\n      <HOST><ID>1000103</ID><IP>10.0.0.1</HOST>\n      <HOST><ID>1000112<ID><DNS>R&D</DNS></HOST>\n  </RESPONS>\n<${root}>\n`;
}

/** The "billion laughs": ten levels of entities, each ten times the one below, used in a text node. */
export function entityBombBody(api: SimulatorApi, datetime: string): string {
	const root = ROOTS[api];
	const levels = ['  <!ENTITY lol0 "lol">'];
	for (let level = 1; level <= 9; level++) {
		levels.push(`  <!ENTITY lol${level} "${`&lol${level - 1};`.repeat(10)}">`);
	}
	return `${XML_DECLARATION}<!DOCTYPE ${root} [\n${levels.join('\n')}\n]>\n<${root}>\n  <RESPONSE>\n    <DATETIME>${datetime}</DATETIME>\n    <HOST_LIST>\n      <HOST>\n        <ID>1000103</ID>\n        <DNS>&lol9;</DNS>\n      </HOST>\n    </HOST_LIST>\n  </RESPONSE>\n</${root}>\n`;
}
