import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as core from '@actions/core';
import { EMBEDDED_CATALOGUE } from './catalogue/embedded.js';
import { ConfigError, OPTION_NAMES, resolveOptions } from './config/options.js';
import { DEFAULT_CONFIG, readConfigFile } from './io/files.js';
import { severityRank } from './model/finding.js';
import { runCheck } from './pipeline.js';
import { renderAnnotations } from './report/annotations.js';
import { renderJsonChunks, summarise } from './report/json.js';
import { renderSummary } from './report/summary.js';

/** The action: inputs → options → check → annotations, summary, outputs, exit status. */
export async function run(): Promise<void> {
  try {
    const root = process.env.GITHUB_WORKSPACE ?? process.cwd();
    const config = await readConfigFile(root, core.getInput('config') || undefined);
    const overrides = Object.fromEntries(OPTION_NAMES.map((n) => [n, core.getInput(n)]));
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

    const { result, inputErrors } = await runCheck(root, options, EMBEDDED_CATALOGUE);

    for (const a of renderAnnotations(result)) {
      const props = {
        title: a.title,
        file: a.file,
        startLine: a.startLine,
        startColumn: a.startColumn,
      };
      if (a.level === 'error') core.error(a.message, props);
      else if (a.level === 'warning') core.warning(a.message, props);
      else core.notice(a.message, props);
    }
    const reportPath = path.join(process.env.RUNNER_TEMP ?? root, 'endpoint-drift-report.json');
    await writeFile(reportPath, renderJsonChunks(result));
    if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(renderSummary(result)).write();

    const s = summarise(result.findings);
    core.setOutput('errors', s.error);
    core.setOutput('warnings', s.warning);
    core.setOutput('notices', s.notice);
    core.setOutput('findings', result.findings.length);
    core.setOutput('report', reportPath);

    for (const e of inputErrors) core.error(e);
    if (inputErrors.length > 0) {
      core.setFailed(
        `${inputErrors.length} input file error${inputErrors.length === 1 ? '' : 's'}`,
      );
      return;
    }
    if (options.failOn !== 'never') {
      const threshold = severityRank(options.failOn);
      const failing = result.findings.filter((f) => severityRank(f.severity) >= threshold).length;
      if (failing > 0)
        core.setFailed(
          `${failing} finding${failing === 1 ? '' : 's'} at or above ${options.failOn}`,
        );
    }
  } catch (e) {
    if (e instanceof ConfigError) core.setFailed(e.message);
    else core.setFailed(e instanceof Error ? (e.stack ?? e.message) : String(e));
  }
}
