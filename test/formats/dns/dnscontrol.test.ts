import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DnsRecord, ParsedDnsFile } from '../../../src/model/dns.js';
import { DNSCONTROL } from '../../../src/formats/dns/dnscontrol.js';
import type { ParseOptions } from '../../../src/formats/format.js';

const corpus = path.resolve(import.meta.dirname, '../../..', '../shared/corpus');

function parse(text: string, options?: ParseOptions, file = 'dnsconfig.js'): ParsedDnsFile {
  return DNSCONTROL.parse({ path: file, text }, options);
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
  '// Providers',
  "var REG_NONE = NewRegistrar('none');",
  "var DNS = NewDnsProvider('azure', 'AZURE_DNS');",
  "var MAIL_TARGET = 'contoso-com.mail.protection.outlook.com.';",
  'const SPF = "v=spf1 include:spf.protection.outlook.com -all";',
  'var LYNC = [',
  "    CNAME('sip', 'sipdir.online.lync.com.'),",
  "    CNAME('lyncdiscover', 'webdir.online.lync.com.'),",
  '];',
  '',
  'function Intune(label) {',
  '    return [',
  "        CNAME('enterpriseregistration' + label, 'enterpriseregistration.windows.net.'),",
  "        CNAME(`enterpriseenrollment${label}`, 'enterpriseenrollment.manage.microsoft.com.'),",
  '    ];',
  '}',
  '',
  "D('contoso.com', REG_NONE, DnsProvider(DNS), DefaultTTL(3600),",
  '    // Exchange Online',
  "    MX('@', 0, MAIL_TARGET),",
  "    TXT('@', SPF), // SPF",
  "    TXT('@', ['MS=ms12345678', 'second string']),",
  "    CNAME('autodiscover', 'autodiscover.outlook.com.', TTL(300)),",
  "    // CNAME('msoid', 'clientconfig.microsoftonline-p.net.'),",
  "    SRV('_sip._tls', 100, 1, 443, 'sipdir.online.lync.com.'),",
  "    A('www', '192.0.2.1'),",
  "    AAAA('www', '2001:DB8::1'),",
  "    CNAME('web', 'www'),",
  "    NS('sub', 'ns1.example.net.'),",
  "    CAA('@', 'issue', 'digicert.com'),",
  '    ...LYNC,',
  "    Intune(''),",
  "    Tenant_Records('contoso'),",
  "    Delegation_NS('dept', ['ns1.example.org.', 'ns2.example.org.'])",
  ');',
  '',
  "D_EXTEND('dept.contoso.com',",
  "    A('@', '192.0.2.50'),",
  "    TXT('_dmarc', 'v=DMARC1; p=none')",
  ');',
].join('\n');

const DELEGATION = { Delegation_NS: [{ type: 'NS', name: '$1', value: '$2' }] };

