// 2. Host-list parsing: a 20 MiB set of HOST_LIST_OUTPUT pages (1,000 hosts each, details=Basic, the
// pages the app asks for, rendered by the simulator's own renderer) parsed and mapped into host
// records (parseXml + parseHostList), against a bare `new XMLParser().parse` of the same strings.
// Alternating runs. Target: our throughput ≥ 0.8× the bare parser's.
import {XMLParser, XMLValidator} from 'fast-xml-parser';
import {parseHostList} from '../source/api/parse-host-list.js';
import {parseXml, type XmlNode} from '../source/api/xml.js';
import {createHostData} from '../source/simulator/host-data.js';
import {renderHostList} from '../source/simulator/render-host-list.js';
import {describeRows, emit, log, stats, timer, type BenchResult} from './lib/common.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TARGET_BYTES = 20 * 1024 * 1024;
const PAGE = 1000;
const started = timer();

const hosts = createHostData({seed: 1, count: 1_000_000, anchorMs: Date.UTC(2026, 11, 1)});
const layout = {
	origin: 'https://qualysapi.qualys.com',
	version: '5.0',
	frame: {isEvaluation: false},
	datetime: '2026-12-01T00:00:00Z',
	details: 'Basic' as const,
	showTags: false,
	showAssetId: false,
};
const pages: string[] = [];
let totalBytes = 0;
let hostCount = 0;
for (let start = 0; totalBytes < TARGET_BYTES; start += PAGE) {
	const page = (function* () {
		for (let index = start; index < start + PAGE; index++) yield hosts.hostAt(index);
	})();
	const text = [...renderHostList(layout, page, () => ({limit: PAGE, url: `${layout.origin}/api/5.0/fo/asset/host/?action=list&truncation_limit=${PAGE}&id_min=${hosts.idAt(start + PAGE)}`}))].join('');
	pages.push(text);
	totalBytes += Buffer.byteLength(text);
	hostCount += PAGE;
}
const mib = totalBytes / 1024 / 1024;
log(`${pages.length} pages, ${hostCount} hosts, ${mib.toFixed(1)} MiB`);

const bare = new XMLParser();
const ours = () => {
	let count = 0;
	for (const text of pages) count += parseHostList(parseXml(text)).hosts.length;
	if (count !== hostCount) throw new Error(`mapped ${count} hosts, expected ${hostCount}`);
};
const reference = () => {
	for (const text of pages) bare.parse(text);
};
const time = (work: () => void) => {
	const elapsed = timer();
	work();
	return elapsed();
};

// Warm-up (JIT) of both, not counted.
ours();
reference();
const oursMs: number[] = [];
const referenceMs: number[] = [];
for (let run = 0; run < RUNS; run++) {
	if (run % 2 === 0) {
		oursMs.push(time(ours));
		referenceMs.push(time(reference));
	} else {
		referenceMs.push(time(reference));
		oursMs.push(time(ours));
	}
}

// Where our time goes: validation, parsing with our options (parseXml minus validation), mapping.
const validateMs: number[] = [];
const parseXmlMs: number[] = [];
const mapMs: number[] = [];
for (let run = 0; run < 2; run++) {
	validateMs.push(time(() => pages.forEach(text => XMLValidator.validate(text))));
	let documents: XmlNode[] = [];
	parseXmlMs.push(time(() => (documents = pages.map(text => parseXml(text)))));
	mapMs.push(time(() => documents.forEach(document => parseHostList(document))));
}

const throughput = (ms: number[]) => stats(ms.map(value => mib / (value / 1000)));
const oursStats = throughput(oursMs);
const referenceStats = throughput(referenceMs);
const ratio = oursStats.median / referenceStats.median;
const result: BenchResult = {
	benchmark: 'parse',
	title: 'Host-list parsing (20 MiB)',
	durationMs: started(),
	rows: [
		{
			id: 'parse-throughput',
			label: `parseXml + parseHostList, ${mib.toFixed(1)} MiB in ${pages.length} pages`,
			unit: 'MiB/s',
			measured: oursStats,
			reference: {label: 'bare new XMLParser().parse', stats: referenceStats},
			ratio,
			ratioLabel: 'ours / bare throughput',
			target: '≥ 0.8×',
			pass: ratio >= 0.8,
		},
	],
	extra: {
		bytes: totalBytes,
		hosts: hostCount,
		oursMsMedian: stats(oursMs).median,
		bareMsMedian: stats(referenceMs).median,
		breakdownMsMedian: {validate: stats(validateMs).median, parseXmlIncludingValidate: stats(parseXmlMs).median, mapHostList: stats(mapMs).median},
	},
};
describeRows(result);
log(JSON.stringify(result.extra));
emit(result);
