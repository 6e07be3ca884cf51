import type { ParsedDnsFile } from '../../model/dns.js';
import { BIND } from './bind.js';
import { DNS_CSV } from './csv.js';
import { DNS_YAML } from './yaml.js';
import { DNSCONTROL } from './dnscontrol.js';
import { OCTODNS } from './octodns.js';
import { pickFormat, type ParseOptions, type SourceFile } from '../allowlist/index.js';
import { TERRAFORM_DNS } from './terraform-dns.js';

/** A DNS record file format: zone files, DNS-as-code, exports. */
export interface DnsFormat {
  readonly id: string;
  readonly title: string;
  readonly filePatterns: readonly string[];
  /** 0 = not this format; higher = more confident. Uses the extension AND the content. */
  detect(file: SourceFile): number;
  parse(file: SourceFile, options?: ParseOptions): ParsedDnsFile;
  /**
   * The record as it would be written in this format, to tell a user exactly what to add
   * (`autodiscover 3600 IN CNAME autodiscover.outlook.com.` in a zone file).
   */
  render(record: { name: string; type: string; ttl?: number; data: string }, zone: string): string;
}

/** Every supported DNS format. Order breaks detection ties. */
export const DNS_FORMATS: readonly DnsFormat[] = [
  BIND,
  OCTODNS,
  DNSCONTROL,
  DNS_CSV,
  DNS_YAML,
  TERRAFORM_DNS,
];

export function dnsFormatIds(): string[] {
  return DNS_FORMATS.map((f) => f.id);
}

export function resolveDnsFormat(
  file: SourceFile,
  id: string,
): { format: DnsFormat } | { error: string } {
  return pickFormat(DNS_FORMATS, file, id, 'DNS format');
}
