import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Entry, ParsedFile, ParseProblem } from '../../../src/model/entry.js';
import { BICEP } from '../../../src/formats/allowlist/bicep.js';
import type { ParseOptions } from '../../../src/formats/format.js';

const corpus = path.resolve(import.meta.dirname, '../../..', '../shared/corpus');

function parse(text: string, options?: ParseOptions, file = 'main.bicep'): ParsedFile {
  return BICEP.parse({ path: file, text }, options);
}

function summary(e: Entry) {
  return {
    kind: e.kind,
    text: e.text,
    line: e.location.line,
    column: e.location.column,
    ports: e.ports ? `tcp ${e.ports.tcp} / udp ${e.ports.udp}` : undefined,
    comment: e.comment,
  };
}

function problem(p: ParseProblem) {
  return {
    severity: p.severity ?? 'error',
    line: p.location.line,
    column: p.location.column,
    message: p.message,
  };
}

const SAMPLE = `@description('Tenant name used in host names')
param tenant string = 'contoso'
param extraFqdns array
param teamsPorts string = '3478-3481'

var exchange = [
  'outlook.office365.com' // mailbox access
  '\${tenant}.mail.protection.outlook.com'
]

resource policy 'Microsoft.Network/firewallPolicies@2023-09-01' existing = {
  name: 'fwp'
}

resource rcg 'Microsoft.Network/firewallPolicies/ruleCollectionGroups@2023-09-01' = {
  parent: policy
  name: 'm365'
  properties: {
    priority: 200
    ruleCollections: [
      {
        ruleCollectionType: 'FirewallPolicyFilterRuleCollection'
        action: { type: 'Allow' }
        rules: [
          // Exchange Online
          {
            ruleType: 'ApplicationRule'
            name: 'exo'
            protocols: [ { protocolType: 'Https', port: 443 }, { protocolType: 'Http' } ]
            targetFqdns: concat(exchange, extraFqdns)
            fqdnTags: [ 'Office365.Exchange.Optimize' ]
          }
          {
            ruleType: 'NetworkRule'
            name: 'teams'
            ipProtocols: [ 'UDP' ]
            destinationAddresses: [ '52.112.0.0/14', 'Office365.Skype.Optimize', '2603:1063::/38' ]
            destinationPorts: [ teamsPorts ]
          }
        ]
      }
      {
        ruleCollectionType: 'FirewallPolicyFilterRuleCollection'
        action: { type: 'Deny' }
        rules: [
          { ruleType: 'ApplicationRule', name: 'no', targetFqdns: [ 'blocked.example.com' ] }
        ]
      }
    ]
  }
}

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app'
  location: resourceGroup().location
  properties: {
    siteConfig: {
      ipSecurityRestrictions: [for (cidr, i) in [ '13.107.6.152/31', '40.96.0.0/13' ]: {
        ipAddress: cidr
        action: 'Allow'
        priority: 100 + i
      }]
    }
  }
}

resource web 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: site
  name: 'web'
  properties: {
    ipSecurityRestrictions: [
      { ipAddress: 'AzureFrontDoor.Backend,Office365.Common.Allow.Required', tag: 'ServiceTag', action: 'Allow' }
      { ipAddress: '10.0.0.0/8', action: 'Deny' }
      { ipAddress: '192.0.2.0', subnetMask: '255.255.255.0' }
    ]
  }
}
`;

const INBOUND =
  '"ipSecurityRestrictions" limits who may reach the app (inbound traffic); its addresses are compared as an allowlist';

