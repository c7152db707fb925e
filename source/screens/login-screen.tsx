import {Box, Text, useInput} from 'ink';
import TextInput from 'ink-text-input';
import React, {useState} from 'react';
import {PLATFORMS} from '../api/platforms.js';
import {formatMessageLine} from '../components/error-message.js';
import {Spinner} from '../components/spinner.js';
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
	const [platformIndex, setPlatformIndex] = useState(() => initialPlatformIndex(initialPlatform, initialApiUrl));
	const [apiUrl, setApiUrl] = useState(initialApiUrl ?? '');
	const [username, setUsername] = useState(initialUsername ?? '');
	const [password, setPassword] = useState('');
	const platform = platformChoices[platformIndex]!;
	const fields: Field[] = demo ? ['username', 'password'] : platform.id === 'custom' ? ['platform', 'apiUrl', 'username', 'password'] : ['platform', 'username', 'password'];
	const [focus, setFocus] = useState<Field>(() => {
		if (demo) return initialUsername ? 'password' : 'username';
		if (!initialPlatform && !initialApiUrl) return 'platform';
		return initialUsername ? 'password' : 'username';
	});
	const isBusy = session.status === 'logging-in';

	const move = (delta: number) =>
		setFocus(current => {
			const index = fields.indexOf(current);
			return fields[Math.min(Math.max(index + delta, 0), fields.length - 1)]!;
		});

	const submit = async () => {
		if (isBusy) return;
		const request: LoginRequest = demo
			? {platform: 'DEMO', apiUrl: demo.url, username, password}
			: {platform: platform.id, apiUrl: platform.id === 'custom' ? apiUrl : undefined, username, password};
		const isLoggedIn = await session.login(request);
		// The password is dropped either way: it lives only in the client from here on.
		setPassword('');
		if (!isLoggedIn) setFocus('password');
	};

	const next = () => {
		if (focus === 'password') {
			void submit();
			return;
		}

		move(1);
	};

	useInput(
		(input, key) => {
			if (key.tab || key.downArrow) move(key.shift || key.upArrow ? -1 : 1);
			else if (key.upArrow) move(-1);
			else if (focus === 'platform' && (key.leftArrow || key.rightArrow || input === 'h' || input === 'l' || input === ' ')) {
				const delta = key.leftArrow || input === 'h' ? -1 : 1;
				setPlatformIndex(index => (index + delta + platformChoices.length) % platformChoices.length);
			} else if (focus === 'platform' && key.return) next();
		},
		{isActive: isActive && !isBusy},
	);

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
						<Text bold>{platform.id.padEnd(6)}</Text>
						{platform.host}
						{focus === 'platform' ? ' ›   (←/→ to change)' : ''}
					</Text>
				</Box>
			)}
			{fields.includes('apiUrl') ? (
				<Box>
					{label('apiUrl', 'API URL')}
					<TextInput value={apiUrl} onChange={setApiUrl} onSubmit={next} focus={isActive && !isBusy && focus === 'apiUrl'} placeholder="https://qualysapi.example.com" />
				</Box>
			) : null}
			<Box>
				{label('username', 'Username')}
				<TextInput value={username} onChange={setUsername} onSubmit={next} focus={isActive && !isBusy && focus === 'username'} />
			</Box>
			<Box>
				{label('password', 'Password')}
				<TextInput value={password} onChange={setPassword} onSubmit={next} mask="*" focus={isActive && !isBusy && focus === 'password'} />
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
				<Text dimColor>Enter: next field, log in on the last · Tab/Shift+Tab or ↑/↓: move · Ctrl+C: quit</Text>
			)}
		</Box>
	);
}
