// Worker-thread entry (bundled as dist/parse-worker.js): parses and maps large host-list bodies
// off the UI thread — a 20 MB body blocks the event loop for ~2 s (stack-notes §6). The same pure
// functions as the inline path, so both give the same pages and the same ParseErrors.
import {parentPort} from 'node:worker_threads';
import {QualysError} from './errors.js';
import {parseHostList} from './parse-host-list.js';
import type {ParseWorkerRequest, ParseWorkerResponse} from './parse-worker-protocol.js';
import {parseXml} from './xml.js';

parentPort?.on('message', (request: ParseWorkerRequest) => {
	let response: ParseWorkerResponse;
	try {
		response = {id: request.id, ok: true, page: parseHostList(parseXml(request.text, request.info))};
	} catch (error) {
		response = {
			id: request.id,
			ok: false,
			error:
				error instanceof QualysError
					? {message: error.message, hint: error.hint}
					: {message: 'The response XML could not be parsed.', hint: 'Try again; if it persists, report the response to the maintainers.'},
		};
	}
	parentPort!.postMessage(response);
});
