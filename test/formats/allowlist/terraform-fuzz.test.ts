import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SourceLocation } from '../../../src/model/location.js';
import { parseHcl } from '../../../src/formats/syntax/hcl.js';
import { TERRAFORM_DNS } from '../../../src/formats/dns/terraform-dns.js';
import { TERRAFORM } from '../../../src/formats/allowlist/terraform.js';

const corpus = path.resolve(import.meta.dirname, '../../..', '../shared/corpus/terraform');

const BUILT_IN = [
  `# Microsoft 365
locals {
  extra = ["\${var.tenant}.sharepoint.com", "*.lync.com"]
}
resource "azurerm_firewall_policy_rule_collection_group" "g" {
  application_rule_collection {
    action = "Allow"
    rule {
      protocols {
        type = "Https"
        port = 443
      }
      destination_fqdns     = concat(local.extra, ["outlook.office.com" /* inline */])
      destination_fqdn_tags = ["Office365.Exchange.Optimize", "WindowsUpdate"]
      destination_urls      = ["www.office.com/path"]
    }
  }
  network_rule_collection {
    action = "Allow"
    rule {
      protocols             = ["TCP", "UDP"]
      destination_addresses = ["13.107.6.152/31", "login.microsoftonline.com\\t", "*"]
      destination_ports     = ["443", "3478-3481"]
    }
  }
}`,
  `resource "aws_networkfirewall_rule_group" "g" {
  rule_group {
    rule_variables {
      ip_sets {
        key = "M365"
        ip_set { definition = ["52.96.0.0/14"] }
      }
    }
    rules_source {
      rules_source_list {
        generated_rules_type = "ALLOWLIST"
        targets              = [".office.com"]
      }
      stateful_rule {
        action = "PASS"
        header {
          destination      = "$M365"
          destination_port = "[80,443]"
          protocol         = "TLS"
        }
      }
    }
  }
}`,
  `resource "aws_route53_zone" "z" { name = "contoso.com" }
resource "aws_route53_record" "txt" {
  zone_id = aws_route53_zone.z.zone_id
  name    = "@"
  type    = "TXT"
  records = ["v=spf1 include:spf.protection.outlook.com -all", "a\\"\\"b"]
}
resource "azurerm_dns_mx_record" "mx" {
  zone_name = var.domain
  record {
    preference = 0
    exchange   = "\${var.key}.mail.protection.outlook.com."
  }
}
resource "cloudflare_dns_record" "srv" {
  zone_id = var.zone
  name    = "_sip._tls.contoso.com"
  type    = "SRV"
  data    = { priority = 100, weight = 1, port = 443, target = "sipdir.online.lync.com" }
}
resource "google_dns_record_set" "c" {
  managed_zone = "z"
  name         = "autodiscover.contoso.com."
  type         = "CNAME"
  rrdatas      = [<<EOT
autodiscover.outlook.com.
EOT
  ]
}`,
];

function samples(): string[] {
  if (!existsSync(corpus)) return BUILT_IN;
  const files = readdirSync(corpus).map((name) => readFileSync(path.join(corpus, name), 'utf8'));
  return [...BUILT_IN, ...files];
}

/** Characters that mean something to HCL, plus a few that mean trouble. */
const SPECIAL = [
  ...'\n\r\t "\\${}[]()=:,.?!#/*<<-%~0123456789abxEOT',
  '${',
  '%{',
  '<<EOT\n',
  '/*',
  '*/',
  '//',
  '"',
  '\0',
  '\uFEFF',
  '\u00A0',
  'é',
  '𝔸',
];

type Mutation = (text: string) => string;

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc
    .tuple(
      fc.nat(),
      fc.oneof(fc.constantFrom(...SPECIAL), fc.string({ unit: 'binary', maxLength: 4 })),
    )
    .map(([at, s]): Mutation => (t) => {
      const i = at % (t.length + 1);
      return t.slice(0, i) + s + t.slice(i);
    }),
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 40 })).map(([at, n]): Mutation => (t) => {
    const i = at % (t.length + 1);
    return t.slice(0, i) + t.slice(i + n);
  }),
  fc.tuple(fc.nat(), fc.constantFrom(...SPECIAL)).map(([at, s]): Mutation => (t) => {
    if (t.length === 0) return s;
    const i = at % t.length;
    return t.slice(0, i) + s + t.slice(i + 1);
  }),
  fc.tuple(fc.nat(), fc.nat()).map(([from, to]): Mutation => (t) => {
    const lines = t.split('\n');
    const line = lines[from % lines.length]!;
    lines.splice(to % (lines.length + 1), 0, line);
    return lines.join('\n');
  }),
  fc.string({ unit: 'binary', maxLength: 200 }).map(
    (s): Mutation =>
      () =>
        s,
  ),
);

/** Every location must point into the text: line 0 (whole file) or a real line, a column on it. */
function checker(text: string): (loc: SourceLocation) => void {
  const lines = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split('\n');
  return (loc) => {
    expect(loc.line).toBeGreaterThanOrEqual(0);
    expect(loc.column).toBeGreaterThanOrEqual(1);
    if (loc.line > 0) {
      expect(loc.line).toBeLessThanOrEqual(lines.length);
      expect(loc.column).toBeLessThanOrEqual(lines[loc.line - 1]!.length + 1);
    }
  };
}

const SETTINGS = {
  variables: { tenant: 'contoso', domain: 'contoso.com', key: 'contoso-com' },
  zones: { 'var.zone': 'contoso.com', z: 'contoso.com' },
};

describe('terraform fuzz', () => {
  const texts = samples();
  const mutated = fc
    .tuple(fc.constantFrom(...texts.keys()), fc.array(mutation, { minLength: 1, maxLength: 6 }))
    .map(([index, mutations]) => mutations.reduce((t, m) => m(t), texts[index]!));

  it('the HCL reader never throws and keeps positions inside the text', () => {
    fc.assert(
      fc.property(mutated, (text) => {
        const doc = parseHcl(text);
        const check = checker(text);
        for (const p of doc.problems) check({ file: 'x', ...p.start });
        for (const c of doc.comments) check({ file: 'x', line: c.line, column: c.column });
      }),
      { numRuns: 300 },
    );
  });

  it('terraform never throws and keeps locations inside the text', () => {
    fc.assert(
      fc.property(mutated, fc.boolean(), (text, withSettings) => {
        const parsed = TERRAFORM.parse(
          { path: 'fuzz.tf', text },
          withSettings ? { settings: SETTINGS } : undefined,
        );
        expect(parsed.format).toBe('terraform');
        const check = checker(text);
        for (const e of parsed.entries) check(e.location);
        for (const p of parsed.problems) check(p.location);
      }),
      { numRuns: 300 },
    );
  });

  it('terraform-dns never throws and keeps locations inside the text', () => {
    fc.assert(
      fc.property(mutated, fc.boolean(), (text, withSettings) => {
        const parsed = TERRAFORM_DNS.parse(
          { path: 'fuzz.tf', text },
          withSettings ? { settings: SETTINGS } : undefined,
        );
        expect(parsed.format).toBe('terraform-dns');
        const check = checker(text);
        for (const r of parsed.records) {
          check(r.location);
          expect(r.name.endsWith('.')).toBe(true);
          expect(r.zone.endsWith('.')).toBe(true);
        }
        for (const p of parsed.problems) check(p.location);
      }),
      { numRuns: 300 },
    );
  });
});
