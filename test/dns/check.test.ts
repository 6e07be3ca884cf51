import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Instance } from '../../src/catalogue/types.js';
import { checkDns, type DnsInput, type DomainConfig } from '../../src/dns/check.js';
import type { Finding } from '../../src/model/finding.js';
import { compareLocations } from '../../src/model/location.js';
import { zone } from './zone.js';

/** line, column, rule, severity, message */
type Expected = [number, number, string, string, string];
/** name, cloud, zone origin, records (one per line), configured domains */
type Case = [string, Instance, string, string[], DomainConfig[]?];

function shape(findings: readonly Finding[]): Expected[] {
  return findings.map((f) => [f.location.line, f.location.column, f.ruleId, f.severity, f.message]);
}

function run(instance: Instance, inputs: DnsInput[], domains: DomainConfig[] = []): Expected[] {
  return shape(checkDns(instance, inputs, domains));
}

const without = (base: string[], prefix: string) => base.filter((l) => !l.startsWith(prefix));
const replace = (base: string[], from: string, to: string) =>
  base.map((l) => (l.startsWith(from) ? to : l));
const ALL: DomainConfig['services'] = ['exchange', 'teams', 'intune', 'dkim'];
const W = 'contoso.com';
const C = 'contoso.cn';
const U = 'contoso.us';

// Correct record sets, one per cloud, as the cloud's documents give them.
const WORLDWIDE = [
  '@ SOA ns1.contoso.com. hostmaster.contoso.com. 1 7200 3600 1209600 3600',
  '@ NS ns1.contoso.com.',
  '@ MX 0 contoso-com.mail.protection.outlook.com.',
  '@ TXT "v=spf1 include:spf.protection.outlook.com -all"',
  '@ TXT "MS=ms12345678"',
  'autodiscover CNAME autodiscover.outlook.com.',
  '_sipfederationtls._tcp SRV 100 1 5061 sipfed.online.lync.com.',
  'www A 192.0.2.10',
];
const CHINA = [
  '@ SOA ns1.contoso.cn. hostmaster.contoso.cn. 1 7200 3600 1209600 3600',
  '@ NS ns1.contoso.cn.',
  '@ MX 1 contoso-cn.mail.protection.partner.outlook.cn.',
  '@ TXT "v=spf1 include:spf.protection.partner.outlook.cn -all"',
  'autodiscover CNAME autodiscover.partner.outlook.cn.',
  'msoid CNAME clientconfig.partner.microsoftonline-p.net.cn.',
  'sip CNAME sipdir.online.partner.lync.cn.',
  'lyncdiscover CNAME webdir.online.partner.lync.cn.',
  '_sip._tls SRV 100 1 443 sipdir.online.partner.lync.cn.',
  '_sipfederationtls._tcp SRV 100 1 5061 sipfed.online.partner.lync.cn.',
];
const GCCHIGH = [
  '@ SOA ns1.contoso.us. hostmaster.contoso.us. 1 7200 3600 1209600 3600',
  '@ NS ns1.contoso.us.',
  '@ MX 0 contoso.mail.protection.office365.us.',
  '@ TXT "v=spf1 include:spf.protection.office365.us -all"',
  'autodiscover CNAME autodiscover.office365.us.',
  '_sipfederationtls._tcp SRV 100 1 5061 sipfed.online.gov.skypeforbusiness.us.',
];
const DOD = GCCHIGH.map((l) =>
  l
    .replace('autodiscover.office365.us.', 'autodiscover-dod.office365.us.')
    .replace('sipfed.online.gov.', 'sipfed.online.dod.'),
);

