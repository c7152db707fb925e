import {CONFIDENTIAL_COMMENT, EVALUATION_COMMENT, XML_DECLARATION, doctype, type DocumentFrame} from './xml.js';

/** Version numbers the simulator claims to run ([U]: any plausible values do). */
export const ABOUT_VERSIONS = {
	web: '10.38.2-1',
	scanner: '13.5.21-1',
	vulnsigs: '2.6.123-2',
} as const;

/** Renders `/msp/about.php` (qualys-api.md §6), including the `Generated for username=` comment. */
export function renderAbout(origin: string, frame: DocumentFrame, username: string, datetime: string): string {
	// A comment cannot contain "--"; usernames are ours (options.users), but stay safe.
	const safeName = username.replaceAll('-', '_').replaceAll('"', "'");
	return (
		XML_DECLARATION +
		doctype('ABOUT', origin, '/about.dtd') +
		(frame.isEvaluation ? EVALUATION_COMMENT : '') +
		'<ABOUT>\n' +
		'  <API-VERSION MAJOR="1" MINOR="4" />\n' +
		`  <WEB-VERSION>${ABOUT_VERSIONS.web}</WEB-VERSION>\n` +
		`  <SCANNER-VERSION>${ABOUT_VERSIONS.scanner}</SCANNER-VERSION>\n` +
		`  <VULNSIGS-VERSION>${ABOUT_VERSIONS.vulnsigs}</VULNSIGS-VERSION>\n` +
		'</ABOUT>\n' +
		(frame.isEvaluation ? EVALUATION_COMMENT : '') +
		`<!-- Generated for username="${safeName}" date="${datetime}" -->\n` +
		CONFIDENTIAL_COMMENT
	);
}
