import { grown } from './collections.js';
import { type IpBlock, parsePlainV4 } from './ip.js';
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
   * Adds a row: an address packed as `readPlainV4` packs it, written at `start` (offset in
   * the source, text `length` characters long) on `line` at `column`.
   */
  add(packed: number, line: number, column: number, start: number, length: number): void {
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
  }

  #grow(): void {
    const n = Math.max(1024, this.first.length * 2);
    this.first = grown(this.first, n);
    this.last = grown(this.last, n);
    this.line = grown(this.line, n);
    this.column = grown(this.column, n);
    this.start = grown(this.start, n);
    this.shape = grown(this.shape, n);
    this.length = grown(this.length, n);
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

  /** Row i as an entry, made now (each call makes a new one). */
  entry(i: number): ListedIpv4 {
    return new ListedIpv4(this, i);
  }
}

/**
 * One row of an {@link Ipv4Column}: an address entry (kind `ip`) whose text, location and block
 * are made when read. Made on demand, for a finding or a writer; its fields are getters, so it is
 * read, never spread.
 */
export class ListedIpv4 {
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

  /** A new block at each read: hot paths read the column instead. */
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
