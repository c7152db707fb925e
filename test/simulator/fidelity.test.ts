// Byte-level checks against qualys-api.md where the notes are that precise.
import assert from 'node:assert/strict';
import {request} from 'node:http';
import {test} from 'node:test';
import {withSimulator} from '../helpers/start-simulator.js';
import {LIMIT_HEADERS} from './qualys-fetch.js';

interface RawResponse {
	status: number;
	/** Header names in wire order, as sent (case kept). */
	names: string[];
	headers: Record<string, string | string[] | undefined>;
	body: string;
}

// node:http keeps the wire order of headers (fetch's Headers sorts them).
function raw(url: string, options: {method?: string; headers?: Record<string, string>; body?: string} = {}): Promise<RawResponse> {
	return new Promise((resolve, reject) => {
		const outgoing = request(url, {method: options.method ?? 'GET', headers: {'X-Requested-With': 'fidelity', Authorization: `Basic ${btoa('demo:demo')}`, ...options.headers}}, (response) => {
			let body = '';
			response.setEncoding('utf8');
			response.on('data', (chunk: string) => (body += chunk));
			response.on('end', () => resolve({status: response.statusCode!, names: response.rawHeaders.filter((_, index) => index % 2 === 0), headers: response.headers, body}));
		});
		outgoing.on('error', reject);
		outgoing.end(options.body);
	});
}

const now = Date.UTC(2026, 2, 4, 5, 6, 7);

test('host list: declaration with a space before ?>, DOCTYPE on the serving host, chunked, Server: Qualys', async (t) => {
	const sim = await withSimulator(t, {hosts: 5, now: () => now});
	const response = await raw(`${sim.url}/api/2.0/fo/asset/host/?action=list&truncation_limit=2`);
	assert.ok(
		response.body.startsWith(
			'<?xml version="1.0" encoding="UTF-8" ?>\n' +
				`<!DOCTYPE HOST_LIST_OUTPUT SYSTEM "${sim.url}/api/2.0/fo/asset/host/host_list_output.dtd">\n` +
				'<HOST_LIST_OUTPUT>\n  <RESPONSE>\n    <DATETIME>2026-03-04T05:06:07Z</DATETIME>\n',
		),
	);
	assert.equal(response.headers['content-type'], 'application/xml');
	assert.equal(response.headers['transfer-encoding'], 'chunked');
	assert.equal(response.headers['content-length'], undefined);
	assert.equal(response.headers.server, 'Qualys');
	assert.match(response.body, /<\/HOST_LIST_OUTPUT>\n<!-- CONFIDENTIAL AND PROPRIETARY INFORMATION\.[^\n]*\/\/-->\n$/);
});

test('the six limit headers go out in the observed order', async (t) => {
	const sim = await withSimulator(t);
	for (const path of ['/api/2.0/fo/asset/host/?action=list&truncation_limit=1', '/api/2.0/fo/asset/host/?action=list&nope=1', '/api/2.0/fo/scan/?action=list', '/msp/about.php']) {
		const response = await raw(`${sim.url}${path}`);
		assert.deepEqual(response.names.filter((name) => name.startsWith('X-')), [...LIMIT_HEADERS], path);
	}
});

test('the WARNING URL sits in CDATA with newlines around it and names the serving host', async (t) => {
	const sim = await withSimulator(t, {hosts: 5});
	const response = await raw(`${sim.url}/api/2.0/fo/asset/host/?action=list&truncation_limit=2`);
	assert.match(
		response.body,
		new RegExp(
			'    <WARNING>\\n      <CODE>1980</CODE>\\n      <TEXT>2 record limit exceeded\\. Use URL to get next batch of results\\.</TEXT>\\n' +
				`      <URL>\\n        <!\\[CDATA\\[${sim.url.replaceAll('.', '\\.')}/api/2\\.0/fo/asset/host/\\?action=list&truncation_limit=2&id_min=\\d+\\]\\]>\\n      </URL>\\n    </WARNING>\\n`,
		),
	);
});

