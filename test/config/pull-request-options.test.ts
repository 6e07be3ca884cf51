import { describe, expect, it } from 'vitest';
import { ConfigError, resolveOptions } from '../../src/config/options.js';

const file = (text: string) => ({ path: '.github/endpoint-drift.yml', text });

function problems(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof ConfigError) return [...e.problems];
    throw e;
  }
  return [];
}

describe('pull-request options and waivers', () => {
  it('reads them from the file, and inputs override the file', () => {
    const o = resolveOptions(
      file(
        [
          'only-new: true',
          'comment: always',
          'annotations: workflow-commands',
          'suggestions: false',
          'sarif-file: out/drift.sarif',
          'ignore:',
          '  - rule: extraneous-entry',
          '    path: network/legacy/*.txt',
          '    reason: kept for the old proxy until March',
          '    expires: 2027-03-31',
          '  - value: "*.contoso.com"',
          '    reason: our own domain',
        ].join('\n'),
      ),
      { comment: 'never', 'only-new': 'false', suggestions: 'yes' },
    );
    expect(o.onlyNew).toBe(false);
    expect(o.comment).toBe('never');
    expect(o.annotations).toBe('workflow-commands');
    expect(o.suggestions).toBe(true);
    expect(o.sarifFile).toBe('out/drift.sarif');
    expect(o.ignore).toEqual([
      {
        rule: 'extraneous-entry',
        path: 'network/legacy/*.txt',
        reason: 'kept for the old proxy until March',
        expires: '2027-03-31',
        origin: { file: '.github/endpoint-drift.yml', line: 7, column: 5 },
      },
      {
        value: '*.contoso.com',
        reason: 'our own domain',
        origin: { file: '.github/endpoint-drift.yml', line: 11, column: 5 },
      },
    ]);
  });

  it.each([
    [
      'ignore:\n  - rule: extraneous-entry\n',
      '.github/endpoint-drift.yml:2:5: "ignore[0]" needs the key "reason"',
    ],
    [
      'ignore:\n  - reason: no target\n',
      '.github/endpoint-drift.yml:2:5: ignore item would waive everything: give a rule, a value or a path',
    ],
    [
      'ignore:\n  - rule: no-such-rule\n    reason: x\n',
      '.github/endpoint-drift.yml:2:5: ignore names unknown rule "no-such-rule"',
    ],
    [
      'ignore:\n  - rule: redundant-entry\n    reason: x\n    expires: 2027-02-30\n',
      '.github/endpoint-drift.yml:2:5: ignore "expires" is not a date: "2027-02-30"',
    ],
    [
      'comment: sometimes\n',
      '.github/endpoint-drift.yml:1:10: "comment" must be one of "on-failure", "always", "never"',
    ],
  ])('rejects %j', (text, expected) => {
    expect(problems(() => resolveOptions(file(text), {}))).toContain(expected);
  });

  it('rejects a malformed input', () => {
    expect(problems(() => resolveOptions(undefined, { 'only-new': 'maybe' }))).toEqual([
      '--only-new: expected true or false, got "maybe"',
    ]);
  });
});
