import { describe, expect, it } from 'vitest';
import {
  attributeOf,
  blocksOf,
  evaluate,
  parseHcl,
  unknown,
  valueFromData,
  type HclBody,
  type HclExpression,
  type HclScope,
  type HclValue,
} from '../../../src/formats/syntax/hcl.js';

const at = (p: { line: number; column: number }) => `@${p.line}:${p.column}`;

/** A compact, exact rendering of an expression with the position of every node. */
function show(e: HclExpression): string {
  switch (e.kind) {
    case 'template': {
      const parts = e.parts.map((p) =>
        p.kind === 'text'
          ? `${JSON.stringify(p.value)}${at(p.start)}`
          : p.kind === 'interpolation'
            ? `\${${show(p.expression)}}${at(p.start)}`
            : `%{${p.keyword}}${at(p.start)}`,
      );
      return `${e.heredoc ? 'heredoc' : 'string'}${at(e.start)}(${parts.join(' ')})`;
    }
    case 'literal':
      return `${JSON.stringify(e.value)}${at(e.start)}`;
    case 'tuple':
      return `[${e.items.map(show).join(', ')}]${at(e.start)}`;
    case 'object':
      return `{${e.items.map((i) => `${show(i.key)} = ${show(i.value)}`).join(', ')}}${at(e.start)}`;
    case 'traversal': {
      const root = typeof e.root === 'string' ? e.root : `(${show(e.root)})`;
      const steps = e.steps.map((s) =>
        s.kind === 'attr' ? `.${s.name}` : s.kind === 'splat' ? '[*]' : `[${show(s.key)}]`,
      );
      return `${root}${steps.join('')}${at(e.start)}`;
    }
    case 'call':
      return `${e.name}(${e.args.map(show).join(', ')}${e.expandFinal ? '...' : ''})${at(e.start)}`;
    default:
      return `${e.kind}${at(e.start)}`;
  }
}

function showBody(body: HclBody): string[] {
  return body.items.flatMap((item) =>
    item.kind === 'attribute'
      ? [`${item.name}${at(item.start)} = ${show(item.expression)}`]
      : [
          `${item.type}${item.labels.map((l) => ` "${l.value}"${at(l.start)}`).join('')}${at(item.start)} {`,
          ...showBody(item.body).map((l) => `  ${l}`),
          '}',
        ],
  );
}

function problems(text: string): string[] {
  return parseHcl(text).problems.map((p) => `${p.start.line}:${p.start.column} ${p.message}`);
}

describe('parseHcl: structure', () => {
  it.each([
    ['a = 1', ['a@1:1 = 1@1:5']],
    ['a = true\nb = null\nc = 1.5e3', ['a@1:1 = true@1:5', 'b@2:1 = null@2:5', 'c@3:1 = 1500@3:5']],
    ['name = "x"', ['name@1:1 = string@1:8("x"@1:9)']],
    ['e = ""', ['e@1:1 = string@1:5()']],
    ['x = var.a.b', ['x@1:1 = var.a.b@1:5']],
    ['x = var.domains["xyz"]', ['x@1:1 = var.domains[string@1:17("xyz"@1:18)]@1:5']],
    ['x = a.b[0].c[*].d', ['x@1:1 = a.b[0@1:9].c[*].d@1:5']],
    ['x = a.0', ['x@1:1 = a[0@1:7]@1:5']],
    ['x = f(1, [2])', ['x@1:1 = f(1@1:7, [2@1:11]@1:10)@1:5']],
    ['x = f(a...)', ['x@1:1 = f(a@1:7...)@1:5']],
    [
      'x = provider::aws::arn_parse("a")',
      ['x@1:1 = provider::aws::arn_parse(string@1:30("a"@1:31))@1:5'],
    ],
    ['x = f(\n  1,\n  2,\n)', ['x@1:1 = f(1@2:3, 2@3:3)@1:5']],
    [
      'l = [\n  "a", # first\n  "b",\n]',
      ['l@1:1 = [string@2:3("a"@2:4), string@3:3("b"@3:4)]@1:5'],
    ],
    ['o = { a = 1, "b" = 2 }', ['o@1:1 = {a@1:7 = 1@1:11, string@1:14("b"@1:15) = 2@1:20}@1:5']],
    ['o = {\n  a: 1\n  b = [1]\n}', ['o@1:1 = {a@2:3 = 1@2:6, b@3:3 = [1@3:8]@3:7}@1:5']],
    ['x = -1 + 2 * 3', ['x@1:1 = operation@1:5']],
    ['x = a == b ? "y" : "n"', ['x@1:1 = conditional@1:5']],
    ['x = [for s in var.l : upper(s) if s != ""]', ['x@1:1 = for@1:5']],
    ['x = {for k, v in var.m : k => v...}', ['x@1:1 = for@1:5']],
    ['x = (1)', ['x@1:1 = 1@1:5']],
    [
      'resource "a_b" "c" {\n  k = 1\n}',
      ['resource "a_b"@1:11 "c"@1:17@1:1 {', '  k@2:3 = 1@2:7', '}'],
    ],
    ['a b {\n}\nc {}', ['a "b"@1:3@1:1 {', '}', 'c@3:1 {', '}']],
    ['one { x = 1 }', ['one@1:1 {', '  x@1:7 = 1@1:11', '}']],
    ['for-each = 1', ['for-each@1:1 = 1@1:12']],
    ['ünïcode = 1', ['ünïcode@1:1 = 1@1:11']],
  ])('%j', (text, expected) => {
    const doc = parseHcl(text);
    expect(doc.problems).toEqual([]);
    expect(showBody(doc.body)).toEqual(expected);
  });

  it('counts columns after a byte order mark and before a carriage return from the first visible character', () => {
    const doc = parseHcl('\uFEFFa = "x"\r\nb = 2\r\n');
    expect(doc.problems).toEqual([]);
    expect(showBody(doc.body)).toEqual(['a@1:1 = string@1:5("x"@1:6)', 'b@2:1 = 2@2:5']);
  });
});

