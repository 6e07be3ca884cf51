import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import schema from '../../../schemas/dns.schema.json' with { type: 'json' };
import type { DnsRecord, ParsedDnsFile } from '../../../src/model/dns.js';
import { DNS_YAML } from '../../../src/formats/dns/yaml.js';

function parse(text: string, file = 'dns/contoso.yaml'): ParsedDnsFile {
  return DNS_YAML.parse({ path: file, text });
}

const validate = new Ajv2020({
  allErrors: true,
  strict: true,
  strictRequired: false,
  allowUnionTypes: true,
}).compile(schema);

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
  'endpoint-drift: dns/v1',
  'zone: Contoso.com',
  'records:',
  '  # Exchange Online',
  "  - name: '@'",
  '    type: MX',
  '    ttl: 3600',
  '    value: 0 contoso-com.mail.protection.outlook.com',
  '  - name: autodiscover',
  '    type: cname',
  '    value: autodiscover.outlook.com.   # Outlook setup',
  '  - name: ""',
  '    type: TXT',
  '    values:',
  '      - v=spf1 include:spf.protection.outlook.com -all',
  '      - "MS=ms12345678"',
  '    comment: verification',
  '  - name: _sip._tls',
  '    type: SRV',
  '    value: 100 1 443 sipdir.online.lync.com',
  '  - name: www.contoso.com.',
  '    type: A',
  '    values: [192.0.2.1, 192.0.2.2]',
  '  - name: caa',
  '    type: CAA',
  '    value: 0 issue "digicert.com"',
].join('\n');

describe('dns-yaml: valid records', () => {
  it('reads names relative to the zone, fully qualified targets, TXT as text, and comments', () => {
    const parsed = parse(SAMPLE);
    expect(parsed.problems).toEqual([]);
    expect(parsed.format).toBe('dns-yaml');
    expect(parsed.zones).toEqual(['contoso.com.']);
    // prettier-ignore
    expect(parsed.records.map(row)).toEqual<Row[]>([
      [8, 12, 'contoso.com.', 3600, 'MX', '0 contoso-com.mail.protection.outlook.com.', 'Exchange Online'],
      [11, 12, 'autodiscover.contoso.com.', null, 'CNAME', 'autodiscover.outlook.com.', 'Outlook setup'],
      [15, 9, 'contoso.com.', null, 'TXT', '"v=spf1 include:spf.protection.outlook.com -all"', 'verification'],
      [16, 10, 'contoso.com.', null, 'TXT', '"MS=ms12345678"', 'verification'],
      [20, 12, '_sip._tls.contoso.com.', null, 'SRV', '100 1 443 sipdir.online.lync.com.', null],
      [23, 14, 'www.contoso.com.', null, 'A', '192.0.2.1', null],
      [23, 25, 'www.contoso.com.', null, 'A', '192.0.2.2', null],
      [26, 12, 'caa.contoso.com.', null, 'CAA', '0 issue "digicert.com"', null],
    ]);
    expect(parsed.records.every((r) => r.relativeTarget === undefined)).toBe(true);
  });

  it('is valid against schemas/dns.schema.json', () => {
    expect(validate(parseYaml(SAMPLE))).toBe(true);
  });

  it('reads the same records from JSON', () => {
    const json = JSON.stringify({
      'endpoint-drift': 'dns/v1',
      zone: 'contoso.com',
      records: [{ name: 'autodiscover', type: 'CNAME', value: 'autodiscover.outlook.com' }],
    });
    const parsed = parse(json, 'dns/contoso.json');
    expect(parsed.problems).toEqual([]);
    expect(parsed.records.map(row)).toEqual([
      [
        1,
        json.indexOf('"autodiscover.outlook.com"') + 2,
        'autodiscover.contoso.com.',
        null,
        'CNAME',
        'autodiscover.outlook.com.',
        null,
      ],
    ]);
  });
});

