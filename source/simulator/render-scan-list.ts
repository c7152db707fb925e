import {qualysDateTime} from './datetime.js';
import type {SimScan} from './scan-data.js';
import {cdata, doctype, documentEnd, documentStart, escapeXml, type DocumentFrame} from './xml.js';

/** How one scan list response is shaped. */
export interface ScanListLayout {
	readonly origin: string;
	/** 3.0 adds the scan `ID` ([U]: IDs are documented only in compliance-scan samples). */
	readonly version: string;
	readonly frame: DocumentFrame;
	readonly datetime: string;
	readonly showOptionProfile: boolean;
	readonly showAssetGroups: boolean;
	readonly ignoreTarget: boolean;
}

/** Renders `SCAN_LIST_OUTPUT`; no scans → no `SCAN_LIST` element (qualys-api.md §5). */
export function renderScanList(layout: ScanListLayout, scans: readonly SimScan[]): string {
	const body = scans.length === 0 ? '' : `    <SCAN_LIST>\n${scans.map((scan) => renderScan(layout, scan)).join('')}    </SCAN_LIST>\n`;
	return (
		documentStart(layout.frame, doctype('SCAN_LIST_OUTPUT', layout.origin, `/api/${layout.version}/fo/scan/scan_list_output.dtd`)) +
		`<SCAN_LIST_OUTPUT>\n  <RESPONSE>\n    <DATETIME>${layout.datetime}</DATETIME>\n` +
		body +
		'  </RESPONSE>\n</SCAN_LIST_OUTPUT>\n' +
		documentEnd(layout.frame)
	);
}

// Free text gets the sample's layout: CDATA on its own line, so clients have to trim.
function spaced(name: string, text: string, indent: string): string {
	return `${indent}<${name}>\n${indent}  ${cdata(text)}\n${indent}</${name}>\n`;
}

function renderScan(layout: ScanListLayout, scan: SimScan): string {
	const i = '        ';
	let xml = '      <SCAN>\n';
	if (layout.version !== '2.0') {
		xml += `${i}<ID>${scan.id}</ID>\n`;
	}
	xml += `${i}<REF>${escapeXml(scan.ref)}</REF>\n${i}<TYPE>${scan.type}</TYPE>\n`;
	xml += spaced('TITLE', scan.title, i);
	xml += `${i}<USER_LOGIN>${escapeXml(scan.userLogin)}</USER_LOGIN>\n`;
	xml += `${i}<LAUNCH_DATETIME>${qualysDateTime(scan.launchedMs)}</LAUNCH_DATETIME>\n`;
	xml += `${i}<DURATION>${scan.duration}</DURATION>\n`;
	xml += `${i}<PROCESSING_PRIORITY>${scan.processingPriority}</PROCESSING_PRIORITY>\n`;
	xml += `${i}<PROCESSED>${scan.processed ? 1 : 0}</PROCESSED>\n`;
	xml += `${i}<STATUS>\n${i}  <STATE>${scan.state}</STATE>\n`;
	if (scan.subState) {
		xml += `${i}  <SUB_STATE>${scan.subState}</SUB_STATE>\n`;
	}
	xml += `${i}</STATUS>\n`;
	if (!layout.ignoreTarget) {
		xml += spaced('TARGET', scan.target, i);
	}
	if (layout.showOptionProfile) {
		xml += `${i}<OPTION_PROFILE>\n${spaced('TITLE', scan.optionProfile.title, `${i}  `)}${i}  <DEFAULT_FLAG>${scan.optionProfile.isDefault ? 1 : 0}</DEFAULT_FLAG>\n${i}</OPTION_PROFILE>\n`;
	}
	if (layout.showAssetGroups && scan.assetGroupTitles) {
		const titles = scan.assetGroupTitles.map((title) => spaced('ASSET_GROUP_TITLE', title, `${i}  `)).join('');
		xml += `${i}<ASSET_GROUP_TITLE_LIST>\n${titles}${i}</ASSET_GROUP_TITLE_LIST>\n`;
	}
	return `${xml}      </SCAN>\n`;
}
