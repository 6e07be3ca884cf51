import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli.js';

const repo = path.resolve(import.meta.dirname, '../..');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function sandbox(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'endpoint-drift-fix-cli-'));
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

const git = spawnSync('git', ['--version']).status === 0;
const checkzone = spawnSync('named-checkzone', ['-v']).status === 0;

/** Findings of the rules fix changes by default, as `check` prints them (without locations). */
async function fixable(dir: string): Promise<string[]> {
  const r = await cli(['check', '--format', 'json', '--fail-on', 'never'], dir);
  const report = JSON.parse(r.stdout) as { findings: { ruleId: string; message: string }[] };
  const rules = [
    'missing-endpoint',
    'partially-covered',
    'extraneous-entry',
    'redundant-entry',
    'dns-missing-record',
    'dns-wrong-value',
    'dns-forbidden-record',
    'dns-spf-missing-include',
  ];
  return report.findings.filter((f) => rules.includes(f.ruleId)).map((f) => f.ruleId);
}

describe('endpoint-drift fix', () => {
  it('prints a diff of the examples that git apply accepts, and exits 1', async () => {
    const dir = sandbox();
    const r = await cli(['fix'], dir);
    expect(r.status).toBe(1);
    expect(r.stdout.startsWith('--- a/dns/contoso.com.zone\n+++ b/dns/contoso.com.zone\n@@ ')).toBe(
      true,
    );
    expect(r.stdout).toContain('\n--- a/network/firewall/m365-egress.yaml\n');
    expect(r.stdout).toContain('\n--- a/network/proxy/m365-bypass.txt\n');
    expect(r.stdout).toContain('\n-msoid           IN CNAME clientconfig.microsoftonline-p.net.\n');
    expect(r.stdout).toContain('\n+outlook.cloud.microsoft\n');
    expect(r.stdout.endsWith('\n')).toBe(true);
    expect(r.stderr).toContain(
      'network/proxy/m365-bypass.txt:26:1: invalid-entry not fixed: malformed: fix cannot tell what was meant; correct it by hand\n',
    );
    expect(r.stderr).toContain(
      'network/proxy/m365-bypass.txt:246:1: over-broad-entry not fixed: a person should choose: run fix --rule over-broad-entry',
    );
    if (git) {
      spawnSync('git', ['init', '-q', dir]);
      const apply = spawnSync('git', ['apply', '--check', '-'], { cwd: dir, input: r.stdout });
      expect(apply.stderr.toString()).toBe('');
      expect(apply.status).toBe(0);
    }
  });

  it('--write applies it: check then finds none of the fixed findings, and a second fix is empty', async () => {
    const dir = sandbox();
    expect((await fixable(dir)).length).toBeGreaterThan(0);
    const diff = await cli(['fix'], dir);
    const w = await cli(['fix', '--write'], dir);
    expect(w.status).toBe(0);
    expect(w.stderr).toContain('endpoint-drift: fixed network/proxy/m365-bypass.txt\n');
    expect(await fixable(dir)).toEqual([]);
    const again = await cli(['fix'], dir);
    expect(again).toMatchObject({ status: 0, stdout: '' });
    if (git) {
      // What was written is exactly what was printed.
      const fresh = sandbox();
      spawnSync('git', ['init', '-q', fresh]);
      expect(spawnSync('git', ['apply', '-'], { cwd: fresh, input: diff.stdout }).status).toBe(0);
      for (const f of ['dns/contoso.com.zone', 'network/proxy/m365-bypass.txt'])
        expect(readFileSync(path.join(fresh, f), 'utf8')).toBe(
          readFileSync(path.join(dir, f), 'utf8'),
        );
    }
  });

  it.skipIf(!checkzone)('leaves a zone that named-checkzone loads', async () => {
    const dir = sandbox();
    expect((await cli(['fix', '--write'], dir)).status).toBe(0);
    const z = spawnSync(
      'named-checkzone',
      ['contoso.com', path.join(dir, 'dns/contoso.com.zone')],
      {
        encoding: 'utf8',
      },
    );
    expect(z.stdout).toMatch(/loaded serial \d{10}\nOK\n$/);
    expect(z.status).toBe(0);
  });

  it('--rule limits the rules; over-broad entries only when named', async () => {
    const dir = sandbox();
    const r = await cli(['fix', '--rule', 'redundant-entry'], dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe(
      [
        '--- a/network/proxy/m365-bypass.txt',
        '+++ b/network/proxy/m365-bypass.txt',
        '@@ -3,7 +3,6 @@',
        ' ',
        ' # Exchange Online - endpoint set 1 (Optimize)',
        ' outlook.office.com',
        '-outlook.office.com        # added again for the new Outlook rollout',
        ' outlook.office365.com',
        ' ',
        ' # Exchange Online - endpoint set 8 (Default)',
        '',
      ].join('\n'),
    );
    const broad = await cli(['fix', '--rule', 'over-broad-entry'], dir);
    // Every required name under it is already listed: the broad entry goes, nothing is added.
    expect(broad.stdout).toContain(
      '\n-*.windows.net             # broad rule requested for Azure services\n',
    );
    expect(broad.stdout.split('\n').filter((l) => /^[-+][^-+]/.test(l))).toEqual([
      '-*.windows.net             # broad rule requested for Azure services',
    ]);
  });

  it('refuses an unknown rule (exit 2)', async () => {
    const dir = sandbox();
    const r = await cli(['fix', '--rule', 'invalid-entry'], dir);
    expect(r).toEqual({
      status: 2,
      stdout: '',
      stderr:
        'endpoint-drift fix: --rule invalid-entry: not a rule fix changes (one of: missing-endpoint, partially-covered, extraneous-entry, redundant-entry, over-broad-entry, dns-missing-record, dns-wrong-value, dns-forbidden-record, dns-spf-missing-include)\n',
    });
  });

  it('exit 3 names a file that could not be written; the others are written', async () => {
    const dir = sandbox();
    chmodSync(path.join(dir, 'dns/contoso.com.zone'), 0o444);
    const before = readFileSync(path.join(dir, 'dns/contoso.com.zone'), 'utf8');
    const r = await cli(['fix', '--write'], dir);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('endpoint-drift: dns/contoso.com.zone is read-only; not changed\n');
    expect(r.stderr).toContain('endpoint-drift: fixed network/proxy/m365-bypass.txt\n');
    expect(readFileSync(path.join(dir, 'dns/contoso.com.zone'), 'utf8')).toBe(before);
  });

  it('says plainly when a format cannot be edited, with the value to add', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'endpoint-drift-fix-cli-'));
    dirs.push(dir);
    writeFileSync(
      path.join(dir, 'proxy.pac'),
      'function FindProxyForURL(url, host) {\n  if (shExpMatch(host, "outlook.office.com")) return "DIRECT";\n  return "PROXY proxy:8080";\n}\n',
    );
    const args = ['fix', '--allowlist', 'proxy.pac'];
    const r = await cli(
      [...args, '--service-areas', 'Exchange', '--categories', 'Optimize', '--no-ipv6'],
      dir,
    );
    expect(r).toEqual({
      status: 0,
      stdout: '',
      stderr:
        'proxy.pac:2:1: missing-endpoint not fixed: fix cannot edit pac files; add outlook.cloud.microsoft (TCP 80,443, UDP 443) by hand\n' +
        'proxy.pac:2:1: missing-endpoint not fixed: fix cannot edit pac files; add outlook.office365.com (TCP 80,443, UDP 443) by hand\n',
    });
  });

  it('changes nothing while a file it reads is refused, and says so once', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'endpoint-drift-fix-cli-'));
    const outside = mkdtempSync(path.join(tmpdir(), 'endpoint-drift-fix-outside-'));
    dirs.push(dir, outside);
    writeFileSync(path.join(outside, 'acl.txt'), '.secret-outside.example\n');
    mkdirSync(path.join(dir, 'proxy'));
    symlinkSync(path.join(outside, 'acl.txt'), path.join(dir, 'proxy/m365.txt'));
    writeFileSync(
      path.join(dir, 'proxy/squid.conf'),
      'acl m365 dstdomain "m365.txt"\nhttp_access allow m365\n',
    );
    const r = await cli(['fix', '--allowlist', 'proxy/squid.conf'], dir);
    expect(r).toEqual({
      status: 2,
      stdout: '',
      stderr:
        'endpoint-drift: proxy/squid.conf:1:21: "m365.txt" (proxy/m365.txt) leads outside the workspace through a symbolic link; only files in the repository are read\n' +
        'endpoint-drift: fix changes nothing while a file it reads is refused or unreadable; correct the errors above and run it again\n',
    });
  });

  it('lists each finding it leaves at its own place', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'endpoint-drift-fix-cli-'));
    dirs.push(dir);
    writeFileSync(path.join(dir, 'list.txt'), 'not a host!\nnot a host!\n');
    const r = await cli(
      ['fix', '--allowlist', 'list.txt', '--service-areas', 'Exchange', '--no-ipv6'],
      dir,
    );
    const lines = r.stderr.split('\n').filter((l) => l.includes('invalid-entry not fixed'));
    expect(lines).toHaveLength(2);
    expect(lines.every((l) => !l.includes('findings)'))).toBe(true);
  });
});
