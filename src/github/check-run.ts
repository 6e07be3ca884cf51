import type { CheckAnnotation } from '../report/check-annotations.js';
import type { Octokit } from './client.js';
import type { RunContext } from './context.js';

export const CHECK_NAME = 'endpoint-drift';
/** GitHub takes at most 50 annotations per create or update request. */
export const ANNOTATIONS_PER_REQUEST = 50;

export interface CheckRunInput {
  readonly conclusion: 'success' | 'failure' | 'neutral';
  readonly title: string;
  readonly summary: string;
  readonly annotations: readonly CheckAnnotation[];
}

/**
 * Creates the completed check run `endpoint-drift` on the head commit with the first 50
 * annotations, then adds the rest 50 per update (GitHub appends annotations on update).
 */
export async function publishCheckRun(
  octokit: Octokit,
  ctx: RunContext,
  input: CheckRunInput,
): Promise<{ url: string; id: number }> {
  const batches: CheckAnnotation[][] = [];
  for (let i = 0; i < input.annotations.length; i += ANNOTATIONS_PER_REQUEST)
    batches.push(input.annotations.slice(i, i + ANNOTATIONS_PER_REQUEST));
  const output = (annotations: CheckAnnotation[] | undefined) => ({
    title: input.title.slice(0, 255),
    summary: input.summary,
    ...(annotations && annotations.length > 0 ? { annotations } : {}),
  });
  const created = await octokit.rest.checks.create({
    owner: ctx.owner,
    repo: ctx.repo,
    name: CHECK_NAME,
    head_sha: ctx.headSha,
    status: 'completed',
    conclusion: input.conclusion,
    completed_at: new Date().toISOString(),
    ...(ctx.runUrl ? { details_url: ctx.runUrl } : {}),
    output: output(batches[0]),
  });
  for (const batch of batches.slice(1))
    await octokit.rest.checks.update({
      owner: ctx.owner,
      repo: ctx.repo,
      check_run_id: created.data.id,
      output: output(batch),
    });
  return { url: created.data.html_url ?? '', id: created.data.id };
}
