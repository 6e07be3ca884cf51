// A GitHub REST API double on 127.0.0.1 for the pull-request tests. Every request is checked
// against GitHub's published OpenAPI description (@octokit/openapi): the operation must exist, its
// path and query parameters and its JSON body must match the description. On top of that it keeps
// GitHub's limits: at most 50 annotations per check-run request, comment bodies of at most 65,536
// characters (422 otherwise), review comments only on lines of the diff, paginated lists with
// Link headers, 403 for writes with a read-only token, and 502 once for chosen requests.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { Ajv, type ValidateFunction } from 'ajv';

interface Operation {
  readonly method: string;
  readonly template: string;
  readonly regex: RegExp;
  readonly names: string[];
  readonly spec: Record<string, unknown>;
}

const require = createRequire(import.meta.url);
const SPEC_ID = 'https://api.github.com/openapi.json';
let cached: { ops: Operation[]; ajv: Ajv; params: Record<string, unknown> } | undefined;

function loadSpec() {
  if (cached) return cached;
  const file = require.resolve('@octokit/openapi/generated/api.github.com.json');
  const spec = JSON.parse(readFileSync(file, 'utf8')) as {
    paths: Record<string, Record<string, Record<string, unknown>>>;
    components: { schemas: unknown; parameters: Record<string, unknown> };
  };
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  ajv.addSchema({ $id: SPEC_ID, components: { schemas: spec.components.schemas } });
  const ops: Operation[] = [];
  for (const [template, methods] of Object.entries(spec.paths))
    for (const [method, op] of Object.entries(methods)) {
      const names: string[] = [];
      const source = template
        .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
        .replace(/\{([^}]+)\}/g, (_, n: string) => {
          names.push(n);
          return '([^/]+)';
        });
      ops.push({
        method: method.toUpperCase(),
        template,
        regex: new RegExp(`^${source}$`),
        names,
        spec: op,
      });
    }
  // Literal paths before templated ones (`/pulls/comments/{id}` before `/pulls/{pull_number}/...`).
  ops.sort((a, b) => a.names.length - b.names.length);
  cached = { ops, ajv, params: spec.components.parameters };
  return cached;
}

const validators = new Map<unknown, ValidateFunction>();
function validatorFor(schema: unknown): ValidateFunction {
  let v = validators.get(schema);
  if (!v) {
    const text = JSON.stringify(schema).replaceAll('"#/components/', `"${SPEC_ID}#/components/`);
    v = loadSpec().ajv.compile(JSON.parse(text));
    validators.set(schema, v);
  }
  return v;
}

export interface RequestRecord {
  readonly method: string;
  readonly path: string;
  readonly operation: string;
  readonly status: number;
  readonly body?: unknown;
}

export interface PullFile {
  readonly filename: string;
  readonly patch?: string;
}

const BOT = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' as 'Bot' | 'User' };

function user(login: string, type: 'User' | 'Bot') {
  return { login, id: login.length, type };
}

export class GitHubDouble {
  readonly requests: RequestRecord[] = [];
  /** Requests that did not match GitHub's description: must stay empty. */
  readonly violations: string[] = [];
  readOnly = false;
  /** `METHOD template` of requests answered once with 502 before they succeed. */
  readonly failOnce = new Set<string>();
  /** `METHOD template` answered once with GitHub's secondary rate limit (403 and retry-after). */
  readonly secondaryLimitOnce = new Set<string>();
  /** `METHOD template` left unanswered once (a timeout). */
  readonly hangOnce = new Set<string>();
  /** `METHOD template` always answered with 502 (the API is down). */
  readonly down = new Set<string>();
  checkRuns: {
    id: number;
    name: string;
    head_sha: string;
    conclusion?: string;
    output: { title?: string; summary?: string; annotations: unknown[] };
  }[] = [];
  comments: { id: number; body: string; user: ReturnType<typeof user> }[] = [];
  reviewComments: {
    id: number;
    review_id: number;
    path: string;
    line: number;
    start_line: number | null;
    body: string;
    user: ReturnType<typeof user>;
  }[] = [];
  reviews: { id: number; commit_id: string; body: string }[] = [];
  pullFiles: PullFile[] = [];
  trees = new Map<
    string,
    { path: string; mode: string; type: string; sha: string; size: number }[]
  >();
  blobs = new Map<string, Buffer>();
  private nextId = 1000;
  private server: Server | undefined;
  url = '';

