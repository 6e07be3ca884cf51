// Every evaluator works under a budget: a few crafted lines that spell out billions of characters
// or items end as one unsupported-entry notice at their place, and the rest of the file is read.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALLOWLIST_FORMATS } from '../../src/formats/allowlist/index.js';
import { DNS_FORMATS } from '../../src/formats/dns/index.js';
import type { ParseProblem } from '../../src/model/entry.js';
import * as hostile from './hostile.js';

const allowlist = (id: string) => ALLOWLIST_FORMATS.find((f) => f.id === id)!;
const dns = (id: string) => DNS_FORMATS.find((f) => f.id === id)!;

const TEXT = 'the value would be longer than 1000000 characters; not computed';
const ITEMS = 'the list would have more than 100000 items; not computed';

const brief = (p: ParseProblem) => [p.location.line, p.location.column, p.severity, p.message];

describe('evaluator budgets', () => {
  it.each([
    {
      name: 'Terraform locals doubling a string ×40',
      parse: () =>
        allowlist('terraform').parse({
          path: 'main.tf',
          text: hostile.terraformStringDoubling(40),
        }),
      problems: [[18, 22, 'notice', TEXT]],
      entries: ['outlook.office365.com'],
    },
    {
      name: 'Terraform concat(local.a, local.a) ×39',
      parse: () =>
        allowlist('terraform').parse({
          path: 'main.tf',
          text: hostile.terraformConcatDoubling(39),
        }),
      problems: [[18, 9, 'notice', ITEMS]],
      entries: ['outlook.office365.com'],
    },
    {
      name: 'Bicep interpolation doubling a string ×40 and spreads doubling an array ×40',
      parse: () =>
        allowlist('bicep').parse({ path: 'main.bicep', text: hostile.bicepDoubling(40) }),
      problems: [
        [17, 11, 'notice', TEXT],
        [75, 11, 'notice', ITEMS],
      ],
      entries: ['outlook.office365.com'],
    },
    {
      name: 'ARM concat() doubling a string and an array ×40',
      parse: () =>
        allowlist('arm').parse({ path: 'azuredeploy.json', text: hostile.armDoubling(40) }),
      problems: [
        [39, 13, 'notice', TEXT],
        [42, 13, 'notice', ITEMS],
      ],
      entries: ['outlook.office365.com'],
    },
  ])('$name', ({ parse, problems, entries }) => {
    const parsed = parse();
    expect(parsed.problems.map(brief)).toEqual(problems);
    expect(parsed.entries.map((e) => e.text)).toEqual(entries);
  });

  it.each([
    {
      name: 'dnscontrol var sN = sN-1 + sN-1 ×40',
      text: hostile.dnscontrolStringDoubling(40),
      problems: [[16, 11, 'notice', TEXT]],
    },
    {
      name: 'dnscontrol array doubled with spreads ×40',
      text: hostile.dnscontrolSpreadDoubling(40),
      problems: [[35, 11, 'notice', ITEMS]],
    },
  ])('$name', ({ text, problems }) => {
    const parsed = dns('dnscontrol').parse({ path: 'dnsconfig.js', text });
    expect(parsed.problems.map(brief)).toEqual(problems);
    expect(parsed.records.map((r) => `${r.name} ${r.type} ${r.data}`)).toEqual([
      'contoso.com. MX 0 contoso-com.mail.protection.outlook.com.',
    ]);
  });

  it('PAC loops that build 316×316 names on every line: one budget notice, literals still read', () => {
    const parsed = allowlist('pac').parse({ path: 'proxy.pac', text: hostile.pacProduct(40) });
    expect(parsed.entries.map((e) => e.text)).toEqual(['.office365.com']);
    const budget = parsed.problems.filter(
      (p) => p.message.includes('steps') || p.message.includes('items'),
    );
    expect(budget.map(brief)).toEqual([
      [45, 29, 'notice', `${ITEMS}; tests that need it are not compared`],
    ]);
    expect(parsed.problems).toHaveLength(41);
  });

  it('a Bicep file of "a " and 130,000 "#" is read without overflowing the stack', () => {
    const parsed = allowlist('bicep').parse({
      path: 'main.bicep',
      text: `a ${'#'.repeat(130_000)}\n`,
    });
    expect(parsed.entries).toEqual([]);
    expect(parsed.problems.length).toBeGreaterThan(0);
    expect(parsed.problems[0]!.location).toEqual({ file: 'main.bicep', line: 1, column: 1 });
  });

  it('an ARM template with 200,000 targetFqdns is read whole', () => {
    const fqdns = Array.from({ length: 200_000 }, (_, i) => `h${i}.example.com`);
    const parsed = allowlist('arm').parse({
      path: 'azuredeploy.json',
      text: hostile.armDoubling(1, fqdns),
    });
    expect(parsed.entries).toHaveLength(200_000 + 2);
    expect(parsed.entries.at(-1)!.text).toBe('h199999.example.com');
  }, 60_000);
});

describe('YAML alias bombs in YAML formats', () => {
  const bomb = hostile.yamlAliasBomb().replace(/allowlists:.*\n/, '');
  it.each([
    ['allowlist-yaml', 'a.yaml', `endpoint-drift: allowlist/v1\n${bomb}entries: *a9\n`],
    [
      'kubernetes',
      'np.yaml',
      `${bomb}apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: x }\nspec:\n  egress: *a9\n`,
    ],
    ['octodns', 'contoso.com.yaml', `${bomb}'': *a9\nwww: *a9\n`],
    ['dns-yaml', 'd.yaml', `endpoint-drift: dns/v1\nzone: contoso.com\n${bomb}records: *a9\n`],
  ])('%s reads an alias bomb without expanding it', (id, file, text) => {
    const format = [...ALLOWLIST_FORMATS, ...DNS_FORMATS].find((f) => f.id === id)!;
    const parsed = format.parse({ path: file, text }) as { problems: readonly ParseProblem[] };
    expect(parsed.problems.length).toBeGreaterThan(0);
    expect(parsed.problems.length).toBeLessThanOrEqual(1_000);
  });
});

