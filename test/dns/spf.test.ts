import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  countSpfLookups,
  isSpf,
  mergeSpf,
  parseSpf,
  txtText,
  withInclude,
  type SpfRecord,
  type SpfTarget,
} from '../../src/dns/spf.js';

function spf(text: string): SpfRecord {
  const parsed = parseSpf(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

describe('isSpf', () => {
  it.each<[string, boolean]>([
    ['v=spf1', true],
    ['v=spf1 -all', true],
    ['V=SPF1 include:spf.protection.outlook.com -all', true],
    ['v=spf10 -all', false],
    ['v=spf1-all', false],
    [' v=spf1 -all', false],
    ['spf2.0/pra -all', false],
    ['MS=ms12345678', false],
    ['', false],
  ])('%j: %s', (text, expected) => {
    expect(isSpf(text)).toBe(expected);
  });

  it('joins TXT strings without a separator', () => {
    expect(txtText(['v=spf1 include:spf.protection.outlook', '.com -all'])).toBe(
      'v=spf1 include:spf.protection.outlook.com -all',
    );
  });
});

describe('parseSpf: valid records', () => {
  it.each<
    [
      string,
      { terms: string[]; all?: string; redirect?: string; includes: string[]; afterAll: string[] },
    ]
  >([
    ['v=spf1', { terms: [], includes: [], afterAll: [] }],
    [
      'v=spf1 include:spf.protection.outlook.com -all',
      {
        terms: ['include:spf.protection.outlook.com', '-all'],
        all: '-',
        includes: ['spf.protection.outlook.com'],
        afterAll: [],
      },
    ],
    [
      'v=spf1  ip4:192.0.2.0/24 ip6:2001:db8::/32 a mx/24 mx:example.com/24//64 ptr exists:%{i}._spf.example.com ~all',
      {
        terms: [
          'ip4:192.0.2.0/24',
          'ip6:2001:db8::/32',
          'a',
          'mx/24',
          'mx:example.com/24//64',
          'ptr',
          'exists:%{i}._spf.example.com',
          '~all',
        ],
        all: '~',
        includes: [],
        afterAll: [],
      },
    ],
    [
      'v=spf1 +a:Mail.Example.com ?include:Example.NET redirect=_spf.example.com exp=explain.example.com',
      {
        terms: [
          '+a:Mail.Example.com',
          '?include:Example.NET',
          'redirect=_spf.example.com',
          'exp=explain.example.com',
        ],
        redirect: '_spf.example.com',
        includes: ['example.net'],
        afterAll: [],
      },
    ],
    [
      'v=spf1 -all include:spf.protection.outlook.com custom=x',
      {
        terms: ['-all', 'include:spf.protection.outlook.com', 'custom=x'],
        all: '-',
        includes: ['spf.protection.outlook.com'],
        afterAll: ['include:spf.protection.outlook.com', 'custom=x'],
      },
    ],
  ])('%j', (text, expected) => {
    const r = spf(text);
    expect({
      terms: r.terms.map((t) => t.text),
      ...(r.all !== undefined ? { all: r.all } : {}),
      ...(r.redirect !== undefined ? { redirect: r.redirect } : {}),
      includes: r.includes,
      afterAll: r.afterAll.map((t) => t.text),
    }).toEqual(expected);
  });

  it('keeps the qualifier, name and value of each mechanism', () => {
    expect(spf('v=spf1 ~mx:example.com/24 -ip4:192.0.2.1').terms).toEqual([
      {
        kind: 'mechanism',
        qualifier: '~',
        name: 'mx',
        value: 'example.com',
        text: '~mx:example.com/24',
      },
      {
        kind: 'mechanism',
        qualifier: '-',
        name: 'ip4',
        value: '192.0.2.1',
        text: '-ip4:192.0.2.1',
      },
    ]);
  });
});

describe('parseSpf: malformed records', () => {
  it.each<[string, string]>([
    ['spf2.0/pra -all', '"spf2.0/pra -all" does not start with "v=spf1"'],
    ['v=spf1 foo -all', '"foo" is not an SPF mechanism or modifier'],
    [
      'v=spf1 include:spf.protection.outlook.com mple',
      '"mple" is not an SPF mechanism or modifier',
    ],
    ['v=spf1 include -all', '"include" needs a value after "include:"'],
    ['v=spf1 include: -all', '"include:" needs a value after "include:"'],
    ['v=spf1 include:bad!name.com', '"include:bad!name.com" needs a domain after "include:"'],
    ['v=spf1 exists', '"exists" needs a value after "exists:"'],
    ['v=spf1 ip4:192.0.2.300', '"ip4:192.0.2.300" needs an IPv4 address or network after "ip4:"'],
    [
      'v=spf1 ip4:192.0.2.1-192.0.2.9',
      '"ip4:192.0.2.1-192.0.2.9" needs an IPv4 address or network after "ip4:"',
    ],
    ['v=spf1 ip6:192.0.2.1', '"ip6:192.0.2.1" needs an IPv6 address or network after "ip6:"'],
    ['v=spf1 ip4', '"ip4" needs a value after "ip4:"'],
    ['v=spf1 -all:x', '"-all:x": the all mechanism takes no value'],
    ['v=spf1 a/33', '"a/33" has an invalid prefix length'],
    ['v=spf1 mx:example.com//129', '"mx:example.com//129" has an invalid prefix length'],
    ['v=spf1 ptr/24', '"ptr/24" has an invalid prefix length'],
    [
      'v=spf1 redirect=a.example redirect=b.example',
      '"redirect=b.example" repeats the redirect modifier',
    ],
    ['v=spf1 exp=a.example exp=b.example', '"exp=b.example" repeats the exp modifier'],
    ['v=spf1 redirect=', '"redirect=" needs a domain after "="'],
  ])('%j: %s', (text, message) => {
    expect(parseSpf(text)).toEqual({ ok: false, error: message });
  });
});

describe('countSpfLookups', () => {
  const known = (nestedLookups: number | null): SpfTarget => ({ kind: 'known', nestedLookups });
  const targets: Record<string, SpfTarget> = {
    'spf.protection.outlook.com': known(0),
    'spf.protection.office365.us': known(null),
    '_spf.contoso.com': {
      kind: 'record',
      record: spf('v=spf1 a mx include:_spf2.contoso.com -all'),
    },
    '_spf2.contoso.com': {
      kind: 'record',
      record: spf('v=spf1 ptr exists:%{i}.x.contoso.com -all'),
    },
    'loop.contoso.com': { kind: 'record', record: spf('v=spf1 include:loop2.contoso.com -all') },
    'loop2.contoso.com': { kind: 'record', record: spf('v=spf1 include:loop.contoso.com -all') },
  };
  const resolve = (d: string): SpfTarget => targets[d] ?? { kind: 'unknown' };

  it.each<
    [
      string,
      { lookups: number; exact: boolean; unknown: string[]; uncounted: string[]; loops: string[] },
    ]
  >([
    ['v=spf1 -all', { lookups: 0, exact: true, unknown: [], uncounted: [], loops: [] }],
    [
      'v=spf1 ip4:192.0.2.1 ip6:2001:db8::1 -all',
      { lookups: 0, exact: true, unknown: [], uncounted: [], loops: [] },
    ],
    [
      'v=spf1 include:spf.protection.outlook.com -all',
      { lookups: 1, exact: true, unknown: [], uncounted: [], loops: [] },
    ],
    [
      'v=spf1 include:spf.protection.office365.us -all',
      {
        lookups: 1,
        exact: false,
        unknown: [],
        uncounted: ['spf.protection.office365.us'],
        loops: [],
      },
    ],
    [
      'v=spf1 a mx ptr exists:x.example -all',
      { lookups: 4, exact: true, unknown: [], uncounted: [], loops: [] },
    ],
    [
      'v=spf1 include:_spf.contoso.com -all',
      { lookups: 6, exact: true, unknown: [], uncounted: [], loops: [] },
    ],
    [
      'v=spf1 include:Servers.mcsv.net include:servers.mcsv.net -all',
      { lookups: 2, exact: false, unknown: ['servers.mcsv.net'], uncounted: [], loops: [] },
    ],
    [
      'v=spf1 redirect=_spf.contoso.com',
      { lookups: 6, exact: true, unknown: [], uncounted: [], loops: [] },
    ],
    [
      'v=spf1 a redirect=_spf.contoso.com -all',
      { lookups: 1, exact: true, unknown: [], uncounted: [], loops: [] },
    ],
    [
      'v=spf1 redirect=_spf.example.net',
      { lookups: 1, exact: false, unknown: ['_spf.example.net'], uncounted: [], loops: [] },
    ],
    [
      'v=spf1 include:loop.contoso.com -all',
      { lookups: 3, exact: true, unknown: [], uncounted: [], loops: ['loop.contoso.com'] },
    ],
  ])('%j', (text, expected) => {
    expect(countSpfLookups(spf(text), resolve)).toEqual(expected);
  });

  const lookupTerm = fc.constantFrom(
    'a',
    'mx',
    'ptr',
    'exists:x.example',
    'include:spf.protection.outlook.com',
    'a:mail.example/24',
  );
  const freeTerm = fc.constantFrom('ip4:192.0.2.1', 'ip6:2001:db8::/32', 'note=kept');

  it('counts one lookup per lookup term when nested records cost nothing', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(lookupTerm, freeTerm), { maxLength: 30 }), (terms) => {
        const record = spf(['v=spf1', ...terms, '-all'].join(' '));
        const expected = terms.filter((t) => !t.startsWith('ip') && !t.startsWith('note=')).length;
        expect(countSpfLookups(record, resolve).lookups).toBe(expected);
      }),
      { numRuns: 200 },
    );
  });
});

