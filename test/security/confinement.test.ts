// Every path a pull request can write (the config, its globs, files that files name) is read only
// inside the workspace, and only when it is a regular file: real symbolic links, devices and FIFOs.
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { MAX_FILE_BYTES } from '../../src/io/files.js';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundled, bundleIsCurrent, cli, SECRET, workspace } from './helpers.js';

const M365 = 'outlook.office365.com\n';
const OUTSIDE = 'is outside the workspace; only files in the repository are read';
const LINK =
  'leads outside the workspace through a symbolic link; only files in the repository are read';
const FOLDER = (folder: string, glob: string) =>
  `the folder "${folder}" (walked for "${glob}") ${LINK}`;

/** Links inside `ws`: name → target (relative targets are relative to the link's folder). */
function link(ws: string, links: Record<string, string>): void {
  for (const [name, target] of Object.entries(links)) {
    mkdirSync(path.dirname(path.join(ws, name)), { recursive: true });
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
    stderr: [`--allowlist lists/*.txt: ${FOLDER('lists', 'lists/*.txt')}`],
  },
  {
    name: 'a symbolic link to a folder outside, through ** (never walked)',
    files: { 'a.txt': M365 },
    links: (o) => ({ deep: o }),
    args: ['--allowlist', '**/*.txt'],
    stderr: [`--allowlist **/*.txt: ${FOLDER('deep', '**/*.txt')}`],
  },
  {
    name: 'a symbolic link to a folder outside, deep down, through **',
    files: { 'lists/a/a.txt': M365 },
    links: (o) => ({ 'lists/a/b/c': path.join(o, 'sub') }),
    args: ['--allowlist', 'lists/**/*.txt'],
    stderr: [`--allowlist lists/**/*.txt: ${FOLDER('lists/a/b/c', 'lists/**/*.txt')}`],
  },
  {
    name: 'a symbolic link to a folder outside that the glob does not walk',
    files: { 'lists/a.txt': M365 },
    links: (o) => ({ elsewhere: o }),
    args: ['--allowlist', 'lists/**/*.txt'],
    stderr: [],
  },
  {
    name: 'a symbolic link to the root of the file system, through ** (never walked)',
    files: { 'a.txt': M365 },
    links: () => ({ root: '/' }),
    args: ['--allowlist', '**/secret.txt'],
    stderr: [`--allowlist **/secret.txt: ${FOLDER('root', '**/secret.txt')}`],
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
    stderr: [`dns/contoso.com.zone:3:10: "../../outside/secret.txt" ${OUTSIDE}`],
  },
  {
    name: 'a BIND $INCLUDE of a symbolic link outside',
    files: {
      'dns/contoso.com.zone':
        '$ORIGIN contoso.com.\n@ 3600 IN SOA ns1 host 1 2 3 4 5\n$INCLUDE mx.inc\n',
    },
    links: (o) => ({ 'dns/mx.inc': path.join(o, 'secret.txt') }),
    args: ['--dns', 'dns/contoso.com.zone'],
    stderr: [`dns/contoso.com.zone:3:10: "mx.inc" (dns/mx.inc) ${LINK}`],
  },
  {
    name: 'a Squid ACL file that is a symbolic link outside',
    files: { 'proxy/squid.conf': 'acl m365 dstdomain "m365.txt"\nhttp_access allow m365\n' },
    links: (o) => ({ 'proxy/m365.txt': path.join(o, 'secret.txt') }),
    args: ['--allowlist', 'proxy/squid.conf'],
    stderr: [`proxy/squid.conf:1:21: "m365.txt" (proxy/m365.txt) ${LINK}`],
  },
  {
    name: 'a Squid ACL file that is a FIFO',
    files: { 'proxy/squid.conf': 'acl m365 dstdomain "m365.txt"\nhttp_access allow m365\n' },
    fifo: 'proxy/m365.txt',
    args: ['--allowlist', 'proxy/squid.conf'],
    stderr: [
      'proxy/squid.conf:1:21: "m365.txt" (proxy/m365.txt) is not a regular file (a named pipe); not read',
    ],
  },
  {
    name: 'a BIND $INCLUDE of a FIFO',
    files: {
      'dns/contoso.com.zone':
        '$ORIGIN contoso.com.\n@ 3600 IN SOA ns1 host 1 2 3 4 5\n$INCLUDE pipe.inc\n',
    },
    fifo: 'dns/pipe.inc',
    args: ['--dns', 'dns/contoso.com.zone'],
    stderr: [
      'dns/contoso.com.zone:3:10: "pipe.inc" (dns/pipe.inc) is not a regular file (a named pipe); not read',
    ],
  },
  {
    name: 'a Squid ACL file by its deployed path, beside squid.conf a symbolic link outside',
    files: {
      'proxy/squid.conf': 'acl m365 dstdomain "/etc/squid/m365.txt"\nhttp_access allow m365\n',
    },
    links: (o) => ({ 'proxy/m365.txt': path.join(o, 'secret.txt') }),
    args: ['--allowlist', 'proxy/squid.conf'],
    stderr: [`proxy/squid.conf:1:21: "/etc/squid/m365.txt" (proxy/m365.txt) ${LINK}`],
  },
  {
    name: 'a dnscontrol require() of a symbolic link outside',
    files: {
      '.github/endpoint-drift.yml': 'dns:\n  - path: dns/dnsconfig.js\n    format: dnscontrol\n',
      'dns/dnsconfig.js': '\n  require("zones/secret.txt");\n',
    },
    links: (o) => ({ 'dns/zones': path.join(o, 'sub') }),
    args: [],
    stderr: [`dns/dnsconfig.js:2:11: "zones/secret.txt" (dns/zones/secret.txt) ${LINK}`],
  },
  {
    name: 'a dnscontrol require() of a FIFO',
    files: {
      '.github/endpoint-drift.yml': 'dns:\n  - path: dns/dnsconfig.js\n    format: dnscontrol\n',
      'dns/dnsconfig.js': 'require("./pipe.js");\n',
    },
    fifo: 'dns/pipe.js',
    args: [],
    stderr: [
      'dns/dnsconfig.js:1:9: "./pipe.js" (dns/pipe.js) is not a regular file (a named pipe); not read',
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

  it.each(
    cases.filter((c) => /\$INCLUDE|ACL file|require\(\)/.test(c.name) && c.stderr.length > 0),
  )('reports a refused referenced file once, at the line that names it: $name', async (c) => {
    const ws = prepare(c);
    const r = await cli(['check', '--fail-on', 'never', '--format', 'json', ...c.args], ws);
    expect(r.stderr.split('\n').filter(Boolean)).toEqual(
      c.stderr.map((e) => `endpoint-drift: ${e}`),
    );
    const report = JSON.parse(r.stdout) as { findings: { file: string; line: number }[] };
    const [file, line] = c.stderr[0]!.split(':');
    expect(report.findings.filter((f) => f.file === file && f.line === Number(line))).toEqual([]);
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
      `endpoint-drift: .github/endpoint-drift.yml:3:5: ${FOLDER('lists', 'lists/*.txt')}\n`,
    );
    expect(r.stdout).toContain('a.txt');
    expect(r.stdout).not.toContain(SECRET);
  });
});

