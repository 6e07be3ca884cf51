import { CLOUD_NAMES, type Result } from '../diff/engine.js';
import { describeCatalogue } from './catalogue.js';
import type { Severity } from '../model/finding.js';
import { count, groupFindings, groupHeadline, totalLine } from './group.js';
import { inlineCode, markdownText, tableCell } from './escape.js';
import { summarise } from './json.js';

const MAX_ROWS = 200;

export interface SummaryOptions {
  /** One row per finding instead of one per endpoint set. */
  readonly verbose?: boolean;
  /** Findings below this severity are counted, not shown. */
  readonly minSeverity?: Severity;
}

/**
 * Markdown for the job summary: totals, the files read, then per file the findings grouped by rule
 * and endpoint set (most severe first), and a total per rule.
 */
export function renderSummary(result: Result, options: SummaryOptions = {}): string {
  const s = summarise(result.findings);
  const c = result.catalogue;
  const out: string[] = [
    '## endpoint-drift',
    '',
    `${CLOUD_NAMES[c.selection.instance]} catalogue, data ${c.dataDate}; service areas ${c.selection.serviceAreas.join(', ')}; ` +
      `categories ${c.selection.categories.join(', ')}${c.selection.includeOptional ? '; optional sets included' : ''}.`,
    '',
    `Catalogue: ${tableCell(describeCatalogue(c))}.`,
    '',
    `**${s.error}** error${s.error === 1 ? '' : 's'}, **${s.warning}** warning${s.warning === 1 ? '' : 's'}, ` +
      `**${s.notice}** notice${s.notice === 1 ? '' : 's'} in ${count(result.files.length, 'file')}.`,
    '',
    '| File | Format | Group | Scope | Entries |',
    '| --- | --- | --- | --- | ---: |',
    ...result.files.map((f) =>
      f.kind === 'dns'
        ? `| ${inlineCode(f.path)} | ${tableCell(f.format)} | DNS | | ${f.entries} records |`
        : `| ${inlineCode(f.path)} | ${tableCell(f.format)} | ${tableCell(f.group)} | ${f.scope} | ${f.entries} |`,
    ),
  ];
  const grouped = groupFindings(result.findings, {
    ...(options.minSeverity ? { minSeverity: options.minSeverity } : {}),
  });
  let rows = 0;
  let left = 0;
  for (const { file, groups } of grouped.files) {
    out.push(
      '',
      `### ${inlineCode(file)}`,
      '',
      '| Severity | Rule | Location | Finding |',
      '| --- | --- | --- | --- |',
    );
    for (const g of groups) {
      const headline = options.verbose ? undefined : groupHeadline(g);
      const items =
        headline !== undefined
          ? [{ f: g.findings[0]!, text: headline }]
          : g.findings.map((f) => ({ f, text: f.message }));
      for (const { f, text } of items) {
        if (rows >= MAX_ROWS) {
          left++;
          continue;
        }
        rows++;
        const at = f.location.line > 0 ? `${f.location.file}:${f.location.line}` : f.location.file;
        out.push(`| ${f.severity} | \`${f.ruleId}\` | ${inlineCode(at)} | ${tableCell(text)} |`);
      }
    }
  }
  if (left > 0) out.push('', `${left} more rows are in the JSON report.`);
  if (grouped.totals.length > 0) {
    out.push('', '**Per rule:**', '');
    for (const t of grouped.totals) out.push(`- ${tableCell(totalLine(t))}`);
  }
  const hidden = (['warning', 'notice'] as const)
    .filter((sev) => grouped.hidden[sev] > 0)
    .map((sev) => count(grouped.hidden[sev], sev));
  if (hidden.length > 0)
    out.push('', `${hidden.join(' and ')} below \`${options.minSeverity}\` not shown.`);
  for (const note of result.notes) out.push('', `> ${markdownText(note)}`);
  return `${out.join('\n')}\n`;
}

/** Text from files is attacker-written on a pull request: nothing in it may become Markdown or HTML. */
export function escapeCell(text: string): string {
  return text
    .replace(/\r?\n|\r/g, ' ')
    .replace(/[\\`*_{}[\]()#+!|<>~]/g, (ch) => `\\${ch}`)
    .replace(/&/g, '&amp;')
    .replace(/@/g, '&#64;');
}
