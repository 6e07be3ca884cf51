import { rm } from 'node:fs/promises';
import type { Catalogue } from './catalogue/types.js';
import type { Options } from './config/options.js';
import type { Assessment, BaseComparison } from './diff/assess.js';
import { findingIdentity } from './diff/compare.js';
import { publishCheckRun } from './github/check-run.js';
import type { Octokit } from './github/client.js';
import { describeError, isPermissionError, statusOf } from './github/errors.js';
import { upsertStickyComment } from './github/comment.js';
import type { RunContext } from './github/context.js';
import {
  API_BASE_BUDGET,
  apiBaseTree,
  DEFAULT_BASE_BUDGET,
  gitBaseTree,
  materialiseBase,
  type Git,
} from './github/base.js';
import { publishSuggestions } from './github/review.js';
import type { Finding } from './model/finding.js';
import { runCheck } from './pipeline.js';
import { renderCheckAnnotations, type CheckAnnotation } from './report/check-annotations.js';
import { renderCheckSummary, renderComment, type ReportContext } from './report/pull-request.js';
import type { FileChange } from './report/suggestions.js';

/** The fix engine, as the action uses it: the file changes that would fix the findings. */
export type FixPlanner = (root: string, options: Options) => Promise<readonly FileChange[]>;

/**
 * The same check on the base commit, with the head's options, from the checkout's history when
 * the base commit is there and otherwise from the API. Never throws: a base that cannot be read
 * leaves every finding unclassified, with the reason.
 */
export async function checkBase(input: {
  readonly ctx: RunContext | undefined;
  readonly octokit: Octokit | undefined;
  readonly git: Git;
  readonly options: Options;
  readonly catalogue: Catalogue;
  readonly tmp: string;
}): Promise<{ base: BaseComparison; findings?: readonly Finding[] }> {
  const { ctx, octokit, options } = input;
  if (!ctx?.baseSha)
    return {
      base: {
        compared: false,
        reason: `a ${ctx?.eventName || 'local'} run has no base commit to compare with`,
      },
    };
  const sha = ctx.baseSha;
  try {
    const tree =
      (await gitBaseTree(input.git, sha)) ??
      (octokit ? apiBaseTree(octokit, ctx.owner, ctx.repo, sha) : undefined);
    if (!tree)
      return {
        base: {
          compared: false,
          reason: `the base commit ${sha.slice(0, 12)} is not in the checkout (use fetch-depth: 0) and there is no token to read it through the API`,
        },
      };
    const patterns = [...options.allowlists, ...options.dns].map((s) => s.path);
    // Through the API every file is a request: a smaller budget than from git.
    const written = await materialiseBase(
      tree,
      patterns,
      input.tmp,
      tree.source === 'git' ? DEFAULT_BASE_BUDGET : API_BASE_BUDGET,
    );
    if ('error' in written) return { base: { compared: false, reason: written.error } };
    try {
      const { result } = await runCheck(written.dir, options, input.catalogue);
      return { base: { compared: true, sha, source: tree.source }, findings: result.findings };
    } finally {
      await rm(written.dir, { recursive: true, force: true });
    }
  } catch (e) {
    return {
      base: {
        compared: false,
        reason: `the base commit ${sha.slice(0, 12)} could not be read (${describeError(e)})`,
      },
    };
  }
}

export interface Published {
  readonly checkRunUrl?: string;
  readonly commentUrl?: string;
  /** Outputs not written, each with why. */
  readonly skipped: string[];
  /** Lines for the log: what was written. */
  readonly log: string[];
  /** Annotations must go out as workflow commands (asked for, or the check run could not be written). */
  readonly workflowAnnotations: boolean;
}

function why(e: unknown): string {
  if (isPermissionError(e))
    return `the token may not write here (${describeError(e)}); a fork’s pull request or narrow permissions give a read-only token`;
  const s = statusOf(e);
  return s !== undefined && s < 500
    ? `GitHub refused it (${describeError(e)})`
    : `the GitHub API did not answer after retries (${describeError(e)})`;
}

