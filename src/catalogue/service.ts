import type { Instance } from './types.js';

/**
 * The client of Microsoft's "Microsoft 365 IP Address and URL web service": `/version`,
 * `/endpoints` and `/changes`, with the service's manners (a stable `clientrequestid`, back-off on
 * 429 and 5xx) and strict reading of the answers: a malformed, truncated or mistyped answer is an
 * error, never data. Nothing here touches the file system; `fetch` and the waiting are injected.
 */

export const DEFAULT_SERVICE_URL = 'https://endpoints.office.com';

/** The instance names the web service uses in its routes. */
export const SERVICE_INSTANCE: Readonly<Record<Instance, string>> = {
  worldwide: 'Worldwide',
  china: 'China',
  usgovdod: 'USGovDoD',
  usgovgcchigh: 'USGovGCCHigh',
};

export type WebServiceFailure =
  | 'unreachable'
  | 'rate-limited'
  | 'server'
  | 'http'
  | 'content-type'
  | 'truncated'
  | 'malformed'
  | 'too-large';

/** A failed call; the message is one line and names the URL (without the client id). */
export class WebServiceError extends Error {
  constructor(
    message: string,
    readonly failure: WebServiceFailure,
  ) {
    super(message);
    this.name = 'WebServiceError';
  }
}

export interface WebServiceOptions {
  /** Base URL, e.g. https://endpoints.office.com (tests: http://127.0.0.1:port). */
  readonly serviceUrl: string;
  /** The GUID the service asks each client to send. */
  readonly clientRequestId: string;
  readonly fetch?: typeof fetch;
  /** How to wait between attempts; tests pass one that records the delay and returns at once. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Per request, including reading the body (default 30 s). */
  readonly timeoutMs?: number;
  /** Further attempts after a 429, a 5xx or a connection failure (default 3). */
  readonly retries?: number;
  /** The longest wait the client accepts; a 429 asking for more fails at once (default 5 min). */
  readonly maxWaitMs?: number;
  /** Largest answer read (default 32 MiB; the worldwide data is about 100 KiB). */
  readonly maxBytes?: number;
}

export interface VersionAnswer {
  readonly instance: string;
  /** YYYYMMDDNN. */
  readonly latest: string;
}

/** One record of `/changes/{instance}/{version}`, as documented. */
export interface ChangeRecord {
  readonly id: number;
  readonly endpointSetId: number;
  readonly disposition: string;
  readonly impact?: string;
  readonly version: string;
  readonly previous?: Readonly<Record<string, unknown>>;
  readonly current?: Readonly<Record<string, unknown>>;
  readonly add?: {
    /** YYYYMMDD as the service writes it. */
    readonly effectiveDate?: string;
    readonly ips: readonly string[];
    readonly urls: readonly string[];
  };
  readonly remove?: { readonly ips: readonly string[]; readonly urls: readonly string[] };
}

/** A JSON answer and its text as received. */
export interface Answer {
  readonly data: unknown;
  readonly text: string;
}

const VERSION_PATTERN = /^\d{10}$/;
const BACKOFF_MS = 1000;
/** What the documentation says to wait after a 429 when the answer does not say. */
const DEFAULT_RATE_LIMIT_WAIT_MS = 60 * 60 * 1000;

