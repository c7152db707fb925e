// The thin input layer: Ink's useInput + keys.ts → command handlers.
import {useCallback, useRef} from 'react';
import {useInput, type Key} from 'ink';
import {matchKeys, type Command, type KeyScope} from '../keys.js';

/** Handlers per command; a command without a handler is not triggered (the next match is tried). */
export type CommandHandlers = Partial<Record<Command, () => void>>;

/** Options of {@link useKeyBindings}. */
export interface UseKeyBindingsOptions {
	/** Active scopes, most specific first, e.g. `['hosts', 'list', 'global']`. */
	readonly scopes: readonly KeyScope[];
	readonly handlers: CommandHandlers;
	/** Whether this listener hears keys; hidden screens and open dialogs pass false. @default true */
	readonly isActive?: boolean;
}

/**
 * Run the handler of the command a key triggers. When a key matches several commands (Esc: stop
 * loading, clear the filter), the first one with a handler runs, so a screen turns a meaning
 * on and off by giving or omitting the handler.
 *
 * The input callback is stable and reads scopes and handlers through a ref: Ink re-subscribes
 * whenever the callback changes, and keys arriving in between would otherwise reach a stale
 * handler (stack-notes §3). Handlers must still use functional updates or dispatch.
 */
export function useKeyBindings({scopes, handlers, isActive = true}: UseKeyBindingsOptions): void {
	const latest = useRef({scopes, handlers});
	latest.current = {scopes, handlers};
	const onInput = useCallback((input: string, key: Key) => {
		const {scopes: activeScopes, handlers: activeHandlers} = latest.current;
		for (const command of matchKeys(input, key, activeScopes)) {
			const handler = activeHandlers[command];
			if (handler) {
				handler();
				return;
			}
		}
	}, []);
	useInput(onInput, {isActive});
}
