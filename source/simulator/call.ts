import type {IncomingMessage} from 'node:http';
import type {SimContext} from './context.js';
import type {HeaderList} from './quota.js';
import type {Params} from './request-params.js';
import type {FaultName, FaultSpec} from './types.js';
import type {DocumentFrame} from './xml.js';

/** One accepted Qualys call, as a resource handler sees it. */
export interface Call {
	readonly context: SimContext;
	readonly request: IncomingMessage;
	readonly params: Params;
	/** `http://host:port` as the client addressed us; DOCTYPEs and next-page URLs use it. */
	readonly origin: string;
	/** The version segment of the path (`2.0`, `5.0`, `3.0`, `1` for /msp/). */
	readonly version: string;
	/** The route's path (for next-page URLs). */
	readonly path: string;
	readonly frame: DocumentFrame;
	/** `DATETIME` of the response. */
	readonly datetime: string;
	/** The six limit headers of this accepted call (empty for the session API). */
	readonly limitHeaders: HeaderList;
	/** Faults that apply to this call. */
	readonly faults: ReadonlyMap<FaultName, FaultSpec>;
	/** Who is calling (after authentication). */
	readonly username: string;
}
