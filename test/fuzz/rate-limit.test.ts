// Property-based fuzzing of the limit headers (qualys-api.md §6): whatever a server or proxy puts
// in X-RateLimit-* / X-Concurrency-Limit-* — missing, negative, huge, non-numeric, padded, or
// duplicated (Fetch joins repeats with ', ') — each field is a number or undefined, never NaN,
// Infinity or negative.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import {parseRateLimit} from '../../source/api/rate-limit.js';
import {FUZZ_RUNS, textValue} from './documents.js';

const HEADERS = ['X-RateLimit-Limit', 'X-RateLimit-Window-Sec', 'X-RateLimit-Remaining', 'X-RateLimit-ToWait-Sec', 'X-Concurrency-Limit-Limit', 'X-Concurrency-Limit-Running'];
const FIELDS = ['limit', 'windowSec', 'remaining', 'toWaitSec', 'concurrencyLimit', 'concurrencyRunning'] as const;

const oneValue = fc.oneof(
	{arbitrary: fc.nat({max: 1e9}).map(String), weight: 4},
	{arbitrary: fc.integer({min: -1e12, max: -1}).map(String), weight: 1},
	{arbitrary: fc.bigInt({min: 10n ** 9n, max: 10n ** 40n}).map(String), weight: 1},
	{arbitrary: fc.constantFrom('', ' ', '\t', 'NaN', 'Infinity', '-Infinity', '1e3', '1e400', '0x10', '0b1', '+5', '5.0', '5.5', '-0', '00042', '\u0663', '５', '1_000', 'null', 'undefined'), weight: 2},
	{arbitrary: fc.tuple(fc.constantFrom(' ', '\t', '  '), fc.nat({max: 1e9}), fc.constantFrom(' ', '\t', '')).map(([before, n, after]) => `${before}${n}${after}`), weight: 1},
	{arbitrary: textValue, weight: 1},
);

// Undefined = header absent; an array = the header repeated.
const headerValue = fc.option(fc.oneof({arbitrary: oneValue, weight: 4}, {arbitrary: fc.array(oneValue, {minLength: 2, maxLength: 3}), weight: 1}), {nil: undefined});

const nameCase = fc.constantFrom((name: string) => name, (name: string) => name.toLowerCase(), (name: string) => name.toUpperCase());

/** What the parser may return for one field: a count it could read, or nothing. */
function assertField(value: unknown, field: string): void {
	if (value === undefined) return;
	assert.ok(typeof value === 'number' && Number.isSafeInteger(value) && value >= 0, `${field} = ${String(value)}`);
}

// Header values a Fetch Headers object accepts (no controls other than tab, Latin-1 only).
const isHttpValue = (value: string) => /^[\t\x20-\x7e\x80-\xff]*$/.test(value);

test('Fetch Headers (repeats joined with ", ") give numbers or undefined, never NaN, Infinity or negative', () => {
	fc.assert(
		fc.property(fc.array(headerValue, {minLength: 6, maxLength: 6}), nameCase, (values, casing) => {
			const headers = new Headers();
			values.forEach((value, index) => {
				for (const each of value === undefined ? [] : Array.isArray(value) ? value : [value]) if (isHttpValue(each)) headers.append(casing(HEADERS[index]!), each);
			});
			const reading = parseRateLimit('host-list', headers, 1000);
			if (reading === undefined) return;
			for (const field of FIELDS) assertField(reading[field], field);
			assert.equal(reading.readAt, 1000);
		}),
		{numRuns: FUZZ_RUNS},
	);
});

test('plain header records (node:http style, repeats as arrays) give numbers or undefined', () => {
	fc.assert(
		fc.property(fc.array(headerValue, {minLength: 6, maxLength: 6}), nameCase, (values, casing) => {
			const record: Record<string, string | string[] | undefined> = {};
			values.forEach((value, index) => {
				record[casing(HEADERS[index]!)] = value;
			});
			const reading = parseRateLimit('about', record, 0);
			if (reading === undefined) return;
			for (const field of FIELDS) assertField(reading[field], field);
		}),
		{numRuns: FUZZ_RUNS},
	);
});

test('a plain count is read exactly, with or without surrounding whitespace', () => {
	fc.assert(
		fc.property(fc.array(fc.nat({max: 1e9}), {minLength: 6, maxLength: 6}), fc.constantFrom('', ' ', '\t'), (numbers, pad) => {
			const headers = new Headers(HEADERS.map((name, index) => [name, `${pad}${numbers[index]}${pad}`]));
			const reading = parseRateLimit('scan-list', headers, 0);
			assert.ok(reading);
			FIELDS.forEach((field, index) => assert.equal(reading[field], numbers[index], field));
		}),
		{numRuns: FUZZ_RUNS},
	);
});

test('no readable header gives undefined, not an empty reading', () => {
	assert.equal(parseRateLimit('host-list', new Headers({'X-RateLimit-Limit': 'NaN', 'X-RateLimit-Remaining': '-1'}), 0), undefined);
	assert.equal(parseRateLimit('host-list', {}, 0), undefined);
});
