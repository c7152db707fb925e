import {test} from 'node:test';
import assert from 'node:assert/strict';
import {formatHint, hintsFor, KEY_BINDINGS, keyLabel, matchKey, matchKeys, type KeyScope} from '../source/keys.js';

const listScopes: readonly KeyScope[] = ['hosts', 'list', 'global'];

test('matches plain characters and arrows', () => {
	assert.equal(matchKey('j', {}, listScopes), 'move-down');
	assert.equal(matchKey('', {downArrow: true}, listScopes), 'move-down');
	assert.equal(matchKey('k', {}, listScopes), 'move-up');
	assert.equal(matchKey('', {upArrow: true}, listScopes), 'move-up');
});

test('tells g from G (shift) and matches Home/End', () => {
	assert.equal(matchKey('g', {}, listScopes), 'first');
	assert.equal(matchKey('G', {shift: true}, listScopes), 'last');
	assert.equal(matchKey('', {home: true}, listScopes), 'first');
	assert.equal(matchKey('', {end: true}, listScopes), 'last');
	assert.equal(matchKey('s', {}, listScopes), 'sort');
	assert.equal(matchKey('S', {shift: true}, listScopes), 'reverse-sort');
});

test('matches Ctrl combinations and not the bare letter', () => {
	assert.equal(matchKey('d', {ctrl: true}, listScopes), 'half-page-down');
	assert.equal(matchKey('u', {ctrl: true}, listScopes), 'half-page-up');
	assert.equal(matchKey('c', {ctrl: true}, listScopes), 'quit');
	assert.equal(matchKey('d', {}, listScopes), undefined);
	assert.equal(matchKey('j', {ctrl: true}, listScopes), undefined);
});

test('Alt (meta) + a letter is not the letter', () => {
	assert.equal(matchKey('q', {meta: true}, listScopes), undefined);
});

test('matches Tab and Shift+Tab separately', () => {
	assert.equal(matchKey('', {tab: true}, listScopes), 'next-screen');
	assert.equal(matchKey('', {tab: true, shift: true}, listScopes), 'previous-screen');
});

test('PgUp/PgDn, Enter and /', () => {
	assert.equal(matchKey('', {pageDown: true}, listScopes), 'page-down');
	assert.equal(matchKey('', {pageUp: true}, listScopes), 'page-up');
	assert.equal(matchKey('', {return: true}, listScopes), 'open');
	assert.equal(matchKey('/', {}, listScopes), 'filter');
});

test('the most specific scope wins, and every meaning is listed in order', () => {
	assert.equal(matchKey('', {escape: true, meta: true}, listScopes), 'stop-loading');
	assert.deepEqual(matchKeys('', {escape: true, meta: true}, listScopes), ['stop-loading', 'clear-filter']);
	assert.equal(matchKey('', {escape: true, meta: true}, ['detail', 'global']), 'back');
	assert.equal(matchKey('r', {}, ['limits', 'global']), 'reread-limits');
	assert.equal(matchKey('n', {}, ['confirm']), 'confirm-no');
	assert.equal(matchKey('y', {}, ['confirm']), 'confirm-yes');
});

test('keys outside the active scopes do nothing', () => {
	assert.equal(matchKey('j', {}, ['global']), undefined);
	assert.equal(matchKey('L', {shift: true}, ['list', 'global']), undefined);
	assert.equal(matchKey('L', {shift: true}, listScopes), 'load-all');
	assert.equal(matchKey('q', {}, ['confirm']), undefined);
});

test('no key means two things within one scope', () => {
	const seen = new Map<string, string>();
	for (const binding of KEY_BINDINGS) {
		for (const key of binding.keys) {
			const id = `${binding.scope}:${key}`;
			assert.equal(seen.get(id), undefined, `${id} bound to ${seen.get(id)} and ${binding.command}`);
			seen.set(id, binding.command);
		}
	}
});

test('labels keys for people', () => {
	assert.equal(keyLabel('ctrl+d'), 'Ctrl+D');
	assert.equal(keyLabel('pagedown'), 'PgDn');
	assert.equal(keyLabel('escape'), 'Esc');
	assert.equal(keyLabel('G'), 'G');
});

test('hints come from the table, in scope order, without duplicates', () => {
	assert.deepEqual(hintsFor(['list', 'global']).map(formatHint), [
		'j/k move',
		'g/G top/end',
		'Enter open',
		'/ filter',
		's/S sort',
		'r refresh',
		'1-3/Tab screens',
		'? help',
		'q quit',
	]);
	assert.deepEqual(hintsFor(['confirm']).map(formatHint), ['y yes', 'n/Esc no']);
});
