import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ParsedDnsFile } from '../../../src/model/dns.js';
import type { SourceLocation } from '../../../src/model/location.js';
import { BIND } from '../../../src/formats/dns/bind.js';
import type { DnsFormat } from '../../../src/formats/format.js';
import { DNS_CSV } from '../../../src/formats/dns/csv.js';
import { DNS_YAML } from '../../../src/formats/dns/yaml.js';
import { DNSCONTROL } from '../../../src/formats/dns/dnscontrol.js';
import { OCTODNS } from '../../../src/formats/dns/octodns.js';
import { ZONES } from './bind-zones.js';

const corpus = path.resolve(import.meta.dirname, '../../..', '../shared/corpus');

const FORMATS: readonly DnsFormat[] = [BIND, OCTODNS, DNSCONTROL, DNS_CSV, DNS_YAML];

const BUILT_IN = [
  ...ZONES.flatMap((z) => Object.values(z.files)),
  [
    "'':",
    '  - type: MX',
    '    values:',
    '      - exchange: contoso-com.mail.protection.outlook.com.',
    '        preference: 0',
    '  - type: TXT',
    '    value: v=DKIM1\\; k=rsa',
    'autodiscover:',
    '  type: CNAME',
    '  ttl: 300',
    '  value: autodiscover.outlook.com.',
    '_sip._tls: {type: SRV, value: {priority: 100, weight: 1, port: 443, target: sip.example.}}',
  ].join('\n'),
  [
    "var R = [CNAME('sip', 'sipdir.online.lync.com.')];",
    'function H(x) { return [TXT(x, `v=${x}`)]; }',
    "D('contoso.com', NewRegistrar('none'), DefaultTTL(300),",
    "  MX('@', 0, 'contoso-com.mail.protection.outlook.com.'), // mail",
    "  SRV('_sip._tls', 100, 1, 443, 'sipdir.online.lync.com.', TTL('1h')),",
    "  ...R, H('a'), Unknown('b'), CAA('@', 'issue', 'x.example'),",
    ');',
    "D_EXTEND('sub.contoso.com', A('@', '192.0.2.1'));",
  ].join('\n'),
  [
    'host, domain, type, ttl, content, content2',
    'contoso.com, contoso.com, MX, 3600, 0 contoso-com.mail.protection.outlook.com,',
    'contoso.com, contoso.com, TXT, 3600, "v=spf1 include:spf.protection.outlook.com -all",',
    'sub.contoso.com, contoso.com, NS, 60, ns1.example.net, ns2.example.net',
  ].join('\n'),
  [
    'endpoint-drift: dns/v1',
    'zone: contoso.com',
    'records:',
    "  - name: '@'  # apex",
    '    type: MX',
    '    value: 0 contoso-com.mail.protection.outlook.com',
    '  - name: _sip._tls',
    '    type: SRV',
    '    values: [100 1 443 sipdir.online.lync.com]',
  ].join('\n'),
];

function samples(): string[] {
  if (!existsSync(corpus)) return BUILT_IN;
  const files = [
    'bind/wyvernsquare.com.zone',
    'dnscontrol/zhp-pl.zone.js',
    // The whole export is large; its first rows show every layout it has.
    'csv/zhp-pl-dns-export.csv',
  ].map((f) => readFileSync(path.join(corpus, f), 'utf8'));
  files[2] = files[2]!.split('\n').slice(0, 600).join('\n');
  return [...BUILT_IN, ...files];
}

/** Characters that mean something to one of the formats, plus a few that mean trouble. */
const SPECIAL = [
  ...'\n\r\t ;#/*()[]{}"\'`\\$@.,:-_=!?0123456789aAxX',
  '$ORIGIN ',
  '$INCLUDE x',
  '\\#',
  '...',
  '${',
  '\0',
  '\uFEFF',
  '\uFFFD',
  'é',
  '𝔸',
];

type Mutation = (text: string) => string;

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc
    .tuple(
      fc.nat(),
      fc.oneof(fc.constantFrom(...SPECIAL), fc.string({ unit: 'binary', maxLength: 4 })),
    )
    .map(([at, s]): Mutation => (t) => {
      const i = at % (t.length + 1);
      return t.slice(0, i) + s + t.slice(i);
    }),
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 40 })).map(([at, n]): Mutation => (t) => {
    const i = at % (t.length + 1);
    return t.slice(0, i) + t.slice(i + n);
  }),
  fc.tuple(fc.nat(), fc.constantFrom(...SPECIAL)).map(([at, s]): Mutation => (t) => {
    if (t.length === 0) return s;
    const i = at % t.length;
    return t.slice(0, i) + s + t.slice(i + 1);
  }),
  fc.tuple(fc.nat(), fc.nat()).map(([from, to]): Mutation => (t) => {
    const lines = t.split('\n');
    const line = lines[from % lines.length]!;
    lines.splice(to % (lines.length + 1), 0, line);
    return lines.join('\n');
  }),
  fc.string({ unit: 'binary', maxLength: 200 }).map(
    (s): Mutation =>
      () =>
        s,
  ),
);

/** Every location must point into the text: line 0 (whole file) or a real line, a column on it. */
function checkLocations(file: string, text: string, parsed: ParsedDnsFile): void {
  const lines = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split('\n');
  const check = (loc: SourceLocation) => {
    expect(loc.file).toBe(file);
    expect(loc.line).toBeGreaterThanOrEqual(0);
    expect(loc.column).toBeGreaterThanOrEqual(1);
    if (loc.line > 0) {
      expect(loc.line).toBeLessThanOrEqual(lines.length);
      expect(loc.column).toBeLessThanOrEqual(lines[loc.line - 1]!.length + 1);
    }
  };
  for (const record of parsed.records) check(record.location);
  for (const problem of parsed.problems) check(problem.location);
}

const PATHS: Readonly<Record<string, string>> = {
  bind: 'contoso.com.zone',
  octodns: 'contoso.com.yaml',
  dnscontrol: 'dnsconfig.js',
  'dns-csv': 'contoso.csv',
  'dns-yaml': 'contoso.yaml',
};

describe('dns fuzz', () => {
  const texts = samples();

  it.each(FORMATS.map((f) => [f.id, f] as const))(
    '%s never throws, keeps locations inside the text and renders what it reads',
    (id, format) => {
      const file = PATHS[id]!;
      fc.assert(
        fc.property(
          fc.constantFrom(...texts.keys()),
          fc.array(mutation, { minLength: 1, maxLength: 6 }),
          (index, mutations) => {
            const text = mutations.reduce((t, m) => m(t), texts[index]!);
            const parsed = format.parse({ path: file, text }, { readFile: () => undefined });
            expect(parsed.format).toBe(id);
            checkLocations(file, text, parsed);
            for (const record of parsed.records.slice(0, 20)) {
              expect(typeof format.render(record, record.zone)).toBe('string');
            }
          },
        ),
        { numRuns: 120 },
      );
    },
  );
});