describe('dnscontrol: valid configurations', () => {
  it('reads D and D_EXTEND, builders, modifiers, variables, spreads, file helpers and comments', () => {
    const parsed = parse(SAMPLE, { settings: { helpers: DELEGATION } });
    expect(parsed.format).toBe('dnscontrol');
    expect(parsed.zones).toEqual(['contoso.com.']);
    expect(parsed.problems).toEqual([
      {
        location: { file: 'dnsconfig.js', line: 33, column: 5 },
        message:
          'Tenant_Records() is a helper that cannot be read; set the "helpers" option to say what it adds',
        severity: 'notice',
      },
    ]);
    // prettier-ignore
    expect(parsed.records.map(row)).toEqual<Row[]>([
      [20, 13, 'contoso.com.', 3600, 'MX', '0 contoso-com.mail.protection.outlook.com.', 'Exchange Online'],
      [21, 14, 'contoso.com.', 3600, 'TXT', '"v=spf1 include:spf.protection.outlook.com -all"', 'SPF'],
      [22, 14, 'contoso.com.', 3600, 'TXT', '"MS=ms12345678" "second string"', null],
      [23, 28, 'autodiscover.contoso.com.', 300, 'CNAME', 'autodiscover.outlook.com.', null],
      [25, 22, '_sip._tls.contoso.com.', 3600, 'SRV', '100 1 443 sipdir.online.lync.com.', null],
      [26, 15, 'www.contoso.com.', 3600, 'A', '192.0.2.1', null],
      [27, 18, 'www.contoso.com.', 3600, 'AAAA', '2001:db8::1', null],
      [28, 19, 'web.contoso.com.', 3600, 'CNAME', 'www.contoso.com.', null],
      [29, 16, 'sub.contoso.com.', 3600, 'NS', 'ns1.example.net.', null],
      [30, 15, 'contoso.com.', 3600, 'CAA', '0 issue "digicert.com"', null],
      // Records spread from a variable are located where they are written.
      [7, 19, 'sip.contoso.com.', 3600, 'CNAME', 'sipdir.online.lync.com.', null],
      [8, 28, 'lyncdiscover.contoso.com.', 3600, 'CNAME', 'webdir.online.lync.com.', null],
      // A helper of the file, read: its records are located at the call.
      [32, 5, 'enterpriseregistration.contoso.com.', 3600, 'CNAME', 'enterpriseregistration.windows.net.', null],
      [32, 5, 'enterpriseenrollment.contoso.com.', 3600, 'CNAME', 'enterpriseenrollment.manage.microsoft.com.', null],
      // A helper the settings describe; a list argument repeats the record.
      [34, 5, 'dept.contoso.com.', 3600, 'NS', 'ns1.example.org.', null],
      [34, 5, 'dept.contoso.com.', 3600, 'NS', 'ns2.example.org.', null],
      // D_EXTEND of a subdomain: names relative to it, the zone of its D, no DefaultTTL.
      [38, 13, 'dept.contoso.com.', null, 'A', '192.0.2.50', null],
      [39, 20, '_dmarc.dept.contoso.com.', null, 'TXT', '"v=DMARC1; p=none"', null],
    ]);
    expect(
      parsed.records.every((r) => r.zone === 'contoso.com.' && r.relativeTarget === undefined),
    ).toBe(true);
  });

  it('expands a helper from the settings with {domain}, {domain-dashed} and arguments', () => {
    const helpers = {
      Ms365_Root: [
        { type: 'MX', name: '@', value: '0 {domain-dashed}.mail.protection.outlook.com.' },
        { type: 'TXT', name: '@', value: 'v=spf1 include:spf.protection.outlook.com -all' },
        { type: 'CNAME', name: 'autodiscover', value: 'autodiscover.outlook.com.', ttl: 600 },
        { type: 'TXT', name: '@', value: 'MS=$1' },
      ],
    };
    const parsed = parse("D('fabrikam.co.uk', REG, DefaultTTL(60),\n  Ms365_Root('ms123')\n);\n", {
      settings: { helpers },
    });
    // The registrar is not read, so an undefined one is no problem.
    expect(parsed.problems).toEqual([]);
    expect(parsed.records.map(row)).toEqual<Row[]>([
      [2, 3, 'fabrikam.co.uk.', 60, 'MX', '0 fabrikam-co-uk.mail.protection.outlook.com.', null],
      [
        2,
        3,
        'fabrikam.co.uk.',
        60,
        'TXT',
        '"v=spf1 include:spf.protection.outlook.com -all"',
        null,
      ],
      [2, 3, 'autodiscover.fabrikam.co.uk.', 600, 'CNAME', 'autodiscover.outlook.com.', null],
      [2, 3, 'fabrikam.co.uk.', 60, 'TXT', '"MS=ms123"', null],
    ]);
  });

  it('reads the helpers of a required file and says which it cannot read', () => {
    const files: Record<string, string> = {
      'dns/lib/m365.js': [
        'function Autodiscover() { return CNAME("autodiscover", "autodiscover.outlook.com."); }',
        'function Mx(domain) {',
        '  return MX("@", 0, domain.replace(".", "-") + ".mail.protection.outlook.com.");',
        '}',
      ].join('\n'),
    };
    const text =
      "require('./lib/m365.js');\nD('contoso.com', 'none',\n  Autodiscover(),\n  Mx('contoso.com'),\n);";
    const parsed = parse(text, { readFile: (p) => files[p] }, 'dns/dnsconfig.js');
    expect(parsed.records.map((r) => [r.location.line, r.name, r.data])).toEqual([
      [3, 'autodiscover.contoso.com.', 'autodiscover.outlook.com.'],
    ]);
    expect(parsed.problems).toEqual([
      {
        location: { file: 'dns/dnsconfig.js', line: 4, column: 3 },
        message:
          'Mx() cannot be read ("domain.replace(".", "-")" is computed); set the "helpers" option to say what it adds',
        severity: 'notice',
      },
    ]);
  });
});