describe('bicep: valid input', () => {
  it('reads firewall policy rules, access restrictions, variables, loops and interpolation', () => {
    const parsed = parse(SAMPLE);
    expect(parsed.format).toBe('bicep');
    expect(parsed.entries.map(summary)).toEqual([
      {
        kind: 'host',
        text: 'outlook.office365.com',
        line: 7,
        column: 4,
        ports: 'tcp 80,443 / udp ',
        comment: 'mailbox access',
      },
      {
        // Interpolated from a parameter default; the comment above the rule applies.
        kind: 'host',
        text: 'contoso.mail.protection.outlook.com',
        line: 8,
        column: 4,
        ports: 'tcp 80,443 / udp ',
        comment: 'Exchange Online',
      },
      {
        kind: 'reference',
        text: 'Office365.Exchange.Optimize',
        line: 31,
        column: 26,
        ports: 'tcp 80,443 / udp ',
        comment: 'Exchange Online',
      },
      {
        kind: 'ip',
        text: '52.112.0.0/14',
        line: 37,
        column: 38,
        ports: 'tcp  / udp 3478-3481',
        comment: undefined,
      },
      {
        kind: 'reference',
        text: 'Office365.Skype.Optimize',
        line: 37,
        column: 55,
        ports: 'tcp  / udp 3478-3481',
        comment: undefined,
      },
      {
        kind: 'ip',
        text: '2603:1063::/38',
        line: 37,
        column: 83,
        ports: 'tcp  / udp 3478-3481',
        comment: undefined,
      },
      {
        kind: 'ip',
        text: '13.107.6.152/31',
        line: 58,
        column: 52,
        ports: undefined,
        comment: undefined,
      },
      {
        kind: 'ip',
        text: '40.96.0.0/13',
        line: 58,
        column: 71,
        ports: undefined,
        comment: undefined,
      },
      {
        kind: 'reference',
        text: 'Office365.Common.Allow.Required',
        line: 72,
        column: 44,
        ports: undefined,
        comment: undefined,
      },
      {
        kind: 'ip',
        text: '192.0.2.0',
        line: 74,
        column: 21,
        ports: undefined,
        comment: undefined,
      },
    ]);
    expect(parsed.problems.map(problem)).toEqual([
      {
        severity: 'notice',
        line: 30,
        column: 43,
        message:
          'parameter "extraFqdns" has no default value; the entries it holds are not checked',
      },
      { severity: 'notice', line: 58, column: 7, message: INBOUND },
      { severity: 'notice', line: 71, column: 5, message: INBOUND },
      {
        severity: 'notice',
        line: 72,
        column: 21,
        message:
          'service tag "AzureFrontDoor.Backend" is not a Microsoft 365 tag; what it allows is not compared',
      },
    ]);
  });

  it('keeps what each entry means: tags as references, a subnet mask as a prefix', () => {
    const parsed = parse(SAMPLE);
    const mask = parsed.entries.find((e) => e.text === '192.0.2.0');
    expect(mask?.kind === 'ip' && mask.block.key()).toBe('192.0.2.0/24');
    const skype = parsed.entries.find((e) => e.text === 'Office365.Skype.Optimize');
    expect(skype?.kind === 'reference' && skype.reference).toEqual({
      scheme: 'azure-service-tag',
      serviceAreas: ['Skype'],
      categories: ['Optimize'],
      required: undefined,
      addressKinds: ['ipv4'],
    });
  });

  it('uses configured parameter values instead of defaults', () => {
    const parsed = parse(SAMPLE, {
      settings: { parameters: { tenant: 'fabrikam', extraFqdns: ['*.sharepoint.com'] } },
    });
    const hosts = parsed.entries.filter((e) => e.kind === 'host').map(summary);
    expect(hosts).toEqual([
      expect.objectContaining({ text: 'outlook.office365.com', line: 7, column: 4 }),
      expect.objectContaining({ text: 'fabrikam.mail.protection.outlook.com', line: 8 }),
      // A configured value has no place in the file: it is reported where it is used.
      expect.objectContaining({ text: '*.sharepoint.com', line: 30, column: 43 }),
    ]);
    expect(parsed.problems.map((p) => p.message)).not.toContain(
      'parameter "extraFqdns" has no default value; the entries it holds are not checked',
    );
  });

  it.each([
    [
      'classic Azure Firewall rule collections',
      `resource fw 'Microsoft.Network/azureFirewalls@2023-09-01' = {
  properties: {
    applicationRuleCollections: [
      {
        name: 'm365'
        properties: {
          action: { type: 'Allow' }
          rules: [
            {
              protocols: [ { protocolType: 'Https', port: 443 } ]
              targetFqdns: [ '*.sharepoint.com' ]
            }
          ]
        }
      }
    ]
    networkRuleCollections: [
      {
        properties: {
          action: { type: 'Allow' }
          rules: [ { protocols: [ 'TCP', 'UDP' ], destinationPorts: [ '443' ], destinationAddresses: [ '13.107.136.0/22' ] } ]
        }
      }
    ]
    natRuleCollections: [
      { properties: { rules: [ { destinationAddresses: [ '203.0.113.1' ] } ] } }
    ]
  }
}`,
      [
        ['host', '*.sharepoint.com', 11, 31, 'tcp 443 / udp '],
        ['ip', '13.107.136.0/22', 21, 105, 'tcp 443 / udp 443'],
      ],
    ],
    [
      'a resource loop, nested resources and comma-separated objects',
      `var rules = [
  { name: 'a', fqdns: [ 'a.example.com' ] }
  { name: 'b', fqdns: [ 'b.example.com' ] }
]
resource fp 'Microsoft.Network/firewallPolicies@2023-09-01' = {
  name: 'fp'
  resource rcg 'ruleCollectionGroups' = [for r in rules: {
    name: r.name
    properties: {
      ruleCollections: [ { rules: [ { ruleType: 'ApplicationRule', targetFqdns: r.fqdns, protocols: [ { protocolType: 'Https', port: 443 } ] } ] } ]
    }
  }]
}`,
      [
        ['host', 'a.example.com', 2, 26, 'tcp 443 / udp '],
        ['host', 'b.example.com', 3, 26, 'tcp 443 / udp '],
      ],
    ],
    [
      'a module whose parameters hold rule collections, and a multi-line string',
      `module policy 'br/public:avm/res/network/firewall-policy:0.3.0' = {
  params: {
    name: 'fp'
    ruleCollectionGroups: [
      {
        ruleCollections: [
          {
            rules: [
              {
                ruleType: 'NetworkRule'
                ipProtocols: [ 'Any' ]
                destinationPorts: [ '*' ]
                destinationFqdns: [ '''
smtp.office365.com''' ]
                destinationAddresses: [ '*' ]
              }
            ]
          }
        ]
      }
    ]
  }
}`,
      [
        // 0.0.0.0/0 and ::/0
        ['ip', '*', 15, 42, 'tcp any / udp any'],
        ['ip', '*', 15, 42, 'tcp any / udp any'],
        ['host', 'smtp.office365.com', 14, 1, 'tcp any / udp any'],
      ],
    ],
    [
      'unions, spreads, indexes and escapes',
      `var a = [ 'a.example.com' ]
var b = union(a, [ 'a.example.com', '\\u{62}c.example.com' ])
var c = { fqdns: [ ...b, toLower('C.EXAMPLE.COM') ] }
resource r 'Microsoft.Network/firewallPolicies/ruleCollectionGroups@2023-09-01' = {
  properties: {
    ruleCollections: [ { rules: [ { ruleType: 'ApplicationRule', targetFqdns: c.fqdns } ] } ]
  }
}`,
      [
        ['host', 'a.example.com', 1, 12, undefined],
        ['host', 'bc.example.com', 2, 38, undefined],
        ['host', 'c.example.com', 3, 35, undefined],
      ],
    ],
  ])('reads %s', (_name, text, expected) => {
    const parsed = parse(text);
    const errors = parsed.problems.filter((p) => (p.severity ?? 'error') === 'error');
    expect(errors.map(problem)).toEqual([]);
    expect(
      parsed.entries.map((e) => {
        const s = summary(e);
        return [s.kind, s.text, s.line, s.column, s.ports];
      }),
    ).toEqual(expected);
  });
});

