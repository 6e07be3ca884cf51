import type { SourceLocation } from './location.js';
import { MAX_ENTRY_LENGTH, MAX_MESSAGE_LENGTH, truncate } from './text.js';

export type Severity = 'error' | 'warning' | 'notice';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'notice'];

export function severityRank(s: Severity): number {
  return s === 'error' ? 3 : s === 'warning' ? 2 : 1;
}

export type RuleId =
  | 'missing-endpoint'
  | 'partially-covered'
  | 'extraneous-entry'
  | 'outside-selection'
  | 'over-broad-entry'
  | 'redundant-entry'
  | 'host-bits-set'
  | 'invalid-entry'
  | 'confusable-name'
  | 'unsupported-entry'
  | 'stale-entry'
  | 'upcoming-endpoint'
  | 'dns-missing-record'
  | 'dns-wrong-value'
  | 'dns-forbidden-record'
  | 'dns-legacy-record'
  | 'dns-mx-preference'
  | 'dns-multiple-mx'
  | 'dns-spf-missing-include'
  | 'dns-spf-multiple'
  | 'dns-spf-invalid'
  | 'dns-spf-lookups'
  | 'dns-spf-all'
  | 'dns-spf-unknown-include'
  | 'dns-not-served'
  | 'dns-cname-conflict'
  | 'dns-duplicate-record'
  | 'dns-domain-not-found'
  | 'expired-waiver'
  | 'invalid-waiver';

export interface Rule {
  readonly id: RuleId;
  readonly severity: Severity;
  readonly title: string;
  readonly help: string;
}

