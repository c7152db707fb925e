import assert from 'node:assert/strict';
import {test} from 'node:test';
import {
	AbortedError,
	AccountError,
	ApiError,
	AuthError,
	ConcurrencyLimitError,
	ConfigError,
	HttpError,
	NetworkError,
	ParseError,
	QualysError,
	RateLimitError,
	TimeoutError,
	TlsError,
	UnsafeUrlError,
	isAuthError,
	isQualysError,
	isRateLimitError,
} from '../../source/api/errors.js';

const hint = 'do this';

test('every kind has its name, kind and exit code', () => {
	const cases: Array<[QualysError, string, string, number]> = [
		[new AuthError('m', {hint}), 'AuthError', 'auth', 3],
		[new AccountError('m', {hint}), 'AccountError', 'account', 3],
		[new RateLimitError('m', {hint}), 'RateLimitError', 'rate-limit', 4],
		[new ConcurrencyLimitError('m', {hint}), 'ConcurrencyLimitError', 'concurrency-limit', 4],
		[new ApiError('m', {hint}), 'ApiError', 'api', 5],
		[new HttpError('m', {hint}), 'HttpError', 'http', 5],
		[new ParseError('m', {hint}), 'ParseError', 'parse', 5],
		[new TimeoutError('m', {hint}), 'TimeoutError', 'timeout', 5],
		[new NetworkError('m', {hint, reason: 'refused'}), 'NetworkError', 'network', 5],
		[new TlsError('m', {hint}), 'TlsError', 'tls', 5],
		[new ConfigError('m', {hint}), 'ConfigError', 'config', 2],
		[new UnsafeUrlError('m', {hint}), 'UnsafeUrlError', 'unsafe-url', 5],
		[new AbortedError('m', {hint}), 'AbortedError', 'aborted', 130],
	];
	for (const [error, name, kind, exitCode] of cases) {
		assert.equal(error.name, name);
		assert.equal(error.kind, kind);
		assert.equal(error.exitCode, exitCode);
		assert.ok(error instanceof Error && isQualysError(error));
	}
});

test('guards tell the kinds apart', () => {
	assert.ok(isAuthError(new AuthError('m', {hint})));
	assert.ok(!isAuthError(new AccountError('m', {hint})));
	assert.ok(isRateLimitError(new RateLimitError('m', {hint, waitSeconds: 3})));
	assert.ok(!isQualysError(new Error('x')));
});
