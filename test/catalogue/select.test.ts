import { describe, expect, it } from 'vitest';
import { EMBEDDED_CATALOGUE } from '../../src/catalogue/embedded.js';
import {
  allSources,
  m365Namespaces,
  scenarioIds,
  selectRequirements,
} from '../../src/catalogue/select.js';
import type { Requirement, Selection } from '../../src/catalogue/types.js';
import { formatPortSpec } from '../../src/model/ports.js';
import { IpBlock, parseIpBlock } from '../../src/model/ip.js';

const DEFAULTS: Selection = {
  instance: 'worldwide',
  serviceAreas: ['Common', 'Exchange', 'SharePoint', 'Skype'],
  categories: ['Optimize', 'Allow', 'Default'],
  includeOptional: false,
  ipv6: true,
  scenarios: [],
};

function select(overrides: Partial<Selection> = {}): {
  requirements: Requirement[];
  problems: string[];
} {
  return selectRequirements(EMBEDDED_CATALOGUE, { ...DEFAULTS, ...overrides });
}

function find(requirements: readonly Requirement[], text: string): Requirement | undefined {
  return requirements.find((r) => r.text === text);
}

/** A one-line summary: text, ports, severity, and the sources as `set 1` / `row 23 (scenario)`. */
function describeRequirement(r: Requirement | undefined): string {
  if (!r) return 'absent';
  const sources = r.sources.map((s) =>
    s.kind === 'endpoint-set' ? `set ${s.id}` : `row ${s.id} (${s.scenario})`,
  );
  return `${r.text} | ${formatPortSpec(r.ports)} | ${r.severity} | ${sources.join(', ')}`;
}

const setIdsOf = (requirements: readonly Requirement[]): Set<number> =>
  new Set(
    requirements.flatMap((r) =>
      r.sources.filter((s) => s.kind === 'endpoint-set').map((s) => s.id),
    ),
  );

