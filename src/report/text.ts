import { CLOUD_NAMES, type Result } from '../diff/engine.js';
import type { Finding, Severity } from '../model/finding.js';
import { formatLocation } from '../model/location.js';
import { describeCatalogue } from './catalogue.js';
import { plainText } from './escape.js';
import { count, groupFindings, groupHeadline, totalLine } from './group.js';
import { summarise } from './json.js';

export interface TextOptions {
  readonly color?: boolean;
  /** List every finding on its own line instead of one line per endpoint set. */
  readonly verbose?: boolean;
  /** Findings below this severity are counted, not shown. */
  readonly minSeverity?: Severity;
}

/** Findings of an entry rule shown per file before "… and N more". */
const MAX_PER_GROUP = 5;

/**
 * Text for a terminal or a CI log: per file, most severe first, the findings of one rule and
 * endpoint set on one line (`--verbose`: one line each), then a total per rule.
 */
export function renderText(result: Result, options: TextOptions = {}): string {
  return [...renderTextChunks(result, options)].join('');
}

/** The same text as {@link renderText}, in pieces of about 64 KB, written as it is made. */
export function* renderTextChunks(result: Result, options: TextOptions = {}): Generator<string> {
  const paint = options.color ? ansi : plain;
  let chunk = '';
  const lines = {
    push(...more: string[]): void {
      for (const line of more) chunk += `${line}\n`;
    },
  };
  const { catalogue } = result;
  lines.push(
    `endpoint-drift: ${CLOUD_NAMES[catalogue.selection.instance]} catalogue (data ${catalogue.dataDate}), ` +
      `${catalogue.requirements.hosts} host and ${catalogue.requirements.ips} address requirements; ` +
      `${count(result.files.length, 'file')}, ` +
      `${count(
        result.files.reduce((n, f) => n + f.entries, 0),
        'entry',
      )}`,
    `catalogue: ${describeCatalogue(catalogue)}`,
  );
  const grouped = groupFindings(result.findings, {
    ...(options.minSeverity ? { minSeverity: options.minSeverity } : {}),
  });
  // Names and messages come from the checked files: no control sequence reaches the terminal.
  const line = (f: Finding, message = f.message) =>
    `  ${plainText(formatLocation(f.location))}  ${paint[f.severity](f.severity.padEnd(7))} ${f.ruleId}  ${plainText(message)}`;
  for (const { file, groups } of grouped.files) {
    lines.push('', paint.bold(plainText(file)));
    for (const g of groups) {
      if (chunk.length >= 1 << 16) {
        yield chunk;
        chunk = '';
      }
      const headline = options.verbose ? undefined : groupHeadline(g);
      if (headline !== undefined) {
        lines.push(line(g.findings[0]!, headline));
        continue;
      }
      const shown =
        options.verbose || g.findings.length <= MAX_PER_GROUP + 1
          ? g.findings
          : g.findings.slice(0, MAX_PER_GROUP);
      for (const f of shown) {
        lines.push(line(f));
        if (chunk.length >= 1 << 16) {
          yield chunk;
          chunk = '';
        }
      }
      if (shown.length < g.findings.length)
        lines.push(
          `  … and ${g.findings.length - shown.length} more ${g.ruleId} ${g.severity}s (--verbose lists them)`,
        );
    }
  }
  for (const note of result.notes) lines.push('', `note: ${plainText(note)}`);
  // A total per rule closes the report, so the size of each problem is read in one place.
  if (grouped.totals.length > 0) {
    lines.push('');
    for (const t of grouped.totals) lines.push(totalLine(t));
  }
  const s = summarise(result.findings);
  const hidden = (['warning', 'notice'] as const)
    .filter((sev) => grouped.hidden[sev] > 0)
    .map((sev) => count(grouped.hidden[sev], sev));
  lines.push(
    '',
    `${count(s.error, 'error')}, ${count(s.warning, 'warning')}, ${count(s.notice, 'notice')}` +
      (hidden.length > 0
        ? ` (${hidden.join(' and ')} not shown: --min-severity ${options.minSeverity})`
        : ''),
  );
  yield chunk;
}

type Painter = Record<'bold' | 'error' | 'warning' | 'notice', (s: string) => string>;
const plain: Painter = { bold: (s) => s, error: (s) => s, warning: (s) => s, notice: (s) => s };
const ansi: Painter = {
  bold: (s) => `\u001b[1m${s}\u001b[22m`,
  error: (s) => `\u001b[31m${s}\u001b[39m`,
  warning: (s) => `\u001b[33m${s}\u001b[39m`,
  notice: (s) => `\u001b[36m${s}\u001b[39m`,
};
