import type {IncomingMessage, ServerResponse} from 'node:http';
import type {SimContext} from './context.js';
import {validateFaultSpec} from './faults.js';
import {readBody} from './request-params.js';

/** Prefix of the simulator's own control surface: not part of the Qualys API, never touched by faults, not logged. */
export const CONTROL_PREFIX = '/_sim/';

/** What the control surface can do to the simulator besides reading the context. */
export interface ControlActions {
	readonly state: () => unknown;
	readonly reset: () => void;
}

/**
 * `GET /_sim/state` → counters as JSON; `POST /_sim/faults` with `{"faults": [...]}` replaces the
 * faults (`[]` clears); `GET /_sim/faults` lists them; `POST /_sim/reset` clears counters and sessions.
 */
export async function handleControl(context: SimContext, actions: ControlActions, request: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
	const method = request.method ?? '';
	const reply = (status: number, body: unknown): void => {
		res.writeHead(status, {'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store'});
		res.end(`${JSON.stringify(body)}\n`);
	};
	const route = `${method} ${path}`;
	if (route === `GET ${CONTROL_PREFIX}state`) {
		return reply(200, actions.state());
	}
	if (route === `GET ${CONTROL_PREFIX}faults`) {
		return reply(200, {faults: context.faults.list()});
	}
	if (route === `POST ${CONTROL_PREFIX}reset`) {
		actions.reset();
		return reply(200, {ok: true});
	}
	if (route === `POST ${CONTROL_PREFIX}faults`) {
		try {
			const body = JSON.parse((await readBody(request)).toString('utf8')) as {faults?: unknown};
			if (!Array.isArray(body.faults)) {
				throw new TypeError('expected {"faults": [...]}');
			}
			context.faults.replace(body.faults.map((spec) => validateFaultSpec(spec)));
			return reply(200, {faults: context.faults.list()});
		} catch (error) {
			return reply(400, {error: error instanceof Error ? error.message : String(error)});
		}
	}
	return reply(404, {error: `unknown control route: ${route}`});
}
