import {ParseError} from './errors.js';
import type {About} from './types.js';
import {childNode, textOf, type XmlNode} from './xml.js';

/** Maps `/msp/about.php` (qualys-api.md §6): ABOUT > API-VERSION@MAJOR/MINOR, WEB-VERSION, SCANNER-VERSION, VULNSIGS-VERSION. */
export function parseAbout(document: XmlNode): About {
	const about = childNode(document, 'ABOUT');
	if (!about) throw new ParseError('The response is not an about.php document.', {hint: 'Check the API URL.'});
	const result: Record<string, string> = {};
	const api = childNode(about, 'API-VERSION');
	const major = textOf(api?.['@_MAJOR'] as string | undefined);
	const minor = textOf(api?.['@_MINOR'] as string | undefined);
	if (major !== undefined) result.apiVersion = minor === undefined ? major : `${major}.${minor}`;
	const web = textOf(about['WEB-VERSION']);
	if (web) result.webVersion = web;
	const scanner = textOf(about['SCANNER-VERSION']);
	if (scanner) result.scannerVersion = scanner;
	const vulnsigs = textOf(about['VULNSIGS-VERSION']);
	if (vulnsigs) result.vulnsigsVersion = vulnsigs;
	return result;
}
