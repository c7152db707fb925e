import assert from 'node:assert/strict';
import {test} from 'node:test';
import {validateBaseUrl} from '../../source/api/base-url.js';
import {isConfigError, type QualysError} from '../../source/api/errors.js';
import {PLATFORMS, resolveBaseUrl} from '../../source/api/platforms.js';

test('all 13 platforms map to their API servers', () => {
	assert.equal(PLATFORMS.length, 13);
	assert.equal(resolveBaseUrl({platform: 'US1'}), 'https://qualysapi.qualys.com');
	assert.equal(resolveBaseUrl({platform: 'us3'}), 'https://qualysapi.qg3.apps.qualys.com');
	assert.equal(resolveBaseUrl({platform: 'EU1'}), 'https://qualysapi.qualys.eu');
	assert.equal(resolveBaseUrl({platform: 'EU3'}), 'https://qualysapi.qg3.apps.qualys.it');
	assert.equal(resolveBaseUrl({platform: 'UK1'}), 'https://qualysapi.qg1.apps.qualys.co.uk');
	assert.equal(resolveBaseUrl({platform: 'KSA1'}), 'https://qualysapi.qg1.apps.qualysksa.com');
	assert.deepEqual(PLATFORMS.map(p => p.id), ['US1', 'US2', 'US3', 'US4', 'EU1', 'EU2', 'EU3', 'IN1', 'CA1', 'AE1', 'UK1', 'AU1', 'KSA1']);
});

test('an unknown platform is a ConfigError listing the valid ones', () => {
	assert.throws(
		() => resolveBaseUrl({platform: 'US9'}),
		(error: QualysError) => isConfigError(error) && /US1, US2.*KSA1/.test(error.hint) && error.exitCode === 2,
	);
});

test('an explicit API URL wins over the platform', () => {
	assert.equal(resolveBaseUrl({platform: 'US1', apiUrl: 'https://qualysapi.p03.eng.sjc01.qualys.com/'}), 'https://qualysapi.p03.eng.sjc01.qualys.com');
});

test('plain http only to loopback', () => {
	assert.equal(validateBaseUrl('http://127.0.0.1:8080'), 'http://127.0.0.1:8080');
	assert.equal(validateBaseUrl('http://127.9.8.7:1'), 'http://127.9.8.7:1');
	assert.equal(validateBaseUrl('http://localhost:3000/'), 'http://localhost:3000');
	assert.equal(validateBaseUrl('http://[::1]:3000'), 'http://[::1]:3000');
	for (const url of ['http://qualysapi.qualys.com', 'http://10.0.0.1', 'http://127.0.0.1.nip.io', 'ftp://x', 'not a url']) {
		assert.throws(() => validateBaseUrl(url), isConfigError, url);
	}
});

test('credentials, paths and queries in the URL are refused without echoing them', () => {
	assert.throws(
		() => validateBaseUrl('https://user:s3cret@qualysapi.qualys.com'),
		(error: QualysError) => isConfigError(error) && !JSON.stringify({...error, m: error.message, h: error.hint}).includes('s3cret'),
	);
	assert.throws(() => validateBaseUrl('https://qualysapi.qualys.com/api/2.0/'), isConfigError);
	assert.throws(() => validateBaseUrl('https://qualysapi.qualys.com/?x=1'), isConfigError);
});