describe('dns-yaml: malformed input', () => {
  const head = 'endpoint-drift: dns/v1\nzone: contoso.com\nrecords:\n';
  it.each<[string, string, number, number, string, boolean]>([
    // [name, records, line, column, message, whether the schema also refuses it]
    [
      'no name',
      '  - type: A\n    value: 192.0.2.1\n',
      4,
      5,
      'a record needs a "name" ("@" for the zone itself)',
      true,
    ],
    ['no type', '  - name: www\n    value: 192.0.2.1\n', 4, 5, 'a record needs a "type"', true],
    [
      'unknown type',
      '  - name: www\n    type: FOO\n    value: x\n',
      5,
      11,
      'unknown record type "FOO"',
      false,
    ],
    [
      'no value',
      '  - name: www\n    type: A\n',
      5,
      11,
      'a record needs exactly one of "value" or "values"',
      true,
    ],
    [
      'both',
      '  - name: www\n    type: A\n    value: 192.0.2.1\n    values: [192.0.2.2]\n',
      5,
      11,
      'a record needs exactly one of "value" or "values"',
      true,
    ],
    [
      'empty values',
      '  - name: www\n    type: A\n    values: []\n',
      6,
      13,
      '"values" must be a list of one value or more',
      true,
    ],
    [
      'ttl',
      '  - name: www\n    type: A\n    ttl: -1\n    value: 192.0.2.1\n',
      6,
      10,
      '"ttl" must be a number of seconds from 0 to 2147483647',
      true,
    ],
    [
      'unknown key',
      '  - name: www\n    type: A\n    value: 192.0.2.1\n    weight: 1\n',
      7,
      5,
      'unknown key "weight" in a record (expected name, type, ttl, value, values or comment)',
      true,
    ],
    [
      'address',
      '  - name: www\n    type: A\n    value: 192.0.2\n',
      6,
      12,
      '"192.0.2" is not an IPv4 address',
      false,
    ],
    [
      'MX',
      '  - name: "@"\n    type: MX\n    value: mail.contoso.com\n',
      6,
      12,
      'MX preference "mail.contoso.com" is not a number from 0 to 65535',
      false,
    ],
    [
      'outside',
      '  - name: www.fabrikam.com.\n    type: A\n    value: 192.0.2.1\n',
      4,
      11,
      '"www.fabrikam.com." is outside the zone "contoso.com."',
      false,
    ],
    [
      'not a mapping',
      '  - www\n',
      4,
      5,
      'a record must be a mapping with name, type and value',
      true,
    ],
  ])('%s', (_name, records, line, column, message, schemaRefuses) => {
    const text = head + records;
    const parsed = parse(text);
    expect(parsed.problems.map((p) => [p.location.line, p.location.column, p.message])).toEqual([
      [line, column, message],
    ]);
    expect(validate(parseYaml(text))).toBe(!schemaRefuses);
  });

  it.each([
    [
      'a marker for something else',
      'endpoint-drift: allowlist/v1\nzone: c.com\nrecords: []\n',
      1,
      17,
      'unsupported marker "allowlist/v1" (expected "dns/v1")',
    ],
    ['no marker', 'zone: c.com\nrecords: []\n', 1, 1, 'missing "endpoint-drift: dns/v1"'],
    [
      'no zone',
      'endpoint-drift: dns/v1\nrecords: []\n',
      1,
      1,
      'the file needs a "zone" (contoso.com)',
    ],
    [
      'a bad zone',
      'endpoint-drift: dns/v1\nzone: "a b"\nrecords: []\n',
      2,
      8,
      '"a b" is not a valid domain name',
    ],
    [
      'no records',
      'endpoint-drift: dns/v1\nzone: c.com\n',
      1,
      1,
      'the file needs a list of "records"',
    ],
    [
      'an unknown key',
      'endpoint-drift: dns/v1\nzone: c.com\nrecord: []\n',
      3,
      1,
      'unknown key "record" (expected endpoint-drift, zone or records)',
    ],
    [
      'a list',
      '- a\n',
      1,
      1,
      'the file must be a mapping with "endpoint-drift: dns/v1", "zone" and "records"',
    ],
    [
      'broken YAML',
      'endpoint-drift: dns/v1\nzone: "c.com\n',
      3,
      1,
      'invalid YAML: Missing closing "quote',
    ],
  ])('%s', (_name, text, line, column, message) => {
    const parsed = parse(text);
    expect(
      parsed.problems.map((p) => [p.location.line, p.location.column, p.message]),
    ).toContainEqual([line, column, message]);
  });
});

describe('dns-yaml: detection', () => {
  it.each<[string, number, string]>([
    ['dns/contoso.yaml', 10, SAMPLE],
    ['dns/contoso.json', 10, '{"endpoint-drift": "dns/v1", "zone": "c.com", "records": []}'],
    ['dns/contoso.yaml', 0, 'endpoint-drift: allowlist/v1\nentries: []\n'],
    ['dns/contoso.txt', 0, SAMPLE],
  ])('%s scores %s', (file, score, text) => {
    expect(DNS_YAML.detect({ path: file, text })).toBe(score);
  });
});

describe('dns-yaml: render', () => {
  it('writes one record of the records list', () => {
    expect(
      DNS_YAML.render(
        { name: 'contoso.com.', type: 'TXT', ttl: 3600, data: '"v=spf1 -all"' },
        'contoso.com',
      ),
    ).toBe(["- name: '@'", '  type: TXT', '  ttl: 3600', '  value: v=spf1 -all'].join('\n'));
  });

  it('reads back every record it renders', () => {
    for (const r of parse(SAMPLE).records) {
      const text = `endpoint-drift: dns/v1\nzone: contoso.com\nrecords:\n${DNS_YAML.render(r, 'contoso.com.')}\n`;
      const again = parse(text);
      expect(again.problems).toEqual([]);
      expect(again.records.map((x) => [x.name, x.ttl, x.type, x.data])).toEqual([
        [r.name, r.ttl, r.type, r.data],
      ]);
    }
  });
});
