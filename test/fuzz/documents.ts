// Shared pieces of the parser fuzz tests: fast-check arbitraries that build Qualys documents from
// their real shapes (qualys-api.md §4, §5, §7), mutations that break them the way networks,
// proxies and hostile servers do, and the invariants every outcome must meet.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {QualysError} from '../../source/api/errors.js';
import {sanitizeText} from '../../source/lib/sanitize-text.js';

/** Runs per property: 2,000 in `npm test`, 50,000 in `npm run fuzz`. */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 2000);

/** Upper bound of one case's parse + map, whatever the input (the inputs are bounded to ~300 kB). */
export const MAX_CASE_MS = 2000;

/**
 * What must never reach a terminal: C0 controls (ESC, BEL, CR, LF, TAB included), DEL, C1 controls
 * (8-bit CSI/OSC…), bidi marks/embeddings/overrides/isolates (U+061C, U+200E/F, U+202A–202E,
 * U+2066–2069), zero-width and invisible characters (U+200B–200D, U+2060–2064, U+FEFF), line and
 * paragraph separators, lone surrogates.
 */
export const UNSAFE_FOR_DISPLAY = /[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

// Terminal attacks and invisible text as a hostile server would send them raw.
const HOSTILE = [
	'\u001B[2J\u001B[H',
	'\u001B]0;pwned\u0007',
	'\u001B]52;c;ZXZpbA==\u0007',
	'\u001B]8;;https://evil.example\u001B\\link\u001B]8;;\u001B\\',
	'\u001BP+q\u001B\\',
	'\u009B31m',
	'\u009D0;x\u009C',
	'\u001B',
	'\u0007',
	'\u0000',
	'\r\n',
	'\u0085',
	'\u202Eevil\u202C',
	'\u2066\u2069',
	'\u061C',
	'\u200B\u200D\uFEFF',
	'\u2028\u2029',
	'\uD800',
	'\uDC00x',
	'\u{E0041}',
];

// Entities: predefined, numeric (some decoding to controls), undeclared, broken.
const ENTITIES = ['&amp;', '&lt;', '&gt;', '&quot;', '&apos;', '&#27;', '&#x1b;', '&#x9B;', '&#0;', '&#xD800;', '&#1114112;', '&#x202E;', '&foo;', '&', '&#;', '&#x;', '&amp;amp;', '&lt;HOST&gt;'];

// CDATA sections, whole, empty, split, unterminated and carrying markup or escapes.
const CDATA = ['<![CDATA[]]>', '<![CDATA[x]]>', ']]>', '<![CDATA[', '<![CDATA[a]]]]><![CDATA[>]]>', '<![CDATA[<HOST><ID>1</ID></HOST>]]>', '<![CDATA[\u001B[2J]]>', '<![CDATA[<![CDATA[]]>]]>'];

// Tag fragments that confuse structure, and names that are dangerous as object keys.
const TAG_BITS = ['<HOST>', '</HOST>', '<ID>', '</ID>', '<ID_RANGE>', '<SCAN>', '<REF>', '<CODE>', '<RESPONSE>', '</RESPONSE>', '<__proto__>', '<constructor/>', '<toString>x</toString>', '<hasOwnProperty/>', '<!-- c -->', '<?pi x?>', '<!DOCTYPE x [<!ENTITY a "b">]>', '<a b="1" b="2">', '<', '>', '/>'];

/** A text value: printable, any code unit, hostile, entity-laden, CDATA-ish, numeric edge, or huge. */
export const textValue: fc.Arbitrary<string> = fc.oneof(
	{arbitrary: fc.string({maxLength: 30}), weight: 40},
	{arbitrary: fc.string({unit: 'binary', maxLength: 20}), weight: 20},
	{arbitrary: fc.string({unit: fc.integer({min: 0, max: 0xffff}).map(code => String.fromCharCode(code)), maxLength: 12}), weight: 20},
	{arbitrary: fc.array(fc.oneof(fc.string({maxLength: 6}), fc.constantFrom(...HOSTILE), fc.constantFrom(...ENTITIES), fc.constantFrom(...CDATA)), {maxLength: 6}).map(parts => parts.join('')), weight: 40},
	{arbitrary: fc.constantFrom('0', '00', '-1', '99999999999999999999', '1e309', 'NaN', 'Infinity', '0x10', ' 7 ', '', ' '), weight: 10},
	// Huge values: rare per value (a document has dozens), so roughly one document in five has one.
	{arbitrary: fc.tuple(fc.constantFrom('A', '\u001B[1m', 'é', '&amp;', '\u202E'), fc.integer({min: 1000, max: 30_000})).map(([unit, count]) => unit.repeat(count)), weight: 1},
);

/** How a text value is put in the document. */
type TextEncoding = 'escaped' | 'cdata' | 'raw';

function encodeText(text: string, encoding: TextEncoding): string {
	if (encoding === 'raw') return text;
	if (encoding === 'cdata') return `<![CDATA[${text.split(']]>').join(']]]]><![CDATA[>')}]]>`;
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const encodedText: fc.Arbitrary<string> = fc
	.tuple(textValue, fc.constantFrom<TextEncoding>('escaped', 'escaped', 'cdata', 'cdata', 'raw'))
	.map(([text, encoding]) => encodeText(text, encoding));

const attributes: fc.Arbitrary<string> = fc.oneof(
	{arbitrary: fc.constant(''), weight: 8},
	{arbitrary: fc.constantFrom(' a="1"', ' id="x"', " q='&amp;'", ' xmlns="urn:x"'), weight: 1},
);

/** `<name attrs>content</name>`, sometimes self-closed when empty. */
function element(name: string, content: string, attrs = ''): string {
	return content === '' ? `<${name}${attrs}/>` : `<${name}${attrs}>${content}</${name}>`;
}

/** An element holding a text value. */
export const textElement = (name: string): fc.Arbitrary<string> => fc.tuple(encodedText, attributes).map(([text, attrs]) => element(name, text, attrs));

/** Optional element: present or not. */
const maybe = (arbitrary: fc.Arbitrary<string>): fc.Arbitrary<string> => fc.option(arbitrary, {nil: ''}) as fc.Arbitrary<string>;

/** Concatenated children; order shuffled a little by fast-check's subarray/shuffle. */
const children = (parts: readonly fc.Arbitrary<string>[]): fc.Arbitrary<string> => fc.tuple(...parts).chain(values => fc.shuffledSubarray(values, {minLength: 0})).map(values => values.join('\n'));

const numericId = fc.oneof(fc.nat().map(String), fc.bigInt({min: 0n, max: 10n ** 25n}).map(String));
const idElement = fc.oneof({arbitrary: numericId.map(id => `<ID>${id}</ID>`), weight: 5}, {arbitrary: textElement('ID'), weight: 1});

const HOST_TEXT_FIELDS = ['ASSET_ID', 'IP', 'IPV6', 'TRACKING_METHOD', 'NETWORK_ID', 'DNS', 'NETBIOS', 'OS', 'OS_CPE', 'QG_HOSTID', 'CLOUD_PROVIDER', 'CLOUD_RESOURCE_ID', 'EC2_INSTANCE_ID', 'LAST_VULN_SCAN_DATETIME', 'LAST_VM_SCANNED_DATE', 'LAST_VM_AUTH_SCANNED_DATE', 'LAST_COMPLIANCE_SCAN_DATETIME', 'OWNER', 'COMMENTS', 'LAST_VM_SCANNED_DURATION', 'ASSET_GROUP_IDS', 'UNKNOWN_FIELD'];

const tagElement = fc.tuple(maybe(numericId.map(id => `<TAG_ID>${id}</TAG_ID>`)), maybe(textElement('NAME'))).map(([id, name]) => element('TAG', `${id}${name}`));

/** One HOST as in HOST_LIST_OUTPUT (details=All, show_tags=1), fields in any order, some missing. */
export const hostElement: fc.Arbitrary<string> = fc
	.tuple(
		idElement,
		children([
			...HOST_TEXT_FIELDS.map(name => textElement(name)),
			fc.tuple(textElement('HOSTNAME'), textElement('FQDN')).map(([a, b]) => element('DNS_DATA', a + b)),
			fc.array(tagElement, {maxLength: 3}).map(tags => element('TAGS', tags.join(''))),
			fc.tuple(textElement('VALUE_1'), maybe(textElement('VALUE_2')), maybe(textElement('VALUE_3'))).map(values => element('USER_DEF', values.join(''))),
		]),
		fc.boolean(),
	)
	.map(([id, rest, isIdFirst]) => element('HOST', isIdFirst ? `${id}\n${rest}` : `${rest}\n${id}`));

const rangeValue = fc.oneof(
	{arbitrary: fc.tuple(fc.nat({max: 1e9}), fc.nat({max: 50})).map(([first, span]) => `${first}-${first + span}`), weight: 6},
	{arbitrary: fc.constantFrom('1-50000', '5-1', '-5', '7', '1-', ' 3 - 4 ', '1--2', '9007199254740993-9007199254740995', ''), weight: 2},
	{arbitrary: textValue, weight: 1},
);

const warningElement = fc
	.tuple(fc.constantFrom('1980', '1980', '999', 'x', ''), textElement('TEXT'), fc.oneof(fc.constant('<URL><![CDATA[https://qualysapi.qualys.com/api/2.0/fo/asset/host/?action=list&id_min=5]]></URL>'), textElement('URL')))
	.map(([code, text, url]) => element('WARNING', `<CODE>${code}</CODE>${text}${url}`));

const prolog = (root: string) =>
	fc.constantFrom('', '<?xml version="1.0" encoding="UTF-8" ?>\n', `<?xml version="1.0" encoding="UTF-8" ?>\n<!DOCTYPE ${root} SYSTEM "https://qualysapi.qualys.com/${root}.dtd">\n`, `<!DOCTYPE ${root} SYSTEM "x.dtd">\n`);

const trailer = fc.constantFrom('', '\n<!-- CONFIDENTIAL AND PROPRIETARY INFORMATION. //-->\n');

/** A HOST_LIST_OUTPUT: HOST_LIST with HOSTs, or ID_SET with IDs and ID_RANGEs, plus WARNINGs. */
export const hostListDocument: fc.Arbitrary<string> = fc
	.tuple(
		prolog('HOST_LIST_OUTPUT'),
		maybe(textElement('DATETIME')),
		fc.oneof(
			fc.array(hostElement, {maxLength: 4}).map(hosts => element('HOST_LIST', hosts.join('\n'))),
			fc.tuple(fc.array(idElement, {maxLength: 4}), fc.array(rangeValue.map(range => `<ID_RANGE>${encodeText(range, 'escaped')}</ID_RANGE>`), {maxLength: 3})).map(([ids, ranges]) => element('ID_SET', [...ids, ...ranges].join(''))),
			fc.constant(''),
		),
		fc.array(warningElement, {maxLength: 2}),
		trailer,
	)
	.map(([head, datetime, list, warnings, tail]) => `${head}<HOST_LIST_OUTPUT>\n<RESPONSE>${datetime}${list}${warnings.join('')}</RESPONSE>\n</HOST_LIST_OUTPUT>${tail}`);

const SCAN_TEXT_FIELDS = ['ID', 'TYPE', 'TITLE', 'USER_LOGIN', 'LAUNCH_DATETIME', 'PROCESSING_PRIORITY', 'TARGET', 'STATE'];

const durationElement = fc
	.oneof(
		fc.constantFrom('00:29:43', '2 days 03:04:05', '1 day 00:00:00', 'Pending', 'Running', 'pending', '99:59:59', '00:60:00', `${'9'.repeat(400)} days 00:00:01`, `${'9'.repeat(30)}:00:00`),
		textValue,
	)
	.map(duration => `<DURATION>${encodeText(duration, 'escaped')}</DURATION>`);

/** One SCAN as in SCAN_LIST_OUTPUT. */
export const scanElement: fc.Arbitrary<string> = fc
	.tuple(
		fc.oneof({arbitrary: fc.nat().map(n => `<REF>scan/1622541600.${n}</REF>`), weight: 4}, {arbitrary: textElement('REF'), weight: 1}),
		children([
			...SCAN_TEXT_FIELDS.map(name => textElement(name)),
			durationElement,
			fc.constantFrom('0', '1', '2', '', 'yes').map(value => `<PROCESSED>${value}</PROCESSED>`),
			fc.tuple(textElement('STATE'), maybe(textElement('SUB_STATE'))).map(([state, sub]) => element('STATUS', state + sub)),
			fc.tuple(textElement('TITLE'), fc.constantFrom('0', '1', 'x')).map(([title, flag]) => element('OPTION_PROFILE', `${title}<DEFAULT_FLAG>${flag}</DEFAULT_FLAG>`)),
			fc.array(textElement('ASSET_GROUP_TITLE'), {maxLength: 3}).map(titles => element('ASSET_GROUP_TITLE_LIST', titles.join(''))),
		]),
	)
	.map(([ref, rest]) => element('SCAN', `${ref}\n${rest}`));

/** A SCAN_LIST_OUTPUT with zero or more scans. */
export const scanListDocument: fc.Arbitrary<string> = fc
	.tuple(prolog('SCAN_LIST_OUTPUT'), maybe(textElement('DATETIME')), fc.option(fc.array(scanElement, {maxLength: 4}), {nil: undefined}), trailer)
	.map(([head, datetime, scans, tail]) => `${head}<SCAN_LIST_OUTPUT><RESPONSE>${datetime}${scans === undefined ? '' : element('SCAN_LIST', scans.join('\n'))}</RESPONSE></SCAN_LIST_OUTPUT>${tail}`);

const CODES = ['1901', '1903', '1905', '1920', '1960', '1965', '1981', '999', '1999', '2000', '2001', '2002', '2003', '2011', '2012'];

const itemElement = fc
	.tuple(fc.constantFrom('SECONDS_TO_WAIT', 'CALLS_TO_FINISH', 'OTHER'), fc.oneof(fc.nat().map(String), fc.constantFrom('-1', '1e9', '99999999999', ' 5 ', ''), textValue))
	.map(([key, value]) => `<ITEM><KEY>${key}</KEY><VALUE>${encodeText(value, 'escaped')}</VALUE></ITEM>`);

/** A SIMPLE_RETURN with or without CODE, TEXT and ITEM_LIST; or the v1 RETURN form. */
export const simpleReturnDocument: fc.Arbitrary<string> = fc.oneof(
	fc
		.tuple(prolog('SIMPLE_RETURN'), maybe(fc.oneof(fc.constantFrom(...CODES), fc.constantFrom('', '-1', '1234567', '12a', ' 2000 ')).map(code => `<CODE>${code}</CODE>`)), maybe(textElement('TEXT')), maybe(fc.array(itemElement, {maxLength: 3}).map(items => element('ITEM_LIST', items.join('')))))
		.map(([head, code, text, items]) => `${head}<SIMPLE_RETURN><RESPONSE><DATETIME>2022-02-01T12:00:00Z</DATETIME>${code}${text}${items}</RESPONSE></SIMPLE_RETURN>`),
	fc
		.tuple(fc.constantFrom('FAILED', 'SUCCESS', ''), fc.constantFrom(...CODES, 'x'), textElement('MESSAGE'))
		.map(([status, number, message]) => `<?xml version="1.0"?><USER_OUTPUT><RETURN status="${status}" number="${number}">${message}</RETURN></USER_OUTPUT>`),
);

/** HTML error pages from proxies and load balancers. */
export const htmlDocument: fc.Arbitrary<string> = fc
	.tuple(fc.constantFrom('<!DOCTYPE html>', '<html>', '  <HTML lang="en">', '<head>', '<body>'), textValue)
	.map(([start, title]) => `${start}<head><title>${title}</title></head><body><h1>502 Bad Gateway</h1></body></html>`);

/** One way of breaking a document. Positions are taken modulo the current size. */
export type Mutation =
	| {readonly kind: 'truncate-bytes'; readonly at: number}
	| {readonly kind: 'delete-token' | 'duplicate-token'; readonly at: number}
	| {readonly kind: 'swap-tokens'; readonly at: number; readonly other: number}
	| {readonly kind: 'insert'; readonly at: number; readonly text: string}
	| {readonly kind: 'random-bytes'; readonly at: number; readonly bytes: Uint8Array};

const insertion = fc.oneof(fc.constantFrom(...HOSTILE), fc.constantFrom(...ENTITIES), fc.constantFrom(...CDATA), fc.constantFrom(...TAG_BITS), textValue);

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
	fc.record({kind: fc.constant('truncate-bytes' as const), at: fc.nat()}),
	fc.record({kind: fc.constantFrom('delete-token' as const, 'duplicate-token' as const), at: fc.nat()}),
	fc.record({kind: fc.constant('swap-tokens' as const), at: fc.nat(), other: fc.nat()}),
	fc.record({kind: fc.constant('insert' as const), at: fc.nat(), text: insertion}),
	fc.record({kind: fc.constant('random-bytes' as const), at: fc.nat(), bytes: fc.uint8Array({minLength: 1, maxLength: 16})}),
);

// Tags, comments, CDATA sections and text runs: what "delete/duplicate/swap a tag" works on.
const TOKEN = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<[^>]*>|[^<]+/g;

/** Applies one mutation to a document. */
export function mutate(document: string, change: Mutation): string {
	if (change.kind === 'truncate-bytes' || change.kind === 'random-bytes') {
		const bytes = Buffer.from(document, 'utf8');
		const at = bytes.length === 0 ? 0 : change.at % (bytes.length + 1);
		// Cutting or splicing mid-character leaves invalid UTF-8, decoded to U+FFFD as a client would.
		if (change.kind === 'truncate-bytes') return bytes.subarray(0, at).toString('utf8');
		return Buffer.concat([bytes.subarray(0, at), change.bytes, bytes.subarray(at)]).toString('utf8');
	}
	const tokens = document.match(TOKEN) ?? [];
	if (tokens.length === 0) return change.kind === 'insert' ? change.text : document;
	const at = change.at % tokens.length;
	switch (change.kind) {
		case 'delete-token':
			tokens.splice(at, 1);
			break;
		case 'duplicate-token':
			tokens.splice(at, 0, tokens[at]!);
			break;
		case 'swap-tokens': {
			const other = change.other % tokens.length;
			[tokens[at], tokens[other]] = [tokens[other]!, tokens[at]!];
			break;
		}
		case 'insert':
			tokens.splice(change.at % (tokens.length + 1), 0, change.text);
			break;
	}
	return tokens.join('');
}

/** A document from `base`, then zero to four mutations (a third of the cases stay intact). */
export const mutated = (base: fc.Arbitrary<string>): fc.Arbitrary<string> =>
	fc.tuple(base, fc.oneof({arbitrary: fc.constant([] as Mutation[]), weight: 1}, {arbitrary: fc.array(mutation, {minLength: 1, maxLength: 4}), weight: 2})).map(([document, changes]) => changes.reduce(mutate, document));

/** Every string anywhere in a record (keys of plain objects excluded), for the display invariant. */
export function stringsIn(value: unknown, found: string[] = []): string[] {
	if (typeof value === 'string') found.push(value);
	else if (Array.isArray(value)) for (const item of value) stringsIn(item, found);
	else if (value instanceof Map) for (const [key, item] of value) stringsIn([key, item], found);
	else if (typeof value === 'object' && value !== null) for (const item of Object.values(value)) stringsIn(item, found);
	return found;
}

/** Every number anywhere in a record. */
export function numbersIn(value: unknown, found: number[] = []): number[] {
	if (typeof value === 'number') found.push(value);
	else if (Array.isArray(value)) for (const item of value) numbersIn(item, found);
	else if (typeof value === 'object' && value !== null) for (const item of Object.values(value)) numbersIn(item, found);
	return found;
}

/**
 * The display invariant. Records keep server text raw by design (`--json` exports it exactly; see
 * source/api/parse-host-list.ts: "Plain string children copied as-is"); the UI and the table
 * output put every field through sanitizeText before printing. So the property is: each string
 * of a record, after sanitizeText, is safe to print.
 */
export function assertDisplaySafe(record: unknown): void {
	for (const text of stringsIn(record)) {
		const shown = sanitizeText(text);
		assert.doesNotMatch(shown, UNSAFE_FOR_DISPLAY, `sanitizeText left an unsafe character in ${JSON.stringify(shown.slice(0, 80))}`);
	}
}

/** Numbers in records are finite and not negative (durations, seconds). */
export function assertSaneNumbers(record: unknown): void {
	for (const number of numbersIn(record)) assert.ok(Number.isFinite(number) && number >= 0, `number out of range: ${number}`);
}

/**
 * Runs one parse, bounded in time. Returns the result, or the error when it was a `expected`
 * error; any other throw fails the case. Errors must also be printable as they are (the CLI
 * writes message and hint to stderr unsanitised): one line, no unsafe character, bounded length.
 */
export function runBounded<T>(parse: () => T, expected: abstract new (...args: never[]) => Error = QualysError): {readonly value?: T; readonly error?: QualysError} {
	const started = performance.now();
	let outcome: {value?: T; error?: QualysError};
	try {
		outcome = {value: parse()};
	} catch (error) {
		if (!(error instanceof expected)) {
			throw new Error(`threw ${(error as Error)?.name ?? typeof error} instead of ${expected.name}: ${(error as Error)?.message}`, {cause: error});
		}
		const typed = error as unknown as QualysError;
		for (const text of [typed.message, typed.hint]) {
			assert.equal(typeof text, 'string');
			assert.doesNotMatch(text, UNSAFE_FOR_DISPLAY, `error text has an unsafe character: ${JSON.stringify(text.slice(0, 120))}`);
			assert.ok(text.length < 600, 'error text is short');
			assert.doesNotMatch(text, /(?:line|column|HTTP|code|within) (?:undefined|NaN)|\[object /, `error text shows a missing value (server text may say NaN, our words may not): ${JSON.stringify(text.slice(0, 120))}`);
		}
		outcome = {error: typed};
	}
	const elapsed = performance.now() - started;
	assert.ok(elapsed < MAX_CASE_MS, `one case took ${Math.round(elapsed)} ms`);
	return outcome;
}
