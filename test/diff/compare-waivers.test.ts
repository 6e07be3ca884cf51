import { describe, expect, it } from 'vitest';
import { decide, type Assessed } from '../../src/diff/assess.js';
import { compareFindings, findingIdentity } from '../../src/diff/compare.js';
import { applyWaivers, parseInlineWaiver } from '../../src/diff/waivers.js';
import type { Finding } from '../../src/model/finding.js';

const f = (
  ruleId: Finding['ruleId'],
  line: number,
  entry?: string,
  extra: Partial<Finding> = {},
): Finding => ({
  ruleId,
  severity: ruleId === 'missing-endpoint' ? 'error' : 'warning',
  message: `${entry ?? 'something'} at line ${line}`,
  location: { file: 'net/a.txt', line, column: 1 },
  ...(entry !== undefined ? { entry } : {}),
  ...extra,
});

describe('finding identity: rule, file and value, not the line', () => {
  it('an edit above a finding does not make it new; duplicates are counted', () => {
    const base = [
      f('extraneous-entry', 3, 'x.example'),
      f('redundant-entry', 4, 'y.example'),
      f('redundant-entry', 9, 'z.example'),
    ];
    const head = [
      f('extraneous-entry', 10, 'x.example'),
      f('redundant-entry', 11, 'y.example'),
      f('redundant-entry', 12, 'y.example'),
      f('extraneous-entry', 13, 'new.example'),
    ];
    const c = compareFindings(head, base);
    expect(c.status).toEqual(['pre-existing', 'pre-existing', 'new', 'new']);
    expect(c.fixed.map((x) => x.entry)).toEqual(['z.example']);
  });

  it('uses the required pattern, else the message without positions', () => {
    const req = { kind: 'host' as const, pattern: 'outlook.office.com', endpointSets: [] };
    expect(findingIdentity(f('missing-endpoint', 4, undefined, { requirement: req }))).toBe(
      'missing-endpoint\u0000net/a.txt\u0000host:outlook.office.com',
    );
    expect(findingIdentity(f('dns-missing-record', 4))).toBe(
      findingIdentity(f('dns-missing-record', 40)),
    );
  });
});

describe('inline waivers', () => {
  it.each([
    [
      'endpoint-drift: ignore extraneous-entry -- lab proxy',
      { rules: ['extraneous-entry'], reason: 'lab proxy' },
    ],
    [
      'Endpoint-Drift: ignore redundant-entry, extraneous-entry -- both',
      { rules: ['redundant-entry', 'extraneous-entry'], reason: 'both' },
    ],
    [
      'Exchange set 1\nendpoint-drift: ignore over-broad-entry -- CDN',
      { rules: ['over-broad-entry'], reason: 'CDN' },
    ],
    [
      'endpoint-drift: ignore extraneous-entry',
      { error: 'gives no reason: write "-- <reason>" after the rule' },
    ],
    [
      'endpoint-drift: ignore -- because',
      { error: 'names no rule: write "endpoint-drift: ignore <rule> -- <reason>"' },
    ],
    ['endpoint-drift: ignore everything -- x', { error: 'names unknown rule "everything"' }],
    ['just a comment', undefined],
  ])('%j', (comment, expected) => {
    expect(parseInlineWaiver(comment)).toEqual(expected);
  });

  it('waives the named rule at the entry and reports a malformed waiver once', () => {
    const findings = [
      f('extraneous-entry', 2, 'a'),
      f('redundant-entry', 2, 'a'),
      f('extraneous-entry', 5, 'b'),
    ];
    const comments = new Map([
      ['net/a.txt:2:1', 'endpoint-drift: ignore extraneous-entry -- lab'],
      ['net/a.txt:5:1', 'endpoint-drift: ignore extraneous-entry'],
    ]);
    const out = applyWaivers(findings, [], comments, '2026-12-05');
    expect(out.waivers).toEqual([
      { source: 'inline', reason: 'lab', location: findings[0]!.location },
      undefined,
      undefined,
    ]);
    expect(out.problems).toEqual([
      {
        ruleId: 'invalid-waiver',
        severity: 'warning',
        message:
          'inline waiver gives no reason: write "-- <reason>" after the rule; it waives nothing',
        location: { file: 'net/a.txt', line: 5, column: 1 },
      },
    ]);
  });
});

