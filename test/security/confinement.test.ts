// Every path a pull request can write (the config, its globs, files that files name) is read only
// inside the workspace, and only when it is a regular file: real symbolic links, devices and FIFOs.
import { execFileSync } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundled, bundleIsCurrent, cli, SECRET, workspace, write } from './helpers.js';

const M365 = 'outlook.office365.com\n';
const OUTSIDE = 'is outside the workspace; only files in the repository are read';
const LINK =
  'leads outside the workspace through a symbolic link; only files in the repository are read';

/** Links inside `ws`: name → target (relative targets are relative to the link's folder). */
function link(ws: string, links: Record<string, string>): void {
  for (const [name, target] of Object.entries(links)) {
    write(ws, {});
    symlinkSync(target, path.join(ws, name));
  }
}

type Case = {
  name: string;
  files?: Record<string, string>;
  links?: (outside: string) => Record<string, string>;
  fifo?: string;
  args: string[];
  stderr: string[];
};

const cases: Case[] = [
  {
    name: 'a path up and out',
    args: ['--allowlist', '../outside/secret.txt'],
    stderr: [`--allowlist ../outside/secret.txt: "../outside/secret.txt" ${OUTSIDE}`],
  },
  {
    name: 'a path up to /etc/passwd',
    args: ['--allowlist', '../../../../../../../../etc/passwd'],
    stderr: [
      `--allowlist ../../../../../../../../etc/passwd: "../../../../../../../../etc/passwd" ${OUTSIDE}`,
    ],
  },
  {
    name: 'a path that goes down, then up and out',
    files: { 'lists/a.txt': M365 },
    args: ['--allowlist', 'lists/../../outside/secret.txt'],
    stderr: [
      `--allowlist lists/../../outside/secret.txt: "lists/../../outside/secret.txt" ${OUTSIDE}`,
    ],
  },
  {
    name: 'a glob up and out',
    args: ['--allowlist', '../outside/**'],
    stderr: [`--allowlist ../outside/**: "../outside/**" ${OUTSIDE}`],
  },
  {
    name: 'a glob whose braces go up and out',
    args: ['--allowlist', '{..,x}/outside/*.txt'],
    stderr: [`--allowlist {..,x}/outside/*.txt: "{..,x}/outside/*.txt" ${OUTSIDE}`],
  },
  {
    name: 'a symbolic link to a file outside, by name',
    links: (o) => ({ 'list.txt': path.join(o, 'secret.txt') }),
    args: ['--allowlist', 'list.txt'],
    stderr: [`--allowlist list.txt: "list.txt" ${LINK}`],
  },
  {
    name: 'a symbolic link to a file outside, through **',
    files: { 'lists/a.txt': M365 },
    links: (o) => ({ 'lists/b.txt': path.join(o, 'secret.txt') }),
    args: ['--allowlist', '**/*.txt'],
    stderr: [`--allowlist **/*.txt: "lists/b.txt" (matched by "**/*.txt") ${LINK}`],
  },
  {
    name: 'a symbolic link to a folder outside, by name',
    links: (o) => ({ lists: o }),
    args: ['--allowlist', 'lists/*.txt'],
    stderr: [`--allowlist lists/*.txt: "lists/secret.txt" (matched by "lists/*.txt") ${LINK}`],
  },
  {
    name: 'a symbolic link to a folder outside, through ** (never walked)',
    files: { 'a.txt': M365 },
    links: (o) => ({ deep: o }),
    args: ['--allowlist', '**/*.txt'],
    stderr: [],
  },
  {
    name: 'a symbolic link to the root of the file system, through ** (never walked)',
    files: { 'a.txt': M365 },
    links: () => ({ root: '/' }),
    args: ['--allowlist', '**/secret.txt'],
    stderr: ['--allowlist **/secret.txt: "**/secret.txt" matches no file'],
  },
  {
    name: 'a symbolic link to /dev/zero',
    links: () => ({ 'zero.txt': '/dev/zero' }),
    args: ['--allowlist', '*.txt'],
    stderr: [`--allowlist *.txt: "zero.txt" (matched by "*.txt") ${LINK}`],
  },
  {
    name: 'a symbolic link to /dev/urandom',
    links: () => ({ 'random.txt': '/dev/urandom' }),
    args: ['--allowlist', 'random.txt'],
    stderr: [`--allowlist random.txt: "random.txt" ${LINK}`],
  },
  {
    name: 'a FIFO in the workspace',
    fifo: 'pipe.txt',
    args: ['--allowlist', 'pipe.txt'],
    stderr: ['pipe.txt: is not a regular file (a named pipe); not read'],
  },
  {
    name: 'a symbolic link to a FIFO in the workspace, through a glob',
    fifo: 'fifo',
    links: () => ({ 'pipe.txt': 'fifo' }),
    args: ['--allowlist', '*.txt'],
    stderr: ['pipe.txt: is not a regular file (a named pipe); not read'],
  },
  {
    name: 'a dangling symbolic link',
    links: () => ({ 'gone.txt': 'nowhere.txt' }),
    args: ['--allowlist', 'gone.txt'],
    stderr: ['--allowlist gone.txt: "gone.txt" cannot be read (no such file)'],
  },
  {
    name: 'a symbolic link to a file inside the workspace (read)',
    files: { 'real/a.txt': M365 },
    links: () => ({ 'a.txt': 'real/a.txt' }),
    args: ['--allowlist', 'a.txt'],
    stderr: [],
  },
  {
    name: 'a BIND $INCLUDE of a path outside',
    files: {
      'dns/contoso.com.zone':
        '$ORIGIN contoso.com.\n@ 3600 IN SOA ns1 host 1 2 3 4 5\n$INCLUDE ../../outside/secret.txt\n',
    },
    args: ['--dns', 'dns/contoso.com.zone'],
    stderr: [
      `--dns dns/contoso.com.zone: dns/contoso.com.zone names "../outside/secret.txt", which ${OUTSIDE}`,
    ],
  },
  {
    name: 'a BIND $INCLUDE of a symbolic link outside',
    files: {
      'dns/contoso.com.zone':
        '$ORIGIN contoso.com.\n@ 3600 IN SOA ns1 host 1 2 3 4 5\n$INCLUDE mx.inc\n',
    },
    links: (o) => ({ 'dns/mx.inc': path.join(o, 'secret.txt') }),
    args: ['--dns', 'dns/contoso.com.zone'],
    stderr: [`--dns dns/contoso.com.zone: dns/contoso.com.zone names "dns/mx.inc", which ${LINK}`],
  },
  {
    name: 'a Squid ACL file that is a symbolic link outside',
    files: { 'proxy/squid.conf': 'acl m365 dstdomain "m365.txt"\nhttp_access allow m365\n' },
    links: (o) => ({ 'proxy/m365.txt': path.join(o, 'secret.txt') }),
    args: ['--allowlist', 'proxy/squid.conf'],
    stderr: [
      `--allowlist proxy/squid.conf: proxy/squid.conf names "proxy/m365.txt", which ${LINK}`,
    ],
  },
  {
    name: 'a Squid ACL file that is a FIFO',
    files: { 'proxy/squid.conf': 'acl m365 dstdomain "m365.txt"\nhttp_access allow m365\n' },
    fifo: 'proxy/m365.txt',
    args: ['--allowlist', 'proxy/squid.conf'],
    stderr: [
      '--allowlist proxy/squid.conf: proxy/squid.conf names "proxy/m365.txt", which is not a regular file (a named pipe); not read',
    ],
  },
  {
    name: 'a Squid ACL file that is a device',
    files: { 'proxy/squid.conf': 'acl m365 dstdomain "/dev/zero"\nhttp_access allow m365\n' },
    args: ['--allowlist', 'proxy/squid.conf'],
    stderr: [],
  },
];

