import {test} from 'node:test';
import assert from 'node:assert/strict';
import React from 'react';
import type {RateLimit} from '../../source/api/types.js';
import {formatStatusBar, quotaLevel, StatusBar, type StatusBarProps} from '../../source/components/status-bar.js';
import {render} from '../helpers/render.js';

const now = Date.parse('2026-01-10T12:00:00Z');
const screens = [
	{id: 'hosts', title: 'Hosts', hotkey: '1'},
	{id: 'scans', title: 'Scans', hotkey: '2'},
	{id: 'limits', title: 'Limits', hotkey: '3'},
];
const reading = (overrides: Partial<RateLimit> = {}): RateLimit => ({
	api: 'host-list',
	limit: 300,
	windowSec: 3600,
	remaining: 287,
	toWaitSec: 0,
	concurrencyLimit: 2,
	concurrencyRunning: 1,
	readAt: now - 12_000,
	...overrides,
});
const props = (overrides: Partial<StatusBarProps> = {}): StatusBarProps => ({
	screens,
	currentScreen: 'hosts',
	user: 'alice',
	platform: 'US1',
	quota: reading(),
	apiLabel: 'hosts API',
	now,
	width: 120,
	...overrides,
});

test('shows tabs, user and the full quota when there is room', () => {
	assert.equal(
		formatStatusBar(props()),
		'[1 Hosts] 2 Scans 3 Limits │ alice@US1 │ hosts API 287/300 · window 1 h · 1/2 running · read 12s ago',
	);
});

test('fits 80 columns by dropping the least important parts', () => {
	const line = formatStatusBar(props({width: 80}));
	assert.equal(line, '[1 Hosts] 2 Scans 3 Limits │ alice@US1 │ hosts API 287/300 · 1/2 running');
	assert.ok(line.length <= 80);
});

test('marks the current screen', () => {
	assert.match(formatStatusBar(props({currentScreen: 'scans'})), /^1 Hosts \[2 Scans\] 3 Limits/);
});

test('marks a low quota with ! (yellow) and a critical one with !! (red)', () => {
	assert.equal(quotaLevel(reading({remaining: 50}), now), 'low');
	assert.match(formatStatusBar(props({quota: reading({remaining: 50})})), /│ ! hosts API 50\/300/);
	assert.equal(quotaLevel(reading({remaining: 10}), now), 'critical');
	assert.match(formatStatusBar(props({quota: reading({remaining: 10})})), /│ !! hosts API 10\/300/);
	assert.equal(quotaLevel(reading({remaining: 60}), now), 'ok');
});

test('shows a countdown when blocked, counting from the reading', () => {
	const blocked = reading({remaining: 0, toWaitSec: 87});
	assert.equal(quotaLevel(blocked, now), 'blocked');
	assert.match(formatStatusBar(props({quota: blocked})), /│ !! hosts API blocked · 1m 15s · 0\/300 left/);
	// Once the wait is over the bar stops saying blocked.
	assert.equal(quotaLevel(blocked, now + 80_000), 'critical');
});

test('shows ? for unknown values, never NaN', () => {
	assert.equal(formatStatusBar(props({quota: undefined, user: undefined, platform: undefined})), '[1 Hosts] 2 Scans 3 Limits │ hosts API ?');
	const partial = formatStatusBar(props({quota: {api: 'host-list', readAt: now}}));
	assert.equal(partial, '[1 Hosts] 2 Scans 3 Limits │ alice@US1 │ hosts API ?/? · window ? · read 0s ago');
	assert.equal(quotaLevel({api: 'host-list', readAt: now, remaining: Number.NaN, limit: 300}, now), 'unknown');
	assert.doesNotMatch(partial, /NaN/);
});

test('keeps INSECURE even on a narrow terminal', () => {
	const line = formatStatusBar(props({isInsecure: true, width: 60}));
	assert.match(line, /INSECURE$/);
	assert.match(line, /hosts API 287\/300/);
	assert.ok(line.length <= 60);
});

test('sanitises the user and platform', () => {
	assert.match(formatStatusBar(props({user: 'ev\u001B[2Jil', platform: 'US\u202E1'})), /evil@US1/);
});

test('renders as one line', async () => {
	const app = await render(<StatusBar {...props({width: 80, isInsecure: true})} />);
	assert.equal(app.lastFrame(), '[1 Hosts] 2 Scans 3 Limits │ alice@US1 │ hosts API 287/300 │ INSECURE');
	await app.unmount();
});
