// Keys are data: every command, its keys, where it applies and how it is described. matchKey(),
// the hint line and the help overlay all read this one table, so they cannot drift apart.
// Key names follow Ink's useInput `(input, key)` shape; see matchesKeyName() for the spelling.
import type {Key} from 'ink';

/** Where a command applies. A screen activates several scopes, most specific first. */
export type KeyScope = 'global' | 'list' | 'hosts' | 'scans' | 'limits' | 'detail' | 'host-detail' | 'login' | 'confirm' | 'help';

/** Every command a key can trigger. */
export type Command =
	| 'quit'
	| 'help'
	| 'screen-1'
	| 'screen-2'
	| 'screen-3'
	| 'next-screen'
	| 'previous-screen'
	| 'move-up'
	| 'move-down'
	| 'page-up'
	| 'page-down'
	| 'half-page-up'
	| 'half-page-down'
	| 'first'
	| 'last'
	| 'filter'
	| 'clear-filter'
	| 'sort'
	| 'reverse-sort'
	| 'open'
	| 'refresh'
	| 'load-all'
	| 'stop-loading'
	| 'fetch-details'
	| 'back'
	| 'reread-limits'
	| 'close-help'
	| 'confirm-yes'
	| 'confirm-no';

/** One row of the key table. */
export interface KeyBinding {
	readonly command: Command;
	/**
	 * Keys in Ink terms: a single character (`'j'`, `'G'`, `'?'`), a named key (`'up'`, `'down'`,
	 * `'pageup'`, `'pagedown'`, `'home'`, `'end'`, `'return'`, `'escape'`, `'tab'`), or a
	 * modifier and either (`'ctrl+d'`, `'shift+tab'`).
	 */
	readonly keys: readonly string[];
	/** For the help overlay: what the command does. */
	readonly description: string;
	readonly scope: KeyScope;
	/** Whether the command appears in the one-line hint bar. */
	readonly hint?: boolean;
	/** Keys as shown in the hint bar when not the first key's label, e.g. `'j/k'`. */
	readonly hintLabel?: string;
	/** Words shown in the hint bar; defaults to the description in lower case. */
	readonly hintText?: string;
}

/** The key table. Order matters: it is the order of the hint line and the help overlay. */
export const KEY_BINDINGS: readonly KeyBinding[] = [
	// list
	{command: 'move-down', keys: ['down', 'j'], description: 'Move down', scope: 'list', hint: true, hintLabel: 'j/k', hintText: 'move'},
	{command: 'move-up', keys: ['up', 'k'], description: 'Move up', scope: 'list'},
	{command: 'page-down', keys: ['pagedown', 'ctrl+f'], description: 'Page down', scope: 'list'},
	{command: 'page-up', keys: ['pageup', 'ctrl+b'], description: 'Page up', scope: 'list'},
	{command: 'half-page-down', keys: ['ctrl+d'], description: 'Half page down', scope: 'list'},
	{command: 'half-page-up', keys: ['ctrl+u'], description: 'Half page up', scope: 'list'},
	{command: 'first', keys: ['g', 'home'], description: 'First row', scope: 'list', hint: true, hintLabel: 'g/G', hintText: 'top/end'},
	{command: 'last', keys: ['G', 'end'], description: 'Last row', scope: 'list'},
	{command: 'open', keys: ['return'], description: 'Open details', scope: 'list', hint: true, hintText: 'open'},
	{command: 'filter', keys: ['/'], description: 'Filter rows', scope: 'list', hint: true, hintText: 'filter'},
	{command: 'clear-filter', keys: ['escape'], description: 'Clear filter / back', scope: 'list'},
	{command: 'sort', keys: ['s'], description: 'Sort by next column', scope: 'list', hint: true, hintLabel: 's/S', hintText: 'sort'},
	{command: 'reverse-sort', keys: ['S'], description: 'Reverse sort order', scope: 'list'},
	{command: 'refresh', keys: ['r'], description: 'Refresh', scope: 'list', hint: true, hintText: 'refresh'},
	// hosts
	{command: 'load-all', keys: ['L'], description: 'Load all pages', scope: 'hosts', hint: true, hintText: 'load all'},
	{command: 'stop-loading', keys: ['escape'], description: 'Stop loading', scope: 'hosts'},
	// detail
	{command: 'fetch-details', keys: ['d'], description: 'Fetch full details', scope: 'host-detail', hint: true, hintText: 'full details'},
	{command: 'back', keys: ['escape'], description: 'Back to the list', scope: 'detail', hint: true, hintText: 'back'},
	// limits
	{command: 'reread-limits', keys: ['r'], description: 'Read the limits again', scope: 'limits', hint: true, hintText: 're-read'},
	// confirm
	{command: 'confirm-yes', keys: ['y'], description: 'Yes', scope: 'confirm', hint: true, hintText: 'yes'},
	{command: 'confirm-no', keys: ['n', 'escape'], description: 'No', scope: 'confirm', hint: true, hintLabel: 'n/Esc', hintText: 'no'},
	// help overlay (open over any screen; give it only ['help'] so other keys stay quiet)
	{command: 'close-help', keys: ['escape', '?', 'q'], description: 'Close this help', scope: 'help', hint: true, hintLabel: 'Esc/?', hintText: 'close'},
	// global
	{command: 'screen-1', keys: ['1'], description: 'Hosts screen', scope: 'global'},
	{command: 'screen-2', keys: ['2'], description: 'Scans screen', scope: 'global'},
	{command: 'screen-3', keys: ['3'], description: 'Limits screen', scope: 'global'},
	{command: 'next-screen', keys: ['tab'], description: 'Next screen', scope: 'global', hint: true, hintLabel: '1-3/Tab', hintText: 'screens'},
	{command: 'previous-screen', keys: ['shift+tab'], description: 'Previous screen', scope: 'global'},
	{command: 'help', keys: ['?'], description: 'Show all keys', scope: 'global', hint: true, hintText: 'help'},
	{command: 'quit', keys: ['q', 'ctrl+c'], description: 'Quit', scope: 'global', hint: true, hintText: 'quit'},
];