/** The one table of rules: id, default severity and help. Used by every reporter. */
export const RULES: Readonly<Record<RuleId, Rule>> = {
  'missing-endpoint': {
    id: 'missing-endpoint',
    severity: 'error',
    title: 'Required endpoint missing',
    help: 'A Microsoft 365 endpoint that the selected catalogue requires is not allowed by any entry. Severity follows the endpoint set: error for Optimize and Allow, warning for Default, notice for optional sets.',
  },
  'partially-covered': {
    id: 'partially-covered',
    severity: 'warning',
    title: 'Required endpoint only partly allowed',
    help: 'Entries allow some but not all of what a requirement needs: some names of a wildcard, part of an address range, or not all of its ports.',
  },
  'extraneous-entry': {
    id: 'extraneous-entry',
    severity: 'warning',
    title: 'Entry not in the Microsoft 365 catalogue',
    help: 'In a file dedicated to Microsoft 365, nothing in the cloud’s catalogue (any endpoint set, optional or not, or the other-endpoints rows) matches this entry.',
  },
  'outside-selection': {
    id: 'outside-selection',
    severity: 'notice',
    title: 'Entry matched only by endpoint sets outside the selection',
    help: 'The entry belongs to Microsoft 365, but only to endpoint sets that the selected service areas, categories or options leave out.',
  },
  'over-broad-entry': {
    id: 'over-broad-entry',
    severity: 'warning',
    title: 'Entry far broader than required',
    help: 'The entry allows much more than Microsoft 365 needs: every name, a public suffix such as *.com, a whole registrable domain where only some names are required, 0.0.0.0/0, or a prefix far larger than anything required.',
  },
  'redundant-entry': {
    id: 'redundant-entry',
    severity: 'notice',
    title: 'Entry adds nothing',
    help: 'An exact duplicate, or an entry that is not itself a catalogue pattern and is already covered by another entry of the same allowlist.',
  },
  'host-bits-set': {
    id: 'host-bits-set',
    severity: 'warning',
    title: 'Prefix written with host bits set',
    help: 'The address has bits set beyond the prefix length (10.1.2.3/8). Firewalls disagree on what this means; write the network address.',
  },
  'invalid-entry': {
    id: 'invalid-entry',
    severity: 'error',
    title: 'Malformed entry',
    help: 'The entry cannot be read. It is ignored for coverage; the rest of the file is still checked.',
  },
  'confusable-name': {
    id: 'confusable-name',
    severity: 'warning',
    title: 'Name that looks like a Microsoft 365 name',
    help: 'An internationalised name whose letters look like those of a catalogue name (the same UTS #39 confusable skeleton), such as outlook.office365.com written with a Cyrillic о. It allows another host, not the one it imitates, which stays missing.',
  },
  'unsupported-entry': {
    id: 'unsupported-entry',
    severity: 'notice',
    title: 'Entry read but not understood',
    help: 'The entry is valid in its format, but its meaning cannot be compared with the catalogue (for example a path part of a URL, or an unresolved interpolation).',
  },
  'stale-entry': {
    id: 'stale-entry',
    severity: 'warning',
    title: 'Entry only a removed endpoint needed',
    help: 'Nothing in the current catalogue matches the entry, but an endpoint that Microsoft has since removed did: the message names the version that removed it and the endpoint set it belonged to. The entry can go. A notice in mixed scope.',
  },
  'upcoming-endpoint': {
    id: 'upcoming-endpoint',
    severity: 'notice',
    title: 'Endpoint required from a future date',
    help: 'Microsoft publishes new endpoints about 30 days before they go live. The endpoint is not allowed yet and is required from the effective date the web service gives; on that date it becomes a normal requirement (missing-endpoint).',
  },
  'dns-missing-record': {
    id: 'dns-missing-record',
    severity: 'error',
    title: 'DNS record that Microsoft 365 needs is missing',
    help: 'A domain lacks a record its Microsoft 365 cloud requires for a service the domain uses (MX, SPF, autodiscover, Teams federation, Intune, DKIM, or msoid in 21Vianet). The finding sits where the record belongs and gives the record to add in the file’s own syntax. Severity follows the record: error for mail, warning for Teams, Intune, DKIM and msoid.',
  },
  'dns-wrong-value': {
    id: 'dns-wrong-value',
    severity: 'error',
    title: 'DNS record with the wrong value',
    help: 'The record exists but points somewhere Microsoft 365 does not expect: another target, another cloud’s target, another record type, another SRV port, or a target written without its trailing dot in a zone file, which expands inside the zone. A wrong SRV priority or weight alone is a warning.',
  },
  'dns-forbidden-record': {
    id: 'dns-forbidden-record',
    severity: 'error',
    title: 'DNS record that must not exist',
    help: 'The record breaks Microsoft 365 in this cloud: an msoid CNAME outside 21Vianet stops Office from activating. An _autodiscover._tcp SRV record at a domain that uses Exchange Online is a warning: Outlook can follow it to another mail system.',
  },
  'dns-legacy-record': {
    id: 'dns-legacy-record',
    severity: 'notice',
    title: 'DNS record no longer needed',
    help: 'A Skype for Business Online record (sip, lyncdiscover, _sip._tls) that the current Microsoft 365 record list no longer has. 21Vianet still requires them.',
  },
  'dns-mx-preference': {
    id: 'dns-mx-preference',
    severity: 'error',
    title: 'Microsoft 365 MX does not have the best preference',
    help: 'Another MX record of the domain has a preference number lower than or equal to the Microsoft 365 MX, so mail goes to the other system first, or to either at random.',
  },
  'dns-multiple-mx': {
    id: 'dns-multiple-mx',
    severity: 'warning',
    title: 'MX record beside the Microsoft 365 MX',
    help: 'Besides its Microsoft 365 MX, the domain has an MX record for another mail system. Senders use it whenever Exchange Online is unreachable or slow to answer, and spammers use it on purpose, so mail can bypass Exchange Online.',
  },
  'dns-spf-missing-include': {
    id: 'dns-spf-missing-include',
    severity: 'error',
    title: 'SPF record without Microsoft 365’s include',
    help: 'The SPF record does not include the cloud’s Exchange Online SPF domain, so mail that Microsoft 365 sends for the domain fails SPF.',
  },
  'dns-spf-multiple': {
    id: 'dns-spf-multiple',
    severity: 'error',
    title: 'More than one SPF record',
    help: 'A name may have only one v=spf1 TXT record; with two, receivers return a permanent error and SPF fails for all mail. Merge them into one.',
  },
  'dns-spf-invalid': {
    id: 'dns-spf-invalid',
    severity: 'error',
    title: 'Malformed SPF record',
    help: 'The SPF record breaks the syntax of RFC 7208, so receivers return a permanent error and SPF fails for all mail.',
  },
  'dns-spf-lookups': {
    id: 'dns-spf-lookups',
    severity: 'error',
    title: 'SPF record needs more than 10 DNS lookups',
    help: 'Evaluating the record takes more than the 10 DNS lookups RFC 7208 allows (include, a, mx, ptr, exists and redirect, nested includes counted), so receivers return a permanent error. Counted offline from the checked files and the known cost of Microsoft’s includes; an include loop is reported here too.',
  },
  'dns-spf-all': {
    id: 'dns-spf-all',
    severity: 'warning',
    title: 'SPF record with a weak or misplaced all',
    help: 'The record ends without -all: +all lets every server pass (error), ?all or no all at all gives unknown senders a neutral result (warning), ~all only marks them (notice). Terms after all are never evaluated (warning).',
  },
  'dns-spf-unknown-include': {
    id: 'dns-spf-unknown-include',
    severity: 'notice',
    title: 'SPF include whose lookup cost is not known',
    help: 'The included domain is neither in the checked files nor in the known data, so the DNS lookups it causes cannot be counted offline; the count is a lower bound.',
  },
  'dns-not-served': {
    id: 'dns-not-served',
    severity: 'warning',
    title: 'DNS record below a delegation',
    help: 'The record sits at or below a name that the zone delegates to other name servers (an NS record below the apex), so resolvers ask those servers and never see it. Put it in the delegated zone instead.',
  },
  'dns-cname-conflict': {
    id: 'dns-cname-conflict',
    severity: 'error',
    title: 'CNAME beside other records',
    help: 'A name with a CNAME record can have no other record (RFC 1034 §3.6.2); DNS servers refuse the zone or answer unpredictably.',
  },
  'dns-duplicate-record': {
    id: 'dns-duplicate-record',
    severity: 'notice',
    title: 'Duplicate DNS record',
    help: 'The same record (name, type and data) is written twice; DNS keeps one, and some providers refuse the change.',
  },
  'dns-domain-not-found': {
    id: 'dns-domain-not-found',
    severity: 'warning',
    title: 'Configured domain in no DNS file',
    help: 'A domain named in the configuration is not inside any zone of the checked DNS files, so its records cannot be checked.',
  },
  'expired-waiver': {
    id: 'expired-waiver',
    severity: 'warning',
    title: 'Waiver past its expiry date',
    help: 'An `ignore:` item of the configuration has an `expires` date that has passed. It no longer waives anything: the findings it covered count again. Renew it with a new date and reason, or fix them.',
  },
  'invalid-waiver': {
    id: 'invalid-waiver',
    severity: 'warning',
    title: 'Inline waiver that cannot be read',
    help: 'A comment `endpoint-drift: ignore <rule> -- <reason>` names no rule, an unknown rule, or gives no reason after `--`. It waives nothing until it is corrected.',
  },
};

