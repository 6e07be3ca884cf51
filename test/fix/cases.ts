/** Writable formats: a repository, the rules, and each changed file byte for byte afterwards. */
export interface WriterCase {
  readonly name: string;
  readonly config: string;
  readonly files: Readonly<Record<string, string>>;
  readonly rules?: readonly string[];
  /** Every changed file as it must read after the fix. */
  readonly after: Readonly<Record<string, string>>;
  /** `file:line:column rule` of each finding left for a person. */
  readonly notFixed?: readonly string[];
}

const exchange = (allowlist: string, format = 'auto') => `instance: worldwide
service-areas: [Exchange]
categories: [Optimize]
ipv6: false
allowlists:
  - path: ${allowlist}
    format: ${format}
    scope: dedicated
`;

const skype = (allowlist: string, format = 'auto') => `instance: worldwide
service-areas: [Skype]
categories: [Optimize]
ipv6: false
allowlists:
  - path: ${allowlist}
    format: ${format}
    scope: dedicated
`;

const sharepoint = (allowlist: string, format = 'auto') => `instance: worldwide
service-areas: [SharePoint]
categories: [Optimize]
ipv6: false
tenant: contoso
allowlists:
  - path: ${allowlist}
    format: ${format}
    scope: dedicated
`;

const dns = `instance: worldwide
dns:
  - path: zones/*
domains:
  - domain: contoso.com
    services: [exchange, teams]
    mx-token: contoso-com
`;