/** The part of Ink's `Key` that matching reads; tests can pass only what they set. */
export type KeyState = Partial<Pick<Key, 'upArrow' | 'downArrow' | 'leftArrow' | 'rightArrow' | 'pageUp' | 'pageDown' | 'home' | 'end' | 'return' | 'escape' | 'ctrl' | 'shift' | 'tab' | 'backspace' | 'delete' | 'meta'>>;

const NAMED_KEYS: Readonly<Record<string, (key: KeyState) => boolean>> = {
	up: (key) => Boolean(key.upArrow),
	down: (key) => Boolean(key.downArrow),
	left: (key) => Boolean(key.leftArrow),
	right: (key) => Boolean(key.rightArrow),
	pageup: (key) => Boolean(key.pageUp),
	pagedown: (key) => Boolean(key.pageDown),
	home: (key) => Boolean(key.home),
	end: (key) => Boolean(key.end),
	return: (key) => Boolean(key.return),
	escape: (key) => Boolean(key.escape),
	backspace: (key) => Boolean(key.backspace),
	delete: (key) => Boolean(key.delete),
	tab: (key) => Boolean(key.tab) && !key.shift,
	'shift+tab': (key) => Boolean(key.tab) && Boolean(key.shift),
};

/** Whether one key name from the table matches one `useInput` event. */
export function matchesKeyName(name: string, input: string, key: KeyState): boolean {
	const named = NAMED_KEYS[name];
	if (named) return named(key);
	if (name.startsWith('ctrl+')) return Boolean(key.ctrl) && input === name.slice(5);
	// A plain character: Ctrl or Alt (meta) variants are different keys. Ink sets `meta` for Esc,
	// which is named above, so this never hides a printable key.
	return input === name && !key.ctrl && !key.meta;
}

const bindingsByScope = new Map<KeyScope, KeyBinding[]>();
for (const binding of KEY_BINDINGS) {
	const list = bindingsByScope.get(binding.scope) ?? [];
	list.push(binding);
	bindingsByScope.set(binding.scope, list);
}

/** The bindings of one scope, in table order. */
export function bindingsFor(scope: KeyScope): readonly KeyBinding[] {
	return bindingsByScope.get(scope) ?? [];
}

/**
 * Every command the key triggers in the given scopes, in scope order (most specific first).
 * More than one when a key means different things in different scopes (Esc: stop loading, then
 * clear the filter); the caller runs the first one it has a handler for.
 */
export function matchKeys(input: string, key: KeyState, scopes: readonly KeyScope[]): Command[] {
	const matches: Command[] = [];
	for (const scope of scopes) {
		for (const binding of bindingsFor(scope)) {
			if (binding.keys.some((name) => matchesKeyName(name, input, key))) matches.push(binding.command);
		}
	}
	return matches;
}

/** The command the key triggers in the given scopes (first scope wins), or undefined. */
export function matchKey(input: string, key: KeyState, scopes: readonly KeyScope[]): Command | undefined {
	return matchKeys(input, key, scopes)[0];
}

const KEY_LABELS: Readonly<Record<string, string>> = {
	up: '↑',
	down: '↓',
	left: '←',
	right: '→',
	pageup: 'PgUp',
	pagedown: 'PgDn',
	home: 'Home',
	end: 'End',
	return: 'Enter',
	escape: 'Esc',
	tab: 'Tab',
	'shift+tab': 'Shift+Tab',
	backspace: 'Backspace',
	delete: 'Del',
};

/** How a key name from the table is shown to people: `'ctrl+d'` → `'Ctrl+D'`, `'pagedown'` → `'PgDn'`. */
export function keyLabel(name: string): string {
	if (KEY_LABELS[name]) return KEY_LABELS[name];
	if (name.startsWith('ctrl+')) return `Ctrl+${name.slice(5).toUpperCase()}`;
	return name;
}

/** One hint for the hint line: keys and a few words. */
export interface KeyHint {
	readonly command: Command;
	readonly keys: string;
	readonly text: string;
}

/** The hints of the given scopes, in scope order then table order, without duplicates. */
export function hintsFor(scopes: readonly KeyScope[]): KeyHint[] {
	const hints: KeyHint[] = [];
	const seen = new Set<Command>();
	for (const scope of scopes) {
		for (const binding of bindingsFor(scope)) {
			if (!binding.hint || seen.has(binding.command)) continue;
			seen.add(binding.command);
			hints.push({
				command: binding.command,
				keys: binding.hintLabel ?? keyLabel(binding.keys[0]!),
				text: binding.hintText ?? binding.description.toLowerCase(),
			});
		}
	}
	return hints;
}

/** A hint as one string, `'j/k move'`. */
export function formatHint(hint: KeyHint): string {
	return `${hint.keys} ${hint.text}`;
}
