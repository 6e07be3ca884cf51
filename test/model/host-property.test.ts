import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HostPattern } from '../../src/model/host.js';

// Small pools so that patterns and names collide often: containment questions are only interesting when the
// patterns share labels and characters.
const LITERALS = ['a', 'b', 'ab', 'ba', 'cdn', 'x'];
const GLOBS = ['*', 'a*', '*b', '*cdn', 'a*b', '*a*', '*ab*', 'b*a', '*a*b*', 'a*b*a'];
const FILL_CHARS = ['a', 'b', 'z', '-', 'cdn'];

/** Valid pattern texts: one lead (`*.`, `.`, none), literal labels, and at most one wildcard label in total. */
const patternText: fc.Arbitrary<string> = fc
  .record({
    lead: fc.constantFrom('', '*.', '.'),
    labels: fc.array(fc.constantFrom(...LITERALS), { minLength: 1, maxLength: 3 }),
    glob: fc.option(fc.record({ text: fc.constantFrom(...GLOBS), at: fc.nat() }), {
      nil: undefined,
    }),
  })
  .map(({ lead, labels, glob }) => {
    const out = [...labels];
    if (glob && lead === '') out.splice(glob.at % (out.length + 1), 0, glob.text);
    return lead + out.join('.');
  });

const pattern = patternText.map((text) => HostPattern.of(text));

/** A concrete name that `p` matches, built from the pattern's structure (not by filtering random names). */
function sampleName(p: HostPattern, g: fc.GeneratorValue): string {
  const fill = (): string => g(fc.array, fc.constantFrom(...FILL_CHARS), { maxLength: 3 }).join('');
  const labels = p.labels.map((glob) => {
    const label = glob
      .split('*')
      .reduce((acc, part, i) => (i === 0 ? part : acc + fill() + part), '');
    return label === '' ? fill() || 'z' : label;
  });
  const leadCount =
    p.lead === 'exact' ? 0 : g(fc.integer, { min: p.lead === 'oneOrMore' ? 1 : 0, max: 3 });
  const lead = Array.from({ length: leadCount }, () =>
    g(fc.constantFrom, ...LITERALS, 'z', 'cdnx', 'b-a'),
  );
  return [...lead, ...labels].join('.');
}

const SAMPLES = 25;

