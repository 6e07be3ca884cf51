// A firewall, a proxy or a DNS server splits words on ASCII whitespace and compares names byte for
// byte: a no-break space, a line separator, an ideographic space, a zero-width space or a byte
// order mark anywhere but at the very start of a file is part of the entry. Such an entry is
// invalid (never the host it looks like), at its own place, in every format.
import { describe, expect, it } from 'vitest';
import { EMBEDDED_CATALOGUE } from '../../src/catalogue/embedded.js';
import { check } from '../../src/diff/engine.js';
import { getFormat } from '../../src/formats/allowlist/index.js';
import { resolveDnsFormat } from '../../src/formats/dns/index.js';

const HOST = 'outlook.office365.com';
const CHARACTERS = [
  ['\ufeff', 'U+FEFF', 'invisible'],
  ['\u00a0', 'U+00A0', 'space'],
  ['\u2028', 'U+2028', 'space'],
  ['\u200b', 'U+200B', 'invisible'],
  ['\u3000', 'U+3000', 'space'],
] as const;
const PLACES: readonly [string, (c: string) => string][] = [
  ['before', (c) => `${c}${HOST}`],
  ['after', (c) => `${HOST}${c}`],
  ['inside', (c) => `outlook.${c}office365.com`],
];

/** A file of each format naming `@@` once, after a first line, and where `@@` is written. */
const ALLOWLISTS: readonly [string, string, string, [number, number]][] = [
  ['plain', 'a.txt', '# proxy bypass\n@@\n', [2, 1]],
  ['pan-edl', 'a.txt', '# edl\n@@\n', [2, 1]],
  [
    'squid',
    'squid.conf',
    '# proxy\nacl m365 dstdomain .microsoft.com @@\nhttp_access allow m365\n',
    [2, 35],
  ],
  ['csv', 'a.csv', 'Name;Destination;Port;Protocol\nEXO;@@;443;TCP\n', [2, 5]],
  ['allowlist-yaml', 'a.yaml', 'endpoint-drift: allowlist/v1\nentries:\n  - host: "@@"\n', [3, 12]],
  [
    'allowlist-json',
    'a.json',
    '{"endpoint-drift": "allowlist/v1",\n "entries": [{"host": "@@"}]}\n',
    [2, 24],
  ],
  [
    'kubernetes',
    'p.yaml',
    'apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata:\n  name: m\nspec:\n  egress:\n    - toFQDNs:\n        - matchName: "@@"\n',
    [8, 23],
  ],
  [
    'terraform',
    'fw.tf',
    'resource "azurerm_firewall_application_rule_collection" "m" {\n  rule {\n    name = "r"\n    target_fqdns = ["@@"]\n    protocol {\n      port = 443\n      type = "Https"\n    }\n  }\n}\n',
    [4, 22],
  ],
  [
    'arm',
    'azuredeploy.json',
    '{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",\n "resources": [{"type": "Microsoft.Network/firewallPolicies/ruleCollectionGroups", "properties": {"ruleCollections": [{"rules": [{"ruleType": "ApplicationRule",\n "targetFqdns": ["@@"], "protocols": [{"protocolType": "Https", "port": 443}]}]}]}}]}\n',
    [3, 19],
  ],
  [
    'bicep',
    'main.bicep',
    "resource p 'Microsoft.Network/firewallPolicies/ruleCollectionGroups@2023-04-01' = {\n  properties: {\n    ruleCollections: [\n      {\n        rules: [\n          {\n            ruleType: 'ApplicationRule'\n            targetFqdns: ['@@']\n            protocols: [{ protocolType: 'Https', port: 443 }]\n          }\n        ]\n      }\n    ]\n  }\n}\n",
    [8, 28],
  ],
  [
    'pac',
    'proxy.pac',
    'function FindProxyForURL(url, host) {\n  if (host == "@@") return "DIRECT";\n  return "PROXY p:8080";\n}\n',
    [2, 16],
  ],
];

