// 7. API economy: the calls spent by "log in, open hosts (one page), open scans, open limits, go
// back to hosts, quit", counted by the simulator (its /_sim/state, every API, every status).
// Reference: the 4 calls the walk needs (login, host list, scan list, logout). Target: exactly 4.
import {callCounts, describeRows, emit, log, login, quit, sleep, spawnApp, startSimChild, single, stats, timer, HOST_ROW, type BenchResult} from './lib/common.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 2);
const started = timer();
const sim = await startSimChild(['--hosts', '5000', '--rate-limit', '100000']);
const totals: number[] = [];
let lastCounts: Record<string, number> = {};
let lastRequests: unknown[] = [];
for (let run = 0; run < RUNS; run++) {
	await sim.reset();
	const app = spawnApp(['--api-url', sim.url, '--username', 'demo'], {cols: 120, rows: 40});
	await login(app);
	app.write('2');
	await app.waitFor(/Scans · \d/, {timeoutMs: 15_000});
	await sleep(300);
	app.write('3');
	await app.waitFor('Limits ·', {timeoutMs: 15_000});
	await sleep(300);
	app.write('1');
	await app.waitFor(HOST_ROW);
	await sleep(300);
	await quit(app, 8000);
	await sleep(200);
	const state = await sim.state();
	lastCounts = callCounts(state);
	lastRequests = state.requests.map(request => `${request.method} ${request.path} ${request.status}`);
	totals.push(Object.values(lastCounts).reduce((sum, count) => sum + count, 0));
	log(`run ${run + 1}: ${JSON.stringify(lastCounts)}`);
}
await sim.close();

const measured = stats(totals);
const result: BenchResult = {
	benchmark: 'api-economy',
	title: 'API economy (login, hosts, scans, limits, hosts, quit)',
	durationMs: started(),
	rows: [
		{
			id: 'api-calls',
			label: 'calls counted by the simulator',
			unit: 'calls',
			measured,
			reference: {label: 'login + host list + scan list + logout', stats: single(4)},
			ratio: measured.median / 4,
			ratioLabel: 'calls / 4',
			target: '= 4 calls',
			pass: measured.min === 4 && measured.max === 4,
		},
	],
	extra: {callsPerApi: lastCounts, requests: lastRequests},
};
describeRows(result);
emit(result);
