import {Text, type Key} from 'ink';
import React from 'react';

/** What one keypress does to a single-line field. */
export interface TextEdit {
	readonly value: string;
	/** Enter was pressed (alone, or at the end of a pasted chunk). */
	readonly isSubmit: boolean;
}

// Ink delivers a pasted chunk as one event; strip what a field can never hold.
const controlCharacters = /[\u0000-\u001F\u007F-\u009F]/g;

/**
 * Applies one Ink input event to a field's value, or returns undefined when the key is not for the
 * field (Tab, arrows, Esc, Ctrl+ combinations other than Ctrl+U). Pure, so a caller can apply
 * several events that arrive before React re-renders, each to the result of the last.
 * A chunk like `secret\r` (a paste ending in Enter) adds the text and submits.
 */
export function editText(value: string, input: string, key: Key): TextEdit | undefined {
	if (key.return) return {value, isSubmit: true};
	// Terminals send DEL (0x7F) for Backspace; Ink reports it as `delete` or `backspace` depending on the terminal.
	if (key.backspace || key.delete) return {value: Array.from(value).slice(0, -1).join(''), isSubmit: false};
	if (key.ctrl && input === 'u') return {value: '', isSubmit: false};
	if (key.ctrl || key.meta || key.escape || key.tab || key.upArrow || key.downArrow || key.leftArrow || key.rightArrow || key.pageUp || key.pageDown) {
		return undefined;
	}

	const enter = input.search(/[\r\n]/);
	const text = (enter === -1 ? input : input.slice(0, enter)).replace(controlCharacters, '');
	if (text === '' && enter === -1) return undefined;
	return {value: value + text, isSubmit: enter !== -1};
}

export interface TextFieldProps {
	readonly value: string;
	/** Shown instead of each character (a password). */
	readonly mask?: string;
	readonly placeholder?: string;
	/** Shows the cursor block at the end. */
	readonly isFocused: boolean;
}

/** A single-line field as text: the value (or its mask), a cursor block when focused, or a dim placeholder. */
export function TextField({value, mask, placeholder, isFocused}: TextFieldProps) {
	const shown = mask === undefined ? value : mask.repeat(Array.from(value).length);
	if (shown === '' && placeholder && !isFocused) return <Text dimColor>{placeholder}</Text>;
	return (
		<Text>
			{shown}
			{isFocused ? <Text inverse> </Text> : null}
			{shown === '' && placeholder && isFocused ? <Text dimColor>{placeholder}</Text> : null}
		</Text>
	);
}
