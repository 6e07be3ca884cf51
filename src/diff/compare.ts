import type { Finding } from '../model/finding.js';

/** A finding on the pull request's head, against the base: `new`, `pre-existing`, or `unknown` when no base was compared. */
export type FindingStatus = 'new' | 'pre-existing' | 'unknown';

/**
 * What a finding is about: an entry as written, a required pattern, or (for findings about a
 * whole record set) the message with its positions taken out. Lines are not part of it, so an
 * edit above a finding does not make it new.
 */
export function findingValue(f: Finding): string {
  if (f.entry !== undefined) return f.entry;
  if (f.requirement) return `${f.requirement.kind}:${f.requirement.pattern}`;
  return f.message.replace(/\b(?:lines?|at) \d+(?::\d+)?\b/g, '').replace(/:\d+(?::\d+)?\b/g, '');
}

/** The identity of a finding: rule, file and value. Used for new/fixed and SARIF fingerprints. */
export function findingIdentity(f: Finding): string {
  return `${f.ruleId}\u0000${f.location.file}\u0000${findingValue(f)}`;
}

export interface Comparison {
  /** Status of each head finding, in the order given. */
  readonly status: readonly Exclude<FindingStatus, 'unknown'>[];
  /** Base findings with no counterpart on the head. */
  readonly fixed: readonly Finding[];
}

/**
 * Matches head findings to base findings by identity, counting duplicates: an entry written twice
 * on the base and three times on the head gives one new finding.
 */
export function compareFindings(head: readonly Finding[], base: readonly Finding[]): Comparison {
  const pool = new Map<string, Finding[]>();
  for (const f of base) {
    const id = findingIdentity(f);
    const list = pool.get(id);
    if (list) list.push(f);
    else pool.set(id, [f]);
  }
  const status = head.map((f) => {
    const list = pool.get(findingIdentity(f));
    if (list && list.length > 0) {
      list.shift();
      return 'pre-existing' as const;
    }
    return 'new' as const;
  });
  const fixed = base.filter((f) => (pool.get(findingIdentity(f)) ?? []).includes(f));
  return { status, fixed };
}
