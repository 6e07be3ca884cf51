import { randomUUID } from 'node:crypto';
import { mkdir, readFile, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Catalogue, Instance } from '../catalogue/types.js';
import type { CachedVersion } from '../catalogue/update.js';

/** The snapshot's file name inside its folder. */
export const SNAPSHOT_FILE = 'catalogue.json';
export const CHANGELOG_FILE = 'CHANGELOG.md';
export const DEFAULT_SNAPSHOT_DIR = '.github/endpoint-drift/catalogue';
const CHANGELOG_TITLE = '# Microsoft 365 endpoint changes\n';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** A snapshot is about 1 MiB; anything far larger is not one. */
const MAX_SNAPSHOT_BYTES = 64 * 1024 * 1024;

/** A snapshot or cache that cannot be used; the message is one line and names the file. */
export class SnapshotError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SnapshotError';
  }
}

/** `catalogue:` names a snapshot folder or its catalogue.json; this is the file. */
export function snapshotFile(root: string, given: string): string {
  const full = path.resolve(root, given);
  return full.toLowerCase().endsWith('.json') ? full : path.join(full, SNAPSHOT_FILE);
}

/**
 * Paths from a configuration may be written by anyone who opens a pull request: they must stay
 * inside the repository, also once symbolic links are followed (see {@link confine}).
 */
export function insideRoot(root: string, file: string, what: string): string {
  if (!isInside(path.resolve(root), path.resolve(root, file)))
    throw new SnapshotError(`${what} "${file}" is outside the repository`);
  return path.resolve(root, file);
}

function isInside(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/**
 * The real path of `target` (or of its nearest existing folder) must lie inside the real root:
 * a symbolic link committed in a pull request must not lead reading or writing elsewhere.
 */
export async function confine(root: string, target: string, what: string): Promise<void> {
  const realRoot = await realpath(root);
  let probe = path.resolve(target);
  let rest = '';
  for (;;) {
    try {
      const real = await realpath(probe);
      if (!isInside(realRoot, path.join(real, rest)))
        throw new SnapshotError(
          `${what} "${path.relative(root, target)}" leads outside the repository`,
        );
      return;
    } catch (e) {
      if (e instanceof SnapshotError) throw e;
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      const parent = path.dirname(probe);
      if (parent === probe) return;
      rest = path.join(path.basename(probe), rest);
      probe = parent;
    }
  }
}

/** Reads and validates a snapshot; undefined when the file does not exist. */
export async function readSnapshot(
  file: string,
  shown: string,
): Promise<{ catalogue: Catalogue; text: string } | undefined> {
  let size: number;
  try {
    const s = await stat(file);
    if (!s.isFile()) throw new SnapshotError(`${shown}: not a file`);
    size = s.size;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    if (e instanceof SnapshotError) throw e;
    throw new SnapshotError(`${shown}: cannot read: ${(e as Error).message}`);
  }
  if (size > MAX_SNAPSHOT_BYTES)
    throw new SnapshotError(`${shown}: ${size} bytes is too large for a catalogue snapshot`);
  const text = await readFile(file, 'utf8');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new SnapshotError(`${shown}:${jsonPosition(text, e)}: malformed JSON: ${jsonReason(e)}`);
  }
  // The generated validator is large: loaded only when a snapshot is read.
  const { validateCatalogueData } = await import('../catalogue/schema.js');
  const problems = validateCatalogueData(data);
  if (problems.length > 0)
    throw new SnapshotError(
      `${shown}: not a catalogue snapshot (schemas/catalogue.schema.json): ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? ` and ${problems.length - 3} more` : ''}`,
    );
  return { catalogue: data as Catalogue, text };
}

/** The 2-space JSON of the committed catalogue, with a trailing newline. */
export function serializeSnapshot(catalogue: Catalogue): string {
  return `${JSON.stringify(catalogue, null, 2)}\n`;
}

/** The changelog file after an update: its title, the new section, then the earlier ones. */
export function prependChangelog(existing: string | undefined, section: string): string {
  const rest = existing?.startsWith(CHANGELOG_TITLE)
    ? existing.slice(CHANGELOG_TITLE.length).replace(/^\n+/, '')
    : (existing ?? '');
  return `${CHANGELOG_TITLE}\n${section}${rest ? `\n${rest}` : ''}`;
}

export async function readOptional(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

/**
 * Writes every file to a temporary name beside it, then renames them into place: a failure
 * before the renames leaves every target as it was, and a reader never sees half a file.
 */
export async function writeFilesAtomically(
  files: readonly { readonly path: string; readonly text: string }[],
): Promise<void> {
  const temps: string[] = [];
  try {
    for (const f of files) {
      await mkdir(path.dirname(f.path), { recursive: true });
      const temp = `${f.path}.${process.pid}.${randomUUID().slice(0, 8)}.tmp`;
      temps.push(temp);
      await writeFile(temp, f.text, { flag: 'wx' });
    }
    for (const [i, f] of files.entries()) await rename(temps[i]!, f.path);
  } catch (e) {
    for (const t of temps) await rm(t, { force: true });
    throw e;
  }
}

/** The folder `live` and `catalogue update` keep web-service answers in. */
export class CatalogueCache {
  constructor(readonly dir: string) {}

  /** The last `/version` answer for an instance. */
  async version(instance: Instance): Promise<CachedVersion | undefined> {
    const text = await readOptional(path.join(this.dir, `version-${instance}.json`)).catch(
      () => undefined,
    );
    if (text === undefined) return undefined;
    try {
      const v = JSON.parse(text) as Partial<CachedVersion>;
      if (
        typeof v.latest === 'string' &&
        /^\d{10}$/.test(v.latest) &&
        typeof v.checkedAt === 'string' &&
        !Number.isNaN(Date.parse(v.checkedAt))
      )
        return { latest: v.latest, checkedAt: v.checkedAt };
    } catch {
      // A damaged cache entry is as good as none.
    }
    return undefined;
  }

  async saveVersion(instance: Instance, v: CachedVersion): Promise<void> {
    await writeFilesAtomically([
      { path: path.join(this.dir, `version-${instance}.json`), text: `${JSON.stringify(v)}\n` },
    ]);
  }

  /**
   * The client id this machine's cache has used; created once. The id of a committed snapshot
   * takes precedence, so that a repository is one client wherever it runs.
   */
  async clientRequestId(): Promise<string> {
    const file = path.join(this.dir, 'client-request-id');
    const known = (await readOptional(file).catch(() => undefined))?.trim();
    if (known && GUID.test(known)) return known;
    const id = randomUUID();
    await writeFilesAtomically([{ path: file, text: `${id}\n` }]);
    return id;
  }
}

/** JSON.parse's reason without the excerpt of the text it quotes (the text is not echoed). */
export function jsonReason(e: unknown): string {
  return (e instanceof Error ? e.message : String(e))
    .split('\n')[0]!
    .replace(/, ".*$/, '')
    .replace(/ in JSON at position \d+.*$/, '')
    .replace(/ \(line \d+ column \d+\)$/, '');
}

/** "line:column" of a JSON.parse error, from the position Node gives (1:1 when it gives none). */
function jsonPosition(text: string, e: unknown): string {
  const m = /at position (\d+)/.exec(e instanceof Error ? e.message : '');
  const offset = m ? Number(m[1]) : 0;
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `${line}:${column}`;
}
