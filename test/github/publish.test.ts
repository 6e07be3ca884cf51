// The GitHub outputs against the API double on 127.0.0.1 (real Octokit, real HTTP, GitHub's
// OpenAPI description): check run, sticky comment, suggestions, base from git or from the API,
// read-only tokens, 502s and an API that stays down.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EMBEDDED_CATALOGUE } from '../../src/catalogue/embedded.js';
import { resolveOptions, type Options } from '../../src/config/options.js';
import { assess, type Assessment } from '../../src/diff/assess.js';
import type { Git } from '../../src/github/base.js';
import { createClient, type Octokit } from '../../src/github/client.js';
import type { RunContext } from '../../src/github/context.js';
import { runCheck } from '../../src/pipeline.js';
import { checkBase, publish } from '../../src/pull-request.js';
import { COMMENT_MARKER } from '../../src/report/pull-request.js';
import type { FileChange } from '../../src/report/suggestions.js';
import { GitHubDouble } from '../support/github-double.js';
import { CONFIG, CONFIG_PATH, BASE_PROXY, HEAD_PROXY, PROXY_PATH } from '../support/scenario.js';
import { TempRepo } from '../support/workspace.js';

const TODAY = '2026-12-05';
let repo: TempRepo;
let baseSha: string;
let headSha: string;
let tmp: string;
let gh: GitHubDouble;
let octokit: Octokit;

function gitIn(dir: string): Git {
  return (args) =>
    new Promise((resolve, reject) =>
      execFile('git', ['-C', dir, ...args], { encoding: 'buffer' }, (e, out) =>
        e ? reject(e) : resolve(out),
      ),
    );
}

function ctx(): RunContext {
  return {
    eventName: 'pull_request',
    owner: 'contoso',
    repo: 'network',
    repository: 'contoso/network',
    apiUrl: gh.url,
    serverUrl: 'https://github.example',
    headSha,
    baseSha,
    pullRequest: { number: 7, fork: false },
  };
}

function options(extra: Record<string, string> = {}): Options {
  return resolveOptions({ path: CONFIG_PATH, text: CONFIG }, { 'only-new': 'true', ...extra });
}

async function assessment(o = options(), git = gitIn(repo.dir)): Promise<Assessment> {
  const head = await runCheck(repo.dir, o, EMBEDDED_CATALOGUE);
  const base = await checkBase({
    ctx: ctx(),
    octokit,
    git,
    options: o,
    catalogue: EMBEDDED_CATALOGUE,
    tmp,
  });
  return assess({
    result: head.result,
    ...(base.findings ? { baseFindings: base.findings } : {}),
    base: base.base,
    failOn: o.failOn,
    onlyNew: o.onlyNew,
    ignore: o.ignore,
    comments: head.comments,
    today: TODAY,
  });
}

beforeAll(() => {
  repo = new TempRepo();
  baseSha = repo.commit({ [CONFIG_PATH]: CONFIG, [PROXY_PATH]: BASE_PROXY }, 'base');
  headSha = repo.commit({ [PROXY_PATH]: HEAD_PROXY }, 'head');
  tmp = mkdtempSync(path.join(tmpdir(), 'endpoint-drift-tmp-'));
});
afterAll(() => {
  repo.remove();
  rmSync(tmp, { recursive: true, force: true });
});
beforeEach(async () => {
  gh = new GitHubDouble();
  await gh.start();
  gh.seedComments(130);
  gh.pullFiles = [{ filename: PROXY_PATH, patch: repo.patch(baseSha, headSha, PROXY_PATH) }];
  octokit = createClient({ token: 'ghs_test', apiUrl: gh.url, log: () => {}, retryBaseMs: 5 });
});
afterEach(async () => {
  expect(gh.violations).toEqual([]);
  await gh.stop();
});