describe('config waivers', () => {
  const origin = { file: '.github/endpoint-drift.yml', line: 9, column: 5 };
  it.each([
    [{ rule: 'extraneous-entry', reason: 'r' }, [true, false, true]],
    [{ value: 'B.EXAMPLE', reason: 'r' }, [false, false, true]],
    [{ path: 'net/*.txt', reason: 'r' }, [true, true, true]],
    [{ path: 'other/**', reason: 'r' }, [false, false, false]],
    [{ rule: 'redundant-entry', value: 'a', reason: 'r' }, [false, true, false]],
    [{ rule: 'extraneous-entry', reason: 'r', expires: '2026-12-05' }, [true, false, true]],
  ])('%j', (w, expected) => {
    const findings = [
      f('extraneous-entry', 2, 'a'),
      f('redundant-entry', 3, 'a'),
      f('extraneous-entry', 4, 'b.example'),
    ];
    const out = applyWaivers(findings, [{ ...w, origin }], new Map(), '2026-12-05');
    expect(out.waivers.map((x) => x !== undefined)).toEqual(expected);
    expect(out.problems).toEqual([]);
  });

  it('an expired waiver is a warning at the config line and waives nothing', () => {
    const out = applyWaivers(
      [f('extraneous-entry', 2, 'a')],
      [{ rule: 'extraneous-entry', reason: 'old', expires: '2026-12-04', origin }],
      new Map(),
      '2026-12-05',
    );
    expect(out.waivers).toEqual([undefined]);
    expect(out.problems).toEqual([
      {
        ruleId: 'expired-waiver',
        severity: 'warning',
        message:
          'waiver expired on 2026-12-04 and no longer applies (old); renew it or fix the findings it covered',
        location: origin,
      },
    ]);
  });
});

describe('decide', () => {
  const a = (finding: Finding, status: Assessed['status'], waived = false): Assessed => ({
    finding,
    status,
    ...(waived
      ? { waiver: { source: 'config' as const, reason: 'r', location: finding.location } }
      : {}),
  });
  const list = [
    a(f('missing-endpoint', 1, 'm1'), 'pre-existing'),
    a(f('missing-endpoint', 2, 'm2'), 'new'),
    a(f('missing-endpoint', 3, 'm3'), 'new', true),
    a(f('extraneous-entry', 4, 'w'), 'new'),
  ];
  it.each([
    [
      'error',
      false,
      true,
      true,
      '2 findings at or above error decided the result: missing-endpoint at net/a.txt:1:1 (m1), missing-endpoint at net/a.txt:2:1 (m2) (1 waived finding not counted)',
    ],
    [
      'error',
      true,
      true,
      true,
      '1 new finding at or above error decided the result: missing-endpoint at net/a.txt:2:1 (m2) (1 pre-existing finding at or above error left out by only-new; 1 waived finding not counted)',
    ],
    [
      'error',
      true,
      false,
      true,
      '2 findings at or above error decided the result: missing-endpoint at net/a.txt:1:1 (m1), missing-endpoint at net/a.txt:2:1 (m2) (1 waived finding not counted; only-new could not compare with the base, so every finding counts)',
    ],
    ['never', true, true, false, 'fail-on is never: findings do not fail the check'],
  ] as const)(
    'fail-on %s, only-new %s, compared %s',
    (failOn, onlyNew, compared, failed, message) => {
      expect(decide(list, failOn, onlyNew, compared)).toMatchObject({ failed, message });
    },
  );

  it('passes when only pre-existing findings are left under only-new', () => {
    expect(decide([list[0]!], 'error', true, true)).toMatchObject({
      failed: false,
      message:
        'no new finding at or above error (1 pre-existing finding at or above error left out by only-new)',
    });
  });
});
