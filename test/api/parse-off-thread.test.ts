import assert from 'node:assert/strict';
import {test} from 'node:test';
import {isAbortedError, isParseError} from '../../source/api/errors.js';
import {parseHostList} from '../../source/api/parse-host-list.js';
import {locateParseWorker, parseHostListOffThread} from '../../source/api/parse-off-thread.js';
import {parseXml} from '../../source/api/xml.js';
import {allHosts, rejection, useClient} from './client-fixture.js';
import {fixture} from './fixture.js';

test('the worker entry is found next to the sources', () => {
	assert.match(String(locateParseWorker()), /source\/api\/parse-worker\.ts$/);
});

test('the worker gives the same page as the inline parser', async () => {
	for (const name of ['host-list-single.xml', 'host-list-truncated-warning.xml', 'host-list-id-set.xml', 'host-list-empty.xml']) {
		const text = fixture(name);
		assert.deepEqual(await parseHostListOffThread(text, {}), parseHostList(parseXml(text)), name);
	}
});

test('a truncated body is a ParseError from the worker too, with the request info', async () => {
	const text = fixture('host-list-single.xml');
	const error = await rejection(() => parseHostListOffThread(text.slice(0, 400), {method: 'GET', path: '/api/5.0/fo/asset/host/'}));
	assert.ok(isParseError(error));
	assert.equal(error.path, '/api/5.0/fo/asset/host/');
	assert.match(error.message, /not well-formed/);
});

test('an aborted signal ends the wait', async () => {
	assert.ok(isAbortedError(await rejection(() => parseHostListOffThread(fixture('host-list-single.xml'), {}, AbortSignal.abort()))));
});

test('the client parses large host lists in the worker with the same result', async t => {
	const {client, newClient} = await useClient(t, {hosts: 2500});
	const inline = await allHosts(client.listHosts({pageSize: 1000}));
	const threaded = newClient({workerThresholdBytes: 0});
	const pages = [];
	for await (const page of threaded.listHosts({pageSize: 1000})) pages.push(page);
	assert.deepEqual(pages.flatMap(page => page.hosts.map(host => host.id)), inline);
	assert.ok(pages[0].nextUrl);
	const one = await threaded.getHost(inline[0]);
	assert.equal(one?.id, inline[0]);
});

test('faults reach the right errors on the worker path', async t => {
	const {client} = await useClient(t, {hosts: 500, faults: [{name: 'truncated', api: 'host-list'}]}, {workerThresholdBytes: 0});
	assert.ok(isParseError(await rejection(() => allHosts(client.listHosts({pageSize: 500})))));
});
