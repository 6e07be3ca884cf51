// How entries are judged, with the real catalogue of two clouds: over-broad entries (public
// suffixes in every scope, address blocks mostly outside Microsoft 365), `.x` beside `*.x`,
// over-broad entries that cover nothing, `**`, and what an outside-selection notice names.
import { describe, expect, it } from 'vitest';
import { EMBEDDED_CATALOGUE } from '../../src/catalogue/embedded.js';
import type { Instance, Selection } from '../../src/catalogue/types.js';
import { selectRequirements } from '../../src/catalogue/select.js';
import { check, type Scope } from '../../src/diff/engine.js';
import { formatLocation } from '../../src/model/location.js';
import { getFormat } from '../../src/formats/allowlist/index.js';

function selection(instance: Instance, extra: Partial<Selection> = {}): Selection {
  return {
    instance,
    serviceAreas: ['Common', 'Exchange', 'SharePoint', 'Skype'],
    categories: ['Optimize', 'Allow', 'Default'],
    includeOptional: false,
    ipv6: true,
    scenarios: [],
    ...extra,
  };
}

function judge(
  instance: Instance,
  format: string,
  scope: Scope,
  text: string,
  extra: Partial<Selection> = {},
) {
  const f = getFormat(format)!;
  return check({
    catalogue: EMBEDDED_CATALOGUE,
    selection: selection(instance, extra),
    files: [
      {
        parsed: f.parse({ path: 'a.txt', text }),
        capabilities: f.capabilities,
        scope,
        group: 'default',
      },
    ],
  });
}

/** Findings about entries (and the IPv6 gap), without the list of what is missing. */
function aboutEntries(result: ReturnType<typeof check>): string[] {
  return result.findings
    .filter(
      (f) =>
        !['missing-endpoint', 'partially-covered'].includes(f.ruleId) || f.endpointSet === 'IPv6',
    )
    .map((f) => `${f.ruleId} ${f.severity} ${f.location.line}:${f.location.column} ${f.message}`);
}