/** A rule of a rule collection group, with `body` written at the rule's indentation. */
function rule(body: string): string {
  return `resource r 'Microsoft.Network/firewallPolicies/ruleCollectionGroups@2023-09-01' = {
  properties: {
    ruleCollections: [
      {
        rules: [
          {
${body}
          }
        ]
      }
    ]
  }
}`;
}

describe('bicep: malformed input', () => {
  it.each([
    ['an unterminated string', "var x = 'abc\nvar y = 1", [[1, 9, 'unterminated string']]],
    [
      'an unexpected character',
      'var x = #',
      [
        [1, 9, 'unexpected character "#"'],
        [1, 10, 'expected a value, found the end of the file'],
      ],
    ],
    [
      'a missing "="',
      "var x 'a'\n",
      [[1, 10, 'expected "=" after the variable name, found the end of the line']],
    ],
    [
      'an unknown declaration',
      'foo bar\nvar y = 1',
      [[1, 1, 'expected a declaration such as param, var or resource, found "foo"']],
    ],
    ['an invalid escape', "var x = '\\q'", [[1, 10, 'invalid escape "\\q" in a string']]],
    [
      'an unterminated multi-line string',
      "var x = '''abc",
      [[1, 9, "unterminated multi-line string (''')"]],
    ],
    [
      'an unclosed array',
      "var x = [\n  'a'\n",
      [[3, 1, 'expected "]", found the end of the file']],
    ],
    [
      'a resource without a body',
      "resource r 'Microsoft.Web/sites@2023-01-01' =",
      [[1, 46, 'expected a value, found the end of the file']],
    ],
    [
      'a host name with a space',
      rule(
        "            ruleType: 'ApplicationRule'\n            targetFqdns: [ 'exa mple.com', 'good.example.com' ]",
      ),
      [[8, 29, '"exa mple.com" contains a space']],
    ],
    [
      'a prefix length out of range',
      rule(
        "            ruleType: 'NetworkRule'\n            ipProtocols: [ 'TCP' ]\n            destinationPorts: [ '443' ]\n            destinationAddresses: [ '52.112.0.0/33' ]",
      ),
      [[10, 38, 'prefix length 33 is out of range for IPv4 (0-32) in "52.112.0.0/33"']],
    ],
    [
      'an unknown protocol and a port out of range',
      rule(
        "            ruleType: 'NetworkRule'\n            ipProtocols: [ 'SCTP' ]\n            destinationPorts: [ '70000' ]\n            destinationAddresses: [ '52.112.0.0/14' ]",
      ),
      [
        [8, 29, 'unknown protocol "SCTP" (expected TCP, UDP, ICMP or Any)'],
        [9, 34, 'port 70000 is out of range (0-65535)'],
      ],
    ],
    [
      'a host name among addresses',
      rule(
        "            ruleType: 'NetworkRule'\n            ipProtocols: [ 'TCP' ]\n            destinationPorts: [ '443' ]\n            destinationAddresses: [ 'login.microsoftonline.com' ]",
      ),
      [
        [
          10,
          38,
          '"login.microsoftonline.com" is not an address or a service tag (host names go in destinationFqdns)',
        ],
      ],
    ],
    [
      'a string where a list belongs',
      rule("            ruleType: 'ApplicationRule'\n            targetFqdns: 'a.example.com'"),
      [[8, 27, '"targetFqdns" must be an array, not "a.example.com"']],
    ],
    [
      'a port that is not a number, and an unknown protocol type',
      rule(
        "            ruleType: 'ApplicationRule'\n            protocols: [ { protocolType: 'Https', port: 'x' }, { protocolType: 'Htps', port: 443 } ]\n            targetFqdns: [ 'a.example.com' ]",
      ),
      [
        [8, 58, '"port" must be a port number, not "x"'],
        [8, 81, 'unknown protocol type "Htps" (expected Http, Https or Mssql)'],
      ],
    ],
    [
      'a misspelt Microsoft 365 tag',
      rule(
        "            ruleType: 'ApplicationRule'\n            fqdnTags: [ 'Office365.Exchange.Optimise' ]",
      ),
      [
        [
          8,
          26,
          'unknown FQDN tag "Office365.Exchange.Optimise"; did you mean "Office365.Exchange.Optimize"?',
        ],
      ],
    ],
    [
      'expressions nested thousands deep',
      'var x = ' + '['.repeat(5000),
      [
        [1, 209, 'expressions are nested too deeply'],
        [1, 5009, 'expected "]", found the end of the file'],
      ],
    ],
  ])('%s', (_name, text, expected) => {
    const parsed = parse(text);
    expect(
      parsed.problems
        .filter((p) => (p.severity ?? 'error') === 'error')
        .map((p) => [p.location.line, p.location.column, p.message]),
    ).toEqual(expected);
  });

  it('goes on after a malformed item, in the same list', () => {
    const text = `var x = [
  'a.example.com' 'b'
  ]
resource s 'Microsoft.Web/sites@2023-01-01' = {
  properties: {
    ipSecurityRestrictions: [
      { ipAddress: '10.0.0.1' } }
      { ipAddress: '10.0.0.2' }
    ]
  }
}`;
    const parsed = parse(text);
    expect(parsed.problems.filter((p) => p.severity === undefined).map(problem)).toEqual([
      {
        severity: 'error',
        line: 2,
        column: 19,
        message: 'expected a new line, "," or "]", found a string',
      },
      {
        severity: 'error',
        line: 7,
        column: 33,
        message: 'expected a new line, "," or "]", found "}"',
      },
    ]);
    expect(parsed.entries.map((e) => [e.text, e.location.line, e.location.column])).toEqual([
      ['10.0.0.1', 7, 21],
      ['10.0.0.2', 8, 21],
    ]);
  });

  it('warns about tags and STARTTLS ports that the firewall does not apply', () => {
    const text = `resource fw 'Microsoft.Network/azureFirewalls@2023-09-01' = {
  properties: {
    applicationRuleCollections: [
      {
        properties: {
          action: { type: 'Allow' }
          rules: [ { fqdnTags: [ 'Office365.Exchange.Optimize' ], protocols: [ { protocolType: 'Https', port: 587 } ], targetFqdns: [ 'smtp.office365.com' ] } ]
        }
      }
    ]
  }
}`;
    const parsed = parse(text);
    expect(parsed.problems.map(problem)).toEqual([
      {
        severity: 'warning',
        line: 7,
        column: 35,
        message:
          'FQDN tag "Office365.Exchange.Optimize" works only in firewall policy rules, not in classic rule collections; it allows nothing here',
      },
      {
        severity: 'warning',
        line: 7,
        column: 111,
        message:
          '"Https" on port 587 does not carry SMTP submission: an application rule needs HTTP or TLS from the first byte, and SMTP submission starts in plain text (STARTTLS)',
      },
    ]);
    // The port that does not work is not allowed.
    expect(parsed.entries.map(summary)).toEqual([
      {
        kind: 'host',
        text: 'smtp.office365.com',
        line: 7,
        column: 136,
        ports: 'tcp  / udp ',
        comment: undefined,
      },
    ]);
  });

  it('reports what needs a deployment where it is written, once', () => {
    const text = `param ips array
var more = split(loadTextContent('ips.txt'), ',')
resource s 'Microsoft.Web/sites@2023-01-01' = {
  properties: {
    ipSecurityRestrictions: [for ip in concat(ips, more, [ other.properties.ip ]): { ipAddress: ip }]
    scmIpSecurityRestrictions: [for ip in concat(ips, more): { ipAddress: ip }]
  }
}`;
    expect(parse(text).problems.map(problem)).toEqual([
      {
        severity: 'notice',
        line: 2,
        column: 12,
        message:
          "\"split(loadTextContent('ips.txt'), ',')\" is computed when deploying; the entries it yields are not checked",
      },
      { severity: 'notice', line: 5, column: 5, message: INBOUND },
      {
        severity: 'notice',
        line: 5,
        column: 47,
        message: 'parameter "ips" has no default value; the entries it holds are not checked',
      },
      {
        severity: 'error',
        line: 5,
        column: 60,
        message: '"other" is not declared',
      },
      {
        severity: 'notice',
        line: 6,
        column: 50,
        message: 'parameter "ips" has no default value; the entries it holds are not checked',
      },
    ]);
  });

  it('knows imported names and skips linter directives', () => {
    const text = `import { allowed, other as renamed } from './shared.bicep'
import * as lib from './lib.bicep'
#disable-next-line no-unused-vars
var hosts = [ 'a.example.com' ]
resource r 'Microsoft.Network/firewallPolicies/ruleCollectionGroups@2023-09-01' = {
  properties: { ruleCollections: [ { rules: [ { ruleType: 'ApplicationRule', targetFqdns: concat(hosts, renamed, lib.hosts, other) } ] } ] }
}`;
    const parsed = parse(text);
    expect(parsed.entries.map((e) => e.text)).toEqual(['a.example.com']);
    expect(parsed.problems.map(problem)).toEqual([
      {
        severity: 'notice',
        line: 6,
        column: 105,
        message: '"renamed" is imported from another file; the entries it holds are not checked',
      },
      {
        severity: 'notice',
        line: 6,
        column: 114,
        message: '"lib" is imported from another file; the entries it holds are not checked',
      },
      // Only the alias is in scope.
      { severity: 'error', line: 6, column: 125, message: '"other" is not declared' },
    ]);
  });

  it('reads a variable that refers to itself without looping', () => {
    const text = `var a = b
var b = a
resource r 'Microsoft.Network/firewallPolicies/ruleCollectionGroups@2023-09-01' = {
  properties: { ruleCollections: [ { rules: [ { ruleType: 'ApplicationRule', targetFqdns: a } ] } ] }
}`;
    expect(parse(text).problems.map(problem)).toEqual([
      {
        severity: 'notice',
        line: 2,
        column: 9,
        message: 'variable "a" refers to itself',
      },
    ]);
  });

  it('reports a file that is not text', () => {
    expect(parse('var x = 1\0').problems.map(problem)).toEqual([
      {
        severity: 'error',
        line: 0,
        column: 1,
        message: '"main.bicep" is not a text file (it contains NUL bytes)',
      },
    ]);
  });
});