const CASES: Case[] = [
  [
    'worldwide: msoid is forbidden',
    'worldwide',
    W,
    [...WORLDWIDE, 'msoid CNAME clientconfig.microsoftonline-p.net.'],
  ],
  ['worldwide: no MX', 'worldwide', W, without(WORLDWIDE, '@ MX')],
  [
    'worldwide: only another MX',
    'worldwide',
    W,
    replace(WORLDWIDE, '@ MX', '@ MX 10 mx.example.net.'),
  ],
  [
    'worldwide: another MX beside ours',
    'worldwide',
    W,
    [...WORLDWIDE, '@ MX 10 backup.example.net.'],
  ],
  [
    'worldwide: another MX preferred over ours',
    'worldwide',
    W,
    [
      ...replace(WORLDWIDE, '@ MX', '@ MX 10 contoso-com.mail.protection.outlook.com.'),
      '@ MX 5 backup.example.net.',
    ],
  ],
  [
    'worldwide: MX target without its dot',
    'worldwide',
    W,
    replace(WORLDWIDE, '@ MX', '@ MX 0 contoso-com.mail.protection.outlook.com'),
  ],
  [
    'worldwide: DNSSEC MX form',
    'worldwide',
    W,
    replace(WORLDWIDE, '@ MX', '@ MX 0 contoso-com.o-v1.mx.microsoft.'),
  ],
  [
    'worldwide: MX token differs from the configured one',
    'worldwide',
    W,
    WORLDWIDE,
    [{ domain: 'contoso.com', services: ['exchange', 'teams'], mxToken: 'contoso-com01b' }],
  ],
  [
    'worldwide: 21Vianet MX',
    'worldwide',
    W,
    replace(WORLDWIDE, '@ MX', '@ MX 0 contoso-com.mail.protection.partner.outlook.cn.'),
  ],
  [
    'worldwide: SPF without the include',
    'worldwide',
    W,
    replace(
      WORLDWIDE,
      '@ TXT "v=spf1',
      '@ TXT "v=spf1 ip4:192.0.2.25 include:_spf.example.net -all"',
    ),
  ],
  ['worldwide: no SPF', 'worldwide', W, without(WORLDWIDE, '@ TXT "v=spf1')],
  [
    'worldwide: two SPF records',
    'worldwide',
    W,
    [...WORLDWIDE, '@ TXT "v=spf1 include:mailgun.org ~all"'],
  ],
  [
    'worldwide: malformed SPF',
    'worldwide',
    W,
    replace(
      WORLDWIDE,
      '@ TXT "v=spf1',
      '@ TXT "v=spf1 include:spf.protection.outlook.com ip4:192.0.2.300 -all"',
    ),
  ],
  [
    'worldwide: SPF +all',
    'worldwide',
    W,
    replace(WORLDWIDE, '@ TXT "v=spf1', '@ TXT "v=spf1 include:spf.protection.outlook.com +all"'),
  ],
  [
    'worldwide: SPF ?all',
    'worldwide',
    W,
    replace(WORLDWIDE, '@ TXT "v=spf1', '@ TXT "v=spf1 include:spf.protection.outlook.com ?all"'),
  ],
  [
    'worldwide: SPF ~all',
    'worldwide',
    W,
    replace(WORLDWIDE, '@ TXT "v=spf1', '@ TXT "v=spf1 include:spf.protection.outlook.com ~all"'),
  ],
  [
    'worldwide: SPF without all',
    'worldwide',
    W,
    replace(WORLDWIDE, '@ TXT "v=spf1', '@ TXT "v=spf1 include:spf.protection.outlook.com"'),
  ],
  [
    'worldwide: SPF terms after all',
    'worldwide',
    W,
    replace(WORLDWIDE, '@ TXT "v=spf1', '@ TXT "v=spf1 -all include:spf.protection.outlook.com"'),
  ],
  [
    'worldwide: SPF over 10 lookups through its own includes',
    'worldwide',
    W,
    [
      ...replace(
        WORLDWIDE,
        '@ TXT "v=spf1',
        '@ TXT "v=spf1 a mx include:spf.protection.outlook.com include:_spf.contoso.com -all"',
      ),
      '_spf TXT "v=spf1 a:a.contoso.com a:b.contoso.com a:c.contoso.com include:_spf2.contoso.com -all"',
      '_spf2 TXT "v=spf1 exists:%{i}.x.contoso.com ptr mx:contoso.com a -all"',
    ],
  ],
  [
    'worldwide: SPF include loop',
    'worldwide',
    W,
    [
      ...replace(
        WORLDWIDE,
        '@ TXT "v=spf1',
        '@ TXT "v=spf1 include:spf.protection.outlook.com include:_spf.contoso.com -all"',
      ),
      '_spf TXT "v=spf1 include:contoso.com -all"',
    ],
  ],
  [
    'worldwide: unknown include',
    'worldwide',
    W,
    replace(
      WORLDWIDE,
      '@ TXT "v=spf1',
      '@ TXT "v=spf1 include:spf.protection.outlook.com include:servers.mcsv.net -all"',
    ),
  ],
  [
    'worldwide: autodiscover is an A record',
    'worldwide',
    W,
    replace(WORLDWIDE, 'autodiscover', 'autodiscover A 192.0.2.20'),
  ],
  [
    'worldwide: autodiscover points on premises',
    'worldwide',
    W,
    replace(WORLDWIDE, 'autodiscover', 'autodiscover CNAME mail.contoso.com.'),
  ],
  ['worldwide: no autodiscover', 'worldwide', W, without(WORLDWIDE, 'autodiscover')],
  [
    'worldwide: _autodiscover._tcp SRV',
    'worldwide',
    W,
    [...WORLDWIDE, '_autodiscover._tcp SRV 0 0 443 mail.contoso.com.'],
  ],
  [
    'worldwide: federation SRV on the wrong port',
    'worldwide',
    W,
    replace(WORLDWIDE, '_sipfed', '_sipfederationtls._tcp SRV 100 1 443 sipfed.online.lync.com.'),
  ],
  [
    'worldwide: federation SRV with priority and weight swapped',
    'worldwide',
    W,
    replace(WORLDWIDE, '_sipfed', '_sipfederationtls._tcp SRV 1 100 5061 sipfed.online.lync.com.'),
  ],
  [
    'worldwide: federation SRV without its dot',
    'worldwide',
    W,
    replace(WORLDWIDE, '_sipfed', '_sipfederationtls._tcp SRV 100 1 5061 sipfed.online.lync.com'),
  ],
  ['worldwide: no federation SRV', 'worldwide', W, without(WORLDWIDE, '_sipfed')],
  [
    'worldwide: Skype for Business records are legacy',
    'worldwide',
    W,
    [
      ...WORLDWIDE,
      'sip CNAME sipdir.online.lync.com.',
      'lyncdiscover CNAME webdir.online.lync.com.',
      '_sip._tls SRV 100 1 443 sipdir.online.lync.com.',
      'sip.internal CNAME pbx.contoso.com.',
    ],
  ],
  [
    'worldwide: Intune and DKIM, no records',
    'worldwide',
    W,
    WORLDWIDE,
    [{ domain: 'contoso.com', services: ALL }],
  ],
  [
    'worldwide: Intune and DKIM with known values, no records',
    'worldwide',
    W,
    WORLDWIDE,
    [{ domain: 'contoso.com', services: ALL, initialDomain: 'contoso.onmicrosoft.com' }],
  ],
  [
    'worldwide: Intune and DKIM, wrong targets',
    'worldwide',
    W,
    [
      ...WORLDWIDE,
      'enterpriseregistration CNAME enterpriseregistration.microsoftonline.de.',
      'enterpriseenrollment CNAME enterpriseenrollment-s.manage.microsoft.com.',
      'selector1._domainkey CNAME selector1-contoso-com._domainkey.fabrikam.onmicrosoft.com.',
      'selector2._domainkey CNAME selector2-contoso-com._domainkey.contoso.n-v1.dkim.mail.microsoft.',
    ],
    [{ domain: 'contoso.com', services: ALL, initialDomain: 'contoso' }],
  ],
  [
    'worldwide: DKIM targets given by the portal',
    'worldwide',
    W,
    [
      ...WORLDWIDE,
      'selector1._domainkey CNAME selector1-contoso-com._domainkey.contoso.n-v1.dkim.mail.microsoft.',
      'selector2._domainkey CNAME selector2-contoso-com._domainkey.contoso.onmicrosoft.com.',
    ],
    [
      {
        domain: 'contoso.com',
        services: ['dkim'],
        dkim: {
          selector1: 'selector1-contoso-com._domainkey.contoso.n-v1.dkim.mail.microsoft',
          selector2: 'selector2-contoso-com._domainkey.contoso.n-v1.dkim.mail.microsoft.',
        },
      },
    ],
  ],
  [
    'worldwide: a domain without services is only checked for msoid',
    'worldwide',
    W,
    [
      '@ SOA ns1.contoso.com. hostmaster.contoso.com. 1 7200 3600 1209600 3600',
      'msoid CNAME clientconfig.microsoftonline-p.net.',
    ],
    [{ domain: 'contoso.com', services: [] }],
  ],
  [
    'worldwide: a sub-domain with a Microsoft 365 MX is checked too',
    'worldwide',
    W,
    [
      ...WORLDWIDE,
      'sales MX 0 sales-contoso-com.mail.protection.outlook.com.',
      'sales A 192.0.2.30',
    ],
  ],
  [
    'worldwide: a configured sub-domain without records',
    'worldwide',
    W,
    WORLDWIDE,
    [{ domain: 'mail.contoso.com', services: ['exchange'] }],
  ],
  [
    'worldwide: a configured domain in no zone',
    'worldwide',
    W,
    WORLDWIDE,
    [{ domain: 'fabrikam.com', services: ['exchange'] }],
  ],
  ['china: msoid missing', 'china', C, without(CHINA, 'msoid')],
  [
    'china: msoid with the worldwide target',
    'china',
    C,
    replace(CHINA, 'msoid', 'msoid CNAME clientconfig.microsoftonline-p.net.'),
  ],
  [
    'china: worldwide values',
    'china',
    C,
    [
      ...replace(
        replace(CHINA, 'autodiscover', 'autodiscover CNAME autodiscover.outlook.com.'),
        '@ TXT',
        '@ TXT "v=spf1 include:spf.protection.outlook.com -all"',
      ),
    ],
  ],
  [
    'china: Skype for Business records missing',
    'china',
    C,
    CHINA.filter((l) => !/^(sip|lyncdiscover|_sip\.)/.test(l)),
  ],
  [
    'china: no Teams, no Skype for Business records needed',
    'china',
    C,
    CHINA.filter((l) => !/^(sip|lyncdiscover|_sip)/.test(l)),
    [{ domain: 'contoso.cn', services: ['exchange'] }],
  ],
  [
    'usgovgcchigh: msoid is forbidden',
    'usgovgcchigh',
    U,
    [...GCCHIGH, 'msoid CNAME clientconfig.microsoftonline-p.net.'],
  ],
  [
    'usgovgcchigh: worldwide MX',
    'usgovgcchigh',
    U,
    replace(GCCHIGH, '@ MX', '@ MX 0 contoso-us.mail.protection.outlook.com.'),
  ],
  [
    'usgovgcchigh: MX of another tenant',
    'usgovgcchigh',
    U,
    GCCHIGH,
    [
      {
        domain: 'contoso.us',
        services: ['exchange', 'teams'],
        initialDomain: 'contosogov.onmicrosoft.us',
      },
    ],
  ],
  ['usgovdod: GCC High values', 'usgovdod', U, GCCHIGH],
  [
    'zone: records below a delegation',
    'worldwide',
    W,
    [
      ...WORLDWIDE,
      'lab NS ns1.lab.contoso.com.',
      'lab NS ns2.example.net.',
      'ns1.lab A 192.0.2.53',
      'lab TXT "v=spf1 include:spf.protection.outlook.com -all"',
      'www.lab A 192.0.2.54',
      'lab DS 12345 13 2 ABCD',
    ],
  ],
  [
    'zone: CNAME beside other records',
    'worldwide',
    W,
    [
      ...WORLDWIDE,
      'autodiscover TXT "verification"',
      'shop CNAME shops.example.net.',
      'shop CNAME other.example.net.',
    ],
  ],
  [
    'zone: duplicate records',
    'worldwide',
    W,
    [...WORLDWIDE, 'www A 192.0.2.10', '@ TXT "MS=ms12345678"'],
  ],
  [
    'zone: relative targets',
    'worldwide',
    W,
    [
      ...WORLDWIDE,
      'web CNAME www',
      'mail CNAME ghs.googlehosted.com',
      'intranet CNAME app.internal',
      'portal CNAME autodiscover.outlook.com',
    ],
  ],
];

