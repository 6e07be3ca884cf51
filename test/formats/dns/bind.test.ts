import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DnsRecord, ParsedDnsFile } from '../../../src/model/dns.js';
import { BIND, originFromFileName } from '../../../src/formats/dns/bind.js';
import type { ParseOptions } from '../../../src/formats/format.js';
import { ZONES, zoneInput } from './bind-zones.js';

const corpus = path.resolve(import.meta.dirname, '../../..', '../shared/corpus');

function parse(text: string, options?: ParseOptions, file = 'contoso.com.zone'): ParsedDnsFile {
  return BIND.parse({ path: file, text }, options);
}

/** [line, column, name, ttl, type, data, flags]: flags `rel` for a relative target, or the comment. */
type Row = [number, number, string, number | undefined, string, string, ...string[]];

function rows(records: readonly DnsRecord[], main: string): Row[] {
  return records.map((r) => {
    const row: Row = [r.location.line, r.location.column, r.name, r.ttl, r.type, r.data];
    if (r.location.file !== main) row.push(`file ${r.location.file}`);
    if (r.relativeTarget) row.push('rel');
    if (r.comment !== undefined) row.push(r.comment);
    return row;
  });
}

function fixture(name: string) {
  const zone = ZONES.find((z) => z.name === name)!;
  const input = zoneInput(zone);
  const parsed = BIND.parse({ path: input.path, text: input.text }, { readFile: input.readFile });
  return { input, parsed };
}

