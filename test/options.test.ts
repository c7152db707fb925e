import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {parseCliOptions, UsageError} from '../source/options.js';

describe('parseCliOptions', () => {
	test('no arguments is the interactive UI with the documented defaults', () => {
		const options = parseCliOptions([], {});
		assert.equal(options.command, undefined);
		assert.equal(options.authMode, 'session');
		assert.equal(options.pageSize, 1000);
		assert.equal(options.apiVersion, 'current');
		assert.equal(options.timeoutSec, 60);
	});

	test('flags win over environment variables', () => {
		const options = parseCliOptions(['hosts', '--platform', 'EU2', '--username', 'bob'], {
			QUALYS_PLATFORM: 'US1',
			QUALYS_USERNAME: 'alice',
		});
		assert.equal(options.command, 'hosts');
		assert.equal(options.platform, 'EU2');
		assert.equal(options.username, 'bob');
	});

	test('an --api-url flag hides QUALYS_PLATFORM from the environment', () => {
		const options = parseCliOptions(['scans', '--api-url', 'https://qualysapi.example.com'], {QUALYS_PLATFORM: 'US1'});
		assert.equal(options.platform, undefined);
		assert.equal(options.apiUrl, 'https://qualysapi.example.com');
	});

	test('there is no --password flag, and the error does not echo the value', () => {
		assert.throws(
			() => parseCliOptions(['hosts', '--password', 'hunter2'], {}),
			(error: unknown) => error instanceof UsageError && /no --password flag/.test(error.message) && !error.message.includes('hunter2'),
		);
		assert.throws(() => parseCliOptions(['hosts', '--password=hunter2'], {}), (error: unknown) => !(error as Error).message.includes('hunter2'));
	});

	test('bad values are usage errors', () => {
		assert.throws(() => parseCliOptions(['hosts', '--page-size', 'ten'], {}), UsageError);
		assert.throws(() => parseCliOptions(['hosts', '--page-size', '0'], {}), UsageError);
		assert.throws(() => parseCliOptions(['hosts', '--auth', 'kerberos'], {}), UsageError);
		assert.throws(() => parseCliOptions(['hosts', '--api-version', '3.0'], {}), UsageError);
		assert.throws(() => parseCliOptions(['vulns'], {}), UsageError);
		assert.throws(() => parseCliOptions(['hosts', '--platform', 'US1', '--api-url', 'https://x'], {}), UsageError);
		assert.throws(() => parseCliOptions(['--json'], {}), UsageError);
	});

	test('simulate passes its arguments through untouched', () => {
		const options = parseCliOptions(['simulate', '--port', '8080', '--fault', 'html-502'], {});
		assert.equal(options.command, 'simulate');
		assert.deepEqual(options.simulateArgs, ['--port', '8080', '--fault', 'html-502']);
	});

	test('--api-version 2.0 pins the legacy paths', () => {
		assert.equal(parseCliOptions(['hosts', '--api-version', '2.0'], {}).apiVersion, '2.0');
	});
});
