// Builds dist/: the CLI and the parse worker as ESM for Node 20, code-split so the interactive UI,
// the client and the simulator load only when used; React's production build; minified.
// Two of Ink's internals are swapped for faster equivalents with the same output (see
// source/lib/ink/): its per-frame Output and the widest-line measure it calls on every text node;
// and its terminal-size fallback for a sizeless stdout is a stub (source/lib/terminal-size-stub.ts).
// string-width is evaluated on first use of non-ASCII text (scripts/lazy-string-width-plugin.mjs).
import {rmSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import * as esbuild from 'esbuild';
import {lazyStringWidthPlugin} from './lazy-string-width-plugin.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fromRoot = file => path.join(root, file);

/** Ink's `./output.js` → source/lib/ink/fast-output.ts; the build fails if Ink no longer has it. */
const inkOutputPlugin = {
	name: 'ink-fast-output',
	setup(build) {
		let replaced = 0;
		build.onResolve({filter: /^\.\/output\.js$/}, args => {
			if (!/[\\/]node_modules[\\/]ink[\\/]build[\\/]/.test(args.importer)) return undefined;
			replaced++;
			return {path: fromRoot('source/lib/ink/fast-output.ts')};
		});
		build.onEnd(result => {
			if (replaced === 0 && result.errors.length === 0) {
				result.errors.push({text: "ink-fast-output: Ink's build/output.js was never imported; check the Ink version"});
			}
		});
	},
};

rmSync(fromRoot('dist'), {recursive: true, force: true});
const result = await esbuild.build({
	absWorkingDir: root,
	entryPoints: ['cli.tsx', 'source/api/parse-worker.ts'],
	bundle: true,
	splitting: true,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	outdir: 'dist',
	entryNames: '[name]',
	chunkNames: 'chunks/[name]-[hash]',
	alias: {
		// Ink's devtools hook is never used; the stub keeps its module graph out of the bundle.
		'react-devtools-core': './source/lib/devtools-stub.ts',
		// ofetch's Node entry would pull node-fetch-native's polyfill (http, https, zlib) even on Node 20.
		'node-fetch-native': 'node-fetch-native/native',
		'widest-line': './source/lib/ink/widest-line.ts',
		// Ink's fallback for a stdout without a size; the real package loads node:child_process at start-up.
		'terminal-size': './source/lib/terminal-size-stub.ts',
	},
	define: {'process.env.DEV': '"false"', 'process.env.NODE_ENV': '"production"'},
	// BUNDLE_MINIFY=0 keeps names readable, for CPU profiles of dist/.
	minify: process.env.BUNDLE_MINIFY !== '0',
	legalComments: 'none',
	// Some bundled CommonJS calls require(); give the ESM output one.
	banner: {js: "import {createRequire as __cr} from 'node:module';const require=__cr(import.meta.url);"},
	plugins: [inkOutputPlugin, lazyStringWidthPlugin],
	// BUNDLE_META=<file> writes esbuild's metafile: what each chunk is made of, byte by byte.
	metafile: Boolean(process.env.BUNDLE_META),
	logLevel: 'warning',
});
if (process.env.BUNDLE_META) (await import('node:fs')).writeFileSync(process.env.BUNDLE_META, JSON.stringify(result.metafile));
