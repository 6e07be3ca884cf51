import {
  DATA_MAP,
  NAME,
  settingsSchema,
  STRING_MAP,
  TERRAFORM_SETTINGS,
  terraformDetector,
  type Described,
  type DnsFormat,
  type SourceFile,
} from '../format.js';

/*
 * The DNS formats whose parsers are loaded on demand (they are large, or bring acorn's parser),
 * as the registry knows them before that: what detection, the configuration check and
 * `endpoint-drift formats` need. Each format's module adds its parser and renderer.
 */

const SAMPLE_CHARS = 64 * 1024;

function detectDnscontrol(file: SourceFile): number {
  const lower = file.path.toLowerCase();
  if (!/\.(?:js|cjs|mjs)$/.test(lower)) return 0;
  const head = file.text.slice(0, SAMPLE_CHARS);
  const declares = /(?:^|[^\w$.])D(?:_EXTEND)?\s*\(\s*["'`]/.test(head);
  const builds =
    /(?:^|[^\w$.])(?:NewRegistrar|NewDnsProvider|DnsProvider|CNAME|MX|TXT|SRV)\s*\(/.test(head);
  if (declares && builds) return lower.endsWith('dnsconfig.js') ? 10 : 8;
  if (declares || (lower.endsWith('dnsconfig.js') && builds)) return 5;
  return 0;
}

/** dnscontrol: see dnscontrol.ts. */
export const DNSCONTROL_DESCRIPTION: Described<DnsFormat> = {
  id: 'dnscontrol',
  settings: settingsSchema({ helpers: DATA_MAP }),
  title: 'dnscontrol (dnsconfig.js)',
  filePatterns: ['dnsconfig.js', '*.js'],
  detect: detectDnscontrol,
};

const DNS_RESOURCE =
  /^[ \t]*resource[ \t]+"(?:aws_route53_record|azurerm_dns_[a-z]+_record|cloudflare_record|cloudflare_dns_record|google_dns_record_set)"/m;

/** Terraform DNS records: see terraform-dns.ts. */
export const TERRAFORM_DNS_DESCRIPTION: Described<DnsFormat> = {
  id: 'terraform-dns',
  settings: settingsSchema({ ...TERRAFORM_SETTINGS, zone: NAME, zones: STRING_MAP }),
  title: 'Terraform DNS records',
  filePatterns: ['*.tf', '*.tofu'],
  detect: terraformDetector(DNS_RESOURCE),
};
