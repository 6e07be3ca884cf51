import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DnsRecord, ParsedDnsFile } from '../../../src/model/dns.js';
import { csvRows, DNS_CSV } from '../../../src/formats/dns/csv.js';
import type { ParseOptions } from '../../../src/formats/format.js';

const corpus = path.resolve(import.meta.dirname, '../../..', '../shared/corpus');

function parse(text: string, options?: ParseOptions, file = 'dns/export.csv'): ParsedDnsFile {
  return DNS_CSV.parse({ path: file, text }, options);
}

type Row = [number, number, string, number | null, string, string, string];
const row = (r: DnsRecord): Row => [
  r.location.line,
  r.location.column,
  r.name,
  r.ttl ?? null,
  r.type,
  r.data,
  r.zone,
];

/** The layout of a hosting panel's export: comma and space, several value columns. */
const PANEL = [
  'host, domain, type, ttl, content, content2, content3, content4',
  'contoso.com, contoso.com, MX, 3600, 0 contoso-com.mail.protection.outlook.com, , ,',
  'autodiscover.contoso.com, contoso.com, CNAME, 3600, autodiscover.outlook.com, , ,',
  'contoso.com, contoso.com, TXT, 3600, "v=spf1 include:spf.protection.outlook.com -all", , ,',
  'contoso.com, contoso.com, TXT, 300, MS=ms12345678, , ,',
  'sub.contoso.com, contoso.com, NS, 86400, ns1.example.net, ns2.example.net., ns3.example.net,',
  '_sip._tls.contoso.com, contoso.com, SRV, 3600, 100 1 443 sipdir.online.lync.com, , ,',
  'www, contoso.com, A, 3600, 192.0.2.1, , ,',
  'dev.contoso.com, dev.contoso.com, SOA, 86400, dns.example.net admin.example.net, , ,',
  'mail.dev.contoso.com, dev.contoso.com, MX, 3600, 10 mx1.example.net, 20 mx2.example.net, ,',
  '',
].join('\n');

