import assert from 'node:assert/strict';
import {test} from 'node:test';
import {isUnsafeUrlError} from '../../source/api/errors.js';
import {allHosts, rejection, useClient} from './client-fixture.js';

test('2,500 hosts come in three pages, each fetched only when pulled', async t => {
	const {client, state} = await useClient(t, {hosts: 2500});
	const pages = client.listHosts({pageSize: 1000});
	assert.equal((await state()).calls['host-list'], undefined, 'nothing before the first pull');

	const first = await pages.next();
	assert.equal(first.done, false);
	assert.equal(first.value!.hosts.length, 1000);
	assert.equal(first.value!.pageNumber, 1);
	assert.ok(first.value!.nextUrl?.includes('id_min='));
	assert.ok(first.value!.bytes > 0);
	assert.deepEqual((await state()).calls['host-list'], {200: 1}, 'page 2 not requested yet');

	const second = await pages.next();
	assert.equal(second.value!.hosts.length, 1000);
	assert.deepEqual((await state()).calls['host-list'], {200: 2});

	const third = await pages.next();
	assert.equal(third.value!.hosts.length, 500);
	assert.equal(third.value!.nextUrl, undefined);
	assert.equal((await pages.next()).done, true);

	const ids = [...first.value!.hosts, ...second.value!.hosts, ...third.value!.hosts].map(host => Number(host.id));
	assert.equal(new Set(ids).size, 2500);
	assert.deepEqual(ids, [...ids].sort((a, b) => a - b), 'ascending, as the server sorts');
	assert.equal(client.callCounts().get('host-list'), 3);
});

test('stopping after page 1 sends no further request', async t => {
	const {client, state} = await useClient(t, {hosts: 2500});
	for await (const page of client.listHosts({pageSize: 1000})) {
		assert.equal(page.pageNumber, 1);
		break;
	}
	assert.deepEqual((await state()).calls['host-list'], {200: 1});
});

test('details=None gives hosts with only an id', async t => {
	const {client} = await useClient(t, {hosts: 30});
	const {value} = await client.listHosts({details: 'None', pageSize: 0}).next();
	assert.equal(value!.hosts.length, 30);
	assert.deepEqual(Object.keys(value!.hosts[0]), ['id']);
});

test('filters are sent and the next URL carries them (never a computed id_min)', async t => {
	const {client} = await useClient(t, {hosts: 300});
	const all = await allHosts(client.listHosts({pageSize: 1000}));
	const some = await allHosts(client.listHosts({pageSize: 5, filters: {ids: `${all[0]}-${all[11]}`}}));
	assert.deepEqual(some, all.slice(0, 12));
});

test('a next-page URL on another origin is refused without a request', async t => {
	const {client, state} = await useClient(t, {hosts: 50, faults: [{name: 'foreign-next-url'}]});
	const pages = client.listHosts({pageSize: 10});
	await pages.next();
	const error = await rejection(() => pages.next());
	assert.ok(isUnsafeUrlError(error));
	assert.match(error.message, /evil\.example\.com/);
	assert.doesNotMatch(error.message, /id_min/);
	assert.deepEqual((await state()).calls['host-list'], {200: 1});
});

test('a start URL on another origin is refused too', async t => {
	const {client, state} = await useClient(t);
	assert.ok(isUnsafeUrlError(await rejection(() => client.listHosts({startUrl: 'https://evil.example.com/api/5.0/fo/asset/host/?action=list'}).next())));
	assert.equal((await state()).calls['host-list'], undefined);
});

test('a listing resumes at a start URL from an earlier listing', async t => {
	const {client} = await useClient(t, {hosts: 25});
	const first = (await client.listHosts({pageSize: 10}).next()).value!;
	const rest = await allHosts(client.listHosts({startUrl: first.nextUrl}));
	const all = await allHosts(client.listHosts({pageSize: 100}));
	assert.deepEqual([...first.hosts.map(host => host.id), ...rest], all);
});

test('getHost returns one host with details and tags, or undefined', async t => {
	const {client} = await useClient(t, {hosts: 20});
	const [id] = await allHosts(client.listHosts({details: 'None'}));
	const host = await client.getHost(id);
	assert.equal(host?.id, id);
	assert.ok(host?.os);
	assert.equal(await client.getHost('999999999'), undefined);
	assert.equal(client.callCounts().get('host-detail'), 2);
});

test('a 404 on the current path falls back to 2.0 once and remembers it', async t => {
	const {client, simulator} = await useClient(t, {hosts: 30, faults: [{name: 'legacy-only'}]});
	const ids = await allHosts(client.listHosts({pageSize: 20}));
	assert.equal(ids.length, 30);
	await allHosts(client.listHosts({pageSize: 100}));
	await client.listScans();
	const paths = simulator.state().requests.filter(request => request.api !== 'session').map(request => `${request.status} ${request.path}`);
	assert.deepEqual(paths, [
		'404 /api/5.0/fo/asset/host/',
		'200 /api/2.0/fo/asset/host/',
		'200 /api/2.0/fo/asset/host/',
		'200 /api/2.0/fo/asset/host/',
		'404 /api/3.0/fo/scan/',
		'200 /api/2.0/fo/scan/',
	]);
});

test("apiVersion '2.0' pins the legacy paths", async t => {
	const {client, simulator} = await useClient(t, {hosts: 5}, {apiVersion: '2.0'});
	await allHosts(client.listHosts());
	await client.listScans();
	const paths = simulator.state().requests.filter(request => request.api !== 'session').map(request => request.path);
	assert.deepEqual(paths, ['/api/2.0/fo/asset/host/', '/api/2.0/fo/scan/']);
});

test('the current paths are used by default', async t => {
	const {client, simulator} = await useClient(t, {hosts: 5});
	await allHosts(client.listHosts());
	await client.listScans();
	const paths = simulator.state().requests.filter(request => request.api !== 'session').map(request => request.path);
	assert.deepEqual(paths, ['/api/5.0/fo/asset/host/', '/api/3.0/fo/scan/']);
});

test('a bad page size is a ConfigError before any request', async t => {
	const {client, state} = await useClient(t);
	for (const pageSize of [-1, 1.5, Number.NaN]) {
		const error = await rejection(() => client.listHosts({pageSize}).next());
		assert.equal(error.kind, 'config');
	}
	assert.deepEqual((await state()).calls, {});
});
