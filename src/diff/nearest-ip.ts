import { IpBlock, type IpFamily } from '../model/ip.js';
import type { IpRows } from './ip-rows.js';

/**
 * The address entry nearest a block, as its row: the one at the smallest distance (0 when it
 * overlaps), then the first in location order, then in entry order. Entries are sorted once by first and
 * by last address, so that each question is two binary searches instead of a pass over a list
 * that may hold a million entries.
 */
export class NearestIp {
  readonly #ips: IpRows;
  #v4: Sorted | undefined;
  #v6: Sorted | undefined;

  constructor(ips: IpRows) {
    this.#ips = ips;
  }

  nearest(block: IpBlock): number | undefined {
    const family = new Uint8Array(1);
    const words = new Uint32Array(8);
    IpBlock.layOut(block, family, words, 0);
    if (block.family === 4) {
      const s = (this.#v4 ??= sortedV4(this.#ips));
      return s.nearest(words.subarray(3, 4), words.subarray(7, 8));
    }
    const s = (this.#v6 ??= sortedV6(this.#ips));
    return s.nearest(words.subarray(0, 4), words.subarray(4, 8));
  }
}

/**
 * The rows of one family with their first and last addresses, `w` words each (1 for IPv4, 4 for
 * IPv6, big-endian), compared word by word: no bigint per entry.
 */
class Sorted {
  constructor(
    readonly rows: IpRows,
    /** The rows of one family, in row order. */
    readonly entries: Uint32Array,
    readonly w: number,
    readonly first: Uint32Array,
    readonly last: Uint32Array,
    /** Positions in `entries` by first address, and by last address, ascending. */
    readonly byFirst: Uint32Array,
    readonly byLast: Uint32Array,
  ) {}

  nearest(from: Uint32Array, to: Uint32Array): number | undefined {
    const m = this.entries.length;
    if (m === 0) return undefined;
    const { first, last, byFirst, byLast, w } = this;
    // Entries ending before the block: byLast[0, below).
    let lo = 0;
    let hi = m;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cmpAt(last, byLast[mid]! * w, from, w) < 0) lo = mid + 1;
      else hi = mid;
    }
    const below = lo;
    // Entries starting after the block: byFirst[above, m).
    lo = 0;
    hi = m;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cmpAt(first, byFirst[mid]! * w, to, w) <= 0) lo = mid + 1;
      else hi = mid;
    }
    const above = lo;
    // Neither before nor after: some entry overlaps the block, at distance 0.
    if (below + (m - above) < m) {
      let best = -1;
      for (let i = 0; i < m; i++)
        if (
          cmpAt(first, i * w, to, w) <= 0 &&
          cmpAt(last, i * w, from, w) >= 0 &&
          (best < 0 || this.#before(i, best))
        )
          best = i;
      return this.entries[best];
    }
    const b = below > 0 ? this.#firstOf(byLast, below - 1, -1, last) : -1;
    const a = above < m ? this.#firstOf(byFirst, above, 1, first) : -1;
    if (b < 0 || a < 0) return this.entries[b < 0 ? a : b];
    const dBelow = value(from, 0, w) - value(last, b * w, w);
    const dAbove = value(first, a * w, w) - value(to, 0, w);
    if (dBelow !== dAbove) return this.entries[dBelow < dAbove ? b : a];
    return this.entries[this.#before(b, a) ? b : a];
  }

  /** Of the run of equal values around order[k] (walking in `step`), the first entry. */
  #firstOf(order: Uint32Array, k: number, step: 1 | -1, values: Uint32Array): number {
    const w = this.w;
    const at = order[k]! * w;
    let best = order[k]!;
    for (
      let j = k + step;
      j >= 0 && j < order.length && sameAt(values, order[j]! * w, values, at, w);
      j += step
    )
      if (this.#before(order[j]!, best)) best = order[j]!;
    return best;
  }

  /** Location order, then entry order. */
  #before(i: number, j: number): boolean {
    const c = this.rows.compare(this.entries[i]!, this.entries[j]!);
    return c < 0 || (c === 0 && i < j);
  }
}

