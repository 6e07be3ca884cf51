// Inline waivers ride on the comments the formats attach to entries and records.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EMBEDDED_CATALOGUE } from '../../src/catalogue/embedded.js';
import { resolveOptions } from '../../src/config/options.js';
import { assess } from '../../src/diff/assess.js';
import { runCheck } from '../../src/pipeline.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function waived(file: string, text: string, config: string) {
  const dir = mkdtempSync(path.join(tmpdir(), 'endpoint-drift-inline-'));
  dirs.push(dir);
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), text);
  const options = resolveOptions({ path: 'c.yml', text: config }, {});
  const { result, comments } = await runCheck(dir, options, EMBEDDED_CATALOGUE);
  const a = assess({
    result,
    base: { compared: false, reason: 'test' },
    failOn: 'error',
    onlyNew: false,
    ignore: [],
    comments,
    today: '2026-12-05',
  });
  return a.findings.map((x) => [
    x.finding.ruleId,
    x.finding.location.line,
    x.waiver?.reason ?? null,
  ]);
}

describe('inline waivers in several formats', () => {
  it.each([
    [
      'plain list, comment above',
      'proxy.txt',
      '# endpoint-drift: ignore extraneous-entry -- lab proxy\nlab.example.com\nother.example.com\n',
      'service-areas: [Exchange]\ncategories: [Optimize]\nallowlists:\n  - path: proxy.txt\n    format: plain\n',
      ['extraneous-entry', 2, 'lab proxy'],
      ['extraneous-entry', 3, null],
    ],
    [
      'plain list, comment on the line',
      'proxy.txt',
      'lab.example.com # endpoint-drift: ignore extraneous-entry -- same line\n',
      'service-areas: [Exchange]\ncategories: [Optimize]\nallowlists:\n  - path: proxy.txt\n    format: plain\n',
      ['extraneous-entry', 1, 'same line'],
      undefined,
    ],
    [
      'zone file',
      'dns/contoso.com.zone',
      '$ORIGIN contoso.com.\n$TTL 3600\n@ IN SOA ns1 hostmaster 1 7200 3600 1209600 3600\n@ IN NS ns1\nns1 IN A 192.0.2.1\n; endpoint-drift: ignore dns-legacy-record -- old Skype clients until June\nlyncdiscover IN CNAME webdir.online.lync.com.\n',
      'dns:\n  - path: dns/*.zone\n',
      ['dns-legacy-record', 7, 'old Skype clients until June'],
      undefined,
    ],
  ])('%s', async (_, file, text, config, expected, unwaived) => {
    const rows = await waived(file, text, config);
    expect(rows).toContainEqual(expected);
    if (unwaived) expect(rows).toContainEqual(unwaived);
  });
});
