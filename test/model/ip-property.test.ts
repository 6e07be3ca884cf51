import { isIP } from 'node:net';
import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import { describe, expect, it } from 'vitest';
import { IpBlock, IpSet, parseIpBlock, type IpFamily } from '../../src/model/ip.js';

/*
 * Blocks are drawn from small windows of the address space so that they overlap, touch and
 * leave holes often. The windows sit where word arithmetic has edge cases: address zero, the
 * last address, a 2^31 boundary (IPv4), and carries across 32-bit words (IPv6).
 */
const V4_WINDOW = 0x1000;
const V4_BASES = [0, 0x0a00_0000, 0x7fff_f800, 0x1_0000_0000 - V4_WINDOW];
const V6_WINDOW = 0x2000n;
const V6_BASES = [
  0n,
  0x2001_0db8_0000_0000_0000_0000_ffff_f000n,
  0x2001_0db8_0000_0000_ffff_ffff_ffff_f000n,
  0x2001_0db8_ffff_ffff_ffff_ffff_ffff_f000n,
  2n ** 128n - V6_WINDOW,
];

const v4Text = (a: number): string =>
  `${a >>> 24}.${(a >>> 16) & 255}.${(a >>> 8) & 255}.${a & 255}`;
/** Full, uncompressed form: the parser must canonicalise it. */
const v6Text = (a: bigint): string =>
  Array.from({ length: 8 }, (_, i) => ((a >> BigInt(112 - 16 * i)) & 0xffffn).toString(16)).join(
    ':',
  );

function block(text: string): IpBlock {
  const r = parseIpBlock(text);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

/** Mostly short prefixes inside the window, sometimes any length at all. */
const length = (bits: number): fc.Arbitrary<number> =>
  fc.oneof(
    { weight: 9, arbitrary: fc.integer({ min: bits - 13, max: bits }) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: bits }) },
  );

const v4Address = fc
  .tuple(fc.constantFrom(...V4_BASES), fc.integer({ min: 0, max: V4_WINDOW - 1 }))
  .map(([base, off]) => base + off);
const v6Address = fc
  .tuple(fc.constantFrom(...V6_BASES), fc.bigInt({ min: 0n, max: V6_WINDOW - 1n }))
  .map(([base, off]) => base + off);

const v4Block = fc.oneof(
  fc.tuple(v4Address, length(32)).map(([a, len]) => block(`${v4Text(a)}/${len}`)),
  fc
    .tuple(v4Address, v4Address)
    .map(([a, b]) => block(`${v4Text(Math.min(a, b))}-${v4Text(Math.max(a, b))}`)),
);
const v6Block = fc.oneof(
  fc.tuple(v6Address, length(128)).map(([a, len]) => block(`${v6Text(a)}/${len}`)),
  fc
    .tuple(v6Address, v6Address)
    .map(([a, b]) => block(`${v6Text(a < b ? a : b)}-${v6Text(a < b ? b : a)}`)),
);
const anyBlock = fc.oneof(v4Block, v6Block);
const blocks = fc.array(anyBlock, { maxLength: 12 });
const ipSet = blocks.map((bs) => IpSet.of(bs));

// A reference model: merged [first, last] intervals in bigint, one family at a time.
type Interval = readonly [bigint, bigint];
const FAMILIES: readonly IpFamily[] = [4, 6];

function merge(intervals: readonly Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const out: [bigint, bigint][] = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last && lo <= last[1] + 1n) last[1] = hi > last[1] ? hi : last[1];
    else out.push([lo, hi]);
  }
  return out;
}

function minus(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  let rest = [...a];
  for (const [blo, bhi] of b) {
    rest = rest.flatMap(([lo, hi]): Interval[] => {
      if (bhi < lo || blo > hi) return [[lo, hi]];
      const parts: Interval[] = [];
      if (blo > lo) parts.push([lo, blo - 1n]);
      if (bhi < hi) parts.push([bhi + 1n, hi]);
      return parts;
    });
  }
  return merge(rest);
}

function meet(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  for (const [alo, ahi] of a)
    for (const [blo, bhi] of b) {
      const lo = alo > blo ? alo : blo;
      const hi = ahi < bhi ? ahi : bhi;
      if (lo <= hi) out.push([lo, hi]);
    }
  return merge(out);
}

const intervalsOf = (bs: readonly IpBlock[], family: IpFamily): Interval[] =>
  merge(bs.filter((b) => b.family === family).map((b) => [b.first, b.last] as const));
const rangesOf = (s: IpSet, family: IpFamily): Interval[] =>
  s
    .toRanges()
    .filter((b) => b.family === family)
    .map((b) => [b.first, b.last] as const);

