import data from '../../data/dns-requirements.json' with { type: 'json' };
import type { Instance } from '../catalogue/types.js';
import type { Severity } from '../model/finding.js';

/**
 * The DNS records each Microsoft 365 cloud needs (data/dns-requirements.json, shape in
 * schemas/dns-requirements.schema.json), and the value patterns of those records made concrete
 * for one domain.
 */

export type RequirementLevel = 'required' | 'optional' | 'legacy' | 'forbidden';
/** `core` applies to every domain whatever services it uses. */
export type DnsService = 'core' | 'exchange' | 'teams' | 'intune' | 'dkim' | 'verification';
export type DnsRecordKind = 'MX' | 'TXT' | 'CNAME' | 'SRV';

export interface DnsRequirement {
  readonly id: string;
  readonly type: DnsRecordKind;
  /** Relative to the domain; `@` is the domain itself. */
  readonly host: string;
  /** Accepted value patterns; the first is the one to suggest. Empty for forbidden records. */
  readonly values: readonly string[];
  readonly srv?: { readonly priority: number; readonly weight: number; readonly port: number };
  readonly level: RequirementLevel;
  readonly service: DnsService;
  /** Severity when a required record is missing or a legacy or forbidden one is present. */
  readonly severity: Severity;
  readonly source: readonly string[];
  readonly reason: string;
}

export interface CloudDnsRequirements {
  readonly title: string;
  /** The domain of the SPF include that authorises this cloud's Exchange Online. */
  readonly spfInclude: string;
  readonly records: readonly DnsRequirement[];
}

export interface SpfIncludeFacts {
  readonly clouds: readonly Instance[];
  /** Lookups the included record causes itself; null when not known. */
  readonly nestedLookups: number | null;
  readonly record?: string;
  readonly source: string;
  readonly note: string;
}

export interface DocumentSource {
  readonly title: string;
  readonly date: string;
  readonly reference?: string;
  readonly url?: string;
}

export interface DnsRequirementsData {
  readonly description: string;
  readonly sources: Readonly<Record<string, DocumentSource>>;
  readonly spfIncludes: Readonly<Record<string, SpfIncludeFacts>>;
  readonly clouds: Readonly<Record<Instance, CloudDnsRequirements>>;
}

/**
 * The JSON's inferred type is wider than {@link DnsRequirementsData} (plain strings for enums);
 * the schema test vouches for the narrower one.
 */
export const DNS_REQUIREMENTS: DnsRequirementsData = data as unknown as DnsRequirementsData;

export function cloudDnsRequirements(instance: Instance): CloudDnsRequirements {
  return DNS_REQUIREMENTS.clouds[instance];
}

/** Per-tenant values substituted into value patterns; a token left undefined matches any label. */
export interface PatternTokens {
  readonly 'mx-token'?: string | undefined;
  readonly 'domain-dashes'?: string | undefined;
  readonly 'initial-domain'?: string | undefined;
}

export type PatternToken = keyof PatternTokens;

const TOKEN = /\{(mx-token|domain-dashes|initial-domain)\}/g;
/** What one `*` or unresolved token may stand for: characters of one label. */
const LABEL_CHARS = '[a-z0-9_-]+';

/** `contoso.com.` → `contoso-com`, the form DKIM targets give the domain. */
export function domainDashes(domain: string): string {
  return stripDot(domain).toLowerCase().replaceAll('.', '-');
}

/** `contoso`, `contoso.onmicrosoft.com` or `contoso.onmicrosoft.us.` → `contoso`. */
export function initialDomainLabel(initialDomain: string): string {
  const trimmed = stripDot(initialDomain.trim()).toLowerCase();
  const dot = trimmed.indexOf('.');
  return dot < 0 ? trimmed : trimmed.slice(0, dot);
}

export function stripDot(name: string): string {
  return name.endsWith('.') ? name.slice(0, -1) : name;
}

/**
 * A host-name value pattern with the tokens of one domain filled in. Matching ignores case and a
 * trailing dot; `*` and any unresolved token match the characters of one label.
 */
export class ValuePattern {
  readonly #regex: RegExp;
  /** The pattern with the known tokens filled in; unknown ones stay as `{token}`. */
  readonly text: string;
  /** Tokens the pattern uses that have no value. */
  readonly unresolved: readonly PatternToken[];

  constructor(pattern: string, tokens: PatternTokens) {
    const unresolved: PatternToken[] = [];
    let source = '^';
    let text = '';
    let last = 0;
    for (const m of pattern.matchAll(TOKEN)) {
      const literal = pattern.slice(last, m.index);
      source += literalSource(literal);
      text += literal;
      const token = m[1] as PatternToken;
      const value = tokens[token];
      if (value === undefined || value === '') {
        source += LABEL_CHARS;
        text += m[0];
        if (!unresolved.includes(token)) unresolved.push(token);
      } else {
        source += escapeRegex(value.toLowerCase());
        text += value.toLowerCase();
      }
      last = m.index + m[0].length;
    }
    const tail = pattern.slice(last);
    source += `${literalSource(tail)}$`;
    text += tail;
    this.#regex = new RegExp(source);
    this.text = text;
    this.unresolved = unresolved;
  }

  matches(name: string): boolean {
    return this.#regex.test(stripDot(name).toLowerCase());
  }
}

function literalSource(literal: string): string {
  return literal
    .split('*')
    .map((part) => escapeRegex(part.toLowerCase()))
    .join(LABEL_CHARS);
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** How to find the value of a token that is not configured. */
export const TOKEN_HELP: Readonly<Record<PatternToken, string>> = {
  'mx-token': "the domain's MX token shown in the Microsoft 365 admin center",
  'domain-dashes': 'the domain with its dots written as dashes',
  'initial-domain': "the first label of the tenant's initial onmicrosoft domain",
};
