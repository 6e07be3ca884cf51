/** What the action needs to know about the workflow run, read from the runner's environment and event payload. */
export interface RunContext {
  readonly eventName: string;
  readonly owner: string;
  readonly repo: string;
  /** `owner/repo`. */
  readonly repository: string;
  readonly apiUrl: string;
  readonly serverUrl: string;
  /** The commit the findings are about: the pull request's head, else GITHUB_SHA. */
  readonly headSha: string;
  /** The commit to compare with (pull request base, push `before`, merge group base). */
  readonly baseSha?: string;
  readonly pullRequest?: {
    readonly number: number;
    /** The head is in another repository: GITHUB_TOKEN is read-only there. */
    readonly fork: boolean;
  };
  readonly runUrl?: string;
}

const ZERO_SHA = /^0+$/;
const SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function obj(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === 'object' ? (v as Record<string, unknown>) : {};
}

function sha(v: unknown): string | undefined {
  const s = str(v);
  return s && SHA.test(s) && !ZERO_SHA.test(s) ? s : undefined;
}

/**
 * Reads GITHUB_* variables and the event payload (`payload` is the parsed GITHUB_EVENT_PATH file,
 * or undefined when there is none). Returns undefined outside GitHub Actions (no repository).
 */
export function readRunContext(
  env: Readonly<Record<string, string | undefined>>,
  payload: unknown,
): RunContext | undefined {
  const repository = str(env.GITHUB_REPOSITORY);
  if (!repository || !repository.includes('/')) return undefined;
  const [owner, repo] = repository.split('/', 2) as [string, string];
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  const p = obj(payload);
  const serverUrl = (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, '');
  const apiUrl = (env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/+$/, '');
  const runUrl =
    env.GITHUB_RUN_ID !== undefined
      ? `${serverUrl}/${repository}/actions/runs/${env.GITHUB_RUN_ID}`
      : undefined;
  let headSha = sha(env.GITHUB_SHA) ?? '';
  let baseSha: string | undefined;
  let pullRequest: RunContext['pullRequest'];
  const pr = obj(p.pull_request);
  if ((eventName === 'pull_request' || eventName === 'pull_request_target') && 'number' in pr) {
    const head = obj(pr.head);
    headSha = sha(head.sha) ?? headSha;
    baseSha = sha(obj(pr.base).sha);
    const headRepo = str(obj(head.repo).full_name);
    pullRequest = {
      number: Number(pr.number),
      fork: headRepo !== undefined && headRepo.toLowerCase() !== repository.toLowerCase(),
    };
  } else if (eventName === 'push') {
    headSha = sha(p.after) ?? headSha;
    baseSha = sha(p.before);
  } else if (eventName === 'merge_group') {
    const group = obj(p.merge_group);
    headSha = sha(group.head_sha) ?? headSha;
    baseSha = sha(group.base_sha);
  }
  return {
    eventName,
    owner,
    repo,
    repository,
    apiUrl,
    serverUrl,
    headSha,
    ...(baseSha ? { baseSha } : {}),
    ...(pullRequest ? { pullRequest } : {}),
    ...(runUrl ? { runUrl } : {}),
  };
}