export const WRITER_CASES: readonly WriterCase[] = [
  {
    name: 'plain list: added beside its set header, duplicate and stale entries removed with their comments',
    config: exchange('proxy/bypass.txt'),
    files: {
      'proxy/bypass.txt':
        '# Proxy bypass list\n\n# Exchange Online - endpoint set 1 (Optimize)\noutlook.office.com\noutlook.office.com   # added twice\nlegacy.example.net  # old relay\n\n# Other\nzz.example.org\n',
    },
    after: {
      'proxy/bypass.txt':
        '# Proxy bypass list\n\n# Exchange Online - endpoint set 1 (Optimize)\noutlook.office.com\noutlook.cloud.microsoft\noutlook.office365.com\n\n# Other\n',
    },
  },
  {
    name: 'plain list with CRLF line endings: sorted block stays sorted, new lines end in CRLF',
    config: exchange('bypass.txt'),
    files: { 'bypass.txt': 'outlook.office.com\r\nzz.example.org' },
    after: {
      'bypass.txt':
        'outlook.cloud.microsoft  # Exchange set 1 (Optimize)\r\noutlook.office.com\r\noutlook.office365.com  # Exchange set 1 (Optimize)\r\n',
    },
  },
  {
    name: 'Palo Alto EDL: text after an entry is its comment and goes with it',
    config: exchange('paloalto/m365.txt', 'pan-edl'),
    files: {
      'paloalto/m365.txt': 'outlook.office365.com old comment without marker\nold.example.com\n',
    },
    after: {
      'paloalto/m365.txt':
        'outlook.office365.com old comment without marker\noutlook.cloud.microsoft  # Exchange set 1 (Optimize)\noutlook.office.com  # Exchange set 1 (Optimize)\n',
    },
  },
  {
    name: 'FortiGate feed: a partly covered prefix gets its remainder as minimal CIDRs',
    config: skype('feeds/m365-ips.txt', 'fortigate'),
    files: { 'feeds/m365-ips.txt': '# Teams media\n52.112.0.0/15\n198.51.100.0/24 # lab\n' },
    after: {
      'feeds/m365-ips.txt':
        '# Teams media\n52.112.0.0/15\n52.114.0.0/15  # Skype set 11 (Optimize)\n52.122.0.0/15  # Skype set 11 (Optimize)\n',
    },
  },
  {
    name: 'pfBlockerNG: a wildcard is written as a leading-dot domain; what it covers goes',
    config: sharepoint('dnsbl/whitelist.txt', 'pfblockerng'),
    files: { 'dnsbl/whitelist.txt': 'contoso.sharepoint.com\nexample.org\n' },
    after: { 'dnsbl/whitelist.txt': '.sharepoint.com  # SharePoint set 31 (Optimize)\n' },
  },
  {
    name: 'YAML allowlist: ports extended in their own style, items added under the set, comment above a removed item kept',
    config: skype('fw/m365.yaml'),
    files: {
      'fw/m365.yaml':
        'endpoint-drift: allowlist/v1\nentries:\n  # Microsoft Teams - endpoint set 11 (Optimize)\n  - ip: 52.112.0.0/15\n    udp: "3478,3479,3480"\n  # Old VPN\n  - ip: 198.51.100.0/24   # lab\n    tcp: 443\n',
    },
    after: {
      'fw/m365.yaml':
        'endpoint-drift: allowlist/v1\nentries:\n  # Microsoft Teams - endpoint set 11 (Optimize)\n  - ip: 52.112.0.0/15\n    udp: "3478,3479,3480,3481"\n  - ip: 52.114.0.0/15\n    udp: "3478,3479,3480,3481"\n  - ip: 52.122.0.0/15\n    udp: "3478,3479,3480,3481"\n  # Old VPN\n',
    },
  },
  {
    name: 'JSON allowlist: a range grows in place, a new item copies its neighbour and names its set',
    config: skype('fw/m365.json'),
    files: {
      'fw/m365.json':
        '{\n  "endpoint-drift": "allowlist/v1",\n  "entries": [\n    { "ip": "52.112.0.0/14", "udp": "3478-3480" },\n    { "ip": "198.51.100.0/24", "tcp": 443 }\n  ]\n}\n',
    },
    after: {
      'fw/m365.json':
        '{\n  "endpoint-drift": "allowlist/v1",\n  "entries": [\n    { "ip": "52.112.0.0/14", "udp": "3478-3481" },\n    { "ip": "52.122.0.0/15", "udp": "3478-3481", "comment": "Skype set 11 (Optimize)" }\n  ]\n}\n',
    },
  },
  {
    name: 'squid.conf: an inline value is removed from its acl line, new values get acl lines of their own',
    config: exchange('squid/squid.conf', 'squid'),
    files: {
      'squid/squid.conf':
        '# Microsoft 365\nacl m365 dstdomain .outlook.office.com old.example.com\nhttp_access allow m365\n',
    },
    after: {
      'squid/squid.conf':
        '# Microsoft 365\nacl m365 dstdomain .outlook.office.com\n# Exchange set 1 (Optimize)\nacl m365 dstdomain outlook.cloud.microsoft\nacl m365 dstdomain outlook.office365.com\nhttp_access allow m365\n',
    },
  },
  {
    name: 'Squid ACL file: the file the finding names is edited, not squid.conf',
    config: exchange('squid/squid.conf', 'squid'),
    files: {
      'squid/squid.conf': 'acl m365 dstdomain "/etc/squid/m365.acl"\nhttp_access allow m365\n',
      'etc/squid/m365.acl':
        '# Exchange Online - endpoint set 1 (Optimize)\noutlook.office.com\nold.example.com # gone\n',
    },
    after: {
      'etc/squid/m365.acl':
        '# Exchange Online - endpoint set 1 (Optimize)\noutlook.office.com\noutlook.cloud.microsoft\noutlook.office365.com\n',
    },
  },
  {
    name: 'BIND: records added past owner-less lines, msoid removed, relative target made absolute, date serial raised',
    config: dns,
    files: {
      'zones/contoso.com.zone':
        '$ORIGIN contoso.com.\n$TTL 3600\n@   IN SOA ns1.contoso.com. hostmaster.contoso.com. (\n        2026010203 ; serial\n        7200 3600 1209600 3600 )\n    IN NS  ns1.contoso.com.\n    IN MX  0 contoso-com.mail.protection.outlook.com.\nns1 IN A   192.0.2.53\nmsoid IN CNAME clientconfig.microsoftonline-p.net. ; old\nsip IN CNAME sipdir.online.lync.com.\n_sipfederationtls._tcp IN SRV 100 1 5061 sipfed.online.lync.com\n',
    },
    after: {
      'zones/contoso.com.zone':
        '$ORIGIN contoso.com.\n$TTL 3600\n@   IN SOA ns1.contoso.com. hostmaster.contoso.com. (\n        2026120500 ; serial\n        7200 3600 1209600 3600 )\n    IN NS  ns1.contoso.com.\n    IN MX  0 contoso-com.mail.protection.outlook.com.\nautodiscover 3600 IN CNAME autodiscover.outlook.com.\n@ 3600 IN TXT "v=spf1 include:spf.protection.outlook.com -all"\nns1 IN A   192.0.2.53\nsip IN CNAME sipdir.online.lync.com.\n_sipfederationtls._tcp IN SRV 100 1 5061 sipfed.online.lync.com.\n',
    },
    notFixed: ['zones/contoso.com.zone:10:14 dns-legacy-record'],
  },
  {
    name: 'BIND: a serial that is not a date grows by one',
    config: dns,
    files: {
      'zones/contoso.com.zone':
        '$ORIGIN contoso.com.\n@ 3600 IN SOA ns1.contoso.com. hostmaster.contoso.com. 41 7200 3600 1209600 3600\n@ 3600 IN NS ns1.contoso.com.\nns1 3600 IN A 192.0.2.53\n@ 3600 IN MX 0 contoso-com.mail.protection.outlook.com.\n@ 3600 IN TXT "v=spf1 include:spf.protection.outlook.com -all"\nautodiscover 3600 IN CNAME autodiscover.outlook.com.\n',
    },
    after: {
      'zones/contoso.com.zone':
        '$ORIGIN contoso.com.\n@ 3600 IN SOA ns1.contoso.com. hostmaster.contoso.com. 42 7200 3600 1209600 3600\n@ 3600 IN NS ns1.contoso.com.\nns1 3600 IN A 192.0.2.53\n@ 3600 IN MX 0 contoso-com.mail.protection.outlook.com.\n@ 3600 IN TXT "v=spf1 include:spf.protection.outlook.com -all"\n_sipfederationtls._tcp 3600 IN SRV 100 1 5061 sipfed.online.lync.com.\nautodiscover 3600 IN CNAME autodiscover.outlook.com.\n',
    },
  },
  {
    name: 'our DNS YAML: items added after their owner, a wrong value rewritten alone, msoid removed',
    config: dns,
    files: {
      'zones/contoso.yaml':
        "endpoint-drift: dns/v1\nzone: contoso.com\nrecords:\n  - name: '@'\n    type: MX\n    value: 0 contoso-com.mail.protection.outlook.com.\n  # Microsoft 365\n  - name: msoid\n    type: CNAME\n    value: clientconfig.microsoftonline-p.net.\n  - name: autodiscover\n    type: CNAME\n    value: autodiscover.outlook.com.cn.\n",
    },
    after: {
      'zones/contoso.yaml':
        "endpoint-drift: dns/v1\nzone: contoso.com\nrecords:\n  - name: '@'\n    type: MX\n    value: 0 contoso-com.mail.protection.outlook.com.\n  - name: '@'\n    type: TXT\n    ttl: 3600\n    value: 'v=spf1 include:spf.protection.outlook.com -all'\n  - name: _sipfederationtls._tcp\n    type: SRV\n    ttl: 3600\n    value: 100 1 5061 sipfed.online.lync.com.\n  # Microsoft 365\n  - name: autodiscover\n    type: CNAME\n    value: autodiscover.outlook.com.\n",
    },
  },
  {
    name: 'octoDNS: a single record becomes a list to take another, new names go in octoDNS order, msoid removed',
    config: dns,
    files: {
      'zones/contoso.com.yaml':
        "---\n'':\n  type: MX\n  value:\n    exchange: contoso-com.mail.protection.outlook.com.\n    preference: 0\nautodiscover:\n  type: CNAME\n  value: autodiscover.outlook.com.cn.\nmsoid:\n  - type: CNAME\n    value: clientconfig.microsoftonline-p.net.\nwww:\n  type: A\n  value: 192.0.2.80\n",
    },
    after: {
      'zones/contoso.com.yaml':
        "---\n'':\n  - type: MX\n    value:\n      exchange: contoso-com.mail.protection.outlook.com.\n      preference: 0\n  - type: TXT\n    ttl: 3600\n    value: 'v=spf1 include:spf.protection.outlook.com -all'\n_sipfederationtls._tcp:\n  type: SRV\n  ttl: 3600\n  value:\n    port: 5061\n    priority: 100\n    target: sipfed.online.lync.com.\n    weight: 1\nautodiscover:\n  type: CNAME\n  value: autodiscover.outlook.com.\nwww:\n  type: A\n  value: 192.0.2.80\n",
    },
  },
  {
    name: 'nftables named set: one element per line with its comment, the accepting rule’s ports extended',
    config: skype('fw.nft'),
    files: {
      'fw.nft':
        'table inet filter {\n  set m365_v4 {\n    type ipv4_addr\n    flags interval\n    elements = {\n      52.112.0.0/15,   # Teams\n      198.51.100.0/24\n    }\n  }\n  chain out {\n    type filter hook output priority 0;\n    ip daddr @m365_v4 udp dport { 3478-3480 } accept\n  }\n}\n',
    },
    after: {
      'fw.nft':
        'table inet filter {\n  set m365_v4 {\n    type ipv4_addr\n    flags interval\n    elements = {\n      52.112.0.0/15,   # Teams\n      52.122.0.0/15, # Skype set 11 (Optimize)\n      52.114.0.0/15, # Skype set 11 (Optimize)\n    }\n  }\n  chain out {\n    type filter hook output priority 0;\n    ip daddr @m365_v4 udp dport { 3478-3481 } accept\n  }\n}\n',
    },
  },
  {
    name: 'nftables anonymous set in a rule: elements inline, a lone port becomes a set',
    config: skype('fw.nft'),
    files: {
      'fw.nft':
        'table inet filter {\n  chain out {\n    type filter hook output priority 0;\n    ip daddr { 52.112.0.0/14, 192.0.2.1 } udp dport 3478 accept\n  }\n}\n',
    },
    after: {
      'fw.nft':
        'table inet filter {\n  chain out {\n    type filter hook output priority 0;\n    ip daddr { 52.112.0.0/14, 52.122.0.0/15 } udp dport { 3478-3481 } accept\n  }\n}\n',
    },
  },
  {
    name: 'iptables-save: a rule per new destination and per port gap, in the chain and with the target of its neighbour',
    config: skype('rules.v4'),
    files: {
      'rules.v4':
        '*filter\n:OUTPUT ACCEPT [0:0]\n# Teams media\n-A OUTPUT -d 52.112.0.0/15 -p udp -m udp --dport 3478:3480 -j ACCEPT\n-A OUTPUT -d 198.51.100.0/24,192.0.2.0/24 -p tcp -m multiport --dports 80,443 -j ACCEPT\nCOMMIT\n',
    },
    after: {
      'rules.v4':
        '*filter\n:OUTPUT ACCEPT [0:0]\n# Teams media\n-A OUTPUT -d 52.112.0.0/15 -p udp -m udp --dport 3478:3480 -j ACCEPT\n-A OUTPUT -d 52.112.0.0/15 -p udp -m udp --dport 3481 -j ACCEPT\n-A OUTPUT -d 52.122.0.0/15 -p udp -m udp --dport 3478:3481 -j ACCEPT\n-A OUTPUT -d 52.114.0.0/15 -p udp -m udp --dport 3478:3481 -j ACCEPT\nCOMMIT\n',
    },
  },
  {
    name: 'iptables-save: one destination of a -d list removed, the rule kept',
    config: skype('rules.v4'),
    files: {
      'rules.v4':
        '*filter\n-A OUTPUT -d 52.112.0.0/14,192.0.2.0/24,52.122.0.0/15 -p udp -m multiport --dports 3478:3481 -j ACCEPT\nCOMMIT\n',
    },
    after: {
      'rules.v4':
        '*filter\n-A OUTPUT -d 52.112.0.0/14,52.122.0.0/15 -p udp -m multiport --dports 3478:3481 -j ACCEPT\nCOMMIT\n',
    },
  },
  {
    name: 'Terraform list literal, one element per line: the set named on a comment line above (terraform fmt keeps it)',
    config: exchange('main.tf'),
    files: {
      'main.tf':
        'resource "azurerm_firewall_policy_rule_collection_group" "m365" {\n  name               = "m365"\n  firewall_policy_id = "x"\n  priority           = 100\n  application_rule_collection {\n    name     = "m365-web"\n    priority = 100\n    action   = "Allow"\n    rule {\n      name = "exchange"\n      protocols {\n        type = "Https"\n        port = 443\n      }\n      source_addresses = ["10.0.0.0/8"]\n      destination_fqdns = [\n        "outlook.office.com", # set 1\n        "old.example.com",\n      ]\n    }\n  }\n}\n',
    },
    after: {
      'main.tf':
        'resource "azurerm_firewall_policy_rule_collection_group" "m365" {\n  name               = "m365"\n  firewall_policy_id = "x"\n  priority           = 100\n  application_rule_collection {\n    name     = "m365-web"\n    priority = 100\n    action   = "Allow"\n    rule {\n      name = "exchange"\n      protocols {\n        type = "Https"\n        port = 443\n      }\n      protocols {\n        type = "Http"\n        port = 80\n      }\n      source_addresses = ["10.0.0.0/8"]\n      destination_fqdns = [\n        "outlook.office.com", # set 1\n        # Exchange set 1 (Optimize)\n        "outlook.cloud.microsoft",\n        "outlook.office365.com",\n      ]\n    }\n  }\n}\n',
    },
    notFixed: [
      'main.tf:21:10 partially-covered',
      'main.tf:23:10 partially-covered',
      'main.tf:24:10 partially-covered',
    ],
  },
  {
    name: 'Terraform list literal on one line: elements inline, quotes as written',
    config: exchange('inline.tf'),
    files: {
      'inline.tf':
        'resource "azurerm_firewall_policy_rule_collection_group" "m365" {\n  name               = "m365"\n  firewall_policy_id = "x"\n  priority           = 100\n  application_rule_collection {\n    name     = "m365-web"\n    priority = 100\n    action   = "Allow"\n    rule {\n      name = "exchange"\n      protocols {\n        type = "Https"\n        port = 443\n      }\n      source_addresses  = ["10.0.0.0/8"]\n      destination_fqdns = ["outlook.office.com", "old.example.com"]\n    }\n  }\n}\n',
    },
    after: {
      'inline.tf':
        'resource "azurerm_firewall_policy_rule_collection_group" "m365" {\n  name               = "m365"\n  firewall_policy_id = "x"\n  priority           = 100\n  application_rule_collection {\n    name     = "m365-web"\n    priority = 100\n    action   = "Allow"\n    rule {\n      name = "exchange"\n      protocols {\n        type = "Https"\n        port = 443\n      }\n      protocols {\n        type = "Http"\n        port = 80\n      }\n      source_addresses  = ["10.0.0.0/8"]\n      destination_fqdns = ["outlook.office.com", "outlook.cloud.microsoft", "outlook.office365.com"]\n    }\n  }\n}\n',
    },
    notFixed: [
      'inline.tf:20:29 partially-covered',
      'inline.tf:20:51 partially-covered',
      'inline.tf:20:78 partially-covered',
    ],
  },
  {
    name: 'Bicep array: no commas between lines, a // comment naming the set',
    config: exchange('main.bicep'),
    files: {
      'main.bicep':
        "resource fw 'Microsoft.Network/firewallPolicies/ruleCollectionGroups@2023-04-01' = {\n  name: 'p/m365'\n  properties: {\n    priority: 100\n    ruleCollections: [\n      {\n        ruleCollectionType: 'FirewallPolicyFilterRuleCollection'\n        name: 'm365'\n        priority: 100\n        action: { type: 'Allow' }\n        rules: [\n          {\n            ruleType: 'ApplicationRule'\n            name: 'exchange'\n            protocols: [ { protocolType: 'Https', port: 443 } ]\n            sourceAddresses: [ '10.0.0.0/8' ]\n            targetFqdns: [\n              'outlook.office.com'\n              'old.example.com'\n            ]\n          }\n        ]\n      }\n    ]\n  }\n}\n",
    },
    after: {
      'main.bicep':
        "resource fw 'Microsoft.Network/firewallPolicies/ruleCollectionGroups@2023-04-01' = {\n  name: 'p/m365'\n  properties: {\n    priority: 100\n    ruleCollections: [\n      {\n        ruleCollectionType: 'FirewallPolicyFilterRuleCollection'\n        name: 'm365'\n        priority: 100\n        action: { type: 'Allow' }\n        rules: [\n          {\n            ruleType: 'ApplicationRule'\n            name: 'exchange'\n            protocols: [ { protocolType: 'Https', port: 443 }, { protocolType: 'Http', port: 80 } ]\n            sourceAddresses: [ '10.0.0.0/8' ]\n            targetFqdns: [\n              'outlook.office.com'\n              // Exchange set 1 (Optimize)\n              'outlook.cloud.microsoft'\n              'outlook.office365.com'\n            ]\n          }\n        ]\n      }\n    ]\n  }\n}\n",
    },
    notFixed: [
      'main.bicep:18:16 partially-covered',
      'main.bicep:20:16 partially-covered',
      'main.bicep:21:16 partially-covered',
    ],
  },
  {
    name: 'ARM template array: commas right, the last element without one',
    config: exchange('azuredeploy.json'),
    files: {
      'azuredeploy.json':
        '{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",\n  "contentVersion": "1.0.0.0",\n  "resources": [\n    {\n      "type": "Microsoft.Network/firewallPolicies/ruleCollectionGroups",\n      "apiVersion": "2023-04-01",\n      "name": "p/m365",\n      "properties": {\n        "priority": 100,\n        "ruleCollections": [\n          {\n            "ruleCollectionType": "FirewallPolicyFilterRuleCollection",\n            "name": "m365",\n            "priority": 100,\n            "action": { "type": "Allow" },\n            "rules": [\n              {\n                "ruleType": "ApplicationRule",\n                "name": "exchange",\n                "protocols": [{ "protocolType": "Https", "port": 443 }],\n                "sourceAddresses": ["10.0.0.0/8"],\n                "targetFqdns": [\n                  "outlook.office.com",\n                  "old.example.com"\n                ]\n              }\n            ]\n          }\n        ]\n      }\n    }\n  ]\n}\n',
    },
    after: {
      'azuredeploy.json':
        '{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",\n  "contentVersion": "1.0.0.0",\n  "resources": [\n    {\n      "type": "Microsoft.Network/firewallPolicies/ruleCollectionGroups",\n      "apiVersion": "2023-04-01",\n      "name": "p/m365",\n      "properties": {\n        "priority": 100,\n        "ruleCollections": [\n          {\n            "ruleCollectionType": "FirewallPolicyFilterRuleCollection",\n            "name": "m365",\n            "priority": 100,\n            "action": { "type": "Allow" },\n            "rules": [\n              {\n                "ruleType": "ApplicationRule",\n                "name": "exchange",\n                "protocols": [{ "protocolType": "Https", "port": 443 }, { "protocolType": "Http", "port": 80 }],\n                "sourceAddresses": ["10.0.0.0/8"],\n                "targetFqdns": [\n                  "outlook.office.com",\n                  "outlook.cloud.microsoft",\n                  "outlook.office365.com"\n                ]\n              }\n            ]\n          }\n        ]\n      }\n    }\n  ]\n}\n',
    },
    notFixed: [
      'azuredeploy.json:24:20 partially-covered',
      'azuredeploy.json:25:20 partially-covered',
      'azuredeploy.json:26:20 partially-covered',
    ],
  },
  {
    name: 'CSV: a new row copies a kept row with its value cell replaced; a stale row goes; CRLF kept',
    config: exchange('m365.csv'),
    files: {
      'm365.csv':
        'destination,protocol,port,comment\r\noutlook.office.com,tcp,443,Exchange\r\n"old.example.com",tcp,443,legacy\r\n',
    },
    after: {
      'm365.csv':
        'destination,protocol,port,comment\r\noutlook.office.com,tcp,443;80,Exchange\r\noutlook.office.com,udp,443,Exchange\r\noutlook.cloud.microsoft,tcp,443;80,Exchange\r\noutlook.cloud.microsoft,udp,443,Exchange\r\noutlook.office365.com,tcp,443;80,Exchange\r\noutlook.office365.com,udp,443,Exchange\r\n',
    },
  },
  {
    name: "Cilium: matchName added beside its neighbours under a comment naming the set, a stale selector removed with its comment (the comment above kept), the rule's toPorts extended",
    config: exchange('policies/m365.yaml'),
    files: {
      'policies/m365.yaml':
        'apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata:\n  name: m365\nspec:\n  endpointSelector: {}\n  egress:\n    # Exchange Online\n    - toFQDNs:\n        - matchName: outlook.office.com\n        # legacy relay\n        - matchName: old.example.com  # gone\n      toPorts:\n        - ports:\n            - port: "443"\n              protocol: TCP\n    - toCIDRSet:\n        - cidr: 13.107.6.152/31\n      toPorts:\n        - ports:\n            - port: "443"\n              protocol: TCP\n',
    },
    after: {
      'policies/m365.yaml':
        'apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata:\n  name: m365\nspec:\n  endpointSelector: {}\n  egress:\n    # Exchange Online\n    - toFQDNs:\n        - matchName: outlook.office.com\n        # Exchange set 1 (Optimize)\n        - matchName: outlook.cloud.microsoft\n        - matchName: outlook.office365.com\n        # legacy relay\n      toPorts:\n        - ports:\n            - port: "443"\n              protocol: TCP\n            - port: "80"\n              protocol: TCP\n            - port: "443"\n              protocol: UDP\n    - toCIDRSet:\n        - cidr: 13.107.6.152/31\n        # Exchange set 1 (Optimize)\n        - cidr: 13.107.128.0/22\n        - cidr: 13.107.18.10/31\n        - cidr: 131.253.33.215/32\n        - cidr: 132.245.0.0/16\n        - cidr: 150.171.32.0/22\n        - cidr: 204.79.197.215/32\n        - cidr: 23.103.160.0/20\n        - cidr: 40.104.0.0/15\n        - cidr: 40.96.0.0/13\n        - cidr: 52.96.0.0/14\n      toPorts:\n        - ports:\n            - port: "443"\n              protocol: TCP\n            - port: "80"\n              protocol: TCP\n            - port: "443"\n              protocol: UDP\n',
    },
  },
  {
    name: "NetworkPolicy: ipBlock peers added in the list's layout, a flow-style peer removed with its comment, a rule left without destinations removed, a port gap of the whole rule extends its ports",
    config: skype('policies/teams.yaml'),
    files: {
      'policies/teams.yaml':
        'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: teams\nspec:\n  podSelector: {}\n  policyTypes: [Egress]\n  egress:\n  - to:\n    - ipBlock:\n        cidr: 52.112.0.0/15\n    - ipBlock: { cidr: 198.51.100.0/24 }  # lab\n    ports:\n    - protocol: UDP\n      port: 3478\n      endPort: 3480\n  - to:\n    - ipBlock:\n        cidr: 10.0.0.0/8\n    ports:\n    - protocol: TCP\n      port: 443\n',
    },
    after: {
      'policies/teams.yaml':
        'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: teams\nspec:\n  podSelector: {}\n  policyTypes: [Egress]\n  egress:\n  - to:\n    - ipBlock:\n        cidr: 52.112.0.0/15\n    # Skype set 11 (Optimize)\n    - ipBlock:\n        cidr: 52.114.0.0/15\n    - ipBlock:\n        cidr: 52.122.0.0/15\n    ports:\n    - protocol: UDP\n      port: 3478\n      endPort: 3480\n    - protocol: UDP\n      port: 3481\n',
    },
  },
  {
    name: 'Cilium JSON: toCIDR elements added and removed inside a flow list, commas right',
    config: skype('policies/teams.json'),
    files: {
      'policies/teams.json':
        '{\n  "apiVersion": "cilium.io/v2",\n  "kind": "CiliumNetworkPolicy",\n  "metadata": { "name": "teams" },\n  "spec": {\n    "endpointSelector": {},\n    "egress": [\n      {\n        "toCIDR": ["52.112.0.0/15", "192.0.2.1/32", "203.0.113.0/24"],\n        "toPorts": [{ "ports": [{ "port": "3478", "endPort": 3481, "protocol": "UDP" }] }]\n      }\n    ]\n  }\n}\n',
    },
    after: {
      'policies/teams.json':
        '{\n  "apiVersion": "cilium.io/v2",\n  "kind": "CiliumNetworkPolicy",\n  "metadata": { "name": "teams" },\n  "spec": {\n    "endpointSelector": {},\n    "egress": [\n      {\n        "toCIDR": ["52.112.0.0/15", "52.114.0.0/15", "52.122.0.0/15"],\n        "toPorts": [{ "ports": [{ "port": "3478", "endPort": 3481, "protocol": "UDP" }] }]\n      }\n    ]\n  }\n}\n',
    },
  },
  {
    name: "Cilium: a port gap of some of a rule's destinations adds a rule for them alone; the others are not widened",
    config: skype('policies/teams.yaml').replace('dedicated', 'mixed'),
    files: {
      'policies/teams.yaml':
        'apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata:\n  name: teams\nspec:\n  endpointSelector: {}\n  egress:\n    - toCIDRSet:\n        - cidr: 52.112.0.0/14\n        - cidr: 52.122.0.0/15\n        - cidr: 198.18.0.0/15  # lab\n      toPorts:\n        - ports:\n            - port: "3478"\n              endPort: 3480\n              protocol: UDP\n',
    },
    after: {
      'policies/teams.yaml':
        'apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata:\n  name: teams\nspec:\n  endpointSelector: {}\n  egress:\n    - toCIDRSet:\n        - cidr: 52.112.0.0/14\n        - cidr: 52.122.0.0/15\n        - cidr: 198.18.0.0/15  # lab\n      toPorts:\n        - ports:\n            - port: "3478"\n              endPort: 3480\n              protocol: UDP\n    - toCIDRSet:\n        - cidr: 52.112.0.0/14\n        - cidr: 52.122.0.0/15\n      toPorts:\n        - ports:\n            - port: "3481"\n              protocol: UDP\n',
    },
  },
  {
    name: "Cilium: a wildcard written as Cilium's `**.` in matchPattern, quoted like its neighbour; the name it covers goes; the rule's ports extended for all its names",
    config: sharepoint('policies/sharepoint.yaml'),
    files: {
      'policies/sharepoint.yaml':
        "apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata:\n  name: sharepoint\nspec:\n  endpointSelector:\n    matchLabels:\n      app: web\n  egress:\n  - toFQDNs:\n    - matchName: 'contoso.sharepoint.com'\n    toPorts:\n    - ports:\n      - port: '443'\n        protocol: TCP\n  - toCIDRSet:\n    - cidr: 13.107.136.0/22\n    - cidr: 40.108.128.0/17\n    - cidr: 52.104.0.0/14\n    - cidr: 104.146.128.0/17\n    - cidr: 150.171.40.0/22\n    toPorts:\n    - ports:\n      - port: '443'\n        protocol: TCP\n      - port: '80'\n        protocol: TCP\n      - port: '443'\n        protocol: UDP\n",
    },
    after: {
      'policies/sharepoint.yaml':
        "apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata:\n  name: sharepoint\nspec:\n  endpointSelector:\n    matchLabels:\n      app: web\n  egress:\n  - toFQDNs:\n    # SharePoint set 31 (Optimize)\n    - matchPattern: '**.sharepoint.com'\n    toPorts:\n    - ports:\n      - port: '443'\n        protocol: TCP\n      - port: '80'\n        protocol: TCP\n      - port: '443'\n        protocol: UDP\n  - toCIDRSet:\n    - cidr: 13.107.136.0/22\n    - cidr: 40.108.128.0/17\n    - cidr: 52.104.0.0/14\n    - cidr: 104.146.128.0/17\n    - cidr: 150.171.40.0/22\n    toPorts:\n    - ports:\n      - port: '443'\n        protocol: TCP\n      - port: '80'\n        protocol: TCP\n      - port: '443'\n        protocol: UDP\n",
    },
  },
  {
    name: "NetworkPolicy: flow-style ipBlock peers copied as written; the rule's ports extended when every destination needs them",
    config: sharepoint('policies/sharepoint.yaml'),
    files: {
      'policies/sharepoint.yaml':
        'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: sharepoint\nspec:\n  podSelector: {}\n  policyTypes: [Egress]\n  egress:\n  - to:\n    - ipBlock: {cidr: 13.107.136.0/22}\n    ports:\n    - port: 443\n      protocol: TCP\n',
    },
    after: {
      'policies/sharepoint.yaml':
        'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: sharepoint\nspec:\n  podSelector: {}\n  policyTypes: [Egress]\n  egress:\n  - to:\n    - ipBlock: {cidr: 13.107.136.0/22}\n    # SharePoint set 31 (Optimize)\n    - ipBlock: {cidr: 104.146.128.0/17}\n    - ipBlock: {cidr: 150.171.40.0/22}\n    - ipBlock: {cidr: 40.108.128.0/17}\n    - ipBlock: {cidr: 52.104.0.0/14}\n    ports:\n    - port: 443\n      protocol: TCP\n    - port: 80\n      protocol: TCP\n    - port: 443\n      protocol: UDP\n',
    },
  },
  {
    name: 'NetworkPolicy and Cilium policy in one multi-document file: a port gap of some destinations adds a rule for them alone',
    config: skype('policies/teams.yaml').replace('dedicated', 'mixed'),
    files: {
      'policies/teams.yaml':
        '# Egress for the Teams media pods\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: teams-media\nspec:\n  podSelector: {}\n  policyTypes: [Egress]\n  egress:\n  - to:\n    - ipBlock:\n        cidr: 52.112.0.0/14\n    - ipBlock:\n        cidr: 52.122.0.0/15\n    - ipBlock:\n        cidr: 198.18.0.0/15\n    ports:\n    - protocol: UDP\n      port: 3478\n      endPort: 3480\n---\napiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata:\n  name: teams-lab\nspec:\n  endpointSelector: {}\n  egress:\n  - toCIDR:\n    - 203.0.113.0/24\n    toPorts:\n    - ports:\n      - port: "443"\n        protocol: TCP\n',
    },
    after: {
      'policies/teams.yaml':
        '# Egress for the Teams media pods\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: teams-media\nspec:\n  podSelector: {}\n  policyTypes: [Egress]\n  egress:\n  - to:\n    - ipBlock:\n        cidr: 52.112.0.0/14\n    - ipBlock:\n        cidr: 52.122.0.0/15\n    - ipBlock:\n        cidr: 198.18.0.0/15\n    ports:\n    - protocol: UDP\n      port: 3478\n      endPort: 3480\n  - to:\n    - ipBlock:\n        cidr: 52.112.0.0/14\n    - ipBlock:\n        cidr: 52.122.0.0/15\n    ports:\n    - protocol: UDP\n      port: 3481\n---\napiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata:\n  name: teams-lab\nspec:\n  endpointSelector: {}\n  egress:\n  - toCIDR:\n    - 203.0.113.0/24\n    toPorts:\n    - ports:\n      - port: "443"\n        protocol: TCP\n',
    },
  },
  {
    name: "Multi-document file, dedicated scope: the extraneous peer goes and the rule's ports are extended; the only destination of a policy's only egress rule is left for a person",
    config: skype('policies/teams.yaml'),
    files: {
      'policies/teams.yaml':
        '# Egress for the Teams media pods\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: teams-media\nspec:\n  podSelector: {}\n  policyTypes: [Egress]\n  egress:\n  - to:\n    - ipBlock:\n        cidr: 52.112.0.0/14\n    - ipBlock:\n        cidr: 52.122.0.0/15\n    - ipBlock:\n        cidr: 198.18.0.0/15\n    ports:\n    - protocol: UDP\n      port: 3478\n      endPort: 3480\n---\napiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata:\n  name: teams-lab\nspec:\n  endpointSelector: {}\n  egress:\n  - toCIDR:\n    - 203.0.113.0/24\n    toPorts:\n    - ports:\n      - port: "443"\n        protocol: TCP\n',
    },
    after: {
      'policies/teams.yaml':
        '# Egress for the Teams media pods\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: teams-media\nspec:\n  podSelector: {}\n  policyTypes: [Egress]\n  egress:\n  - to:\n    - ipBlock:\n        cidr: 52.112.0.0/14\n    - ipBlock:\n        cidr: 52.122.0.0/15\n    ports:\n    - protocol: UDP\n      port: 3478\n      endPort: 3480\n    - protocol: UDP\n      port: 3481\n---\napiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata:\n  name: teams-lab\nspec:\n  endpointSelector: {}\n  egress:\n  - toCIDR:\n    - 203.0.113.0/24\n    toPorts:\n    - ports:\n      - port: "443"\n        protocol: TCP\n',
    },
    notFixed: ['policies/teams.yaml:30:7 extraneous-entry'],
  },
  {
    name: 'Cilium: rules whose every destination goes are removed (block and flow lists, with their comments); the values no kept rule allows get a rule of their own, sorted',
    config: exchange('policies/m365.yaml'),
    files: {
      'policies/m365.yaml':
        'apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata:\n  name: m365\nspec:\n  endpointSelector: {}\n  egress:\n    - toFQDNs:\n        - matchName: outlook.office.com\n        - matchName: outlook.office365.com\n        - matchName: outlook.cloud.microsoft\n      toPorts:\n        - ports:\n            - port: "443"\n              protocol: TCP\n            - port: "80"\n              protocol: TCP\n            - port: "443"\n              protocol: UDP\n    - toCIDRSet:\n        - cidr: 192.0.2.0/24  # lab\n      toPorts:\n        - ports:\n            - port: "443"\n              protocol: TCP\n    - toCIDR: [198.51.100.7/32]\n',
    },
    after: {
      'policies/m365.yaml':
        'apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata:\n  name: m365\nspec:\n  endpointSelector: {}\n  egress:\n    - toFQDNs:\n        - matchName: outlook.office.com\n        - matchName: outlook.office365.com\n        - matchName: outlook.cloud.microsoft\n      toPorts:\n        - ports:\n            - port: "443"\n              protocol: TCP\n            - port: "80"\n              protocol: TCP\n            - port: "443"\n              protocol: UDP\n    - toCIDRSet:\n        # Exchange set 1 (Optimize)\n        - cidr: 13.107.128.0/22\n        - cidr: 13.107.18.10/31\n        - cidr: 13.107.6.152/31\n        - cidr: 131.253.33.215/32\n        - cidr: 132.245.0.0/16\n        - cidr: 150.171.32.0/22\n        - cidr: 204.79.197.215/32\n        - cidr: 23.103.160.0/20\n        - cidr: 40.104.0.0/15\n        - cidr: 40.96.0.0/13\n        - cidr: 52.96.0.0/14\n      toPorts:\n        - ports:\n            - port: "80"\n              protocol: TCP\n            - port: "443"\n              protocol: TCP\n            - port: "443"\n              protocol: UDP\n',
    },
  },
  {
    name: "Terraform port gaps: an application rule gets a protocols block for the port every destination lacks; a network rule's destination_ports are extended for TCP, and UDP, which would widen it, gets a rule of its own",
    config:
      'instance: worldwide\nservice-areas: [Exchange]\ncategories: [Optimize]\nipv6: false\nallowlists:\n  - path: fw/main.tf\n    format: auto\n    scope: dedicated\n',
    files: {
      'fw/main.tf':
        'resource "azurerm_firewall_policy_rule_collection_group" "g" {\n  application_rule_collection {\n    name     = "c"\n    priority = 100\n    action   = "Allow"\n    rule {\n      name = "exchange"\n      protocols {\n        type = "Https"\n        port = 443\n      }\n      destination_fqdns = [\n        "outlook.office.com",\n        "outlook.office365.com",\n        "outlook.cloud.microsoft",\n      ]\n    }\n  }\n  network_rule_collection {\n    name     = "n"\n    priority = 200\n    action   = "Allow"\n    rule {\n      name                  = "exchange-ip"\n      protocols             = ["TCP"]\n      source_addresses      = ["10.0.0.0/8"]\n      destination_addresses = ["13.107.6.152/31", "13.107.18.10/31", "13.107.128.0/22", "23.103.160.0/20", "40.96.0.0/13", "40.104.0.0/15", "52.96.0.0/14", "131.253.33.215/32", "132.245.0.0/16", "150.171.32.0/22", "204.79.197.215/32"]\n      destination_ports     = ["443"]\n    }\n  }\n}\n',
    },
    after: {
      'fw/main.tf':
        'resource "azurerm_firewall_policy_rule_collection_group" "g" {\n  application_rule_collection {\n    name     = "c"\n    priority = 100\n    action   = "Allow"\n    rule {\n      name = "exchange"\n      protocols {\n        type = "Https"\n        port = 443\n      }\n      protocols {\n        type = "Http"\n        port = 80\n      }\n      destination_fqdns = [\n        "outlook.office.com",\n        "outlook.office365.com",\n        "outlook.cloud.microsoft",\n      ]\n    }\n  }\n  network_rule_collection {\n    name     = "n"\n    priority = 200\n    action   = "Allow"\n    rule {\n      name                  = "exchange-ip"\n      protocols             = ["TCP"]\n      source_addresses      = ["10.0.0.0/8"]\n      destination_addresses = ["13.107.6.152/31", "13.107.18.10/31", "13.107.128.0/22", "23.103.160.0/20", "40.96.0.0/13", "40.104.0.0/15", "52.96.0.0/14", "131.253.33.215/32", "132.245.0.0/16", "150.171.32.0/22", "204.79.197.215/32"]\n      destination_ports     = ["443", "80"]\n    }\n    rule {\n      name                  = "exchange-ip-udp-443"\n      protocols             = ["UDP"]\n      source_addresses      = ["10.0.0.0/8"]\n      destination_addresses = ["13.107.6.152/31", "13.107.18.10/31", "13.107.128.0/22", "23.103.160.0/20", "40.96.0.0/13", "40.104.0.0/15", "52.96.0.0/14", "131.253.33.215/32", "132.245.0.0/16", "150.171.32.0/22", "204.79.197.215/32"]\n      destination_ports     = ["443"]\n    }\n  }\n}\n',
    },
    notFixed: [
      'fw/main.tf:17:10 partially-covered',
      'fw/main.tf:18:10 partially-covered',
      'fw/main.tf:19:10 partially-covered',
    ],
  },
  {
    name: 'Terraform: ports that come from a variable are left for a person',
    config:
      'instance: worldwide\nservice-areas: [Skype]\ncategories: [Optimize]\nipv6: false\nallowlists:\n  - path: fw/teams.tf\n    format: auto\n    scope: dedicated\n    options:\n      variables:\n        media_ports: ["3478"]\n',
    files: {
      'fw/teams.tf':
        'variable "media_ports" {\n  type = list(string)\n}\n\nresource "azurerm_firewall_policy_rule_collection_group" "g" {\n  network_rule_collection {\n    name     = "teams"\n    priority = 200\n    action   = "Allow"\n    rule {\n      name                  = "teams-media-extra"\n      protocols             = ["UDP"]\n      source_addresses      = ["10.0.0.0/8"]\n      destination_addresses = [\n        "52.112.0.0/14",\n        "52.122.0.0/15", # media relays\n      ]\n      destination_ports = var.media_ports\n    }\n  }\n}\n',
    },
    after: {},
    notFixed: ['fw/teams.tf:15:10 partially-covered', 'fw/teams.tf:16:10 partially-covered'],
  },
  {
    name: "ARM: a port gap of some destinations of an application rule adds a rule for them alone (Http 80); UDP gets a network rule of its own, in the array's layout",
    config:
      'instance: worldwide\nservice-areas: [Exchange]\ncategories: [Optimize]\nipv6: false\nallowlists:\n  - path: azure/azuredeploy.json\n    format: auto\n    scope: mixed\n',
    files: {
      'azure/azuredeploy.json':
        '{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",\n  "contentVersion": "1.0.0.0",\n  "resources": [\n    {\n      "type": "Microsoft.Network/firewallPolicies/ruleCollectionGroups",\n      "apiVersion": "2023-04-01",\n      "name": "p/g",\n      "properties": {\n        "priority": 100,\n        "ruleCollections": [\n          {\n            "ruleCollectionType": "FirewallPolicyFilterRuleCollection",\n            "name": "c",\n            "priority": 100,\n            "action": { "type": "Allow" },\n            "rules": [\n              {\n                "ruleType": "ApplicationRule",\n                "name": "exchange",\n                "protocols": [{ "protocolType": "Https", "port": 443 }],\n                "sourceAddresses": ["10.0.0.0/8"],\n                "targetFqdns": ["outlook.office.com", "outlook.office365.com", "outlook.cloud.microsoft", "intranet.example.org"]\n              },\n              {\n                "ruleType": "NetworkRule",\n                "name": "exchange-ip",\n                "ipProtocols": ["TCP"],\n                "sourceAddresses": ["10.0.0.0/8"],\n                "destinationAddresses": [\n                  "13.107.6.152/31",\n                  "13.107.18.10/31",\n                  "13.107.128.0/22",\n                  "23.103.160.0/20",\n                  "40.96.0.0/13",\n                  "40.104.0.0/15",\n                  "52.96.0.0/14",\n                  "131.253.33.215/32",\n                  "132.245.0.0/16",\n                  "150.171.32.0/22",\n                  "204.79.197.215/32"\n                ],\n                "destinationPorts": ["443", "80"]\n              }\n            ]\n          }\n        ]\n      }\n    }\n  ]\n}\n',
    },
    after: {
      'azure/azuredeploy.json':
        '{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",\n  "contentVersion": "1.0.0.0",\n  "resources": [\n    {\n      "type": "Microsoft.Network/firewallPolicies/ruleCollectionGroups",\n      "apiVersion": "2023-04-01",\n      "name": "p/g",\n      "properties": {\n        "priority": 100,\n        "ruleCollections": [\n          {\n            "ruleCollectionType": "FirewallPolicyFilterRuleCollection",\n            "name": "c",\n            "priority": 100,\n            "action": { "type": "Allow" },\n            "rules": [\n              {\n                "ruleType": "ApplicationRule",\n                "name": "exchange",\n                "protocols": [{ "protocolType": "Https", "port": 443 }],\n                "sourceAddresses": ["10.0.0.0/8"],\n                "targetFqdns": ["outlook.office.com", "outlook.office365.com", "outlook.cloud.microsoft", "intranet.example.org"]\n              },\n              {\n                "ruleType": "ApplicationRule",\n                "name": "exchange-tcp-80",\n                "protocols": [{ "protocolType": "Http", "port": 80 }],\n                "sourceAddresses": ["10.0.0.0/8"],\n                "targetFqdns": ["outlook.office.com", "outlook.office365.com", "outlook.cloud.microsoft"]\n              },\n              {\n                "ruleType": "NetworkRule",\n                "name": "exchange-ip",\n                "ipProtocols": ["TCP"],\n                "sourceAddresses": ["10.0.0.0/8"],\n                "destinationAddresses": [\n                  "13.107.6.152/31",\n                  "13.107.18.10/31",\n                  "13.107.128.0/22",\n                  "23.103.160.0/20",\n                  "40.96.0.0/13",\n                  "40.104.0.0/15",\n                  "52.96.0.0/14",\n                  "131.253.33.215/32",\n                  "132.245.0.0/16",\n                  "150.171.32.0/22",\n                  "204.79.197.215/32"\n                ],\n                "destinationPorts": ["443", "80"]\n              },\n              {\n                "ruleType": "NetworkRule",\n                "name": "exchange-ip-udp-443",\n                "ipProtocols": ["UDP"],\n                "sourceAddresses": ["10.0.0.0/8"],\n                "destinationAddresses": [\n                  "13.107.6.152/31",\n                  "13.107.18.10/31",\n                  "13.107.128.0/22",\n                  "23.103.160.0/20",\n                  "40.96.0.0/13",\n                  "40.104.0.0/15",\n                  "52.96.0.0/14",\n                  "131.253.33.215/32",\n                  "132.245.0.0/16",\n                  "150.171.32.0/22",\n                  "204.79.197.215/32"\n                ],\n                "destinationPorts": ["443"]\n              }\n            ]\n          }\n        ]\n      }\n    }\n  ]\n}\n',
    },
    notFixed: [
      'azure/azuredeploy.json:23:34 partially-covered',
      'azure/azuredeploy.json:23:56 partially-covered',
      'azure/azuredeploy.json:23:81 partially-covered',
    ],
  },
  {
    name: "Bicep: a port gap of some destinations adds a rule for them alone, in the arrays' layout",
    config:
      'instance: worldwide\nservice-areas: [Skype]\ncategories: [Optimize]\nipv6: false\nallowlists:\n  - path: azure/fw.bicep\n    format: auto\n    scope: mixed\n',
    files: {
      'azure/fw.bicep':
        "resource policy 'Microsoft.Network/firewallPolicies@2023-04-01' existing = {\n  name: 'fw-policy'\n}\n\nresource group 'Microsoft.Network/firewallPolicies/ruleCollectionGroups@2023-04-01' = {\n  parent: policy\n  name: 'm365'\n  properties: {\n    priority: 200\n    ruleCollections: [\n      {\n        ruleCollectionType: 'FirewallPolicyFilterRuleCollection'\n        name: 'teams'\n        priority: 210\n        action: {\n          type: 'Allow'\n        }\n        rules: [\n          {\n            ruleType: 'NetworkRule'\n            name: 'teams-media'\n            ipProtocols: [\n              'UDP'\n            ]\n            sourceAddresses: [\n              '10.0.0.0/8'\n            ]\n            destinationAddresses: [\n              '52.112.0.0/14'\n              '52.122.0.0/15'\n              '198.18.0.0/15' // lab\n            ]\n            destinationPorts: [\n              '3478-3480'\n            ]\n          }\n        ]\n      }\n    ]\n  }\n}\n",
    },
    after: {
      'azure/fw.bicep':
        "resource policy 'Microsoft.Network/firewallPolicies@2023-04-01' existing = {\n  name: 'fw-policy'\n}\n\nresource group 'Microsoft.Network/firewallPolicies/ruleCollectionGroups@2023-04-01' = {\n  parent: policy\n  name: 'm365'\n  properties: {\n    priority: 200\n    ruleCollections: [\n      {\n        ruleCollectionType: 'FirewallPolicyFilterRuleCollection'\n        name: 'teams'\n        priority: 210\n        action: {\n          type: 'Allow'\n        }\n        rules: [\n          {\n            ruleType: 'NetworkRule'\n            name: 'teams-media'\n            ipProtocols: [\n              'UDP'\n            ]\n            sourceAddresses: [\n              '10.0.0.0/8'\n            ]\n            destinationAddresses: [\n              '52.112.0.0/14'\n              '52.122.0.0/15'\n              '198.18.0.0/15' // lab\n            ]\n            destinationPorts: [\n              '3478-3480'\n            ]\n          }\n          {\n            ruleType: 'NetworkRule'\n            name: 'teams-media-udp-3481'\n            ipProtocols: [\n              'UDP'\n            ]\n            sourceAddresses: [\n              '10.0.0.0/8'\n            ]\n            destinationAddresses: [\n              '52.112.0.0/14'\n              '52.122.0.0/15'\n            ]\n            destinationPorts: [\n              '3481'\n            ]\n          }\n        ]\n      }\n    ]\n  }\n}\n",
    },
  },
  {
    name: 'Bicep: once the lab range is gone, every destination needs the port: destinationPorts is extended',
    config:
      'instance: worldwide\nservice-areas: [Skype]\ncategories: [Optimize]\nipv6: false\nallowlists:\n  - path: azure/fw.bicep\n    format: auto\n    scope: dedicated\n',
    files: {
      'azure/fw.bicep':
        "resource policy 'Microsoft.Network/firewallPolicies@2023-04-01' existing = {\n  name: 'fw-policy'\n}\n\nresource group 'Microsoft.Network/firewallPolicies/ruleCollectionGroups@2023-04-01' = {\n  parent: policy\n  name: 'm365'\n  properties: {\n    priority: 200\n    ruleCollections: [\n      {\n        ruleCollectionType: 'FirewallPolicyFilterRuleCollection'\n        name: 'teams'\n        priority: 210\n        action: {\n          type: 'Allow'\n        }\n        rules: [\n          {\n            ruleType: 'NetworkRule'\n            name: 'teams-media'\n            ipProtocols: [\n              'UDP'\n            ]\n            sourceAddresses: [\n              '10.0.0.0/8'\n            ]\n            destinationAddresses: [\n              '52.112.0.0/14'\n              '52.122.0.0/15'\n              '198.18.0.0/15' // lab\n            ]\n            destinationPorts: [\n              '3478-3480'\n            ]\n          }\n        ]\n      }\n    ]\n  }\n}\n",
    },
    after: {
      'azure/fw.bicep':
        "resource policy 'Microsoft.Network/firewallPolicies@2023-04-01' existing = {\n  name: 'fw-policy'\n}\n\nresource group 'Microsoft.Network/firewallPolicies/ruleCollectionGroups@2023-04-01' = {\n  parent: policy\n  name: 'm365'\n  properties: {\n    priority: 200\n    ruleCollections: [\n      {\n        ruleCollectionType: 'FirewallPolicyFilterRuleCollection'\n        name: 'teams'\n        priority: 210\n        action: {\n          type: 'Allow'\n        }\n        rules: [\n          {\n            ruleType: 'NetworkRule'\n            name: 'teams-media'\n            ipProtocols: [\n              'UDP'\n            ]\n            sourceAddresses: [\n              '10.0.0.0/8'\n            ]\n            destinationAddresses: [\n              '52.112.0.0/14'\n              '52.122.0.0/15'\n            ]\n            destinationPorts: [\n              '3478-3480'\n              '3481'\n            ]\n          }\n        ]\n      }\n    ]\n  }\n}\n",
    },
  },
  {
    name: "CSV port gaps: the cell of the gap's protocol is extended in its own separators and quotes",
    config:
      'instance: worldwide\nservice-areas: [Skype]\ncategories: [Optimize]\nipv6: false\nallowlists:\n  - path: fw/a.csv\n    format: auto\n    scope: dedicated\n',
    files: {
      'fw/a.csv': 'network;tcp;udp\n52.112.0.0/14;443;3478-3480\n52.122.0.0/15;;"3478, 3479"\n',
    },
    after: {
      'fw/a.csv':
        'network;tcp;udp\n52.112.0.0/14;443;3478-3480,3481\n52.122.0.0/15;;"3478, 3479, 3480-3481"\n',
    },
  },
  {
    name: 'CSV port gaps: a ports column without a protocol column would widen the other protocol, so the gap gets a row of its own (3481/udp)',
    config:
      'instance: worldwide\nservice-areas: [Skype]\ncategories: [Optimize]\nipv6: false\nallowlists:\n  - path: fw/b.csv\n    format: auto\n    scope: dedicated\n',
    files: {
      'fw/b.csv':
        'destination,ports,note\n52.112.0.0/14,3478-3480,media\n52.122.0.0/15,443 3478-3481,media\n',
    },
    after: {
      'fw/b.csv':
        'destination,ports,note\n52.112.0.0/14,3478-3480,media\n52.112.0.0/14,3481/udp,media\n52.122.0.0/15,443 3478-3481,media\n',
    },
  },
  {
    name: "our DNS file in JSON, one object a line: records added after their owner's, msoid removed with its comma, a wrong value rewritten in place",
    config:
      'instance: worldwide\ndns:\n  - path: zones/*\ndomains:\n  - domain: contoso.com\n    services: [exchange, teams]\n    mx-token: contoso-com\n',
    files: {
      'zones/contoso.json':
        '{\n  "endpoint-drift": "dns/v1",\n  "zone": "contoso.com",\n  "records": [\n    { "name": "@", "type": "MX", "value": "0 contoso-com.mail.protection.outlook.com." },\n    { "name": "msoid", "type": "CNAME", "value": "clientconfig.microsoftonline-p.net." },\n    { "name": "autodiscover", "type": "CNAME", "value": "autodiscover.outlook.com.cn." }\n  ]\n}\n',
    },
    after: {
      'zones/contoso.json':
        '{\n  "endpoint-drift": "dns/v1",\n  "zone": "contoso.com",\n  "records": [\n    { "name": "@", "type": "MX", "value": "0 contoso-com.mail.protection.outlook.com." },\n    { "name": "@", "type": "TXT", "ttl": 3600, "value": "v=spf1 include:spf.protection.outlook.com -all" },\n    { "name": "_sipfederationtls._tcp", "type": "SRV", "ttl": 3600, "value": "100 1 5061 sipfed.online.lync.com." },\n    { "name": "autodiscover", "type": "CNAME", "value": "autodiscover.outlook.com." }\n  ]\n}\n',
    },
  },
  {
    name: 'our DNS file in JSON, one key a line: new objects in the same layout; the last object removed takes the comma before it',
    config:
      'instance: worldwide\ndns:\n  - path: zones/*\ndomains:\n  - domain: contoso.com\n    services: [exchange, teams]\n    mx-token: contoso-com\n',
    files: {
      'zones/contoso.json':
        '{\n  "endpoint-drift": "dns/v1",\n  "zone": "contoso.com",\n  "records": [\n    {\n      "name": "@",\n      "type": "MX",\n      "value": "0 contoso-com.mail.protection.outlook.com."\n    },\n    {\n      "name": "autodiscover",\n      "type": "CNAME",\n      "value": "autodiscover.outlook.com.cn."\n    },\n    {\n      "name": "msoid",\n      "type": "CNAME",\n      "value": "clientconfig.microsoftonline-p.net."\n    }\n  ]\n}\n',
    },
    after: {
      'zones/contoso.json':
        '{\n  "endpoint-drift": "dns/v1",\n  "zone": "contoso.com",\n  "records": [\n    {\n      "name": "@",\n      "type": "MX",\n      "value": "0 contoso-com.mail.protection.outlook.com."\n    },\n    {\n      "name": "@",\n      "type": "TXT",\n      "ttl": 3600,\n      "value": "v=spf1 include:spf.protection.outlook.com -all"\n    },\n    {\n      "name": "_sipfederationtls._tcp",\n      "type": "SRV",\n      "ttl": 3600,\n      "value": "100 1 5061 sipfed.online.lync.com."\n    },\n    {\n      "name": "autodiscover",\n      "type": "CNAME",\n      "value": "autodiscover.outlook.com."\n    }\n  ]\n}\n',
    },
  },
  {
    name: 'over-broad entries only with --rule over-broad-entry: replaced by the catalogue patterns inside',
    config: exchange('list.txt'),
    rules: ['over-broad-entry'],
    files: {
      'list.txt': 'outlook.office.com\n*   # everything\n',
    },
    after: {
      'list.txt':
        'outlook.office.com\noutlook.cloud.microsoft  # narrowed from *\noutlook.office365.com  # narrowed from *\n',
    },
  },
];

export { exchange, skype, sharepoint, dns };