describe('bind: valid zones', () => {
  it('reads directives, owners, classes, TTLs, escapes and comments', () => {
    const { input, parsed } = fixture('directives, owners, classes and TTLs');
    expect(parsed.problems).toEqual([]);
    expect(parsed.format).toBe('bind');
    expect(parsed.zones).toEqual(['contoso.com.']);
    const soa = 'ns1.contoso.com. hostmaster.contoso.com. 2024010101 10800 900 777600 300';
    // prettier-ignore
    expect(rows(parsed.records, input.path)).toEqual<Row[]>([
      [4, 13, 'contoso.com.', 3600, 'SOA', soa, 'Start of authority'],
      [10, 13, 'contoso.com.', 3600, 'NS', 'ns1.contoso.com.', 'rel'],
      [11, 13, 'contoso.com.', 3600, 'NS', 'ns2.contoso.com.'],
      [12, 9, 'ns1.contoso.com.', 3600, 'A', '192.0.2.1'],
      [13, 14, 'ns2.contoso.com.', 600, 'A', '192.0.2.2'],
      [14, 17, 'ns2.contoso.com.', 600, 'AAAA', '2001:db8::2'],
      [17, 14, 'contoso.com.', 3600, 'MX', '0 contoso-com.mail.protection.outlook.com.', 'Exchange Online'],
      [18, 21, 'autodiscover.contoso.com.', 3600, 'CNAME', 'autodiscover.outlook.com.', 'Outlook setup'],
      [19, 7, 'contoso.com.', 3600, 'TXT', '"v=spf1 include:spf.protection.outlook.com -all"'],
      [20, 15, '_sip._tls.contoso.com.', 3600, 'SRV', '100 1 443 sipdir.online.lync.com.'],
      [21, 28, '_sipfederationtls._tcp.contoso.com.', 3600, 'SRV', '100 1 5061 sipfed.online.lync.com.contoso.com.', 'rel'],
      [22, 33, 'lyncdiscover.contoso.com.', 3600, 'CNAME', 'webdir.online.lync.com.'],
      [23, 16, '*.dev.contoso.com.', 3600, 'CNAME', 'www.contoso.com.', 'rel'],
      [24, 7, 'www.contoso.com.', 3600, 'A', '192.0.2.10'],
      [25, 7, 'www.contoso.com.', 3600, 'A', '192.0.2.11'],
      [26, 10, 'long.contoso.com.', 3600, 'TXT', '"part one" "part \\"two\\"" "unquoted;semi"'],
      [27, 9, 'esc.contoso.com.', 3600, 'TXT', '"back\\\\slash" "caf\\195\\169" "tab\\009"'],
      [28, 9, 'utf.contoso.com.', 3600, 'TXT', '"na\\195\\175ve"'],
      [29, 9, 'caa.contoso.com.', 3600, 'CAA', '0 issue "digicert.com"'],
      [30, 9, 'caa.contoso.com.', 3600, 'CAA', '128 iodef "mailto:security@contoso.com"'],
      [31, 13, 'mailhost.contoso.com.', 3600, 'MX', '10 mail.contoso.com.', 'rel'],
      [32, 8, 'mail.contoso.com.', 3600, 'A', '192.0.2.25'],
      [33, 9, 'v6.contoso.com.', 3600, 'AAAA', '::ffff:192.0.2.1'],
      [34, 9, 'spf.contoso.com.', 3600, 'SPF', '"v=spf1 -all"'],
      [35, 19, 'generic.contoso.com.', 3600, 'TYPE65534', '\\# 3 0A0B0C'],
      [36, 13, 'hinfo.contoso.com.', 3600, 'HINFO', '"PC" "Linux"'],
      [39, 7, 'dc1.internal.contoso.com.', 3600, 'A', '10.0.0.1'],
      [40, 11, 'svc.internal.contoso.com.', 3600, 'CNAME', 'dc1.internal.contoso.com.', 'rel'],
    ]);
    const strings = parsed.records.flatMap((r) =>
      r.parsed.type === 'TXT' ? [r.parsed.strings] : [],
    );
    expect(strings).toEqual([
      ['v=spf1 include:spf.protection.outlook.com -all'],
      ['part one', 'part "two"', 'unquoted;semi'],
      ['back\\slash', 'café', 'tab\t'],
      ['naïve'],
      ['v=spf1 -all'],
    ]);
    expect(parsed.records.find((r) => r.type === 'MX')?.parsed).toEqual({
      type: 'MX',
      preference: 0,
      exchange: 'contoso-com.mail.protection.outlook.com.',
    });
    expect(parsed.records.find((r) => r.type === 'SRV')?.parsed).toEqual({
      type: 'SRV',
      priority: 100,
      weight: 1,
      port: 443,
      target: 'sipdir.online.lync.com.',
    });
    expect(parsed.records.every((r) => r.zone === 'contoso.com.')).toBe(true);
  });

  it('reads an include relative to the including file, with its origin, then restores the owner', () => {
    const { input, parsed } = fixture('an include with its own origin and TTL');
    expect(parsed.problems).toEqual([]);
    const soa = 'ns.fabrikam.com. hostmaster.fabrikam.com. 1 7200 3600 1209600 300';
    const inc = 'file zones/inc/m365.inc';
    // prettier-ignore
    expect(rows(parsed.records, input.path)).toEqual<Row[]>([
      [2, 7, 'fabrikam.com.', 300, 'SOA', soa],
      [3, 6, 'fabrikam.com.', 300, 'NS', 'ns.fabrikam.com.', 'rel'],
      [4, 6, 'ns.fabrikam.com.', 300, 'A', '192.0.2.53'],
      [5, 7, 'www.fabrikam.com.', 300, 'A', '192.0.2.80'],
      [3, 20, 'autodiscover.m365.fabrikam.com.', 60, 'CNAME', 'autodiscover.outlook.com.', inc],
      [4, 6, 'm365.fabrikam.com.', 60, 'MX', '0 fabrikam-com.mail.protection.outlook.com.', inc],
      // The include's $TTL stays in force, as in BIND.
      [7, 6, 'www.fabrikam.com.', 60, 'A', '192.0.2.81'],
      [8, 13, 'after.fabrikam.com.', 60, 'CNAME', 'www.fabrikam.com.', 'rel'],
    ]);
  });

  it('without $TTL takes the SOA minimum as the default (CRLF line ends)', () => {
    const { input, parsed } = fixture('no $TTL: the SOA minimum, then RFC 1035 TTLs');
    expect(parsed.problems).toEqual([]);
    expect(parsed.zones).toEqual(['example.org.']);
    expect(rows(parsed.records, input.path).map((r) => [r[2], r[3], r[4]])).toEqual([
      ['example.org.', 900, 'SOA'],
      ['example.org.', 900, 'NS'],
      ['ns.example.org.', 120, 'A'],
      ['www.example.org.', 900, 'A'],
    ]);
  });

  it('without $TTL or SOA minimum, a record without TTL takes the last one written', () => {
    const { parsed } = fixture('an explicit TTL before the SOA carries on');
    expect(parsed.problems).toEqual([]);
    expect(parsed.records.map((r) => [r.name, r.ttl])).toEqual([
      ['example.net.', 7200],
      ['example.net.', 7200],
      ['ns.example.net.', 7200],
      ['www.example.net.', 60],
      ['ftp.example.net.', 60],
    ]);
  });

  it.each([
    [
      'the settings',
      { origin: 'Settings.Example' },
      '$ORIGIN other.example.\nwww A 192.0.2.1',
      'settings.example.',
    ],
    ['a leading $ORIGIN', {}, '$ORIGIN lead.example.\nwww A 192.0.2.1', 'lead.example.'],
    ['the file name', {}, 'www A 192.0.2.1', 'contoso.com.'],
  ])('takes the zone from %s', (_how, settings, body, zone) => {
    const parsed = parse(`$TTL 60\n${body}`, { settings });
    expect(parsed.zones).toEqual([zone]);
  });

  it('puts records outside the zone aside with a warning, as BIND does', () => {
    const parsed = parse('$TTL 60\nwww A 192.0.2.1\nother.example. A 192.0.2.2', {
      settings: { origin: 'contoso.com' },
    });
    expect(parsed.records.map((r) => r.name)).toEqual(['www.contoso.com.']);
    expect(parsed.problems).toEqual([
      {
        location: { file: 'contoso.com.zone', line: 3, column: 18 },
        message:
          '"other.example." is outside the zone "contoso.com."; a server ignores this record',
        severity: 'warning',
      },
    ]);
  });

  it('keeps a leading byte order mark out of the columns and commented-out records out of comments', () => {
    const text = '\uFEFF$TTL 60\n; mail\n;old IN A 192.0.2.9\nwww IN A 192.0.2.1\n';
    const parsed = parse(text);
    expect(parsed.problems).toEqual([]);
    expect(rows(parsed.records, 'contoso.com.zone')).toEqual([
      [4, 10, 'www.contoso.com.', 60, 'A', '192.0.2.1', 'mail'],
    ]);
  });

  it('reads a file of absolute names without any origin', () => {
    const parsed = parse('$TTL 60\nwww.example.com. A 192.0.2.1', undefined, 'records.txt');
    expect(parsed.problems).toEqual([]);
    expect(parsed.zones).toEqual([]);
    expect(parsed.records.map((r) => r.name)).toEqual(['www.example.com.']);
  });

  it.each([
    ['contoso.com.zone', 'contoso.com.'],
    ['zones/db.fabrikam.co.uk', 'fabrikam.co.uk.'],
    ['wyvernsquare.com', 'wyvernsquare.com.'],
    ['example.org.db', 'example.org.'],
    ['zone.txt', undefined],
    ['records', undefined],
  ])('takes %s to be the zone %s', (file, origin) => {
    expect(originFromFileName(file)).toBe(origin);
  });
});

