import type { ParseProblem } from './entry.js';
import type { SourceLocation } from './location.js';

/** Record types endpoint-drift reads; others are kept with their data as written. */
export type DnsType =
  'A' | 'AAAA' | 'CNAME' | 'MX' | 'TXT' | 'SRV' | 'NS' | 'SOA' | 'CAA' | 'PTR' | (string & {});

/** Parsed data of the types the DNS rules look into. */
export type DnsData =
  | { readonly type: 'A' | 'AAAA'; readonly address: string }
  | { readonly type: 'CNAME' | 'NS' | 'PTR'; readonly target: string }
  | { readonly type: 'MX'; readonly preference: number; readonly exchange: string }
  | {
      readonly type: 'SRV';
      readonly priority: number;
      readonly weight: number;
      readonly port: number;
      readonly target: string;
    }
  | { readonly type: 'TXT'; readonly strings: readonly string[] }
  | { readonly type: 'OTHER'; readonly text: string };

/**
 * One resource record, as a zone holds it. Names are absolute, lower case, with a trailing dot
 * (`autodiscover.contoso.com.`); so are targets inside `data` when the file made them absolute.
 */
export interface DnsRecord {
  /** Owner name, absolute with trailing dot. */
  readonly name: string;
  readonly type: DnsType;
  /** TTL in seconds when the file gives one (directly or by `$TTL`). */
  readonly ttl?: number | undefined;
  /** Normalised data in master-file presentation form (`10 contoso-com.mail.protection.outlook.com.`, TXT as quoted strings). */
  readonly data: string;
  readonly parsed: DnsData;
  /** The zone (origin) the record belongs to, absolute with trailing dot. */
  readonly zone: string;
  readonly location: SourceLocation;
  /**
   * A target (CNAME/MX/SRV/NS) written relative to the origin in a format where that is easy to
   * get wrong (a zone file name without its trailing dot): the rules warn about it.
   */
  readonly relativeTarget?: boolean | undefined;
  readonly comment?: string | undefined;
}

export interface ParsedDnsFile {
  readonly path: string;
  readonly format: string;
  /** Zones (domains) the file defines, absolute with trailing dot. */
  readonly zones: readonly string[];
  readonly records: readonly DnsRecord[];
  readonly problems: readonly ParseProblem[];
}

/** Makes a name absolute: lower case, trailing dot; `@` is the origin; relative names get the origin appended. */
export function absoluteName(name: string, origin: string): string {
  const o = origin.endsWith('.') ? origin : `${origin}.`;
  if (name === '@' || name === '') return o.toLowerCase();
  if (name.endsWith('.')) return name.toLowerCase();
  return `${name}.${o}`.toLowerCase();
}
