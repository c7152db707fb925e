// Preloaded into the app (`node --import ./bench/lib/tap.mjs dist/cli.js …`) by the benchmarks that
// need to see inside it: records every stdout write (time, bytes), every stdin read (time, text) and event-loop stalls, and writes
// them as JSON to $BENCH_TAP_FILE on exit or SIGUSR2. Changes nothing the app does. Times are
// performance.now() of the app; `timeOrigin` turns them into epoch ms, comparable across processes.
import {writeFileSync} from 'node:fs';
import {monitorEventLoopDelay, performance} from 'node:perf_hooks';

const file = process.env.BENCH_TAP_FILE;
if (file) {
	const writes = [];
	const keepBytes = process.env.BENCH_TAP_BYTES === '1';
	const original = process.stdout.write.bind(process.stdout);
	process.stdout.write = (chunk, ...rest) => {
		const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
		writes.push(keepBytes ? {t: performance.now(), n: Buffer.byteLength(text), s: text} : {t: performance.now(), n: Buffer.byteLength(text)});
		return original(chunk, ...rest);
	};
	// Input as Ink reads it (it calls stdin.read() on 'readable'); a 'data' listener would change the stream's mode.
	const reads = [];
	const originalRead = process.stdin.read.bind(process.stdin);
	process.stdin.read = (...args) => {
		const chunk = originalRead(...args);
		if (chunk !== null) reads.push({t: performance.now(), s: String(chunk)});
		return chunk;
	};
	const stalls = [];
	let last = performance.now();
	setInterval(() => {
		const now = performance.now();
		if (now - last > 60) stalls.push({t: last, ms: now - last - 20});
		last = now;
	}, 20).unref();
	const histogram = monitorEventLoopDelay({resolution: 5});
	histogram.enable();
	const dump = () => {
		writeFileSync(file, JSON.stringify({timeOrigin: performance.timeOrigin, writes, reads, stalls, loopDelayMs: {p50: histogram.percentile(50) / 1e6, p99: histogram.percentile(99) / 1e6, max: histogram.max / 1e6}}));
	};
	process.on('exit', dump);
	process.on('SIGUSR2', dump);
}
