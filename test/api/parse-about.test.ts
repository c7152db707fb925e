import assert from 'node:assert/strict';
import {test} from 'node:test';
import {parseAbout} from '../../source/api/parse-about.js';
import {parseXml} from '../../source/api/xml.js';
import {fixture} from './fixture.js';

test('reads the versions of about.php', () => {
	assert.deepEqual(parseAbout(parseXml(fixture('about.xml'))), {
		apiVersion: '1.4',
		webVersion: '8.21.1.0.0',
		scannerVersion: '11.2.23-1',
		vulnsigsVersion: '2.5.100-2',
	});
});
