import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { endpointSetsOf } from '../../src/catalogue/endpoint-sets.js';
import { validateCatalogueData } from '../../src/catalogue/schema.js';
import { EMBEDDED_CATALOGUE } from '../../src/catalogue/embedded.js';
import type { Catalogue, Instance } from '../../src/catalogue/types.js';
import { run } from '../../src/cli.js';
import {
  HAS_REFERENCE,
  REFERENCE,
  newerVersion,
  referenceEndpoints,
  referenceVersion,
} from '../helpers/reference-versions.js';
import { WebServiceDouble, type Fault } from '../helpers/web-service.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function repo(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'endpoint-drift-update-'));
  dirs.push(dir);
  return dir;
}

const waits: number[] = [];
async function cli(args: string[], cwd: string, now = '2026-06-02T08:00:00.000Z') {
  let stdout = '';
  let stderr = '';
  const status = await run(args, {
    cwd,
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    now: () => new Date(now),
    sleep: async (ms) => {
      waits.push(ms);
    },
  });
  return { status, stdout, stderr };
}

/** Every file under a folder with its bytes: "byte-for-byte as before" is this being equal. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    let names: string[];
    try {
      names = readdirSync(d);
    } catch {
      return;
    }
    for (const name of names) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out[path.relative(dir, full)] = readFileSync(full, 'base64');
    }
  };
  walk(dir);
  return out;
}

const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Catalogue;

describe.skipIf(!HAS_REFERENCE)('catalogue update against the web-service double', () => {
  let double: WebServiceDouble;
  beforeEach(async () => {
    const all = Object.fromEntries(
      (['worldwide', 'china', 'usgovdod', 'usgovgcchigh'] as Instance[]).map((i) => [
        i,
        [referenceVersion(i), newerVersion(i)],
      ]),
    );
    double = await WebServiceDouble.start(all);
  });
  afterEach(async () => {
    await double.close();
  });

  it('turns the embedded worldwide data into a newer snapshot with its changelog', async () => {
    const dir = repo();
    const r = await cli(
      ['catalogue', 'update', '--instance', 'worldwide', '--service-url', double.url],
      dir,
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      'worldwide: the data at hand → 2026052900\n' +
        'wrote .github/endpoint-drift/catalogue/catalogue.json and .github/endpoint-drift/catalogue/CHANGELOG.md (1 cloud with changes)\n',
    );
    const folder = path.join(dir, '.github/endpoint-drift/catalogue');
    expect(readFileSync(path.join(folder, 'CHANGELOG.md'), 'utf8')).toBe(
      `# Microsoft 365 endpoint changes

## Microsoft 365 endpoints: update of 2026-06-02

From ${double.url}.

### Worldwide: data of 2025-09-29 (endpoints/worldwide.json) → version 2026052900 (2026-05-29)

0 added, 8 removed, 0 moved between endpoint sets, 0 endpoint-set changes.

#### Removed

| Endpoint | Endpoint set | Version | Impact |
| --- | --- | --- | --- |
| \`*.search.production.apac.trafficmanager.net\` | SharePoint set 33 (Default, optional) | 2026052900 | RemovedIpOrUrl |
| \`*.search.production.emea.trafficmanager.net\` | SharePoint set 33 (Default, optional) | 2026052900 | RemovedIpOrUrl |
| \`*.search.production.us.trafficmanager.net\` | SharePoint set 33 (Default, optional) | 2026052900 | RemovedIpOrUrl |
| \`officecdn.microsoft.com.edgesuite.net\` | Common set 92 (Default) | 2026052900 | RemovedIpOrUrl |
| \`contentauthassetscdn-prod.azureedge.net\` | MEM set 192 (Default) | 2026052900 | RemovedIpOrUrl |
| \`contentauthassetscdn-prodeur.azureedge.net\` | MEM set 192 (Default) | 2026052900 | RemovedIpOrUrl |
| \`contentauthrafcontentcdn-prod.azureedge.net\` | MEM set 192 (Default) | 2026052900 | RemovedIpOrUrl |
| \`contentauthrafcontentcdn-prodeur.azureedge.net\` | MEM set 192 (Default) | 2026052900 | RemovedIpOrUrl |
`,
    );
    const snapshot = read(path.join(folder, 'catalogue.json'));
    expect(validateCatalogueData(snapshot)).toEqual([]);
    const ww = snapshot.clouds.worldwide;
    expect(ww.provenance).toEqual({
      source: 'web-service',
      serviceUrl: double.url,
      version: '2026052900',
      fetchedAt: '2026-06-02T08:00:00.000Z',
      dataDate: '2026-05-29',
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      includesMem: true,
    });
    // The MEM sets, returned only on request, are there: every set of the reference is kept.
    expect(ww.endpointSets.map((s) => s.id)).toEqual(
      referenceEndpoints('worldwide')
        .map((s) => s.id)
        .sort((a, b) => a - b),
    );
    expect(ww.history?.removed.map((r) => [r.value, r.endpointSetId, r.version])).toHaveLength(8);
    expect(ww.history?.added).toEqual([]);
    // The other clouds were not asked for: they stay the embedded data.
    for (const i of ['china', 'usgovdod', 'usgovgcchigh'] as const)
      expect(snapshot.clouds[i]).toEqual(EMBEDDED_CATALOGUE.clouds[i]);
    expect(snapshot.clientRequestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(double.requests.map((q) => q.path + (q.query.get('serviceareas') ?? ''))).toEqual([
      '/version/Worldwide',
      '/endpoints/Worldwide',
      '/endpoints/WorldwideMEM',
      '/changes/Worldwide/2025092900',
    ]);
    expect(new Set(double.requests.map((q) => q.query.get('clientrequestid')))).toEqual(
      new Set([snapshot.clientRequestId]),
    );
  });

  it('asks /version at most once an hour and changes nothing when nothing is newer', async () => {
    const dir = repo();
    const args = ['catalogue', 'update', '--instance', 'worldwide', '--service-url', double.url];
    await cli(args, dir, '2026-06-02T08:00:00.000Z');
    const before = tree(path.join(dir, '.github'));
    const first = double.requests.length;

    const soon = await cli(args, dir, '2026-06-02T08:30:00.000Z');
    expect(soon.status).toBe(0);
    expect(soon.stdout).toBe(
      'worldwide: 2026052900 is current (version checked within the hour)\n' +
        'nothing newer: .github/endpoint-drift/catalogue is unchanged\n',
    );
    expect(double.requests.length).toBe(first);

    const later = await cli(args, dir, '2026-06-02T09:00:01.000Z');
    expect(later.stdout).toBe(
      'worldwide: 2026052900 is current\nnothing newer: .github/endpoint-drift/catalogue is unchanged\n',
    );
    expect(double.requests.slice(first).map((q) => q.path)).toEqual(['/version/Worldwide']);
    expect(tree(path.join(dir, '.github'))).toEqual(before);
    // One client id for every call of the repository, kept in the committed snapshot.
    expect(new Set(double.requests.map((q) => q.query.get('clientrequestid'))).size).toBe(1);
  });

  it('updates every cloud with --instance all, dating additions from /changes', async () => {
    const dir = repo();
    const r = await cli(
      [
        'catalogue',
        'update',
        '--service-url',
        double.url,
        '--output',
        'snap',
        '--changes',
        'pr.md',
      ],
      dir,
    );
    expect(r.status).toBe(0);
    const snapshot = read(path.join(dir, 'snap/catalogue.json'));
    expect(
      Object.values(snapshot.clouds).map((c) => [
        c.instance,
        'version' in c.provenance ? c.provenance.version : undefined,
      ]),
    ).toEqual([
      ['worldwide', '2026052900'],
      ['china', '2026022700'],
      ['usgovdod', '2026063000'],
      ['usgovgcchigh', '2026070100'],
    ]);
    expect(snapshot.clouds.usgovdod.history?.added).toEqual([
      {
        kind: 'ip',
        value: '20.35.4.0/22',
        endpointSetId: 1,
        version: '2026063000',
        effectiveDate: '2026-07-30',
      },
      {
        kind: 'ip',
        value: '2001:489a:2200:c000::/50',
        endpointSetId: 1,
        version: '2026063000',
        effectiveDate: '2026-07-30',
      },
      {
        kind: 'ip',
        value: '57.16.128.0/17',
        endpointSetId: 15,
        version: '2026063000',
        effectiveDate: '2026-07-30',
      },
    ]);
    const pr = readFileSync(path.join(dir, 'pr.md'), 'utf8');
    const changelog = readFileSync(path.join(dir, 'snap/CHANGELOG.md'), 'utf8');
    expect(changelog).toBe(`# Microsoft 365 endpoint changes\n\n${pr}`);
    expect(pr.match(/^### .*$/gm)).toEqual([
      '### Worldwide: data of 2025-09-29 (endpoints/worldwide.json) → version 2026052900 (2026-05-29)',
      '### 21Vianet (China): data of 2025-11-27 (endpoints/china.json) → version 2026022700 (2026-02-27)',
      '### US Government DoD: data of 2025-10-30 (endpoints/usgovdod.json) → version 2026063000 (2026-06-30)',
      '### US Government GCC High: data of 2025-10-30 (endpoints/usgovgcchigh.json) → version 2026070100 (2026-07-01)',
    ]);
    expect(pr).toContain(
      '| `20.35.4.0/22` | Exchange set 1 (Optimize) | 2026-07-30 | 2026063000 | AddedIp |',
    );

    // The next update starts from the snapshot and adds its section above the last one.
    double.publish('worldwide', {
      version: '2026061500',
      endpoints: newerVersion('worldwide').endpoints.map((s) =>
        s.id === 1 ? { ...s, urls: [...((s.urls as string[]) ?? []), 'new.outlook.com'] } : s,
      ),
      changes: [
        {
          id: 9999,
          endpointSetId: 1,
          disposition: 'Change',
          impact: 'AddedUrl',
          version: '2026061500',
          add: { effectiveDate: '20260715', urls: ['new.outlook.com'] },
        },
      ],
    });
    const next = await cli(
      [
        'catalogue',
        'update',
        '--instance',
        'worldwide',
        '--service-url',
        double.url,
        '--output',
        'snap',
      ],
      dir,
      '2026-06-16T08:00:00.000Z',
    );
    expect(next.stdout).toBe(
      'worldwide: 2026052900 → 2026061500\nwrote snap/catalogue.json and snap/CHANGELOG.md (1 cloud with changes)\n',
    );
    expect(double.requests.at(-1)?.path).toBe('/changes/Worldwide/2026052900');
    const again = readFileSync(path.join(dir, 'snap/CHANGELOG.md'), 'utf8');
    expect(again.match(/^### .*$/gm)?.slice(0, 2)).toEqual([
      '### Worldwide: version 2026052900 → version 2026061500 (2026-06-15)',
      '### Worldwide: data of 2025-09-29 (endpoints/worldwide.json) → version 2026052900 (2026-05-29)',
    ]);
    expect(again).toContain(
      '| `new.outlook.com` | Exchange set 1 (Optimize) | 2026-07-15 | 2026061500 | AddedUrl |',
    );
    // History carries over: the May removals are still known.
    expect(
      read(path.join(dir, 'snap/catalogue.json')).clouds.worldwide.history?.removed,
    ).toHaveLength(8);
  });

  it('updates from the real 2022 data: moves, set changes, and entries that went stale since', async () => {
    const dir = repo();
    const old = endpointSetsOf(
      'worldwide-2022-08.json',
      JSON.parse(
        readFileSync(path.join(REFERENCE, 'endpoints/historical/worldwide-2022-08.json'), 'utf8'),
      ),
    );
    const snapshot: Catalogue = {
      ...EMBEDDED_CATALOGUE,
      clientRequestId: '3f2a6c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b',
      clouds: {
        ...EMBEDDED_CATALOGUE.clouds,
        worldwide: {
          instance: 'worldwide',
          provenance: {
            source: 'web-service',
            serviceUrl: 'https://endpoints.office.com',
            version: '2022082000',
            fetchedAt: '2022-08-21T00:00:00.000Z',
            dataDate: '2022-08-20',
            sha256: 'b'.repeat(64),
            includesMem: false,
          },
          endpointSets: old,
        },
      },
    };
    mkdirSync(path.join(dir, 'snap'));
    writeFileSync(path.join(dir, 'snap/catalogue.json'), `${JSON.stringify(snapshot, null, 2)}\n`);
    const r = await cli(
      [
        'catalogue',
        'update',
        '--instance',
        'worldwide',
        '--service-url',
        double.url,
        '--output',
        'snap',
      ],
      dir,
      '2025-10-01T00:00:00.000Z',
    );
    expect(r.status).toBe(0);
    expect(double.requests.at(-1)?.path).toBe('/changes/Worldwide/2022082000');
    expect(new Set(double.requests.map((q) => q.query.get('clientrequestid')))).toEqual(
      new Set(['3f2a6c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b']),
    );
    const changelog = readFileSync(path.join(dir, 'snap/CHANGELOG.md'), 'utf8');
    expect(changelog).toContain(
      '### Worldwide: version 2022082000 → version 2026052900 (2026-05-29)\n\n',
    );
    expect(changelog).toMatch(
      /\n\d+ added, \d+ removed, 11 moved between endpoint sets, \d+ endpoint-set changes\.\n/,
    );
    expect(changelog).toContain(
      '| `autodiscover.*.onmicrosoft.com` | Exchange set 154 (Default) | Exchange set 8 (Default) | now | 2026052900 |',
    );
    expect(changelog).toContain(
      '| `2a01:111:f400::/48` | Exchange set 1 (Optimize) | Exchange set 9 (Allow) | now | 2026052900 |',
    );
    expect(changelog).toContain(
      '| Exchange set 2 (Allow, optional) | required | true | false | 2026052900 |',
    );
    expect(changelog).toContain(
      '| Skype set 13 (Allow) | removed | Skype, Allow | – | 2026052900 |',
    );

    writeFileSync(
      path.join(dir, 'list.txt'),
      '*.sfbassets.com\nmeet.skypeforbusiness.com\n52.238.119.141\n',
    );
    const check = await cli(
      [
        'check',
        '--catalogue',
        'snap',
        '--allowlist',
        'list.txt',
        '--format',
        'json',
        '--fail-on',
        'never',
      ],
      dir,
      '2025-10-01T00:00:00.000Z',
    );
    const stale = (
      JSON.parse(check.stdout) as { findings: { ruleId: string; message: string }[] }
    ).findings
      .filter((f) => f.ruleId === 'stale-entry')
      .map((f) => f.message);
    expect(stale).toEqual([
      '"*.sfbassets.com" was needed only by endpoints that Microsoft removed (from Skype set 15 Default in version 2026052900); nothing in the current Worldwide catalogue needs it',
      '"meet.skypeforbusiness.com" was needed only by endpoints that Microsoft removed ("*.skypeforbusiness.com" from Skype set 22 Allow optional in version 2026052900); nothing in the current Worldwide catalogue needs it',
      '"52.238.119.141" was needed only by endpoints that Microsoft removed ("52.238.119.141/32" from Skype set 12 Allow, Skype set 13 Allow and Skype set 22 Allow optional in version 2026052900); nothing in the current Worldwide catalogue needs it',
    ]);
  });

  const faults: [string, 'version' | 'endpoints' | 'changes', Fault[], RegExp][] = [
    [
      '429 with Retry-After on /endpoints',
      'endpoints',
      [{ kind: 'status', status: 429, retryAfter: '3600' }],
      /\/endpoints\/Worldwide: the web service is limiting requests \(HTTP 429\) \(it asks to retry after 3600 s\); try again in an hour\n$/,
    ],
    [
      '500 on every attempt of /changes',
      'changes',
      Array.from({ length: 4 }, (): Fault => ({ kind: 'status', status: 500 })),
      /\/changes\/Worldwide\/2026010100: the web service failed with HTTP 500 after 4 attempts\n$/,
    ],
    [
      'malformed JSON from /endpoints',
      'endpoints',
      [{ kind: 'malformed' }],
      /\/endpoints\/Worldwide: malformed JSON: .*\n$/,
    ],
    [
      'a truncated /endpoints answer',
      'endpoints',
      [{ kind: 'truncated' }],
      /\/endpoints\/Worldwide: the answer was cut off after \d+ bytes.*\n$/,
    ],
    [
      'a wrong content type from /version',
      'version',
      [{ kind: 'wrong-type' }],
      /\/version\/Worldwide: expected a JSON answer, got content type "text\/html"\n$/,
    ],
  ];
  it.each(faults)(
    'leaves the folder byte-for-byte as before on %s (exit 2)',
    async (_n, method, list, message) => {
      const dir = repo();
      const old = await WebServiceDouble.start({
        worldwide: [{ ...referenceVersion('worldwide'), version: '2026010100' }],
      });
      const args = (url: string) => [
        'catalogue',
        'update',
        '--instance',
        'worldwide',
        '--service-url',
        url,
        '--output',
        'snap',
        '--cache',
        'cache',
      ];
      try {
        expect((await cli(args(old.url), dir, '2026-01-02T00:00:00.000Z')).status).toBe(0);
      } finally {
        await old.close();
      }
      const before = tree(path.join(dir, 'snap'));
      expect(Object.keys(before).sort()).toEqual(['CHANGELOG.md', 'catalogue.json']);
      double.fail(method, ...list);
      const r = await cli(args(double.url), dir);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^endpoint-drift catalogue update: http:\/\/127\.0\.0\.1:\d+/);
      expect(r.stderr).toMatch(message);
      expect(tree(path.join(dir, 'snap'))).toEqual(before);
    },
  );

  it('writes to the snapshot file the configuration names', async () => {
    const dir = repo();
    mkdirSync(path.join(dir, '.github'));
    writeFileSync(
      path.join(dir, '.github/endpoint-drift.yml'),
      'catalogue: network/m365-catalogue.json\n',
    );
    const r = await cli(
      ['catalogue', 'update', '--instance', 'china', '--service-url', double.url],
      dir,
    );
    expect(r.stdout).toBe(
      'china: the data at hand → 2026022700\nwrote network/m365-catalogue.json and network/CHANGELOG.md (1 cloud with changes)\n',
    );
    expect(
      read(path.join(dir, 'network/m365-catalogue.json')).clouds.china.provenance,
    ).toMatchObject({
      version: '2026022700',
    });
    writeFileSync(path.join(dir, 'network/m365.txt'), 'outlook.office.com\n');
    const check = await cli(['check', '--allowlist', 'network/m365.txt', '--format', 'json'], dir);
    expect(JSON.parse(check.stdout).catalogue).toMatchObject({
      origin: 'snapshot',
      instance: 'worldwide',
    });
  });

  it('writes nothing when the answer is JSON but not endpoint sets', async () => {
    const dir = repo();
    double.publish('worldwide', {
      version: '2026070100',
      endpoints: [{ id: 1, serviceArea: 'Exchange', category: 'Fast', required: true }],
      changes: [],
    });
    const r = await cli(
      ['catalogue', 'update', '--instance', 'worldwide', '--service-url', double.url],
      dir,
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      `endpoint-drift catalogue update: ${double.url}/endpoints/worldwide: endpoint set 1: "category" is "Fast", expected one of Optimize, Allow, Default\n`,
    );
    expect(tree(path.join(dir, '.github'))).toEqual({});
  });

  it('refuses a damaged snapshot at hand instead of overwriting it', async () => {
    const dir = repo();
    mkdirSync(path.join(dir, 'snap'));
    writeFileSync(path.join(dir, 'snap/catalogue.json'), '{\n  "schemaVersion": 1,\n  oops\n}\n');
    const r = await cli(
      ['catalogue', 'update', '--service-url', double.url, '--output', 'snap'],
      dir,
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /^endpoint-drift catalogue update: snap\/catalogue\.json:3:3: malformed JSON: /,
    );
    expect(double.requests).toEqual([]);
  });
});

describe('catalogue update usage', () => {
  it.each<[string[], string]>([
    [
      ['--instance', 'germany'],
      'endpoint-drift catalogue update: --instance must be all, worldwide, china, usgovdod, usgovgcchigh; got "germany"\n',
    ],
    [
      ['--service-url', 'ftp://example'],
      'endpoint-drift catalogue update: --service-url must be an http(s) URL, got "ftp://example"\n',
    ],
  ])('%j', async (args, message) => {
    const r = await cli(['catalogue', 'update', ...args], repo());
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(message);
  });

  it('names an unknown subcommand', async () => {
    const r = await cli(['catalogue', 'refresh'], repo());
    expect(r).toEqual({
      status: 2,
      stdout: '',
      stderr: 'endpoint-drift catalogue: unknown subcommand "refresh" (expected update)\n',
    });
  });
});
