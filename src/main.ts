import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as core from '@actions/core';
import { chooseCatalogue } from './catalogue/source.js';
import { VERSION } from './cli-help.js';
import {
  ConfigError,
  OPTION_NAMES,
  PULL_REQUEST_OPTION_NAMES,
  resolveOptions,
} from './config/options.js';
import { assess } from './diff/assess.js';
import { coverageMatrices } from './diff/coverage.js';
import type { Git } from './github/base.js';
import { readRunContext } from './github/context.js';
import { SnapshotError } from './io/catalogue-store.js';
import { DEFAULT_CONFIG, readConfigFile } from './io/files.js';
import { severityRank } from './model/finding.js';
import { confinedOutput } from './io/output-path.js';
import { describeError, runCheck, selectionOf } from './pipeline.js';
import { checkBase, publish, type FixPlanner } from './pull-request.js';
import { renderCheckAnnotations } from './report/check-annotations.js';
import { judgementOf } from './report/judgement.js';
import { renderJsonChunks } from './report/json.js';
import { renderJobSummary } from './report/pull-request.js';
import { renderSarif } from './report/sarif.js';

export interface ActionDependencies {
  /** The fix engine behind review suggestions; by default the one of `endpoint-drift fix`. */
  readonly planFixes?: FixPlanner;
}

/**
 * The action: inputs → options → check (head and base) → waivers and policy → report, SARIF,
 * check run, comment, suggestions, summary, outputs → exit status.
 */