describe('selectRequirements', () => {
  const defaults = select();

  it('reports no problems for the defaults', () => {
    expect(defaults.problems).toEqual([]);
  });

  it('by default leaves out MEM and optional sets', () => {
    const sets = EMBEDDED_CATALOGUE.clouds.worldwide.endpointSets;
    const used = setIdsOf(defaults.requirements);
    const expected = sets.filter((s) => s.serviceArea !== 'MEM' && s.required).map((s) => s.id);
    expect([...used].sort((a, b) => a - b)).toEqual(expected);
    expect(defaults.requirements.every((r) => r.severity !== 'notice')).toBe(true);
  });

  it('names every set that requires a pattern and unions their ports', () => {
    expect(describeRequirement(find(defaults.requirements, 'outlook.office365.com'))).toBe(
      'outlook.office365.com | TCP 80,443, UDP 443 | error | set 1',
    );
    const withOptional = select({ includeOptional: true }).requirements;
    expect(describeRequirement(find(withOptional, 'outlook.office365.com'))).toBe(
      'outlook.office365.com | TCP 80,143,443,587,993,995, UDP 443 | error | set 1, set 2',
    );
    const sources = find(withOptional, 'outlook.office365.com')!.sources;
    expect(sources.map((s) => [s.id, s.category, s.required])).toEqual([
      [1, 'Optimize', true],
      [2, 'Allow', false],
    ]);
  });

  it.each([
    ['smtp.office365.com', 'absent', 'smtp.office365.com | TCP 143,587,993,995 | notice | set 2'],
    [
      '*.outlook.com',
      '*.outlook.com | TCP 80,443 | warning | set 8',
      '*.outlook.com | TCP 80,443 | warning | set 8',
    ],
  ])('include-optional adds %s as a notice', (text, without, withOptional) => {
    expect(describeRequirement(find(defaults.requirements, text))).toBe(without);
    expect(describeRequirement(find(select({ includeOptional: true }).requirements, text))).toBe(
      withOptional,
    );
  });

  it('gives one requirement per pattern and per address block', () => {
    const keys = defaults.requirements.map((r) =>
      r.kind === 'host' ? `h ${r.pattern.key()}` : `i ${r.block.key()}`,
    );
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('orders hosts by key, then addresses by block', () => {
    const hosts = defaults.requirements.filter((r) => r.kind === 'host');
    const ips = defaults.requirements.filter((r) => r.kind === 'ip');
    expect(defaults.requirements).toEqual([...hosts, ...ips]);
    const hostKeys = hosts.map((r) => r.pattern.key());
    expect(hostKeys).toEqual([...hostKeys].sort());
    const blocks = ips.map((r) => r.block);
    expect(blocks).toEqual([...blocks].sort(IpBlock.compare));
    expect(blocks[0]?.family).toBe(4);
    expect(blocks[blocks.length - 1]?.family).toBe(6);
  });

  it('adds MEM when selected', () => {
    const mem = select({ serviceAreas: ['MEM'] });
    const areas = new Set(mem.requirements.flatMap((r) => r.sources.map((s) => s.serviceArea)));
    expect([...areas]).toEqual(['MEM']);
    expect(mem.requirements.length).toBeGreaterThan(0);
  });

  it('filters by category', () => {
    const optimize = select({ categories: ['Optimize'] });
    expect([...setIdsOf(optimize.requirements)].sort((a, b) => a - b)).toEqual([1, 11, 31]);
    expect(optimize.requirements.every((r) => r.severity === 'error')).toBe(true);
  });

  it('drops IPv6 prefixes with ipv6: false', () => {
    const v6 = (rs: Requirement[]) =>
      rs.filter((r) => r.kind === 'ip' && r.block.family === 6).length;
    expect(v6(defaults.requirements)).toBeGreaterThan(0);
    const without = select({ ipv6: false, scenarios: ['graph-change-notifications'] });
    expect(v6(without.requirements)).toBe(0);
    expect(without.requirements.filter((r) => r.kind === 'ip').length).toBeGreaterThan(0);
  });

  it('keeps tenant patterns as wildcards without a tenant', () => {
    expect(describeRequirement(find(defaults.requirements, 'autodiscover.*.onmicrosoft.com'))).toBe(
      'autodiscover.*.onmicrosoft.com | TCP 80,443 | warning | set 8',
    );
  });

  it('substitutes the tenant into wildcard labels in the middle only', () => {
    const { requirements } = select({ tenant: 'contoso' });
    expect(find(requirements, 'autodiscover.*.onmicrosoft.com')).toBeUndefined();
    expect(describeRequirement(find(requirements, 'autodiscover.contoso.onmicrosoft.com'))).toBe(
      'autodiscover.contoso.onmicrosoft.com | TCP 80,443 | warning | set 8',
    );
    expect(find(requirements, '*.outlook.com')).toBeDefined();
    expect(find(requirements, '*cdn.onenote.net')).toBeDefined();
  });

  it('substitutes every tenant pattern of a US government cloud', () => {
    const { requirements } = select({ instance: 'usgovdod', tenant: 'fabrikam' });
    const autodiscover = requirements
      .filter((r) => r.text.startsWith('autodiscover.'))
      .map((r) => r.text);
    expect(autodiscover).toEqual([
      'autodiscover.fabrikam.mail.onmicrosoft.com',
      'autodiscover.fabrikam.mail.onmicrosoft.us',
      'autodiscover.fabrikam.onmicrosoft.com',
      'autodiscover.fabrikam.onmicrosoft.us',
    ]);
  });

  it('adds the records of selected scenarios as warnings', () => {
    const { requirements, problems } = select({
      scenarios: ['skype-hybrid-server', 'network-connectivity-status-indicator'],
    });
    expect(problems).toEqual([]);
    expect(describeRequirement(find(requirements, 'www.msftconnecttest.com'))).toBe(
      'www.msftconnecttest.com | no ports | warning | row 24 (network-connectivity-status-indicator)',
    );
    expect(describeRequirement(find(requirements, '13.107.64.0/18'))).toBe(
      '13.107.64.0/18 | TCP 5061,50000-59999, UDP 50000-59999 | warning | row 13 (skype-hybrid-server)',
    );
    // Also in Skype sets 11 (Optimize) and 12: the highest severity wins and every source is named.
    expect(describeRequirement(find(requirements, '52.112.0.0/14'))).toBe(
      '52.112.0.0/14 | TCP 80,443,5061,50000-59999, UDP 443,3478-3481,50000-59999 | error | set 11, set 12, row 13 (skype-hybrid-server)',
    );
  });

  it('selects the records of a scenario that apply to the cloud', () => {
    const text = (instance: Selection['instance']) =>
      select({ instance, scenarios: ['exchange-hybrid-wizard'] })
        .requirements.filter((r) => r.sources.some((s) => s.kind === 'other-endpoints'))
        .map((r) => r.text);
    expect(text('worldwide')).toEqual([
      '*.store.core.windows.net',
      'aka.ms',
      'asl.configure.office.com',
      'mshybridservice.trafficmanager.net',
      'shcwreleaseprod.blob.core.windows.net',
      'tds.configure.office.com',
    ]);
    expect(text('usgovgcchigh')).toEqual(['40.118.209.192/32', '168.62.190.41/32']);
  });

  it('takes each part of a scenario with its own ports', () => {
    const { requirements } = select({
      instance: 'china',
      scenarios: ['azure-ad-connect-21vianet'],
    });
    expect(describeRequirement(find(requirements, '*.digicert.com'))).toBe(
      '*.digicert.com | TCP 80 | warning | row 20 (azure-ad-connect-21vianet)',
    );
    expect(describeRequirement(find(requirements, '*.partner.microsoftonline.cn'))).toBe(
      '*.partner.microsoftonline.cn | TCP 80,443 | error | set 10, row 20 (azure-ad-connect-21vianet)',
    );
  });

  it('adds nothing for per-customer names', () => {
    const { requirements } = select({ scenarios: ['exchange-autodetect-inbound'] });
    const rowTexts = requirements
      .filter((r) => r.sources.some((s) => s.kind === 'other-endpoints'))
      .map((r) => r.text);
    expect(rowTexts).toEqual(['52.125.128.0/20', '52.127.96.0/23']);
  });

  it('adds nothing for scenarios without concrete endpoints', () => {
    const { requirements, problems } = select({ scenarios: ['import-service'] });
    expect(problems).toEqual([]);
    expect(requirements).toEqual(defaults.requirements);
  });

  it('reports unknown scenarios with the valid ids', () => {
    const { problems } = select({ scenarios: ['graph-notifications'] });
    expect(problems).toEqual([
      `unknown scenario "graph-notifications"; did you mean "graph-change-notifications"? (known scenarios: ${scenarioIds(EMBEDDED_CATALOGUE).join(', ')})`,
    ]);
    expect(problems[0]).toContain(
      'graph-change-notifications, network-connectivity-status-indicator',
    );
  });

  it('reports scenarios that do not apply to the cloud', () => {
    expect(
      select({ scenarios: ['azure-ad-connect-21vianet', 'microsoft-stream'], instance: 'usgovdod' })
        .problems,
    ).toEqual([
      'scenario "azure-ad-connect-21vianet" does not apply to the usgovdod cloud (only to china)',
      'scenario "microsoft-stream" does not apply to the usgovdod cloud (only to worldwide)',
    ]);
  });

  it('is deterministic', () => {
    const again = select();
    expect(again.requirements.map(describeRequirement)).toEqual(
      defaults.requirements.map(describeRequirement),
    );
  });
});

describe('allSources', () => {
  it('covers every set, optional or not, and every scenario of the cloud', () => {
    const all = allSources(EMBEDDED_CATALOGUE, 'worldwide');
    const sets = EMBEDDED_CATALOGUE.clouds.worldwide.endpointSets.map((s) => s.id);
    expect([...setIdsOf(all)].sort((a, b) => a - b)).toEqual(sets);
    const rows = new Set(
      all.flatMap((r) =>
        r.sources.filter((s) => s.kind === 'other-endpoints').map((s) => s.scenario),
      ),
    );
    expect(rows.has('graph-change-notifications')).toBe(true);
    expect(rows.has('azure-ad-connect-21vianet')).toBe(false);
    expect(find(all, 'autodiscover.*.onmicrosoft.com')).toBeDefined();
  });

  it('finds the China-only scenario in china', () => {
    const all = allSources(EMBEDDED_CATALOGUE, 'china');
    expect(describeRequirement(find(all, '*.entrust.net'))).toBe(
      '*.entrust.net | TCP 80 | warning | row 20 (azure-ad-connect-21vianet)',
    );
  });
});

describe('m365Namespaces', () => {
  it('lists the registrable domains and the address space of the cloud', () => {
    const { domains, ips } = m365Namespaces(EMBEDDED_CATALOGUE, 'worldwide');
    expect(domains).toEqual([...new Set(domains)].sort());
    for (const d of [
      'office.com',
      'office365.com',
      'sharepoint.com',
      'onmicrosoft.com',
      'onenote.net',
      'lync.com',
    ]) {
      expect(domains, d).toContain(d);
    }
    expect(domains).not.toContain('msftconnecttest.com');
    const block = (t: string) => {
      const p = parseIpBlock(t);
      if (!p.ok) throw new Error(p.error);
      return p.value;
    };
    expect(ips.covers(block('52.96.1.0/24'))).toBe(true);
    expect(ips.covers(block('2603:1006::1'))).toBe(true);
    expect(ips.overlaps(block('192.0.2.0/24'))).toBe(false);
  });
});

describe('selectRequirements on a small catalogue', () => {
  const ranges = (...ports: number[]): [number, number][] => ports.map((p) => [p, p]);
  const set = (
    id: number,
    category: 'Optimize' | 'Allow' | 'Default',
    required: boolean,
    url: string,
  ) => ({
    id,
    serviceArea: 'Exchange' as const,
    serviceAreaDisplayName: 'Exchange Online',
    urls: [url],
    ips: [],
    tcpPorts: '443',
    udpPorts: '',
    tcpPortRanges: ranges(443),
    udpPortRanges: [],
    category,
    required,
    expressRoute: false,
  });
  const row = (part: string, tcp: number) => ({
    row: 7,
    scenario: 'example',
    part,
    purpose: 'Example',
    direction: 'outbound' as const,
    scope: 'server' as const,
    destinations: {
      hosts: ['shared.example.com', `${part}.example.com`],
      ips: [],
      tcpPorts: String(tcp),
      udpPorts: '',
      tcpPortRanges: ranges(tcp),
      udpPortRanges: [],
    },
  });
  const worldwide = EMBEDDED_CATALOGUE.clouds.worldwide;
  const catalogue = {
    ...EMBEDDED_CATALOGUE,
    clouds: {
      ...EMBEDDED_CATALOGUE.clouds,
      worldwide: {
        ...worldwide,
        endpointSets: [
          set(1, 'Optimize', true, 'optimize.example.com'),
          set(2, 'Allow', true, 'allow.example.com'),
          set(3, 'Default', true, 'default.example.com'),
          set(4, 'Optimize', false, 'optional.example.com'),
          set(5, 'Default', false, 'default.example.com'),
        ],
      },
    },
    otherEndpoints: [row('a', 80), row('b', 8080)],
  };
  const { requirements } = selectRequirements(catalogue, {
    ...DEFAULTS,
    includeOptional: true,
    scenarios: ['example'],
  });

  it.each([
    ['optimize.example.com', 'optimize.example.com | TCP 443 | error | set 1'],
    ['allow.example.com', 'allow.example.com | TCP 443 | error | set 2'],
    ['default.example.com', 'default.example.com | TCP 443 | warning | set 3, set 5'],
    ['optional.example.com', 'optional.example.com | TCP 443 | notice | set 4'],
    ['a.example.com', 'a.example.com | TCP 80 | warning | row 7 (example)'],
    ['shared.example.com', 'shared.example.com | TCP 80,8080 | warning | row 7 (example)'],
  ])('%s', (text, expected) => {
    expect(describeRequirement(find(requirements, text))).toBe(expected);
  });
});