describe('dns-csv: valid exports', () => {
  it('reads a hosting panel export: full names, one record per value column', () => {
    const parsed = parse(PANEL);
    expect(parsed.problems).toEqual([]);
    expect(parsed.format).toBe('dns-csv');
    expect(parsed.zones).toEqual(['contoso.com.', 'dev.contoso.com.']);
    // prettier-ignore
    expect(parsed.records.map(row)).toEqual<Row[]>([
      [2, 37, 'contoso.com.', 3600, 'MX', '0 contoso-com.mail.protection.outlook.com.', 'contoso.com.'],
      [3, 53, 'autodiscover.contoso.com.', 3600, 'CNAME', 'autodiscover.outlook.com.', 'contoso.com.'],
      [4, 39, 'contoso.com.', 3600, 'TXT', '"v=spf1 include:spf.protection.outlook.com -all"', 'contoso.com.'],
      [5, 37, 'contoso.com.', 300, 'TXT', '"MS=ms12345678"', 'contoso.com.'],
      [6, 42, 'sub.contoso.com.', 86400, 'NS', 'ns1.example.net.', 'contoso.com.'],
      [6, 59, 'sub.contoso.com.', 86400, 'NS', 'ns2.example.net.', 'contoso.com.'],
      [6, 77, 'sub.contoso.com.', 86400, 'NS', 'ns3.example.net.', 'contoso.com.'],
      [7, 48, '_sip._tls.contoso.com.', 3600, 'SRV', '100 1 443 sipdir.online.lync.com.', 'contoso.com.'],
      [8, 28, 'www.contoso.com.', 3600, 'A', '192.0.2.1', 'contoso.com.'],
      [9, 47, 'dev.contoso.com.', 86400, 'SOA', 'dns.example.net admin.example.net', 'dev.contoso.com.'],
      [10, 50, 'mail.dev.contoso.com.', 3600, 'MX', '10 mx1.example.net.', 'dev.contoso.com.'],
      [10, 70, 'mail.dev.contoso.com.', 3600, 'MX', '20 mx2.example.net.', 'dev.contoso.com.'],
    ]);
  });

  it('recognises other headers and separators: semicolons, a priority column, relative names', () => {
    const text = [
      'Name;Type;TTL;Priority;Content',
      '@;MX;3600;0;contoso-com.mail.protection.outlook.com',
      'autodiscover;CNAME;;;autodiscover.outlook.com.',
      '"_sip._tls";SRV;3600;100;1 443 sipdir.online.lync.com',
      '"@";TXT;;;"""v=spf1"" ""-all"""',
    ].join('\r\n');
    const parsed = parse(text, { settings: { zone: 'contoso.com' } });
    expect(parsed.problems).toEqual([]);
    expect(parsed.zones).toEqual(['contoso.com.']);
    // prettier-ignore
    expect(parsed.records.map(row)).toEqual<Row[]>([
      [2, 13, 'contoso.com.', 3600, 'MX', '0 contoso-com.mail.protection.outlook.com.', 'contoso.com.'],
      [3, 22, 'autodiscover.contoso.com.', null, 'CNAME', 'autodiscover.outlook.com.', 'contoso.com.'],
      [4, 26, '_sip._tls.contoso.com.', 3600, 'SRV', '100 1 443 sipdir.online.lync.com.', 'contoso.com.'],
      [5, 12, 'contoso.com.', null, 'TXT', '"v=spf1" "-all"', 'contoso.com.'],
    ]);
  });

  it('takes the columns the settings name', () => {
    const text = 'Record,Kind,Answer,Notes\nwww.contoso.com,A,192.0.2.1,web\n';
    const parsed = parse(text, {
      settings: { columns: { name: 'Record', type: 'Kind', values: ['Answer'] } },
    });
    expect(parsed.problems).toEqual([]);
    expect(parsed.records.map(row)).toEqual([
      [2, 19, 'www.contoso.com.', null, 'A', '192.0.2.1', '.'],
    ]);
  });

  it('keeps cell positions through quotes and line breaks inside them', () => {
    expect(csvRows('a, "b ""q""",c\n"x\ny",  z', ',')).toEqual([
      [
        { text: 'a', line: 1, column: 1 },
        { text: 'b "q"', line: 1, column: 5 },
        { text: 'c', line: 1, column: 14 },
      ],
      [
        { text: 'x\ny', line: 2, column: 2 },
        { text: 'z', line: 3, column: 6 },
      ],
    ]);
  });
});

describe('dns-csv: malformed input', () => {
  const head = 'host, domain, type, ttl, content, content2\n';
  it.each<[string, string, number, number, string]>([
    ['unknown type', 'www.c.com, c.com, FOO, 60, x,', 2, 19, 'unknown record type "FOO"'],
    ['no type', 'www.c.com, c.com, , 60, 192.0.2.1,', 2, 1, 'this row has no record type'],
    ['TTL', 'www.c.com, c.com, A, 1 hour, 192.0.2.1,', 2, 22, 'invalid TTL "1 hour"'],
    [
      'address',
      'www.c.com, c.com, A, 60, 192.0.2.300,',
      2,
      26,
      '"192.0.2.300" is not an IPv4 address',
    ],
    [
      'second value',
      'www.c.com, c.com, A, 60, 192.0.2.1, nope',
      2,
      37,
      '"nope" is not an IPv4 address',
    ],
    [
      'MX',
      'c.com, c.com, MX, 60, mail.c.com,',
      2,
      23,
      'MX preference "mail.c.com" is not a number from 0 to 65535',
    ],
    ['no value', 'www.c.com, c.com, A, 60, ,', 2, 19, 'this A row has no value'],
    ['name', 'w w.c.com, c.com, A, 60, 192.0.2.1,', 2, 1, '"w w.c.com" is not a valid domain name'],
    [
      'zone',
      'www.c.com, "c .com", A, 60, 192.0.2.1,',
      2,
      13,
      '"c .com" is not a valid domain name',
    ],
  ])('%s', (_name, line, l, column, message) => {
    const parsed = parse(head + line + '\nok.c.com, c.com, A, 60, 192.0.2.9,\n');
    expect(parsed.problems.map((p) => [p.location.line, p.location.column, p.message])).toEqual([
      [l, column, message],
    ]);
    expect(parsed.records.at(-1)?.name).toBe('ok.c.com.');
  });

  it('needs a type column and a value column', () => {
    expect(parse('name,address\nwww,192.0.2.1\n').problems).toEqual([
      {
        location: { file: 'dns/export.csv', line: 1, column: 1 },
        message:
          'the header "name, address" has no type column; name the columns with the "columns" option',
      },
    ]);
  });

  it('needs a zone for a row without a name', () => {
    expect(parse('type,value\nA,192.0.2.1\n').problems.map((p) => p.message)).toEqual([
      'a row without a name needs a zone (a domain column or the "zone" option)',
    ]);
  });
});

