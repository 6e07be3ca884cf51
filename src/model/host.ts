import { domainToASCII } from 'node:url';
import ipaddr from 'ipaddr.js';
import { getDomain, parse as parseDomain } from 'tldts';
import { deceptiveName, hiddenCharacter } from './idn.js';
import { fail, ok, type Parsed } from './parsed.js';
import { trimSpaces } from './text.js';

export type Coverage = 'full' | 'partial' | 'none';

export interface ParseHostOptions {
  /** Bare names mean "this name and everything under it" (pfBlockerNG whitelists). Default false (exact name). */
  readonly bareMeansSubtree?: boolean;
  /**
   * Cilium `matchPattern`: a leading `*.` is exactly one label, `**.` one or more labels, `*` alone
   * every name. Elsewhere `**` has no meaning and is refused.
   */
  readonly cilium?: boolean;
}

/**
 * What stands in front of the fixed labels:
 * - `exact`: nothing (`outlook.com`, `autodiscover.*.onmicrosoft.com`);
 * - `oneOrMore`: one or more labels (`*.sharepoint.com`, and `*` alone);
 * - `zeroOrMore`: zero or more labels (`.sharepoint.com`, the Squid/pfSense subtree form).
 */
export type HostLead = 'exact' | 'oneOrMore' | 'zeroOrMore';

const MAX_LABEL = 63;
const MAX_NAME = 253;

/** tldts options: inputs are already canonical host names, so skip URL extraction and validation. */
const ICANN_ONLY = { extractHostname: false, validateHostname: false, detectIp: false } as const;
const WITH_PRIVATE = { ...ICANN_ONLY, allowPrivateDomains: true } as const;

/**
 * A DNS name or name pattern, canonical (lower case, punycode, no trailing dot). Immutable.
 *
 * A pattern is a lead (see {@link HostLead}) followed by label globs, matched
 * right-aligned against a name's labels. A label glob is a literal label, `*`
 * (exactly one label, e.g. the tenant in `autodiscover.*.onmicrosoft.com`), or
 * a label with `*` inside (`*cdn`, `*-admin`) where `*` matches zero or more
 * characters but never a dot. Lengths of names are not bounded here: the
 * 63/253 limits constrain what is written, not the algebra.
 */
export class HostPattern {
  /** Canonical text: `*.sharepoint.com`, `.example.com`, `autodiscover.*.onmicrosoft.com`. */
  readonly text: string;
  /** The label globs after the lead, joined by dots (`sharepoint.com` for `*.sharepoint.com`; empty for `*`). */
  readonly fixed: string;
  // Lists hold a million patterns: two strings and a number each, the rest derived or computed on
  // first use (no splitting, no tldts lookups while parsing).
  #bits: number;
  #derived: Derived | undefined;

  private constructor(lead: HostLead, fixed: string, text?: string) {
    this.fixed = fixed;
    this.text =
      text ??
      (lead === 'exact' ? fixed : lead === 'zeroOrMore' ? `.${fixed}` : fixed ? `*.${fixed}` : '*');
    const star = fixed.lastIndexOf('*');
    let bits = lead === 'exact' ? EXACT : lead === 'oneOrMore' ? ONE_OR_MORE : ZERO_OR_MORE;
    if (lead !== 'exact' || star >= 0) bits |= WILDCARD;
    this.#derived = undefined;
    if (star >= 0) {
      bits |= STAR;
      const dot = fixed.indexOf('.', star);
      this.#derived = { base: dot < 0 ? '' : fixed.slice(dot + 1) };
    }
    this.#bits = bits;
  }

