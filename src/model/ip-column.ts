import type { IpEntry } from './entry.js';
import { type IpBlock, type IpFamily, IpSet, parsePlainV4 } from './ip.js';
import type { SourceLocation } from './location.js';

const MAX32 = 0xffff_ffff;

/*
 * Shape of a row: the prefix length (0-32) in bits 0-5, host bits set in bit 6, a bare address
 * (written without `/len`) in bit 7.
 */
const HOST_BITS = 64;
const BARE = 128;

/**
 * The plain IPv4 lines of one list file (`a.b.c.d` or `a.b.c.d/len`, no comment, no ports), held
 * in typed arrays: a list of a million addresses keeps a few bytes per line instead of an entry,
 * a location, a string and a block each. Each line is still an entry ({@link ListedIpv4}), whose
 * text, location and block are made when asked for.
 */
export class Ipv4Column {
  #size = 0;
  first = new Uint32Array(0);
  last = new Uint32Array(0);
  line = new Uint32Array(0);
  column = new Uint32Array(0);
  start = new Uint32Array(0);
  shape = new Uint8Array(0);
  length = new Uint8Array(0);

  constructor(
    /** Repository path of the file. */
    readonly path: string,
    /** The file's text, which each row's text is a slice of. */
    readonly source: string,
  ) {}

  get size(): number {
    return this.#size;
  }

  /**
   * Adds the row of a {@link readPlainV4} result, written at `start` (offset in the source, text
   * `length` characters long) on `line` at `column`; returns its entry.
   */
  add(packed: number, line: number, column: number, start: number, length: number): ListedIpv4 {
    const i = this.#size;
    if (i === this.first.length) this.#grow();
    const value = Math.floor(packed / 128);
    const len = (packed >>> 1) & 63;
    const mask = len === 0 ? 0 : (MAX32 << (32 - len)) >>> 0;
    const first = (value & mask) >>> 0;
    this.first[i] = first;
    this.last[i] = (first | ~mask) >>> 0;
    this.line[i] = line;
    this.column[i] = column;
    this.start[i] = start;
    this.length[i] = length;
    this.shape[i] = len | (first !== value ? HOST_BITS : 0) | (packed & 1 ? BARE : 0);
    this.#size = i + 1;
    return new ListedIpv4(this, i);
  }

  #grow(): void {
    const n = Math.max(1024, this.first.length * 2);
    const grow = <T extends Uint32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(n);
      b.set(a);
      return b;
    };
    const u32 = (k: number) => new Uint32Array(k);
    const u8 = (k: number) => new Uint8Array(k);
    this.first = grow(this.first, u32);
    this.last = grow(this.last, u32);
    this.line = grow(this.line, u32);
    this.column = grow(this.column, u32);
    this.start = grow(this.start, u32);
    this.shape = grow(this.shape, u8);
    this.length = grow(this.length, u8);
  }

  text(i: number): string {
    const start = this.start[i]!;
    return this.source.slice(start, start + this.length[i]!);
  }

  /** The block's canonical text (a bare address gains `/32`), its key. */
  key(i: number): string {
    return this.shape[i]! & BARE ? `${this.text(i)}/32` : this.text(i);
  }

  prefixLength(i: number): number {
    return this.shape[i]! & 63;
  }

  hasHostBits(i: number): boolean {
    return (this.shape[i]! & HOST_BITS) !== 0;
  }
}

/** One row of an {@link Ipv4Column}: an entry whose parts are made when read. */
export class ListedIpv4 implements IpEntry {
  constructor(
    readonly list: Ipv4Column,
    readonly row: number,
  ) {}

  get kind(): 'ip' {
    return 'ip';
  }

  get text(): string {
    return this.list.text(this.row);
  }

  get location(): SourceLocation {
    return {
      file: this.list.path,
      line: this.list.line[this.row]!,
      column: this.list.column[this.row]!,
    };
  }

  /** A new block at each read: hot paths read the column instead (see {@link ipFacts}). */
  get block(): IpBlock {
    return parsePlainV4(this.list.text(this.row))!;
  }

