import type {Dispatcher} from 'undici';

/** What the connection layer needs to know. */
export interface DispatcherOptions {
	/** Time to establish TCP + TLS. */
	readonly connectTimeoutMs: number;
	/** Accept any certificate (`--insecure`). */
	readonly insecure: boolean;
	/** Environment to read HTTPS_PROXY / HTTP_PROXY / NO_PROXY from. @default process.env */
	readonly env?: NodeJS.ProcessEnv;
}

const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'];

/**
 * Builds the undici dispatcher for all requests of one client: connect timeout, certificate
 * checking and proxy. undici is imported on first use so it costs nothing at start-up.
 * With a proxy variable set, `EnvHttpProxyAgent` honours HTTPS_PROXY/HTTP_PROXY and NO_PROXY
 * (both cases); otherwise a plain `Agent`.
 */
export async function createDispatcher(options: DispatcherOptions): Promise<Dispatcher> {
	const namespace = await import('undici');
	// undici is CommonJS: Node's ESM loader exposes its named exports, esbuild's bundle only `default`.
	const {Agent, EnvHttpProxyAgent} = typeof namespace.Agent === 'function' ? namespace : (namespace as unknown as {default: typeof namespace}).default;
	const env = options.env ?? process.env;
	const tls = {rejectUnauthorized: !options.insecure};
	const connect = {timeout: options.connectTimeoutMs, ...tls};
	// Our AbortSignal is the total timeout; undici's own 300 s header/body timers must not fire first
	// with a less helpful error, so they are switched off (0).
	const timers = {headersTimeout: 0, bodyTimeout: 0};
	if (PROXY_VARIABLES.some(name => (env[name] ?? '') !== '')) {
		return new EnvHttpProxyAgent({
			...timers,
			connect,
			httpProxy: env.HTTP_PROXY || env.http_proxy || undefined,
			httpsProxy: env.HTTPS_PROXY || env.https_proxy || undefined,
			noProxy: env.NO_PROXY ?? env.no_proxy,
			// TLS to the Qualys server through the tunnel (ProxyAgent's requestTls).
			...({requestTls: tls} as object),
		});
	}
	return new Agent({...timers, connect});
}
