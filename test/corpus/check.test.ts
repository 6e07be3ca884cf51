// `check` on the real plain lists of ../shared/corpus: no crash, and findings that are right when
// read against the catalogue (13.107.64.0/18 and 52.238.119.141 left the worldwide catalogue; the
// China list is nearly complete for its own cloud).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli.js';

const corpus = path.resolve(import.meta.dirname, '../../../shared/corpus');

interface JsonFinding {
  ruleId: string;
  severity: string;
  line: number;
  entry?: string;
  requirement?: { pattern: string };
}

async function check(file: string, ...flags: string[]) {
  let stdout = '';
  let stderr = '';
  const status = await run(
    [
      'check',
      '--root',
      corpus,
      '--allowlist',
      file,
      '--format',
      'json',
      '--fail-on',
      'never',
      ...flags,
    ],
    {
      cwd: corpus,
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
      // A date when the embedded data was current, so no note about its age.
      now: () => new Date('2025-10-15T00:00:00Z'),
    },
  );
  expect(stderr).toBe('');
  expect(status).toBe(0);
  const report = JSON.parse(stdout) as {
    findings: JsonFinding[];
    files: { entries: number }[];
    notes: string[];
  };
  const brief = report.findings.map(
    (f) => `${f.line} ${f.ruleId} ${f.severity} ${f.entry ?? f.requirement?.pattern}`,
  );
  return { report, brief };
}

describe.skipIf(!existsSync(corpus))('check on the corpus plain lists', () => {
  it('edl main list: complete for IPv4, two addresses that left the catalogue', async () => {
    const { report, brief } = await check('edl/cybersethx-m365-main-ip-list.txt', '--no-ipv6');
    expect(report.files[0]!.entries).toBe(36);
    expect(brief).toEqual([
      '32 extraneous-entry warning 52.238.119.141/32',
      '34 extraneous-entry warning 52.244.160.207/32',
    ]);
    expect(report.notes).toEqual([
      'the allowlist holds no host names, so its 155 host requirements were not checked',
    ]);
  });

  it('edl additional list: other-endpoints addresses are outside the default selection, Graph ones inside when opted in', async () => {
    const plain = await check('edl/cybersethx-m365-additional-ip-list.txt', '--no-ipv6');
    expect(plain.brief).toContain('7 outside-selection notice 13.107.64.0/18');
    expect(plain.brief).toContain('8 outside-selection notice 13.78.204.0');
    const graph = await check(
      'edl/cybersethx-m365-additional-ip-list.txt',
      '--no-ipv6',
      '--scenarios',
      'graph-change-notifications',
    );
    expect(graph.brief).not.toContain('8 outside-selection notice 13.78.204.0');
    expect(graph.brief.filter((b) => b.includes('13.78.204.0'))).toEqual([]);
  });

  it('fluffm3ister list: broad wildcards, consumer and GIF domains, gaps', async () => {
    const { report, brief } = await check('plaintext/fluffm3ister-microsoft-whitelist.txt');
    expect(report.files[0]!.entries).toBe(51);
    expect(brief).toContain('38 extraneous-entry warning *.tenor.com');
    expect(brief).toContain('39 extraneous-entry warning *.giphy.com');
    expect(brief).toContain('69 over-broad-entry warning *.windows.net');
    expect(brief).toContain('99 over-broad-entry warning *.live.com');
    expect(brief).toContain('80 redundant-entry notice imap.office365.com');
    const missing = brief
      .filter((b) => b.includes('missing-endpoint'))
      .map((b) => b.split(' ').slice(2).join(' '));
    expect(missing).toEqual(
      expect.arrayContaining([
        'error outlook.cloud.microsoft',
        'warning *.msauth.net',
        'warning *.msftauth.net',
        'warning *.cloud.microsoft',
      ]),
    );
  });

  it('21Vianet list against its own cloud: nearly clean', async () => {
    const { brief } = await check(
      'plaintext/natecohen-m365-china-fqdn_wildcard.txt',
      '--instance',
      'china',
    );
    expect(brief).toEqual([
      '1 outside-selection notice *.aadrm.cn',
      '47 missing-endpoint error *.chinacloudapp.cn',
      '47 missing-endpoint error *.chinacloudsites.cn',
    ]);
  });

  it('pfBlockerNG whitelist runs and reads every entry', async () => {
    const { report } = await check(
      'pfblockerng/commsnet-microsoft-products-dnsbl-whitelist.txt',
      '--allowlist',
      'pfblockerng/commsnet-microsoft-products-dnsbl-whitelist.txt',
    );
    expect(report.files[0]!.entries).toBe(114);
    expect(report.findings.every((f) => f.line > 0)).toBe(true);
  });
});
