import assert from 'node:assert/strict';
import {test} from 'node:test';
import {parseRateLimit} from '../../source/api/rate-limit.js';

test('reads all six headers from Fetch Headers', () => {
	const headers = new Headers({
		'X-RateLimit-Limit': '300',
		'X-RateLimit-Window-Sec': '3600',
		'X-Concurrency-Limit-Limit': '2',
		'X-Concurrency-Limit-Running': '1',
		'X-RateLimit-ToWait-Sec': '0',
		'X-RateLimit-Remaining': '299',
	});
	assert.deepEqual(parseRateLimit('host-list', headers, 1000), {
		api: 'host-list',
		limit: 300,
		windowSec: 3600,
		remaining: 299,
		toWaitSec: 0,
		concurrencyLimit: 2,
		concurrencyRunning: 1,
		readAt: 1000,
	});
});

test('header names are case-insensitive in a plain record too', () => {
	assert.equal(parseRateLimit('about', {'x-ratelimit-limit': '50', 'X-RATELIMIT-REMAINING': '3'}, 1)?.remaining, 3);
});

test('missing, negative, huge and non-numeric values are undefined', () => {
	const reading = parseRateLimit('scan-list', {'X-RateLimit-Limit': '-1', 'X-RateLimit-Window-Sec': '99999999999', 'X-RateLimit-Remaining': 'abc', 'X-RateLimit-ToWait-Sec': '12'}, 5);
	assert.deepEqual(reading, {api: 'scan-list', toWaitSec: 12, readAt: 5});
	assert.equal(parseRateLimit('scan-list', {'X-RateLimit-Limit': '1.5'}, 5), undefined);
});

test('no limit headers at all gives undefined', () => {
	assert.equal(parseRateLimit('session', new Headers({'Content-Type': 'text/xml'}), 1), undefined);
});
