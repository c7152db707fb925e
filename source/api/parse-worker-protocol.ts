import type {RequestInfo} from './errors.js';
import type {ParsedHostList} from './parse-host-list.js';

/** Main thread → parse worker: one host-list body to parse and map. */
export interface ParseWorkerRequest {
	readonly id: number;
	readonly text: string;
	readonly info: RequestInfo;
}

/** What survives of an error thrown in the worker (errors lose their class across threads). */
export interface SerializedParseError {
	readonly message: string;
	readonly hint: string;
}

/** Parse worker → main thread. */
export type ParseWorkerResponse =
	| {readonly id: number; readonly ok: true; readonly page: ParsedHostList}
	| {readonly id: number; readonly ok: false; readonly error: SerializedParseError};