describe('globs follow symbolic links that stay in the workspace', () => {
  const TEAMS = 'teams.microsoft.com\n';
  /** The files the JSON report lists, and the errors, for `check --allowlist GLOB`. */
  async function listed(ws: string, glob: string) {
    const r = await cli(
      ['check', '--fail-on', 'never', '--format', 'json', '--allowlist', glob],
      ws,
    );
    const report = JSON.parse(r.stdout) as { files: { path: string }[] };
    return { files: report.files.map((f) => f.path), stderr: r.stderr, status: r.status };
  }

  it('walks a linked folder in the workspace, and reads each file once, by its own path', async () => {
    const { ws } = workspace({ 'real/a.txt': M365, 'real/sub/b.txt': TEAMS });
    link(ws, { 'lists/linked': '../real', 'z.txt': 'real/a.txt' });
    expect(await listed(ws, '**/*.txt')).toEqual({
      files: ['real/a.txt', 'real/sub/b.txt'],
      stderr: '',
      status: 0,
    });
  });

  it('reads a folder only linked into the globbed folder by the linked path', async () => {
    const { ws } = workspace({ 'shared/a.txt': M365, 'lists/own.txt': TEAMS });
    link(ws, { 'lists/shared': '../shared' });
    expect(await listed(ws, 'lists/**/*.txt')).toEqual({
      files: ['lists/own.txt', 'lists/shared/a.txt'],
      stderr: '',
      status: 0,
    });
  });

  it('ends link loops: a link to the root, to its own folder and two folders linking each other', async () => {
    const { ws } = workspace({ 'a/a.txt': M365, 'b/b.txt': TEAMS });
    link(ws, {
      up: '.',
      'a/self': '.',
      'a/to-b': '../b',
      'b/to-a': '../a',
      'a/deep/deeper/back': '../../..',
    });
    expect(await listed(ws, '**/*.txt')).toEqual({
      files: ['a/a.txt', 'b/b.txt'],
      stderr: '',
      status: 0,
    });
  });

  it('walks a fan of links to the same folders once each', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 8; i++) files[`d${i}/x${i}.txt`] = M365;
    const { ws } = workspace(files);
    const links: Record<string, string> = {};
    for (let i = 0; i < 8; i++) for (let j = 0; j < 8; j++) links[`d${i}/l${j}`] = `../d${j}`;
    link(ws, links);
    const { files: read, status } = await listed(ws, '**/*.txt');
    expect(read).toEqual(Object.keys(files).sort());
    expect(status).toBe(0);
  });

  it('refuses a link out of the workspace met inside a linked folder, naming the path walked', async () => {
    const { ws, outside } = workspace({ 'real/a.txt': M365 });
    link(ws, { 'real/out': path.join(outside, 'sub'), lists: 'real' });
    const r = await listed(ws, 'lists/**/*.txt');
    expect(r.files).toEqual(['lists/a.txt']);
    expect(r.stderr).toBe(
      `endpoint-drift: --allowlist lists/**/*.txt: ${FOLDER('lists/out', 'lists/**/*.txt')}\n`,
    );
    expect(r.status).toBe(2);
  });
});