function prepare(c: Case): string {
  const { ws, outside } = workspace(c.files ?? {});
  if (c.fifo) execFileSync('mkfifo', [path.join(ws, c.fifo)]);
  link(ws, c.links?.(outside) ?? {});
  return ws;
}

describe('reads stay in the workspace', () => {
  it.each(cases)('$name', async (c) => {
    const ws = prepare(c);
    const r = await cli(['check', '--fail-on', 'never', ...c.args], ws);
    const errors = r.stderr.split('\n').filter(Boolean);
    expect(errors).toEqual(c.stderr.map((e) => `endpoint-drift: ${e}`));
    expect(r.status).toBe(c.stderr.length > 0 ? 2 : 0);
    expect(r.stdout + r.stderr).not.toContain(SECRET);
  });

  it('never reads /dev/zero named as an ACL file (a path in the repository, which is not there)', async () => {
    const ws = prepare(cases.find((c) => c.name === 'a Squid ACL file that is a device')!);
    const r = await cli(['check', '--allowlist', 'proxy/squid.conf', '--format', 'json'], ws);
    const report = JSON.parse(r.stdout) as { findings: { message: string; line: number }[] };
    expect(report.findings.filter((f) => f.message.includes('/dev/zero'))).toEqual([
      expect.objectContaining({ line: 1, message: 'cannot read the ACL file "/dev/zero"' }),
    ]);
  });

  it.each([
    ['a symbolic link outside', (o: string) => path.join(o, 'endpoint-drift.yml')],
    ['a symbolic link to /dev/zero', () => '/dev/zero'],
  ])(
    'refuses a .github/endpoint-drift.yml that is %s, naming it and nothing of its content',
    async (_, target) => {
      const { ws, outside } = workspace({ 'a.txt': M365 });
      link(ws, { '.github': '.' });
      symlinkSync(target(outside), path.join(ws, 'endpoint-drift.yml'));
      const r = await cli(['check'], ws);
      expect(r.status).toBe(2);
      expect(r.stderr).toBe(`.github/endpoint-drift.yml: the configuration file ${LINK}\n`);
      expect(r.stdout).toBe('');
    },
  );

  it('refuses a --config outside the workspace', async () => {
    const { ws } = workspace({ 'a.txt': M365 });
    const r = await cli(['check', '--config', '../outside/endpoint-drift.yml'], ws);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`../outside/endpoint-drift.yml: the configuration file ${OUTSIDE}\n`);
  });

  it('names the config line of a glob that matched a link outside', async () => {
    const { ws, outside } = workspace({
      '.github/endpoint-drift.yml': 'allowlists:\n  - path: a.txt\n  - path: lists/*.txt\n',
      'a.txt': M365,
    });
    link(ws, { lists: path.join(outside, 'sub') });
    const r = await cli(['check', '--fail-on', 'never'], ws);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      `endpoint-drift: .github/endpoint-drift.yml:3:5: "lists/secret.txt" (matched by "lists/*.txt") ${LINK}\n`,
    );
    expect(r.stdout).toContain('a.txt');
    expect(r.stdout).not.toContain(SECRET);
  });
});

describe.skipIf(!bundleIsCurrent)('the bundle (dist/cli.js) keeps reads in the workspace', () => {
  it.each(cases.filter((c) => c.stderr.length > 0))(
    '$name',
    (c) => {
      const ws = prepare(c);
      const r = bundled(['check', '--fail-on', 'never', ...c.args], ws);
      expect(r.stderr.split('\n').filter(Boolean)).toEqual(
        c.stderr.map((e) => `endpoint-drift: ${e}`),
      );
      expect(r.status).toBe(2);
      expect(r.stdout + r.stderr).not.toContain(SECRET);
    },
    60_000,
  );
});