  /** What stands in front of the fixed labels. */
  get lead(): HostLead {
    return LEADS[this.#bits & LEAD_MASK]!;
  }

  /** True when the pattern can match more than one name (any lead, or `*` in a label). */
  get isWildcard(): boolean {
    return (this.#bits & WILDCARD) !== 0;
  }

  /** The fixed suffix after the last wildcard, e.g. "onmicrosoft.com" for "autodiscover.*.onmicrosoft.com". */
  get base(): string {
    return (this.#bits & STAR) === 0 ? this.fixed : this.#derived!.base!;
  }

  /** Label globs after the lead, left to right. */
  get labels(): readonly string[] {
    return ((this.#derived ??= {}).labels ??= this.fixed === '' ? [] : this.fixed.split('.'));
  }

  static parse(text: string, options?: ParseHostOptions): Parsed<HostPattern> {
    const trimmed = trimSpaces(text);
    if (trimmed === '') return fail('host name is empty');
    let s = trimmed;
    if (hasNonAscii(s)) {
      const converted = toAsciiLabels(s);
      if (!converted.ok) return converted;
      s = converted.value;
    }
    // One pass for the alphabet, one for the label structure, no allocation on the way: lists can have a
    // million lines. Anything outside the alphabet goes to `explain` for a precise message.
    let hasUpper = false;
    let hasStar = false;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 46 || c === 45 || c === 95)
        continue;
      if (c >= 65 && c <= 90) hasUpper = true;
      else if (c === 42) hasStar = true;
      else return fail(explain(trimmed, s));
    }
    if (hasUpper) s = s.toLowerCase();
    let oneLabel = false;
    if (hasStar && s.includes('**')) {
      if (options?.cilium && s.startsWith('**.') && !s.includes('**', 1)) s = s.slice(1);
      else
        return fail(
          options?.cilium
            ? `${quote(trimmed)} has "**" where Cilium gives it no meaning (only a leading "**." means any number of labels)`
            : `${quote(trimmed)} has "**", which this format gives no meaning; write "*"`,
        );
    } else if (
      options?.cilium &&
      s.length > 1 &&
      s.charCodeAt(0) === 42 &&
      s.charCodeAt(1) === 46
    ) {
      oneLabel = true;
    }

    let lead: HostLead = 'exact';
    let start = 0;
    let end = s.length;
    if (end > 1 && s.charCodeAt(end - 1) === 46) end--;
    if (s.charCodeAt(0) === 46) {
      lead = 'zeroOrMore';
      start = 1;
    }
    let wildcardLabels = 0;
    let labelStart = start;
    let labelHasStar = false;
    let labelAllDigits = true;
    for (let i = start; i <= end; i++) {
      const c = i < end ? s.charCodeAt(i) : 46;
      if (c !== 46) {
        if (c === 42) labelHasStar = true;
        else if (c < 48 || c > 57) labelAllDigits = false;
        continue;
      }
      const length = i - labelStart;
      if (length === 0) return fail(`${quote(trimmed)} has an empty label`);
      if (length > MAX_LABEL)
        return fail(`${quote(trimmed)} has a label of ${length} characters (at most ${MAX_LABEL})`);
      if (labelHasStar) wildcardLabels++;
      if (i < end) {
        labelStart = i + 1;
        labelHasStar = false;
        labelAllDigits = true;
      }
    }
    if (end - start > MAX_NAME) {
      return fail(`${quote(trimmed)} is ${end - start} characters long (at most ${MAX_NAME})`);
    }
    if (wildcardLabels > 0 && lead === 'zeroOrMore') {
      return fail(`${quote(trimmed)} combines a leading dot with a wildcard`);
    }
    if (wildcardLabels > 1) return fail(`${quote(trimmed)} has more than one wildcard label`);
    if (labelAllDigits && !labelHasStar) {
      if (isIPv4(s.slice(start, end)))
        return fail(`${quote(trimmed)} is an IP address, not a host name`);
      return fail(`${quote(trimmed)} ends in an all-numeric label`);
    }

    if (
      lead === 'exact' &&
      !oneLabel &&
      s.charCodeAt(0) === 42 &&
      (end === 1 || s.charCodeAt(1) === 46)
    ) {
      return ok(
        new HostPattern(
          'oneOrMore',
          end === 1 ? '' : s.slice(2, end),
          end === s.length ? s : undefined,
        ),
      );
    }
    if (lead === 'exact' && wildcardLabels === 0 && options?.bareMeansSubtree) {
      return ok(new HostPattern('zeroOrMore', s.slice(0, end)));
    }
    const canonical = end === s.length ? s : s.slice(0, end);
    return ok(new HostPattern(lead, lead === 'exact' ? canonical : canonical.slice(1), canonical));
  }

  /** Parses text that is known to be valid (catalogue data, tests); throws otherwise. */
  static of(text: string, options?: ParseHostOptions): HostPattern {
    const parsed = HostPattern.parse(text, options);
    if (!parsed.ok) throw new Error(parsed.error);
    return parsed.value;
  }

  /** Whether the concrete name (no wildcards) is matched. */
  matches(name: string): boolean {
    const n = canonicalName(name);
    if (!this.isWildcard) return n === this.text;
    const base = this.base;
    if (base.length === this.text.length - 2 && this.lead === 'oneOrMore') {
      // `*.x`, the common case.
      return (
        n.length > base.length + 1 &&
        n.endsWith(base) &&
        n.charCodeAt(n.length - base.length - 1) === 46
      );
    }
    if (this.lead === 'zeroOrMore') {
      return n === base || (n.endsWith(base) && n.charCodeAt(n.length - base.length - 1) === 46);
    }
    const nameLabels = n.split('.');
    const k = this.labels.length;
    const extra = nameLabels.length - k;
    if (this.lead === 'exact' ? extra !== 0 : extra < minLead(this.lead)) return false;
    for (let i = 0; i < k; i++) {
      const label = nameLabels[extra + i]!;
      if (label === '' || !globMatches(this.labels[i]!, label)) return false;
    }
    for (let i = 0; i < extra; i++) if (nameLabels[i] === '') return false;
    return true;
  }

  /** full: every name `required` matches is matched by this; partial: some but not all; none: no name in common. */
  coverage(required: HostPattern): Coverage {
    if (this.covers(required)) return 'full';
    return this.intersects(required) ? 'partial' : 'none';
  }

  /** Every name `other` matches is matched by this (language containment). */
  covers(other: HostPattern): boolean {
    if (!other.isWildcard) return this.matches(other.text);
    if (!this.isWildcard) return false;
    // Every label count `other` allows must be allowed here.
    const otherMin = other.labels.length + minLead(other.lead);
    const thisMin = this.labels.length + minLead(this.lead);
    if (this.lead === 'exact') {
      if (other.lead !== 'exact' || otherMin !== thisMin) return false;
    } else if (otherMin < thisMin) {
      return false;
    }
    // Then, right-aligned, each of our label globs must contain what `other` allows at that position:
    // its own glob, or any label where its lead stands.
    const k = this.labels.length;
    const n = other.labels.length;
    for (let i = 1; i <= k; i++) {
      const mine = this.labels[k - i]!;
      if (i > n) {
        if (mine !== '*') return false;
      } else if (!globIncludes(mine, other.labels[n - i]!)) {
        return false;
      }
    }
    return true;
  }

  /** Some name is matched by both patterns. */
  intersects(other: HostPattern): boolean {
    if (!other.isWildcard) return this.matches(other.text);
    if (!this.isWildcard) return other.matches(this.text);
    const aMin = this.labels.length + minLead(this.lead);
    const bMin = other.labels.length + minLead(other.lead);
    // The label counts must overlap; beyond the shorter glob list one side is a lead, which takes any label.
    if (this.lead === 'exact' && other.lead === 'exact') {
      if (aMin !== bMin) return false;
    } else if (this.lead === 'exact') {
      if (aMin < bMin) return false;
    } else if (other.lead === 'exact') {
      if (bMin < aMin) return false;
    }
    const k = this.labels.length;
    const n = other.labels.length;
    for (let i = 1; i <= Math.min(k, n); i++) {
      if (!globIntersects(this.labels[k - i]!, other.labels[n - i]!)) return false;
    }
    return true;
  }

  /** Replace a wildcard label in the middle (`autodiscover.*.onmicrosoft.com`) by the tenant label. Unchanged if none. */
  withTenant(tenant: string): HostPattern {
    const index = this.labels.indexOf('*');
    if (index < 0) return this;
    const label = trimSpaces(tenant).toLowerCase();
    // Tenant names come from configuration, which the schema validates; a bad one here is a programming error.
    if (!/^[a-z0-9_-]{1,63}$/.test(label))
      throw new Error(`tenant ${quote(tenant)} is not a single DNS label`);
    const labels = [...this.labels];
    labels[index] = label;
    return new HostPattern(this.lead, labels.join('.'));
  }

  /**
   * Why this pattern is too broad to be an allowlist entry, or undefined: `*`, `*.com`, `.com`, `*.co.uk`, or any
   * wildcard/subtree whose base is a public suffix (ICANN or private section, via tldts). Private-section suffixes
   * count because each name under them belongs to a different owner (`*.cloudapp.net` admits every tenant's app).
   */
  overBreadth(): string | undefined {
    if (!this.isWildcard) return undefined;
    if (this.fixed === '') return `${quote(this.text)} matches every host name`;
    if (this.base === '') return `${quote(this.text)} leaves the top-level domain open`;
    if (this.#baseIsPublicSuffix()) {
      return `${quote(this.text)} matches names of any owner under the public suffix ${quote(this.base)}`;
    }
    return undefined;
  }

  /**
   * Registrable domain of the pattern's fixed part (ICANN section of the public suffix list), e.g. "sharepoint.com"
   * for "*.contoso.sharepoint.com"; undefined for public suffixes. ICANN only, so that Microsoft's own suffixes
   * that sit in the private section (`cloudapp.net`, `blob.core.windows.net`) still group under their domain.
   */
  registrableDomain(): string | undefined {
    const derived = (this.#derived ??= {});
    if (derived.registrable === undefined) {
      derived.registrable = this.base === '' ? null : getDomain(this.base, ICANN_ONLY);
    }
    return derived.registrable ?? undefined;
  }

  /** The text, except that Cilium's one-label `*.x` is told apart from `*.x` (one or more labels). */
  key(): string {
    return this.lead === 'exact' &&
      this.fixed.charCodeAt(0) === 42 &&
      this.fixed.charCodeAt(1) === 46
      ? `{1}${this.text.slice(1)}`
      : this.text;
  }

  toString(): string {
    return this.text;
  }

  /** Only listed suffixes count: tldts treats any unknown last label (`.corp`, `.local`) as a suffix too. */
  #baseIsPublicSuffix(): boolean {
    if ((this.#bits & SUFFIX_KNOWN) === 0) {
      const result = parseDomain(this.base, WITH_PRIVATE);
      const listed = result.isIcann === true || result.isPrivate === true;
      this.#bits |= SUFFIX_KNOWN | (listed && result.publicSuffix === this.base ? SUFFIX : 0);
    }
    return (this.#bits & SUFFIX) !== 0;
  }
}

/** Computed once per pattern when first needed; a star pattern's base at construction. */
interface Derived {
  base?: string;
  labels?: readonly string[];
  /** The registrable domain; null when there is none. */
  registrable?: string | null;
}

// HostPattern's bits: the lead, whether it is a wildcard, whether `fixed` has a star, and
// whether its base is a public suffix once that is known.
const EXACT = 0;
const ONE_OR_MORE = 1;
const ZERO_OR_MORE = 2;
const LEAD_MASK = 3;
const LEADS: readonly HostLead[] = ['exact', 'oneOrMore', 'zeroOrMore'];
const WILDCARD = 4;
const STAR = 8;
const SUFFIX_KNOWN = 16;
const SUFFIX = 32;

/** Orders patterns by key, for deterministic output. */
export function compareHostPatterns(a: HostPattern, b: HostPattern): number {
  return a.text < b.text ? -1 : a.text > b.text ? 1 : 0;
}

function minLead(lead: HostLead): number {
  return lead === 'oneOrMore' ? 1 : 0;
}

function quote(text: string): string {
  return `"${text.length > 80 ? `${text.slice(0, 77)}...` : text}"`;
}

function hasNonAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return true;
  return false;
}

function isDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return s.length > 0;
}

function isIPv4(s: string): boolean {
  const parts = s.split('.');
  return parts.length === 4 && parts.every((p) => isDigits(p) && p.length <= 3 && Number(p) <= 255);
}

const IDNA_DOTS = /[.\u3002\uff0e\uff61]/;
const NOT_HOST_CHAR = /[\s/:@*?#[\]\\]/;

/**
 * Converts labels written in Unicode to punycode, refusing those that IDNA would rewrite into
 * another name (see {@link deceptiveName}). Labels that also carry characters no host name may have are left
 * alone so that `explain` can name the real problem (a scheme, a path) instead of a failed conversion.
 */
function toAsciiLabels(s: string): Parsed<string> {
  // Split on "." only: a fullwidth or ideographic full stop is a dot to IDNA, not to a firewall.
  // An invisible character or a Unicode space anywhere is named first: it is what makes the
  // name another one, whatever else the name holds.
  const hidden = hiddenCharacter(s);
  if (hidden !== undefined) return fail(hidden);
  const labels = s.split('.');
  let checked = false;
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i]!;
    if (!hasNonAscii(label)) continue;
    if (label.includes('*') && !/[\s/:@]/.test(label)) {
      return fail(`${quote(s)} mixes a wildcard with non-ASCII characters in one label`);
    }
    if (NOT_HOST_CHAR.test(label)) continue;
    if (!checked) {
      checked = true;
      const deceptive = deceptiveName(s);
      if (deceptive !== undefined) return fail(deceptive);
    }
    const ascii = domainToASCII(label);
    if (ascii === '' || ascii.includes('.'))
      return fail(`${quote(s)} is not a valid internationalised domain name`);
    labels[i] = ascii;
  }
  return ok(labels.join('.'));
}

/** The precise reason text with a character outside the host-name alphabet is not a host pattern. */
function explain(original: string, s: string): string {
  const q = quote(original);
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(s);
  if (scheme) return `${q} has a scheme: remove "${scheme[0]}"`;
  const slash = s.indexOf('/');
  const address = slash < 0 ? s : s.slice(0, slash);
  const isRange = slash >= 0 && /^\d{1,3}$/.test(s.slice(slash + 1));
  const colonAt = address.indexOf(':');
  const beforePort =
    colonAt >= 0 && colonAt === address.lastIndexOf(':') ? address.slice(0, colonAt) : address;
  if (isIPv4(beforePort) || (address.includes(':') && ipaddr.IPv6.isValid(address))) {
    return `${q} is an IP ${isRange ? 'range' : 'address'}, not a host name`;
  }
  const space = /\s/.exec(s);
  if (space) return `${q} contains ${space[0] === ' ' ? 'a space' : 'whitespace'}`;
  if (slash >= 0) return `${q} has a path: remove "${s.slice(slash)}"`;
  const colon = s.indexOf(':');
  if (colon >= 0 && /^\d+$/.test(s.slice(colon + 1)))
    return `${q} has a port: remove "${s.slice(colon)}"`;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const allowed =
      (c >= 97 && c <= 122) ||
      (c >= 65 && c <= 90) ||
      (c >= 48 && c <= 57) ||
      c === 46 ||
      c === 45 ||
      c === 95;
    if (!allowed && c !== 42) {
      const ch = String.fromCodePoint(s.codePointAt(i)!);
      return `${q} contains "${ch}", which is not allowed in a host name`;
    }
  }
  return `${q} is not a host name`;
}

/** Lower case, no trailing dot, punycode: the form `matches` compares. */
function canonicalName(name: string): string {
  let n = name;
  if (hasNonAscii(n))
    n = n
      .split(IDNA_DOTS)
      .map((l) => (hasNonAscii(l) ? domainToASCII(l) || l : l))
      .join('.');
  for (let i = 0; i < n.length; i++) {
    const c = n.charCodeAt(i);
    if (c >= 65 && c <= 90) {
      n = n.toLowerCase();
      break;
    }
  }
  return n.length > 1 && n.endsWith('.') ? n.slice(0, -1) : n;
}

// ---- Label globs -------------------------------------------------------------------------------------------------
// A glob is a label in which `*` stands for zero or more characters (never a dot); consecutive stars are collapsed.
// Labels are never empty, so only non-empty strings belong to a glob's language.

/** Whether the non-empty label matches the glob (iterative, backtracking only to the last star). */
export function globMatches(glob: string, label: string): boolean {
  if (!glob.includes('*')) return glob === label;
  if (label === '') return false;
  let g = 0;
  let l = 0;
  let starG = -1;
  let starL = 0;
  while (l < label.length) {
    const gc = glob.charCodeAt(g);
    if (g < glob.length && gc === 42) {
      starG = g++;
      starL = l;
    } else if (g < glob.length && gc === label.charCodeAt(l)) {
      g++;
      l++;
    } else if (starG >= 0) {
      g = starG + 1;
      l = ++starL;
    } else {
      return false;
    }
  }
  while (g < glob.length && glob.charCodeAt(g) === 42) g++;
  return g === glob.length;
}

/** Whether every label `inner` matches is matched by `outer`. */
export function globIncludes(outer: string, inner: string): boolean {
  if (outer === inner || outer === '*') return true;
  if (!inner.includes('*')) return globMatches(outer, inner);
  if (!outer.includes('*')) return false; // `inner` matches infinitely many labels, `outer` one.
  const o = singleStar(outer);
  const i = singleStar(inner);
  // p1*s1 contains p2*s2 exactly when p1 starts p2 and s1 ends s2: a longer p1 would fix a character that `inner`
  // leaves free, and with both inside `inner`'s fixed parts they cannot overlap.
  if (o && i) return i[0].startsWith(o[0]) && i[1].endsWith(o[1]);
  // Cheap necessary conditions first: `outer`'s literal ends must be those of `inner` (shown
  // above for one star; the same argument holds for several), and `inner` with its stars
  // taken out is a label `outer` must match.
  const [op, os] = literalEnds(outer);
  const [ip, is] = literalEnds(inner);
  if (!ip.startsWith(op) || !is.endsWith(os)) return false;
  const shortest = inner.replace(/\*/g, '');
  if (shortest !== '' && !globMatches(outer, shortest)) return false;
  // Subset construction over both globs at once: a reachable pair where `inner` accepts and `outer` does not
  // is a label in `inner` but not in `outer`. Past the budget the answer is "not contained": the
  // entry is then not reported as redundant, which claims nothing false.
  const found = explore(
    inner,
    outer,
    (innerAccepts, outerAccepts) => innerAccepts && !outerAccepts,
  );
  return found === false;
}

/** Whether some label is matched by both globs. */
export function globIntersects(a: string, b: string): boolean {
  if (a === b || a === '*' || b === '*') return true;
  if (!a.includes('*')) return globMatches(b, a);
  if (!b.includes('*')) return globMatches(a, b);
  const sa = singleStar(a);
  const sb = singleStar(b);
  // Compatible prefixes and suffixes suffice: the longer prefix followed by the longer suffix is in both.
  if (sa && sb) return compatible(sa[0], sb[0], true) && compatible(sa[1], sb[1], false);
  // Past the budget the answer is "may share a label", the cautious one for the callers.
  return explore(a, b, (aAccepts, bAccepts) => aAccepts && bAccepts) !== false;
}

/** The literal text before the first star and after the last one. */
function literalEnds(glob: string): [string, string] {
  const first = glob.indexOf('*');
  if (first < 0) return [glob, glob];
  return [glob.slice(0, first), glob.slice(glob.lastIndexOf('*') + 1)];
}

/** Prefix and suffix around the only star of a glob, or undefined when it has none or several. */
function singleStar(glob: string): readonly [string, string] | undefined {
  const star = glob.indexOf('*');
  if (star < 0 || glob.indexOf('*', star + 1) >= 0) return undefined;
  return [glob.slice(0, star), glob.slice(star + 1)];
}

/** One string is a prefix (or suffix) of the other. */
function compatible(x: string, y: string, prefix: boolean): boolean {
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return prefix ? long.startsWith(short) : long.endsWith(short);
}

/** Characters a label may contain; the letters used by neither glob all behave alike, so one stands for them. */
const LABEL_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * Pairs of state sets {@link explore} visits at most. Globs with many stars can make the product
 * of their subset automata large (containment of such patterns is coNP-hard in general), and
 * one comparison must not cost seconds; real globs (`*cdn`, `a*-b*`) need a few dozen.
 */
export const EXPLORE_BUDGET = 2000;

/**
 * Breadth-first search over pairs of NFA state sets of two globs (state i = "i characters of the glob consumed"),
 * after at least one character; true when `found` holds for some reachable pair, undefined when
 * the search would visit more than {@link EXPLORE_BUDGET} pairs. Globs are at most 63 characters,
 * so sets fit comfortably in sorted arrays.
 */
function explore(
  a: string,
  b: string,
  found: (aAccepts: boolean, bAccepts: boolean) => boolean,
): boolean | undefined {
  const symbols: number[] = [];
  for (const ch of new Set(a + b)) if (ch !== '*') symbols.push(ch.charCodeAt(0));
  const other = [...LABEL_ALPHABET].find((ch) => !a.includes(ch) && !b.includes(ch));
  if (other !== undefined) symbols.push(other.charCodeAt(0));

  const startA = closure(a, [0]);
  const startB = closure(b, [0]);
  const seen = new Set<string>([`${startA}|${startB}`]);
  const queue: [number[], number[]][] = [[startA, startB]];
  for (let head = 0; head < queue.length; head++) {
    const [sa, sb] = queue[head]!;
    for (const c of symbols) {
      const na = step(a, sa, c);
      const nb = step(b, sb, c);
      if (found(na.includes(a.length), nb.includes(b.length))) return true;
      // Once both sets are empty nothing further is reachable; one empty side may still matter to `found`.
      if (na.length === 0 && nb.length === 0) continue;
      const key = `${na}|${nb}`;
      if (seen.has(key)) continue;
      if (seen.size >= EXPLORE_BUDGET) return undefined;
      seen.add(key);
      queue.push([na, nb]);
    }
  }
  return false;
}

function closure(glob: string, states: readonly number[]): number[] {
  const out = new Set<number>();
  for (let s of states) {
    out.add(s);
    while (s < glob.length && glob.charCodeAt(s) === 42) out.add(++s);
  }
  return [...out].sort((x, y) => x - y);
}

function step(glob: string, states: readonly number[], c: number): number[] {
  const next: number[] = [];
  for (const s of states) {
    if (s >= glob.length) continue;
    const g = glob.charCodeAt(s);
    if (g === 42) next.push(s);
    else if (g === c) next.push(s + 1);
  }
  return closure(glob, next);
}
