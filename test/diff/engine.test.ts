// Hand-made allowlists with known answers: an exact copy of the required worldwide entries gives
// no findings; removing, splitting, widening and adding entries gives exactly the expected findings.
import { describe, expect, it } from 'vitest';
import { EMBEDDED_CATALOGUE } from '../../src/catalogue/embedded.js';
import { selectRequirements } from '../../src/catalogue/select.js';
import type { Selection } from '../../src/catalogue/types.js';
import { check, type Scope } from '../../src/diff/engine.js';
import type { Finding } from '../../src/model/finding.js';
import { getFormat } from '../../src/formats/allowlist/index.js';

const WORLDWIDE: Selection = {
  instance: 'worldwide',
  serviceAreas: ['Common', 'Exchange', 'SharePoint', 'Skype'],
  categories: ['Optimize', 'Allow', 'Default'],
  includeOptional: false,
  ipv6: true,
  scenarios: [],
};

/** Every required pattern and prefix of a selection, one per line, as the catalogue writes them. */
function requiredLines(selection: Selection = WORLDWIDE): string[] {
  const { requirements } = selectRequirements(EMBEDDED_CATALOGUE, selection);
  return requirements.map((r) => (r.kind === 'host' ? r.text : r.block.text));
}

interface FileSpec {
  path: string;
  text: string;
  format?: string;
  scope?: Scope;
  group?: string;
}

function run(files: FileSpec[], selection: Selection = WORLDWIDE) {
  return check({
    catalogue: EMBEDDED_CATALOGUE,
    selection,
    files: files.map((f) => {
      const format = getFormat(f.format ?? 'plain')!;
      return {
        parsed: format.parse({ path: f.path, text: f.text }),
        capabilities: format.capabilities,
        scope: f.scope ?? 'dedicated',
        group: f.group ?? 'default',
      };
    }),
  });
}

/** Compact view of a finding for exact comparison. */
const brief = (f: Finding) =>
  `${f.ruleId} ${f.severity} ${f.location.file}:${f.location.line}:${f.location.column} ${f.entry ?? f.requirement?.pattern ?? ''}`;

function lineOf(lines: string[], text: string): number {
  const i = lines.indexOf(text);
  if (i === -1) throw new Error(`${text} is not in the list`);
  return i + 1;
}