describe('HostPattern coverage agrees with matching on sampled names', () => {
  it('names sampled from a pattern match it', () => {
    fc.assert(
      fc.property(pattern, fc.gen(), (p, g) => {
        for (let i = 0; i < SAMPLES; i++) expect(p.matches(sampleName(p, g))).toBe(true);
      }),
    );
  });

  it('full => every sampled name of the required pattern matches the entry; none => no name does', () => {
    fc.assert(
      fc.property(pattern, pattern, fc.gen(), (entry, required, g) => {
        const coverage = entry.coverage(required);
        let matched = 0;
        for (let i = 0; i < SAMPLES; i++) {
          const name = sampleName(required, g);
          const hit = entry.matches(name);
          if (coverage === 'full') expect(hit, `${entry} should match ${name}`).toBe(true);
          if (coverage === 'none') expect(hit, `${entry} should not match ${name}`).toBe(false);
          if (hit) matched++;
        }
        if (matched > 0) expect(coverage).not.toBe('none');
        if (matched < SAMPLES) expect(coverage).not.toBe('full');
      }),
      { numRuns: 2000 },
    );
  });

  it('a name both patterns match makes the coverage not none, in either direction', () => {
    fc.assert(
      fc.property(pattern, pattern, fc.gen(), (a, b, g) => {
        for (let i = 0; i < SAMPLES; i++) {
          const name = sampleName(a, g);
          if (b.matches(name)) {
            expect(a.coverage(b)).not.toBe('none');
            expect(b.coverage(a)).not.toBe('none');
          }
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('HostPattern coverage algebra', () => {
  it('every pattern covers itself fully', () => {
    fc.assert(
      fc.property(pattern, (p) => {
        expect(p.coverage(p)).toBe('full');
      }),
    );
  });

  it('no name in common is symmetric', () => {
    fc.assert(
      fc.property(pattern, pattern, (a, b) => {
        expect(a.intersects(b)).toBe(b.intersects(a));
      }),
    );
  });

  it('full coverage is transitive', () => {
    fc.assert(
      fc.property(pattern, pattern, pattern, (a, b, c) => {
        if (a.covers(b) && b.covers(c)) expect(a.covers(c)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('mutual full coverage means the same canonical pattern', () => {
    fc.assert(
      fc.property(pattern, pattern, (a, b) => {
        if (a.covers(b) && b.covers(a)) expect(a.key()).toBe(b.key());
      }),
      { numRuns: 3000 },
    );
  });

  it('everything is covered by `*`, and a subtree covers its wildcard and its apex', () => {
    const star = HostPattern.of('*');
    fc.assert(
      fc.property(
        pattern,
        fc.array(fc.constantFrom(...LITERALS), { minLength: 1, maxLength: 3 }),
        (p, labels) => {
          expect(star.coverage(p)).toBe('full');
          const base = labels.join('.');
          const subtree = HostPattern.of(`.${base}`);
          expect(subtree.coverage(HostPattern.of(`*.${base}`))).toBe('full');
          expect(subtree.coverage(HostPattern.of(base))).toBe('full');
          expect(HostPattern.of(`*.${base}`).coverage(HostPattern.of(base))).toBe('none');
          expect(HostPattern.of(base, { bareMeansSubtree: true }).key()).toBe(subtree.key());
        },
      ),
    );
  });

  it('parsing the canonical text gives the same pattern', () => {
    fc.assert(
      fc.property(patternText, fc.constantFrom('', '.'), fc.boolean(), (text, dot, upper) => {
        const p = HostPattern.of((upper ? text.toUpperCase() : text) + dot);
        const again = HostPattern.of(p.text);
        expect({ key: again.key(), lead: again.lead, base: again.base }).toEqual({
          key: p.key(),
          lead: p.lead,
          base: p.base,
        });
      }),
    );
  });

  it('substituting a tenant narrows a pattern', () => {
    fc.assert(
      fc.property(pattern, fc.constantFrom('contoso', 'a', 'cdn'), (p, tenant) => {
        const narrowed = p.withTenant(tenant);
        expect(p.coverage(narrowed)).toBe('full');
        if (!p.labels.includes('*')) expect(narrowed).toBe(p);
      }),
    );
  });
});

/**
 * An independent reference: the textbook reading of a pattern as a regular expression (tests only; the product
 * never builds one). Checked exhaustively against bounded enumerations of every pattern in a fixed pool, so any
 * disagreement is reproducible.
 */
function referenceRegex(p: HostPattern): RegExp {
  const lead =
    p.lead === 'oneOrMore' ? '([^.]+\\.)+' : p.lead === 'zeroOrMore' ? '([^.]+\\.)*' : '';
  const labels = p.labels.map((glob) => (glob === '*' ? '[^.]+' : glob.replaceAll('*', '[^.]*')));
  if (p.labels.length === 0) return /^([^.]+\.)*[^.]+$/;
  return new RegExp(`^${lead}${labels.join('\\.')}$`);
}

/** Every name of `p` whose wildcards are filled from short strings over {a, b, z} and whose lead has <= 3 labels. */
function enumerateNames(p: HostPattern): string[] {
  const fills = [''];
  for (const x of ['a', 'b', 'z']) {
    fills.push(x);
    for (const y of ['a', 'b', 'z']) fills.push(x + y);
  }
  const expand = (glob: string): string[] => {
    const [head, ...rest] = glob.split('*');
    let out = [head!];
    for (const part of rest) out = out.flatMap((prefix) => fills.map((f) => prefix + f + part));
    return out.filter((label) => label !== '');
  };
  let names = [''];
  for (const glob of p.labels) {
    const options = expand(glob);
    names = names.flatMap((n) => options.map((o) => (n ? `${n}.${o}` : o)));
  }
  // Lead labels that hit (and miss) every glob in the pool, up to as many labels as a pool pattern has.
  const leadLabels = ['a', 'b', 'z', 'ab', 'ba', 'aa', 'aba'];
  let leads: string[][] = [[]];
  let longer: string[][] = [[]];
  if (p.lead !== 'exact') {
    for (let depth = 0; depth < 3; depth++) {
      longer = longer.flatMap((lead) => leadLabels.map((x) => [x, ...lead]));
      leads = [...leads, ...longer];
    }
    if (p.lead === 'oneOrMore') leads = leads.slice(1);
  }
  return leads.flatMap((lead) => names.map((n) => [...lead, n].filter(Boolean).join('.')));
}

const POOL = [
  'a',
  'b.a',
  'ab.a',
  'a.b.a',
  '*',
  '*.a',
  '*.b.a',
  '*.ab.a',
  '.a',
  '.b.a',
  '.ab.a',
  'a*',
  '*b',
  '*a*',
  '*b.a',
  'a*.a',
  'b*.a',
  'a*b.a',
  'b*a.a',
  '*ab*.a',
  '*a*b*.a',
  'a*b*a.a',
  '*a*a*.a',
  '*aa*.a',
  'a.*.a',
  'b.*.a',
  'ab*.b.a',
  'b.a*.a',
].map((text) => HostPattern.of(text));

describe('HostPattern coverage against an exhaustive reference', () => {
  const names = new Map(POOL.map((p) => [p.key(), enumerateNames(p)]));

  it('matches agrees with the reference regular expression', () => {
    const all = [...new Set([...names.values()].flat())];
    for (const p of POOL) {
      const re = referenceRegex(p);
      for (const name of all) expect(p.matches(name), `${p} / ${name}`).toBe(re.test(name));
    }
  });

  it('coverage is exactly what the enumerated names of the required pattern say', () => {
    const mismatches: string[] = [];
    for (const required of POOL) {
      const sample = names.get(required.key())!;
      for (const entry of POOL) {
        const re = referenceRegex(entry);
        const hits = sample.filter((n) => re.test(n)).length;
        const expected = hits === sample.length ? 'full' : hits === 0 ? 'none' : 'partial';
        const actual = entry.coverage(required);
        if (actual !== expected)
          mismatches.push(`${entry} vs ${required}: ${actual}, expected ${expected}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