describe('IpSet against a bigint interval model', () => {
  it('of() merges exactly the addresses of its blocks', () => {
    fc.assert(
      fc.property(blocks, (bs) => {
        const s = IpSet.of(bs);
        for (const f of FAMILIES) expect(rangesOf(s, f)).toEqual(intervalsOf(bs, f));
      }),
    );
  });

  it('of() is right for lists long enough to be radix-sorted', () => {
    fc.assert(
      fc.property(fc.array(v6Block, { minLength: 256, maxLength: 700 }), (bs) => {
        expect(rangesOf(IpSet.of(bs), 6)).toEqual(intervalsOf(bs, 6));
      }),
      { numRuns: 20 },
    );
  });

  it('of() is right for IPv4 lists long enough to be radix-sorted', () => {
    fc.assert(
      fc.property(fc.array(v4Block, { minLength: 4096, maxLength: 5000 }), (bs) => {
        expect(rangesOf(IpSet.of(bs), 4)).toEqual(intervalsOf(bs, 4));
      }),
      { numRuns: 5 },
    );
  });

  it('union, subtract and intersect match the model', () => {
    fc.assert(
      fc.property(blocks, blocks, (as, bs) => {
        const a = IpSet.of(as);
        const b = IpSet.of(bs);
        for (const f of FAMILIES) {
          const ma = intervalsOf(as, f);
          const mb = intervalsOf(bs, f);
          expect(rangesOf(a.union(b), f)).toEqual(merge([...ma, ...mb]));
          expect(rangesOf(a.subtract(b), f)).toEqual(minus(ma, mb));
          expect(rangesOf(a.intersect(b), f)).toEqual(meet(ma, mb));
        }
        expect(a.union(b).equals(b.union(a))).toBe(true);
        expect(a.intersect(b).equals(b.intersect(a))).toBe(true);
      }),
    );
  });

  it('subtract and intersect match the model on many small blocks against a few', () => {
    // Many intervals on one side make the sweeps skip ahead by searching, not step by step.
    const many = fc.array(anyBlock, { minLength: 40, maxLength: 200 });
    fc.assert(
      fc.property(many, blocks, (as, bs) => {
        const a = IpSet.of(as);
        const b = IpSet.of(bs);
        for (const f of FAMILIES) {
          const ma = intervalsOf(as, f);
          const mb = intervalsOf(bs, f);
          expect(rangesOf(a.subtract(b), f)).toEqual(minus(ma, mb));
          expect(rangesOf(b.subtract(a), f)).toEqual(minus(mb, ma));
          expect(rangesOf(a.intersect(b), f)).toEqual(meet(ma, mb));
        }
      }),
      { numRuns: 50 },
    );
  });

  it('size() counts the addresses of the merged intervals', () => {
    fc.assert(
      fc.property(blocks, (bs) => {
        const s = IpSet.of(bs);
        for (const f of FAMILIES)
          expect(s.size(f)).toBe(intervalsOf(bs, f).reduce((n, [lo, hi]) => n + hi - lo + 1n, 0n));
      }),
    );
  });
});

describe('IpSet algebra', () => {
  it('cidrs(R minus E) together with R intersect E is R', () => {
    fc.assert(
      fc.property(ipSet, ipSet, (r, e) => {
        const rebuilt = IpSet.of(r.subtract(e).toCidrs()).union(r.intersect(e));
        expect(rebuilt.key()).toBe(r.key());
      }),
    );
  });

  it('(R minus E) and E share no address', () => {
    fc.assert(
      fc.property(ipSet, ipSet, (r, e) => {
        expect(r.subtract(e).intersect(e).isEmpty()).toBe(true);
      }),
    );
  });

  it('toCidrs() gives sorted, aligned, disjoint prefixes, no two of which could merge', () => {
    fc.assert(
      fc.property(ipSet, (s) => {
        const cs = s.toCidrs();
        for (const c of cs) {
          const len = c.prefixLength!;
          const size = 2n ** BigInt((c.family === 4 ? 32 : 128) - len);
          expect([c.text, c.hasHostBits, c.first % size, c.size()]).toEqual([
            c.text,
            false,
            0n,
            size,
          ]);
          expect(s.covers(c)).toBe(true);
        }
        for (let i = 1; i < cs.length; i++) {
          const [a, b] = [cs[i - 1]!, cs[i]!];
          if (a.family !== b.family) continue;
          expect(a.last < b.first).toBe(true);
          const mergeable =
            a.prefixLength === b.prefixLength &&
            a.last + 1n === b.first &&
            a.first % (2n * a.size()) === 0n;
          expect(mergeable).toBe(false);
        }
      }),
    );
  });

  it('IpSet.of(toCidrs(S)) and IpSet.of(toRanges(S)) equal S', () => {
    fc.assert(
      fc.property(ipSet, (s) => {
        expect(IpSet.of(s.toCidrs()).equals(s)).toBe(true);
        expect(IpSet.of(s.toRanges()).equals(s)).toBe(true);
      }),
    );
  });

  it('covers and overlaps agree with intersect', () => {
    fc.assert(
      fc.property(ipSet, anyBlock, (s, b) => {
        const one = IpSet.of([b]);
        expect(s.covers(b)).toBe(s.intersect(one).equals(one));
        expect(s.overlaps(b)).toBe(!s.intersect(one).isEmpty());
      }),
    );
  });

  it('coversV4 and overlapsV4 agree with covers and overlaps', () => {
    // Ranges inside one /16 and across several, near the windows' blocks and anywhere.
    const range = fc.oneof(
      v4Block,
      fc
        .tuple(fc.nat(), fc.integer({ min: 0, max: 32 }))
        .map(([a, len]) => block(`${v4Text(a)}/${len}`)),
    );
    const sets = fc.oneof(
      ipSet,
      fc.array(range, { maxLength: 20 }).map((bs) => IpSet.of(bs)),
    );
    fc.assert(
      fc.property(sets, fc.array(range, { minLength: 1, maxLength: 10 }), (s, bs) => {
        for (const b of bs) {
          expect(s.overlapsV4(b.firstV4, b.lastV4)).toBe(s.overlaps(b));
          expect(s.coversV4(b.firstV4, b.lastV4)).toBe(s.covers(b));
        }
      }),
    );
  });

  it('union, subtract and intersect are consistent with each other', () => {
    fc.assert(
      fc.property(ipSet, ipSet, (a, b) => {
        expect(a.subtract(b).union(a.intersect(b)).equals(a)).toBe(true);
        expect(a.union(b).subtract(b).equals(a.subtract(b))).toBe(true);
        expect(a.subtract(a.subtract(b)).equals(a.intersect(b))).toBe(true);
      }),
    );
  });
});