describe('dnscontrol: malformed input', () => {
  it.each<[string, string, number, number, string, ('notice' | undefined)?]>([
    [
      'dotted target',
      "CNAME('x', 'sipdir.online.lync.com')",
      2,
      15,
      '"sipdir.online.lync.com" has dots but does not end with one; dnscontrol refuses it (write "sipdir.online.lync.com.")',
    ],
    ['address', "A('x', '192.0.2')", 2, 11, '"192.0.2" is not an IPv4 address'],
    [
      'MX preference',
      "MX('@', 'ten', 'mx.example.com.')",
      2,
      12,
      'an MX preference must be a number from 0 to 65535, not "ten"',
    ],
    [
      'SRV port',
      "SRV('_sip._tls', 1, 1, 70000, 'a.example.')",
      2,
      26,
      'an SRV port must be a number from 0 to 65535, not 70000',
    ],
    ['arguments', "MX('@', 10)", 2, 3, 'MX("@") needs 3 arguments'],
    ['name', "A(42, '192.0.2.1')", 2, 5, 'A needs a name as its first argument'],
    ['bad name', "A('a b', '192.0.2.1')", 2, 6, '"a b.contoso.com." is not a valid domain name'],
    ['TXT', "TXT('@', [1])", 2, 13, 'TXT content must be text or a list of texts, not 1'],
    [
      'TTL',
      "A('x', '192.0.2.1', TTL('soon'))",
      2,
      23,
      'TTL() needs a number of seconds or a duration such as "1h"',
    ],
    [
      'CAA',
      "CAA('@', 'is-sue', 'ca.example')",
      2,
      13,
      'a CAA tag is letters and digits, not "is-sue"',
    ],
    [
      'undefined value',
      "A('x', ADDRESS)",
      2,
      10,
      '"ADDRESS" is not defined in this file',
      'notice',
    ],
    [
      'computed value',
      "A('x', lookup('x'))",
      2,
      10,
      'lookup() is a helper that cannot be read; set the "helpers" option to say what it adds',
      'notice',
    ],
    [
      'builder',
      "SPF_BUILDER({label: '@', parts: []})",
      2,
      3,
      'SPF_BUILDER() is not read; set the "helpers" option to say what it adds',
      'notice',
    ],
  ])('%s', (_name, record, line, column, message, severity) => {
    const parsed = parse(`D('contoso.com', 'none',\n  ${record},\n  A('ok', '192.0.2.9')\n);`);
    expect(
      parsed.problems.map((p) => [p.location.line, p.location.column, p.message, p.severity]),
    ).toEqual([[line, column, message, severity]]);
    expect(parsed.records.at(-1)?.name).toBe('ok.contoso.com.');
  });

  it.each<[string, string, number, number, string, ('notice' | undefined)?]>([
    [
      'syntax',
      "D('contoso.com',\n  A('x' '192.0.2.1'));",
      2,
      9,
      'invalid JavaScript: Unexpected token',
    ],
    [
      'no domain',
      "D(REG, A('x', '192.0.2.1'));",
      1,
      3,
      'D needs the domain name as its first argument',
    ],
    [
      'D_EXTEND first',
      "D_EXTEND('contoso.com', A('x', '192.0.2.1'));",
      1,
      11,
      'D_EXTEND("contoso.com") comes before any D() of its domain',
    ],
    [
      'loop',
      "for (var d of ['a.com']) { D(d, 'none'); }",
      1,
      1,
      'records made inside a loop, a condition or a block are not read',
      'notice',
    ],
    [
      'require_glob',
      "require_glob('zones/');",
      1,
      1,
      'require_glob("zones/") is not followed; the records in those files are not read',
      'notice',
    ],
  ])('%s', (_name, text, line, column, message, severity) => {
    const parsed = parse(text);
    expect(
      parsed.problems.map((p) => [p.location.line, p.location.column, p.message, p.severity]),
    ).toEqual([[line, column, message, severity]]);
  });

  it('says what is wrong with the helpers option', () => {
    const parsed = parse("D('c.com', 'none');", {
      settings: { helpers: { Bad: [{ type: 'MX', name: '@' }], Worse: 'x' } },
    });
    expect(parsed.problems.map((p) => [p.location.line, p.message])).toEqual([
      [
        0,
        'option "helpers": "Bad" has a record that is not {type, name, value, ttl?}: {"type":"MX","name":"@"}',
      ],
      [0, 'option "helpers": "Worse" must be a list of {type, name, value}'],
    ]);
  });

  it('reports a helper record that does not make sense at the call', () => {
    const parsed = parse("D('c.com', 'none', Mail());", {
      settings: { helpers: { Mail: [{ type: 'MX', name: '@', value: 'ten mx.example.' }] } },
    });
    expect(parsed.problems.map((p) => [p.location.column, p.message])).toEqual([
      [20, 'Mail(): MX preference "ten" is not a number from 0 to 65535'],
    ]);
  });
});

