// Blocks in widest-first order: family, first address ascending, wider first, then input order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IpBlock, parseIpBlock } from '../../src/model/ip.js';

function block(text: string): IpBlock {
  const b = parseIpBlock(text);
  if (!b.ok) throw new Error(text);
  return b.value;
}

const v4 = fc
  .tuple(
    fc.integer({ min: 0, max: 3 }),
    fc.integer({ min: 0, max: 255 }),
    fc.integer({ min: 20, max: 32 }),
  )
  .map(([a, b, len]) => `10.${a}.${b}.0/${len}`);
const v6 = fc
  .tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 100, max: 128 }))
  .map(([a, len]) => `2001:db8::${a}/${len}`);

function expected(blocks: readonly IpBlock[]): number[] {
  return blocks
    .map((_, i) => i)
    .sort((a, b) => IpBlock.compareWidestFirst(blocks[a]!, blocks[b]!) || a - b);
}

describe('IpBlock.orderWidestFirst', () => {
  it('orders IPv4 blocks as the comparator does, ties in input order', () => {
    fc.assert(
      fc.property(fc.array(v4, { maxLength: 200 }), (texts) => {
        const blocks = texts.map(block);
        expect([...IpBlock.orderWidestFirst(blocks)]).toEqual(expected(blocks));
      }),
    );
  });

  it('orders both families as the comparator does', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(v4, v6), { maxLength: 100 }), (texts) => {
        const blocks = texts.map(block);
        expect([...IpBlock.orderWidestFirst(blocks)]).toEqual(expected(blocks));
      }),
    );
  });

  it('orders a large IPv4 list (radix passes) as the comparator does', () => {
    const wide = fc
      .tuple(fc.nat(), fc.integer({ min: 0, max: 32 }))
      .map(([a, len]) => `${a >>> 24}.${(a >>> 16) & 255}.${(a >>> 8) & 3}.0/${len}`);
    fc.assert(
      fc.property(fc.array(fc.oneof(v4, wide), { minLength: 4096, maxLength: 6000 }), (texts) => {
        const blocks = texts.map(block);
        expect([...IpBlock.orderWidestFirst(blocks)]).toEqual(expected(blocks));
      }),
      { numRuns: 5 },
    );
  });

  it('puts 0.0.0.0/0 and 255.255.255.255/32 in place', () => {
    const blocks = ['255.255.255.255/32', '0.0.0.0/0', '0.0.0.0/32', '0.0.0.0/0'].map(block);
    expect([...IpBlock.orderWidestFirst(blocks)]).toEqual([1, 3, 2, 0]);
  });
});

describe('IpBlock.firstV4 and lastV4', () => {
  it('are the first and last address as numbers', () => {
    fc.assert(
      fc.property(v4, (text) => {
        const b = block(text);
        expect(BigInt(b.firstV4)).toBe(b.first);
        expect(BigInt(b.lastV4)).toBe(b.last);
      }),
    );
    for (const text of ['255.255.255.255', '0.0.0.0/0', '10.1.2.3/8', '1.2.3.4-1.2.3.9']) {
      const b = block(text);
      expect([BigInt(b.firstV4), BigInt(b.lastV4)]).toEqual([b.first, b.last]);
      expect([BigInt(b.masked().firstV4), BigInt(b.masked().lastV4)]).toEqual([b.first, b.last]);
    }
  });
});
