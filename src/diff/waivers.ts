import picomatch from 'picomatch';
import { RULES, type Finding } from '../model/finding.js';
import { formatLocation, type SourceLocation } from '../model/location.js';
import { findingValue } from './compare.js';

/** An `ignore:` item of the configuration. At least one of rule, value and path is given. */
export interface ConfigWaiver {
  readonly rule?: string;
  readonly value?: string;
  readonly path?: string;
  readonly reason: string;
  /** Last day (YYYY-MM-DD, UTC) on which the waiver holds. */
  readonly expires?: string;
  /** Where the item is written in the configuration file. */
  readonly origin?: SourceLocation;
}

/** Why a finding does not count. */
export interface Waiver {
  readonly source: 'config' | 'inline';
  readonly reason: string;
  /** The config item or the comment that waives. */
  readonly location: SourceLocation;
  readonly expires?: string;
}

export interface WaiverOutcome {
  /** The waiver of each finding, in the order given (undefined: not waived). */
  readonly waivers: readonly (Waiver | undefined)[];
  /** Expired and malformed waivers, as findings at the waiver. */
  readonly problems: readonly Finding[];
}

const INLINE = /endpoint-drift:\s*ignore\b(.*)$/im;

/** An inline waiver read from a comment, or what is wrong with it. */
export function parseInlineWaiver(
  comment: string,
): { rules: string[]; reason: string } | { error: string } | undefined {
  const m = INLINE.exec(comment);
  if (!m) return undefined;
  const rest = m[1]!;
  const sep = rest.indexOf('--');
  const rulesText = (sep === -1 ? rest : rest.slice(0, sep)).trim();
  const reason = sep === -1 ? '' : rest.slice(sep + 2).trim();
  const rules = rulesText.split(/[\s,]+/).filter(Boolean);
  if (rules.length === 0)
    return { error: 'names no rule: write "endpoint-drift: ignore <rule> -- <reason>"' };
  const unknown = rules.filter((r) => !(r in RULES));
  if (unknown.length > 0) return { error: `names unknown rule "${unknown[0]}"` };
  if (reason === '') return { error: `gives no reason: write "-- <reason>" after the rule` };
  return { rules, reason };
}

function sameValue(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/**
 * Applies the configuration's `ignore:` items and the inline comments
 * (`endpoint-drift: ignore <rule> -- <reason>`) attached to the entries. `comments` maps an
 * entry's `file:line:column` to its comment. A waiver past its `expires` date is reported and
 * no longer waives.
 */
export function applyWaivers(
  findings: readonly Finding[],
  config: readonly ConfigWaiver[],
  comments: ReadonlyMap<string, string>,
  today: string,
): WaiverOutcome {
  const problems: Finding[] = [];
  const at = (w: ConfigWaiver): SourceLocation =>
    w.origin ?? { file: 'configuration', line: 0, column: 0 };
  const active = config.filter((w) => {
    if (w.expires === undefined || w.expires >= today) return true;
    problems.push({
      ruleId: 'expired-waiver',
      severity: RULES['expired-waiver'].severity,
      message: `waiver expired on ${w.expires} and no longer applies (${w.reason}); renew it or fix the findings it covered`,
      location: at(w),
    });
    return false;
  });
  const matchers = active.map((w) => ({
    w,
    path: w.path !== undefined ? picomatch(w.path, { dot: true }) : undefined,
  }));
  // Nothing can waive: no per-finding work (a list of a million findings and no waiver).
  if (matchers.length === 0 && comments.size === 0)
    return { waivers: new Array<undefined>(findings.length).fill(undefined), problems };
  const inlineProblemSeen = new Set<string>();
  const waivers = findings.map((f): Waiver | undefined => {
    for (const { w, path } of matchers) {
      if (w.rule !== undefined && w.rule !== f.ruleId) continue;
      if (path && !path(f.location.file)) continue;
      if (w.value !== undefined) {
        const values = [f.entry, f.requirement?.pattern, findingValue(f)].filter(
          (v): v is string => v !== undefined,
        );
        if (!values.some((v) => sameValue(v, w.value!))) continue;
      }
      return {
        source: 'config',
        reason: w.reason,
        location: at(w),
        ...(w.expires !== undefined ? { expires: w.expires } : {}),
      };
    }
    if (f.location.line <= 0) return undefined;
    const key = formatLocation(f.location);
    const comment = comments.get(key);
    if (comment === undefined) return undefined;
    const parsed = parseInlineWaiver(comment);
    if (parsed === undefined) return undefined;
    if ('error' in parsed) {
      if (!inlineProblemSeen.has(key)) {
        inlineProblemSeen.add(key);
        problems.push({
          ruleId: 'invalid-waiver',
          severity: RULES['invalid-waiver'].severity,
          message: `inline waiver ${parsed.error}; it waives nothing`,
          location: f.location,
        });
      }
      return undefined;
    }
    if (!parsed.rules.includes(f.ruleId)) return undefined;
    return { source: 'inline', reason: parsed.reason, location: f.location };
  });
  return { waivers, problems };
}

/** Problems with the `ignore:` items themselves (an unknown rule, an impossible date). */
export function checkConfigWaivers(config: readonly ConfigWaiver[]): string[] {
  const out: string[] = [];
  for (const w of config) {
    const where = w.origin ? `${formatLocation(w.origin)}: ` : '';
    if (w.rule === undefined && w.value === undefined && w.path === undefined)
      out.push(`${where}ignore item would waive everything: give a rule, a value or a path`);
    if (w.rule !== undefined && !(w.rule in RULES))
      out.push(`${where}ignore names unknown rule "${w.rule}"`);
    if (w.expires !== undefined) {
      const d = new Date(`${w.expires}T00:00:00Z`);
      if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== w.expires)
        out.push(`${where}ignore "expires" is not a date: "${w.expires}"`);
    }
  }
  return out;
}
