// In the action, an internal error fails the step with one line: no stack trace becomes an
// annotation (annotations are public on a pull request); the stack goes to the debug log.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { workspace } from './helpers.js';

vi.mock('../../src/pipeline.js', async (original) => ({
  ...(await original<typeof import('../../src/pipeline.js')>()),
  runCheck: () => {
    throw new RangeError('Invalid string length');
  },
}));

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  process.exitCode = undefined;
  vi.restoreAllMocks();
});

describe('the action on an internal error', () => {
  it('fails with one line, and the stack only in the debug log', async () => {
    const { ws } = workspace({ 'a.txt': 'outlook.office365.com\n' });
    process.env.GITHUB_WORKSPACE = ws;
    process.env.INPUT_ALLOWLIST = 'a.txt';
    delete process.env.GITHUB_STEP_SUMMARY;
    delete process.env.GITHUB_OUTPUT;
    const lines: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      return true;
    });
    const { run } = await import('../../src/main.js');
    await run();
    // The catalogue's age is a remark of its own, not a finding.
    const annotations = lines.filter(
      (l) => /^::(error|warning|notice)/.test(l) && !l.includes('title=endpoint-drift catalogue::'),
    );
    expect(annotations).toEqual(['::error::internal error: RangeError: Invalid string length']);
    expect(lines.filter((l) => l.startsWith('::debug::'))).toEqual([
      expect.stringMatching(/^::debug::RangeError: Invalid string length%0A\s+at /),
    ]);
    expect(process.exitCode).toBe(1);
  });
});