interface Bad {
  readonly text: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
  readonly severity?: 'warning' | 'notice';
  readonly file?: string;
  readonly options?: ParseOptions;
  /** An open parenthesis takes the rest of the file with it. */
  readonly swallows?: boolean;
}

describe('bind: malformed input', () => {
  const cases: readonly Bad[] = [
    { text: 'www IN FOO 1.2.3.4', line: 2, column: 8, message: 'unknown record type "FOO"' },
    { text: 'www IN A 1.2.3', line: 2, column: 10, message: '"1.2.3" is not an IPv4 address' },
    { text: 'www A 010.0.0.1', line: 2, column: 7, message: '"010.0.0.1" is not an IPv4 address' },
    {
      text: 'www AAAA 2001:db8::1::2',
      line: 2,
      column: 10,
      message: '"2001:db8::1::2" is not an IPv6 address',
    },
    {
      text: 'www A 1.2.3.4 5.6.7.8',
      line: 2,
      column: 15,
      message: 'unexpected "5.6.7.8" after the A data',
    },
    { text: '@ MX 10', line: 2, column: 6, message: 'missing MX exchange' },
    {
      text: '@ MX ten mail.example.',
      line: 2,
      column: 6,
      message: 'MX preference "ten" is not a number from 0 to 65535',
    },
    {
      text: '_sip._tls SRV 1 1 70000 sip.example.',
      line: 2,
      column: 19,
      message: 'SRV port "70000" is not a number from 0 to 65535',
    },
    { text: 'x TXT "abc', line: 2, column: 7, message: 'unterminated quoted string' },
    {
      text: 'x TXT ( "a"\n  "b"',
      line: 2,
      column: 7,
      message: 'missing ")" for this "("',
      swallows: true,
    },
    { text: 'x TXT "a" )', line: 2, column: 11, message: 'unexpected ")"' },
    {
      text: `x TXT "${'a'.repeat(256)}"`,
      line: 2,
      column: 7,
      message: `string longer than 255 octets: "${'a'.repeat(40)}..."`,
    },
    {
      text: 'x TXT "bad\\999"',
      line: 2,
      column: 7,
      message: 'invalid escape "\\999" in "bad\\999"',
    },
    { text: 'x 1x A 192.0.2.1', line: 2, column: 3, message: 'invalid TTL "1x"' },
    {
      text: 'x 2147483648 A 192.0.2.1',
      line: 2,
      column: 3,
      message: 'TTL "2147483648" is larger than 2147483647; servers read it as 0',
      severity: 'warning',
    },
    {
      text: 'x CH A 192.0.2.1',
      line: 2,
      column: 3,
      message: 'class "CH" is not IN; only Internet records are read',
    },
    { text: 'x 300 IN', line: 2, column: 7, message: 'missing record type after "IN"' },
    {
      text: 'x CAA 0 is-sue "ca.example"',
      line: 2,
      column: 9,
      message: 'CAA tag "is-sue" is not letters and digits',
    },
    { text: 'x HINFO "PC"', line: 2, column: 9, message: 'HINFO needs two strings (CPU and OS)' },
    { text: 'x A \\# 4 0A00', line: 2, column: 10, message: 'generic data has 2 octets, not 4' },
    {
      text: 'x MX \\# 1 0A',
      line: 2,
      column: 6,
      message: "generic data for MX is not read; write it in MX's own form",
      severity: 'notice',
    },
    {
      text: '"www" A 192.0.2.1',
      line: 2,
      column: 1,
      message: 'a name cannot be a quoted string: "www"',
    },
    { text: 'a..b A 192.0.2.1', line: 2, column: 1, message: 'empty label in "a..b.contoso.com."' },
    {
      text: `${'a'.repeat(64)} A 192.0.2.1`,
      line: 2,
      column: 1,
      message: `a label of "${'a'.repeat(64)}.contoso.com." is longer than 63 octets`,
    },
    { text: 'x CNAME a..b.', line: 2, column: 9, message: 'empty label in "a..b."' },
    { text: '$FOO bar', line: 2, column: 1, message: 'unknown directive "$FOO"' },
    { text: '$ORIGIN', line: 2, column: 1, message: '$ORIGIN needs a value' },
    { text: '$TTL 60 extra', line: 2, column: 9, message: 'unexpected "extra" after $TTL' },
    {
      text: '$GENERATE 1-9 host$ A 10.0.0.$',
      line: 2,
      column: 1,
      message: '$GENERATE is not expanded; the records it makes are not read',
      severity: 'notice',
    },
    {
      text: '$INCLUDE missing.zone',
      line: 2,
      column: 10,
      message: 'cannot read the included file "missing.zone"',
    },
    {
      text: '$INCLUDE contoso.com.zone',
      line: 2,
      column: 10,
      message: '"contoso.com.zone" includes itself',
    },
  ];

  it.each(cases.map((c) => [c.message, c] as const))('%s', (_message, c) => {
    const parsed = parse(
      `$TTL 300\n${c.text}\nok A 192.0.2.1\n`,
      c.options ?? { readFile: () => undefined },
    );
    const problem = {
      location: { file: 'contoso.com.zone', line: c.line, column: c.column },
      message: c.message,
    };
    expect(parsed.problems.map(({ text: _text, ...p }) => p)).toEqual([
      c.severity ? { ...problem, severity: c.severity } : problem,
    ]);
    // Parsing goes on after the problem.
    expect(parsed.records.at(-1)?.name).toBe(c.swallows ? undefined : 'ok.contoso.com.');
  });

  it.each<Bad>([
    {
      text: '  A 192.0.2.1',
      line: 1,
      column: 3,
      message:
        'this record has no owner: its line starts with a blank and no record comes before it',
    },
    {
      text: 'www A 192.0.2.1',
      line: 1,
      column: 1,
      message: 'this record has no TTL and nothing before it sets one; add $TTL',
    },
    {
      text: '$TTL 60\nwww A 192.0.2.1',
      file: 'records.txt',
      line: 2,
      column: 1,
      message: `"www" is relative and the zone's origin is unknown; add $ORIGIN or set the "origin" option`,
    },
    {
      text: 'a\0b',
      line: 0,
      column: 1,
      message: '"contoso.com.zone" is not a text file (it contains NUL bytes)',
    },
  ])('$message', (c) => {
    const parsed = parse(c.text, undefined, c.file);
    expect(parsed.problems.map(({ text: _text, ...p }) => p)).toEqual([
      {
        location: { file: c.file ?? 'contoso.com.zone', line: c.line, column: c.column },
        message: c.message,
      },
    ]);
  });

  it('reports an include that includes its includer at the inner line', () => {
    const files: Record<string, string> = {
      'zones/a.zone': '$TTL 60\n$INCLUDE b.inc\nwww A 192.0.2.1',
      'zones/b.inc': 'x A 192.0.2.2\n$INCLUDE a.zone',
    };
    const parsed = BIND.parse(
      { path: 'zones/a.zone', text: files['zones/a.zone']! },
      { settings: { origin: 'a.example' }, readFile: (p) => files[p] },
    );
    expect(parsed.problems).toEqual([
      {
        location: { file: 'zones/b.inc', line: 2, column: 10 },
        message: '"a.zone" includes itself',
        text: 'a.zone',
      },
    ]);
    expect(parsed.records.map((r) => r.name)).toEqual(['x.a.example.', 'www.a.example.']);
  });
});