test('the Host header decides the host named in DOCTYPEs and paging URLs', async (t) => {
	const sim = await withSimulator(t, {hosts: 5});
	const response = await raw(`${sim.url}/api/5.0/fo/asset/host/?action=list&truncation_limit=1`, {headers: {Host: 'qualysapi.example.test:8443'}});
	assert.match(response.body, /<!DOCTYPE HOST_LIST_OUTPUT SYSTEM "http:\/\/qualysapi\.example\.test:8443\/api\/5\.0\/fo\/asset\/host\/host_list_output\.dtd">/);
	assert.match(response.body, /<!\[CDATA\[http:\/\/qualysapi\.example\.test:8443\/api\/5\.0\/fo\/asset\/host\/\?/);
});

test('login cookie form: two separate Set-Cookie headers, path=/api; secure', async (t) => {
	const sim = await withSimulator(t);
	const response = await raw(`${sim.url}/api/2.0/fo/session/`, {method: 'POST', headers: {'Content-Type': 'application/x-www-form-urlencoded', Authorization: ''}, body: 'action=login&username=demo&password=demo'});
	const cookies = response.headers['set-cookie']!;
	assert.equal(response.names.filter((name) => name === 'Set-Cookie').length, 2);
	assert.match(cookies[0], /^QualysSession=[0-9a-f]{32}; path=\/api; secure; HttpOnly$/);
	assert.match(cookies[1], /^DWRSESSIONID=[A-Za-z0-9_-]+; path=\/api; secure; HttpOnly$/);
	assert.deepEqual(response.names.filter((name) => name.startsWith('X-')), []);
	const out = await raw(`${sim.url}/api/2.0/fo/session/`, {method: 'POST', headers: {Cookie: cookies[0].split(';')[0], Authorization: ''}, body: 'action=logout'});
	assert.equal(out.status, 200);
});

test('401: text/xml;charset=UTF-8 SIMPLE_RETURN on the serving host, no limit headers', async (t) => {
	const sim = await withSimulator(t, {now: () => now});
	const response = await raw(`${sim.url}/api/2.0/fo/asset/host/?action=list`, {headers: {Authorization: `Basic ${btoa('demo:nope')}`}});
	assert.equal(response.status, 401);
	assert.equal(response.headers['content-type'], 'text/xml;charset=UTF-8');
	assert.deepEqual(response.names.filter((name) => name.startsWith('X-')), []);
	assert.ok(
		response.body.startsWith(
			'<?xml version="1.0" encoding="UTF-8" ?>\n' +
				`<!DOCTYPE SIMPLE_RETURN SYSTEM "${sim.url}/api/2.0/simple_return.dtd">\n` +
				'<SIMPLE_RETURN>\n  <RESPONSE>\n    <DATETIME>2026-03-04T05:06:07Z</DATETIME>\n    <CODE>2000</CODE>\n    <TEXT>Bad Login/Password</TEXT>\n  </RESPONSE>\n</SIMPLE_RETURN>\n',
		),
	);
});

test('bad-param-no-decl: the 400 starts directly with <!DOCTYPE', async (t) => {
	const sim = await withSimulator(t, {faults: [{name: 'bad-param-no-decl'}]});
	const response = await raw(`${sim.url}/api/2.0/fo/asset/host/?action=list`);
	assert.equal(response.status, 400);
	assert.ok(response.body.startsWith(`<!DOCTYPE SIMPLE_RETURN SYSTEM "${sim.url}/api/2.0/simple_return.dtd">\n<SIMPLE_RETURN>`));
	assert.deepEqual(response.names.filter((name) => name.startsWith('X-')), [...LIMIT_HEADERS]);
});

test('evaluation subscriptions get the evaluation comment before and after the root', async (t) => {
	const sim = await withSimulator(t, {evaluationComments: true, hosts: 1});
	const comment = '<!-- This report was generated with an evaluation version of Qualys //-->\n';
	const hosts = (await raw(`${sim.url}/api/2.0/fo/asset/host/?action=list`)).body;
	assert.ok(hosts.includes(`host_list_output.dtd">\n${comment}<HOST_LIST_OUTPUT>`));
	assert.ok(hosts.includes(`</HOST_LIST_OUTPUT>\n${comment}<!-- CONFIDENTIAL`));
});

test('about.php: the ABOUT document with its DTD on the serving host and the username comment', async (t) => {
	const sim = await withSimulator(t, {now: () => now});
	const response = await raw(`${sim.url}/msp/about.php`);
	assert.ok(response.body.startsWith(`<?xml version="1.0" encoding="UTF-8" ?>\n<!DOCTYPE ABOUT SYSTEM "${sim.url}/about.dtd">\n<ABOUT>\n  <API-VERSION MAJOR="1" MINOR="4" />\n`));
	assert.match(response.body, /<\/ABOUT>\n<!-- Generated for username="demo" date="2026-03-04T05:06:07Z" -->\n<!-- CONFIDENTIAL/);
});

test('scan list: free text in CDATA on its own line, as in the documentation samples', async (t) => {
	const sim = await withSimulator(t);
	const response = await raw(`${sim.url}/api/2.0/fo/scan/?action=list`);
	assert.ok(response.body.startsWith(`<?xml version="1.0" encoding="UTF-8" ?>\n<!DOCTYPE SCAN_LIST_OUTPUT SYSTEM "${sim.url}/api/2.0/fo/scan/scan_list_output.dtd">\n`));
	assert.match(response.body, /<TITLE>\n {10}<!\[CDATA\[[^\]]+\]\]>\n {8}<\/TITLE>/);
	assert.match(response.body, /<PROCESSING_PRIORITY>0 - No Priority<\/PROCESSING_PRIORITY>/);
});
