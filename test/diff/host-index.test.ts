// The suffix index walks names from their end in a trie instead of slicing them; it answers
// as the index that sliced every suffix and looked it up in a set did.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  interestingSuffixes,
  SuffixIndex,
  SuffixTrie,
  suffixes,
} from '../../src/diff/host-index.js';

/** The index as it was before the trie: every suffix sliced and looked up. */
class SlicingIndex<T> {
  private readonly at = new Map<string, T[]>();
  private readonly under = new Map<string, T[]>();
  constructor(private readonly interesting: ReadonlySet<string>) {}
  add(base: string, item: T): void {
    push(this.at, base, item);
    this.addUnder(base, item);
  }
  addUnder(base: string, item: T): void {
    const two = lastLabels(base, 2);
    if (two === undefined || !this.interesting.has(two)) return;
    for (const s of suffixes(base))
      if (s.includes('.') && this.interesting.has(s)) push(this.under, s, item);
  }
  atOrUnder(base: string): readonly T[] {
    return this.under.get(base) ?? [];
  }
  above(base: string): T[] {
    return suffixes(base).flatMap((s) => this.at.get(s) ?? []);
  }
  touches(base: string): boolean {
    const two = lastLabels(base, 2);
    if (two !== undefined && !this.interesting.has(two)) {
      return this.at.has(lastLabels(base, 1) ?? base) || this.at.has('');
    }
    return this.above(base).length > 0 || this.atOrUnder(base).length > 0;
  }
}

function push<T>(map: Map<string, T[]>, key: string, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

function lastLabels(name: string, n: number): string | undefined {
  const labels = name.split('.');
  return labels.length < n ? undefined : labels.slice(-n).join('.');
}

const label = fc.constantFrom('a', 'b', 'ab', 'com', 'x-y', 'c0', 'm_s');
const name = fc.array(label, { minLength: 1, maxLength: 4 }).map((l) => l.join('.'));
const nameOrRoot = fc.oneof(
  { weight: 9, arbitrary: name },
  { weight: 1, arbitrary: fc.constant('') },
);

describe('SuffixTrie', () => {
  it('holds exactly the names added', () => {
    fc.assert(
      fc.property(fc.array(nameOrRoot, { maxLength: 20 }), fc.array(nameOrRoot), (added, asked) => {
        const trie = new SuffixTrie();
        for (const n of added) trie.add(n);
        for (const n of [...added, ...asked]) expect(trie.has(n)).toBe(added.includes(n));
      }),
    );
  });

  it('tells whether the last two labels of a name are in it', () => {
    fc.assert(
      fc.property(fc.array(nameOrRoot, { maxLength: 20 }), fc.array(nameOrRoot), (added, asked) => {
        const trie = SuffixTrie.of(added);
        for (const n of [...added, ...asked]) {
          const labels = n.split('.');
          const expected = labels.length < 2 || added.includes(labels.slice(-2).join('.'));
          expect(trie.holdsLastTwoLabels(n), n).toBe(expected);
        }
      }),
    );
  });

  it('grows past its first allocation and refuses what is no host name', () => {
    const trie = new SuffixTrie();
    const names = Array.from({ length: 500 }, (_, i) => `n${i}.example${i % 7}.com`);
    for (const n of names) trie.add(n);
    expect(names.every((n) => trie.has(n))).toBe(true);
    expect(trie.has('example1.com')).toBe(false);
    expect(trie.has('N1.example1.com')).toBe(false);
    expect(() => trie.add('Example.com')).toThrow('"Example.com" is not a canonical host name');
    expect(() => trie.add('bücher.de')).toThrow('is not a canonical host name');
  });
});

describe('SuffixIndex', () => {
  it('answers as slicing every suffix does', () => {
    fc.assert(
      fc.property(
        fc.array(name, { maxLength: 8 }),
        fc.array(name, { maxLength: 6 }),
        fc.boolean(),
        fc.array(fc.tuple(nameOrRoot, fc.boolean()), { maxLength: 30 }),
        fc.array(nameOrRoot, { maxLength: 20 }),
        (catalogue, loose, closed, items, asked) => {
          // As the engine makes them (suffix-closed), or any set of names.
          const interesting = closed ? interestingSuffixes(catalogue) : new Set(loose);
          const index = new SuffixIndex<number>(interesting);
          const reference = new SlicingIndex<number>(interesting);
          const queries = [...asked, ...catalogue, ...items.map(([b]) => b)];
          // Half of the items come after a first question, when `touches` has built its trie.
          items.forEach(([base, exact], i) => {
            if (i === items.length >> 1) for (const q of queries) index.touches(q);
            if (exact) {
              index.add(base, i);
              reference.add(base, i);
            } else {
              index.addUnder(base, i);
              reference.addUnder(base, i);
            }
          });
          for (const q of queries) {
            expect(index.touches(q), `touches ${q}`).toBe(reference.touches(q));
            expect(index.atOrUnder(q), `atOrUnder ${q}`).toEqual(reference.atOrUnder(q));
            expect(index.above(q), `above ${q}`).toEqual(reference.above(q));
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
