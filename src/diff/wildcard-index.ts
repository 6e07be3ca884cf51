import type { HostPattern } from '../model/host.js';

/**
 * Wildcard entries indexed so that finding one that covers a given pattern compares only
 * candidates that can: comparing every wildcard with every other is quadratic, and 20,000
 * lines of `*a{i}b.sharepoint.com` share one base.
 *
 * A pattern `f` can cover `e` only when f's base (the fixed labels after its last wildcard) is
 * a suffix of e's base, and when the label glob of f just before that base contains what `e`
 * has at the same position. A glob `p*…*s` (p before its first star, s after its last) contains
 * a glob or label only if that one starts with p and ends with s: any shorter beginning leaves
 * a character that `p` fixes free. So entries are grouped by base, then by that glob's s and p,
 * and a query looks up only the suffixes and prefixes of what it has there.
 */
export class WildcardIndex<T extends { readonly pattern: HostPattern }> {
  private readonly buckets = new Map<string, Bucket<T>>();
  private size = 0;

  /** Adds a wildcard item; items added earlier win when several cover. */
  add(item: T): void {
    const p = item.pattern;
    if (!p.isWildcard) return;
    let bucket = this.buckets.get(p.base);
    if (!bucket) {
      bucket = {};
      this.buckets.set(p.base, bucket);
    }
    const entry = { seq: this.size++, item };
    const gate = gateOf(p);
    if (gate === undefined) {
      pushTo((bucket.leads ??= new Map()), p.text, entry);
      return;
    }
    const [prefix, suffix] = ends(gate);
    const globs = (bucket.globs ??= new Map());
    let bySuffix = globs.get(suffix);
    if (!bySuffix) globs.set(suffix, (bySuffix = new Map()));
    let byPrefix = bySuffix.get(prefix);
    if (!byPrefix) bySuffix.set(prefix, (byPrefix = new Map()));
    pushTo(byPrefix, p.text, entry);
  }

  /**
   * The earliest item, among those of the longest base that has any, whose pattern is not
   * `pattern` itself, covers it, and passes `accept`: the order in which a scan of every item,
   * base by base from the longest, would find it.
   */
  firstCover(pattern: HostPattern, accept: (item: T) => boolean): T | undefined {
    const labels = pattern.labels;
    const n = labels.length;
    const base = pattern.base;
    let s = base;
    let from = 0;
    // Labels of the suffix `s` of `base`, counted down as the suffix shortens.
    let k = base === '' ? 0 : countLabels(base);
    for (;;) {
      const bucket = this.buckets.get(s);
      if (bucket) {
        const found = this.inBucket(bucket, pattern, labels, n, k, accept);
        if (found) return found;
      }
      if (s === '') return undefined;
      const dot = base.indexOf('.', from);
      if (dot === -1) s = '';
      else {
        s = base.slice(dot + 1);
        from = dot + 1;
      }
      k--;
    }
  }

  private inBucket(
    bucket: Bucket<T>,
    pattern: HostPattern,
    labels: readonly string[],
    n: number,
    k: number,
    accept: (item: T) => boolean,
  ): T | undefined {
    let best: Slot<T> | undefined;
    const consider = (groups: ReadonlyMap<string, Slot<T>[]>) => {
      for (const [text, slots] of groups) {
        if (text === pattern.text) continue;
        // Every item of a group has the same pattern: compare it once.
        if (best !== undefined && slots[0]!.seq > best.seq) continue;
        if (!slots[0]!.item.pattern.covers(pattern)) continue;
        for (const slot of slots) {
          if (best !== undefined && slot.seq > best.seq) break;
          if (accept(slot.item)) {
            best = slot;
            break;
          }
        }
      }
    };
    if (bucket.leads) consider(bucket.leads);
    const globs = bucket.globs;
    if (globs) {
      // What `pattern` has where the candidates' gate glob stands: a label glob, or any label
      // where its own lead stands.
      const here = n > k ? labels[n - k - 1]! : pattern.lead === 'exact' ? undefined : '*';
      if (here !== undefined) {
        const [prefix, suffix] = ends(here);
        for (let i = 0; i <= suffix.length; i++) {
          const bySuffix = globs.get(suffix.slice(i));
          if (!bySuffix) continue;
          if (bySuffix.size <= prefix.length + 1) {
            for (const [p, groups] of bySuffix) if (prefix.startsWith(p)) consider(groups);
          } else {
            for (let j = 0; j <= prefix.length; j++) {
              const groups = bySuffix.get(prefix.slice(0, j));
              if (groups) consider(groups);
            }
          }
        }
      }
    }
    return best?.item;
  }
}

interface Slot<T> {
  readonly seq: number;
  readonly item: T;
}

/** Created as needed: a large list has a bucket for nearly every wildcard. */
interface Bucket<T> {
  /** Items whose base is all of their fixed labels (`*.x`, `.x`), by pattern text. */
  leads?: Map<string, Slot<T>[]>;
  /** Items with a wildcard label before their base, by that glob's suffix, prefix, then pattern text. */
  globs?: Map<string, Map<string, Map<string, Slot<T>[]>>>;
}

function pushTo<T>(map: Map<string, Slot<T>[]>, key: string, slot: Slot<T>): void {
  const list = map.get(key);
  if (list) list.push(slot);
  else map.set(key, [slot]);
}

/** The label glob just before the pattern's base (its last wildcard label), or undefined when a lead stands there. */
function gateOf(p: HostPattern): string | undefined {
  const labels = p.labels;
  const k = p.base === '' ? 0 : countLabels(p.base);
  return labels.length > k ? labels[labels.length - k - 1] : undefined;
}

/** The literal text before the first star and after the last one; a label without a star is both. */
function ends(glob: string): [string, string] {
  const first = glob.indexOf('*');
  if (first < 0) return [glob, glob];
  return [glob.slice(0, first), glob.slice(glob.lastIndexOf('*') + 1)];
}

function countLabels(name: string): number {
  let count = 1;
  for (let i = name.indexOf('.'); i !== -1; i = name.indexOf('.', i + 1)) count++;
  return count;
}
