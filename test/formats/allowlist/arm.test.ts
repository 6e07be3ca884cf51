import { describe, expect, it } from 'vitest';
import type { Entry, ParsedFile, ParseProblem } from '../../../src/model/entry.js';
import { ARM, stripJsonComments } from '../../../src/formats/allowlist/arm.js';
import type { ParseOptions } from '../../../src/formats/format.js';

function parse(text: string, options?: ParseOptions, file = 'azuredeploy.json'): ParsedFile {
  return ARM.parse({ path: file, text }, options);
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
  return [p.severity ?? 'error', p.location.line, p.location.column, p.message];
}

const SAMPLE = `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "tenant": { "type": "string", "defaultValue": "contoso" },
    "extraFqdns": { "type": "array" },
    "teamsIps": { "type": "array", "defaultValue": ["52.112.0.0/14", "52.122.0.0/15"] }
  },
  "variables": {
    // Exchange Online
    "exchange": ["outlook.office365.com", "[concat(parameters('tenant'), '.mail.protection.outlook.com')]"],
    "literal": "[[not an expression]"
  },
  "resources": [
    {
      "type": "Microsoft.Network/firewallPolicies/ruleCollectionGroups",
      "apiVersion": "2023-09-01",
      "name": "fwp/m365",
      "properties": {
        "ruleCollections": [
          {
            "ruleCollectionType": "FirewallPolicyFilterRuleCollection",
            "action": { "type": "Allow" },
            "rules": [
              {
                "ruleType": "ApplicationRule",
                "protocols": [{ "protocolType": "Https", "port": 443 }],
                "targetFqdns": "[concat(variables('exchange'), parameters('extraFqdns'))]",
                "fqdnTags": ["Office365.Exchange.Optimize"] /* the tag covers the rest */
              },
              {
                "ruleType": "NetworkRule",
                "ipProtocols": ["UDP"],
                "destinationAddresses": "[parameters('teamsIps')]",
                "destinationPorts": ["3478-3481"]
              }
            ]
          }
        ]
      }
    },
    {
      "type": "Microsoft.Network/azureFirewalls",
      "apiVersion": "2023-09-01",
      "name": "fw",
      "properties": {
        "networkRuleCollections": [
          {
            "name": "m365",
            "properties": {
              "action": { "type": "Allow" },
              "rules": [
                { "protocols": ["TCP"], "destinationPorts": ["443", "80"], "destinationAddresses": ["13.107.6.152/31"] }
              ]
            }
          }
        ]
      }
    },
    {
      "type": "Microsoft.Web/sites/config",
      "apiVersion": "2023-12-01",
      "name": "[concat('app-', copyIndex(), '/web')]",
      "copy": { "name": "apps", "count": 2 },
      "properties": {
        "copy": [
          {
            "name": "ipSecurityRestrictions",
            "count": "[length(parameters('teamsIps'))]",
            "input": {
              "ipAddress": "[parameters('teamsIps')[copyIndex('ipSecurityRestrictions')]]",
              "action": "[if(equals(copyIndex('apps'), 0), 'Allow', 'Allow')]"
            }
          }
        ]
      }
    }
  ]
}
`;