  get ports(): undefined {
    return undefined;
  }

  get comment(): undefined {
    return undefined;
  }
}

/*
 * What the engine asks of every address entry of a large list, answered from a column for a
 * listed row and from the block for any other entry, so that neither kind makes an object.
 */

/** The path of the file an entry was read from. */
export function entryFile(e: Located): string {
  return e instanceof ListedIpv4 ? e.list.path : e.location.file;
}

export function ipFamily(e: IpEntry): IpFamily {
  return e instanceof ListedIpv4 ? 4 : e.block.family;
}

/** An IPv4 entry without ports: one the sweeps can read as two numbers. */
export function isPlainV4(e: IpEntry): boolean {
  return e instanceof ListedIpv4 || (e.ports === undefined && e.block.family === 4);
}

/** First address of an IPv4 entry (after masking). */
export function firstV4(e: IpEntry): number {
  return e instanceof ListedIpv4 ? e.list.first[e.row]! : e.block.firstV4;
}

/** Last address of an IPv4 entry. */
export function lastV4(e: IpEntry): number {
  return e instanceof ListedIpv4 ? e.list.last[e.row]! : e.block.lastV4;
}

/** Undefined for a range that is no CIDR block. */
export function ipPrefixLength(e: IpEntry): number | undefined {
  return e instanceof ListedIpv4 ? e.list.prefixLength(e.row) : e.block.prefixLength;
}

export function hasHostBits(e: IpEntry): boolean {
  return e instanceof ListedIpv4 ? e.list.hasHostBits(e.row) : e.block.hasHostBits;
}

/** The key of the entry's block (its canonical text as written). */
export function ipKey(e: IpEntry): string {
  return e instanceof ListedIpv4 ? e.list.key(e.row) : e.block.key();
}

/** Whether some address of the entry is in the set. */
export function setOverlaps(set: IpSet, e: IpEntry): boolean {
  return e instanceof ListedIpv4
    ? set.overlapsV4(e.list.first[e.row]!, e.list.last[e.row]!)
    : set.overlaps(e.block);
}

/** Whether the entry overlaps a block. */
export function overlapsBlock(e: IpEntry, b: IpBlock): boolean {
  if (!(e instanceof ListedIpv4)) return e.block.overlaps(b);
  return b.family === 4 && e.list.first[e.row]! <= b.lastV4 && e.list.last[e.row]! >= b.firstV4;
}

/** Location order of two entries, without making a location for a listed row. */
export function compareEntryLocations(a: Located, b: Located): number {
  const fa = entryFile(a);
  const fb = entryFile(b);
  if (fa !== fb) return fa < fb ? -1 : 1;
  return lineOf(a) - lineOf(b) || columnOf(a) - columnOf(b);
}

type Located = { readonly location: SourceLocation };

function lineOf(e: Located): number {
  return e instanceof ListedIpv4 ? e.list.line[e.row]! : e.location.line;
}

function columnOf(e: Located): number {
  return e instanceof ListedIpv4 ? e.list.column[e.row]! : e.location.column;
}

/** The addresses of the entries, with no block made for a listed row. */
export function ipSetOf(entries: readonly IpEntry[]): IpSet {
  let n4 = 0;
  for (const e of entries) if (ipFamily(e) === 4) n4++;
  const first = new Uint32Array(n4);
  const last = new Uint32Array(n4);
  const v6: IpBlock[] = [];
  let k = 0;
  for (const e of entries) {
    if (e instanceof ListedIpv4) {
      first[k] = e.list.first[e.row]!;
      last[k++] = e.list.last[e.row]!;
      continue;
    }
    const b = e.block;
    if (b.family === 6) v6.push(b);
    else {
      first[k] = b.firstV4;
      last[k++] = b.lastV4;
    }
  }
  const set = IpSet.ofV4(first, last, n4);
  return v6.length === 0 ? set : set.union(IpSet.of(v6));
}
