import {hash32, pick} from './hash.js';
import {hostileText} from './hostile-text.js';

const DAY_MS = 86_400_000;

/** One scan as the simulator renders it: the raw field texts of a `SCAN` element. */
export interface SimScan {
	readonly id: string;
	readonly ref: string;
	readonly type: 'On-Demand' | 'Scheduled' | 'API';
	readonly title: string;
	readonly userLogin: string;
	readonly launchedMs: number;
	/** `HH:MM:SS`, `N days HH:MM:SS`, `Pending` or `Running`. */
	readonly duration: string;
	readonly processingPriority: string;
	readonly processed: boolean;
	readonly state: 'Running' | 'Paused' | 'Canceled' | 'Finished' | 'Error' | 'Queued' | 'Loading';
	readonly subState?: 'No_Vuln' | 'No_Host';
	readonly target: string;
	readonly optionProfile: {readonly title: string; readonly isDefault: boolean};
	readonly assetGroupTitles?: readonly string[];
}

// The newest scans cycle through every state so the default 30-day window always shows all of them.
const LEADING_STATES: readonly SimScan['state'][] = ['Running', 'Paused', 'Queued', 'Loading', 'Error', 'Canceled', 'Finished'];

const TITLES = [
	'Weekly PCI scan - DMZ',
	'Internal network discovery',
	'Ad hoc: web servers after patch day',
	'Monthly authenticated scan (Windows)',
	'Linux fleet — CIS baseline',
	'API launched: CI pipeline pre-release',
	'Quarterly external scan <perimeter>',
];

const TARGETS = [
	'10.0.0.1-10.0.255.254, 172.16.0.1-172.16.15.254',
	'192.168.1.0-192.168.1.255',
	'web001.corp.example.com, db002.prod.example.net',
	'203.0.113.1-203.0.113.254, 198.51.100.10',
	'10.0.12.7',
	'3f1c9a2e-6b7d-4e0f-9a31-5c2d8e7b4a10',
];

const USERS = ['demo', 'acme_js', 'acme_api', 'secops_mm'];

/**
 * Creates `count` scans, newest first, spread over the 40 days before `anchorMs` (so some fall
 * outside the API's default 30-day window). Pure function of the seed; `isHostile` swaps TITLE
 * and TARGET for terminal-hostile text.
 */
export function createScans(options: {readonly seed: number; readonly count: number; readonly anchorMs: number; readonly isHostile?: boolean}): SimScan[] {
	const {seed, count, anchorMs, isHostile = false} = options;
	const spacingMs = count > 0 ? (40 * DAY_MS) / count : 0;
	return Array.from({length: count}, (_, index): SimScan => {
		const launchedMs = Math.floor(anchorMs - DAY_MS / 4 - index * spacingMs - (hash32(seed, index, 30) % 3_600_000));
		const roll = hash32(seed, index, 31) % 100;
		const state: SimScan['state'] = index < LEADING_STATES.length ? LEADING_STATES[index] : roll < 88 ? 'Finished' : roll < 94 ? 'Canceled' : 'Error';
		const seconds = 60 + (hash32(seed, index, 32) % (index % 17 === 3 ? 4 * 86_400 : 7_200));
		const subRoll = hash32(seed, index, 33) % 10;
		const typeRoll = hash32(seed, index, 34) % 10;
		const hasAssetGroups = hash32(seed, index, 35) % 4 === 0;
		return {
			id: String(1_480_000 + (count - index) * 13),
			ref: `scan/${Math.floor(launchedMs / 1000)}.${10_000 + (hash32(seed, index, 36) % 90_000)}`,
			type: typeRoll < 5 ? 'Scheduled' : typeRoll < 8 ? 'On-Demand' : 'API',
			title: isHostile ? hostileText(index, 3) : pick(TITLES, seed, index, 37),
			userLogin: pick(USERS, seed, index, 38),
			launchedMs,
			duration: durationText(state, seconds),
			processingPriority: hash32(seed, index, 39) % 10 === 0 ? '2 - Ultimate' : '0 - No Priority',
			processed: state === 'Finished' && index % 11 !== 7,
			state,
			subState: state === 'Finished' && subRoll === 0 ? 'No_Vuln' : state === 'Finished' && subRoll === 1 ? 'No_Host' : undefined,
			target: isHostile ? hostileText(index, 4) : pick(TARGETS, seed, index, 40),
			optionProfile: hash32(seed, index, 41) % 3 === 0 ? {title: 'Authenticated Full Scan', isDefault: false} : {title: 'Initial Options', isDefault: true},
			assetGroupTitles: hasAssetGroups ? ['All', 'DMZ servers & proxies'] : undefined,
		};
	});
}

function durationText(state: SimScan['state'], seconds: number): string {
	if (state === 'Queued' || state === 'Loading') {
		return 'Pending';
	}
	if (state === 'Running' || state === 'Paused') {
		return 'Running';
	}
	const days = Math.floor(seconds / 86_400);
	const clock = [Math.floor(seconds / 3600) % 24, Math.floor(seconds / 60) % 60, seconds % 60].map((n) => String(n).padStart(2, '0')).join(':');
	return days > 0 ? `${days} days ${clock}` : clock;
}
