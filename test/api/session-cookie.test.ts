import assert from 'node:assert/strict';
import {test} from 'node:test';
import {extractSessionCookie, isCookieScope} from '../../source/api/session-cookie.js';

test('keeps only QualysSession from several Set-Cookie headers', () => {
	const headers = new Headers();
	headers.append('Set-Cookie', 'DWRSESSIONID=abc; path=/; secure');
	headers.append('Set-Cookie', 'QualysSession=71e6cda2a35d2cd404cddaf305ea0208; path=/api; secure; HttpOnly');
	assert.equal(extractSessionCookie(headers), 'QualysSession=71e6cda2a35d2cd404cddaf305ea0208');
});

test('no or empty QualysSession gives undefined', () => {
	assert.equal(extractSessionCookie(new Headers({'Set-Cookie': 'other=1'})), undefined);
	assert.equal(extractSessionCookie(new Headers({'Set-Cookie': 'QualysSession=; path=/api'})), undefined);
	assert.equal(extractSessionCookie(new Headers()), undefined);
});

test('the cookie goes only to /api/ paths of the base origin', () => {
	const base = 'https://qualysapi.qualys.com';
	assert.ok(isCookieScope(new URL('https://qualysapi.qualys.com/api/2.0/fo/scan/'), base));
	assert.ok(!isCookieScope(new URL('https://qualysapi.qualys.com/msp/about.php'), base));
	assert.ok(!isCookieScope(new URL('https://evil.example/api/2.0/fo/scan/'), base));
});
