// useHostPages with a real client against the simulator: one call per page and only when asked,
// load all and stop, refresh with stale rows, a failing refresh, and counting.
import assert from 'node:assert/strict';
import {describe, test, type TestContext} from 'node:test';
import {Text} from 'ink';
import React, {act} from 'react';
import {createQualysClient} from '../../source/api/client.js';
import type {Host, QualysClient} from '../../source/api/types.js';
import {useHostPages, type HostPages} from '../../source/hooks/use-host-pages.js';
import type {SimulatorOptions} from '../../source/simulator/types.js';
import {render} from '../helpers/render.js';
import {startTestSimulator} from '../helpers/start-simulator.js';

/** The hook's state as one line; the latest value goes to the test. */
function Probe({client, isEnabled, into, pageSize = 50}: {readonly client: QualysClient; readonly isEnabled: boolean; readonly into: {current?: HostPages}; readonly pageSize?: number}) {
	const pages = useHostPages({client, pageSize, isEnabled});
	into.current = pages;
	const loading = pages.isLoadingAll ? 'loading all' : pages.isRefreshing ? 'refreshing' : pages.isLoading && 'loading';
	const flags = [loading, pages.isComplete && 'complete', pages.isStale && 'stale', pages.error !== undefined && 'error'].filter(Boolean).join(', ');
	return <Text>{`${pages.hosts.length} hosts · ${pages.pagesLoaded} pages${flags ? ` · ${flags}` : ''}${pages.counted === undefined ? '' : ` · counted ${pages.counted}`}`}</Text>;
}

async function renderPages(t: TestContext, {isEnabled = true, pageSize, ...options}: SimulatorOptions & {isEnabled?: boolean; pageSize?: number} = {}) {
	const simulator = await startTestSimulator({hosts: 120, ...options});
	const client = createQualysClient({baseUrl: simulator.url, credentials: {username: 'demo', password: 'demo'}});
	await client.login();
	const pages: {current?: HostPages} = {};
	const app = await render(<Probe client={client} isEnabled={isEnabled} into={pages} pageSize={pageSize} />);
	t.after(async () => {
		await app.unmount();
		await client.logout();
		await simulator.close();
	});
	const hostListCalls = (status = 200) => simulator.state().calls['host-list']?.[String(status)] ?? 0;
	const call = (action: (value: HostPages) => void) => act(async () => action(pages.current!));
	return {...app, simulator, client, pages, hostListCalls, call};
}

