import type { NewEntry } from './writer.js';
import { bindWriter } from './bind.js';
import { DNS_YAML_WRITER } from './dns-yaml.js';
import { OCTODNS_WRITER } from './octodns.js';
import { lineWriter, type LineDialect } from './lines.js';
import { NFTABLES_WRITER } from './nftables.js';
import { CSV_WRITER } from './csv.js';
import { KUBERNETES_WRITER } from './kubernetes.js';
import { IPTABLES_WRITER } from './iptables.js';
import { literalWriter } from './literals.js';
import { ARM_RULES, BICEP_RULES, TERRAFORM_RULES } from './rules.js';
import { STRUCTURED_WRITER } from './structured.js';
import type { AllowlistWriter, DnsWriter } from './writer.js';

/**
 * Which formats `fix` can edit. A format that is not here is declared not writable: `fix` leaves
 * its files alone and says what to add instead.
 */

const asWritten = (e: NewEntry) => e.value;
const hashComment = (text: string) => `  # ${text}`;

/** `*.example.com` → `.example.com`: the domain and every name below it (Squid, pfBlockerNG). */
const leadingDot = (e: NewEntry) => (e.kind === 'host' ? e.value.replace(/^\*\./, '.') : e.value);

const PLAIN_DIALECT: LineDialect = {
  render: asWritten,
  trailingComment: hashComment,
  commentLine: (t) => `# ${t}`,
};

const PFBLOCKERNG_DIALECT: LineDialect = {
  render: (e) =>
    e.kind === 'ip' ? { error: 'a DNSBL whitelist takes domain names only' } : leadingDot(e),
  trailingComment: hashComment,
  commentLine: (t) => `# ${t}`,
};

/** A Squid ACL file: one value (or a few) per line, `#` comments. */
export const SQUID_ACL_FILE: LineDialect = {
  render: leadingDot,
  trailingComment: hashComment,
  commentLine: (t) => `# ${t}`,
};

/** Inline `acl NAME TYPE value…` lines of squid.conf: a new value gets its own `acl` line. */
export const SQUID_INLINE: LineDialect = {
  render: leadingDot,
  commentLine: (t) => `# ${t}`,
  repeatsPrefix: true,
};

export const ALLOWLIST_WRITERS: Readonly<Record<string, AllowlistWriter>> = {
  plain: lineWriter(PLAIN_DIALECT),
  'pan-edl': lineWriter(PLAIN_DIALECT),
  fortigate: lineWriter(PLAIN_DIALECT),
  pfblockerng: lineWriter(PFBLOCKERNG_DIALECT),
  'allowlist-yaml': STRUCTURED_WRITER,
  'allowlist-json': STRUCTURED_WRITER,
  nftables: NFTABLES_WRITER,
  'iptables-save': IPTABLES_WRITER,
  csv: CSV_WRITER,
  kubernetes: KUBERNETES_WRITER,
  terraform: literalWriter({
    multilineCommas: true,
    trailingComma: true,
    comment: (t) => `# ${t}`,
    commentMarker: /\s(?:#|\/\/).*$/,
    rules: TERRAFORM_RULES,
  }),
  bicep: literalWriter({
    multilineCommas: false,
    trailingComma: false,
    comment: (t) => `// ${t}`,
    commentMarker: /\s\/\/.*$/,
    rules: BICEP_RULES,
  }),
  arm: literalWriter({ multilineCommas: true, trailingComma: false, json: true, rules: ARM_RULES }),
};

/** Whether `fix` can edit files of an allowlist format (Squid: its ACL files and inline lines). */
export function allowlistWritable(id: string): boolean {
  return id in ALLOWLIST_WRITERS || id === 'squid';
}

export const SQUID_WRITERS = {
  aclFile: lineWriter(SQUID_ACL_FILE),
  inline: lineWriter(SQUID_INLINE),
};

export function dnsWriters(today?: () => Date): Readonly<Record<string, DnsWriter>> {
  return { bind: bindWriter(today), octodns: OCTODNS_WRITER, 'dns-yaml': DNS_YAML_WRITER };
}
