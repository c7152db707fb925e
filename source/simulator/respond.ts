import type {ServerResponse} from 'node:http';
import type {HeaderList} from './quota.js';

/** A reply before it goes on the wire. Headers are in wire order; the body may be a lazy stream of pieces. */
export interface SimResponse {
	readonly status: number;
	readonly headers: ReadonlyArray<readonly [name: string, value: string | readonly string[]]>;
	readonly body: string | Iterable<string>;
}

/** How the body ends: normally, or cut after `cutAt` bytes (then end, drop the connection, or stall). */
export interface Delivery {
	readonly cutAt?: number;
	/** Move the cut back into the middle of the last tag, so the document ends mid-element. */
	readonly isMidElement?: boolean;
	readonly ending: 'end' | 'destroy' | 'stall';
}

/** Content type of normal Qualys output and of parameter errors (qualys-api.md §2). */
export const XML_TYPE = 'application/xml';
/** Content type of authentication errors (observed). */
export const AUTH_ERROR_TYPE = 'text/xml;charset=UTF-8';

/** A Qualys response: `Server: Qualys`, then the limit headers, then the content type. */
export function qualysResponse(status: number, body: SimResponse['body'], options: {readonly limitHeaders?: HeaderList; readonly contentType?: string; readonly extra?: SimResponse['headers']} = {}): SimResponse {
	return {
		status,
		headers: [['Server', 'Qualys'], ...(options.extra ?? []), ...(options.limitHeaders ?? []), ['Content-Type', options.contentType ?? XML_TYPE]],
		body,
	};
}

/**
 * Writes `response`, honouring back-pressure so a 500 MB host list streams in constant memory.
 * No Content-Length is ever set, so Node sends `Transfer-Encoding: chunked`, as Qualys does.
 * Resolves when the body is done, the client went away, or (stall) the connection closed.
 */
export async function sendResponse(res: ServerResponse, response: SimResponse, delivery: Delivery = {ending: 'end'}): Promise<void> {
	res.statusCode = response.status;
	for (const [name, value] of response.headers) {
		res.setHeader(name, value);
	}
	res.flushHeaders();
	let sent = 0;
	const pieces = (typeof response.body === 'string' ? [response.body] : response.body)[Symbol.iterator]();
	// One piece of look-ahead, so a body shorter than `cutAt` is still cut (in its last piece).
	let current = pieces.next();
	while (!current.done) {
		const following = pieces.next();
		let bytes = Buffer.from(current.value, 'utf8');
		const isLast = following.done === true;
		const isCut = delivery.cutAt !== undefined && (sent + bytes.length >= delivery.cutAt || isLast);
		if (isCut) {
			// Past the end of the body: cut its last piece a little after the middle.
			let end = sent + bytes.length >= delivery.cutAt! ? delivery.cutAt! - sent : Math.floor(bytes.length * 0.6);
			if (delivery.isMidElement) {
				const tagStart = bytes.lastIndexOf('<', Math.max(0, end - 1));
				end = tagStart >= 0 ? tagStart + 2 : end;
			}
			bytes = bytes.subarray(0, end);
		}
		if (!(await writePiece(res, bytes))) {
			return;
		}
		sent += bytes.length;
		if (isCut) {
			if (delivery.ending === 'destroy') {
				// Give the bytes a moment to leave, then drop the connection without a terminating chunk.
				await new Promise((resolve) => setTimeout(resolve, 20));
				res.destroy();
				return;
			}
			if (delivery.ending === 'stall') {
				await untilClosed(res);
				return;
			}
			break;
		}
		current = following;
	}
	res.end();
}

/** Writes one piece; false when the connection is gone. */
function writePiece(res: ServerResponse, bytes: Buffer): Promise<boolean> {
	if (res.destroyed) {
		return Promise.resolve(false);
	}
	if (res.write(bytes)) {
		return Promise.resolve(true);
	}
	return new Promise((resolve) => {
		const finish = (isOpen: boolean): void => {
			res.off('drain', onDrain);
			res.off('close', onClose);
			resolve(isOpen);
		};
		const onDrain = (): void => finish(true);
		const onClose = (): void => finish(false);
		res.once('drain', onDrain);
		res.once('close', onClose);
	});
}

/** Resolves when the response's connection closes (client gone, or the simulator closing). */
export function untilClosed(res: ServerResponse): Promise<void> {
	return res.destroyed || res.closed ? Promise.resolve() : new Promise((resolve) => res.once('close', () => resolve()));
}

/** Waits `ms`, or less if the connection closes first (so close() never waits for a latency fault). */
export function delay(ms: number, res: ServerResponse): Promise<void> {
	if (ms <= 0) {
		return Promise.resolve();
	}
	return new Promise((resolve) => {
		const timer = setTimeout(done, ms);
		res.once('close', done);
		function done(): void {
			clearTimeout(timer);
			res.off('close', done);
			resolve();
		}
	});
}
