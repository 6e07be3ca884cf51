import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DnsRecord, ParsedDnsFile } from '../../../src/model/dns.js';
import {
  renderTerraformRecord,
  TERRAFORM_DNS,
  type TerraformDnsResource,
} from '../../../src/formats/dns/terraform-dns.js';

const corpus = path.resolve(import.meta.dirname, '../../..', '../shared/corpus/terraform');

function parse(text: string, settings?: Record<string, unknown>): ParsedDnsFile {
  return TERRAFORM_DNS.parse({ path: 'dns.tf', text }, settings ? { settings } : undefined);
}

/** `name ttl type data @line:column # comment`, as a zone file would say it. */
function summary(r: DnsRecord): string {
  const comment = r.comment === undefined ? '' : ` # ${r.comment}`;
  return `${r.name} ${r.ttl ?? '-'} ${r.type} ${r.data} @${r.location.line}:${r.location.column}${comment}`;
}

function problems(parsed: ParsedDnsFile): string[] {
  return parsed.problems.map(
    (p) => `${p.severity ?? 'error'} ${p.location.line}:${p.location.column} ${p.message}`,
  );
}

describe('terraform-dns: valid input', () => {
  it.each([
    [
      'Route 53 with the zone resource in the same file',
      `resource "aws_route53_zone" "main" {
  name = "contoso.com"
}
# Exchange Online
resource "aws_route53_record" "mx" {
  zone_id = aws_route53_zone.main.zone_id
  name    = "contoso.com"
  type    = "MX"
  ttl     = 3600
  records = ["0 contoso-com.mail.protection.outlook.com"]
}
resource "aws_route53_record" "txt" {
  zone_id = aws_route53_zone.main.zone_id
  name    = ""
  type    = "TXT"
  ttl     = "300"
  records = ["v=spf1 include:spf.protection.outlook.com -all", "first\\"\\"second", "\\"MS=ms123\\""]
}
resource "aws_route53_record" "srv" {
  zone_id = aws_route53_zone.main.zone_id
  name    = "_sip._tls"
  type    = "SRV"
  ttl     = 3600
  records = ["100 1 443 sipdir.online.lync.com."]
}
resource "aws_route53_record" "a" {
  zone_id = aws_route53_zone.main.zone_id
  name    = "www.contoso.com."
  type    = "AAAA"
  ttl     = 60
  records = ["2001:DB8:0:0::1"]
}`,
      {},
      ['contoso.com.'],
      [
        'contoso.com. 3600 MX 0 contoso-com.mail.protection.outlook.com. @10:15 # Exchange Online',
        'contoso.com. 300 TXT "v=spf1 include:spf.protection.outlook.com -all" @17:15',
        'contoso.com. 300 TXT "first" "second" @17:65',
        'contoso.com. 300 TXT "MS=ms123" @17:84',
        '_sip._tls.contoso.com. 3600 SRV 100 1 443 sipdir.online.lync.com. @24:15',
        'www.contoso.com. 60 AAAA 2001:db8::1 @31:15',
      ],
    ],
    [
      'Route 53 with the zone given in the settings',
      `resource "aws_route53_record" "cname" {
  zone_id = var.zone_id
  name    = "autodiscover"
  type    = "CNAME"
  ttl     = 300
  records = ["autodiscover.outlook.com"]
}`,
      { zones: { 'var.zone_id': 'fabrikam.com' } },
      ['fabrikam.com.'],
      ['autodiscover.fabrikam.com. 300 CNAME autodiscover.outlook.com. @6:15'],
    ],
    [
      'Azure DNS record sets',
      `resource "azurerm_dns_zone" "z" {
  name = var.domain
}
resource "azurerm_dns_a_record" "a" {
  name      = "@"
  zone_name = azurerm_dns_zone.z.name
  ttl       = 300
  records   = ["10.0.0.1", "10.0.0.2"]
}
resource "azurerm_dns_cname_record" "c" {
  name      = "autodiscover"
  zone_name = "contoso.com"
  ttl       = 3600
  record    = "autodiscover.outlook.com"
}
resource "azurerm_dns_mx_record" "mx" {
  zone_name = azurerm_dns_zone.z.name
  ttl       = 3600
  record {
    preference = 10
    exchange   = "contoso-com.mail.protection.outlook.com."
  }
}
resource "azurerm_dns_txt_record" "txt" {
  name      = "@"
  zone_name = azurerm_dns_zone.z.name
  ttl       = 3600
  # SPF
  record {
    value = "v=spf1 include:spf.protection.outlook.com -all"
  }
}
resource "azurerm_dns_srv_record" "srv" {
  name      = "_sipfederationtls._tcp"
  zone_name = azurerm_dns_zone.z.name
  ttl       = 3600
  record {
    priority = 100
    weight   = 1
    port     = 5061
    target   = "sipfed.online.lync.com"
  }
}
resource "azurerm_dns_caa_record" "caa" {
  name      = "@"
  zone_name = azurerm_dns_zone.z.name
  ttl       = 300
  record {
    flags = 0
    tag   = "issue"
    value = "digicert.com"
  }
}
resource "azurerm_dns_ns_record" "ns" {
  name      = "sub"
  zone_name = azurerm_dns_zone.z.name
  ttl       = 172800
  records   = ["ns1-01.azure-dns.com."]
}`,
      { variables: { domain: 'Contoso.com' } },
      ['contoso.com.'],
      [
        'contoso.com. 300 A 10.0.0.1 @8:17',
        'contoso.com. 300 A 10.0.0.2 @8:29',
        'autodiscover.contoso.com. 3600 CNAME autodiscover.outlook.com. @14:16',
        'contoso.com. 3600 MX 10 contoso-com.mail.protection.outlook.com. @21:19',
        'contoso.com. 3600 TXT "v=spf1 include:spf.protection.outlook.com -all" @30:14 # SPF',
        '_sipfederationtls._tcp.contoso.com. 3600 SRV 100 1 5061 sipfed.online.lync.com. @41:17',
        'contoso.com. 300 CAA 0 issue "digicert.com" @51:14',
        'sub.contoso.com. 172800 NS ns1-01.azure-dns.com. @58:17',
      ],
    ],
    [
      'Cloudflare provider v4',
      `resource "cloudflare_zone" "z" {
  zone = "contoso.com"
}
resource "cloudflare_record" "mx" {
  zone_id  = cloudflare_zone.z.id
  name     = "@"
  type     = "MX"
  value    = "contoso-com.mail.protection.outlook.com"
  priority = 0
  ttl      = 1
}
resource "cloudflare_record" "sip" {
  zone_id = cloudflare_zone.z.id
  name    = "contoso.com"
  type    = "SRV"
  data {
    service  = "_sip"
    proto    = "_tls"
    name     = "contoso.com"
    priority = 100
    weight   = 1
    port     = 443
    target   = "sipdir.online.lync.com"
  }
}
resource "cloudflare_record" "spf" {
  zone_id = cloudflare_zone.z.id
  name    = "contoso.com"
  type    = "TXT"
  value   = "v=spf1 include:spf.protection.outlook.com -all"
  ttl     = 3600
}`,
      {},
      ['contoso.com.'],
      [
        'contoso.com. - MX 0 contoso-com.mail.protection.outlook.com. @8:15',
        '_sip._tls.contoso.com. - SRV 100 1 443 sipdir.online.lync.com. @23:17',
        'contoso.com. 3600 TXT "v=spf1 include:spf.protection.outlook.com -all" @30:14',
      ],
    ],
    [
      'Cloudflare provider v5',
      `resource "cloudflare_dns_record" "srv" {
  zone_id = "023e105f4ecef8ad9ca31a8372d0c353"
  name    = "_sipfederationtls._tcp.contoso.com"
  type    = "SRV"
  ttl     = 3600
  data = {
    priority = 100
    weight   = 1
    port     = 5061
    target   = "sipfed.online.lync.com"
  }
}
resource "cloudflare_dns_record" "dkim" {
  zone_id = "023e105f4ecef8ad9ca31a8372d0c353"
  name    = "selector1._domainkey"
  type    = "CNAME"
  content = "selector1-contoso-com._domainkey.contoso.onmicrosoft.com"
  ttl     = 3600
}`,
      { zones: { '023e105f4ecef8ad9ca31a8372d0c353': 'contoso.com' } },
      ['contoso.com.'],
      [
        '_sipfederationtls._tcp.contoso.com. 3600 SRV 100 1 5061 sipfed.online.lync.com. @10:17',
        'selector1._domainkey.contoso.com. 3600 CNAME selector1-contoso-com._domainkey.contoso.onmicrosoft.com. @17:14',
      ],
    ],
    [
      'Google Cloud DNS',
      `resource "google_dns_managed_zone" "z" {
  name     = "contoso"
  dns_name = "contoso.com."
}
resource "google_dns_record_set" "txt" {
  managed_zone = google_dns_managed_zone.z.name
  name         = "contoso.com."
  type         = "TXT"
  ttl          = 300
  rrdatas      = ["\\"v=spf1 include:spf.protection.outlook.com -all\\"", "\\"a\\" \\"b\\""]
}
resource "google_dns_record_set" "cname" {
  managed_zone = "contoso"
  name         = "autodiscover.contoso.com."
  type         = "CNAME"
  ttl          = 300
  rrdatas      = ["autodiscover.outlook.com."]
}`,
      {},
      ['contoso.com.'],
      [
        'contoso.com. 300 TXT "v=spf1 include:spf.protection.outlook.com -all" @10:20',
        'contoso.com. 300 TXT "a" "b" @10:74',
        'autodiscover.contoso.com. 300 CNAME autodiscover.outlook.com. @17:20',
      ],
    ],
  ])('%s', (_name, text, settings, zones, expected) => {
    const parsed = parse(text, settings);
    expect(problems(parsed)).toEqual([]);
    expect(parsed.format).toBe('terraform-dns');
    expect(parsed.zones).toEqual(zones);
    expect(parsed.records.map(summary)).toEqual(expected);
    expect(parsed.records.every((r) => r.relativeTarget === false)).toBe(true);
  });

  it('parses MX and SRV data', () => {
    const parsed = parse(
      `resource "aws_route53_record" "r" {
  zone_id = "Z1"
  name    = "_sip._tls.contoso.com"
  type    = "SRV"
  records = ["100 1 443 sipdir.online.lync.com"]
}`,
    );
    expect(parsed.records[0]?.parsed).toEqual({
      type: 'SRV',
      priority: 100,
      weight: 1,
      port: 443,
      target: 'sipdir.online.lync.com.',
    });
    expect(parsed.records[0]?.zone).toBe('contoso.com.');
    expect(parsed.records[0]?.ttl).toBeUndefined();
  });
});

