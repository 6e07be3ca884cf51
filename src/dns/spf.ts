import { parseIpBlock } from '../model/ip.js';
import { fail, ok, type Parsed } from '../model/parsed.js';

/**
 * SPF records (RFC 7208) read from TXT data, and their DNS-lookup cost counted offline: what a
 * receiving server would spend evaluating the record, from the records in the checked files and
 * the costs recorded for Microsoft's includes, never from a live lookup.
 */

export type SpfQualifier = '+' | '-' | '~' | '?';

export type SpfMechanismName = 'all' | 'include' | 'a' | 'mx' | 'ptr' | 'ip4' | 'ip6' | 'exists';

export type SpfTerm =
  | {
      readonly kind: 'mechanism';
      readonly qualifier: SpfQualifier;
      readonly name: SpfMechanismName;
      /** The domain, address or CIDR after the colon, without a leading `/` length (kept in `text`). */
      readonly value?: string;
      /** The term as written. */
      readonly text: string;
    }
  | {
      readonly kind: 'modifier';
      readonly name: string;
      readonly value: string;
      readonly text: string;
    };

export interface SpfRecord {
  /** The record text with the TXT strings joined. */
  readonly text: string;
  readonly terms: readonly SpfTerm[];
  /** Qualifier of the first `all` mechanism; undefined when there is none. */
  readonly all?: SpfQualifier | undefined;
  /** Terms written after the first `all`: a receiver never gets to them. */
  readonly afterAll: readonly SpfTerm[];
  readonly redirect?: string | undefined;
  /** Domains of the `include:` mechanisms, lower case, in order. */
  readonly includes: readonly string[];
}

const VERSION = 'v=spf1';

/** The text of a TXT record: its strings joined without separator, as RFC 7208 §3.3 says. */
export function txtText(strings: readonly string[]): string {
  return strings.join('');
}

/** True when the TXT text is an SPF record (starts with `v=spf1` followed by a space or nothing). */
export function isSpf(text: string): boolean {
  if (text.length < VERSION.length) return false;
  if (text.slice(0, VERSION.length).toLowerCase() !== VERSION) return false;
  return text.length === VERSION.length || text[VERSION.length] === ' ';
}

const MECHANISMS: ReadonlySet<string> = new Set([
  'all',
  'include',
  'a',
  'mx',
  'ptr',
  'ip4',
  'ip6',
  'exists',
]);
/** Mechanisms that must name a domain. */
const NEEDS_VALUE: ReadonlySet<string> = new Set(['include', 'exists', 'ip4', 'ip6']);
/** Mechanisms that may carry CIDR lengths (`/24`, `//64`); ip4 and ip6 have their own. */
const DUAL_CIDR: ReadonlySet<string> = new Set(['a', 'mx']);

const MODIFIER_NAME = /^[a-z][a-z0-9_.-]*$/i;
/** Characters a domain-spec may hold: letters, digits, `-_.`, and macros such as `%{i}`. */
const DOMAIN_SPEC = /^(?:[a-z0-9_.-]|%\{[slodiphcrtv]\d*r?[.\-+,/_=]*\}|%%|%_|%-)+$/i;

/** Reads an SPF record. The first problem found is the error, so each message names one term. */
export function parseSpf(text: string): Parsed<SpfRecord> {
  if (!isSpf(text)) return fail(`"${text}" does not start with "v=spf1"`);
  const words = text
    .slice(VERSION.length)
    .split(' ')
    .filter((w) => w !== '');
  const terms: SpfTerm[] = [];
  const includes: string[] = [];
  const afterAll: SpfTerm[] = [];
  let all: SpfQualifier | undefined;
  let redirect: string | undefined;
  let exp = false;
  for (const word of words) {
    const term = parseTerm(word);
    if (!term.ok) return term;
    const t = term.value;
    if (all !== undefined) afterAll.push(t);
    if (t.kind === 'modifier') {
      const name = t.name.toLowerCase();
      if (name === 'redirect') {
        if (redirect !== undefined) return fail(`"${word}" repeats the redirect modifier`);
        redirect = t.value.toLowerCase();
      } else if (name === 'exp') {
        if (exp) return fail(`"${word}" repeats the exp modifier`);
        exp = true;
      }
    } else if (t.name === 'all') {
      if (all === undefined) all = t.qualifier;
    } else if (t.name === 'include' && t.value !== undefined) {
      includes.push(t.value.toLowerCase());
    }
    terms.push(t);
  }
  return ok({ text, terms, all, afterAll, redirect, includes });
}