describe('parseHcl: templates', () => {
  it.each([
    ['"a${var.b}c"', 'string@1:5("a"@1:6 ${var.b@1:9}@1:7 "c"@1:15)'],
    ['"${~ var.b ~}"', 'string@1:5(${var.b@1:10}@1:6)'],
    ['"$${x} %%{y}"', 'string@1:5("${x} %{y}"@1:6)'],
    ['"a\\"b\\\\c\\n\\t"', 'string@1:5("a\\"b\\\\c\\n\\t"@1:6)'],
    ['"\\u00e9\\U0001F600"', 'string@1:5("é😀"@1:6)'],
    ['"%{ if var.x }y%{ endif }"', 'string@1:5(%{if}@1:6 "y"@1:19 %{endif}@1:20)'],
    ['"${"inner ${var.x}"}"', 'string@1:5(${string@1:8("inner "@1:9 ${var.x@1:17}@1:15)}@1:6)'],
    ['"a$b%c$"', 'string@1:5("a$b%c$"@1:6)'],
  ])('%s', (value, expected) => {
    const doc = parseHcl(`x = ${value}`);
    expect(doc.problems).toEqual([]);
    expect(showBody(doc.body)).toEqual([`x@1:1 = ${expected}`]);
  });

  it('reads heredocs, with their indentation removed for <<-', () => {
    const doc = parseHcl(
      [
        'a = <<EOT',
        'one ${var.x}',
        '  two',
        'EOT',
        'b = <<-EOT',
        '    three',
        '      four',
        '    EOT',
        'c = 1',
      ].join('\n'),
    );
    expect(doc.problems).toEqual([]);
    expect(showBody(doc.body)).toEqual([
      'a@1:1 = heredoc@1:5("one "@2:1 ${var.x@2:7}@2:5 "\\n  two\\n"@2:13)',
      'b@5:1 = heredoc@5:5("three\\n  four\\n"@6:1)',
      'c@9:1 = 1@9:5',
    ]);
  });
});

describe('parseHcl: comments', () => {
  const doc = parseHcl(
    [
      '# header',
      '',
      '# about a',
      '// and more',
      'a = 1 # inline a',
      '/* block */',
      'b = [',
      '  "x", # about x',
      ']',
      '#####',
      'c = 3',
    ].join('\n'),
  );

  it('collects the three comment styles with positions', () => {
    expect(doc.problems).toEqual([]);
    expect(doc.comments).toEqual([
      { text: 'header', line: 1, column: 1, ownLine: true },
      { text: 'about a', line: 3, column: 1, ownLine: true },
      { text: 'and more', line: 4, column: 1, ownLine: true },
      { text: 'inline a', line: 5, column: 7, ownLine: false },
      { text: 'block', line: 6, column: 1, ownLine: true },
      { text: 'about x', line: 8, column: 8, ownLine: false },
      { text: '####', line: 10, column: 1, ownLine: true },
    ]);
  });

  it.each([
    [5, 5, 'inline a'],
    [4, 4, 'about a'],
    [7, 9, 'block'],
    [8, 8, 'about x'],
    [11, 11, undefined],
    [2, 2, 'header'],
  ])('the comment for lines %i-%i is %j', (start, end, expected) => {
    expect(doc.commentFor(start, end)).toBe(expected);
  });
});