describe('IpBlock text', () => {
  // Groups are zero half the time, so that "::" runs of every length and position turn up.
  const v6Value = fc
    .array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 0xffff })), {
      minLength: 8,
      maxLength: 8,
    })
    .map((gs) => gs.reduce((v, g) => (v << 16n) | BigInt(g), 0n));

  it('IPv6 text is RFC 5952, as ipaddr.js writes it (dotted quad for IPv4-mapped)', () => {
    fc.assert(
      fc.property(v6Value, (v) => {
        const bytes = Array.from({ length: 16 }, (_, i) =>
          Number((v >> BigInt(120 - 8 * i)) & 0xffn),
        );
        const addr = ipaddr.fromByteArray(bytes) as ipaddr.IPv6;
        const expected = addr.isIPv4MappedAddress()
          ? `::ffff:${addr.toIPv4Address().toString()}`
          : addr.toRFC5952String();
        const b = block(v6Text(v));
        expect([b.text, b.first]).toEqual([`${expected}/128`, v]);
        expect(block(addr.toNormalizedString()).text).toBe(b.text);
        expect(block(b.text).text).toBe(b.text);
      }),
    );
  });

  it('IPv4 text round-trips', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffff_ffff }),
        fc.integer({ min: 0, max: 32 }),
        (a, len) => {
          const b = block(`${v4Text(a)}/${len}`);
          const size = 2 ** (32 - len);
          expect([b.text, b.first, b.hasHostBits]).toEqual([
            `${v4Text(a)}/${len}`,
            BigInt(a - (a % size)),
            a % size !== 0,
          ]);
          expect(block(b.masked().text).key()).toBe(b.masked().key());
        },
      ),
    );
  });

  // Fragments that make near-misses likely: long groups, big octets, leading zeros, extra colons.
  const fragment = fc.constantFrom(
    '0',
    '1',
    '00',
    '01',
    'a',
    'F',
    'ff',
    'ffff',
    '12345',
    '255',
    '256',
    '.',
    ':',
    '::',
    ':::',
    '1.2.3.4',
  );
  const addressLike = fc.array(fragment, { maxLength: 12 }).map((fs) => fs.join(''));

  it('accepts a bare address exactly when node:net isIP does', () => {
    fc.assert(
      fc.property(addressLike, (s) => {
        expect([s, parseIpBlock(s).ok]).toEqual([s, isIP(s) !== 0]);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws, and accepted text is canonical on a second parse', () => {
    const text = fc.oneof(
      fc.string(),
      fc
        .array(
          fc.oneof(fragment, fc.constantFrom('/', '-', ' - ', '%', '/0', '/32', '/128', ' ')),
          { maxLength: 12 },
        )
        .map((fs) => fs.join('')),
    );
    fc.assert(
      fc.property(text, (s) => {
        const r = parseIpBlock(s);
        if (!r.ok) {
          expect(r.error).not.toMatch(/\n|\.$/);
          return;
        }
        const again = parseIpBlock(r.value.text);
        expect(again.ok && [again.value.text, again.value.first, again.value.last]).toEqual([
          r.value.text,
          r.value.first,
          r.value.last,
        ]);
      }),
      { numRuns: 2000 },
    );
  });
});
