import { describe, expect, it } from 'vitest';
import { checkDns } from '../../src/dns/check.js';
import type { DnsFormat } from '../../src/formats/format.js';

// The zone-file reader is a separate module; these tests run once it is there.
const BIND: DnsFormat | undefined = await import('../../src/formats/dns/bind.js').then(
  (m: Record<string, unknown>) => m['BIND'] as DnsFormat | undefined,
  () => undefined,
);

function check(text: string, instance: 'worldwide' | 'china' = 'worldwide') {
  const format = BIND!;
  const file = format.parse({ path: 'contoso.zone', text }, { readFile: () => undefined });
  expect(file.problems).toEqual([]);
  return checkDns(instance, [{ file, render: format.render.bind(format) }], []).map((f) => [
    f.location.line,
    f.ruleId,
    f.message,
  ]);
}

const HEAD = `$ORIGIN contoso.com.
$TTL 3600
@   IN SOA ns1.contoso.com. hostmaster.contoso.com. ( 2024010101 7200 3600 1209600 3600 )
    IN NS  ns1.contoso.com.
`;

describe.skipIf(!BIND)('checkDns on zone files read by the zone-file reader', () => {
  it('finds nothing wrong in a correct worldwide zone', () => {
    const text = `${HEAD}    IN MX  0 contoso-com.mail.protection.outlook.com.
    IN TXT "v=spf1 include:spf.protection.outlook.com" " -all"
autodiscover IN CNAME autodiscover.outlook.com.
_sipfederationtls._tcp IN SRV 100 1 5061 sipfed.online.lync.com.
ns1 IN A 192.0.2.53
`;
    expect(check(text)).toEqual([]);
  });

  it('finds nothing wrong in a correct 21Vianet zone', () => {
    const text = `$ORIGIN contoso.cn.
@ 3600 IN SOA ns1.contoso.cn. hostmaster.contoso.cn. 1 7200 3600 1209600 3600
@ 3600 IN NS ns1.contoso.cn.
@ 3600 IN MX 1 contoso-cn.mail.protection.partner.outlook.cn.
@ 3600 IN TXT "v=spf1 include:spf.protection.partner.outlook.cn -all"
autodiscover 3600 IN CNAME autodiscover.partner.outlook.cn.
msoid 3600 IN CNAME clientconfig.partner.microsoftonline-p.net.cn.
sip 3600 IN CNAME sipdir.online.partner.lync.cn.
lyncdiscover 3600 IN CNAME webdir.online.partner.lync.cn.
_sip._tls 3600 IN SRV 100 1 443 sipdir.online.partner.lync.cn.
_sipfederationtls._tcp 3600 IN SRV 100 1 5061 sipfed.online.partner.lync.cn.
ns1 3600 IN A 192.0.2.53
`;
    expect(check(text, 'china')).toEqual([]);
  });

  it('reports each mistake at its line, with the fix written as a zone-file line', () => {
    const text = `${HEAD}    IN MX  10 contoso-com.mail.protection.outlook.com.
    IN MX  5 mx.example.net.
    IN TXT "v=spf1 include:spf.protection.outlook.com ~all"
msoid IN CNAME clientconfig.microsoftonline-p.net.
_sipfederationtls._tcp IN SRV 1 100 5061 sipfed.online.lync.com
lyncdiscover IN CNAME webdir.online.lync.com.
lyncdiscover IN CNAME webdir.online.lync.com.
`;
    expect(check(text)).toEqual(EXPECTED_MISTAKES);
  });
});

// prettier-ignore
const EXPECTED_MISTAKES: unknown[] = [
  [5, 'dns-mx-preference', "contoso.com. MX \"10 contoso-com.mail.protection.outlook.com.\" has preference 10, but \"5 mx.example.net.\" at line 6 has 5: mail goes to the other system first; give the Microsoft 365 MX the lowest number"],
  [6, 'dns-multiple-mx', "contoso.com. MX \"5 mx.example.net.\" sends mail to another system besides Exchange Online: senders use it whenever Exchange Online does not answer, and spammers use it to get past Exchange Online; remove it once all mail goes to Microsoft 365"],
  [7, 'dns-missing-record', "autodiscover.contoso.com. CNAME is missing: lets Outlook and other mail clients find Exchange Online and set themselves up; add after line 7: autodiscover 3600 IN CNAME autodiscover.outlook.com."],
  [7, 'dns-spf-all', "contoso.com. SPF record ends with \"~all\", which only marks mail from servers it does not list as suspicious; Microsoft recommends \"-all\""],
  [8, 'dns-forbidden-record', "msoid.contoso.com. CNAME must not exist in the Worldwide cloud: this record belongs only to Microsoft 365 operated by 21Vianet; in any other cloud, users of the domain are told the domain is not in the system and cannot activate their Microsoft 365 licence; remove it"],
  [9, 'dns-wrong-value', "_sipfederationtls._tcp.contoso.com. SRV target \"sipfed.online.lync.com\" has no trailing dot, so it expands inside the zone to \"sipfed.online.lync.com.contoso.com.\", and has priority 1 and weight 100 instead of 100 and 1: lets users of other organisations find the domain for Teams federation (chat and presence with external users); write: _sipfederationtls._tcp 3600 IN SRV 100 1 5061 sipfed.online.lync.com."],
  [10, 'dns-legacy-record', "lyncdiscover.contoso.com. CNAME is no longer needed: a Skype for Business Online record that the current record list no longer has; the earlier one kept it only for PowerShell cmdlets still running on Skype for Business Online; remove it once no client relies on it"],
  [11, 'dns-duplicate-record', "lyncdiscover.contoso.com. CNAME \"webdir.online.lync.com.\" repeats the record at line 10"],
  [11, 'dns-legacy-record', "lyncdiscover.contoso.com. CNAME is no longer needed: a Skype for Business Online record that the current record list no longer has; the earlier one kept it only for PowerShell cmdlets still running on Skype for Business Online; remove it once no client relies on it"],
];