describe('parseHcl: syntax errors', () => {
  it.each([
    ['a = ', ['1:5 expected a value, found the end of the file']],
    ['a = 1 2', ['1:7 expected a new line after the value of "a", found "2"']],
    ['a 1', ['1:3 expected "=" or "{" after "a", found "1"']],
    ['= 1\nb = 2', ['1:1 expected an attribute or a block, found "="']],
    ['a = "abc\nb = 2', ['1:5 unterminated string: the closing quote is missing']],
    ['a = "\\q"', ['1:6 invalid escape "\\q" in a string']],
    ['a = "\\u12"', ['1:6 invalid escape "\\u12" in a string']],
    [
      'a = [1, 2',
      ['1:10 expected "]" to close the list opened at line 1, found the end of the file'],
    ],
    ['a = [1 2]', ['1:8 expected "," or "]" in a list, found "2"']],
    ['a = { b }', ['1:9 expected "=" after an object key, found "}"']],
    ['a = f(1', ['1:5 the call of "f" is not closed: ")" is missing']],
    ['a = "${var.x"', ['1:13 expected "}" to close the "${" at line 1, column 6, found a string']],
    ['b {\n  c = 1\n', ['1:3 the block opened here is not closed: "}" is missing']],
    ['}\na = 1', ['1:1 unexpected "}" outside a block']],
    ['a = <<EOF\nxx\n', ['1:5 unterminated heredoc: no line reads "EOF"']],
    ['/* open', ['1:1 unterminated comment: "*/" is missing']],
    ['r "${x}" {\n}', ['1:3 a block label cannot contain "${" or "%{"']],
    ['a = x.', ['1:7 expected an attribute name after ".", found the end of the file']],
    ['a = b[1', ['1:8 expected "]" to close the index, found the end of the file']],
    ['a = ¤', ['1:5 expected a value, found "¤"']],
    ['a = 1 ? 2', ['1:10 expected ":" in a conditional, found the end of the file']],
  ])('%j', (text, expected) => {
    expect(problems(text)).toEqual(expected);
  });

  it('reads on after an error: the next line is parsed', () => {
    const doc = parseHcl('a = = 1\nb = 2\nc {\n  d = [1,\n}\ne = 3');
    expect(showBody(doc.body).filter((l) => !l.startsWith('a'))).toEqual([
      'b@2:1 = 2@2:5',
      'c@3:1 {',
      '  d@4:3 = [1@4:8]@4:7',
      '}',
      'e@6:1 = 3@6:5',
    ]);
  });

  it('refuses nesting deeper than 256 levels instead of exhausting the stack', () => {
    expect(problems(`a = ${'['.repeat(100_000)}`)).toEqual([
      '1:261 nested more than 256 levels deep; the rest of the file is not read',
    ]);
    expect(problems('b {\n'.repeat(10_000))).toEqual([
      '257:3 nested more than 256 levels deep; the rest of the file is not read',
    ]);
  });
});

describe('evaluate', () => {
  const doc = parseHcl(
    [
      'l = ["a", "b${var.s}", 3]',
      'o = { k = "v", n = [1] }',
      'i = var.m["x"]',
      'f = concat(["a"], tolist(["b"]), flatten([["c"], ["d"]]))',
      'u = var.missing',
      'p = "x.${var.missing}"',
      'c = cidrsubnet("10.0.0.0/8", 8, 1)',
      'j = join(",", ["a", "b"])',
      'd = distinct(["a", "a", "b"])',
      'e = lower("ABC")',
      'q = local.x[5]',
    ].join('\n'),
  );
  const scope: HclScope = (t) => {
    const name = t.steps[0]?.kind === 'attr' ? t.steps[0].name : '';
    const data: Record<string, unknown> = { s: 'S', m: { x: 'X' } };
    if (t.root === 'var' && name in data)
      return { value: valueFromData(data[name], t.start)!, used: 1 };
    if (t.root === 'local') return { value: valueFromData(['only'], t.start)!, used: 1 };
    return { value: unknown(`no ${t.root}.${name}`, t.start), used: 1 };
  };
  const plain = (v: HclValue): unknown => {
    switch (v.kind) {
      case 'list':
        return v.items.map(plain);
      case 'object':
        return Object.fromEntries([...v.entries].map(([k, x]) => [k, plain(x)]));
      case 'unknown':
        return `?${v.message}${at(v.start)}`;
      case 'null':
        return null;
      default:
        return v.value;
    }
  };
  const value = (name: string) =>
    plain(evaluate(doc, attributeOf(doc.body, name)!.expression, scope));

  it.each([
    ['l', ['a', 'bS', 3]],
    ['o', { k: 'v', n: [1] }],
    ['i', 'X'],
    ['f', ['a', 'b', 'c', 'd']],
    ['u', '?no var.missing@5:5'],
    ['p', '?no var.missing@6:10'],
    ['c', '?cannot evaluate "cidrsubnet("10.0.0.0/8", 8, 1)"@7:5'],
    ['j', 'a,b'],
    ['d', ['a', 'b']],
    ['e', 'abc'],
    ['q', '?cannot resolve "local.x[5]"@11:5'],
  ])('%s', (name, expected) => {
    expect(value(name)).toEqual(expected);
  });

  it('keeps where each value is written', () => {
    const v = evaluate(doc, attributeOf(doc.body, 'l')!.expression, scope);
    expect(v.kind === 'list' && v.items.map((i) => at(i.start))).toEqual([
      '@1:7',
      '@1:12',
      '@1:24',
    ]);
  });

  it('finds blocks and attributes by name', () => {
    const d = parseHcl('r "a" {\n  x = 1\n  s {}\n  s {}\n}');
    const r = blocksOf(d.body, 'r');
    expect(r).toHaveLength(1);
    expect(blocksOf(r[0]!.body, 's')).toHaveLength(2);
    expect(attributeOf(r[0]!.body, 'x')?.start).toEqual({ offset: 10, line: 2, column: 3 });
    expect(attributeOf(r[0]!.body, 'y')).toBeUndefined();
  });
});