describe('terraform-dns: malformed and unresolved input', () => {
  const route53 = (lines: string) =>
    `resource "aws_route53_record" "r" {\n  zone_id = "Z1"\n${lines}\n}`;
  it.each([
    [
      'an unknown record type',
      route53('  name = "a.contoso.com"\n  type = "XYZ"\n  records = ["x"]'),
      ['error 4:11 unknown record type "XYZ"'],
    ],
    [
      'a malformed IPv4 address',
      route53('  name = "a.contoso.com"\n  type = "A"\n  records = ["10.0.0.256"]'),
      ['error 5:15 "10.0.0.256" is not an IPv4 address'],
    ],
    [
      'an MX record without a preference',
      route53('  name = "contoso.com"\n  type = "MX"\n  records = ["mail.contoso.com"]'),
      ['error 5:15 MX preference "mail.contoso.com" is not a number from 0 to 65535'],
    ],
    [
      'a TXT string longer than 255 octets in Route 53',
      route53(`  name = "contoso.com"\n  type = "TXT"\n  records = ["${'x'.repeat(256)}"]`),
      [`error 5:15 string longer than 255 octets: "${'x'.repeat(40)}..."`],
    ],
    [
      'a relative name whose zone cannot be told',
      route53(
        '  name = "autodiscover"\n  type = "CNAME"\n  records = ["autodiscover.outlook.com"]',
      ),
      [
        'notice 2:14 cannot tell the zone from "Z1" (set options.zones["Z1"] to the zone\'s domain)',
      ],
    ],
    [
      'a zone resource that is not in the file',
      `resource "aws_route53_record" "r" {
  zone_id = aws_route53_zone.primary.zone_id
  name    = "@"
  type    = "MX"
  records = ["0 contoso-com.mail.protection.outlook.com"]
}`,
      [
        'notice 2:13 cannot tell the zone from "aws_route53_zone.primary.zone_id" (set options.zones["aws_route53_zone.primary"] to the zone\'s domain)',
      ],
    ],
    [
      'an unresolved interpolation in a name',
      route53(
        '  name = "autodiscover.${var.domain}"\n  type = "CNAME"\n  records = ["x.example.com"]',
      ),
      ['notice 3:26 cannot resolve "var.domain" (set options.variables.domain to check its value)'],
    ],
    [
      'an unresolved value in a record set',
      route53('  name = "contoso.com"\n  type = "TXT"\n  records = [local.spf, "ok"]'),
      ['notice 5:14 cannot resolve "local.spf": no such local value in this file'],
    ],
    [
      'an alias record',
      route53('  name = "contoso.com"\n  type = "A"\n  alias {\n    name = "x"\n  }'),
      ['notice 5:3 alias records point at an AWS resource; they are not read'],
    ],
    [
      'an Azure alias record set',
      `resource "azurerm_dns_a_record" "a" {
  name               = "@"
  zone_name          = "contoso.com"
  target_resource_id = azurerm_public_ip.ip.id
}`,
      ['notice 4:3 alias record sets point at an Azure resource; they are not read'],
    ],
    [
      'an Azure MX record without an exchange',
      `resource "azurerm_dns_mx_record" "mx" {
  zone_name = "contoso.com"
  record {
    preference = 10
  }
}`,
      ['error 3:3 the record has no "exchange"'],
    ],
    [
      'a proxied Cloudflare CNAME',
      `resource "cloudflare_record" "c" {
  zone_id = "z"
  name    = "autodiscover.contoso.com"
  type    = "CNAME"
  content = "autodiscover.outlook.com"
  proxied = true
}`,
      [
        "warning 6:3 the record is proxied by Cloudflare, so resolvers see Cloudflare's addresses instead of its CNAME data",
      ],
    ],
    [
      'unquoted TXT data with spaces in Cloud DNS',
      `resource "google_dns_record_set" "t" {
  managed_zone = "z"
  name         = "contoso.com."
  type         = "TXT"
  rrdatas      = ["v=spf1 -all"]
}`,
      [
        'warning 5:20 Cloud DNS splits unquoted TXT data at spaces into 2 strings; write it as "\\"v=spf1 -all\\"" to keep one',
      ],
    ],
    [
      'a record without a type',
      route53('  name = "contoso.com"'),
      ['error 1:1 the record has no "type"'],
    ],
    [
      'a name that is not a domain name',
      route53('  name = "a b.contoso.com"\n  type = "A"\n  records = ["10.0.0.1"]'),
      ['error 3:11 "a b.contoso.com" is not a valid domain name'],
    ],
  ])('%s', (_name, text, expected) => {
    expect(problems(parse(text))).toEqual(expected);
  });

  it('refuses settings of the wrong shape', () => {
    expect(problems(parse('', { zones: ['a'], zone: 3 }))).toEqual([
      'error 0:1 options.zones must be a mapping of references to zone domains, not ["a"]',
      'error 0:1 options.zone must be a domain name, not 3',
    ]);
  });

  it('uses options.zone for records whose zone cannot be told otherwise', () => {
    const parsed = parse(
      route53(
        '  name = "autodiscover"\n  type = "CNAME"\n  records = ["autodiscover.outlook.com"]',
      ),
      { zone: 'contoso.com' },
    );
    expect(problems(parsed)).toEqual([]);
    expect(parsed.records.map(summary)).toEqual([
      'autodiscover.contoso.com. - CNAME autodiscover.outlook.com. @5:15',
    ]);
  });
});

