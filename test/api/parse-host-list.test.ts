import assert from 'node:assert/strict';
import {test} from 'node:test';
import {isParseError} from '../../source/api/errors.js';
import {parseHostList} from '../../source/api/parse-host-list.js';
import {parseXml} from '../../source/api/xml.js';
import {fixture} from './fixture.js';

const parse = (name: string) => parseHostList(parseXml(fixture(name)));

test('maps a single host with every field present', () => {
	const page = parse('host-list-single.xml');
	assert.equal(page.hosts.length, 1);
	assert.deepEqual(page.hosts[0], {
		id: '1234567',
		assetId: '8901234',
		ip: '10.0.0.1',
		trackingMethod: 'IP',
		networkId: '0',
		dns: 'web01.example.com',
		fqdn: 'web01.example.com',
		netbios: 'WEB01',
		os: 'Windows Server 2019 & <Datacenter>',
		qgHostId: '00',
		tags: [{id: '77', name: 'Production'}],
		lastVulnScan: '2020-09-28T10:00:00Z',
		lastVmScanned: '2020-09-28T10:00:00Z',
		lastVmScannedDuration: 367,
		owner: 'jdoe',
		userDefined: ['rack 4', '', ''],
		assetGroupIds: ['11', '12'],
	});
	assert.equal(page.datetime, '2020-09-29T21:33:33Z');
	assert.equal(page.nextUrl, undefined);
});

test('stores only fields that are present (empty elements are absent)', () => {
	const host = parse('host-list-single.xml').hosts[0];
	assert.equal('comments' in host, false);
	assert.equal('lastComplianceScan' in host, false);
});

test('no HOST_LIST means no hosts', () => {
	const page = parse('host-list-empty.xml');
	assert.deepEqual(page.hosts, []);
	assert.equal(page.nextUrl, undefined);
});

test('ID_SET (details=None) gives hosts with only an id', () => {
	assert.deepEqual(parse('host-list-id-set.xml').hosts, [{id: '101'}, {id: '102'}, {id: '250'}]);
});

test('ID_RANGE entries in an ID_SET are expanded', () => {
	const page = parseHostList(parseXml('<HOST_LIST_OUTPUT><RESPONSE><ID_SET><ID>1</ID><ID_RANGE>5-7</ID_RANGE></ID_SET></RESPONSE></HOST_LIST_OUTPUT>'));
	assert.deepEqual(page.hosts.map(host => host.id), ['1', '5', '6', '7']);
});

test('the 1980 WARNING URL is returned trimmed and verbatim', () => {
	const page = parse('host-list-truncated-warning.xml');
	assert.equal(page.hosts.length, 2);
	assert.equal(page.nextUrl, 'https://qualysapi.qualys.com/api/2.0/fo/asset/host/?action=list&truncation_limit=2&details=None&id_min=2400356');
	assert.deepEqual(page.hosts[1].tags, [
		{id: '1', name: 'a'},
		{id: '2', name: 'b & c'},
	]);
});

test('a WARNING with another code is not a next page', () => {
	const page = parseHostList(
		parseXml('<HOST_LIST_OUTPUT><RESPONSE><WARNING><CODE>1234</CODE><URL>https://x/</URL></WARNING></RESPONSE></HOST_LIST_OUTPUT>'),
	);
	assert.equal(page.nextUrl, undefined);
});

test('another document is a ParseError', () => {
	assert.throws(() => parseHostList(parseXml(fixture('scan-list-empty.xml'))), isParseError);
});

test('a host without ID is a ParseError', () => {
	assert.throws(() => parseHostList(parseXml('<HOST_LIST_OUTPUT><RESPONSE><HOST_LIST><HOST><IP>1.2.3.4</IP></HOST></HOST_LIST></RESPONSE></HOST_LIST_OUTPUT>')), isParseError);
});
