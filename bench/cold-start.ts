// 1. Cold start to the login prompt: `node dist/cli.js --api-url http://127.0.0.1:9 --username demo`
// in a pty until `Password` is on screen, against `node <empty file>` in the same pty way until it
// exits. Alternating runs, so machine noise hits both alike. Target: ≤ 2.5× the empty node.
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readdirSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {spawnInPty} from '../test/helpers/pty.js';
import {cli, describeRows, emit, log, root, spawnApp, stats, timer, type BenchResult} from './lib/common.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const started = timer();
const scratch = mkdtempSync(path.join(tmpdir(), 'bench-cold-'));
const empty = path.join(scratch, 'empty.mjs');
writeFileSync(empty, '');

async function appToPassword(): Promise<number> {
	const elapsed = timer();
	const app = spawnApp(['--api-url', 'http://127.0.0.1:9', '--username', 'demo'], {cols: 100, rows: 30});
	await app.waitFor('Password', {timeoutMs: 15_000});
	const ms = elapsed();
	app.dispose();
	await app.exited.catch(() => undefined);
	return ms;
}

async function emptyNode(): Promise<number> {
	const elapsed = timer();
	const session = spawnInPty(process.execPath, [empty], {cols: 100, rows: 30});
	await session.exited;
	const ms = elapsed();
	session.dispose();
	return ms;
}

// One warm-up of each (page cache, pty allocation), not counted.
await appToPassword();
await emptyNode();
const app: number[] = [];
const reference: number[] = [];
for (let run = 0; run < RUNS; run++) {
	if (run % 2 === 0) {
		app.push(await appToPassword());
		reference.push(await emptyNode());
	} else {
		reference.push(await emptyNode());
		app.push(await appToPassword());
	}
}
log(`app ${app.map(Math.round).join(' ')} ms; empty node ${reference.map(Math.round).join(' ')} ms`);

// Where the time goes (not part of the target): importing the interactive chunk graph alone
// (ink, react, yoga's wasm, the screens) without rendering, and the sizes of what is loaded.
const chunks = path.join(root, 'dist/chunks');
const interactive = readdirSync(chunks).find(name => name.startsWith('run-interactive-'));
const wallOf = (args: string[]) => {
	const elapsed = timer();
	spawnSync(process.execPath, args, {cwd: root, stdio: 'ignore'});
	return elapsed();
};
const importOnly: number[] = [];
const cliHelp: number[] = [];
const nodeOnly: number[] = [];
const importSteps = `const t0=performance.now();await import(${JSON.stringify(path.join(chunks, interactive ?? ''))});const t1=performance.now();process.stdout.write(JSON.stringify({startup:t0,importMs:t1-t0}))`;
const inProcess: Array<{startup: number; importMs: number}> = [];
for (let run = 0; run < 5; run++) {
	nodeOnly.push(wallOf([empty]));
	cliHelp.push(wallOf([cli, '--help']));
	importOnly.push(wallOf(['--input-type=module', '-e', importSteps]));
	const out = spawnSync(process.execPath, ['--input-type=module', '-e', importSteps], {cwd: root, encoding: 'utf8'});
	try {
		inProcess.push(JSON.parse(out.stdout));
	} catch {
		// ignore
	}
}
const sizes = Object.fromEntries(
	readdirSync(chunks)
		.map(name => [name, statSync(path.join(chunks, name)).size] as const)
		.sort((a, b) => b[1] - a[1])
		.slice(0, 6),
);

const appStats = stats(app);
const referenceStats = stats(reference);
const ratio = appStats.median / referenceStats.median;
const result: BenchResult = {
	benchmark: 'cold-start',
	title: 'Cold start to the login prompt',
	durationMs: started(),
	rows: [
		{
			id: 'cold-start',
			label: 'spawn → "Password" on screen (pty)',
			unit: 'ms',
			measured: appStats,
			reference: {label: 'node <empty file> in a pty, to exit', stats: referenceStats},
			ratio,
			ratioLabel: 'app / empty node',
			target: '≤ 2.5×',
			pass: ratio <= 2.5,
		},
	],
	extra: {
		wallNoPtyMs: {
			emptyNode: stats(nodeOnly).median,
			cliHelp: stats(cliHelp).median,
			importInteractiveChunkGraph: stats(importOnly).median,
		},
		inProcessImportOfInteractiveChunkMs: stats(inProcess.map(entry => entry.importMs)).median,
		nodeStartupBeforeUserCodeMs: stats(inProcess.map(entry => entry.startup)).median,
		largestChunksBytes: sizes,
		interactiveChunk: interactive,
		cliBytes: statSync(cli).size,
	},
};
describeRows(result);
log(JSON.stringify(result.extra));
rmSync(scratch, {recursive: true, force: true});
emit(result);