function parseTerm(word: string): Parsed<SpfTerm> {
  const eq = word.indexOf('=');
  const colon = word.indexOf(':');
  // A modifier is `name=value` with the `=` before any `:` or `/`.
  if (eq > 0 && (colon < 0 || eq < colon) && MODIFIER_NAME.test(word.slice(0, eq))) {
    const value = word.slice(eq + 1);
    const name = word.slice(0, eq);
    const lower = name.toLowerCase();
    if ((lower === 'redirect' || lower === 'exp') && !DOMAIN_SPEC.test(value)) {
      return fail(`"${word}" needs a domain after "="`);
    }
    return ok({ kind: 'modifier', name, value, text: word });
  }
  let rest = word;
  let qualifier: SpfQualifier = '+';
  const first = rest[0];
  if (first === '+' || first === '-' || first === '~' || first === '?') {
    qualifier = first;
    rest = rest.slice(1);
  }
  const sep = rest.search(/[:/]/);
  const name = (sep < 0 ? rest : rest.slice(0, sep)).toLowerCase();
  if (!MECHANISMS.has(name)) return fail(`"${word}" is not an SPF mechanism or modifier`);
  const arg = sep < 0 ? '' : rest.slice(sep);
  if (name === 'all') {
    if (arg !== '') return fail(`"${word}": the all mechanism takes no value`);
    return ok({ kind: 'mechanism', qualifier, name, text: word });
  }
  if (arg === '' || arg[0] === '/') {
    if (NEEDS_VALUE.has(name)) return fail(`"${word}" needs a value after "${name}:"`);
    if (arg !== '' && (!DUAL_CIDR.has(name) || !validCidrLengths(arg))) {
      return fail(`"${word}" has an invalid prefix length`);
    }
    return ok({ kind: 'mechanism', qualifier, name: name as SpfMechanismName, text: word });
  }
  const value = arg.slice(1);
  if (value === '') return fail(`"${word}" needs a value after "${name}:"`);
  if (name === 'ip4' || name === 'ip6') {
    const block = parseIpBlock(value);
    const family = name === 'ip4' ? 4 : 6;
    if (!block.ok || value.includes('-') || block.value.family !== family) {
      return fail(`"${word}" needs an IPv${family} address or network after "${name}:"`);
    }
    return ok({ kind: 'mechanism', qualifier, name, value, text: word });
  }
  // a, mx, ptr, include, exists: a domain, `a` and `mx` optionally followed by CIDR lengths.
  let domain = value;
  let lengths = '';
  if (DUAL_CIDR.has(name)) {
    const slash = value.indexOf('/');
    if (slash >= 0) {
      domain = value.slice(0, slash);
      lengths = value.slice(slash);
    }
  }
  if (domain === '' || !DOMAIN_SPEC.test(domain)) {
    return fail(`"${word}" needs a domain after "${name}:"`);
  }
  if (lengths !== '' && !validCidrLengths(lengths)) {
    return fail(`"${word}" has an invalid prefix length`);
  }
  return ok({
    kind: 'mechanism',
    qualifier,
    name: name as SpfMechanismName,
    value: domain,
    text: word,
  });
}

/** `/24`, `//64` or `/24//64`, within the lengths of each family. */
function validCidrLengths(text: string): boolean {
  const m = /^(?:\/(\d{1,2}))?(?:\/\/(\d{1,3}))?$/.exec(text);
  if (!m || (m[1] === undefined && m[2] === undefined)) return false;
  if (m[1] !== undefined && (Number(m[1]) > 32 || /^0\d/.test(m[1]))) return false;
  if (m[2] !== undefined && (Number(m[2]) > 128 || /^0\d/.test(m[2]))) return false;
  return true;
}

/** The limit of RFC 7208 §4.6.4 on terms that cause DNS lookups. */
export const SPF_LOOKUP_LIMIT = 10;

/** What is known offline about the SPF record of a domain named by `include:` or `redirect=`. */
export type SpfTarget =
  /** The record is in the checked files: it is counted term by term. */
  | { readonly kind: 'record'; readonly record: SpfRecord }
  /**
   * Recorded data about a published record: the lookups it causes itself, or null when that is
   * not known (it then counts as its own lookup only, and the count becomes a lower bound).
   */
  | { readonly kind: 'known'; readonly nestedLookups: number | null }
  /** Nothing is known. */
  | { readonly kind: 'unknown' };

