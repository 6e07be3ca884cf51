import {
  commentableLines,
  SUGGESTION_MARKER,
  suggestionsFromChanges,
  type FileChange,
  type SuggestionPlan,
} from '../report/suggestions.js';
import type { Octokit } from './client.js';
import { isPermissionError } from './errors.js';
import type { RunContext } from './context.js';

export type ReviewAction = 'created' | 'replaced' | 'unchanged' | 'removed' | 'none';

type PrContext = RunContext & { pullRequest: { number: number } };

/** The pull request's changed files and, per file, the head lines a review comment may use. */
export async function diffLinesOf(
  octokit: Octokit,
  ctx: PrContext,
): Promise<Map<string, Set<number>>> {
  const files = await octokit.paginate(octokit.rest.pulls.listFiles, {
    owner: ctx.owner,
    repo: ctx.repo,
    pull_number: ctx.pullRequest.number,
    per_page: 100,
  });
  return new Map(files.map((f) => [f.filename, commentableLines(f.patch)]));
}

function sameComments(
  existing: readonly {
    path: string;
    line?: number | null;
    start_line?: number | null;
    body: string;
  }[],
  wanted: SuggestionPlan['comments'],
): boolean {
  if (existing.length !== wanted.length) return false;
  const key = (c: {
    path: string;
    line?: number | null;
    start_line?: number | null;
    body: string;
  }) => `${c.path}\u0000${c.line ?? ''}\u0000${c.start_line ?? ''}\u0000${c.body}`;
  const a = existing.map(key).sort();
  const b = wanted.map(key).sort();
  return a.every((k, i) => k === b[i]);
}

/**
 * Publishes fix suggestions as one review, replacing the review comments of our earlier runs
 * (found by marker) instead of stacking them. When the same suggestions are already there,
 * nothing is touched; when none are left, the old ones are removed.
 */
export async function publishSuggestions(
  octokit: Octokit,
  ctx: PrContext,
  changes: readonly FileChange[],
): Promise<{ action: ReviewAction; plan: SuggestionPlan }> {
  const params = { owner: ctx.owner, repo: ctx.repo, pull_number: ctx.pullRequest.number };
  const plan = suggestionsFromChanges(changes, await diffLinesOf(octokit, ctx));
  const existing = (
    await octokit.paginate(octokit.rest.pulls.listReviewComments, { ...params, per_page: 100 })
  ).filter((c) => c.body.startsWith(SUGGESTION_MARKER) && c.user?.type === 'Bot');
  if (sameComments(existing, plan.comments))
    return { action: plan.comments.length === 0 ? 'none' : 'unchanged', plan };
  for (const c of existing) {
    try {
      await octokit.rest.pulls.deleteReviewComment({
        owner: ctx.owner,
        repo: ctx.repo,
        comment_id: c.id,
      });
    } catch (e) {
      // Already gone (resolved and deleted by someone): nothing to replace.
      if (!isPermissionError(e) || (e as { status?: number }).status !== 404) throw e;
    }
  }
  if (plan.comments.length === 0) return { action: 'removed', plan };
  await octokit.rest.pulls.createReview({
    ...params,
    commit_id: ctx.headSha,
    event: 'COMMENT',
    comments: plan.comments.map((c) => ({
      path: c.path,
      line: c.line,
      side: 'RIGHT' as const,
      ...(c.start_line !== undefined
        ? { start_line: c.start_line, start_side: 'RIGHT' as const }
        : {}),
      body: c.body,
    })),
  });
  return { action: existing.length > 0 ? 'replaced' : 'created', plan };
}
