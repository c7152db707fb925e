// 3. Time to first host row: from Enter on the login form to the first host row drawn (the app in a
// pty against a simulator with 50 ms latency per resource call), against `curl` doing the same two
// calls — login POST and the first host-list page — against the same simulator. Alternating runs.
// Target: ≤ 1.3× curl. The password is typed a second after the form is drawn, as an operator
// types it (the app loads and warms its client meanwhile); a second row, for information, has it
// pasted the moment the form is drawn, when the app is still loading.
import {spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {HOST_ROW, describeRows, emit, log, quit, spawnApp, startSimChild, stats, timer, typePassword, sleep, type BenchResult} from './lib/common.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 6);
const LATENCY_MS = 50;
const PAGE = 1000;
/** Time from the form on screen to the password typed: a person needs a second or more. */
const TYPING_MS = 1000;
const started = timer();
const sim = await startSimChild(['--hosts', '5000', '--latency-ms', String(LATENCY_MS), '--rate-limit', '100000']);
const jarDir = mkdtempSync(path.join(tmpdir(), 'bench-curl-'));
const jar = path.join(jarDir, 'cookies');
const curl = '/usr/bin/curl';
const common = ['-s', '-S', '-o', '/dev/null', '-w', '%{http_code}', '-H', 'X-Requested-With: qualys-tui-bench'];

function curlOnce(): number {
	const elapsed = timer();
	const login = spawnSync(curl, [...common, '-c', jar, '--data', 'action=login&username=demo&password=demo', `${sim.url}/api/2.0/fo/session/`], {encoding: 'utf8'});
	const list = spawnSync(curl, [...common, '-b', jar, '--data', `action=list&truncation_limit=${PAGE}&details=Basic`, `${sim.url}/api/5.0/fo/asset/host/`], {encoding: 'utf8'});
	const ms = elapsed();
	if (login.stdout !== '200' || list.stdout !== '200') throw new Error(`curl got ${login.stdout} / ${list.stdout} ${login.stderr}${list.stderr}`);
	spawnSync(curl, [...common, '-b', jar, '--data', 'action=logout', `${sim.url}/api/2.0/fo/session/`]);
	return ms;
}

async function appOnce(typingMs: number): Promise<number> {
	const app = spawnApp(['--api-url', sim.url, '--username', 'demo'], {cols: 120, rows: 40});
	await app.waitFor('Password');
	await sleep(typingMs);
	await typePassword(app);
	await sleep(50);
	const elapsed = timer();
	app.write('\r');
	await app.waitFor(HOST_ROW, {timeoutMs: 20_000});
	const ms = elapsed();
	await quit(app);
	return ms;
}

curlOnce();
await appOnce(0);
const app: number[] = [];
const pasted: number[] = [];
const reference: number[] = [];
for (let run = 0; run < RUNS; run++) {
	if (run % 2 === 0) {
		app.push(await appOnce(TYPING_MS));
		reference.push(curlOnce());
		pasted.push(await appOnce(0));
	} else {
		pasted.push(await appOnce(0));
		reference.push(curlOnce());
		app.push(await appOnce(TYPING_MS));
	}
}
log(`app ${app.map(Math.round).join(' ')} ms; pasted ${pasted.map(Math.round).join(' ')} ms; curl ${reference.map(Math.round).join(' ')} ms`);
const state = await sim.state();
await sim.close();
rmSync(jarDir, {recursive: true, force: true});

const appStats = stats(app);
const pastedStats = stats(pasted);
const referenceStats = stats(reference);
const ratio = appStats.median / referenceStats.median;
const result: BenchResult = {
	benchmark: 'first-row',
	title: 'Time to first host row',
	durationMs: started(),
	rows: [
		{
			id: 'first-row',
			label: `Enter on login → first host row drawn (${LATENCY_MS} ms latency; password typed ${TYPING_MS / 1000} s after the form)`,
			unit: 'ms',
			measured: appStats,
			reference: {label: 'curl login POST + first host-list page', stats: referenceStats},
			ratio,
			ratioLabel: 'app / curl',
			target: '≤ 1.3×',
			pass: ratio <= 1.3,
		},
		{
			id: 'first-row-pasted',
			label: 'the same, password pasted the moment the form is drawn (app still loading)',
			unit: 'ms',
			measured: pastedStats,
			reference: {label: 'curl login POST + first host-list page', stats: referenceStats},
			ratio: pastedStats.median / referenceStats.median,
			ratioLabel: 'app / curl',
			target: 'info',
			pass: null,
		},
	],
	extra: {latencyMs: LATENCY_MS, pageSize: PAGE, typingMs: TYPING_MS, simulatorCalls: state.calls, logins: state.logins, logouts: state.logouts},
};
describeRows(result);
emit(result);
