import type {Host, HostTag} from '../api/types.js';
import {hash32, hexOf, pick} from './hash.js';
import {hostileText} from './hostile-text.js';
import {formatIpv4, parseIpv4} from './ip-address.js';
import {qualysDateTime} from './datetime.js';

// Host i gets ID FIRST_ID + STRIDE * i + (a seeded gap below STRIDE): strictly ascending, with gaps
// like real subscriptions, and invertible by arithmetic so `id_min` on a million hosts costs nothing.
const FIRST_ID = 1_000_103;
const STRIDE = 9;

const DAY_MS = 86_400_000;

interface OperatingSystem {
	readonly name: string;
	readonly cpe?: string;
	readonly family: 'windows' | 'linux' | 'network' | 'mac' | 'other';
}

const OPERATING_SYSTEMS: readonly OperatingSystem[] = [
	{name: 'Windows Server 2022 Standard 64 bit Edition Version 21H2 Build 20348', cpe: 'cpe:/o:microsoft:windows_server_2022:-:*:*:*:*:*:*:*', family: 'windows'},
	{name: 'Windows Server 2019 Datacenter 64 bit Edition Version 1809 Build 17763', cpe: 'cpe:/o:microsoft:windows_server_2019:-:*:*:*:*:*:*:*', family: 'windows'},
	{name: 'Windows Server 2016 Standard 64 bit Edition Version 1607 Build 14393', cpe: 'cpe:/o:microsoft:windows_server_2016:-:*:*:*:*:*:*:*', family: 'windows'},
	{name: 'Windows Server 2012 R2 Standard 64 bit Edition', cpe: 'cpe:/o:microsoft:windows_server_2012:r2:*:*:*:*:*:*:*', family: 'windows'},
	{name: 'Windows 10 Enterprise 64 bit Edition Version 22H2 Build 19045', cpe: 'cpe:/o:microsoft:windows_10:22h2:*:*:*:*:*:*:*', family: 'windows'},
	{name: 'Windows 11 Enterprise 64 bit Edition Version 23H2 Build 22631', family: 'windows'},
	{name: 'Ubuntu Linux 22.04', cpe: 'cpe:/o:canonical:ubuntu_linux:22.04:*:*:*:*:*:*:*', family: 'linux'},
	{name: 'Ubuntu Linux 20.04', cpe: 'cpe:/o:canonical:ubuntu_linux:20.04:*:*:*:*:*:*:*', family: 'linux'},
	{name: 'Red Hat Enterprise Linux 8.9', cpe: 'cpe:/o:redhat:enterprise_linux:8.9:*:*:*:*:*:*:*', family: 'linux'},
	{name: 'Red Hat Enterprise Linux Server 7.9', cpe: 'cpe:/o:redhat:enterprise_linux:7.9:*:*:*:*:*:*:*', family: 'linux'},
	{name: 'Amazon Linux 2', family: 'linux'},
	{name: 'CentOS Linux 7.9.2009', family: 'linux'},
	{name: 'Debian GNU/Linux 12', family: 'linux'},
	{name: 'Cisco IOS 15.2(4)M11', cpe: 'cpe:/o:cisco:ios:15.2%284%29m11:*:*:*:*:*:*:*', family: 'network'},
	{name: 'Cisco IOS XE 17.3.4a', family: 'network'},
	{name: 'Apple macOS Sonoma 14.4', family: 'mac'},
	{name: 'VMware ESXi 7.0.3 build-21424296', family: 'other'},
	{name: 'HP LaserJet Printer', family: 'other'},
	{name: 'Linux 2.6', family: 'linux'},
];

const ROLES = ['web', 'db', 'app', 'mail', 'dc', 'fs', 'vpn', 'build', 'k8s-node', 'lb', 'cache', 'jump', 'print', 'wks'];
const DOMAINS = ['corp.example.com', 'prod.example.net', 'lab.example.org', 'eu.corp.example.com', 'dmz.example.com'];
const OWNERS = ['demo', 'jsmith', 'a.müller', 'secops'];

const TAGS: readonly HostTag[] = [
	{id: '7613521', name: 'Production'},
	{id: '7613522', name: 'PCI'},
	{id: '7613523', name: 'Linux Servers'},
	{id: '7613524', name: 'Windows Servers'},
	{id: '7613525', name: 'DMZ'},
	{id: '7613526', name: 'Cloud Agent'},
	{id: '7613527', name: 'Internet Facing Assets'},
	{id: '7613528', name: 'Business Unit: Finance & Legal'},
	{id: '7613529', name: 'Critical <Tier 0>'},
	{id: '7613530', name: 'Dev/Test'},
];

const COMMENTS = [
	'Decommission after Q3 migration',
	'Owner: R&D <lab> — do not scan during business hours',
	'Patched manually; see ticket CHG-4471',
	'Rack 12, row C',
];

/** The generated hosts of one simulator: `count` hosts, each a pure function of (seed, index). */
export interface HostData {
	readonly count: number;
	/** ID of host `index` (defined for any index ≥ 0, also beyond `count`). */
	idAt(index: number): number;
	/** Index of the first host whose ID is ≥ `id` (may be ≥ count). */
	indexAtOrAbove(id: number): number;
	/** Index of the last host whose ID is ≤ `id` (-1 when none). */
	indexAtOrBelow(id: number): number;
	/** IPv4 address of host `index` as a number, without building the whole host (for `ips` filters). */
	ipAt(index: number): number;
	/** The whole host; `isHostile` swaps its texts for terminal-hostile ones. */
	hostAt(index: number, isHostile?: boolean): Host;
}

/**
 * Creates the host generator. `anchorMs` is the "today" generated scan dates count back from; it is
 * fixed at creation so that paging through a list never sees a host change.
 */
