import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as core from '@actions/core';
import { EMBEDDED_CATALOGUE } from './catalogue/embedded.js';
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
import { createClient } from './github/client.js';
import { readRunContext } from './github/context.js';
import { DEFAULT_CONFIG, readConfigFile } from './io/files.js';
import { confinedOutput } from './io/output-path.js';
import { runCheck, selectionOf } from './pipeline.js';
import { checkBase, publish, type FixPlanner } from './pull-request.js';
import { renderCheckAnnotations } from './report/check-annotations.js';
import { judgementOf } from './report/judgement.js';
import { renderJson } from './report/json.js';
import { renderJobSummary } from './report/pull-request.js';
import { renderSarif } from './report/sarif.js';

export interface ActionDependencies {
  /** The fix engine behind review suggestions. */
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
    const octokit =
      ctx && token
        ? createClient({ token, apiUrl: ctx.apiUrl, log: (m) => core.info(m) })
        : undefined;

    const { result, inputErrors, comments } = await runCheck(root, options, EMBEDDED_CATALOGUE);
    const base = await checkBase({
      ctx,
      octokit,
      git: gitIn(root),
      options,
      catalogue: EMBEDDED_CATALOGUE,
      tmp,
    });
    const assessment = assess({
      result,
      ...(base.findings ? { baseFindings: base.findings } : {}),
      base: base.base,
      failOn: options.failOn,
      onlyNew: options.onlyNew,
      ignore: options.ignore,
      comments,
      today: new Date().toISOString().slice(0, 10),
    });

    // Files first: they must exist whatever the API does.
    const reportPath = path.join(tmp, 'endpoint-drift-report.json');
    await writeFile(reportPath, renderJson(assessment.result, judgementOf(assessment)));
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
        EMBEDDED_CATALOGUE,
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
      ...(deps.planFixes ? { planFixes: deps.planFixes } : {}),
    });
    for (const line of published.log) core.info(line);
    for (const s of published.skipped) core.info(`not written: ${s}`);

    const skipped = [...published.skipped];
    if (published.workflowAnnotations && options.annotations !== 'none') {
      const { annotations } = renderCheckAnnotations(assessment, Infinity);
      for (const a of annotations) {
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
    if (e instanceof ConfigError) core.setFailed(e.message);
    else core.setFailed(e instanceof Error ? (e.stack ?? e.message) : String(e));
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
