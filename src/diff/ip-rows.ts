import { objectEntries, type IpEntry, type ParsedFile } from '../model/entry.js';
import type { Ipv4Column } from '../model/ip-column.js';
import { type IpBlock, type IpFamily, IpSet } from '../model/ip.js';

/* Flags of a row. */
const V6 = 1;
/** IPv4 without ports: what the sweeps read as two numbers. */
const PLAIN4 = 2;
const HOST_BITS = 4;
const PORTED = 8;

/** An entry of another kind than a listed row. */
const OBJECT = 0xffff_ffff;

/**
 * The address entries of a group, in file and line order, by position. A plain list's IPv4 lines
 * stay in their column: a row's first and last address and its flags are read from flat arrays,
 * and its entry is made only when a finding needs its text or location.
 */
export class IpRows {
  readonly size: number;
  /** IPv4 rows: first and last address (after masking). */
  readonly first: Uint32Array;
  readonly last: Uint32Array;
  readonly #flags: Uint8Array;
  /** Which of the given files each row was read through. */
  readonly #through: Uint32Array;
  /** The row's column in #columns, or OBJECT (then #index is in #objects). */
  readonly #column: Uint32Array;
  readonly #index: Uint32Array;
  readonly #columns: Ipv4Column[] = [];
  readonly #objects: IpEntry[] = [];

  /** The address entries of the files, in the order of the files and then of their lines. */
  constructor(files: readonly ParsedFile[]) {
    let n = 0;
    for (const f of files) {
      if (f.split) n += f.split.ipv4.size;
      for (const e of objectEntries(f)) if (e.kind === 'ip') n++;
    }
    this.size = n;
    this.first = new Uint32Array(n);
    this.last = new Uint32Array(n);
    this.#flags = new Uint8Array(n);
    this.#through = new Uint32Array(n);
    this.#column = new Uint32Array(n);
    this.#index = new Uint32Array(n);
    let r = 0;
    const addObject = (e: IpEntry, file: number) => {
      const b = e.block;
      this.#through[r] = file;
      this.#column[r] = OBJECT;
      this.#index[r] = this.#objects.length;
      this.#objects.push(e);
      let flags = b.hasHostBits ? HOST_BITS : 0;
      if (e.ports !== undefined) flags |= PORTED;
      if (b.family === 6) flags |= V6;
      else {
        this.first[r] = b.firstV4;
        this.last[r] = b.lastV4;
        if (e.ports === undefined) flags |= PLAIN4;
      }
      this.#flags[r++] = flags;
    };
    for (let fi = 0; fi < files.length; fi++) {
      const f = files[fi]!;
      if (!f.split) {
        for (const e of f.entries) if (e.kind === 'ip') addObject(e, fi);
        continue;
      }
      // Two lists in line order, merged.
      const col = f.split.ipv4;
      const c = this.#columns.length;
      this.#columns.push(col);
      const others = f.split.others;
      let j = 0;
      for (let i = 0; i < col.size; i++) {
        const line = col.line[i]!;
        for (; j < others.length && others[j]!.location.line < line; j++) {
          const e = others[j]!;
          if (e.kind === 'ip') addObject(e, fi);
        }
        this.#through[r] = fi;
        this.#column[r] = c;
        this.#index[r] = i;
        this.first[r] = col.first[i]!;
        this.last[r] = col.last[i]!;
        this.#flags[r++] = PLAIN4 | (col.hasHostBits(i) ? HOST_BITS : 0);
      }
      for (; j < others.length; j++) {
        const e = others[j]!;
        if (e.kind === 'ip') addObject(e, fi);
      }
    }
  }

  /** Row i as an entry: the entry itself, or one made now for a listed row. */
  entry(i: number): IpEntry {
    const c = this.#column[i]!;
    return c === OBJECT
      ? this.#objects[this.#index[i]!]!
      : this.#columns[c]!.entry(this.#index[i]!);
  }

  /** The block of row i (made now for a listed row). */
  block(i: number): IpBlock {
    return this.entry(i).block;
  }

  /** Position, in the files given, of the file row i was read through. */
  through(i: number): number {
    return this.#through[i]!;
  }

