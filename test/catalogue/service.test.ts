import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { retryAfterMs, WebService, WebServiceError } from '../../src/catalogue/service.js';
import { WebServiceDouble, type Fault } from '../helpers/web-service.js';

const GUID = '3f2a6c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b';

const SETS = [
  {
    id: 1,
    serviceArea: 'Exchange',
    serviceAreaDisplayName: 'Exchange Online',
    urls: ['outlook.office.com'],
    ips: ['40.96.0.0/13'],
    tcpPorts: '443',
    expressRoute: true,
    category: 'Optimize',
    required: true,
  },
  {
    id: 4,
    serviceArea: 'Common',
    serviceAreaDisplayName: 'Microsoft 365 Common',
    urls: ['*.office.com'],
    tcpPorts: '443',
    expressRoute: false,
    category: 'Allow',
    required: true,
  },
  {
    id: 163,
    serviceArea: 'MEM',
    serviceAreaDisplayName: 'Microsoft Intune',
    urls: ['*.manage.microsoft.com'],
    tcpPorts: '443',
    expressRoute: false,
    category: 'Default',
    required: true,
  },
];

const CHANGE = {
  id: 7,
  endpointSetId: 1,
  disposition: 'Change',
  impact: 'AddedIp',
  version: '2026060100',
  add: { effectiveDate: '20260701', ips: ['40.96.0.0/13'] },
};

let double: WebServiceDouble;
const waits: number[] = [];
const client = (retries = 3) =>
  new WebService({
    serviceUrl: double.url,
    clientRequestId: GUID,
    retries,
    sleep: async (ms) => {
      waits.push(ms);
    },
  });

beforeAll(async () => {
  double = await WebServiceDouble.start({
    worldwide: [
      { version: '2026050100', endpoints: SETS.slice(0, 2), changes: [] },
      { version: '2026060100', endpoints: SETS, changes: [CHANGE] },
    ],
  });
});
afterAll(async () => {
  await double.close();
});

describe('web service client against the double', () => {
  it('reads /version, /endpoints (with the MEM sets asked for separately) and /changes', async () => {
    const c = client();
    expect(await c.version('worldwide')).toEqual({ instance: 'Worldwide', latest: '2026060100' });
    const { sets, answers } = await c.endpoints('worldwide');
    expect(sets.map((s) => (s as { id: number }).id)).toEqual([1, 4, 163]);
    expect(answers).toHaveLength(2);
    expect(await c.changes('worldwide', '2026050100')).toEqual([
      { ...CHANGE, add: { ...CHANGE.add, urls: [] } },
    ]);
    expect(await c.changes('worldwide', '2026060100')).toEqual([]);
    const routes = double.requests.slice(-5).map((r) => [r.path, r.query.get('serviceareas')]);
    expect(routes).toEqual([
      ['/version/Worldwide', null],
      ['/endpoints/Worldwide', null],
      ['/endpoints/Worldwide', 'MEM'],
      ['/changes/Worldwide/2026050100', null],
      ['/changes/Worldwide/2026060100', null],
    ]);
    expect(new Set(double.requests.map((r) => r.query.get('clientrequestid')))).toEqual(
      new Set([GUID]),
    );
  });

  it('waits as Retry-After says on 429, backs off on 5xx, then succeeds', async () => {
    waits.length = 0;
    double.fail('version', { kind: 'status', status: 429, retryAfter: '7' });
    double.fail('version', { kind: 'status', status: 500 }, { kind: 'status', status: 503 });
    expect((await client().version('worldwide')).latest).toBe('2026060100');
    expect(waits).toEqual([7000, 2000, 4000]);
  });

  const cases: [string, Fault[], RegExp, WebServiceError['failure']][] = [
    [
      'a 429 asking for an hour',
      [{ kind: 'status', status: 429, retryAfter: '3600' }],
      /^http:\/\/127\.0\.0\.1:\d+\/version\/Worldwide: the web service is limiting requests \(HTTP 429\) \(it asks to retry after 3600 s\); try again in an hour$/,
      'rate-limited',
    ],
    [
      'a 429 without Retry-After (the documentation says: wait an hour)',
      [{ kind: 'status', status: 429 }],
      /: the web service is limiting requests \(HTTP 429\); try again in an hour$/,
      'rate-limited',
    ],
    [
      'a 500 on every attempt',
      Array.from({ length: 4 }, (): Fault => ({ kind: 'status', status: 500 })),
      /\/version\/Worldwide: the web service failed with HTTP 500 after 4 attempts$/,
      'server',
    ],
    [
      'malformed JSON',
      [{ kind: 'malformed' }],
      /\/version\/Worldwide: malformed JSON: /,
      'malformed',
    ],
    [
      'a truncated body',
      [{ kind: 'truncated' }],
      /\/version\/Worldwide: the answer was cut off after \d+ bytes/,
      'truncated',
    ],
    [
      'the wrong content type',
      [{ kind: 'wrong-type' }],
      /\/version\/Worldwide: expected a JSON answer, got content type "text\/html"$/,
      'content-type',
    ],
    [
      'a 404',
      [{ kind: 'status', status: 404 }],
      /\/version\/Worldwide: unexpected HTTP 404 Not Found$/,
      'http',
    ],
    [
      'a dropped connection on every attempt',
      Array.from({ length: 4 }, (): Fault => ({ kind: 'drop' })),
      /\/version\/Worldwide: cannot reach the web service: /,
      'unreachable',
    ],
  ];
  it.each(cases)('fails clearly on %s', async (_name, faults, message, failure) => {
    double.fail('version', ...faults);
    const error = await client()
      .version('worldwide')
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(WebServiceError);
    expect((error as WebServiceError).message).toMatch(message);
    expect((error as WebServiceError).failure).toBe(failure);
    expect((error as WebServiceError).message).not.toContain(GUID);
  });

  it('rejects answers of the wrong shape', async () => {
    const other = await WebServiceDouble.start({
      worldwide: [{ version: '2026', endpoints: [], changes: [{ id: 'x' }] }],
    });
    try {
      const c = new WebService({ serviceUrl: other.url, clientRequestId: GUID });
      await expect(c.version('worldwide')).rejects.toThrow(
        /\/version\/Worldwide: "latest" is "2026", not YYYYMMDDNN$/,
      );
      await expect(c.changes('worldwide', '0000000000')).rejects.toThrow(
        /\/changes\/Worldwide\/0000000000: record 0: "id" is not an integer$/,
      );
      await expect(c.version('china')).rejects.toThrow(/\/version\/China: unexpected HTTP 400/);
    } finally {
      await other.close();
    }
  });
});

describe('Retry-After', () => {
  it.each<[string | null, number | undefined]>([
    [null, undefined],
    ['120', 120_000],
    [' 0 ', 0],
    ['Sat, 05 Dec 2026 03:00:30 GMT', 30_000],
    ['Sat, 05 Dec 2026 02:00:00 GMT', 0],
    ['soon', undefined],
  ])('%s', (header, expected) => {
    expect(retryAfterMs(header, Date.parse('2026-12-05T03:00:00Z'))).toBe(expected);
  });
});
