// The login form inside a real SessionProvider, against the simulator: each way a login fails is
// shown as "what happened — what to do", and the form stays filled except for the password.
import assert from 'node:assert/strict';
import {createServer} from 'node:net';
import {describe, test, type TestContext} from 'node:test';
import {Text} from 'ink';
import React from 'react';
import {createQualysClient} from '../../source/api/client.js';
import {SessionProvider, useSession, type SessionHolder} from '../../source/hooks/use-session.js';
import {LoginScreen} from '../../source/screens/login-screen.js';
import {keys, render} from '../helpers/render.js';
import type {SimulatorOptions} from '../../source/simulator/types.js';
import {startTestSimulator} from '../helpers/start-simulator.js';

function Status() {
	const session = useSession();
	return <>{session.status === 'active' ? <LoggedIn /> : <LoginScreen demo={{url: 'SIM', username: 'demo', password: 'demo'}} initialUsername="demo" />}</>;
}

function LoggedIn() {
	const session = useSession();
	return <Text>{`logged in as ${session.username}@${session.platformLabel}`}</Text>;
}

/**
 * The login form against a new simulator, or against `baseUrl` when given. Teardown unmounts, logs
 * out whatever session the holder has, then closes the simulator (which checks sessions balanced).
 */
async function renderLogin(t: TestContext, options: {simulator?: SimulatorOptions; baseUrl?: string} = {}) {
	const simulator = await startTestSimulator(options.simulator);
	const baseUrl = options.baseUrl ?? simulator.url;
	const holder: SessionHolder = {};
	const app = await render(
		<SessionProvider holder={holder} createClient={request => createQualysClient({baseUrl, credentials: {username: request.username, password: request.password}})}>
			<Status />
		</SessionProvider>,
	);
	t.after(async () => {
		await app.unmount();
		await holder.client?.logout();
		await simulator.close();
	});
	return {...app, simulator};
}

/** The form after a failed login: username kept, password emptied, focus back on it. */
const failedForm = (...errorLines: string[]) =>
	[
		' qualys-tui · log in to the Qualys API',
		'',
		'   Platform  DEMO · built-in simulator at SIM',
		'   Demo credentials: username demo, password demo',
		'   Username demo',
		' › Password',
		'',
		...errorLines.map(line => ` ${line}`),
	].join('\n');

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
	const server = createServer();
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as {port: number};
	await new Promise(resolve => server.close(resolve));
	return port;
}

describe('login screen', () => {
	test('logs in with the right password', async t => {
		const app = await renderLogin(t);
		const {simulator} = app;
		await app.type('demo');
		await app.press(keys.enter);
		assert.equal(await app.waitForFrame(frame => frame.startsWith('logged in')), 'logged in as demo@DEMO');
		assert.equal(simulator.state().logins, 1);
	});

	test('a wrong password shows "Bad Login/Password" and keeps the username', async t => {
		const app = await renderLogin(t);
		const {simulator} = app;
		await app.type('wrong');
		await app.press(keys.enter);
		const frame = await app.waitForFrame(frame => frame.includes('error:'));
		assert.equal(
			frame,
			failedForm(
				'error: Qualys rejected the login: Bad Login/Password (code 2000). — Check the username, password',
				'and platform; the username encodes the platform.',
			),
		);
		assert.equal(simulator.state().failedLogins, 1);

		// The focus is back on the empty password: typing the right one logs in.
		await app.type('demo');
		await app.press(keys.enter);
		await app.waitForFrame(frame => frame === 'logged in as demo@DEMO');
	});

	test('an expired account says so and that retrying will not help', async t => {
		const app = await renderLogin(t, {simulator: {faults: [{name: 'expired-account'}]}});
		const {simulator} = app;
		await app.type('demo');
		await app.press(keys.enter);
		const frame = await app.waitForFrame(frame => frame.includes('error:'));
		assert.equal(frame, failedForm('error: The Qualys account has expired. — Contact your Qualys administrator; retrying will not', 'help.'));
		assert.equal(simulator.state().logins, 0);
	});

	test('an account blocked with HTTP 409 (registration not completed) says so', async t => {
		const app = await renderLogin(t, {simulator: {faults: [{name: 'registration-incomplete'}]}});
		const {simulator} = app;
		await app.type('demo');
		await app.press(keys.enter);
		const frame = await app.waitForFrame(frame => frame.includes('error:'));
		assert.equal(
			frame,
			failedForm('error: The Qualys account has not completed registration. — Contact your Qualys administrator;', 'retrying will not help.'),
		);
		assert.deepEqual(simulator.state().calls.session, {409: 1});
	});

	test('an unreachable server (a closed port) says the connection was refused and what to check', async t => {
		const app = await renderLogin(t, {baseUrl: `http://127.0.0.1:${await closedPort()}`});
		await app.type('demo');
		await app.press(keys.enter);
		const frame = await app.waitForFrame(frame => frame.includes('error:'));
		assert.equal(frame, failedForm('error: The connection was refused. — Check the API URL and port; is the server running?'));
	});
});
