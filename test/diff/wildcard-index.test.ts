// The wildcard index finds the same covering entry as comparing every pair would, and glob
// containment with its shortcuts and budget answers as the full automaton search does.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMBEDDED_CATALOGUE } from '../../src/catalogue/embedded.js';
import { check } from '../../src/diff/engine.js';
import { WildcardIndex } from '../../src/diff/wildcard-index.js';
import { getFormat } from '../../src/formats/allowlist/index.js';
import { globIncludes, HostPattern } from '../../src/model/host.js';

interface Item {
  readonly pattern: HostPattern;
  readonly id: number;
}

/** Every pair compared, bases from the longest suffix of the query's base to the root, items in order. */
function naiveFirstCover(
  items: readonly Item[],
  pattern: HostPattern,
  accept: (item: Item) => boolean,
): Item | undefined {
  const base = pattern.base;
  const bases = [base];
  for (let i = base.indexOf('.'); i !== -1; i = base.indexOf('.', i + 1))
    bases.push(base.slice(i + 1));
  if (base !== '') bases.push('');
  for (const b of bases) {
    for (const f of items) {
      if (!f.pattern.isWildcard || f.pattern.base !== b || f.pattern.text === pattern.text)
        continue;
      if (f.pattern.covers(pattern) && accept(f)) return f;
    }
  }
  return undefined;
}

const label = fc
  .array(fc.constantFrom('a', 'b', '*', 'ab', 'ba'), { minLength: 1, maxLength: 4 })
  .map((parts) => parts.join('').replace(/\*+/g, '*'));
const pattern = fc
  .tuple(
    fc.constantFrom('', '*.', '.'),
    fc.array(label, { minLength: 0, maxLength: 2 }),
    fc.constantFrom('x.com', 'a.x.com', 'com', 'b.a.x.com'),
  )
  .map(([lead, labels, base]) => HostPattern.parse(`${lead}${[...labels, base].join('.')}`))
  .filter((p) => p.ok)
  .map((p) => (p as { ok: true; value: HostPattern }).value);

