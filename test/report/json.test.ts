// The JSON report is written in pieces; joined, they are exactly the report serialised at once.
import { describe, expect, it } from 'vitest';
import { EMBEDDED_CATALOGUE } from '../../src/catalogue/embedded.js';
import { check } from '../../src/diff/engine.js';
import { getFormat } from '../../src/formats/allowlist/index.js';
import { renderJson, renderJsonChunks, toReport } from '../../src/report/json.js';
import { renderText, renderTextChunks } from '../../src/report/text.js';

function run(lines: string[]) {
  const f = getFormat('plain')!;
  return check({
    catalogue: EMBEDDED_CATALOGUE,
    selection: {
      instance: 'worldwide',
      serviceAreas: ['Exchange'],
      categories: ['Optimize'],
      includeOptional: false,
      ipv6: true,
      scenarios: [],
    },
    files: [
      {
        parsed: f.parse({ path: 'a.txt', text: lines.join('\n') }),
        capabilities: f.capabilities,
        scope: 'dedicated',
        group: 'default',
      },
    ],
  });
}

describe('renderJsonChunks', () => {
  it.each([
    ['no findings', () => ({ ...run(['outlook.office365.com']), findings: [] })],
    ['one finding', () => run(['a.example'])],
    [
      'thousands of findings, several chunks',
      () => run(Array.from({ length: 3000 }, (_, i) => `h${i}.example.com`)),
    ],
  ])('%s: the pieces are the report', (_, make) => {
    const result = make();
    const chunks = [...renderJsonChunks(result)];
    const text = chunks.join('');
    expect(text).toBe(`${JSON.stringify(toReport(result), null, 2)}\n`);
    expect(renderJson(result)).toBe(text);
    if (result.findings.length > 1000) expect(chunks.length).toBeGreaterThan(2);
  });
});

describe('renderTextChunks', () => {
  it('writes a large report in several pieces, each ending a line', () => {
    const result = run(Array.from({ length: 3000 }, (_, i) => `h${i}.example.com`));
    const chunks = [...renderTextChunks(result, { verbose: true })];
    expect(chunks.length).toBeGreaterThan(2);
    for (const c of chunks) expect(c.endsWith('\n')).toBe(true);
    expect(chunks.join('')).toBe(renderText(result, { verbose: true }));
    expect(
      chunks
        .join('')
        .split('\n')
        .filter((l) => l.startsWith('  ') && l.includes('extraneous-entry')),
    ).toHaveLength(result.findings.filter((f) => f.ruleId === 'extraneous-entry').length);
  });
});