/** Sign of the address at a[ai..ai+w) against the address q. */
function cmpAt(a: Uint32Array, ai: number, q: Uint32Array, w: number): number {
  for (let k = 0; k < w; k++) {
    const x = a[ai + k]!;
    const y = q[k]!;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

function sameAt(a: Uint32Array, ai: number, b: Uint32Array, bi: number, w: number): boolean {
  for (let k = 0; k < w; k++) if (a[ai + k] !== b[bi + k]) return false;
  return true;
}

/** The address as a bigint: asked twice per question. */
function value(a: Uint32Array, ai: number, w: number): bigint {
  let v = 0n;
  for (let k = 0; k < w; k++) v = (v << 32n) | BigInt(a[ai + k]!);
  return v;
}

/** 2^21: a position below it fits beside a 32-bit address in a double. */
const POSITION = 2 ** 21;

function sortedV4(rows: IpRows): Sorted {
  const entries = ofFamily(rows, 4);
  const m = entries.length;
  const first = new Uint32Array(m);
  const last = new Uint32Array(m);
  for (let i = 0; i < m; i++) {
    first[i] = rows.first[entries[i]!]!;
    last[i] = rows.last[entries[i]!]!;
  }
  return new Sorted(rows, entries, 1, first, last, orderOf(first), orderOf(last));
}

/** Positions of `values` (32-bit) in ascending order; ties in any order. */
function orderOf(values: Uint32Array): Uint32Array {
  const m = values.length;
  const order = new Uint32Array(m);
  for (let i = 0; i < m; i++) order[i] = i;
  if (m > POSITION) return order.sort((a, b) => values[a]! - values[b]!);
  // A numeric sort of keys carrying their position is far faster than one with a comparator.
  const keys = new Float64Array(m);
  for (let i = 0; i < m; i++) keys[i] = values[i]! * POSITION + i;
  keys.sort();
  for (let i = 0; i < m; i++) order[i] = keys[i]! % POSITION;
  return order;
}

function sortedV6(rows: IpRows): Sorted {
  const entries = ofFamily(rows, 6);
  const m = entries.length;
  const family = new Uint8Array(1);
  const words = new Uint32Array(8);
  const first = new Uint32Array(4 * m);
  const last = new Uint32Array(4 * m);
  for (let i = 0; i < m; i++) {
    IpBlock.layOut(rows.block(entries[i]!), family, words, 0);
    first.set(words.subarray(0, 4), 4 * i);
    last.set(words.subarray(4, 8), 4 * i);
  }
  return new Sorted(rows, entries, 4, first, last, orderOf4(first, m), orderOf4(last, m));
}

/**
 * Positions of m 4-word addresses in ascending order; ties in any order. A numeric sort by the
 * first word, then a comparison of the rest within each run of equal first words (short runs in
 * real lists): far faster than comparing every pair word by word.
 */
function orderOf4(values: Uint32Array, m: number): Uint32Array {
  const head = new Uint32Array(m);
  for (let i = 0; i < m; i++) head[i] = values[4 * i]!;
  const order = orderOf(head);
  const rest = (a: number, b: number) => {
    for (let k = 1; k < 4; k++) {
      const x = values[4 * a + k]!;
      const y = values[4 * b + k]!;
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  };
  for (let from = 0; from < m;) {
    let to = from + 1;
    while (to < m && head[order[to]!] === head[order[from]!]) to++;
    if (to - from > 1) order.subarray(from, to).sort(rest);
    from = to;
  }
  return order;
}

function ofFamily(rows: IpRows, family: IpFamily): Uint32Array {
  let m = 0;
  for (let i = 0; i < rows.size; i++) if (rows.family(i) === family) m++;
  const out = new Uint32Array(m);
  for (let i = 0, k = 0; i < rows.size; i++) if (rows.family(i) === family) out[k++] = i;
  return out;
}
