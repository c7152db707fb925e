import {parseHostList} from './parse-host-list.js';
import {parseXml} from './xml.js';

const tinyHostList =
	'<?xml version="1.0" encoding="UTF-8" ?><HOST_LIST_OUTPUT><RESPONSE><DATETIME>2026-01-01T00:00:00Z</DATETIME>' +
	'<HOST_LIST><HOST><ID>1</ID><IP>10.0.0.1</IP><TRACKING_METHOD>IP</TRACKING_METHOD><DNS><![CDATA[a.example.com]]></DNS></HOST></HOST_LIST>' +
	'</RESPONSE></HOST_LIST_OUTPUT>';

/**
 * Loads what the first request needs and warms the host-list parser, so that the login and the
 * first page, the moments an operator waits for, are not also the coldest code in the process.
 * Meant to run while the operator types the password; never throws.
 */
export async function warmUpClient(): Promise<void> {
	try {
		// Node's own fetch is loaded on first touch of the global (~15 ms), undici for the dispatcher on first import.
		void globalThis.fetch;
		await import('undici');
		for (let i = 0; i < 20; i++) parseHostList(parseXml(tinyHostList));
	} catch {
		// Only a head start: the real request loads the same things and reports any failure itself.
	}
}
