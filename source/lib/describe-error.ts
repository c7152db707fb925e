import {isQualysError, isRateLimitError} from '../api/errors.js';
import {sanitizeText} from './sanitize-text.js';

/** An error as the message line shows it: what happened, what to do, and when a wait ends. */
export interface ErrorDescription {
	readonly message: string;
	readonly hint?: string;
	/** Epoch ms when a rate-limit wait ends, for the countdown. */
	readonly retryAt?: number;
}

/**
 * Turns anything thrown into "what happened — what to do". Typed client errors carry both;
 * anything else is a bug, shown as its first line and never as a stack trace.
 */
export function describeError(error: unknown, now = Date.now()): ErrorDescription {
	if (isQualysError(error)) {
		return {
			message: error.message,
			hint: error.hint,
			retryAt: isRateLimitError(error) && error.waitSeconds !== undefined ? now + error.waitSeconds * 1000 : undefined,
		};
	}

	if (typeof error === 'object' && error !== null && 'message' in error) {
		const {message, hint} = error as {message: unknown; hint?: unknown};
		return {
			message: sanitizeText(String(message).split('\n')[0] ?? '', {maxLength: 200}),
			hint: typeof hint === 'string' ? hint : undefined,
		};
	}

	return {message: sanitizeText(String(error), {maxLength: 200})};
}
