import { describe, expect, it } from 'vitest';
import type { DnsRecord, ParsedDnsFile } from '../../../src/model/dns.js';
import { OCTODNS } from '../../../src/formats/dns/octodns.js';
import type { ParseOptions } from '../../../src/formats/format.js';

function parse(
  text: string,
  options?: ParseOptions,
  file = 'config/contoso.com.yaml',
): ParsedDnsFile {
  return OCTODNS.parse({ path: file, text }, options);
}

type Row = [number, number, string, number | null, string, string, string | null];
const row = (r: DnsRecord): Row => [
  r.location.line,
  r.location.column,
  r.name,
  r.ttl ?? null,
  r.type,
  r.data,
  r.comment ?? null,
];

const SAMPLE = [
  '---',
  '# Zone apex',
  "'':",
  '  # Exchange Online',
  '  - type: MX',
  '    values:',
  '      - exchange: contoso-com.mail.protection.outlook.com.',
  '        preference: 0',
  '  - type: TXT',
  '    ttl: 300',
  '    values:',
  '      - v=spf1 include:spf.protection.outlook.com -all  # SPF',
  '      - MS=ms12345678',
  '  - type: NS',
  '    values: [ns1.example.net., ns2.example.net.]',
  'autodiscover:',
  '  type: CNAME',
  '  value: autodiscover.outlook.com.',
  '_sip._tls:',
  '  type: SRV',
  '  value:',
  '    port: 443',
  '    priority: 100',
  '    target: sipdir.online.lync.com.',
  '    weight: 1',
  'selector1._domainkey:',
  '  type: CNAME',
  '  value: "selector1-contoso-com._domainkey.contoso.onmicrosoft.com."',
  'dkim:',
  '  type: TXT',
  '  value: v=DKIM1\\; k=rsa\\; p=MIGf',
  'caa:',
  '  type: CAA',
  '  values:',
  '    - flags: 0',
  '      tag: issue',
  '      value: digicert.com',
  'legacy-mx:',
  '  type: MX',
  '  value: {priority: 10, value: mx.example.net.}',
  'www:',
  '  - type: A',
  '    values: [192.0.2.1, 192.0.2.2]',
  '  - type: AAAA',
  '    value: 2001:DB8::1',
].join('\n');

describe('octodns: valid zone', () => {
  it('reads single records, lists of records, value and values, with comments', () => {
    const parsed = parse(SAMPLE);
    expect(parsed.problems).toEqual([]);
    expect(parsed.format).toBe('octodns');
    expect(parsed.zones).toEqual(['contoso.com.']);
    // prettier-ignore
    expect(parsed.records.map(row)).toEqual<Row[]>([
      [7, 9, 'contoso.com.', null, 'MX', '0 contoso-com.mail.protection.outlook.com.', 'Exchange Online'],
      [12, 9, 'contoso.com.', 300, 'TXT', '"v=spf1 include:spf.protection.outlook.com -all"', 'SPF'],
      [13, 9, 'contoso.com.', 300, 'TXT', '"MS=ms12345678"', null],
      [15, 14, 'contoso.com.', null, 'NS', 'ns1.example.net.', null],
      [15, 32, 'contoso.com.', null, 'NS', 'ns2.example.net.', null],
      [18, 10, 'autodiscover.contoso.com.', null, 'CNAME', 'autodiscover.outlook.com.', null],
      [22, 5, '_sip._tls.contoso.com.', null, 'SRV', '100 1 443 sipdir.online.lync.com.', null],
      [28, 11, 'selector1._domainkey.contoso.com.', null, 'CNAME', 'selector1-contoso-com._domainkey.contoso.onmicrosoft.com.', null],
      [31, 10, 'dkim.contoso.com.', null, 'TXT', '"v=DKIM1; k=rsa; p=MIGf"', null],
      [35, 7, 'caa.contoso.com.', null, 'CAA', '0 issue "digicert.com"', null],
      [40, 10, 'legacy-mx.contoso.com.', null, 'MX', '10 mx.example.net.', null],
      [43, 14, 'www.contoso.com.', null, 'A', '192.0.2.1', null],
      [43, 25, 'www.contoso.com.', null, 'A', '192.0.2.2', null],
      [45, 12, 'www.contoso.com.', null, 'AAAA', '2001:db8::1', null],
    ]);
    expect(parsed.records[0]!.parsed).toEqual({
      type: 'MX',
      preference: 0,
      exchange: 'contoso-com.mail.protection.outlook.com.',
    });
    expect(parsed.records.find((r) => r.name.startsWith('dkim'))!.parsed).toEqual({
      type: 'TXT',
      strings: ['v=DKIM1; k=rsa; p=MIGf'],
    });
  });

  it('splits a TXT value longer than 255 characters into strings, as octoDNS does', () => {
    const long = 'p='.padEnd(300, 'A');
    const parsed = parse(`dkim:\n  type: TXT\n  value: ${long}\n`);
    expect(parsed.records[0]!.parsed).toEqual({
      type: 'TXT',
      strings: [long.slice(0, 255), long.slice(255)],
    });
  });

  it('takes the zone from the settings when the file name does not say it', () => {
    const parsed = parse(
      "'':\n  type: A\n  value: 192.0.2.1\n",
      { settings: { zone: 'Fabrikam.com' } },
      'zone.yaml',
    );
    expect(parsed.zones).toEqual(['fabrikam.com.']);
    expect(parsed.records.map((r) => r.name)).toEqual(['fabrikam.com.']);
  });

  it('reads an empty file as no records', () => {
    expect(parse('')).toMatchObject({ records: [], problems: [] });
  });
});

