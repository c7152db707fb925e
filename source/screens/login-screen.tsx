import {Box, Text, useInput, type Key} from 'ink';
import React, {useCallback, useReducer, useRef} from 'react';
import {PLATFORMS} from '../api/platforms.js';
import {formatMessageLine} from '../components/error-message.js';
import {Spinner} from '../components/spinner.js';
import {editText, TextField} from '../components/text-field.js';
import {useSession, type LoginRequest} from '../hooks/use-session.js';
import {describeError} from '../lib/describe-error.js';

/** The choices of the platform field: the 13 PODs, then a custom URL. */
export const platformChoices = [...PLATFORMS.map(platform => ({id: platform.id, host: platform.apiHost})), {id: 'custom', host: 'another API server (enter its URL)'}];

/** The built-in simulator the login goes to with `--demo`. */
export interface DemoTarget {
	readonly url: string;
	readonly username: string;
	readonly password: string;
}

export interface LoginScreenProps {
	/** Prefill from flags and environment variables. */
	readonly initialPlatform?: string;
	readonly initialApiUrl?: string;
	readonly initialUsername?: string;
	readonly demo?: DemoTarget;
	readonly isActive?: boolean;
}

type Field = 'platform' | 'apiUrl' | 'username' | 'password';

interface FormState {
	platformIndex: number;
	apiUrl: string;
	username: string;
	password: string;
	focus: Field;
}

function initialPlatformIndex(platform: string | undefined, apiUrl: string | undefined): number {
	if (apiUrl) return platformChoices.length - 1;
	const index = platformChoices.findIndex(choice => choice.id === platform?.toUpperCase());
	return Math.max(index, 0);
}

/**
 * The login form that replaces `Read-Host`: platform, username, masked password. Focus starts on
 * the first empty field; Tab/Shift+Tab/↑/↓ and Enter move; Enter on the password logs in. On
 * failure the typed error is shown in place and everything but the password stays filled.
 */
