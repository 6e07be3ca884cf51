import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function repo(config: string, proxy: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'endpoint-drift-cli-waivers-'));
  dirs.push(dir);
  mkdirSync(path.join(dir, '.github'));
  writeFileSync(path.join(dir, '.github/endpoint-drift.yml'), config);
  writeFileSync(path.join(dir, 'proxy.txt'), proxy);
  return dir;
}

async function cli(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const status = await run(args, {
    cwd,
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
  });
  return { status, stdout, stderr };
}

const CONFIG = `service-areas: [Exchange]
categories: [Optimize]
fail-on: warning
allowlists:
  - path: proxy.txt
    format: plain
ignore:
  - rule: missing-endpoint
    reason: the Optimize set goes direct, not through the proxy
`;

describe('endpoint-drift check with waivers and --sarif-file', () => {
  it('waived findings do not fail the check; SARIF lists them as suppressed', async () => {
    const dir = repo(CONFIG, '# endpoint-drift: ignore extraneous-entry -- lab\nlab.example.com\n');
    const r = await cli(['check', '--sarif-file', 'out.sarif'], dir);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const sarif = JSON.parse(readFileSync(path.join(dir, 'out.sarif'), 'utf8'));
    const results = sarif.runs[0].results as {
      ruleId: string;
      suppressions?: { kind: string; justification: string }[];
    }[];
    expect(results.length).toBeGreaterThan(1);
    expect(results.every((x) => x.suppressions?.length === 1)).toBe(true);
    expect(results.find((x) => x.ruleId === 'extraneous-entry')!.suppressions).toEqual([
      { kind: 'inSource', status: 'accepted', justification: 'lab' },
    ]);
  });

  it('an unwaived finding still fails it', async () => {
    const dir = repo(CONFIG, 'lab.example.com\n');
    const r = await cli(['check'], dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('lab.example.com');
  });
});
