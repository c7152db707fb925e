import {Table} from '@alcalzone/ink-table';
import {Box, Text} from 'ink';
import React, {useState} from 'react';
import {LIMITED_API_FUNCTIONS, type ApiFunction, type RateLimit} from '../api/types.js';
import {ErrorMessage} from '../components/error-message.js';
import {KeyHints} from '../components/key-hints.js';
import {secondsToWait} from '../components/status-bar.js';
import {useKeyBindings} from '../hooks/use-key-bindings.js';
import {useSession} from '../hooks/use-session.js';
import type {ScreenProps} from '../screens.js';
import type {KeyScope} from '../keys.js';
import {describeError, type ErrorDescription} from '../lib/describe-error.js';
import {formatAge, formatCount, formatCountdown, formatQuotaRule, UNKNOWN} from '../lib/format.js';
import {useNow} from '../lib/use-now.js';

/** How an API function is named on screen. */
export const apiNames: Readonly<Record<ApiFunction, string>> = {
	'host-list': 'host list',
	'host-detail': 'host detail',
	'scan-list': 'scan list',
	about: 'about.php',
	session: 'session',
};

const show = (value: number | undefined) => (value === undefined ? UNKNOWN : formatCount(value));

/** One row of the limits table, as text. */
export function limitRow(reading: RateLimit, now: number) {
	const wait = secondsToWait(reading, now);
	return {
		API: apiNames[reading.api],
		Limit: formatQuotaRule(reading.limit, reading.windowSec),
		Remaining: reading.remaining === undefined ? UNKNOWN : `${show(reading.remaining)}/${show(reading.limit)}`,
		Wait: wait > 0 ? `blocked ${formatCountdown(wait)}` : '-',
		Running: `${show(reading.concurrencyRunning)}/${show(reading.concurrencyLimit)}`,
		Read: formatAge(reading.readAt, now),
	};
}

export type RateLimitScreenProps = ScreenProps;

/**
 * What the headers of earlier calls told us, per API function, plus the session. Opening it costs
 * no call; `r` re-reads with one call to /msp/about.php (asking first in session mode, where it
 * is an extra Basic-auth call the operator may not expect).
 */
export function RateLimitScreen({isActive, width, height, onCapturesText}: RateLimitScreenProps) {
	const session = useSession();
	const readings = LIMITED_API_FUNCTIONS.map(api => session.quota.get(api)).filter((reading): reading is RateLimit => reading !== undefined);
	const isCountingDown = readings.some(reading => secondsToWait(reading, Date.now()) > 0);
	const now = useNow({intervalMs: 1000, isActive});
	const [isConfirming, setIsConfirming] = useState(false);
	const [isReading, setIsReading] = useState(false);
	const [message, setMessage] = useState<ErrorDescription & {tone?: 'error' | 'info'}>();

	React.useEffect(() => {
		onCapturesText?.(isActive && isConfirming);
	}, [isActive, isConfirming, onCapturesText]);

	const reread = () => {
		const client = session.client;
		if (!client || isReading) return;
		setIsReading(true);
		setMessage(undefined);
		client.about().then(
			() => setMessage({message: 'Limits re-read with one call to /msp/about.php', tone: 'info'}),
			(error: unknown) => setMessage(describeError(error)),
		).finally(() => setIsReading(false));
	};

	const about = session.quota.get('about');
	const scopes: KeyScope[] = isConfirming ? ['confirm'] : ['limits', 'global'];
	useKeyBindings({
		scopes,
		isActive,
		handlers: isConfirming
			? {
					'confirm-yes': () => {
						setIsConfirming(false);
						reread();
					},
					'confirm-no': () => setIsConfirming(false),
				}
			: {
					'reread-limits': () => {
						if (session.authMode === 'basic') reread();
						else setIsConfirming(true);
					},
				},
	});

	if (!isActive) return null;

	const sessionAge = session.sessionStartedAt ? formatAge(session.sessionStartedAt, now).replace(/ ago$/, '') : UNKNOWN;
	const calls = [...session.calls.entries()].filter(([api]) => api !== 'session' || session.authMode === 'session');
	const callText = calls.length > 0 ? calls.map(([api, count]) => `${apiNames[api]} ${count}`).join(' · ') : 'none yet';
	const rows = readings.map(reading => limitRow(reading, now));
	// ink-table draws 2 lines a row plus borders, and each column is its widest cell plus padding
	// and a border; when that does not fit, the same facts go one line per API.
	const columnWidths = Object.keys(rows[0] ?? {}).map(key => Math.max(key.length, ...rows.map(row => row[key as keyof typeof row].length)) + 3);
	const tableFits = height >= rows.length * 2 + 3 + 9 && columnWidths.reduce((sum, cell) => sum + cell, 1) <= width;

	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text bold wrap="truncate">
				Limits · read from this session's responses (opening this costs no call){isCountingDown ? ' · counting down' : ''}
			</Text>
			{readings.length === 0 ? (
				<Box flexDirection="column" paddingY={1}>
					<Text>No limit readings yet: every Qualys response carries them, so they appear after the first host or scan list.</Text>
					<Text dimColor>r reads them now with one call to /msp/about.php (about.php has its own counter).</Text>
				</Box>
			) : tableFits ? (
				<Table data={rows} />
			) : (
				<Box flexDirection="column" paddingY={1}>
					{rows.map(row => (
						<Text key={row.API} wrap="truncate">
							{`${row.API}: ${row.Remaining} left · ${row.Limit} · ${row.Running} running · ${row.Wait === '-' ? 'not blocked' : row.Wait} · read ${row.Read}`}
						</Text>
					))}
				</Box>
			)}
			<Text> </Text>
			<Text bold>Session</Text>
			<Text wrap="truncate">
				{`  user ${session.username ?? UNKNOWN} · platform ${session.platformLabel ?? UNKNOWN} · auth ${session.authMode ?? UNKNOWN} · open for ${sessionAge}`}
			</Text>
			<Text wrap="truncate">{`  calls this session: ${callText}`}</Text>
			{about === undefined ? null : <Text dimColor wrap="truncate">{`  about.php read ${formatAge(about.readAt, now)}`}</Text>}
			<Box flexGrow={1} />
			<Box height={1}>
				{isConfirming ? (
					<Text color="yellow" bold wrap="truncate">
						? Re-read with 1 about.php call ({about?.remaining === undefined ? 'its own counter' : `${about.remaining} left`})? y reads · n cancels
					</Text>
				) : isReading ? (
					<Text>Reading /msp/about.php…</Text>
				) : message ? (
					<ErrorMessage {...message} tone={message.tone ?? 'error'} width={width} />
				) : (
					<Text> </Text>
				)}
			</Box>
			<KeyHints scopes={scopes} width={width} />
		</Box>
	);
}
