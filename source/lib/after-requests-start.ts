// Network first, then the frame. undici writes a request on a kept-alive connection from a
// setImmediate callback (it first lets any bytes already waiting on the idle socket be read; its
// client-h1.js, GHSA-35p6-xmwp-9g52). A React state update made in the same tick as the request
// schedules its render with setImmediate too, and earlier: the render (5–20 ms for a new screen)
// then ran before the request was even written, and the answer came that much later.

import {setImmediate} from 'node:timers/promises';

/**
 * Resolves one turn of the event loop later (after the check phase in which undici writes the
 * requests started just before): state updates awaited behind it render after those requests are
 * on the wire.
 */
export function afterRequestsStart(): Promise<void> {
	return setImmediate();
}