// One finding per line: the table reads like the report.
// prettier-ignore
const EXPECTED: Record<string, Expected[]> = {
  "worldwide: msoid is forbidden": [
    [9, 13, 'dns-forbidden-record', 'error', "msoid.contoso.com. CNAME must not exist in the Worldwide cloud: this record belongs only to Microsoft 365 operated by 21Vianet; in any other cloud, users of the domain are told the domain is not in the system and cannot activate their Microsoft 365 licence; remove it"],
  ],
  "worldwide: no MX": [
    [4, 1, 'dns-missing-record', 'error', "contoso.com. has no MX record: delivers the domain's incoming mail to Exchange Online (a target ending in .mx.microsoft once inbound DNSSEC and DANE are turned on); add after line 4: @ 3600 IN MX 0 {mx-token}.mail.protection.outlook.com. (replace {mx-token} with the domain's MX token shown in the Microsoft 365 admin center)"],
  ],
  "worldwide: only another MX": [
    [3, 1, 'dns-missing-record', 'error', "contoso.com. has no MX record pointing to Exchange Online (its MX records point to \"mx.example.net.\"): delivers the domain's incoming mail to Exchange Online (a target ending in .mx.microsoft once inbound DNSSEC and DANE are turned on); add after line 3: @ 3600 IN MX 0 {mx-token}.mail.protection.outlook.com. (replace {mx-token} with the domain's MX token shown in the Microsoft 365 admin center)"],
  ],
  "worldwide: another MX beside ours": [
    [9, 6, 'dns-multiple-mx', 'warning', "contoso.com. MX \"10 backup.example.net.\" sends mail to another system besides Exchange Online: senders use it whenever Exchange Online does not answer, and spammers use it to get past Exchange Online; remove it once all mail goes to Microsoft 365"],
  ],
  "worldwide: another MX preferred over ours": [
    [3, 6, 'dns-mx-preference', 'error', "contoso.com. MX \"10 contoso-com.mail.protection.outlook.com.\" has preference 10, but \"5 backup.example.net.\" at line 9 has 5: mail goes to the other system first; give the Microsoft 365 MX the lowest number"],
    [9, 6, 'dns-multiple-mx', 'warning', "contoso.com. MX \"5 backup.example.net.\" sends mail to another system besides Exchange Online: senders use it whenever Exchange Online does not answer, and spammers use it to get past Exchange Online; remove it once all mail goes to Microsoft 365"],
  ],
  "worldwide: MX target without its dot": [
    [3, 6, 'dns-wrong-value', 'error', "contoso.com. MX target \"contoso-com.mail.protection.outlook.com\" has no trailing dot, so it expands inside the zone to \"contoso-com.mail.protection.outlook.com.contoso.com.\"; write: @ 3600 IN MX 0 contoso-com.mail.protection.outlook.com."],
  ],
  "worldwide: DNSSEC MX form": [
  ],
  "worldwide: MX token differs from the configured one": [
    [3, 6, 'dns-wrong-value', 'error', "contoso.com. MX points to \"contoso-com.mail.protection.outlook.com.\", an MX with another token, instead of \"contoso-com01b.mail.protection.outlook.com.\": delivers the domain's incoming mail to Exchange Online (a target ending in .mx.microsoft once inbound DNSSEC and DANE are turned on); write: @ 3600 IN MX 0 contoso-com01b.mail.protection.outlook.com."],
  ],
  "worldwide: 21Vianet MX": [
    [3, 6, 'dns-wrong-value', 'error', "contoso.com. MX points to \"contoso-com.mail.protection.partner.outlook.cn.\", the 21Vianet (China) cloud's MX, instead of \"{mx-token}.mail.protection.outlook.com.\": delivers the domain's incoming mail to Exchange Online (a target ending in .mx.microsoft once inbound DNSSEC and DANE are turned on); write: @ 3600 IN MX 0 {mx-token}.mail.protection.outlook.com. (replace {mx-token} with the domain's MX token shown in the Microsoft 365 admin center)"],
  ],
  "worldwide: SPF without the include": [
    [4, 7, 'dns-spf-missing-include', 'error', "contoso.com. SPF record does not include \"spf.protection.outlook.com\": mail that Exchange Online sends for the name fails SPF; write: @ 3600 IN TXT \"v=spf1 ip4:192.0.2.25 include:_spf.example.net include:spf.protection.outlook.com -all\""],
    [4, 7, 'dns-spf-unknown-include', 'notice', "contoso.com. SPF record depends on \"_spf.example.net\", whose own DNS lookups are not known offline: the count of 1 is a lower bound"],
  ],
  "worldwide: no SPF": [
    [4, 1, 'dns-missing-record', 'error', "contoso.com. has no SPF record: lets receiving mail systems accept mail that Exchange Online sends for the domain; there may be only one SPF record, costing at most 10 DNS lookups; add after line 4: @ 3600 IN TXT \"v=spf1 include:spf.protection.outlook.com -all\""],
  ],
  "worldwide: two SPF records": [
    [9, 7, 'dns-spf-multiple', 'error', "contoso.com. has a second SPF record (the first is at line 4): receivers then fail SPF for all mail of the name; merge them into one: @ 3600 IN TXT \"v=spf1 include:spf.protection.outlook.com include:mailgun.org -all\""],
  ],
  "worldwide: malformed SPF": [
    [4, 7, 'dns-spf-invalid', 'error', "contoso.com. SPF record is malformed: \"ip4:192.0.2.300\" needs an IPv4 address or network after \"ip4:\"; receivers fail SPF for all mail of the name"],
  ],
  "worldwide: SPF +all": [
    [4, 7, 'dns-spf-all', 'error', "contoso.com. SPF record ends with \"+all\", which lets every server on the internet send mail as the name"],
  ],
  "worldwide: SPF ?all": [
    [4, 7, 'dns-spf-all', 'warning', "contoso.com. SPF record ends with \"?all\", which gives servers it does not list a neutral result, meant for testing only; end it with \"-all\""],
  ],
  "worldwide: SPF ~all": [
    [4, 7, 'dns-spf-all', 'notice', "contoso.com. SPF record ends with \"~all\", which only marks mail from servers it does not list as suspicious; Microsoft recommends \"-all\""],
  ],
  "worldwide: SPF without all": [
    [4, 7, 'dns-spf-all', 'warning', "contoso.com. SPF record has no \"all\" at its end, so mail from servers it does not list gets a neutral result; end it with \"-all\""],
  ],
  "worldwide: SPF terms after all": [
    [4, 7, 'dns-spf-all', 'warning', "contoso.com. SPF record has terms after \"all\" that are never evaluated: \"include:spf.protection.outlook.com\""],
  ],
  "worldwide: SPF over 10 lookups through its own includes": [
    [4, 7, 'dns-spf-lookups', 'error', "contoso.com. SPF record needs 12 DNS lookups, more than the 10 allowed: receivers return a permanent error and SPF fails for all mail of the name"],
  ],
  "worldwide: SPF include loop": [
    [4, 7, 'dns-spf-lookups', 'error', "contoso.com. SPF record has an include loop through \"_spf.contoso.com\": receivers stop with a permanent error"],
  ],
  "worldwide: unknown include": [
    [4, 7, 'dns-spf-unknown-include', 'notice', "contoso.com. SPF record depends on \"servers.mcsv.net\", whose own DNS lookups are not known offline: the count of 2 is a lower bound"],
  ],
  "worldwide: autodiscover is an A record": [
    [6, 16, 'dns-wrong-value', 'error', "autodiscover.contoso.com. is an A record, but Microsoft 365 needs a CNAME record there: lets Outlook and other mail clients find Exchange Online and set themselves up; write: autodiscover 3600 IN CNAME autodiscover.outlook.com."],
  ],
  "worldwide: autodiscover points on premises": [
    [6, 20, 'dns-wrong-value', 'error', "autodiscover.contoso.com. CNAME points to \"mail.contoso.com.\" instead of \"autodiscover.outlook.com.\": lets Outlook and other mail clients find Exchange Online and set themselves up; write: autodiscover 3600 IN CNAME autodiscover.outlook.com."],
  ],
  "worldwide: no autodiscover": [
    [5, 1, 'dns-missing-record', 'error', "autodiscover.contoso.com. CNAME is missing: lets Outlook and other mail clients find Exchange Online and set themselves up; add after line 5: autodiscover 3600 IN CNAME autodiscover.outlook.com."],
  ],
  "worldwide: _autodiscover._tcp SRV": [
    [9, 24, 'dns-forbidden-record', 'warning', "_autodiscover._tcp.contoso.com. SRV must not exist in the Worldwide cloud: Microsoft 365 finds Exchange Online through the autodiscover CNAME and lists no such SRV record; Outlook falls back to it when the CNAME lookup fails and then connects to whatever host it names, usually an earlier mail system; remove it"],
  ],
  "worldwide: federation SRV on the wrong port": [
    [7, 28, 'dns-wrong-value', 'error', "_sipfederationtls._tcp.contoso.com. SRV uses port 443 instead of 5061: lets users of other organisations find the domain for Teams federation (chat and presence with external users); write: _sipfederationtls._tcp 3600 IN SRV 100 1 5061 sipfed.online.lync.com."],
  ],
  "worldwide: federation SRV with priority and weight swapped": [
    [7, 28, 'dns-wrong-value', 'warning', "_sipfederationtls._tcp.contoso.com. SRV has priority 1 and weight 100 instead of 100 and 1: lets users of other organisations find the domain for Teams federation (chat and presence with external users); write: _sipfederationtls._tcp 3600 IN SRV 100 1 5061 sipfed.online.lync.com."],
  ],
  "worldwide: federation SRV without its dot": [
    [7, 28, 'dns-wrong-value', 'error', "_sipfederationtls._tcp.contoso.com. SRV target \"sipfed.online.lync.com\" has no trailing dot, so it expands inside the zone to \"sipfed.online.lync.com.contoso.com.\": lets users of other organisations find the domain for Teams federation (chat and presence with external users); write: _sipfederationtls._tcp 3600 IN SRV 100 1 5061 sipfed.online.lync.com."],
  ],
  "worldwide: no federation SRV": [
    [5, 1, 'dns-missing-record', 'warning', "_sipfederationtls._tcp.contoso.com. SRV is missing: lets users of other organisations find the domain for Teams federation (chat and presence with external users); add after line 5: _sipfederationtls._tcp 3600 IN SRV 100 1 5061 sipfed.online.lync.com."],
  ],
  "worldwide: Skype for Business records are legacy": [
    [9, 11, 'dns-legacy-record', 'notice', "sip.contoso.com. CNAME is no longer needed: a Skype for Business Online record that the current record list no longer has; remove it once no client relies on it"],
    [10, 20, 'dns-legacy-record', 'notice', "lyncdiscover.contoso.com. CNAME is no longer needed: a Skype for Business Online record that the current record list no longer has; the earlier one kept it only for PowerShell cmdlets still running on Skype for Business Online; remove it once no client relies on it"],
    [11, 15, 'dns-legacy-record', 'notice', "_sip._tls.contoso.com. SRV is no longer needed: a Skype for Business Online record; the current record list no longer has it, and the earlier one only said it may be needed by Skype for Business phones; remove it once no client relies on it"],
  ],
  "worldwide: Intune and DKIM, no records": [
    [5, 1, 'dns-missing-record', 'warning', "enterpriseenrollment.contoso.com. CNAME is missing: lets devices enrol in Intune with the user's address; the documents give both target names, and both are in use; add after line 5: enterpriseenrollment 3600 IN CNAME enterpriseenrollment.manage.microsoft.com."],
    [5, 1, 'dns-missing-record', 'warning', "enterpriseregistration.contoso.com. CNAME is missing: lets devices of the domain's users register with Microsoft Entra ID for mobile device management; add after line 5: enterpriseregistration 3600 IN CNAME enterpriseregistration.windows.net."],
    [5, 1, 'dns-missing-record', 'warning', "selector1._domainkey.contoso.com. CNAME is missing: publishes the first of the two DKIM keys that Exchange Online signs the domain's mail with; signing with the custom domain cannot be turned on until both selectors resolve; add after line 5: selector1._domainkey 3600 IN CNAME selector1-contoso-com._domainkey.{initial-domain}.onmicrosoft.com. (replace {initial-domain} with the first label of the tenant's initial onmicrosoft domain)"],
    [5, 1, 'dns-missing-record', 'warning', "selector2._domainkey.contoso.com. CNAME is missing: publishes the second DKIM key, used after a key rotation; signing with the custom domain cannot be turned on until both selectors resolve; add after line 5: selector2._domainkey 3600 IN CNAME selector2-contoso-com._domainkey.{initial-domain}.onmicrosoft.com. (replace {initial-domain} with the first label of the tenant's initial onmicrosoft domain)"],
  ],
  "worldwide: Intune and DKIM with known values, no records": [
    [5, 1, 'dns-missing-record', 'warning', "enterpriseenrollment.contoso.com. CNAME is missing: lets devices enrol in Intune with the user's address; the documents give both target names, and both are in use; add after line 5: enterpriseenrollment 3600 IN CNAME enterpriseenrollment.manage.microsoft.com."],
    [5, 1, 'dns-missing-record', 'warning', "enterpriseregistration.contoso.com. CNAME is missing: lets devices of the domain's users register with Microsoft Entra ID for mobile device management; add after line 5: enterpriseregistration 3600 IN CNAME enterpriseregistration.windows.net."],
    [5, 1, 'dns-missing-record', 'warning', "selector1._domainkey.contoso.com. CNAME is missing: publishes the first of the two DKIM keys that Exchange Online signs the domain's mail with; signing with the custom domain cannot be turned on until both selectors resolve; add after line 5: selector1._domainkey 3600 IN CNAME selector1-contoso-com._domainkey.contoso.onmicrosoft.com."],
    [5, 1, 'dns-missing-record', 'warning', "selector2._domainkey.contoso.com. CNAME is missing: publishes the second DKIM key, used after a key rotation; signing with the custom domain cannot be turned on until both selectors resolve; add after line 5: selector2._domainkey 3600 IN CNAME selector2-contoso-com._domainkey.contoso.onmicrosoft.com."],
  ],
  "worldwide: Intune and DKIM, wrong targets": [
    [9, 30, 'dns-wrong-value', 'error', "enterpriseregistration.contoso.com. CNAME points to \"enterpriseregistration.microsoftonline.de.\" instead of \"enterpriseregistration.windows.net.\": lets devices of the domain's users register with Microsoft Entra ID for mobile device management; write: enterpriseregistration 3600 IN CNAME enterpriseregistration.windows.net."],
    [11, 28, 'dns-wrong-value', 'error', "selector1._domainkey.contoso.com. CNAME points to \"selector1-contoso-com._domainkey.fabrikam.onmicrosoft.com.\" instead of \"selector1-contoso-com._domainkey.contoso.onmicrosoft.com.\" or \"selector1-*._domainkey.contoso.*.dkim.mail.microsoft.\": publishes the first of the two DKIM keys that Exchange Online signs the domain's mail with; signing with the custom domain cannot be turned on until both selectors resolve; write: selector1._domainkey 3600 IN CNAME selector1-contoso-com._domainkey.contoso.onmicrosoft.com."],
  ],
  "worldwide: DKIM targets given by the portal": [
    [10, 28, 'dns-wrong-value', 'error', "selector2._domainkey.contoso.com. CNAME points to \"selector2-contoso-com._domainkey.contoso.onmicrosoft.com.\" instead of \"selector2-contoso-com._domainkey.contoso.n-v1.dkim.mail.microsoft.\": publishes the second DKIM key, used after a key rotation; signing with the custom domain cannot be turned on until both selectors resolve; write: selector2._domainkey 3600 IN CNAME selector2-contoso-com._domainkey.contoso.n-v1.dkim.mail.microsoft."],
  ],
  "worldwide: a domain without services is only checked for msoid": [
    [2, 13, 'dns-forbidden-record', 'error', "msoid.contoso.com. CNAME must not exist in the Worldwide cloud: this record belongs only to Microsoft 365 operated by 21Vianet; in any other cloud, users of the domain are told the domain is not in the system and cannot activate their Microsoft 365 licence; remove it"],
  ],
  "worldwide: a sub-domain with a Microsoft 365 MX is checked too": [
    [10, 1, 'dns-missing-record', 'error', "autodiscover.sales.contoso.com. CNAME is missing: lets Outlook and other mail clients find Exchange Online and set themselves up; add after line 10: autodiscover.sales 3600 IN CNAME autodiscover.outlook.com."],
    [10, 1, 'dns-missing-record', 'error', "sales.contoso.com. has no SPF record: lets receiving mail systems accept mail that Exchange Online sends for the domain; there may be only one SPF record, costing at most 10 DNS lookups; add after line 10: sales 3600 IN TXT \"v=spf1 include:spf.protection.outlook.com -all\""],
    [10, 1, 'dns-missing-record', 'warning', "_sipfederationtls._tcp.sales.contoso.com. SRV is missing: lets users of other organisations find the domain for Teams federation (chat and presence with external users); add after line 10: _sipfederationtls._tcp.sales 3600 IN SRV 100 1 5061 sipfed.online.lync.com."],
  ],
  "worldwide: a configured sub-domain without records": [
    [5, 1, 'dns-missing-record', 'error', "autodiscover.mail.contoso.com. CNAME is missing: lets Outlook and other mail clients find Exchange Online and set themselves up; add after line 5: autodiscover.mail 3600 IN CNAME autodiscover.outlook.com."],
    [5, 1, 'dns-missing-record', 'error', "mail.contoso.com. has no MX record: delivers the domain's incoming mail to Exchange Online (a target ending in .mx.microsoft once inbound DNSSEC and DANE are turned on); add after line 5: mail 3600 IN MX 0 {mx-token}.mail.protection.outlook.com. (replace {mx-token} with the domain's MX token shown in the Microsoft 365 admin center)"],
    [5, 1, 'dns-missing-record', 'error', "mail.contoso.com. has no SPF record: lets receiving mail systems accept mail that Exchange Online sends for the domain; there may be only one SPF record, costing at most 10 DNS lookups; add after line 5: mail 3600 IN TXT \"v=spf1 include:spf.protection.outlook.com -all\""],
  ],
  "worldwide: a configured domain in no zone": [
    [0, 0, 'dns-domain-not-found', 'warning', "the configured domain \"fabrikam.com\" is in no zone of the DNS files, so its records cannot be checked"],
  ],
  "china: msoid missing": [
    [4, 1, 'dns-missing-record', 'warning', "msoid.contoso.cn. CNAME is missing: points client applications to the authentication endpoint of 21Vianet; without it they authenticate through a default endpoint in the United States, which is slower, and with a wrong target they cannot authenticate at all; add after line 4: msoid 3600 IN CNAME clientconfig.partner.microsoftonline-p.net.cn."],
  ],
  "china: msoid with the worldwide target": [
    [6, 13, 'dns-wrong-value', 'error', "msoid.contoso.cn. CNAME points to \"clientconfig.microsoftonline-p.net.\" instead of \"clientconfig.partner.microsoftonline-p.net.cn.\": points client applications to the authentication endpoint of 21Vianet; without it they authenticate through a default endpoint in the United States, which is slower, and with a wrong target they cannot authenticate at all; write: msoid 3600 IN CNAME clientconfig.partner.microsoftonline-p.net.cn."],
  ],
  "china: worldwide values": [
    [4, 7, 'dns-spf-missing-include', 'error', "contoso.cn. SPF record does not include \"spf.protection.partner.outlook.cn\" (it includes \"spf.protection.outlook.com\", which is for Worldwide): mail that Exchange Online sends for the name fails SPF; write: @ 3600 IN TXT \"v=spf1 include:spf.protection.partner.outlook.cn -all\""],
    [5, 20, 'dns-wrong-value', 'error', "autodiscover.contoso.cn. CNAME points to \"autodiscover.outlook.com.\", the Worldwide cloud's target, instead of \"autodiscover.partner.outlook.cn.\": lets Outlook and other mail clients find Exchange Online and set themselves up; write: autodiscover 3600 IN CNAME autodiscover.partner.outlook.cn."],
  ],
  "china: Skype for Business records missing": [
    [4, 1, 'dns-missing-record', 'warning', "_sip._tls.contoso.cn. SRV is missing: lets clients of the domain's users find the online sign-in service; 21Vianet still lists it among the required records; add after line 4: _sip._tls 3600 IN SRV 100 1 443 sipdir.online.partner.lync.cn."],
    [4, 1, 'dns-missing-record', 'warning', "lyncdiscover.contoso.cn. CNAME is missing: lets clients of the domain's users discover the online service; 21Vianet still lists it among the required records; add after line 4: lyncdiscover 3600 IN CNAME webdir.online.partner.lync.cn."],
    [4, 1, 'dns-missing-record', 'warning', "sip.contoso.cn. CNAME is missing: lets clients of the domain's users find the online sign-in service; 21Vianet still lists it among the required records; add after line 4: sip 3600 IN CNAME sipdir.online.partner.lync.cn."],
  ],
  "china: no Teams, no Skype for Business records needed": [
  ],
  "usgovgcchigh: msoid is forbidden": [
    [7, 13, 'dns-forbidden-record', 'error', "msoid.contoso.us. CNAME must not exist in the US Government GCC High cloud: the record does not work with Microsoft 365 Apps for enterprise and stops their activation from succeeding; remove it"],
  ],
  "usgovgcchigh: worldwide MX": [
    [3, 6, 'dns-wrong-value', 'error', "contoso.us. MX points to \"contoso-us.mail.protection.outlook.com.\", the Worldwide cloud's MX, instead of \"{initial-domain}.mail.protection.office365.us.\": delivers the domain's incoming mail to Exchange Online; the target starts with the tenant name, the first label of its initial onmicrosoft.us domain; write: @ 3600 IN MX 0 {initial-domain}.mail.protection.office365.us. (replace {initial-domain} with the first label of the tenant's initial onmicrosoft domain)"],
  ],
  "usgovgcchigh: MX of another tenant": [
    [3, 6, 'dns-wrong-value', 'error', "contoso.us. MX points to \"contoso.mail.protection.office365.us.\", another tenant's MX, instead of \"contosogov.mail.protection.office365.us.\": delivers the domain's incoming mail to Exchange Online; the target starts with the tenant name, the first label of its initial onmicrosoft.us domain; write: @ 3600 IN MX 0 contosogov.mail.protection.office365.us."],
  ],
  "usgovdod: GCC High values": [
    [5, 20, 'dns-wrong-value', 'error', "autodiscover.contoso.us. CNAME points to \"autodiscover.office365.us.\", the US Government GCC High cloud's target, instead of \"autodiscover-dod.office365.us.\": lets Outlook and other mail clients find Exchange Online and set themselves up; write: autodiscover 3600 IN CNAME autodiscover-dod.office365.us."],
    [6, 28, 'dns-wrong-value', 'error', "_sipfederationtls._tcp.contoso.us. SRV points to \"sipfed.online.gov.skypeforbusiness.us.\", the US Government GCC High cloud's target, instead of \"sipfed.online.dod.skypeforbusiness.us.\": lets users of other organisations find the domain for Teams federation (chat and presence with external users); write: _sipfederationtls._tcp 3600 IN SRV 100 1 5061 sipfed.online.dod.skypeforbusiness.us."],
  ],
  "zone: records below a delegation": [
    [12, 9, 'dns-not-served', 'warning', "lab.contoso.com. TXT is not served: lab.contoso.com. is delegated to \"ns1.lab.contoso.com.\", \"ns2.example.net.\" (NS at line 9), so resolvers ask those servers and never see this record; put it in the delegated zone"],
    [13, 11, 'dns-not-served', 'warning', "www.lab.contoso.com. A is not served: lab.contoso.com. is delegated to \"ns1.lab.contoso.com.\", \"ns2.example.net.\" (NS at line 9), so resolvers ask those servers and never see this record; put it in the delegated zone"],
  ],
  "zone: CNAME beside other records": [
    [6, 20, 'dns-cname-conflict', 'error', "autodiscover.contoso.com. has a CNAME and also TXT at line 9: a name with a CNAME can have no other record"],
    [10, 12, 'dns-cname-conflict', 'error', "shop.contoso.com. has a CNAME and also another CNAME at line 11: a name with a CNAME can have no other record"],
    [11, 12, 'dns-cname-conflict', 'error', "shop.contoso.com. has a CNAME and also another CNAME at line 10: a name with a CNAME can have no other record"],
  ],
  "zone: duplicate records": [
    [9, 7, 'dns-duplicate-record', 'notice', "www.contoso.com. A \"192.0.2.10\" repeats the record at line 8"],
    [10, 7, 'dns-duplicate-record', 'notice', "contoso.com. TXT \"MS=ms12345678\" repeats the record at line 5"],
  ],
  "zone: relative targets": [
    [10, 12, 'dns-wrong-value', 'warning', "mail.contoso.com. CNAME target \"ghs.googlehosted.com\" has no trailing dot, so it expands inside the zone to \"ghs.googlehosted.com.contoso.com.\"; write: mail 3600 IN CNAME ghs.googlehosted.com."],
    [12, 14, 'dns-wrong-value', 'error', "portal.contoso.com. CNAME target \"autodiscover.outlook.com\" has no trailing dot, so it expands inside the zone to \"autodiscover.outlook.com.contoso.com.\"; write: portal 3600 IN CNAME autodiscover.outlook.com."],
  ],
};