describe.each(ALLOWLISTS)('%s', (id, file, template, [line, column]) => {
  const format = getFormat(id)!;
  const parse = (value: string) =>
    format.parse({ path: file, text: template.replace('@@', value) });

  it('reads the plain name (the test can fail)', () => {
    const parsed = parse(HOST);
    expect(parsed.problems).toEqual([]);
    expect(parsed.entries.some((e) => e.kind === 'host' && e.pattern.text === HOST)).toBe(true);
  });

  describe.each(CHARACTERS)('with %j (%s)', (c, code, kind) => {
    it.each(PLACES)('%s the name: an invalid entry where the name is written', (_, place) => {
      const written = place(c);
      const parsed = parse(written);
      expect(parsed.entries.filter((e) => e.kind === 'host' && e.pattern.text === HOST)).toEqual(
        [],
      );
      const problems = parsed.problems.filter((p) => p.message.includes(code));
      expect(problems.map((p) => [p.location.line, p.location.column])).toEqual([[line, column]]);
      // Terraform names the whitespace a firewall would keep in its own words.
      if (id !== 'terraform')
        expect(problems[0]!.message).toBe(
          `"${written}" contains the ${kind} character ${code}: a firewall compares names as written, so it does not allow "${HOST}"`,
        );
      else expect(problems[0]!.message).toContain(JSON.stringify(written).slice(1, -1));
    });
  });
});

describe('the real requirement stays missing', () => {
  it.each(CHARACTERS)('with %j in a plain list', (c, code) => {
    const format = getFormat('plain')!;
    const result = check({
      catalogue: EMBEDDED_CATALOGUE,
      selection: {
        instance: 'worldwide',
        serviceAreas: ['Exchange'],
        categories: ['Optimize', 'Allow', 'Default'],
        includeOptional: false,
        ipv6: true,
        scenarios: [],
      },
      files: [
        {
          parsed: format.parse({ path: 'a.txt', text: `# list\n${HOST}${c}\n` }),
          capabilities: format.capabilities,
          scope: 'mixed',
          group: 'default',
        },
      ],
    });
    const invalid = result.findings.filter((f) => f.ruleId === 'invalid-entry');
    expect(invalid.map((f) => [f.location.line, f.location.column])).toEqual([[2, 1]]);
    expect(invalid[0]!.message).toContain(code);
    expect(
      result.findings.filter(
        (f) => f.ruleId === 'missing-endpoint' && f.requirement?.pattern === HOST,
      ),
    ).toHaveLength(1);
  });
});

describe('a byte order mark', () => {
  it('is allowed at the very start of a file, in every format', () => {
    for (const [id, file, template] of ALLOWLISTS) {
      const parsed = getFormat(id)!.parse({
        path: file,
        text: `\ufeff${template.replace('@@', HOST)}`,
      });
      expect([id, parsed.problems]).toEqual([id, []]);
    }
  });

  it('is part of the entry at the start of any other line', () => {
    const parsed = getFormat('plain')!.parse({ path: 'a.txt', text: `# a\n\ufeff${HOST}\n` });
    expect(parsed.entries).toEqual([]);
    expect(parsed.problems.map((p) => [p.location.line, p.location.column])).toEqual([[2, 1]]);
  });
});

describe('DNS records', () => {
  const ZONES: readonly [string, string, string][] = [
    [
      'bind',
      'contoso.com.zone',
      '$ORIGIN contoso.com.\n@ 3600 IN SOA ns1 host 1 2 3 4 5\nautodiscover 3600 IN CNAME @@.\n',
    ],
    [
      'dns-yaml',
      'contoso.yaml',
      "endpoint-drift: dns/v1\nzone: contoso.com\nrecords:\n  - name: autodiscover\n    type: CNAME\n    value: '@@.'\n",
    ],
  ];
  const TARGET = 'autodiscover.outlook.com';

  describe.each(ZONES)('%s', (id, file, template) => {
    const read = (value: string) => {
      const resolved = resolveDnsFormat({ path: file, text: '' }, id);
      if ('error' in resolved) throw new Error(resolved.error);
      return resolved.format.parse({ path: file, text: template.replace('@@', value) });
    };

    it('reads the plain target', () => {
      const parsed = read(TARGET);
      expect(parsed.problems).toEqual([]);
      expect(parsed.records.some((r) => r.type === 'CNAME' && r.data === `${TARGET}.`)).toBe(true);
    });

    it.each(CHARACTERS)('refuses a target with %j (%s)', (c, code) => {
      for (const [, place] of [
        ['after', (x: string) => `${TARGET}${x}`],
        ['inside', (x: string) => `autodiscover.${x}outlook.com`],
      ] as const) {
        const parsed = read(place(c));
        expect(parsed.records.filter((r) => r.type === 'CNAME' && r.data === `${TARGET}.`)).toEqual(
          [],
        );
        expect(parsed.problems.map((p) => p.message).join('\n')).toContain(code);
      }
    });
  });
});