  /** The path of the file row i was read from. */
  file(i: number): string {
    const c = this.#column[i]!;
    return c === OBJECT ? this.#objects[this.#index[i]!]!.location.file : this.#columns[c]!.path;
  }

  family(i: number): IpFamily {
    return this.#flags[i]! & V6 ? 6 : 4;
  }

  /** IPv4 without ports. */
  isPlainV4(i: number): boolean {
    return (this.#flags[i]! & PLAIN4) !== 0;
  }

  hasHostBits(i: number): boolean {
    return (this.#flags[i]! & HOST_BITS) !== 0;
  }

  hasPorts(i: number): boolean {
    return (this.#flags[i]! & PORTED) !== 0;
  }

  /** Undefined for a range that is no CIDR block. */
  prefixLength(i: number): number | undefined {
    const c = this.#column[i]!;
    return c === OBJECT
      ? this.#objects[this.#index[i]!]!.block.prefixLength
      : this.#columns[c]!.prefixLength(this.#index[i]!);
  }

  /** The key of the row's network (`10.0.0.0/8` for `10.1.2.3/8`). */
  maskedKey(i: number): string {
    const c = this.#column[i]!;
    if (c === OBJECT || this.hasHostBits(i)) return this.block(i).masked().key();
    return this.#columns[c]!.key(this.#index[i]!);
  }

  /** Whether some address of row i is in the set. */
  overlaps(set: IpSet, i: number): boolean {
    if (this.#flags[i]! & V6) return set.overlaps(this.block(i));
    return set.overlapsV4(this.first[i]!, this.last[i]!);
  }

  /** Whether row i overlaps a block. */
  overlapsBlock(i: number, b: IpBlock): boolean {
    if (this.#flags[i]! & V6) return this.block(i).overlaps(b);
    return b.family === 4 && this.first[i]! <= b.lastV4 && this.last[i]! >= b.firstV4;
  }

  /** Location order of two rows, without making an entry for a listed row. */
  compare(i: number, j: number): number {
    const fa = this.file(i);
    const fb = this.file(j);
    if (fa !== fb) return fa < fb ? -1 : 1;
    return this.#line(i) - this.#line(j) || this.#col(i) - this.#col(j);
  }

  #line(i: number): number {
    const c = this.#column[i]!;
    return c === OBJECT
      ? this.#objects[this.#index[i]!]!.location.line
      : this.#columns[c]!.line[this.#index[i]!]!;
  }

  #col(i: number): number {
    const c = this.#column[i]!;
    return c === OBJECT
      ? this.#objects[this.#index[i]!]!.location.column
      : this.#columns[c]!.column[this.#index[i]!]!;
  }

  /** Rows whose entries overlap a block, as positions, in row order. */
  overlapping(b: IpBlock): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.size; i++) if (this.overlapsBlock(i, b)) out.push(i);
    return out;
  }

  /** Rows whose entries share an address with a set, as positions, in row order. */
  overlappingSet(set: IpSet): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.size; i++) if (this.overlaps(set, i)) out.push(i);
    return out;
  }

  /** The first of some rows in location order. */
  firstOf(rows: readonly number[]): number | undefined {
    let best: number | undefined;
    for (const i of rows) if (best === undefined || this.compare(i, best) < 0) best = i;
    return best;
  }

  /** The addresses of the rows (all when not given), with no block made for a listed row. */
  set(rows?: readonly number[]): IpSet {
    const all = rows === undefined;
    const m = all ? this.size : rows.length;
    let n4 = 0;
    for (let k = 0; k < m; k++) if (!(this.#flags[all ? k : rows[k]!]! & V6)) n4++;
    const first = new Uint32Array(n4);
    const last = new Uint32Array(n4);
    const v6: IpBlock[] = [];
    let j = 0;
    for (let k = 0; k < m; k++) {
      const i = all ? k : rows[k]!;
      if (this.#flags[i]! & V6) v6.push(this.block(i));
      else {
        first[j] = this.first[i]!;
        last[j++] = this.last[i]!;
      }
    }
    const set = IpSet.ofV4(first, last, n4);
    return v6.length === 0 ? set : set.union(IpSet.of(v6));
  }
}