describe('bind: detection', () => {
  it.each([
    ['contoso.com.zone', '$TTL 3600\n@ IN SOA ns hostmaster 1 2 3 4 5\n', 10],
    ['db.contoso.com', 'www IN A 192.0.2.1\n', 10],
    ['dns/contoso', '$ORIGIN contoso.com.\nwww 300 IN A 192.0.2.1\n', 6],
    ['records.txt', '@ 3600 SOA ns hostmaster 1 2 3 4 5\n', 6],
    ['contoso.com.zone', '# not a zone\n', 2],
    ['allow.txt', 'outlook.office365.com\n*.sharepoint.com\n', 0],
    ['zone.yaml', '$TTL 3600\n@ IN SOA ns hostmaster 1 2 3 4 5\n', 0],
  ])('%s scores %s', (file, text, score) => {
    expect(BIND.detect({ path: file, text })).toBe(score);
  });
});

describe('bind: render', () => {
  it.each([
    [
      {
        name: 'autodiscover.contoso.com.',
        type: 'CNAME',
        ttl: 3600,
        data: 'autodiscover.outlook.com.',
      },
      'autodiscover 3600 IN CNAME autodiscover.outlook.com.',
    ],
    [
      { name: 'contoso.com.', type: 'MX', data: '0 contoso-com.mail.protection.outlook.com.' },
      '@ IN MX 0 contoso-com.mail.protection.outlook.com.',
    ],
    [
      { name: 'other.example.', type: 'TXT', ttl: 60, data: '"a b"' },
      'other.example. 60 IN TXT "a b"',
    ],
  ])('%j', (record, line) => {
    expect(BIND.render(record, 'contoso.com')).toBe(line);
  });

  it('reads back every record it renders', () => {
    const { parsed } = fixture('directives, owners, classes and TTLs');
    for (const r of parsed.records) {
      const again = parse(BIND.render(r, 'contoso.com.'), { settings: { origin: 'contoso.com.' } });
      expect(again.problems).toEqual([]);
      expect(again.records.map((x) => [x.name, x.ttl, x.type, x.data])).toEqual([
        [r.name, r.ttl, r.type, r.data],
      ]);
    }
  });
});