describe('checkDns: a correct zone gives no findings', () => {
  it.each<[string, Instance, string, string[], DomainConfig[]]>([
    ['worldwide, default services', 'worldwide', W, WORLDWIDE, []],
    [
      'worldwide, every service',
      'worldwide',
      W,
      [
        ...WORLDWIDE,
        'enterpriseregistration CNAME enterpriseregistration.windows.net.',
        'enterpriseenrollment CNAME enterpriseenrollment-s.manage.microsoft.com.',
        'selector1._domainkey CNAME selector1-contoso-com._domainkey.contoso.onmicrosoft.com.',
        'selector2._domainkey CNAME selector2-contoso-com01i._domainkey.contoso.n-v1.dkim.mail.microsoft.',
      ],
      [{ domain: 'contoso.com', services: ALL, initialDomain: 'contoso.onmicrosoft.com' }],
    ],
    ['21Vianet', 'china', C, CHINA, []],
    ['US Government GCC High', 'usgovgcchigh', U, GCCHIGH, []],
    [
      'US Government GCC High, tenant known',
      'usgovgcchigh',
      U,
      GCCHIGH,
      [{ domain: 'CONTOSO.US.', services: ['exchange', 'teams'], initialDomain: 'contoso' }],
    ],
    ['US Government DoD', 'usgovdod', U, DOD, []],
  ])('%s', (_name, cloud, origin, lines, domains) => {
    expect(run(cloud, [zone(origin, lines)], domains)).toEqual([]);
  });
});

