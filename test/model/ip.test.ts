import { describe, expect, it } from 'vitest';
import { IpBlock, IpSet, looksLikeIp, parseIpBlock, type IpFamily } from '../../src/model/ip.js';

function block(text: string): IpBlock {
  const r = parseIpBlock(text);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

const set = (...texts: string[]): IpSet => IpSet.of(texts.map(block));
const cidrs = (s: IpSet): string[] => s.toCidrs().map((b) => b.text);

describe('parseIpBlock: accepted forms', () => {
  // input, canonical text, family, prefix length, host bits, first, last
  const cases: [string, string, IpFamily, number | undefined, boolean, bigint, bigint][] = [
    ['1.2.3.4', '1.2.3.4/32', 4, 32, false, 0x01020304n, 0x01020304n],
    ['1.2.3.4/32', '1.2.3.4/32', 4, 32, false, 0x01020304n, 0x01020304n],
    ['10.0.0.0/8', '10.0.0.0/8', 4, 8, false, 0x0a000000n, 0x0affffffn],
    ['10.1.2.3/8', '10.1.2.3/8', 4, 8, true, 0x0a000000n, 0x0affffffn],
    ['192.168.1.0/24', '192.168.1.0/24', 4, 24, false, 0xc0a80100n, 0xc0a801ffn],
    ['0.0.0.0/0', '0.0.0.0/0', 4, 0, false, 0n, 0xffffffffn],
    ['1.2.3.4/0', '1.2.3.4/0', 4, 0, true, 0n, 0xffffffffn],
    ['255.255.255.255', '255.255.255.255/32', 4, 32, false, 0xffffffffn, 0xffffffffn],
    ['13.107.6.152/31', '13.107.6.152/31', 4, 31, false, 0x0d6b0698n, 0x0d6b0699n],
    [
      '2001:db8::/32',
      '2001:db8::/32',
      6,
      32,
      false,
      0x20010db8n << 96n,
      ((0x20010db8n + 1n) << 96n) - 1n,
    ],
    [
      '2001:DB8::/32',
      '2001:db8::/32',
      6,
      32,
      false,
      0x20010db8n << 96n,
      ((0x20010db8n + 1n) << 96n) - 1n,
    ],
    [
      '2001:db8::1/64',
      '2001:db8::1/64',
      6,
      64,
      true,
      0x20010db8n << 96n,
      (0x20010db8n << 96n) + 2n ** 64n - 1n,
    ],
    [
      '2620:1ec:4::152/128',
      '2620:1ec:4::152/128',
      6,
      128,
      false,
      0x2620_01ec_0004_0000_0000_0000_0000_0152n,
      0x2620_01ec_0004_0000_0000_0000_0000_0152n,
    ],
    [
      '2001:0db8:0000:0000:0000:0000:0000:0001',
      '2001:db8::1/128',
      6,
      128,
      false,
      (0x20010db8n << 96n) + 1n,
      (0x20010db8n << 96n) + 1n,
    ],
    ['::ffff:1.2.3.4', '::ffff:1.2.3.4/128', 6, 128, false, 0xffff_0102_0304n, 0xffff_0102_0304n],
    ['::FFFF:102:304', '::ffff:1.2.3.4/128', 6, 128, false, 0xffff_0102_0304n, 0xffff_0102_0304n],
    ['::1.2.3.4', '::102:304/128', 6, 128, false, 0x0102_0304n, 0x0102_0304n],
    ['::', '::/128', 6, 128, false, 0n, 0n],
    ['::/0', '::/0', 6, 0, false, 0n, 2n ** 128n - 1n],
    ['::1', '::1/128', 6, 128, false, 1n, 1n],
    ['1::', '1::/128', 6, 128, false, 1n << 112n, 1n << 112n],
    // RFC 5952: the longest zero run is compressed, the leftmost on a tie, never a single group.
    [
      '2001:db8:0:0:1:0:0:1',
      '2001:db8::1:0:0:1/128',
      6,
      128,
      false,
      0x2001_0db8_0000_0000_0001_0000_0000_0001n,
      0x2001_0db8_0000_0000_0001_0000_0000_0001n,
    ],
    [
      '2001:0:0:1:0:0:0:1',
      '2001:0:0:1::1/128',
      6,
      128,
      false,
      0x2001_0000_0000_0001_0000_0000_0000_0001n,
      0x2001_0000_0000_0001_0000_0000_0000_0001n,
    ],
    [
      '2001:db8:0:1:1:1:1:1',
      '2001:db8:0:1:1:1:1:1/128',
      6,
      128,
      false,
      0x2001_0db8_0000_0001_0001_0001_0001_0001n,
      0x2001_0db8_0000_0001_0001_0001_0001_0001n,
    ],
    [
      '1:2:3:4:5:6:7::',
      '1:2:3:4:5:6:7:0/128',
      6,
      128,
      false,
      0x0001_0002_0003_0004_0005_0006_0007_0000n,
      0x0001_0002_0003_0004_0005_0006_0007_0000n,
    ],
    [
      '::2:3:4:5:6:7:8',
      '0:2:3:4:5:6:7:8/128',
      6,
      128,
      false,
      0x0000_0002_0003_0004_0005_0006_0007_0008n,
      0x0000_0002_0003_0004_0005_0006_0007_0008n,
    ],
    ['10.0.0.1-10.0.0.9', '10.0.0.1-10.0.0.9', 4, undefined, false, 0x0a000001n, 0x0a000009n],
    ['10.0.0.1 - 10.0.0.9', '10.0.0.1-10.0.0.9', 4, undefined, false, 0x0a000001n, 0x0a000009n],
    ['10.0.0.0-10.0.0.255', '10.0.0.0-10.0.0.255', 4, 24, false, 0x0a000000n, 0x0a0000ffn],
    ['1.2.3.4-1.2.3.4', '1.2.3.4-1.2.3.4', 4, 32, false, 0x01020304n, 0x01020304n],
    ['0.0.0.0-255.255.255.255', '0.0.0.0-255.255.255.255', 4, 0, false, 0n, 0xffffffffn],
    [
      '2001:DB8::-2001:db8::ffff:ffff',
      '2001:db8::-2001:db8::ffff:ffff',
      6,
      96,
      false,
      0x20010db8n << 96n,
      (0x20010db8n << 96n) + 0xffffffffn,
    ],
    [
      '2001:db8::ffff:ffff-2001:db8::1:0:0',
      '2001:db8::ffff:ffff-2001:db8::1:0:0',
      6,
      undefined,
      false,
      (0x20010db8n << 96n) + 0xffffffffn,
      (0x20010db8n << 96n) + 2n ** 32n,
    ],
  ];
  it.each(cases)('%s', (input, text, family, prefixLength, hasHostBits, first, last) => {
    const b = block(input);
    expect({
      text: b.text,
      family: b.family,
      prefixLength: b.prefixLength,
      hasHostBits: b.hasHostBits,
    }).toEqual({
      text,
      family,
      prefixLength,
      hasHostBits,
    });
    expect([b.first, b.last]).toEqual([first, last]);
    expect(b.key()).toBe(text);
    expect(b.toString()).toBe(text);
  });

  it.each(cases)('canonical text of %s parses back to itself', (input) => {
    const b = block(input);
    const again = block(b.text);
    expect([again.text, again.first, again.last, again.prefixLength]).toEqual([
      b.text,
      b.first,
      b.last,
      b.prefixLength,
    ]);
  });
});

describe('parseIpBlock: refused forms', () => {
  const cases: [string, string][] = [
    ['', 'empty address'],
    ['300.1.1.1', 'octet 300 is out of range (0-255) in "300.1.1.1"'],
    ['1.2.3.256/24', 'octet 256 is out of range (0-255) in "1.2.3.256/24"'],
    ['10.0.0.0/33', 'prefix length 33 is out of range for IPv4 (0-32) in "10.0.0.0/33"'],
    ['2001:db8::/129', 'prefix length 129 is out of range for IPv6 (0-128) in "2001:db8::/129"'],
    ['1.2.3', 'too few octets in "1.2.3" (expected 4)'],
    ['1.2.3.4.5', 'too many octets in "1.2.3.4.5" (expected 4)'],
    ['01.2.3.4', 'octet "01" has a leading zero (ambiguous octal) in "01.2.3.4"'],
    ['1.2.3.004/32', 'octet "004" has a leading zero (ambiguous octal) in "1.2.3.004/32"'],
    ['1..2.3', 'empty octet in "1..2.3"'],
    ['1.2.3.', 'empty octet in "1.2.3."'],
    ['.1.2.3', '".1.2.3" is not an IP address'],
    ['1.2.3.x', 'unexpected character "x" in "1.2.3.x"'],
    ['1.2.3.4 ', 'unexpected character " " in "1.2.3.4 "'],
    ['example.com', '"example.com" is not an IP address'],
    ['1.2.3.4/', 'missing prefix length after "/" in "1.2.3.4/"'],
    ['/24', 'missing address before "/" in "/24"'],
    ['1.2.3.4/-1', 'invalid prefix length "-1" in "1.2.3.4/-1"'],
    ['1.2.3.4/24/8', 'invalid prefix length "24/8" in "1.2.3.4/24/8"'],
    ['1.2.3.4/ 24', 'invalid prefix length " 24" in "1.2.3.4/ 24"'],
    ['1.2.3.4/08', 'prefix length "08" has a leading zero in "1.2.3.4/08"'],
    ['2001:db8::/032', 'prefix length "032" has a leading zero in "2001:db8::/032"'],
    ['fe80::1%eth0', 'zone id "%eth0" is not allowed in "fe80::1%eth0"'],
    ['fe80::1%eth0/64', 'zone id "%eth0" is not allowed in "fe80::1%eth0/64"'],
    ['2001:db8:::1', '":::" is not valid in "2001:db8:::1"'],
    [':::1', '":::" is not valid in ":::1"'],
    ['1::2::3', 'more than one "::" in "1::2::3"'],
    ['1:2:3:4:5:6:7:8:9', 'too many groups in "1:2:3:4:5:6:7:8:9"'],
    ['1:2:3:4::5:6:7:8', 'too many groups in "1:2:3:4::5:6:7:8"'],
    ['1:2:3:4:5:6:7:1.2.3.4', 'too many groups in "1:2:3:4:5:6:7:1.2.3.4"'],
    ['1:2:3', 'too few groups in "1:2:3" (expected 8, or "::")'],
    ['2001:db8::12345', 'group "12345" has more than 4 hex digits in "2001:db8::12345"'],
    ['2001:dg8::', 'unexpected character "g" in "2001:dg8::"'],
    [':1::', 'address starts with a single ":" in ":1::"'],
    ['1::2:', 'address ends with a single ":" in "1::2:"'],
    ['::ffff:300.1.2.3', 'octet 300 is out of range (0-255) in "::ffff:300.1.2.3"'],
    ['::1.2.3.4:5', 'unexpected character ":" in "::1.2.3.4:5"'],
    ['1.2.3.4:443', 'unexpected character ":" in "1.2.3.4:443"'],
    ['10.0.0.9-10.0.0.1', 'range "10.0.0.9-10.0.0.1" ends before it starts'],
    ['2001:db8::2-2001:db8::1', 'range "2001:db8::2-2001:db8::1" ends before it starts'],
    ['10.0.0.1-::1', 'range "10.0.0.1-::1" mixes IPv4 and IPv6'],
    ['10.0.0.0/8-10.0.0.9', 'a range cannot have a prefix length in "10.0.0.0/8-10.0.0.9"'],
    ['-10.0.0.1', 'missing range start before "-" in "-10.0.0.1"'],
    ['10.0.0.1-', 'missing range end after "-" in "10.0.0.1-"'],
    ['10.0.0.1-10.0.0.300', 'octet 300 is out of range (0-255) in "10.0.0.1-10.0.0.300"'],
  ];
  it.each(cases)('%j', (input, message) => {
    expect(parseIpBlock(input)).toEqual({ ok: false, error: message });
  });
});

describe('looksLikeIp', () => {
  const cases: [string, boolean][] = [
    ['1.2.3.4', true],
    ['10.0.0.0/8', true],
    ['300.1.1.1', true],
    ['1.2.3', true],
    ['1.2.3.4/-1', true],
    ['10.0.0.1-10.0.0.9', true],
    ['2001:db8::/32', true],
    ['2620:1ec:4::152/128', true],
    ['::', true],
    ['::ffff:1.2.3.4', true],
    ['fe80::1%eth0', true],
    ['2001:db8:::1', true],
    ['1.2.3.4:443', false],
    ['example.com', false],
    ['outlook.office365.com', false],
    ['*.outlook.com', false],
    ['deadbeef.cafe', false],
    ['443', false],
    ['80-443', false],
    ['', false],
    ['1.2.3.4 5', false],
    ['ab:cd', false],
  ];
  it.each(cases)('%j -> %s', (text, expected) => {
    expect(looksLikeIp(text)).toBe(expected);
  });
});

describe('IpBlock', () => {
  it.each([
    ['10.1.2.3/8', '10.0.0.0/8'],
    ['10.0.0.0/8', '10.0.0.0/8'],
    ['1.2.3.4', '1.2.3.4/32'],
    ['2001:db8::1/32', '2001:db8::/32'],
    ['2001:db8:1:2:3:4:5:6/127', '2001:db8:1:2:3:4:5:6/127'],
    ['2001:db8:1:2:3:4:5:7/127', '2001:db8:1:2:3:4:5:6/127'],
    ['10.0.0.1-10.0.0.9', '10.0.0.1-10.0.0.9'],
  ])('masked(%s) = %s', (input, expected) => {
    const m = block(input).masked();
    expect([m.text, m.hasHostBits, m.prefixLength]).toEqual([
      expected,
      false,
      block(input).prefixLength,
    ]);
  });

  it('masked() returns the block itself when there is nothing to mask', () => {
    const b = block('10.0.0.0/8');
    expect(b.masked()).toBe(b);
  });

  // a, b, a.contains(b), a.overlaps(b)
  it.each([
    ['10.0.0.0/8', '10.1.0.0/16', true, true],
    ['10.1.0.0/16', '10.0.0.0/8', false, true],
    ['10.0.0.0/8', '10.0.0.0/8', true, true],
    ['10.0.0.0/8', '11.0.0.0/8', false, false],
    ['10.1.2.3/8', '10.200.0.0/16', true, true],
    ['10.0.0.1-10.0.0.9', '10.0.0.8/30', false, true],
    ['10.0.0.1-10.0.0.9', '10.0.0.4/30', true, true],
    ['10.0.0.1-10.0.0.9', '10.0.0.10/31', false, false],
    ['10.0.0.0/8', '::ffff:10.0.0.1', false, false],
    ['0.0.0.0/0', '::/0', false, false],
    ['2001:db8::/32', '2001:db8:1::/48', true, true],
    ['2001:db8::/48', '2001:db8:0:ffff::/64', true, true],
    ['2001:db8::/33', '2001:db8:8000::/33', false, false],
    ['2001:db8::ffff:0-2001:db8::1:0:ffff', '2001:db8::ffff:ffff', true, true],
    ['2001:db8::ffff:ffff-2001:db8::1:0:0', '2001:db8::1:0:0/127', false, true],
  ])('%s contains %s: %s, overlaps: %s', (a, b, contains, overlaps) => {
    expect(block(a).contains(block(b))).toBe(contains);
    expect(block(a).overlaps(block(b))).toBe(overlaps);
  });

  it.each([
    ['10.0.0.0/8', 16_777_216n],
    ['1.2.3.4', 1n],
    ['0.0.0.0/0', 4_294_967_296n],
    ['10.0.0.1-10.0.0.9', 9n],
    ['2001:db8::/32', 2n ** 96n],
    ['::/0', 2n ** 128n],
  ])('size(%s) = %s', (input, size) => {
    expect(block(input).size()).toBe(size);
  });

  it('compare sorts IPv4 before IPv6, then by first and last address, then by text', () => {
    const input = [
      '2001:db8::/32',
      '10.1.2.3/8',
      '10.0.0.0/8',
      '10.0.0.0/16',
      '::/0',
      '9.0.0.0/8',
      '10.0.0.0-10.0.0.3',
    ];
    expect(input.map(block).sort(IpBlock.compare).map(String)).toEqual([
      '9.0.0.0/8',
      '10.0.0.0-10.0.0.3',
      '10.0.0.0/16',
      '10.0.0.0/8',
      '10.1.2.3/8',
      '::/0',
      '2001:db8::/32',
    ]);
  });
});

describe('IpSet', () => {
  // blocks, toCidrs
  it.each([
    [['10.0.0.0/15', '10.2.0.0/15'], ['10.0.0.0/14']],
    [['52.96.0.0/14', '52.100.0.0/14', '52.104.0.0/14', '52.108.0.0/14'], ['52.96.0.0/12']],
    [['10.0.0.0/16', '10.0.0.0/8', '10.1.2.3/8'], ['10.0.0.0/8']],
    [['10.0.0.1-10.0.0.9'], ['10.0.0.1/32', '10.0.0.2/31', '10.0.0.4/30', '10.0.0.8/31']],
    [
      ['10.0.0.0/15', '10.4.0.0/15'],
      ['10.0.0.0/15', '10.4.0.0/15'],
    ],
    [
      ['10.1.0.0/16', '10.2.0.0/16'],
      ['10.1.0.0/16', '10.2.0.0/16'],
    ],
    [['2001:db8::/127', '2001:db8::2/127'], ['2001:db8::/126']],
    [
      ['2001:db8::ffff:fffe/127', '2001:db8::1:0:0/127'],
      ['2001:db8::ffff:fffe/127', '2001:db8::1:0:0/127'],
    ],
    [
      ['2001:db8::/33', '2001:db8:8000::/33', '10.0.0.0/8'],
      ['10.0.0.0/8', '2001:db8::/32'],
    ],
    [
      ['::/0', '0.0.0.0/0', '1.2.3.4'],
      ['0.0.0.0/0', '::/0'],
    ],
    [[], []],
  ])('of(%j).toCidrs() = %j', (blocks, expected) => {
    expect(cidrs(set(...blocks))).toEqual(expected);
  });

  it('52.96.0.0/12 covers 52.96.0.0/14 to 52.108.0.0/14 and nothing past them', () => {
    const s = set('52.96.0.0/12');
    for (const q of [
      '52.96.0.0/14',
      '52.100.0.0/14',
      '52.104.0.0/14',
      '52.108.0.0/14',
      '52.111.255.255',
    ])
      expect([q, s.covers(block(q))]).toEqual([q, true]);
    for (const q of ['52.112.0.0/14', '52.95.255.255', '52.96.0.0/11', '::ffff:52.96.0.0'])
      expect([q, s.covers(block(q))]).toEqual([q, false]);
  });

  // required, entries, uncovered CIDRs
  it.each([
    [
      ['10.0.0.0/24'],
      ['10.0.0.128'],
      [
        '10.0.0.0/25',
        '10.0.0.129/32',
        '10.0.0.130/31',
        '10.0.0.132/30',
        '10.0.0.136/29',
        '10.0.0.144/28',
        '10.0.0.160/27',
        '10.0.0.192/26',
      ],
    ],
    [
      ['52.96.0.0/12'],
      ['52.100.0.0/16'],
      ['52.96.0.0/14', '52.101.0.0/16', '52.102.0.0/15', '52.104.0.0/13'],
    ],
    [['52.96.0.0/12'], ['52.96.0.0/14', '52.100.0.0/14', '52.104.0.0/14', '52.108.0.0/14'], []],
    [['10.0.0.0/8'], ['0.0.0.0/0'], []],
    [
      ['10.0.0.0/8', '2001:db8::/32'],
      ['10.0.0.0/9', '2001:db8::/33'],
      ['10.128.0.0/9', '2001:db8:8000::/33'],
    ],
    [['2001:db8::/126'], ['2001:db8::1'], ['2001:db8::/128', '2001:db8::2/127']],
    [['2001:db8::/126'], ['10.0.0.0/8'], ['2001:db8::/126']],
    [['10.0.0.0/30', '10.0.0.8/30'], ['10.0.0.2-10.0.0.9'], ['10.0.0.0/31', '10.0.0.10/31']],
    [
      ['2001:db8::ffff:fff0-2001:db8::1:0:f'],
      ['2001:db8::ffff:fffc-2001:db8::1:0:3'],
      [
        '2001:db8::ffff:fff0/125',
        '2001:db8::ffff:fff8/126',
        '2001:db8::1:0:4/126',
        '2001:db8::1:0:8/125',
      ],
    ],
  ])('%j minus %j = %j', (required, entries, expected) => {
    expect(cidrs(set(...required).subtract(set(...entries)))).toEqual(expected);
  });

  it('skips far ahead without missing an interval that ends where the next one starts', () => {
    const singles = Array.from({ length: 21 }, (_, i) => `10.0.0.${2 * i}`);
    const b = set(...singles, '10.0.0.50-10.0.0.60');
    expect(cidrs(set('10.0.0.60-10.0.0.63').subtract(b))).toEqual(['10.0.0.61/32', '10.0.0.62/31']);
    expect(cidrs(set('10.0.0.60-10.0.0.63').intersect(b))).toEqual(['10.0.0.60/32']);
    expect(cidrs(b.intersect(set('10.0.0.60-10.0.0.63')))).toEqual(['10.0.0.60/32']);
  });

  it('the whole address space minus its last address', () => {
    const v4 = cidrs(set('0.0.0.0/0').subtract(set('255.255.255.255')));
    expect([v4.length, v4[0], v4[31]]).toEqual([32, '0.0.0.0/1', '255.255.255.254/32']);
    const v6 = cidrs(set('::/0').subtract(set('::')));
    expect([v6.length, v6[0], v6[127]]).toEqual([128, '::1/128', '8000::/1']);
  });

  it.each([
    [
      ['10.0.0.0/8', '2001:db8::/32'],
      ['10.1.0.0/16', '11.0.0.0/8', '2001:db8:ff::/48', '2001:db9::/32'],
      ['10.1.0.0/16', '2001:db8:ff::/48'],
    ],
    [['10.0.0.0/30', '10.0.0.8/30'], ['10.0.0.2-10.0.0.9'], ['10.0.0.2/31', '10.0.0.8/31']],
    [['10.0.0.0/8'], ['2001:db8::/32'], []],
  ])('%j intersect %j = %j', (a, b, expected) => {
    expect(cidrs(set(...a).intersect(set(...b)))).toEqual(expected);
    expect(cidrs(set(...b).intersect(set(...a)))).toEqual(expected);
  });

  it('intersects and unions with itself', () => {
    const s = set('10.0.0.0/30', '10.0.0.8/30', '2001:db8::/127', '2001:db8::8/127');
    expect(s.intersect(s).equals(s)).toBe(true);
    expect(s.union(s).equals(s)).toBe(true);
    expect(s.subtract(s).isEmpty()).toBe(true);
  });

  it.each([
    [['10.0.0.0/24'], ['10.0.1.0/24'], ['10.0.0.0/23']],
    [
      ['10.0.0.0/24', '10.0.4.0/24'],
      ['10.0.2.0/24', '10.0.1.0/24'],
      ['10.0.0.0/23', '10.0.2.0/24', '10.0.4.0/24'],
    ],
    [['2001:db8::/128'], ['2001:db8::1/128', '10.0.0.0/8'], ['10.0.0.0/8', '2001:db8::/127']],
  ])('%j union %j = %j', (a, b, expected) => {
    expect(cidrs(set(...a).union(set(...b)))).toEqual(expected);
    expect(cidrs(set(...b).union(set(...a)))).toEqual(expected);
  });

  it('covers and overlaps against a set with holes', () => {
    const s = set('10.0.0.0/24', '10.0.2.0/24', '200.0.0.0/24', '2001:db8::/48');
    const q: [string, boolean, boolean][] = [
      ['10.0.0.0/24', true, true],
      ['10.0.0.255-10.0.1.5', false, true],
      ['10.0.2.255', true, true],
      ['10.0.2.255-10.0.3.0', false, true],
      ['199.255.255.255-200.0.0.0', false, true],
      ['200.0.0.255', true, true],
      ['200.0.0.0/23', false, true],
      ['200.0.1.0', false, false],
      ['10.0.0.5', true, true],
      ['10.0.0.0/23', false, true],
      ['10.0.1.0/24', false, false],
      ['10.0.1.255-10.0.2.0', false, true],
      ['9.255.255.255', false, false],
      ['10.0.3.0', false, false],
      ['2001:db8::/48', true, true],
      ['2001:db8::/47', false, true],
      ['2001:db8:1::/48', false, false],
      ['::ffff:10.0.0.5', false, false],
    ];
    expect(q.map(([b]) => [b, s.covers(block(b)), s.overlaps(block(b))])).toEqual(q);
    expect([
      IpSet.empty().covers(block('10.0.0.0/32')),
      IpSet.empty().overlaps(block('::/0')),
    ]).toEqual([false, false]);
  });

  it('size counts each family once, overlaps merged', () => {
    const s = set('10.0.0.0/8', '10.0.0.0/16', '11.0.0.0/31', '2001:db8::/127', '2001:db8::1');
    expect([s.size(4), s.size(6)]).toEqual([16_777_218n, 2n]);
    expect(set('::/0').size(6)).toBe(2n ** 128n);
    expect(IpSet.empty().size(4)).toBe(0n);
  });

  it('toRanges, key and equals describe the merged intervals', () => {
    const s = set('2001:db8::ffff:ffff', '10.0.0.4/30', '10.0.0.0/30', '2001:db8::1:0:0/127');
    expect(s.toRanges().map(String)).toEqual([
      '10.0.0.0-10.0.0.7',
      '2001:db8::ffff:ffff-2001:db8::1:0:1',
    ]);
    expect(s.toRanges().map((b) => b.prefixLength)).toEqual([29, undefined]);
    expect(s.key()).toBe('10.0.0.0-10.0.0.7,2001:db8::ffff:ffff-2001:db8::1:0:1');
    expect(s.equals(set('10.0.0.0/29', '2001:db8::ffff:ffff-2001:db8::1:0:1'))).toBe(true);
    expect(s.equals(set('10.0.0.0/29'))).toBe(false);
    expect(IpSet.empty().key()).toBe('');
  });

  it('empty sets', () => {
    const s = set('10.0.0.0/8');
    expect(IpSet.empty().isEmpty()).toBe(true);
    expect(IpSet.of([]).equals(IpSet.empty())).toBe(true);
    expect(s.isEmpty()).toBe(false);
    expect(s.union(IpSet.empty()).equals(s)).toBe(true);
    expect(IpSet.empty().union(s).equals(s)).toBe(true);
    expect(s.subtract(IpSet.empty()).equals(s)).toBe(true);
    expect(IpSet.empty().subtract(s).isEmpty()).toBe(true);
    expect(s.intersect(IpSet.empty()).isEmpty()).toBe(true);
    expect(IpSet.empty().toCidrs()).toEqual([]);
  });

  it('accepts any iterable of blocks', () => {
    function* gen(): Generator<IpBlock> {
      yield block('10.0.0.1');
      yield block('10.0.0.0');
    }
    expect(cidrs(IpSet.of(gen()))).toEqual(['10.0.0.0/31']);
    expect(cidrs(IpSet.of(new Set([block('::1'), block('::')])))).toEqual(['::/127']);
  });

  it('builds large IPv6 sets in any input order', () => {
    // Enough blocks to take the radix-sort path; every other /64 of a /52, shuffled.
    const texts: string[] = [];
    for (let i = 0; i < 4096; i += 2) texts.push(block(`2001:db8:0:${i.toString(16)}::/64`).text);
    const shuffled = texts
      .map((t, i) => [(i * 7919) % texts.length, t] as const)
      .sort((a, b) => a[0] - b[0]);
    const s = IpSet.of(shuffled.map(([, t]) => block(t)));
    expect(cidrs(s)).toEqual(texts);
    const odd: IpBlock[] = [];
    for (let i = 1; i < 4096; i += 2) odd.push(block(`2001:db8:0:${i.toString(16)}::/64`));
    const filled = s.union(IpSet.of(odd.reverse()));
    expect(cidrs(filled)).toEqual(['2001:db8::/52']);
  });
});
