// `npm run bench`: runs every benchmark script as its own child process (one cannot disturb
// another), collects the `BENCH_RESULT <json>` line each prints (shape: BenchResult in
// bench/lib/common.ts), prints the table and rewrites bench/RESULTS.md.
// `node --import tsx bench/run-all.ts cold-start parse` runs only the named ones (and leaves RESULTS.md alone).
import {spawn} from 'node:child_process';
import {writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {RESULT_PREFIX, fmt, root, timer, type BenchResult, type BenchRow} from './lib/common.js';

const ALL = ['cold-start', 'parse', 'first-row', 'keystroke', 'bytes', 'memory', 'api-economy', 'sim-scale'];
const selected = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ALL;
const total = timer();
const results: BenchResult[] = [];
const failures: Array<{name: string; error: string}> = [];

for (const name of selected) {
	process.stderr.write(`\n▶ ${name}\n`);
	const elapsed = timer();
	const {code, stdout, stderr} = await new Promise<{code: number | null; stdout: string; stderr: string}>(resolve => {
		const child = spawn(process.execPath, ['--import', 'tsx', path.join('bench', `${name}.ts`)], {cwd: root, stdio: ['ignore', 'pipe', 'pipe']});
		let out = '';
		let err = '';
		child.stdout.on('data', chunk => (out += chunk));
		child.stderr.on('data', chunk => {
			err += chunk;
			process.stderr.write(chunk);
		});
		child.on('close', exitCode => resolve({code: exitCode, stdout: out, stderr: err}));
	});
	const line = stdout.split('\n').find(entry => entry.startsWith(RESULT_PREFIX));
	if (!line) {
		failures.push({name, error: `exit ${code}, no result line; ${stderr.trim().split('\n').slice(-3).join(' / ')}`});
		continue;
	}
	results.push(JSON.parse(line.slice(RESULT_PREFIX.length)) as BenchResult);
	process.stderr.write(`  (${(elapsed() / 1000).toFixed(1)} s)\n`);
}
const totalMs = total();

const spread = (row: BenchRow) => `${fmt(row.measured.min)}–${fmt(row.measured.max)}`;
const value = (row: BenchRow) => (row.checked === 'p99' ? `p99 ${fmt(row.measured.p99)} (med ${fmt(row.measured.median)})` : fmt(row.measured.median));
const reference = (row: BenchRow) => (row.reference ? `${fmt(row.checked === 'p99' ? row.reference.stats.p99 : row.reference.stats.median)} (${row.reference.label})` : '–');
const verdict = (row: BenchRow) => (row.pass === null ? 'info' : row.pass ? 'PASS' : 'MISS');
const header = ['#', 'benchmark', 'measured', 'unit', 'spread (min–max)', 'n', 'reference', 'ratio', 'target', 'result'];
const table: string[][] = [];
results.forEach(result => {
	const number = ALL.indexOf(result.benchmark) + 1;
	for (const row of result.rows) {
		table.push([
			String(number),
			row.label,
			value(row),
			row.unit,
			spread(row),
			String(row.measured.n),
			reference(row),
			row.ratio === undefined ? '–' : `${fmt(row.ratio)}${row.ratioLabel ? ` (${row.ratioLabel})` : ''}`,
			row.target,
			verdict(row),
		]);
	}
});

// Console table.
const widths = header.map((title, column) => Math.min(60, Math.max(title.length, ...table.map(cells => cells[column]!.length))));
const cut = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width));
process.stdout.write(`\n${header.map((title, column) => cut(title, widths[column]!)).join('  ')}\n`);
process.stdout.write(`${widths.map(width => '-'.repeat(width)).join('  ')}\n`);
for (const cells of table) process.stdout.write(`${cells.map((cell, column) => cut(cell, widths[column]!)).join('  ')}\n`);
for (const failure of failures) process.stdout.write(`FAILED ${failure.name}: ${failure.error}\n`);
process.stdout.write(`\ntotal ${(totalMs / 1000).toFixed(1)} s\n`);

// RESULTS.md
const cpus = os.cpus();
const markdownRow = (cells: string[]) => `| ${cells.map(cell => cell.replaceAll('|', '\\|')).join(' | ')} |`;
const markdown = [
	'# Benchmark results',
	'',
	'Written by `npm run bench` (bench/run-all.ts); do not edit by hand. Each benchmark runs as its own',
	'process and measures its reference in the same run. Spread is min–max over the runs; `n` is the number',
	'of runs (or key presses). Benchmarks are not tests: a MISS is a finding, not a failure.',
	'',
	`- date: ${new Date().toISOString()}`,
	`- machine: ${cpus[0]?.model ?? 'unknown cpu'}, ${cpus.length} cores, ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB RAM, ${os.type()} ${os.release()}`,
	`- node: ${process.version}`,
	`- command: \`npm run bench\` (${selected.length === ALL.length ? 'all benchmarks' : selected.join(', ')})`,
	`- total runtime of the benchmarks: ${(totalMs / 1000).toFixed(1)} s (plus the build)`,
	'',
	markdownRow(header),
	markdownRow(header.map(() => '---')),
	...table.map(markdownRow),
	'',
	...failures.map(failure => `**FAILED** ${failure.name}: ${failure.error}`),
	'## Details',
	'',
	...results.flatMap(result => [
		`### ${ALL.indexOf(result.benchmark) + 1}. ${result.title} (\`node --import tsx bench/${result.benchmark}.ts\`, ${(result.durationMs / 1000).toFixed(1)} s)`,
		'',
		...result.rows.flatMap(row => (row.notes ?? []).map(note => `- ${row.label}: ${note}`)),
		'```json',
		JSON.stringify(result.extra ?? {}, null, 1),
		'```',
		'',
	]),
].join('\n');
if (selected.length === ALL.length) {
	writeFileSync(path.join(root, 'bench/RESULTS.md'), markdown);
	process.stdout.write('wrote bench/RESULTS.md\n');
} else {
	// A partial run does not replace the record of a full one.
	process.stdout.write('partial run: bench/RESULTS.md left as it was\n');
}
