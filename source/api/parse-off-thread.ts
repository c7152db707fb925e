import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import type {Worker} from 'node:worker_threads';
import {AbortedError, ParseError, type RequestInfo} from './errors.js';
import {parseHostList, type ParsedHostList} from './parse-host-list.js';
import type {ParseWorkerRequest, ParseWorkerResponse} from './parse-worker-protocol.js';
import {parseXml} from './xml.js';

// Where the worker entry sits relative to this module: next to it in the sources (tsx, where
// workers inherit `--import tsx`), and dist/parse-worker.js next to dist/cli.js or one level up
// from dist/chunks/ in the esbuild bundle.
const CANDIDATES = ['./parse-worker.js', '../parse-worker.js', './parse-worker.ts'];

let located: URL | null | undefined;

/** The parse worker's entry file, or undefined when it is not there (then parsing stays inline). */
export function locateParseWorker(): URL | undefined {
	if (located === undefined) {
		located = null;
		for (const candidate of CANDIDATES) {
			const url = new URL(candidate, import.meta.url);
			if (url.protocol === 'file:' && existsSync(fileURLToPath(url))) {
				located = url;
				break;
			}
		}
	}
	return located ?? undefined;
}

/**
 * Running from the sources (tsx), a worker does not get tsx's loader by itself on Node 20, so the
 * worker starts from a tiny module that registers it first. Never reached in the bundle, where the
 * entry is dist/parse-worker.js.
 */
function typeScriptBootstrap(entry: URL): URL {
	const tsx = import.meta.resolve('tsx/esm/api');
	const code = `import {register} from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(entry.href)});`;
	return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}

interface Pending {
	resolve(page: ParsedHostList): void;
	reject(error: unknown): void;
	info: RequestInfo;
	text: string;
}

// Set when the thread died: from then on everything is parsed inline.
let isBroken = false;

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, Pending>();

async function getWorker(entry: URL): Promise<Worker> {
	if (worker) return worker;
	// Imported on first use: most runs never see a body large enough to need it.
	const {Worker: WorkerClass} = await import('node:worker_threads');
	const created = new WorkerClass(entry.pathname.endsWith('.ts') ? typeScriptBootstrap(entry) : entry);
	created.unref();
	created.on('message', (response: ParseWorkerResponse) => {
		const entryPending = pending.get(response.id);
		pending.delete(response.id);
		// Idle workers must not keep the process alive.
		if (pending.size === 0) created.unref();
		if (!entryPending) return;
		if (response.ok) entryPending.resolve(response.page);
		else entryPending.reject(new ParseError(response.error.message, {...entryPending.info, hint: response.error.hint}));
	});
	// A dead thread is an environment problem, not a bad response: finish its work inline.
	const fail = () => {
		isBroken = true;
		if (worker === created) worker = undefined;
		for (const [id, entryPending] of pending) {
			pending.delete(id);
			try {
				entryPending.resolve(parseHostList(parseXml(entryPending.text, entryPending.info)));
			} catch (error) {
				entryPending.reject(error);
			}
		}
	};
	created.on('error', fail);
	created.on('exit', fail);
	worker = created;
	return created;
}

/**
 * Parses and maps a host-list body in the worker thread when its entry file exists, else inline.
 * Throws the same ParseErrors as the inline path; AbortedError when `signal` fires meanwhile.
 */
export async function parseHostListOffThread(text: string, info: RequestInfo, signal?: AbortSignal): Promise<ParsedHostList> {
	const entry = isBroken ? undefined : locateParseWorker();
	if (!entry) return parseHostList(parseXml(text, info));
	let thread: Worker;
	try {
		thread = await getWorker(entry);
	} catch {
		// No thread to be had (e.g. sources without tsx): parsing inline is slower for the UI, not wrong.
		return parseHostList(parseXml(text, info));
	}
	const id = nextId++;
	return new Promise<ParsedHostList>((resolve, reject) => {
		const onAbort = () => {
			// The worker finishes this body anyway; its answer is dropped.
			pending.delete(id);
			reject(new AbortedError('The request was cancelled.', {...info, hint: 'Nothing to do.'}));
		};
		if (signal?.aborted) return onAbort();
		signal?.addEventListener('abort', onAbort, {once: true});
		pending.set(id, {
			info,
			text,
			resolve: page => {
				signal?.removeEventListener('abort', onAbort);
				resolve(page);
			},
			reject: error => {
				signal?.removeEventListener('abort', onAbort);
				reject(error);
			},
		});
		// Keep the process alive while a parse is outstanding.
		thread.ref();
		const request: ParseWorkerRequest = {id, text, info};
		thread.postMessage(request);
	});
}
