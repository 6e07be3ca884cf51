import { positionOf } from '../../../src/formats/syntax/positions.js';
import { describe, expect, it } from 'vitest';
import {
  jsonSyntaxError,
  LineScanner,
  notTextProblem,
  splitPath,
  type TrailingComments,
} from '../../../src/formats/syntax/source.js';

/** What the scanner says about each line, without the fields that do not apply. */
function scan(text: string, trailing: TrailingComments = 'marker') {
  const out: Record<string, unknown>[] = [];
  const scanner = new LineScanner(text, trailing);
  while (scanner.next()) {
    const { line, kind, value, column, comment, extra, extraColumn } = scanner;
    out.push({
      line,
      kind,
      ...(kind === 'value' ? { value, column } : {}),
      ...(comment !== undefined ? { comment } : {}),
      ...(extra !== undefined ? { extra, extraColumn } : {}),
    });
  }
  return out;
}

describe('LineScanner: lines', () => {
  it.each([
    ['a\nb', ['a', 'b']],
    ['a\r\nb\r\n', ['a', 'b']],
    ['\uFEFFa\nb\n', ['a', 'b']],
    ['a\n\nb\n\n', ['a', '', 'b', '']],
    ['', ['']],
    ['\uFEFF', ['']],
    ['a\rb', ['a\rb']],
  ])('%j', (text, lines) => {
    const seen = scan(text).map((l) => (l.kind === 'value' ? l.value : ''));
    expect(seen).toEqual(lines.map((l) => l.split('\r')[0]));
    expect(scan(text).map((l) => l.line)).toEqual(lines.map((_, i) => i + 1));
  });
});

describe('LineScanner: one line', () => {
  const cases: [string, TrailingComments, Record<string, unknown>][] = [
    ['', 'marker', { kind: 'blank' }],
    [' \t ', 'marker', { kind: 'blank' }],
    ['# hello ', 'marker', { kind: 'comment', comment: 'hello' }],
    ['  ; semi', 'marker', { kind: 'comment', comment: 'semi' }],
    ['// slashes', 'marker', { kind: 'comment', comment: 'slashes' }],
    ['example.com', 'marker', { kind: 'value', value: 'example.com', column: 1 }],
    ['\t  example.com  \t', 'marker', { kind: 'value', value: 'example.com', column: 4 }],
    [
      '*.tenor.com  # For GIFs',
      'marker',
      { kind: 'value', value: '*.tenor.com', column: 1, comment: 'For GIFs' },
    ],
    ['a.com ; why', 'marker', { kind: 'value', value: 'a.com', column: 1, comment: 'why' }],
    ['a.com // why', 'marker', { kind: 'value', value: 'a.com', column: 1, comment: 'why' }],
    ['a.com#glued', 'marker', { kind: 'value', value: 'a.com#glued', column: 1 }],
    [
      'out look.com',
      'marker',
      { kind: 'value', value: 'out', column: 1, extra: 'look.com', extraColumn: 5 },
    ],
    [
      '1.2.3.4 test server ',
      'any',
      { kind: 'value', value: '1.2.3.4', column: 1, comment: 'test server' },
    ],
    ['1.2.3.4 # test', 'any', { kind: 'value', value: '1.2.3.4', column: 1, comment: 'test' }],
    // Only ASCII whitespace separates: a no-break space or a byte order mark is part of the value.
    ['\u00A0a.com', 'marker', { kind: 'value', value: '\u00A0a.com', column: 1 }],
    [
      'a.com\u00A0# c',
      'marker',
      { kind: 'value', value: 'a.com\u00A0#', column: 1, extra: 'c', extraColumn: 9 },
    ],
    ['  \uFEFFa.com', 'marker', { kind: 'value', value: '\uFEFFa.com', column: 3 }],
    ['a.com\r', 'marker', { kind: 'value', value: 'a.com', column: 1 }],
    ['a.com # c\r', 'marker', { kind: 'value', value: 'a.com', column: 1, comment: 'c' }],
  ];
  it.each(cases)('%j (%s)', (line, trailing, parts) => {
    expect(scan(line, trailing)).toEqual([{ line: 1, ...parts }]);
    // The same line inside a larger text: fields from the previous line do not leak.
    expect(scan(`x.com # before\n${line}\nz.com`, trailing)[1]).toEqual({ line: 2, ...parts });
  });
});

describe('splitPath', () => {
  it.each([
    ['example.com', { host: 'example.com' }],
    ['example.com/', { host: 'example.com', path: '/' }],
    ['example.com/a/b?c', { host: 'example.com', path: '/a/b?c' }],
    ['example.com?q', { host: 'example.com', path: '?q' }],
    ['10.0.0.0/8', { host: '10.0.0.0/8' }],
    ['http://example.com/a', { host: 'http://example.com/a' }],
  ])('%s', (text, parts) => {
    expect(splitPath(text)).toEqual(parts);
  });
});

describe('notTextProblem', () => {
  it.each([
    ['a\0b', '"f.bin" is not a text file (it contains NUL bytes)'],
    ['caf\uFFFD', '"f.bin" is not a text file (it is not valid UTF-8)'],
  ])('%j', (text, message) => {
    expect(notTextProblem({ path: 'f.bin', text })).toEqual({
      location: { file: 'f.bin', line: 0, column: 1 },
      message,
    });
  });

  it('accepts text', () => {
    expect(notTextProblem({ path: 'a.txt', text: 'héllo\n' })).toBeUndefined();
  });
});

describe('positionOf', () => {
  it.each([
    [0, { line: 1, column: 1 }],
    [2, { line: 1, column: 3 }],
    [3, { line: 2, column: 1 }],
    [5, { line: 3, column: 1 }],
  ])('offset %i', (offset, pos) => {
    expect(positionOf('ab\nc\nd', offset)).toEqual(pos);
  });
});

describe('jsonSyntaxError', () => {
  it.each([
    '{}',
    '[]',
    ' {"a": [1, -2.5e3, true, false, null, "x\\n\\u00e9"], "b": {}} ',
    '"just a string"',
  ])('accepts %s', (text) => {
    expect(jsonSyntaxError(text)).toBeUndefined();
  });

  it.each([
    ['', 0, 'expected a value, found end of file'],
    ['{"a": }', 6, 'expected a value, found "}"'],
    ['{"a": 1,}', 7, 'trailing comma before "}"'],
    ['[1, 2, ]', 5, 'trailing comma before "]"'],
    ['{a: 1}', 1, 'expected a quoted property name, found "a"'],
    ['{"a" 1}', 5, 'expected ":" after a property name, found "1"'],
    ['[1 2]', 3, 'expected "," or "]", found "2"'],
    ['{"a": "x', 6, 'unterminated string'],
    ['"a\\q"', 2, 'invalid escape "\\q" in a string'],
    ['"a\tb"', 2, 'control character in a string (write it as an escape)'],
    ['{} x', 3, 'unexpected "x" after the end of the JSON value'],
    ['// c\n{}', 0, 'expected a value, found "/"'],
    ['[01]', 2, 'expected "," or "]", found "1"'],
  ])('%j', (text, offset, message) => {
    expect(jsonSyntaxError(text)).toEqual({ offset, message });
    expect(() => JSON.parse(text)).toThrow();
  });

  it('does not overflow the stack on deep nesting', () => {
    const deep = '['.repeat(200_000);
    expect(jsonSyntaxError(deep)?.message).toMatch(
      /^(nested too deeply|expected a value, found end of file)$/,
    );
  });
});
