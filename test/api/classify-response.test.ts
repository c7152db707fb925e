import assert from 'node:assert/strict';
import {test} from 'node:test';
import {classifyResponse} from '../../source/api/classify-response.js';
import {
	AccountError,
	ApiError,
	AuthError,
	ConcurrencyLimitError,
	HttpError,
	ParseError,
	RateLimitError,
	type QualysError,
} from '../../source/api/errors.js';
import {fixture} from './fixture.js';

const info = {method: 'POST', path: '/api/5.0/fo/asset/host/'};
const classify = (status: number, text: string, headers: Record<string, string> = {}, root = 'HOST_LIST_OUTPUT') =>
	classifyResponse({status, text, headers: new Headers(headers)}, root, {...info, status});
const failure = (run: () => unknown): QualysError => {
	try {
		run();
	} catch (error) {
		return error as QualysError;
	}
	throw new Error('did not throw');
};

test('a 200 with the expected document is returned', () => {
	assert.ok(classify(200, fixture('host-list-empty.xml')).HOST_LIST_OUTPUT);
});

test('a 200 carrying CODE 2001 is an AccountError (exit 3)', () => {
	const error = failure(() => classify(200, fixture('simple-return-2001-expired.xml')));
	assert.ok(error instanceof AccountError);
	assert.equal(error.code, 2001);
	assert.equal(error.exitCode, 3);
	assert.equal(error.path, '/api/5.0/fo/asset/host/');
});

test('401 with 2000 is an AuthError; 401 without a body too', () => {
	assert.ok(failure(() => classify(401, fixture('simple-return-2000-bad-login.xml'))) instanceof AuthError);
	const bare = failure(() => classify(401, ''));
	assert.ok(bare instanceof AuthError);
	assert.equal(bare.exitCode, 3);
});

test('409 with 1965 is a RateLimitError; the header wait wins over the body', () => {
	const fromHeader = failure(() => classify(409, fixture('simple-return-409-1965.xml'), {'X-RateLimit-ToWait-Sec': '120'}));
	assert.ok(fromHeader instanceof RateLimitError);
	assert.equal(fromHeader.waitSeconds, 120);
	assert.equal(fromHeader.exitCode, 4);
	const fromBody = failure(() => classify(409, fixture('simple-return-409-1965.xml'))) as RateLimitError;
	assert.equal(fromBody.waitSeconds, 86_274);
	assert.match(fromBody.hint, /23 h 58 min/);
});

test('409 with 1960 is a ConcurrencyLimitError with callsToFinish', () => {
	const error = failure(() => classify(409, fixture('simple-return-409-1960.xml'))) as ConcurrencyLimitError;
	assert.ok(error instanceof ConcurrencyLimitError);
	assert.equal(error.callsToFinish, 1);
	assert.equal(error.exitCode, 4);
});

test('409 with 2003 is a permanent AccountError, not a limit', () => {
	const text = fixture('simple-return-2001-expired.xml').replace('2001', '2003');
	const error = failure(() => classify(409, text));
	assert.ok(error instanceof AccountError);
	assert.equal(error.code, 2003);
});

test('a 400 without XML declaration is an ApiError with the server text', () => {
	const error = failure(() => classify(400, fixture('simple-return-400-no-decl.xml')));
	assert.ok(error instanceof ApiError);
	assert.equal(error.code, 1905);
	assert.match(error.message, /parameter ids has invalid value/);
	assert.equal(error.exitCode, 5);
});

test('an HTML page is an HttpError quoting its title', () => {
	const error = failure(() => classify(502, '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>'));
	assert.ok(error instanceof HttpError);
	assert.equal(error.status, 502);
	assert.match(error.message, /HTML page.*502 Bad Gateway/);
});

test('an HTML page with status 200 is an HttpError too', () => {
	assert.ok(failure(() => classify(200, '<html><body>Login portal</body></html>')) instanceof HttpError);
});

test('an empty 200 is a ParseError', () => {
	assert.ok(failure(() => classify(200, '')) instanceof ParseError);
});

test('an unexpected document is a ParseError', () => {
	assert.ok(failure(() => classify(200, fixture('about.xml'))) instanceof ParseError);
});

test('hostile server text is one sanitised line of at most 200 characters', () => {
	const hostile = `<SIMPLE_RETURN><RESPONSE><CODE>1905</CODE><TEXT>bad\u001B[31mred\u001B]0;title\u0007\nnext\u202Eline ${'x'.repeat(500)}</TEXT></RESPONSE></SIMPLE_RETURN>`;
	const error = failure(() => classify(400, hostile));
	assert.doesNotMatch(error.message, /[\u0000-\u001F\u007F-\u009F\u202E]/);
	assert.ok(error.message.length < 260);
	assert.match(error.message, /badred next line/);
});
