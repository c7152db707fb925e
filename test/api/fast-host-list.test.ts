// The host-list scanner (source/api/fast-host-list.ts) against the reference path (validator +
// fast-xml-parser tree + parseHostList): same pages, same error class and message, on the fixtures,
// on simulator pages (details None/Basic/All, show_tags, faults) and on hand-made edge cases.
import assert from 'node:assert/strict';
import {readdirSync} from 'node:fs';
import {test} from 'node:test';
import {classifyResponse} from '../../source/api/classify-response.js';
import {scanHostList} from '../../source/api/fast-host-list.js';
import {parseHostList} from '../../source/api/parse-host-list.js';
import {parseSimpleReturn} from '../../source/api/parse-simple-return.js';
import {startSimulator} from '../../source/simulator/server.js';
import type {FaultSpec} from '../../source/simulator/types.js';
import {parseXml, parseXmlTree, rootElementName, type XmlNode} from '../../source/api/xml.js';
import {fixture} from './fixture.js';
import {outcome, type Outcome} from '../helpers/outcome.js';


/** Asserts the fast path (parseXml → parseHostList) and the reference agree exactly; returns the outcome. */
export function assertSame(text: string): Outcome {
	const fast = outcome(() => parseHostList(parseXml(text)));
	const reference = outcome(() => parseHostList(parseXmlTree(text)));
	assert.deepStrictEqual(fast, reference);
	return fast;
}

const FIXTURES = readdirSync(new URL('../fixtures/', import.meta.url)).filter(name => name.endsWith('.xml'));

test('every fixture gives the same outcome on both paths; host-list fixtures take the fast path', () => {
	for (const name of FIXTURES) {
		const text = fixture(name);
		assertSame(text);
		if (name.startsWith('host-list-')) assert.notEqual(scanHostList(text), undefined, `${name} is scanned`);
	}
});

test('a host-list fixture cut at any character is a ParseError on both paths, never a partial list', () => {
	for (const name of ['host-list-single.xml', 'host-list-truncated-warning.xml', 'host-list-id-set.xml']) {
		const text = fixture(name);
		const end = text.lastIndexOf('</HOST_LIST_OUTPUT>') + '</HOST_LIST_OUTPUT>'.length;
		for (let at = 0; at < end; at++) {
			const result = assertSame(text.slice(0, at));
			assert.ok('error' in result && result.error === 'ParseError', `${name} cut at ${at}`);
		}
	}
});

const isTreeBuilt = (document: XmlNode) => Object.getOwnPropertyDescriptor(document.HOST_LIST_OUTPUT, 'RESPONSE')?.get === undefined;

test('the client path (classifyResponse, then parseHostList) maps a host list without building the tree', () => {
	const text = fixture('host-list-single.xml');
	const document = classifyResponse({status: 200, headers: new Headers(), text}, 'HOST_LIST_OUTPUT', {});
	assert.equal(isTreeBuilt(document), false);
	assert.deepStrictEqual(parseHostList(document), parseHostList(parseXmlTree(text)));
	assert.equal(isTreeBuilt(document), false);
});

test('the document parseXml returns for a scanned host list reads like the full tree', () => {
	const text = fixture('host-list-single.xml');
	const document = parseXml(text);
	assert.equal(rootElementName(document), 'HOST_LIST_OUTPUT');
	assert.equal(parseSimpleReturn(document), undefined);
	assert.equal(isTreeBuilt(document), false);
	assert.deepStrictEqual(document, parseXmlTree(text));
	assert.equal(isTreeBuilt(document), true);
	// The scanned page is handed out once; a second mapping of the same document is the reference one.
	assert.deepStrictEqual(parseHostList(document), parseHostList(document));
});

const wrap = (inner: string, prolog = '') => `${prolog}<HOST_LIST_OUTPUT><RESPONSE>${inner}</RESPONSE></HOST_LIST_OUTPUT>`;
const host = (inner: string) => wrap(`<HOST_LIST><HOST>${inner}</HOST></HOST_LIST>`);