describe('check against the worldwide catalogue', () => {
  const base = requiredLines();

  it('has the size of the real catalogue', () => {
    expect(base.length).toBeGreaterThan(200);
    expect(base).toContain('outlook.cloud.microsoft');
    expect(base).toContain('52.122.0.0/15');
    expect(base).toContain('autodiscover.*.onmicrosoft.com');
  });

  it('finds nothing in an exact copy of the required entries', () => {
    const result = run([{ path: 'm365.txt', text: base.join('\n') }]);
    expect(result.findings.map(brief)).toEqual([]);
    expect(result.files).toEqual([
      {
        path: 'm365.txt',
        format: 'plain',
        kind: 'allowlist',
        group: 'default',
        scope: 'dedicated',
        entries: base.length,
      },
    ]);
  });

  it('reports a removed endpoint once, naming every set, beside the entry it belongs with', () => {
    const lines = base.filter((l) => l !== 'teams.microsoft.com');
    const result = run([{ path: 'm365.txt', text: lines.join('\n') }]);
    expect(result.findings).toHaveLength(1);
    const f = result.findings[0]!;
    expect(f.ruleId).toBe('missing-endpoint');
    expect(f.severity).toBe('error');
    expect(f.requirement?.pattern).toBe('teams.microsoft.com');
    expect(f.requirement?.endpointSets.map((s) => s.endpointSetId)).toEqual([12]);
    const near = lines.find((l) => l.endsWith('.teams.microsoft.com'))!;
    expect(f.message).toBe(
      `"teams.microsoft.com" is required but not allowed (Skype set 12 Allow); it belongs beside "${near}"`,
    );
    expect(f.location).toEqual({ file: 'm365.txt', line: lineOf(lines, near), column: 1 });
  });

  it('reports a removed prefix with the uncovered CIDRs, and a Default set as a warning', () => {
    const lines = base.filter((l) => l !== '52.122.0.0/15' && l !== '*.office.net');
    const result = run([{ path: 'm365.txt', text: lines.join('\n') }]);
    const byRule = result.findings
      .map((f) => [
        f.ruleId,
        f.severity,
        f.requirement?.pattern,
        f.uncovered,
        f.requirement?.endpointSets.map((s) => s.endpointSetId),
      ])
      .sort((a, b) => String(a[2]).localeCompare(String(b[2])));
    expect(byRule).toEqual([
      ['missing-endpoint', 'warning', '*.office.net', undefined, [47]],
      ['missing-endpoint', 'error', '52.122.0.0/15', ['52.122.0.0/15'], [11, 12]],
    ]);
  });

  it('accepts a prefix split into parts that together cover it', () => {
    const lines = base.flatMap((l) =>
      l === '52.112.0.0/14' ? ['52.112.0.0/15', '52.114.0.0/15'] : [l],
    );
    expect(run([{ path: 'm365.txt', text: lines.join('\n') }]).findings).toEqual([]);
  });

  it('reports a narrowed prefix as partly covered, with exactly what is missing', () => {
    const lines = base.map((l) => (l === '40.96.0.0/13' ? '40.96.0.0/14' : l));
    const result = run([{ path: 'm365.txt', text: lines.join('\n') }]);
    expect(result.findings.map(brief)).toEqual([
      `partially-covered error m365.txt:${lineOf(lines, '40.96.0.0/14')}:1 40.96.0.0/14`,
    ]);
    expect(result.findings[0]!.uncovered).toEqual(['40.100.0.0/14']);
  });

  it('reports a widened prefix as over-broad and nothing as missing', () => {
    const lines = base.map((l) => (l === '40.96.0.0/13' ? '40.0.0.0/8' : l));
    const result = run([{ path: 'm365.txt', text: lines.join('\n') }]);
    expect(result.findings.map(brief)).toEqual([
      `over-broad-entry warning m365.txt:${lineOf(lines, '40.0.0.0/8')}:1 40.0.0.0/8`,
    ]);
  });

  it('reports added entries: extraneous, outside the selection, over-broad, duplicate, covered, host bits, invalid', () => {
    const added = [
      'www.example.org',
      '*.yammer.com',
      '*.com',
      '::/0',
      'outlook.office.com',
      'eu.outlook.office.com',
      '192.0.2.0/24',
      '13.107.6.153/31',
      '300.1.1.1',
    ];
    const lines = [...base, ...added];
    const at = (t: string) => `m365.txt:${lineOf(lines, t)}:1`;
    const result = run([{ path: 'm365.txt', text: lines.join('\n') }]);
    expect(result.findings.map(brief)).toEqual([
      `extraneous-entry warning ${at('www.example.org')} www.example.org`,
      `outside-selection notice ${at('*.yammer.com')} *.yammer.com`,
      `over-broad-entry warning ${at('*.com')} *.com`,
      `over-broad-entry warning ${at('::/0')} ::/0`,
      `redundant-entry notice m365.txt:${lines.lastIndexOf('outlook.office.com') + 1}:1 outlook.office.com`,
      `redundant-entry notice ${at('eu.outlook.office.com')} eu.outlook.office.com`,
      `extraneous-entry warning ${at('192.0.2.0/24')} 192.0.2.0/24`,
      `host-bits-set warning ${at('13.107.6.153/31')} 13.107.6.153/31`,
      // Masked, it is the catalogue's own 13.107.6.152/31, which the list already has.
      `redundant-entry notice ${at('13.107.6.153/31')} 13.107.6.153/31`,
      `invalid-entry error ${at('300.1.1.1')} 300.1.1.1`,
    ]);
  });

  it('leaves non-Microsoft entries of a mixed allowlist alone', () => {
    const lines = [
      ...base,
      'www.example.org',
      '192.0.2.0/24',
      'foo.microsoftonline.com.evil.example',
      'www.example.org',
      '*.example.org',
      '192.0.2.0/25',
    ];
    const result = run([{ path: 'all.txt', text: lines.join('\n'), scope: 'mixed' }]);
    expect(result.findings).toEqual([]);
  });

  it('still judges the Microsoft 365 entries of a mixed allowlist', () => {
    const lines = [...base, 'www.example.org', 'outlook.office.com', '*', 'foo.sharepoint.com'];
    const result = run([{ path: 'all.txt', text: lines.join('\n'), scope: 'mixed' }]);
    expect(result.findings.map(brief)).toEqual([
      `redundant-entry notice all.txt:${lines.length - 2}:1 outlook.office.com`,
      `over-broad-entry warning all.txt:${lines.length - 1}:1 *`,
      `redundant-entry notice all.txt:${lines.length}:1 foo.sharepoint.com`,
    ]);
  });

  it('treats the files of a group as one allowlist and checks groups separately', () => {
    const hosts = base.filter((l) => !/^[\d:]|^[0-9a-f]+:/.test(l) && !l.includes('/'));
    const ips = base.filter((l) => l.includes('/'));
    const together = run([
      { path: 'hosts.txt', text: hosts.join('\n') },
      { path: 'ips.txt', text: ips.join('\n') },
    ]);
    expect(together.findings).toEqual([]);
    const apart = run([
      { path: 'hosts.txt', text: hosts.join('\n'), group: 'proxy' },
      { path: 'ips.txt', text: ips.slice(1).join('\n'), group: 'firewall' },
    ]);
    expect(apart.findings.map((f) => [f.ruleId, f.group, f.location.file])).toEqual([
      ['missing-endpoint', 'firewall', 'ips.txt'],
    ]);
    expect(apart.notes).toEqual([
      expect.stringMatching(
        /^allowlist group "firewall" holds no host names, so its \d+ host requirements were not checked$/,
      ),
      expect.stringMatching(
        /^allowlist group "proxy" holds no IP addresses, so its \d+ address requirements were not checked$/,
      ),
    ]);
  });

  it('reports host patterns that cover only some names of a requirement', () => {
    const lines = base.flatMap((l) =>
      l === '*.sharepoint.com' ? ['contoso.sharepoint.com', 'contoso-my.sharepoint.com'] : [l],
    );
    const result = run([{ path: 'm365.txt', text: lines.join('\n') }]);
    expect(result.findings.map(brief)).toEqual([
      `partially-covered warning m365.txt:${lineOf(lines, 'contoso.sharepoint.com')}:1 contoso.sharepoint.com`,
    ]);
    expect(result.findings[0]!.message).toBe(
      '"*.sharepoint.com" is only partly allowed: "contoso.sharepoint.com" and "contoso-my.sharepoint.com" allow only some of its names (SharePoint set 31 Optimize)',
    );
  });

  it('substitutes the tenant into tenant-specific patterns', () => {
    const selection = { ...WORLDWIDE, tenant: 'contoso' };
    const lines = requiredLines(selection);
    expect(lines).toContain('autodiscover.contoso.onmicrosoft.com');
    expect(run([{ path: 'm365.txt', text: lines.join('\n') }], selection).findings).toEqual([]);
  });

  it('does not demand IPv6 prefixes when ipv6 is off', () => {
    const selection = { ...WORLDWIDE, ipv6: false };
    const lines = base.filter((l) => !l.includes(':'));
    expect(run([{ path: 'm365.txt', text: lines.join('\n') }], selection).findings).toEqual([]);
  });
});

