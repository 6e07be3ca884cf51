import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMBEDDED_CATALOGUE } from '../../src/catalogue/embedded.js';
import { resolveOptions } from '../../src/config/options.js';
import { DEFAULT_FIX_RULES } from '../../src/fix/plan.js';
import type { Finding } from '../../src/model/finding.js';
import { writeChanges } from '../../src/fix/write.js';
import { runCheck } from '../../src/pipeline.js';
import { dns, exchange, skype } from './cases.js';
import { plan, repository, remove } from './harness.js';

/**
 * For generated lists: after `fix --write`, `check` reports none of the findings fix changes,
 * and a second `fix` has nothing to change.
 */
async function fixedForGood(
  files: Record<string, string>,
  config: string,
  json?: string,
  /** Findings the format cannot fix by its nature (a rule's ports shared by all its destinations). */
  unfixable: (f: Finding) => boolean = () => false,
): Promise<void> {
  const dir = repository({ ...files, '.github/endpoint-drift.yml': config });
  try {
    const first = await plan(dir, config);
    const outcome = await writeChanges(dir, first.changes);
    expect(outcome.failed).toEqual([]);
    if (json)
      expect(() => JSON.parse(readFileSync(path.join(dir, json), 'utf8')) as unknown).not.toThrow();
    const options = resolveOptions({ path: '.github/endpoint-drift.yml', text: config }, {});
    const { result } = await runCheck(dir, options, EMBEDDED_CATALOGUE);
    const left = result.findings
      .filter((f) => (DEFAULT_FIX_RULES as readonly string[]).includes(f.ruleId) && !unfixable(f))
      .map((f) => `${f.location.line}:${f.location.column} ${f.ruleId} ${f.message}`);
    expect(left).toEqual([]);
    expect((await plan(dir, config)).changes).toEqual([]);
  } finally {
    remove(dir);
  }
}

const HOSTS = [
  'outlook.office.com',
  'outlook.office365.com',
  'outlook.cloud.microsoft',
  'legacy.example.net',
  'intranet.example.org',
  '*.example.com',
];
const COMMENTS = ['# Exchange Online - endpoint set 1 (Optimize)', '# other things', ''];

const line = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTS) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...HOSTS), fc.constantFrom('  # why', '\t# note'))
      .map(([h, c]) => h + c),
  },
  { weight: 1, arbitrary: fc.constantFrom(...COMMENTS) },
);

const PREFIXES = [
  '52.112.0.0/15',
  '52.114.0.0/15',
  '52.112.0.0/14',
  '52.122.0.0/15',
  '52.122.0.0/16',
  '52.123.0.0/16',
  '198.51.100.0/24',
];
const PORTS = fc
  .subarray([3478, 3479, 3480, 3481], { minLength: 1 })
  .map((p) => `"${p.join(',')}"`);

