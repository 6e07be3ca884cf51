import type { Result } from '../diff/engine.js';
import { severityRank, type Severity } from '../model/finding.js';
import { plainText } from './escape.js';

export interface Annotation {
  readonly level: 'error' | 'warning' | 'notice';
  readonly message: string;
  readonly title: string;
  readonly file: string;
  readonly startLine?: number;
  readonly startColumn?: number;
}

/**
 * One workflow annotation per finding at or above `minSeverity`, at its file and line (file-level
 * when there is no line).
 */
export function renderAnnotations(result: Result, minSeverity: Severity = 'notice'): Annotation[] {
  const min = severityRank(minSeverity);
  return result.findings
    .filter((f) => severityRank(f.severity) >= min)
    .map((f) => ({
      level: f.severity,
      message: plainText(f.message),
      title: f.ruleId,
      file: f.location.file,
      ...(f.location.line > 0
        ? { startLine: f.location.line, startColumn: f.location.column }
        : {}),
    }));
}
