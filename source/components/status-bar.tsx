// The always-visible top line: screens, who is logged in where, and the live quota of one API.
// Pure: everything comes in through props (the caller ticks `now`).
import React from 'react';
import {Text} from 'ink';
import type {RateLimit} from '../api/types.js';
import {stringWidth, truncateToWidth} from '../lib/display-width.js';
import {formatAge, formatCountdown, formatCount, formatWindowShort, UNKNOWN} from '../lib/format.js';
import {sanitizeText} from '../lib/sanitize-text.js';

/** A screen as the tab strip shows it. */
export interface ScreenTab {
	readonly id: string;
	readonly title: string;
	/** The digit that opens it. */
	readonly hotkey: string;
}

/** How worried the quota should make the operator. */
export type QuotaLevel = 'unknown' | 'ok' | 'low' | 'critical' | 'blocked';

/** Below this share of the limit left, the quota turns yellow and gets a `!`. */
export const LOW_QUOTA_SHARE = 0.2;
/** Below this share left, it turns red and gets `!!`. */
export const CRITICAL_QUOTA_SHARE = 0.05;

/** Seconds still to wait before a call will not be rate-blocked, counted down from the reading; 0 when not blocked. */
export function secondsToWait(quota: RateLimit | undefined, now: number): number {
	if (!quota?.toWaitSec || !Number.isFinite(quota.toWaitSec) || quota.toWaitSec <= 0) return 0;
	return Math.max(0, quota.toWaitSec - (now - quota.readAt) / 1000);
}

/** The level of a quota reading at `now`. */
export function quotaLevel(quota: RateLimit | undefined, now: number): QuotaLevel {
	if (!quota) return 'unknown';
	if (secondsToWait(quota, now) > 0) return 'blocked';
	const {remaining, limit} = quota;
	if (remaining === undefined || limit === undefined || !Number.isFinite(remaining) || !Number.isFinite(limit) || limit <= 0) {
		return 'unknown';
	}
	const share = remaining / limit;
	if (share < CRITICAL_QUOTA_SHARE) return 'critical';
	if (share < LOW_QUOTA_SHARE) return 'low';
	return 'ok';
}

const LEVEL_STYLE: Readonly<Record<QuotaLevel, {readonly mark: string; readonly color?: string}>> = {
	unknown: {mark: ''},
	ok: {mark: ''},
	low: {mark: '! ', color: 'yellow'},
	critical: {mark: '!! ', color: 'red'},
	blocked: {mark: '!! ', color: 'red'},
};

export interface StatusBarProps {
	readonly screens: readonly ScreenTab[];
	readonly currentScreen: string;
	readonly user?: string;
	/** Platform label, e.g. `US1` or the host name of the API URL. */
	readonly platform?: string;
	/** The latest reading for the API the current screen uses; undefined before the first call. */
	readonly quota?: RateLimit;
	/** Which API the quota belongs to, e.g. `'hosts API'`. */
	readonly apiLabel: string;
	/** Epoch ms; the caller ticks it so the blocked countdown and the reading's age move. */
	readonly now: number;
	/** Whether TLS verification is off. Shown in red as `INSECURE`, and kept when space is short. */
	readonly isInsecure?: boolean;
	/** @default 80 */
	readonly width?: number;
}

/** One piece of the bar. Higher `priority` stays longer when the line is too narrow. */
export interface StatusSegment {
	readonly id: string;
	readonly text: string;
	readonly priority: number;
	/** Text before the segment when anything precedes it. */
	readonly separator: string;
	readonly color?: string;
	readonly isBold?: boolean;
	readonly isInverse?: boolean;
}

const BAR = ' │ ';
const DOT = ' · ';

