// What a person types at a terminal: per-command help, "did you mean", the short form of file
// lists, --root and --config, --min-severity and --verbose.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CHECK_HELP, HELP } from '../../src/cli-help.js';
import { run } from '../../src/cli.js';

const dirs: string[] = [];

function repo(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'endpoint-drift-habits-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
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

const LIST = 'outlook.office.com\n52.96.0.0/14\nexample.org\nexample.org\n';

describe('help', () => {
  it.each([
    [['check', '--help'], CHECK_HELP],
    [['check', '-h'], CHECK_HELP],
    [['check', '--instance', 'china', '--help'], CHECK_HELP],
    [['help', 'check'], CHECK_HELP],
    [['help'], HELP],
    [['--help'], HELP],
  ])('%j prints its help and exits 0', async (args, text) => {
    const r = await cli(args, repo({}));
    expect(r).toEqual({ status: 0, stdout: text, stderr: '' });
  });

  it('says which options are config keys and action inputs, and which are not', () => {
    expect(CHECK_HELP).toContain('  --root DIR                      repository root');
    expect(CHECK_HELP).toContain('  --tenant LABEL           key, input  tenant label');
    expect(CHECK_HELP).toContain('  --allowlist PATH|GLOB    input  allowlist file(s)');
    expect(CHECK_HELP).toContain('  --verbose                       list every finding');
    expect(CHECK_HELP).not.toContain('each is also a config-file key');
  });
});

describe('did you mean', () => {
  it.each([
    [
      ['chek'],
      'endpoint-drift: unknown command "chek"; did you mean "check"? (commands: check, fix, catalogue, formats, scenarios, help; see --help)',
    ],
    [
      ['help', 'formts'],
      'endpoint-drift help: unknown command "formts"; did you mean "formats"? (commands: check, fix, catalogue, formats, scenarios, help)',
    ],
    [
      ['check', '--serviceAreas', 'Exchange'],
      'endpoint-drift check: unknown option "--serviceAreas"; did you mean "--service-areas"? (see endpoint-drift check --help)',
    ],
    [
      ['check', '--allowlists', 'a.txt'],
      'endpoint-drift check: unknown option "--allowlists"; did you mean "--allowlist"? (see endpoint-drift check --help)',
    ],
    [
      ['check', '--verbos'],
      'endpoint-drift check: unknown option "--verbos"; did you mean "--verbose"? (see endpoint-drift check --help)',
    ],
    [
      ['check', '--allowlist', 'a.txt', '--instance', 'usgovgcchihg'],
      '--instance: "instance" must be one of "worldwide", "china", "usgovdod", "usgovgcchigh"; did you mean "usgovgcchigh"?',
    ],
    [
      ['--instance', 'china'],
      'endpoint-drift: "--instance" comes before a command; write endpoint-drift check --instance (see --help)',
    ],
  ])('%j', async (args, message) => {
    const r = await cli(args, repo({ 'a.txt': LIST }));
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`${message}\n`);
  });

  it.each([
    [
      'serviceAreas: [Exchange]\n',
      '.github/endpoint-drift.yml:1:1: unknown key "serviceAreas"; did you mean "service-areas"?',
    ],
    [
      'allowlist: [a.txt]\n',
      '.github/endpoint-drift.yml:1:1: unknown key "allowlist"; did you mean "allowlists"?',
    ],
    [
      'allowlists:\n  - path: a.txt\n    scop: mixed\n',
      '.github/endpoint-drift.yml:3:5: unknown key "scop" in "allowlists[0]"; did you mean "scope"?',
    ],
    [
      'instance: wordlwide\n',
      '.github/endpoint-drift.yml:1:11: "instance" must be one of "worldwide", "china", "usgovdod", "usgovgcchigh"; did you mean "worldwide"?',
    ],
  ])('config %j', async (config, message) => {
    const r = await cli(['check'], repo({ 'a.txt': LIST, '.github/endpoint-drift.yml': config }));
    expect(r.stderr).toBe(`${message}\n`);
    expect(r.status).toBe(2);
  });

  it('names the nearest format id and scenario id', async () => {
    const dir = repo({
      'a.txt': LIST,
      '.github/endpoint-drift.yml': 'allowlists:\n  - path: a.txt\n    format: plian\n',
    });
    const r = await cli(['check'], dir);
    expect(r.stderr).toMatch(
      /^\.github\/endpoint-drift\.yml:3:13: unknown format "plian"; did you mean "plain"\? \(supported: /,
    );
    const s = await cli(
      [
        'check',
        '--allowlist',
        'a.txt',
        '--scenarios',
        'teams-mobile-push-notificatoins',
        '--fail-on',
        'never',
      ],
      dir,
    );
    expect(s.status).toBe(2);
    expect(s.stderr).toMatch(
      /^--scenarios: unknown scenario "teams-mobile-push-notificatoins"; did you mean "teams-mobile-push-notifications"\? /,
    );
  });
});

describe('configuration habits', () => {
  it('accepts a list of strings as the short form of {path: …}', async () => {
    const dir = repo({
      'net/a.txt': LIST,
      '.github/endpoint-drift.yml': 'allowlists: [net/*.txt]\n',
    });
    const r = await cli(['check', '--fail-on', 'never'], dir);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain(
      'net/a.txt:3:1  warning extraneous-entry  "example.org" matches nothing in the Worldwide catalogue',
    );
  });

  it('takes the tenant in any case', async () => {
    const dir = repo({
      'a.txt': 'autodiscover.contoso.onmicrosoft.com\n',
      '.github/endpoint-drift.yml': 'tenant: Contoso\nallowlists: [a.txt]\n',
    });
    const r = await cli(['check', '--fail-on', 'never', '--format', 'json'], dir);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).catalogue.selection.tenant).toBe('contoso');
  });

  it('refuses a --root that does not exist', async () => {
    const dir = repo({});
    expect(await cli(['check', '--root', 'nowhere'], dir)).toEqual({
      status: 2,
      stdout: '',
      stderr: 'endpoint-drift: --root nowhere does not exist\n',
    });
    expect((await cli(['check', '--root', 'a.txt'], repo({ 'a.txt': LIST }))).stderr).toBe(
      'endpoint-drift: --root a.txt is not a directory\n',
    );
  });

  it('reads a relative --config inside --root', async () => {
    const outer = repo({ 'site/cfg.yml': 'allowlists: [a.txt]\n', 'site/a.txt': LIST });
    const r = await cli(
      ['check', '--root', 'site', '--config', 'cfg.yml', '--fail-on', 'never'],
      outer,
    );
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('a.txt:3:1  warning extraneous-entry');
  });
});

