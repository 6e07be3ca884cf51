// Grouping of findings for people (text, job summary, pull-request comments): per file, per rule
// and endpoint set, most severe first, with totals; and the renderers built on it.
import { describe, expect, it } from 'vitest';
import { EMBEDDED_CATALOGUE } from '../../src/catalogue/embedded.js';
import type { Selection } from '../../src/catalogue/types.js';
import { check, type Result } from '../../src/diff/engine.js';
import type { Finding } from '../../src/model/finding.js';
import { getFormat } from '../../src/formats/allowlist/index.js';
import {
  count,
  groupFindings,
  groupHeadline,
  listSome,
  totalLine,
} from '../../src/report/group.js';
import { renderAnnotations } from '../../src/report/annotations.js';
import { renderSummary, escapeCell } from '../../src/report/summary.js';
import { renderText } from '../../src/report/text.js';

function finding(
  ruleId: Finding['ruleId'],
  severity: Finding['severity'],
  file: string,
  line: number,
  extra: Partial<Finding> = {},
): Finding {
  return {
    ruleId,
    severity,
    message: `${ruleId} at ${line}`,
    location: { file, line, column: 1 },
    ...extra,
  };
}

const host = (pattern: string) => ({ kind: 'host' as const, pattern, endpointSets: [] });
const ip = (pattern: string) => ({ kind: 'ip' as const, pattern, endpointSets: [] });

describe('groupFindings', () => {
  const set56 = 'Common set 56 Allow (TCP 80,443)';
  const findings: Finding[] = [
    finding('redundant-entry', 'notice', 'b.txt', 3),
    finding('missing-endpoint', 'error', 'a.txt', 9, {
      endpointSet: set56,
      requirement: host('login.microsoftonline.com'),
    }),
    finding('missing-endpoint', 'error', 'a.txt', 2, {
      endpointSet: set56,
      requirement: host('*.msftidentity.com'),
    }),
    finding('missing-endpoint', 'error', 'a.txt', 4, {
      endpointSet: set56,
      requirement: ip('20.20.32.0/19'),
    }),
    finding('missing-endpoint', 'warning', 'a.txt', 1, {
      endpointSet: 'Common set 125 Default (TCP 80,443)',
      requirement: host('*.entrust.net'),
    }),
    finding('over-broad-entry', 'warning', 'a.txt', 5),
    finding('invalid-entry', 'error', 'a.txt', 7),
  ];

  it('groups per file, then per rule and endpoint set, most severe first', () => {
    const g = groupFindings(findings);
    expect(
      g.files.map((f) => [
        f.file,
        f.groups.map(
          (x) =>
            `${x.severity} ${x.ruleId} ${x.endpointSet ?? '-'} ${x.findings.map((y) => y.location.line).join(',')}`,
        ),
      ]),
    ).toEqual([
      [
        'a.txt',
        [
          'error invalid-entry - 7',
          `error missing-endpoint ${set56} 2,4,9`,
          'warning missing-endpoint Common set 125 Default (TCP 80,443) 1',
          'warning over-broad-entry - 5',
        ],
      ],
      ['b.txt', ['notice redundant-entry - 3']],
    ]);
    expect(g.totals.map(totalLine)).toEqual([
      'missing-endpoint: 3 errors, 1 warning',
      'invalid-entry: 1 error',
      'over-broad-entry: 1 warning',
      'redundant-entry: 1 notice',
    ]);
    expect(g.hidden).toEqual({ error: 0, warning: 0, notice: 0 });
  });

  it('leaves out what is below the minimum severity, and counts it', () => {
    const g = groupFindings(findings, { minSeverity: 'warning' });
    expect(g.files.map((f) => f.file)).toEqual(['a.txt']);
    expect(g.hidden).toEqual({ error: 0, warning: 0, notice: 1 });
    expect(groupFindings(findings, { minSeverity: 'error' }).hidden).toEqual({
      error: 0,
      warning: 2,
      notice: 1,
    });
  });

  it('does not depend on the order of its input', () => {
    expect(groupFindings([...findings].reverse())).toEqual(groupFindings(findings));
  });

  it('says a set group in one line', () => {
    const g = groupFindings(findings).files[0]!.groups[1]!;
    expect(groupHeadline(g)).toBe(
      `${set56}: 2 names and 1 prefix missing: *.msftidentity.com, 20.20.32.0/19, login.microsoftonline.com`,
    );
    expect(groupHeadline(g, 1)).toBe(
      `${set56}: 2 names and 1 prefix missing: *.msftidentity.com, … and 2 more`,
    );
    expect(groupHeadline(groupFindings(findings).files[0]!.groups[0]!)).toBeUndefined();
  });

  it.each([
    [1, 'entry', '1 entry'],
    [2, 'entry', '2 entries'],
    [0, 'file', '0 files'],
    [1, 'file', '1 file'],
  ] as const)('count(%i, %s) = %s', (n, noun, text) => {
    expect(count(n, noun)).toBe(text);
  });

  it('lists some and says how many more', () => {
    expect(listSome(['a', 'b', 'c'], 3)).toBe('a, b, c');
    expect(listSome(['a', 'b', 'c', 'd'], 3)).toBe('a, b, c, … and 1 more');
  });
});

const WORLDWIDE: Selection = {
  instance: 'worldwide',
  serviceAreas: ['Common', 'Exchange', 'SharePoint', 'Skype'],
  categories: ['Optimize', 'Allow', 'Default'],
  includeOptional: false,
  ipv6: true,
  scenarios: [],
};

function run(text: string): Result {
  const plain = getFormat('plain')!;
  return check({
    catalogue: EMBEDDED_CATALOGUE,
    selection: WORLDWIDE,
    files: [
      {
        parsed: plain.parse({ path: 'm365.txt', text }),
        capabilities: plain.capabilities,
        scope: 'dedicated',
        group: 'default',
      },
    ],
  });
}