describe('a file another file names is refused once, at the line naming it', () => {
  it('refuses an $INCLUDE larger than the size limit without reading it', async () => {
    const { ws } = workspace({
      'dns/contoso.com.zone':
        '$ORIGIN contoso.com.\n@ 3600 IN SOA ns1 host 1 2 3 4 5\n$INCLUDE big.inc\n',
    });
    // A sparse file: its size is past the limit, its blocks are not on the disk.
    writeFileSync(path.join(ws, 'dns/big.inc'), `www 3600 IN CNAME ${SECRET}.\n`);
    truncateSync(path.join(ws, 'dns/big.inc'), MAX_FILE_BYTES + 1);
    const r = await cli(['check', '--fail-on', 'never', '--dns', 'dns/contoso.com.zone'], ws);
    expect(r.stderr).toBe(
      `endpoint-drift: dns/contoso.com.zone:3:10: "big.inc" (dns/big.inc) is too large to check (${MAX_FILE_BYTES + 1} bytes; the limit is ${MAX_FILE_BYTES} bytes)\n`,
    );
    expect(r.status).toBe(2);
    expect(r.stdout).not.toContain(SECRET);
    expect(r.stdout).not.toContain('big.inc');
  });

  it('refuses a Squid ACL file that is a folder, or a file that is not text, once', async () => {
    const { ws } = workspace({
      'proxy/squid.conf':
        'acl a dstdomain "a.acl"\nacl b dstdomain "b.acl"\nhttp_access allow a\nhttp_access allow b\n',
      'proxy/a.acl/x': M365,
    });
    writeFileSync(path.join(ws, 'proxy/b.acl'), Buffer.from([0x6f, 0, 0xff]));
    const r = await cli(['check', '--fail-on', 'never', '--allowlist', 'proxy/squid.conf'], ws);
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([
      'endpoint-drift: proxy/squid.conf:1:18: "a.acl" (proxy/a.acl) is a directory, not a file',
      'endpoint-drift: proxy/squid.conf:2:18: "b.acl" (proxy/b.acl) is not a text file (NUL byte at offset 1)',
    ]);
    expect(r.stdout).not.toContain('.acl');
    expect(r.status).toBe(2);
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
