import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Instance } from '../../src/catalogue/types.js';
import { checkDns, type DomainConfig } from '../../src/dns/check.js';
import type { ParsedDnsFile } from '../../src/model/dns.js';
import type { Finding, RuleId } from '../../src/model/finding.js';
import { DNS_FORMATS } from '../../src/formats/dns/index.js';
import { type DnsFormat } from '../../src/formats/format.js';

/**
 * The DNS checks on the real zones of ../shared/corpus, with the findings its PROVENANCE.md
 * describes. Each file is read by whichever DNS format recognises it; a file no format reads yet
 * is skipped, as is everything when the corpus is absent.
 */

const corpus = path.resolve(import.meta.dirname, '../..', '../shared/corpus');

function isDnsFormat(v: unknown): v is DnsFormat {
  if (typeof v !== 'object' || v === null) return false;
  const f = v as Record<string, unknown>;
  return (
    typeof f['id'] === 'string' &&
    typeof f['parse'] === 'function' &&
    typeof f['detect'] === 'function' &&
    typeof f['render'] === 'function'
  );
}

/** The registered DNS formats, and any a DNS format module exports before it is registered. */
async function dnsFormats(): Promise<DnsFormat[]> {
  const found = new Map<string, DnsFormat>(DNS_FORMATS.map((f) => [f.id, f]));
  const dir = path.resolve(import.meta.dirname, '../../src/formats/dns');
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
    try {
      const module = (await import(pathToFileURL(path.join(dir, name)).href)) as Record<
        string,
        unknown
      >;
      for (const v of Object.values(module))
        if (isDnsFormat(v) && !found.has(v.id)) found.set(v.id, v);
    } catch {
      // A parser module that does not load is not there yet for these tests.
    }
  }
  return [...found.values()];
}

const FORMATS = existsSync(corpus) ? await dnsFormats() : [];

interface Read {
  readonly file: ParsedDnsFile;
  readonly findings: Finding[];
}

/** Reads a corpus file with the format that recognises it best; undefined when none does. */
function read(
  relative: string,
  options: {
    instance?: Instance;
    domains?: DomainConfig[];
    settings?: Record<string, unknown>;
  } = {},
): Read | undefined {
  const source = { path: relative, text: readFileSync(path.join(corpus, relative), 'utf8') };
  let best: DnsFormat | undefined;
  let score = 0;
  for (const f of FORMATS) {
    const s = f.detect(source);
    if (s > score) [best, score] = [f, s];
  }
  if (!best) return undefined;
  const format = best;
  const file = format.parse(source, {
    ...(options.settings ? { settings: options.settings } : {}),
    readFile: () => undefined,
  });
  const render = format.render.bind(format);
  const findings = checkDns(
    options.instance ?? 'worldwide',
    [{ file, render }],
    options.domains ?? [],
  );
  return { file, findings };
}

function rules(findings: readonly Finding[], rule: RuleId): Finding[] {
  return findings.filter((f) => f.ruleId === rule);
}

/** The owner names a rule reports, from the records the findings carry. */
function owners(findings: readonly Finding[], rule: RuleId): string[] {
  return rules(findings, rule).map((f) => f.entry?.split(' ')[0] ?? f.message.split(' ')[0]!);
}

