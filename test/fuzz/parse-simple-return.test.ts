// Property-based fuzzing of the error path: parseSimpleReturn on SIMPLE_RETURN / v1 RETURN
// documents, and classifyResponse (status + CODE → the right QualysError) on any body a server
// or proxy could send: broken Qualys documents, HTML pages, random text.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import {classifyResponse} from '../../source/api/classify-response.js';
import {
	AccountError,
	ApiError,
	AuthError,
	ConcurrencyLimitError,
	ParseError,
	QualysError,
	RateLimitError,
} from '../../source/api/errors.js';
import {parseSimpleReturn} from '../../source/api/parse-simple-return.js';
import {sanitizeServerText} from '../../source/api/sanitize-server-text.js';
import {parseXml, rootElementName} from '../../source/api/xml.js';
import {assertDisplaySafe, FUZZ_RUNS, hostListDocument, htmlDocument, mutated, runBounded, scanListDocument, simpleReturnDocument, textValue, UNSAFE_FOR_DISPLAY} from './documents.js';

const anyBody = fc.oneof(
	{arbitrary: mutated(simpleReturnDocument), weight: 4},
	{arbitrary: mutated(hostListDocument), weight: 1},
	{arbitrary: mutated(scanListDocument), weight: 1},
	{arbitrary: mutated(htmlDocument), weight: 2},
	{arbitrary: textValue, weight: 1},
);

const status = fc.oneof(fc.constantFrom(200, 200, 400, 401, 403, 404, 409, 500, 502, 503), fc.integer({min: 100, max: 599}));

const headerValue = fc.oneof(fc.nat().map(String), fc.constantFrom('-1', '1e3', 'NaN', ' 60 ', '', '99999999999999999999', '5, 5', '0x10'), textValue.filter(text => !/[\r\n\0]/.test(text)));

function headers(values: Readonly<Record<string, string | undefined>>): Headers {
	const result = new Headers();
	for (const [name, value] of Object.entries(values)) {
		// Headers refuses what HTTP cannot carry (controls, non-Latin-1); a real response cannot either.
		if (value !== undefined && /^[\t\x20-\x7e\x80-\xff]*$/.test(value)) result.set(name, value);
	}
	return result;
}

test('SIMPLE_RETURN documents, intact or broken, give a reading or ParseError from parseXml', () => {
	fc.assert(
		fc.property(mutated(simpleReturnDocument), text => {
			const {value: simple} = runBounded(() => parseSimpleReturn(parseXml(text)), ParseError);
			if (!simple) return;
			if (simple.code !== undefined) assert.ok(Number.isSafeInteger(simple.code) && simple.code >= 0, `code ${simple.code}`);
			if (simple.text !== undefined) assert.equal(typeof simple.text, 'string');
			for (const [key, value] of simple.items) assert.ok(typeof key === 'string' && typeof value === 'string');
			assertDisplaySafe(simple);
		}),
		{numRuns: FUZZ_RUNS},
	);
});

test('classifyResponse turns any answer into the expected document or a QualysError with printable text', () => {
	fc.assert(
		fc.property(
			anyBody,
			status,
			fc.constantFrom('SIMPLE_RETURN', 'HOST_LIST_OUTPUT', 'SCAN_LIST_OUTPUT', 'ABOUT'),
			headerValue,
			(text, code, expectedRoot, wait) => {
				const response = {status: code, headers: headers({'x-ratelimit-towait-sec': wait}), text};
				const {value: document, error} = runBounded(() => classifyResponse(response, expectedRoot, {method: 'GET', path: '/api/x/', status: code}));
				if (document) {
					assert.ok(code >= 200 && code < 300, 'a document is only returned for a 2xx');
					assert.equal(rootElementName(document), expectedRoot);
					return;
				}
				assert.ok(error instanceof QualysError);
				if (error instanceof RateLimitError && error.waitSeconds !== undefined) assert.ok(Number.isSafeInteger(error.waitSeconds) && error.waitSeconds >= 0);
				if (error instanceof ConcurrencyLimitError && error.callsToFinish !== undefined) assert.ok(Number.isSafeInteger(error.callsToFinish) && error.callsToFinish >= 0);
				if (error.code !== undefined) assert.ok(Number.isSafeInteger(error.code) && error.code >= 0);
				assert.ok(error.exitCode === 2 || error.exitCode === 3 || error.exitCode === 4 || error.exitCode === 5);
			},
		),
		{numRuns: FUZZ_RUNS},
	);
});

const CODE_CLASSES: ReadonlyArray<readonly [number, new (...args: never[]) => QualysError]> = [
	[2000, AuthError],
	[2001, AccountError],
	[2002, AccountError],
	[2003, AccountError],
	[2011, AccountError],
	[2012, AccountError],
	[1965, RateLimitError],
	[1960, ConcurrencyLimitError],
	[1901, ApiError],
	[1905, ApiError],
	[1920, ApiError],
	[1981, ApiError],
	[999, ApiError],
	[1999, ApiError],
];

test('a SIMPLE_RETURN CODE decides the error class whatever the HTTP status and text', () => {
	fc.assert(
		fc.property(fc.constantFrom(...CODE_CLASSES), status, textValue, ([code, errorClass], httpStatus, serverText) => {
			const cdata = `<![CDATA[${serverText.split(']]>').join(']]]]><![CDATA[>')}]]>`;
			const text = `<?xml version="1.0" encoding="UTF-8" ?><SIMPLE_RETURN><RESPONSE><DATETIME>2022-02-01T12:00:00Z</DATETIME><CODE>${code}</CODE><TEXT>${cdata}</TEXT></RESPONSE></SIMPLE_RETURN>`;
			const {error} = runBounded(() => classifyResponse({status: httpStatus, headers: new Headers(), text}, 'HOST_LIST_OUTPUT', {status: httpStatus}));
			// XML 1.0 does not allow every character; fast-xml-parser refuses a few (ParseError is right then).
			if (error instanceof ParseError) return;
			assert.ok(error instanceof errorClass, `code ${code} gave ${error?.name}`);
			assert.equal(error.code, code);
		}),
		{numRuns: FUZZ_RUNS},
	);
});

test('quoted server text is one printable line of bounded length', () => {
	fc.assert(
		fc.property(fc.oneof(textValue, fc.string({unit: 'binary', maxLength: 400})), fc.integer({min: 2, max: 300}), (text, max) => {
			const clean = sanitizeServerText(text, max);
			assert.doesNotMatch(clean, UNSAFE_FOR_DISPLAY, JSON.stringify(clean.slice(0, 80)));
			assert.ok(clean.length <= max, `${clean.length} > ${max}`);
		}),
		{numRuns: FUZZ_RUNS},
	);
});