  constructor(
    readonly owner = 'contoso',
    readonly repo = 'network',
    readonly pullNumber = 7,
  ) {}

  async start(): Promise<string> {
    loadSpec();
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => this.handle(req, res, Buffer.concat(chunks).toString('utf8')));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** Comments by other people, enough to need more than one page. */
  seedComments(n: number): void {
    for (let i = 0; i < n; i++)
      this.comments.push({
        id: this.nextId++,
        body: `LGTM ${i}`,
        user: user(`reviewer${i % 3}`, 'User'),
      });
  }

  private send(
    res: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ) {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(body === undefined ? '' : JSON.stringify(body));
  }

  private handle(req: IncomingMessage, res: ServerResponse, raw: string): void {
    const url = new URL(req.url ?? '/', this.url);
    const method = req.method ?? 'GET';
    const { ops, params: sharedParams } = loadSpec();
    const op = ops.find((o) => o.method === method && o.regex.test(url.pathname));
    const record = (status: number, body?: unknown) =>
      this.requests.push({
        method,
        path: url.pathname,
        operation: op ? `${method} ${op.template}` : `${method} ?`,
        status,
        ...(body !== undefined ? { body } : {}),
      });
    const fail = (status: number, message: string, body?: unknown) => {
      record(status, body);
      this.send(res, status, { message, documentation_url: 'https://docs.github.com/rest' });
    };
    if (!op) {
      this.violations.push(`${method} ${url.pathname}: no such operation in GitHub's description`);
      return fail(404, 'Not Found');
    }
    const key = `${method} ${op.template}`;
    if (!/^(token|Bearer) \S+$/.test(req.headers.authorization ?? ''))
      return fail(401, 'Requires authentication');

    // Parameters: path values, known query names, types.
    const m = op.regex.exec(url.pathname)!;
    const values: Record<string, string> = {};
    op.names.forEach((n, i) => (values[n] = decodeURIComponent(m[i + 1]!)));
    const declared = ((op.spec.parameters ?? []) as Record<string, unknown>[]).map((p) =>
      '$ref' in p
        ? (sharedParams[(p.$ref as string).split('/').pop()!] as Record<string, unknown>)
        : p,
    );
    for (const [name, value] of url.searchParams) {
      const p = declared.find((d) => d.in === 'query' && d.name === name);
      if (!p) this.violations.push(`${key}: unknown query parameter ${name}`);
      else if ((p.schema as { type?: string }).type === 'integer' && !/^\d+$/.test(value))
        this.violations.push(`${key}: query ${name}=${value} is not an integer`);
    }
    for (const p of declared.filter((d) => d.in === 'path'))
      if (
        (p.schema as { type?: string }).type === 'integer' &&
        !/^\d+$/.test(values[p.name as string] ?? '')
      )
        this.violations.push(`${key}: path ${String(p.name)} is not an integer`);

    let body: Record<string, unknown> | undefined;
    const rb = op.spec.requestBody as { content?: Record<string, { schema: unknown }> } | undefined;
    if (raw !== '') {
      try {
        body = JSON.parse(raw) as Record<string, unknown>;
      } catch {
        this.violations.push(`${key}: body is not JSON`);
        return fail(400, 'Problems parsing JSON');
      }
      const schema = rb?.content?.['application/json']?.schema;
      if (!schema) this.violations.push(`${key}: takes no body`);
      else {
        const v = validatorFor(schema);
        if (!v(body)) {
          const errors = (v.errors ?? []).map((e) => `${e.instancePath} ${e.message}`).join('; ');
          this.violations.push(`${key}: ${errors}`);
          return fail(422, `Invalid request: ${errors}`, body);
        }
      }
    }

    if (this.hangOnce.has(key)) {
      this.hangOnce.delete(key);
      record(0, body);
      return;
    }
    if (this.secondaryLimitOnce.has(key)) {
      this.secondaryLimitOnce.delete(key);
      record(403, body);
      return this.send(
        res,
        403,
        {
          message:
            'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
          documentation_url:
            'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
        },
        { 'retry-after': '1' },
      );
    }
    if (this.down.has(key)) return fail(502, 'Server Error');
    if (this.failOnce.has(key)) {
      this.failOnce.delete(key);
      return fail(502, 'Server Error');
    }
    if (this.readOnly && method !== 'GET')
      return fail(403, 'Resource not accessible by integration', body);
    record(200, body);
    this.route(key, values, url, body ?? {}, res);
  }