test('edge cases the scanner handles itself match the reference', () => {
	const scanned = [
		host('<ID>1</ID><OS>  a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;  </OS>'),
		host('<ID>1</ID><OS>&amp;lt;</OS>'),
		host('<ID>1</ID><OS> x <![CDATA[ y ]]> z </OS>'),
		host('<ID>1</ID><OS>\n  <![CDATA[a]]]]><![CDATA[>b]]>\n</OS>'),
		host('<ID>1</ID><OS><![CDATA[]]></OS><DNS></DNS><IP/>'),
		host('<ID>1</ID><OS>a\r\nb\rc</OS><COMMENTS><![CDATA[x\r\ny]]></COMMENTS>'),
		host('<ID>1</ID><OS>\u00a0x\u00a0</OS>'),
		host('<ID>1</ID><TAGS/><USER_DEF/><DNS_DATA/>'),
		host('<ID>1</ID><TAGS> </TAGS><USER_DEF> </USER_DEF><DNS_DATA> </DNS_DATA>'),
		host('<ID>1</ID><TAGS><X/></TAGS><USER_DEF><X/></USER_DEF><DNS_DATA><X/></DNS_DATA>'),
		host('<ID>1</ID><TAGS><TAG/><TAG></TAG><TAG><TAG_ID></TAG_ID></TAG><TAG><NAME>n</NAME><TAG_ID>5</TAG_ID></TAG></TAGS>'),
		host('<ID>1</ID><USER_DEF><VALUE_3>c</VALUE_3><VALUE_1/></USER_DEF>'),
		host('<ID>1</ID><LAST_VM_SCANNED_DURATION>-0</LAST_VM_SCANNED_DURATION>'),
		host('<ID>1</ID><LAST_VM_SCANNED_DURATION>-5</LAST_VM_SCANNED_DURATION><ASSET_GROUP_IDS> 1 , 2,,</ASSET_GROUP_IDS>'),
		host('<ID>1</ID><LAST_VM_SCANNED_DURATION>1e309</LAST_VM_SCANNED_DURATION>'),
		host('<ID>1</ID><METADATA><EC2><ATTRIBUTE><NAME>x</NAME><!-- c --><VALUE><![CDATA[</METADATA>]]></VALUE></ATTRIBUTE></EC2></METADATA>'),
		host('<ID>1</ID><X><X><X/></X></X><Y>&amp;</Y>'),
		wrap('<ID_SET><ID>3</ID><ID_RANGE> 5 - 7 </ID_RANGE><ID>4</ID></ID_SET><HOST_LIST><HOST><ID>1</ID></HOST></HOST_LIST>'),
		wrap('<ID_SET/><HOST_LIST/>'),
		wrap('<WARNING><CODE>1980</CODE><URL>\n <![CDATA[ https://x/?a=1&b=2 ]]>\n</URL></WARNING><WARNING/><WARNING><CODE>999</CODE><URL>u</URL></WARNING>'),
		wrap('<WARNING><CODE> 1980 </CODE><URL>a</URL></WARNING><WARNING><CODE>1980</CODE><URL>  </URL></WARNING>'),
		wrap('<DATETIME/>'),
		wrap('', '<?xml version="1.0"?>\n<!-- c -->\n<!DOCTYPE HOST_LIST_OUTPUT SYSTEM "x.dtd">\n') + '\n<!-- t -->\n',
		'<HOST_LIST_OUTPUT><RESPONSE/></HOST_LIST_OUTPUT>',
		wrap('', "<!DOCTYPE HOST_LIST_OUTPUT SYSTEM 'x.dtd'>"),
		wrap('', '<!DOCTYPE HOST_LIST_OUTPUT>'),
		wrap('', "<?xml version='1.0' standalone='yes'?>"),
		host('<ID>1</ID><X>a &amp; b</X><X/><X>&lt;</X>'),
	];
	for (const text of scanned) {
		assertSame(text);
		assert.notEqual(scanHostList(text), undefined, `scanned: ${text}`);
	}
});

