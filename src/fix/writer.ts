import type { Entry } from '../model/entry.js';
import type { DnsRecord } from '../model/dns.js';
import type { Finding, SuggestedRecord } from '../model/finding.js';
import type { SourceLocation } from '../model/location.js';
import type { PortSpec } from '../model/ports.js';
import type { TextEdit } from './text.js';

/** A value to add to an allowlist, in the model's notation (`*.x`, `10.0.0.0/8`). */
export interface NewEntry {
  readonly kind: 'host' | 'ip';
  readonly value: string;
  /** Ports the requirement needs; written where the format carries ports. */
  readonly ports: PortSpec;
}

/** Endpoint sets a value is added for, to place it beside its set and to name the set. */
export interface SetLabel {
  readonly ids: readonly number[];
  readonly serviceArea?: string | undefined;
  /** `Exchange set 1 (Optimize)`: the short comment written beside an added entry. */
  readonly text: string;
}

/** One change an allowlist writer is asked for; each carries the finding it fixes. */
export type AllowlistOp =
  | {
      readonly op: 'add';
      readonly finding: Finding;
      readonly entries: readonly NewEntry[];
      readonly label: SetLabel;
      /** Where the finding says the entry belongs (line 0: the file as a whole). */
      readonly anchor: SourceLocation;
    }
  | { readonly op: 'remove'; readonly finding: Finding; readonly entry: Entry }
  | {
      readonly op: 'ports';
      readonly finding: Finding;
      readonly entry: Entry;
      /** The entry's ports after the change. */
      readonly ports: PortSpec;
    }
  | {
      /** Remove an entry and write others in its place (over-broad entries). */
      readonly op: 'replace';
      readonly finding: Finding;
      readonly entry: Entry;
      readonly entries: readonly NewEntry[];
      readonly label: SetLabel;
    };

export interface EditableAllowlist {
  readonly path: string;
  readonly text: string;
  readonly format: string;
  /** The entries read from this file, in file order. */
  readonly entries: readonly Entry[];
  /** The `options:` the configuration gives the file's format. */
  readonly settings?: Readonly<Record<string, unknown>> | undefined;
}

export interface Refusal {
  readonly finding: Finding;
  readonly reason: string;
}

export interface WriterResult {
  readonly edits: readonly TextEdit[];
  readonly refused: readonly Refusal[];
}

/** Edits one allowlist file in its own syntax. */
export interface AllowlistWriter {
  edit(file: EditableAllowlist, ops: readonly AllowlistOp[]): WriterResult;
}

export type DnsOp =
  | {
      readonly op: 'add';
      readonly finding: Finding;
      readonly record: SuggestedRecord;
      /** After this location's line (line 0: the end of the file). */
      readonly anchor: SourceLocation;
    }
  | {
      readonly op: 'replace';
      readonly finding: Finding;
      readonly old: DnsRecord;
      readonly record: SuggestedRecord;
    }
  | { readonly op: 'remove'; readonly finding: Finding; readonly old: DnsRecord };

export interface EditableDnsFile {
  readonly path: string;
  readonly text: string;
  readonly format: string;
  readonly records: readonly DnsRecord[];
  readonly render: (
    record: { name: string; type: string; ttl?: number; data: string },
    zone: string,
  ) => string;
}

export interface DnsWriter {
  edit(file: EditableDnsFile, ops: readonly DnsOp[]): WriterResult;
}
