// The one-pass readers of the commonest list lines (a plain IPv4 address or prefix, a plain host
// name) must take exactly the lines the general reader reads the same way, and read them alike.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineScanner } from '../../../src/formats/syntax/source.js';
import { getFormat } from '../../../src/formats/allowlist/index.js';
import { HostPattern } from '../../../src/model/host.js';
import { classifyValue } from '../../../src/formats/syntax/source.js';
import { parsePlainV4 } from '../../../src/model/ip.js';
import { isPlainName } from '../../../src/model/name-column.js';

/** Characters that make and break addresses and names, and the whitespace around them. */
const char = fc.constantFrom(
  ...'0123456789'.split(''),
  '0',
  '1',
  '2',
  '5',
  '.',
  '.',
  '/',
  '3',
  'a',
  'x',
  'n',
  '-',
  '-',
  '_',
  'Z',
  '*',
  ' ',
  '\t',
  '\r',
  '#',
  ';',
  ':',
  '\u00a0',
  '\u200b',
  '\ufeff',
  'é',
);
const junk = fc.array(char, { maxLength: 3 }).map((cs) => cs.join(''));
const address = fc
  .tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(40))
  .map(([a, b, c, d, len]) => `${a}.${b}.${c}.${d}${len <= 33 ? `/${len}` : ''}`);
const name = fc
  .tuple(
    fc.constantFrom('', '*.', '.'),
    fc.stringMatching(/^[a-z0-9_-]{1,8}(\.[a-z0-9_-]{1,8}){0,3}$/),
  )
  .map(([lead, n]) => `${lead}${n}`);
const line = fc.oneof(
  fc.tuple(junk, fc.oneof(address, name), junk).map(([a, v, b]) => `${a}${v}${b}`),
  fc.array(char, { maxLength: 24 }).map((cs) => cs.join('')),
  fc
    .tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(40))
    .map(([a, b, c, d, len]) => `${a}.${b}.${c}.${d}${len <= 33 ? `/${len}` : ''}`),
  fc
    .tuple(
      fc.constantFrom('', '*.', ' ', '\t'),
      fc.stringMatching(/^[a-z0-9_-]{1,8}(\.[a-z0-9_-]{1,8}){0,3}$/),
    )
    .map(([lead, name]) => `${lead}${name}`),
);

/** What the general reader makes of the next line, and where the scanner stands after it. */
function general(text: string, skip: number) {
  const scan = new LineScanner(text, 'marker');
  for (let i = 0; i < skip; i++) scan.next();
  if (!scan.next()) return undefined;
  return {
    kind: scan.kind,
    value: scan.value,
    line: scan.line,
    column: scan.column,
    comment: scan.comment,
    extra: scan.extra,
  };
}

describe('one-pass line readers', () => {
  it('nextPlainV4 takes only lines the general reader reads as that plain IPv4 value', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 4 }), (lines) => {
        const text = lines.join('\n');
        const fast = new LineScanner(text, 'marker');
        for (let k = 0; k < lines.length; k++) {
          const packed = fast.nextPlainV4();
          const want = general(text, k);
          const plain =
            want?.kind === 'value' && want.extra === undefined && want.comment === undefined
              ? parsePlainV4(want.value)
              : undefined;
          // Declining is always safe (the general reader takes the line); most plain lines are taken.
          if (packed < 0) {
            if (!fast.next()) break;
            continue;
          }
          expect(plain).toBeDefined();
          expect([fast.line, fast.column, text.substr(fast.offset, fast.valueLength)]).toEqual([
            want!.line,
            want!.column,
            want!.value,
          ]);
          const len = (packed >>> 1) & 63;
          expect(len).toBe(plain!.prefixLength);
          expect(packed & 1).toBe(want!.value.includes('/') ? 0 : 1);
          const mask = len === 0 ? 0 : (0xffff_ffff << (32 - len)) >>> 0;
          expect((Math.floor(packed / 128) & mask) >>> 0).toBe(plain!.firstV4);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('a plain name is read by the general reader as that very name', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 4 }), (lines) => {
        const text = lines.join('\n');
        const fast = new LineScanner(text, 'marker');
        for (let k = 0; k < lines.length; k++) {
          const want = general(text, k);
          if (!fast.nextPlainValue(isPlainName)) {
            if (!fast.next()) break;
            continue;
          }
          expect(want).toMatchObject({ kind: 'value', comment: undefined, extra: undefined });
          expect([fast.line, fast.column, text.substr(fast.offset, fast.valueLength)]).toEqual([
            want!.line,
            want!.column,
            want!.value,
          ]);
          expect(classifyValue(want!.value)).toBe('host');
          const pattern = HostPattern.parse(want!.value);
          expect(pattern.ok && pattern.value.text).toBe(want!.value);
          expect(pattern.ok && pattern.value.text.includes('xn--')).toBe(false);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('a list reads the same entries, problems and places whatever the line order', () => {
    // The columns and the other entries are merged back in line order for every other reader.
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 12 }),
        fc.constantFrom('plain', 'pan-edl', 'fortigate', 'pfblockerng'),
        (lines, id) => {
          const format = getFormat(id)!;
          const all = format.parse({ path: 'a.txt', text: lines.join('\n') });
          // Each line on its own, at its own line number (blank lines above it).
          const alone = lines.flatMap((l, i) => {
            const one = format.parse({ path: 'a.txt', text: `${'\n'.repeat(i)}${l}` });
            return one.entries.map((e) => [e.kind, e.text, e.location.line, e.location.column]);
          });
          expect(
            all.entries.map((e) => [e.kind, e.text, e.location.line, e.location.column]),
          ).toEqual(alone);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
