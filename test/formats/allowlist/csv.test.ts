import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Entry, ParsedFile } from '../../../src/model/entry.js';
import { CSV } from '../../../src/formats/allowlist/csv.js';

function parse(text: string, settings?: Record<string, unknown>, file = 'm365.csv'): ParsedFile {
  return CSV.parse({ path: file, text }, settings ? { settings } : undefined);
}

function summary(e: Entry) {
  return {
    text: e.text,
    line: e.location.line,
    column: e.location.column,
    key: e.kind === 'host' ? e.pattern.key() : e.kind === 'ip' ? e.block.key() : '',
    ports: e.ports ? `tcp ${e.ports.tcp} / udp ${e.ports.udp}` : undefined,
    comment: e.comment,
  };
}

const problems = (p: ParsedFile) =>
  p.problems.map((x) => [x.location.line, x.location.column, x.severity ?? 'error', x.message]);

describe('csv: valid input', () => {
  it('finds destination, port, protocol and comment columns by their header', () => {
    const parsed = parse(
      [
        'Name;Destination;Port;Protocol',
        '# Exchange',
        'EXO;outlook.office365.com, *.outlook.com;443;TCP',
        'Teams;"52.112.0.0/14',
        '52.122.0.0/15";3478-3481;UDP',
        'Web;"x.example.com";80,443;',
      ].join('\r\n'),
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.entries.map(summary)).toEqual([
      {
        text: 'outlook.office365.com',
        line: 3,
        column: 5,
        key: 'outlook.office365.com',
        ports: 'tcp 443 / udp ',
        comment: 'Exchange\nEXO',
      },
      {
        text: '*.outlook.com',
        line: 3,
        column: 28,
        key: '*.outlook.com',
        ports: 'tcp 443 / udp ',
        comment: 'Exchange\nEXO',
      },
      {
        text: '52.112.0.0/14',
        line: 4,
        column: 8,
        key: '52.112.0.0/14',
        ports: 'tcp  / udp 3478-3481',
        comment: 'Teams',
      },
      {
        text: '52.122.0.0/15',
        line: 5,
        column: 1,
        key: '52.122.0.0/15',
        ports: 'tcp  / udp 3478-3481',
        comment: 'Teams',
      },
      {
        text: 'x.example.com',
        line: 6,
        column: 6,
        key: 'x.example.com',
        ports: 'tcp 80,443 / udp 80,443',
        comment: 'Web',
      },
    ]);
  });

  it('finds a destination column by its values when the header does not name it', () => {
    const parsed = parse(
      [
        'Rule,Where,Open,Enabled',
        'a,13.107.6.152/31,443:tcp;3478:udp,True',
        'b,"*.lync.com;teams.microsoft.com",tcp/80,True',
      ].join('\n'),
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.entries.map(summary)).toEqual([
      {
        text: '13.107.6.152/31',
        line: 2,
        column: 3,
        key: '13.107.6.152/31',
        ports: undefined,
        comment: undefined,
      },
      {
        text: '*.lync.com',
        line: 3,
        column: 4,
        key: '*.lync.com',
        ports: undefined,
        comment: undefined,
      },
      {
        text: 'teams.microsoft.com',
        line: 3,
        column: 15,
        key: 'teams.microsoft.com',
        ports: undefined,
        comment: undefined,
      },
    ]);
  });

  it('reads the columns the settings name, by header name or number', () => {
    const text = [
      'Rule,Where,Open,Note',
      'a,13.107.6.152/31,443:tcp;3478:udp,exo',
      'b,"*.lync.com;teams.microsoft.com",tcp/80,teams',
    ].join('\n');
    const parsed = parse(text, { columns: { value: 'where', ports: 3, comment: 'Note' } });
    expect(parsed.problems).toEqual([]);
    expect(parsed.entries.map((e) => [e.text, summary(e).ports, e.comment])).toEqual([
      ['13.107.6.152/31', 'tcp 443 / udp 3478', 'exo'],
      ['*.lync.com', 'tcp 80 / udp ', 'teams'],
      ['teams.microsoft.com', 'tcp 80 / udp ', 'teams'],
    ]);
  });

  it('reads a file without a header, TCP and UDP columns, escaped quotes and a sep= line', () => {
    const parsed = parse(
      ['sep=|', 'outlook.office365.com|443|', '"40.96.0.0/13"|80,443|3478', ''].join('\n'),
      { columns: { value: 1, tcp: 2, udp: 3 }, header: false },
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.entries.map(summary)).toEqual([
      {
        text: 'outlook.office365.com',
        line: 2,
        column: 1,
        key: 'outlook.office365.com',
        ports: 'tcp 443 / udp ',
        comment: undefined,
      },
      {
        text: '40.96.0.0/13',
        line: 3,
        column: 2,
        key: '40.96.0.0/13',
        ports: 'tcp 80,443 / udp 3478',
        comment: undefined,
      },
    ]);
  });

  it('maps a value inside a quoted field with escaped quotes to its column', () => {
    const parsed = parse('Comment,Host\n"say ""hi""","a.example.com b.example.com"\n');
    expect(parsed.entries.map((e) => [e.text, e.location.column, e.comment])).toEqual([
      ['a.example.com', 15, 'say "hi"'],
      ['b.example.com', 29, 'say "hi"'],
    ]);
  });
});