describe('dns-csv: detection', () => {
  it.each<[string, number, string]>([
    ['dns/export.csv', 8, PANEL],
    ['dns/export.csv', 5, 'type,value\nA,192.0.2.1\n'],
    ['dns/export.tsv', 8, 'Name\tType\tContent\nwww\tA\t192.0.2.1\n'],
    ['m365/ranges.csv', 0, 'Name, IP Ranges, DNS Searches\nExchange, 13.107.6.152/31, \n'],
    ['dns/export.txt', 0, PANEL],
  ])('%s scores %s', (file, score, text) => {
    expect(DNS_CSV.detect({ path: file, text })).toBe(score);
  });
});

describe('dns-csv: render', () => {
  it('writes a row of the panel layout', () => {
    expect(
      DNS_CSV.render(
        {
          name: 'contoso.com.',
          type: 'MX',
          ttl: 3600,
          data: '0 contoso-com.mail.protection.outlook.com.',
        },
        'contoso.com',
      ),
    ).toBe('contoso.com, contoso.com, MX, 3600, 0 contoso-com.mail.protection.outlook.com');
  });

  it('reads back every record it renders', () => {
    for (const r of parse(PANEL).records) {
      const again = parse(`host, domain, type, ttl, content\n${DNS_CSV.render(r, r.zone)}\n`);
      expect(again.problems).toEqual([]);
      expect(again.records.map((x) => [x.name, x.ttl, x.type, x.data])).toEqual([
        [r.name, r.ttl, r.type, r.data],
      ]);
    }
  });
});

