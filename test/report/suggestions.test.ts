import { describe, expect, it } from 'vitest';
import {
  commentableLines,
  SUGGESTION_MARKER,
  suggestionsFromChanges,
  type FileChange,
} from '../../src/report/suggestions.js';

const BEFORE = 'a\nb\nc\nd\n';
const all = new Map([['f.txt', new Set([1, 2, 3, 4])]]);
const change = (after: string, before = BEFORE): FileChange => ({
  path: 'f.txt',
  before,
  after,
  fixes: [],
});
const block = (body: string) => body.slice(body.indexOf('```suggestion'));

describe('suggestionsFromChanges', () => {
  it.each([
    [
      'insert in the middle: kept on the line above',
      'a\nb\nx\nc\nd\n',
      2,
      undefined,
      '```suggestion\nb\nx\n```\n',
    ],
    [
      'insert at the top: kept on the first line',
      'x\na\nb\nc\nd\n',
      1,
      undefined,
      '```suggestion\nx\na\n```\n',
    ],
    [
      'append at the end: kept on the last line',
      'a\nb\nc\nd\ne\n',
      4,
      undefined,
      '```suggestion\nd\ne\n```\n',
    ],
    ['delete a line: an empty suggestion', 'a\nc\nd\n', 2, undefined, '```suggestion\n```\n'],
    ['replace two lines: a range', 'a\nB\nC\nd\n', 3, 2, '```suggestion\nB\nC\n```\n'],
  ])('%s', (_, after, line, start, expected) => {
    const plan = suggestionsFromChanges([change(after)], all);
    expect(plan.outside).toEqual([]);
    expect(plan.comments).toHaveLength(1);
    const c = plan.comments[0]!;
    expect([c.line, c.start_line]).toEqual([line, start]);
    expect(c.body.startsWith(`${SUGGESTION_MARKER}\n`)).toBe(true);
    expect(block(c.body)).toBe(expected);
  });

  it('lists hunks outside the diff instead of suggesting them', () => {
    const plan = suggestionsFromChanges([change('a\nc\nd\n')], new Map([['f.txt', new Set([4])]]));
    expect(plan.comments).toEqual([]);
    expect(plan.outside).toEqual([
      { path: 'f.txt', line: 2, reason: 'line 2 is outside the pull request’s diff' },
    ]);
    expect(suggestionsFromChanges([change('a\n')], new Map()).outside[0]!.reason).toBe(
      'the pull request does not change this file',
    );
  });

  it('uses a longer fence when the file holds one, and names the fixes with escaping', () => {
    const plan = suggestionsFromChanges(
      [
        {
          path: 'f.txt',
          before: BEFORE,
          after: 'a\n```\nb\nc\nd\n',
          fixes: [
            {
              ruleId: 'missing-endpoint',
              severity: 'error',
              message: '"*.x|y" is required',
              location: { file: 'f.txt', line: 2, column: 1 },
            },
          ],
        },
      ],
      all,
    );
    expect(plan.comments[0]!.body).toBe(
      `${SUGGESTION_MARKER}\nendpoint-drift fix:\n- \`missing-endpoint\`: "&#42;.x&#124;y" is required\n\n\`\`\`\`suggestion\na\n\`\`\`\n\`\`\`\`\n`,
    );
  });
});

describe('commentableLines', () => {
  it('takes added and context lines of every hunk, not removed ones', () => {
    const patch = [
      '@@ -1,3 +1,4 @@',
      ' a',
      '-b',
      '+B',
      '+x',
      ' c',
      '@@ -10,2 +11,2 @@ section',
      ' j',
      '-k',
      '+K',
      '\\ No newline at end of file',
    ].join('\n');
    expect([...commentableLines(patch)]).toEqual([1, 2, 3, 4, 11, 12]);
    expect([...commentableLines(undefined)]).toEqual([]);
  });
});