describe.skipIf(!existsSync(corpus))('DNS checks on the corpus', () => {
  it('bind/wyvernsquare.com.zone: msoid, SRV targets without their dot, no Exchange Online mail', (ctx) => {
    const r = read('bind/wyvernsquare.com.zone');
    if (!r) return ctx.skip();
    // The $INCLUDE names a file that is not in the corpus: the reader reports it, the checks go on.
    expect(r.file.problems.map((p) => p.location.line)).toEqual([50]);
    expect(r.findings.map((f) => [f.location.line, f.ruleId, f.severity])).toEqual([
      [14, 'dns-missing-record', 'error'], // no MX to Exchange Online: mail goes to Zoho
      [16, 'dns-missing-record', 'error'], // no autodiscover CNAME
      [16, 'dns-spf-all', 'notice'],
      [16, 'dns-spf-missing-include', 'error'],
      [16, 'dns-spf-unknown-include', 'notice'], // include:zoho.com
      [31, 'dns-legacy-record', 'notice'], // lyncdiscover
      [32, 'dns-forbidden-record', 'error'], // msoid
      [33, 'dns-legacy-record', 'notice'], // sip
      [36, 'dns-duplicate-record', 'notice'], // lyncdiscover again
      [36, 'dns-legacy-record', 'notice'],
      [43, 'dns-legacy-record', 'notice'], // _sip._tls
      [43, 'dns-wrong-value', 'error'], // ... without its trailing dot
      [44, 'dns-wrong-value', 'error'], // _sipfederationtls._tcp without its dot, 1 100
    ]);
    const at = (line: number, rule: RuleId) =>
      r.findings.find((f) => f.location.line === line && f.ruleId === rule)!.message;
    expect(at(32, 'dns-forbidden-record')).toMatch(
      /^msoid\.wyvernsquare\.com\. CNAME must not exist in the Worldwide cloud: .*cannot activate their Microsoft 365 licence; remove it$/,
    );
    expect(at(44, 'dns-wrong-value')).toBe(
      '_sipfederationtls._tcp.wyvernsquare.com. SRV target "sipfed.online.lync.com" has no trailing dot, so it expands inside the zone to "sipfed.online.lync.com.wyvernsquare.com.", and has priority 1 and weight 100 instead of 100 and 1: lets users of other organisations find the domain for Teams federation (chat and presence with external users); write: _sipfederationtls._tcp 3600 IN SRV 100 1 5061 sipfed.online.lync.com.',
    );
    expect(at(43, 'dns-wrong-value')).toContain(
      'target "sipdir.online.lync.com" has no trailing dot, so it expands inside the zone to "sipdir.online.lync.com.wyvernsquare.com."',
    );
    expect(at(16, 'dns-spf-missing-include')).toContain(
      '"v=spf1 include:zoho.com include:spf.protection.outlook.com ~all"',
    );
  });

  it('bind/wyvernsquare.com.zone: a tenant without Exchange Online or Teams only has msoid wrong', (ctx) => {
    const r = read('bind/wyvernsquare.com.zone', {
      domains: [{ domain: 'wyvernsquare.com', services: ['intune'] }],
    });
    if (!r) return ctx.skip();
    expect(
      r.findings
        .filter((f) => f.severity !== 'notice')
        .map((f) => [f.location.line, f.ruleId, f.severity]),
    ).toEqual([
      [32, 'dns-forbidden-record', 'error'],
      [43, 'dns-wrong-value', 'error'],
      [44, 'dns-wrong-value', 'error'],
    ]);
  });

  it('csv/zhp-pl-dns-export.csv: msoid everywhere, SPF at delegated names, gaps per sub-domain', (ctx) => {
    const r = read('csv/zhp-pl-dns-export.csv');
    if (!r) return ctx.skip();
    const f = r.findings;
    // 39 msoid CNAMEs: 12 are served by the zone and forbidden, 27 sit below a delegation.
    const msoid = (rule: RuleId) => owners(f, rule).filter((n) => n.startsWith('msoid.')).length;
    expect([msoid('dns-forbidden-record'), msoid('dns-not-served')]).toEqual([12, 27]);
    // Names with a Microsoft 365 MX and no SPF, and no autodiscover (PROVENANCE lists them).
    expect(
      rules(f, 'dns-missing-record')
        .filter((x) => x.message.includes(' has no SPF record'))
        .map((x) => x.message.split(' ')[0])
        .sort(),
    ).toEqual(['nsh.zhp.pl.', 'pruszkow.zhp.pl.', 'zachodniopomorska.zhp.pl.']);
    expect(
      rules(f, 'dns-missing-record')
        .filter((x) => x.message.startsWith('autodiscover.'))
        .map((x) => x.message.split(' ')[0])
        .sort(),
    ).toEqual(['autodiscover.lodzbaluty.zhp.pl.', 'autodiscover.zachodniopomorska.zhp.pl.']);
    // The SPF TXT records at delegation points are not served.
    const unservedSpf = rules(f, 'dns-not-served')
      .filter((x) => x.entry?.includes(' TXT "v=spf1'))
      .map((x) => x.entry!.split(' ')[0]);
    expect(unservedSpf).toEqual(
      expect.arrayContaining(['bedzin.zhp.pl.', 'beskidzki.zhp.pl.', 'bytom.zhp.pl.']),
    );
    // sip, lyncdiscover and _sip._tls records pointing to Skype for Business Online, where served.
    expect(rules(f, 'dns-legacy-record')).toHaveLength(41);
    expect(rules(f, 'dns-spf-missing-include')).toEqual([]);
  });

  it('dnscontrol/zhp-pl.zone.js: every msoid CNAME is flagged, even with the helpers unread', (ctx) => {
    const r = read('dnscontrol/zhp-pl.zone.js');
    if (!r) return ctx.skip();
    // 34 msoid CNAME calls, none commented out; without Delegation_NS nothing is delegated.
    expect(
      owners(r.findings, 'dns-forbidden-record').filter((n) => n.startsWith('msoid.')),
    ).toHaveLength(34);
    expect(rules(r.findings, 'dns-not-served')).toEqual([]);
  });

  it('dnscontrol/zhp-pl.zone.js: with its helpers, SPF at delegated labels is not served', (ctx) => {
    const r = read('dnscontrol/zhp-pl.zone.js', { settings: { helpers: ZHP_HELPERS } });
    if (!r) return ctx.skip();
    const f = r.findings;
    const msoid = (rule: RuleId) => owners(f, rule).filter((n) => n.startsWith('msoid.')).length;
    expect([msoid('dns-forbidden-record'), msoid('dns-not-served')]).toEqual([9, 25]);
    const unservedSpf = rules(f, 'dns-not-served')
      .filter((x) => x.entry?.includes(' TXT "v=spf1'))
      .map((x) => x.entry!.split(' ')[0]);
    expect(unservedSpf).toEqual(
      expect.arrayContaining(['bedzin.zhp.pl.', 'beskidzki.zhp.pl.', 'bytom.zhp.pl.']),
    );
    // Ms365_Root gives the apex its MX, SPF and autodiscover.
    expect(
      rules(f, 'dns-missing-record')
        .filter((x) => x.severity === 'error')
        .map((x) => x.message.split(' ')[0]),
    ).toEqual(['autodiscover.lodzbaluty.zhp.pl.', 'pruszkow.zhp.pl.']);
  });

  it('terraform/exlint-route53-email.tf: SPF without Microsoft 365, msoid, SRV at the apex', (ctx) => {
    const r = read('terraform/exlint-route53-email.tf', {
      settings: { zones: { 'aws_route53_zone.primary': 'exlint.io' } },
    });
    if (!r) return ctx.skip();
    expect(r.findings.map((f) => [f.location.line, f.ruleId, f.severity])).toEqual([
      [9, 'dns-spf-missing-include', 'error'], // include:secureserver.net only
      [9, 'dns-spf-unknown-include', 'notice'],
      [26, 'dns-legacy-record', 'notice'], // sip
      [34, 'dns-legacy-record', 'notice'], // lyncdiscover
      [50, 'dns-forbidden-record', 'error'], // msoid
      [66, 'dns-legacy-record', 'notice'], // 100 1 443 sipdir at the apex
      [66, 'dns-wrong-value', 'error'], // 100 1 5061 sipfed at the apex
    ]);
    expect(rules(r.findings, 'dns-spf-missing-include')[0]!.message).toContain(
      '"v=spf1 include:secureserver.net include:spf.protection.outlook.com -all"',
    );
    expect(rules(r.findings, 'dns-wrong-value')[0]!.message).toMatch(
      /^exlint\.io\. SRV "100 1 5061 sipfed\.online\.lync\.com\." belongs at _sipfederationtls\._tcp\.exlint\.io\.: /,
    );
  });

  it('terraform/saifeezibrahim-cloudflare-dns-records-xyz.tf: a clean Exchange Online and DKIM domain', (ctx) => {
    const settings = {
      variables: { domains: { xyz: 'mafyuh.xyz' }, npm_ip_address: '192.0.2.1' },
      zones: { 'data.bitwarden-secrets_secret.cf_xyz_zone_id.value': 'mafyuh.xyz' },
    };
    const clean = read('terraform/saifeezibrahim-cloudflare-dns-records-xyz.tf', {
      settings,
      domains: [{ domain: 'mafyuh.xyz', services: ['exchange', 'dkim'], initialDomain: 'zg4dp' }],
    });
    if (!clean) return ctx.skip();
    expect(clean.findings).toEqual([]);
    // With the default services, Teams federation is the one record missing.
    const teams = read('terraform/saifeezibrahim-cloudflare-dns-records-xyz.tf', { settings })!;
    expect(teams.findings.map((f) => [f.location.line, f.ruleId, f.message.split(' ')[0]])).toEqual(
      [[66, 'dns-missing-record', '_sipfederationtls._tcp.mafyuh.xyz.']],
    );
  });

  it('terraform/cloudruler-azurerm-dns-zone.tf: the classic record set, Skype for Business legacy', (ctx) => {
    const r = read('terraform/cloudruler-azurerm-dns-zone.tf', {
      settings: { variables: { domain: 'cloudruler.io', domain_key: 'cloudruler-io' } },
      domains: [{ domain: 'cloudruler.io', services: ['exchange', 'teams', 'intune'] }],
    });
    if (!r) return ctx.skip();
    expect(r.findings.map((f) => [f.location.line, f.ruleId, f.entry?.split(' ')[0]])).toEqual([
      [65, 'dns-legacy-record', 'sip.cloudruler.io.'],
      [74, 'dns-legacy-record', 'lyncdiscover.cloudruler.io.'],
      [106, 'dns-legacy-record', '_sip._tls.cloudruler.io.'],
    ]);
  });
});

/** What the repository's own helpers add, as PROVENANCE.md gives them for that commit. */
const ZHP_HELPERS = {
  Ms365_Root: [
    { type: 'CNAME', name: 'autodiscover', value: 'autodiscover.outlook.com.' },
    { type: 'TXT', name: '@', value: 'v=spf1 include:spf.protection.outlook.com -all' },
    { type: 'MX', name: '@', value: '0 {domain-dashed}.mail.protection.outlook.com.' },
    { type: 'CNAME', name: 'enterpriseregistration', value: 'enterpriseregistration.windows.net.' },
    {
      type: 'CNAME',
      name: 'enterpriseenrollment',
      value: 'enterpriseenrollment.manage.microsoft.com.',
    },
  ],
  Delegation_NS: [{ type: 'NS', name: '$1', value: '$2' }],
};