describe('dnscontrol: detection', () => {
  it.each<[string, number, string]>([
    ['dnsconfig.js', 10, SAMPLE],
    ['domains/contoso.zone.js', 8, SAMPLE],
    ['domains/contoso.js', 5, "D_EXTEND('contoso.com', A('x', '1.2.3.4'));"],
    ['src/app.js', 0, 'function main() { return 1; }'],
    ['proxy.pac', 0, SAMPLE],
  ])('%s scores %s', (file, score, text) => {
    expect(DNSCONTROL.detect({ path: file, text })).toBe(score);
  });
});

describe('dnscontrol: render', () => {
  it.each([
    [
      {
        name: 'contoso.com.',
        type: 'MX',
        ttl: 3600,
        data: '0 contoso-com.mail.protection.outlook.com.',
      },
      "MX('@', 0, 'contoso-com.mail.protection.outlook.com.', TTL(3600))",
    ],
    [
      { name: '_sip._tls.contoso.com.', type: 'SRV', data: '100 1 443 sipdir.online.lync.com.' },
      "SRV('_sip._tls', 100, 1, 443, 'sipdir.online.lync.com.')",
    ],
    [{ name: 'contoso.com.', type: 'TXT', data: '"a" "b\'c"' }, "TXT('@', ['a', 'b\\'c'])"],
  ])('%j', (record, call) => {
    expect(DNSCONTROL.render(record, 'contoso.com')).toBe(call);
  });

  it('reads back every record it renders', () => {
    for (const r of parse(SAMPLE, { settings: { helpers: DELEGATION } }).records) {
      const again = parse(`D('${r.zone}', 'none', ${DNSCONTROL.render(r, r.zone)});`);
      expect(again.problems).toEqual([]);
      expect(again.records.map((x) => [x.name, x.ttl, x.type, x.data])).toEqual([
        [r.name, r.ttl, r.type, r.data],
      ]);
    }
  });
});

