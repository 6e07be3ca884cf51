// Small files that spell out enormous values: what the evaluators must refuse, within budget.

/** Terraform `locals` doubling a string `n` times, used as a firewall rule's target. */
export function terraformStringDoubling(n: number): string {
  const locals = Array.from(
    { length: n },
    (_, i) => `  s${i + 1} = "\${local.s${i}}\${local.s${i}}"`,
  );
  return [
    'locals {',
    '  s0 = "abcdefghijklmnop"',
    ...locals,
    '}',
    ...terraformRule(`[local.s${n}]`),
  ].join('\n');
}

/** Terraform `locals` doubling a list with `concat(local.a, local.a)` `n` times. */
export function terraformConcatDoubling(n: number): string {
  const locals = Array.from(
    { length: n },
    (_, i) => `  a${i + 1} = concat(local.a${i}, local.a${i})`,
  );
  return [
    'locals {',
    '  a0 = ["a.example.com", "b.example.com"]',
    ...locals,
    '}',
    ...terraformRule(`local.a${n}`),
  ].join('\n');
}

function terraformRule(targets: string): string[] {
  return [
    'resource "azurerm_firewall_application_rule_collection" "m365" {',
    '  name     = "m365"',
    '  action   = "Allow"',
    '  priority = 100',
    '  rule {',
    '    name             = "m365"',
    '    source_addresses = ["10.0.0.0/8"]',
    `    target_fqdns     = ${targets}`,
    '    protocol {',
    '      port = "443"',
    '      type = "Https"',
    '    }',
    '  }',
    '  rule {',
    '    name             = "literal"',
    '    source_addresses = ["10.0.0.0/8"]',
    '    target_fqdns     = ["outlook.office365.com"]',
    '    protocol {',
    '      port = "443"',
    '      type = "Https"',
    '    }',
    '  }',
    '}',
    '',
  ];
}

/** dnscontrol: `var sN = sN-1 + sN-1`, `n` times, as a TXT record. */
export function dnscontrolStringDoubling(n: number): string {
  return [
    'var s0 = "v=spf1 include:spf.protection.outlook.com -all";',
    ...Array.from({ length: n }, (_, i) => `var s${i + 1} = s${i} + s${i};`),
    'D("contoso.com", REG_NONE, DnsProvider(NONE),',
    `  TXT("big", s${n}),`,
    '  MX("@", 0, "contoso-com.mail.protection.outlook.com.")',
    ');',
    '',
  ].join('\n');
}

/** dnscontrol: an array doubled with spreads, `n` times, spread into D(). */
export function dnscontrolSpreadDoubling(n: number): string {
  return [
    'var a0 = [A("www", "192.0.2.1")];',
    ...Array.from({ length: n }, (_, i) => `var a${i + 1} = [...a${i}, ...a${i}];`),
    'D("contoso.com", REG_NONE, DnsProvider(NONE),',
    `  a${n},`,
    '  MX("@", 0, "contoso-com.mail.protection.outlook.com.")',
    ');',
    '',
  ].join('\n');
}

/** Bicep: a string doubled by interpolation, and an array doubled by spreads. */
export function bicepDoubling(n: number): string {
  return [
    "var s0 = 'abcdefghijklmnop'",
    ...Array.from({ length: n }, (_, i) => `var s${i + 1} = '\${s${i}}\${s${i}}'`),
    "var a0 = ['a.example.com', 'b.example.com']",
    ...Array.from({ length: n }, (_, i) => `var a${i + 1} = [...a${i}, ...a${i}]`),
    "resource fw 'Microsoft.Network/azureFirewalls@2023-04-01' = {",
    "  name: 'fw'",
    "  location: 'westeurope'",
    '  properties: {',
    '    applicationRuleCollections: [',
    '      {',
    "        name: 'm365'",
    '        properties: {',
    '          priority: 100',
    "          action: { type: 'Allow' }",
    '          rules: [',
    '            {',
    "              name: 'm365'",
    "              sourceAddresses: ['*']",
    "              protocols: [{ protocolType: 'Https', port: 443 }]",
    `              targetFqdns: concat([s${n}], a${n}, ['outlook.office365.com'])`,
    '            }',
    '          ]',
    '        }',
    '      }',
    '    ]',
    '  }',
    '}',
    '',
  ].join('\n');
}

/** ARM: a variable doubled with concat() `n` times, as a target FQDN list. */
export function armDoubling(
  n: number,
  fqdns: readonly string[] = ['outlook.office365.com'],
): string {
  const variables: Record<string, string | string[]> = {
    s0: 'abcdefghijklmnop',
    a0: ['a.example.com'],
  };
  for (let i = 1; i <= n; i++) {
    variables[`s${i}`] = `[concat(variables('s${i - 1}'), variables('s${i - 1}'))]`;
    variables[`a${i}`] = `[concat(variables('a${i - 1}'), variables('a${i - 1}'))]`;
  }
  return JSON.stringify(
    {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      variables,
      resources: [
        {
          type: 'Microsoft.Network/azureFirewalls',
          apiVersion: '2023-04-01',
          name: 'fw',
          properties: {
            applicationRuleCollections: [
              {
                name: 'm365',
                properties: {
                  priority: 100,
                  action: { type: 'Allow' },
                  rules: [
                    {
                      name: 'computed',
                      sourceAddresses: ['*'],
                      protocols: [{ protocolType: 'Https', port: 443 }],
                      targetFqdns: `[concat(createArray(variables('s${n}')), variables('a${n}'))]`,
                    },
                    {
                      name: 'literal',
                      sourceAddresses: ['*'],
                      protocols: [{ protocolType: 'Https', port: 443 }],
                      targetFqdns: fqdns,
                    },
                  ],
                },
              },
            ],
          },
        },
      ],
    },
    null,
    2,
  );
}

/** A PAC file whose loops over two 316-item arrays build 316×316 names on each of `lines` tests. */
export function pacProduct(lines: number): string {
  const names = Array.from({ length: 316 }, (_, i) => `"h${i}"`).join(', ');
  return [
    'function FindProxyForURL(url, host) {',
    `  var a = [${names}];`,
    '  if (dnsDomainIs(host, ".office365.com")) return "DIRECT";',
    '  for (var i = 0; i < a.length; i++) {',
    '    for (var j = 0; j < a.length; j++) {',
    ...Array.from(
      { length: lines },
      (_, k) =>
        `      if (dnsDomainIs(host, a[i] + "." + a[j] + ".x${k}.example.com")) return "DIRECT";`,
    ),
    '    }',
    '  }',
    '  return "PROXY proxy.contoso.com:8080";',
    '}',
    '',
  ].join('\n');
}

/** A YAML alias bomb: nine levels of nine aliases each (9^9 nodes). */
export function yamlAliasBomb(): string {
  const lines = ['a0: &a0 ["x","x","x","x","x","x","x","x","x"]'];
  for (let i = 1; i < 10; i++)
    lines.push(`a${i}: &a${i} [${Array.from({ length: 9 }, () => `*a${i - 1}`).join(',')}]`);
  return `${lines.join('\n')}\nallowlists: [{ path: a.txt }]\n`;
}
