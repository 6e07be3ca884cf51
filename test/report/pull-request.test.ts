import { describe, expect, it } from 'vitest';
import {
  COMMENT_LIMIT,
  renderCheckSummary,
  renderComment,
  renderJobSummary,
  SUMMARY_LIMIT,
} from '../../src/report/pull-request.js';
import { FINGERPRINT_KEY, renderSarif } from '../../src/report/sarif.js';
import { utf8Length } from '../../src/report/markdown.js';
import { finding, fixture, LINKS, result } from './pull-request-fixture.js';
import { assess } from '../../src/diff/assess.js';

describe('pull-request Markdown', () => {
  it('renders the comment, the summary and the check summary (snapshots, reviewed like code)', async () => {
    const a = fixture();
    const coverage = [
      {
        group: 'proxy',
        kinds: { hosts: true, ips: false },
        serviceAreas: ['Exchange'],
        categories: ['Optimize', 'Allow'],
        cells: [
          { serviceArea: 'Exchange', category: 'Optimize', total: 30, covered: 28, partial: 1 },
          { serviceArea: 'Exchange', category: 'Allow', total: 10, covered: 10, partial: 0 },
        ],
      },
    ];
    await expect(renderComment(a, { links: LINKS })).toMatchFileSnapshot(
      '__snapshots__/comment.md',
    );
    await expect(
      renderJobSummary(a, { links: LINKS, coverage, skipped: ['check run: refused'] }),
    ).toMatchFileSnapshot('__snapshots__/summary.md');
    await expect(renderCheckSummary(a, {})).toMatchFileSnapshot('__snapshots__/check-summary.md');
  });

  it('never lets a file name or entry open HTML, a link, a mention or a new table cell', () => {
    const out = renderJobSummary(fixture(), { links: LINKS });
    for (const row of out.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| ---')))
      expect(row.match(/(?<!\\)\|/g)!.length).toBe(
        row.startsWith('| Location') || row.startsWith('| <code>')
          ? 6
          : row.startsWith('| File')
            ? 6
            : row.split(' | ').length + 1,
      );
    expect(out).not.toMatch(/<img|<b>|<script|@team|\]\(http:\/\/e\.example/);
  });

  it('keeps the comment under 65,536 characters and the summary under 1 MiB, saying what was cut', () => {
    const a = fixture(6000);
    const comment = renderComment(a, { links: LINKS, elsewhere: ['the JSON report'] });
    expect(comment.length).toBeLessThan(COMMENT_LIMIT);
    expect(comment).toMatch(
      /\*\*\d+ of 6002 findings are not listed here\*\* to keep this text within GitHub’s size limit: see the JSON report\./,
    );
    const summary = renderJobSummary(a, {
      links: LINKS,
      elsewhere: ['the JSON report', 'the SARIF file'],
    });
    expect(utf8Length(summary)).toBeLessThan(SUMMARY_LIMIT);
    expect(summary).toMatch(/\*\*\d+ of 6002 findings are not listed here\*\*/);
  });

  it('says "All fixed" when nothing is left', () => {
    const a = assess({
      result: result([]),
      baseFindings: [finding(2, 'gone.example')],
      base: { compared: true, sha: 'f'.repeat(40), source: 'api' },
      failOn: 'error',
      onlyNew: false,
      ignore: [],
      comments: new Map(),
      today: '2026-12-05',
    });
    expect(renderComment(a, {})).toBe(
      '<!-- endpoint-drift:sticky-comment -->\n### endpoint-drift\n\n✅ **All fixed**: no findings remain on this pull request.\n\n### Fixed by this change (1)\n\n- `extraneous-entry` in <code>net/a&#124;b&#96;&#60;img src=x&#62;&#96;&#91;x&#93;(http://e.example)&#64;team .txt</code>: "gone.example" matches nothing in the Worldwide catalogue\n',
    );
  });
});

describe('SARIF', () => {
  it('has every rule, stable fingerprints independent of lines, suppressions and baseline state', async () => {
    const sarif = JSON.parse(renderSarif(fixture(), '0.1.0'));
    const run = sarif.runs[0];
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toContain('missing-endpoint');
    expect(
      run.results.map((r: { baselineState: string; suppressions?: unknown[] }) => [
        r.baselineState,
        r.suppressions !== undefined,
      ]),
    ).toEqual([
      ['unchanged', false],
      ['new', false],
      ['new', true],
    ]);
    expect(run.results[2].suppressions).toEqual([
      { kind: 'external', status: 'accepted', justification: 'vendor | <script>' },
    ]);
    expect(run.results[0].locations[0].physicalLocation).toEqual({
      artifactLocation: {
        uri: 'net/a%7Cb%60%3Cimg%20src%3Dx%3E%60%5Bx%5D(http%3A//e.example)%40team%0A.txt',
        uriBaseId: '%SRCROOT%',
      },
      region: { startLine: 2, startColumn: 1 },
    });
    const moved = JSON.parse(
      renderSarif(
        assess({
          result: result([finding(40, 'pre.example')]),
          base: { compared: false, reason: 'x' },
          failOn: 'error',
          onlyNew: false,
          ignore: [],
          comments: new Map(),
          today: '2026-12-05',
        }),
        '0.1.0',
      ),
    );
    expect(moved.runs[0].results[0].partialFingerprints[FINGERPRINT_KEY]).toBe(
      run.results[0].partialFingerprints[FINGERPRINT_KEY],
    );
    expect(moved.runs[0].results[0].partialFingerprints[FINGERPRINT_KEY]).toMatch(/^[0-9a-f]{64}$/);
    await expect(renderSarif(fixture(), '0.1.0')).toMatchFileSnapshot('__snapshots__/report.sarif');
  });
});
