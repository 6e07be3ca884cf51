import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EMBEDDED_CATALOGUE } from '../../src/catalogue/embedded.js';
import { INSTANCES, type Instance } from '../../src/catalogue/types.js';

const REFERENCE = path.resolve(import.meta.dirname, '../../../shared/reference');

interface Counts {
  sets: number;
  urls: number;
  wildcardUrls: number;
  ipv4: number;
  ipv6: number;
  memSets: number;
}

/** Counted from plain data with nothing from src/, so the catalogue code checks nothing about itself. */
function count(
  sets: readonly { serviceArea: string; urls?: readonly string[]; ips?: readonly string[] }[],
): Counts {
  const urls = new Set(sets.flatMap((s) => s.urls ?? []));
  const ips = new Set(sets.flatMap((s) => s.ips ?? []));
  return {
    sets: sets.length,
    urls: urls.size,
    wildcardUrls: [...urls].filter((u) => u.includes('*')).length,
    ipv4: [...ips].filter((ip) => !ip.includes(':')).length,
    ipv6: [...ips].filter((ip) => ip.includes(':')).length,
    memSets: sets.filter((s) => s.serviceArea === 'MEM').length,
  };
}

const PINNED: Record<Instance, Counts> = {
  worldwide: { sets: 79, urls: 270, wildcardUrls: 89, ipv4: 115, ipv6: 59, memSets: 15 },
  china: { sets: 22, urls: 49, wildcardUrls: 34, ipv4: 59, ipv6: 17, memSets: 0 },
  usgovdod: { sets: 25, urls: 97, wildcardUrls: 29, ipv4: 22, ipv6: 12, memSets: 1 },
  usgovgcchigh: { sets: 26, urls: 85, wildcardUrls: 29, ipv4: 21, ipv6: 14, memSets: 0 },
};

describe('embedded catalogue counts', () => {
  it.each(INSTANCES)('%s matches the pinned counts', (instance) => {
    expect(count(EMBEDDED_CATALOGUE.clouds[instance].endpointSets)).toEqual(PINNED[instance]);
  });

  it('records which clouds include the MEM sets', () => {
    const mem = INSTANCES.map((i) => [i, EMBEDDED_CATALOGUE.clouds[i].provenance.includesMem]);
    expect(mem).toEqual([
      ['worldwide', true],
      ['china', false],
      ['usgovdod', true],
      ['usgovgcchigh', false],
    ]);
  });

  it.each([
    ['worldwide', '2025-09-29'],
    ['china', '2025-11-27'],
    ['usgovdod', '2025-10-30'],
    ['usgovgcchigh', '2025-10-30'],
  ] as const)('%s data is dated %s', (instance, date) => {
    expect(EMBEDDED_CATALOGUE.clouds[instance].provenance.dataDate).toBe(date);
  });
});

describe.skipIf(!existsSync(REFERENCE))(
  'embedded catalogue against the reference responses',
  () => {
    const source = (instance: Instance): unknown[] =>
      JSON.parse(
        readFileSync(path.join(REFERENCE, 'endpoints', `${instance}.json`), 'utf8'),
      ) as unknown[];

    it.each(INSTANCES)('%s has the counts of its source', (instance) => {
      const expected = count(source(instance) as Parameters<typeof count>[0]);
      expect(count(EMBEDDED_CATALOGUE.clouds[instance].endpointSets)).toEqual(expected);
    });

    it.each(INSTANCES)('%s keeps every field of every set', (instance) => {
      const embedded = EMBEDDED_CATALOGUE.clouds[instance].endpointSets;
      const projected = embedded.map((s) => {
        // The catalogue adds parsed ranges and writes absent lists and ports as empty; undo that.
        const { tcpPortRanges: _t, udpPortRanges: _u, ...rest } = s;
        const out: Record<string, unknown> = { ...rest };
        for (const key of ['urls', 'ips'] as const) if (s[key].length === 0) delete out[key];
        for (const key of ['tcpPorts', 'udpPorts'] as const) if (s[key] === '') delete out[key];
        return out;
      });
      const original = (source(instance) as Record<string, unknown>[]).map((s) => {
        const out = { ...s };
        for (const key of ['tcpPorts', 'udpPorts']) if (out[key] === '') delete out[key];
        return out;
      });
      expect(projected).toEqual(original);
    });
  },
);
