import type {Host, HostDetails} from '../api/types.js';
import {cdata, doctype, documentEnd, documentStart, escapeXml, type DocumentFrame} from './xml.js';

/** How one host list response is shaped. */
export interface HostListLayout {
	readonly origin: string;
	/** The API version of the request path; 5.0 adds `ASSET_ID`. */
	readonly version: string;
	readonly frame: DocumentFrame;
	readonly datetime: string;
	readonly details: HostDetails;
	readonly showTags: boolean;
	readonly showAssetId: boolean;
}

/** The truncation warning, known only once the page is full. */
export interface HostListWarning {
	readonly limit: number;
	readonly url: string;
}

// Bodies can be hundreds of MB (truncation_limit=0 on a million hosts), so the document is produced
// as a stream of ~64 kB pieces and never held whole.
const PIECE_SIZE = 64 * 1024;

/**
 * Renders `HOST_LIST_OUTPUT` piece by piece. `warning()` is asked after the last host, so the caller can
 * look for the next page's first ID only when the page is full. No hosts → `RESPONSE` holds only `DATETIME`.
 */
export function* renderHostList(layout: HostListLayout, hosts: Iterable<Host>, warning: () => HostListWarning | undefined): Generator<string> {
	let piece = documentStart(layout.frame, doctype('HOST_LIST_OUTPUT', layout.origin, `/api/${layout.version}/fo/asset/host/host_list_output.dtd`));
	piece += `<HOST_LIST_OUTPUT>\n  <RESPONSE>\n    <DATETIME>${layout.datetime}</DATETIME>\n`;
	const isIdSet = layout.details === 'None';
	let count = 0;
	for (const host of hosts) {
		if (count === 0) {
			piece += isIdSet ? '    <ID_SET>\n' : '    <HOST_LIST>\n';
		}
		count++;
		piece += isIdSet ? `      <ID>${host.id}</ID>\n` : renderHost(layout, host);
		if (piece.length >= PIECE_SIZE) {
			yield piece;
			piece = '';
		}
	}
	if (count > 0) {
		piece += isIdSet ? '    </ID_SET>\n' : '    </HOST_LIST>\n';
	}
	const next = warning();
	if (next) {
		// The URL sits in CDATA with newlines around it, as in the documentation samples; clients must trim.
		piece +=
			'    <WARNING>\n      <CODE>1980</CODE>\n' +
			`      <TEXT>${next.limit} record limit exceeded. Use URL to get next batch of results.</TEXT>\n` +
			`      <URL>\n        ${cdata(next.url)}\n      </URL>\n    </WARNING>\n`;
	}
	piece += '  </RESPONSE>\n</HOST_LIST_OUTPUT>\n' + documentEnd(layout.frame);
	yield piece;
}

/** One `HOST` element, children in the order of the official samples (qualys-api.md §4). */
export function renderHost(layout: HostListLayout, host: Host): string {
	const isAll = layout.details.startsWith('All');
	const withGroups = layout.details.endsWith('/AGs');
	const lines: string[] = [`<ID>${host.id}</ID>`];
	const add = (name: string, value: string | number | undefined, isFreeText = false): void => {
		if (value !== undefined) {
			lines.push(`<${name}>${isFreeText ? cdata(String(value)) : escapeXml(String(value))}</${name}>`);
		}
	};
	if (layout.version !== '2.0' || layout.showAssetId) {
		add('ASSET_ID', host.assetId);
	}
	add('IP', host.ip);
	add('TRACKING_METHOD', host.trackingMethod);
	add('DNS', host.dns, true);
	if (host.fqdn !== undefined) {
		const dot = host.fqdn.indexOf('.');
		const hostname = dot < 0 ? host.fqdn : host.fqdn.slice(0, dot);
		const domain = dot < 0 ? '' : host.fqdn.slice(dot + 1);
		lines.push(`<DNS_DATA>\n          <HOSTNAME>${cdata(hostname)}</HOSTNAME>\n          <DOMAIN>${cdata(domain)}</DOMAIN>\n          <FQDN>${cdata(host.fqdn)}</FQDN>\n        </DNS_DATA>`);
	}
	add('CLOUD_PROVIDER', host.cloudProvider);
	if (host.cloudProvider) {
		add('CLOUD_SERVICE', 'VM');
	}
	add('CLOUD_RESOURCE_ID', host.cloudResourceId);
	add('EC2_INSTANCE_ID', host.ec2InstanceId, true);
	add('NETBIOS', host.netbios, true);
	add('OS', host.os, true);
	if (isAll) {
		add('OS_CPE', host.osCpe, true);
		add('QG_HOSTID', host.qgHostId);
	}
	if (layout.showTags && host.tags?.length) {
		const tags = host.tags.map((tag) => `          <TAG>\n            <TAG_ID>${tag.id}</TAG_ID>\n            <NAME>${cdata(tag.name)}</NAME>\n          </TAG>\n`).join('');
		lines.push(`<TAGS>\n${tags}        </TAGS>`);
	}
	if (isAll && host.ec2InstanceId) {
		lines.push(
			'<METADATA>\n          <EC2>\n            <ATTRIBUTE>\n              <NAME><![CDATA[latest/meta-data/instance-id]]></NAME>\n' +
				`              <LAST_STATUS>Success</LAST_STATUS>\n              <VALUE>${cdata(host.ec2InstanceId)}</VALUE>\n` +
				`              <LAST_SUCCESS_DATE>${host.lastVulnScan}</LAST_SUCCESS_DATE>\n            </ATTRIBUTE>\n          </EC2>\n        </METADATA>`,
		);
	}
	add('LAST_VULN_SCAN_DATETIME', host.lastVulnScan);
	add('LAST_VM_SCANNED_DATE', host.lastVmScanned);
	add('LAST_VM_SCANNED_DURATION', host.lastVmScannedDuration);
	if (isAll) {
		add('LAST_VM_AUTH_SCANNED_DATE', host.lastVmAuthScanned);
		if (host.lastVmAuthScanned) {
			add('LAST_VM_AUTH_SCANNED_DURATION', host.lastVmScannedDuration);
		}
		add('LAST_COMPLIANCE_SCAN_DATETIME', host.lastComplianceScan);
		add('OWNER', host.owner);
		add('COMMENTS', host.comments, true);
		if (host.userDefined) {
			// Empty values appear as an empty CDATA section, as in the samples.
			const values = host.userDefined.map((value, n) => `          <VALUE_${n + 1}>${cdata(value)}</VALUE_${n + 1}>\n`).join('');
			lines.push(`<USER_DEF>\n${values}        </USER_DEF>`);
		}
	}
	if (withGroups && host.assetGroupIds) {
		add('ASSET_GROUP_IDS', host.assetGroupIds.join(','));
	}
	return `      <HOST>\n${lines.map((line) => `        ${line}\n`).join('')}      </HOST>\n`;
}