describe('the text report', () => {
  // One Optimize prefix and a few names: almost everything is missing.
  const result = run('outlook.office.com\n52.96.0.0/14\n*.com\nexample.org\nexample.org');

  it('gives one line per endpoint set, and every finding with --verbose', () => {
    const short = renderText(result).split('\n');
    const long = renderText(result, { verbose: true }).split('\n');
    expect(short.length).toBeLessThan(long.length / 2);
    expect(long.filter((l) => l.includes(' missing-endpoint '))).toHaveLength(
      result.findings.filter((f) => f.ruleId === 'missing-endpoint').length,
    );
    expect(short).toContain(
      '  m365.txt:2:1  error   missing-endpoint  no IPv6 address is allowed, but 59 IPv6 prefixes are required (Exchange set 1 Optimize, Exchange set 9 Allow, Exchange set 10 Allow, Skype set 11 Optimize, Skype set 12 Allow, SharePoint set 31 Optimize and 3 more); add them, or set "ipv6: false" if this network has no IPv6 egress',
    );
    expect(short[0]).toBe(
      'endpoint-drift: Worldwide catalogue (data 2025-09-29), 155 host and 93 address requirements; 1 file, 5 entries',
    );
    expect(short.filter((l) => /^[a-z-]+: \d+ (error|warning|notice)/.test(l))).toEqual([
      'missing-endpoint: 42 errors, 33 warnings',
      'extraneous-entry: 1 warning',
      'over-broad-entry: 1 warning',
      'redundant-entry: 1 notice',
    ]);
  });

  it('shows only what reaches --min-severity, and says what it left out', () => {
    const text = renderText(result, { minSeverity: 'warning' });
    expect(text).not.toContain('redundant-entry');
    expect(text.trimEnd().split('\n').at(-1)).toMatch(
      /^\d+ errors, \d+ warnings, 1 notice \(1 notice not shown: --min-severity warning\)$/,
    );
  });

  it('ends with a total per rule, even when every finding has its own line', () => {
    const text = renderText(run('outlook.office.com\n52.96.0.0/14\n*.com'), {
      minSeverity: 'warning',
    });
    expect(text).toMatch(/\nmissing-endpoint: \d+ errors/);
    const few = check({
      catalogue: EMBEDDED_CATALOGUE,
      selection: {
        ...WORLDWIDE,
        serviceAreas: ['Exchange'],
        categories: ['Optimize'],
        ipv6: false,
      },
      files: [
        {
          parsed: getFormat('plain')!.parse({
            path: 'm365.txt',
            text: 'outlook.office.com\noutlook.office365.com\nexample.org\n*.com',
          }),
          capabilities: getFormat('plain')!.capabilities,
          scope: 'dedicated',
          group: 'default',
        },
      ],
    });
    expect(renderText(few)).toBe(
      [
        'endpoint-drift: Worldwide catalogue (data 2025-09-29), 3 host and 11 address requirements; 1 file, 4 entries',
        'catalogue: embedded, data of 2025-09-29 (endpoints/worldwide.json (deploymenttheory/terraform-provider-microsoft365@8b6c20663ba3))',
        '',
        'm365.txt',
        '  m365.txt:2:1  error   missing-endpoint  "outlook.cloud.microsoft" is required but not allowed (Exchange set 1 Optimize); add it to m365.txt',
        '  m365.txt:3:1  warning extraneous-entry  "example.org" matches nothing in the Worldwide catalogue',
        '  m365.txt:4:1  warning over-broad-entry  "*.com" matches names of any owner under the public suffix "com"; the Worldwide catalogue needs 194 patterns there (*.aadrm.com, *.activity.windows.com, *.api.microsoftstream.com, *.appex-rf.msn.com and 190 more)',
        '',
        'note: the allowlist holds no IP addresses, so its 11 address requirements were not checked',
        '',
        'missing-endpoint: 1 error',
        'extraneous-entry: 1 warning',
        'over-broad-entry: 1 warning',
        '',
        '1 error, 2 warnings, 0 notices',
        '',
      ].join('\n'),
    );
  });

  it('says "1 file, 1 entry"', () => {
    expect(renderText(run('outlook.office.com')).split('\n')[0]).toMatch(/; 1 file, 1 entry$/);
  });
});

describe('annotations', () => {
  it('annotate down to the minimum severity', () => {
    const result = run('outlook.office.com\nexample.org\nexample.org');
    const all = renderAnnotations(result);
    const some = renderAnnotations(result, 'warning');
    expect(all.filter((a) => a.level === 'notice')).toHaveLength(1);
    expect(some.filter((a) => a.level === 'notice')).toEqual([]);
    expect(some).toHaveLength(all.length - 1);
  });
});

describe('the job summary', () => {
  it('renders the same groups as Markdown tables per file', () => {
    const md = renderSummary(run('outlook.office.com\n52.96.0.0/14'));
    expect(md).toContain('### <code>m365.txt</code>');
    expect(md).toContain('**Per rule:**');
    expect(md).toMatch(
      /\| error \| `missing-endpoint` \| <code>m365\.txt&#58;1<\/code> \| Common set 56 Allow \\\(TCP 80,443\\\)&#58; \d+ names? and \d+ prefix(es)? missing&#58; /,
    );
  });

  it('escapes what files wrote, so nothing becomes Markdown or HTML', () => {
    expect(escapeCell('a|b `x` <img src=x> @team & *c* [l](u)\nnext')).toBe(
      'a\\|b \\`x\\` \\<img src=x\\> &#64;team &amp; \\*c\\* \\[l\\]\\(u\\) next',
    );
  });
});