describe('ports, where the format carries them', () => {
  const yaml = (entries: string[]) =>
    `endpoint-drift: allowlist/v1\nentries:\n${entries.join('\n')}\n`;
  const skypeMedia: Selection = { ...WORLDWIDE, serviceAreas: ['Skype'], categories: ['Optimize'] };

  it('reports a requirement allowed on too few ports', () => {
    const text = yaml([
      '  - ip: 52.112.0.0/14',
      '    udp: "3478-3480"',
      '  - ip: 52.122.0.0/15',
      '    udp: 3478-3481',
      '  - ip: 2603:1063::/38',
      '    udp: 3478-3481',
    ]);
    const result = run([{ path: 'fw.yaml', text, format: 'allowlist-yaml' }], skypeMedia);
    expect(result.findings.map(brief)).toEqual([
      'partially-covered error fw.yaml:3:9 52.112.0.0/14',
    ]);
    expect(result.findings[0]!.message).toBe(
      '52.112.0.0/14 is allowed, but not on every port it needs: UDP 3481 missing (Skype set 11 Optimize)',
    );
    expect(result.findings[0]!.uncovered).toEqual(['52.112.0.0/14']);
  });

  it('accepts a prefix allowed on its ports by different entries', () => {
    const exchange: Selection = { ...WORLDWIDE, serviceAreas: ['Exchange'], categories: ['Allow'] };
    const { requirements } = selectRequirements(EMBEDDED_CATALOGUE, exchange);
    // Sets 9 (TCP 443) and 10 (TCP 25) share their prefixes: one entry per set, as firewalls often hold them.
    const lines = requirements.flatMap((r) =>
      r.kind === 'ip'
        ? [`  - ip: ${r.block.text}`, '    tcp: 443', `  - ip: ${r.block.text}`, '    tcp: 25']
        : [`  - host: "${r.text}"`, `    tcp: "${r.ports.tcp}"`],
    );
    const result = run(
      [{ path: 'fw.yaml', text: yaml(lines), format: 'allowlist-yaml' }],
      exchange,
    );
    expect(result.findings.filter((f) => f.ruleId === 'partially-covered')).toEqual([]);
  });

  it('makes no port finding for a format that cannot carry ports', () => {
    const text = ['52.112.0.0/14', '52.122.0.0/15', '2603:1063::/38'].join('\n');
    expect(run([{ path: 'fw.txt', text }], skypeMedia).findings).toEqual([]);
  });
});

