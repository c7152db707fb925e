import type {IncomingMessage} from 'node:http';

/** Request parameters in arrival order: query string first, then the form body. */
export type Params = ReadonlyArray<readonly [name: string, value: string]>;

// Form bodies of list calls are a few hundred bytes; refuse to buffer anything silly.
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Reads Qualys parameters from the query string and, for a form-encoded body, from the body too:
 * Qualys accepts query-string parameters on POST as well (qualys-api.md §2), so both are merged.
 */
export async function readParams(request: IncomingMessage, url: URL): Promise<Params> {
	const params: Array<readonly [string, string]> = [...url.searchParams];
	const body = await readBody(request);
	const type = request.headers['content-type'] ?? '';
	// Form encoding is what clients send; curl-style bodies with another or no type are read the same way.
	if (body.length > 0 && !/^(multipart\/|application\/json)/i.test(type)) {
		params.push(...new URLSearchParams(body.toString('utf8')));
	}
	return params;
}

/** The last value given for `name` (a later value overrides an earlier one). */
export function getParam(params: Params, name: string): string | undefined {
	for (let index = params.length - 1; index >= 0; index--) {
		if (params[index][0] === name) {
			return params[index][1];
		}
	}
	return undefined;
}

/** Names not in `known`, in order, once each (for error 1901). */
export function unknownParams(params: Params, known: ReadonlySet<string>): string[] {
	return [...new Set(params.map(([name]) => name).filter((name) => !known.has(name)))];
}

/** Reads the whole body (bounded). */
export async function readBody(request: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of request) {
		size += (chunk as Buffer).length;
		if (size > MAX_BODY_BYTES) {
			throw new Error('request body too large');
		}
		chunks.push(chunk as Buffer);
	}
	return Buffer.concat(chunks);
}
