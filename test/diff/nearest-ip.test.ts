// The sorted index of address entries places a missing block beside the same entry as a pass over
// every entry does: smallest distance, then location order, then entry order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IpRows } from '../../src/diff/ip-rows.js';
import { NearestIp } from '../../src/diff/nearest-ip.js';
import { PLAIN } from '../../src/formats/allowlist/plain.js';
import type { IpEntry } from '../../src/model/entry.js';
import { IpBlock, parseIpBlock } from '../../src/model/ip.js';
import { compareLocations } from '../../src/model/location.js';

function block(text: string): IpBlock {
  const b = parseIpBlock(text);
  if (!b.ok) throw new Error(text);
  return b.value;
}

function entry(text: string, file: string, line: number, column = 1): IpEntry {
  return { kind: 'ip', text, block: block(text), location: { file, line, column } };
}

/** NearestIp over the rows of the entries, answering with the entry. */
function nearestOf(ips: readonly IpEntry[]): { nearest(b: IpBlock): IpEntry | undefined } {
  return nearestIn(new IpRows([{ path: 'x.txt', format: 'plain', entries: ips, problems: [] }]));
}

function nearestIn(rows: IpRows): { nearest(b: IpBlock): IpEntry | undefined } {
  const near = new NearestIp(rows);
  return {
    nearest: (b) => {
      const row = near.nearest(b);
      return row === undefined ? undefined : rows.entry(row);
    },
  };
}

/** Every entry measured, in entry order. */
function naive(ips: readonly IpEntry[], b: IpBlock): IpEntry | undefined {
  let best: IpEntry | undefined;
  let bestDistance = -1n;
  for (const e of ips) {
    if (e.block.family !== b.family) continue;
    const d =
      e.block.last < b.first
        ? b.first - e.block.last
        : b.last < e.block.first
          ? e.block.first - b.last
          : 0n;
    if (
      !best ||
      d < bestDistance ||
      (d === bestDistance && compareLocations(e.location, best.location) < 0)
    ) {
      best = e;
      bestDistance = d;
    }
  }
  return best;
}

const v4 = fc
  .tuple(
    fc.integer({ min: 0, max: 255 }),
    fc.integer({ min: 0, max: 3 }),
    fc.integer({ min: 22, max: 32 }),
  )
  .map(([a, b, len]) => `10.${b}.${a}.${(a * 7) % 256}/${len}`);
const v6 = fc
  .tuple(
    fc.integer({ min: 0, max: 15 }),
    fc.integer({ min: 0, max: 3 }),
    fc.integer({ min: 120, max: 128 }),
  )
  .map(([a, b, len]) => `2001:db8::${b.toString(16)}:${(a * 16).toString(16)}/${len}`);
const item = fc.record({
  text: fc.oneof(v4, v6),
  file: fc.constantFrom('a.txt', 'b.txt'),
  line: fc.integer({ min: 1, max: 6 }),
});

describe('NearestIp', () => {
  it('finds the nearest entry below and above, the nearer one winning', () => {
    const ips = [
      entry('10.0.0.0/24', 'a.txt', 1),
      entry('10.0.5.0/24', 'a.txt', 2),
      entry('2001:db8::/64', 'a.txt', 3),
    ];
    const near = nearestOf(ips);
    expect(near.nearest(block('10.0.1.0/24'))).toBe(ips[0]);
    expect(near.nearest(block('10.0.4.0/24'))).toBe(ips[1]);
    expect(near.nearest(block('10.0.9.0/24'))).toBe(ips[1]);
    expect(near.nearest(block('2001:db9::/32'))).toBe(ips[2]);
  });

  it('breaks a tie of distance by location, and of location by entry order', () => {
    const ips = [
      entry('10.0.4.0/24', 'b.txt', 1),
      entry('10.0.0.0/24', 'a.txt', 9),
      entry('10.0.0.0/24', 'a.txt', 9),
    ];
    // 10.0.2.0/24 is 256 addresses from each side.
    expect(nearestOf(ips).nearest(block('10.0.2.0/24'))).toBe(ips[1]);
  });

  it('takes the first overlapping entry in location order', () => {
    const ips = [entry('10.0.0.0/16', 'a.txt', 5), entry('10.0.3.0/24', 'a.txt', 2)];
    expect(nearestOf(ips).nearest(block('10.0.0.0/8'))).toBe(ips[1]);
  });

  it('finds nothing in a family without entries', () => {
    expect(nearestOf([entry('10.0.0.0/8', 'a.txt', 1)]).nearest(block('2001:db8::/32'))).toBe(
      undefined,
    );
  });

  it('agrees with a pass over every entry', () => {
    fc.assert(
      fc.property(
        fc.array(item, { maxLength: 30 }),
        fc.array(fc.oneof(v4, v6), { minLength: 1, maxLength: 8 }),
        (items, queries) => {
          const ips = items.map((x) => entry(x.text, x.file, x.line));
          const near = nearestOf(ips);
          for (const q of queries) expect(near.nearest(block(q))).toBe(naive(ips, block(q)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads the listed lines of a plain list as it reads entries', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.oneof(v4, v6), fc.boolean()), { maxLength: 40 }),
        fc.array(fc.oneof(v4, v6), { minLength: 1, maxLength: 8 }),
        (lines, queries) => {
          // A comment keeps a line out of the column: both kinds of row, interleaved.
          const text = lines.map(([t, commented]) => (commented ? `${t} # kept` : t)).join('\n');
          const parsed = PLAIN.parse({ path: 'list.txt', text });
          const near = nearestIn(new IpRows([parsed]));
          for (const q of queries) {
            const got = near.nearest(block(q));
            const want = naive(parsed.entries as IpEntry[], block(q));
            expect(got && [got.text, got.location]).toEqual(want && [want.text, want.location]);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
