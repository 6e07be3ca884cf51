// Files named by other files ($INCLUDE, Squid ACL files, dnscontrol require()) are found where
// their own tools find them, through the real reader, and keep their own repository path.
import { describe, expect, it } from 'vitest';
import { cli, workspace } from './helpers.js';

interface Report {
  files: {
    path: string;
    format: string;
    kind: string;
    entries?: number;
    records?: number;
    scope?: string;
    group?: string;
  }[];
  findings: {
    ruleId: string;
    file: string;
    line: number;
    column: number;
    message: string;
    group?: string;
  }[];
}

async function report(
  files: Record<string, string>,
  args: string[],
): Promise<Report & { stderr: string; status: number | null }> {
  const { ws } = workspace(files);
  const r = await cli(['check', '--format', 'json', '--fail-on', 'never', ...args], ws);
  return { ...(JSON.parse(r.stdout) as Report), stderr: r.stderr, status: r.status };
}

const ZONE_HEAD = '$ORIGIN contoso.com.\n$TTL 3600\n@ IN SOA ns1 host 1 2 3 4 5\n';

describe('files named by other files', () => {
  it('reads $INCLUDE mx.inc beside dns/contoso.com.zone, its records under its own path', async () => {
    const r = await report(
      {
        'dns/contoso.com.zone': `${ZONE_HEAD}$INCLUDE mx.inc\n`,
        'dns/mx.inc': '@ IN MX 0 contoso-com.mail.protection.outlook.com.\nbad IN MX x\n',
      },
      ['--dns', 'dns/contoso.com.zone'],
    );
    expect(r.stderr).toBe('');
    expect(r.files).toEqual([
      { path: 'dns/contoso.com.zone', format: 'bind', kind: 'dns', records: 1 },
      { path: 'dns/mx.inc', format: 'bind', kind: 'dns', records: 1 },
    ]);
    expect(r.findings.filter((f) => f.ruleId === 'invalid-entry')).toEqual([
      expect.objectContaining({ file: 'dns/mx.inc', line: 2, column: 11 }),
    ]);
  });

  it.each([
    ['a relative name, beside squid.conf', '"m365-domains.txt"', {}],
    ['its deployed absolute path, beside squid.conf', '"/etc/squid/m365-domains.txt"', {}],
  ])('reads a Squid ACL file named by %s', async (_, written) => {
    const r = await report(
      {
        'proxy/squid.conf': `acl m365 dstdomain ${written}\nhttp_access allow m365\n`,
        'proxy/m365-domains.txt': 'outlook.office365.com\n.example.org\n',
      },
      ['--allowlist', 'proxy/squid.conf'],
    );
    expect(r.stderr).toBe('');
    expect(r.files).toEqual([
      {
        path: 'proxy/squid.conf',
        format: 'squid',
        kind: 'allowlist',
        group: 'default',
        scope: 'dedicated',
        entries: 0,
      },
      {
        path: 'proxy/m365-domains.txt',
        format: 'squid',
        kind: 'allowlist',
        group: 'default',
        scope: 'dedicated',
        entries: 2,
      },
    ]);
    expect(r.findings.filter((f) => f.ruleId === 'extraneous-entry')).toEqual([
      expect.objectContaining({ file: 'proxy/m365-domains.txt', line: 2, column: 1 }),
    ]);
  });

  it('maps a deployed folder to a repository folder with the squid option "directories"', async () => {
    const r = await report(
      {
        '.github/endpoint-drift.yml': [
          'allowlists:',
          '  - path: proxy/squid.conf',
          '    format: squid',
          '    scope: mixed',
          '    group: proxy',
          '    options:',
          '      directories: { /etc/squid/lists: proxy/acl }',
          '',
        ].join('\n'),
        'proxy/squid.conf':
          'acl m365 dstdomain "/etc/squid/lists/m365.txt"\nhttp_access allow m365\n',
        'proxy/acl/m365.txt': 'outlook.office365.com\n.example.org\n',
        'proxy/m365.txt': 'not.this.one\n',
      },
      [],
    );
    expect(r.stderr).toBe('');
    expect(r.files.map((f) => [f.path, f.entries, f.scope, f.group])).toEqual([
      ['proxy/squid.conf', 0, 'mixed', 'proxy'],
      ['proxy/acl/m365.txt', 2, 'mixed', 'proxy'],
    ]);
    // Mixed scope reaches entries read from the ACL file: a host outside Microsoft 365 is left alone.
    expect(r.findings.filter((f) => f.ruleId === 'extraneous-entry')).toEqual([]);
    expect(r.findings.filter((f) => f.file === 'proxy/acl/m365.txt').map((f) => f.group)).toEqual(
      r.findings.filter((f) => f.file === 'proxy/acl/m365.txt').map(() => 'proxy'),
    );
  });

  it('reads dnscontrol require() relative to the requiring file', async () => {
    const r = await report(
      {
        '.github/endpoint-drift.yml': 'dns:\n  - path: dns/dnsconfig.js\n    format: dnscontrol\n',
        'dns/dnsconfig.js': 'require("zones/contoso.js");\n',
        'dns/zones/contoso.js':
          'D("contoso.com", REG_NONE, DnsProvider(NONE),\n  MX("@", 0, "contoso-com.mail.protection.outlook.com.")\n);\n',
      },
      [],
    );
    expect(r.stderr).toBe('');
    expect(r.files).toEqual([
      { path: 'dns/dnsconfig.js', format: 'dnscontrol', kind: 'dns', records: 0 },
      { path: 'dns/zones/contoso.js', format: 'dnscontrol', kind: 'dns', records: 1 },
    ]);
  });
});
