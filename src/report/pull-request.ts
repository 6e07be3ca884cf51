import type { Assessed, Assessment } from '../diff/assess.js';
import { plural } from '../diff/assess.js';
import type { CoverageMatrix } from '../diff/coverage.js';
import { CLOUD_NAMES } from '../diff/engine.js';
import { SEVERITIES, type Finding } from '../model/finding.js';
import { formatLocation } from '../model/location.js';
import { describeCatalogue } from './catalogue.js';
import { blobUrl, code, link, text, utf8Length } from './markdown.js';
import { append } from '../model/collections.js';

/** Hidden marker by which the sticky comment is found again. */
export const COMMENT_MARKER = '<!-- endpoint-drift:sticky-comment -->';
/** GitHub's limits: comment and check-run text 65,536 characters; step summary 1 MiB. */
export const COMMENT_LIMIT = 65_536;
export const CHECK_TEXT_LIMIT = 65_535;
export const SUMMARY_LIMIT = 1024 * 1024;

export interface ReportContext {
  /** Links to lines at the head commit, when the repository is known. */
  readonly links?: {
    readonly serverUrl: string;
    readonly repository: string;
    readonly sha: string;
  };
  readonly coverage?: readonly CoverageMatrix[];
  /** Outputs that were not written, each with why (e.g. a read-only token). */
  readonly skipped?: readonly string[];
  /** Where the complete findings are, for the line that says what was cut. */
  readonly elsewhere?: readonly string[];
  /** Remarks about this output itself (e.g. how many annotations it carries). */
  readonly remarks?: readonly string[];
  /** Links to the other outputs of the run (check run, SARIF). */
  readonly outputs?: readonly string[];
}

type Detail = 'all' | 'new-first';

const ICON = { error: '🔴', warning: '🟠', notice: '🔵' } as const;
const STATUS_TEXT = { new: '**new**', 'pre-existing': 'pre-existing', unknown: '' } as const;

function where(f: Finding, ctx: ReportContext): string {
  const at = f.location.line > 0 ? `${f.location.line}:${f.location.column}` : 'file';
  if (!ctx.links) return at;
  return `[${at}](${blobUrl(ctx.links.serverUrl, ctx.links.repository, ctx.links.sha, f.location.file, f.location.line)})`;
}

function counts(a: Assessment): string {
  const by = { error: 0, warning: 0, notice: 0 };
  for (const x of a.findings) if (!x.waiver) by[x.finding.severity]++;
  const parts = SEVERITIES.map((s) => `**${by[s]}** ${s}${by[s] === 1 ? '' : 's'}`);
  const line = [`${parts.join(', ')}`];
  const n = a.findings.filter((x) => x.status === 'new' && !x.waiver).length;
  const pre = a.findings.filter((x) => x.status === 'pre-existing' && !x.waiver).length;
  const waived = a.findings.filter((x) => x.waiver).length;
  if (a.base.compared)
    line.push(`**${n}** new, ${pre} pre-existing, ${a.fixed.length} fixed by this change`);
  if (waived > 0) line.push(`${waived} waived`);
  return `${line.join('; ')}.`;
}

function baseLine(a: Assessment): string {
  if (a.base.compared)
    return `Compared with the base commit ${code(a.base.sha.slice(0, 12))} (read from ${a.base.source === 'git' ? 'the checkout’s git history' : 'the GitHub API'}).`;
  return `Not compared with a base: ${text(a.base.reason, 500)}.`;
}

function verdictLine(a: Assessment): string {
  return `${a.verdict.failed ? '❌' : '✅'} ${text(a.verdict.message, 2000)}`;
}

function findingRow(x: Assessed, ctx: ReportContext): string {
  const f = x.finding;
  return `| ${where(f, ctx)} | ${ICON[f.severity]} ${f.severity} | \`${f.ruleId}\` | ${STATUS_TEXT[x.status]} | ${text(f.message)} |`;
}

/** Findings grouped by file, each file a table, at most `maxRows` rows in all. */
function groupedFindings(
  list: readonly Assessed[],
  ctx: ReportContext,
  maxRows: number,
): { lines: string[]; shown: number } {
  const lines: string[] = [];
  let shown = 0;
  let file: string | undefined;
  for (const x of list) {
    if (shown >= maxRows) break;
    if (x.finding.location.file !== file) {
      file = x.finding.location.file;
      const inFile = list.filter((y) => y.finding.location.file === file).length;
      const title = ctx.links
        ? link(file, blobUrl(ctx.links.serverUrl, ctx.links.repository, ctx.links.sha, file))
        : code(file);
      lines.push(
        '',
        `#### ${title} (${plural(inFile, 'finding')})`,
        '',
        '| Line | Severity | Rule | Status | Finding |',
        '| --- | --- | --- | --- | --- |',
      );
    }
    lines.push(findingRow(x, ctx));
    shown++;
  }
  return { lines, shown };
}