describe('judging entries', () => {
  const rows: [
    name: string,
    instance: Instance,
    format: string,
    scope: Scope,
    text: string,
    extra: Partial<Selection>,
    expected: string[],
  ][] = [
    [
      'Squid and pfBlockerNG .x where the catalogue has *.x: nothing',
      'worldwide',
      'pfblockerng',
      'dedicated',
      '.sharepoint.com\n.lync.com\n.svc.ms\n.office.com',
      {},
      [],
    ],
    [
      'Squid dstdomain .x where the catalogue has *.x: nothing',
      'worldwide',
      'squid',
      'dedicated',
      'acl m365 dstdomain .sharepoint.com .lync.com .svc.ms .office.com\nhttp_access allow m365',
      {},
      [],
    ],
    [
      'a plain list, which can write *.x: a notice for the bare name',
      'worldwide',
      'plain',
      'dedicated',
      '.sharepoint.com\n.lync.com',
      {},
      [
        'over-broad-entry notice 1:1 ".sharepoint.com" also allows "sharepoint.com" itself, which the Worldwide catalogue does not need; write "*.sharepoint.com"',
        'over-broad-entry notice 2:1 ".lync.com" also allows "lync.com" itself, which the Worldwide catalogue does not need; write "*.lync.com"',
      ],
    ],
    [
      'public suffixes in a mixed list',
      'worldwide',
      'plain',
      'mixed',
      '*.com\n.com\n*.net\n*.co.uk\n*.github.io\n*.microsoft\nexample.org',
      {},
      [
        'over-broad-entry warning 1:1 "*.com" matches names of any owner under the public suffix "com"; the Worldwide catalogue needs 194 patterns there (*.aadrm.com, *.activity.windows.com, *.api.microsoftstream.com, *.appex-rf.msn.com and 190 more)',
        'over-broad-entry warning 2:1 ".com" matches names of any owner under the public suffix "com"; the Worldwide catalogue needs 194 patterns there (*.aadrm.com, *.activity.windows.com, *.api.microsoftstream.com, *.appex-rf.msn.com and 190 more)',
        'over-broad-entry warning 3:1 "*.net" matches names of any owner under the public suffix "net"; the Worldwide catalogue needs 87 patterns there (*.acompli.net, *.azure-apim.net, *.cloudapp.net, *.entrust.net and 83 more)',
        'over-broad-entry warning 4:1 "*.co.uk" matches names of any owner under the public suffix "co.uk"',
        'over-broad-entry warning 5:1 "*.github.io" matches names of any owner under the public suffix "github.io"',
        'over-broad-entry warning 6:1 "*.microsoft" matches names of any owner under the public suffix "microsoft"; the Worldwide catalogue needs 7 patterns there (*.cloud.microsoft, *.mx.microsoft, *.static.microsoft, *.teams.cloud.microsoft and 3 more)',
      ],
    ],
    [
      'address blocks mostly outside Microsoft 365, and none of it',
      'worldwide',
      'plain',
      'dedicated',
      '52.0.0.0/8\n40.0.0.0/9\n52.64.0.0/10\n131.253.0.0/16\n2001:db8::/32\n0.0.0.0/0\n::/0',
      {},
      [
        'over-broad-entry warning 1:1 "52.0.0.0/8" is mostly outside Microsoft 365: 8.62% of it is in the Worldwide catalogue; write 52.96.0.0/12, 52.112.0.0/14, 52.122.0.0/15, 52.125.128.0/20 and 25 more instead',
        'over-broad-entry warning 2:1 "40.0.0.0/9" is mostly outside Microsoft 365: 10.75% of it is in the Worldwide catalogue; write 40.67.121.224/27, 40.70.151.32/28, 40.71.14.96/28, 40.74.25.0/24 and 23 more instead',
        'over-broad-entry warning 3:1 "52.64.0.0/10" is mostly outside Microsoft 365: 34.48% of it is in the Worldwide catalogue; write 52.96.0.0/12, 52.112.0.0/14, 52.122.0.0/15, 52.125.128.0/20 and 1 more instead',
        'over-broad-entry warning 4:1 "131.253.0.0/16" is mostly outside Microsoft 365: less than 0.01% of it is in the Worldwide catalogue; write 131.253.33.215/32 instead',
        'extraneous-entry warning 5:1 "2001:db8::/32" is outside every address range of the Worldwide catalogue',
        'over-broad-entry warning 6:1 "0.0.0.0/0" allows every IPv4 address',
        'over-broad-entry warning 7:1 "::/0" allows every IPv6 address',
      ],
    ],
    [
      'address blocks in a mixed list',
      'worldwide',
      'plain',
      'mixed',
      '52.0.0.0/8\n131.253.0.0/16\n2001:db8::/32\n10.0.0.0/8',
      {},
      [
        'over-broad-entry warning 1:1 "52.0.0.0/8" is mostly outside Microsoft 365: 8.62% of it is in the Worldwide catalogue; write 52.96.0.0/12, 52.112.0.0/14, 52.122.0.0/15, 52.125.128.0/20 and 25 more instead',
        'over-broad-entry warning 2:1 "131.253.0.0/16" is mostly outside Microsoft 365: less than 0.01% of it is in the Worldwide catalogue; write 131.253.33.215/32 instead',
      ],
    ],
    [
      'over-broad entries cover nothing',
      'worldwide',
      'plain',
      'dedicated',
      '0.0.0.0/0\n52.96.0.0/15\n52.98.0.0/15\n*.com\ncontoso.sharepoint.com\n::/0\n2603:1006::/40',
      {},
      [
        'over-broad-entry warning 1:1 "0.0.0.0/0" allows every IPv4 address',
        'over-broad-entry warning 4:1 "*.com" matches names of any owner under the public suffix "com"; the Worldwide catalogue needs 194 patterns there (*.aadrm.com, *.activity.windows.com, *.api.microsoftstream.com, *.appex-rf.msn.com and 190 more)',
        'over-broad-entry warning 6:1 "::/0" allows every IPv6 address',
      ],
    ],
    [
      '.x narrowed to *.x still covers what is below it',
      'worldwide',
      'plain',
      'dedicated',
      '.microsoft.com\n.teams.microsoft.com',
      {},
      [
        'over-broad-entry notice 1:1 ".microsoft.com" also allows "microsoft.com" itself, which the Worldwide catalogue does not need; write "*.microsoft.com"',
        'redundant-entry notice 2:1 ".teams.microsoft.com" is already covered by ".microsoft.com" at line 1',
      ],
    ],
    [
      '** where the format gives it no meaning',
      'worldwide',
      'plain',
      'dedicated',
      '**.sharepoint.com\na**b.sharepoint.com\n52.96.0.0/14',
      {},
      [
        'invalid-entry error 1:1 "**.sharepoint.com" has "**", which this format gives no meaning; write "*"',
        'invalid-entry error 2:1 "a**b.sharepoint.com" has "**", which this format gives no meaning; write "*"',
        'missing-endpoint error 3:1 no IPv6 address is allowed, but 59 IPv6 prefixes are required (Exchange set 1 Optimize, Exchange set 9 Allow, Exchange set 10 Allow, Skype set 11 Optimize, Skype set 12 Allow, SharePoint set 31 Optimize and 3 more); add them, or set "ipv6: false" if this network has no IPv6 egress',
      ],
    ],
    [
      'another tenant',
      'worldwide',
      'plain',
      'dedicated',
      'autodiscover.contoso.onmicrosoft.com',
      { tenant: 'fabrikam' },
      [
        'outside-selection notice 1:1 "autodiscover.contoso.onmicrosoft.com" is for another tenant: the selection has tenant "fabrikam" (autodiscover.fabrikam.onmicrosoft.com)',
      ],
    ],
    [
      'an IPv6 prefix with ipv6: false',
      'worldwide',
      'plain',
      'dedicated',
      '2603:1006::/40\n52.96.0.0/14',
      { ipv6: false },
      [
        'outside-selection notice 1:1 "2603:1006::/40" is an IPv6 prefix of Microsoft 365, and the selection has "ipv6: false"',
      ],
    ],
    [
      'GCC High',
      'usgovgcchigh',
      'plain',
      'dedicated',
      '52.127.0.0/16\n*.us\n.sharepoint.us\n20.0.0.0/8',
      {},
      [
        'over-broad-entry warning 1:1 "52.127.0.0/16" is mostly outside Microsoft 365: 11.32% of it is in the US Government GCC High catalogue; write 52.127.37.0/24, 52.127.82.0/23, 52.127.88.0/21, 52.127.96.0/23 and 1 more instead',
        'over-broad-entry warning 2:1 "*.us" matches names of any owner under the public suffix "us"; the US Government GCC High catalogue needs 35 patterns there (*.aadrm.us, *.auth.microsoft.us, *.gov.online.office365.us, *.gov.teams.microsoft.us and 31 more)',
        'over-broad-entry notice 3:1 ".sharepoint.us" also allows "sharepoint.us" itself, which the US Government GCC High catalogue does not need; write "*.sharepoint.us"',
        'missing-endpoint error 4:1 no IPv6 address is allowed, but 14 IPv6 prefixes are required (Exchange set 1 Optimize, Exchange set 6 Allow, Skype set 7 Optimize, SharePoint set 9 Optimize, Common set 11 Allow, Common set 13 Allow and 3 more); add them, or set "ipv6: false" if this network has no IPv6 egress',
        'over-broad-entry warning 4:1 "20.0.0.0/8" is mostly outside Microsoft 365: 0.05% of it is in the US Government GCC High catalogue; write 20.34.8.0/22, 20.35.208.0/20, 20.35.240.0/21, 20.140.232.0/23 and 1 more instead',
      ],
    ],
    [
      '21Vianet, mixed',
      'china',
      'plain',
      'mixed',
      '42.159.0.0/16\n*.cn\n.sharepoint.cn',
      {},
      [
        'missing-endpoint error 1:1 no IPv6 address is allowed, but 17 IPv6 prefixes are required (Exchange set 1 Optimize, Exchange set 2 Allow, Skype set 3 Optimize, SharePoint set 4 Allow, Common set 7 Allow, Common set 17 Allow and 3 more); add them, or set "ipv6: false" if this network has no IPv6 egress',
        'over-broad-entry warning 1:1 "42.159.0.0/16" is mostly outside Microsoft 365: 6.01% of it is in the 21Vianet (China) catalogue; write 42.159.33.192/27, 42.159.34.32/27, 42.159.34.64/27, 42.159.34.96/28 and 15 more instead',
        'over-broad-entry warning 2:1 "*.cn" matches names of any owner under the public suffix "cn"; the 21Vianet (China) catalogue needs 40 patterns there (*.aadrm.cn, *.auth.microsoft.cn, *.azure-mobile.cn, *.chinacloud-mobile.cn and 36 more)',
        'over-broad-entry notice 3:1 ".sharepoint.cn" also allows "sharepoint.cn" itself, which the 21Vianet (China) catalogue does not need; write "*.sharepoint.cn"',
      ],
    ],
    [
      'everything, however it is written',
      'worldwide',
      'plain',
      'mixed',
      '*\n.com\n*.example.com',
      {},
      [
        'over-broad-entry warning 1:1 "*" matches every host name',
        'over-broad-entry warning 2:1 ".com" matches names of any owner under the public suffix "com"; the Worldwide catalogue needs 194 patterns there (*.aadrm.com, *.activity.windows.com, *.api.microsoftstream.com, *.appex-rf.msn.com and 190 more)',
      ],
    ],
    [
      '"*." is said as written',
      'worldwide',
      'plain',
      'dedicated',
      '*.',
      {},
      ['over-broad-entry warning 1:1 "*." matches every host name'],
    ],
    [
      'GCC High, mixed: an address block with a little Microsoft 365 in it',
      'usgovgcchigh',
      'plain',
      'mixed',
      '20.140.0.0/16\n10.0.0.0/8\n*.example.com',
      {},
      [
        'missing-endpoint error 1:1 no IPv6 address is allowed, but 14 IPv6 prefixes are required (Exchange set 1 Optimize, Exchange set 6 Allow, Skype set 7 Optimize, SharePoint set 9 Optimize, Common set 11 Allow, Common set 13 Allow and 3 more); add them, or set "ipv6: false" if this network has no IPv6 egress',
        'over-broad-entry warning 1:1 "20.140.0.0/16" is mostly outside Microsoft 365: 0.78% of it is in the US Government GCC High catalogue; write 20.140.232.0/23 instead',
      ],
    ],
    [
      'GCC High: over-broad entries cover nothing',
      'usgovgcchigh',
      'plain',
      'dedicated',
      '0.0.0.0/0\n52.127.37.0/25\n*.us\ncontoso.sharepoint.us\n::/0\n2001:489a:2200:100::/64',
      {},
      [
        'over-broad-entry warning 1:1 "0.0.0.0/0" allows every IPv4 address',
        'over-broad-entry warning 3:1 "*.us" matches names of any owner under the public suffix "us"; the US Government GCC High catalogue needs 35 patterns there (*.aadrm.us, *.auth.microsoft.us, *.gov.online.office365.us, *.gov.teams.microsoft.us and 31 more)',
        'over-broad-entry warning 5:1 "::/0" allows every IPv6 address',
      ],
    ],
    [
      'GCC High: another tenant',
      'usgovgcchigh',
      'plain',
      'dedicated',
      'autodiscover.contoso.onmicrosoft.us',
      { tenant: 'fabrikam' },
      [
        'outside-selection notice 1:1 "autodiscover.contoso.onmicrosoft.us" is for another tenant: the selection has tenant "fabrikam" (autodiscover.fabrikam.onmicrosoft.us)',
      ],
    ],
    [
      'GCC High: an IPv6 prefix with ipv6: false',
      'usgovgcchigh',
      'plain',
      'dedicated',
      '2001:489a:2206::/48\n52.127.88.0/21',
      { ipv6: false },
      [
        'outside-selection notice 1:1 "2001:489a:2206::/48" is an IPv6 prefix of Microsoft 365, and the selection has "ipv6: false"',
      ],
    ],
    [
      'GCC High: ** where the format gives it no meaning',
      'usgovgcchigh',
      'plain',
      'dedicated',
      '**.sharepoint.us\n52.127.88.0/21\n2001:489a:2206::/48',
      {},
      [
        'invalid-entry error 1:1 "**.sharepoint.us" has "**", which this format gives no meaning; write "*"',
      ],
    ],
  ];

  it.each(rows)('%s', (_name, instance, format, scope, text, extra, expected) => {
    expect(aboutEntries(judge(instance, format, scope, text, extra))).toEqual(expected);
  });

  it('says what to write instead of an over-broad address block', () => {
    const r = judge('usgovgcchigh', 'plain', 'dedicated', '52.127.0.0/16');
    const f = r.findings.find((x) => x.ruleId === 'over-broad-entry')!;
    expect(f.replacement).toEqual([
      '52.127.37.0/24',
      '52.127.82.0/23',
      '52.127.88.0/21',
      '52.127.96.0/23',
      '52.127.240.0/20',
    ]);
  });

  it('says what to write instead of a public-suffix wildcard', () => {
    const r = judge('worldwide', 'plain', 'mixed', '*.microsoft');
    expect(r.findings.find((x) => x.ruleId === 'over-broad-entry')!.replacement).toEqual([
      '*.cloud.microsoft',
      '*.mx.microsoft',
      '*.static.microsoft',
      '*.teams.cloud.microsoft',
      '*.usercontent.microsoft',
      'outlook.cloud.microsoft',
      'teams.cloud.microsoft',
    ]);
  });

  it('gives a list without IPv6 one finding for its IPv6 gap, listing every prefix', () => {
    const r = judge('worldwide', 'plain', 'dedicated', '52.96.0.0/14');
    const gap = r.findings.filter((f) => f.endpointSet === 'IPv6');
    expect(gap).toHaveLength(1);
    expect(gap[0]!.uncovered).toHaveLength(59);
    expect(r.findings.filter((f) => f.requirement?.pattern.includes(':'))).toEqual([]);
  });

  it('asks a list that has some IPv6 for each missing IPv6 prefix', () => {
    const r = judge('worldwide', 'plain', 'dedicated', '52.96.0.0/14\n2603:1006::/40');
    expect(r.findings.filter((f) => f.endpointSet === 'IPv6')).toEqual([]);
    expect(
      r.findings.filter(
        (f) => f.ruleId === 'missing-endpoint' && f.requirement?.pattern.includes(':'),
      ),
    ).toHaveLength(58);
  });
});

