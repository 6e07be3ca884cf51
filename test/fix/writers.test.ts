import { describe, expect, it } from 'vitest';
import { WRITER_CASES } from './cases.js';
import { plan, repository, remove } from './harness.js';

describe('fix writes each format in its own syntax', () => {
  it.each(WRITER_CASES)('$name', async (c) => {
    const dir = repository({ ...c.files, '.github/endpoint-drift.yml': c.config });
    try {
      const result = await plan(dir, c.config, c.rules);
      expect(result.inputErrors).toEqual([]);
      expect(Object.fromEntries(result.changes.map((ch) => [ch.path, ch.after]))).toEqual(c.after);
      for (const ch of result.changes) {
        expect(ch.before).toBe(c.files[ch.path]);
        expect(ch.fixes.length).toBeGreaterThan(0);
        expect(ch.fixes.every((f) => f.location.file.replace(/^\//, '') === ch.path)).toBe(true);
      }
      expect(
        result.notFixed.map(
          (n) =>
            `${n.finding.location.file}:${n.finding.location.line}:${n.finding.location.column} ${n.finding.ruleId}`,
        ),
      ).toEqual(c.notFixed ?? []);
      // Idempotent: once written, a second plan has nothing to change.
      const again = repository({ ...c.files, ...c.after, '.github/endpoint-drift.yml': c.config });
      try {
        expect((await plan(again, c.config, c.rules)).changes).toEqual([]);
      } finally {
        remove(again);
      }
    } finally {
      remove(dir);
    }
  });
});