/** What a catalogue-related finding refers to. */
export interface FindingRequirement {
  readonly kind: 'host' | 'ip';
  readonly pattern: string;
  readonly endpointSets: readonly {
    readonly endpointSetId?: number;
    readonly scenario?: string;
    readonly serviceArea?: string;
    readonly category?: string;
    readonly required: boolean;
  }[];
  readonly ports?: { readonly tcp: string; readonly udp: string };
}

export interface Finding {
  readonly ruleId: RuleId;
  readonly severity: Severity;
  readonly message: string;
  /** Where: an entry's location, or where the missing entry belongs (line 0 = the file as a whole). */
  readonly location: SourceLocation;
  readonly entry?: string;
  readonly requirement?: FindingRequirement;
  /** Uncovered CIDRs of a missing or partly covered prefix. */
  readonly uncovered?: readonly string[];
  /** The endpoint sets (and ports) of the requirement, as one label to group findings by. */
  readonly endpointSet?: string;
  /** What to write instead of an over-broad entry: the catalogue patterns or prefixes inside it. */
  readonly replacement?: readonly string[];
  /** Allowlist group the finding belongs to. */
  readonly group?: string;
  /** Ports a covering entry lacks (a port gap of `partially-covered`). */
  readonly missingPorts?: { readonly tcp: string; readonly udp: string };
  /**
   * DNS: the record to write, added beside the finding's location (`add`) or replacing the
   * record at it (`replace`). Absent when the value cannot be known offline.
   */
  readonly record?: SuggestedRecord;
}

export interface SuggestedRecord {
  readonly action: 'add' | 'replace';
  /** Owner name, absolute with trailing dot. */
  readonly name: string;
  readonly type: string;
  readonly ttl?: number;
  /** Master-file presentation form. */
  readonly data: string;
  /** The zone the record is written in, absolute with trailing dot. */
  readonly zone: string;
}

/**
 * The finding with its message and entry cut to a sane length: a file can hold one entry of
 * a hundred megabytes, which must not become a message, an annotation or a report line.
 */
export function bounded<T extends Finding>(f: T): T {
  if (f.message.length <= MAX_MESSAGE_LENGTH && (f.entry?.length ?? 0) <= MAX_ENTRY_LENGTH)
    return f;
  return {
    ...f,
    message: truncate(f.message, MAX_MESSAGE_LENGTH),
    ...(f.entry !== undefined ? { entry: truncate(f.entry, MAX_ENTRY_LENGTH) } : {}),
  };
}
