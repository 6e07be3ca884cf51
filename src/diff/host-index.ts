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
    this.addUnder(base, item);
  }

  /**
   * Files the item under each interesting suffix of its base. Every longer interesting suffix
   * has the two-label one as a suffix too, so when that one is not interesting (most entries
   * of a large general list) nothing is.
   */
  addUnder(base: string, item: T): void {
    const two = lastLabels(base, 2);
    if (two === undefined || !this.interesting.has(two)) return;
    let i = -1;
    let dots = 0;
    for (let j = base.indexOf('.'); j !== -1; j = base.indexOf('.', j + 1)) dots++;
    while (dots >= 1) {
      const s = i === -1 ? base : base.slice(i + 1);
      if (this.interesting.has(s)) push(this.under, s, item);
      i = base.indexOf('.', i + 1);
      dots--;
    }
  }

  /** Items whose base equals `base` or lies under it (`base` must be in the interesting set). */
  atOrUnder(base: string): readonly T[] {
    return this.under.get(base) ?? [];
  }

  /** Items whose base is exactly one of the suffixes of `base` (including `base` and ""). */
  above(base: string): T[] {
    const out: T[] = [];
    this.eachAbove(base, (items) => {
      for (const item of items) out.push(item);
      return false;
    });
    return out;
  }

  /**
   * Visits the groups of items whose base is a suffix of `base`, longest first, without
   * building the list; stops when `visit` returns true.
   */
  eachAbove(base: string, visit: (items: readonly T[]) => boolean): void {
    let s = base;
    let from = 0;
    for (;;) {
      const items = this.at.get(s);
      if (items && visit(items)) return;
      if (s === '') return;
      const dot = base.indexOf('.', from);
      if (dot === -1) s = '';
      else {
        s = base.slice(dot + 1);
        from = dot + 1;
      }
    }
  }

  /** Whether anything indexed can share a name with a pattern of this base (a cheap pre-check of `related`). */
  touches(base: string): boolean {
    // Items above a base of two or more labels have an interesting two-label suffix in common
    // with it, unless they sit at one label or at the root: check those two directly.
    const two = lastLabels(base, 2);
    if (two !== undefined && !this.interesting.has(two)) {
      const one = lastLabels(base, 1) ?? base;
      return this.at.has(one) || this.at.has('');
    }
    let found = false;
    this.eachAbove(base, () => (found = true));
    return found || (this.under.get(base)?.length ?? 0) > 0;
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

/** The last `n` labels of a name, or undefined when it has fewer. */
function lastLabels(name: string, n: number): string | undefined {
  let i = name.length;
  for (let k = 0; k < n; k++) {
    i = name.lastIndexOf('.', i - 1);
    if (i === -1) return k === n - 1 ? name : undefined;
  }
  return name.slice(i + 1);
}
