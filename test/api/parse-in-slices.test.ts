// Host-list pages parsed a few milliseconds at a time on the main thread (the client's path for
// every host-list body below the worker threshold): the same pages as the one-go parser, other
// work runs between slices, Esc (an abort) stops between slices, and bodies the scanner does not
// take give the reference path's result or error.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {isAbortedError, isParseError} from '../../source/api/errors.js';
import {scanHostList, scanHostListInSlices} from '../../source/api/fast-host-list.js';
import {parseHostList} from '../../source/api/parse-host-list.js';
import {parseHostListInSlices} from '../../source/api/parse-in-slices.js';
import {parseXml} from '../../source/api/xml.js';
import {createHostData} from '../../source/simulator/host-data.js';
import {renderHostList} from '../../source/simulator/render-host-list.js';
import {rejection} from './client-fixture.js';
import {fixture} from './fixture.js';

/** A real-shaped page of `count` hosts, as the simulator sends it. */
function page(count: number): string {
	const data = createHostData({seed: 7, count, anchorMs: Date.parse('2026-01-10T12:00:00Z')});
	const hosts = Array.from({length: count}, (_, index) => data.hostAt(index));
	const layout = {origin: 'https://qualysapi.example.com', version: '5.0', frame: {isEvaluation: false}, datetime: '2026-01-10T12:00:00Z', details: 'Basic' as const, showTags: false, showAssetId: true};
	return [...renderHostList(layout, hosts, () => ({limit: count, url: 'https://qualysapi.example.com/api/5.0/fo/asset/host/?action=list&id_min=9'}))].join('');
}

test('the sliced parse gives the same page as the one-go parse', async () => {
	const text = page(1500);
	const sliced = await parseHostListInSlices(text, {});
	assert.equal(sliced.hosts.length, 1500);
	assert.ok(sliced.nextUrl);
	assert.deepEqual(sliced, parseHostList(parseXml(text)));
	for (const name of ['host-list-single.xml', 'host-list-truncated-warning.xml', 'host-list-id-set.xml', 'host-list-empty.xml']) {
		const body = fixture(name);
		assert.deepEqual(await parseHostListInSlices(body, {}), parseHostList(parseXml(body)), name);
	}
});

test('other work runs between slices', async () => {
	const text = page(3000);
	let ticks = 0;
	const ticker = setInterval(() => ticks++, 0);
	const sliced = await scanHostListInSlices(text, {sliceMs: 1});
	clearInterval(ticker);
	assert.deepEqual(sliced, scanHostList(text));
	// 3,000 hosts take several milliseconds: with 1 ms slices the timer must have run in between.
	assert.ok(ticks >= 2, `timer ran ${ticks} times during the parse`);
});

test('an abort between slices ends the parse with AbortedError', async () => {
	const controller = new AbortController();
	setTimeout(() => controller.abort(), 0);
	const error = await rejection(() => parseHostListInSlices(page(20_000), {path: '/api/5.0/fo/asset/host/'}, controller.signal));
	assert.ok(isAbortedError(error), String(error));
});

test('a body the scanner does not take gets the reference path: a page cut off mid-list is its ParseError, with the request info', async () => {
	const text = page(50);
	const cut = text.slice(0, Math.floor(text.length / 2));
	const info = {method: 'GET', path: '/api/5.0/fo/asset/host/'};
	const error = await rejection(() => parseHostListInSlices(cut, info));
	assert.ok(isParseError(error));
	assert.equal(error.path, '/api/5.0/fo/asset/host/');
	assert.match(error.message, /not well-formed/);
	assert.throws(() => parseXml(cut, info), {message: error.message});
});
