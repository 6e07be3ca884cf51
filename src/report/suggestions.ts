import { structuredPatch } from 'diff';
import type { Finding } from '../model/finding.js';
import { text } from './markdown.js';

/** A file rewritten by the fix engine (the shape `planFixes` returns in its `changes`). */
export interface FileChange {
  readonly path: string;
  readonly before: string;
  readonly after: string;
  readonly fixes: readonly Finding[];
}

/** Hidden marker by which our review comments are found again (and replaced). */
export const SUGGESTION_MARKER = '<!-- endpoint-drift:suggestion -->';

/** A review comment on the head side of the pull request's diff. */
export interface SuggestionComment {
  readonly path: string;
  /** Last line of the range replaced. */
  readonly line: number;
  /** First line, when the range has more than one. */
  readonly start_line?: number;
  readonly body: string;
}

export interface SuggestionPlan {
  readonly comments: readonly SuggestionComment[];
  /** Changes that could not be suggested, with why (the line is outside the pull request's diff). */
  readonly outside: readonly {
    readonly path: string;
    readonly line: number;
    readonly reason: string;
  }[];
}

/**
 * Head-side line numbers a review comment may point at: added and context lines of each hunk of
 * a file's patch as the pull-request files API gives it.
 */
export function commentableLines(patch: string | undefined): Set<number> {
  const lines = new Set<number>();
  if (!patch) return lines;
  let next = 0;
  for (const l of patch.split('\n')) {
    const m = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(l);
    if (m) {
      next = Number(m[1]);
      continue;
    }
    if (next === 0) continue;
    if (l.startsWith('+') || l.startsWith(' ')) lines.add(next++);
    // '-' lines and '\ No newline at end of file' do not exist on the head side.
  }
  return lines;
}

function fence(lines: readonly string[]): string {
  let ticks = 3;
  for (const l of lines) {
    const run = /^\s*(`{3,})/.exec(l);
    if (run && run[1]!.length >= ticks) ticks = run[1]!.length + 1;
  }
  return '`'.repeat(ticks);
}

function describe(fixes: readonly Finding[]): string {
  if (fixes.length === 0) return 'endpoint-drift suggests this change.';
  const shown = fixes
    .slice(0, 5)
    .map((f) => `- \`${f.ruleId}\`: ${text(f.message, 200)}`)
    .join('\n');
  return `endpoint-drift fix:\n${shown}${fixes.length > 5 ? `\n- and ${fixes.length - 5} more` : ''}`;
}

/**
 * Review suggestions from the fix engine's file changes: one per hunk of before → after, on the
 * head lines it replaces (an insertion is anchored on the line next to it). A hunk whose lines
 * are not all in the pull request's diff cannot carry a suggestion; it is listed in `outside`.
 */
export function suggestionsFromChanges(
  changes: readonly FileChange[],
  diffLines: ReadonlyMap<string, ReadonlySet<number>>,
): SuggestionPlan {
  const comments: SuggestionComment[] = [];
  const outside: { path: string; line: number; reason: string }[] = [];
  for (const change of changes) {
    const allowed = diffLines.get(change.path) ?? new Set<number>();
    const head = change.before.replace(/\r?\n$/, '').split(/\r?\n/);
    const patch = structuredPatch(change.path, change.path, change.before, change.after, '', '', {
      context: 0,
    });
    for (const h of patch.hunks) {
      const added = h.lines.filter((l) => l.startsWith('+')).map((l) => l.slice(1));
      let start: number;
      let end: number;
      let body: string[];
      if (h.oldLines > 0) {
        start = h.oldStart;
        end = h.oldStart + h.oldLines - 1;
        body = added;
      } else if (h.oldStart - 1 >= 1 && allowed.has(h.oldStart - 1)) {
        // Insertion between old lines oldStart-1 and oldStart: keep the line above, add below it.
        start = end = h.oldStart - 1;
        body = [head[start - 1] ?? '', ...added];
      } else {
        start = end = Math.min(Math.max(1, h.oldStart), head.length);
        body =
          h.oldStart <= head.length
            ? [...added, head[start - 1] ?? '']
            : [head[start - 1] ?? '', ...added];
      }
      const lo = start;
      const hi = end;
      const fixes = change.fixes.filter(
        (f) => f.location.line === 0 || (f.location.line >= lo - 1 && f.location.line <= hi + 1),
      );
      let inDiff = true;
      for (let l = start; l <= end; l++) if (!allowed.has(l)) inDiff = false;
      if (!inDiff) {
        outside.push({
          path: change.path,
          line: start,
          reason:
            allowed.size === 0
              ? 'the pull request does not change this file'
              : `line ${start === end ? start : `${start}-${end}`} is outside the pull request’s diff`,
        });
        continue;
      }
      const f = fence(body);
      comments.push({
        path: change.path,
        line: end,
        ...(start !== end ? { start_line: start } : {}),
        body: `${SUGGESTION_MARKER}\n${describe(fixes.length > 0 ? fixes : change.fixes)}\n\n${f}suggestion\n${body.map((l) => `${l}\n`).join('')}${f}\n`,
      });
    }
  }
  return { comments, outside };
}
