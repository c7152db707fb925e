// An esbuild plugin: every `import stringWidth from 'string-width'` in the bundle (Ink's, wrap-ansi's
// own older copy, cli-truncate's, ours) gets a stand-in that answers printable ASCII itself and
// loads the real package on the first other text.
//
// Why: string-width builds an Intl.Segmenter and a RegExp of the whole RGI emoji set (flag `v`)
// when its module is evaluated — two copies of it were ~13 ms of a ~125 ms start (CPU profile of
// dist/cli.js up to the login form), for a form that never measures anything but plain text.
// esbuild defers an ES module's top level when the module is reached through `require()`, so the
// real string-width (the same copy the importer would have had) is evaluated on first use: in the
// warm-up while the password is typed (warmTextMeasure), or at the first non-ASCII text. (The login
// form's first frame measures only ASCII, some of it bold.)
//
// What the stand-in answers itself: printable ASCII, bare or with SGR colour codes
// (source/lib/ink/ascii-width.ts, held to both bundled string-width versions by its test).

import path from 'node:path';
import {fileURLToPath} from 'node:url';

const NAMESPACE = 'lazy-string-width';
const asciiWidthModule = fileURLToPath(new URL('../source/lib/ink/ascii-width.ts', import.meta.url));

/** @type {import('esbuild').Plugin} */
export const lazyStringWidthPlugin = {
	name: 'lazy-string-width',
	setup(build) {
		build.onResolve({filter: /^string-width$/}, async args => {
			if (args.pluginData?.isLazyStandIn) return undefined;
			const real = await build.resolve(args.path, {kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: {isLazyStandIn: true}});
			if (real.errors.length > 0) return {errors: real.errors};
			return {path: real.path, namespace: NAMESPACE};
		});
		build.onLoad({filter: /.*/, namespace: NAMESPACE}, args => ({
			loader: 'js',
			// Where the stand-in's own imports (absolute paths) are looked up: on the file system.
			resolveDir: path.dirname(args.path),
			contents: `
import {asciiWidth} from ${JSON.stringify(asciiWidthModule)};
let real;
export default function stringWidth(text, options) {
	const width = options?.countAnsiEscapeCodes ? undefined : asciiWidth(text);
	if (width !== undefined) return width;
	real ??= require(${JSON.stringify(args.path)}).default;
	return real(text, options);
}
`,
		}));
	},
};
