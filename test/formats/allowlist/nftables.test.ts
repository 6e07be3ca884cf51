import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Entry, ParsedFile } from '../../../src/model/entry.js';
import { NFTABLES } from '../../../src/formats/allowlist/nftables.js';

function parse(text: string): ParsedFile {
  return NFTABLES.parse({ path: 'm365.nft', text });
}

function summary(e: Entry) {
  return {
    text: e.text,
    line: e.location.line,
    column: e.location.column,
    ports: e.ports ? `tcp ${e.ports.tcp} / udp ${e.ports.udp}` : undefined,
  };
}

const problems = (p: ParsedFile) =>
  p.problems.map((x) => [x.location.line, x.location.column, x.severity ?? 'error', x.message]);

/** A table with an output chain holding the given rules. */
const chain = (...rules: string[]) =>
  [
    'table inet filter {',
    '  chain output {',
    '    type filter hook output priority 0; policy drop;',
    ...rules.map((r) => `    ${r}`),
    '  }',
    '}',
  ].join('\n');

describe('nftables: valid input', () => {
  const cases: [name: string, text: string, entries: ReturnType<typeof summary>[]][] = [
    [
      'addresses, prefixes and anonymous sets of accepting daddr rules, with their ports',
      chain(
        'ip daddr 13.107.6.152/31 tcp dport 443 accept',
        'ip6 daddr { 2603:1006::/40, 2620:1ec:4::152/127 } udp dport 3478-3481 accept',
        'ip daddr { 40.96.0.0/13,',
        '           52.96.0.0/14 } tcp dport { http, 443 } counter accept',
        'ip daddr 10.0.0.1-10.0.0.9 accept',
        'ip daddr 10.1.0.1 - 10.1.0.9 meta l4proto tcp accept',
        'ip daddr 8.8.8.8 meta l4proto { tcp, udp } th dport 53 accept',
        'ip daddr 9.9.9.9 tcp dport != 25 accept',
        'ip daddr 1.1.1.1 drop',
        'ct state established,related accept',
      ),
      [
        { text: '13.107.6.152/31', line: 4, column: 14, ports: 'tcp 443 / udp ' },
        { text: '2603:1006::/40', line: 5, column: 17, ports: 'tcp  / udp 3478-3481' },
        { text: '2620:1ec:4::152/127', line: 5, column: 33, ports: 'tcp  / udp 3478-3481' },
        { text: '40.96.0.0/13', line: 6, column: 16, ports: 'tcp 80,443 / udp ' },
        { text: '52.96.0.0/14', line: 7, column: 16, ports: 'tcp 80,443 / udp ' },
        { text: '10.0.0.1-10.0.0.9', line: 8, column: 14, ports: 'tcp any / udp any' },
        { text: '10.1.0.1 - 10.1.0.9', line: 9, column: 14, ports: 'tcp any / udp ' },
        { text: '8.8.8.8', line: 10, column: 14, ports: 'tcp 53 / udp 53' },
        { text: '9.9.9.9', line: 11, column: 14, ports: 'tcp 0-24,26-65535 / udp ' },
      ],
    ],
    [
      'a named set referenced with @, elements over several lines',
      [
        'table inet filter {',
        '  set m365 {',
        '    type ipv4_addr; flags interval',
        '    elements = { 13.107.6.152/31,',
        '                 52.96.0.0/14 }',
        '  }',
        '  chain output {',
        '    ip daddr @m365 tcp dport { 80, 443 } accept',
        '    ip daddr @m365 udp dport 443 accept',
        '  }',
        '}',
      ].join('\n'),
      [
        { text: '13.107.6.152/31', line: 4, column: 18, ports: 'tcp 80,443 / udp 443' },
        { text: '52.96.0.0/14', line: 5, column: 18, ports: 'tcp 80,443 / udp 443' },
      ],
    ],
    [
      'define variables, and the flat add element / add rule form',
      [
        'define M365 = { 20.190.128.0/18, 40.126.0.0/18 }',
        'add table inet filter',
        'add set inet filter teams { type ipv4_addr; flags interval; }',
        'add element inet filter teams { 52.112.0.0/14 }',
        'add rule inet filter output ip daddr $M365 tcp dport 443 accept',
        'add rule inet filter output ip daddr @teams udp dport 3478 accept',
      ].join('\n'),
      [
        { text: '20.190.128.0/18', line: 1, column: 17, ports: 'tcp 443 / udp ' },
        { text: '40.126.0.0/18', line: 1, column: 34, ports: 'tcp 443 / udp ' },
        { text: '52.112.0.0/14', line: 4, column: 33, ports: 'tcp  / udp 3478' },
      ],
    ],
    [
      'a named set and a variable no rule uses, read as they stand',
      [
        'define EXTRA = { 52.238.119.141/32 }',
        'table inet filter {',
        '  set m365 { type ipv6_addr; flags interval; elements = { 2603:1006::/40 } }',
        '  set ports { type inet_service; elements = { 443 } }',
        '}',
      ].join('\n'),
      [
        { text: '52.238.119.141/32', line: 1, column: 18, ports: undefined },
        { text: '2603:1006::/40', line: 3, column: 59, ports: undefined },
      ],
    ],
  ];

  it.each(cases)('%s', (_name, text, expected) => {
    const parsed = parse(text);
    expect(parsed.problems).toEqual([]);
    expect(parsed.entries.map(summary)).toEqual(expected);
  });

  it('keeps # comments, nft comments and what is unusual about an entry on it', () => {
    const parsed = parse(
      [
        'define EXTRA = { 52.238.119.141/32 }',
        'table inet filter {',
        '  # Exchange Online',
        '  set exo {',
        '    type ipv4_addr; flags interval',
        '    elements = { 13.107.6.152/31 comment "EXO", # web',
        '                 40.96.0.0/13 }',
        '  }',
        '  chain output {',
        '    # Teams',
        '    ip daddr 52.112.0.0/14 accept comment "media"',
        '    ip daddr @exo accept',
        '  }',
        '}',
      ].join('\n'),
    );
    expect(parsed.entries.map((e) => [e.text, e.comment])).toEqual([
      ['52.238.119.141/32', '"$EXTRA" is not used by a rule in this file'],
      ['13.107.6.152/31', 'EXO\nweb'],
      ['40.96.0.0/13', 'Exchange Online'],
      ['52.112.0.0/14', 'media\nTeams'],
    ]);
  });

  it('reads rules that accept by source address, with one notice per chain', () => {
    const parsed = parse(
      [
        'table inet filter {',
        '  chain input {',
        '    type filter hook input priority 0; policy drop;',
        '    ip saddr 13.107.6.152/31 accept',
        '    ip6 saddr { 2603:1006::/40, 2603:1016::/36 } accept',
        '    ip saddr 10.0.0.0/8 ip daddr 40.96.0.0/13 accept',
        '  }',
        '}',
      ].join('\n'),
    );
    expect(parsed.entries.map((e) => [e.text, e.comment])).toEqual([
      ['13.107.6.152/31', 'source address (saddr) in chain "input"'],
      ['2603:1006::/40', 'source address (saddr) in chain "input"'],
      ['2603:1016::/36', 'source address (saddr) in chain "input"'],
      ['40.96.0.0/13', undefined],
    ]);
    expect(problems(parsed)).toEqual([
      [
        4,
        5,
        'notice',
        'chain "input" (hook input) accepts traffic by source address ("saddr"): the list is written for the other direction; its 3 addresses are compared as destinations',
      ],
    ]);
  });
});