describe('checkDns: each mistake gives exactly its findings', () => {
  it.each(CASES)('%s', (name, cloud, origin, lines, domains) => {
    expect(run(cloud, [zone(origin, lines)], domains)).toEqual(EXPECTED[name]);
  });

  it('has an expectation for every case', () => {
    expect(Object.keys(EXPECTED)).toEqual(CASES.map((c) => c[0]));
  });
});

describe('checkDns: several files', () => {
  it('finds the records of one zone in every file, and puts a missing one in the first', () => {
    const a = zone('contoso.com', WORLDWIDE.slice(0, 3), 'dns/a.zone');
    const b = zone('contoso.com', WORLDWIDE.slice(3, 6), 'dns/b.zone');
    expect(run('worldwide', [a, b])).toEqual([
      [
        3,
        1,
        'dns-missing-record',
        'warning',
        '_sipfederationtls._tcp.contoso.com. SRV is missing: lets users of other organisations find the domain for Teams federation (chat and presence with external users); add after line 3: _sipfederationtls._tcp 3600 IN SRV 100 1 5061 sipfed.online.lync.com.',
      ],
    ]);
  });

  it('names the other file when a duplicate is there', () => {
    const a = zone('contoso.com', WORLDWIDE, 'dns/a.zone');
    const b = zone('contoso.com', ['www A 192.0.2.10'], 'dns/b.zone');
    const findings = checkDns('worldwide', [a, b], []);
    expect(shape(findings)).toEqual([
      [
        1,
        7,
        'dns-duplicate-record',
        'notice',
        'www.contoso.com. A "192.0.2.10" repeats the record at dns/a.zone:8',
      ],
    ]);
    expect(findings[0]!.location.file).toBe('dns/b.zone');
    expect(findings[0]!.entry).toBe('www.contoso.com. A 192.0.2.10');
  });

  it('reports a configured domain only when there is a file to report it in', () => {
    expect(run('worldwide', [], [{ domain: 'contoso.com', services: ['exchange'] }])).toEqual([]);
  });

  it('leaves a sub-zone of the same file alone unless it uses Microsoft 365', () => {
    const input = zone('contoso.com', WORLDWIDE);
    const file = { ...input.file, zones: [...input.file.zones, 'web.contoso.com.'] };
    expect(run('worldwide', [{ ...input, file }])).toEqual([]);
  });
});