// ── fuzzing: random programs built from doubling, concatenation and spreads ─────────────────────

/** Each definition refers to earlier ones only; the budget must hold whatever the mix. */
const program = fc.array(
  fc.record({
    op: fc.constantFrom('double', 'concat', 'join', 'nest'),
    a: fc.nat(),
    b: fc.nat(),
  }),
  { minLength: 1, maxLength: 45 },
);

type Step = { op: string; a: number; b: number };

function terraform(steps: Step[]): string {
  const lines = [
    'locals {',
    '  s0 = "abcdefghijklmnopqrstuvwxyz0123456789"',
    '  l0 = ["a.example.com"]',
  ];
  steps.forEach((s, i) => {
    const n = i + 1;
    const a = s.a % n;
    const b = s.b % n;
    lines.push(
      s.op === 'double' ? `  s${n} = "\${local.s${a}}\${local.s${b}}"` : `  s${n} = local.s${a}`,
      s.op === 'concat'
        ? `  l${n} = concat(local.l${a}, local.l${b}, [local.s${n}])`
        : s.op === 'nest'
          ? `  l${n} = flatten([local.l${a}, [local.l${b}]])`
          : `  l${n} = [join(",", local.l${a})]`,
    );
  });
  lines.push('}');
  const last = steps.length;
  return [
    ...lines,
    'resource "azurerm_firewall_application_rule_collection" "x" {',
    '  name = "x"',
    '  rule {',
    '    name             = "r"',
    '    source_addresses = ["10.0.0.0/8"]',
    `    target_fqdns     = concat(local.l${last}, [local.s${last}], ["outlook.office365.com"])`,
    '    protocol {',
    '      port = "443"',
    '      type = "Https"',
    '    }',
    '  }',
    '}',
  ].join('\n');
}

function dnscontrol(steps: Step[]): string {
  const lines = ['var s0 = "v=spf1 -all";', 'var l0 = [A("www", "192.0.2.1")];'];
  steps.forEach((s, i) => {
    const n = i + 1;
    const a = s.a % n;
    const b = s.b % n;
    lines.push(
      s.op === 'double' ? `var s${n} = s${a} + s${b};` : `var s${n} = \`\${s${a}}\${s${b}}\`;`,
      s.op === 'nest' ? `var l${n} = [l${a}, [l${b}]];` : `var l${n} = [...l${a}, ...l${b}];`,
    );
  });
  const last = steps.length;
  return [
    ...lines,
    `D("contoso.com", REG_NONE, DnsProvider(NONE), l${last}, TXT("t", s${last}), MX("@", 0, "mx.contoso.com."));`,
  ].join('\n');
}

function bicep(steps: Step[]): string {
  const lines = ["var s0 = 'abcdefghijklmnop'", "var l0 = ['a.example.com']"];
  steps.forEach((s, i) => {
    const n = i + 1;
    const a = s.a % n;
    const b = s.b % n;
    lines.push(
      s.op === 'double' ? `var s${n} = '\${s${a}}\${s${b}}'` : `var s${n} = concat(s${a}, s${b})`,
      s.op === 'nest'
        ? `var l${n} = flatten([l${a}, [l${b}]])`
        : s.op === 'join'
          ? `var l${n} = [for x in l${a}: '\${x}.\${s${b}}']`
          : `var l${n} = [...l${a}, ...l${b}]`,
    );
  });
  const last = steps.length;
  return [
    ...lines,
    "resource fw 'Microsoft.Network/azureFirewalls@2023-04-01' = {",
    "  name: 'fw'",
    '  properties: {',
    "    applicationRuleCollections: [{ name: 'c', properties: { priority: 100, action: { type: 'Allow' }, rules: [{ name: 'r', sourceAddresses: ['*'], protocols: [{ protocolType: 'Https', port: 443 }], targetFqdns: concat(l" +
      last +
      ', [s' +
      last +
      "], ['outlook.office365.com']) }] } }]",
    '  }',
    '}',
  ].join('\n');
}

function bounded(parsed: {
  entries?: readonly { text: string }[];
  records?: readonly { data: string }[];
  problems: readonly ParseProblem[];
}): void {
  const values = parsed.entries?.map((e) => e.text) ?? parsed.records?.map((r) => r.data) ?? [];
  expect(values.length).toBeLessThanOrEqual(200_000);
  for (const v of values) expect(v.length).toBeLessThanOrEqual(1_000_000);
  expect(parsed.problems.length).toBeLessThanOrEqual(1_000);
  for (const p of parsed.problems) expect(p.message.length).toBeLessThanOrEqual(2_000);
}

describe('fuzzed evaluators: no throw, bounded output', () => {
  it('Terraform', () => {
    fc.assert(
      fc.property(program, (steps) => {
        const parsed = allowlist('terraform').parse({ path: 'main.tf', text: terraform(steps) });
        bounded(parsed);
        expect(parsed.entries.map((e) => e.text)).toContain('outlook.office365.com');
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it('dnscontrol', () => {
    fc.assert(
      fc.property(program, (steps) => {
        const parsed = dns('dnscontrol').parse({ path: 'dnsconfig.js', text: dnscontrol(steps) });
        bounded(parsed);
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it('Bicep', () => {
    fc.assert(
      fc.property(program, (steps) => {
        const parsed = allowlist('bicep').parse({ path: 'main.bicep', text: bicep(steps) });
        bounded(parsed);
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