describe('fix, then check', () => {
  it('plain lists: nothing fixable is left and a second fix is empty', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(line, { minLength: 1, maxLength: 12 }),
        fc.boolean(),
        async (lines, crlf) => {
          const eol = crlf ? '\r\n' : '\n';
          await fixedForGood({ 'list.txt': lines.join(eol) + eol }, exchange('list.txt'));
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);

  it('YAML allowlists with ports: nothing fixable is left and a second fix is empty', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom(...PREFIXES), PORTS, fc.boolean()), {
          minLength: 1,
          maxLength: 6,
        }),
        async (items) => {
          const body = items
            .map(
              ([ip, udp, header]) =>
                `${header ? '  # Microsoft Teams - endpoint set 11 (Optimize)\n' : ''}  - ip: ${ip}\n    udp: ${udp}\n`,
            )
            .join('');
          await fixedForGood(
            { 'fw.yaml': `endpoint-drift: allowlist/v1\nentries:\n${body}` },
            skype('fw.yaml'),
          );
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);

  /** UDP for a host of an application rule, which carries HTTP and TLS over TCP only. */
  const udpOnly = (f: Finding) => f.missingPorts !== undefined && f.missingPorts.tcp === '';

  /** The same generated values written in each list-shaped format. */
  const HOST_FORMATS: readonly {
    name: string;
    format: string;
    files: (hosts: readonly string[]) => Record<string, string>;
    file: string;
    unfixable?: (f: Finding) => boolean;
  }[] = [
    {
      name: 'FortiGate feed',
      format: 'fortigate',
      file: 'feed.txt',
      files: (h) => ({ 'feed.txt': h.map((x) => `${x}\n`).join('') }),
    },
    {
      name: 'pfBlockerNG',
      format: 'pfblockerng',
      file: 'dnsbl.txt',
      files: (h) => ({ 'dnsbl.txt': h.map((x) => `${x.replace(/^\*\./, '.')}\n`).join('') }),
    },
    {
      name: 'Squid ACL file',
      format: 'squid',
      file: 'squid.conf',
      files: (h) => ({
        'squid.conf': 'acl m365 dstdomain "m365.acl"\nhttp_access allow m365\n',
        'm365.acl': h.map((x) => `${x.replace(/^\*\./, '.')}\n`).join(''),
      }),
    },
    {
      name: 'Terraform list',
      format: 'terraform',
      file: 'main.tf',
      unfixable: udpOnly,
      files: (h) => ({
        'main.tf': `resource "azurerm_firewall_policy_rule_collection_group" "g" {\n  application_rule_collection {\n    name     = "c"\n    priority = 100\n    action   = "Allow"\n    rule {\n      name = "r"\n      protocols {\n        type = "Https"\n        port = 443\n      }\n      destination_fqdns = [\n${h.map((x) => `        "${x}",\n`).join('')}      ]\n    }\n  }\n}\n`,
      }),
    },
    {
      name: 'ARM array',
      format: 'arm',
      file: 'azuredeploy.json',
      unfixable: udpOnly,
      files: (h) => ({
        'azuredeploy.json': `{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",\n  "contentVersion": "1.0.0.0",\n  "resources": [\n    {\n      "type": "Microsoft.Network/firewallPolicies/ruleCollectionGroups",\n      "apiVersion": "2023-04-01",\n      "name": "p/g",\n      "properties": {\n        "priority": 100,\n        "ruleCollections": [\n          {\n            "ruleCollectionType": "FirewallPolicyFilterRuleCollection",\n            "name": "c",\n            "priority": 100,\n            "action": { "type": "Allow" },\n            "rules": [\n              {\n                "ruleType": "ApplicationRule",\n                "name": "r",\n                "protocols": [{ "protocolType": "Https", "port": 443 }],\n                "targetFqdns": [\n${h.map((x, i) => `                  "${x}"${i < h.length - 1 ? ',' : ''}\n`).join('')}                ]\n              }\n            ]\n          }\n        ]\n      }\n    }\n  ]\n}\n`,
      }),
    },
  ];

  for (const f of HOST_FORMATS)
    it(`${f.name}: nothing fixable is left and a second fix is empty`, async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.uniqueArray(fc.constantFrom(...HOSTS), { minLength: 1, maxLength: 6 }),
          async (hosts) => {
            await fixedForGood(
              f.files(hosts),
              exchange(f.file, f.format),
              f.file.endsWith('.json') ? f.file : undefined,
              f.unfixable,
            );
          },
        ),
        { numRuns: 15 },
      );
    }, 120_000);

  it('network rules of Terraform, Bicep and ARM with port gaps: nothing fixable is left and a second fix is empty', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            prefixes: fc.uniqueArray(fc.constantFrom(...PREFIXES), { minLength: 1, maxLength: 4 }),
            ports: fc.constantFrom('3478-3480', '3478-3481', '3479', '3481'),
            protocol: fc.constantFrom('UDP', 'TCP'),
          }),
          { minLength: 1, maxLength: 3 },
        ),
        fc.boolean(),
        async (rules, multiline) => {
          const tf = rules
            .map(
              (r, i) =>
                `    rule {\n      name                  = "r${i}"\n      protocols             = ["${r.protocol}"]\n      source_addresses      = ["10.0.0.0/8"]\n      destination_addresses = [${
                  multiline
                    ? `\n${r.prefixes.map((p) => `        "${p}",\n`).join('')}      ]`
                    : r.prefixes.map((p) => `"${p}"`).join(', ') + ']'
                }\n      destination_ports     = ["${r.ports}"]\n    }\n`,
            )
            .join('');
          await fixedForGood(
            {
              'main.tf': `resource "azurerm_firewall_policy_rule_collection_group" "g" {\n  network_rule_collection {\n    name     = "teams"\n    priority = 200\n    action   = "Allow"\n${tf}  }\n}\n`,
            },
            skype('main.tf'),
          );
          const bicep = rules
            .map(
              (r, i) =>
                `          {\n            ruleType: 'NetworkRule'\n            name: 'r${i}'\n            ipProtocols: [\n              '${r.protocol}'\n            ]\n            destinationAddresses: ${
                  multiline
                    ? `[\n${r.prefixes.map((p) => `              '${p}'\n`).join('')}            ]`
                    : `[ ${r.prefixes.map((p) => `'${p}'`).join(', ')} ]`
                }\n            destinationPorts: [\n              '${r.ports}'\n            ]\n          }\n`,
            )
            .join('');
          await fixedForGood(
            {
              'fw.bicep': `resource group 'Microsoft.Network/firewallPolicies/ruleCollectionGroups@2023-04-01' = {\n  name: 'p/m365'\n  properties: {\n    priority: 200\n    ruleCollections: [\n      {\n        ruleCollectionType: 'FirewallPolicyFilterRuleCollection'\n        name: 'teams'\n        priority: 210\n        action: {\n          type: 'Allow'\n        }\n        rules: [\n${bicep}        ]\n      }\n    ]\n  }\n}\n`,
            },
            skype('fw.bicep'),
          );
          const arm = rules
            .map(
              (r, i) =>
                `              {\n                "ruleType": "NetworkRule",\n                "name": "r${i}",\n                "ipProtocols": ["${r.protocol}"],\n                "destinationAddresses": [${r.prefixes.map((p) => `"${p}"`).join(', ')}],\n                "destinationPorts": ["${r.ports}"]\n              }`,
            )
            .join(',\n');
          await fixedForGood(
            {
              'azuredeploy.json': `{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",\n  "contentVersion": "1.0.0.0",\n  "resources": [\n    {\n      "type": "Microsoft.Network/firewallPolicies/ruleCollectionGroups",\n      "apiVersion": "2023-04-01",\n      "name": "p/g",\n      "properties": {\n        "priority": 100,\n        "ruleCollections": [\n          {\n            "ruleCollectionType": "FirewallPolicyFilterRuleCollection",\n            "name": "c",\n            "priority": 100,\n            "action": { "type": "Allow" },\n            "rules": [\n${arm}\n            ]\n          }\n        ]\n      }\n    }\n  ]\n}\n`,
            },
            skype('azuredeploy.json'),
            'azuredeploy.json',
          );
        },
      ),
      { numRuns: 15 },
    );
  }, 180_000);

  it('nftables sets and iptables rules: nothing fixable is left and a second fix is empty', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.constantFrom(...PREFIXES), { minLength: 1, maxLength: 5 }),
        fc.constantFrom('3478-3480', '3478-3481', '3479'),
        async (prefixes, ports) => {
          await fixedForGood(
            {
              'fw.nft': `table inet filter {\n  set m365 {\n    type ipv4_addr\n    flags interval\n    elements = {\n${prefixes.map((p) => `      ${p},\n`).join('')}    }\n  }\n  chain out {\n    type filter hook output priority 0;\n    ip daddr @m365 udp dport { ${ports} } accept\n  }\n}\n`,
            },
            skype('fw.nft'),
          );
          await fixedForGood(
            {
              'rules.v4': `*filter\n${prefixes.map((p) => `-A OUTPUT -d ${p} -p udp -m udp --dport ${ports.replace('-', ':')} -j ACCEPT\n`).join('')}COMMIT\n`,
            },
            skype('rules.v4'),
          );
        },
      ),
      { numRuns: 15 },
    );
  }, 120_000);
});

