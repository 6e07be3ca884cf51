import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import reportSchema from '../../schemas/report.schema.json' with { type: 'json' };
import { run } from '../../src/cli.js';
import { HAS_REFERENCE, newerVersion, referenceVersion } from '../helpers/reference-versions.js';
import { WebServiceDouble } from '../helpers/web-service.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A hand-made repository of a US Government DoD tenant. */
function repo(config: string, list: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'endpoint-drift-catalogue-cli-'));
  dirs.push(dir);
  mkdirSync(path.join(dir, '.github'), { recursive: true });
  mkdirSync(path.join(dir, 'network'), { recursive: true });
  writeFileSync(path.join(dir, '.github/endpoint-drift.yml'), config);
  writeFileSync(path.join(dir, 'network/m365.txt'), list);
  return dir;
}

async function cli(args: string[], cwd: string, now: string) {
  let stdout = '';
  let stderr = '';
  const status = await run(args, {
    cwd,
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    now: () => new Date(now),
    sleep: async () => undefined,
  });
  return { status, stdout, stderr };
}

interface ReportFinding {
  ruleId: string;
  severity: string;
  message: string;
  line: number;
  column: number;
}
interface Report {
  catalogue: Record<string, unknown>;
  notes: string[];
  findings: ReportFinding[];
}

const validate = new Ajv2020({ allErrors: true, strict: true }).compile(reportSchema);
function report(stdout: string): Report {
  const r = JSON.parse(stdout) as Report;
  expect(validate(r), JSON.stringify(validate.errors)).toBe(true);
  return r;
}

const pick = (r: Report, ...rules: string[]) =>
  r.findings
    .filter((f) => rules.includes(f.ruleId))
    .map((f) => `${f.line}:${f.column} ${f.severity} ${f.ruleId} ${f.message}`);

const LIST = [
  '# Microsoft 365, US Government DoD',
  'ocsa.officeapps.live.com',
  'officecdn.microsoft.com.edgesuite.net',
  '52.127.72.42',
  '20.35.0.0/22',
  '',
].join('\n');

describe.skipIf(!HAS_REFERENCE)('a snapshot from catalogue update used by check', () => {
  let double: WebServiceDouble;
  beforeEach(async () => {
    double = await WebServiceDouble.start({
      usgovdod: [referenceVersion('usgovdod'), newerVersion('usgovdod')],
    });
  });
  afterEach(async () => {
    await double.close();
  });

  it('names stale and upcoming entries, and says which catalogue it used', async () => {
    const dir = repo(
      'instance: usgovdod\ncatalogue: .github/endpoint-drift/catalogue\nallowlists:\n  - path: network/m365.txt\n',
      LIST,
    );
    const up = await cli(
      ['catalogue', 'update', '--instance', 'usgovdod', '--service-url', double.url],
      dir,
      '2026-07-05T06:00:00.000Z',
    );
    expect(up.status).toBe(0);
    expect(existsSync(path.join(dir, '.github/endpoint-drift/catalogue/catalogue.json'))).toBe(
      true,
    );

    const before = await cli(['check', '--format', 'json'], dir, '2026-07-05T06:00:00.000Z');
    const r = report(before.stdout);
    expect(r.catalogue).toMatchObject({
      instance: 'usgovdod',
      origin: 'snapshot',
      version: '2026063000',
      dataDate: '2026-06-30',
      fetchedAt: '2026-07-05T06:00:00.000Z',
      source: `${double.url}/endpoints/usgovdod version 2026063000`,
    });
    expect(r.notes.filter((n) => n.includes('days old'))).toEqual([]);
    expect(pick(r, 'stale-entry', 'upcoming-endpoint')).toEqual([
      '2:1 warning stale-entry "ocsa.officeapps.live.com" was needed only by endpoints that Microsoft removed (from Common set 17 Default in version 2026063000); nothing in the current US Government DoD catalogue needs it',
      '3:1 warning stale-entry "officecdn.microsoft.com.edgesuite.net" was needed only by endpoints that Microsoft removed (from Common set 17 Default in version 2026063000); nothing in the current US Government DoD catalogue needs it',
      '4:1 notice upcoming-endpoint 2001:489a:2200:c000::/50 is required from 2026-07-30 (Exchange set 1 Optimize); add it to network/m365.txt',
      // 52.127.72.42/32 left set 15, but 52.127.72.0/21 of sets 16 and 26 still holds it: not stale.
      '4:1 notice upcoming-endpoint 57.16.128.0/17 is required from 2026-07-30 (Common set 15 Allow); it belongs beside "52.127.72.42"',
      '5:1 notice upcoming-endpoint 20.35.4.0/22 is required from 2026-07-30 (Exchange set 1 Optimize); it belongs beside "20.35.0.0/22"',
    ]);
    expect(pick(r, 'missing-endpoint').some((m) => m.includes('20.35.4.0/22'))).toBe(false);

    // On the effective date the same data makes them ordinary requirements.
    const after = report(
      (await cli(['check', '--format', 'json'], dir, '2026-07-30T06:00:00.000Z')).stdout,
    );
    expect(pick(after, 'upcoming-endpoint')).toEqual([]);
    expect(pick(after, 'missing-endpoint').filter((m) => /20\.35\.4|57\.16\.128/.test(m))).toEqual([
      '4:1 error missing-endpoint 57.16.128.0/17 is required but not allowed (Common set 15 Allow); it belongs beside "52.127.72.42"',
      '5:1 error missing-endpoint 20.35.4.0/22 is required but not allowed (Exchange set 1 Optimize); it belongs beside "20.35.0.0/22"',
    ]);

    // The flag names the snapshot too (relative to the working directory), and text says which.
    const text = await cli(
      [
        'check',
        '--root',
        dir,
        '--catalogue',
        path.join(dir, '.github/endpoint-drift/catalogue/catalogue.json'),
        '--instance',
        'usgovdod',
        '--allowlist',
        'network/m365.txt',
      ],
      tmpdir(),
      '2026-07-05T06:00:00.000Z',
    );
    expect(text.stdout.split('\n')[1]).toBe(
      `catalogue: snapshot, version 2026063000, data of 2026-06-30, fetched 2026-07-05 (${double.url}/endpoints/usgovdod version 2026063000)`,
    );
    expect(text.stdout).toContain('stale-entry');
  });
});