/**
 * Check run, sticky comment and suggestions. Each is independent: a refusal or an outage of one
 * is recorded in `skipped` and the others still go out. Never throws for API errors.
 */
export async function publish(input: {
  readonly ctx: RunContext | undefined;
  readonly octokit: Octokit | undefined;
  readonly assessment: Assessment;
  readonly options: Options;
  readonly report: ReportContext;
  readonly root: string;
  readonly planFixes?: FixPlanner;
}): Promise<Published> {
  const { ctx, octokit, assessment: a, options } = input;
  const skipped: string[] = [];
  const log: string[] = [];
  let checkRunUrl: string | undefined;
  let commentUrl: string | undefined;
  let workflowAnnotations = options.annotations === 'workflow-commands';
  const noApi = !ctx
    ? 'not running in GitHub Actions (no GITHUB_REPOSITORY)'
    : 'no github-token was given';

  if (options.annotations === 'check-run') {
    if (!ctx || !octokit || !ctx.headSha) {
      skipped.push(
        `check run: ${!ctx?.headSha && ctx && octokit ? 'no head commit is known' : noApi}`,
      );
      workflowAnnotations = true;
    } else {
      const { annotations, total } = renderCheckAnnotations(a);
      const capped: CheckAnnotation[] = annotations;
      const remarks =
        total > capped.length
          ? [
              `This check run carries ${capped.length} annotations of ${total} findings; every finding is in the job summary, the JSON report and the SARIF file.`,
            ]
          : [];
      try {
        const r = await publishCheckRun(octokit, ctx, {
          conclusion: a.verdict.failed ? 'failure' : 'success',
          title: a.verdict.message,
          summary: renderCheckSummary(a, {
            ...input.report,
            elsewhere: ['the job summary', 'the JSON report', 'the SARIF file'],
            remarks,
          }),
          annotations: capped,
        });
        checkRunUrl = r.url;
        log.push(
          `check run endpoint-drift: ${capped.length} annotations${total > capped.length ? ` of ${total}` : ''}, ${r.url}`,
        );
      } catch (e) {
        skipped.push(`check run: ${why(e)}`);
        workflowAnnotations = true;
      }
    }
  }

  const pr = ctx?.pullRequest ? { ...ctx, pullRequest: ctx.pullRequest } : undefined;
  if (options.comment !== 'never' && pr) {
    if (!octokit) skipped.push(`pull-request comment: ${noApi}`);
    else {
      try {
        const r = await upsertStickyComment(
          octokit,
          pr,
          renderComment(a, {
            ...input.report,
            ...(checkRunUrl ? { outputs: [`[Check run](${checkRunUrl})`] } : {}),
          }),
          options.comment === 'always' || a.verdict.failed,
        );
        commentUrl = r.url;
        log.push(`pull-request comment: ${r.action}${r.url ? `, ${r.url}` : ''}`);
      } catch (e) {
        skipped.push(`pull-request comment: ${why(e)}`);
      }
    }
  }

  if (options.suggestions && pr) {
    if (!octokit) skipped.push(`suggestions: ${noApi}`);
    else if (!input.planFixes) log.push('suggestions: no fix engine in this build');
    else {
      try {
        const waived = new Set(
          a.findings.filter((x) => x.waiver).map((x) => findingIdentity(x.finding)),
        );
        const changes = (await input.planFixes(input.root, options)).filter(
          (c) => c.fixes.length === 0 || c.fixes.some((f) => !waived.has(findingIdentity(f))),
        );
        const r = await publishSuggestions(octokit, pr, changes);
        log.push(
          `suggestions: ${r.action}, ${r.plan.comments.length} on the diff${r.plan.outside.length ? `, ${r.plan.outside.length} outside it (listed by endpoint-drift fix)` : ''}`,
        );
      } catch (e) {
        skipped.push(`suggestions: ${why(e)}`);
      }
    }
  }
  return {
    ...(checkRunUrl ? { checkRunUrl } : {}),
    ...(commentUrl ? { commentUrl } : {}),
    skipped,
    log,
    workflowAnnotations,
  };
}
