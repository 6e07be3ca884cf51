import type { ParsedFile, ParseProblem } from '../../model/entry.js';
import {
  AzureSink,
  collectAzureEntries,
  computedWhy,
  eitherBranch,
  fromPlain,
  MAX_ITEMS,
  noDefaultWhy,
  pureCall,
  unknown,
  wrong,
  type ObjVal,
  type Pos,
  type Val,
} from '../syntax/azure.js';
import { CommentIndex, type SourceComment } from '../syntax/comments.js';
import type { AllowlistFormat, ParseOptions, SourceFile } from '../format.js';
import { notTextProblem, withoutBom } from '../syntax/source.js';
import { append } from '../../model/collections.js';
import { Budget } from '../syntax/budget.js';
import { trimSpaces } from '../../model/text.js';
import { BICEP_DESCRIPTION } from './described.js';

/**
 * Bicep files: a small tokenizer and parser that keep the position of every token, and an
 * evaluator that resolves what can be known without deploying (literals, variables, parameter
 * defaults, for-expressions, interpolation) into the resource values that `arm.ts` reads.
 * Linear in the size of the file: one pass to tokenize, one to parse, and each variable is
 * evaluated once.
 */

// ── tokens ──────────────────────────────────────────────────────────────────

const enum T {
  Ident,
  /** A whole string without interpolation. */
  Str,
  /** `'abc${`, `}def${`, `}ghi'`: the pieces of an interpolated string. */
  StrStart,
  StrMid,
  StrEnd,
  Num,
  Punct,
  Newline,
  /** A string that was reported as malformed; its value is not used. */
  Bad,
  Eof,
}

interface Token {
  readonly type: T;
  readonly value: string;
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly column: number;
  /** Where a string's content starts. */
  readonly valueLine: number;
  readonly valueColumn: number;
  /** A string written exactly as its value (no escapes, one line). */
  readonly literal: boolean;
}

class SyntaxIssue {
  constructor(
    readonly line: number,
    readonly column: number,
    readonly message: string,
  ) {}
}

const PUNCT3 = ['...'];
const PUNCT2 = ['=>', '==', '!=', '=~', '!~', '<=', '>=', '&&', '||', '??', '::', '.?'];
const PUNCT1 = '{}[](),:.?!=<>+-*/%|&@';

function isIdentStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}
function isIdentPart(c: number): boolean {
  return isIdentStart(c) || (c >= 48 && c <= 57);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function describeToken(t: Token): string {
  switch (t.type) {
    case T.Eof:
      return 'the end of the file';
    case T.Newline:
      return 'the end of the line';
    case T.Str:
    case T.StrStart:
    case T.Bad:
      return 'a string';
    default:
      return `"${t.value}"`;
  }
}

/** Splits the text into tokens and comments. Malformed strings and characters become problems. */
class Tokenizer {
  readonly tokens: Token[] = [];
  readonly comments: SourceComment[] = [];
  readonly issues: SyntaxIssue[] = [];
  #i = 0;
  #line = 1;
  #lineStart = 0;
  #codeOnLine = false;
  /** Brace depth at which each open `${` started. */
  readonly #interpolations: number[] = [];
  #braces = 0;

  constructor(readonly text: string) {
    this.run();
  }

  /** `valueOffset` is how far into the token a string's content starts. */
  private push(type: T, value: string, start: number, valueOffset = 0, literal = false): void {
    const column = start - this.#lineStart + 1;
    this.tokens.push({
      type,
      value,
      start,
      end: this.#i,
      line: this.#line,
      column,
      valueLine: this.#line,
      valueColumn: column + valueOffset,
      literal,
    });
    if (type !== T.Newline) this.#codeOnLine = true;
  }

  private newline(at: number): void {
    this.#line++;
    this.#lineStart = at + 1;
    this.#codeOnLine = false;
  }

  private run(): void {
    const s = this.text;
    const n = s.length;
    while (this.#i < n) {
      const start = this.#i;
      const c = s.charCodeAt(start);
      if (c === 10) {
        this.#i++;
        this.push(T.Newline, '\n', start);
        this.newline(start);
      } else if (
        c === 32 ||
        c === 9 ||
        c === 13 ||
        c === 0xa0 ||
        c === 0xfeff ||
        c === 11 ||
        c === 12
      ) {
        this.#i++;
      } else if (c === 35 && !this.#codeOnLine) {
        // `#disable-next-line rule`: a directive to the linter, to the end of the line.
        const newline = s.indexOf('\n', start);
        this.#i = newline < 0 ? n : newline;
      } else if (c === 47 && s.charCodeAt(start + 1) === 47) {
        const newline = s.indexOf('\n', start);
        const end = newline < 0 ? n : newline;
        this.comments.push({
          line: this.#line,
          endLine: this.#line,
          text: trimSpaces(s.slice(start + 2, end)),
          ownLine: !this.#codeOnLine,
        });
        this.#i = end;
      } else if (c === 47 && s.charCodeAt(start + 1) === 42) {
        this.blockComment(start);
      } else if (c === 39) {
        if (s.startsWith("'''", start)) this.multiline(start);
        else this.string(start, true);
      } else if (isIdentStart(c)) {
        let i = start + 1;
        while (i < n && isIdentPart(s.charCodeAt(i))) i++;
        this.#i = i;
        this.push(T.Ident, s.slice(start, i), start);
      } else if (isDigit(c)) {
        let i = start + 1;
        while (i < n && isDigit(s.charCodeAt(i))) i++;
        if (s.charCodeAt(i) === 46 && isDigit(s.charCodeAt(i + 1))) {
          i += 2;
          while (i < n && isDigit(s.charCodeAt(i))) i++;
        }
        this.#i = i;
        this.push(T.Num, s.slice(start, i), start);
      } else if (
        c === 125 &&
        this.#interpolations.length > 0 &&
        this.#braces === this.#interpolations[this.#interpolations.length - 1]
      ) {
        // The `}` that closes an interpolation: the string goes on.
        this.#interpolations.pop();
        this.#braces--;
        this.string(start, false);
      } else {
        this.punct(start);
      }
    }
    this.push(T.Eof, '', n);
  }

  private punct(start: number): void {
    const s = this.text;
    const three = s.slice(start, start + 3);
    const two = s.slice(start, start + 2);
    let value: string;
    if (PUNCT3.includes(three)) value = three;
    else if (PUNCT2.includes(two) && (two !== '.?' || isIdentStart(s.charCodeAt(start + 2))))
      value = two;
    else if (PUNCT1.includes(s[start]!)) value = s[start]!;
    else {
      const ch = String.fromCodePoint(s.codePointAt(start)!);
      this.#i = start + ch.length;
      this.issues.push(
        new SyntaxIssue(
          this.#line,
          start - this.#lineStart + 1,
          `unexpected character ${JSON.stringify(ch)}`,
        ),
      );
      return;
    }
    this.#i = start + value.length;
    if (value === '{') this.#braces++;
    else if (value === '}') this.#braces--;
    this.push(T.Punct, value, start);
  }

  private blockComment(start: number): void {
    const s = this.text;
    const close = s.indexOf('*/', start + 2);
    const end = close < 0 ? s.length : close + 2;
    const line = this.#line;
    const ownLine = !this.#codeOnLine;
    if (close < 0) {
      this.issues.push(new SyntaxIssue(line, start - this.#lineStart + 1, 'unterminated comment'));
    }
    for (let i = s.indexOf('\n', start); i !== -1 && i < end; i = s.indexOf('\n', i + 1))
      this.newline(i);
    this.comments.push({
      line,
      endLine: this.#line,
      text: trimSpaces(
        s.slice(start + 2, close < 0 ? end : close).replace(/^[ \t]*(?:\*+[ \t]?)?/gm, ''),
      ),
      ownLine,
    });
    // A comment that ends a line leaves the next line without code.
    if (this.#line !== line) this.#codeOnLine = false;
    this.#i = end;
  }

  private multiline(start: number): void {
    const s = this.text;
    const close = s.indexOf("'''", start + 3);
    const line = this.#line;
    const column = start - this.#lineStart + 1;
    let contentStart = start + 3;
    // A line break right after the opening quotes is not part of the value.
    if (s.charCodeAt(contentStart) === 13 && s.charCodeAt(contentStart + 1) === 10)
      contentStart += 2;
    else if (s.charCodeAt(contentStart) === 10) contentStart += 1;
    if (close < 0) {
      this.issues.push(new SyntaxIssue(line, column, "unterminated multi-line string (''')"));
    }
    let end = close < 0 ? s.length : close + 3;
    // `''''` and more: the last three quotes close the string.
    while (close >= 0 && s.charCodeAt(end) === 39) end++;
    const value = s.slice(contentStart, close < 0 ? end : end - 3);
    const before =
      contentStart === start + 3 ? { line, column: column + 3 } : { line: line + 1, column: 1 };
    for (let i = s.indexOf('\n', start); i !== -1 && i < end; i = s.indexOf('\n', i + 1))
      this.newline(i);
    this.#i = end;
    this.tokens.push({
      type: close < 0 ? T.Bad : T.Str,
      value,
      start,
      end,
      line,
      column,
      valueLine: before.line,
      valueColumn: before.column,
      literal: false,
    });
    this.#codeOnLine = true;
  }

  /** From an opening quote, or from the `}` that ends an interpolation, to the next `'` or `${`. */
  private string(start: number, opening: boolean): void {
    const s = this.text;
    const n = s.length;
    const line = this.#line;
    const column = start - this.#lineStart + 1;
    let value = '';
    let escapes = false;
    let i = start + 1;
    // Plain runs are copied as slices, so long strings cost one pass.
    let run = i;
    for (;;) {
      const c = s.charCodeAt(i);
      if (i >= n || c === 10) {
        this.issues.push(new SyntaxIssue(line, column, 'unterminated string'));
        this.#i = i;
        this.push(T.Bad, value + s.slice(run, i), start);
        // Inside an interpolation that never closed: give up on the interpolation too.
        this.#interpolations.length = 0;
        this.#braces = 0;
        return;
      }
      if (c === 39) {
        this.#i = i + 1;
        value += s.slice(run, i);
        this.push(opening ? T.Str : T.StrEnd, value, start, 1, opening && !escapes);
        return;
      }
      if (c === 36 && s.charCodeAt(i + 1) === 123) {
        this.#i = i + 2;
        this.push(opening ? T.StrStart : T.StrMid, value + s.slice(run, i), start, 1);
        this.#braces++;
        this.#interpolations.push(this.#braces);
        return;
      }
      if (c !== 92) {
        i++;
        continue;
      }
      value += s.slice(run, i);
      escapes = true;
      const e = s[i + 1];
      const simple = e === undefined ? undefined : ESCAPES.get(e);
      const unicode = e === 'u' ? /^u\{([0-9a-fA-F]{1,6})\}/.exec(s.slice(i + 1, i + 11)) : null;
      if (simple !== undefined) {
        value += simple;
        i += 2;
      } else if (unicode && Number.parseInt(unicode[1]!, 16) <= 0x10ffff) {
        value += String.fromCodePoint(Number.parseInt(unicode[1]!, 16));
        i += 1 + unicode[0].length;
      } else {
        const message = `invalid escape "${s.slice(i, i + 2)}" in a string`;
        this.issues.push(new SyntaxIssue(this.#line, i - this.#lineStart + 1, message));
        i += e === undefined || e === '\n' ? 1 : 2;
      }
      run = i;
    }
  }
}

const ESCAPES = new Map([
  ['\\', '\\'],
  ["'", "'"],
  ['n', '\n'],
  ['r', '\r'],
  ['t', '\t'],
  ['$', '$'],
]);

// ── syntax tree ─────────────────────────────────────────────────────────────

interface NodeBase {
  readonly line: number;
  readonly column: number;
  readonly start: number;
  readonly end: number;
}

type Expr = NodeBase &
  (
    | { readonly k: 'str'; readonly v: string; readonly at: Pos; readonly literal: boolean }
    | {
        readonly k: 'interp';
        readonly parts: readonly string[];
        readonly exprs: readonly Expr[];
        readonly at: Pos;
      }
    | { readonly k: 'num'; readonly v: number }
    | { readonly k: 'bool'; readonly v: boolean }
    | { readonly k: 'null' }
    | { readonly k: 'bad' }
    | { readonly k: 'arr'; readonly items: readonly Expr[] }
    | { readonly k: 'spread'; readonly arg: Expr }
    | { readonly k: 'obj'; readonly props: readonly Prop[] }
    | {
        readonly k: 'for';
        readonly item: string;
        readonly index: string | undefined;
        readonly source: Expr;
        readonly body: Expr;
      }
    | { readonly k: 'ref'; readonly name: string }
    | { readonly k: 'member'; readonly obj: Expr; readonly name: string }
    | { readonly k: 'index'; readonly obj: Expr; readonly index: Expr }
    | { readonly k: 'call'; readonly callee: Expr; readonly args: readonly Expr[] }
    | { readonly k: 'unary'; readonly op: string; readonly arg: Expr }
    | { readonly k: 'binary'; readonly op: string; readonly left: Expr; readonly right: Expr }
    | { readonly k: 'ternary'; readonly cond: Expr; readonly then: Expr; readonly else: Expr }
    | { readonly k: 'lambda' }
  );

/** An expression's own fields, without the position every node has. */
type ExprFields = Expr extends infer E
  ? E extends unknown
    ? Omit<E, keyof NodeBase>
    : never
  : never;

/** An object property, or a spread (`...other`) when `key` is undefined. */
interface Prop {
  readonly key: string | undefined;
  /** The key in lower case: Azure compares property names case-insensitively. */
  readonly lower: string | undefined;
  readonly value: Expr;
  readonly keyAt?: Pos;
}

function distinctKeys(props: readonly Prop[]): string[] {
  const seen = new Set<string>();
  const keys: string[] = [];
  for (const p of props) {
    if (p.key === undefined || seen.has(p.lower!)) continue;
    seen.add(p.lower!);
    keys.push(p.key);
  }
  return keys;
}

interface Program {
  readonly params: Map<string, { readonly name: string; readonly value: Expr | undefined }>;
  readonly vars: Map<string, Expr>;
  /** Resource symbols: references to them are known only after deployment. */
  readonly symbols: Set<string>;
  /** Names imported from other files (`import { a } from './x.bicep'`, `import * as ns ...`). */
  readonly imports: Set<string>;
  /** Bodies of resources (nested ones too) and modules, to be searched for allowlists. */
  readonly bodies: Expr[];
}

/** Declarations that are read for their shape only, and skipped to the end of the statement. */
const SKIPPED = new Set([
  'output',
  'type',
  'func',
  'metadata',
  'targetScope',
  'import',
  'using',
  'extension',
  'provider',
  'assert',
]);
const KEYWORDS = new Set(['param', 'var', 'resource', 'module', ...SKIPPED]);
const MAX_NESTING = 200;

const BINARY: readonly (readonly string[])[] = [
  ['??'],
  ['||'],
  ['&&'],
  ['==', '!=', '=~', '!~'],
  ['<', '>', '<=', '>='],
  ['+', '-'],
  ['*', '/', '%'],
];

class Parser {
  readonly program: Program = {
    params: new Map(),
    vars: new Map(),
    symbols: new Set(),
    imports: new Set(),
    bodies: [],
  };
  readonly issues: SyntaxIssue[] = [];
  #i = 0;
  #depth = 0;

  constructor(readonly tokens: readonly Token[]) {}

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.#i + offset, this.tokens.length - 1)]!;
  }
  private next(): Token {
    const t = this.peek();
    if (t.type !== T.Eof) this.#i++;
    return t;
  }
  private get lastEnd(): number {
    return this.tokens[this.#i - 1]?.end ?? 0;
  }
  private is(value: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t.type === T.Punct && t.value === value;
  }
  private isWord(value: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t.type === T.Ident && t.value === value;
  }
  private fail(t: Token, message: string): never {
    throw new SyntaxIssue(t.line, t.column, message);
  }
  private expect(value: string, what: string): Token {
    const t = this.peek();
    if (t.type === T.Punct && t.value === value) return this.next();
    return this.fail(t, `expected "${value}" ${what}, found ${describeToken(t)}`);
  }
  private identifier(what: string): Token {
    const t = this.peek();
    if (t.type === T.Ident) return this.next();
    return this.fail(t, `expected ${what}, found ${describeToken(t)}`);
  }
  private skipNewlines(): void {
    while (this.peek().type === T.Newline) this.#i++;
  }

  parse(): Program {
    for (;;) {
      this.skipNewlines();
      const t = this.peek();
      if (t.type === T.Eof) break;
      const before = this.#i;
      try {
        if (this.statement() === 'decorator') continue;
        const after = this.peek();
        if (after.type !== T.Newline && after.type !== T.Eof) {
          this.fail(
            after,
            `expected a new line after the declaration, found ${describeToken(after)}`,
          );
        }
      } catch (e) {
        if (!(e instanceof SyntaxIssue)) throw e;
        this.issues.push(e);
        if (this.#i === before) this.#i++;
        this.recoverStatement();
      }
    }
    return this.program;
  }

  /** Skips to the next line that starts with a declaration keyword or a decorator in column 1. */
  private recoverStatement(): void {
    for (;;) {
      const t = this.peek();
      if (t.type === T.Eof) return;
      if (t.type === T.Newline) {
        const after = this.peek(1);
        if (
          after.column === 1 &&
          ((after.type === T.Ident && KEYWORDS.has(after.value)) ||
            (after.type === T.Punct && after.value === '@'))
        ) {
          this.#i++;
          return;
        }
      }
      this.#i++;
    }
  }

  private statement(): 'decorator' | void {
    const t = this.peek();
    if (t.type === T.Punct && t.value === '@') {
      // A decorator: read and ignored (descriptions, allowed values, secure, batch sizes).
      this.next();
      this.postfix();
      return 'decorator';
    }
    if (t.type !== T.Ident) {
      this.fail(
        t,
        `expected a declaration such as param, var or resource, found ${describeToken(t)}`,
      );
    }
    switch (t.value) {
      case 'param':
        return this.param();
      case 'var':
        return this.variable();
      case 'resource':
        this.resource();
        return;
      case 'module':
        return this.module();
      default:
        if (t.value === 'import') return this.importStatement();
        if (SKIPPED.has(t.value)) return this.skipStatement();
        this.fail(t, `expected a declaration such as param, var or resource, found "${t.value}"`);
    }
  }

  /** Records the names an import brings in (`{ a, b as c }`, `* as ns`), then skips the rest. */
  private importStatement(): void {
    this.next();
    let depth = 0;
    for (;;) {
      const t = this.peek();
      if (t.type === T.Eof || (t.type === T.Newline && depth <= 0)) break;
      if (t.type === T.Ident && t.value === 'from' && depth <= 0) break;
      if (t.type === T.Punct && t.value === '{') depth++;
      else if (t.type === T.Punct && t.value === '}') depth--;
      // In `a as b` and `* as ns` the name after `as` is the one in scope.
      else if (t.type === T.Ident && t.value !== 'as' && !this.isWord('as', 1)) {
        this.program.imports.add(t.value);
      }
      this.#i++;
    }
    this.skipStatement();
  }

  /** To the end of the statement: the first line break outside brackets. */
  private skipStatement(): void {
    let depth = 0;
    for (;;) {
      const t = this.peek();
      if (t.type === T.Eof) return;
      if (t.type === T.Newline && depth <= 0) return;
      if (t.type === T.Punct) {
        if (t.value === '(' || t.value === '[' || t.value === '{') depth++;
        else if (t.value === ')' || t.value === ']' || t.value === '}') depth--;
      } else if (t.type === T.StrStart) depth++;
      else if (t.type === T.StrEnd) depth--;
      this.#i++;
    }
  }

  /** A type (`string`, `string[]`, `{ a: int }`, `'a' | 'b'`), read up to `=` or the end of the line. */
  private skipType(): void {
    let depth = 0;
    for (;;) {
      const t = this.peek();
      if (t.type === T.Eof) return;
      if (depth <= 0 && (t.type === T.Newline || (t.type === T.Punct && t.value === '='))) return;
      if (t.type === T.Punct) {
        if (t.value === '(' || t.value === '[' || t.value === '{') depth++;
        else if (t.value === ')' || t.value === ']' || t.value === '}') depth--;
      }
      this.#i++;
    }
  }

  private param(): void {
    this.next();
    const name = this.identifier('a parameter name').value;
    this.skipType();
    let value: Expr | undefined;
    if (this.is('=')) {
      this.next();
      value = this.expression();
    }
    this.program.params.set(name, { name, value });
  }

  private variable(): void {
    this.next();
    const name = this.identifier('a variable name').value;
    this.skipType();
    this.expect('=', 'after the variable name');
    this.program.vars.set(name, this.expression());
  }

  /** `resource sym 'type@version' [existing] = [if (cond)] body`; returns the symbol. */
  private resource(): void {
    this.next();
    const symbol = this.identifier('a resource name').value;
    this.program.symbols.add(symbol);
    const type = this.peek();
    if (type.type !== T.Str)
      this.fail(type, `expected the resource type as a string, found ${describeToken(type)}`);
    this.next();
    const existing = this.isWord('existing');
    if (existing) this.next();
    this.expect('=', 'after the resource type');
    const body = this.conditional();
    if (!existing) this.program.bodies.push(body);
  }

  private module(): void {
    this.next();
    const symbol = this.identifier('a module name').value;
    this.program.symbols.add(symbol);
    const path = this.peek();
    if (path.type !== T.Str)
      this.fail(path, `expected the module path as a string, found ${describeToken(path)}`);
    this.next();
    this.expect('=', 'after the module path');
    this.program.bodies.push(this.conditional());
  }

  /** A body with an optional `if (condition)`, which is not evaluated: either way may deploy. */
  private conditional(): Expr {
    if (this.isWord('if')) {
      this.next();
      this.expect('(', 'after "if"');
      this.skipNewlines();
      this.expression();
      this.skipNewlines();
      this.expect(')', 'after the condition');
    }
    return this.expression();
  }

  expression(): Expr {
    const first = this.peek();
    if (this.#depth >= MAX_NESTING) this.fail(first, 'expressions are nested too deeply');
    this.#depth++;
    try {
      const cond = this.binary(0);
      if (!this.is('?')) return cond;
      this.next();
      this.skipNewlines();
      const then = this.expression();
      this.skipNewlines();
      this.expect(':', 'in a conditional expression');
      this.skipNewlines();
      const otherwise = this.expression();
      return this.node(first, { k: 'ternary', cond, then, else: otherwise });
    } finally {
      this.#depth--;
    }
  }

  private node(first: Token, fields: ExprFields): Expr {
    return {
      line: first.line,
      column: first.column,
      start: first.start,
      end: this.lastEnd,
      ...fields,
    } as Expr;
  }

  private binary(level: number): Expr {
    const ops = BINARY[level];
    if (!ops) return this.unary();
    const first = this.peek();
    let left = this.binary(level + 1);
    for (;;) {
      const t = this.peek();
      if (t.type !== T.Punct || !ops.includes(t.value)) return left;
      this.next();
      this.skipNewlines();
      const right = this.binary(level + 1);
      left = this.node(first, { k: 'binary', op: t.value, left, right });
    }
  }

  private unary(): Expr {
    const t = this.peek();
    if (t.type === T.Punct && (t.value === '!' || t.value === '-')) {
      this.next();
      const arg = this.unary();
      return this.node(t, { k: 'unary', op: t.value, arg });
    }
    return this.postfix();
  }

  private postfix(): Expr {
    const first = this.peek();
    let e = this.primary();
    for (;;) {
      const t = this.peek();
      if (t.type !== T.Punct) return e;
      if (t.value === '.' || t.value === '.?' || t.value === '::') {
        this.next();
        const name = this.identifier('a property name');
        e = this.node(first, { k: 'member', obj: e, name: name.value });
      } else if (t.value === '[' && t.start === this.lastEnd) {
        this.next();
        if (this.is('?')) this.next();
        this.skipNewlines();
        const index = this.expression();
        this.skipNewlines();
        this.expect(']', 'after an index');
        e = this.node(first, { k: 'index', obj: e, index });
      } else if (t.value === '(' && t.start === this.lastEnd) {
        this.next();
        const args = this.list(')', 'after the arguments');
        e = this.node(first, { k: 'call', callee: e, args });
      } else if (t.value === '!' && t.start === this.lastEnd) {
        this.next(); // non-null assertion
      } else return e;
    }
  }

  /** Comma-separated expressions up to `close`; line breaks allowed. */
  private list(close: string, what: string): Expr[] {
    const items: Expr[] = [];
    this.skipNewlines();
    if (this.is(close)) {
      this.next();
      return items;
    }
    for (;;) {
      this.skipNewlines();
      items.push(this.expression());
      this.skipNewlines();
      if (this.is(',')) {
        this.next();
        continue;
      }
      this.expect(close, what);
      return items;
    }
  }

  private primary(): Expr {
    const t = this.peek();
    switch (t.type) {
      case T.Str:
        this.next();
        return this.node(t, {
          k: 'str',
          v: t.value,
          at: { line: t.valueLine, column: t.valueColumn },
          literal: t.literal,
        });
      case T.StrStart:
        return this.interpolation();
      case T.Bad:
        this.next();
        return this.node(t, { k: 'bad' });
      case T.Num:
        this.next();
        return this.node(t, { k: 'num', v: Number(t.value) });
      case T.Ident: {
        this.next();
        if (t.value === 'true' || t.value === 'false')
          return this.node(t, { k: 'bool', v: t.value === 'true' });
        if (t.value === 'null') return this.node(t, { k: 'null' });
        if (this.is('=>')) {
          this.next();
          this.skipNewlines();
          this.expression();
          return this.node(t, { k: 'lambda' });
        }
        return this.node(t, { k: 'ref', name: t.value });
      }
      case T.Punct:
        if (t.value === '(') {
          this.next();
          const inner = this.list(')', 'to close the parenthesis');
          if (this.is('=>')) {
            this.next();
            this.skipNewlines();
            this.expression();
            return this.node(t, { k: 'lambda' });
          }
          if (inner.length !== 1) this.fail(t, 'expected one expression in parentheses');
          return inner[0]!;
        }
        if (t.value === '[') return this.array();
        if (t.value === '{') return this.object();
        break;
      default:
        break;
    }
    return this.fail(t, `expected a value, found ${describeToken(t)}`);
  }

  private interpolation(): Expr {
    const first = this.next();
    const parts = [first.value];
    const exprs: Expr[] = [];
    for (;;) {
      this.skipNewlines();
      exprs.push(this.expression());
      this.skipNewlines();
      const t = this.peek();
      if (t.type === T.StrMid) {
        this.next();
        parts.push(t.value);
        continue;
      }
      if (t.type === T.StrEnd) {
        this.next();
        parts.push(t.value);
        break;
      }
      if (t.type === T.Bad) {
        this.next();
        return this.node(first, { k: 'bad' });
      }
      this.fail(t, `expected "}" to end the interpolation, found ${describeToken(t)}`);
    }
    return this.node(first, {
      k: 'interp',
      parts,
      exprs,
      at: { line: first.valueLine, column: first.valueColumn },
    });
  }

  /**
   * Items of an array or properties of an object, one per line or separated by commas. A
   * malformed item is reported and skipped to the end of its line, so that one typo does not
   * hide the rest of the list.
   */
  private items(close: string, item: () => void): void {
    for (;;) {
      this.skipNewlines();
      while (this.is(',')) {
        this.next();
        this.skipNewlines();
      }
      if (this.is(close)) {
        this.next();
        return;
      }
      const t = this.peek();
      if (t.type === T.Eof) this.fail(t, `expected "${close}", found the end of the file`);
      const before = this.#i;
      try {
        item();
        const after = this.peek();
        const separated =
          after.type === T.Newline ||
          (after.type === T.Punct && (after.value === ',' || after.value === close));
        if (!separated)
          this.fail(after, `expected a new line, "," or "${close}", found ${describeToken(after)}`);
      } catch (e) {
        if (!(e instanceof SyntaxIssue)) throw e;
        this.issues.push(e);
        if (this.#i === before) this.#i++;
        this.recoverItem(close);
      }
    }
  }

  /** To the end of the line, or to the `close` that ends the list. */
  private recoverItem(close: string): void {
    let depth = 0;
    for (;;) {
      const t = this.peek();
      if (t.type === T.Eof) return;
      if (t.type === T.Newline && depth <= 0) return;
      if (t.type === T.Punct) {
        if (t.value === '(' || t.value === '[' || t.value === '{') depth++;
        else if (t.value === ')' || t.value === ']' || t.value === '}') {
          if (depth <= 0) {
            if (t.value !== close) this.#i++;
            return;
          }
          depth--;
        }
      }
      this.#i++;
    }
  }

  private array(): Expr {
    const open = this.next();
    this.skipNewlines();
    if (this.isWord('for')) return this.forExpression(open);
    const items: Expr[] = [];
    this.items(']', () => items.push(this.spreadOr()));
    return this.node(open, { k: 'arr', items });
  }

  private spreadOr(): Expr {
    const t = this.peek();
    if (t.type === T.Punct && t.value === '...') {
      this.next();
      const arg = this.expression();
      return this.node(t, { k: 'spread', arg });
    }
    return this.expression();
  }

  private forExpression(open: Token): Expr {
    this.next();
    let item: string;
    let index: string | undefined;
    if (this.is('(')) {
      this.next();
      item = this.identifier('a loop variable').value;
      this.expect(',', 'between the loop variables');
      index = this.identifier('an index variable').value;
      this.expect(')', 'after the loop variables');
    } else {
      item = this.identifier('a loop variable').value;
    }
    if (!this.isWord('in'))
      this.fail(this.peek(), `expected "in", found ${describeToken(this.peek())}`);
    this.next();
    const source = this.expression();
    this.expect(':', 'after the loop source');
    this.skipNewlines();
    const body = this.conditional();
    this.skipNewlines();
    this.expect(']', 'to end the for-expression');
    return this.node(open, { k: 'for', item, index, source, body });
  }

  private object(): Expr {
    const open = this.next();
    const props: Prop[] = [];
    this.items('}', () => {
      const t = this.peek();
      if (t.type === T.Ident && t.value === 'resource' && this.peek(1).type === T.Ident) {
        this.resource();
        return;
      }
      if (t.type === T.Punct && t.value === '...') {
        this.next();
        props.push({ key: undefined, lower: undefined, value: this.expression() });
        return;
      }
      if (t.type === T.Punct && t.value === '@') {
        this.next();
        this.postfix();
        return;
      }
      if (t.type !== T.Ident && t.type !== T.Str) {
        this.fail(t, `expected a property name, found ${describeToken(t)}`);
      }
      this.next();
      this.expect(':', 'after the property name');
      this.skipNewlines();
      const keyAt = { line: t.line, column: t.type === T.Str ? t.valueColumn : t.column };
      props.push({ key: t.value, lower: t.value.toLowerCase(), value: this.expression(), keyAt });
    });
    return this.node(open, { k: 'obj', props });
  }
}

// ── evaluation ──────────────────────────────────────────────────────────────

/** Loop variables in scope, innermost first. */
interface Scope {
  readonly name: string;
  readonly value: Val;
  readonly parent: Scope | undefined;
}

class Evaluator {
  readonly #budget = new Budget();
  readonly #memo = new Map<string, Val>();
  readonly #busy = new Set<string>();

  constructor(
    readonly program: Program,
    readonly text: string,
    readonly settings: Readonly<Record<string, unknown>> | undefined,
  ) {}

  private source(e: Expr): string {
    return this.text.slice(e.start, e.end);
  }

  private at(e: Expr): Pos {
    return { line: e.line, column: e.column };
  }

  evaluate(e: Expr, scope: Scope | undefined, depth = 0): Val {
    const at = this.at(e);
    if (depth > MAX_NESTING) return unknown(at, 'the value is nested too deeply to read');
    const budget = this.#budget;
    if (!budget.spend()) return unknown(at, budget.workReason);
    switch (e.k) {
      case 'str':
        return { t: 'str', v: e.v, at: e.at, literal: e.literal };
      case 'interp': {
        let v = e.parts[0] ?? '';
        for (let i = 0; i < e.exprs.length; i++) {
          const part = this.evaluate(e.exprs[i]!, scope, depth + 1);
          if (part.t === 'unknown') return part;
          if (part.t !== 'str' && part.t !== 'num' && part.t !== 'bool') {
            return unknown(at, computedWhy(this.source(e)));
          }
          const piece = String(part.v) + (e.parts[i + 1] ?? '');
          if (!budget.text(v.length + piece.length)) return unknown(at, budget.textReason);
          v += piece;
        }
        return { t: 'str', v, at: e.at, literal: false };
      }
      case 'num':
        return { t: 'num', v: e.v, at };
      case 'bool':
        return { t: 'bool', v: e.v, at };
      case 'null':
        return { t: 'null', at };
      case 'bad':
        // Already reported as a syntax problem.
        return unknown(at, '');
      case 'lambda':
        return unknown(at, computedWhy(this.source(e)));
      case 'spread':
        return this.evaluate(e.arg, scope, depth + 1);
      case 'arr': {
        const items: Val[] = [];
        for (const item of e.items) {
          const v = this.evaluate(item, scope, depth + 1);
          // A literal list is as long as the file allows; spreads can double it at every line.
          if (item.k === 'spread' && v.t === 'arr' && !budget.items(items.length + v.items.length))
            return unknown(at, budget.itemsReason);
          if (item.k === 'spread' && v.t === 'arr') append(items, v.items);
          else items.push(v);
        }
        return { t: 'arr', items, at };
      }
      case 'obj':
        return this.object(e.props, at, scope, depth);
      case 'for': {
        const source = this.evaluate(e.source, scope, depth + 1);
        if (source.t === 'unknown') return source;
        if (source.t !== 'arr') return unknown(at, computedWhy(this.source(e.source)));
        if (source.items.length > MAX_ITEMS) return unknown(at, computedWhy(this.source(e.source)));
        const items = source.items.map((item, i) => {
          let inner: Scope = { name: e.item, value: item, parent: scope };
          if (e.index !== undefined)
            inner = { name: e.index, value: { t: 'num', v: i, at }, parent: inner };
          return this.evaluate(e.body, inner, depth + 1);
        });
        return { t: 'arr', items, at };
      }
      case 'ref':
        return this.reference(e.name, at, scope);
      case 'member': {
        const obj = this.evaluate(e.obj, scope, depth + 1);
        if (obj.t === 'unknown') return obj;
        return (
          (obj.t === 'obj' ? obj.get(e.name) : undefined) ??
          unknown(at, computedWhy(this.source(e)))
        );
      }
      case 'index': {
        const obj = this.evaluate(e.obj, scope, depth + 1);
        const index = this.evaluate(e.index, scope, depth + 1);
        if (obj.t === 'unknown') return obj;
        if (index.t === 'unknown') return index;
        const found =
          obj.t === 'arr' && index.t === 'num'
            ? obj.items[index.v]
            : obj.t === 'obj' && index.t === 'str'
              ? obj.get(index.v)
              : undefined;
        return found ?? unknown(at, computedWhy(this.source(e)));
      }
      case 'call': {
        const callee = e.callee;
        const name =
          callee.k === 'ref' ? callee.name : callee.k === 'member' ? callee.name : undefined;
        // `sys.concat(...)` is the same function; other namespaces (`az.`) need a deployment.
        const namespace =
          callee.k === 'member' && callee.obj.k === 'ref' ? callee.obj.name : undefined;
        if (name === undefined || (namespace !== undefined && namespace !== 'sys')) {
          return unknown(at, computedWhy(this.source(e)));
        }
        const args = e.args.map((a) => this.evaluate(a, scope, depth + 1));
        return pureCall(name, args, at, budget) ?? unknown(at, computedWhy(this.source(e)));
      }
      case 'ternary': {
        const a = this.evaluate(e.then, scope, depth + 1);
        const b = this.evaluate(e.else, scope, depth + 1);
        return eitherBranch(a, b, at, computedWhy(this.source(e)));
      }
      case 'unary': {
        const arg = this.evaluate(e.arg, scope, depth + 1);
        if (arg.t === 'unknown') return arg;
        if (e.op === '-' && arg.t === 'num') return { t: 'num', v: -arg.v, at };
        if (e.op === '!' && arg.t === 'bool') return { t: 'bool', v: !arg.v, at };
        return unknown(at, computedWhy(this.source(e)));
      }
      case 'binary': {
        const left = this.evaluate(e.left, scope, depth + 1);
        if (e.op === '??') {
          if (left.t === 'null') return this.evaluate(e.right, scope, depth + 1);
          return left;
        }
        const right = this.evaluate(e.right, scope, depth + 1);
        if (left.t === 'unknown') return left;
        if (right.t === 'unknown') return right;
        if (left.t === 'num' && right.t === 'num') {
          const v = arithmetic(e.op, left.v, right.v);
          if (v !== undefined) return { t: 'num', v, at };
        }
        return unknown(at, computedWhy(this.source(e)));
      }
    }
  }

  /**
   * An object whose properties are evaluated when first asked for. Large templates hold tens of
   * thousands of objects, so each keeps one small array rather than maps.
   */
  private object(props: readonly Prop[], at: Pos, scope: Scope | undefined, depth: number): ObjVal {
    const values: (Val | undefined)[] = [];
    const valueOf = (i: number): Val =>
      (values[i] ??= this.evaluate(props[i]!.value, scope, depth + 1));
    let keys: string[] | undefined;
    let index: Map<string, number> | undefined;
    const spreads = props.some((p) => p.key === undefined);
    return {
      t: 'obj',
      at,
      keys: () => (keys ??= distinctKeys(props)),
      get: (key) => {
        const lower = key.toLowerCase();
        if (props.length > 16 && !spreads) {
          // Large objects (thousands of settings) get an index once.
          if (!index) {
            index = new Map();
            props.forEach((p, i) => index!.set(p.lower!, i));
          }
          const i = index.get(lower);
          return i === undefined ? undefined : valueOf(i);
        }
        // The last mention wins, as in the deployed object.
        for (let i = props.length - 1; i >= 0; i--) {
          const p = props[i]!;
          if (p.lower === lower) return valueOf(i);
          if (p.key === undefined) {
            const spread = valueOf(i);
            const found = spread.t === 'obj' ? spread.get(key) : undefined;
            if (found) return found;
          }
        }
        return undefined;
      },
      keyAt: (key) => {
        const lower = key.toLowerCase();
        return props.findLast((p) => p.lower === lower)?.keyAt;
      },
    };
  }

  private reference(name: string, at: Pos, scope: Scope | undefined): Val {
    for (let s = scope; s; s = s.parent) if (s.name === name) return s.value;
    const program = this.program;
    const variable = program.vars.get(name);
    if (variable) {
      return this.memoised(`variable "${name}"`, at, () => this.evaluate(variable, undefined));
    }
    const param = program.params.get(name);
    if (param) {
      const configured = this.configured(name);
      if (configured !== undefined) return fromPlain(configured, at);
      const value = param.value;
      if (value === undefined) return unknown(at, noDefaultWhy(name));
      return this.memoised(`parameter "${name}"`, at, () => this.evaluate(value, undefined));
    }
    if (program.symbols.has(name)) {
      return unknown(at, `"${name}" is a resource; its properties are known only after deployment`);
    }
    if (program.imports.has(name)) {
      return unknown(
        at,
        `"${name}" is imported from another file; the entries it holds are not checked`,
      );
    }
    return wrong(at, `"${name}" is not declared`);
  }

  private configured(name: string): unknown {
    const parameters = this.settings?.parameters;
    if (parameters === null || typeof parameters !== 'object' || Array.isArray(parameters))
      return undefined;
    return (parameters as Record<string, unknown>)[name];
  }

  /** Each variable and parameter is evaluated once; a chain of them is bounded like nesting. */
  private memoised(key: string, at: Pos, compute: () => Val): Val {
    const done = this.#memo.get(key);
    if (done) return done;
    if (this.#busy.has(key)) return unknown(at, `${key} refers to itself`);
    if (this.#busy.size >= MAX_NESTING) {
      return unknown(at, `${key} is defined through too many other values to read`);
    }
    this.#busy.add(key);
    const value = compute();
    this.#busy.delete(key);
    this.#memo.set(key, value);
    return value;
  }
}

function arithmetic(op: string, a: number, b: number): number | undefined {
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return b === 0 ? undefined : Math.trunc(a / b);
    case '%':
      return b === 0 ? undefined : a % b;
    default:
      return undefined;
  }
}

// ── the format ──────────────────────────────────────────────────────────────

/** An expression of a Bicep file as written, with its offsets (for tools that edit the text). */
export type BicepExpression = Expr;

/**
 * The expressions of a Bicep file as written (resource and module bodies, variable values), with
 * offsets into the text without its byte order mark; undefined when the file does not parse.
 */
export function parseBicepSyntax(text: string): readonly BicepExpression[] | undefined {
  const tokenizer = new Tokenizer(withoutBom(text));
  const parser = new Parser(tokenizer.tokens);
  const program = parser.parse();
  if (tokenizer.issues.length > 0 || parser.issues.length > 0) return undefined;
  return [...program.bodies, ...program.vars.values()];
}

function parseBicep(file: SourceFile, options?: ParseOptions): ParsedFile {
  const problems: ParseProblem[] = [];
  const notText = notTextProblem(file);
  if (notText) return { path: file.path, format: 'bicep', entries: [], problems: [notText] };
  const text = withoutBom(file.text);
  const tokenizer = new Tokenizer(text);
  const parser = new Parser(tokenizer.tokens);
  const program = parser.parse();
  const sink = new AzureSink(file.path, new CommentIndex(tokenizer.comments));
  for (const issue of [...tokenizer.issues, ...parser.issues]) {
    sink.problem({ line: issue.line, column: issue.column }, issue.message, 'error');
  }
  const evaluator = new Evaluator(program, text, options?.settings);
  collectAzureEntries(
    program.bodies.map((body) => evaluator.evaluate(body, undefined)),
    sink,
  );
  append(problems, sink.problems);
  problems.sort(
    (a, b) => a.location.line - b.location.line || a.location.column - b.location.column,
  );
  return { path: file.path, format: 'bicep', entries: sink.entries, problems };
}

/**
 * Bicep: Azure Firewall policy rule collection groups and classic rule collections
 * (`targetFqdns`, `fqdnTags`, `destinationAddresses`, `destinationFqdns`, `destinationPorts`,
 * protocols), and App Service / Functions / Container Apps `ipSecurityRestrictions`, including
 * lists built from variables and for-expressions.
 *
 * Settings (`options:` of the allowlist entry):
 * - `parameters`: a mapping of parameter names to values, used instead of the defaults (what a
 *   parameters file would pass at deployment).
 */
export const BICEP: AllowlistFormat = { ...BICEP_DESCRIPTION, parse: parseBicep };