/** The segments of the bar, in display order. Exported for tests and for the limits screen's summary. */
export function statusSegments(props: StatusBarProps): StatusSegment[] {
	const {screens, currentScreen, user, platform, quota, apiLabel, now, isInsecure = false} = props;
	const segments: StatusSegment[] = [];
	screens.forEach((screen, index) => {
		const isCurrent = screen.id === currentScreen;
		segments.push({
			id: `tab-${screen.id}`,
			text: isCurrent ? `[${screen.hotkey} ${screen.title}]` : `${screen.hotkey} ${screen.title}`,
			// The current tab outlives the others.
			priority: isCurrent ? 90 : 50,
			separator: index === 0 ? '' : ' ',
			isBold: isCurrent,
			isInverse: isCurrent,
		});
	});
	if (user !== undefined || platform !== undefined) {
		segments.push({
			id: 'user',
			text: `${sanitizeText(user ?? UNKNOWN)}@${sanitizeText(platform ?? UNKNOWN)}`,
			priority: 60,
			separator: BAR,
		});
	}
	const level = quotaLevel(quota, now);
	const {mark, color} = LEVEL_STYLE[level];
	const counts = quota ? `${formatCount(quota.remaining)}/${formatCount(quota.limit)}` : UNKNOWN;
	const main = level === 'blocked' ? `blocked${DOT}${formatCountdown(secondsToWait(quota, now))}` : counts;
	segments.push({id: 'quota', text: `${mark}${apiLabel} ${main}`, priority: 100, separator: BAR, color, isBold: level !== 'ok' && level !== 'unknown'});
	if (quota) {
		if (level === 'blocked') segments.push({id: 'remaining', text: `${counts} left`, priority: 35, separator: DOT});
		segments.push({id: 'window', text: `window ${formatWindowShort(quota.windowSec)}`, priority: 30, separator: DOT});
		if (quota.concurrencyLimit !== undefined || quota.concurrencyRunning !== undefined) {
			segments.push({
				id: 'running',
				text: `${formatCount(quota.concurrencyRunning)}/${formatCount(quota.concurrencyLimit)} running`,
				priority: 40,
				separator: DOT,
			});
		}
		segments.push({id: 'age', text: `read ${formatAge(quota.readAt, now)}`, priority: 10, separator: DOT});
	}
	if (isInsecure) segments.push({id: 'insecure', text: 'INSECURE', priority: 95, separator: BAR, color: 'red', isBold: true});
	return segments;
}

function lineWidth(segments: readonly StatusSegment[]): number {
	return segments.reduce((sum, segment, index) => sum + stringWidth(index === 0 ? segment.text : segment.separator + segment.text), 0);
}

/** The segments that fit in `width`: the lowest priority goes first (the rightmost of equals). */
export function fitSegments(segments: readonly StatusSegment[], width: number): StatusSegment[] {
	const kept = [...segments];
	while (kept.length > 1 && lineWidth(kept) > width) {
		let drop = 0;
		for (let index = 1; index < kept.length; index++) {
			if (kept[index]!.priority <= kept[drop]!.priority) drop = index;
		}
		kept.splice(drop, 1);
	}
	return kept;
}

/** The bar as plain text (what NO_COLOR shows), for tests. */
export function formatStatusBar(props: StatusBarProps): string {
	const kept = fitSegments(statusSegments(props), props.width ?? 80);
	return truncateToWidth(kept.map((segment, index) => (index === 0 ? segment.text : segment.separator + segment.text)).join(''), props.width ?? 80);
}

/**
 * One line: `[1 Hosts] 2 Scans 3 Limits │ alice@US1 │ hosts API 287/300 · window 1 h · 1/2 running`.
 * The quota is yellow with `!` under 20 % left, red with `!!` under 5 % or when blocked
 * (`blocked · 1m 15s`); unknown values show `?`. Parts are dropped by priority to fit `width`.
 */
export function StatusBar(props: StatusBarProps) {
	const width = props.width ?? 80;
	const kept = fitSegments(statusSegments(props), width);
	return (
		<Text wrap="truncate">
			{kept.map((segment, index) => (
				<React.Fragment key={segment.id}>
					{index === 0 ? '' : segment.separator}
					<Text color={segment.color} bold={segment.isBold} inverse={segment.isInverse}>
						{segment.text}
					</Text>
				</React.Fragment>
			))}
		</Text>
	);
}