describe('WildcardIndex.firstCover', () => {
  it('finds what comparing every pair finds', () => {
    fc.assert(
      fc.property(
        fc.array(pattern, { minLength: 1, maxLength: 30 }),
        fc.array(pattern, { minLength: 1, maxLength: 10 }),
        fc.integer({ min: 1, max: 3 }),
        (patterns, queries, modulus) => {
          const items = patterns.map((p, id) => ({ pattern: p, id }));
          const index = new WildcardIndex<Item>();
          for (const item of items) index.add(item);
          const accept = (item: Item) => item.id % modulus === 0;
          for (const q of [...queries, ...patterns]) {
            expect(index.firstCover(q, accept)?.id).toBe(naiveFirstCover(items, q, accept)?.id);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it.each([
    [['*.sharepoint.com', '*a1b.sharepoint.com'], '*a1b.sharepoint.com', '*.sharepoint.com'],
    [['*a1b.sharepoint.com', '*1b.sharepoint.com'], '*a1b.sharepoint.com', '*1b.sharepoint.com'],
    [['*a1b.sharepoint.com', 'a*.sharepoint.com'], 'ax1b.sharepoint.com', 'a*.sharepoint.com'],
    [['a*b.x.com', '*.com'], 'a-b.x.com', 'a*b.x.com'],
    [['b*.x.com', '*b.x.com'], 'a*b.x.com', '*b.x.com'],
    [['*a*b*.x.com'], 'xaybz.x.com', '*a*b*.x.com'],
    [['*a*b*.x.com'], 'xbyaz.x.com', undefined],
    [
      ['autodiscover.*.onmicrosoft.com'],
      'autodiscover.contoso.onmicrosoft.com',
      'autodiscover.*.onmicrosoft.com',
    ],
    [['.x.com'], 'x.com', '.x.com'],
    [['*.x.com'], 'x.com', undefined],
    [['*.x.com', '*.x.com'], '*.x.com', undefined],
  ])('among %j, %j is first covered by %j', (patterns, query, expected) => {
    const index = new WildcardIndex<Item>();
    patterns.forEach((p, id) => index.add({ pattern: HostPattern.of(p), id }));
    expect(index.firstCover(HostPattern.of(query), () => true)?.pattern.text).toBe(expected);
  });
});

/** Containment by the full subset construction over both globs, without shortcuts or budget. */
function referenceIncludes(outer: string, inner: string): boolean {
  const closure = (g: string, states: Iterable<number>) => {
    const out = new Set<number>();
    for (let s of states) {
      out.add(s);
      while (s < g.length && g[s] === '*') out.add(++s);
    }
    return [...out].sort((x, y) => x - y);
  };
  const step = (g: string, states: number[], c: string) =>
    closure(
      g,
      states.flatMap((s) => (s >= g.length ? [] : g[s] === '*' ? [s] : g[s] === c ? [s + 1] : [])),
    );
  const symbols = [...new Set((outer + inner).replace(/\*/g, '') + 'z')];
  let frontier: [number[], number[]][] = [[closure(inner, [0]), closure(outer, [0])]];
  const seen = new Set<string>();
  while (frontier.length > 0) {
    const next: [number[], number[]][] = [];
    for (const [i, o] of frontier) {
      for (const c of symbols) {
        const ni = step(inner, i, c);
        const no = step(outer, o, c);
        if (ni.includes(inner.length) && !no.includes(outer.length)) return false;
        const key = `${ni}|${no}`;
        if (ni.length === 0 || seen.has(key)) continue;
        seen.add(key);
        next.push([ni, no]);
      }
    }
    frontier = next;
  }
  return true;
}

describe('globIncludes', () => {
  const glob = fc
    .array(fc.constantFrom('a', 'b', '*'), { minLength: 1, maxLength: 9 })
    .map((parts) => parts.join('').replace(/\*+/g, '*'));

  it('answers as the full automaton search does', () => {
    fc.assert(
      fc.property(glob, glob, (outer, inner) => {
        expect(globIncludes(outer, inner)).toBe(referenceIncludes(outer, inner));
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ['*a*b*', 'a*b', true],
    ['*a*b*', 'b*a', false],
    ['a*a*a', 'aa*aa', true],
    ['a*a*a', 'a*a', false],
    ['*ab*', '*a*b*', false],
    ['*a*', 'b*b', false],
  ])('globIncludes(%j, %j) is %s', (outer, inner, expected) => {
    expect(globIncludes(outer, inner)).toBe(expected);
  });
});

describe('a list of mixed scope indexes only the wildcards that can cover a judged entry', () => {
  const NAMES = [
    '*.outlook.com',
    '*.x.outlook.com',
    'a*.outlook.com',
    'x.a.outlook.com',
    'a.outlook.com',
    '*.com',
    '*',
    '*.office.com',
    'b*.office.com',
    '*.y.office.com',
    'x.y.office.com',
    '*.contoso.com',
    '*.a.contoso.com',
    'x.a.contoso.com',
    '*.sharepoint.com',
    'c*.sharepoint.com',
    'cd.sharepoint.com',
    '*.lync.com',
    '.lync.com',
    'x.lync.com',
  ];

  function redundant(lines: readonly string[], withDedicatedFile: boolean) {
    const plain = getFormat('plain')!;
    const file = (path: string, text: string, scope: 'mixed' | 'dedicated') => ({
      parsed: plain.parse({ path, text }),
      capabilities: plain.capabilities,
      scope,
      group: 'default',
    });
    const result = check({
      catalogue: EMBEDDED_CATALOGUE,
      selection: {
        instance: 'worldwide',
        serviceAreas: ['Common', 'Exchange', 'SharePoint', 'Skype'],
        categories: ['Optimize', 'Allow', 'Default'],
        includeOptional: false,
        ipv6: true,
        scenarios: [],
      },
      files: [
        file('mixed.txt', `${lines.join('\n')}\n`, 'mixed'),
        // An empty dedicated file in the same group: every wildcard is then indexed.
        ...(withDedicatedFile ? [file('dedicated.txt', '', 'dedicated')] : []),
      ],
    });
    return result.findings
      .filter((f) => f.location.file === 'mixed.txt' && f.ruleId === 'redundant-entry')
      .map((f) => `${f.location.line} ${f.message}`);
  }

  it('reports the same covered entries as when every wildcard is indexed', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...NAMES), { minLength: 1, maxLength: 12 }), (lines) => {
        expect(redundant(lines, false)).toEqual(redundant(lines, true));
      }),
      { numRuns: 150 },
    );
  });
});
