// Plain lists keep their plain address and name lines in columns, and the check reads them from
// there (making entries only where needed). The same files read as whole entries must give the
// same result: every finding, its place and its words, and the per-file counts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMBEDDED_CATALOGUE } from '../../src/catalogue/embedded.js';
import { selectRequirements } from '../../src/catalogue/select.js';
import type { Selection } from '../../src/catalogue/types.js';
import { check, type CheckedFile, type Scope } from '../../src/diff/engine.js';
import { getFormat } from '../../src/formats/allowlist/index.js';
import type { ParsedFile } from '../../src/model/entry.js';

const WORLDWIDE: Selection = {
  instance: 'worldwide',
  serviceAreas: ['Common', 'Exchange', 'SharePoint', 'Skype'],
  categories: ['Optimize', 'Allow', 'Default'],
  includeOptional: false,
  ipv6: true,
  scenarios: [],
};

const required = selectRequirements(EMBEDDED_CATALOGUE, WORLDWIDE).requirements;
const requiredHosts = required.filter((r) => r.kind === 'host').map((r) => r.text);
const requiredIps = required.filter((r) => r.kind === 'ip').map((r) => r.block.text);
/** Endpoints Microsoft removed, near and far from the current catalogue, for stale findings. */
const REMOVED = [
  'old.vendor-gone.net',
  '*.legacy-cdn.org',
  'retired.outlook.office365.com',
  '198.51.100.0/24',
];
const WITH_HISTORY = {
  ...EMBEDDED_CATALOGUE,
  clouds: {
    ...EMBEDDED_CATALOGUE.clouds,
    worldwide: {
      ...EMBEDDED_CATALOGUE.clouds.worldwide,
      history: {
        added: [],
        removed: REMOVED.map((value) => ({
          kind: value.includes('/') ? ('ip' as const) : ('url' as const),
          value,
          endpointSetId: 1,
          serviceArea: 'Exchange' as const,
          category: 'Optimize' as const,
          required: true,
          version: '2025010100',
        })),
      },
    },
  },
};

const label = fc.stringMatching(/^[a-z][a-z0-9-]{0,6}[a-z0-9]$/);
const farName = fc
  .tuple(label, label, fc.constantFrom('com', 'net', 'org', 'co.uk', 'io'))
  .map(([a, b, tld]) => `${a}.${b}.${tld}`);
const nearName = fc
  .tuple(label, fc.constantFrom(...requiredHosts))
  .map(([a, h]) => (h.startsWith('*.') ? `${a}.${h.slice(2)}` : `${a}.${h}`));
const v4 = fc
  .tuple(fc.nat(), fc.integer({ min: 8, max: 32 }))
  .map(([a, len]) => `${a >>> 24}.${(a >>> 16) & 255}.${(a >>> 8) & 255}.${a & 255}/${len}`);
const insideV4 = fc
  .tuple(fc.constantFrom(...requiredIps.filter((t) => !t.includes(':'))), fc.nat(8))
  .map(([p, extra]) => {
    const [addr, len] = p.split('/');
    return `${addr}/${Math.min(32, Number(len) + extra)}`;
  });
const v6 = fc
  .tuple(fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 32, max: 128 }))
  .map(([a, len]) => `2603:${a.toString(16)}::/${len}`);

