import {Box, Text, useInput, type Key} from 'ink';
import React, {useCallback, useRef, useState} from 'react';
import type {RateLimit} from './api/types.js';
import {HelpOverlay} from './components/help-overlay.js';
import {StatusBar} from './components/status-bar.js';
import {TooSmall} from './components/too-small.js';
import {useKeyBindings} from './hooks/use-key-bindings.js';
import {SessionProvider, useSession, type ClientFactory, type SessionHolder} from './hooks/use-session.js';
import {useTerminalSize} from './hooks/use-terminal-size.js';
import type {KeyScope} from './keys.js';
import {isTerminalTooSmall} from './lib/min-terminal-size.js';
import {useNow} from './lib/use-now.js';
import {cycleScreen, SCREENS, type ScreenId} from './screens.js';
import {HostListScreen} from './screens/host-list-screen.js';
import {LoginScreen, type DemoTarget} from './screens/login-screen.js';
import {RateLimitScreen} from './screens/rate-limit-screen.js';
import {ScanListScreen} from './screens/scan-list-screen.js';

export interface AppProps {
	readonly createClient: ClientFactory;
	/** Lets the process edge log out the live session on any exit path. */
	readonly holder?: SessionHolder;
	readonly isInsecure?: boolean;
	readonly demo?: DemoTarget;
	readonly initialPlatform?: string;
	readonly initialApiUrl?: string;
	readonly initialUsername?: string;
	/** `truncation_limit` for the host list. */
	readonly pageSize?: number;
	/** Quit: the process edge logs out, unmounts and restores the terminal. */
	readonly onQuit: () => void;
}

/** The root: one session for the whole program, then the login form or the screens. */
export function App({createClient, holder, isInsecure = false, ...props}: AppProps) {
	return (
		<SessionProvider createClient={createClient} holder={holder} isInsecure={isInsecure}>
			<Shell {...props} />
		</SessionProvider>
	);
}

type ShellProps = Omit<AppProps, 'createClient' | 'holder' | 'isInsecure'>;

/** The quota the status line shows for a screen: its own API's, or on Limits the one with the least left. */
function quotaFor(screen: ScreenId, quota: ReadonlyMap<string, RateLimit>): RateLimit | undefined {
	const api = SCREENS.find(entry => entry.id === screen)?.api;
	if (api) return quota.get(api);
	let lowest: RateLimit | undefined;
	for (const reading of quota.values()) {
		const share = (reading.remaining ?? Infinity) / (reading.limit ?? 1);
		const lowestShare = lowest ? (lowest.remaining ?? Infinity) / (lowest.limit ?? 1) : Infinity;
		if (!lowest || share < lowestShare) lowest = reading;
	}

	return lowest;
}

