import {test} from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
	formatAge,
	formatCount,
	formatCountdown,
	formatDuration,
	formatQuotaRule,
	formatRelative,
	formatSeconds,
	formatWindow,
	formatWindowShort,
} from '../../source/lib/format.js';

const now = Date.parse('2026-01-10T12:00:00Z');

test('formats counts with thousands separators, unknown as ?', () => {
	assert.equal(formatCount(1234), '1,234');
	assert.equal(formatCount(0), '0');
	assert.equal(formatCount(1_234_567), '1,234,567');
	assert.equal(formatCount(undefined), '?');
	assert.equal(formatCount(Number.NaN), '?');
});

test('formats relative times in both directions', () => {
	assert.equal(formatRelative('2026-01-07T12:00:00Z', now), '3d ago');
	assert.equal(formatRelative('2026-01-10T11:55:00Z', now), '5m ago');
	assert.equal(formatRelative('2026-01-10T11:59:30Z', now), 'just now');
	assert.equal(formatRelative('2026-01-10T14:00:00Z', now), 'in 2h');
	assert.equal(formatRelative('2025-01-01T00:00:00Z', now), '1y ago');
	assert.equal(formatRelative('not a date', now), '?');
	assert.equal(formatRelative(undefined, now), '?');
});

test('formats scan durations', () => {
	assert.equal(formatDuration({kind: 'elapsed', seconds: 3720}), '1h 02m');
	assert.equal(formatDuration({kind: 'elapsed', seconds: 42}), '42s');
	assert.equal(formatDuration({kind: 'elapsed', seconds: 303}), '5m 03s');
	assert.equal(formatDuration({kind: 'elapsed', seconds: 2 * 86400 + 3 * 3600}), '2d 03h');
	assert.equal(formatDuration({kind: 'pending'}), 'pending');
	assert.equal(formatDuration({kind: 'running'}), 'running');
	assert.equal(formatDuration({kind: 'unknown', text: 'weird\x1b[2J'}), 'weird');
	assert.equal(formatSeconds(Number.NaN), '?');
});

test('formats rate-limit windows in words', () => {
	assert.equal(formatWindow(3600), '1 hour');
	assert.equal(formatWindow(7200), '2 hours');
	assert.equal(formatWindow(86400), '1 day');
	assert.equal(formatWindow(300), '5 minutes');
	assert.equal(formatWindow(5400), '90 minutes');
	assert.equal(formatWindow(1), '1 second');
	assert.equal(formatWindow(undefined), '?');
	assert.equal(formatWindowShort(3600), '1 h');
	assert.equal(formatWindowShort(300), '5 min');
	assert.equal(formatQuotaRule(300, 3600), '300 calls every 1 hour');
	assert.equal(formatQuotaRule(50, 86400), '50 calls every 1 day');
	assert.equal(formatQuotaRule(1, 86400), '1 call every 1 day');
	assert.equal(formatQuotaRule(undefined, undefined), '? calls every ?');
});

test('formats countdowns to the second, rounding up', () => {
	assert.equal(formatCountdown(75), '1m 15s');
	assert.equal(formatCountdown(5), '5s');
	assert.equal(formatCountdown(0.2), '1s');
	assert.equal(formatCountdown(0), '0s');
	assert.equal(formatCountdown(-3), '0s');
	assert.equal(formatCountdown(3725), '1h 02m 05s');
	assert.equal(formatCountdown(undefined), '?');
});

test('formats the age of a reading', () => {
	assert.equal(formatAge(now - 12_000, now), '12s ago');
	assert.equal(formatAge(now, now), '0s ago');
	assert.equal(formatAge(now - 5 * 60_000, now), '5m ago');
	assert.equal(formatAge(undefined, now), '?');
});

test('formatCount prints what en-US Intl.NumberFormat prints, without loading it at start-up', () => {
	const intl = new Intl.NumberFormat('en-US', {maximumFractionDigits: 0});
	fc.assert(
		fc.property(fc.oneof(fc.integer({min: -1e9, max: 1e12}), fc.double({min: -1e15, max: 1e15, noNaN: true}), fc.integer({min: 0, max: 1e6}).map(n => n + 0.5), fc.constantFrom(1e21, 123456789012345678901234)), value => {
			// -0 and values rounding to -0 are where Intl says "-0": counts never are.
			if (Object.is(Math.round(Math.abs(value)) * Math.sign(value), -0) || (value < 0 && Math.round(Math.abs(value)) === 0)) return;
			assert.equal(formatCount(value), intl.format(value));
		}),
	);
});