export class WebService {
  private readonly base: string;
  private readonly fetch: typeof fetch;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: WebServiceOptions) {
    this.base = options.serviceUrl.replace(/\/+$/, '');
    this.fetch = options.fetch ?? globalThis.fetch;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** `/version/{instance}`: the latest version of the instance's data. */
  async version(instance: Instance): Promise<VersionAnswer> {
    const route = `/version/${SERVICE_INSTANCE[instance]}`;
    const { data } = await this.get(route);
    const records = Array.isArray(data) ? data : [data];
    const record = records.find(
      (r: unknown) =>
        isRecord(r) &&
        typeof r.instance === 'string' &&
        r.instance.toLowerCase() === SERVICE_INSTANCE[instance].toLowerCase(),
    ) as Record<string, unknown> | undefined;
    if (!record)
      throw this.malformed(route, `no record for instance ${SERVICE_INSTANCE[instance]}`);
    if (typeof record.latest !== 'string' || !VERSION_PATTERN.test(record.latest))
      throw this.malformed(route, `"latest" is ${JSON.stringify(record.latest)}, not YYYYMMDDNN`);
    return { instance: record.instance as string, latest: record.latest };
  }

  /**
   * `/endpoints/{instance}` with no filter, then with `ServiceAreas=MEM`, which the service
   * returns only on request: together every service area, IPv6 included.
   */
  async endpoints(instance: Instance): Promise<{ answers: Answer[]; sets: unknown[] }> {
    const route = `/endpoints/${SERVICE_INSTANCE[instance]}`;
    const all = await this.get(route);
    const mem = await this.get(route, { ServiceAreas: 'MEM' });
    const sets: unknown[] = [];
    const seen = new Set<unknown>();
    for (const [answer, query] of [
      [all, ''],
      [mem, '?ServiceAreas=MEM'],
    ] as const) {
      if (!Array.isArray(answer.data))
        throw this.malformed(`${route}${query}`, 'expected an array of endpoint sets');
      for (const set of answer.data as unknown[]) {
        const id = isRecord(set) ? set.id : undefined;
        // The MEM answer repeats the Common sets, which every answer includes.
        if (id !== undefined && seen.has(id)) continue;
        seen.add(id);
        sets.push(set);
      }
    }
    return { answers: [all, mem], sets };
  }

  /** `/changes/{instance}/{version}`: every change published after `version`. */
  async changes(instance: Instance, version: string): Promise<ChangeRecord[]> {
    if (!VERSION_PATTERN.test(version))
      throw new WebServiceError(`version "${version}" is not YYYYMMDDNN`, 'http');
    const route = `/changes/${SERVICE_INSTANCE[instance]}/${version}`;
    const { data } = await this.get(route);
    if (!Array.isArray(data)) throw this.malformed(route, 'expected an array of change records');
    return data.map((raw: unknown, i) => {
      const problem = (m: string) => this.malformed(route, `record ${i}: ${m}`);
      return readChange(raw, problem);
    });
  }

  /** GET with retries; returns the parsed JSON of a 200 answer. */
  private async get(route: string, query: Record<string, string> = {}): Promise<Answer> {
    const params = new URLSearchParams({ ...query, clientrequestid: this.options.clientRequestId });
    const url = `${this.base}${route}?${params.toString()}`;
    const shown = `${this.base}${route}${query.ServiceAreas ? `?ServiceAreas=${query.ServiceAreas}` : ''}`;
    const retries = this.options.retries ?? 3;
    const maxWait = this.options.maxWaitMs ?? 5 * 60 * 1000;
    for (let attempt = 0; ; attempt++) {
      let response: Response;
      const signal = AbortSignal.timeout(this.options.timeoutMs ?? 30_000);
      try {
        response = await this.fetch(url, {
          headers: { accept: 'application/json' },
          redirect: 'error',
          signal,
        });
      } catch (e) {
        if (attempt < retries) {
          await this.sleep(BACKOFF_MS * 2 ** attempt);
          continue;
        }
        throw new WebServiceError(
          `${shown}: cannot reach the web service: ${describeFetchError(e)}`,
          'unreachable',
        );
      }
      if (response.status === 429 || response.status >= 500) {
        const asked = retryAfterMs(response.headers.get('retry-after'), Date.now());
        await response.body?.cancel().catch(() => undefined);
        const limited = response.status === 429;
        const wait = asked ?? (limited ? DEFAULT_RATE_LIMIT_WAIT_MS : BACKOFF_MS * 2 ** attempt);
        if (attempt < retries && wait <= maxWait) {
          await this.sleep(wait);
          continue;
        }
        const after =
          asked === undefined ? '' : ` (it asks to retry after ${Math.ceil(asked / 1000)} s)`;
        throw limited
          ? new WebServiceError(
              `${shown}: the web service is limiting requests (HTTP 429)${after}; try again in an hour`,
              'rate-limited',
            )
          : new WebServiceError(
              `${shown}: the web service failed with HTTP ${response.status} after ${attempt + 1} attempt${attempt === 0 ? '' : 's'}${after}`,
              'server',
            );
      }
      if (response.status !== 200) {
        await response.body?.cancel().catch(() => undefined);
        throw new WebServiceError(
          `${shown}: unexpected HTTP ${response.status} ${response.statusText}`.trimEnd(),
          'http',
        );
      }
      const type = response.headers.get('content-type') ?? '';
      if (!/^application\/json\s*(?:;|$)/i.test(type)) {
        await response.body?.cancel().catch(() => undefined);
        throw new WebServiceError(
          `${shown}: expected a JSON answer, got content type "${type || 'none'}"`,
          'content-type',
        );
      }
      const text = await this.readBody(response, shown, signal);
      let data: unknown;
      try {
        data = JSON.parse(text);
      } catch (e) {
        throw this.malformed(shown, `malformed JSON: ${jsonReason(e)}`);
      }
      return { data, text };
    }
  }

  private async readBody(response: Response, shown: string, signal: AbortSignal): Promise<string> {
    const limit = this.options.maxBytes ?? 32 * 1024 * 1024;
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (declared > limit) {
      await response.body?.cancel().catch(() => undefined);
      throw new WebServiceError(
        `${shown}: the answer is ${declared} bytes, more than the ${limit} accepted`,
        'too-large',
      );
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    try {
      const reader = response.body?.getReader();
      for (;;) {
        if (!reader) break;
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > limit) {
          await reader.cancel().catch(() => undefined);
          throw new WebServiceError(
            `${shown}: the answer is more than the ${limit} bytes accepted`,
            'too-large',
          );
        }
        chunks.push(value);
      }
    } catch (e) {
      if (e instanceof WebServiceError) throw e;
      throw new WebServiceError(
        signal.aborted
          ? `${shown}: the answer did not arrive in time`
          : `${shown}: the answer was cut off after ${size} bytes (${describeFetchError(e)})`,
        'truncated',
      );
    }
    if (Number.isFinite(declared) && size !== declared)
      throw new WebServiceError(
        `${shown}: the answer was cut off after ${size} of ${declared} bytes`,
        'truncated',
      );
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
    } catch {
      throw this.malformed(shown, 'the answer is not UTF-8');
    }
  }

  private malformed(route: string, message: string): WebServiceError {
    const shown = route.startsWith('http') ? route : `${this.base}${route}`;
    return new WebServiceError(`${shown}: ${message}`, 'malformed');
  }
}

