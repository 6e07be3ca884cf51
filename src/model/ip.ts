import { fail, ok, type Parsed } from './parsed.js';

export type IpFamily = 4 | 6;

/*
 * Addresses are kept as big-endian arrays of unsigned 32-bit words: one word for IPv4, four for
 * IPv6. Word arithmetic stays in plain numbers (no bigint allocation), and the same interval code
 * serves both families, so the property tests of one exercise the other. bigint only appears at
 * the public edges (first, last, size).
 */

type Words = Uint32Array | number[];

/**
 * Copies `w`-word first and last addresses out of scratch space into a block's own array. Blocks
 * hold plain arrays (small typed arrays cost far more to allocate, and a list parser makes one
 * block per line), built as one literal so the engine stores the words unboxed from the start.
 */
function pairOf(s: Words, w: number): number[] {
  return w === 1 ? [s[0]!, s[1]!] : [s[0]!, s[1]!, s[2]!, s[3]!, s[4]!, s[5]!, s[6]!, s[7]!];
}

const TWO32 = 0x1_0000_0000;
const MAX32 = 0xffff_ffff;

const wordCount = (family: IpFamily): number => (family === 4 ? 1 : 4);
const bitCount = (family: IpFamily): number => (family === 4 ? 32 : 128);

/** Lexicographic comparison of two W-word addresses. */
function cmp(a: Words, ai: number, b: Words, bi: number, w: number): number {
  for (let k = 0; k < w; k++) {
    const x = a[ai + k]!;
    const y = b[bi + k]!;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** True when address `b` is address `a` plus one. */
function isNext(a: Words, ai: number, b: Words, bi: number, w: number): boolean {
  let k = w - 1;
  while (k >= 0 && a[ai + k] === MAX32) {
    if (b[bi + k] !== 0) return false;
    k--;
  }
  if (k < 0) return false;
  if (b[bi + k] !== a[ai + k]! + 1) return false;
  for (k--; k >= 0; k--) if (a[ai + k] !== b[bi + k]) return false;
  return true;
}

/** True when an interval starting at `start` overlaps or directly follows one ending at `end`. */
function touches(end: Words, ei: number, start: Words, si: number, w: number): boolean {
  return cmp(start, si, end, ei, w) <= 0 || isNext(end, ei, start, si, w);
}

function copy(dst: Words, di: number, src: Words, si: number, w: number): void {
  for (let k = 0; k < w; k++) dst[di + k] = src[si + k]!;
}

/** dst = src + 1; the caller guarantees src is not the last address. */
function copyNext(dst: Words, di: number, src: Words, si: number, w: number): void {
  let carry = 1;
  for (let k = w - 1; k >= 0; k--) {
    const x = src[si + k]! + carry;
    carry = x === TWO32 ? 1 : 0;
    dst[di + k] = carry ? 0 : x;
  }
}

/** dst = src - 1; the caller guarantees src is not address zero. */
function copyPrev(dst: Words, di: number, src: Words, si: number, w: number): void {
  let borrow = 1;
  for (let k = w - 1; k >= 0; k--) {
    const x = src[si + k]! - borrow;
    borrow = x < 0 ? 1 : 0;
    dst[di + k] = borrow ? MAX32 : x;
  }
}

function ctz32(x: number): number {
  return x === 0 ? 32 : 31 - Math.clz32(x & -x);
}

function trailingZeros(a: Words, ai: number, w: number): number {
  let n = 0;
  for (let k = w - 1; k >= 0; k--) {
    const x = a[ai + k]!;
    if (x !== 0) return n + ctz32(x);
    n += 32;
  }
  return n;
}

function trailingOnes(a: Words, ai: number, w: number): number {
  let n = 0;
  for (let k = w - 1; k >= 0; k--) {
    const x = a[ai + k]!;
    if (x !== MAX32) return n + ctz32(~x);
    n += 32;
  }
  return n;
}

function bitLength(a: Words, ai: number, w: number): number {
  for (let k = 0; k < w; k++) {
    const x = a[ai + k]!;
    if (x !== 0) return (w - k) * 32 - Math.clz32(x);
  }
  return 0;
}

/** out = a - b (a >= b). */
function diff(out: Words, a: Words, ai: number, b: Words, bi: number, w: number): void {
  let borrow = 0;
  for (let k = w - 1; k >= 0; k--) {
    let x = a[ai + k]! - b[bi + k]! - borrow;
    borrow = x < 0 ? 1 : 0;
    if (borrow) x += TWO32;
    out[k] = x;
  }
}

/** a += 2^bit, in place; the caller guarantees no overflow past the top word. */
function addPow2(a: Words, bit: number, w: number): void {
  let k = w - 1 - (bit >>> 5);
  let x = a[k]! + 2 ** (bit & 31);
  while (x >= TWO32 && k > 0) {
    a[k] = x - TWO32;
    k--;
    x = a[k]! + 1;
  }
  a[k] = x;
}

/**
 * Writes the first and last address of the `len`-bit prefix containing `addr` into `out`
 * (first at 0, last at w).
 */
function maskInto(out: Words, addr: Words, ai: number, len: number, w: number): void {
  for (let k = 0; k < w; k++) {
    const x = addr[ai + k]!;
    const kept = len - 32 * k;
    if (kept >= 32) {
      out[k] = x;
      out[w + k] = x;
    } else if (kept <= 0) {
      out[k] = 0;
      out[w + k] = MAX32;
    } else {
      const m = (MAX32 << (32 - kept)) >>> 0;
      const lo = (x & m) >>> 0;
      out[k] = lo;
      out[w + k] = (lo | ~m) >>> 0;
    }
  }
}

/**
 * The prefix length of [first, last] when that interval is exactly one aligned CIDR block,
 * else undefined. Scratch `d` must hold w words.
 */
function exactPrefix(a: Words, fi: number, li: number, w: number, d: Words): number | undefined {
  diff(d, a, li, a, fi, w);
  const len = bitLength(d, 0, w);
  if (trailingOnes(d, 0, w) !== len) return undefined;
  if (trailingZeros(a, fi, w) < len) return undefined;
  return w * 32 - len;
}

function toBigInt(a: Words, ai: number, w: number): bigint {
  if (w === 1) return BigInt(a[ai]!);
  let v = 0n;
  for (let k = 0; k < w; k++) v = (v << 32n) | BigInt(a[ai + k]!);
  return v;
}

// ---------------------------------------------------------------------------------------------
// Text

function formatV4(x: number): string {
  return `${x >>> 24}.${(x >>> 16) & 255}.${(x >>> 8) & 255}.${x & 255}`;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16));
const HEX2 = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const hexGroup = (x: number): string => (x < 256 ? HEX[x]! : HEX[x >>> 8]! + HEX2[x & 255]!);
const g16 = [0, 0, 0, 0, 0, 0, 0, 0];
const textParts: string[] = [];

/**
 * Fills `textParts` with the RFC 5952 text of an IPv6 address: lower-case, no leading zeros, the
 * longest run (leftmost on ties) of two or more zero groups as "::", IPv4-mapped addresses with a
 * dotted quad (section 5).
 */
function v6Parts(a: Words, ai: number): string[] {
  const parts = textParts;
  parts.length = 0;
  if (a[ai] === 0 && a[ai + 1] === 0 && a[ai + 2] === 0xffff) {
    parts.push('::ffff:', formatV4(a[ai + 3]!));
    return parts;
  }
  const g = g16;
  for (let k = 0; k < 4; k++) {
    const x = a[ai + k]!;
    g[2 * k] = x >>> 16;
    g[2 * k + 1] = x & 0xffff;
  }
  let bestAt = -1;
  let bestLen = 1;
  for (let i = 0; i < 8;) {
    if (g[i] !== 0) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > bestLen) {
      bestAt = i;
      bestLen = j - i;
    }
    i = j;
  }
  for (let i = 0; i < 8; i++) {
    if (i === bestAt) {
      parts.push('::');
      i += bestLen - 1;
      continue;
    }
    if (i > 0 && i !== bestAt + bestLen) parts.push(':');
    parts.push(hexGroup(g[i]!));
  }
  return parts;
}

