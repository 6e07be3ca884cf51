import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ParsedFile } from '../../../src/model/entry.js';
import type { SourceLocation } from '../../../src/model/location.js';
import { ARM } from '../../../src/formats/allowlist/arm.js';
import { BICEP } from '../../../src/formats/allowlist/bicep.js';

const corpus = path.resolve(import.meta.dirname, '../../..', '../shared/corpus');

const BICEP_SAMPLE = `@description('Tenant')
param tenant string = 'contoso'
param more array
var hosts = [
  'outlook.office365.com' // comment
  '\${tenant}.sharepoint.com'
  '''
multi.example.com'''
]
/* block
   comment */
resource rcg 'Microsoft.Network/firewallPolicies/ruleCollectionGroups@2023-09-01' = {
  properties: {
    ruleCollections: [
      {
        action: { type: 'Allow' }
        rules: [
          {
            ruleType: 'ApplicationRule'
            protocols: [ { protocolType: 'Https', port: 443 }, { protocolType: 'Https', port: 587 } ]
            targetFqdns: concat(hosts, more, [ 'a\\'b' ])
            fqdnTags: [ 'Office365.Exchange.Optimize', 'WindowsUpdate', 'Office365.Skype.Optimise' ]
          }
          {
            ruleType: 'NetworkRule'
            ipProtocols: [ 'TCP', 'UDP' ]
            destinationAddresses: [ '52.112.0.0/14', 'Office365.Common.Allow.Required', '*' ]
            destinationPorts: [ '443', '3478-3481' ]
          }
        ]
      }
    ]
  }
}
resource site 'Microsoft.Web/sites@2023-12-01' = {
  properties: {
    siteConfig: {
      ipSecurityRestrictions: [for (ip, i) in [ '13.107.6.152/31', '10.0.0.0' ]: {
        ipAddress: ip
        subnetMask: i == 1 ? '255.0.0.0' : null
        action: 'Allow'
      }]
    }
  }
}
`;

const ARM_SAMPLE = `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "parameters": { "ips": { "type": "array", "defaultValue": ["52.112.0.0/14"] }, "more": { "type": "array" } },
  "variables": {
    // hosts
    "hosts": ["outlook.office365.com", "[concat('a', '.example.com')]", "[[literal"]
  },
  "resources": [
    {
      "type": "Microsoft.Network/firewallPolicies/ruleCollectionGroups",
      "properties": {
        "ruleCollections": [
          {
            "rules": [
              { "ruleType": "ApplicationRule", "protocols": [{ "protocolType": "Https", "port": 443 }],
                "targetFqdns": "[concat(variables('hosts'), parameters('more'))]", "fqdnTags": ["Office365.Exchange.Optimize"] },
              { "ruleType": "NetworkRule", "ipProtocols": ["Any"], "destinationPorts": ["*"],
                "destinationAddresses": "[parameters('ips')]" } /* trailing */
            ]
          }
        ]
      }
    },
    {
      "type": "Microsoft.Web/sites",
      "copy": { "name": "sites", "count": 2 },
      "properties": { "siteConfig": { "copy": [{ "name": "ipSecurityRestrictions", "count": 1,
        "input": { "ipAddress": "[parameters('ips')[copyIndex('ipSecurityRestrictions')]]" } }] } }
    }
  ]
}
`;

function samples(): string[] {
  const builtIn = [BICEP_SAMPLE, ARM_SAMPLE];
  const dir = path.join(corpus, 'bicep');
  if (!existsSync(dir)) return builtIn;
  return [
    ...builtIn,
    ...readdirSync(dir).map((name) => readFileSync(path.join(dir, name), 'utf8')),
  ];
}

/** Characters that mean something to Bicep or to JSON, plus a few that mean trouble. */
const SPECIAL = [
  ...'\n\r\t \'"{}[](),:.?!=<>+-*/%|&@$\\#;0123456789abx',
  "'''",
  '${',
  '//',
  '/*',
  '*/',
  '[[',
  '...',
  '\0',
  '\uFEFF',
  '\uFFFD',
  '\u00A0',
  'é',
  '𝔸',
];

type Mutation = (text: string) => string;

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc
    .tuple(
      fc.nat(),
      fc.oneof(fc.constantFrom(...SPECIAL), fc.string({ unit: 'binary', maxLength: 4 })),
    )
    .map(([at, s]): Mutation => (t) => {
      const i = at % (t.length + 1);
      return t.slice(0, i) + s + t.slice(i);
    }),
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 60 })).map(([at, n]): Mutation => (t) => {
    const i = at % (t.length + 1);
    return t.slice(0, i) + t.slice(i + n);
  }),
  fc.tuple(fc.nat(), fc.constantFrom(...SPECIAL)).map(([at, s]): Mutation => (t) => {
    if (t.length === 0) return s;
    const i = at % t.length;
    return t.slice(0, i) + s + t.slice(i + 1);
  }),
  fc.tuple(fc.nat(), fc.nat()).map(([from, to]): Mutation => (t) => {
    const lines = t.split('\n');
    const line = lines[from % lines.length]!;
    lines.splice(to % (lines.length + 1), 0, line);
    return lines.join('\n');
  }),
  fc.string({ unit: 'binary', maxLength: 200 }).map(
    (s): Mutation =>
      () =>
        s,
  ),
);

/** Every location must point into the text: line 0 (whole file) or a real line, a column on it. */
function checkLocations(text: string, parsed: ParsedFile): void {
  const lines = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split('\n');
  const check = (loc: SourceLocation) => {
    expect(loc.line).toBeGreaterThanOrEqual(0);
    expect(loc.column).toBeGreaterThanOrEqual(1);
    if (loc.line > 0) {
      expect(loc.line).toBeLessThanOrEqual(lines.length);
      expect(loc.column).toBeLessThanOrEqual(lines[loc.line - 1]!.length + 1);
    }
  };
  for (const entry of parsed.entries) check(entry.location);
  for (const problem of parsed.problems) check(problem.location);
}

describe('bicep and arm fuzz', () => {
  const texts = samples();

  it.each([
    ['bicep', BICEP],
    ['arm', ARM],
  ] as const)('%s never throws and keeps locations inside the text', (id, format) => {
    fc.assert(
      fc.property(
        fc.constantFrom(...texts.keys()),
        fc.array(mutation, { minLength: 1, maxLength: 6 }),
        (index, mutations) => {
          const text = mutations.reduce((t, m) => m(t), texts[index]!);
          const parsed = format.parse({ path: `fuzz.${id}`, text });
          expect(parsed.format).toBe(id);
          checkLocations(text, parsed);
        },
      ),
      { numRuns: 300 },
    );
  });

  it.each([
    ['bicep', BICEP],
    ['arm', ARM],
  ] as const)('%s reads the unmutated samples without errors', (_id, format) => {
    const text = format === BICEP ? BICEP_SAMPLE : ARM_SAMPLE;
    const parsed = format.parse({ path: 'sample', text });
    expect(parsed.entries.length).toBeGreaterThan(0);
    checkLocations(text, parsed);
  });
});
