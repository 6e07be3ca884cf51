// What the reports print cannot be turned against the reader: every hostile string below, put
// in a file name, a finding message and a note, renders (through a GFM renderer, as GitHub
// renders the job summary) as the same text in the same cell, and nothing else.
import fc from 'fast-check';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../src/diff/engine.js';
import { bounded, type Finding } from '../../src/model/finding.js';
import { MAX_ENTRY_LENGTH, MAX_MESSAGE_LENGTH, truncate } from '../../src/model/text.js';
import { renderAnnotations } from '../../src/report/annotations.js';
import { inlineCode, markdownText, plainText, tableCell } from '../../src/report/escape.js';
import { renderSummary } from '../../src/report/summary.js';
import { renderText } from '../../src/report/text.js';

const HOSTILE = [
  'a|b</td></tr></table><h1>owned</h1>',
  '![x](https://attacker.example/i.png)',
  'x`<img src=x onerror=alert(1)>.txt',
  '[click](javascript:alert(1))',
  '<script>alert(1)</script>',
  '<!-- hide the rest',
  'line one\nline two\r\n| --- | --- |\n# heading',
  '```\ncode\n```',
  '`` a ` b ``',
  'a\\|b\\\\|c',
  'https://attacker.example/x and www.attacker.example and u@attacker.example',
  '@octocat and @org/team',
  '$x^2$ and $$y$$',
  '*bold* _em_ ~~strike~~ **x**',
  '&lt;img src=x&gt; &amp; &#60;',
  '[ref]: https://attacker.example',
  '<https://attacker.example>',
  ':warning: :x:',
  'outlook.office\u200b365.com',
  '\u202eexe.txt',
  '\u001b[31mred\u001b[0m',
];

/** The rendered HTML of a Markdown document, as GitHub renders a job summary (HTML allowed). */
function html(markdown: string): string {
  return micromark(markdown, {
    extensions: [gfm()],
    htmlExtensions: [gfmHtml()],
    allowDangerousHtml: true,
  });
}

const ALLOWED_TAGS = new Set([
  'h2',
  'h3',
  'ul',
  'li',
  'p',
  'strong',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'code',
  'blockquote',
]);

function tags(rendered: string): Set<string> {
  return new Set([...rendered.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)/g)].map((m) => m[1]!));
}

function decode(s: string): string {
  return s
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Text cells of each body row of every table, tags removed and entities decoded. */
function rows(rendered: string): string[][] {
  const body = [...rendered.matchAll(/<tbody>([\s\S]*?)<\/tbody>/g)].map((m) => m[1]!);
  return body.flatMap((b) =>
    [...b.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) =>
      [...r[1]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) =>
        decode(c[1]!.replace(/<\/?code>/g, '')).replace(/^ +| +$/g, ''),
      ),
    ),
  );
}

/** What a reader must see for a user string: the same text, newlines as spaces, hidden characters shown. */
function shown(text: string): string {
  return plainText(text.replace(/\r\n|[\r\n\u2028\u2029]/g, ' ')).replace(/^ +| +$/g, '');
}

function resultWith(text: string): Result {
  const finding: Finding = {
    ruleId: 'invalid-entry',
    severity: 'error',
    message: `"${text}" is not a host name`,
    location: { file: text, line: 3, column: 1 },
    entry: text,
  };
  return {
    catalogue: {
      instance: 'worldwide',
      dataDate: '2026-01-01',
      source: 'embedded',
      selection: {
        serviceAreas: ['Exchange'],
        categories: ['Optimize'],
        includeOptional: false,
        ipv6: true,
        scenarios: [],
      },
      requirements: { hosts: 1, ips: 1 },
    },
    files: [
      {
        path: text,
        format: 'plain',
        kind: 'allowlist',
        group: text,
        scope: 'dedicated',
        entries: 1,
      },
    ],
    findings: [finding],
    notes: [`note about ${text}`],
  } as unknown as Result;
}