describe('--min-severity and --verbose', () => {
  const dir = () => repo({ 'a.txt': LIST });

  it('shows only what reaches --min-severity, but still fails on --fail-on', async () => {
    const r = await cli(
      ['check', '--allowlist', 'a.txt', '--min-severity', 'error', '--fail-on', 'warning'],
      dir(),
    );
    expect(r.status).toBe(1);
    expect(r.stdout).not.toContain(' warning ');
    expect(r.stdout).toMatch(/\(\d+ warnings and 1 notice not shown: --min-severity error\)\n$/);
  });

  it('lists every finding with --verbose', async () => {
    const d = dir();
    const short = await cli(['check', '--allowlist', 'a.txt', '--fail-on', 'never'], d);
    const long = await cli(['check', '--allowlist', 'a.txt', '--fail-on', 'never', '--verbose'], d);
    const count = (s: string) =>
      s.split('\n').filter((l) => l.includes(' missing-endpoint ')).length;
    expect(count(long.stdout)).toBeGreaterThan(2 * count(short.stdout));
  });

  it('keeps every finding in the JSON report, one per pattern, with its endpoint set', async () => {
    const r = await cli(
      [
        'check',
        '--allowlist',
        'a.txt',
        '--min-severity',
        'error',
        '--format',
        'json',
        '--fail-on',
        'never',
      ],
      dir(),
    );
    const report = JSON.parse(r.stdout) as {
      findings: {
        ruleId: string;
        severity: string;
        endpointSet?: string;
        requirement?: { pattern: string };
      }[];
    };
    expect(report.findings.some((f) => f.severity === 'notice')).toBe(true);
    const set56 = report.findings.filter(
      (f) => f.endpointSet === 'Common set 56 Allow (TCP 80,443)',
    );
    expect(set56.length).toBeGreaterThan(5);
    expect(new Set(set56.map((f) => f.requirement!.pattern)).size).toBe(set56.length);
  });
});
