// Host-list parsing, fast path vs reference, on the same bytes:
//   reference  parseHostList(parseXmlTree(text))  — validator + fast-xml-parser tree + mapping (the old path)
//   fast       parseHostList(parseXml(text))      — single-pass scanner with its own well-formedness checks
//                                                   (source/api/fast-host-list.ts; validator + tree only on fallback)
//   bare       new XMLParser().parse(text)         — fast-xml-parser with default options, no validation
//   validator  XMLValidator.validate(text)         — the well-formedness check alone (part of the reference path)
// on one 1,000-host page (details=Basic, the app's page) and on a 20 MiB set of such pages; also one
// details=All + show_tags page. Medians of BENCH_RUNS (default 9; single pages ≥ 31) runs, the four interleaved.
// Run: node --import tsx bench/parse-fast.ts
import assert from 'node:assert/strict';
import {XMLParser, XMLValidator} from 'fast-xml-parser';
import {parseHostList} from '../source/api/parse-host-list.js';
import type {HostDetails} from '../source/api/types.js';
import {parseXml, parseXmlTree} from '../source/api/xml.js';
import {createHostData} from '../source/simulator/host-data.js';
import {renderHostList} from '../source/simulator/render-host-list.js';

const RUNS = Math.max(7, Number(process.env.BENCH_RUNS ?? 9));
const PAGE = 1000;
const hosts = createHostData({seed: 1, count: 1_000_000, anchorMs: Date.UTC(2026, 11, 1)});

function page(start: number, details: HostDetails, showTags: boolean): string {
	const layout = {origin: 'https://qualysapi.qualys.com', version: '5.0', frame: {isEvaluation: false}, datetime: '2026-12-01T00:00:00Z', details, showTags, showAssetId: false};
	const list = (function* () {
		for (let index = start; index < start + PAGE; index++) yield hosts.hostAt(index);
	})();
	return [...renderHostList(layout, list, () => ({limit: PAGE, url: `${layout.origin}/api/5.0/fo/asset/host/?action=list&truncation_limit=${PAGE}&id_min=${hosts.idAt(start + PAGE)}`}))].join('');
}

const sets: Array<{name: string; texts: string[]}> = [
	{name: '1 page, 1,000 hosts, Basic', texts: [page(0, 'Basic', false)]},
	{name: '1 page, 1,000 hosts, All + tags', texts: [page(0, 'All', true)]},
];
const big: string[] = [];
for (let start = 0, bytes = 0; bytes < 20 * 1024 * 1024; start += PAGE) {
	const text = page(start, 'Basic', false);
	big.push(text);
	bytes += Buffer.byteLength(text);
}
sets.push({name: `${big.length} pages, 20 MiB, Basic`, texts: big});

const bare = new XMLParser();
const ways: Record<string, (text: string) => unknown> = {
	reference: text => parseHostList(parseXmlTree(text)),
	fast: text => parseHostList(parseXml(text)),
	bare: text => bare.parse(text),
	validator: text => XMLValidator.validate(text),
};

const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = sorted.length >> 1;
	return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

console.log(`node ${process.version}, ${RUNS} runs per cell (≥ 31 for single pages), interleaved; medians (min–max)`);
for (const {name, texts} of sets) {
	// Same records from both paths, on these very bytes.
	for (const text of texts) assert.deepStrictEqual(ways.fast!(text), ways.reference!(text));
	const mib = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0) / 1024 / 1024;
	const times: Record<string, number[]> = Object.fromEntries(Object.keys(ways).map(way => [way, []]));
	for (const way of Object.keys(ways)) for (const text of texts) ways[way]!(text); // warm-up
	// Single pages take milliseconds: more runs there, so the medians hold on a busy machine.
	const runs = texts.length === 1 ? Math.max(RUNS, 31) : RUNS;
	for (let run = 0; run < runs; run++) {
		const order = Object.keys(ways);
		if (run % 2) order.reverse();
		for (const way of order) {
			const started = performance.now();
			for (const text of texts) ways[way]!(text);
			times[way]!.push(performance.now() - started);
		}
	}
	console.log(`\n${name}: ${mib.toFixed(2)} MiB`);
	const referenceMs = median(times.reference!);
	for (const way of Object.keys(ways)) {
		const ms = median(times[way]!);
		const spread = `${Math.min(...times[way]!).toFixed(1)}–${Math.max(...times[way]!).toFixed(1)}`;
		console.log(`  ${way.padEnd(10)} ${ms.toFixed(1).padStart(8)} ms  (${spread})  ${(mib / (ms / 1000)).toFixed(1).padStart(7)} MiB/s  ${(referenceMs / ms).toFixed(2)}× reference speed`);
	}
}