describe('csv: malformed input', () => {
  const cases: [
    name: string,
    text: string,
    settings: Record<string, unknown> | undefined,
    expected: unknown[][],
  ][] = [
    [
      'a malformed host',
      'Host,Port\na..b.com,443\n',
      undefined,
      [[2, 1, 'error', '"a..b.com" has an empty label']],
    ],
    [
      'a malformed address',
      'Host,Port\nok.example.com,443\n300.1.1.1,443\n',
      undefined,
      [[3, 1, 'error', 'octet 300 is out of range (0-255) in "300.1.1.1"']],
    ],
    [
      'an address in a host column',
      'Host\n13.107.6.152/31\n',
      { columns: { host: 'Host' } },
      [[2, 1, 'error', '"13.107.6.152/31" is an IP range, not a host name']],
    ],
    [
      'a port out of range',
      'Host,Port\na.example.com,99999\n',
      undefined,
      [[2, 15, 'error', 'port 99999 is out of range (0-65535)']],
    ],
    [
      'a port that is not one',
      'Host,Ports\na.example.com,"443, https"\n',
      undefined,
      [
        [
          2,
          21,
          'error',
          '"https" is not a port, a port range or a port with its protocol (443:tcp)',
        ],
      ],
    ],
    [
      'a path',
      'Host\nwww.example.com/help\n',
      undefined,
      [[2, 1, 'notice', 'only the host of "www.example.com/help" is compared, not its path']],
    ],
    [
      'a scheme',
      'Host\nhttps://www.example.com/\n',
      undefined,
      [[2, 1, 'notice', 'only the host of "https://www.example.com/" is compared, not its scheme']],
    ],
    [
      'an unterminated quote',
      'Host\na.example.com\n"b.example.com\n',
      undefined,
      [[3, 1, 'error', 'unterminated quoted field']],
    ],
    [
      'a column the header does not have',
      'Host,Port\na.example.com,443\n',
      { columns: { value: 'Destination' } },
      [[1, 1, 'error', 'column "Destination" is not in the header (columns: Host, Port)']],
    ],
    [
      'an unknown column role',
      'Host\na.example.com\n',
      { columns: { address: 'Host' } },
      [
        [
          0,
          1,
          'error',
          'unknown CSV column role "address" (expected value, host, ip, tcp, udp, ports, protocol, comment)',
        ],
      ],
    ],
    [
      'no destination column',
      'Name,Enabled\nExchange,True\n',
      undefined,
      [
        [
          1,
          1,
          'error',
          'no column holds host names or addresses; name it with the setting "columns" (columns: Name, Enabled)',
        ],
      ],
    ],
    [
      'binary content',
      'Host\n\0',
      undefined,
      [[0, 1, 'error', '"m365.csv" is not a text file (it contains NUL bytes)']],
    ],
  ];

  it.each(cases)('%s', (_name, text, settings, expected) => {
    expect(problems(parse(text, settings))).toEqual(expected);
  });
});

describe('csv: detection', () => {
  const cases: [path: string, score: number][] = [
    ['network/m365.csv', 5],
    ['network/m365.tsv', 5],
    ['network/m365.txt', 0],
  ];
  it.each(cases)('%s', (file, score) => {
    expect(CSV.detect({ path: file, text: 'Host\na.example.com\n' })).toBe(score);
  });

  it('declares hosts and addresses with ports, protocols, IPv6 and comments', () => {
    expect(CSV.capabilities).toEqual({
      hosts: true,
      ips: true,
      ipv6: true,
      ports: true,
      protocols: true,
      comments: true,
    });
  });
});

const corpus = path.resolve(import.meta.dirname, '../../..', '../shared/corpus');

describe.skipIf(!existsSync(corpus))('csv: corpus', () => {
  it('axis network ranges: 37 IPv4 ranges and 221 names in 4 rows, ports like 443:tcp', () => {
    const file = 'csv/axis-o365-network-ranges-import.csv';
    const text = readFileSync(path.join(corpus, file), 'utf8');
    expect(CSV.detect({ path: file, text })).toBe(5);
    const parsed = CSV.parse({ path: file, text });
    expect(parsed.problems).toEqual([]);
    const ips = parsed.entries.filter((e) => e.kind === 'ip');
    const hosts = parsed.entries.filter((e) => e.kind === 'host');
    expect(ips).toHaveLength(37);
    expect(hosts).toHaveLength(221);
    // IPv6 is dropped entirely.
    expect(ips.every((e) => e.kind === 'ip' && e.block.family === 4)).toBe(true);
    expect(summary(parsed.entries[0]!)).toEqual({
      text: '13.107.6.152/31',
      line: 2,
      column: 17,
      key: '13.107.6.152/31',
      ports: 'tcp 25,80,143,443,587,993,995 / udp 443',
      comment: 'Exchange Online',
    });
    // Duplicates and unusual wildcards are read as written, for the engine to judge.
    const texts = hosts.map((e) => e.text);
    expect(texts.filter((t) => t === 'outlook.office365.com')).toHaveLength(2);
    expect(texts.filter((t) => t === '*.microsoft.com')).toHaveLength(2);
    expect(texts).toEqual(
      expect.arrayContaining(['autodiscover.*.onmicrosoft.com', '*cdn.onenote.net']),
    );
    const teams = parsed.entries.find((e) => e.text === '13.107.64.0/18')!;
    expect(summary(teams).ports).toBe('tcp 80,443,3478-3481 / udp 3478-3481');
  });
});
