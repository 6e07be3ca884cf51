import {
  ARM_DESCRIPTION,
  BICEP_DESCRIPTION,
  NFTABLES_DESCRIPTION,
  PAC_DESCRIPTION,
  TERRAFORM_DESCRIPTION,
} from './allowlist/described.js';
import { CSV } from './allowlist/csv.js';
import { M365_ENDPOINTS_JSON } from './allowlist/endpoints-json.js';
import { IPTABLES } from './allowlist/iptables.js';
import { KUBERNETES } from './allowlist/kubernetes.js';
import { FORTIGATE, PAN_EDL, PFBLOCKERNG, PLAIN } from './allowlist/plain.js';
import { SQUID } from './allowlist/squid.js';
import { ALLOWLIST_JSON, ALLOWLIST_YAML } from './allowlist/structured.js';
import { BIND } from './dns/bind.js';
import { DNS_CSV } from './dns/csv.js';
import { DNSCONTROL_DESCRIPTION, TERRAFORM_DNS_DESCRIPTION } from './dns/described.js';
import { OCTODNS } from './dns/octodns.js';
import { DNS_YAML } from './dns/yaml.js';
import type { AllowlistFormat, Described, DnsFormat } from './format.js';

/*
 * The formats as a check sees them: every one can be detected, listed and given options, but
 * the large parsers (and acorn, which PAC and dnscontrol read JavaScript with) are read only
 * when a file needs them. Each run reads and compiles the code it loads, so a check of a plain
 * list and a zone file does not pay for Terraform, Bicep or JavaScript.
 *
 * The lists hold the formats of allowlist/index.ts and dns/index.ts in the same order (it
 * breaks detection ties); those modules load every parser, for code that parses without
 * waiting (tests, `fix`, the build scripts).
 */

/** A format of the registry: its description, and the format itself once its parser is loaded. */
export type FormatEntry<F extends AllowlistFormat | DnsFormat> = Described<F> & {
  /** The format with its parser, loaded the first time it is asked for. */
  load(): Promise<F>;
  /** The format with its parser once loaded, else undefined. */
  readonly loaded: F | undefined;
};

function ready<F extends AllowlistFormat | DnsFormat>(format: F): FormatEntry<F> {
  return { ...format, load: () => Promise.resolve(format), loaded: format };
}

function onDemand<F extends AllowlistFormat | DnsFormat>(
  description: Described<F>,
  load: () => Promise<F>,
): FormatEntry<F> {
  let loaded: F | undefined;
  return {
    ...description,
    load: async () => (loaded ??= await load()),
    get loaded() {
      return loaded;
    },
  } as FormatEntry<F>;
}

export const ALLOWLIST_REGISTRY: readonly FormatEntry<AllowlistFormat>[] = [
  ready(PLAIN),
  ready(PAN_EDL),
  ready(FORTIGATE),
  ready(PFBLOCKERNG),
  ready(ALLOWLIST_YAML),
  ready(ALLOWLIST_JSON),
  onDemand(PAC_DESCRIPTION, async () => (await import('./allowlist/pac.js')).PAC),
  ready(SQUID),
  onDemand(NFTABLES_DESCRIPTION, async () => (await import('./allowlist/nftables.js')).NFTABLES),
  ready(IPTABLES),
  ready(KUBERNETES),
  ready(CSV),
  onDemand(TERRAFORM_DESCRIPTION, async () => (await import('./allowlist/terraform.js')).TERRAFORM),
  onDemand(BICEP_DESCRIPTION, async () => (await import('./allowlist/bicep.js')).BICEP),
  onDemand(ARM_DESCRIPTION, async () => (await import('./allowlist/arm.js')).ARM),
  ready(M365_ENDPOINTS_JSON),
];

export const DNS_REGISTRY: readonly FormatEntry<DnsFormat>[] = [
  ready(BIND),
  ready(OCTODNS),
  onDemand(DNSCONTROL_DESCRIPTION, async () => (await import('./dns/dnscontrol.js')).DNSCONTROL),
  ready(DNS_CSV),
  ready(DNS_YAML),
  onDemand(
    TERRAFORM_DNS_DESCRIPTION,
    async () => (await import('./dns/terraform-dns.js')).TERRAFORM_DNS,
  ),
];

/** The format with its parser; loading it is the caller's part (see {@link FormatEntry.load}). */
export function loadedFormat<F extends AllowlistFormat | DnsFormat>(entry: FormatEntry<F>): F {
  const format = entry.loaded;
  if (format === undefined) throw new Error(`the parser of format ${entry.id} was not loaded`);
  return format;
}

/** Loads every parser: for code that may meet any format after it starts (`fix` edits files). */
export async function loadEveryFormat(): Promise<void> {
  await Promise.all([...ALLOWLIST_REGISTRY, ...DNS_REGISTRY].map((f) => f.load()));
}
