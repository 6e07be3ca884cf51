import { CLOUD_NAMES, type Result } from '../diff/engine.js';
import { inlineCode, markdownText, tableCell } from './escape.js';
import { summarise } from './json.js';

const MAX_ROWS = 200;

/** Markdown for the job summary: totals, the files read, and the findings as a table. */
export function renderSummary(result: Result): string {
  const s = summarise(result.findings);
  const c = result.catalogue;
  const out: string[] = [
    '## endpoint-drift',
    '',
    `${CLOUD_NAMES[c.selection.instance]} catalogue, data ${c.dataDate}; service areas ${c.selection.serviceAreas.join(', ')}; ` +
      `categories ${c.selection.categories.join(', ')}${c.selection.includeOptional ? '; optional sets included' : ''}.`,
    '',
    `**${s.error}** errors, **${s.warning}** warnings, **${s.notice}** notices in ${result.files.length} file${result.files.length === 1 ? '' : 's'}.`,
    '',
    '| File | Format | Group | Scope | Entries |',
    '| --- | --- | --- | --- | ---: |',
    ...result.files.map((f) =>
      f.kind === 'dns'
        ? `| ${inlineCode(f.path)} | ${tableCell(f.format)} | DNS | | ${f.entries} records |`
        : `| ${inlineCode(f.path)} | ${tableCell(f.format)} | ${tableCell(f.group)} | ${f.scope} | ${f.entries} |`,
    ),
  ];
  if (result.findings.length > 0) {
    out.push('', '| Severity | Rule | Location | Message |', '| --- | --- | --- | --- |');
    for (const f of result.findings.slice(0, MAX_ROWS)) {
      const at = f.location.line > 0 ? `${f.location.file}:${f.location.line}` : f.location.file;
      out.push(`| ${f.severity} | \`${f.ruleId}\` | ${inlineCode(at)} | ${tableCell(f.message)} |`);
    }
    if (result.findings.length > MAX_ROWS)
      out.push('', `${result.findings.length - MAX_ROWS} more findings are in the JSON report.`);
  }
  for (const note of result.notes) out.push('', `> ${markdownText(note)}`);
  return `${out.join('\n')}\n`;
}
