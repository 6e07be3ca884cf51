import { describe, expect, it } from 'vitest';
import { EMBEDDED_CATALOGUE } from '../../src/catalogue/embedded.js';
import { selectRequirements } from '../../src/catalogue/select.js';
import type { Selection } from '../../src/catalogue/types.js';
import { coverageMatrices } from '../../src/diff/coverage.js';
import type { Finding } from '../../src/model/finding.js';

const selection: Selection = {
  instance: 'worldwide',
  serviceAreas: ['Exchange'],
  categories: ['Optimize', 'Allow'],
  includeOptional: false,
  ipv6: true,
  scenarios: [],
};

describe('coverage matrix', () => {
  it('counts required endpoints per service area and category, per group', () => {
    const { requirements } = selectRequirements(EMBEDDED_CATALOGUE, selection);
    const inCell = (cat: string) =>
      requirements.filter((r) =>
        r.sources.some((s) => s.serviceArea === 'Exchange' && s.category === cat),
      ).length;
    const missing = (pattern: string, ruleId: Finding['ruleId'], group: string): Finding => ({
      ruleId,
      severity: 'error',
      message: '',
      location: { file: 'a', line: 0, column: 0 },
      requirement: { kind: 'host', pattern, endpointSets: [] },
      group,
    });
    const findings = [
      missing('outlook.office.com', 'missing-endpoint', 'proxy'),
      missing('outlook.office365.com', 'partially-covered', 'proxy'),
      missing('outlook.office.com', 'missing-endpoint', 'firewall'),
    ];
    const [proxy, firewall] = coverageMatrices(EMBEDDED_CATALOGUE, selection, findings, [
      'proxy',
      'firewall',
    ]);
    expect(proxy!.serviceAreas).toEqual(['Exchange']);
    expect(proxy!.categories).toEqual(['Optimize', 'Allow']);
    expect(proxy!.cells).toEqual([
      {
        serviceArea: 'Exchange',
        category: 'Optimize',
        total: inCell('Optimize'),
        covered: inCell('Optimize') - 2,
        partial: 1,
      },
      {
        serviceArea: 'Exchange',
        category: 'Allow',
        total: inCell('Allow'),
        covered: inCell('Allow'),
        partial: 0,
      },
    ]);
    expect(firewall!.cells[0]).toMatchObject({ covered: inCell('Optimize') - 1, partial: 0 });
    expect(inCell('Optimize')).toBe(30);
    const hostsOnly = coverageMatrices(EMBEDDED_CATALOGUE, selection, [], ['proxy'], {
      proxy: { hosts: true, ips: false },
    });
    const hostsInOptimize = requirements.filter(
      (r) =>
        r.kind === 'host' &&
        r.sources.some((s) => s.serviceArea === 'Exchange' && s.category === 'Optimize'),
    ).length;
    expect(hostsOnly[0]!.cells[0]).toMatchObject({
      total: hostsInOptimize,
      covered: hostsInOptimize,
    });
    expect(hostsInOptimize).toBeLessThan(30);
  });
});
