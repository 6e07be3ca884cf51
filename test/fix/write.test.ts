import { chmodSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as nodeFs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { FileChange } from '../../src/fix/plan.js';
import { NODE_FS, writeChanges, type WriteFs } from '../../src/fix/write.js';
import { repository, remove } from './harness.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach(remove));

function setup(files: Record<string, string>): string {
  const dir = repository(files);
  dirs.push(dir);
  return dir;
}

const change = (p: string, before: string, after: string): FileChange => ({
  path: p,
  before,
  after,
  fixes: [],
});

/** Nothing but the files themselves: no temporary file is ever left beside them. */
function listing(dir: string, sub = 'lists'): string[] {
  return readdirSync(path.join(dir, sub)).sort();
}

describe('writeChanges', () => {
  it('replaces the file by a rename, keeping its mode', async () => {
    const dir = setup({ 'lists/a.txt': 'a\n', 'lists/b.txt': 'b\r\n' });
    chmodSync(path.join(dir, 'lists/a.txt'), 0o640);
    const outcome = await writeChanges(dir, [
      change('lists/a.txt', 'a\n', 'a\nc\n'),
      change('lists/b.txt', 'b\r\n', 'b\r\nd\r\n'),
    ]);
    expect(outcome).toEqual({ written: ['lists/a.txt', 'lists/b.txt'], failed: [] });
    expect(readFileSync(path.join(dir, 'lists/a.txt'), 'utf8')).toBe('a\nc\n');
    expect(readFileSync(path.join(dir, 'lists/b.txt'), 'utf8')).toBe('b\r\nd\r\n');
    expect(statSync(path.join(dir, 'lists/a.txt')).mode & 0o777).toBe(0o640);
    expect(listing(dir)).toEqual(['a.txt', 'b.txt']);
  });

  it('leaves a read-only file alone and goes on with the others', async () => {
    const dir = setup({ 'lists/ro.txt': 'a\n', 'lists/rw.txt': 'b\n' });
    chmodSync(path.join(dir, 'lists/ro.txt'), 0o444);
    const outcome = await writeChanges(dir, [
      change('lists/ro.txt', 'a\n', 'x\n'),
      change('lists/rw.txt', 'b\n', 'y\n'),
    ]);
    expect(outcome).toEqual({
      written: ['lists/rw.txt'],
      failed: [
        {
          path: 'lists/ro.txt',
          kind: 'read-only',
          message: 'lists/ro.txt is read-only; not changed',
        },
      ],
    });
    expect(readFileSync(path.join(dir, 'lists/ro.txt'), 'utf8')).toBe('a\n');
    expect(listing(dir)).toEqual(['ro.txt', 'rw.txt']);
  });

  it('does not overwrite a file changed since it was read', async () => {
    const dir = setup({ 'lists/a.txt': 'edited by someone\n' });
    const outcome = await writeChanges(dir, [change('lists/a.txt', 'a\n', 'x\n')]);
    expect(outcome.failed).toEqual([
      {
        path: 'lists/a.txt',
        kind: 'changed',
        message: 'lists/a.txt changed since it was read; not changed (run fix again)',
      },
    ]);
    expect(readFileSync(path.join(dir, 'lists/a.txt'), 'utf8')).toBe('edited by someone\n');
  });

  it('does not overwrite a file changed while the new text was being written', async () => {
    const dir = setup({ 'lists/a.txt': 'a\n' });
    const target = path.join(dir, 'lists/a.txt');
    const racing: WriteFs = {
      ...NODE_FS,
      open: async (f, flags, mode) => {
        const handle = await nodeFs.open(f, flags, mode);
        return {
          writeFile: (d) => handle.writeFile(d),
          sync: async () => {
            await handle.sync();
            writeFileSync(target, 'someone else\n');
          },
          close: () => handle.close(),
        };
      },
    };
    const outcome = await writeChanges(dir, [change('lists/a.txt', 'a\n', 'x\n')], racing);
    expect(outcome.failed.map((f) => f.kind)).toEqual(['changed']);
    expect(readFileSync(target, 'utf8')).toBe('someone else\n');
    expect(listing(dir)).toEqual(['a.txt']);
  });

  it('on a disk error leaves the old file whole and no temporary file behind', async () => {
    const dir = setup({ 'lists/a.txt': 'old text\n' });
    const full: WriteFs = {
      ...NODE_FS,
      open: async (f, flags, mode) => {
        const handle = await nodeFs.open(f, flags, mode);
        return {
          writeFile: async (d) => {
            await handle.writeFile(d.slice(0, d.length >> 1));
            throw Object.assign(new Error('ENOSPC: no space left on device, write'), {
              code: 'ENOSPC',
            });
          },
          sync: () => handle.sync(),
          close: () => handle.close(),
        };
      },
    };
    const outcome = await writeChanges(
      dir,
      [change('lists/a.txt', 'old text\n', 'a much longer new text\n')],
      full,
    );
    expect(outcome).toEqual({
      written: [],
      failed: [
        {
          path: 'lists/a.txt',
          kind: 'write-error',
          message: 'lists/a.txt: no space left on the device; not changed',
        },
      ],
    });
    expect(readFileSync(path.join(dir, 'lists/a.txt'), 'utf8')).toBe('old text\n');
    expect(listing(dir)).toEqual(['a.txt']);
  });

  it('reports a rename that fails and removes the temporary file', async () => {
    const dir = setup({ 'lists/a.txt': 'a\n' });
    const failing: WriteFs = {
      ...NODE_FS,
      rename: async () => {
        throw Object.assign(new Error('EIO: i/o error, rename'), { code: 'EIO' });
      },
    };
    const outcome = await writeChanges(dir, [change('lists/a.txt', 'a\n', 'b\n')], failing);
    expect(outcome.failed).toEqual([
      {
        path: 'lists/a.txt',
        kind: 'write-error',
        message: 'lists/a.txt: input/output error; not changed',
      },
    ]);
    expect(readFileSync(path.join(dir, 'lists/a.txt'), 'utf8')).toBe('a\n');
    expect(listing(dir)).toEqual(['a.txt']);
  });
});
