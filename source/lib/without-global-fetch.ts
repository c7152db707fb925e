/**
 * Runs `load` with `globalThis.fetch` hidden, then puts it back untouched.
 *
 * Why: yoga-layout (Ink's layout engine) loads its WebAssembly with `fetch()` of a `data:` URL
 * whenever `fetch` exists. On Node that first touch makes Node load its whole fetch implementation
 * (undici) and decode the URL through it, ~15–20 ms of start-up before the login form can draw.
 * Without `fetch` it decodes the same embedded bytes directly. Reading the property descriptor
 * does not trigger Node's lazy getter, so fetch stays unloaded until the client first needs it.
 */
export async function withoutGlobalFetch<T>(load: () => Promise<T>): Promise<T> {
	const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
	if (!descriptor?.configurable) return load();
	Object.defineProperty(globalThis, 'fetch', {value: undefined, configurable: true, writable: true});
	try {
		return await load();
	} finally {
		Object.defineProperty(globalThis, 'fetch', descriptor);
	}
}