describe('checkDns: findings point at the record and carry it', () => {
  it('sets file, entry and the rule severity', () => {
    const findings = checkDns(
      'worldwide',
      [
        zone(
          'contoso.com',
          [...WORLDWIDE, 'msoid CNAME clientconfig.microsoftonline-p.net.'],
          'zones/contoso.com.zone',
        ),
      ],
      [],
    );
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: 'dns-forbidden-record',
        severity: 'error',
        location: { file: 'zones/contoso.com.zone', line: 9, column: 13 },
        entry: 'msoid.contoso.com. CNAME clientconfig.microsoftonline-p.net.',
      }),
    ]);
  });
});

describe('checkDns: any zone', () => {
  const owner = fc.constantFrom(
    '@',
    'msoid',
    'autodiscover',
    'sip',
    'lyncdiscover',
    '_sip._tls',
    '_sipfederationtls._tcp',
    '_autodiscover._tcp',
    'selector1._domainkey',
    'lab',
    'www.lab',
    'mail',
    'x.example.net.',
  );
  const target = fc.constantFrom(
    'autodiscover.outlook.com.',
    'autodiscover.outlook.com',
    'contoso-com.mail.protection.outlook.com.',
    'sipfed.online.lync.com',
    'sipdir.online.lync.com.',
    'clientconfig.microsoftonline-p.net.',
    'ns1.lab',
    'www',
    'mail.example.net.',
  );
  const record = fc.oneof(
    fc.tuple(owner, fc.constantFrom('CNAME', 'NS'), target).map(([o, t, v]) => `${o} ${t} ${v}`),
    fc.tuple(owner, fc.nat(20), target).map(([o, p, v]) => `${o} MX ${p} ${v}`),
    fc
      .tuple(owner, fc.nat(200), fc.constantFrom(443, 5061), target)
      .map(([o, p, port, v]) => `${o} SRV ${p} 1 ${port} ${v}`),
    fc
      .tuple(
        owner,
        fc.constantFrom(
          'v=spf1 include:spf.protection.outlook.com -all',
          'v=spf1 include:_spf.contoso.com ~all',
          'v=spf1 a mx ptr exists:x include:y.example',
          'v=spf1 include:',
          'MS=ms1',
        ),
      )
      .map(([o, t]) => `${o} TXT "${t}"`),
    fc.tuple(owner, fc.constantFrom('A 192.0.2.1', 'DS 1 2 3 AB')).map(([o, r]) => `${o} ${r}`),
  );
  const cloud = fc.constantFrom<Instance>('worldwide', 'china', 'usgovdod', 'usgovgcchigh');
  const services = fc.subarray<DomainConfig['services'][number]>([
    'exchange',
    'teams',
    'intune',
    'dkim',
  ]);

  it('never throws, points inside the files, and gives the same sorted answer twice', () => {
    fc.assert(
      fc.property(
        cloud,
        fc.array(record, { maxLength: 25 }),
        fc.array(record, { maxLength: 10 }),
        fc.option(services, { nil: undefined }),
        (instance, a, b, s) => {
          const inputs = [zone('contoso.com', a, 'a.zone'), zone('contoso.com', b, 'b.zone')];
          const domains = s ? [{ domain: 'contoso.com', services: s }] : [];
          const findings = checkDns(instance, inputs, domains);
          const lines = { 'a.zone': a.length, 'b.zone': b.length } as Record<string, number>;
          for (const f of findings) {
            expect(Object.keys(lines)).toContain(f.location.file);
            expect(f.location.line).toBeGreaterThanOrEqual(0);
            expect(f.location.line).toBeLessThanOrEqual(lines[f.location.file]!);
            expect(f.message).not.toMatch(/undefined|NaN|\[object/);
          }
          for (let i = 1; i < findings.length; i++) {
            expect(
              compareLocations(findings[i - 1]!.location, findings[i]!.location),
            ).toBeLessThanOrEqual(0);
          }
          expect(checkDns(instance, inputs, domains)).toEqual(findings);
        },
      ),
      { numRuns: 300 },
    );
  });
});