describe('references to catalogue subsets', () => {
  const exchangeOptimize: Selection = {
    ...WORLDWIDE,
    serviceAreas: ['Exchange'],
    categories: ['Optimize'],
  };
  const policy = (tags: string, ports: string) =>
    [
      'resource "azurerm_firewall_policy_rule_collection_group" "m365" {',
      '  name = "m365"',
      '  application_rule_collection {',
      '    name     = "m365"',
      '    priority = 100',
      '    action   = "Allow"',
      '    rule {',
      '      name                  = "exchange"',
      `      destination_fqdn_tags = [${tags}]`,
      ports,
      '    }',
      '  }',
      '}',
      '',
    ].join('\n');

  it('an FQDN tag covers the host names of the subset it names, on TCP only', () => {
    const text = policy(
      '"Office365.Exchange.Optimize"',
      '      protocols {\n        type = "Http"\n        port = 80\n      }\n      protocols {\n        type = "Https"\n        port = 443\n      }',
    );
    const result = run([{ path: 'fw.tf', text, format: 'terraform' }], exchangeOptimize);
    expect(result.notes).toEqual([expect.stringMatching(/holds no IP addresses/)]);
    // Set 1 also needs UDP 443 (QUIC), which an application rule cannot allow.
    expect(result.findings.map((f) => f.message.replace(/^"[^"]+" /, ''))).toEqual(
      Array(3).fill(
        'is allowed by "Office365.Exchange.Optimize", but not on every port it needs: UDP 443 missing (Exchange set 1 Optimize)',
      ),
    );
  });

  it('says which ports a tag rule leaves out', () => {
    const text = policy(
      '"Office365.Exchange.Optimize"',
      '      protocols {\n        type = "Https"\n        port = 443\n      }',
    );
    const result = run([{ path: 'fw.tf', text, format: 'terraform' }], exchangeOptimize);
    expect(result.findings.map((f) => [f.ruleId, f.location.line, f.message])).toEqual([
      [
        'partially-covered',
        9,
        '"outlook.cloud.microsoft" is allowed by "Office365.Exchange.Optimize", but not on every port it needs: TCP 80, UDP 443 missing (Exchange set 1 Optimize)',
      ],
      [
        'partially-covered',
        9,
        '"outlook.office.com" is allowed by "Office365.Exchange.Optimize", but not on every port it needs: TCP 80, UDP 443 missing (Exchange set 1 Optimize)',
      ],
      [
        'partially-covered',
        9,
        '"outlook.office365.com" is allowed by "Office365.Exchange.Optimize", but not on every port it needs: TCP 80, UDP 443 missing (Exchange set 1 Optimize)',
      ],
    ]);
  });

  it('a tag of another subset covers nothing', () => {
    const text = policy(
      '"Office365.SharePoint.Optimize"',
      '      protocols {\n        type = "Https"\n        port = 443\n      }',
    );
    const result = run([{ path: 'fw.tf', text, format: 'terraform' }], exchangeOptimize);
    expect(
      result.findings
        .filter((f) => f.ruleId === 'missing-endpoint')
        .map((f) => f.requirement?.pattern),
    ).toEqual(['outlook.cloud.microsoft', 'outlook.office.com', 'outlook.office365.com']);
  });
});
