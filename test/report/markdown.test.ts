import { describe, expect, it } from 'vitest';
import { blobUrl, code, text, truncate } from '../../src/report/markdown.js';

describe('text: user text as inert Markdown', () => {
  it.each([
    ['plain.example.com', 'plain.example.com'],
    ['a|b', 'a&#124;b'],
    ['`rm -rf`', '&#96;rm -rf&#96;'],
    ['<img src=x onerror=alert(1)>', '&#60;img src=x onerror=alert(1)&#62;'],
    ['[click](https://evil.example)', '&#91;click&#93;(https://evil.example)'],
    ['![x](http://t.example/p.png)', '&#33;&#91;x&#93;(http://t.example/p.png)'],
    ['AT&T', 'AT&#38;T'],
    ['line1\nline2\r\nline3', 'line1 line2 line3'],
    ['@octocat please', '&#64;octocat please'],
    ['*.contoso.com', '&#42;.contoso.com'],
    ['_sip._tls', '&#95;sip.&#95;tls'],
    ['# heading', '&#35; heading'],
    ['$x$ math', '&#36;x&#36; math'],
    ['a\u202eevil\u200bb', 'a evil b'],
    ['back\\slash', 'back&#92;slash'],
  ])('%j → %j', (input, expected) => {
    expect(text(input)).toBe(expected);
  });

  it('cuts long text at a sane length, by characters', () => {
    expect(text('x'.repeat(500))).toBe(`${'x'.repeat(299)}…`);
    expect(truncate('ééééé', 3)).toBe('éé…');
    expect(text('a|b', 2)).toBe('a…');
  });

  it('code() is HTML code with the same escaping, safe inside a table cell', () => {
    expect(code('net|work/`x`.txt')).toBe('<code>net&#124;work/&#96;x&#96;.txt</code>');
  });
});

describe('blobUrl', () => {
  it.each([
    ['network/proxy/m365.txt', 3, 'https://github.com/o/r/blob/abc/network/proxy/m365.txt#L3'],
    [
      'dir with space/a#b?.txt',
      0,
      'https://github.com/o/r/blob/abc/dir%20with%20space/a%23b%3F.txt',
    ],
    ['x/(evil)!.txt', 1, 'https://github.com/o/r/blob/abc/x/%28evil%29%21.txt#L1'],
  ])('%s:%i', (file, line, expected) => {
    expect(blobUrl('https://github.com/', 'o/r', 'abc', file, line)).toBe(expected);
  });
});