export function createHostData(options: {readonly seed: number; readonly count: number; readonly anchorMs: number}): HostData {
	const {seed, count, anchorMs} = options;

	const idAt = (index: number): number => FIRST_ID + STRIDE * index + (hash32(seed, index, 1) % STRIDE);

	const trackingAt = (index: number): string => {
		const roll = hash32(seed, index, 2) % 100;
		return roll < 45 ? 'IP' : roll < 60 ? 'DNS' : roll < 70 ? 'NETBIOS' : roll < 90 ? 'AGENT' : 'EC2';
	};

	const ipAt = (index: number): number => {
		if (trackingAt(index) === 'EC2') {
			return parseIpv4('172.31.0.0')! + 1 + (index % 65_534);
		}
		const bucket = hash32(seed, index, 3) % 20;
		// Several address plans, as in a real estate: a big 10/8, a 172.16/12, home-office 192.168/16 and a few public-looking addresses.
		if (bucket < 9) {
			return parseIpv4('10.0.0.0')! + 1 + index;
		}
		if (bucket < 13) {
			return parseIpv4('172.16.0.0')! + 1 + (index % 1_048_000);
		}
		if (bucket < 17) {
			return parseIpv4('192.168.0.0')! + 1 + (index % 65_534);
		}
		return parseIpv4(bucket === 17 ? '198.51.100.0' : '203.0.113.0')! + 1 + (index % 254);
	};

	const hostAt = (index: number, isHostile = false): Host => {
		const id = idAt(index);
		const trackingMethod = trackingAt(index);
		const ip = formatIpv4(ipAt(index));
		const isEc2 = trackingMethod === 'EC2';
		const os = isEc2 ? pick(OPERATING_SYSTEMS.slice(0, 11).filter((os) => os.family !== 'mac'), seed, index, 4) : pick(OPERATING_SYSTEMS, seed, index, 4);
		const role = pick(ROLES, seed, index, 5);
		const shortName = `${role}${String(index % 1000).padStart(3, '0')}`;
		const domain = pick(DOMAINS, seed, index, 6);
		const hasDns = trackingMethod === 'DNS' || isEc2 || hash32(seed, index, 7) % 10 !== 0;
		const dns = isEc2 ? `ip-${ip.replaceAll('.', '-')}.ec2.internal` : hasDns ? `${shortName}.${domain}` : undefined;
		const hasNetbios = os.family === 'windows' && (trackingMethod === 'NETBIOS' || hash32(seed, index, 8) % 10 < 7);
		const netbios = hasNetbios ? shortName.toUpperCase().replaceAll('-', '').slice(0, 15) : undefined;
		const hasOs = hash32(seed, index, 9) % 33 !== 0;
		const scannedAt = anchorMs - (1 + (hash32(seed, index, 10) % (150 * 86_400))) * 1000 - DAY_MS;
		const tagCount = hash32(seed, index, 11) % 4;
		const tags = tagCount === 0 ? undefined : Array.from(new Set(Array.from({length: tagCount}, (_, n) => pick(TAGS, seed, index, 12, n))));
		const commentRoll = hash32(seed, index, 13) % 7;
		const host: Host = {
			id: String(id),
			assetId: String(40_000_000 + index * 3 + (hash32(seed, index, 14) % 3)),
			ip,
			trackingMethod,
			dns,
			fqdn: dns,
			cloudProvider: isEc2 ? 'AWS' : undefined,
			cloudResourceId: isEc2 ? `i-${hexOf(17, seed, index, 15)}` : undefined,
			ec2InstanceId: isEc2 ? `i-${hexOf(17, seed, index, 15)}` : undefined,
			netbios,
			os: hasOs ? os.name : undefined,
			osCpe: hasOs ? os.cpe : undefined,
			qgHostId: trackingMethod === 'AGENT' || isEc2 ? uuidOf(seed, index) : undefined,
			tags,
			lastVulnScan: qualysDateTime(scannedAt),
			lastVmScanned: qualysDateTime(scannedAt),
			lastVmScannedDuration: 30 + (hash32(seed, index, 16) % 3600),
			lastVmAuthScanned: hash32(seed, index, 17) % 2 === 0 ? qualysDateTime(scannedAt) : undefined,
			lastComplianceScan: hash32(seed, index, 18) % 3 === 0 ? qualysDateTime(scannedAt - 3 * DAY_MS) : undefined,
			owner: pick(OWNERS, seed, index, 19),
			comments: commentRoll < COMMENTS.length ? COMMENTS[commentRoll] : undefined,
			userDefined: hash32(seed, index, 20) % 4 === 0 ? [`Rack ${index % 40}`, 'Cost centre 4711', ''] : undefined,
			assetGroupIds: hash32(seed, index, 21) % 2 === 0 ? ['1201334', String(1_201_340 + (index % 7))] : undefined,
		};
		if (!isHostile) {
			return host;
		}
		return {...host, dns: hostileText(index, 0), fqdn: hostileText(index, 0), netbios: hostileText(index, 1), os: hostileText(index, 2)};
	};

	return {
		count,
		idAt,
		indexAtOrAbove(id) {
			const index = Math.floor((id - FIRST_ID) / STRIDE);
			if (index < 0) {
				return 0;
			}
			return idAt(index) >= id ? index : index + 1;
		},
		indexAtOrBelow(id) {
			const index = Math.floor((id - FIRST_ID) / STRIDE);
			if (index < 0) {
				return -1;
			}
			return idAt(index) <= id ? index : index - 1;
		},
		ipAt,
		hostAt,
	};
}

function uuidOf(seed: number, index: number): string {
	const hex = hexOf(32, seed, index, 22);
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
