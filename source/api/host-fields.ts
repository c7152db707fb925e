// Plain string children copied as-is, element name → Host field. A table instead of a chain of
// ifs keeps the per-host loop short; only present fields are stored. parse-host-list.ts and
// fast-host-list.ts both read this table, so both paths give records with the same keys in the same order.
export const STRING_FIELDS: ReadonlyArray<readonly [string, string]> = [
	['ASSET_ID', 'assetId'],
	['IP', 'ip'],
	['IPV6', 'ipv6'],
	['TRACKING_METHOD', 'trackingMethod'],
	['NETWORK_ID', 'networkId'],
	['DNS', 'dns'],
	['NETBIOS', 'netbios'],
	['OS', 'os'],
	['OS_CPE', 'osCpe'],
	['QG_HOSTID', 'qgHostId'],
	['CLOUD_PROVIDER', 'cloudProvider'],
	['CLOUD_RESOURCE_ID', 'cloudResourceId'],
	['EC2_INSTANCE_ID', 'ec2InstanceId'],
	['LAST_VULN_SCAN_DATETIME', 'lastVulnScan'],
	['LAST_VM_SCANNED_DATE', 'lastVmScanned'],
	['LAST_VM_AUTH_SCANNED_DATE', 'lastVmAuthScanned'],
	['LAST_COMPLIANCE_SCAN_DATETIME', 'lastComplianceScan'],
	['OWNER', 'owner'],
	['COMMENTS', 'comments'],
];