  private page<T>(res: ServerResponse, url: URL, items: T[]): void {
    const perPage = Math.min(100, Number(url.searchParams.get('per_page') ?? 30));
    const page = Number(url.searchParams.get('page') ?? 1);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const links: string[] = [];
    const at = (p: number) => {
      const u = new URL(url);
      u.searchParams.set('page', String(p));
      return u.toString();
    };
    if (page < last) links.push(`<${at(page + 1)}>; rel="next"`, `<${at(last)}>; rel="last"`);
    if (page > 1) links.push(`<${at(1)}>; rel="first"`, `<${at(page - 1)}>; rel="prev"`);
    this.send(
      res,
      200,
      items.slice((page - 1) * perPage, page * perPage),
      links.length ? { link: links.join(', ') } : {},
    );
  }

  private route(
    key: string,
    v: Record<string, string>,
    url: URL,
    body: Record<string, unknown>,
    res: ServerResponse,
  ): void {
    const repoUrl = `${this.url}/repos/${this.owner}/${this.repo}`;
    const html = `https://github.example/${this.owner}/${this.repo}`;
    const checkRun = (c: (typeof this.checkRuns)[number]) => ({
      id: c.id,
      head_sha: c.head_sha,
      node_id: `CR_${c.id}`,
      external_id: '',
      url: `${repoUrl}/check-runs/${c.id}`,
      html_url: `${html}/runs/${c.id}`,
      details_url: null,
      status: 'completed',
      conclusion: c.conclusion ?? null,
      started_at: null,
      completed_at: null,
      output: {
        title: c.output.title ?? null,
        summary: c.output.summary ?? null,
        text: null,
        annotations_count: c.output.annotations.length,
        annotations_url: '',
      },
      name: c.name,
      check_suite: null,
      app: null,
      pull_requests: [],
    });
    const comment = (c: (typeof this.comments)[number]) => ({
      id: c.id,
      node_id: `IC_${c.id}`,
      url: `${repoUrl}/issues/comments/${c.id}`,
      html_url: `${html}/pull/${this.pullNumber}#issuecomment-${c.id}`,
      body: c.body,
      user: c.user,
      created_at: '2026-12-05T00:00:00Z',
      updated_at: '2026-12-05T00:00:00Z',
      issue_url: '',
      author_association: 'NONE',
    });
    const annotationsOf = (output: unknown): unknown[] =>
      (output as { annotations?: unknown[] } | undefined)?.annotations ?? [];
    switch (key) {
      case 'POST /repos/{owner}/{repo}/check-runs': {
        const annotations = annotationsOf(body.output);
        if (annotations.length > 50)
          return this.send(res, 422, { message: 'Only 50 annotations are allowed per request' });
        const c = {
          id: this.nextId++,
          name: String(body.name),
          head_sha: String(body.head_sha),
          conclusion: body.conclusion as string,
          output: { ...(body.output as object), annotations },
        };
        this.checkRuns.push(c);
        return this.send(res, 201, checkRun(c));
      }
      case 'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}': {
        const c = this.checkRuns.find((x) => x.id === Number(v.check_run_id));
        if (!c) return this.send(res, 404, { message: 'Not Found' });
        const annotations = annotationsOf(body.output);
        if (annotations.length > 50)
          return this.send(res, 422, { message: 'Only 50 annotations are allowed per request' });
        c.output = {
          ...c.output,
          ...(body.output as object),
          annotations: [...c.output.annotations, ...annotations],
        };
        return this.send(res, 200, checkRun(c));
      }
      case 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments':
        return this.page(res, url, this.comments.map(comment));
      case 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments': {
        if (String(body.body).length > 65536)
          return this.send(res, 422, {
            message: 'Validation Failed',
            errors: [{ message: 'Body is too long (maximum is 65536 characters)' }],
          });
        const c = { id: this.nextId++, body: String(body.body), user: BOT };
        this.comments.push(c);
        return this.send(res, 201, comment(c));
      }
      case 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}': {
        const c = this.comments.find((x) => x.id === Number(v.comment_id));
        if (!c) return this.send(res, 404, { message: 'Not Found' });
        if (c.user.type !== 'Bot')
          return this.send(res, 403, { message: 'Resource not accessible by integration' });
        if (String(body.body).length > 65536)
          return this.send(res, 422, {
            message: 'Validation Failed',
            errors: [{ message: 'Body is too long (maximum is 65536 characters)' }],
          });
        c.body = String(body.body);
        return this.send(res, 200, comment(c));
      }
      case 'DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}':
        this.comments = this.comments.filter((x) => x.id !== Number(v.comment_id));
        return this.send(res, 204, undefined);
      case 'GET /repos/{owner}/{repo}/pulls/{pull_number}/files':
        return this.page(
          res,
          url,
          this.pullFiles.map((f, i) => ({
            sha: `${i}`.padStart(40, '0'),
            filename: f.filename,
            status: 'modified',
            additions: 1,
            deletions: 0,
            changes: 1,
            blob_url: '',
            raw_url: '',
            contents_url: '',
            ...(f.patch ? { patch: f.patch } : {}),
          })),
        );
      case 'GET /repos/{owner}/{repo}/pulls/{pull_number}/comments':
        return this.page(
          res,
          url,
          this.reviewComments.map((c) => ({
            id: c.id,
            pull_request_review_id: c.review_id,
            path: c.path,
            line: c.line,
            start_line: c.start_line,
            side: 'RIGHT',
            body: c.body,
            user: c.user,
            diff_hunk: '',
            commit_id: '',
            original_commit_id: '',
            url: '',
            html_url: '',
            pull_request_url: '',
            node_id: '',
            created_at: '',
            updated_at: '',
            author_association: 'NONE',
            _links: {},
          })),
        );
      case 'DELETE /repos/{owner}/{repo}/pulls/comments/{comment_id}':
        this.reviewComments = this.reviewComments.filter((x) => x.id !== Number(v.comment_id));
        return this.send(res, 204, undefined);
      case 'POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews': {
        const comments = (body.comments ?? []) as {
          path: string;
          line: number;
          start_line?: number;
          body: string;
        }[];
        for (const c of comments) {
          const lines = diffLines(this.pullFiles.find((f) => f.filename === c.path)?.patch);
          for (let l = c.start_line ?? c.line; l <= c.line; l++)
            if (!lines.has(l))
              return this.send(res, 422, {
                message: 'Unprocessable Entity',
                errors: [`Line could not be resolved: ${c.path}:${l}`],
              });
        }
        const review = {
          id: this.nextId++,
          commit_id: String(body.commit_id),
          body: String(body.body ?? ''),
        };
        this.reviews.push(review);
        for (const c of comments)
          this.reviewComments.push({
            id: this.nextId++,
            review_id: review.id,
            path: c.path,
            line: c.line,
            start_line: c.start_line ?? null,
            body: c.body,
            user: BOT,
          });
        return this.send(res, 200, {
          id: review.id,
          node_id: '',
          user: BOT,
          body: review.body,
          state: 'COMMENTED',
          html_url: '',
          pull_request_url: '',
          _links: {},
          commit_id: review.commit_id,
          author_association: 'NONE',
        });
      }
      case 'GET /repos/{owner}/{repo}/git/trees/{tree_sha}': {
        const tree = this.trees.get(v.tree_sha!);
        if (!tree) return this.send(res, 404, { message: 'Not Found' });
        return this.send(res, 200, {
          sha: v.tree_sha,
          url: '',
          truncated: false,
          tree: tree.map((t) => ({ ...t, url: '' })),
        });
      }
      case 'GET /repos/{owner}/{repo}/git/blobs/{file_sha}': {
        const b = this.blobs.get(v.file_sha!);
        if (!b) return this.send(res, 404, { message: 'Not Found' });
        return this.send(res, 200, {
          sha: v.file_sha,
          node_id: '',
          url: '',
          size: b.length,
          encoding: 'base64',
          content: b.toString('base64'),
        });
      }
      default:
        this.violations.push(`${key}: not implemented by the double`);
        return this.send(res, 501, { message: 'not implemented by the double' });
    }
  }
}

/** Head-side lines of a unified diff (what GitHub lets a review comment point at). */
export function diffLines(patch: string | undefined): Set<number> {
  const out = new Set<number>();
  let next = 0;
  for (const l of (patch ?? '').split('\n')) {
    const m = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(l);
    if (m) next = Number(m[1]);
    else if (next > 0 && (l.startsWith('+') || l.startsWith(' '))) out.add(next++);
  }
  return out;
}
