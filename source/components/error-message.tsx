// One line that says what happened and what to do, with a live countdown when a retry is due.
import React from 'react';
import {Text} from 'ink';
import {formatCountdown} from '../lib/format.js';
import {sanitizeText} from '../lib/sanitize-text.js';
import {useNow} from '../lib/use-now.js';

/** How serious a message is. The word is printed too, so it reads without colour. */
export type MessageTone = 'error' | 'warning' | 'info';

const TONES: Readonly<Record<MessageTone, {readonly label: string; readonly color: string}>> = {
	error: {label: 'error', color: 'red'},
	warning: {label: 'warning', color: 'yellow'},
	info: {label: 'info', color: 'cyan'},
};

export interface ErrorMessageProps {
	/** What happened. May carry server text; it is sanitised here. */
	readonly message: string;
	/** What to do about it. */
	readonly hint?: string;
	/** @default 'error' */
	readonly tone?: MessageTone;
	/** When a retry becomes possible (epoch ms): shows `retry in 1m 15s`, counting down. */
	readonly retryAt?: number;
	/** The current time; when omitted the component ticks every second while `retryAt` is ahead. */
	readonly now?: number;
	/** Cells available; the line is cut to fit. */
	readonly width?: number;
}

/** The text of an {@link ErrorMessage} line, for tests and non-interactive output. */
export function formatMessageLine({message, hint, tone = 'error', retryAt, now = Date.now()}: ErrorMessageProps): string {
	let line = `${TONES[tone].label}: ${sanitizeText(message)}`;
	if (hint) line += ` — ${sanitizeText(hint)}`;
	if (retryAt !== undefined) {
		const seconds = (retryAt - now) / 1000;
		line += seconds > 0 ? ` · retry in ${formatCountdown(seconds)}` : ' · retry now';
	}
	return line;
}

/** "what happened — what to do", one line, coloured by tone and always prefixed with the tone's word. */
export function ErrorMessage(props: ErrorMessageProps) {
	const {tone = 'error', retryAt, width} = props;
	const clock = useNow({isActive: props.now === undefined && retryAt !== undefined && retryAt > Date.now()});
	const line = formatMessageLine({...props, now: props.now ?? clock});
	return (
		<Text wrap="truncate" color={TONES[tone].color}>
			{width === undefined ? line : sanitizeText(line, {maxLength: width})}
		</Text>
	);
}
