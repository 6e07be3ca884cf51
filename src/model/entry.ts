import type { HostPattern } from './host.js';
import type { IpBlock } from './ip.js';
import type { Ipv4Column } from './ip-column.js';
import type { NameColumn } from './name-column.js';
import type { SourceLocation } from './location.js';
import type { PortSpec } from './ports.js';

/** What a file format is able to say. No finding claims what the format cannot express. */
export interface FormatCapabilities {
  readonly hosts: boolean;
  readonly ips: boolean;
  readonly ipv6: boolean;
  /** Entries can carry TCP/UDP ports. */
  readonly ports: boolean;
  /** Entries can carry a protocol (tcp/udp) separately from ports. */
  readonly protocols: boolean;
  /** The format has comments, kept on entries (for waivers). */
  readonly comments: boolean;
  /**
   * The format can allow the names below a domain without the domain itself (`*.x`). False for
   * Squid and pfBlockerNG, whose `.x` is the only way to write it. Default true.
   */
  readonly subdomainsOnly?: boolean;
}

interface EntryBase {
  /** The entry exactly as written in the file (trimmed). */
  readonly text: string;
  readonly location: SourceLocation;
  /** Ports the entry allows, when the format carries them; undefined = the format cannot say. */
  readonly ports?: PortSpec | undefined;
  /** Comment attached to the entry (inline, or the comment line(s) right above it). */
  readonly comment?: string | undefined;
}

export interface HostEntry extends EntryBase {
  readonly kind: 'host';
  readonly pattern: HostPattern;
}

export interface IpEntry extends EntryBase {
  readonly kind: 'ip';
  readonly block: IpBlock;
}

/**
 * A reference that stands for part of the catalogue instead of naming endpoints
 * (an Azure Firewall FQDN tag, a hosted feed URL). `covers` says which part.
 */
export interface ReferenceEntry extends EntryBase {
  readonly kind: 'reference';
  readonly reference: {
    readonly scheme: string;
    readonly serviceAreas?: readonly string[] | undefined;
    readonly categories?: readonly string[] | undefined;
    readonly required?: boolean | undefined;
    readonly addressKinds?: readonly ('url' | 'ipv4' | 'ipv6')[] | undefined;
    /**
     * The cloud the reference is published for (`worldwide`, `china`, `usgovdod`, `usgovgcchigh`),
     * when it names one (hosted feeds do); checked against the selected cloud.
     */
    readonly instance?: string | undefined;
  };
}

export type Entry = HostEntry | IpEntry | ReferenceEntry;

/** A problem found while reading a file: becomes an `invalid-entry` finding (or a notice). */
export interface ParseProblem {
  readonly location: SourceLocation;
  readonly message: string;
  /** The offending text, where there is one. */
  readonly text?: string | undefined;
  /** `error` for malformed entries (default); `notice` for things read but not understood. */
  readonly severity?: 'error' | 'warning' | 'notice' | undefined;
}

export interface ParsedFile {
  readonly path: string;
  readonly format: string;
  readonly entries: readonly Entry[];
  readonly problems: readonly ParseProblem[];
  /**
   * From a list reader that keeps plain IPv4 lines and plain names in columns: those lines, and
   * every other entry in line order. `entries` then holds all of them, in line order, made when
   * first read; the check reads these instead, so a million-line list makes no object per line.
   */
  readonly split?:
    | {
        readonly ipv4: Ipv4Column;
        readonly names: NameColumn;
        readonly others: readonly Entry[];
      }
    | undefined;
}

/** Every entry of a file as the check reads them: `split.others`, or all of `entries`. */
export function objectEntries(file: ParsedFile): readonly Entry[] {
  return file.split ? file.split.others : file.entries;
}