describe.skipIf(!existsSync(corpus))('bind: corpus', () => {
  const file = 'bind/wyvernsquare.com.zone';
  const parsed = BIND.parse(
    // The body is collected even when skipped: read only what exists.
    { path: file, text: existsSync(corpus) ? readFileSync(path.join(corpus, file), 'utf8') : '' },
    { readFile: () => undefined },
  );
  const named = (name: string) => parsed.records.filter((r) => r.name === name);

  it('reads 29 records of wyvernsquare.com (origin from the file name) and reports the missing include', () => {
    expect(parsed.zones).toEqual(['wyvernsquare.com.']);
    expect(parsed.records).toHaveLength(29);
    expect(parsed.problems).toEqual([
      {
        location: { file, line: 50, column: 10 },
        message: 'cannot read the included file "/home/named/zones/wyvernsquare.com-private"',
        text: '/home/named/zones/wyvernsquare.com-private',
      },
    ]);
    const types = parsed.records.reduce<Record<string, number>>(
      (acc, r) => ({ ...acc, [r.type]: (acc[r.type] ?? 0) + 1 }),
      {},
    );
    expect(types).toEqual({ SOA: 1, NS: 3, A: 10, AAAA: 1, MX: 2, TXT: 2, CNAME: 8, SRV: 2 });
  });

  it('has Zoho mail, the M365 verification TXT and no M365 MX', () => {
    expect(
      named('wyvernsquare.com.')
        .filter((r) => r.type === 'MX')
        .map((r) => r.data),
    ).toEqual(['10 mx.zoho.com.', '20 mx2.zoho.com.']);
    expect(
      named('wyvernsquare.com.')
        .filter((r) => r.type === 'TXT')
        .map((r) => r.data),
    ).toEqual(['"MS=ms47698118"', '"v=spf1 include:zoho.com ~all"']);
    expect(named('autodiscover.wyvernsquare.com.')).toEqual([]);
  });

  it('has lyncdiscover twice and an msoid CNAME', () => {
    expect(named('lyncdiscover.wyvernsquare.com.').map((r) => [r.location.line, r.data])).toEqual([
      [31, 'webdir.online.lync.com.'],
      [36, 'webdir.online.lync.com.'],
    ]);
    expect(named('msoid.wyvernsquare.com.')[0]).toMatchObject({
      type: 'CNAME',
      data: 'clientconfig.microsoftonline-p.net.',
      comment: undefined,
    });
  });

  it('reads the SRV targets without a trailing dot inside the zone, priority 1 and weight 100', () => {
    const srv = parsed.records.filter((r) => r.type === 'SRV');
    expect(
      srv.map((r) => [r.name, r.data, r.relativeTarget, r.location.line, r.location.column]),
    ).toEqual([
      [
        '_sip._tls.wyvernsquare.com.',
        '1 100 443 sipdir.online.lync.com.wyvernsquare.com.',
        true,
        43,
        18,
      ],
      [
        '_sipfederationtls._tcp.wyvernsquare.com.',
        '1 100 5061 sipfed.online.lync.com.wyvernsquare.com.',
        true,
        44,
        31,
      ],
    ]);
    expect(srv[0]!.comment).toBe('SRV Records\nFORMAT: name IN SRV priority weight port target');
  });

  it('reads the second $ORIGIN for the last four records', () => {
    expect(parsed.records.slice(-4).map((r) => [r.name, r.type, r.data])).toEqual([
      ['internal.wyvernsquare.com.', 'A', '52.192.214.252'],
      ['dc1.internal.wyvernsquare.com.', 'A', '52.192.214.252'],
      ['services.internal.wyvernsquare.com.', 'A', '52.88.232.193'],
      ['svc1.internal.wyvernsquare.com.', 'CNAME', 'services.'],
    ]);
  });
});
