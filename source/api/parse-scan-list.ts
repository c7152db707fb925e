import {ParseError} from './errors.js';
import {parseScanDuration} from './parse-scan-duration.js';
import type {Scan} from './types.js';
import {childNode, childNodes, textOf, type XmlNode} from './xml.js';

/**
 * Maps a parsed SCAN_LIST_OUTPUT (qualys-api.md §5): RESPONSE > SCAN_LIST > SCAN*. No SCAN_LIST
 * means no scans. Throws ParseError for another root or a scan without REF.
 */
export function parseScanList(document: XmlNode): Scan[] {
	const output = childNode(document, 'SCAN_LIST_OUTPUT');
	if (!output) throw new ParseError('The response is not a scan list.', {hint: 'Check the API URL; the server answered with another document.'});
	const scans: Scan[] = [];
	for (const node of childNodes(childNode(childNode(output, 'RESPONSE'), 'SCAN_LIST'), 'SCAN')) scans.push(mapScan(node));
	return scans;
}

function mapScan(node: XmlNode): Scan {
	const ref = textOf(node.REF);
	if (!ref) throw new ParseError('A scan in the scan list has no REF.', {hint: 'Report the response to the maintainers.'});
	const status = childNode(node, 'STATUS');
	const scan: Record<string, unknown> = {
		ref,
		type: textOf(node.TYPE) ?? '',
		title: textOf(node.TITLE) ?? '',
		userLogin: textOf(node.USER_LOGIN) ?? '',
		launched: textOf(node.LAUNCH_DATETIME) ?? '',
		duration: parseScanDuration(textOf(node.DURATION)),
		// Some outputs put STATE directly under SCAN; STATUS/STATE is the documented place.
		state: textOf(status?.STATE) ?? textOf(node.STATE) ?? '',
		target: textOf(node.TARGET) ?? '',
	};
	const id = textOf(node.ID);
	if (id) scan.id = id;
	const subState = textOf(status?.SUB_STATE);
	if (subState) scan.subState = subState;
	const priority = textOf(node.PROCESSING_PRIORITY);
	if (priority) scan.processingPriority = priority;
	const processed = textOf(node.PROCESSED);
	if (processed === '0' || processed === '1') scan.processed = processed === '1';
	const profile = childNode(node, 'OPTION_PROFILE');
	if (profile) scan.optionProfile = {title: textOf(profile.TITLE) ?? '', isDefault: textOf(profile.DEFAULT_FLAG) === '1'};
	const groups = childNode(node, 'ASSET_GROUP_TITLE_LIST');
	if (groups) {
		const titles = groups.ASSET_GROUP_TITLE;
		scan.assetGroupTitles = Array.isArray(titles) ? titles.map(title => textOf(title as string) ?? '') : [];
	}
	return scan as unknown as Scan;
}