describe('Cilium matchPattern, compared by its meaning', () => {
  const policy = (pattern: string) =>
    [
      'apiVersion: cilium.io/v2',
      'kind: CiliumNetworkPolicy',
      'metadata: { name: m365 }',
      'spec:',
      '  endpointSelector: {}',
      '  egress:',
      '    - toFQDNs:',
      `        - matchPattern: "${pattern}"`,
    ].join('\n');
  const sharepoint = (pattern: string) =>
    judge('worldwide', 'kubernetes', 'dedicated', policy(pattern))
      .findings.filter((f) => f.requirement?.pattern === '*.sharepoint.com')
      .map((f) => `${f.ruleId} ${f.location.line}:${f.location.column} ${f.message}`);

  it('"*." is one label: only part of *.sharepoint.com', () => {
    expect(sharepoint('*.sharepoint.com')).toEqual([
      'partially-covered 8:26 "*.sharepoint.com" is only partly allowed: "*.sharepoint.com" allows only some of its names (SharePoint set 31 Optimize)',
    ]);
  });

  it('"**." is any number of labels: all of *.sharepoint.com', () => {
    expect(sharepoint('**.sharepoint.com')).toEqual([]);
  });

  it('"**" elsewhere is invalid', () => {
    expect(
      judge('worldwide', 'kubernetes', 'dedicated', policy('a**.sharepoint.com'))
        .findings.filter((f) => f.ruleId === 'invalid-entry')
        .map((f) => `${f.location.line}:${f.location.column} ${f.message}`),
    ).toEqual([
      '8:26 "a**.sharepoint.com" has "**" where Cilium gives it no meaning (only a leading "**." means any number of labels)',
    ]);
  });
});