describe('bicep: detection', () => {
  it.each([
    ['main.bicep', 'param x string', 10],
    ['infra/FIREWALL.BICEP', '', 10],
    ['main.bicepparam', "using './main.bicep'", 0],
    ['rules.txt', "resource fw 'Microsoft.Network/azureFirewalls@2023-09-01' = {\n}", 3],
    ['azuredeploy.json', "resource fw 'Microsoft.Network/azureFirewalls@2023-09-01' = {\n}", 0],
    ['list.txt', 'outlook.office365.com', 0],
  ])('%s', (file, text, score) => {
    expect(BICEP.detect({ path: file, text })).toBe(score);
  });
});

describe.skipIf(!existsSync(corpus))('bicep: corpus', () => {
  const read = (name: string) => {
    const relative = `bicep/${name}`;
    return BICEP.parse({ path: relative, text: readFileSync(path.join(corpus, relative), 'utf8') });
  };

  it('compensar rule collection group: 26 rules, 13 Office365 tags and 23 target FQDNs', () => {
    const parsed = read('compensar-rcg-app-internet.bicep');
    const refs = parsed.entries.filter((e) => e.kind === 'reference');
    const hosts = parsed.entries.filter((e) => e.kind === 'host');
    expect(parsed.entries).toHaveLength(36);
    expect(refs.map((e) => e.text)).toEqual([
      'Office365.Exchange.Optimize',
      'Office365.Exchange.Allow.Required',
      'Office365.Exchange.Default.Required',
      'Office365.Skype.Allow.Required',
      'Office365.Skype.Default.Required',
      'Office365.Skype.Default.NotRequired',
      'Office365.Skype.Allow.NotRequired',
      'Office365.SharePoint.Optimize',
      'Office365.SharePoint.Default.NotRequired',
      'Office365.SharePoint.Default.Required',
      'Office365.Common.Default.NotRequired',
      'Office365.Common.Allow.Required',
      'Office365.Common.Default.Required',
    ]);
    expect(refs.map((e) => e.location.line)).toEqual([
      117, 118, 119, 120, 121, 122, 123, 124, 125, 126, 127, 128, 129,
    ]);
    // The Exchange tags for optional endpoints are not there.
    const exchange = refs.flatMap((e) =>
      e.kind === 'reference' && e.reference.serviceAreas?.includes('Exchange')
        ? [`${e.reference.categories?.join()}:${e.reference.required}`]
        : [],
    );
    expect(exchange).toEqual(['Optimize:undefined', 'Allow:true', 'Default:true']);
    expect(hosts).toHaveLength(23);
    expect(hosts.every((e) => e.kind === 'host' && e.pattern.isWildcard)).toBe(true);
    expect(hosts.find((e) => e.text === '*.microsoft.com')).toMatchObject({
      location: { line: 248, column: 29 },
    });
    // "Https" on 587 cannot carry SMTP submission: only 443 is allowed, with a warning each.
    for (const [text, line] of [
      ['*.outlook.com', 266],
      ['*.office365.com', 284],
    ] as const) {
      const e = hosts.find((h) => h.text === text)!;
      expect(summary(e)).toMatchObject({ line, column: 29, ports: 'tcp 443 / udp ' });
    }
    const warnings = parsed.problems.filter((p) => p.severity === 'warning');
    expect(warnings.map((p) => [p.location.line, p.location.column, p.text])).toEqual([
      [263, 46, '587'],
      [281, 46, '587'],
    ]);
    expect(summary(hosts.find((e) => e.text === '*.pruaws.compensar.co')!).comment).toBe(
      'Excel lo trae así en esa fila',
    );
    const notices = parsed.problems.filter((p) => p.severity === 'notice');
    expect(notices.map((p) => p.text)).toEqual([
      'computersandtechnology',
      'informationsecurity',
      'AppServiceEnvironment',
      'AzureBackup',
      'AzureKubernetesService',
      'HDInsight',
      'MicrosoftActiveProtectionService',
      'Windows365',
      'WindowsDiagnostics',
      'WindowsUpdate',
      'WindowsVirtualDesktop',
    ]);
    expect(parsed.problems.filter((p) => p.severity === undefined)).toEqual([]);
  });

  it('healthcare App Service: 28 IPv4 prefixes from a variable, read through a for-expression', () => {
    const parsed = read('healthcare-agent-orchestrator-appservice.bicep');
    expect(parsed.entries).toHaveLength(28);
    expect(parsed.entries.every((e) => e.kind === 'ip' && e.block.family === 4)).toBe(true);
    expect(summary(parsed.entries[0]!)).toEqual({
      kind: 'ip',
      text: '13.107.6.152/31',
      line: 45,
      column: 4,
      ports: undefined,
      comment: 'Exchange Online (existing ranges)',
    });
    const byText = new Map(parsed.entries.map((e) => [e.text, e]));
    expect(byText.get('52.112.0.0/14')?.comment).toBe('Teams core services & media (ID 11, 12)');
    expect(byText.get('20.190.128.0/18')?.comment).toBe('Azure AD authentication (ID 56)');
    expect(byText.get('104.47.0.0/17')).toMatchObject({
      location: { line: 82, column: 4 },
      comment: 'Exchange Protection (ID 9, 10)',
    });
    // The Teams set as listed elsewhere is incomplete here.
    expect(byText.has('13.107.64.0/18')).toBe(false);
    expect(parsed.problems.map(problem)).toEqual([
      {
        severity: 'notice',
        line: 86,
        column: 62,
        message:
          '"split(additionalAllowedIps, \',\')" is computed when deploying; the entries it yields are not checked',
      },
      { severity: 'notice', line: 134, column: 7, message: INBOUND },
    ]);
  });
});