describe('arm: valid input', () => {
  it('reads rules and restrictions through parameters, variables, functions and copy loops', () => {
    const parsed = parse(SAMPLE);
    expect(parsed.format).toBe('arm');
    expect(parsed.entries.map(summary)).toEqual([
      {
        kind: 'host',
        text: 'outlook.office365.com',
        line: 11,
        column: 19,
        ports: 'tcp 443 / udp ',
        comment: 'Exchange Online',
      },
      {
        // Computed from a parameter default: placed at the expression that makes it.
        kind: 'host',
        text: 'contoso.mail.protection.outlook.com',
        line: 11,
        column: 44,
        ports: 'tcp 443 / udp ',
        comment: 'Exchange Online',
      },
      {
        kind: 'reference',
        text: 'Office365.Exchange.Optimize',
        line: 29,
        column: 31,
        ports: 'tcp 443 / udp ',
        comment: 'the tag covers the rest',
      },
      {
        kind: 'ip',
        text: '52.112.0.0/14',
        line: 7,
        column: 54,
        ports: 'tcp  / udp 3478-3481',
        comment: undefined,
      },
      {
        kind: 'ip',
        text: '52.122.0.0/15',
        line: 7,
        column: 71,
        ports: 'tcp  / udp 3478-3481',
        comment: undefined,
      },
      {
        kind: 'ip',
        text: '13.107.6.152/31',
        line: 53,
        column: 102,
        ports: 'tcp 80,443 / udp ',
        comment: undefined,
      },
      // The restrictions made by the copy loop (the same for both copies of the resource).
      {
        kind: 'ip',
        text: '52.112.0.0/14',
        line: 7,
        column: 54,
        ports: undefined,
        comment: undefined,
      },
      {
        kind: 'ip',
        text: '52.122.0.0/15',
        line: 7,
        column: 71,
        ports: undefined,
        comment: undefined,
      },
    ]);
    expect(parsed.problems.map(problem)).toEqual([
      [
        'notice',
        28,
        33,
        'parameter "extraFqdns" has no default value; the entries it holds are not checked',
      ],
      [
        'notice',
        68,
        22,
        '"ipSecurityRestrictions" limits who may reach the app (inbound traffic); its addresses are compared as an allowlist',
      ],
    ]);
  });

  it('uses configured parameter values instead of defaults', () => {
    const parsed = parse(SAMPLE, {
      settings: { parameters: { TeamsIps: ['52.238.119.141/32'], extraFqdns: [] } },
    });
    expect(parsed.problems.map(problem)).toEqual([
      [
        'notice',
        68,
        22,
        '"ipSecurityRestrictions" limits who may reach the app (inbound traffic); its addresses are compared as an allowlist',
      ],
    ]);
    expect(
      parsed.entries.filter((e) => e.kind === 'ip').map((e) => [e.text, e.location.line]),
    ).toEqual([
      ['52.238.119.141/32', 34],
      ['13.107.6.152/31', 53],
      ['52.238.119.141/32', 71],
    ]);
  });

  it('reads symbolic-name resources, escaped brackets and access restrictions', () => {
    const text = `{
  "languageVersion": "2.0",
  "resources": {
    "site": {
      "type": "Microsoft.Web/sites",
      "properties": {
        "siteConfig": {
          "scmIpSecurityRestrictions": [
            { "ipAddress": "AzureCloud", "tag": "ServiceTag" },
            { "ipAddress": "[[literal]" },
            { "ipAddress": "198.51.100.0/24", "action": "Deny" },
            { "ipAddress": "Any", "action": "Allow" }
          ]
        }
      }
    }
  }
}`;
    const parsed = parse(text);
    expect(parsed.entries.map((e) => [e.kind, e.text, e.location.line, e.location.column])).toEqual(
      [
        ['ip', 'Any', 12, 29],
        ['ip', 'Any', 12, 29],
      ],
    );
    expect(parsed.problems.map(problem)).toEqual([
      [
        'notice',
        8,
        12,
        '"scmIpSecurityRestrictions" limits who may reach the app (inbound traffic); its addresses are compared as an allowlist',
      ],
      [
        'notice',
        9,
        29,
        'service tag "AzureCloud" is not a Microsoft 365 tag; what it allows is not compared',
      ],
      ['error', 10, 29, '"[literal]" is not an address or a service tag'],
    ]);
  });
});

/** One rule in a rule collection group, at line 9. */
function rules(rule: string): string {
  return `{
  "resources": [
    {
      "type": "Microsoft.Network/firewallPolicies/ruleCollectionGroups",
      "properties": {
        "ruleCollections": [
          {
            "rules": [
              ${rule}
            ]
          }
        ]
      }
    }
  ]
}`;
}

