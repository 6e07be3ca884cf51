import { BIND } from './bind.js';
import { DNS_CSV } from './csv.js';
import { DNSCONTROL } from './dnscontrol.js';
import { OCTODNS } from './octodns.js';
import { pickFormat, type DnsFormat, type SourceFile } from '../format.js';
import { TERRAFORM_DNS } from './terraform-dns.js';
import { DNS_YAML } from './yaml.js';

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
