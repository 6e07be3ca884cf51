import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type Coverage,
  HostPattern,
  type HostLead,
  type ParseHostOptions,
} from '../../src/model/host.js';

const SUBTREE: ParseHostOptions = { bareMeansSubtree: true };
const CILIUM: ParseHostOptions = { cilium: true };

const host = (text: string, options?: ParseHostOptions): HostPattern => {
  const parsed = HostPattern.parse(text, options);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
};

describe('HostPattern.parse', () => {
  const valid: [
    input: string,
    text: string,
    lead: HostLead,
    base: string,
    options?: ParseHostOptions,
  ][] = [
    ['outlook.office365.com', 'outlook.office365.com', 'exact', 'outlook.office365.com'],
    ['Outlook.Office365.COM.', 'outlook.office365.com', 'exact', 'outlook.office365.com'],
    ['  outlook.com\t', 'outlook.com', 'exact', 'outlook.com'],
    ['localhost', 'localhost', 'exact', 'localhost'],
    ['1password.com', '1password.com', 'exact', '1password.com'],
    ['_sip._tls.contoso.com', '_sip._tls.contoso.com', 'exact', '_sip._tls.contoso.com'],
    ['-edge-.contoso.com', '-edge-.contoso.com', 'exact', '-edge-.contoso.com'],
    ['*.sharepoint.com', '*.sharepoint.com', 'oneOrMore', 'sharepoint.com'],
    ['*.SharePoint.com.', '*.sharepoint.com', 'oneOrMore', 'sharepoint.com'],
    ['**.sharepoint.com', '*.sharepoint.com', 'oneOrMore', 'sharepoint.com', CILIUM],
    ['*', '*', 'oneOrMore', '', CILIUM],
    ['a*b.contoso.com', 'a*b.contoso.com', 'exact', 'contoso.com', CILIUM],
    ['.sharepoint.com', '.sharepoint.com', 'zeroOrMore', 'sharepoint.com'],
    ['.sharepoint.com.', '.sharepoint.com', 'zeroOrMore', 'sharepoint.com'],
    ['*', '*', 'oneOrMore', ''],
    ['*.', '*', 'oneOrMore', ''],
    ['*cdn.onenote.net', '*cdn.onenote.net', 'exact', 'onenote.net'],
    ['*-admin.sharepoint.com', '*-admin.sharepoint.com', 'exact', 'sharepoint.com'],
    [
      'autodiscover.*.onmicrosoft.com',
      'autodiscover.*.onmicrosoft.com',
      'exact',
      'onmicrosoft.com',
    ],
    ['microsoft.*', 'microsoft.*', 'exact', ''],
    ['bücher.example', 'xn--bcher-kva.example', 'exact', 'xn--bcher-kva.example'],
    ['BÜCHER.example', 'xn--bcher-kva.example', 'exact', 'xn--bcher-kva.example'],
    ['*.bücher.example', '*.xn--bcher-kva.example', 'oneOrMore', 'xn--bcher-kva.example'],
    [`${'a'.repeat(63)}.com`, `${'a'.repeat(63)}.com`, 'exact', `${'a'.repeat(63)}.com`],
    ['contoso.com', '.contoso.com', 'zeroOrMore', 'contoso.com', SUBTREE],
    ['.contoso.com', '.contoso.com', 'zeroOrMore', 'contoso.com', SUBTREE],
    ['*.contoso.com', '*.contoso.com', 'oneOrMore', 'contoso.com', SUBTREE],
    [
      'autodiscover.*.onmicrosoft.com',
      'autodiscover.*.onmicrosoft.com',
      'exact',
      'onmicrosoft.com',
      SUBTREE,
    ],
  ];
  it.each(valid)('%j parses to %j', (input, text, lead, base, options) => {
    const pattern = host(input, options);
    expect({
      text: pattern.text,
      lead: pattern.lead,
      base: pattern.base,
      key: pattern.key(),
    }).toEqual({
      text,
      lead,
      base,
      key: text,
    });
    expect(pattern.toString()).toBe(text);
    expect(pattern.isWildcard).toBe(text.includes('*') || lead !== 'exact');
    // Canonical text is a fixed point.
    expect(host(text).key()).toBe(text);
  });

  const longName = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(62)}`;
  it('accepts a name of exactly 253 characters', () => {
    expect(host(longName.slice(1)).text).toHaveLength(253);
  });

  const invalid: [input: string, message: string][] = [
    ['', 'host name is empty'],
    [
      '**.sharepoint.com',
      '"**.sharepoint.com" has "**", which this format gives no meaning; write "*"',
    ],
    [
      'a**b.contoso.com',
      '"a**b.contoso.com" has "**", which this format gives no meaning; write "*"',
    ],
    ['   ', 'host name is empty'],
    ['*.*.com', '"*.*.com" has more than one wildcard label'],
    ['*.a*.contoso.com', '"*.a*.contoso.com" has more than one wildcard label'],
    ['a.*.*.contoso.com', '"a.*.*.contoso.com" has more than one wildcard label'],
    ['.*.contoso.com', '".*.contoso.com" combines a leading dot with a wildcard'],
    ['.a*.contoso.com', '".a*.contoso.com" combines a leading dot with a wildcard'],
    ['out look.com', '"out look.com" contains a space'],
    [
      'out\u00a0look.com',
      '"out\u00a0look.com" contains the space character U+00A0: a firewall compares names as written, so it does not allow "outlook.com"',
    ],
    [
      'outlook.com\u3000',
      '"outlook.com\u3000" contains the space character U+3000: a firewall compares names as written, so it does not allow "outlook.com"',
    ],
    [
      '\ufeffoutlook.com',
      '"\ufeffoutlook.com" contains the invisible character U+FEFF: a firewall compares names as written, so it does not allow "outlook.com"',
    ],
    ['http://outlook.com', '"http://outlook.com" has a scheme: remove "http://"'],
    ['HTTPS://outlook.com/', '"HTTPS://outlook.com/" has a scheme: remove "HTTPS://"'],
    ['http://bücher.example', '"http://bücher.example" has a scheme: remove "http://"'],
    ['outlook.com/owa', '"outlook.com/owa" has a path: remove "/owa"'],
    ['outlook.com:443', '"outlook.com:443" has a port: remove ":443"'],
    ['outlook.com:https', '"outlook.com:https" contains ":", which is not allowed in a host name'],
    ['a..b', '"a..b" has an empty label'],
    ['.', '"." has an empty label'],
    ['..contoso.com', '"..contoso.com" has an empty label'],
    ['contoso.com..', '"contoso.com.." has an empty label'],
    [`${'x'.repeat(64)}.com`, `"${'x'.repeat(64)}.com" has a label of 64 characters (at most 63)`],
    [longName, `"${longName.slice(0, 77)}..." is 254 characters long (at most 253)`],
    ['out!look.com', '"out!look.com" contains "!", which is not allowed in a host name'],
    ['outlook.com,', '"outlook.com," contains ",", which is not allowed in a host name'],
    ['user@outlook.com', '"user@outlook.com" contains "@", which is not allowed in a host name'],
    ['\u0301ab.example', '"\u0301ab.example" is not a valid internationalised domain name'],
    ['*ü.example', '"*ü.example" mixes a wildcard with non-ASCII characters in one label'],
    [
      'bücher\u3002example',
      '"bücher\u3002example" separates labels with U+3002 instead of ".": a firewall compares names as written, so it does not allow "bücher.example"',
    ],
    ['1.2.3.4', '"1.2.3.4" is an IP address, not a host name'],
    ['1.2.3.4.', '"1.2.3.4." is an IP address, not a host name'],
    ['10.0.0.0/8', '"10.0.0.0/8" is an IP range, not a host name'],
    ['1.2.3.4:443', '"1.2.3.4:443" is an IP address, not a host name'],
    ['2001:db8::1', '"2001:db8::1" is an IP address, not a host name'],
    ['2001:db8::/32', '"2001:db8::/32" is an IP range, not a host name'],
    ['1.2.3', '"1.2.3" ends in an all-numeric label'],
    ['contoso.123', '"contoso.123" ends in an all-numeric label'],
    ['*.123', '"*.123" ends in an all-numeric label'],
  ];
  it.each(invalid)('%j fails: %s', (input, message) => {
    expect(HostPattern.parse(input)).toEqual({ ok: false, error: message });
  });

  it.each([
    [
      'a**b.contoso.com',
      '"a**b.contoso.com" has "**" where Cilium gives it no meaning (only a leading "**." means any number of labels)',
    ],
    [
      '**.**.contoso.com',
      '"**.**.contoso.com" has "**" where Cilium gives it no meaning (only a leading "**." means any number of labels)',
    ],
  ])('Cilium: %j fails: %s', (input, message) => {
    expect(HostPattern.parse(input, CILIUM)).toEqual({ ok: false, error: message });
  });

  it("tells Cilium's one-label *.x apart from *.x, and compares it by its meaning", () => {
    const one = HostPattern.of('*.sharepoint.com', CILIUM);
    const many = HostPattern.of('*.sharepoint.com');
    expect(one.key()).toBe('{1}.sharepoint.com');
    expect(many.key()).toBe('*.sharepoint.com');
    expect(one.matches('contoso.sharepoint.com')).toBe(true);
    expect(one.matches('a.b.sharepoint.com')).toBe(false);
    expect(one.matches('sharepoint.com')).toBe(false);
    expect(one.coverage(many)).toBe('partial');
    expect(many.coverage(one)).toBe('full');
    expect(HostPattern.of('**.sharepoint.com', CILIUM).coverage(many)).toBe('full');
  });
});

describe('HostPattern.matches', () => {
  const rows: [pattern: string, name: string, expected: boolean][] = [
    ['outlook.com', 'outlook.com', true],
    ['outlook.com', 'OUTLOOK.com.', true],
    ['outlook.com', 'www.outlook.com', false],
    ['*.sharepoint.com', 'contoso.sharepoint.com', true],
    ['*.sharepoint.com', 'a.b.sharepoint.com', true],
    ['*.sharepoint.com', 'Contoso.SharePoint.com.', true],
    ['*.sharepoint.com', 'sharepoint.com', false],
    ['*.sharepoint.com', 'xsharepoint.com', false],
    ['.sharepoint.com', 'sharepoint.com', true],
    ['.sharepoint.com', 'a.b.sharepoint.com', true],
    ['.sharepoint.com', 'xsharepoint.com', false],
    ['*cdn.onenote.net', 'cdn.onenote.net', true],
    ['*cdn.onenote.net', 'xcdn.onenote.net', true],
    ['*cdn.onenote.net', 'a.cdn.onenote.net', false],
    ['*cdn.onenote.net', 'cdnx.onenote.net', false],
    ['*-admin.sharepoint.com', 'contoso-admin.sharepoint.com', true],
    ['*-admin.sharepoint.com', 'contoso-admin.x.sharepoint.com', false],
    ['autodiscover.*.onmicrosoft.com', 'autodiscover.contoso.onmicrosoft.com', true],
    ['autodiscover.*.onmicrosoft.com', 'autodiscover.onmicrosoft.com', false],
    ['autodiscover.*.onmicrosoft.com', 'autodiscover.a.b.onmicrosoft.com', false],
    ['autodiscover.*.onmicrosoft.com', 'x.autodiscover.a.onmicrosoft.com', false],
    ['*', 'localhost', true],
    ['*', 'a.b.c.example', true],
    ['microsoft.*', 'microsoft.com', true],
    ['microsoft.*', 'www.microsoft.com', false],
    ['a*b*c.x', 'abc.x', true],
    ['a*b*c.x', 'a-b_c.x', true],
    ['a*b*c.x', 'acb.x', false],
    ['*a*a.x', 'aa.x', true],
    ['*a*a.x', 'a.x', false],
    ['xn--bcher-kva.example', 'bücher.example', true],
    ['*.example', 'BÜCHER.example', true],
  ];
  it.each(rows)('%j matches %j: %s', (pattern, name, expected) => {
    expect(host(pattern).matches(name)).toBe(expected);
  });
});

describe('HostPattern.coverage', () => {
  // [entry, required, expected, options]: `tenant` is substituted into the required pattern first.
  const rows: [
    entry: string,
    required: string,
    expected: Coverage,
    extra?: { subtree?: true; tenant?: string },
  ][] = [
    ['*.sharepoint.com', 'contoso.sharepoint.com', 'full'],
    ['contoso.sharepoint.com', '*.sharepoint.com', 'partial'],
    ['.sharepoint.com', '*.sharepoint.com', 'full'],
    ['.sharepoint.com', 'sharepoint.com', 'full'],
    ['*.sharepoint.com', 'sharepoint.com', 'none'],
    ['*.sharepoint.com', '.sharepoint.com', 'partial'],
    ['sharepoint.com', '.sharepoint.com', 'partial'],
    ['.sharepoint.com', '.sharepoint.com', 'full'],
    ['*.office.com', '*.cdn.office.com', 'full'],
    ['*.cdn.office.com', '*.office.com', 'partial'],
    ['.office.com', '.cdn.office.com', 'full'],
    ['.cdn.office.com', '.office.com', 'partial'],
    ['.office.com', '*.sharepoint.com', 'none'],
    ['*.onmicrosoft.com', 'autodiscover.*.onmicrosoft.com', 'full'],
    ['autodiscover.*.onmicrosoft.com', '*.onmicrosoft.com', 'partial'],
    ['autodiscover.*.onmicrosoft.com', '.onmicrosoft.com', 'partial'],
    ['autodiscover.*.onmicrosoft.com', 'autodiscover.contoso.onmicrosoft.com', 'full'],
    ['autodiscover.*.onmicrosoft.com', 'autodiscover.a.b.onmicrosoft.com', 'none'],
    ['autodiscover.*.onmicrosoft.com', 'autodiscover.*.mail.onmicrosoft.com', 'none'],
    ['*.onmicrosoft.com', 'autodiscover.*.mail.onmicrosoft.com', 'full'],
    [
      'autodiscover.contoso.onmicrosoft.com',
      'autodiscover.*.onmicrosoft.com',
      'full',
      { tenant: 'Contoso' },
    ],
    [
      'autodiscover.fabrikam.onmicrosoft.com',
      'autodiscover.*.onmicrosoft.com',
      'none',
      { tenant: 'contoso' },
    ],
    ['*.onmicrosoft.com', 'autodiscover.*.onmicrosoft.com', 'full', { tenant: 'contoso' }],
    ['*cdn.onenote.net', 'cdn.onenote.net', 'full'],
    ['*cdn.onenote.net', 'xcdn.onenote.net', 'full'],
    ['*cdn.onenote.net', '*.cdn.onenote.net', 'none'],
    ['*.onenote.net', '*cdn.onenote.net', 'full'],
    ['*cdn.onenote.net', '*.onenote.net', 'partial'],
    ['*-admin.sharepoint.com', 'contoso-admin.sharepoint.com', 'full'],
    ['*-admin.sharepoint.com', '-admin.sharepoint.com', 'full'],
    ['*.sharepoint.com', '*-admin.sharepoint.com', 'full'],
    ['*-admin.sharepoint.com', '*.sharepoint.com', 'partial'],
    ['*-admin.sharepoint.com', '*-files.sharepoint.com', 'none'],
    ['*admin.sharepoint.com', '*-admin.sharepoint.com', 'full'],
    ['*-admin.sharepoint.com', '*admin.sharepoint.com', 'partial'],
    ['contoso*.sharepoint.com', '*-admin.sharepoint.com', 'partial'],
    ['*', '*.sharepoint.com', 'full'],
    ['*', 'outlook.office365.com', 'full'],
    ['*', '.sharepoint.com', 'full'],
    ['*', 'autodiscover.*.onmicrosoft.com', 'full'],
    ['*.sharepoint.com', '*', 'partial'],
    ['.com', '*', 'partial'],
    ['outlook.office365.com', 'outlook.office365.com', 'full'],
    ['OUTLOOK.Office365.com.', 'outlook.office365.com', 'full'],
    ['outlook.office365.com', 'outlook.office.com', 'none'],
    ['bücher.example', 'xn--bcher-kva.example', 'full'],
    ['*.example', 'bücher.example', 'full'],
    ['xn--bcher-kva.example', '*.example', 'partial'],
    ['*.contoso.com', '_sip._tls.contoso.com', 'full'],
    ['contoso.com', '*.contoso.com', 'full', { subtree: true }],
    ['contoso.com', 'contoso.com', 'full', { subtree: true }],
    ['contoso.com', '.contoso.com', 'full', { subtree: true }],
    // Multi-star label globs: `a*b` always contains "ab" over {a, b}, but `azb` shows the alphabet is larger.
    ['*ab*.x', 'a*b.x', 'partial'],
    ['*a*b*.x', 'a*b.x', 'full'],
    ['a*b.x', '*a*b*.x', 'partial'],
    ['*a*.x', '*b*.x', 'partial'],
    ['a*.x', 'b*.x', 'none'],
    ['*.x', '*a*.x', 'full'],
    ['a*b*c.x', 'a*c.x', 'partial'],
    ['a*c.x', 'a*b*c.x', 'full'],
    ['*a*a*.x', '*aa*.x', 'full'],
    ['*aa*.x', '*a*a*.x', 'partial'],
  ];
  it.each(rows)('%j vs required %j: %s', (entry, required, expected, extra) => {
    let req = host(required);
    if (extra?.tenant !== undefined) req = req.withTenant(extra.tenant);
    expect(host(entry, extra?.subtree ? SUBTREE : undefined).coverage(req)).toBe(expected);
  });
});

describe('HostPattern.withTenant', () => {
  it.each([
    ['autodiscover.*.onmicrosoft.com', 'Contoso', 'autodiscover.contoso.onmicrosoft.com'],
    ['autodiscover.*.mail.onmicrosoft.com', 'contoso', 'autodiscover.contoso.mail.onmicrosoft.com'],
    ['*.onmicrosoft.com', 'contoso', '*.onmicrosoft.com'],
    ['*cdn.onenote.net', 'contoso', '*cdn.onenote.net'],
    ['outlook.office365.com', 'contoso', 'outlook.office365.com'],
  ])('%j with tenant %j is %j', (pattern, tenant, expected) => {
    const substituted = host(pattern).withTenant(tenant);
    expect(substituted.text).toBe(expected);
    expect(substituted.key()).toBe(host(expected).key());
    expect(substituted.isWildcard).toBe(host(expected).isWildcard);
    expect(substituted.base).toBe(host(expected).base);
  });

  it('rejects a tenant that is not one label', () => {
    expect(() =>
      host('autodiscover.*.onmicrosoft.com').withTenant('contoso.onmicrosoft.com'),
    ).toThrow('tenant "contoso.onmicrosoft.com" is not a single DNS label');
  });
});

describe('HostPattern.overBreadth', () => {
  const rows: [pattern: string, reason: string | undefined, options?: ParseHostOptions][] = [
    ['*', '"*" matches every host name'],
    ['*.com', '"*.com" matches names of any owner under the public suffix "com"'],
    ['.com', '".com" matches names of any owner under the public suffix "com"'],
    ['com', '".com" matches names of any owner under the public suffix "com"', SUBTREE],
    ['*.co.uk', '"*.co.uk" matches names of any owner under the public suffix "co.uk"'],
    ['*.microsoft', '"*.microsoft" matches names of any owner under the public suffix "microsoft"'],
    ['*cdn.com', '"*cdn.com" matches names of any owner under the public suffix "com"'],
    [
      'autodiscover.*.com',
      '"autodiscover.*.com" matches names of any owner under the public suffix "com"',
    ],
    [
      '*.cloudapp.net',
      '"*.cloudapp.net" matches names of any owner under the public suffix "cloudapp.net"',
    ],
    [
      '*.blob.core.windows.net',
      '"*.blob.core.windows.net" matches names of any owner under the public suffix "blob.core.windows.net"',
    ],
    ['microsoft.*', '"microsoft.*" leaves the top-level domain open'],
    ['*cdn', '"*cdn" leaves the top-level domain open'],
    ['com', undefined],
    ['co.uk', undefined],
    ['*.sharepoint.com', undefined],
    ['.sharepoint.com', undefined],
    ['*-admin.sharepoint.com', undefined],
    ['autodiscover.*.onmicrosoft.com', undefined],
    ['*.cloud.microsoft', undefined],
    ['contoso.blob.core.windows.net', undefined],
    // Unlisted top-level names are not public suffixes, whatever tldts assumes by default.
    ['*.corp', undefined],
    ['.local', undefined],
  ];
  it.each(rows)('%j: %s', (pattern, reason, options) => {
    expect(host(pattern, options).overBreadth()).toBe(reason);
  });
});

describe('HostPattern.registrableDomain', () => {
  it.each([
    ['*.contoso.sharepoint.com', 'sharepoint.com'],
    ['outlook.office365.com', 'office365.com'],
    ['autodiscover.*.onmicrosoft.com', 'onmicrosoft.com'],
    ['*cdn.onenote.net', 'onenote.net'],
    ['*.blob.core.windows.net', 'windows.net'],
    ['contoso.cloudapp.net', 'cloudapp.net'],
    ['*.bbc.co.uk', 'bbc.co.uk'],
    ['*.co.uk', undefined],
    ['com', undefined],
    ['*', undefined],
    ['microsoft.*', undefined],
  ])('%j: %s', (pattern, expected) => {
    expect(host(pattern).registrableDomain()).toBe(expected);
  });
});

describe('HostPattern source', () => {
  it('never builds a regular expression at run time', () => {
    const source = readFileSync(
      path.resolve(import.meta.dirname, '../../src/model/host.ts'),
      'utf8',
    );
    expect(source).not.toMatch(/new RegExp|RegExp\(/);
  });
});

const endpoints = path.resolve(import.meta.dirname, '../..', '../shared/reference/endpoints');

describe.skipIf(!existsSync(endpoints))('catalogue URLs', () => {
  const files = [
    // The body is collected even when skipped: read only what exists.
    ...(existsSync(endpoints) ? readdirSync(endpoints) : []).filter((f) => f.endsWith('.json')),
    ...(existsSync(path.join(endpoints, 'historical'))
      ? readdirSync(path.join(endpoints, 'historical')).map((f) => `historical/${f}`)
      : []),
  ].filter((f) => f.endsWith('.json'));

  it('every URL in the reference catalogue parses to its own canonical text', () => {
    const problems: string[] = [];
    let count = 0;
    for (const file of files) {
      const records = JSON.parse(readFileSync(path.join(endpoints, file), 'utf8')) as {
        urls?: string[];
      }[];
      for (const url of records.flatMap((r) => r.urls ?? [])) {
        // Some historical records carry guidance prose in place of a URL.
        if (url.includes(' ')) continue;
        count++;
        const parsed = HostPattern.parse(url);
        if (!parsed.ok) problems.push(`${file}: ${parsed.error}`);
        else if (parsed.value.text !== url.toLowerCase())
          problems.push(`${file}: ${url} -> ${parsed.value.text}`);
      }
    }
    expect(problems).toEqual([]);
    expect(count).toBeGreaterThan(100);
  });
});
