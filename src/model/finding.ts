import type { SourceLocation } from './location.js';

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
  | 'unsupported-entry';

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
  'unsupported-entry': {
    id: 'unsupported-entry',
    severity: 'notice',
    title: 'Entry read but not understood',
    help: 'The entry is valid in its format, but its meaning cannot be compared with the catalogue (for example a path part of a URL, or an unresolved interpolation).',
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
  /** Allowlist group the finding belongs to. */
  readonly group?: string;
}
