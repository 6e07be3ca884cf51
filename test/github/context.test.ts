import { describe, expect, it } from 'vitest';
import { readRunContext } from '../../src/github/context.js';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const M = 'c'.repeat(40);
const env = (event: string, extra: Record<string, string> = {}) => ({
  GITHUB_REPOSITORY: 'contoso/network',
  GITHUB_EVENT_NAME: event,
  GITHUB_SHA: M,
  GITHUB_RUN_ID: '9',
  ...extra,
});

describe('readRunContext', () => {
  it.each([
    [
      'pull_request',
      {
        number: 7,
        pull_request: {
          number: 7,
          head: { sha: A, repo: { full_name: 'contoso/network' } },
          base: { sha: B },
        },
      },
      A,
      B,
      { number: 7, fork: false },
    ],
    [
      'pull_request_target',
      {
        pull_request: {
          number: 8,
          head: { sha: A, repo: { full_name: 'mallory/network' } },
          base: { sha: B },
        },
      },
      A,
      B,
      { number: 8, fork: true },
    ],
    ['push', { before: B, after: A }, A, B, undefined],
    ['push', { before: '0'.repeat(40), after: A }, A, undefined, undefined],
    ['merge_group', { merge_group: { head_sha: A, base_sha: B } }, A, B, undefined],
    ['schedule', {}, M, undefined, undefined],
    ['workflow_dispatch', { inputs: {} }, M, undefined, undefined],
  ])('%s', (event, payload, head, base, pr) => {
    const c = readRunContext(env(event), payload)!;
    expect(c.headSha).toBe(head);
    expect(c.baseSha).toBe(base);
    expect(c.pullRequest).toEqual(pr);
    expect(c.runUrl).toBe('https://github.com/contoso/network/actions/runs/9');
  });

  it('takes GitHub Enterprise Server from GITHUB_API_URL and GITHUB_SERVER_URL', () => {
    const c = readRunContext(
      env('push', {
        GITHUB_API_URL: 'https://ghe.contoso.example/api/v3/',
        GITHUB_SERVER_URL: 'https://ghe.contoso.example',
      }),
      {},
    )!;
    expect([c.apiUrl, c.serverUrl, c.owner, c.repo]).toEqual([
      'https://ghe.contoso.example/api/v3',
      'https://ghe.contoso.example',
      'contoso',
      'network',
    ]);
  });

  it('is undefined outside Actions, and ignores a malformed payload', () => {
    expect(readRunContext({}, undefined)).toBeUndefined();
    expect(
      readRunContext(env('pull_request'), {
        pull_request: { number: 1, head: { sha: 'not-a-sha' } },
      })!.headSha,
    ).toBe(M);
  });
});