/** A line of a list: mostly plain values (kept in columns), some with comments or broken. */
const value = fc.oneof(
  { weight: 4, arbitrary: farName },
  { weight: 2, arbitrary: farName.map((n) => `*.${n}`) },
  { weight: 3, arbitrary: nearName },
  { weight: 2, arbitrary: fc.constantFrom(...requiredHosts) },
  { weight: 1, arbitrary: fc.constantFrom('*.com', '*.co.uk', '*.net', '*', 'localhost') },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      ...REMOVED,
      'a.old.vendor-gone.net',
      'x.legacy-cdn.org',
      '*.vendor-gone.net',
      '198.51.100.7',
    ),
  },
  { weight: 4, arbitrary: v4 },
  { weight: 3, arbitrary: insideV4 },
  { weight: 2, arbitrary: fc.constantFrom(...requiredIps) },
  { weight: 1, arbitrary: v6 },
  {
    weight: 1,
    arbitrary: fc.constantFrom('999.1.1.1', 'a..b', 'xn--80ak6aa92e.com', 'UPPER.Example.COM'),
  },
);
const line = fc.oneof(
  { weight: 8, arbitrary: value },
  { weight: 1, arbitrary: value.map((v) => `${v} # note`) },
  { weight: 1, arbitrary: fc.constantFrom('', '# a comment', '  ') },
);

const fileSpec = fc.record({
  lines: fc.array(line, { maxLength: 60 }),
  scope: fc.constantFrom<Scope>('mixed', 'dedicated'),
  format: fc.constantFrom('plain', 'pan-edl', 'fortigate', 'pfblockerng'),
  group: fc.constantFrom('default', 'other'),
});

/** The same file with every entry made whole, as a reader without columns gives it. */
function whole(p: ParsedFile): ParsedFile {
  return { path: p.path, format: p.format, entries: [...p.entries], problems: p.problems };
}

function run(
  specs: readonly (typeof fileSpec extends fc.Arbitrary<infer T> ? T : never)[],
  catalogue = EMBEDDED_CATALOGUE,
) {
  const files: CheckedFile[] = specs.map((s, i) => {
    const format = getFormat(s.format)!;
    return {
      parsed: format.parse({ path: `list${i}.txt`, text: s.lines.join('\n') }),
      capabilities: format.capabilities,
      scope: s.scope,
      group: s.group,
    };
  });
  const a = check({ catalogue, selection: WORLDWIDE, files });
  const b = check({
    catalogue,
    selection: WORLDWIDE,
    files: files.map((f) => ({ ...f, parsed: whole(f.parsed) })),
  });
  return { a, b, files };
}

describe('columns of plain lists', () => {
  it('give the same result as whole entries', () => {
    fc.assert(
      fc.property(fc.array(fileSpec, { minLength: 1, maxLength: 3 }), (specs) => {
        const { a, b } = run(specs);
        expect(a.findings).toEqual(b.findings);
        expect(a.files).toEqual(b.files);
        expect(a.notes).toEqual(b.notes);
        expect(a.checkedKinds).toEqual(b.checkedKinds);
      }),
      { numRuns: 100 },
    );
  }, 120_000);

  it('give the same result as whole entries against a catalogue with removed endpoints', () => {
    fc.assert(
      fc.property(fc.array(fileSpec, { minLength: 1, maxLength: 3 }), (specs) => {
        const { a, b } = run(specs, WITH_HISTORY);
        expect(a.findings).toEqual(b.findings);
        expect(a.files).toEqual(b.files);
      }),
      { numRuns: 100 },
    );
  }, 120_000);

  it('are used: plain lines land in columns, the rest stay entries', () => {
    const text = [
      '10.0.0.0/8',
      'outlook.office365.com',
      '*.example.org',
      '1.2.3.4 # kept as an entry',
      '2603:1000::/40',
    ].join('\n');
    const parsed = getFormat('plain')!.parse({ path: 'a.txt', text });
    expect(parsed.split?.ipv4.size).toBe(1);
    expect(parsed.split?.names.size).toBe(2);
    expect(parsed.split?.others.map((e) => e.text)).toEqual(['1.2.3.4', '2603:1000::/40']);
    expect(parsed.entries.map((e) => [e.text, e.location.line, e.location.column])).toEqual([
      ['10.0.0.0/8', 1, 1],
      ['outlook.office365.com', 2, 1],
      ['*.example.org', 3, 1],
      ['1.2.3.4', 4, 1],
      ['2603:1000::/40', 5, 1],
    ]);
  });
});
