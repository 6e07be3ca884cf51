import { lstatSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../config/options.js';

/**
 * An output path from the inputs or the (possibly pull-request-written) config: inside the
 * workspace or RUNNER_TEMP, never inside `.git`, never through a symbolic link.
 */
export function confinedOutput(
  given: string | undefined,
  root: string,
  tmp: string,
  name: string,
): string {
  if (given === undefined) return path.join(tmp, name);
  const resolved = path.resolve(root, given);
  const relativeTo = (dir: string) => {
    const rel = path.relative(path.resolve(dir), resolved);
    return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : undefined;
  };
  const rel = relativeTo(root) ?? relativeTo(tmp);
  const refuse = (why: string) =>
    new ConfigError([`sarif-file: "${given}" ${why}; give a path inside the workspace`]);
  if (rel === undefined) throw refuse('is outside the workspace and RUNNER_TEMP');
  if (rel.split(path.sep).some((s) => s.toLowerCase() === '.git')) throw refuse('is inside .git');
  const base = relativeTo(root) !== undefined ? root : tmp;
  let at = path.resolve(base);
  for (const segment of rel.split(path.sep)) {
    at = path.join(at, segment);
    try {
      if (lstatSync(at).isSymbolicLink()) throw refuse('goes through a symbolic link');
    } catch (e) {
      if (e instanceof ConfigError) throw e;
      break; // does not exist yet: nothing further to follow
    }
  }
  return resolved;
}