test('documents outside the scanner subset fall back and still match the reference', () => {
	const fallbacks = [
		host('<ID>1</ID><OS>&#65;</OS>'),
		host('<ID>1</ID><OS>&foo;</OS>'),
		host('<ID>1</ID><OS>a<!-- c -->b</OS>'),
		host('<ID>1</ID><OS a="1">x</OS>'),
		host('<ID>1</ID><OS><B>x</B></OS>'),
		host('<ID>1</ID><OS>x</OS><OS>y</OS>'),
		host('<ID>1</ID><ID>2</ID>'),
		host('<IP>1</IP>'),
		host('<ID></ID>'),
		host('<ID>1</ID><?pi x?>'),
		host('<ID>1</ID><!-- c -->'),
		host('<ID>1</ID>text'),
		host('<ID>1</ID><Y a="1"/>'),
		host('<ID>1</ID><Y>&#65;</Y>'),
		host('<ID>1</ID><constructor/>'),
		host('<ID>1</ID><toString>x</toString>'),
		host('<ID>1</ID><1X/>'),
		host('<ID>1</ID><X></Y>'),
		host('<ID>1</ID></OS>'),
		wrap('', '<!-- c --><?xml version="1.0"?>'),
		wrap('', '\ufeff'),
		wrap('') + '<HOST_LIST_OUTPUT/>',
		wrap('') + 'x',
		wrap('<HOST_LIST><HOST/></HOST_LIST>'),
		wrap('<ID_SET><ID_RANGE>7-5</ID_RANGE></ID_SET>'),
		wrap('<ID_SET><ID_RANGE>1-1000000</ID_RANGE><ID_RANGE>1-1000000</ID_RANGE></ID_SET>'),
		wrap('<ID_SET><ID/></ID_SET>'),
		'<HOST_LIST_OUTPUT a="1"><RESPONSE/></HOST_LIST_OUTPUT>',
		'<HOST_LIST_OUTPUT/>',
		'<HOST_LIST_OUTPUT></HOST_LIST_OUTPUT>',
		'<HOST_LIST_OUTPUT><RESPONSE/><RESPONSE/></HOST_LIST_OUTPUT>',
		'<HOST_LIST_OUTPUT><OTHER/></HOST_LIST_OUTPUT>',
		'<!DOCTYPE HOST_LIST_OUTPUT [<!ENTITY a "b">]><HOST_LIST_OUTPUT><RESPONSE/></HOST_LIST_OUTPUT>',
		'<?pi x?><HOST_LIST_OUTPUT><RESPONSE/></HOST_LIST_OUTPUT>',
		`<HOST_LIST_OUTPUT><RESPONSE><HOST_LIST><HOST><ID>1</ID>${'<X>'.repeat(120)}${'</X>'.repeat(120)}</HOST></HOST_LIST></RESPONSE></HOST_LIST_OUTPUT>`,
		'<SIMPLE_RETURN><RESPONSE><CODE>1965</CODE></RESPONSE></SIMPLE_RETURN>',
	];
	for (const text of fallbacks) {
		assertSame(text);
		assert.equal(scanHostList(text), undefined, `falls back: ${text}`);
	}
});

async function body(url: string, path: string): Promise<string> {
	const response = await fetch(`${url}${path}`, {headers: {'X-Requested-With': 'test', Authorization: `Basic ${Buffer.from('demo:demo').toString('base64')}`}});
	return response.text();
}

test('simulator pages (None/Basic/All, show_tags, faults) give the same pages on both paths', async () => {
	const simulator = await startSimulator({port: 0, hosts: 2500, seed: 7});
	try {
		const lists = ['details=None', 'details=Basic', 'details=All', 'details=All&show_tags=1', 'details=All/AGs&show_tags=1', 'details=Basic&show_asset_id=1'];
		let scannedPages = 0;
		for (const list of lists) {
			let path: string | undefined = `/api/5.0/fo/asset/host/?action=list&truncation_limit=1000&${list}`;
			let pages = 0;
			while (path !== undefined) {
				const text = await body(simulator.url, path);
				const result = assertSame(text);
				assert.ok('value' in result, `${list}: page ${pages + 1} parses`);
				assert.notEqual(scanHostList(text), undefined, `${list}: page ${pages + 1} is scanned`);
				scannedPages++;
				const next = (result.value as {nextUrl?: string}).nextUrl;
				path = next === undefined ? undefined : next.slice(new URL(next).origin.length);
				pages++;
			}
			assert.equal(pages, 3, `${list}: 2,500 hosts in pages of 1,000`);
		}
		assert.equal(scannedPages, 18);
		const faults: FaultSpec[] = [
			{name: 'hostile-text'},
			{name: 'huge', bytes: 3 * 1024 * 1024},
			{name: 'truncated', bytes: 5000},
			{name: 'malformed'},
			{name: 'entity-bomb'},
			{name: 'foreign-next-url'},
			{name: 'empty-200'},
			{name: 'html-200'},
			{name: 'legacy-only'},
		];
		for (const fault of faults) {
			simulator.setFaults([fault]);
			for (const list of ['details=Basic', 'details=All&show_tags=1', 'details=None']) {
				const text = await body(simulator.url, `/api/5.0/fo/asset/host/?action=list&truncation_limit=1000&${list}`);
				assertSame(text);
				if (fault.name === 'hostile-text') assert.notEqual(scanHostList(text), undefined, `hostile text (${list}) is scanned`);
			}
		}
	} finally {
		await simulator.close();
	}
});