describe('nftables: malformed and unsupported input', () => {
  const cases: [name: string, text: string, expected: unknown[][]][] = [
    [
      'a malformed address',
      chain('ip daddr 300.1.1.1 accept'),
      [[4, 14, 'error', 'octet 300 is out of range (0-255) in "300.1.1.1"']],
    ],
    [
      'an IPv6 address after ip daddr',
      chain('ip daddr 2603:1006::/40 accept'),
      [[4, 14, 'error', '"2603:1006::/40" is an IPv6 address where IPv4 is expected (use "ip6")']],
    ],
    [
      'an IPv4 element in an ipv6_addr set',
      'table inet t {\n  set s { type ipv6_addr; elements = { 1.2.3.4 } }\n  chain c { ip6 daddr @s accept }\n}',
      [[2, 40, 'error', '"1.2.3.4" is an IPv4 address where IPv6 is expected (use "ip")']],
    ],
    [
      'a port out of range',
      chain('ip daddr 1.2.3.4 tcp dport 70000 accept'),
      [[4, 32, 'error', 'port 70000 is out of range (0-65535)']],
    ],
    [
      'an unknown service name',
      chain('ip daddr 1.2.3.4 tcp dport { 443, nope } accept'),
      [[4, 39, 'error', '"nope" is not a port or port range']],
    ],
    [
      'a host name, resolved when the ruleset is loaded',
      chain('ip daddr outlook.office365.com accept'),
      [
        [
          4,
          14,
          'notice',
          '"outlook.office365.com" is a host name, which nft resolves once when the ruleset is loaded; not compared',
        ],
      ],
    ],
    [
      'a negated address match',
      chain('ip daddr != 10.0.0.0/8 accept'),
      [
        [
          4,
          5,
          'notice',
          '"ip daddr != ..." accepts every address but the ones named; not compared',
        ],
      ],
    ],
    [
      'a set defined elsewhere',
      chain('ip daddr @m365 accept'),
      [[4, 14, 'notice', 'set "m365" is not defined in this file; its addresses are not compared']],
    ],
    [
      'a variable defined elsewhere',
      chain('ip daddr $M365 accept'),
      [[4, 14, 'notice', '"$M365" is not defined in this file; its addresses are not compared']],
    ],
    [
      'a concatenated element',
      'table inet t {\n  set s { type ipv4_addr . inet_service; elements = { 1.2.3.4 . 443 } }\n}',
      [[2, 55, 'notice', '"1.2.3.4 . 443" is a concatenation; its parts are not compared']],
    ],
    [
      'an include',
      'include "/etc/nftables.d/*.nft"\n',
      [
        [
          1,
          10,
          'notice',
          'the included file "/etc/nftables.d/*.nft" is not read; its addresses are not compared',
        ],
      ],
    ],
    [
      'an unclosed brace',
      'table inet t {\n  chain c {\n    ip daddr 1.2.3.4 accept\n',
      [
        [1, 14, 'error', 'unclosed "{"'],
        [2, 11, 'error', 'unclosed "{"'],
      ],
    ],
    ['a stray closing brace', '}\n', [[1, 1, 'error', 'unexpected "}" without a matching "{"']]],
    [
      'an unterminated string',
      chain('ip daddr 1.2.3.4 accept comment "open'),
      [[4, 37, 'error', 'unterminated string "\\"open"']],
    ],
    [
      'binary content',
      'table\0',
      [[0, 1, 'error', '"m365.nft" is not a text file (it contains NUL bytes)']],
    ],
  ];

  it.each(cases)('%s', (_name, text, expected) => {
    expect(problems(parse(text))).toEqual(expected);
  });

  it('reads the other entries of a file with a malformed one', () => {
    const parsed = parse(chain('ip daddr { 1.2.3.4, 1.2.3, 5.6.7.8 } accept'));
    expect(parsed.entries.map((e) => e.text)).toEqual(['1.2.3.4', '5.6.7.8']);
    expect(problems(parsed)).toEqual([[4, 25, 'error', 'too few octets in "1.2.3" (expected 4)']]);
  });
});

