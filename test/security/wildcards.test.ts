// Lists built to make wildcard comparisons quadratic are judged like any other list: each
// entry covered by another is reported once, at its own line, naming the first entry that covers it.
import { describe, expect, it } from 'vitest';
import { EMBEDDED_CATALOGUE } from '../../src/catalogue/embedded.js';
import { check } from '../../src/diff/engine.js';
import { getFormat } from '../../src/formats/allowlist/index.js';

function run(lines: readonly string[], scope: 'mixed' | 'dedicated' = 'mixed') {
  const f = getFormat('plain')!;
  return check({
    catalogue: EMBEDDED_CATALOGUE,
    selection: {
      instance: 'worldwide',
      serviceAreas: ['SharePoint'],
      categories: ['Optimize', 'Allow', 'Default'],
      includeOptional: false,
      ipv6: true,
      scenarios: [],
    },
    files: [
      {
        parsed: f.parse({ path: 'proxy.txt', text: `${lines.join('\n')}\n` }),
        capabilities: f.capabilities,
        scope,
        group: 'default',
      },
    ],
  });
}

describe('many wildcards under one base', () => {
  it('reports every one that a broader entry covers', () => {
    const n = 5000;
    const lines = [
      '*.sharepoint.com',
      ...Array.from({ length: n }, (_, i) => `*a${i}b.sharepoint.com`),
    ];
    const redundant = run(lines).findings.filter((f) => f.ruleId === 'redundant-entry');
    expect(redundant).toHaveLength(n);
    expect(redundant[0]!.message).toBe(
      '"*a0b.sharepoint.com" is already covered by "*.sharepoint.com" at line 1',
    );
    expect(redundant[n - 1]!.location).toEqual({ file: 'proxy.txt', line: n + 1, column: 1 });
  });

  it('finds the first covering glob among many that cannot', () => {
    const n = 2000;
    const lines = [
      ...Array.from({ length: n }, (_, i) => `*a${i}b.contoso.com`),
      '*11b.contoso.com',
      'x-a11b.contoso.com',
      'a11b.contoso.com',
    ];
    const redundant = run(lines, 'dedicated')
      .findings.filter((f) => f.ruleId === 'redundant-entry')
      .map((f) => [f.location.line, f.message]);
    // `*11b` covers exactly the globs whose number ends in 11; nothing else covers a glob.
    const byGlob = Array.from({ length: n }, (_, i) => i)
      .filter((i) => String(i).endsWith('11'))
      .map((i) => [
        i + 1,
        `"*a${i}b.contoso.com" is already covered by "*11b.contoso.com" at line ${n + 1}`,
      ]);
    expect(redundant).toEqual([
      ...byGlob,
      [n + 2, '"x-a11b.contoso.com" is already covered by "*a11b.contoso.com" at line 12'],
      [n + 3, '"a11b.contoso.com" is already covered by "*a11b.contoso.com" at line 12'],
    ]);
  });

  it('judges labels with many stars', () => {
    const lines = [
      '*a*b*a*b*.contoso.com',
      'a*b*a*b.contoso.com',
      'b*a*b*a.contoso.com',
      'ab*ab*.contoso.com',
    ];
    const redundant = run(lines, 'dedicated')
      .findings.filter((f) => f.ruleId === 'redundant-entry')
      .map((f) => [f.location.line, f.message]);
    expect(redundant).toEqual([
      [2, '"a*b*a*b.contoso.com" is already covered by "*a*b*a*b*.contoso.com" at line 1'],
      [4, '"ab*ab*.contoso.com" is already covered by "*a*b*a*b*.contoso.com" at line 1'],
    ]);
  });
});
