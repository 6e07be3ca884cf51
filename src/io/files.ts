import fs, {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readSync,
  realpathSync,
  statSync,
} from 'node:fs';
import type { Dirent, Stats } from 'node:fs';
import path from 'node:path';
import { glob, isDynamicPattern, type FileSystemAdapter } from 'tinyglobby';
import type { AllowlistSpec, ConfigFile } from '../config/options.js';
import type { SourceLocation } from '../model/location.js';
import type { NamedAt, Refused } from '../formats/format.js';
import { ConfigError, describeOrigin } from '../config/options.js';

export const DEFAULT_CONFIG = '.github/endpoint-drift.yml';

/** Larger files are refused: no allowlist is this big, and reading one would exhaust memory. */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

/**
 * The folder every read stays in: the repository checkout. `real` is its real path, the one
 * every file's real path is compared with, so that no symbolic link leads a read outside it.
 */
export interface Workspace {
  readonly root: string;
  readonly real: string;
}

/** The workspace at `root`; a ConfigError when it is not a readable folder. */
export function workspaceAt(root: string): Workspace {
  const resolved = path.resolve(root);
  let real: string;
  try {
    real = realpathSync(resolved);
  } catch (e) {
    throw new ConfigError([`${root}: the workspace cannot be read (${describeIoError(e)})`]);
  }
  return { root: resolved, real };
}

/** True when the real path `real` is the workspace or under it. */
function within(ws: Workspace, real: string): boolean {
  return (
    real === ws.real || real.startsWith(ws.real.endsWith(path.sep) ? ws.real : ws.real + path.sep)
  );
}

type Confined = { readonly real: string } | { readonly error: string };

/**
 * The real path of `absolute` when it is inside the workspace; otherwise why not, in words that
 * never name where a link leads (the runner's file system is nobody's business).
 */
function confine(ws: Workspace, absolute: string): Confined {
  const lexical = path.resolve(absolute);
  if (!within({ root: ws.root, real: ws.root }, lexical) && !within(ws, lexical))
    return { error: 'is outside the workspace; only files in the repository are read' };
  let real: string;
  try {
    real = realpathSync(lexical);
  } catch (e) {
    return { error: `cannot be read (${describeIoError(e)})` };
  }
  if (!within(ws, real))
    return {
      error:
        'leads outside the workspace through a symbolic link; only files in the repository are read',
    };
  return { real };
}

/**
 * The configuration file: `given` (relative to `base`) or, when none is given, the default under
 * `root` if it exists. Errors name the file; a file outside the workspace is never read.
 */
export async function readConfigFile(
  root: string,
  given: string | undefined,
  base: string = root,
): Promise<ConfigFile | undefined> {
  const ws = workspaceAt(root);
  const file = given ? path.resolve(base, given) : path.join(ws.root, DEFAULT_CONFIG);
  if (!given && !exists(file)) return undefined;
  const shown = given ?? DEFAULT_CONFIG;
  const confined = confine(ws, file);
  if ('error' in confined)
    throw new ConfigError([
      confined.error.startsWith('cannot be read')
        ? `${shown}: ${confined.error} (the configuration file)`
        : `${shown}: the configuration file ${confined.error}`,
    ]);
  const read = readRegularFile(confined.real, shown);
  if ('error' in read) throw new ConfigError([`${read.error} (the configuration file)`]);
  return { path: path.relative(base, file) || file, text: read.text };
}

