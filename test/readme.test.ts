import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {test} from 'node:test';
import {KEY_BINDINGS, keyLabel} from '../source/keys.js';
import {usage} from '../source/options.js';

const readme = readFileSync(new URL('../readme.md', import.meta.url), 'utf8');

test('the readme opens with the two quick-start commands', () => {
	const quickStart = readme.slice(readme.indexOf('## Quick start'), readme.indexOf('## What it is'));
	assert.match(quickStart, /npm install && npm run demo/);
	assert.match(quickStart, /npm test/);
});

test('the readme key map lists every binding of the key table', () => {
	for (const binding of KEY_BINDINGS) {
		const keys = binding.keys.map(key => `\`${keyLabel(key)}\``).join(' ');
		assert.ok(readme.includes(`| ${keys} | ${binding.description} |`), `${binding.command}: ${keys} ${binding.description}`);
	}
});

test('the readme documents every flag of --help', () => {
	for (const flag of new Set(usage.match(/--[a-z][a-z-]+/g))) {
		if (flag === '--password') continue;
		assert.ok(readme.includes(flag), flag);
	}
});