/** Retry-After as seconds or an HTTP date, in milliseconds from `now`; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (header === null) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

function readChange(raw: unknown, problem: (m: string) => WebServiceError): ChangeRecord {
  if (!isRecord(raw)) throw problem('not an object');
  const int = (key: string): number => {
    const v = raw[key];
    if (typeof v !== 'number' || !Number.isInteger(v)) throw problem(`"${key}" is not an integer`);
    return v;
  };
  const id = int('id');
  const endpointSetId = int('endpointSetId');
  if (typeof raw.disposition !== 'string') throw problem('"disposition" is not a string');
  if (typeof raw.version !== 'string' || !VERSION_PATTERN.test(raw.version))
    throw problem('"version" is not YYYYMMDDNN');
  if (raw.impact !== undefined && typeof raw.impact !== 'string')
    throw problem('"impact" is not a string');
  const lists = (key: 'add' | 'remove') => {
    const v = raw[key];
    if (v === undefined) return undefined;
    if (!isRecord(v)) throw problem(`"${key}" is not an object`);
    const list = (name: string): string[] => {
      const l = v[name];
      if (l === undefined) return [];
      if (!Array.isArray(l) || !l.every((x) => typeof x === 'string'))
        throw problem(`"${key}.${name}" is not a list of strings`);
      return l as string[];
    };
    return { v, ips: list('ips'), urls: list('urls') };
  };
  const add = lists('add');
  const remove = lists('remove');
  const effectiveDate = add?.v.effectiveDate;
  if (
    effectiveDate !== undefined &&
    (typeof effectiveDate !== 'string' || !/^\d{8}$/.test(effectiveDate))
  )
    throw problem('"add.effectiveDate" is not YYYYMMDD');
  const object = (key: string) => {
    const v = raw[key];
    if (v === undefined) return undefined;
    if (!isRecord(v)) throw problem(`"${key}" is not an object`);
    return v;
  };
  const previous = object('previous');
  const current = object('current');
  return {
    id,
    endpointSetId,
    disposition: raw.disposition,
    ...(raw.impact !== undefined ? { impact: raw.impact } : {}),
    version: raw.version,
    ...(previous ? { previous } : {}),
    ...(current ? { current } : {}),
    ...(add
      ? {
          add: {
            ...(effectiveDate !== undefined ? { effectiveDate: effectiveDate as string } : {}),
            ips: add.ips,
            urls: add.urls,
          },
        }
      : {}),
    ...(remove ? { remove: { ips: remove.ips, urls: remove.urls } } : {}),
  };
}

/** JSON.parse's reason without the excerpt of the text it quotes. */
function jsonReason(e: unknown): string {
  return (e instanceof Error ? e.message : String(e))
    .split('\n')[0]!
    .replace(/, ".*$/, '')
    .replace(/ \(line \d+ column \d+\)$/, '');
}

function describeFetchError(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const cause = (e as { cause?: unknown }).cause;
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return 'no answer in time';
  if (cause instanceof Error) {
    const code = (cause as { code?: string }).code;
    return code ? `${code} ${cause.message}`.replace(/^(\S+) \1/, '$1') : cause.message;
  }
  return e.message;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
