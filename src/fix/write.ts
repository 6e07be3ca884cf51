import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import path from 'node:path';
import type { FileChange } from './plan.js';

/** The file-system calls writing needs; tests pass one that fails on purpose. */
export interface WriteFs {
  readFile(file: string): Promise<Buffer>;
  stat(file: string): Promise<{ mode: number; isFile(): boolean }>;
  access(file: string, mode: number): Promise<void>;
  open(file: string, flags: string, mode: number): Promise<WriteHandle>;
  rename(from: string, to: string): Promise<void>;
  unlink(file: string): Promise<void>;
  chmod(file: string, mode: number): Promise<void>;
}

export interface WriteHandle {
  writeFile(data: string): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

export const NODE_FS: WriteFs = {
  readFile: (f) => nodeFs.readFile(f),
  stat: (f) => nodeFs.stat(f),
  access: (f, m) => nodeFs.access(f, m),
  open: (f, flags, mode) => nodeFs.open(f, flags, mode),
  rename: (a, b) => nodeFs.rename(a, b),
  unlink: (f) => nodeFs.unlink(f),
  chmod: (f, m) => nodeFs.chmod(f, m),
};

export type WriteFailure = 'read-only' | 'changed' | 'write-error';

export interface WriteOutcome {
  readonly written: readonly string[];
  readonly failed: readonly {
    readonly path: string;
    readonly kind: WriteFailure;
    readonly message: string;
  }[];
}

const W_OK = 2;

/**
 * Writes each change atomically: the new text goes to a temporary file beside the old one, is
 * flushed, gets the old file's mode, and replaces it by a rename. A file that is read-only, or
 * that changed since it was read, is left alone; on any error the temporary file is removed, so
 * no file is ever half-written. Line endings are the writers' business: they keep the file's own.
 */
export async function writeChanges(
  root: string,
  changes: readonly FileChange[],
  fs: WriteFs = NODE_FS,
): Promise<WriteOutcome> {
  const written: string[] = [];
  const failed: { path: string; kind: WriteFailure; message: string }[] = [];
  for (const change of changes) {
    const target = path.join(root, ...change.path.split('/'));
    let mode: number;
    try {
      const st = await fs.stat(target);
      mode = st.mode & 0o7777;
      try {
        await fs.access(target, W_OK);
      } catch {
        failed.push({
          path: change.path,
          kind: 'read-only',
          message: `${change.path} is read-only; not changed`,
        });
        continue;
      }
      if ((mode & 0o222) === 0) {
        failed.push({
          path: change.path,
          kind: 'read-only',
          message: `${change.path} is read-only; not changed`,
        });
        continue;
      }
      if ((await fs.readFile(target)).toString('utf8') !== change.before) {
        failed.push({
          path: change.path,
          kind: 'changed',
          message: `${change.path} changed since it was read; not changed (run fix again)`,
        });
        continue;
      }
    } catch (e) {
      failed.push({
        path: change.path,
        kind: 'write-error',
        message: `${change.path}: ${reason(e)}; not changed`,
      });
      continue;
    }
    const temp = path.join(
      path.dirname(target),
      `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`,
    );
    let created = false;
    try {
      const handle = await fs.open(temp, 'wx', mode);
      created = true;
      try {
        await handle.writeFile(change.after);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.chmod(temp, mode);
      // The last look: a file changed while the new one was written is not overwritten.
      if ((await fs.readFile(target)).toString('utf8') !== change.before) {
        await fs.unlink(temp);
        created = false;
        failed.push({
          path: change.path,
          kind: 'changed',
          message: `${change.path} changed since it was read; not changed (run fix again)`,
        });
        continue;
      }
      await fs.rename(temp, target);
      created = false;
      written.push(change.path);
    } catch (e) {
      if (created) await fs.unlink(temp).catch(() => undefined);
      failed.push({
        path: change.path,
        kind: 'write-error',
        message: `${change.path}: ${reason(e)}; not changed`,
      });
    }
  }
  return { written, failed };
}

function reason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  const messages: Record<string, string> = {
    ENOSPC: 'no space left on the device',
    EDQUOT: 'disk quota exceeded',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EROFS: 'the file system is read-only',
    EIO: 'input/output error',
    ENOENT: 'the file no longer exists',
  };
  return (err.code && messages[err.code]) ?? (err.message || String(e)).split('\n')[0]!;
}
