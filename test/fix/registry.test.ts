import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli.js';
import { allowlistWritable, dnsWriters } from '../../src/fix/registry.js';
import { ALLOWLIST_FORMATS, resolveFormat } from '../../src/formats/allowlist/index.js';
import { DNS_FORMATS, resolveDnsFormat } from '../../src/formats/dns/index.js';
import { dns, exchange, WRITER_CASES } from './cases.js';
import { remove, repository } from './harness.js';

/**
 * Every allowlist and DNS format that `check` reads is either writable, with at least one byte for
 * byte case, or `fix` says plainly that it cannot edit it and prints what to write instead.
 */

/** The format each file of a case is read as, as `check` picks it. */
function caseFormats(): Set<string> {
  const ids = new Set<string>();
  for (const c of WRITER_CASES) {
    const given = new Map(
      [...c.config.matchAll(/- path: (\S+)\n\s+format: (\S+)/g)].map((m) => [m[1]!, m[2]!]),
    );
    for (const [path, text] of Object.entries(c.files)) {
      if (path.startsWith('zones/')) {
        const r = resolveDnsFormat({ path, text }, 'auto');
        if ('format' in r) ids.add(`dns:${r.format.id}`);
        continue;
      }
      const r = resolveFormat({ path, text }, given.get(path) ?? 'auto');
      if ('format' in r) ids.add(r.format.id);
    }
  }
  return ids;
}

/** A small file of each format fix cannot edit, that check reads with a fixable finding. */
const NOT_WRITABLE: Readonly<Record<string, { path: string; text: string }>> = {
  pac: {
    path: 'proxy.pac',
    text: 'function FindProxyForURL(url, host) {\n  if (shExpMatch(host, "outlook.office.com")) return "DIRECT";\n  return "PROXY proxy.contoso.com:8080";\n}\n',
  },
  'm365-endpoints-json': {
    path: 'sets.json',
    text: '[{"id": 1, "serviceArea": "Exchange", "urls": ["outlook.office.com"], "tcpPorts": "443", "category": "Optimize", "required": true}]\n',
  },
  'dns:dnscontrol': {
    path: 'zones/dnsconfig.js',
    text: 'D("contoso.com", REG_NONE, DnsProvider(DSP_NONE),\n  MX("@", 0, "contoso-com.mail.protection.outlook.com.")\n);\n',
  },
  'dns:terraform-dns': {
    path: 'zones/dns.tf',
    text: 'resource "aws_route53_zone" "main" {\n  name = "contoso.com"\n}\n\nresource "aws_route53_record" "mx" {\n  zone_id = aws_route53_zone.main.zone_id\n  name    = "contoso.com"\n  type    = "MX"\n  ttl     = 3600\n  records = ["0 contoso-com.mail.protection.outlook.com."]\n}\n',
  },
  'dns:dns-csv': {
    path: 'zones/records.csv',
    text: 'host,domain,type,ttl,content\ncontoso.com,contoso.com,MX,3600,0 contoso-com.mail.protection.outlook.com\n',
  },
};

async function fixStderr(files: Record<string, string>, config: string): Promise<string> {
  const dir = repository({ ...files, '.github/endpoint-drift.yml': config });
  try {
    let stderr = '';
    await run(['fix'], { cwd: dir, stdout: () => {}, stderr: (t) => (stderr += t) });
    return stderr;
  } finally {
    remove(dir);
  }
}

describe('every format check reads is writable or says it is not', () => {
  const covered = caseFormats();
  const writers = dnsWriters();
  const all = [
    ...ALLOWLIST_FORMATS.map((f) => ({ id: f.id, writable: allowlistWritable(f.id) })),
    ...DNS_FORMATS.map((f) => ({ id: `dns:${f.id}`, writable: f.id in writers })),
  ];

  it.each(all.filter((f) => f.writable))('$id has a byte-for-byte case', ({ id }) => {
    expect(covered.has(id)).toBe(true);
  });

  it.each(all.filter((f) => !f.writable))(
    '$id: fix says it cannot edit the file and what to write',
    async ({ id }) => {
      const sample = NOT_WRITABLE[id];
      expect(sample, `a small ${id} file for this test`).toBeDefined();
      const dnsId = id.startsWith('dns:') ? id.slice(4) : undefined;
      const config = dnsId
        ? dns.replace('  - path: zones/*', `  - path: ${sample!.path}\n    format: ${dnsId}`)
        : exchange(sample!.path, id);
      const stderr = await fixStderr({ [sample!.path]: sample!.text }, config);
      const lines = stderr.split('\n').filter((l) => l.includes('fix cannot edit'));
      expect(lines.length).toBeGreaterThan(0);
      if (dnsId) {
        const title = DNS_FORMATS.find((f) => f.id === dnsId)!.title;
        for (const l of lines)
          expect(l).toMatch(
            new RegExp(
              `^${sample!.path.replace(/\./g, '\\.')}:\\d+:\\d+: dns-[a-z-]+ not fixed: fix cannot edit ${title.replace(/[()]/g, '\\$&')} files; (add by hand|write by hand instead|remove the record by hand): `,
            ),
          );
        // The record is written in the format's own syntax.
        expect(stderr).toMatch(/spf\.protection\.outlook\.com/);
      } else {
        for (const l of lines)
          expect(l).toMatch(
            new RegExp(
              `^${sample!.path.replace(/\./g, '\\.')}:\\d+:\\d+: [a-z-]+ not fixed: fix cannot edit ${id} files; (add|remove|allow|replace) .+ by hand$`,
            ),
          );
        expect(stderr).toContain('outlook.office365.com');
      }
    },
  );
});