export interface SpfLookupCount {
  /** Lookups counted; a lower bound when `exact` is false. */
  readonly lookups: number;
  readonly exact: boolean;
  /** Included or redirected domains whose own cost is not known at all, in order of appearance. */
  readonly unknown: readonly string[];
  /** Known includes whose own cost is not recorded (counted as one lookup each). */
  readonly uncounted: readonly string[];
  /** Domains reached again while they were being evaluated: an include loop. */
  readonly loops: readonly string[];
}

/**
 * Counts the terms that cause DNS lookups (`include`, `a`, `mx`, `ptr`, `exists`, `redirect`),
 * following includes and the redirect into the records `resolve` knows. `redirect` is ignored
 * when the record has an `all` mechanism, as RFC 7208 §6.1 says. Each domain is expanded once
 * per path, so a loop ends instead of recursing.
 */
export function countSpfLookups(
  record: SpfRecord,
  resolve: (domain: string) => SpfTarget,
): SpfLookupCount {
  const unknown: string[] = [];
  const uncounted: string[] = [];
  const loops: string[] = [];
  const path = new Set<string>();
  const memo = new Map<string, number>();

  const costOf = (domain: string): number => {
    const cached = memo.get(domain);
    if (cached !== undefined) return cached;
    if (path.has(domain)) {
      if (!loops.includes(domain)) loops.push(domain);
      return 0;
    }
    const target = resolve(domain);
    let cost = 0;
    if (target.kind === 'record') {
      path.add(domain);
      cost = walk(target.record);
      path.delete(domain);
    } else if (target.kind === 'known') {
      if (target.nestedLookups === null) {
        if (!uncounted.includes(domain)) uncounted.push(domain);
      } else cost = target.nestedLookups;
    } else if (!unknown.includes(domain)) unknown.push(domain);
    memo.set(domain, cost);
    return cost;
  };

  const walk = (r: SpfRecord): number => {
    let n = 0;
    for (const t of r.terms) {
      if (t.kind !== 'mechanism') continue;
      if (t.name === 'include') {
        n += 1 + (t.value === undefined ? 0 : costOf(t.value.toLowerCase()));
      } else if (t.name === 'a' || t.name === 'mx' || t.name === 'ptr' || t.name === 'exists') {
        n += 1;
      }
    }
    if (r.redirect !== undefined && r.all === undefined) n += 1 + costOf(r.redirect);
    return n;
  };

  const lookups = walk(record);
  return {
    lookups,
    exact: unknown.length === 0 && uncounted.length === 0,
    unknown,
    uncounted,
    loops,
  };
}

/**
 * The record with `include:<domain>` added: in place of the include of `replacing` when the
 * record has one (another cloud's include), else before the first `all` (so it is evaluated),
 * else after the last mechanism.
 */
export function withInclude(record: SpfRecord, domain: string, replacing?: string): string {
  const words = record.terms.map((t) => t.text);
  const old =
    replacing === undefined
      ? -1
      : record.terms.findIndex(
          (t) =>
            t.kind === 'mechanism' && t.name === 'include' && t.value?.toLowerCase() === replacing,
        );
  if (old >= 0) {
    const qualifier = words[old]!.startsWith('include') ? '' : words[old]![0];
    words[old] = `${qualifier}include:${domain}`;
    return [VERSION, ...words].join(' ');
  }
  const allAt = record.terms.findIndex((t) => t.kind === 'mechanism' && t.name === 'all');
  let at = allAt;
  if (at < 0) {
    at = 0;
    record.terms.forEach((t, i) => {
      if (t.kind === 'mechanism') at = i + 1;
    });
  }
  words.splice(at, 0, `include:${domain}`);
  return [VERSION, ...words].join(' ');
}

/**
 * One record holding the mechanisms of several (each once, in order of appearance), ending with
 * the `all` of the first record that has one; modifiers are kept from the first record only.
 */
export function mergeSpf(records: readonly SpfRecord[]): string {
  const seen = new Set<string>();
  const words: string[] = [];
  let all: string | undefined;
  for (const [i, r] of records.entries()) {
    for (const t of r.terms) {
      if (t.kind === 'mechanism' && t.name === 'all') {
        all ??= t.text;
        continue;
      }
      if (t.kind === 'modifier' && i > 0) continue;
      const key = t.text.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      words.push(t.text);
    }
  }
  if (all !== undefined) words.push(all);
  return [VERSION, ...words].join(' ');
}
