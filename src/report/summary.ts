import { CLOUD_NAMES, type Result } from '../diff/engine.js';
import { describeCatalogue } from './catalogue.js';
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
    `Catalogue: ${escapeMarkdown(describeCatalogue(c))}.`,
    '',
    `**${s.error}** errors, **${s.warning}** warnings, **${s.notice}** notices in ${result.files.length} file${result.files.length === 1 ? '' : 's'}.`,
    '',
    '| File | Format | Group | Scope | Entries |',
    '| --- | --- | --- | --- | ---: |',
    ...result.files.map((f) =>
      f.kind === 'dns'
        ? `| \`${f.path}\` | ${f.format} | DNS | | ${f.entries} records |`
        : `| \`${f.path}\` | ${f.format} | ${f.group} | ${f.scope} | ${f.entries} |`,
    ),
  ];
  if (result.findings.length > 0) {
    out.push('', '| Severity | Rule | Location | Message |', '| --- | --- | --- | --- |');
    for (const f of result.findings.slice(0, MAX_ROWS)) {
      const at = f.location.line > 0 ? `${f.location.file}:${f.location.line}` : f.location.file;
      out.push(`| ${f.severity} | \`${f.ruleId}\` | \`${at}\` | ${escapeCell(f.message)} |`);
    }
    if (result.findings.length > MAX_ROWS)
      out.push('', `${result.findings.length - MAX_ROWS} more findings are in the JSON report.`);
  }
  for (const note of result.notes) out.push('', `> ${escapeCell(note)}`);
  return `${out.join('\n')}\n`;
}

/** Text of a committed file in Markdown: every character that could format, link or embed HTML. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]()<>|~#!&]/g, (ch) => `\\${ch}`).replace(/\n/g, ' ');
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
