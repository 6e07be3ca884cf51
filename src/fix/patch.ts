import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import type { FileChange } from './plan.js';

/**
 * A unified diff of the changes that `git apply` (and `patch -p1`) accepts: `--- a/path`,
 * `+++ b/path`, three lines of context.
 */
export function renderPatch(changes: readonly FileChange[]): string {
  return changes
    .map((c) => {
      const patch = createTwoFilesPatch(
        `a/${c.path}`,
        `b/${c.path}`,
        c.before,
        c.after,
        undefined,
        undefined,
        {
          context: 3,
          headerOptions: FILE_HEADERS_ONLY,
        },
      );
      return patch.endsWith('\n') ? patch : `${patch}\n`;
    })
    .join('');
}