function Shell({demo, initialPlatform, initialApiUrl, initialUsername, pageSize, onQuit}: ShellProps) {
	const session = useSession();
	const {columns, rows} = useTerminalSize();
	const [screen, setScreen] = useState<ScreenId>('hosts');
	const [capturing, setCapturing] = useState<Partial<Record<ScreenId, boolean>>>({});
	const [isHelp, setIsHelp] = useState(false);
	const [isQuitting, setIsQuitting] = useState(false);
	const isTooSmall = isTerminalTooSmall({columns, rows});
	const hasSession = session.client !== undefined && session.status !== 'logged-out' && session.status !== 'logging-in';
	const isLoginShown = !hasSession || session.status === 'expired';
	const isCapturingText = capturing[screen] === true;

	const quit = useCallback(() => {
		setIsQuitting(true);
		// Known at once, not at the next render: the next key may arrive before it.
		latest.current.areGlobalKeysActive = false;
		onQuit();
	}, [onQuit]);

	const areGlobalKeysActive = !isLoginShown && !isTooSmall && !isCapturingText && !isQuitting;
	// Ctrl+C always quits (raw mode delivers it as a key, not a signal): through the `quit` binding
	// where global keys are active, here everywhere else (login form, filter line, too small, and a
	// second Ctrl+C while logging out, which forces the exit). `q` also quits when too small.
	// Read through a ref, like useKeyBindings: a second Ctrl+C right after the first must see the
	// quitting state even before Ink has re-subscribed this listener.
	const latest = useRef({areGlobalKeysActive, isTooSmall, quit});
	latest.current = {areGlobalKeysActive, isTooSmall, quit};
	const onInput = useCallback((input: string, key: Key) => {
		const {areGlobalKeysActive: isBound, isTooSmall: isSmall, quit: quitNow} = latest.current;
		if (key.ctrl && input === 'c' && !isBound) quitNow();
		else if (isSmall && input === 'q') quitNow();
	}, []);
	useInput(onInput);

	useKeyBindings({
		scopes: isHelp ? ['help'] : ['global'],
		isActive: areGlobalKeysActive,
		handlers: isHelp
			? {'close-help': () => setIsHelp(false)}
			: {
					quit,
					help: () => setIsHelp(true),
					'screen-1': () => setScreen('hosts'),
					'screen-2': () => setScreen('scans'),
					'screen-3': () => setScreen('limits'),
					'next-screen': () => setScreen(current => cycleScreen(current, 1)),
					'previous-screen': () => setScreen(current => cycleScreen(current, -1)),
				},
	});

	const captureFor = useCallback((id: ScreenId) => (isCapturing: boolean) => setCapturing(previous => (previous[id] === isCapturing ? previous : {...previous, [id]: isCapturing})), []);
	const [captureHosts] = useState(() => captureFor('hosts'));
	const [captureScans] = useState(() => captureFor('scans'));
	const [captureLimits] = useState(() => captureFor('limits'));


	if (isQuitting) {
		return (
			<Box width={columns} height={rows} flexDirection="column">
				<Text>{hasSession && session.status !== 'expired' ? 'Logging out…' : 'Bye.'}</Text>
			</Box>
		);
	}

	const bodyHeight = rows - 1;
	const isMainActive = !isLoginShown && !isHelp && !isTooSmall;
	const screenScopes: KeyScope[] = screen === 'limits' ? ['limits', 'global'] : [screen === 'hosts' ? 'hosts' : 'scans', 'list', 'global'];

	return (
		<Box flexDirection="column" width={columns} height={rows}>
			{/* Too small: a message instead of the screens, which stay mounted (hidden, inactive) so a
			    resize loses neither the login form nor any screen's data, filter or selection. */}
			{isTooSmall ? <TooSmall columns={columns} rows={rows} /> : null}
			{isLoginShown ? (
				<Box flexDirection="column" height={rows} display={isTooSmall ? 'none' : 'flex'}>
					{session.status === 'expired' ? (
						<Text color="yellow" wrap="truncate">
							The session ended and logging in again failed — log in to continue; your screens are kept.
						</Text>
					) : null}
					<LoginScreen
						initialPlatform={initialPlatform}
						initialApiUrl={initialApiUrl}
						initialUsername={session.username ?? initialUsername}
						demo={demo}
						isActive={!isQuitting && !isTooSmall}
					/>
				</Box>
			) : isTooSmall ? null : (
				<LiveStatusBar screen={screen} width={columns} />
			)}
			{isHelp && !isLoginShown && !isTooSmall ? <HelpOverlay scopes={screenScopes} width={columns} height={bodyHeight} /> : null}
			{/* Screens stay mounted while hidden so their data, selection, filter and sort survive a switch. */}
			<HostListScreen isActive={isMainActive && screen === 'hosts'} isSelected={screen === 'hosts'} width={columns} height={bodyHeight} pageSize={pageSize} onCapturesText={captureHosts} />
			<ScanListScreen isActive={isMainActive && screen === 'scans'} width={columns} height={bodyHeight} onCapturesText={captureScans} />
			<RateLimitScreen isActive={isMainActive && screen === 'limits'} width={columns} height={bodyHeight} onCapturesText={captureLimits} />
		</Box>
	);
}

/** The status line, with its own one-second clock so the countdown and ages move without re-rendering the screens. */
function LiveStatusBar({screen, width}: {readonly screen: ScreenId; readonly width: number}) {
	const session = useSession();
	const now = useNow({intervalMs: 1000});
	const apiLabel = SCREENS.find(entry => entry.id === screen)!.apiLabel;
	return (
		<StatusBar
			screens={SCREENS}
			currentScreen={screen}
			user={session.username}
			platform={session.platformLabel}
			quota={quotaFor(screen, session.quota)}
			apiLabel={apiLabel}
			now={now}
			isInsecure={session.isInsecure}
			width={width}
		/>
	);
}
