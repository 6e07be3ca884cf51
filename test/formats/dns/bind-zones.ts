/**
 * Zone files shared by the BIND parser tests and the comparison with `named-compilezone`: every
 * zone here must load in BIND, so that the comparison covers each one the parser tests read.
 */
export interface ZoneFixture {
  readonly name: string;
  readonly origin: string;
  /** The zone file first, then the files it includes (paths relative to it). */
  readonly files: Readonly<Record<string, string>>;
}

export const ZONES: readonly ZoneFixture[] = [
  {
    name: 'directives, owners, classes and TTLs',
    origin: 'contoso.com',
    files: {
      'contoso.com.zone': [
        '$ORIGIN contoso.com.',
        '$TTL 1h',
        '; Start of authority',
        '@   IN  SOA ns1 hostmaster.contoso.com. (',
        '        2024010101 ; serial',
        '        3h         ; refresh',
        '        15m        ; retry',
        '        1w2d       ; expire',
        '        300 )      ; minimum',
        '    IN  NS  ns1',
        '    IN  NS  ns2.contoso.com.',
        'ns1 A   192.0.2.1',
        'ns2 600 IN A 192.0.2.2',
        'NS2 IN 600 AAAA 2001:DB8:0:0:0:0:0:2',
        '',
        '; Exchange Online',
        '@ 3600 IN MX 0 contoso-com.mail.protection.outlook.com.',
        'autodiscover  CNAME autodiscover.outlook.com. ; Outlook setup',
        '@ TXT "v=spf1 include:spf.protection.outlook.com -all"',
        '_sip._tls SRV 100 1 443 sipdir.online.lync.com.',
        '_sipfederationtls._tcp SRV 100 1 5061 sipfed.online.lync.com',
        'lyncdiscover.contoso.com. CNAME webdir.online.lync.com.',
        '*.dev IN CNAME www',
        'www A 192.0.2.10',
        '    A 192.0.2.11',
        'long TXT "part one" "part \\"two\\"" unquoted\\;semi',
        'esc TXT "back\\\\slash" "caf\\195\\169" "tab\\009"',
        'utf TXT "naïve"',
        'caa CAA 0 issue "digicert.com"',
        'caa CAA 128 iodef mailto:security@contoso.com',
        'mailhost MX 10 mail',
        'mail A 192.0.2.25',
        'v6 AAAA ::ffff:192.0.2.1',
        'spf SPF "v=spf1 -all"',
        'generic TYPE65534 \\# 3 0a0b0c',
        'hinfo HINFO PC Linux',
        '',
        '$ORIGIN internal.contoso.com.',
        'dc1 A 10.0.0.1',
        'svc CNAME dc1',
        '',
      ].join('\n'),
    },
  },
  {
    name: 'an include with its own origin and TTL',
    origin: 'fabrikam.com',
    files: {
      'zones/fabrikam.com.zone': [
        '$TTL 300',
        '@ SOA ns.fabrikam.com. hostmaster.fabrikam.com. 1 7200 3600 1209600 300',
        '@ NS ns',
        'ns A 192.0.2.53',
        'www A 192.0.2.80',
        '$INCLUDE inc/m365.inc m365',
        '   A 192.0.2.81',
        'after CNAME www',
      ].join('\n'),
      'zones/inc/m365.inc': [
        '; included: names are relative to m365.fabrikam.com.',
        '$TTL 60',
        'autodiscover CNAME autodiscover.outlook.com.',
        '@ MX 0 fabrikam-com.mail.protection.outlook.com.',
      ].join('\n'),
    },
  },
  {
    name: 'no $TTL: the SOA minimum, then RFC 1035 TTLs',
    origin: 'example.org',
    files: {
      'db.example.org': [
        '@ SOA ns.example.org. hostmaster.example.org. 1 2 3 4 900',
        '@ NS ns',
        'ns 120 A 192.0.2.1',
        'www A 192.0.2.2',
      ].join('\r\n'),
    },
  },
  {
    name: 'an explicit TTL before the SOA carries on',
    origin: 'example.net',
    files: {
      'example.net': [
        '@ 7200 SOA ns hostmaster 1 2 3 4 5',
        '@ NS ns',
        'ns A 192.0.2.1',
        'www 60 A 192.0.2.2',
        'ftp A 192.0.2.3',
      ].join('\n'),
    },
  },
];

/** A zone's text and a reader for the files it includes, relative to the repository root. */
export function zoneInput(zone: ZoneFixture): {
  path: string;
  text: string;
  readFile: (path: string) => string | undefined;
} {
  const [path, text] = Object.entries(zone.files)[0]!;
  return { path, text, readFile: (p) => zone.files[p] };
}
