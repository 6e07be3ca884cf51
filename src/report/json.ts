import type { Result } from '../diff/engine.js';
import { RULES, type Finding } from '../model/finding.js';

export const REPORT_VERSION = 1;

/** The JSON report (schemas/report.schema.json): stable field order, deterministic content. */
export function renderJson(result: Result, judged?: FindingJudgement): string {
  return [...renderJsonChunks(result, judged)].join('');
}

/** Findings serialised per chunk: about this many characters each. */
const CHUNK = 1 << 16;

/**
 * The same text as {@link renderJson}, in pieces of about 64 KB: a report of millions of
 * findings is written as it is serialised, never held (or stringified) as one string.
 */
export function* renderJsonChunks(result: Result, judged?: FindingJudgement): Generator<string> {
  const head = reportHead(result);
  if (result.findings.length === 0) {
    yield `${JSON.stringify({ ...head, findings: [] }, null, 2)}\n`;
    return;
  }
  const text = JSON.stringify(head, null, 2);
  let parts: string[] = [`${text.slice(0, -2)},\n  "findings": [\n`];
  let size = 0;
  for (let i = 0; i < result.findings.length; i++) {
    const f = result.findings[i]!;
    const extra = judged?.(f);
    const one =
      extra === undefined
        ? findingText(f)
        : `    ${JSON.stringify({ ...(toJsonFinding(f) as object), ...extra }, null, 2).replace(/\n/g, '\n    ')}`;
    if (i > 0) parts.push(',\n');
    parts.push(one);
    size += one.length;
    if (size >= CHUNK) {
      yield parts.join('');
      parts = [];
      size = 0;
    }
  }
  parts.push('\n  ]\n}\n');
  yield parts.join('');
}

const TITLES = new Map(Object.values(RULES).map((r) => [r.id, JSON.stringify(r.title)]));
const string = JSON.stringify;

/**
 * One finding exactly as `JSON.stringify(toJsonFinding(f), null, 2)` indented by four spaces
 * writes it, without building the object: a million findings are serialised several times
 * faster. Nested values (requirement) go through JSON.stringify.
 */
function findingText(f: Finding): string {
  let s = `    {\n      "ruleId": "${f.ruleId}",\n      "severity": "${f.severity}",\n      "title": ${TITLES.get(f.ruleId)},\n      "message": ${string(f.message)},\n      "file": ${fileText(f.location.file)},\n      "line": ${f.location.line},\n      "column": ${f.location.column}`;
  if (f.group !== undefined) s += `,\n      "group": ${groupText(f.group)}`;
  if (f.entry !== undefined) s += `,\n      "entry": ${string(f.entry)}`;
  if (f.requirement)
    s += `,\n      "requirement": ${JSON.stringify(f.requirement, null, 2).replace(/\n/g, '\n      ')}`;
  if (f.uncovered) s += `,\n      "uncovered": ${stringList(f.uncovered)}`;
  if (f.endpointSet !== undefined) s += `,\n      "endpointSet": ${string(f.endpointSet)}`;
  if (f.replacement) s += `,\n      "replacement": ${stringList(f.replacement)}`;
  return `${s}\n    }`;
}

/** `JSON.stringify` of a value that is mostly the same as the last one: a file, a group. */
function lastOne(): (value: string) => string {
  let last: string | undefined;
  let text = '';
  return (value) => {
    if (value !== last) {
      last = value;
      text = string(value);
    }
    return text;
  };
}

const fileText = lastOne();
const groupText = lastOne();

function stringList(items: readonly string[]): string {
  if (items.length === 0) return '[]';
  let s = '[';
  for (let i = 0; i < items.length; i++) s += `${i === 0 ? '' : ','}\n        ${string(items[i])}`;
  return `${s}\n      ]`;
}

/** What a pull request made of a finding (status against the base, waiver), when there is any. */
export type FindingJudgement = (f: Finding) => Record<string, unknown> | undefined;

export function toReport(result: Result, judged?: FindingJudgement): unknown {
  return {
    ...reportHead(result),
    findings: result.findings.map((f) => ({ ...(toJsonFinding(f) as object), ...judged?.(f) })),
  };
}

/** Everything of the report but its findings, which come last. */
function reportHead(result: Result): Record<string, unknown> {
  const { selection } = result.catalogue;
  return {
    reportVersion: REPORT_VERSION,
    tool: 'endpoint-drift',
    catalogue: {
      instance: result.catalogue.instance,
      dataDate: result.catalogue.dataDate,
      source: result.catalogue.source,
      origin: result.catalogue.origin,
      ...(result.catalogue.version ? { version: result.catalogue.version } : {}),
      ...(result.catalogue.fetchedAt ? { fetchedAt: result.catalogue.fetchedAt } : {}),
      selection: {
        serviceAreas: selection.serviceAreas,
        categories: selection.categories,
        includeOptional: selection.includeOptional,
        ipv6: selection.ipv6,
        ...(selection.tenant ? { tenant: selection.tenant } : {}),
        scenarios: selection.scenarios,
      },
      requirements: result.catalogue.requirements,
    },
    files: result.files.map((f) =>
      f.kind === 'dns'
        ? { path: f.path, format: f.format, kind: f.kind, records: f.entries }
        : {
            path: f.path,
            format: f.format,
            kind: f.kind,
            group: f.group,
            scope: f.scope,
            entries: f.entries,
          },
    ),
    summary: summarise(result.findings),
    notes: result.notes,
  };
}

function toJsonFinding(f: Finding): unknown {
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    title: RULES[f.ruleId].title,
    message: f.message,
    file: f.location.file,
    line: f.location.line,
    column: f.location.column,
    ...(f.group !== undefined ? { group: f.group } : {}),
    ...(f.entry !== undefined ? { entry: f.entry } : {}),
    ...(f.requirement ? { requirement: f.requirement } : {}),
    ...(f.uncovered ? { uncovered: f.uncovered } : {}),
    ...(f.endpointSet !== undefined ? { endpointSet: f.endpointSet } : {}),
    ...(f.replacement ? { replacement: f.replacement } : {}),
  };
}

export function summarise(findings: readonly Finding[]): {
  error: number;
  warning: number;
  notice: number;
  byRule: Record<string, number>;
} {
  // Counted in locals and a map: a million findings make no million keyed updates of an object.
  let error = 0;
  let warning = 0;
  let notice = 0;
  const byRule = new Map<string, number>();
  for (const f of findings) {
    if (f.severity === 'error') error++;
    else if (f.severity === 'warning') warning++;
    else notice++;
    byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
  }
  return {
    error,
    warning,
    notice,
    byRule: Object.fromEntries([...byRule].sort(([a], [b]) => (a < b ? -1 : 1))),
  };
}
