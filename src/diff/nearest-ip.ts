import type { IpBlock, IpFamily } from '../model/ip.js';
import type { IpRows } from './ip-rows.js';

/**
 * The address entry nearest a block, as its row: the one at the smallest distance (0 when it
 * overlaps), then the first in location order, then in entry order. Entries are sorted once by first and
 * by last address, so that each question is two binary searches instead of a pass over a list
 * that may hold a million entries.
 */
export class NearestIp {
  readonly #ips: IpRows;
  #v4: Sorted<number> | undefined;
  #v6: Sorted<bigint> | undefined;

  constructor(ips: IpRows) {
    this.#ips = ips;
  }

  nearest(block: IpBlock): number | undefined {
    if (block.family === 4) {
      const s = (this.#v4 ??= sortedV4(this.#ips));
      return s.nearest(block.firstV4, block.lastV4, (a, b) => a - b);
    }
    const s = (this.#v6 ??= sortedV6(this.#ips));
    return s.nearest(block.first, block.last, (a, b) => a - b);
  }
}

class Sorted<T extends number | bigint> {
  constructor(
    readonly rows: IpRows,
    /** The rows of one family, in row order. */
    readonly entries: Uint32Array,
    readonly first: ArrayLike<T>,
    readonly last: ArrayLike<T>,
    /** Positions in `entries` by first address, and by last address, ascending. */
    readonly byFirst: Uint32Array,
    readonly byLast: Uint32Array,
  ) {}

  nearest(from: T, to: T, minus: (a: T, b: T) => T): number | undefined {
    const m = this.entries.length;
    if (m === 0) return undefined;
    const { first, last, byFirst, byLast } = this;
    // Entries ending before the block: byLast[0, below).
    let lo = 0;
    let hi = m;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (last[byLast[mid]!]! < from) lo = mid + 1;
      else hi = mid;
    }
    const below = lo;
    // Entries starting after the block: byFirst[above, m).
    lo = 0;
    hi = m;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (first[byFirst[mid]!]! <= to) lo = mid + 1;
      else hi = mid;
    }
    const above = lo;
    // Neither before nor after: some entry overlaps the block, at distance 0.
    if (below + (m - above) < m) {
      let best = -1;
      for (let i = 0; i < m; i++)
        if (first[i]! <= to && last[i]! >= from && (best < 0 || this.#before(i, best))) best = i;
      return this.entries[best];
    }
    const b = below > 0 ? this.#firstOf(byLast, below - 1, -1, last) : -1;
    const a = above < m ? this.#firstOf(byFirst, above, 1, first) : -1;
    if (b < 0 || a < 0) return this.entries[b < 0 ? a : b];
    const dBelow = minus(from, last[b]!);
    const dAbove = minus(first[a]!, to);
    if (dBelow !== dAbove) return this.entries[dBelow < dAbove ? b : a];
    return this.entries[this.#before(b, a) ? b : a];
  }

  /** Of the run of equal values around order[k] (walking in `step`), the first entry. */
  #firstOf(order: Uint32Array, k: number, step: 1 | -1, values: ArrayLike<T>): number {
    const value = values[order[k]!]!;
    let best = order[k]!;
    for (let j = k + step; j >= 0 && j < order.length && values[order[j]!] === value; j += step)
      if (this.#before(order[j]!, best)) best = order[j]!;
    return best;
  }

  /** Location order, then entry order. */
  #before(i: number, j: number): boolean {
    const c = this.rows.compare(this.entries[i]!, this.entries[j]!);
    return c < 0 || (c === 0 && i < j);
  }
}

/** 2^21: a position below it fits beside a 32-bit address in a double. */
const POSITION = 2 ** 21;

function sortedV4(rows: IpRows): Sorted<number> {
  const entries = ofFamily(rows, 4);
  const m = entries.length;
  const first = new Float64Array(m);
  const last = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    first[i] = rows.first[entries[i]!]!;
    last[i] = rows.last[entries[i]!]!;
  }
  return new Sorted(rows, entries, first, last, orderOf(first), orderOf(last));
}

/** Positions of `values` (32-bit) in ascending order; ties in any order. */
function orderOf(values: Float64Array): Uint32Array {
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

function sortedV6(rows: IpRows): Sorted<bigint> {
  const entries = ofFamily(rows, 6);
  const blocks = Array.from(entries, (i) => rows.block(i));
  const first = blocks.map((b) => b.first);
  const last = blocks.map((b) => b.last);
  const order = (values: readonly bigint[]) =>
    Uint32Array.from(values, (_, i) => i).sort((a, b) =>
      values[a]! < values[b]! ? -1 : values[a]! > values[b]! ? 1 : 0,
    );
  return new Sorted(rows, entries, first, last, order(first), order(last));
}

function ofFamily(rows: IpRows, family: IpFamily): Uint32Array {
  let m = 0;
  for (let i = 0; i < rows.size; i++) if (rows.family(i) === family) m++;
  const out = new Uint32Array(m);
  for (let i = 0, k = 0; i < rows.size; i++) if (rows.family(i) === family) out[k++] = i;
  return out;
}
