import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
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
        if (ch.path.endsWith('.json')) expect(() => JSON.parse(ch.after) as unknown).not.toThrow();
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

/** Round trips through each format's own tool, where it is installed here. */
const TOOLS: readonly {
  readonly ext: string;
  readonly tool: string;
  readonly args: (file: string) => string[];
}[] = [
  { ext: '.zone', tool: 'named-checkzone', args: (f) => ['contoso.com', f] },
  { ext: '.nft', tool: 'nft', args: (f) => ['-c', '-f', f] },
  { ext: '.tf', tool: 'terraform', args: (f) => ['fmt', '-check', f] },
];

describe('what fix writes, its format’s own tool accepts', () => {
  for (const { ext, tool, args } of TOOLS) {
    const installed = spawnSync(tool, ['--version']).error === undefined;
    const cases = WRITER_CASES.filter((c) => Object.keys(c.after).some((f) => f.endsWith(ext)));
    it.skipIf(!installed).each(cases)(`${tool}: $name`, (c) => {
      const dir = repository({});
      try {
        for (const [name, text] of Object.entries(c.after)) {
          if (!name.endsWith(ext)) continue;
          const file = path.join(dir, path.basename(name));
          writeFileSync(file, text);
          const r = spawnSync(tool, args(file), {
            encoding: 'utf8',
            env: { ...process.env, TF_CLI_CONFIG_FILE: file },
          });
          expect(r.stderr).toBe('');
          expect(r.status).toBe(0);
        }
      } finally {
        remove(dir);
      }
    });
  }
});