describe('nftables: detection', () => {
  const cases: [path: string, text: string, score: number][] = [
    ['m365.nft', chain('ip daddr 1.2.3.4 accept'), 10],
    ['m365.nft', '# nothing yet\n', 5],
    ['etc/nftables.conf', '#!/usr/sbin/nft -f\nflush ruleset\n', 8],
    ['fw/rules.conf', 'add rule inet filter output ip daddr 1.2.3.4 accept\n', 8],
    ['list.txt', '13.107.6.152/31\n', 0],
    ['notes.conf', 'key = value\n', 0],
  ];
  it.each(cases)('%s', (file, text, score) => {
    expect(NFTABLES.detect({ path: file, text })).toBe(score);
  });

  it('declares addresses with ports and protocols, IPv6 and comments, no host names', () => {
    expect(NFTABLES.capabilities).toEqual({
      hosts: false,
      ips: true,
      ipv6: true,
      ports: true,
      protocols: true,
      comments: true,
    });
  });
});

const corpus = path.resolve(import.meta.dirname, '../../..', '../shared/corpus');

describe.skipIf(!existsSync(corpus))('nftables: corpus', () => {
  it('rezmoss: 31 IPv4 and 51 IPv6 prefixes in an input chain matched by saddr', () => {
    const file = 'nftables/rezmoss-microsoft365-allow.nft';
    const text = readFileSync(path.join(corpus, file), 'utf8');
    expect(NFTABLES.detect({ path: file, text })).toBe(10);
    const parsed = NFTABLES.parse({ path: file, text });
    const blocks = parsed.entries.flatMap((e) => (e.kind === 'ip' ? [e.block] : []));
    expect(blocks.filter((b) => b.family === 4)).toHaveLength(31);
    expect(blocks.filter((b) => b.family === 6)).toHaveLength(51);
    expect(parsed.entries[0]).toMatchObject({
      text: '13.107.6.152/31',
      location: { line: 12, column: 14 },
      comment: 'source address (saddr) in chain "input"',
    });
    // Aggregated supernets: 52.96.0.0/12 stands for four catalogue /14s.
    const supernet = blocks.find((b) => b.text === '52.96.0.0/12')!;
    for (const p of ['52.96.0.0/14', '52.100.0.0/14', '52.104.0.0/14', '52.108.0.0/14']) {
      const inner = NFTABLES.parse({ path: 'x.nft', text: chain(`ip daddr ${p} accept`) });
      expect(inner.entries[0]!.kind === 'ip' && supernet.contains(inner.entries[0]!.block)).toBe(
        true,
      );
    }
    expect(parsed.entries.some((e) => e.text === '2620:1ec:4::152/127')).toBe(true);
    // Teams 13.107.64.0/18 is not there.
    expect(parsed.entries.some((e) => e.text.startsWith('13.107.64.'))).toBe(false);
    expect(problems(parsed)).toEqual([
      [
        12,
        5,
        'notice',
        'chain "input" (hook input) accepts traffic by source address ("saddr"): the list is written for the other direction; its 82 addresses are compared as destinations',
      ],
    ]);
  });
});