/*
 * Joined rather than concatenated piece by piece: the result is one flat string, not a tree of
 * partial strings, which matters when half a million of them are kept.
 */
function formatV6(a: Words, ai: number, suffix = ''): string {
  const parts = v6Parts(a, ai);
  parts.push(suffix);
  return parts.join('');
}

/**
 * The canonical text of the IPv6 address parsed from text[0, end), reusing `text` itself when it
 * was already written canonically (the usual case), so no new string is made.
 */
function canonicalV6(a: Words, text: string, end: number, len: number): string {
  const parts = v6Parts(a, 0);
  let at = 0;
  for (const p of parts) {
    if (!text.startsWith(p, at)) return formatV6(a, 0, `/${len}`);
    at += p.length;
  }
  if (at !== end) return formatV6(a, 0, `/${len}`);
  // A prefix length that parsed has no leading zeros, so what follows the address is canonical.
  return end === text.length ? `${text}/${len}` : text;
}

function formatAddress(a: Words, ai: number, w: number): string {
  return w === 1 ? formatV4(a[ai]!) : formatV6(a, ai);
}

const quoted = (s: string): string => `"${s}"`;

/** Parses dotted-quad IPv4 in s[start, end); returns the address or an error message. */
function parseV4(s: string, start: number, end: number, whole: string): number | string {
  let value = 0;
  let octets = 0;
  let i = start;
  for (;;) {
    const begin = i;
    let n = 0;
    while (i < end) {
      const c = s.charCodeAt(i);
      if (c < 48 || c > 57) break;
      n = n * 10 + (c - 48);
      i++;
    }
    if (i === begin) {
      if (i < end && s.charCodeAt(i) !== 46)
        return `unexpected character ${quoted(s.charAt(i))} in ${quoted(whole)}`;
      return `empty octet in ${quoted(whole)}`;
    }
    if (i - begin > 1 && s.charCodeAt(begin) === 48)
      return `octet ${quoted(s.slice(begin, i))} has a leading zero (ambiguous octal) in ${quoted(whole)}`;
    if (n > 255) return `octet ${s.slice(begin, i)} is out of range (0-255) in ${quoted(whole)}`;
    if (++octets > 4) return `too many octets in ${quoted(whole)} (expected 4)`;
    value = value * 256 + n;
    if (i === end) break;
    if (s.charCodeAt(i) !== 46)
      return `unexpected character ${quoted(s.charAt(i))} in ${quoted(whole)}`;
    i++;
    if (i === end) return `empty octet in ${quoted(whole)}`;
  }
  if (octets < 4) return `too few octets in ${quoted(whole)} (expected 4)`;
  return value;
}

function hexDigit(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

const groups = new Array<number>(8).fill(0);

/**
 * Parses IPv6 text in s[start, end) into four words at out[oi]; returns an error message or
 * undefined. Zone ids are rejected by the caller.
 */
function parseV6(
  s: string,
  start: number,
  end: number,
  whole: string,
  out: Words,
  oi: number,
): string | undefined {
  const at = quoted(whole);
  let n = 0;
  let gap = -1;
  let i = start;
  if (s.charCodeAt(i) === 58) {
    if (s.charCodeAt(i + 1) !== 58 || i + 1 >= end)
      return `address starts with a single ":" in ${at}`;
    gap = 0;
    i += 2;
    if (i < end && s.charCodeAt(i) === 58) return `":::" is not valid in ${at}`;
  }
  while (i < end) {
    const begin = i;
    let v = 0;
    while (i < end) {
      const d = hexDigit(s.charCodeAt(i));
      if (d < 0) break;
      v = v * 16 + d;
      i++;
    }
    if (i < end && s.charCodeAt(i) === 46) {
      // A trailing dotted quad stands for the last two groups.
      if (n > 6) return `too many groups in ${at}`;
      const v4 = parseV4(s, begin, end, whole);
      if (typeof v4 === 'string') return v4;
      groups[n++] = v4 >>> 16;
      groups[n++] = v4 & 0xffff;
      i = end;
      break;
    }
    if (i === begin) return `unexpected character ${quoted(s.charAt(i))} in ${at}`;
    if (i - begin > 4)
      return `group ${quoted(s.slice(begin, i))} has more than 4 hex digits in ${at}`;
    if (n === 8) return `too many groups in ${at}`;
    groups[n++] = v;
    if (i === end) break;
    if (s.charCodeAt(i) !== 58) return `unexpected character ${quoted(s.charAt(i))} in ${at}`;
    i++;
    if (i === end) return `address ends with a single ":" in ${at}`;
    if (s.charCodeAt(i) === 58) {
      if (gap >= 0) return `more than one "::" in ${at}`;
      gap = n;
      i++;
      if (i < end && s.charCodeAt(i) === 58) return `":::" is not valid in ${at}`;
    }
  }
  if (gap >= 0) {
    // "::" stands for at least one zero group (RFC 4291 section 2.2).
    if (n > 7) return `too many groups in ${at}`;
    const zeros = 8 - n;
    for (let k = n - 1; k >= gap; k--) groups[k + zeros] = groups[k]!;
    for (let k = gap; k < gap + zeros; k++) groups[k] = 0;
  } else if (n < 8) {
    return `too few groups in ${at} (expected 8, or "::")`;
  }
  for (let k = 0; k < 4; k++) out[oi + k] = groups[2 * k]! * 0x10000 + groups[2 * k + 1]!;
  return undefined;
}

/** Parses one address (either family) in s[start, end) into `out` at `oi`; returns its family or an error. */
function parseAddress(
  s: string,
  start: number,
  end: number,
  whole: string,
  out: Words,
  oi: number,
): IpFamily | string {
  let colon = false;
  for (let i = start; i < end; i++) {
    if (s.charCodeAt(i) === 58) {
      colon = true;
      break;
    }
  }
  if (!colon) {
    const c = s.charCodeAt(start);
    if (c < 48 || c > 57) return `${quoted(whole)} is not an IP address`;
    const v = parseV4(s, start, end, whole);
    if (typeof v === 'string') return v;
    out[oi] = v;
    return 4;
  }
  const zone = s.indexOf('%', start);
  if (zone >= 0 && zone < end)
    return `zone id ${quoted(s.slice(zone, end))} is not allowed in ${quoted(whole)}`;
  return parseV6(s, start, end, whole, out, oi) ?? 6;
}

/** Parses a prefix length in s[start, end) for `family`; returns it or an error. */
function parseLength(s: string, start: number, whole: string, family: IpFamily): number | string {
  const text = s.slice(start);
  if (text === '') return `missing prefix length after "/" in ${quoted(whole)}`;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return `invalid prefix length ${quoted(text)} in ${quoted(whole)}`;
    n = n * 10 + (c - 48);
  }
  // Same rule as octets: "08" reads differently to different tools, so it is refused.
  if (text.length > 1 && text.charCodeAt(0) === 48)
    return `prefix length ${quoted(text)} has a leading zero in ${quoted(whole)}`;
  const max = bitCount(family);
  if (n > max)
    return `prefix length ${text} is out of range for IPv${family} (0-${max}) in ${quoted(whole)}`;
  return n;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}

