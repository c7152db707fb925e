// The first rows of page 1 while its body still arrives (ListHostsOptions.onFirstHosts): told
// once, before the page, with exactly the hosts the page starts with; never for a short page or a
// later page; and a page cut off after the preview is still an error, not a short list.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {isParseError} from '../../source/api/errors.js';
import type {Host} from '../../source/api/types.js';
import {rejection, useClient} from './client-fixture.js';

test('page 1 of a large list: told once, before the page, with the hosts the page starts with', async t => {
	const {client} = await useClient(t, {hosts: 3000});
	const events: Array<{kind: 'preview' | 'page'; hosts: readonly Host[]}> = [];
	const pages = client.listHosts({pageSize: 1000, onFirstHosts: hosts => events.push({kind: 'preview', hosts})});
	for await (const page of pages) {
		events.push({kind: 'page', hosts: page.hosts});
		if (events.filter(event => event.kind === 'page').length === 2) break;
	}

	assert.deepEqual(events.map(event => event.kind), ['preview', 'page', 'page']);
	const [preview, first] = events;
	assert.ok(preview!.hosts.length > 0 && preview!.hosts.length < first!.hosts.length, `${preview!.hosts.length} of ${first!.hosts.length}`);
	assert.deepEqual(preview!.hosts, first!.hosts.slice(0, preview!.hosts.length));
});

test('a page shorter than the preview threshold is not previewed', async t => {
	const {client} = await useClient(t, {hosts: 3000});
	let previews = 0;
	for await (const page of client.listHosts({pageSize: 20, onFirstHosts: () => previews++})) assert.equal(page.hosts.length, 20);
	assert.equal(previews, 0);
});

test('a page cut off after its first hosts were previewed is still a ParseError', async t => {
	const {client} = await useClient(t, {hosts: 3000, faults: [{name: 'truncated', bytes: 200_000, api: 'host-list'}]});
	let previewed = 0;
	const error = await rejection(async () => {
		for await (const page of client.listHosts({pageSize: 1000, onFirstHosts: hosts => (previewed = hosts.length)})) void page;
	});
	assert.ok(isParseError(error), String(error));
	assert.ok(previewed > 0, 'the first hosts were previewed before the cut');
});
