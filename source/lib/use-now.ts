// A clock for countdowns and "12s ago" readings: one interval, stopped on unmount or when idle.
import {useEffect, useState} from 'react';

/** Options of {@link useNow}. */
export interface UseNowOptions {
	/** @default 1000 */
	readonly intervalMs?: number;
	/** Whether to tick; pass false when nothing on screen counts down. @default true */
	readonly isActive?: boolean;
}

/** `Date.now()`, re-read every `intervalMs` while active. */
export function useNow({intervalMs = 1000, isActive = true}: UseNowOptions = {}): number {
	const [now, setNow] = useState(() => Date.now());
	useEffect(() => {
		if (!isActive) return;
		setNow(Date.now());
		const timer = setInterval(() => setNow(Date.now()), intervalMs);
		return () => clearInterval(timer);
	}, [intervalMs, isActive]);
	return now;
}