function coverageSection(matrices: readonly CoverageMatrix[], cloud: string): string[] {
  const out: string[] = [];
  for (const m of matrices) {
    if (m.cells.length === 0) continue;
    out.push(
      '',
      `### Coverage${matrices.length > 1 ? ` of group ${code(m.group)}` : ''} (${cloud})`,
      '',
      `Required ${m.kinds.hosts && m.kinds.ips ? 'endpoints' : m.kinds.hosts ? 'host names' : 'addresses'} fully allowed, of those the selection requires (partly allowed in brackets).`,
      '',
      `| Service area | ${m.categories.join(' | ')} |`,
      `| --- |${m.categories.map(() => ' ---: |').join('')}`,
    );
    for (const area of m.serviceAreas) {
      const cells = m.categories.map((c) => {
        const cell = m.cells.find((x) => x.serviceArea === area && x.category === c);
        if (!cell) return '–';
        const mark = cell.covered === cell.total ? '✅' : '⚠️';
        return `${mark} ${cell.covered}/${cell.total}${cell.partial ? ` (${cell.partial})` : ''}`;
      });
      out.push(`| ${area} | ${cells.join(' | ')} |`);
    }
  }
  return out;
}

function waivedSection(list: readonly Assessed[], ctx: ReportContext, maxRows: number): string[] {
  const waived = list.filter((x) => x.waiver);
  if (waived.length === 0) return [];
  const out = [
    '',
    `### Waived (${waived.length})`,
    '',
    'These findings do not count toward the result.',
    '',
    '| Location | Rule | Finding | Waived by | Reason |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const x of waived.slice(0, maxRows)) {
    const w = x.waiver!;
    const by =
      w.source === 'inline'
        ? 'inline comment'
        : `${code(formatLocation(w.location))}${w.expires ? ` until ${w.expires}` : ''}`;
    out.push(
      `| ${code(x.finding.location.file)} ${where(x.finding, ctx)} | \`${x.finding.ruleId}\` | ${text(x.finding.message)} | ${by} | ${text(w.reason)} |`,
    );
  }
  if (waived.length > maxRows)
    out.push('', `${waived.length - maxRows} more waived findings are in the JSON report.`);
  return out;
}

function fixedSection(fixed: readonly Finding[], maxRows: number): string[] {
  if (fixed.length === 0) return [];
  const out = ['', `### Fixed by this change (${fixed.length})`, ''];
  for (const f of fixed.slice(0, maxRows))
    out.push(`- \`${f.ruleId}\` in ${code(f.location.file)}: ${text(f.message)}`);
  if (fixed.length > maxRows) out.push(`- and ${fixed.length - maxRows} more`);
  return out;
}

interface Form {
  readonly maxRows: number;
  readonly coverage: boolean;
}

/** The forms tried in turn until the text fits: every row, then fewer, then none. */
const FORMS: readonly Form[] = [
  { maxRows: Infinity, coverage: true },
  { maxRows: 1000, coverage: true },
  { maxRows: 300, coverage: true },
  { maxRows: 100, coverage: true },
  { maxRows: 30, coverage: false },
  { maxRows: 0, coverage: false },
];