describe('job summary', () => {
  it.each(HOSTILE)('renders %j as text in its own cells', (text) => {
    const rendered = html(renderSummary(resultWith(text)));
    expect([...tags(rendered)].filter((t) => !ALLOWED_TAGS.has(t))).toEqual([]);
    expect(rendered).not.toMatch(/<(a|img|h1|script)\b/);
    const [file, finding] = rows(rendered);
    expect(file).toEqual([shown(text), 'plain', shown(text), 'dedicated', '1']);
    expect(finding).toEqual([
      'error',
      'invalid-entry',
      `${shown(text)}:3`,
      shown(`"${text}" is not a host name`),
    ]);
    const quote = /<blockquote>\s*<p>([\s\S]*?)<\/p>\s*<\/blockquote>/.exec(rendered);
    expect(decode(quote![1]!)).toBe(shown(`note about ${text}`));
  });

  it('keeps any text in its cell, as written', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        const markdown = `| a | b |\n| --- | --- |\n| ${inlineCode(text)} | ${tableCell(text)} |\n`;
        const rendered = html(markdown);
        expect([...tags(rendered)].filter((t) => !ALLOWED_TAGS.has(t))).toEqual([]);
        expect(rows(rendered)).toEqual([[shown(text), shown(text)]]);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps any text a paragraph', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        const rendered = html(`> ${markdownText(text)}\n`);
        expect([...tags(rendered)].filter((t) => !ALLOWED_TAGS.has(t))).toEqual([]);
        const quote = /<blockquote>\s*(?:<p>([\s\S]*?)<\/p>)?\s*<\/blockquote>/.exec(rendered);
        expect(decode(quote?.[1] ?? '').replace(/^ +| +$/g, '')).toBe(shown(text));
      }),
      { numRuns: 200 },
    );
  });
});

describe('plain text', () => {
  it.each([
    ['\u001b[31mred\u001b[0m', '\\u001b[31mred\\u001b[0m'],
    ['a\u200bb', 'a\\u200bb'],
    ['\u202eexe.txt', '\\u202eexe.txt'],
    ['tab\there', 'tab\\u0009here'],
    ['\ufeffbom', '\\ufeffbom'],
    ['bücher.de', 'bücher.de'],
    ['outlook.office365.com', 'outlook.office365.com'],
  ])('%j is printed as %j', (text, expected) => {
    expect(plainText(text)).toBe(expected);
  });

  it('reaches the terminal and annotations without control sequences', () => {
    const result = resultWith('\u001b]8;;https://attacker.example\u0007x\u001b]8;;\u0007');
    // eslint-disable-next-line no-control-regex
    expect(renderText(result)).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    // eslint-disable-next-line no-control-regex
    expect(renderAnnotations(result)[0]!.message).not.toMatch(/[\u0000-\u001f]/);
  });
});

describe('lengths', () => {
  it.each([
    ['abc', 5, 'abc'],
    ['abcdef', 5, 'abcd…'],
    ['abc😀def', 5, 'abc…'],
    ['ab😀def', 5, 'ab😀…'],
  ])('truncate(%j, %d) is %j', (text, max, expected) => {
    expect(truncate(text, max)).toBe(expected);
  });

  it('cuts messages and entries of a finding', () => {
    const huge = 'x'.repeat(10_000_000);
    const f = bounded({
      ruleId: 'invalid-entry',
      severity: 'error',
      message: `"${huge}" is not a host name`,
      location: { file: 'a.txt', line: 1, column: 1 },
      entry: huge,
    } satisfies Finding);
    expect(f.message.length).toBe(MAX_MESSAGE_LENGTH);
    expect(f.message.endsWith('…')).toBe(true);
    expect(f.entry!.length).toBe(MAX_ENTRY_LENGTH);
  });

  it('keeps short findings as they are', () => {
    const f: Finding = {
      ruleId: 'invalid-entry',
      severity: 'error',
      message: 'short',
      location: { file: 'a.txt', line: 1, column: 1 },
    };
    expect(bounded(f)).toBe(f);
  });
});
