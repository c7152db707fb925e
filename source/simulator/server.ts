import {createServer, type IncomingMessage, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';
import {createContext, type SimContext} from './context.js';
import {CONTROL_PREFIX, handleControl} from './control.js';
import {answerNotFound, handleQualys} from './handle-qualys.js';
import {findRoute} from './routes.js';
import type {FaultSpec, Simulator, SimulatorOptions, SimulatorState} from './types.js';

export type {FaultName, FaultSpec, Simulator, SimulatorOptions, SimulatorState} from './types.js';

/**
 * Starts a local Qualys API simulator on `options.hostname` (default 127.0.0.1) and `options.port`
 * (default 0, an ephemeral port). Resolves once it is listening.
 */
export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
	const context = createContext(options);
	const state = (): SimulatorState => context.recorder.snapshot(context.sessions.size);
	const reset = (): void => {
		context.recorder.reset();
		context.sessions.clear();
		context.quota.reset();
	};
	let url = '';

	const server = createServer((request, res) => {
		// A client that goes away mid-body must not crash the simulator.
		res.on('error', () => {});
		request.on('error', () => {});
		route(context, {state, reset}, request, res, url).catch(() => {
			if (!res.headersSent) {
				res.writeHead(500, {'Content-Type': 'text/plain'}).end('simulator error\n');
			} else {
				res.destroy();
			}
		});
	});
	// Idle connections are kept 5 s, Apache's default (what Qualys sends is not documented).
	// undici keeps a connection for the server's hint less 2 s, so the old 1 s hint made it open a
	// new connection for every call. close() drops them all anyway.
	server.keepAliveTimeout = 5000;

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(context.options.port, context.options.hostname, () => {
			server.off('error', reject);
			resolve();
		});
	});
	const {port} = server.address() as AddressInfo;
	const host = context.options.hostname.includes(':') ? `[${context.options.hostname}]` : context.options.hostname;
	url = `http://${host}:${port}`;

	let closing: Promise<void> | undefined;
	return {
		url,
		close() {
			closing ??= new Promise<void>((resolve) => {
				server.close(() => resolve());
				// Hung and stalled responses never finish by themselves: drop every connection.
				server.closeAllConnections();
			});
			return closing;
		},
		state,
		setFaults(faults: readonly FaultSpec[]) {
			context.faults.replace(faults);
		},
		reset,
	};
}

async function route(context: SimContext, actions: {state: () => SimulatorState; reset: () => void}, request: IncomingMessage, res: ServerResponse, baseUrl: string): Promise<void> {
	let url: URL;
	try {
		// Parse against our own origin: the path is the client's, the origin is ours.
		url = new URL(`${baseUrl}${request.url?.startsWith('/') ? request.url : '/'}`);
	} catch {
		url = new URL(`${baseUrl}/`);
	}
	if (url.pathname.startsWith(CONTROL_PREFIX)) {
		return handleControl(context, actions, request, res, url.pathname);
	}
	const match = findRoute(url.pathname);
	if (!match) {
		request.resume();
		return answerNotFound(context, request, res, url.pathname);
	}
	return handleQualys(context, match, request, res, url);
}
