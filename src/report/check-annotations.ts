import type { Assessed, Assessment } from '../diff/assess.js';
import { severityRank } from '../model/finding.js';
import { truncate } from './markdown.js';

/** A check-run annotation as the Checks API takes it. */
export interface CheckAnnotation {
  readonly path: string;
  readonly start_line: number;
  readonly end_line: number;
  readonly start_column?: number;
  readonly end_column?: number;
  readonly annotation_level: 'failure' | 'warning' | 'notice';
  readonly title: string;
  readonly message: string;
}

/** How many annotations one check run carries; the rest are counted in its summary. */
export const MAX_CHECK_ANNOTATIONS = 1000;

const LEVEL = { error: 'failure', warning: 'warning', notice: 'notice' } as const;

function rank(x: Assessed): number {
  return (x.status === 'pre-existing' ? 0 : 10) + severityRank(x.finding.severity);
}

/**
 * One annotation per finding that is not waived (title = rule id), new and severe ones first
 * so that a cap drops pre-existing notices before anything else.
 */
export function renderCheckAnnotations(
  a: Assessment,
  max = MAX_CHECK_ANNOTATIONS,
): { annotations: CheckAnnotation[]; total: number } {
  const open = a.findings.filter((x) => !x.waiver);
  const ordered = open
    .map((x, i) => ({ x, i }))
    .sort((p, q) => rank(q.x) - rank(p.x) || p.i - q.i)
    .map((p) => p.x);
  const annotations = ordered.slice(0, max).map(({ finding: f, status }) => {
    const line = Math.max(1, f.location.line);
    return {
      path: f.location.file,
      start_line: line,
      end_line: line,
      ...(f.location.line > 0 && f.location.column > 0
        ? { start_column: f.location.column, end_column: f.location.column }
        : {}),
      annotation_level: LEVEL[f.severity],
      title: f.ruleId,
      message: truncate(`${status === 'new' ? '[new] ' : ''}${f.message}`, 4000),
    };
  });
  return { annotations, total: open.length };
}
