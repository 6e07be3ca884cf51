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

/** The characters of canonical host names and patterns; no key holds any other. */
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789-_.*';
const SYMBOL = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) SYMBOL[ALPHABET.charCodeAt(i)] = i;
const DOT = 46;

/**
 * A set of names kept as a trie of their characters read from the right. One walk from the end
 * of a name meets every suffix of it that is in the set, without slicing the name: the test
 * runs for every entry of a list of a million lines, most of which share no suffix with any key
 * and leave the trie within a few characters.
 */
export class SuffixTrie {
  /** Child of node n for symbol s at n * ALPHABET.length + s; 0 is no child (the root is no one's child). */
  #children = new Int32Array(ALPHABET.length * 64);

  static of(names: Iterable<string>): SuffixTrie {
    const trie = new SuffixTrie();
    for (const name of names) trie.add(name);
    return trie;
  }

  #isKey = new Uint8Array(64);
  #nodes = 1;

  /** Adds a name (canonical: lower case letters, digits, `-`, `_`, `.`, `*`) and returns its node. */
  add(name: string): number {
    let node = 0;
    for (let i = name.length - 1; i >= 0; i--) {
      const c = name.charCodeAt(i);
      const s = c < 128 ? SYMBOL[c]! : -1;
      if (s < 0) throw new Error(`"${name}" is not a canonical host name`);
      const at = node * ALPHABET.length + s;
      let child = this.#children[at]!;
      if (child === 0) {
        child = this.#grow();
        this.#children[at] = child;
      }
      node = child;
    }
    this.#isKey[node] = 1;
    return node;
  }

  /** The node reached from `node` by the character `code`, or -1. The root is 0. */
  step(node: number, code: number): number {
    const s = code < 128 ? SYMBOL[code]! : -1;
    if (s < 0) return -1;
    const child = this.#children[node * ALPHABET.length + s]!;
    return child === 0 ? -1 : child;
  }

  /** Whether the walk that reached `node` spelled a whole name of the set. */
  isKey(node: number): boolean {
    return this.#isKey[node] === 1;
  }

  /** The node of a name of the set, or -1. */
  find(name: string): number {
    let node = 0;
    for (let i = name.length - 1; i >= 0 && node >= 0; i--)
      node = this.step(node, name.charCodeAt(i));
    return node >= 0 && this.isKey(node) ? node : -1;
  }

  has(name: string): boolean {
    return this.find(name) >= 0;
  }

  /**
   * False when `name` has two or more labels and its last two are not a name of the set; true
   * otherwise (also for a shorter name, which this cannot rule out). Allocates nothing.
   */
  holdsLastTwoLabels(name: string): boolean {
    let node = 0;
    let labels = 0;
    for (let i = name.length - 1; i >= 0; i--) {
      node = this.step(node, name.charCodeAt(i));
      if (node < 0) return !name.includes('.');
      if (labelStart(name, i) && ++labels === 2) return this.isKey(node);
    }
    return true;
  }

  #grow(): number {
    const node = this.#nodes++;
    if (node === this.#isKey.length) {
      const isKey = new Uint8Array(node * 2);
      isKey.set(this.#isKey);
      this.#isKey = isKey;
      const children = new Int32Array(node * 2 * ALPHABET.length);
      children.set(this.#children);
      this.#children = children;
    }
    return node;
  }
}

/** Whether position `i` of `name` starts a label. */
function labelStart(name: string, i: number): boolean {
  return i === 0 || name.charCodeAt(i - 1) === DOT;
}

/**
 * Groups items by an exact key, and by every suffix key in `interesting` (items under that name).
 * The interesting names are meant to be suffix-closed and of two or more labels, as
 * {@link interestingSuffixes} makes them: an item is filed under interesting suffixes only when
 * the last two labels of its base are interesting.
 */
export class SuffixIndex<T> {
  private readonly at = new Map<string, T[]>();
  /** The interesting names; items under one of them by its node. */
  private readonly interesting: SuffixTrie;
  private readonly under: (T[] | undefined)[] = [];
  /** The keys of `at`, once `touches` is asked: most indexes are never asked. */
  #atKeys: SuffixTrie | undefined;

  /**
   * `interesting` may be a trie shared by several indexes (one per allowlist group over the same
   * catalogue): it is read, never changed.
   */
  constructor(interesting: SuffixTrie | Iterable<string>) {
    this.interesting = interesting instanceof SuffixTrie ? interesting : SuffixTrie.of(interesting);
  }

  add(base: string, item: T): void {
    const list = this.at.get(base);
    if (list) list.push(item);
    else {
      this.at.set(base, [item]);
      this.#atKeys?.add(base);
    }
    this.addUnder(base, item);
  }

  /**
   * Files the item under each interesting suffix of its base. Every longer interesting suffix
   * has the two-label one as a suffix too, so when that one is not interesting (most entries
   * of a large general list) nothing is.
   */
  addUnder(base: string, item: T): void {
    const trie = this.interesting;
    let node = 0;
    let labels = 0;
    for (let i = base.length - 1; i >= 0; i--) {
      node = trie.step(node, base.charCodeAt(i));
      if (node < 0) return;
      if (!labelStart(base, i)) continue;
      labels++;
      if (labels === 1) continue;
      if (trie.isKey(node)) {
        const list = this.under[node];
        if (list) list.push(item);
        else this.under[node] = [item];
      } else if (labels === 2) {
        return;
      }
    }
  }

  /** Items whose base equals `base` or lies under it (`base` must be in the interesting set). */
  atOrUnder(base: string): readonly T[] {
    const node = this.interesting.find(base);
    return (node < 0 ? undefined : this.under[node]) ?? [];
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

  /**
   * Whether anything indexed can share a name with a pattern of this base (a cheap pre-check of
   * `related`). Walks the base from its end and allocates nothing: it runs several times for
   * every entry of a large list.
   */
  touches(base: string): boolean {
    if (this.at.has('')) return true;
    const keys = (this.#atKeys ??= this.#keysOfAt());
    // Items above a base of two or more labels have an interesting two-label suffix in common
    // with it, unless they sit at one label: check that one alone.
    if (!this.interesting.holdsLastTwoLabels(base)) {
      let node = 0;
      for (let i = base.length - 1; i >= 0; i--) {
        node = keys.step(node, base.charCodeAt(i));
        if (node < 0) return false;
        if (labelStart(base, i)) return keys.isKey(node);
      }
      return false;
    }
    let node = 0;
    for (let i = base.length - 1; i >= 0; i--) {
      node = keys.step(node, base.charCodeAt(i));
      if (node < 0) break;
      if (labelStart(base, i) && keys.isKey(node)) return true;
    }
    return this.atOrUnder(base).length > 0;
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

  #keysOfAt(): SuffixTrie {
    const keys = new SuffixTrie();
    for (const key of this.at.keys()) if (key !== '') keys.add(key);
    return keys;
  }
}

/** Every suffix with at least two labels of each name (the keys worth indexing "under"). */
export function interestingSuffixes(bases: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const b of bases) for (const s of suffixes(b)) if (s.includes('.')) out.add(s);
  return out;
}