describe('octodns: malformed input', () => {
  it.each<[string, string, number, number, string, ('notice' | undefined)?]>([
    [
      'bad CNAME',
      'x:\n  type: CNAME\n  value: nodot.example.com\n',
      3,
      10,
      'CNAME value "nodot.example.com" is missing its trailing dot; octoDNS needs fully qualified names',
    ],
    [
      'bad MX',
      'x:\n  type: MX\n  value: mx.example.com.\n',
      3,
      10,
      'a MX value is a mapping, not "mx.example.com."',
    ],
    [
      'MX without preference',
      'x:\n  type: MX\n  value:\n    exchange: mx.example.com.\n',
      4,
      5,
      'an MX value needs a preference from 0 to 65535',
    ],
    [
      'SRV',
      'x:\n  type: SRV\n  value: {priority: 1, weight: 1, port: 99999, target: a.example.}\n',
      3,
      10,
      'an SRV value needs priority, weight and port from 0 to 65535',
    ],
    [
      'TXT',
      "x:\n  type: TXT\n  value: 'v=DKIM1; k=rsa'\n",
      3,
      11,
      'unescaped ";" in "v=DKIM1; k=rsa"; octoDNS needs "\\;"',
    ],
    [
      'A',
      'x:\n  type: A\n  values: [192.0.2.1, 300.0.0.1]\n',
      3,
      23,
      '"300.0.0.1" is not an IPv4 address',
    ],
    ['no type', 'x:\n  value: 192.0.2.1\n', 2, 3, 'the record "x" has no type'],
    ['no value', 'x:\n  type: A\n', 2, 9, 'the A record "x" has no value'],
    [
      'ttl',
      'x:\n  type: A\n  ttl: soon\n  value: 192.0.2.1\n',
      3,
      8,
      'ttl must be a number of seconds, not "soon"',
    ],
    ['scalar', 'x: 192.0.2.1\n', 1, 4, '"x" must be a record or a list of records'],
    ['list item', 'x:\n  - 192.0.2.1\n', 2, 5, 'each record of "x" must be a mapping with a type'],
    [
      'absolute name',
      'www.contoso.com.:\n  type: A\n  value: 192.0.2.1\n',
      1,
      1,
      'octoDNS names are relative to the zone: "www.contoso.com." ends with a dot',
    ],
    [
      'bad name',
      '"a b":\n  type: A\n  value: 192.0.2.1\n',
      1,
      2,
      '"a b.contoso.com." is not a valid domain name',
    ],
    ['root', '- a\n', 1, 1, 'an octoDNS zone file is a mapping from names to records'],
    [
      'syntax',
      'x:\n  type: A\n   value: [\n',
      2,
      9,
      'invalid YAML: Nested mappings are not allowed in compact mappings',
    ],
    [
      'unknown key',
      'x:\n  type: A\n  value: 192.0.2.1\n  wieght: 1\n',
      4,
      3,
      '"wieght" is not an octoDNS record key and is not read',
      'notice',
    ],
    [
      'ignored',
      'x:\n  type: A\n  value: 192.0.2.1\n  octodns:\n    ignored: true\n',
      5,
      14,
      'octoDNS ignores the A record "x"; it is not read',
      'notice',
    ],
    [
      'excluded',
      'x:\n  type: A\n  value: 192.0.2.1\n  octodns:\n    excluded: [route53]\n',
      5,
      15,
      'the A record "x" is not sent to some providers (octodns.excluded); it is read as published',
      'notice',
    ],
    [
      'dynamic',
      'x:\n  type: A\n  value: 192.0.2.1\n  dynamic:\n    pools: {}\n',
      5,
      5,
      'the dynamic rules of "x" are not read, only its values',
      'notice',
    ],
  ])('%s', (_name, text, line, column, message, severity) => {
    const parsed = parse(text);
    const problem = parsed.problems[0]!;
    expect(parsed.problems).toHaveLength(1);
    expect(problem.location).toEqual({ file: 'config/contoso.com.yaml', line, column });
    expect(problem.message).toBe(message);
    expect(problem.severity).toBe(severity);
  });

  it('needs to know the zone', () => {
    expect(
      parse("'':\n  type: A\n  value: 192.0.2.1\n", undefined, 'zones/main.yaml').problems,
    ).toEqual([
      {
        location: { file: 'zones/main.yaml', line: 0, column: 1 },
        message:
          'cannot tell the zone of "zones/main.yaml": name the file after it (contoso.com.yaml) or set the "zone" option',
      },
    ]);
  });

  it('goes on after a bad record', () => {
    const parsed = parse('a:\n  type: CNAME\n  value: x\nb:\n  type: A\n  value: 192.0.2.1\n');
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.records.map((r) => r.name)).toEqual(['b.contoso.com.']);
  });
});

