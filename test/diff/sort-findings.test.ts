// A long list of findings is placed by file and line first; the order is the one a stable sort
// with the comparator gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findingOrder, sortFindings } from '../../src/diff/engine.js';
import type { Finding, RuleId, Severity } from '../../src/model/finding.js';

const finding = fc
  .record({
    file: fc.constantFrom('a.txt', 'b.txt', 'B.txt', 'dir/a.txt'),
    line: fc.integer({ min: 0, max: 400 }),
    column: fc.integer({ min: 1, max: 3 }),
    ruleId: fc.constantFrom<RuleId>('redundant-entry', 'extraneous-entry', 'missing-endpoint'),
    severity: fc.constantFrom<Severity>('error', 'warning', 'notice'),
    message: fc.constantFrom('x', 'y', 'z'),
    id: fc.nat(),
  })
  .map((r): Finding => ({
    ruleId: r.ruleId,
    severity: r.severity,
    message: r.message,
    location: { file: r.file, line: r.line, column: r.column },
    entry: String(r.id),
  }));

describe('sortFindings', () => {
  it('orders a long list as a stable sort with findingOrder does', () => {
    fc.assert(
      fc.property(fc.array(finding, { minLength: 1024, maxLength: 3000 }), (list) => {
        const expected = [...list].sort(findingOrder);
        const copy = [...list];
        const sorted = sortFindings(copy);
        expect(sorted).toBe(copy);
        expect(sorted.map((f) => f.entry)).toEqual(expected.map((f) => f.entry));
      }),
      { numRuns: 30 },
    );
  });

  it('orders findings whose lines lie far apart', () => {
    const list = Array.from({ length: 2000 }, (_, i): Finding => ({
      ruleId: 'redundant-entry',
      severity: 'notice',
      message: 'm',
      location: { file: 'a.txt', line: ((i * 7919) % 2000) * 100_000, column: 1 },
      entry: String(i),
    }));
    const expected = [...list].sort(findingOrder).map((f) => f.entry);
    expect(sortFindings(list).map((f) => f.entry)).toEqual(expected);
  });
});
