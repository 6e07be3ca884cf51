import { existsSync, readFileSync, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import type { AllowlistSpec, ConfigFile } from '../config/options.js';
import type { SourceLocation } from '../model/location.js';
import { ConfigError, describeOrigin } from '../config/options.js';

export const DEFAULT_CONFIG = '.github/endpoint-drift.yml';

/**
 * The configuration file: `given` (relative to `base`) or, when none is given, the default under
 * `root` if it exists. Errors name the file.
 */
export async function readConfigFile(
  root: string,
  given: string | undefined,
  base: string = root,
): Promise<ConfigFile | undefined> {
  const file = given ? path.resolve(base, given) : path.join(root, DEFAULT_CONFIG);
  if (!given && !existsSync(file)) return undefined;
  const shown = path.relative(base, file) || file;
  const read = await readText(file, shown);
  if ('error' in read) throw new ConfigError([`${read.error} (the configuration file)`]);
  return { path: shown, text: read.text };
}

/** Larger files are refused: no allowlist is this big, and reading one would exhaust memory. */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

export interface LoadedFile<S = AllowlistSpec> {
  readonly spec: S;
  /** Path relative to the root, with forward slashes (as annotations want it). */
  readonly path: string;
  readonly text: string;
}

export interface LoadResult<S = AllowlistSpec> {
  readonly files: LoadedFile<S>[];
  /** One-line errors naming the file (or the config line that named a glob). */
  readonly errors: string[];
}

/** Expands each spec's path or glob under `root` and reads the files; never throws for user errors. */
export async function loadFiles<
  S extends { path: string; group?: string; origin?: SourceLocation },
>(root: string, specs: readonly S[], flag = '--allowlist'): Promise<LoadResult<S>> {
  const files: LoadedFile<S>[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  for (const spec of specs) {
    const paths = await expand(root, spec.path);
    if (paths.length === 0) {
      errors.push(`${describeOrigin(spec, flag)}: "${spec.path}" matches no file`);
      continue;
    }
    for (const rel of paths) {
      const key = `${spec.group ?? ''}\u0000${rel}`;
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
  limit: number = MAX_FILE_BYTES,
): Promise<{ text: string } | { error: string }> {
  let size: number;
  try {
    const s = await stat(absolute);
    if (s.isDirectory()) return { error: `${shown}: is a directory, not a file` };
    size = s.size;
  } catch (e) {
    return { error: `${shown}: cannot be read (${describeIoError(e)})` };
  }
  if (size > limit)
    return {
      error: `${shown}: is too large to check (${size} bytes; the limit is ${limit} bytes)`,
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

/**
 * Reads files that a parsed file names (includes, ACL files): relative to the naming file's
 * folder, or to the root when absolute-looking; never outside the root. Undefined when absent.
 */
export function referencedFileReader(
  root: string,
): (name: string, from: string) => string | undefined {
  const top = path.resolve(root);
  return (name, from) => {
    const target = path.resolve(
      top,
      name.startsWith('/') ? name.slice(1) : path.join(path.dirname(from), name),
    );
    if (target !== top && !target.startsWith(top + path.sep)) return undefined;
    try {
      if (!statSync(target).isFile() || statSync(target).size > MAX_FILE_BYTES) return undefined;
      const bytes = readFileSync(target);
      if (bytes.includes(0)) return undefined;
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return undefined;
    }
  };
}