// ---------------------------------------------------------------------------------------------
// IpBlock

let makeBlock: (
  family: IpFamily,
  text: string,
  prefixLength: number | undefined,
  hasHostBits: boolean,
  w: number[],
) => IpBlock;
let makeV4Block: (
  text: string,
  prefixLength: number,
  hasHostBits: boolean,
  first: number,
  last: number,
) => IpBlock;
let wordsOf: (b: IpBlock) => number[];
/** Networks of blocks with host bits, made on first use; few blocks have them. */
const maskedBlocks = new WeakMap<IpBlock, IpBlock>();

/** An address block as written: a prefix `a/len`, a bare address (= /32 or /128), or a range `a-b`. Immutable. */
export class IpBlock {
  /**
   * Canonical text as written: `10.1.2.3/8` keeps its host bits, a bare address gains `/32` or
   * `/128`, IPv6 is RFC 5952 text, a range stays `a-b`.
   */
  readonly text: string;
  /*
   * The prefix length plus one (0 for a range that is no CIDR block), times two, plus one when
   * host bits are set: one small integer rather than two fields, in every block of a list.
   */
  readonly #shape: number;
  /*
   * IPv4: the first and last address (after masking) as signed 32-bit integers, which the engine
   * keeps inside the object without boxing; a list parser makes one block per line. IPv6: zero,
   * and #w holds the first then the last address as four big-endian 32-bit words each.
   */
  readonly #lo: number;
  readonly #hi: number;
  readonly #w: number[] | undefined;

  static {
    makeBlock = (family, text, prefixLength, hasHostBits, w) =>
      new IpBlock(family, text, prefixLength, hasHostBits, w);
    makeV4Block = (text, prefixLength, hasHostBits, first, last) =>
      new IpBlock(4, text, prefixLength, hasHostBits, undefined, first | 0, last | 0);
    wordsOf = (b) => b.#w ?? [b.#lo >>> 0, b.#hi >>> 0];
  }

  private constructor(
    family: IpFamily,
    text: string,
    prefixLength: number | undefined,
    hasHostBits: boolean,
    w: number[] | undefined,
    lo = 0,
    hi = 0,
  ) {
    this.text = text;
    this.#shape = (prefixLength === undefined ? 0 : prefixLength + 1) * 2 + (hasHostBits ? 1 : 0);
    this.#lo = w !== undefined && family === 4 ? w[0]! | 0 : lo;
    this.#hi = w !== undefined && family === 4 ? w[1]! | 0 : hi;
    this.#w = family === 4 ? undefined : w;
  }

  get family(): IpFamily {
    return this.#w === undefined ? 4 : 6;
  }

  /** Undefined for a range that is not exactly one CIDR block. */
  get prefixLength(): number | undefined {
    const n = this.#shape >> 1;
    return n === 0 ? undefined : n - 1;
  }