describe('terraform-dns: detection', () => {
  const record = 'resource "aws_route53_record" "r" {\n}\n';
  it.each([
    ['dns/records.tf', record, 8],
    ['dns/records.tf', 'resource "azurerm_dns_txt_record" "r" {}', 8],
    ['dns/records.tf', 'resource "google_dns_record_set" "r" {}', 8],
    ['dns/main.tf', 'resource "aws_s3_bucket" "b" {}\n', 2],
    ['dns/records', record, 3],
    ['dns/records.zone', record, 0],
    ['dns/records.yaml', record, 0],
  ])('%s', (file, text, score) => {
    expect(TERRAFORM_DNS.detect({ path: file, text })).toBe(score);
  });
});

describe('terraform-dns: render', () => {
  const records = [
    {
      name: 'autodiscover.contoso.com.',
      type: 'CNAME',
      ttl: 3600,
      data: 'autodiscover.outlook.com.',
    },
    {
      name: 'contoso.com.',
      type: 'MX',
      ttl: 3600,
      data: '0 contoso-com.mail.protection.outlook.com.',
    },
    {
      name: 'contoso.com.',
      type: 'TXT',
      ttl: 3600,
      data: '"v=spf1 include:spf.protection.outlook.com -all"',
    },
    {
      name: '_sip._tls.contoso.com.',
      type: 'SRV',
      ttl: 3600,
      data: '100 1 443 sipdir.online.lync.com.',
    },
    { name: 'www.contoso.com.', type: 'A', ttl: 300, data: '10.0.0.1' },
  ];

  it('writes a Route 53 record by default', () => {
    expect(TERRAFORM_DNS.render(records[2]!, 'contoso.com')).toBe(
      [
        'resource "aws_route53_record" "apex_txt" {',
        '  zone_id = aws_route53_zone.contoso_com.zone_id',
        '  name    = "contoso.com"',
        '  type    = "TXT"',
        '  ttl     = 3600',
        '  records = ["v=spf1 include:spf.protection.outlook.com -all"]',
        '}',
      ].join('\n'),
    );
  });

  it('writes an Azure record set with a record block', () => {
    expect(renderTerraformRecord('azurerm_dns', records[3]!, 'contoso.com.')).toBe(
      [
        'resource "azurerm_dns_srv_record" "sip_tls_srv" {',
        '  name                = "_sip._tls"',
        '  zone_name           = "contoso.com"',
        '  resource_group_name = var.resource_group_name',
        '  ttl                 = 3600',
        '',
        '  record {',
        '    priority = 100',
        '    weight   = 1',
        '    port     = 443',
        '    target   = "sipdir.online.lync.com."',
        '  }',
        '}',
      ].join('\n'),
    );
  });

  it('escapes what HCL would read as a template', () => {
    const text = renderTerraformRecord(
      'google_dns_record_set',
      { name: 'x.contoso.com.', type: 'TXT', data: '"a${b}%{c}\\\\"' },
      'contoso.com',
    );
    expect(text).toContain('rrdatas      = ["\\"a$${b}%%{c}\\\\\\\\\\""]');
  });

  const resources: TerraformDnsResource[] = [
    'aws_route53_record',
    'azurerm_dns',
    'cloudflare_dns_record',
    'google_dns_record_set',
  ];
  it.each(resources)('reads back what it writes for %s', (resource) => {
    const text = records.map((r) => renderTerraformRecord(resource, r, 'contoso.com')).join('\n');
    const parsed = parse(text, {
      zones: {
        'aws_route53_zone.contoso_com': 'contoso.com',
        'cloudflare_zone.contoso_com': 'contoso.com',
        'google_dns_managed_zone.contoso_com': 'contoso.com',
      },
    });
    expect(problems(parsed)).toEqual([]);
    expect(
      parsed.records.map((r) => ({ name: r.name, type: r.type, ttl: r.ttl, data: r.data })),
    ).toEqual(records);
  });
});

