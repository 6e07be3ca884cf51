import {
  severityRank,
  SEVERITIES,
  type Finding,
  type RuleId,
  type Severity,
} from '../model/finding.js';
import { compareLocations } from '../model/location.js';

/** Findings of one rule, at one severity, for one endpoint set (or for entries, which have none), in one file. */
export interface FindingGroup {
  readonly ruleId: RuleId;
  readonly severity: Severity;
  /** The endpoint sets and ports the findings' requirement belongs to ("Common set 56 Allow (TCP 80,443)"). */
  readonly endpointSet?: string;
  /** In file order. */
  readonly findings: readonly Finding[];
}

export interface FileGroups {
  readonly file: string;
  /** Most severe first; then by rule, then by the first finding's location. */
  readonly groups: readonly FindingGroup[];
}

export interface RuleTotal {
  readonly ruleId: RuleId;
  readonly error: number;
  readonly warning: number;
  readonly notice: number;
}

/** What the text report, the job summary and pull-request comments render. */
export interface GroupedFindings {
  readonly files: readonly FileGroups[];
  /** One row per rule that has shown findings, most severe first. */
  readonly totals: readonly RuleTotal[];
  /** Findings below the minimum severity, left out of `files` and `totals`. */
  readonly hidden: Readonly<Record<Severity, number>>;
}

export interface GroupOptions {
  /** Findings below this severity are counted in `hidden` and not shown. Default: notice (all). */
  readonly minSeverity?: Severity;
}

/**
 * Groups findings per file, then per rule and endpoint set, most severe first. Pure: the input
 * order does not matter and the output is deterministic.
 */
export function groupFindings(
  findings: readonly Finding[],
  options: GroupOptions = {},
): GroupedFindings {
  const min = severityRank(options.minSeverity ?? 'notice');
  const hidden: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };
  const byFile = new Map<string, Map<string, Finding[]>>();
  const totals = new Map<RuleId, { error: number; warning: number; notice: number }>();
  for (const f of findings) {
    if (severityRank(f.severity) < min) {
      hidden[f.severity]++;
      continue;
    }
    let groups = byFile.get(f.location.file);
    if (!groups) byFile.set(f.location.file, (groups = new Map()));
    const key = `${f.ruleId}\u0000${f.severity}\u0000${f.endpointSet ?? ''}`;
    const list = groups.get(key);
    if (list) list.push(f);
    else groups.set(key, [f]);
    let t = totals.get(f.ruleId);
    if (!t) totals.set(f.ruleId, (t = { error: 0, warning: 0, notice: 0 }));
    t[f.severity]++;
  }
  const files = [...byFile.keys()].sort().map((file) => ({
    file,
    groups: [...byFile.get(file)!.values()]
      .map((list) => {
        const sorted = [...list].sort(byLocation);
        const first = sorted[0]!;
        return {
          ruleId: first.ruleId,
          severity: first.severity,
          ...(first.endpointSet !== undefined ? { endpointSet: first.endpointSet } : {}),
          findings: sorted,
        };
      })
      .sort(
        (a, b) =>
          severityRank(b.severity) - severityRank(a.severity) ||
          compareText(a.ruleId, b.ruleId) ||
          byLocation(a.findings[0]!, b.findings[0]!) ||
          compareText(a.endpointSet ?? '', b.endpointSet ?? ''),
      ),
  }));
  return {
    files,
    totals: [...totals]
      .map(([ruleId, t]) => ({ ruleId, ...t }))
      .sort(
        (a, b) =>
          worst(b) - worst(a) ||
          b.error + b.warning + b.notice - (a.error + a.warning + a.notice) ||
          compareText(a.ruleId, b.ruleId),
      ),
    hidden,
  };
}

/** What one finding is about: the required pattern or prefix, else the entry as written. */
export function subject(f: Finding): string {
  return f.requirement?.pattern ?? f.entry ?? f.message;
}

/**
 * One line for a group of findings of one endpoint set: "18 names and 12 prefixes missing:
 * login.microsoftonline.com, … and 26 more". Undefined for groups that are better listed one by one
 * (a single finding, or findings about entries).
 */
export function groupHeadline(g: FindingGroup, max = 4): string | undefined {
  if (g.findings.length < 2 || g.endpointSet === undefined) return undefined;
  let names = 0;
  let prefixes = 0;
  for (const f of g.findings) {
    if (f.requirement?.kind === 'ip') prefixes++;
    else names++;
  }
  const what = [
    names > 0 ? `${names} name${names === 1 ? '' : 's'}` : '',
    prefixes > 0 ? `${prefixes} prefix${prefixes === 1 ? '' : 'es'}` : '',
  ]
    .filter(Boolean)
    .join(' and ');
  const verb = VERBS[g.ruleId] ?? 'reported';
  return `${g.endpointSet}: ${what} ${verb}: ${listSome(g.findings.map(subject), max)}`;
}

/** How a headline says what happened to the requirements of a set. */
const VERBS: Partial<Record<RuleId, string>> = {
  'missing-endpoint': 'missing',
  'partially-covered': 'only partly allowed',
};

/** One line per rule: "missing-endpoint: 3 errors, 12 warnings". */
export function totalLine(t: RuleTotal): string {
  const parts = SEVERITIES.filter((s) => t[s] > 0).map((s) => count(t[s], s));
  return `${t.ruleId}: ${parts.join(', ')}`;
}

/** "1 error", "2 warnings", "1 entry", "3 entries". */
export function count(n: number, noun: string): string {
  if (n === 1) return `1 ${noun}`;
  return `${n} ${noun.endsWith('y') ? `${noun.slice(0, -1)}ies` : `${noun}s`}`;
}

export function listSome(items: readonly string[], max = 4): string {
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')}, … and ${items.length - max} more`;
}

function worst(t: RuleTotal): number {
  return t.error > 0 ? 3 : t.warning > 0 ? 2 : 1;
}

function byLocation(a: Finding, b: Finding): number {
  return (
    compareLocations(a.location, b.location) ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.message, b.message)
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