describe('the catalogue option of check', () => {
  it('says when the embedded data is older than 45 days', async () => {
    const dir = repo('allowlists:\n  - path: network/m365.txt\n', 'outlook.office.com\n');
    const fresh = report(
      (await cli(['check', '--format', 'json'], dir, '2025-11-13T00:00:00.000Z')).stdout,
    );
    expect(fresh.catalogue.origin).toBe('embedded');
    expect(fresh.notes.filter((n) => n.includes('days old'))).toEqual([]);
    const old = report(
      (await cli(['check', '--format', 'json'], dir, '2025-11-14T00:00:00.000Z')).stdout,
    );
    expect(old.notes.filter((n) => n.includes('days old'))).toEqual([
      'the catalogue data is 46 days old (data of 2025-09-29); Microsoft changes the endpoints every month: run "endpoint-drift catalogue update" or use "catalogue: live"',
    ]);
  });

  it.each<[string, string]>([
    [
      'catalogue: ../elsewhere\n',
      'endpoint-drift: catalogue "../elsewhere" is outside the repository\n',
    ],
    [
      'catalogue: snapshots/\n',
      'endpoint-drift: catalogue: snapshots/catalogue.json does not exist (write it with "endpoint-drift catalogue update --output snapshots")\n',
    ],
    [
      'catalogue: network/m365.txt.json\n',
      'endpoint-drift: catalogue: network/m365.txt.json does not exist (write it with "endpoint-drift catalogue update --output network")\n',
    ],
  ])('refuses %j (exit 2)', async (config, message) => {
    const dir = repo(`${config}allowlists:\n  - path: network/m365.txt\n`, 'outlook.office.com\n');
    const r = await cli(['check'], dir, '2026-01-01T00:00:00.000Z');
    expect(r).toEqual({ status: 2, stdout: '', stderr: message });
  });

  it('refuses a file that is not a snapshot, naming the problem', async () => {
    const dir = repo(
      'catalogue: snap.json\nallowlists:\n  - path: network/m365.txt\n',
      'outlook.office.com\n',
    );
    writeFileSync(path.join(dir, 'snap.json'), '{"schemaVersion": 2}\n');
    const r = await cli(['check'], dir, '2026-01-01T00:00:00.000Z');
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      "endpoint-drift: snap.json: not a catalogue snapshot (schemas/catalogue.schema.json): / must have required property 'generatedFrom'; / must have required property 'clouds'; / must have required property 'otherEndpoints' and 1 more\n",
    );
  });
});