describe.skipIf(!existsSync(corpus))('terraform-dns: corpus', () => {
  const read = (name: string, settings?: Record<string, unknown>) =>
    TERRAFORM_DNS.parse(
      { path: name, text: readFileSync(path.join(corpus, name), 'utf8') },
      settings ? { settings } : undefined,
    );

  it('exlint-route53-email.tf: 8 resources, 10 records once the zone is given', () => {
    expect(problems(read('exlint-route53-email.tf'))).toHaveLength(8);
    const parsed = read('exlint-route53-email.tf', {
      zones: { 'aws_route53_zone.primary': 'exlint.io' },
    });
    expect(problems(parsed)).toEqual([]);
    expect(parsed.zones).toEqual(['exlint.io.']);
    expect(parsed.records.map(summary)).toEqual([
      'exlint.io. 300 TXT "NETORGFT10830933.onmicrosoft.com" @8:6',
      'exlint.io. 300 TXT "v=spf1 include:secureserver.net -all" @9:6',
      'autodiscover.exlint.io. 300 CNAME autodiscover.outlook.com. @18:15',
      'sip.exlint.io. 300 CNAME sipdir.online.lync.com. @26:15',
      'lyncdiscover.exlint.io. 300 CNAME webdir.online.lync.com. @34:15',
      'email.exlint.io. 300 CNAME email.secureserver.net. @42:15',
      'msoid.exlint.io. 300 CNAME clientconfig.microsoftonline-p.net. @50:15',
      'exlint.io. 300 MX 0 exlint-io.mail.protection.outlook.com. @58:15',
      // Two different services merged into one record set at the apex.
      'exlint.io. 300 SRV 100 1 443 sipdir.online.lync.com. @66:15',
      'exlint.io. 300 SRV 100 1 5061 sipfed.online.lync.com. @66:51',
    ]);
    // The SPF does not include Exchange Online's.
    const spf = parsed.records.find((r) => r.data.includes('v=spf1'));
    expect(spf?.data).not.toContain('spf.protection.outlook.com');
  });

  it('saifeezibrahim-cloudflare-dns-records-xyz.tf: var.domains resolved, escaped quotes stripped', () => {
    const unresolved = read('saifeezibrahim-cloudflare-dns-records-xyz.tf');
    expect(unresolved.records).toEqual([]);
    expect(new Set(problems(unresolved).map((p) => p.replace(/^notice \d+:\d+ /, '')))).toEqual(
      new Set(['cannot resolve "var.domains" (set options.variables.domains to check its value)']),
    );
    const parsed = read('saifeezibrahim-cloudflare-dns-records-xyz.tf', {
      variables: { domains: { xyz: 'mafyuh.xyz' }, npm_ip_address: '10.69.69.10' },
    });
    expect(problems(parsed)).toEqual([]);
    expect(parsed.zones).toEqual(['mafyuh.xyz.']);
    expect(parsed.records.map(summary)).toEqual([
      '*.mafyuh.xyz. - A 10.69.69.10 @2:13',
      'ldap.mafyuh.xyz. - A 10.69.69.222 @11:14',
      'autodiscover.mafyuh.xyz. 3600 CNAME autodiscover.outlook.com. @20:14',
      'selector1._domainkey.mafyuh.xyz. 3600 CNAME selector1-mafyuh-xyz._domainkey.zg4dp.onmicrosoft.com. @29:14',
      'selector2._domainkey.mafyuh.xyz. 3600 CNAME selector2-mafyuh-xyz._domainkey.zg4dp.onmicrosoft.com. @38:14',
      'mafyuh.xyz. 3600 MX 0 mafyuh-xyz.mail.protection.outlook.com. @47:15',
      'mafyuh.xyz. 3600 TXT "v=spf1 include:spf.protection.outlook.com -all" @57:14',
      'mafyuh.xyz. 3600 TXT "MS=ms45733080" @66:14',
    ]);
  });

  it('cloudruler-azurerm-dns-zone.tf: the templated MX host resolves from domain_key; the commented-out TXT is not read', () => {
    expect(problems(read('cloudruler-azurerm-dns-zone.tf'))).toEqual([
      'notice 2:25 cannot resolve "var.domain" (set options.variables.domain to check its value)',
    ]);
    const parsed = read('cloudruler-azurerm-dns-zone.tf', {
      variables: { domain: 'cloudruler.io', domain_key: 'cloudruler-io' },
    });
    expect(problems(parsed)).toEqual([]);
    expect(parsed.zones).toEqual(['cloudruler.io.']);
    expect(parsed.records.map(summary)).toEqual([
      'cloudruler.io. 3600 MX 0 cloudruler-io.mail.protection.outlook.com. @29:19',
      'cloudruler.io. 3600 TXT "v=spf1 include:spf.protection.outlook.com -all" @41:14 # Required by Sender Policy Framework (SPF) to prevent spam e-mail using the domain',
      'autodiscover.cloudruler.io. 3600 CNAME autodiscover.outlook.com. @56:26 # Required by Microsoft 365',
      'sip.cloudruler.io. 3600 CNAME sipdir.online.lync.com. @65:26 # Required by Microsoft 365',
      'lyncdiscover.cloudruler.io. 3600 CNAME webdir.online.lync.com. @74:26 # Required by Microsoft 365',
      'enterpriseregistration.cloudruler.io. 3600 CNAME enterpriseregistration.windows.net. @83:26 # Required by Mobile Device Management',
      'enterpriseenrollment.cloudruler.io. 3600 CNAME enterpriseenrollment.manage.microsoft.com. @92:26 # Required by Mobile Device Management',
      '_sip._tls.cloudruler.io. 3600 SRV 100 1 443 sipdir.online.lync.com. @106:17 # Required by Microsoft',
      '_sipfederationtls._tcp.cloudruler.io. 3600 SRV 100 1 5061 sipfed.online.lync.com. @121:17 # Required by Microsoft',
    ]);
    expect(parsed.records.some((r) => r.data.includes('p20sqjgfv8e4ghqf3r1e9v7q7t'))).toBe(false);
    expect(parsed.records.some((r) => r.name.startsWith('msoid.'))).toBe(false);
  });
});