describe('new, pre-existing, fixed and waived', { timeout: 30_000 }, () => {
  it('reads the base from git history and classifies by rule, file and value', async () => {
    const a = await assessment();
    expect(a.base).toEqual({ compared: true, sha: baseSha, source: 'git' });
    expect(
      a.findings.map((x) => [
        x.finding.ruleId,
        x.finding.location.line,
        x.finding.entry ?? x.finding.requirement?.pattern ?? '',
        x.status,
        x.waiver?.source ?? '',
      ]),
    ).toEqual([
      ['expired-waiver', 13, '', 'unknown', ''],
      ['missing-endpoint', 4, '*.mx.microsoft', 'pre-existing', ''],
      ['missing-endpoint', 4, 'outlook.cloud.microsoft', 'pre-existing', ''],
      ['missing-endpoint', 4, 'outlook.office365.com', 'new', ''],
      ['extraneous-entry', 5, 'legacy-portal.contoso.example', 'pre-existing', 'config'],
      ['extraneous-entry', 6, 'old-cdn.contoso.example', 'pre-existing', ''],
      ['extraneous-entry', 7, 'newthing.example.org', 'new', ''],
      ['extraneous-entry', 9, 'lab.example.com', 'new', 'inline'],
    ]);
    expect(a.fixed.map((f) => f.entry)).toEqual(['tracker.example.net']);
    expect(a.findings[0]!.finding.message).toBe(
      'waiver expired on 2020-01-31 and no longer applies (expired on purpose); renew it or fix the findings it covered',
    );
    expect(a.findings[7]!.waiver!.reason).toBe('lab proxy, see ticket NET-42');
    expect(a.verdict).toMatchObject({
      failed: true,
      message:
        '1 new finding at or above error decided the result: missing-endpoint at network/proxy/m365.txt:4:1 (host:outlook.office365.com) (2 pre-existing findings at or above error left out by only-new; 2 waived findings not counted)',
    });
  });

  it('reads the base through the trees and blobs API when the checkout lacks it', async () => {
    const tree = repo.git('ls-tree', '-r', '-l', baseSha).split('\n');
    gh.trees.set(
      baseSha,
      tree.map((l) => {
        const [meta, p] = l.split('\t') as [string, string];
        const [mode, type, sha, size] = meta.split(/\s+/) as [string, string, string, string];
        gh.blobs.set(sha, Buffer.from(repo.git('cat-file', 'blob', sha) + '\n'));
        return { path: p, mode, type, sha, size: Number(size) };
      }),
    );
    const noHistory: Git = () => Promise.reject(new Error('fatal: Not a valid object name'));
    const a = await assessment(options(), noHistory);
    expect(a.base).toEqual({ compared: true, sha: baseSha, source: 'api' });
    expect(a.findings.filter((x) => x.status === 'new').length).toBe(3);
    expect(gh.requests.map((r) => r.operation)).toEqual([
      'GET /repos/{owner}/{repo}/git/trees/{tree_sha}',
      'GET /repos/{owner}/{repo}/git/blobs/{file_sha}',
    ]);
  });

  it('says why when the base cannot be read at all', async () => {
    gh.down.add('GET /repos/{owner}/{repo}/git/trees/{tree_sha}');
    const noHistory: Git = () => Promise.reject(new Error('no'));
    const a = await assessment(options(), noHistory);
    expect(a.base).toEqual({
      compared: false,
      reason: `the base commit ${baseSha.slice(0, 12)} could not be read (HTTP 502: Server Error - https://docs.github.com/rest)`,
    });
    expect(a.verdict.message).toMatch(
      /only-new could not compare with the base, so every finding counts\)$/,
    );
  });
});

