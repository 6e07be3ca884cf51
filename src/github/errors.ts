// What the API's errors mean, apart from the client: code that only reads errors need not load Octokit.

/** The HTTP status of an Octokit error, if it has one. */
export function statusOf(e: unknown): number | undefined {
  const s = (e as { status?: unknown } | null)?.status;
  return typeof s === 'number' ? s : undefined;
}

/** A permission problem: the token cannot write here (fork pull request, `permissions:` too narrow). */
export function isPermissionError(e: unknown): boolean {
  const s = statusOf(e);
  if (s === 401 || s === 404) return true;
  if (s !== 403) return false;
  const msg = (e as Error).message ?? '';
  return !/rate limit/i.test(msg);
}

/** One line for the log: status and GitHub's message, never a stack. */
export function describeError(e: unknown): string {
  const s = statusOf(e);
  const msg = e instanceof Error ? e.message.split('\n')[0]! : String(e);
  return s !== undefined ? `HTTP ${s}: ${msg}` : msg;
}
