// No crash and no stack trace for anything a pull request can write: crafted files end as
// findings, config mistakes as config errors at their line, an internal error as one line.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { run } from '../../src/cli.js';
import { bundled, bundleIsCurrent, cli, repo, workspace } from './helpers.js';
import * as hostile from './hostile.js';

const ZONE_HEAD = '$ORIGIN contoso.com.\n$TTL 3600\n@ IN SOA ns1 host 1 2 3 4 5\n';

interface Crash {
  name: string;
  files: Record<string, string>;
  args: string[];
  status: number;
  stderr: string[];
  stdout?: string;
}

const crashes: Crash[] = [
  {
    name: 'a YAML alias bomb in the config',
    files: {
      '.github/endpoint-drift.yml': hostile.yamlAliasBomb(),
      'a.txt': 'outlook.office365.com\n',
    },
    args: [],
    status: 2,
    stderr: [
      '.github/endpoint-drift.yml:2:10: the document cannot be read: Excessive alias count indicates a resource exhaustion attack',
    ],
  },
  {
    name: 'dnscontrol doubling a string ×40',
    files: { 'dnsconfig.js': hostile.dnscontrolStringDoubling(40) },
    args: ['--dns', 'dnsconfig.js'],
    status: 0,
    stderr: [],
    stdout:
      'dnsconfig.js:16:11  notice  unsupported-entry  the value would be longer than 1000000 characters; not computed',
  },
  {
    name: 'dnscontrol doubling an array with spreads ×40',
    files: { 'dnsconfig.js': hostile.dnscontrolSpreadDoubling(40) },
    args: ['--dns', 'dnsconfig.js'],
    status: 0,
    stderr: [],
    stdout:
      'dnsconfig.js:35:11  notice  unsupported-entry  the list would have more than 100000 items; not computed',
  },
  {
    name: 'Terraform concat(local.a, local.a) ×39',
    files: { 'main.tf': hostile.terraformConcatDoubling(39) },
    args: ['--allowlist', 'main.tf'],
    status: 0,
    stderr: [],
    stdout:
      'main.tf:18:9  notice  unsupported-entry  the list would have more than 100000 items; not computed',
  },
  {
    name: 'a zone with 200,000 duplicate records',
    files: { 'contoso.com.zone': ZONE_HEAD + 'www IN A 192.0.2.1\n'.repeat(200_000) },
    args: ['--dns', 'contoso.com.zone'],
    status: 0,
    stderr: [],
  },
];

describe('crafted files end as findings, not crashes', () => {
  it.each(crashes)(
    '$name',
    async (c) => {
      const { ws } = workspace(c.files);
      const r = await cli(['check', '--fail-on', 'never', ...c.args], ws);
      expect(r.stderr.split('\n').filter(Boolean)).toEqual(c.stderr);
      expect(r.status).toBe(c.status);
      if (c.stdout) expect(r.stdout).toContain(c.stdout);
      expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /);
    },
    60_000,
  );
});

