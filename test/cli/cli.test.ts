import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, describe, expect, it } from 'vitest';
import reportSchema from '../../schemas/report.schema.json' with { type: 'json' };
import { run } from '../../src/cli.js';

const repo = path.resolve(import.meta.dirname, '../..');
const dirs: string[] = [];

function sandbox(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'endpoint-drift-cli-'));
  dirs.push(dir);
  cpSync(path.join(repo, 'examples'), dir, { recursive: true });
  return dir;
}

async function cli(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const status = await run(args, {
    cwd,
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
  });
  return { status, stdout, stderr };
}

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('endpoint-drift check', () => {
  it('checks the example repository and fails on errors (exit 1)', async () => {
    const dir = sandbox();
    const r = await cli(['check'], dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(
      /^endpoint-drift: Worldwide catalogue \(data 2025-09-29\), \d+ host and \d+ address requirements; 3 files, \d+ entries\n/,
    );
    expect(r.stdout).toContain(
      '  network/proxy/m365-bypass.txt:26:1  error   invalid-entry  "https://teams.microsoft.com/" has a scheme: remove "https://"',
    );
    expect(r.stdout).toMatch(/\n\d+ errors, \d+ warnings, \d+ notices?\n$/);
  });

  it('exits 0 when nothing reaches --fail-on', async () => {
    const dir = sandbox();
    expect((await cli(['check', '--fail-on', 'never'], dir)).status).toBe(0);
    const onlyNotices = await cli(
      [
        'check',
        '--allowlist',
        'network/proxy/*.txt',
        '--fail-on',
        'error',
        '--service-areas',
        'Skype',
        '--categories',
        'Default',
      ],
      dir,
    );
    expect(onlyNotices.status).toBe(1); // the invalid entry is an error whatever the selection
  });

  it('writes a JSON report that follows schemas/report.schema.json, the same on every run', async () => {
    const dir = sandbox();
    const a = await cli(['check', '--format', 'json', '--output', 'report.json'], dir);
    const b = await cli(['check', '--format', 'json'], dir);
    expect(a.stdout).toBe(b.stdout);
    expect(readFileSync(path.join(dir, 'report.json'), 'utf8')).toBe(a.stdout);
    const report = JSON.parse(a.stdout);
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(reportSchema);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.catalogue).toMatchObject({
      instance: 'worldwide',
      dataDate: '2025-09-29',
      selection: { tenant: 'contoso' },
    });
    expect(report.files).toEqual([
      {
        path: 'network/proxy/m365-bypass.txt',
        format: 'plain',
        kind: 'allowlist',
        group: 'proxy',
        scope: 'dedicated',
        entries: expect.any(Number),
      },
      {
        path: 'network/firewall/m365-egress.yaml',
        format: 'allowlist-yaml',
        kind: 'allowlist',
        group: 'firewall',
        scope: 'dedicated',
        entries: expect.any(Number),
      },
      { path: 'dns/contoso.com.zone', format: 'bind', kind: 'dns', records: 13 },
    ]);
    const missing = report.findings.find(
      (f: { ruleId: string; requirement?: { pattern: string } }) =>
        f.ruleId === 'missing-endpoint' && f.requirement?.pattern === '52.122.0.0/15',
    );
    expect(missing).toMatchObject({
      severity: 'error',
      file: 'network/firewall/m365-egress.yaml',
      requirement: {
        kind: 'ip',
        endpointSets: [
          { endpointSetId: 11, serviceArea: 'Skype', category: 'Optimize', required: true },
          { endpointSetId: 12, serviceArea: 'Skype', category: 'Allow', required: true },
        ],
      },
      uncovered: ['52.122.0.0/15'],
    });
  });

  it('reports allowlist and DNS findings in one run and one report', async () => {
    const dir = sandbox();
    const report = JSON.parse((await cli(['check', '--format', 'json'], dir)).stdout);
    expect(report.files).toContainEqual({
      path: 'dns/contoso.com.zone',
      format: 'bind',
      kind: 'dns',
      records: 13,
    });
    const dns = report.findings
      .filter((f: { file: string }) => f.file === 'dns/contoso.com.zone')
      .map((f: { ruleId: string; line: number }) => `${f.line} ${f.ruleId}`);
    expect(dns).toEqual([
      '19 dns-multiple-mx',
      '20 dns-spf-all',
      '20 dns-spf-unknown-include',
      '22 dns-forbidden-record',
      '23 dns-wrong-value',
    ]);
    expect(report.findings.some((f: { ruleId: string }) => f.ruleId === 'missing-endpoint')).toBe(
      true,
    );
    const again = await cli(
      ['check', '--dns', 'dns/contoso.com.zone', '--instance', 'china', '--format', 'json'],
      dir,
    );
    const china = JSON.parse(again.stdout);
    expect(
      china.findings
        .filter((f: { ruleId: string; file: string }) => f.file.startsWith('dns/'))
        .map((f: { ruleId: string }) => f.ruleId),
    ).toContain('dns-wrong-value');
  });

  it('waits for stdout to drain between the chunks of a long report', async () => {
    const dir = sandbox();
    // Thousands of duplicate entries: a report of several chunks.
    const lines = Array.from({ length: 3000 }, () => '13.107.6.152/31');
    writeFileSync(path.join(dir, 'long.txt'), `${lines.join('\n')}\n`);
    const events: string[] = [];
    let pending = false;
    let stdout = '';
    const status = await run(
      ['check', '--allowlist', 'long.txt', '--format', 'json', '--fail-on', 'never'],
      {
        cwd: dir,
        stdout: (t) => {
          expect(pending).toBe(false);
          events.push('write');
          stdout += t;
        },
        stderr: () => undefined,
        drained: () => {
          pending = true;
          events.push('wait');
          return new Promise((resolve) =>
            setImmediate(() => {
              pending = false;
              resolve();
            }),
          );
        },
      },
    );
    expect(status).toBe(0);
    expect(events.length).toBeGreaterThan(4);
    expect(events.join(' ')).toBe(
      Array(events.length / 2)
        .fill('write wait')
        .join(' '),
    );
    const report = JSON.parse(stdout) as { findings: unknown[] };
    expect(report.findings.length).toBeGreaterThanOrEqual(2999);
  });

  it('takes --allowlist over the config file and flags over its options', async () => {
    const dir = sandbox();
    const r = await cli(
      [
        'check',
        '--allowlist',
        'network/proxy/m365-bypass.txt',
        '--instance',
        'china',
        '--format',
        'json',
        '--fail-on',
        'never',
      ],
      dir,
    );
    const report = JSON.parse(r.stdout);
    expect(report.catalogue.instance).toBe('china');
    expect(report.files.map((f: { path: string }) => f.path)).toEqual([
      'network/proxy/m365-bypass.txt',
      'dns/contoso.com.zone',
    ]);
  });

  it.each([
    [['check', '--bogus'], /^endpoint-drift check: unknown option "--bogus"/],
    [
      ['check', '--format', 'xml'],
      /^endpoint-drift check: --format must be text or json, got "xml"$/,
    ],
    [['check', '--ipv6', 'sometimes'], /^--ipv6: expected true or false, got "sometimes"$/],
    [
      ['check', '--config', 'missing.yml'],
      /^missing.yml: cannot be read \(no such file\) \(the configuration file\)$/,
    ],
    [['launch'], /^endpoint-drift: unknown command "launch"/],
  ])('exits 2 with one line for %j', async (args, message) => {
    const r = await cli(args as string[], sandbox());
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr.trim()).toMatch(message);
  });

  it('reports configuration mistakes at file:line:column (exit 2)', async () => {
    const dir = sandbox();
    writeFileSync(
      path.join(dir, '.github/endpoint-drift.yml'),
      'allowlists:\n  - path: a.txt\n    scope: everywhere\n',
    );
    const r = await cli(['check'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      '.github/endpoint-drift.yml:3:12: "allowlists[0].scope" must be one of "dedicated", "mixed"\n',
    );
  });

  it('names unreadable inputs and still checks the rest (exit 2)', async () => {
    const dir = sandbox();
    writeFileSync(path.join(dir, 'network/proxy/blob.txt'), Buffer.from([0x6f, 0x00, 0x01]));
    writeFileSync(
      path.join(dir, 'network/proxy/latin1.txt'),
      Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]),
    );
    mkdirSync(path.join(dir, 'network/proxy/dir.txt'));
    writeFileSync(
      path.join(dir, '.github/endpoint-drift.yml'),
      'allowlists:\n  - path: network/proxy/*.txt\n  - path: network/nothing/*.txt\n',
    );
    mkdirSync(path.join(dir, 'lists'));
    writeFileSync(path.join(dir, 'lists/a.txt'), 'outlook.office.com\n');
    const r = await cli(['check', '--fail-on', 'never'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([
      'endpoint-drift: network/proxy/blob.txt: is not a text file (NUL byte at offset 1)',
      'endpoint-drift: network/proxy/latin1.txt: is not valid UTF-8 text',
      'endpoint-drift: .github/endpoint-drift.yml:3:5: "network/nothing/*.txt" matches no file',
    ]);
    expect(r.stdout).toContain('network/proxy/m365-bypass.txt:26:1');
  });

  it('asks for allowlists when there are none (exit 2)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'endpoint-drift-empty-'));
    dirs.push(dir);
    const r = await cli(['check'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      'endpoint-drift: nothing to check: give --allowlist PATH or --dns PATH, or list them under "allowlists" or "dns" in .github/endpoint-drift.yml\n',
    );
  });
});

describe('the CLI bundle', () => {
  const bundle = path.join(repo, 'dist/cli.js');

  it('prints help and the version', () => {
    const help = spawnSync(process.execPath, [bundle, '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^endpoint-drift \d+\.\d+\.\d+\nCheck allowlists/);
    const none = spawnSync(process.execPath, [bundle], { encoding: 'utf8' });
    expect(none.status).toBe(2);
  });

  it('gives the same report as the source', async () => {
    const dir = sandbox();
    const r = spawnSync(process.execPath, [bundle, 'check', '--format', 'json'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe((await cli(['check', '--format', 'json'], dir)).stdout);
  });

  it('lists formats and scenarios', () => {
    const formats = spawnSync(process.execPath, [bundle, 'formats'], { encoding: 'utf8' });
    expect(formats.stdout).toMatch(/^ {2}plain +plain list/m);
    expect(formats.stdout).toMatch(/^DNS record files:\n {2}bind +BIND zone file/m);
    const scenarios = spawnSync(process.execPath, [bundle, 'scenarios'], { encoding: 'utf8' });
    expect(scenarios.stdout).toMatch(/^graph-change-notifications +row 23: /m);
  });
});
