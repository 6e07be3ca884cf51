import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import type { AllowlistSpec } from '../config/options.js';
import { describeOrigin } from '../config/options.js';

/** Larger files are refused: no allowlist is this big, and reading one would exhaust memory. */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

export interface LoadedFile {
  readonly spec: AllowlistSpec;
  /** Path relative to the root, with forward slashes (as annotations want it). */
  readonly path: string;
  readonly text: string;
}

export interface LoadResult {
  readonly files: LoadedFile[];
  /** One-line errors naming the file (or the config line that named a glob). */
  readonly errors: string[];
}

/** Expands each spec's path or glob under `root` and reads the files; never throws for user errors. */
export async function loadAllowlistFiles(
  root: string,
  specs: readonly AllowlistSpec[],
): Promise<LoadResult> {
  const files: LoadedFile[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  for (const spec of specs) {
    const paths = await expand(root, spec.path);
    if (paths.length === 0) {
      errors.push(`${describeOrigin(spec)}: "${spec.path}" matches no file`);
      continue;
    }
    for (const rel of paths) {
      const key = `${spec.group}\u0000${rel}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const read = await readText(path.join(root, rel), rel);
      if ('error' in read) errors.push(read.error);
      else files.push({ spec, path: rel, text: read.text });
    }
  }
  return { files, errors };
}

async function expand(root: string, pattern: string): Promise<string[]> {
  const normalised = pattern.replace(/\\/g, '/').replace(/^\.\//, '');
  if (!isDynamicPattern(normalised)) {
    try {
      const s = await stat(path.join(root, normalised));
      return s.isFile() || s.isDirectory() ? [normalised] : [];
    } catch {
      return [];
    }
  }
  const found = await glob(normalised, {
    cwd: root,
    onlyFiles: true,
    dot: true,
    expandDirectories: false,
  });
  return found.sort();
}

/** Reads a file as UTF-8 text, refusing directories, oversized, binary and non-UTF-8 files. */
export async function readText(
  absolute: string,
  shown: string,
): Promise<{ text: string } | { error: string }> {
  let size: number;
  try {
    const s = await stat(absolute);
    if (s.isDirectory()) return { error: `${shown}: is a directory, not a file` };
    size = s.size;
  } catch (e) {
    return { error: `${shown}: cannot be read (${describeIoError(e)})` };
  }
  if (size > MAX_FILE_BYTES)
    return {
      error: `${shown}: is too large to check (${size} bytes; the limit is ${MAX_FILE_BYTES} bytes)`,
    };
  let bytes: Buffer;
  try {
    bytes = await readFile(absolute);
  } catch (e) {
    return { error: `${shown}: cannot be read (${describeIoError(e)})` };
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) return { error: `${shown}: is not a text file (NUL byte at offset ${nul})` };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { error: `${shown}: is not valid UTF-8 text` };
  }
}

function describeIoError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return code ?? String(e);
}