describe('config mistakes are config errors at their own line (exit 2)', () => {
  it.each([
    {
      name: 'an unknown format',
      config: 'allowlists:\n  - path: a.txt\n    format: plian\n',
      stderr: [
        expect.stringMatching(
          /^\.github\/endpoint-drift\.yml:3:13: unknown format "plian"; did you mean "plain"\? \(supported: auto, plain, .*, m365-endpoints-json\)$/,
        ),
      ],
    },
    {
      name: 'an unknown DNS format',
      config: 'dns:\n  - path: a.txt\n    format: zonefile\n',
      stderr: [
        expect.stringMatching(
          /^\.github\/endpoint-drift\.yml:3:13: unknown DNS format "zonefile" \(supported: auto, bind, /,
        ),
      ],
    },
    {
      name: 'options given to a format that takes none',
      config: 'allowlists:\n  - path: a.txt\n    format: plain\n    options: { delimiter: "," }\n',
      stderr: ['.github/endpoint-drift.yml:4:5: format plain takes no options'],
    },
    {
      name: 'an unknown option of a format',
      config:
        'allowlists:\n  - path: squid.conf\n    format: squid\n    options:\n      acl: [m365]\n',
      stderr: [
        '.github/endpoint-drift.yml:5:7: options of format squid: unknown key "acl"; did you mean "acls"?',
      ],
    },
    {
      name: 'an option of the wrong type',
      config:
        'allowlists:\n  - path: proxy.pac\n    format: pac\n    options:\n      allow: always\n',
      stderr: [
        '.github/endpoint-drift.yml:5:14: options of format pac: "allow" must be one of "direct", "proxy"',
      ],
    },
    {
      name: 'options of a detected format that takes none',
      config: 'allowlists:\n  - path: a.txt\n    options:\n      origin: contoso.com\n',
      stderr: [
        'endpoint-drift: .github/endpoint-drift.yml:3:5: format plain (detected for a.txt) takes no options',
      ],
    },
    {
      name: 'an unknown scenario',
      config: 'scenarios:\n  - import-service\n  - nope\nallowlists:\n  - path: a.txt\n',
      stderr: [
        '.github/endpoint-drift.yml:3:5: unknown scenario "nope" (`endpoint-drift scenarios` lists them)',
      ],
    },
  ])('$name', async ({ config, stderr }) => {
    const { ws } = workspace({
      '.github/endpoint-drift.yml': config,
      'a.txt': 'outlook.office365.com\n',
    });
    const r = await cli(['check', '--fail-on', 'never'], ws);
    expect(r.stderr.split('\n').filter(Boolean)).toEqual(stderr);
    expect(r.status).toBe(2);
  });

  // Each format that takes options: an unknown key is reported at the key, a wrong value at the
  // value, however deep under `options:` it is written.
  it.each([
    [
      'csv',
      'columns:\n        host: Destination\n        bogus: 3',
      '7:9',
      'unknown key "bogus" in "columns"',
    ],
    ['csv', 'header: maybe', '5:15', '"header" must be true or false'],
    ['csv', 'delimiter: ";;"', '5:18', '"delimiter" must NOT have more than 1 characters'],
    ['squid', 'acls: [m365, 7]', '5:20', '"acls[1]" must be a string'],
    [
      'squid',
      'directories:\n        /etc/squid: [proxy]',
      '6:21',
      '"directories./etc/squid" must be a string',
    ],
    ['pac', 'allow: always', '5:14', '"allow" must be one of "direct", "proxy"'],
    ['terraform', 'variables: [a]', '5:18', '"variables" must be a mapping'],
    ['terraform', 'varaibles: {}', '5:7', 'unknown key "varaibles"; did you mean "variables"?'],
    ['arm', 'parameters: 3', '5:19', '"parameters" must be a mapping'],
    ['bicep', 'params: {}', '5:7', 'unknown key "params"'],
  ])(
    'puts a bad option of format %s at its key or value: %j',
    async (format, options, at, message) => {
      const { ws } = workspace({
        '.github/endpoint-drift.yml': `allowlists:\n  - path: a.txt\n    format: ${format}\n    options:\n      ${options}\n`,
        'a.txt': 'outlook.office365.com\n',
      });
      const r = await cli(['check', '--fail-on', 'never'], ws);
      expect(r.stderr).toBe(
        `.github/endpoint-drift.yml:${at}: options of format ${format}: ${message}\n`,
      );
      expect(r.status).toBe(2);
    },
  );

  it.each([
    ['bind', 'origin: ""', '5:15', '"origin" must not be empty'],
    ['octodns', 'zone: [contoso.com]', '5:13', '"zone" must be a string'],
    [
      'dns-csv',
      'columns:\n        type: Type\n        name: 2',
      '7:15',
      '"columns.name" must be a string',
    ],
    ['dnscontrol', 'helper: {}', '5:7', 'unknown key "helper"; did you mean "helpers"?'],
    ['terraform-dns', 'zones: { contoso: 1 }', '5:25', '"zones.contoso" must be a string'],
  ])(
    'puts a bad option of DNS format %s at its key or value: %j',
    async (format, options, at, message) => {
      const { ws } = workspace({
        '.github/endpoint-drift.yml': `dns:\n  - path: a.zone\n    format: ${format}\n    options:\n      ${options}\n`,
        'a.zone': '',
      });
      const r = await cli(['check', '--fail-on', 'never'], ws);
      expect(r.stderr).toBe(
        `.github/endpoint-drift.yml:${at}: options of format ${format}: ${message}\n`,
      );
      expect(r.status).toBe(2);
    },
  );

  it.each(['plain', 'pan-edl', 'kubernetes', 'nftables', 'allowlist-yaml'])(
    'puts options given to %s, which takes none, at the options key',
    async (format) => {
      const { ws } = workspace({
        '.github/endpoint-drift.yml': `allowlists:\n  - path: a.txt\n    format: ${format}\n    options:\n      delimiter: ","\n`,
        'a.txt': 'outlook.office365.com\n',
      });
      const r = await cli(['check', '--fail-on', 'never'], ws);
      expect(r.stderr).toBe(`.github/endpoint-drift.yml:4:5: format ${format} takes no options\n`);
      expect(r.status).toBe(2);
    },
  );

  it('collects every config mistake, in the order of the file', async () => {
    const { ws } = workspace({
      '.github/endpoint-drift.yml': [
        'allowlists:',
        '  - path: a.txt',
        '    format: plain',
        '    options: { x: 1 }',
        '  - path: squid.conf',
        '    format: squid',
        '    options:',
        '      directories: { /etc/squid: 7 }',
        'scenarios: [nope]',
        '',
      ].join('\n'),
      'a.txt': 'outlook.office365.com\n',
    });
    const r = await cli(['check'], ws);
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([
      '.github/endpoint-drift.yml:4:5: format plain takes no options',
      '.github/endpoint-drift.yml:8:34: options of format squid: "directories./etc/squid" must be a string',
      '.github/endpoint-drift.yml:9:13: unknown scenario "nope" (`endpoint-drift scenarios` lists them)',
    ]);
    expect(r.status).toBe(2);
  });

  it('names the flag for an unknown scenario given on the command line', async () => {
    const { ws } = workspace({ 'a.txt': 'outlook.office365.com\n' });
    const r = await cli(['check', '--allowlist', 'a.txt', '--scenarios', 'nope'], ws);
    expect(r.stderr).toBe(
      '--scenarios: unknown scenario "nope" (`endpoint-drift scenarios` lists them)\n',
    );
    expect(r.status).toBe(2);
  });
});

describe('an internal error is one line and exit 2', () => {
  it('prints one line without the stack, and the stack only with --debug', async () => {
    const { ws } = workspace({ 'a.txt': 'outlook.office365.com\n' });
    const boom = (args: string[]) => {
      let stderr = '';
      return run(['check', '--allowlist', 'a.txt', ...args], {
        cwd: ws,
        stdout: () => {
          throw new RangeError('Invalid string length');
        },
        stderr: (t) => (stderr += t),
      }).then((status) => ({ status, stderr }));
    };
    const quiet = await boom([]);
    expect(quiet).toEqual({
      status: 2,
      stderr: 'endpoint-drift: internal error: RangeError: Invalid string length\n',
    });
    const debug = await boom(['--debug']);
    expect(debug.status).toBe(2);
    expect(debug.stderr).toMatch(
      /^endpoint-drift: internal error: RangeError: Invalid string length\nRangeError: Invalid string length\n\s+at /,
    );
  });

  it('a parser that throws costs its own file, named, and the rest is checked', async () => {
    const { ws } = workspace({
      'a.txt': 'outlook.office365.com\n',
      'b.txt': 'teams.microsoft.com\n',
    });
    const { PLAIN } = await import('../../src/formats/allowlist/plain.js');
    const spy = vi.spyOn(PLAIN, 'parse').mockImplementationOnce(() => {
      throw new RangeError('Maximum call stack size exceeded');
    });
    try {
      const r = await cli(
        ['check', '--allowlist', '*.txt', '--format', 'json', '--fail-on', 'never'],
        ws,
      );
      expect(r.stderr).toBe(
        'endpoint-drift: a.txt: could not be read (internal error: RangeError: Maximum call stack size exceeded)\n',
      );
      expect(r.status).toBe(2);
      expect(
        (JSON.parse(r.stdout) as { files: { path: string }[] }).files.map((f) => f.path),
      ).toEqual(['b.txt']);
    } finally {
      spy.mockRestore();
    }
  });

  it('`scenarios | head` exits quietly when the reader goes away (EPIPE)', async () => {
    const { ws } = workspace();
    const child = spawn(
      path.join(repo, 'node_modules/.bin/tsx'),
      [path.join(repo, 'src/cli-entry.ts'), 'scenarios'],
      {
        cwd: ws,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    // The reader is gone before the first line is written.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(status).toBe(0);
  }, 60_000);
});

describe.skipIf(!bundleIsCurrent)('the bundle (dist/cli.js) does not crash', () => {
  it.each(crashes)(
    '$name',
    (c) => {
      const { ws } = workspace(c.files);
      const r = bundled(['check', '--fail-on', 'never', ...c.args], ws);
      expect(r.stderr.split('\n').filter(Boolean)).toEqual(c.stderr);
      expect(r.status).toBe(c.status);
      if (c.stdout) expect(r.stdout).toContain(c.stdout);
    },
    120_000,
  );
});