describe('fix, then check: Kubernetes and Cilium policies', () => {
  const HOST_VALUES = ['outlook.office.com', 'outlook.office365.com', 'legacy.example.net'];
  const UDP = fc.constantFrom('3478-3480', '3478-3481', '3479', '3481');
  const rule = fc.record({
    prefixes: fc.uniqueArray(fc.constantFrom(...PREFIXES), { minLength: 1, maxLength: 4 }),
    udp: UDP,
    flow: fc.boolean(),
  });
  const ports = (udp: string, cilium: boolean) => {
    const [lo, hi] = udp.split('-');
    const port = cilium ? `"${lo}"` : lo;
    return hi
      ? [`- port: ${port}`, `  endPort: ${hi}`, '  protocol: UDP']
      : [`- port: ${port}`, '  protocol: UDP'];
  };

  it('NetworkPolicy ipBlocks: nothing fixable is left and a second fix is empty', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(rule, { minLength: 1, maxLength: 3 }), async (rules) => {
        const egress = rules.flatMap((r) => [
          '  - to:',
          ...r.prefixes.map((p) =>
            r.flow ? `    - ipBlock: { cidr: ${p} }` : `    - ipBlock:\n        cidr: ${p}`,
          ),
          '    ports:',
          ...ports(r.udp, false).map((l) => `    ${l}`),
        ]);
        const text = [
          'apiVersion: networking.k8s.io/v1',
          'kind: NetworkPolicy',
          'metadata:',
          '  name: teams',
          'spec:',
          '  podSelector: {}',
          '  policyTypes: [Egress]',
          '  egress:',
          // A rule fix never empties: the policy keeps restricting egress whatever goes.
          '  - to:',
          '    - podSelector: {}',
          ...egress,
          '',
        ].join('\n');
        await fixedForGood({ 'policy.yaml': text }, skype('policy.yaml'));
      }),
      { numRuns: 20 },
    );
  }, 120_000);

  it('Cilium toFQDNs and toCIDRSet: nothing fixable is left and a second fix is empty', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.constantFrom(...HOST_VALUES), { minLength: 1, maxLength: 3 }),
        fc.subarray(['443', '80'], { minLength: 1 }),
        fc.boolean(),
        async (hosts, tcp, quoted) => {
          const port = (p: string) => (quoted ? `"${p}"` : `'${p}'`);
          const text = [
            'apiVersion: cilium.io/v2',
            'kind: CiliumNetworkPolicy',
            'metadata:',
            '  name: m365',
            'spec:',
            '  endpointSelector: {}',
            '  egress:',
            '    - toEndpoints:',
            '        - matchLabels:',
            '            k8s-app: kube-dns',
            '    - toFQDNs:',
            ...hosts.map((h) => `        - matchName: ${h}`),
            '      toPorts:',
            '        - ports:',
            ...tcp.flatMap((p) => [
              `            - port: ${port(p)}`,
              '              protocol: TCP',
            ]),
            '',
          ].join('\n');
          await fixedForGood({ 'policy.yaml': text }, exchange('policy.yaml'));
        },
      ),
      { numRuns: 20 },
    );
  }, 120_000);

  it('Cilium JSON toCIDR lists: nothing fixable is left and a second fix is empty', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.constantFrom(...PREFIXES), { minLength: 1, maxLength: 5 }),
        async (prefixes) => {
          const text = `{\n  "apiVersion": "cilium.io/v2",\n  "kind": "CiliumNetworkPolicy",\n  "metadata": { "name": "teams" },\n  "spec": {\n    "endpointSelector": {},\n    "egress": [\n      { "toEndpoints": [{}] },\n      {\n        "toCIDR": [${prefixes.map((p) => `"${p}"`).join(', ')}],\n        "toPorts": [{ "ports": [{ "port": "3478", "endPort": 3481, "protocol": "UDP" }] }]\n      }\n    ]\n  }\n}\n`;
          await fixedForGood({ 'policy.json': text }, skype('policy.json'), 'policy.json');
        },
      ),
      { numRuns: 20 },
    );
  }, 120_000);
});

