// 6. Memory per host: VmRSS of the app process (spawned in the pty) with 100,000 hosts loaded
// (page 1 then `L` `y`, 1,000 per page), minus VmRSS at the empty host screen of the same process
// (the first host-list call is held 2.5 s by a one-shot latency fault, so the screen is up and
// empty meanwhile). No forced GC: the app is measured as the operator would run it, 3 s after the
// last page. Target: ≤ 1 KiB per host.
import {describeRows, emit, log, login, quit, rssOf, sleep, spawnApp, startSimChild, stats, timer, typePassword, HOST_ROW, type BenchResult} from './lib/common.js';

const HOSTS = 100_000;
const started = timer();
const sim = await startSimChild(['--hosts', String(HOSTS), '--rate-limit', '100000', '--fault', 'latency:ms=2500,times=1,api=host-list']);
const app = spawnApp(['--api-url', sim.url, '--username', 'demo'], {cols: 120, rows: 40});

async function sample(count: number, gapMs: number): Promise<number[]> {
	const values: number[] = [];
	for (let n = 0; n < count; n++) {
		values.push(rssOf(app.pid) ?? Number.NaN);
		await sleep(gapMs);
	}
	return values;
}

const loginRss = stats(await (async () => {
	await typePassword(app);
	await sleep(300);
	return sample(3, 100);
})());
app.write('\r');
await app.waitFor('loading the first page', {timeoutMs: 10_000});
await sleep(800);
const empty = stats(await sample(5, 150));
await app.waitFor(HOST_ROW, {timeoutMs: 20_000});
await sleep(1500);
const firstPage = stats(await sample(3, 100));
app.write('L');
await app.waitFor(/y go/);
app.write('y');
const loadTime = timer();
await app.waitFor('hosts (all)', {timeoutMs: 240_000});
const loadMs = loadTime();
await sleep(3000);
const full = stats(await sample(5, 200));
await quit(app);
await sim.close();

const perHost = (full.median - empty.median) / HOSTS;
const mib = (bytes: number) => bytes / 1024 / 1024;
log(`RSS login ${mib(loginRss.median).toFixed(1)} MiB, empty host screen ${mib(empty.median).toFixed(1)} MiB, 1k ${mib(firstPage.median).toFixed(1)} MiB, 100k ${mib(full.median).toFixed(1)} MiB`);
const toMiB = (s: ReturnType<typeof stats>) => stats([s.min, s.median, s.max].map(mib));
const result: BenchResult = {
	benchmark: 'memory',
	title: 'Memory per host (100,000 hosts)',
	durationMs: started(),
	rows: [
		{
			id: 'rss-per-host',
			label: '(RSS at 100k − RSS at empty host screen) / 100,000',
			unit: 'B/host',
			measured: stats([(full.min - empty.median) / HOSTS, perHost, (full.max - empty.median) / HOSTS]),
			reference: {label: 'RSS at the empty host screen (MiB)', stats: toMiB(empty)},
			ratio: perHost / 1024,
			ratioLabel: 'per host / 1 KiB',
			target: '≤ 1,024 B/host',
			pass: perHost <= 1024,
		},
	],
	extra: {
		rssMiB: {login: mib(loginRss.median), emptyHostScreen: mib(empty.median), firstPage: mib(firstPage.median), all: mib(full.median)},
		loadAllMs: loadMs,
	},
};
describeRows(result);
emit(result);
