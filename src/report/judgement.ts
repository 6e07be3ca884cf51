import type { Assessment } from '../diff/assess.js';
import type { Finding } from '../model/finding.js';
import type { FindingJudgement } from './json.js';

/** The JSON report's `status` and `waiver` of each finding, from the assessment. */
export function judgementOf(a: Assessment): FindingJudgement {
  const byFinding = new Map(a.findings.map((x) => [x.finding, x]));
  return (f: Finding) => {
    const x = byFinding.get(f);
    if (!x) return undefined;
    return {
      ...(x.status !== 'unknown' ? { status: x.status } : {}),
      ...(x.waiver
        ? {
            waiver: {
              source: x.waiver.source,
              reason: x.waiver.reason,
              file: x.waiver.location.file,
              line: x.waiver.location.line,
              ...(x.waiver.expires !== undefined ? { expires: x.waiver.expires } : {}),
            },
          }
        : {}),
    };
  };
}
