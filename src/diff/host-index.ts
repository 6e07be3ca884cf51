/**
 * Label-suffix indexes that keep host comparisons near-linear: a pattern can only share names
 * with patterns whose fixed base is one of its own base's suffixes, or lies under its base.
 */

/** Suffixes of a dotted name, longest first, ending with the empty name: a.b.c, b.c, c, "". */
export function suffixes(name: string): string[] {
  const out = [name];
  let i = name.indexOf('.');
  while (i !== -1) {
    out.push(name.slice(i + 1));
    i = name.indexOf('.', i + 1);
  }
  if (name !== '') out.push('');
  return out;
}

/** Groups items by an exact key, and by every suffix key in `interesting` (items under that name). */
export class SuffixIndex<T> {
  private readonly at = new Map<string, T[]>();
  private readonly under = new Map<string, T[]>();

  constructor(private readonly interesting: ReadonlySet<string>) {}

  add(base: string, item: T): void {
    push(this.at, base, item);
    if (this.interesting.size === 0) return;
    for (const s of suffixes(base)) if (this.interesting.has(s)) push(this.under, s, item);
  }

  /** Items whose base equals `base` or lies under it (`base` must be in the interesting set). */
  atOrUnder(base: string): readonly T[] {
    return this.under.get(base) ?? [];
  }

  /** Items whose base is exactly one of the suffixes of `base` (including `base` and ""). */
  above(base: string): T[] {
    const out: T[] = [];
    for (const s of suffixes(base)) {
      const items = this.at.get(s);
      if (items) out.push(...items);
    }
    return out;
  }

  /** Items that may share a name with a pattern of this base: above it, at it, or under it. */
  related(base: string): T[] {
    const seen = new Set<T>();
    const out: T[] = [];
    for (const item of [...this.above(base), ...this.atOrUnder(base)]) {
      if (seen.has(item)) continue;
      seen.add(item);
      out.push(item);
    }
    return out;
  }
}

function push<T>(map: Map<string, T[]>, key: string, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

/** Every suffix with at least two labels of each name (the keys worth indexing "under"). */
export function interestingSuffixes(bases: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const b of bases) for (const s of suffixes(b)) if (s.includes('.')) out.add(s);
  return out;
}