describe('a Squid setup: squid.conf and the ACL file of Microsoft 365 names', () => {
  // A faithful translation of the required names: `*.x` written `.x`, names as they are.
  const names = selectRequirements(EMBEDDED_CATALOGUE, selection('worldwide'))
    .requirements.flatMap((r) => (r.kind === 'host' ? [r.text] : []))
    .flatMap((t) => (t.startsWith('*.') ? [`.${t.slice(2)}`] : t.includes('*') ? [] : [t]));
  const conf = [
    'acl localnet src 10.0.0.0/8',
    'acl updates dstdomain .windowsupdate.com .example.com',
    'acl m365 dstdomain "m365.acl"',
    'http_access allow localnet updates',
    'http_access allow localnet m365',
    'http_access deny all',
  ].join('\n');

  function squid(acl: string[]) {
    const format = getFormat('squid')!;
    const files: Record<string, string> = { 'proxy/m365.acl': acl.join('\n') };
    return check({
      catalogue: EMBEDDED_CATALOGUE,
      selection: selection('worldwide'),
      files: [
        {
          parsed: format.parse(
            { path: 'proxy/squid.conf', text: conf },
            { readFile: (p) => files[p] },
          ),
          capabilities: format.capabilities,
          scope: 'dedicated',
          group: 'default',
        },
      ],
    }).findings.map((f) => `${f.ruleId} ${f.severity} ${formatLocation(f.location)} ${f.message}`);
  }

  it('judges nothing of the faithful translation but what Squid cannot write, and puts it in the ACL file', () => {
    const at = names.length;
    expect(squid(names)).toEqual([
      `missing-endpoint warning proxy/m365.acl:${at}:1 "*cdn.onenote.net" is required but not allowed (Common set 51 Default); add it to proxy/m365.acl`,
      `missing-endpoint warning proxy/m365.acl:${at}:1 "autodiscover.*.onmicrosoft.com" is required but not allowed (Exchange set 8 Default); add it to proxy/m365.acl`,
      'outside-selection notice proxy/squid.conf:2:23 ".windowsupdate.com" is only needed by endpoint sets outside the selection (MEM set 164 Default)',
      'extraneous-entry warning proxy/squid.conf:2:42 ".example.com" matches nothing in the Worldwide catalogue',
    ]);
  });

  it('puts a missing name beside its neighbour in the ACL file, or at the end of the ACL file', () => {
    const without = names.filter(
      (n) => n !== '.teams.microsoft.com' && n !== 'teams.microsoft.com' && n !== 'aka.ms',
    );
    const neighbour = without.indexOf('.aria.microsoft.com') + 1;
    const end = without.length;
    expect(squid(without).filter((f) => f.startsWith('missing-endpoint'))).toEqual([
      `missing-endpoint error proxy/m365.acl:${neighbour}:1 "*.teams.microsoft.com" is required but not allowed (Skype set 12 Allow); it belongs beside ".aria.microsoft.com"`,
      `missing-endpoint error proxy/m365.acl:${neighbour}:1 "teams.microsoft.com" is required but not allowed (Skype set 12 Allow); it belongs beside ".aria.microsoft.com"`,
      `missing-endpoint warning proxy/m365.acl:${end}:1 "*cdn.onenote.net" is required but not allowed (Common set 51 Default); add it to proxy/m365.acl`,
      `missing-endpoint warning proxy/m365.acl:${end}:1 "aka.ms" is required but not allowed (Skype set 17 Default); add it to proxy/m365.acl`,
      `missing-endpoint warning proxy/m365.acl:${end}:1 "autodiscover.*.onmicrosoft.com" is required but not allowed (Exchange set 8 Default); add it to proxy/m365.acl`,
    ]);
  });
});