/** True when something (even a dangling link) is at `file`. */
function exists(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

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

/**
 * Expands each spec's path or glob under `root` and reads the files; never throws for user
 * errors. Nothing outside the workspace is read: not by `..`, an absolute path or a symbolic link.
 */
export async function loadFiles<
  S extends { path: string; group?: string; origin?: SourceLocation },
>(root: string, specs: readonly S[], flag = '--allowlist'): Promise<LoadResult<S>> {
  const ws = workspaceAt(root);
  const files: LoadedFile<S>[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  for (const spec of specs) {
    const where = describeOrigin(spec, flag);
    const pattern = relativePattern(ws, spec.path);
    if (pattern === undefined) {
      errors.push(
        `${where}: "${spec.path}" is outside the workspace; only files in the repository are read`,
      );
      continue;
    }
    const { paths, outside } = await expand(ws, pattern);
    for (const folder of outside)
      errors.push(
        `${where}: the folder "${folder}" (walked for "${spec.path}") leads outside the workspace through a symbolic link; only files in the repository are read`,
      );
    if (paths.length === 0) {
      if (outside.length === 0) errors.push(`${where}: "${spec.path}" matches no file`);
      continue;
    }
    const dynamic = isDynamicPattern(pattern);
    const confined = paths.map((rel) => ({ rel, at: confine(ws, path.join(ws.root, rel)) }));
    // A file reached by two paths (through a link) is read once, by its own path if it was found.
    const own = (c: (typeof confined)[number]) =>
      'real' in c.at && c.at.real === path.join(ws.real, c.rel) ? 0 : 1;
    confined.sort((a, b) => own(a) - own(b));
    const results: { rel: string; result: LoadedFile<S> | string }[] = [];
    for (const { rel, at } of confined) {
      if ('error' in at) {
        results.push({
          rel,
          result: dynamic
            ? `${where}: "${rel}" (matched by "${spec.path}") ${at.error}`
            : `${where}: "${spec.path}" ${at.error}`,
        });
        continue;
      }
      const key = `${spec.group ?? ''}\u0000${at.real}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const read = readRegularFile(at.real, rel);
      results.push({
        rel,
        result: 'error' in read ? read.error : { spec, path: rel, text: read.text },
      });
    }
    results.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
    for (const { result } of results) {
      if (typeof result === 'string') errors.push(result);
      else files.push(result);
    }
  }
  return { files, errors };
}

/**
 * The pattern relative to the workspace, with forward slashes; undefined when it reaches outside
 * (an absolute path elsewhere, or a `..` segment anywhere, braces included).
 */
function relativePattern(ws: Workspace, written: string): string | undefined {
  let p = written.replace(/\\/g, '/');
  if (/^[A-Za-z]:\//.test(p) || p.startsWith('/')) {
    const rootPrefix = ws.root.replace(/\\/g, '/').replace(/\/?$/, '/');
    if (!p.startsWith(rootPrefix)) return undefined;
    p = p.slice(rootPrefix.length);
  }
  if (p.split(/[/{},]/).some((segment) => segment === '..')) return undefined;
  p = p.replace(/^(?:\.\/)+/, '');
  return p === '' ? undefined : p;
}

/** What a glob found: the matched files, and the folders it would have walked outside. */
interface Expanded {
  readonly paths: string[];
  /** Folders (relative paths) that lead outside the workspace through a symbolic link. */
  readonly outside: string[];
}

async function expand(ws: Workspace, pattern: string): Promise<Expanded> {
  // A single path is passed on when anything is there (even a dangling link): reading it says
  // what is wrong with it.
  if (!isDynamicPattern(pattern))
    return { paths: exists(path.join(ws.root, pattern)) ? [pattern] : [], outside: [] };
  const outside = new Set<string>();
  const found = await glob(pattern, {
    cwd: ws.root,
    onlyFiles: true,
    dot: true,
    expandDirectories: false,
    fs: confinedCrawl(ws, (folder) => outside.add(folder)),
  });
  return { paths: found.sort(), outside: [...outside].sort() };
}

/**
 * The file system the glob crawler sees. A symbolic link to a folder is walked like a folder
 * when it stays in the workspace; one that leads outside is told to `outside` (when the glob
 * would walk it) and is empty. Each real folder is walked at most once through links, so a link
 * loop ends and a folder linked many times costs one walk; files reached by two paths are
 * dropped later, by real path.
 */
function confinedCrawl(
  ws: Workspace,
  outside: (folder: string) => void,
): Partial<FileSystemAdapter> {
  const walked = new Set<string>();
  const readdir = (
    dir: string,
    options: { withFileTypes: true },
    done: (e: NodeJS.ErrnoException | null, entries: Dirent[]) => void,
  ): void => {
    const logical = path.resolve(ws.root, dir);
    const rel = path.relative(ws.root, logical);
    let real: string;
    try {
      real = realpathSync(logical);
    } catch (e) {
      done(e as NodeJS.ErrnoException, []);
      return;
    }
    if (!within(ws, real)) {
      outside(rel.split(path.sep).join('/'));
      done(null, []);
      return;
    }
    // A folder by its own path is always walked (so files keep the paths they have in the
    // repository); one reached through a link only when its real folder has not been walked.
    const throughLink = real !== path.join(ws.real, rel);
    if (throughLink && walked.has(real)) {
      done(null, []);
      return;
    }
    walked.add(real);
    fs.readdir(logical, options, (e, entries) => {
      if (e) done(e, []);
      else
        done(
          null,
          entries.map((entry) => linkedFolderAsFolder(logical, entry)),
        );
    });
  };
  return { readdir: readdir as unknown as FileSystemAdapter['readdir'] };
}

/**
 * A symbolic link to a folder, shown to the crawler as a folder: it is then walked by its own
 * path and through `readdir` above, which confines it. Links to files are left to the crawler
 * (each file is confined when it is read); a link that cannot be followed is left as it is.
 */
function linkedFolderAsFolder(dir: string, entry: Dirent): Dirent {
  if (!entry.isSymbolicLink()) return entry;
  let target: Stats;
  try {
    target = statSync(path.join(dir, entry.name));
  } catch {
    return entry;
  }
  if (!target.isDirectory()) return entry;
  return Object.assign(Object.create(Object.getPrototypeOf(entry) as object) as Dirent, entry, {
    isDirectory: () => true,
    isSymbolicLink: () => false,
  });
}

/** Reads a file as UTF-8 text, refusing directories, oversized, binary and non-UTF-8 files. */
export async function readText(
  absolute: string,
  shown: string,
  limit: number = MAX_FILE_BYTES,
): Promise<{ text: string } | { error: string }> {
  return readRegularFile(absolute, shown, limit);
}

const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0);

/**
 * Opens, then checks the opened descriptor (no race between check and read): a regular file no
 * larger than `limit`, read whole and no further. A FIFO does not block the open (O_NONBLOCK), a
 * device is refused before a byte is read, and a link swapped in after the check is not followed.
 */
function readRegularFile(
  absolute: string,
  shown: string,
  limit: number = MAX_FILE_BYTES,
): { text: string } | { error: string } {
  let fd: number;
  try {
    fd = openSync(absolute, OPEN_FLAGS);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EISDIR')
      return { error: `${shown}: is a directory, not a file` };
    return { error: `${shown}: cannot be read (${describeIoError(e)})` };
  }
  try {
    const s = fstatSync(fd);
    if (s.isDirectory()) return { error: `${shown}: is a directory, not a file` };
    if (!s.isFile()) return { error: `${shown}: is not a regular file (${kindOf(s)}); not read` };
    if (s.size > limit)
      return {
        error: `${shown}: is too large to check (${s.size} bytes; the limit is ${limit} bytes)`,
      };
    const bytes = Buffer.alloc(s.size);
    let filled = 0;
    while (filled < bytes.length) {
      const n = readSync(fd, bytes, filled, bytes.length - filled, filled);
      if (n === 0) break;
      filled += n;
    }
    const content = bytes.subarray(0, filled);
    const nul = content.indexOf(0);
    if (nul !== -1) return { error: `${shown}: is not a text file (NUL byte at offset ${nul})` };
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(content) };
    } catch {
      return { error: `${shown}: is not valid UTF-8 text` };
    }
  } catch (e) {
    return { error: `${shown}: cannot be read (${describeIoError(e)})` };
  } finally {
    closeSync(fd);
  }
}

function kindOf(s: Stats): string {
  if (s.isFIFO()) return 'a named pipe';
  if (s.isCharacterDevice()) return 'a character device';
  if (s.isBlockDevice()) return 'a block device';
  if (s.isSocket()) return 'a socket';
  return 'not a file';
}

function describeIoError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ELOOP') return 'too many symbolic links';
  if (code === 'ENOTDIR') return 'a folder in its path is a file';
  return code ?? String(e);
}

/** A referenced file the reader will not read: its repository path and why, as a sentence's end. */
export interface Refusal {
  readonly path: string;
  readonly why: string;
}

/**
 * Reads files that a parsed file names (includes, ACL files). Parsers resolve what they name
 * against the naming file as their own tools do and ask for a repository path (a leading `/`
 * means the repository root); this reads it, never outside the workspace. Undefined when it is
 * not there or cannot be read; a path outside the workspace or a file that is not a regular file
 * is told to `refused` (with the place that names it, when the parser gives it), so that the run
 * can fail on it, and answered `{ refused }` so that the parser does not report it again.
 */
export function referencedFileReader(
  root: string,
  refused: (refusal: Refusal, namedAt?: NamedAt) => void = () => {},
): (repoPath: string, namedAt?: NamedAt) => string | Refused | undefined {
  const ws = workspaceAt(root);
  const refuse = (refusal: Refusal, namedAt?: NamedAt): Refused => {
    refused(refusal, namedAt);
    return { refused: refusal.why };
  };
  return (repoPath, namedAt) => {
    const rel = repoPath.replace(/\\/g, '/').replace(/^\/+/, '');
    if (rel === '') return undefined;
    const confined = confine(ws, path.resolve(ws.root, rel));
    if ('error' in confined) {
      if (confined.error.startsWith('cannot be read')) return undefined;
      return refuse({ path: rel, why: confined.error }, namedAt);
    }
    const read = readRegularFile(confined.real, rel);
    if ('error' in read) {
      if (read.error.startsWith(`${rel}: cannot be read`)) return undefined;
      return refuse({ path: rel, why: read.error.slice(rel.length + 2) }, namedAt);
    }
    return read.text;
  };
}
