import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ParsedFile } from '../../../src/model/entry.js';
import type { SourceLocation } from '../../../src/model/location.js';
import { ALLOWLIST_FORMATS } from '../../../src/formats/allowlist/index.js';

const corpus = path.resolve(import.meta.dirname, '../../..', '../shared/corpus');

const BUILT_IN = [
  [
    '# Microsoft 365',
    'outlook.office365.com',
    '*.tenor.com  # For GIFs',
    '.office.com',
    '13.107.6.152/31',
    '10.0.0.1-10.0.0.9 ; range',
    '2603:1006::/40',
    '^.lync.com',
    'www.office.com/en-us/help',
    '1.2.3.4 test server',
    '',
  ].join('\r\n'),
  [
    'endpoint-drift: allowlist/v1',
    'entries:',
    '  # Exchange',
    '  - host: outlook.office365.com   # inline',
    '    tcp: [80, 443]',
    '    udp: "3478-3481"',
    '  - ip: 13.107.6.152/31',
    '  - host: "*.sharepoint.com"',
    '    comment: SharePoint',
  ].join('\n'),
  '{"endpoint-drift": "allowlist/v1", "entries": [{"host": "a.example.com", "tcp": [443]}, {"ip": "10.0.0.0/8"}]}',
];

function samples(): string[] {
  if (!existsSync(corpus)) return BUILT_IN;
  const files = ['edl', 'plaintext', 'pfblockerng'].flatMap((dir) =>
    readdirSync(path.join(corpus, dir)).map((name) =>
      readFileSync(path.join(corpus, dir, name), 'utf8'),
    ),
  );
  return [...BUILT_IN, ...files];
}

/** Characters that mean something to one of the formats, plus a few that mean trouble. */
const SPECIAL = [
  ...'\n\r\t #;/*^:.-_[]{}",\'!@?=&+0123456789abcfx',
  '\0',
  '\uFEFF',
  '\uFFFD',
  '\u00A0',
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
function checkLocations(text: string, parsed: ParsedFile): void {
  const lines = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split('\n');
  const check = (loc: SourceLocation) => {
    expect(loc.line).toBeGreaterThanOrEqual(0);
    expect(loc.column).toBeGreaterThanOrEqual(1);
    if (loc.line > 0) {
      expect(loc.line).toBeLessThanOrEqual(lines.length);
      expect(loc.column).toBeLessThanOrEqual(lines[loc.line - 1]!.length + 1);
    }
  };
  for (const entry of parsed.entries) check(entry.location);
  for (const problem of parsed.problems) check(problem.location);
}

describe('fuzz', () => {
  const texts = samples();

  it.each(ALLOWLIST_FORMATS.map((f) => [f.id, f] as const))(
    '%s never throws and keeps locations inside the text',
    (_id, format) => {
      fc.assert(
        fc.property(
          fc.constantFrom(...texts.keys()),
          fc.array(mutation, { minLength: 1, maxLength: 6 }),
          (index, mutations) => {
            const text = mutations.reduce((t, m) => m(t), texts[index]!);
            const parsed = format.parse({ path: 'fuzz.txt', text });
            expect(parsed.format).toBe(format.id);
            checkLocations(text, parsed);
          },
        ),
        { numRuns: 250 },
      );
    },
  );
});