describe.skipIf(!existsSync(corpus))('dns-csv: corpus', () => {
  const file = 'csv/zhp-pl-dns-export.csv';
  // The body is collected even when skipped: read only what exists.
  const text = existsSync(corpus) ? readFileSync(path.join(corpus, file), 'utf8') : '';
  const parsed = DNS_CSV.parse({ path: file, text });
  const records = parsed.records;
  const count = (f: (r: DnsRecord) => boolean) => records.filter(f).length;
  const m365Mx = records.filter(
    (r) => r.parsed.type === 'MX' && r.parsed.exchange.endsWith('.mail.protection.outlook.com.'),
  );
  const spf = records.filter(
    (r) =>
      r.parsed.type === 'TXT' && r.parsed.strings.join('').includes('spf.protection.outlook.com'),
  );
  const cname = (label: string) =>
    count((r) => r.type === 'CNAME' && r.name.startsWith(`${label}.`));

  it('reads 2,009 rows into 2,782 records of 144 zones without a problem', () => {
    expect(parsed.problems).toEqual([]);
    expect(
      DNS_CSV.detect({ path: file, text: readFileSync(path.join(corpus, file), 'utf8') }),
    ).toBe(8);
    expect(records).toHaveLength(2782);
    expect(new Set(records.map((r) => r.location.line)).size).toBe(2009);
    expect(parsed.zones).toHaveLength(144);
    expect(parsed.zones[0]).toBe('zhp.pl.');
    const types = records.reduce<Record<string, number>>(
      (acc, r) => ({ ...acc, [r.type]: (acc[r.type] ?? 0) + 1 }),
      {},
    );
    expect(types).toEqual({
      A: 260,
      AAAA: 145,
      CNAME: 446,
      MX: 181,
      NS: 1330,
      SOA: 144,
      SRV: 145,
      TXT: 131,
    });
  });

  it('has 44 Exchange Online MX records, 34 at preference 0 and 10 at preference 10', () => {
    expect(m365Mx).toHaveLength(44);
    expect(m365Mx.filter((r) => r.data.startsWith('0 '))).toHaveLength(34);
    expect(m365Mx.filter((r) => r.data.startsWith('10 '))).toHaveLength(10);
  });

  it('has 82 SPF records for Exchange Online, one of them cut short', () => {
    expect(spf).toHaveLength(82);
    expect(
      spf
        .filter((r) => r.data !== '"v=spf1 include:spf.protection.outlook.com -all"')
        .map((r) => [r.name, r.data]),
    ).toEqual([['stargard.zhp.pl.', '"v=spf1 include:spf.protection.outlook.com -a"']]);
  });

  it('has the Microsoft 365 CNAME and SRV records, legacy ones included', () => {
    expect(cname('autodiscover')).toBe(47);
    expect(
      count(
        (r) =>
          r.type === 'CNAME' &&
          r.name.startsWith('msoid.') &&
          r.data === 'clientconfig.microsoftonline-p.net.',
      ),
    ).toBe(39);
    expect(cname('lyncdiscover')).toBe(42);
    expect(cname('sip')).toBe(43);
    expect(cname('enterpriseregistration')).toBe(40);
    expect(cname('enterpriseenrollment')).toBe(40);
    expect(count((r) => r.type === 'SRV' && r.name.startsWith('_sip._tls.'))).toBe(42);
    expect(count((r) => r.type === 'SRV' && r.name.startsWith('_sipfederationtls._tcp.'))).toBe(43);
    expect(count((r) => r.name.includes('._domainkey.'))).toBe(5);
  });

  it('delegates 559 names, 40 of them holding an SPF record without an MX', () => {
    const delegated = new Set(records.filter((r) => r.type === 'NS').map((r) => r.name));
    expect(delegated.size).toBe(559);
    const withMx = new Set(m365Mx.map((r) => r.name));
    const spfOnly = [...new Set(spf.map((r) => r.name))].filter((n) => !withMx.has(n));
    expect(spfOnly).toHaveLength(41);
    expect(spfOnly.filter((n) => delegated.has(n))).toHaveLength(40);
    expect(spfOnly).toEqual(
      expect.arrayContaining(['bedzin.zhp.pl.', 'beskidzki.zhp.pl.', 'bytom.zhp.pl.']),
    );
  });

  it('has Exchange Online MX records without SPF (3) and without autodiscover (2)', () => {
    const spfNames = new Set(spf.map((r) => r.name));
    const autodiscover = new Set(
      records.filter((r) => r.name.startsWith('autodiscover.')).map((r) => r.name.slice(13)),
    );
    expect(
      m365Mx
        .map((r) => r.name)
        .filter((n) => !spfNames.has(n))
        .sort(),
    ).toEqual(['nsh.zhp.pl.', 'pruszkow.zhp.pl.', 'zachodniopomorska.zhp.pl.']);
    expect(
      m365Mx
        .map((r) => r.name)
        .filter((n) => !autodiscover.has(n))
        .sort(),
    ).toEqual(['lodzbaluty.zhp.pl.', 'zachodniopomorska.zhp.pl.']);
  });
});