function body(
  a: Assessment,
  ctx: ReportContext,
  form: Form,
  detail: Detail,
  heading: string,
): string {
  const c = a.result.catalogue;
  const cloud = CLOUD_NAMES[c.selection.instance];
  const out: string[] = [
    heading,
    '',
    verdictLine(a),
    '',
    counts(a),
    '',
    `${cloud} catalogue, data ${text(c.dataDate)}; service areas ${c.selection.serviceAreas.join(', ')}; categories ${c.selection.categories.join(', ')}; ${plural(a.result.files.length, 'file')} checked. ${baseLine(a)}`,
    '',
    `Catalogue: ${text(describeCatalogue(c), 1000)}.`,
  ];
  if (ctx.skipped && ctx.skipped.length > 0) {
    out.push('', '> [!NOTE]', '> Not written on this run:');
    for (const s of ctx.skipped) out.push(`> - ${text(s, 1000)}`);
  }
  for (const r of ctx.remarks ?? []) out.push('', text(r, 1000));
  if (detail === 'all' && form.coverage) {
    out.push('', '| File | Format | Group | Scope | Entries |', '| --- | --- | --- | --- | ---: |');
    for (const f of a.result.files)
      out.push(
        f.kind === 'dns'
          ? `| ${code(f.path)} | ${text(f.format)} | DNS | | ${f.entries} records |`
          : `| ${code(f.path)} | ${text(f.format)} | ${text(f.group)} | ${f.scope} | ${f.entries} |`,
      );
  }
  if (form.coverage && ctx.coverage) append(out, coverageSection(ctx.coverage, cloud));

  const open = a.findings.filter((x) => !x.waiver);
  // New first within each file, files in their usual order.
  const rankOf = (x: Assessed) => (x.status === 'pre-existing' ? 1 : 0);
  const ordered =
    detail === 'new-first'
      ? open
          .map((x, i) => ({ x, i }))
          .sort(
            (p, q) =>
              (p.x.finding.location.file < q.x.finding.location.file
                ? -1
                : p.x.finding.location.file > q.x.finding.location.file
                  ? 1
                  : 0) ||
              rankOf(p.x) - rankOf(q.x) ||
              p.i - q.i,
          )
          .map((p) => p.x)
      : open;
  if (ordered.length > 0) {
    out.push('', '### Findings');
    const g = groupedFindings(ordered, ctx, form.maxRows);
    append(out, g.lines);
    if (g.shown < ordered.length) {
      const where =
        ctx.elsewhere && ctx.elsewhere.length > 0 ? `: see ${ctx.elsewhere.join(', ')}` : '';
      out.push(
        '',
        `**${ordered.length - g.shown} of ${ordered.length} findings are not listed here** to keep this text within GitHub’s size limit${where}.`,
      );
    }
  } else if (a.findings.length === 0) {
    out.push('', a.fixed.length > 0 ? '**All fixed**: no findings remain.' : 'No findings.');
  }
  append(out, waivedSection(a.findings, ctx, Math.min(form.maxRows, 200)));
  append(out, fixedSection(a.fixed, Math.min(form.maxRows, 200)));
  for (const note of a.result.notes) out.push('', `> ${text(note, 1000)}`);
  if (ctx.outputs && ctx.outputs.length > 0) out.push('', ctx.outputs.join(' · '));
  return `${out.join('\n')}\n`;
}

function fit(render: (form: Form) => string, fits: (s: string) => boolean): string {
  for (const form of FORMS) {
    const s = render(form);
    if (fits(s)) return s;
  }
  return render(FORMS[FORMS.length - 1]!);
}

/** The job summary: verdict, coverage matrix, grouped findings with links; under 1 MiB. */
export function renderJobSummary(a: Assessment, ctx: ReportContext): string {
  return fit(
    (form) => body(a, ctx, form, 'all', '## endpoint-drift'),
    (s) => utf8Length(s) < SUMMARY_LIMIT - 4096,
  );
}

/** The check run's summary and text: the same report without the coverage matrix, under 65,535 characters. */
export function renderCheckSummary(a: Assessment, ctx: ReportContext): string {
  return fit(
    (form) => body(a, { ...ctx, coverage: [] }, form, 'new-first', '## endpoint-drift'),
    (s) => s.length <= CHECK_TEXT_LIMIT,
  );
}

/**
 * The sticky comment: marker, verdict, new findings first; when nothing is left, it says so
 * (and what was fixed) instead of going stale. Under 65,536 characters.
 */
export function renderComment(a: Assessment, ctx: ReportContext): string {
  const heading = `${COMMENT_MARKER}\n### endpoint-drift`;
  if (a.findings.every((x) => x.waiver)) {
    const waived = a.findings.length;
    const lines = [
      heading,
      '',
      `✅ **All fixed**: no ${waived > 0 ? 'unwaived ' : ''}findings remain on this pull request.`,
      ...(waived > 0
        ? ['', `${plural(waived, 'finding')} waived (listed in the job summary).`]
        : []),
      ...fixedSection(a.fixed, 50),
    ];
    return `${lines.join('\n')}\n`;
  }
  return fit(
    (form) =>
      body(
        a,
        { ...ctx, coverage: [] },
        { ...form, maxRows: Math.min(form.maxRows, 300) },
        'new-first',
        heading,
      ),
    (s) => s.length < COMMENT_LIMIT,
  );
}
