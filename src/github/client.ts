import { getOctokit } from '@actions/github';
import { defaults } from '@actions/github/lib/utils';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';

export type Octokit = ReturnType<typeof getOctokit>;

export interface ClientOptions {
  readonly token: string;
  /** GITHUB_API_URL: api.github.com, or a GitHub Enterprise Server's `/api/v3`. */
  readonly apiUrl: string;
  readonly log: (message: string) => void;
  /** Milliseconds before a request is abandoned (and retried). */
  readonly timeoutMs?: number;
  /** Base of the retry backoff in milliseconds (GitHub's advice: seconds; tests use less). */
  readonly retryBaseMs?: number;
}

/**
 * An Octokit that retries 5xx answers and timeouts with backoff and waits out primary and
 * secondary rate limits (a few times, then gives up so the run can still write its own outputs).
 */
export function createClient(o: ClientOptions): Octokit {
  const timeoutMs = o.timeoutMs ?? 30_000;
  // The runner's proxy settings live in the default fetch; keep it and add a deadline per request.
  const base = (defaults.request?.fetch as typeof fetch | undefined) ?? fetch;
  const fetchWithTimeout: typeof fetch = (input, init) =>
    base(input, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  const limit =
    (kind: string) =>
    (
      retryAfter: number,
      options: { method: string; url: string },
      _o: unknown,
      retryCount: number,
    ) => {
      o.log(
        `GitHub ${kind} rate limit on ${options.method} ${options.url}; retry ${retryCount + 1} in ${retryAfter} s`,
      );
      return retryCount < 2;
    };
  return getOctokit(
    o.token,
    {
      baseUrl: o.apiUrl,
      request: { fetch: fetchWithTimeout },
      retry: { retries: 3, retryAfterBaseValue: o.retryBaseMs ?? 1000 },
      throttle: {
        onRateLimit: limit('primary'),
        onSecondaryRateLimit: limit('secondary'),
        ...(o.retryBaseMs !== undefined ? { retryAfterBaseValue: o.retryBaseMs } : {}),
      },
    },
    retry,
    throttling,
  );
}