describe('withInclude and mergeSpf', () => {
  it.each<[string, string, string | undefined, string]>([
    [
      'v=spf1 include:zoho.com ~all',
      'spf.protection.outlook.com',
      undefined,
      'v=spf1 include:zoho.com include:spf.protection.outlook.com ~all',
    ],
    [
      'v=spf1 ip4:192.0.2.1',
      'spf.protection.outlook.com',
      undefined,
      'v=spf1 ip4:192.0.2.1 include:spf.protection.outlook.com',
    ],
    [
      'v=spf1 a redirect=_spf.example.com',
      'spf.protection.outlook.com',
      undefined,
      'v=spf1 a include:spf.protection.outlook.com redirect=_spf.example.com',
    ],
    [
      'v=spf1',
      'spf.protection.outlook.com',
      undefined,
      'v=spf1 include:spf.protection.outlook.com',
    ],
    [
      'v=spf1 ~include:spf.protection.outlook.com -all',
      'spf.protection.partner.outlook.cn',
      'spf.protection.outlook.com',
      'v=spf1 ~include:spf.protection.partner.outlook.cn -all',
    ],
  ])('adds to %j', (text, domain, replacing, expected) => {
    expect(withInclude(spf(text), domain, replacing)).toBe(expected);
  });

  it('merges records: each term once, the first all last', () => {
    expect(
      mergeSpf([
        spf('v=spf1 include:spf.protection.outlook.com -all'),
        spf(
          'v=spf1 include:mailgun.org include:SPF.protection.outlook.com ~all redirect=x.example',
        ),
      ]),
    ).toBe('v=spf1 include:spf.protection.outlook.com include:mailgun.org -all');
  });

  const domain = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}\.(com|net|example)$/);
  const term = fc.oneof(
    domain.map((d) => `include:${d}`),
    fc.constantFrom('a', 'mx', 'ip4:192.0.2.0/24', '-all', '~all', '?exists:x.example'),
  );
  const record = fc.array(term, { maxLength: 8 }).map((t) => spf(['v=spf1', ...t].join(' ')));

  it('adds the include to any record, keeping every term', () => {
    fc.assert(
      fc.property(record, domain, (r, d) => {
        const out = spf(withInclude(r, d));
        expect(out.includes).toContain(d);
        expect(out.terms.length).toBe(r.terms.length + 1);
        // Placed before the first all, so a receiver reaches it.
        expect(out.afterAll.map((t) => t.text)).toEqual(r.afterAll.map((t) => t.text));
      }),
      { numRuns: 200 },
    );
  });

  it('merges into one record that keeps every include', () => {
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 4 }), (records) => {
        const merged = spf(mergeSpf(records));
        for (const r of records) for (const i of r.includes) expect(merged.includes).toContain(i);
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (tail) => {
        const parsed = parseSpf(`v=spf1 ${tail}`);
        if (parsed.ok) countSpfLookups(parsed.value, () => ({ kind: 'unknown' }));
      }),
      { numRuns: 500 },
    );
  });
});