describe('octodns: detection', () => {
  it.each<[string, number, string]>([
    ['config/contoso.com.yaml', 8, SAMPLE],
    ['config/zone.yaml', 6, SAMPLE],
    ['config/contoso.com.yaml', 3, 'www:\n  type: A\n'],
    ['config/contoso.com.yml', 0, 'endpoint-drift: dns/v1\nzone: x\nrecords:\n  - type: A\n'],
    ['config/app.yaml', 0, 'name: app\nreplicas: 3\n'],
    ['contoso.com.zone', 0, SAMPLE],
  ])('%s scores %s', (file, score, text) => {
    expect(OCTODNS.detect({ path: file, text })).toBe(score);
  });
});

describe('octodns: render', () => {
  it('writes a record the way an octoDNS zone file holds it', () => {
    expect(
      OCTODNS.render(
        {
          name: 'contoso.com.',
          type: 'MX',
          ttl: 3600,
          data: '0 contoso-com.mail.protection.outlook.com.',
        },
        'contoso.com',
      ),
    ).toBe(
      [
        "'':",
        '  type: MX',
        '  ttl: 3600',
        '  value:',
        '    exchange: contoso-com.mail.protection.outlook.com.',
        '    preference: 0',
      ].join('\n'),
    );
    expect(
      OCTODNS.render(
        { name: 'x.contoso.com.', type: 'TXT', data: '"v=DKIM1; k=rsa"' },
        'contoso.com.',
      ),
    ).toBe("x:\n  type: TXT\n  value: 'v=DKIM1\\; k=rsa'");
  });

  it('reads back every record it renders', () => {
    for (const r of parse(SAMPLE).records) {
      const again = parse(OCTODNS.render(r, 'contoso.com.'));
      expect(again.problems).toEqual([]);
      expect(again.records.map((x) => [x.name, x.ttl, x.type, x.data])).toEqual([
        [r.name, r.ttl, r.type, r.data],
      ]);
    }
  });
});