describe('a hostile configuration', () => {
  function outside(text: string): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'endpoint-drift-outside-'));
    dirs.push(dir);
    writeFileSync(path.join(dir, 'catalogue.json'), text);
    return dir;
  }

  it.each<[string, string]>([
    [
      'catalogue: snap\n',
      'endpoint-drift: catalogue "snap/catalogue.json" leads outside the repository\n',
    ],
    [
      'catalogue: live\ncatalogue-cache: snap\n',
      'endpoint-drift: catalogue-cache "snap" leads outside the repository\n',
    ],
  ])('does not follow a link out of the repository: %j', async (config, message) => {
    const secret = outside('{"SECRET-VALUE": 1}\n');
    const dir = repo(`${config}allowlists:\n  - path: network/m365.txt\n`, 'outlook.office.com\n');
    symlinkSync(secret, path.join(dir, 'snap'));
    const r = await cli(
      ['check', '--service-url', 'http://127.0.0.1:9'],
      dir,
      '2026-01-01T00:00:00.000Z',
    );
    expect(r).toEqual({ status: 2, stdout: '', stderr: message });
  });

  it('does not echo the content of a file that is not JSON', async () => {
    const dir = repo(
      'catalogue: snap.json\nallowlists:\n  - path: network/m365.txt\n',
      'outlook.office.com\n',
    );
    writeFileSync(path.join(dir, 'snap.json'), 'root:x:0:0:SECRET-VALUE:/root:/bin/bash\n');
    const r = await cli(['check'], dir, '2026-01-01T00:00:00.000Z');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /^endpoint-drift: snap\.json:1:1: malformed JSON: Unexpected token 'r'\n$/,
    );
  });
});

describe.skipIf(!HAS_REFERENCE)('catalogue: live', () => {
  const config = 'catalogue: live\nallowlists:\n  - path: network/m365.txt\n';

  it('asks the service through its cache, and falls back to the cache when it is down', async () => {
    const double = await WebServiceDouble.start({
      worldwide: [referenceVersion('worldwide'), newerVersion('worldwide')],
    });
    const dir = repo(config, '*.search.production.us.trafficmanager.net\noutlook.office.com\n');
    const args = ['check', '--format', 'json', '--service-url', double.url];
    try {
      const first = await cli(args, dir, '2026-06-02T08:00:00.000Z');
      expect(first.stderr).toBe('');
      const r = report(first.stdout);
      expect(r.catalogue).toMatchObject({ origin: 'live', version: '2026052900' });
      expect(r.notes.filter((n) => n.includes('days old'))).toEqual([]);
      expect(pick(r, 'stale-entry')).toEqual([
        '1:1 warning stale-entry "*.search.production.us.trafficmanager.net" was needed only by endpoints that Microsoft removed (from SharePoint set 33 Default optional in version 2026052900); nothing in the current Worldwide catalogue needs it',
      ]);
      expect(double.requests.map((q) => q.path)).toEqual([
        '/version/Worldwide',
        '/endpoints/Worldwide',
        '/endpoints/Worldwide',
        '/changes/Worldwide/2025092900',
      ]);
      expect(existsSync(path.join(dir, '.endpoint-drift-cache/catalogue.json'))).toBe(true);

      // Within the hour the cache answers alone.
      const again = await cli(args, dir, '2026-06-02T08:20:00.000Z');
      expect(report(again.stdout).catalogue).toMatchObject({ origin: 'live' });
      expect(double.requests).toHaveLength(4);
    } finally {
      await double.close();
    }

    // Later, with the service gone: the cached data, a warning, and the check still runs.
    const down = await cli(args, dir, '2026-06-02T10:00:00.000Z');
    expect(down.status).toBe(1);
    expect(down.stderr).toMatch(
      /^endpoint-drift: warning: catalogue: live: http:\/\/127\.0\.0\.1:\d+\/version\/Worldwide: cannot reach the web service: ECONNREFUSED.*; using the cached data of version 2026052900 \(fetched 2026-06-02\)\n$/,
    );
    const r = report(down.stdout);
    expect(r.catalogue).toMatchObject({ origin: 'cache', version: '2026052900' });
    expect(r.notes).toContain(down.stderr.replace(/^endpoint-drift: warning: /, '').trimEnd());
    expect(pick(r, 'stale-entry')).toHaveLength(1);
  });

  it('falls back to the embedded data when the service is down and nothing is cached', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const dir = repo(config, 'outlook.office.com\n');
    const r = await cli(
      ['check', '--format', 'json', '--service-url', `http://127.0.0.1:${port}`],
      dir,
      '2026-06-02T08:00:00.000Z',
    );
    expect(r.stderr).toMatch(/using the embedded data of 2025-09-29\n$/);
    const out = report(r.stdout);
    expect(out.catalogue.origin).toBe('embedded');
    expect(out.notes.filter((n) => n.includes('days old'))).toEqual([
      'the catalogue data is 246 days old (data of 2025-09-29); Microsoft changes the endpoints every month: run "endpoint-drift catalogue update" or use "catalogue: live"',
    ]);
    expect(readFileSync(path.join(dir, '.endpoint-drift-cache/client-request-id'), 'utf8')).toMatch(
      /^[0-9a-f-]{36}\n$/,
    );
  });
});
