import type { FailOn } from '../config/options.js';
import { severityRank, type Finding } from '../model/finding.js';
import { formatLocation } from '../model/location.js';
import { compareFindings, findingValue, type FindingStatus } from './compare.js';
import { findingOrder, type Result } from './engine.js';
import { applyWaivers, type ConfigWaiver, type Waiver } from './waivers.js';

/** A head finding with what the pull request and the waivers make of it. */
export interface Assessed {
  readonly finding: Finding;
  readonly status: FindingStatus;
  readonly waiver?: Waiver;
}

/** Where the base findings came from, or why there are none. */
export type BaseComparison =
  | { readonly compared: true; readonly sha: string; readonly source: 'git' | 'api' }
  | { readonly compared: false; readonly reason: string };

export interface Verdict {
  readonly failed: boolean;
  /** The findings that decided a failure (empty when it passes). */
  readonly deciding: readonly Assessed[];
  /** One line for the log, the check run title and the failure. */
  readonly message: string;
}

/** The one value the pull-request reporters render: the Result, judged against base, waivers and policy. */
export interface Assessment {
  readonly result: Result;
  readonly findings: readonly Assessed[];
  readonly fixed: readonly Finding[];
  readonly base: BaseComparison;
  readonly failOn: FailOn;
  readonly onlyNew: boolean;
  readonly verdict: Verdict;
}

export interface AssessInput {
  readonly result: Result;
  /** Findings of the same check on the base, when it was compared. */
  readonly baseFindings?: readonly Finding[];
  readonly base: BaseComparison;
  readonly failOn: FailOn;
  readonly onlyNew: boolean;
  readonly ignore: readonly ConfigWaiver[];
  readonly comments: ReadonlyMap<string, string>;
  /** Today as YYYY-MM-DD (UTC), for waiver expiry. */
  readonly today: string;
}

const LISTED = 5;

export function assess(input: AssessInput): Assessment {
  const head = input.result.findings;
  const comparison =
    input.base.compared && input.baseFindings
      ? compareFindings(head, input.baseFindings)
      : undefined;
  const waived = applyWaivers(head, input.ignore, input.comments, input.today);
  // By position, not in maps keyed by finding: a million findings make no million-entry maps.
  const judged: Assessed[] = new Array<Assessed>(head.length);
  for (let i = 0; i < head.length; i++) {
    const finding = head[i]!;
    const status = comparison?.status[i] ?? 'unknown';
    const waiver = waived.waivers[i];
    judged[i] = waiver ? { finding, status, waiver } : { finding, status };
  }
  // Problems with waivers are about today's configuration, not about the pull request.
  const findings = withProblems(judged, waived.problems);
  const all = findings === judged ? head : findings.map((a) => a.finding);
  const verdict = decide(findings, input.failOn, input.onlyNew, input.base.compared);
  return {
    result: all === head ? input.result : { ...input.result, findings: all },
    findings,
    fixed: comparison?.fixed ?? [],
    base: input.base,
    failOn: input.failOn,
    onlyNew: input.onlyNew,
    verdict,
  };
}

/**
 * The head findings with the waiver problems in `sortFindings` order. The head is sorted
 * already (the engine sorts it), so the few problems are merged in; an unsorted head is sorted
 * whole, as `sortFindings([...head, ...problems])` would.
 */
function withProblems(head: Assessed[], problems: readonly Finding[]): Assessed[] {
  const sorted = isSorted(head);
  if (problems.length === 0 && sorted) return head;
  const extra = problems.map((finding): Assessed => ({ finding, status: 'unknown' }));
  if (!sorted) {
    const all = [...head, ...extra];
    const order = Array.from(all, (_, i) => i);
    order.sort((x, y) => findingOrder(all[x]!.finding, all[y]!.finding) || x - y);
    return order.map((i) => all[i]!);
  }
  extra.sort((a, b) => findingOrder(a.finding, b.finding));
  const out: Assessed[] = [];
  let j = 0;
  for (const a of head) {
    while (j < extra.length && findingOrder(extra[j]!.finding, a.finding) < 0)
      out.push(extra[j++]!);
    out.push(a);
  }
  while (j < extra.length) out.push(extra[j++]!);
  return out;
}

function isSorted(list: readonly Assessed[]): boolean {
  for (let i = 1; i < list.length; i++)
    if (findingOrder(list[i - 1]!.finding, list[i]!.finding) > 0) return false;
  return true;
}

/** Which findings fail the check: at or above fail-on, not waived, and new when only-new holds. */
export function decide(
  findings: readonly Assessed[],
  failOn: FailOn,
  onlyNew: boolean,
  compared: boolean,
): Verdict {
  if (failOn === 'never')
    return {
      failed: false,
      deciding: [],
      message: 'fail-on is never: findings do not fail the check',
    };
  const threshold = severityRank(failOn);
  const atOrAbove = findings.filter(
    (a) => !a.waiver && severityRank(a.finding.severity) >= threshold,
  );
  const deciding =
    onlyNew && compared ? atOrAbove.filter((a) => a.status !== 'pre-existing') : atOrAbove;
  const waived = findings.filter((a) => a.waiver).length;
  const preExisting = atOrAbove.length - deciding.length;
  const tail = [
    preExisting > 0
      ? `${plural(preExisting, 'pre-existing finding')} at or above ${failOn} left out by only-new`
      : '',
    waived > 0 ? `${plural(waived, 'waived finding')} not counted` : '',
    onlyNew && !compared ? 'only-new could not compare with the base, so every finding counts' : '',
  ].filter(Boolean);
  if (deciding.length === 0) {
    return {
      failed: false,
      deciding,
      message: `no ${onlyNew && compared ? 'new ' : ''}finding at or above ${failOn}${tail.length ? ` (${tail.join('; ')})` : ''}`,
    };
  }
  const listed = deciding
    .slice(0, LISTED)
    .map(
      (a) =>
        `${a.finding.ruleId} at ${formatLocation(a.finding.location)} (${findingValue(a.finding)})`,
    );
  const more = deciding.length > LISTED ? `, and ${deciding.length - LISTED} more` : '';
  const kind = onlyNew && compared ? 'new ' : '';
  return {
    failed: true,
    deciding,
    message: `${plural(deciding.length, `${kind}finding`)} at or above ${failOn} decided the result: ${listed.join(', ')}${more}${tail.length ? ` (${tail.join('; ')})` : ''}`,
  };
}

export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
