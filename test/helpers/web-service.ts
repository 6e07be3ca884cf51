import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Instance } from '../../src/catalogue/types.js';

/**
 * A double of Microsoft's "Microsoft 365 IP Address and URL web service" on 127.0.0.1, with the
 * documented routes and shapes: `/version[/{instance}]`, `/endpoints/{instance}` (ServiceAreas
 * filter; MEM only on request), `/changes/{instance}/{version}` (records newer than the version,
 * with effectiveDate and impact), a required `clientrequestid` GUID, and on request the faults a
 * client must survive: 429 with Retry-After, 500, malformed JSON, a truncated body, the wrong
 * content type, a dropped connection.
 */

/** One published version of an instance's data. */
export interface Published {
  readonly version: string;
  readonly endpoints: readonly Record<string, unknown>[];
  /** Change records of this version (their `version` field is this version). */
  readonly changes: readonly Record<string, unknown>[];
}

export type Fault =
  | { readonly kind: 'status'; readonly status: number; readonly retryAfter?: string }
  | { readonly kind: 'malformed' }
  | { readonly kind: 'truncated' }
  | { readonly kind: 'wrong-type' }
  | { readonly kind: 'drop' };

export const NAMES: Readonly<Record<Instance, string>> = {
  worldwide: 'Worldwide',
  china: 'China',
  usgovdod: 'USGovDoD',
  usgovgcchigh: 'USGovGCCHigh',
};

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface Request {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
}

export class WebServiceDouble {
  readonly requests: Request[] = [];
  private readonly faults = new Map<string, Fault[]>();
  private readonly data = new Map<string, Published[]>();

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  /** Starts the double; `versions` lists each instance's versions, oldest first. */
  static async start(
    versions: Partial<Record<Instance, readonly Published[]>>,
  ): Promise<WebServiceDouble> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const double = new WebServiceDouble(server, `http://127.0.0.1:${port}`);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => double.handle(req, res));
    for (const [instance, list] of Object.entries(versions))
      double.data.set(NAMES[instance as Instance].toLowerCase(), [...list]);
    return double;
  }

  /** Publishes a new version of an instance. */
  publish(instance: Instance, version: Published): void {
    const key = NAMES[instance].toLowerCase();
    this.data.set(key, [...(this.data.get(key) ?? []), version]);
  }

  /** The next answers of a method (`version`, `endpoints`, `changes`) are these faults, in order. */
  fail(method: 'version' | 'endpoints' | 'changes', ...faults: Fault[]): void {
    this.faults.set(method, [...(this.faults.get(method) ?? []), ...faults]);
  }

  count(method: 'version' | 'endpoints' | 'changes'): number {
    return this.requests.filter((r) => r.path.split('/')[1] === method).length;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    // Query names are case-insensitive at the real service (ClientRequestId, clientrequestid).
    const query = new URLSearchParams();
    for (const [k, v] of url.searchParams) query.set(k.toLowerCase(), v);
    this.requests.push({ method: req.method ?? 'GET', path: url.pathname, query });
    const parts = url.pathname.split('/').filter(Boolean);
    const method = (parts[0] ?? '').toLowerCase();

    const fault = this.faults.get(method)?.shift();
    if (fault) return this.answerFault(res, fault);

    if (req.method !== 'GET') return this.json(res, 405, { error: 'method not allowed' });
    const id = query.get('clientrequestid');
    if (!id || !GUID.test(id))
      return this.json(res, 400, { error: 'ClientRequestId must be a GUID' });

    if (method === 'version') {
      if (parts.length === 1)
        return this.json(
          res,
          200,
          [...this.data.entries()].map(([k, list]) => ({
            instance: this.display(k),
            latest: list[list.length - 1]!.version,
          })),
        );
      const list = this.data.get((parts[1] ?? '').toLowerCase());
      if (!list) return this.json(res, 400, { error: 'unknown instance' });
      return this.json(res, 200, {
        instance: this.display(parts[1]!.toLowerCase()),
        latest: list[list.length - 1]!.version,
      });
    }
    if (method === 'endpoints' && parts.length === 2) {
      const list = this.data.get(parts[1]!.toLowerCase());
      if (!list) return this.json(res, 400, { error: 'unknown instance' });
      const latest = list[list.length - 1]!;
      const areas = query
        .get('serviceareas')
        ?.split(',')
        .map((a) => a.trim().toLowerCase());
      // Common is always included; MEM only when asked for.
      const sets = latest.endpoints.filter((s) => {
        const area = String(s.serviceArea).toLowerCase();
        return areas ? area === 'common' || areas.includes(area) : area !== 'mem';
      });
      return this.json(res, 200, sets);
    }
    if (method === 'changes' && parts.length === 3) {
      const list = this.data.get(parts[1]!.toLowerCase());
      if (!list) return this.json(res, 400, { error: 'unknown instance' });
      if (!/^\d{10}$/.test(parts[2]!))
        return this.json(res, 400, { error: 'version must have exactly 10 digits' });
      const since = parts[2]!;
      return this.json(
        res,
        200,
        list.filter((v) => v.version > since).flatMap((v) => v.changes),
      );
    }
    return this.json(res, 404, { error: 'not found' });
  }

  private display(key: string): string {
    return Object.values(NAMES).find((n) => n.toLowerCase() === key) ?? key;
  }

  private json(res: ServerResponse, status: number, body: unknown): void {
    const text = JSON.stringify(body);
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(text),
      'cache-control': 'public, max-age=3600',
    });
    res.end(text);
  }

  private answerFault(res: ServerResponse, fault: Fault): void {
    switch (fault.kind) {
      case 'status':
        res.writeHead(fault.status, {
          'content-type': 'application/json; charset=utf-8',
          ...(fault.retryAfter !== undefined ? { 'retry-after': fault.retryAfter } : {}),
        });
        res.end(JSON.stringify({ error: `status ${fault.status}` }));
        return;
      case 'malformed': {
        const text = '[{"id": 1, "serviceArea": "Exchange", "urls": ["outlook.office.com",]}';
        res.writeHead(200, {
          'content-type': 'application/json; charset=utf-8',
          'content-length': Buffer.byteLength(text),
        });
        res.end(text);
        return;
      }
      case 'truncated': {
        const text = JSON.stringify({ instance: 'Worldwide', latest: '2099010100' }).repeat(50);
        res.writeHead(200, {
          'content-type': 'application/json; charset=utf-8',
          'content-length': Buffer.byteLength(text),
        });
        // Half the promised body, then the connection goes away.
        res.write(text.slice(0, text.length / 2), () => res.socket?.destroy());
        return;
      }
      case 'wrong-type': {
        const text = '<html><body>Service Unavailable</body></html>';
        res.writeHead(200, { 'content-type': 'text/html', 'content-length': text.length });
        res.end(text);
        return;
      }
      case 'drop':
        res.socket?.destroy();
        return;
    }
  }
}