  /** `10.1.2.3/8`: reported by callers, never silently fixed. */
  get hasHostBits(): boolean {
    return (this.#shape & 1) === 1;
  }

  /** First address covered (after masking), inclusive. */
  get first(): bigint {
    return this.#w === undefined ? BigInt(this.#lo >>> 0) : toBigInt(this.#w, 0, 4);
  }

  /** Last address covered, inclusive. */
  get last(): bigint {
    return this.#w === undefined ? BigInt(this.#hi >>> 0) : toBigInt(this.#w, 4, 4);
  }

  /** For an IPv4 block: {@link first} as a number, without making a BigInt. */
  get firstV4(): number {
    return this.#lo >>> 0;
  }

  /** For an IPv4 block: {@link last} as a number, without making a BigInt. */
  get lastV4(): number {
    return this.#hi >>> 0;
  }

  /** Number of addresses. */
  size(): bigint {
    return this.last - this.first + 1n;
  }

  /** The network itself: `10.1.2.3/8` becomes `10.0.0.0/8`; other blocks are returned as they are. */
  masked(): IpBlock {
    if (!this.hasHostBits) return this;
    let masked = maskedBlocks.get(this);
    if (masked === undefined) {
      const words = wordsOf(this);
      const w = words.length >>> 1;
      const text = `${formatAddress(words, 0, w)}/${this.prefixLength}`;
      masked = makeBlock(this.family, text, this.prefixLength, false, words);
      maskedBlocks.set(this, masked);
    }
    return masked;
  }

  contains(other: IpBlock): boolean {
    if (other.family !== this.family) return false;
    if (this.#w === undefined) {
      return other.#lo >>> 0 >= this.#lo >>> 0 && other.#hi >>> 0 <= this.#hi >>> 0;
    }
    const o = other.#w!;
    return cmp(o, 0, this.#w, 0, 4) >= 0 && cmp(o, 4, this.#w, 4, 4) <= 0;
  }

  overlaps(other: IpBlock): boolean {
    if (other.family !== this.family) return false;
    if (this.#w === undefined) {
      return other.#lo >>> 0 <= this.#hi >>> 0 && other.#hi >>> 0 >= this.#lo >>> 0;
    }
    const o = other.#w!;
    return cmp(o, 0, this.#w, 4, 4) <= 0 && cmp(o, 4, this.#w, 0, 4) >= 0;
  }

  key(): string {
    return this.text;
  }

  toString(): string {
    return this.text;
  }

  /** IPv4 before IPv6, then by first address, then by last; text breaks the remaining ties. */
  /**
   * Positions of `blocks` in `compareWidestFirst` order, ties in input order. Keys are copied
   * into typed arrays first: for hundreds of thousands of blocks this is several times faster
   * than sorting the blocks with a comparator.
   */
  static orderWidestFirst(blocks: readonly IpBlock[]): Uint32Array {
    const n = blocks.length;
    const words = new Uint32Array(n * 8);
    const family = new Uint8Array(n);
    for (let i = 0; i < n; i++) IpBlock.layOut(blocks[i]!, family, words, i);
    return IpBlock.orderWidestFirstOf(family, words, n);
  }

  /** Writes a block at position i of the layout that {@link orderWidestFirstOf} sorts. */
  static layOut(b: IpBlock, family: Uint8Array, words: Uint32Array, i: number): void {
    family[i] = b.family;
    if (b.#w === undefined) {
      words[i * 8 + 3] = b.#lo;
      words[i * 8 + 7] = b.#hi;
      return;
    }
    const w = b.#w;
    const half = w.length >>> 1;
    // IPv4 uses one word per address; place it last so both families compare the same way.
    for (let k = 0; k < half; k++) {
      words[i * 8 + 4 - half + k] = w[k]!;
      words[i * 8 + 8 - half + k] = w[half + k]!;
    }
  }

  /**
   * {@link orderWidestFirst} of blocks already laid out in typed arrays: `family[i]`, and eight
   * words per block (the first address in words 0-3, the last in 4-7, IPv4 in words 3 and 7).
   */
  static orderWidestFirstOf(family: Uint8Array, words: Uint32Array, n: number): Uint32Array {
    if (n <= POSITION && family.every((f) => f === 4)) return orderV4WidestFirst(words, n);
    const order = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    return order.sort((a, b) => {
      if (family[a] !== family[b]) return family[a]! - family[b]!;
      const x = a * 8;
      const y = b * 8;
      for (let k = 0; k < 4; k++) {
        const p = words[x + k]!;
        const q = words[y + k]!;
        if (p !== q) return p < q ? -1 : 1;
      }
      for (let k = 4; k < 8; k++) {
        const p = words[x + k]!;
        const q = words[y + k]!;
        if (p !== q) return p > q ? -1 : 1;
      }
      return a - b;
    });
  }

  /** Family, then first address ascending, then wider first: a covering block sorts before what it covers. */
  static compareWidestFirst(a: IpBlock, b: IpBlock): number {
    if (a.family !== b.family) return a.family - b.family;
    if (a.#w === undefined) return cmp32(a.#lo, b.#lo) || cmp32(b.#hi, a.#hi);
    return cmp(a.#w, 0, b.#w!, 0, 4) || cmp(b.#w!, 4, a.#w, 4, 4);
  }

  static compare(a: IpBlock, b: IpBlock): number {
    if (a.family !== b.family) return a.family - b.family;
    return (
      (a.#w === undefined
        ? cmp32(a.#lo, b.#lo) || cmp32(a.#hi, b.#hi)
        : cmp(a.#w, 0, b.#w!, 0, 4) || cmp(a.#w, 4, b.#w!, 4, 4)) ||
      (a.text < b.text ? -1 : a.text > b.text ? 1 : 0)
    );
  }
}

/** Compares two IPv4 addresses kept as signed 32-bit integers. */
function cmp32(a: number, b: number): number {
  const x = a >>> 0;
  const y = b >>> 0;
  return x === y ? 0 : x < y ? -1 : 1;
}

/** 2^21: a position below it fits beside a 32-bit address in a double. */
const POSITION = 2 ** 21;

/**
 * orderWidestFirst of IPv4 blocks laid out as there (first address at 8i + 3, last at 8i + 7):
 * two numeric sorts, by last address descending and then by first address ascending, each key
 * carrying a position so that ties keep the earlier order. A sort of plain numbers is several
 * times faster than one with a comparator.
 */
function orderV4WidestFirst(words: Uint32Array, n: number): Uint32Array {
  if (n >= RADIX_MIN) {
    // Two stable radix passes over the positions: by last address descending, then by first.
    const key = new Uint32Array(n);
    for (let i = 0; i < n; i++) key[i] = MAX32 - words[8 * i + 7]!;
    let order: Uint32Array = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    order = radixOrder(key, order);
    for (let i = 0; i < n; i++) key[i] = words[8 * i + 3]!;
    return radixOrder(key, order);
  }
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = (MAX32 - words[8 * i + 7]!) * POSITION + i;
  keys.sort();
  const byLast = new Uint32Array(n);
  for (let r = 0; r < n; r++) byLast[r] = keys[r]! % POSITION;
  for (let r = 0; r < n; r++) keys[r] = words[8 * byLast[r]! + 3]! * POSITION + r;
  keys.sort();
  const order = new Uint32Array(n);
  for (let r = 0; r < n; r++) order[r] = byLast[keys[r]! % POSITION]!;
  return order;
}

/**
 * The positions in `order` sorted by `key[position]` ascending, stably (equal keys keep their
 * order): three counting passes of 11 bits each.
 */
function radixOrder(key: Uint32Array, order: Uint32Array): Uint32Array {
  const n = order.length;
  let from: Uint32Array = order;
  let to: Uint32Array = new Uint32Array(n);
  const counts = new Uint32Array(2048);
  for (let shift = 0; shift < 32; shift += 11) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(key[from[i]!]! >>> shift) & 2047]!++;
    let sum = 0;
    for (let b = 0; b < 2048; b++) {
      const c = counts[b]!;
      counts[b] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const p = from[i]!;
      to[counts[(key[p]! >>> shift) & 2047]!++] = p;
    }
    const t = from;
    from = to;
    to = t;
  }
  return from;
}

const scratchAddr = [0, 0, 0, 0, 0, 0, 0, 0];
const scratchPair = [0, 0, 0, 0, 0, 0, 0, 0];
const scratchDiff = [0, 0, 0, 0];

/**
 * One pass over the commonest form, a well-formed `a.b.c.d` or `a.b.c.d/len`; anything else
 * (including every error) returns undefined and takes the general path ({@link parseIpBlock}),
 * which owns the messages. List parsers call it first on every value: what it accepts is an IP
 * block, with no result wrapper to allocate.
 */
export function parsePlainV4(text: string): IpBlock | undefined {
  const packed = readPlainV4(text);
  if (packed < 0) return undefined;
  const value = Math.floor(packed / 128);
  const len = (packed >>> 1) & 63;
  const bare = (packed & 1) === 1;
  const mask = len === 0 ? 0 : (MAX32 << (32 - len)) >>> 0;
  const first = (value & mask) >>> 0;
  const last = (first | ~mask) >>> 0;
  return makeV4Block(bare ? `${text}/32` : text, len, first !== value, first, last);
}

/**
 * {@link parsePlainV4} of text[start, end), without the block: -1, or the address as written
 * times 128, plus the prefix length times 2, plus 1 for a bare address (one exact double, no
 * allocation). For list readers that keep a million addresses in typed arrays, not as objects.
 */
export function readPlainV4(text: string, start = 0, end = text.length): number {
  const packed = scanPlainV4(text, start, end, stopped);
  return stopped.end === end ? packed : -1;
}

const stopped = { end: 0 };

/**
 * Reads a plain IPv4 address or prefix at text[start] (not past `limit`) up to the first
 * character that cannot continue it, and sets `stop.end` there: packed as {@link readPlainV4}
 * packs it, or -1 when no address starts there. What follows is the caller's to judge, so a line
 * reader takes an address and its line in one pass.
 */
export function scanPlainV4(
  text: string,
  start: number,
  limit: number,
  stop: { end: number },
): number {
  let i = start;
  let c = i < limit ? text.charCodeAt(i) : -1;
  let value = 0;
  for (let octet = 0; ; octet++) {
    const c0 = c - 48;
    if (c0 < 0 || c0 > 9) return -1;
    let v = c0;
    c = ++i < limit ? text.charCodeAt(i) : -1;
    if (c0 !== 0) {
      while (c >= 48 && c <= 57) {
        v = v * 10 + c - 48;
        c = ++i < limit ? text.charCodeAt(i) : -1;
      }
      if (v > 255) return -1;
    }
    value = value * 256 + v;
    if (octet === 3) break;
    if (c !== 46) return -1;
    c = ++i < limit ? text.charCodeAt(i) : -1;
  }
  let len = 32;
  let bare = 1;
  if (c === 47 /* / */) {
    bare = 0;
    c = ++i < limit ? text.charCodeAt(i) : -1;
    len = c - 48;
    if (len < 0 || len > 9) return -1;
    c = ++i < limit ? text.charCodeAt(i) : -1;
    if (c >= 48 && c <= 57) {
      if (len === 0) return -1;
      len = len * 10 + c - 48;
      if (len > 32) return -1;
      i++;
    }
  }
  stop.end = i;
  return value * 128 + len * 2 + bare;
}

/**
 * Parses `1.2.3.4`, `10.0.0.0/8`, `10.1.2.3/8` (kept, with hasHostBits), `2001:db8::/32`,
 * `::ffff:1.2.3.4`, and ranges `10.0.0.1-10.0.0.9` (spaces around the dash allowed).
 * Leading zeros in octets and prefix lengths, zone ids and mixed-family ranges are refused.
 */
export function parseIpBlock(text: string): Parsed<IpBlock> {
  const v4 = parsePlainV4(text);
  if (v4 !== undefined) return ok(v4);
  if (text === '') return fail('empty address');
  const slash = text.indexOf('/');
  const dash = text.indexOf('-');
  if (dash >= 0 && (slash < 0 || dash !== slash + 1)) return parseRange(text, dash, slash);
  if (slash === 0) return fail(`missing address before "/" in ${quoted(text)}`);
  const end = slash < 0 ? text.length : slash;
  const a = scratchAddr;
  const family = parseAddress(text, 0, end, text, a, 0);
  if (typeof family === 'string') return fail(family);
  const len = slash < 0 ? bitCount(family) : parseLength(text, slash + 1, text, family);
  if (typeof len === 'string') return fail(len);
  const w = wordCount(family);
  const pair = scratchPair;
  maskInto(pair, a, 0, len, w);
  const hostBits = cmp(a, 0, pair, 0, w) !== 0;
  const words = pairOf(pair, w);
  // Dotted quads without leading zeros are already canonical, so IPv4 text is kept as written.
  const canonical =
    family === 4 ? (slash < 0 ? `${text}/32` : text) : canonicalV6(a, text, end, len);
  return ok(makeBlock(family, canonical, len, hostBits, words));
}

function parseRange(text: string, dash: number, slash: number): Parsed<IpBlock> {
  if (slash >= 0) return fail(`a range cannot have a prefix length in ${quoted(text)}`);
  let le = dash;
  while (le > 0 && isSpace(text.charCodeAt(le - 1))) le--;
  let rs = dash + 1;
  while (rs < text.length && isSpace(text.charCodeAt(rs))) rs++;
  if (le === 0) return fail(`missing range start before "-" in ${quoted(text)}`);
  if (rs === text.length) return fail(`missing range end after "-" in ${quoted(text)}`);
  const a = scratchAddr;
  const fa = parseAddress(text, 0, le, text, a, 0);
  if (typeof fa === 'string') return fail(fa);
  const fb = parseAddress(text, rs, text.length, text, a, 4);
  if (typeof fb === 'string') return fail(fb);
  if (fa !== fb) return fail(`range ${quoted(text)} mixes IPv4 and IPv6`);
  const w = wordCount(fa);
  const pair = scratchPair;
  copy(pair, 0, a, 0, w);
  copy(pair, w, a, 4, w);
  const words = pairOf(pair, w);
  if (cmp(words, w, words, 0, w) < 0) return fail(`range ${quoted(text)} ends before it starts`);
  const canonical = `${formatAddress(words, 0, w)}-${formatAddress(words, w, w)}`;
  return ok(makeBlock(fa, canonical, exactPrefix(words, 0, w, w, scratchDiff), false, words));
}

/**
 * Cheap test used by list parsers to decide that a token is meant as an IP address, so that a
 * malformed one is reported as such rather than read as a host name: digits with dots, slashes
 * and dashes (`10.0.0.0/8`, `10.0.0.1-10.0.0.9`, `300.1.1.1`), or hex with at least two colons
 * (`2001:db8::/32`, `fe80::1%eth0`).
 */
export function looksLikeIp(text: string): boolean {
  let colons = 0;
  let digits = 0;
  let dotsOrSlashes = 0;
  let letters = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 58) colons++;
    else if (c === 46 || c === 47) dotsOrSlashes++;
    else if (c === 45) continue;
    else if ((c >= 97 && c <= 102) || (c >= 65 && c <= 70)) letters++;
    else if (c === 37 && colons >= 2) return true;
    else return false;
  }
  if (colons >= 2) return true;
  return colons === 0 && letters === 0 && digits > 0 && dotsOrSlashes > 0;
}

// ---------------------------------------------------------------------------------------------
// Interval lists: Uint32Array of [start words, end words] per interval, sorted, disjoint, and
// never adjacent (touching intervals are merged), so equal sets have equal arrays.

const EMPTY: Uint32Array = new Uint32Array(0);

/**
 * Sorts n keys of w words each; `scratch` is a buffer of the same size, and the result is in
 * either `keys` or `scratch`. IPv4 uses the engine's numeric typed-array sort; IPv6 an LSD radix
 * sort on 16-bit digits. Buffers are reused because large typed arrays are memory outside the
 * heap, and allocating much of it makes the engine collect the whole (possibly large) heap.
 */
function sortKeys(keys: Uint32Array, scratch: Uint32Array, n: number, w: number): Uint32Array {
  if (w === 1) return keys.sort();
  if (n < 256) {
    const order = Array.from({ length: n }, (_, i) => i);
    order.sort((x, y) => cmp(keys, x * w, keys, y * w, w));
    for (let i = 0; i < n; i++) copy(scratch, i * w, keys, order[i]! * w, w);
    return scratch;
  }
  return radixSort128(keys, scratch, n);
}

/** Digit counts for the radix sort, kept between calls (2 MiB, made on first use). */
let radixCounts: Uint32Array | undefined;

/**
 * LSD radix sort of n 128-bit keys (four words each) on 16-bit digits. One pass counts every
 * digit; a digit that is the same in every key is skipped, and prefixes have long zero (or
 * all-ones) tails, so lists of real prefixes take about half the passes.
 */
function radixSort128(keys: Uint32Array, scratch: Uint32Array, n: number): Uint32Array {
  const counts = (radixCounts ??= new Uint32Array(8 * 65536));
  counts.fill(0);
  for (let i = 0; i < 4 * n; i += 4) {
    for (let word = 0; word < 4; word++) {
      const x = keys[i + word]!;
      const base = (3 - word) * 2 * 65536;
      counts[base + (x & 0xffff)]!++;
      counts[base + 65536 + (x >>> 16)]!++;
    }
  }
  let src = keys;
  let dst = scratch;
  for (let digit = 0; digit < 8; digit++) {
    const word = 3 - (digit >>> 1);
    const shift = (digit & 1) * 16;
    const base = digit * 65536;
    if (counts[base + ((keys[word]! >>> shift) & 0xffff)] === n) continue;
    let sum = 0;
    for (let d = base; d < base + 65536; d++) {
      const c = counts[d]!;
      counts[d] = sum;
      sum += c;
    }
    for (let i = 0; i < 4 * n; i += 4) {
      const o = counts[base + ((src[i + word]! >>> shift) & 0xffff)]!++ * 4;
      dst[o] = src[i]!;
      dst[o + 1] = src[i + 1]!;
      dst[o + 2] = src[i + 2]!;
      dst[o + 3] = src[i + 3]!;
    }
    const t = src;
    src = dst;
    dst = t;
  }
  return src;
}

/** Below this many keys the engine's own sort is as fast as the radix sort's fixed costs. */
const RADIX_MIN = 4096;

/**
 * Sorts n 32-bit keys in place: an LSD radix sort on 16-bit digits (two passes through
 * `scratch`, at least n long) for large lists, several times faster than the engine's sort.
 */
function sort32(keys: Uint32Array, scratch: Uint32Array, n: number): Uint32Array {
  if (n < RADIX_MIN) return keys.sort();
  const counts = (radixCounts ??= new Uint32Array(8 * 65536));
  counts.fill(0, 0, 2 * 65536);
  for (let i = 0; i < n; i++) {
    const x = keys[i]!;
    counts[x & 0xffff]!++;
    counts[65536 + (x >>> 16)]!++;
  }
  for (let base = 0; base < 2 * 65536; base += 65536) {
    let sum = 0;
    for (let d = base; d < base + 65536; d++) {
      const c = counts[d]!;
      counts[d] = sum;
      sum += c;
    }
  }
  for (let i = 0; i < n; i++) {
    const x = keys[i]!;
    scratch[counts[x & 0xffff]!++] = x;
  }
  for (let i = 0; i < n; i++) {
    const x = scratch[i]!;
    keys[counts[65536 + (x >>> 16)]!++] = x;
  }
  return keys;
}

/**
 * Merges n intervals given as separate start and end key arrays (both are reordered). Sorting
 * starts and ends on their own is enough: pairing the i-th smallest start with the i-th smallest
 * end gives intervals with the same union, and avoids sorting records.
 */
function buildList(starts: Uint32Array, ends: Uint32Array, n: number, w: number): Uint32Array {
  if (n === 0) return EMPTY;
  if (w === 1) {
    const scratch = n < RADIX_MIN ? EMPTY : new Uint32Array(n);
    return buildList32(sort32(starts, scratch, n), sort32(ends, scratch, n), n);
  }
  let scratch: Uint32Array = new Uint32Array(starts.length);
  const s = sortKeys(starts, scratch, n, w);
  if (s === scratch) scratch = starts;
  const e = sortKeys(ends, scratch, n, w);
  // Count first, so the result is allocated once at its final size.
  let m = 1;
  for (let i = 1; i < n; i++) if (!touches(e, (i - 1) * w, s, i * w, w)) m++;
  const out = new Uint32Array(2 * w * m);
  let k = 0;
  let from = 0;
  for (let i = 1; i < n; i++) {
    if (touches(e, (i - 1) * w, s, i * w, w)) continue;
    copy(out, k, s, from * w, w);
    copy(out, k + w, e, (i - 1) * w, w);
    k += 2 * w;
    from = i;
  }
  copy(out, k, s, from * w, w);
  copy(out, k + w, e, (n - 1) * w, w);
  return out;
}

/** buildList for sorted IPv4 keys, in plain number arithmetic: a list parser calls it once, cold. */
function buildList32(s: Uint32Array, e: Uint32Array, n: number): Uint32Array {
  let m = 1;
  for (let i = 1; i < n; i++) if (s[i]! > e[i - 1]! + 1) m++;
  const out = new Uint32Array(2 * m);
  let k = 0;
  out[0] = s[0]!;
  for (let i = 1; i < n; i++) {
    if (s[i]! <= e[i - 1]! + 1) continue;
    out[k + 1] = e[i - 1]!;
    out[k + 2] = s[i]!;
    k += 2;
  }
  out[k + 1] = e[n - 1]!;
  return out;
}

function unionLists(a: Uint32Array, b: Uint32Array, w: number): Uint32Array {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const r = 2 * w;
  const na = a.length / r;
  const nb = b.length / r;
  const out = new Uint32Array(a.length + b.length);
  let m = -1;
  let i = 0;
  let j = 0;
  while (i < na || j < nb) {
    let src: Uint32Array;
    let off: number;
    if (j >= nb || (i < na && cmp(a, i * r, b, j * r, w) <= 0)) {
      src = a;
      off = i++ * r;
    } else {
      src = b;
      off = j++ * r;
    }
    if (m >= 0 && touches(out, m * r + w, src, off, w)) {
      if (cmp(src, off + w, out, m * r + w, w) > 0) copy(out, m * r + w, src, off + w, w);
    } else {
      m++;
      copy(out, m * r, src, off, r);
    }
  }
  return out.slice(0, (m + 1) * r);
}

function subtractLists(a: Uint32Array, b: Uint32Array, w: number): Uint32Array {
  if (a.length === 0 || b.length === 0) return a;
  const m = subtractInto(null, a, b, w);
  const out = new Uint32Array(m * 2 * w);
  subtractInto(out, a, b, w);
  return out;
}

/**
 * Writes a minus b into `out` (when given) and returns the number of intervals. Run twice, to
 * count and then to fill, so that a small set minus a huge one allocates only what it keeps.
 */
function subtractInto(out: Uint32Array | null, a: Uint32Array, b: Uint32Array, w: number): number {
  const r = 2 * w;
  const na = a.length / r;
  const nb = b.length / r;
  const cur = new Uint32Array(w);
  let m = 0;
  let j = 0;
  for (let i = 0; i < na; i++) {
    const as = i * r;
    const ae = as + w;
    copy(cur, 0, a, as, w);
    j = firstEndingAtOrAfter(b, j, cur, 0, w);
    let open = true;
    while (j < nb && cmp(b, j * r, a, ae, w) <= 0) {
      const bs = j * r;
      if (cmp(b, bs, cur, 0, w) > 0) {
        if (out) {
          copy(out, m * r, cur, 0, w);
          copyPrev(out, m * r + w, b, bs, w);
        }
        m++;
      }
      // This b interval may reach into the next a interval: keep j on it.
      if (cmp(b, bs + w, a, ae, w) >= 0) {
        open = false;
        break;
      }
      copyNext(cur, 0, b, bs + w, w);
      j++;
    }
    if (open) {
      if (out) {
        copy(out, m * r, cur, 0, w);
        copy(out, m * r + w, a, ae, w);
      }
      m++;
    }
  }
  return m;
}

function intersectLists(a: Uint32Array, b: Uint32Array, w: number): Uint32Array {
  if (a.length === 0 || b.length === 0) return EMPTY;
  const m = intersectInto(null, a, b, w);
  const out = new Uint32Array(m * 2 * w);
  intersectInto(out, a, b, w);
  return out;
}

/** Writes a intersect b into `out` (when given) and returns the number of intervals. */
function intersectInto(out: Uint32Array | null, a: Uint32Array, b: Uint32Array, w: number): number {
  const r = 2 * w;
  const na = a.length / r;
  const nb = b.length / r;
  let m = 0;
  let i = 0;
  let j = 0;
  for (;;) {
    // Skip, in big steps, what ends before the other side's current interval starts.
    i = firstEndingAtOrAfter(a, i, b, j * r, w);
    if (i >= na) break;
    j = firstEndingAtOrAfter(b, j, a, i * r, w);
    if (j >= nb) break;
    const ai = i * r;
    const bi = j * r;
    const aStartsLater = cmp(a, ai, b, bi, w) >= 0;
    const lo = aStartsLater ? a : b;
    const loAt = aStartsLater ? ai : bi;
    const aEndsFirst = cmp(a, ai + w, b, bi + w, w) <= 0;
    const hi = aEndsFirst ? a : b;
    const hiAt = (aEndsFirst ? ai : bi) + w;
    if (cmp(lo, loAt, hi, hiAt, w) <= 0) {
      if (out) {
        copy(out, m * r, lo, loAt, w);
        copy(out, m * r + w, hi, hiAt, w);
      }
      m++;
    }
    if (aEndsFirst) i++;
    else j++;
    if (i >= na || j >= nb) break;
  }
  return m;
}

/**
 * The first interval at or after `from` whose end is at or after the address x[xi] (or the
 * interval count). Gallops: one step when the answer is near, a binary search when it is far.
 */
function firstEndingAtOrAfter(
  list: Uint32Array,
  from: number,
  x: Words,
  xi: number,
  w: number,
): number {
  const r = 2 * w;
  const n = list.length / r;
  if (from >= n || cmp(list, from * r + w, x, xi, w) >= 0) return from;
  // Invariant: the interval at lo ends before x; the answer is in (lo, hi].
  let lo = from;
  let step = 1;
  let hi = from + step;
  while (hi < n && cmp(list, hi * r + w, x, xi, w) < 0) {
    lo = hi;
    step *= 2;
    hi = from + step;
  }
  if (hi > n) hi = n;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (cmp(list, mid * r + w, x, xi, w) < 0) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** Index of the last interval whose start is <= the address at x[xi], or -1. */
function lastStartingAtOrBefore(list: Uint32Array, x: Words, xi: number, w: number): number {
  const r = 2 * w;
  let lo = 0;
  let hi = list.length / r - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (cmp(list, mid * r, x, xi, w) <= 0) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/** {@link lastStartingAtOrBefore} for an IPv4 list, in plain numbers: asked once per entry. */
function lastStartingAtOrBefore32(list: Uint32Array, x: number): number {
  let lo = 0;
  let hi = (list.length >>> 1) - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (list[2 * mid]! <= x) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/** For each of the 65,536 IPv4 /16 blocks, 1 when an interval of the list touches it. */
function touched16(list: Uint32Array): Uint8Array {
  const blocks = new Uint8Array(65536);
  for (let i = 0; i < list.length; i += 2)
    for (let h = list[i]! >>> 16; h <= list[i + 1]! >>> 16; h++) blocks[h] = 1;
  return blocks;
}

/** The standard greedy split of each interval into the fewest aligned CIDR blocks. */
function cidrsOf(list: Uint32Array, family: IpFamily, out: IpBlock[]): void {
  const w = wordCount(family);
  const bits = w * 32;
  const r = 2 * w;
  const lo = new Uint32Array(w);
  const d = new Uint32Array(w);
  const pair = new Uint32Array(r);
  for (let i = 0; i < list.length; i += r) {
    copy(lo, 0, list, i, w);
    for (;;) {
      diff(d, list, i + w, lo, 0, w);
      const span = bitLength(d, 0, w);
      const exact = trailingOnes(d, 0, w) === span;
      const fit = exact ? span : span - 1;
      const k = Math.min(trailingZeros(lo, 0, w), fit);
      maskInto(pair, lo, 0, bits - k, w);
      const text = `${formatAddress(lo, 0, w)}/${bits - k}`;
      out.push(makeBlock(family, text, bits - k, false, pairOf(pair, w)));
      if (exact && k === span) break;
      addPow2(lo, k, w);
    }
  }
}

function formatList(list: Uint32Array, w: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < list.length; i += 2 * w)
    out.push(`${formatAddress(list, i, w)}-${formatAddress(list, i + w, w)}`);
  return out;
}

function sizeOf(list: Uint32Array, w: number): bigint {
  if (w === 1) {
    let n = 0;
    for (let i = 0; i < list.length; i += 2) n += list[i + 1]! - list[i]! + 1;
    return BigInt(n);
  }
  let n = 0n;
  for (let i = 0; i < list.length; i += 2 * w)
    n += toBigInt(list, i + w, w) - toBigInt(list, i, w) + 1n;
  return n;
}

function sameWords(a: Uint32Array, b: Uint32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** An immutable set of addresses of both families (sorted, merged intervals per family). */
export class IpSet {
  static readonly #EMPTY = new IpSet(EMPTY, EMPTY);

  readonly #v4: Uint32Array;
  readonly #v6: Uint32Array;
  /** 1 for each IPv4 /16 that some address of the set is in; made on first use. */
  #v4Blocks: Uint8Array | undefined;

  private constructor(v4: Uint32Array, v6: Uint32Array) {
    this.#v4 = v4;
    this.#v6 = v6;
  }

  static empty(): IpSet {
    return IpSet.#EMPTY;
  }

  /** Sort + merge, O(n log n) for IPv4 and linear passes for IPv6. */
  static of(blocks: Iterable<IpBlock>): IpSet {
    const list = Array.isArray(blocks) ? (blocks as readonly IpBlock[]) : [...blocks];
    let n4 = 0;
    for (const b of list) if (b.family === 4) n4++;
    const n6 = list.length - n4;
    const s4 = new Uint32Array(n4);
    const e4 = new Uint32Array(n4);
    const s6 = new Uint32Array(4 * n6);
    const e6 = new Uint32Array(4 * n6);
    let i4 = 0;
    let i6 = 0;
    for (const b of list) {
      if (b.family === 4) {
        s4[i4] = b.firstV4;
        e4[i4++] = b.lastV4;
      } else {
        const x = wordsOf(b);
        s6[i6] = x[0]!;
        s6[i6 + 1] = x[1]!;
        s6[i6 + 2] = x[2]!;
        s6[i6 + 3] = x[3]!;
        e6[i6] = x[4]!;
        e6[i6 + 1] = x[5]!;
        e6[i6 + 2] = x[6]!;
        e6[i6 + 3] = x[7]!;
        i6 += 4;
      }
    }
    if (n4 === 0 && n6 === 0) return IpSet.#EMPTY;
    return new IpSet(buildList(s4, e4, n4, 1), buildList(s6, e6, n6, 4));
  }

  /** The set of n IPv4 ranges given by their first and last addresses (both arrays are reordered). */
  static ofV4(first: Uint32Array, last: Uint32Array, n: number): IpSet {
    if (n === 0) return IpSet.#EMPTY;
    return new IpSet(buildList(first, last, n, 1), EMPTY);
  }

  union(other: IpSet): IpSet {
    return new IpSet(unionLists(this.#v4, other.#v4, 1), unionLists(this.#v6, other.#v6, 4));
  }

  /** Addresses of this set that `other` does not contain. */
  subtract(other: IpSet): IpSet {
    return new IpSet(subtractLists(this.#v4, other.#v4, 1), subtractLists(this.#v6, other.#v6, 4));
  }

  intersect(other: IpSet): IpSet {
    return new IpSet(
      intersectLists(this.#v4, other.#v4, 1),
      intersectLists(this.#v6, other.#v6, 4),
    );
  }

  isEmpty(): boolean {
    return this.#v4.length === 0 && this.#v6.length === 0;
  }

  /** True when every address of `block` is in the set. */
  covers(block: IpBlock): boolean {
    if (block.family === 4) {
      const i = lastStartingAtOrBefore32(this.#v4, block.firstV4);
      return i >= 0 && this.#v4[2 * i + 1]! >= block.lastV4;
    }
    const x = wordsOf(block);
    const i = lastStartingAtOrBefore(this.#v6, x, 0, 4);
    return i >= 0 && cmp(this.#v6, i * 8 + 4, x, 4, 4) >= 0;
  }

  /** True when some address of `block` is in the set. */
  overlaps(block: IpBlock): boolean {
    if (block.family === 4) {
      const i = lastStartingAtOrBefore32(this.#v4, block.lastV4);
      return i >= 0 && this.#v4[2 * i + 1]! >= block.firstV4;
    }
    const x = wordsOf(block);
    const i = lastStartingAtOrBefore(this.#v6, x, 4, 4);
    return i >= 0 && cmp(this.#v6, i * 8 + 4, x, 0, 4) >= 0;
  }

  /** {@link covers} for the IPv4 range [first, last], without a block. */
  coversV4(first: number, last: number): boolean {
    const i = lastStartingAtOrBefore32(this.#v4, first);
    return i >= 0 && this.#v4[2 * i + 1]! >= last;
  }

  /** {@link overlaps} for the IPv4 range [first, last], without a block. */
  overlapsV4(first: number, last: number): boolean {
    const high = first >>> 16;
    // Asked for every line of a large list: most ranges sit in a /16 the set does not touch.
    if (high === last >>> 16 && (this.#v4Blocks ??= touched16(this.#v4))[high] === 0) return false;
    const i = lastStartingAtOrBefore32(this.#v4, last);
    return i >= 0 && this.#v4[2 * i + 1]! >= first;
  }

  size(family: IpFamily): bigint {
    return family === 4 ? sizeOf(this.#v4, 1) : sizeOf(this.#v6, 4);
  }

  /** The minimal list of CIDR prefixes that exactly equals this set, sorted (v4 first). */
  toCidrs(): IpBlock[] {
    const out: IpBlock[] = [];
    cidrsOf(this.#v4, 4, out);
    cidrsOf(this.#v6, 6, out);
    return out;
  }

  /** The merged intervals as range blocks (`a-b`), sorted (v4 first). */
  toRanges(): IpBlock[] {
    const out: IpBlock[] = [];
    for (const [family, list] of [
      [4, this.#v4],
      [6, this.#v6],
    ] as const) {
      const w = wordCount(family);
      for (let i = 0; i < list.length; i += 2 * w) {
        const words = Array.from(list.subarray(i, i + 2 * w));
        const text = `${formatAddress(words, 0, w)}-${formatAddress(words, w, w)}`;
        out.push(makeBlock(family, text, exactPrefix(words, 0, w, w, scratchDiff), false, words));
      }
    }
    return out;
  }

  equals(other: IpSet): boolean {
    return sameWords(this.#v4, other.#v4) && sameWords(this.#v6, other.#v6);
  }

  /** The merged intervals as text; equal sets have equal keys. */
  key(): string {
    return [...formatList(this.#v4, 1), ...formatList(this.#v6, 4)].join(',');
  }

  toString(): string {
    return this.key();
  }
}

/** The prefix length of a dotted IPv4 mask (`255.255.255.0` → 24), or why there is none. */
export function prefixOfMask(mask: string): number | string {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(mask);
  const octets = m ? m.slice(1).map(Number) : [];
  if (!m || octets.some((o) => o > 255)) return `"${mask}" is not a network mask`;
  const bits = octets.reduce((acc, o) => acc * 256 + o, 0);
  const hostPart = 0xffff_ffff - bits;
  // Ones then zeros: the host part plus one is a power of two.
  if (hostPart !== 0xffff_ffff && (hostPart & (hostPart + 1)) !== 0) {
    return `mask "${mask}" is not contiguous, so it names no single network`;
  }
  return 32 - Math.log2(hostPart + 1);
}