describe.skipIf(!existsSync(corpus))('dnscontrol: corpus', () => {
  const file = 'dnscontrol/zhp-pl.zone.js';
  const text = existsSync(corpus) ? readFileSync(path.join(corpus, file), 'utf8') : '';
  const helpers = {
    Ms365_Root: [
      { type: 'CNAME', name: 'autodiscover', value: 'autodiscover.outlook.com.' },
      { type: 'TXT', name: '@', value: 'v=spf1 include:spf.protection.outlook.com -all' },
      { type: 'MX', name: '@', value: '0 {domain-dashed}.mail.protection.outlook.com.' },
      {
        type: 'CNAME',
        name: 'enterpriseregistration',
        value: 'enterpriseregistration.windows.net.',
      },
      {
        type: 'CNAME',
        name: 'enterpriseenrollment',
        value: 'enterpriseenrollment.manage.microsoft.com.',
      },
    ],
    Delegation_NS: [{ type: 'NS', name: '$1', value: '$2' }],
  };
  const bare = parse(text, undefined, file);
  const full = parse(text, { settings: { helpers } }, file);
  const count = (records: readonly DnsRecord[], f: (r: DnsRecord) => boolean) =>
    records.filter(f).length;
  const types = (records: readonly DnsRecord[]) =>
    records.reduce<Record<string, number>>(
      (acc, r) => ({ ...acc, [r.type]: (acc[r.type] ?? 0) + 1 }),
      {},
    );

  it('without the helpers: 818 records and a notice at each of the 363 helper calls', () => {
    expect(DNSCONTROL.detect({ path: file, text })).toBe(8);
    expect(bare.zones).toEqual(['zhp.pl.']);
    expect(bare.records).toHaveLength(818);
    expect(types(bare.records)).toEqual({ A: 169, AAAA: 140, CNAME: 327, MX: 94, TXT: 88 });
    const notices = bare.problems.filter((p) => p.severity === 'notice');
    expect(bare.problems).toHaveLength(notices.length);
    expect(notices.filter((p) => p.message.startsWith('Delegation_NS()'))).toHaveLength(362);
    expect(notices.filter((p) => p.message.startsWith('Ms365_Root()'))).toEqual([
      expect.objectContaining({ location: { file, line: 9, column: 5 } }),
    ]);
    expect(notices.filter((p) => p.message.startsWith('require_glob'))).toEqual([
      {
        location: { file, line: 14, column: 1 },
        message:
          'require_glob("zhp.pl.d/") is not followed; the records in those files are not read',
        severity: 'notice',
      },
    ]);
  });

  it('with the helpers: Ms365_Root adds five records and Delegation_NS 784 NS records', () => {
    expect(full.problems).toHaveLength(1);
    expect(full.records).toHaveLength(818 + 5 + 784);
    expect(
      full.records.filter((r) => r.location.line === 9).map((r) => `${r.name} ${r.type} ${r.data}`),
    ).toEqual([
      'autodiscover.zhp.pl. CNAME autodiscover.outlook.com.',
      'zhp.pl. TXT "v=spf1 include:spf.protection.outlook.com -all"',
      'zhp.pl. MX 0 zhp-pl.mail.protection.outlook.com.',
      'enterpriseregistration.zhp.pl. CNAME enterpriseregistration.windows.net.',
      'enterpriseenrollment.zhp.pl. CNAME enterpriseenrollment.manage.microsoft.com.',
    ]);
    expect(count(full.records, (r) => r.type === 'NS')).toBe(784);
    expect(full.records.find((r) => r.name === 'bedzin.zhp.pl.' && r.type === 'NS')?.data).toBe(
      'ns1.dhosting.pl.',
    );
  });

  it('has the Microsoft 365 records PROVENANCE.md counts, and none of the 179 commented-out lines', () => {
    const records = bare.records;
    const m365Mx = records.filter(
      (r) => r.parsed.type === 'MX' && r.parsed.exchange.endsWith('.mail.protection.outlook.com.'),
    );
    expect(m365Mx).toHaveLength(37);
    expect(
      count(
        records,
        (r) => r.type === 'TXT' && r.data.includes('include:spf.protection.outlook.com'),
      ),
    ).toBe(67);
    expect(count(records, (r) => r.type === 'CNAME' && r.name.startsWith('autodiscover.'))).toBe(
      40,
    );
    expect(count(records, (r) => r.type === 'CNAME' && r.name.startsWith('msoid.'))).toBe(34);
    expect(count(records, (r) => r.type === 'CNAME' && r.data.endsWith('.lync.com.'))).toBe(75);
    expect(count(records, (r) => r.name.startsWith('enterpriseregistration.'))).toBe(36);
    // The 76th lync.com target is a TXT where a CNAME was meant.
    expect(
      records
        .filter((r) => r.type === 'TXT' && r.data.includes('lync.com'))
        .map((r) => [r.name, r.data]),
    ).toEqual([['lyncdiscover.warszawaursynow.zhp.pl.', '"webdir.online.lync.com"']]);
    const lines = text.split('\n');
    const commented = lines.flatMap((l, i) => (/^\s*\/\//.test(l) ? [i + 1] : []));
    expect(commented).toHaveLength(179);
    const recordLines = new Set(records.map((r) => r.location.line));
    expect(commented.filter((l) => recordLines.has(l))).toEqual([]);
    expect(records.filter((r) => r.comment !== undefined)).toEqual([]);
  });

  it('has SPF records next to delegations, and targets with a trailing dot', () => {
    const delegated = new Set(full.records.filter((r) => r.type === 'NS').map((r) => r.name));
    const spf = bare.records.filter(
      (r) => r.type === 'TXT' && r.data.includes('include:spf.protection.outlook.com'),
    );
    expect(spf.filter((r) => delegated.has(r.name)).map((r) => r.name)).toEqual(
      expect.arrayContaining(['bedzin.zhp.pl.', 'beskidzki.zhp.pl.', 'bytom.zhp.pl.']),
    );
    expect(bare.records.every((r) => r.relativeTarget === undefined)).toBe(true);
  });
});
