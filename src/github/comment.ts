import { COMMENT_MARKER } from '../report/pull-request.js';
import type { Octokit } from './client.js';
import { isPermissionError } from './errors.js';
import type { RunContext } from './context.js';

export type CommentAction = 'created' | 'updated' | 'unchanged' | 'not-needed';

/**
 * Keeps one comment on the pull request, found by its hidden marker among every page of
 * comments: updated in place when it exists, created when it does not and `create` is true (a
 * passing run with `comment: on-failure` does not start one, but does correct an old one).
 * Copies left by an interrupted run are deleted, so there is never more than one.
 */
export async function upsertStickyComment(
  octokit: Octokit,
  ctx: RunContext & { pullRequest: { number: number } },
  body: string,
  create: boolean,
): Promise<{ action: CommentAction; url?: string }> {
  const params = { owner: ctx.owner, repo: ctx.repo, issue_number: ctx.pullRequest.number };
  const comments = await octokit.paginate(octokit.rest.issues.listComments, {
    ...params,
    per_page: 100,
  });
  // Anyone can paste the marker into a comment; only comments by a bot (the token's own) count.
  const ours = comments.filter(
    (c) => (c.body ?? '').includes(COMMENT_MARKER) && c.user?.type === 'Bot',
  );
  const [first, ...extra] = ours;
  for (const c of extra) {
    try {
      await octokit.rest.issues.deleteComment({ ...params, comment_id: c.id });
    } catch (e) {
      if (!isPermissionError(e)) throw e;
    }
  }
  if (first) {
    if (first.body === body) return { action: 'unchanged', url: first.html_url };
    const r = await octokit.rest.issues.updateComment({ ...params, comment_id: first.id, body });
    return { action: 'updated', url: r.data.html_url };
  }
  if (!create) return { action: 'not-needed' };
  const r = await octokit.rest.issues.createComment({ ...params, body });
  return { action: 'created', url: r.data.html_url };
}
