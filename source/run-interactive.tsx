import process from 'node:process';
import {render} from 'ink';
import React from 'react';
import {resolveBaseUrl} from './api/platforms.js';
import {App} from './app.js';
import {clientSettings, insecureWarning, startDemoServer, type DemoServer} from './connection.js';
import type {LoginRequest, SessionHolder} from './hooks/use-session.js';
import {startDebugLog} from './lib/debug-log.js';
import {enterFullscreen, onTerminate} from './lib/fullscreen.js';
import {warmTextMeasure} from './lib/ink/plain-text.js';
import {lineDiffStdout} from './lib/line-diff-stdout.js';
import {oneKeyPerRead} from './lib/one-key-per-read.js';
import type {CliOptions} from './options.js';
import {version} from './version.js';

/**
 * While the operator fills in the form: the text measure's segmenter loaded, a login and a
 * host-list page through the real client to a loopback stand-in, then the host list drawn a dozen
 * times to a terminal that goes nowhere, so the real login and first host rows do not run cold
 * code. The real login stops it (`signal`).
 */
async function warmUpWhileTyping(signal: AbortSignal): Promise<void> {
	// Logged in already: not even the import (node:http, ~10 ms), which would hold up the session's
	// own work, e.g. the logout of an operator who quits at once.
	if (signal.aborted) return;
	warmTextMeasure();
	const {warmUpClient} = await import('./api/warm-up.js');
	const hosts = await warmUpClient(signal);
	if (signal.aborted || hosts.length === 0) return;
	const {rehearseHostList} = await import('./screens/rehearse-host-list.js');
	await rehearseHostList({hosts, columns: process.stdout.columns || 80, rows: process.stdout.rows || 24, signal});
}

/** How long after the first frame the warm-up starts, unless a login has started by then. */
const warmUpDelayMs = 150;

/** How long logging out may take on the way out; quitting never hangs on a dead network. */
const logoutTimeoutMs = 2500;

/**
 * The interactive UI: full screen on the alternate screen, the login form, the screens. Every way
 * out — `q`, Ctrl+C, SIGTERM, SIGHUP, a crash — logs the session out first (bounded), then
 * restores the terminal. Does not return: the teardown exits the process.
 */
export async function runInteractive(options: CliOptions): Promise<number> {
	let demo: DemoServer | undefined;
	if (options.isDemo) demo = await startDemoServer();
	// Said before the alternate screen, so it is still on the terminal after the program ends.
	if (options.isInsecure) process.stderr.write(`${insecureWarning}\n`);
	const debugLog = options.isDebug ? startDebugLog(process.env, {version, command: 'interactive'}, process.stderr) : undefined;

	const holder: SessionHolder = {};
	// The client (ofetch, the XML parser, undici) is not needed to draw the login form: it is loaded
	// after the first frame, while the operator types, so start-up does not pay for it.
	const loadClient = () => import('./api/client.js');
	// The warm-up (below) runs while the form is filled in; the real login stops it.
	const warmUp = new AbortController();
	const createClient = async (request: LoginRequest) => {
		warmUp.abort();
		const {createQualysClient} = await loadClient();
		return createQualysClient({
			baseUrl: demo ? demo.target.baseUrl : resolveBaseUrl({platform: request.platform === 'custom' ? undefined : request.platform, apiUrl: request.apiUrl}),
			credentials: {username: request.username, password: request.password},
			...clientSettings(options),
			log: debugLog?.write,
		});
	};

	const screen = enterFullscreen(process.stdout);
	let quitRequests = 0;
	const onQuit = () => {
		quitRequests += 1;
		// A second Ctrl+C while logging out: the operator wants out now (the logout was already sent).
		if (quitRequests > 1) {
			app.unmount();
			screen.leave();
			process.exit(130);
		}

		void terminator.shutdown('exit');
	};

	const app = render(
		<App
			createClient={createClient}
			holder={holder}
			isInsecure={options.isInsecure}
			demo={demo ? {url: demo.target.baseUrl, username: demo.username, password: demo.password} : undefined}
			initialPlatform={options.platform}
			initialApiUrl={options.apiUrl}
			initialUsername={demo ? demo.username : options.username}
			pageSize={options.pageSize}
			onQuit={onQuit}
		/>,
		// Ink repaints full-height frames whole; the wrapper writes only the lines that changed.
		// Keys that arrive in one read (a held key, fast typing) are handed over one by one. Ink
		// draws at most one frame per 1000/maxFps ms, and a key pressed that soon after another frame
		// (the clock, the spinner, a page arriving) waits for the throttle: 17 ms at 60, 5 ms at 200,
		// 1 ms at 1000. Commits are rare (keys, the spinner, pages at most 4 a second), so nothing
		// floods the terminal; scrolling while pages load, p99 over 5 runs each: 17.7 → 14.7 ms.
		{stdin: oneKeyPerRead(process.stdin), stdout: lineDiffStdout(process.stdout), exitOnCtrlC: false, patchConsole: false, maxFps: 1000, incrementalRendering: true},
	);

	setTimeout(() => {
		// Before any page arrives: the young generation is only kept small from here on.
		void import('./lib/heap-tuning.js').then(({keepYoungGenerationSmall}) => keepYoungGenerationSmall());
		void loadClient();
	}, 0);
	// Not at once: a password typed ahead (keys waiting in the terminal when the form appears)
	// logs in within a few ms, and a warm-up still running would only compete with it.
	setTimeout(() => void warmUpWhileTyping(warmUp.signal), warmUpDelayMs).unref();

	const terminator = onTerminate(
		async () => {
			await holder.client?.logout({timeoutMs: logoutTimeoutMs});
			await debugLog?.flush();
			await demo?.simulator.close();
		},
		{screen, app, timeoutMs: logoutTimeoutMs + 500},
	);

	try {
		await app.waitUntilExit();
		await terminator.shutdown('exit');
	} catch (error) {
		await terminator.shutdown('error', error);
	}

	return 0;
}