describe('useHostPages', () => {
	test('loads page 1 only once enabled', async t => {
		const app = await renderPages(t, {isEnabled: false});
		assert.equal(app.lastFrame(), '0 hosts · 0 pages');
		assert.equal(app.hostListCalls(), 0);
		await app.rerender(<Probe client={app.client} isEnabled into={app.pages} />);
		await app.waitForFrame(frame => frame === '50 hosts · 1 pages');
		assert.equal(app.hostListCalls(), 1);
	});

	test('the first rows of page 1 show while its body arrives, and go when the page never completes', async t => {
		// The body stops after 200 kB (of ~700): the first hosts are in, the page never is.
		const app = await renderPages(t, {hosts: 3000, pageSize: 1000, faults: [{name: 'stall-body', bytes: 200_000, api: 'host-list'}]});
		const preview = await app.waitForFrame(frame => /^[1-9]\d* hosts · 0 pages · loading$/.test(frame), 5000);
		const shown = Number(/^\d+/.exec(preview)![0]);
		assert.ok(shown > 0 && shown < 1000, preview);
		assert.deepEqual(
			app.pages.current!.hosts.map(host => host.id),
			app.pages.current!.hosts.map(host => host.id).sort((a, b) => Number(a) - Number(b)),
			'the preview is the start of the list, in order',
		);
		await app.call(pages => pages.stop());
		await app.waitForFrame(frame => frame === '0 hosts · 0 pages', 5000);
	});

	test('loadNext fetches one page per call, even when asked twice at once, each as a new array', async t => {
		const app = await renderPages(t);
		await app.waitForFrame(frame => frame === '50 hosts · 1 pages');
		const pageOne: readonly Host[] = app.pages.current!.hosts;
		await app.call(pages => {
			pages.loadNext();
			pages.loadNext();
		});
		await app.waitForFrame(frame => frame === '100 hosts · 2 pages');
		assert.equal(app.hostListCalls(), 2);
		// A new array, or memoised views (the list's filter and sort) would never see page 2.
		assert.notEqual(app.pages.current!.hosts, pageOne);
		assert.equal(pageOne.length, 50);

		await app.call(pages => pages.loadNext());
		await app.waitForFrame(frame => frame === '120 hosts · 3 pages · complete');
		await app.call(pages => pages.loadNext());
		assert.equal(app.hostListCalls(), 3, 'nothing more to load');
	});

	test('loadAll loads to the end with one call per page', async t => {
		const app = await renderPages(t);
		await app.waitForFrame(frame => frame === '50 hosts · 1 pages');
		await app.call(pages => pages.loadAll());
		await app.waitForFrame(frame => frame === '120 hosts · 3 pages · complete');
		assert.equal(app.hostListCalls(), 3);
	});

	test('stop ends a running load and keeps the hosts that arrived', async t => {
		const app = await renderPages(t, {hosts: 1000});
		await app.waitForFrame(frame => frame === '50 hosts · 1 pages');
		app.simulator.setFaults([{name: 'latency', api: 'host-list', ms: 300}]);
		await app.call(pages => pages.loadAll());
		await app.waitForFrame(frame => /^[1-9]\d\d hosts · \d+ pages · loading all$/.test(frame), 5000);
		await app.call(pages => pages.stop());
		const frame = await app.waitForFrame(frame => !frame.includes('loading'));
		const [, hosts, pages] = /^(\d+) hosts · (\d+) pages$/.exec(frame)!;
		assert.equal(Number(hosts), 50 * Number(pages));
		assert.ok(Number(pages) >= 2);
		// The page in flight when stopped may still be counted by the server (it answers the aborted
		// request after its latency); nothing is asked for after it.
		assert.ok([Number(pages), Number(pages) + 1].includes(app.hostListCalls()), `${app.hostListCalls()} calls for ${pages} pages`);
	});

	test('refresh keeps the old rows, marked stale, until page 1 arrives again', async t => {
		const app = await renderPages(t);
		await app.waitForFrame(frame => frame === '50 hosts · 1 pages');
		await app.call(pages => pages.loadNext());
		await app.waitForFrame(frame => frame === '100 hosts · 2 pages');
		app.simulator.setFaults([{name: 'latency', api: 'host-list', ms: 200}]);
		await app.call(pages => pages.refresh());
		assert.equal(app.lastFrame(), '100 hosts · 2 pages · refreshing, stale');
		await app.waitForFrame(frame => frame === '50 hosts · 1 pages');
		assert.equal(app.hostListCalls(), 3);
	});

	test('a failing refresh keeps the rows, stays stale and keeps the error', async t => {
		const app = await renderPages(t);
		await app.waitForFrame(frame => frame === '50 hosts · 1 pages');
		app.simulator.setFaults([{name: 'html-502', api: 'host-list'}]);
		await app.call(pages => pages.refresh());
		await app.waitForFrame(frame => frame === '50 hosts · 1 pages · stale, error');
		assert.equal(app.hostListCalls(502), 1);
	});

	test('count counts every host with one IDs-only call and loads no rows', async t => {
		const app = await renderPages(t);
		await app.waitForFrame(frame => frame === '50 hosts · 1 pages');
		await app.call(pages => pages.count());
		await app.waitForFrame(frame => frame === '50 hosts · 1 pages · counted 120');
		assert.equal(app.hostListCalls(), 2);
	});
});
