// Runs the built CLI (dist/cli.js, built by `npm test` before the tests) as a child process,
// the way a script would: no terminal, password from stdin or the environment.
import {spawn} from 'node:child_process';
import {fileURLToPath} from 'node:url';

/** The bundled CLI; `npm test` builds it first. */
export const cliPath = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

export interface CliResult {
	readonly code: number | null;
	readonly signal: NodeJS.Signals | null;
	readonly stdout: string;
	readonly stderr: string;
}

/** Runs `node dist/cli.js ...args`, writes `stdin` (if any) and waits for the exit. */
export function runCli(args: readonly string[], options: {readonly env?: NodeJS.ProcessEnv; readonly stdin?: string; readonly timeoutMs?: number} = {}): Promise<CliResult> {
	return new Promise((resolve, reject) => {
		const env = {...process.env, NO_COLOR: '1', ...options.env};
		// A developer's own settings must not leak into what the test checks.
		for (const name of ['QUALYS_API_URL', 'QUALYS_PLATFORM', 'QUALYS_USERNAME', 'QUALYS_PASSWORD', 'HTTPS_PROXY', 'https_proxy']) {
			if (!options.env || !(name in options.env)) delete (env as NodeJS.ProcessEnv)[name];
		}

		const child = spawn(process.execPath, [cliPath, ...args], {env, stdio: ['pipe', 'pipe', 'pipe']});
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8').on('data', chunk => (stdout += chunk));
		child.stderr.setEncoding('utf8').on('data', chunk => (stderr += chunk));
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(new Error(`qualys-tui ${args.join(' ')} did not exit within ${options.timeoutMs ?? 30_000} ms\nstdout: ${stdout.slice(-500)}\nstderr: ${stderr.slice(-500)}`));
		}, options.timeoutMs ?? 30_000);
		child.on('error', reject);
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			resolve({code, signal, stdout, stderr});
		});
		child.stdin.end(options.stdin ?? '');
	});
}