describe('fix, then check: DNS files and CSV', () => {
  /** One slot per owner and type, so that no generated zone holds a CNAME beside other data. */
  const zone = fc.record({
    mx: fc.constantFrom('right', 'none'),
    autodiscover: fc.constantFrom('right', 'wrong', 'none'),
    spf: fc.constantFrom('right', 'missing', 'none'),
    msoid: fc.boolean(),
    sip: fc.boolean(),
    srv: fc.boolean(),
  });
  type Zone = typeof zone extends fc.Arbitrary<infer Z> ? Z : never;
  interface Rec {
    name: string;
    type: string;
    data: string;
  }
  const recordsOf = (z: Zone): Rec[] => [
    ...(z.mx === 'right'
      ? [{ name: '@', type: 'MX', data: '0 contoso-com.mail.protection.outlook.com.' }]
      : []),
    ...(z.spf === 'none'
      ? []
      : [
          {
            name: '@',
            type: 'TXT',
            data:
              z.spf === 'right'
                ? 'v=spf1 include:spf.protection.outlook.com -all'
                : 'v=spf1 include:_spf.example.net -all',
          },
        ]),
    ...(z.autodiscover === 'none'
      ? []
      : [
          {
            name: 'autodiscover',
            type: 'CNAME',
            data:
              z.autodiscover === 'right'
                ? 'autodiscover.outlook.com.'
                : 'autodiscover.outlook.com.cn.',
          },
        ]),
    ...(z.msoid
      ? [{ name: 'msoid', type: 'CNAME', data: 'clientconfig.microsoftonline-p.net.' }]
      : []),
    ...(z.sip ? [{ name: 'sip', type: 'CNAME', data: 'sipdir.online.lync.com.' }] : []),
    ...(z.srv
      ? [
          {
            name: '_sipfederationtls._tcp',
            type: 'SRV',
            data: '100 1 5061 sipfed.online.lync.com.',
          },
        ]
      : []),
    { name: 'www', type: 'A', data: '192.0.2.80' },
  ];
  const bind = (rs: Rec[]) =>
    `$ORIGIN contoso.com.\n$TTL 3600\n@ IN SOA ns1.contoso.com. hostmaster.contoso.com. 2026010101 7200 3600 1209600 3600\n@ IN NS ns1.contoso.com.\n${rs
      .map((r) => `${r.name} IN ${r.type} ${r.type === 'TXT' ? `"${r.data}"` : r.data}`)
      .join('\n')}\n`;
  const octoValue = (r: Rec, indent: string): string => {
    const parts = r.data.split(' ');
    if (r.type === 'MX')
      return `value:\n${indent}  exchange: ${parts[1]}\n${indent}  preference: ${parts[0]}`;
    if (r.type === 'SRV')
      return `value:\n${indent}  port: ${parts[2]}\n${indent}  priority: ${parts[0]}\n${indent}  target: ${parts[3]}\n${indent}  weight: ${parts[1]}`;
    return `value: ${r.type === 'TXT' ? `'${r.data}'` : r.data}`;
  };
  const octodns = (rs: Rec[]) => {
    const names = [...new Set(rs.map((r) => (r.name === '@' ? '' : r.name)))].sort();
    return `---\n${names
      .map((n) => {
        const mine = rs.filter((r) => (r.name === '@' ? '' : r.name) === n);
        const key = n === '' ? "''" : n;
        if (mine.length === 1)
          return `${key}:\n  type: ${mine[0]!.type}\n  ${octoValue(mine[0]!, '  ')}\n`;
        return `${key}:\n${mine.map((r) => `  - type: ${r.type}\n    ${octoValue(r, '    ')}\n`).join('')}`;
      })
      .join('')}`;
  };
  const dnsYaml = (rs: Rec[]) =>
    `endpoint-drift: dns/v1\nzone: contoso.com\nrecords:\n${rs
      .map((r) => `  - name: '${r.name}'\n    type: ${r.type}\n    value: '${r.data}'\n`)
      .join('')}`;

  const dnsJson = (rs: Rec[], tall: boolean) =>
    `{\n  "endpoint-drift": "dns/v1",\n  "zone": "contoso.com",\n  "records": [\n${rs
      .map((r) => {
        const pairs = [
          `"name": "${r.name}"`,
          `"type": "${r.type}"`,
          `"value": "${r.data.replace(/"/g, '\\"')}"`,
        ];
        return tall
          ? `    {\n${pairs.map((p) => `      ${p}`).join(',\n')}\n    }`
          : `    { ${pairs.join(', ')} }`;
      })
      .join(',\n')}\n  ]\n}\n`;

  for (const [name, file, render] of [
    ['BIND zone', 'zones/contoso.com.zone', bind],
    ['octoDNS zone', 'zones/contoso.com.yaml', octodns],
    ['our DNS YAML', 'zones/contoso.yaml', dnsYaml],
    ['our DNS JSON, one object a line', 'zones/contoso.json', (rs: Rec[]) => dnsJson(rs, false)],
    ['our DNS JSON, one key a line', 'zones/contoso.json', (rs: Rec[]) => dnsJson(rs, true)],
  ] as const)
    it(`${name}: nothing fixable is left and a second fix is empty`, async () => {
      await fc.assert(
        fc.asyncProperty(zone, async (z) => {
          await fixedForGood({ [file]: render(recordsOf(z)) }, dns);
        }),
        { numRuns: 20 },
      );
    }, 120_000);

  it('CSV with tcp and udp columns: nothing fixable is left and a second fix is empty', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(
            fc.constantFrom(...PREFIXES),
            fc.constantFrom('', '443'),
            fc.constantFrom('3478-3480', '3478;3479', '3481', '"3478, 3479"'),
          ),
          { minLength: 1, maxLength: 5 },
        ),
        fc.constantFrom(',', ';'),
        async (rows, d) => {
          const body = rows
            .map(([p, tcp, udp]) =>
              [
                p,
                tcp,
                d === ';'
                  ? udp.replace(/"|, /g, (m) => (m === '"' ? '' : ','))
                  : udp.replace(';', ' '),
              ].join(d),
            )
            .join('\n');
          await fixedForGood({ 'fw.csv': `network${d}tcp${d}udp\n${body}\n` }, skype('fw.csv'));
        },
      ),
      { numRuns: 20 },
    );
  }, 120_000);
});
