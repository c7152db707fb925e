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
	/**
	 * Whether this listener hears keys; hidden screens and open dialogs pass false. A function is
	 * asked at each key, for state that changes between renders (a text field taking the keyboard).
	 * @default true
	 */
	readonly isActive?: boolean | (() => boolean);
}

/**
 * Runs the handler of the first command the key triggers in `scopes` that has a handler.
 * Returns whether one ran. Exported for components that route keys themselves (a text field first).
 */
export function runKeyBinding(input: string, key: Key, scopes: readonly KeyScope[], handlers: CommandHandlers): boolean {
	for (const command of matchKeys(input, key, scopes)) {
		const handler = handlers[command];
		if (handler) {
			handler();
			return true;
		}
	}

	return false;
}

/**
 * Run the handler of the command a key triggers. When a key matches several commands (Esc: stop
 * loading, clear the filter), the first one with a handler runs, so a screen turns a meaning
 * on and off by giving or omitting the handler.
 *
 * The listener stays subscribed for the component's whole life and reads scopes, handlers and
 * `isActive` through a ref assigned at render. Ink (re)subscribes listeners in effects, which run
 * after the render: keys arriving in between — a fast typist, `1` then `/` in one read — would
 * otherwise reach a stale handler or none at all (stack-notes §3). Handlers must still use
 * functional updates or dispatch.
 */
export function useKeyBindings({scopes, handlers, isActive = true}: UseKeyBindingsOptions): void {
	const latest = useRef({scopes, handlers, isActive});
	latest.current = {scopes, handlers, isActive};
	const onInput = useCallback((input: string, key: Key) => {
		const {scopes: activeScopes, handlers: activeHandlers, isActive: isListening} = latest.current;
		if (typeof isListening === 'function' ? isListening() : isListening) runKeyBinding(input, key, activeScopes, activeHandlers);
	}, []);
	useInput(onInput);
}