describe('arm: malformed input', () => {
  it.each([
    [
      'a trailing comma',
      '{"resources": [1,]}',
      [[1, 17, 'invalid JSON: trailing comma before "]"']],
    ],
    [
      'an unterminated string',
      '{"resources": ["abc]}',
      [[1, 16, 'invalid JSON: unterminated string']],
    ],
    ['an unterminated comment', '{\n  /* unterminated', [[2, 3, 'unterminated comment']]],
    [
      'a key repeated in another case',
      '{"resources": [], "Resources": []}',
      [[1, 20, 'duplicate key "Resources"']],
    ],
    ['an array at the top', '[]', [[1, 1, 'an ARM template must be an object with "resources"']]],
    [
      'a malformed expression',
      rules(`{ "ruleType": "ApplicationRule", "targetFqdns": "[concat(variables('x')]" }`),
      [
        [
          9,
          64,
          '"[concat(variables(\'x\')]" is not a valid expression: expected ")", found the end',
        ],
      ],
    ],
    [
      'undeclared parameters and variables',
      rules(
        `{ "ruleType": "ApplicationRule", "targetFqdns": "[parameters('nope')]", "fqdnTags": "[variables('none')]" }`,
      ),
      [
        [9, 64, 'parameter "nope" is not declared'],
        [9, 100, 'variable "none" is not declared'],
      ],
    ],
    [
      'an octet out of range',
      rules(
        `{ "ruleType": "NetworkRule", "ipProtocols": ["TCP"], "destinationPorts": [443], "destinationAddresses": ["10.0.0.300"] }`,
      ),
      [[9, 121, 'octet 300 is out of range (0-255) in "10.0.0.300"']],
    ],
    [
      'a misspelt tag and a number for a host',
      rules(
        `{ "ruleType": "ApplicationRule", "fqdnTags": ["Office365.SharePoint.Optimise"], "targetFqdns": [42] }`,
      ),
      [
        [
          9,
          62,
          'unknown FQDN tag "Office365.SharePoint.Optimise"; did you mean "Office365.SharePoint.Optimize"?',
        ],
        [9, 111, 'a host name must be a string, not 42'],
      ],
    ],
    [
      'a bad subnet mask',
      `{"resources": [{"properties": {"ipSecurityRestrictions": [{"ipAddress": "10.0.0.0", "subnetMask": "255.0.255.0"}]}}]}`,
      [[1, 100, '"255.0.255.0" is not a subnet mask']],
    ],
  ])('%s', (_name, text, expected) => {
    const parsed = parse(text);
    expect(
      parsed.problems
        .filter((p) => (p.severity ?? 'error') === 'error')
        .map((p) => [p.location.line, p.location.column, p.message]),
    ).toEqual(expected);
  });

  it('reports what needs a deployment as a notice', () => {
    const parsed = parse(
      rules(`{ "ruleType": "ApplicationRule", "targetFqdns": "[reference('x').fqdns]" }`),
    );
    expect(parsed.problems.map(problem)).toEqual([
      [
        'notice',
        9,
        64,
        '"[reference(\'x\').fqdns]" is computed when deploying; the entries it yields are not checked',
      ],
    ]);
  });

  it('reads a variable that refers to itself without looping', () => {
    const text = `{
  "variables": { "a": "[variables('b')]", "b": "[variables('a')]" },
  "resources": [{ "properties": { "ipSecurityRestrictions": "[variables('a')]" } }]
}`;
    expect(parse(text).problems.map(problem)).toEqual([
      ['notice', 2, 49, 'variable "a" refers to itself'],
    ]);
  });
});

describe('arm: comments', () => {
  it('blanks comments at unchanged offsets and keeps their text', () => {
    const text =
      '{\n  // own line\n  "a": "//not a comment", /* trailing */\n  "b": 1 /* two\n lines */\n}';
    const { json, comments } = stripJsonComments(text);
    expect(json).toHaveLength(text.length);
    expect(JSON.parse(json)).toEqual({ a: '//not a comment', b: 1 });
    expect(comments).toEqual([
      { line: 2, endLine: 2, text: 'own line', ownLine: true },
      { line: 3, endLine: 3, text: 'trailing', ownLine: false },
      { line: 4, endLine: 5, text: 'two\nlines', ownLine: false },
    ]);
  });
});

describe('arm: detection', () => {
  it.each([
    [
      'azuredeploy.json',
      '{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"}',
      10,
    ],
    [
      'infra/main.json',
      '{"resources": [{"type": "Microsoft.Network/azureFirewalls", "apiVersion": "2023-09-01"}]}',
      6,
    ],
    [
      'main.parameters.json',
      '{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#"}',
      0,
    ],
    ['allow.json', '{"endpoint-drift": "allowlist/v1", "entries": []}', 0],
    [
      'template.yaml',
      '"$schema": https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      0,
    ],
  ])('%s', (file, text, score) => {
    expect(ARM.detect({ path: file, text })).toBe(score);
  });
});