export async function run(deps: ActionDependencies = {}): Promise<void> {
  try {
    const env = process.env;
    const root = env.GITHUB_WORKSPACE ?? process.cwd();
    const tmp = env.RUNNER_TEMP ?? tmpdir();
    const config = await readConfigFile(root, core.getInput('config') || undefined);
    const overrides = Object.fromEntries(
      [...OPTION_NAMES, ...PULL_REQUEST_OPTION_NAMES].map((n) => [n, core.getInput(n)]),
    );
    const options = resolveOptions(
      config,
      overrides,
      core.getMultilineInput('allowlist'),
      core.getMultilineInput('dns'),
    );
    if (
      options.allowlists.length === 0 &&
      options.dns.length === 0 &&
      options.domains.length === 0
    ) {
      core.setFailed(
        `nothing to check: set the "allowlist" or "dns" input, or list them under "allowlists" or "dns" in ${config?.path ?? DEFAULT_CONFIG}`,
      );
      return;
    }
    const sarifPath = confinedOutput(options.sarifFile, root, tmp, 'endpoint-drift.sarif');

    const ctx = readRunContext(env, await readEventPayload(env.GITHUB_EVENT_PATH));
    const token = core.getInput('github-token');
    // Octokit and the fix engine are loaded only when a run needs them: start-up reads and
    // compiles every module imported.
    const octokit =
      ctx && token
        ? (await import('./github/client.js')).createClient({
            token,
            apiUrl: ctx.apiUrl,
            log: (m) => core.info(m),
          })
        : undefined;

    const now = new Date();
    const today = now.toISOString().slice(0, 10);
    const source = await chooseCatalogue(root, options, { now });
    for (const w of source.warnings) core.warning(w, { title: 'endpoint-drift catalogue' });
    for (const n of source.notes)
      if (!source.warnings.includes(n)) core.notice(n, { title: 'endpoint-drift catalogue' });
    const catalogue = source.catalogue;

    const { result, inputErrors, comments } = await runCheck(root, options, catalogue, {
      origin: source.origin,
      today,
      notes: source.notes,
      debug: core.debug,
    });
    const base = await checkBase({ ctx, octokit, git: gitIn(root), options, catalogue, tmp });
    const assessment = assess({
      result,
      ...(base.findings ? { baseFindings: base.findings } : {}),
      base: base.base,
      failOn: options.failOn,
      onlyNew: options.onlyNew,
      ignore: options.ignore,
      comments,
      today,
    });

    // Files first: they must exist whatever the API does.
    const reportPath = path.join(tmp, 'endpoint-drift-report.json');
    await writeFile(reportPath, renderJsonChunks(assessment.result, judgementOf(assessment)));
    await mkdir(path.dirname(sarifPath), { recursive: true });
    await writeFile(sarifPath, renderSarif(assessment, VERSION));

    const groups = [
      ...new Set(result.files.flatMap((f) => (f.kind === 'allowlist' ? [f.group] : []))),
    ];
    const report = {
      ...(ctx && ctx.headSha
        ? { links: { serverUrl: ctx.serverUrl, repository: ctx.repository, sha: ctx.headSha } }
        : {}),
      coverage: coverageMatrices(
        catalogue,
        selectionOf(options),
        assessment.result.findings,
        groups,
        result.checkedKinds,
      ),
      elsewhere: ['the JSON report', 'the SARIF file'],
    };
    const published = await publish({
      ctx,
      octokit,
      assessment,
      options,
      report,
      root,
      planFixes:
        deps.planFixes ??
        (async (dir, opts) => {
          const { planFixes } = await import('./fix/plan.js');
          return (await planFixes(dir, opts, catalogue)).changes;
        }),
    });
    for (const line of published.log) core.info(line);
    for (const s of published.skipped) core.info(`not written: ${s}`);

    const skipped = [...published.skipped];
    if (published.workflowAnnotations && options.annotations !== 'none') {
      const { annotations } = renderCheckAnnotations(assessment, Infinity);
      const shown = severityRank(options.minSeverity);
      for (const a of annotations) {
        const severity = a.annotation_level === 'failure' ? 'error' : a.annotation_level;
        if (severityRank(severity) < shown) continue;
        const props = {
          title: a.title,
          file: a.path,
          startLine: a.start_line,
          ...(a.start_column ? { startColumn: a.start_column } : {}),
        };
        if (a.annotation_level === 'failure') core.error(a.message, props);
        else if (a.annotation_level === 'warning') core.warning(a.message, props);
        else core.notice(a.message, props);
      }
      if (annotations.length > 0)
        skipped.push(
          `annotations went out as workflow commands: GitHub shows only the first 10 errors and 10 warnings (and 10 notices) of a step as annotations; every finding is listed below`,
        );
    }
    if (env.GITHUB_STEP_SUMMARY)
      await core.summary
        .addRaw(
          renderJobSummary(assessment, {
            ...report,
            skipped,
            outputs: [
              ...(published.checkRunUrl ? [`[Check run](${published.checkRunUrl})`] : []),
              ...(published.commentUrl ? [`[Pull-request comment](${published.commentUrl})`] : []),
            ],
          }),
        )
        .write();

    const open = assessment.findings.filter((x) => !x.waiver);
    const count = (s: string) => open.filter((x) => x.finding.severity === s).length;
    core.setOutput('errors', count('error'));
    core.setOutput('warnings', count('warning'));
    core.setOutput('notices', count('notice'));
    core.setOutput('findings', open.length);
    core.setOutput('new', open.filter((x) => x.status === 'new').length);
    core.setOutput('fixed', assessment.fixed.length);
    core.setOutput('waived', assessment.findings.length - open.length);
    core.setOutput('report', reportPath);
    core.setOutput('sarif-file', sarifPath);
    core.setOutput('check-run-url', published.checkRunUrl ?? '');
    core.setOutput('comment-url', published.commentUrl ?? '');
    core.setOutput('catalogue-origin', result.catalogue.origin);
    core.setOutput('catalogue-version', result.catalogue.version ?? '');
    core.setOutput('catalogue-date', result.catalogue.dataDate);

    for (const e of inputErrors) core.error(e);
    if (inputErrors.length > 0) {
      core.setFailed(
        `${inputErrors.length} input file error${inputErrors.length === 1 ? '' : 's'}`,
      );
      return;
    }
    if (assessment.verdict.failed) core.setFailed(assessment.verdict.message);
    else core.info(assessment.verdict.message);
  } catch (e) {
    if (e instanceof ConfigError || e instanceof SnapshotError) core.setFailed(e.message);
    else {
      // The stack goes to the debug log (shown with ACTIONS_STEP_DEBUG), never into an annotation.
      core.setFailed(`internal error: ${describeError(e)}`);
      if (e instanceof Error && e.stack) core.debug(e.stack);
    }
  }
}

async function readEventPayload(file: string | undefined): Promise<unknown> {
  if (!file) return undefined;
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** git plumbing in the workspace: argument lists, never a shell, no pager or prompts. */
function gitIn(root: string): Git {
  return (args) =>
    new Promise((resolve, reject) => {
      execFile(
        'git',
        ['-C', root, '-c', 'core.fsmonitor=false', '--no-pager', ...args],
        {
          encoding: 'buffer',
          maxBuffer: 512 * 1024 * 1024,
          env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' },
        },
        (err, stdout) => (err ? reject(err) : resolve(stdout)),
      );
    });
}