describe('check run and sticky comment', { timeout: 60_000 }, () => {
  it('three runs leave one comment, updated in place, and a check run per run', async () => {
    for (let i = 0; i < 3; i++) {
      const a = await assessment();
      const p = await publish({
        ctx: ctx(),
        octokit,
        assessment: a,
        options: options(),
        report: {},
        root: repo.dir,
      });
      expect(p.skipped).toEqual([]);
      expect(p.checkRunUrl).toMatch(/^https:\/\/github\.example\/contoso\/network\/runs\/\d+$/);
      expect(p.commentUrl).toMatch(/#issuecomment-\d+$/);
    }
    const ours = gh.comments.filter((c) => c.body.includes(COMMENT_MARKER));
    expect(ours).toHaveLength(1);
    expect(gh.comments).toHaveLength(131);
    expect(gh.checkRuns.map((c) => [c.name, c.head_sha, c.conclusion])).toEqual([
      ['endpoint-drift', headSha, 'failure'],
      ['endpoint-drift', headSha, 'failure'],
      ['endpoint-drift', headSha, 'failure'],
    ]);
    expect(gh.checkRuns[0]!.output.annotations).toHaveLength(6);
    expect(gh.checkRuns[0]!.output.annotations[0]).toEqual({
      path: PROXY_PATH,
      start_line: 4,
      end_line: 4,
      start_column: 1,
      end_column: 1,
      annotation_level: 'failure',
      title: 'missing-endpoint',
      message:
        '[new] "outlook.office365.com" is required but not allowed (Exchange set 1 Optimize); add it to network/proxy/m365.txt',
    });
    const listed = gh.requests.filter(
      (r) => r.operation === 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
    );
    expect(listed).toHaveLength(6); // two pages per run
    const writes = gh.requests.filter((r) => r.method !== 'GET').map((r) => r.operation);
    expect(writes).toEqual([
      'POST /repos/{owner}/{repo}/check-runs',
      'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
      'POST /repos/{owner}/{repo}/check-runs',
      // The comment links the run's own check run, so it changes each run.
      'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
      'POST /repos/{owner}/{repo}/check-runs',
      'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
    ]);
  });

  it('updates the comment to "all fixed" when nothing is left', async () => {
    const a = await assessment();
    await publish({
      ctx: ctx(),
      octokit,
      assessment: a,
      options: options(),
      report: {},
      root: repo.dir,
    });
    const clean: Assessment = assess({
      result: { ...a.result, findings: [] },
      baseFindings: a.result.findings,
      base: a.base,
      failOn: 'error',
      onlyNew: true,
      ignore: [],
      comments: new Map(),
      today: TODAY,
    });
    const p = await publish({
      ctx: ctx(),
      octokit,
      assessment: clean,
      options: options(),
      report: {},
      root: repo.dir,
    });
    expect(p.skipped).toEqual([]);
    const ours = gh.comments.filter((c) => c.body.includes(COMMENT_MARKER));
    expect(ours).toHaveLength(1);
    expect(ours[0]!.body).toMatch(
      /^<!-- endpoint-drift:sticky-comment -->\n### endpoint-drift\n\n✅ \*\*All fixed\*\*: no findings remain on this pull request\.\n/,
    );
    expect(gh.checkRuns[1]!.conclusion).toBe('success');
  });

  it('does not start a comment on a passing run with comment: on-failure', async () => {
    const a = await assessment(options({ 'fail-on': 'never' }));
    const p = await publish({
      ctx: ctx(),
      octokit,
      assessment: a,
      options: options({ 'fail-on': 'never' }),
      report: {},
      root: repo.dir,
    });
    expect(p.skipped).toEqual([]);
    expect(gh.comments.filter((c) => c.body.includes(COMMENT_MARKER))).toHaveLength(0);
    expect(p.log).toContain('pull-request comment: not-needed');
  });

  it('ignores the marker in a comment written by a person', async () => {
    gh.comments.push({
      id: 5,
      body: `${COMMENT_MARKER} hijack`,
      user: { login: 'mallory', id: 9, type: 'User' },
    });
    const a = await assessment();
    await publish({
      ctx: ctx(),
      octokit,
      assessment: a,
      options: options(),
      report: {},
      root: repo.dir,
    });
    expect(gh.comments.find((c) => c.id === 5)!.body).toBe(`${COMMENT_MARKER} hijack`);
    expect(
      gh.comments.filter((c) => c.body.includes(COMMENT_MARKER) && c.user.type === 'Bot'),
    ).toHaveLength(1);
  });

  it('sends annotations 50 per request, at most 1000, and says where the rest are', async () => {
    const many = Array.from({ length: 1234 }, (_, i) => `host${i}.example.org`).join('\n');
    const dir = new TempRepo();
    try {
      dir.commit({ [CONFIG_PATH]: CONFIG, [PROXY_PATH]: `${many}\n` }, 'many');
      const o = options();
      const head = await runCheck(dir.dir, o, EMBEDDED_CATALOGUE);
      const a = assess({
        result: head.result,
        base: { compared: false, reason: 'test' },
        failOn: 'error',
        onlyNew: false,
        ignore: [],
        comments: new Map(),
        today: TODAY,
      });
      const p = await publish({
        ctx: ctx(),
        octokit,
        assessment: a,
        options: o,
        report: {},
        root: dir.dir,
      });
      expect(p.skipped).toEqual([]);
      const sizes = gh.requests
        .filter((r) => r.operation.includes('check-runs'))
        .map(
          (r) =>
            ((r.body as { output: { annotations?: unknown[] } }).output.annotations ?? []).length,
        );
      expect(sizes).toEqual(Array.from({ length: 20 }, () => 50));
      expect(gh.checkRuns[0]!.output.annotations).toHaveLength(1000);
      expect(gh.checkRuns[0]!.output.summary).toContain(
        'This check run carries 1000 annotations of 1240 findings; every finding is in the job summary, the JSON report and the SARIF file.',
      );
      const comment = gh.comments.find((c) => c.body.includes(COMMENT_MARKER))!;
      expect(comment.body.length).toBeLessThan(65536);
      expect(comment.body).toMatch(/\*\*\d+ of 1240 findings are not listed here\*\*/);
    } finally {
      dir.remove();
    }
  });
});

describe('permissions and outages', { timeout: 60_000 }, () => {
  it('with a read-only token writes nothing, says why, and asks for workflow-command annotations', async () => {
    gh.readOnly = true;
    const a = await assessment();
    const p = await publish({
      ctx: ctx(),
      octokit,
      assessment: a,
      options: options(),
      report: {},
      root: repo.dir,
    });
    expect(p.workflowAnnotations).toBe(true);
    expect(p.skipped).toEqual([
      'check run: the token may not write here (HTTP 403: Resource not accessible by integration - https://docs.github.com/rest); a fork’s pull request or narrow permissions give a read-only token',
      'pull-request comment: the token may not write here (HTTP 403: Resource not accessible by integration - https://docs.github.com/rest); a fork’s pull request or narrow permissions give a read-only token',
    ]);
  });

  it('retries a 502 once and succeeds', async () => {
    gh.failOnce.add('POST /repos/{owner}/{repo}/check-runs');
    gh.failOnce.add('GET /repos/{owner}/{repo}/issues/{issue_number}/comments');
    const a = await assessment();
    const p = await publish({
      ctx: ctx(),
      octokit,
      assessment: a,
      options: options(),
      report: {},
      root: repo.dir,
    });
    expect(p.skipped).toEqual([]);
    expect(gh.requests.filter((r) => r.status === 502)).toHaveLength(2);
    expect(gh.checkRuns).toHaveLength(1);
  });

  it('waits out a secondary rate limit and retries a request that timed out', async () => {
    gh.secondaryLimitOnce.add('POST /repos/{owner}/{repo}/check-runs');
    gh.hangOnce.add('POST /repos/{owner}/{repo}/issues/{issue_number}/comments');
    const logged: string[] = [];
    const client = createClient({
      token: 't',
      apiUrl: gh.url,
      log: (m) => logged.push(m),
      retryBaseMs: 5,
      timeoutMs: 500,
    });
    const a = await assessment();
    const p = await publish({
      ctx: ctx(),
      octokit: client,
      assessment: a,
      options: options(),
      report: {},
      root: repo.dir,
    });
    expect(p.skipped).toEqual([]);
    expect(logged).toEqual([
      `GitHub secondary rate limit on POST /repos/{owner}/{repo}/check-runs; retry 1 in 1 s`,
    ]);
    expect(gh.checkRuns).toHaveLength(1);
    expect(gh.comments.filter((c) => c.body.includes(COMMENT_MARKER))).toHaveLength(1);
    expect(gh.requests.map((r) => r.status).filter((s) => s !== 200)).toEqual([403, 0]);
  });

  it('gives up when the API stays down, and says so', async () => {
    gh.down.add('POST /repos/{owner}/{repo}/check-runs');
    const a = await assessment();
    const p = await publish({
      ctx: ctx(),
      octokit,
      assessment: a,
      options: options(),
      report: {},
      root: repo.dir,
    });
    expect(p.skipped).toEqual([
      'check run: the GitHub API did not answer after retries (HTTP 502: Server Error - https://docs.github.com/rest)',
    ]);
    expect(gh.requests.filter((r) => r.status === 502)).toHaveLength(4);
    expect(p.commentUrl).toBeDefined();
  });
});

describe('suggestions', { timeout: 60_000 }, () => {
  const change = (after: string): FileChange => ({
    path: PROXY_PATH,
    before: HEAD_PROXY,
    after,
    fixes: [],
  });
  const fixed = HEAD_PROXY.replace(
    'outlook.office.com\n',
    'outlook.office.com\noutlook.office365.com\n',
  ).replace('newthing.example.org\n', '');

  it('three runs leave one set of suggestions on lines of the diff', async () => {
    for (let i = 0; i < 3; i++) {
      const a = await assessment();
      const p = await publish({
        ctx: ctx(),
        octokit,
        assessment: a,
        options: options(),
        report: {},
        root: repo.dir,
        planFixes: () => Promise.resolve([change(fixed)]),
      });
      expect(p.skipped).toEqual([]);
    }
    expect(gh.reviews).toHaveLength(1);
    expect(
      gh.reviewComments.map((c) => [
        c.path,
        c.start_line,
        c.line,
        c.body.slice(c.body.indexOf('```suggestion')),
      ]),
    ).toEqual([
      [PROXY_PATH, null, 3, '```suggestion\noutlook.office.com\noutlook.office365.com\n```\n'],
      [PROXY_PATH, null, 7, '```suggestion\n```\n'],
    ]);
  });

  it('replaces earlier suggestions when the fixes change', async () => {
    const a = await assessment();
    const run = (after: string) =>
      publish({
        ctx: ctx(),
        octokit,
        assessment: a,
        options: options(),
        report: {},
        root: repo.dir,
        planFixes: () => Promise.resolve([change(after)]),
      });
    await run(fixed);
    const p = await run(HEAD_PROXY.replace('newthing.example.org\n', ''));
    expect(p.log).toContain('suggestions: replaced, 1 on the diff');
    expect(gh.reviewComments.map((c) => c.line)).toEqual([7]);
    expect(gh.reviews).toHaveLength(2);
    await run(HEAD_PROXY);
    expect(gh.reviewComments).toEqual([]);
  });
});
