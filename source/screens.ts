import type {ApiFunction} from './api/types.js';

/** The screens, as data: the tab strip, the number keys and Tab order all come from this table. */
export const SCREENS = [
	{id: 'hosts', title: 'Hosts', hotkey: '1', api: 'host-list', apiLabel: 'hosts API'},
	{id: 'scans', title: 'Scans', hotkey: '2', api: 'scan-list', apiLabel: 'scans API'},
	{id: 'limits', title: 'Limits', hotkey: '3', api: undefined, apiLabel: 'lowest API'},
] as const satisfies ReadonlyArray<{id: string; title: string; hotkey: string; api?: ApiFunction; apiLabel: string}>;

export type ScreenId = (typeof SCREENS)[number]['id'];

/** The screen `delta` steps from `current`, wrapping around (Tab / Shift+Tab). */
export function cycleScreen(current: ScreenId, delta: number): ScreenId {
	const index = SCREENS.findIndex(screen => screen.id === current);
	return SCREENS[(index + delta + SCREENS.length) % SCREENS.length]!.id;
}

/** What the app gives every screen: whether it has the keyboard, its size, and a way to say it takes text. */
export interface ScreenProps {
	/** The current screen; hidden screens stay mounted (keeping their state) and render nothing. */
	readonly isActive: boolean;
	readonly width: number;
	readonly height: number;
	/** Called when the screen starts or stops taking text input (a filter, a question), so global keys stay quiet. */
	readonly onCapturesText?: (isCapturing: boolean) => void;
}
