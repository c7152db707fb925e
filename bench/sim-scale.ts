// 8. Scale of the simulator: a 1,000,000-host estate served page by page, following the WARNING
// URLs, with truncation_limit=10000 (100 pages of ~8 MB, to keep the run short; the default
// 1,000-host pages would be 1,000 calls). The simulator runs in its own process (`node dist/cli.js
// simulate`) so the RSS read from /proc is its own. Reported: pages per second, and RSS idle, after
// page 1, after every tenth of the pages and after all. "Flat" = RSS after all pages ≤ 1.25× RSS
// after the first tenth (the V8 heap sizes itself over the first pages; a leak keeps growing).
import {describeRows, emit, log, rssOf, single, startSimChild, stats, timer, type BenchResult} from './lib/common.js';

const HOSTS = 1_000_000;
const PAGE = Number(process.env.BENCH_SIM_PAGE ?? 10_000);
const started = timer();
const sim = await startSimChild(['--hosts', String(HOSTS), '--rate-limit', '1000000']);
const idleRss = rssOf(sim.pid)!;
const headers = {'X-Requested-With': 'qualys-tui-bench'};
const loginResponse = await fetch(`${sim.url}/api/2.0/fo/session/`, {method: 'POST', headers, body: new URLSearchParams({action: 'login', username: 'demo', password: 'demo'})});
const cookie = loginResponse.headers.getSetCookie().map(value => value.split(';')[0]).join('; ');
await loginResponse.text();

let url: string | undefined = `${sim.url}/api/5.0/fo/asset/host/?action=list&truncation_limit=${PAGE}&details=Basic`;
const pageMs: number[] = [];
const rss: number[] = [];
let pages = 0;
let bytes = 0;
let hostCount = 0;
const total = timer();
while (url) {
	const elapsed = timer();
	const response = await fetch(url, {headers: {...headers, Cookie: cookie}});
	if (response.status !== 200) throw new Error(`page ${pages + 1}: HTTP ${response.status}`);
	// Count bytes and hosts without holding the body; keep the tail for the next-page URL.
	const reader = response.body!.getReader();
	const decoder = new TextDecoder();
	let tail = '';
	for (;;) {
		const {done, value} = await reader.read();
		if (done) break;
		bytes += value.byteLength;
		const text = decoder.decode(value, {stream: true});
		const window = tail + text;
		hostCount += (window.match(/<HOST>/g) ?? []).length - (tail.match(/<HOST>/g) ?? []).length;
		tail = window.slice(-2048);
	}
	pageMs.push(elapsed());
	pages++;
	rss.push(rssOf(sim.pid) ?? Number.NaN);
	const next = /<URL>\s*<!\[CDATA\[(.*?)\]\]>/s.exec(tail);
	url = next ? next[1]!.trim() : undefined;
}
const totalMs = total();
await fetch(`${sim.url}/api/2.0/fo/session/`, {method: 'POST', headers: {...headers, Cookie: cookie}, body: new URLSearchParams({action: 'logout'})});
await sim.close();

const mib = (value: number) => value / 1024 / 1024;
const rssStats = stats(rss.map(mib));
const first = mib(rss[0]!);
const warm = mib(rss[Math.max(0, Math.floor(rss.length / 10) - 1)]!);
const last = mib(rss.at(-1)!);
const growth = last / warm;
const trajectory = Object.fromEntries(rss.map((value, index) => [index + 1, Number(mib(value).toFixed(1))]).filter(([page]) => page === 1 || page % Math.max(1, Math.floor(rss.length / 10)) === 0));
const pagesPerSecond = pages / (totalMs / 1000);
log(`${pages} pages, ${hostCount} hosts, ${(bytes / 1024 / 1024).toFixed(0)} MiB in ${(totalMs / 1000).toFixed(1)} s; RSS idle ${mib(idleRss).toFixed(1)} MiB, first ${first.toFixed(1)}, last ${last.toFixed(1)}, max ${rssStats.max.toFixed(1)} MiB`);
const result: BenchResult = {
	benchmark: 'sim-scale',
	title: `Simulator scale (1,000,000 hosts, ${PAGE.toLocaleString('en-US')}/page)`,
	durationMs: started(),
	rows: [
		{
			id: 'sim-rss-flat',
			label: `simulator RSS after all ${pages} pages`,
			unit: 'MiB',
			measured: stats([rssStats.min, last, rssStats.max]),
			reference: {label: `RSS after page ${Math.max(1, Math.floor(rss.length / 10))} (first tenth)`, stats: single(warm)},
			ratio: growth,
			ratioLabel: 'after all / after first tenth',
			target: 'flat: ≤ 1.25×',
			pass: growth <= 1.25 && hostCount === HOSTS,
		},
		{
			id: 'sim-pages-per-second',
			label: `pages served per second (${PAGE.toLocaleString('en-US')} hosts each)`,
			unit: 'pages/s',
			measured: stats(pageMs.map(ms => 1000 / ms)),
			target: 'info',
			pass: null,
			notes: [`${pagesPerSecond.toFixed(2)} pages/s overall, ${(hostCount / (totalMs / 1000)).toFixed(0)} hosts/s`],
		},
	],
	extra: {pages, hosts: hostCount, bytes, totalMs, idleRssMiB: mib(idleRss), rssMiB: {afterPage1: first, afterFirstTenth: warm, last, max: rssStats.max, byPage: trajectory}, hostsPerSecond: hostCount / (totalMs / 1000), MiBPerSecond: mib(bytes) / (totalMs / 1000)},
};
describeRows(result);
emit(result);