export function LoginScreen({initialPlatform, initialApiUrl, initialUsername, demo, isActive = true}: LoginScreenProps) {
	const session = useSession();
	// The form lives in a ref that the one input handler updates synchronously, then re-renders:
	// keys that arrive before React re-renders (a fast typist, a paste followed by Enter) each apply
	// to the result of the last. A controlled ink-text-input rebuilt its value from the previous
	// render's prop and dropped such keys (found by test/e2e/interactive.test.ts).
	const form = useRef<FormState | undefined>(undefined);
	form.current ??= {
		platformIndex: initialPlatformIndex(initialPlatform, initialApiUrl),
		apiUrl: initialApiUrl ?? '',
		username: initialUsername ?? '',
		password: '',
		focus: demo ? (initialUsername ? 'password' : 'username') : !initialPlatform && !initialApiUrl ? 'platform' : initialUsername ? 'password' : 'username',
	};
	const [, rerender] = useReducer((count: number) => count + 1, 0);
	const isBusy = session.status === 'logging-in';
	const latest = useRef({isActive, isBusy, session, demo});
	latest.current = {isActive, isBusy, session, demo};

	const fieldsOf = (state: FormState): Field[] =>
		demo ? ['username', 'password'] : platformChoices[state.platformIndex]!.id === 'custom' ? ['platform', 'apiUrl', 'username', 'password'] : ['platform', 'username', 'password'];

	const submit = async (state: FormState) => {
		const {session: current, demo: demoTarget} = latest.current;
		const choice = platformChoices[state.platformIndex]!;
		const request: LoginRequest = demoTarget
			? {platform: 'DEMO', apiUrl: demoTarget.url, username: state.username, password: state.password}
			: {platform: choice.id, apiUrl: choice.id === 'custom' ? state.apiUrl : undefined, username: state.username, password: state.password};
		// The password leaves the form now: it lives only in the client from here on.
		state.password = '';
		rerender();
		const isLoggedIn = await current.login(request);
		if (!isLoggedIn) {
			state.focus = 'password';
			rerender();
		}
	};

	const onInput = useCallback((input: string, key: Key) => {
		const state = form.current!;
		if (!latest.current.isActive || latest.current.isBusy) return;
		const fields = fieldsOf(state);
		const move = (delta: number) => {
			const index = fields.indexOf(state.focus);
			state.focus = fields[Math.min(Math.max(index + delta, 0), fields.length - 1)]!;
		};

		if (key.tab) move(key.shift ? -1 : 1);
		else if (key.downArrow) move(1);
		else if (key.upArrow) move(-1);
		else if (state.focus === 'platform') {
			if (key.leftArrow || key.rightArrow || input === 'h' || input === 'l' || input === ' ') {
				const delta = key.leftArrow || input === 'h' ? -1 : 1;
				state.platformIndex = (state.platformIndex + delta + platformChoices.length) % platformChoices.length;
			} else if (key.return) move(1);
			else return;
		} else {
			const field = state.focus;
			const edit = editText(state[field], input, key);
			if (!edit) return;
			state[field] = edit.value;
			if (edit.isSubmit) {
				if (field === 'password') {
					void submit(state);
					return;
				}

				move(1);
			}
		}

		rerender();
		// eslint-disable-next-line react-hooks/exhaustive-deps -- reads everything through refs
	}, []);
	useInput(onInput);

	const {platformIndex, apiUrl, username, password, focus} = form.current;
	const platform = platformChoices[platformIndex]!;
	const fields = fieldsOf(form.current);
	const isTyping = isActive && !isBusy;

	const label = (field: Field, text: string) => (
		<Text bold={focus === field} color={focus === field ? 'cyan' : undefined}>
			{focus === field ? '› ' : '  '}
			{text.padEnd(9)}
		</Text>
	);

	const error = session.error ? describeError(session.error) : undefined;
	const targetHost = demo ? demo.url : platform.id === 'custom' ? apiUrl || '…' : platform.host;

	return (
		<Box flexDirection="column" paddingX={1}>
			<Text bold>qualys-tui · log in to the Qualys API</Text>
			<Text> </Text>
			{demo ? (
				<Box flexDirection="column">
					<Text>
						{'  '}
						{'Platform '.padEnd(9)} DEMO · built-in simulator at {demo.url}
					</Text>
					<Text color="yellow">
						{'  '}Demo credentials: username <Text bold>{demo.username}</Text>, password <Text bold>{demo.password}</Text>
					</Text>
				</Box>
			) : (
				<Box>
					{label('platform', 'Platform')}
					<Text>
						{focus === 'platform' ? '‹ ' : '  '}
						<Text bold>{platform.id.padEnd(7)}</Text>
						{platform.host}
						{focus === 'platform' ? ' ›   (←/→ to change)' : ''}
					</Text>
				</Box>
			)}
			{fields.includes('apiUrl') ? (
				<Box>
					{label('apiUrl', 'API URL')}
					<TextField value={apiUrl} isFocused={isTyping && focus === 'apiUrl'} placeholder="https://qualysapi.example.com" />
				</Box>
			) : null}
			<Box>
				{label('username', 'Username')}
				<TextField value={username} isFocused={isTyping && focus === 'username'} />
			</Box>
			<Box>
				{label('password', 'Password')}
				<TextField value={password} mask="*" isFocused={isTyping && focus === 'password'} />
			</Box>
			<Text> </Text>
			{isBusy ? (
				<Text>
					<Spinner /> Logging in to {targetHost} as {username}…
				</Text>
			) : error ? (
				// Wrapped, not cut like ErrorMessage's one line: the form has room, and at 100 columns a
				// login error's "what to do" (the part that helps) was cut off mid-sentence.
				<Text color="red" wrap="wrap">
					{formatMessageLine({message: error.message, hint: error.hint, tone: 'error'})}
				</Text>
			) : (
				<Text dimColor wrap="truncate">Enter: next, log in on the last · Tab/↑/↓: move · Ctrl+C: quit</Text>
			)}
		</Box>
	);
}
