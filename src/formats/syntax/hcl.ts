import { isMeaningfulComment, withoutBom } from './source.js';
import { TextPositions } from './positions.js';
import { Budget } from './budget.js';
import { trimSpaces, trimSpacesEnd } from '../../model/text.js';

/**
 * A reader for HCL2 native syntax (Terraform, OpenTofu): a syntax tree in which every node knows
 * where it starts, plus a small evaluator for the literal part of the language. The maintained
 * HCL parsers are Go (and their WebAssembly builds load asynchronously and drop positions), so
 * the format is read here: one pass of a hand-written scanner under a recursive-descent parser,
 * linear in the size of the text. A syntax error is recorded and reading resumes at the next
 * line, so one typo does not hide the rest of a file.
 */

/** A place in the text: UTF-16 offset and 1-based line and column. */
export interface HclPosition {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

interface NodeBase {
  readonly start: HclPosition;
  /** Offset just after the node. */
  readonly end: number;
}

export interface HclAttribute extends NodeBase {
  readonly kind: 'attribute';
  readonly name: string;
  readonly expression: HclExpression;
}

export interface HclBlock extends NodeBase {
  readonly kind: 'block';
  readonly type: string;
  readonly labels: readonly { readonly value: string; readonly start: HclPosition }[];
  readonly body: HclBody;
}

export interface HclBody {
  readonly items: readonly (HclAttribute | HclBlock)[];
}

export type HclTemplatePart =
  | { readonly kind: 'text'; readonly value: string; readonly start: HclPosition }
  | {
      readonly kind: 'interpolation';
      readonly expression: HclExpression;
      readonly start: HclPosition;
      readonly end: number;
    }
  | {
      readonly kind: 'directive';
      readonly keyword: string;
      readonly start: HclPosition;
      readonly end: number;
    };

/** A quoted string or heredoc. `contentStart` is where its first character is written. */
export interface HclTemplate extends NodeBase {
  readonly kind: 'template';
  readonly heredoc: boolean;
  readonly contentStart: HclPosition;
  readonly parts: readonly HclTemplatePart[];
}

export interface HclLiteral extends NodeBase {
  readonly kind: 'literal';
  readonly value: number | boolean | null;
}

export interface HclTuple extends NodeBase {
  readonly kind: 'tuple';
  readonly items: readonly HclExpression[];
}

export interface HclObject extends NodeBase {
  readonly kind: 'object';
  readonly items: readonly { readonly key: HclExpression; readonly value: HclExpression }[];
}

export type HclStep =
  | { readonly kind: 'attr'; readonly name: string }
  | { readonly kind: 'index'; readonly key: HclExpression }
  | { readonly kind: 'splat' };

/** `var.x`, `local.y[0]`, `data.z.w.id`; `root` is an expression for `f(x).y` and `(a).b`. */
export interface HclTraversal extends NodeBase {
  readonly kind: 'traversal';
  readonly root: string | HclExpression;
  readonly steps: readonly HclStep[];
}

export interface HclCall extends NodeBase {
  readonly kind: 'call';
  readonly name: string;
  readonly args: readonly HclExpression[];
  /** The last argument is expanded (`f(list...)`). */
  readonly expandFinal: boolean;
}

/** Expressions kept only as a shape: operators, conditionals, `for` expressions, syntax errors. */
export interface HclOther extends NodeBase {
  readonly kind: 'operation' | 'conditional' | 'for' | 'invalid';
}

export type HclExpression =
  HclTemplate | HclLiteral | HclTuple | HclObject | HclTraversal | HclCall | HclOther;

export interface HclComment {
  readonly text: string;
  readonly line: number;
  readonly column: number;
  /** Nothing but whitespace before it on its line. */
  readonly ownLine: boolean;
}

export interface HclProblem {
  readonly message: string;
  readonly start: HclPosition;
}

export interface HclDocument {
  /** The text as read (without a byte order mark): offsets index into it. */
  readonly text: string;
  readonly body: HclBody;
  readonly comments: readonly HclComment[];
  readonly problems: readonly HclProblem[];
  position(offset: number): HclPosition;
  /** The comment on an item's last line, else the comment lines right above its first line. */
  commentFor(startLine: number, endLine: number): string | undefined;
  /** The source of a node, shortened for messages. */
  source(node: NodeBase, max?: number): string;
}

// ── scanner ──────────────────────────────────────────────────────────────────────────────────

type TokenKind = 'ident' | 'number' | 'quote' | 'heredoc' | 'punct' | 'newline' | 'eof' | 'invalid';

interface Token {
  readonly kind: TokenKind;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Heredocs: where the content starts and ends, whether `<<-`, and the closing marker. */
  readonly heredoc?: {
    readonly contentStart: number;
    readonly contentEnd: number;
    readonly flush: boolean;
  };
}

const NUMBER = /\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const PUNCT3 = new Set(['...']);
const PUNCT2 = new Set(['==', '!=', '<=', '>=', '&&', '||', '=>', '::']);
const PUNCT1 = '{}[]()=:,.?!+-*/%<>~';
const ID_START = /[\p{ID_Start}_]/u;
const ID_CONTINUE = /[\p{ID_Continue}-]/u;
/** Deep enough for any real file; deeper input is refused rather than allowed to exhaust the stack. */
const MAX_DEPTH = 256;

function isIdStart(c: number, text: string, i: number): boolean {
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95) return true;
  return c > 127 && ID_START.test(String.fromCodePoint(text.codePointAt(i)!));
}

function isIdContinue(c: number, text: string, i: number): boolean {
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45)
    return true;
  return c > 127 && ID_CONTINUE.test(String.fromCodePoint(text.codePointAt(i)!));
}

function isHex(s: string): boolean {
  return /^[0-9a-fA-F]+$/.test(s);
}

/** How a token reads in a message. */
function describeToken(t: Token): string {
  switch (t.kind) {
    case 'newline':
      return 'the end of the line';
    case 'eof':
      return 'the end of the file';
    case 'quote':
      return 'a string';
    case 'heredoc':
      return 'a heredoc';
    default:
      return JSON.stringify(t.text.length > 40 ? `${t.text.slice(0, 40)}…` : t.text);
  }
}

class Parser {
  readonly text: string;
  readonly problems: HclProblem[] = [];
  readonly comments: HclComment[] = [];
  readonly #lines: TextPositions;
  #pos = 0;
  #limit: number;
  #tok: Token | undefined;
  #tok2: Token | undefined;
  #depth = 0;
  #silent = 0;
  #aborted = false;

  constructor(text: string) {
    this.text = text;
    this.#limit = text.length;
    this.#lines = new TextPositions(text);
  }

  position(offset: number): HclPosition {
    return { offset, ...this.#lines.at(offset) };
  }

  error(offset: number, message: string): void {
    if (this.#silent > 0 || this.#aborted) return;
    this.problems.push({ message, start: this.position(offset) });
  }

  // Tokens ────────────────────────────────────────────────────────────────────────────────────

  #lex(): Token {
    const text = this.text;
    const limit = this.#limit;
    for (;;) {
      let i = this.#pos;
      if (this.#aborted || i >= limit) return { kind: 'eof', start: limit, end: limit, text: '' };
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 13) {
        this.#pos = i + 1;
        continue;
      }
      if (c === 10) {
        this.#pos = i + 1;
        return { kind: 'newline', start: i, end: i + 1, text: '\n' };
      }
      if (c === 35 /* # */ || (c === 47 /* / */ && text.charCodeAt(i + 1) === 47)) {
        let end = text.indexOf('\n', i);
        if (end < 0 || end > limit) end = limit;
        this.#comment(i, text.slice(i + (c === 35 ? 1 : 2), end));
        this.#pos = end;
        continue;
      }
      if (c === 47 && text.charCodeAt(i + 1) === 42 /* * */) {
        let end = text.indexOf('*/', i + 2);
        if (end < 0 || end + 2 > limit) {
          this.error(i, 'unterminated comment: "*/" is missing');
          end = limit;
          this.#comment(i, text.slice(i + 2, end));
          this.#pos = end;
        } else {
          this.#comment(i, text.slice(i + 2, end));
          this.#pos = end + 2;
        }
        continue;
      }
      const start = i;
      if (isIdStart(c, text, i)) {
        i += c > 0xffff || (c >= 0xd800 && c <= 0xdbff) ? 2 : 1;
        while (i < limit) {
          const d = text.charCodeAt(i);
          if (!isIdContinue(d, text, i)) break;
          i += d >= 0xd800 && d <= 0xdbff ? 2 : 1;
        }
        this.#pos = i;
        return { kind: 'ident', start, end: i, text: text.slice(start, i) };
      }
      if (c >= 48 && c <= 57) {
        NUMBER.lastIndex = i;
        NUMBER.test(text);
        const end = Math.min(NUMBER.lastIndex, limit);
        this.#pos = end;
        return { kind: 'number', start, end, text: text.slice(start, end) };
      }
      if (c === 34 /* " */) {
        this.#pos = i + 1;
        return { kind: 'quote', start, end: i + 1, text: '"' };
      }
      if (c === 60 /* < */ && text.charCodeAt(i + 1) === 60) {
        const heredoc = this.#heredoc(i);
        if (heredoc) return heredoc;
      }
      const three = text.slice(i, i + 3);
      const two = three.slice(0, 2);
      const len = PUNCT3.has(three) ? 3 : PUNCT2.has(two) ? 2 : PUNCT1.includes(text[i]!) ? 1 : 0;
      if (len > 0 && i + len <= limit) {
        this.#pos = i + len;
        return { kind: 'punct', start, end: i + len, text: text.slice(i, i + len) };
      }
      const width = c >= 0xd800 && c <= 0xdbff && i + 1 < limit ? 2 : 1;
      this.#pos = i + width;
      return { kind: 'invalid', start, end: i + width, text: text.slice(i, i + width) };
    }
  }

  #comment(start: number, body: string): void {
    const text = this.text;
    let j = start - 1;
    while (j >= 0 && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j--;
    const ownLine = j < 0 || text.charCodeAt(j) === 10 || text.charCodeAt(j) === 13;
    const pos = this.position(start);
    this.comments.push({ text: trimSpaces(body), line: pos.line, column: pos.column, ownLine });
  }

  /** `<<EOF` or `<<-EOF` at the end of a line; undefined when the text at `i` is not one. */
  #heredoc(i: number): Token | undefined {
    const text = this.text;
    const m = /<<(-?)([A-Za-z_][A-Za-z0-9_-]*)[ \t]*\r?\n/y;
    m.lastIndex = i;
    const found = m.exec(text);
    if (!found || m.lastIndex > this.#limit) return undefined;
    const marker = found[2]!;
    const contentStart = m.lastIndex;
    let lineStart = contentStart;
    let contentEnd = this.#limit;
    let closeEnd = this.#limit;
    while (lineStart < this.#limit) {
      let lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd < 0 || lineEnd > this.#limit) lineEnd = this.#limit;
      if (trimSpaces(text.slice(lineStart, lineEnd)) === marker) {
        contentEnd = lineStart;
        closeEnd = text.indexOf(marker, lineStart) + marker.length;
        break;
      }
      lineStart = lineEnd + 1;
    }
    if (closeEnd === this.#limit && contentEnd === this.#limit)
      this.error(i, `unterminated heredoc: no line reads "${marker}"`);
    this.#pos = closeEnd;
    return {
      kind: 'heredoc',
      start: i,
      end: closeEnd,
      text: trimSpacesEnd(found[0]),
      heredoc: { contentStart, contentEnd, flush: found[1] === '-' },
    };
  }

  peek(): Token {
    return (this.#tok ??= this.#lex());
  }

  /** The token after the next one; only used after an identifier, so no string is being read. */
  peek2(): Token {
    this.peek();
    return (this.#tok2 ??= this.#lex());
  }

  next(): Token {
    const t = this.peek();
    this.#tok = this.#tok2;
    this.#tok2 = undefined;
    return t;
  }

  /** The next token, newlines skipped (inside brackets, parentheses and interpolations). */
  peekSkip(): Token {
    let t = this.peek();
    while (t.kind === 'newline') {
      this.next();
      t = this.peek();
    }
    return t;
  }

  isPunct(t: Token, p: string): boolean {
    return t.kind === 'punct' && t.text === p;
  }

  #enter(offset: number): boolean {
    if (++this.#depth <= MAX_DEPTH) return true;
    if (!this.#aborted) {
      this.error(
        offset,
        `nested more than ${MAX_DEPTH} levels deep; the rest of the file is not read`,
      );
      this.#aborted = true;
      this.#tok = this.#tok2 = undefined;
    }
    return false;
  }

  #leave(): void {
    this.#depth--;
  }

  // Bodies ────────────────────────────────────────────────────────────────────────────────────

  body(closing: HclPosition | undefined): HclBody {
    const items: (HclAttribute | HclBlock)[] = [];
    for (;;) {
      const t = this.peek();
      if (t.kind === 'newline') {
        this.next();
        continue;
      }
      if (t.kind === 'eof') {
        if (closing && !this.#aborted)
          this.error(closing.offset, `the block opened here is not closed: "}" is missing`);
        return { items };
      }
      if (this.isPunct(t, '}')) {
        if (closing) return { items };
        this.error(t.start, 'unexpected "}" outside a block');
        this.next();
        continue;
      }
      if (t.kind === 'ident') {
        const item = this.#item();
        if (item) items.push(item);
        continue;
      }
      this.error(t.start, `expected an attribute or a block, found ${describeToken(t)}`);
      this.#skipLine();
    }
  }

  #item(): HclAttribute | HclBlock | undefined {
    const name = this.next();
    const start = this.position(name.start);
    const t = this.peek();
    if (this.isPunct(t, '=')) {
      this.next();
      const expression = this.expression();
      const item: HclAttribute = {
        kind: 'attribute',
        name: name.text,
        expression,
        start,
        end: expression.end,
      };
      // A value that could not be read has been reported; the rest of its line says nothing new.
      if (expression.kind === 'invalid') this.#skipLine();
      else this.#lineEnd(`the value of "${name.text}"`);
      return item;
    }
    if (t.kind === 'quote' || t.kind === 'ident' || this.isPunct(t, '{')) {
      const labels: { value: string; start: HclPosition }[] = [];
      for (let l = this.peek(); l.kind === 'quote' || l.kind === 'ident'; l = this.peek()) {
        this.next();
        if (l.kind === 'ident') {
          labels.push({ value: l.text, start: this.position(l.start) });
          continue;
        }
        const label = this.template(l.start);
        const value = templateText(label);
        if (value === undefined) this.error(l.start, 'a block label cannot contain "${" or "%{"');
        labels.push({ value: value ?? '', start: label.contentStart });
      }
      const open = this.peek();
      if (!this.isPunct(open, '{')) {
        this.error(
          open.start,
          `expected "{" to open the block "${name.text}", found ${describeToken(open)}`,
        );
        this.#skipLine();
        return undefined;
      }
      this.next();
      if (!this.#enter(open.start)) return undefined;
      const body = this.body(this.position(open.start));
      this.#leave();
      const close = this.peek();
      let end = close.start;
      if (this.isPunct(close, '}')) {
        this.next();
        end = close.end;
        this.#lineEnd(`the block "${name.text}"`);
      }
      return { kind: 'block', type: name.text, labels, body, start, end };
    }
    this.error(t.start, `expected "=" or "{" after "${name.text}", found ${describeToken(t)}`);
    this.#skipLine();
    return undefined;
  }

  /** After an attribute or a block: the end of the line (or the `}` of a one-line block). */
  #lineEnd(what: string): void {
    const t = this.peek();
    if (t.kind === 'newline') this.next();
    else if (t.kind !== 'eof' && !this.isPunct(t, '}')) {
      this.error(t.start, `expected a new line after ${what}, found ${describeToken(t)}`);
      this.#skipLine();
    }
  }

  /** Recovery: drops tokens up to the end of the line, across brackets; stops before a `}` that closes the enclosing block. */
  #skipLine(): void {
    this.#silent++;
    let depth = 0;
    for (;;) {
      const t = this.peek();
      if (t.kind === 'eof') break;
      if (t.kind === 'newline' && depth === 0) {
        this.next();
        break;
      }
      if (t.kind === 'punct') {
        if (t.text === '{' || t.text === '[' || t.text === '(') depth++;
        else if (t.text === '}' || t.text === ']' || t.text === ')') {
          if (depth === 0 && t.text === '}') break;
          if (depth > 0) depth--;
        }
      }
      this.next();
      if (t.kind === 'quote') this.template(t.start);
    }
    this.#silent--;
  }

  // Expressions ───────────────────────────────────────────────────────────────────────────────

  expression(): HclExpression {
    const start = this.peek().start;
    if (!this.#enter(start)) return this.#invalid(start);
    const condition = this.#binary(0);
    let result = condition;
    if (this.isPunct(this.peek(), '?')) {
      this.next();
      this.peekSkip();
      const yes = this.expression();
      const colon = this.peekSkip();
      let end = yes.end;
      if (this.isPunct(colon, ':')) {
        this.next();
        this.peekSkip();
        end = this.expression().end;
      } else
        this.error(colon.start, `expected ":" in a conditional, found ${describeToken(colon)}`);
      result = { kind: 'conditional', start: condition.start, end };
    }
    this.#leave();
    return result;
  }

  #binary(level: number): HclExpression {
    const ops = BINARY[level];
    if (!ops) return this.#unary();
    let left = this.#binary(level + 1);
    for (let t = this.peek(); t.kind === 'punct' && ops.includes(t.text); t = this.peek()) {
      this.next();
      this.peekSkip();
      const right = this.#binary(level + 1);
      left = { kind: 'operation', start: left.start, end: right.end };
    }
    return left;
  }

  #unary(): HclExpression {
    const t = this.peek();
    if (this.isPunct(t, '-') || this.isPunct(t, '!')) {
      this.next();
      if (!this.#enter(t.start)) return this.#invalid(t.start);
      const operand = this.#unary();
      this.#leave();
      return { kind: 'operation', start: this.position(t.start), end: operand.end };
    }
    return this.#postfix(this.#primary());
  }

  #postfix(expr: HclExpression): HclExpression {
    const steps: HclStep[] = [];
    let end = expr.end;
    for (;;) {
      const t = this.peek();
      if (this.isPunct(t, '.')) {
        this.next();
        const n = this.peek();
        if (n.kind === 'ident') steps.push({ kind: 'attr', name: n.text });
        else if (n.kind === 'number' && /^\d+$/.test(n.text))
          steps.push({ kind: 'index', key: this.#number(n) });
        else if (this.isPunct(n, '*')) steps.push({ kind: 'splat' });
        else {
          this.error(n.start, `expected an attribute name after ".", found ${describeToken(n)}`);
          break;
        }
        this.next();
        end = n.end;
        continue;
      }
      if (this.isPunct(t, '[')) {
        this.next();
        const inner = this.peekSkip();
        if (this.isPunct(inner, '*')) {
          this.next();
          steps.push({ kind: 'splat' });
        } else steps.push({ kind: 'index', key: this.expression() });
        const close = this.peekSkip();
        if (this.isPunct(close, ']')) {
          this.next();
          end = close.end;
        } else {
          this.error(close.start, `expected "]" to close the index, found ${describeToken(close)}`);
          end = close.start;
          break;
        }
        continue;
      }
      break;
    }
    if (steps.length === 0) return expr;
    if (expr.kind === 'traversal') return { ...expr, steps: [...expr.steps, ...steps], end };
    return { kind: 'traversal', root: expr, steps, start: expr.start, end };
  }

  #number(t: Token): HclLiteral {
    return { kind: 'literal', value: Number(t.text), start: this.position(t.start), end: t.end };
  }

  #invalid(offset: number): HclOther {
    return { kind: 'invalid', start: this.position(offset), end: offset };
  }

  #primary(): HclExpression {
    const t = this.peek();
    switch (t.kind) {
      case 'number':
        this.next();
        return this.#number(t);
      case 'quote':
        this.next();
        return this.template(t.start);
      case 'heredoc':
        this.next();
        return this.#heredocTemplate(t);
      case 'ident':
        return this.#identifier();
      case 'punct':
        if (t.text === '[') return this.#tuple();
        if (t.text === '{') return this.#object();
        if (t.text === '(') {
          this.next();
          this.peekSkip();
          const inner = this.expression();
          const close = this.peekSkip();
          if (this.isPunct(close, ')')) this.next();
          else this.error(close.start, `expected ")", found ${describeToken(close)}`);
          return { ...inner, start: this.position(t.start), end: close.end };
        }
        break;
    }
    this.error(t.start, `expected a value, found ${describeToken(t)}`);
    return this.#invalid(t.start);
  }

  #identifier(): HclExpression {
    const t = this.next();
    const start = this.position(t.start);
    if (t.text === 'true' || t.text === 'false')
      return { kind: 'literal', value: t.text === 'true', start, end: t.end };
    if (t.text === 'null') return { kind: 'literal', value: null, start, end: t.end };
    let name = t.text;
    while (this.isPunct(this.peek(), '::')) {
      this.next();
      const part = this.peek();
      if (part.kind !== 'ident') {
        this.error(part.start, `expected a function name after "::", found ${describeToken(part)}`);
        return { kind: 'invalid', start, end: part.start };
      }
      this.next();
      name += `::${part.text}`;
    }
    if (this.isPunct(this.peek(), '(')) return this.#call(name, start);
    if (name.includes('::')) {
      const n = this.peek();
      this.error(
        n.start,
        `expected "(" after the function name "${name}", found ${describeToken(n)}`,
      );
    }
    return { kind: 'traversal', root: name, steps: [], start, end: t.end };
  }

  #call(name: string, start: HclPosition): HclCall {
    this.next();
    const args: HclExpression[] = [];
    let expandFinal = false;
    for (;;) {
      const t = this.peekSkip();
      if (this.isPunct(t, ')')) {
        this.next();
        return { kind: 'call', name, args, expandFinal, start, end: t.end };
      }
      if (t.kind === 'eof') {
        this.error(start.offset, `the call of "${name}" is not closed: ")" is missing`);
        return { kind: 'call', name, args, expandFinal, start, end: t.start };
      }
      const before = t.start;
      args.push(this.expression());
      const sep = this.peekSkip();
      if (this.isPunct(sep, '...')) {
        this.next();
        expandFinal = true;
      }
      const after = this.peekSkip();
      if (this.isPunct(after, ',')) this.next();
      else if (!this.isPunct(after, ')') && after.kind !== 'eof') {
        this.error(
          after.start,
          `expected "," or ")" in the call of "${name}", found ${describeToken(after)}`,
        );
        if (after.start === before) this.next();
        return { kind: 'call', name, args, expandFinal, start, end: after.start };
      }
    }
  }

  #isFor(): boolean {
    const t = this.peekSkip();
    return t.kind === 'ident' && t.text === 'for' && this.peek2().kind === 'ident';
  }

  /** `[for ...]` or `{for ...}`: read to the closing bracket and kept as a shape. */
  #for(open: Token, close: string): HclOther {
    for (;;) {
      const t = this.peekSkip();
      if (t.kind === 'eof') {
        this.error(open.start, `the "for" expression is not closed: "${close}" is missing`);
        return { kind: 'for', start: this.position(open.start), end: t.start };
      }
      if (this.isPunct(t, close)) {
        this.next();
        return { kind: 'for', start: this.position(open.start), end: t.end };
      }
      if (t.kind === 'punct' && (t.text === ']' || t.text === '}' || t.text === ')')) {
        this.error(
          t.start,
          `expected "${close}" to close the "for" expression, found ${describeToken(t)}`,
        );
        return { kind: 'for', start: this.position(open.start), end: t.start };
      }
      if (
        t.kind === 'punct' &&
        (t.text === ':' || t.text === '=>' || t.text === ',' || t.text === '...')
      ) {
        this.next();
        continue;
      }
      if (t.kind === 'ident' && (t.text === 'for' || t.text === 'in' || t.text === 'if')) {
        this.next();
        continue;
      }
      const before = t.start;
      this.expression();
      if (this.peek().start === before) this.next();
    }
  }

  #tuple(): HclExpression {
    const open = this.next();
    if (this.#isFor()) return this.#for(open, ']');
    const items: HclExpression[] = [];
    for (;;) {
      const t = this.peekSkip();
      if (this.isPunct(t, ']')) {
        this.next();
        return { kind: 'tuple', items, start: this.position(open.start), end: t.end };
      }
      if (t.kind === 'eof' || this.isPunct(t, '}') || this.isPunct(t, ')')) {
        this.error(
          t.start,
          `expected "]" to close the list opened at line ${this.position(open.start).line}, found ${describeToken(t)}`,
        );
        return { kind: 'tuple', items, start: this.position(open.start), end: t.start };
      }
      const before = t.start;
      items.push(this.expression());
      const sep = this.peekSkip();
      if (this.isPunct(sep, ',')) this.next();
      else if (!this.isPunct(sep, ']') && sep.kind !== 'eof') {
        this.error(sep.start, `expected "," or "]" in a list, found ${describeToken(sep)}`);
        if (sep.start === before || sep.kind === 'invalid') this.next();
      }
    }
  }

  #object(): HclExpression {
    const open = this.next();
    if (this.#isFor()) return this.#for(open, '}');
    const items: { key: HclExpression; value: HclExpression }[] = [];
    for (;;) {
      const t = this.peekSkip();
      if (this.isPunct(t, '}')) {
        this.next();
        return { kind: 'object', items, start: this.position(open.start), end: t.end };
      }
      if (t.kind === 'eof' || this.isPunct(t, ']') || this.isPunct(t, ')')) {
        this.error(
          t.start,
          `expected "}" to close the object opened at line ${this.position(open.start).line}, found ${describeToken(t)}`,
        );
        return { kind: 'object', items, start: this.position(open.start), end: t.start };
      }
      const before = t.start;
      const key = this.expression();
      const eq = this.peek();
      if (this.isPunct(eq, '=') || this.isPunct(eq, ':')) {
        this.next();
        this.peekSkip();
        items.push({ key, value: this.expression() });
      } else {
        this.error(eq.start, `expected "=" after an object key, found ${describeToken(eq)}`);
        if (eq.start === before || eq.kind === 'invalid') this.next();
        continue;
      }
      const sep = this.peek();
      if (this.isPunct(sep, ',') || sep.kind === 'newline') this.next();
      else if (!this.isPunct(sep, '}') && sep.kind !== 'eof') {
        this.error(
          sep.start,
          `expected "," or a new line between object items, found ${describeToken(sep)}`,
        );
        this.next();
      }
    }
  }

  // Templates ─────────────────────────────────────────────────────────────────────────────────

  /** A quoted template; the opening quote at `quote` has been read. */
  template(quote: number): HclTemplate {
    return this.#templateBody(quote, this.#pos, false, false);
  }

  #heredocTemplate(t: Token): HclTemplate {
    const { contentStart, contentEnd, flush } = t.heredoc!;
    const savedLimit = this.#limit;
    const resume = this.#pos;
    this.#limit = contentEnd;
    this.#tok = this.#tok2 = undefined;
    const template = this.#templateBody(t.start, contentStart, true, flush);
    this.#limit = savedLimit;
    this.#pos = Math.max(resume, this.#pos);
    this.#tok = this.#tok2 = undefined;
    return { ...template, end: t.end };
  }

  #templateBody(start: number, from: number, heredoc: boolean, flush: boolean): HclTemplate {
    const text = this.text;
    const parts: HclTemplatePart[] = [];
    // The current run of text starts at `run`; `literal` holds it decoded up to `chunk`.
    let literal = '';
    let run = from;
    let chunk = from;
    let i = from;
    let end = -1;
    while (end < 0) {
      if (i >= this.#limit) {
        if (!heredoc) this.error(start, 'unterminated string: the closing quote is missing');
        const upTo = Math.min(i, this.#limit);
        this.#pushText(parts, literal + text.slice(chunk, upTo), run, upTo);
        end = this.#limit;
        break;
      }
      const c = text.charCodeAt(i);
      if (!heredoc && c === 34) {
        this.#pushText(parts, literal + text.slice(chunk, i), run, i);
        end = i + 1;
        break;
      }
      if (!heredoc && c === 10) {
        this.error(start, 'unterminated string: the closing quote is missing');
        const upTo = text.charCodeAt(i - 1) === 13 ? Math.max(run, i - 1) : i;
        this.#pushText(parts, literal + text.slice(chunk, upTo), run, upTo);
        end = i;
        break;
      }
      if (!heredoc && c === 92 /* \ */) {
        literal += text.slice(chunk, i);
        const e = text[i + 1] ?? '';
        const simple = ESCAPES[e];
        if (simple !== undefined) {
          literal += simple;
          i += 2;
        } else if (e === 'u' || e === 'U') {
          const n = e === 'u' ? 4 : 8;
          const hex = text.slice(i + 2, i + 2 + n);
          const code = hex.length === n && isHex(hex) ? parseInt(hex, 16) : NaN;
          if (code <= 0x10ffff) {
            literal += String.fromCodePoint(code);
            i += 2 + n;
          } else {
            this.error(
              i,
              `invalid escape "${text.slice(i, i + 2 + n).replace(/[\r\n"].*$/s, '')}" in a string`,
            );
            i += 2;
          }
        } else {
          this.error(i, `invalid escape "\\${e === '\n' || e === '\r' ? '' : e}" in a string`);
          literal += e === '\n' || e === '\r' ? '' : e;
          i += e === '\n' || e === '\r' || e === '' ? 1 : 2;
        }
        chunk = i;
        continue;
      }
      const next = text.charCodeAt(i + 1);
      if ((c === 36 /* $ */ || c === 37) /* % */ && next === c && text.charCodeAt(i + 2) === 123) {
        // `$${` and `%%{` are the escapes for a literal `${` and `%{`.
        literal += text.slice(chunk, i) + (c === 36 ? '${' : '%{');
        i += 3;
        chunk = i;
        continue;
      }
      if ((c === 36 || c === 37) && next === 123 /* { */) {
        this.#pushText(parts, literal + text.slice(chunk, i), run, i);
        literal = '';
        const open = i;
        this.#pos = i + 2;
        if (text.charCodeAt(this.#pos) === 126 /* ~ */) this.#pos++;
        this.#tok = this.#tok2 = undefined;
        const part = c === 36 ? this.#interpolation(open) : this.#directive(open);
        if (part) parts.push(part);
        i = this.#pos;
        chunk = run = i;
        if (this.#closedByQuote) {
          this.#closedByQuote = false;
          end = i;
        }
        continue;
      }
      i++;
    }
    if (heredoc && flush) stripIndent(parts);
    this.#pos = Math.max(end, i);
    return {
      kind: 'template',
      heredoc,
      contentStart: this.position(from),
      parts,
      start: this.position(start),
      end,
    };
  }

  /** A run of template text from `run` to `upTo`, decoded as `value`; nothing for an empty run. */
  #pushText(parts: HclTemplatePart[], value: string, run: number, upTo: number): void {
    if (upTo > run) parts.push({ kind: 'text', value, start: this.position(run) });
  }

  /** Set when an unclosed interpolation ran into the string's closing quote. */
  #closedByQuote = false;

  #interpolation(open: number): HclTemplatePart {
    this.peekSkip();
    const expression = this.expression();
    let close = this.peekSkip();
    if (this.isPunct(close, '~')) {
      this.next();
      close = this.peekSkip();
    }
    const start = this.position(open);
    if (this.isPunct(close, '}')) {
      this.#tok = this.#tok2 = undefined;
      this.#pos = close.end;
      return { kind: 'interpolation', expression, start, end: close.end };
    }
    this.error(
      close.start,
      `expected "}" to close the "\${" at line ${start.line}, column ${start.column}, found ${describeToken(close)}`,
    );
    this.#tok = this.#tok2 = undefined;
    if (close.kind === 'quote') {
      this.#closedByQuote = true;
      this.#pos = close.end;
    } else this.#pos = close.kind === 'eof' ? this.#limit : close.start;
    return { kind: 'interpolation', expression, start, end: close.start };
  }

  /** `%{ if … }`, `%{ for … }`, `%{ endif }`: kept as a shape. */
  #directive(open: number): HclTemplatePart {
    const keyword = this.peekSkip();
    let depth = 0;
    for (;;) {
      const t = this.peekSkip();
      if (t.kind === 'eof') {
        this.error(open, 'the "%{" directive is not closed: "}" is missing');
        this.#tok = this.#tok2 = undefined;
        this.#pos = this.#limit;
        return {
          kind: 'directive',
          keyword: keyword.text,
          start: this.position(open),
          end: t.start,
        };
      }
      this.next();
      if (t.kind === 'quote') this.template(t.start);
      else if (this.isPunct(t, '{')) depth++;
      else if (this.isPunct(t, '}')) {
        if (depth === 0) {
          this.#tok = this.#tok2 = undefined;
          this.#pos = t.end;
          return {
            kind: 'directive',
            keyword: keyword.text,
            start: this.position(open),
            end: t.end,
          };
        }
        depth--;
      }
    }
  }
}

const BINARY: readonly (readonly string[])[] = [
  ['||'],
  ['&&'],
  ['==', '!='],
  ['<', '>', '<=', '>='],
  ['+', '-'],
  ['*', '/', '%'],
];

const ESCAPES: Readonly<Record<string, string>> = {
  n: '\n',
  r: '\r',
  t: '\t',
  '"': '"',
  '\\': '\\',
};

/** `<<-` heredocs lose the indentation that all their lines share. */
function stripIndent(parts: HclTemplatePart[]): void {
  let indent = Infinity;
  const texts = parts.filter((p) => p.kind === 'text');
  for (const p of texts) {
    const lines = p.value.split('\n');
    lines.forEach((line, n) => {
      if (n === 0 && p !== parts[0]) return;
      if (trimSpaces(line) === '') return;
      indent = Math.min(indent, /^[ \t]*/.exec(line)![0].length);
    });
  }
  if (!Number.isFinite(indent) || indent === 0) return;
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k]!;
    if (p.kind !== 'text') continue;
    const lines = p.value
      .split('\n')
      .map((line, n) =>
        n === 0 && k !== 0 ? line : line.slice(Math.min(indent, /^[ \t]*/.exec(line)![0].length)),
      );
    parts[k] = { ...p, value: lines.join('\n') };
  }
}

/** The text of a template without interpolations or directives; undefined otherwise. */
export function templateText(t: HclTemplate): string | undefined {
  let out = '';
  for (const p of t.parts) {
    if (p.kind !== 'text') return undefined;
    out += p.value;
  }
  return out;
}

/** Reads HCL2 native syntax. Never throws: problems are collected with their positions. */
export function parseHcl(input: string): HclDocument {
  const text = withoutBom(input);
  const parser = new Parser(text);
  const body = parser.body(undefined);
  const comments = parser.comments;
  let trailing: Map<number, string> | undefined;
  let ownLine: Map<number, string> | undefined;
  const index = () => {
    trailing = new Map();
    ownLine = new Map();
    for (const c of comments) {
      if (c.ownLine) ownLine.set(c.line, c.text);
      else trailing.set(c.line, c.text);
    }
  };
  return {
    text,
    body,
    comments,
    problems: parser.problems,
    position: (offset) => parser.position(offset),
    commentFor(startLine, endLine) {
      if (!trailing) index();
      const inline = trailing!.get(endLine);
      if (inline) return inline;
      const above: string[] = [];
      for (let line = startLine - 1; ownLine!.has(line); line--) {
        const c = ownLine!.get(line)!;
        if (isMeaningfulComment(c)) above.unshift(c);
      }
      return above.length > 0 ? above.join('\n') : undefined;
    },
    source(node, max = 80) {
      const s = text.slice(node.start.offset, node.end).replace(/\s*\n\s*/g, ' ');
      return s.length > max ? `${s.slice(0, max - 1)}…` : s;
    },
  };
}

// ── body helpers ─────────────────────────────────────────────────────────────────────────────

export function attributeOf(body: HclBody, name: string): HclAttribute | undefined {
  for (const item of body.items) if (item.kind === 'attribute' && item.name === name) return item;
  return undefined;
}

export function blocksOf(body: HclBody, type: string): HclBlock[] {
  const out: HclBlock[] = [];
  for (const item of body.items) if (item.kind === 'block' && item.type === type) out.push(item);
  return out;
}

// ── evaluation ───────────────────────────────────────────────────────────────────────────────

/**
 * What an expression evaluates to. `start` is where the value is written in this file (for a
 * value that comes from outside, such as a variable given in settings, where it is referenced).
 */
export type HclValue =
  | { readonly kind: 'string'; readonly value: string; readonly start: HclPosition }
  | { readonly kind: 'number'; readonly value: number; readonly start: HclPosition }
  | { readonly kind: 'bool'; readonly value: boolean; readonly start: HclPosition }
  | { readonly kind: 'null'; readonly start: HclPosition }
  | { readonly kind: 'list'; readonly items: readonly HclValue[]; readonly start: HclPosition }
  | {
      readonly kind: 'object';
      readonly entries: ReadonlyMap<string, HclValue>;
      readonly start: HclPosition;
    }
  | HclUnknown;

/** A value that cannot be known from the file: `message` says why, `start` where. */
export interface HclUnknown {
  readonly kind: 'unknown';
  readonly message: string;
  readonly start: HclPosition;
}

/**
 * Resolves the start of a reference (`var.x`, `local.y`): the value and how many of the
 * traversal's steps it used, or an unknown that says why not. The evaluator applies the rest.
 */
export type HclScope = (traversal: HclTraversal & { readonly root: string }) => {
  readonly value: HclValue;
  readonly used: number;
};

/** Converts plain data (from a config file) into a value written at `start`. */
export function valueFromData(data: unknown, start: HclPosition): HclValue | undefined {
  if (typeof data === 'string') return { kind: 'string', value: data, start };
  if (typeof data === 'number') return { kind: 'number', value: data, start };
  if (typeof data === 'boolean') return { kind: 'bool', value: data, start };
  if (data === null) return { kind: 'null', start };
  if (Array.isArray(data)) {
    const items: HclValue[] = [];
    for (const d of data) {
      const v = valueFromData(d, start);
      if (!v) return undefined;
      items.push(v);
    }
    return { kind: 'list', items, start };
  }
  if (typeof data === 'object') {
    const entries = new Map<string, HclValue>();
    for (const [k, d] of Object.entries(data as Record<string, unknown>)) {
      const v = valueFromData(d, start);
      if (!v) return undefined;
      entries.set(k, v);
    }
    return { kind: 'object', entries, start };
  }
  return undefined;
}

export function unknown(message: string, start: HclPosition): HclUnknown {
  return { kind: 'unknown', message, start };
}

const budgets = new WeakMap<HclDocument, Budget>();

/** The evaluation budget of one document, shared by every expression evaluated in it. */
export function budgetOf(doc: HclDocument): Budget {
  let budget = budgets.get(doc);
  if (!budget) {
    budget = new Budget();
    budgets.set(doc, budget);
  }
  return budget;
}

/** Evaluates the literal part of HCL: strings, templates, lists, objects, references the scope knows, a few pure functions. */
export function evaluate(doc: HclDocument, expr: HclExpression, scope: HclScope): HclValue {
  const budget = budgetOf(doc);
  if (!budget.spend()) return unknown(budget.workReason, expr.start);
  switch (expr.kind) {
    case 'literal':
      if (expr.value === null) return { kind: 'null', start: expr.start };
      return typeof expr.value === 'number'
        ? { kind: 'number', value: expr.value, start: expr.start }
        : { kind: 'bool', value: expr.value, start: expr.start };
    case 'template': {
      let out = '';
      for (const p of expr.parts) {
        if (p.kind === 'text') out += p.value;
        else if (p.kind === 'directive') return cannot(doc, { start: p.start, end: p.end });
        else {
          const v = evaluate(doc, p.expression, scope);
          if (v.kind === 'unknown') return v;
          const s = scalarText(v);
          if (s === undefined)
            return unknown(`"${doc.source(p.expression, 60)}" is not a string`, p.start);
          if (!budget.text(out.length + s.length)) return unknown(budget.textReason, p.start);
          out += s;
        }
      }
      return { kind: 'string', value: out, start: expr.contentStart };
    }
    case 'tuple':
      return {
        kind: 'list',
        items: expr.items.map((e) => evaluate(doc, e, scope)),
        start: expr.start,
      };
    case 'object': {
      const entries = new Map<string, HclValue>();
      for (const { key, value } of expr.items) {
        const k =
          key.kind === 'traversal' && typeof key.root === 'string' && key.steps.length === 0
            ? key.root
            : scalarText(evaluate(doc, key, scope));
        if (k === undefined) return cannot(doc, expr);
        entries.set(k, evaluate(doc, value, scope));
      }
      return { kind: 'object', entries, start: expr.start };
    }
    case 'traversal': {
      let value: HclValue;
      let steps = expr.steps;
      if (typeof expr.root === 'string') {
        const found = scope(expr as HclTraversal & { root: string });
        value = found.value;
        steps = steps.slice(found.used);
      } else value = evaluate(doc, expr.root, scope);
      for (const step of steps) {
        if (value.kind === 'unknown') return value;
        const next = stepInto(doc, value, step, scope);
        if (!next) return unknown(`cannot resolve "${doc.source(expr, 60)}"`, expr.start);
        value = next;
      }
      return value;
    }
    case 'call':
      return callFunction(doc, expr, scope) ?? cannot(doc, expr);
    default:
      return cannot(doc, expr);
  }
}

function cannot(doc: HclDocument, node: NodeBase): HclUnknown {
  return unknown(`cannot evaluate "${doc.source(node, 60)}"`, node.start);
}

function stepInto(
  doc: HclDocument,
  value: HclValue,
  step: HclStep,
  scope: HclScope,
): HclValue | undefined {
  if (step.kind === 'splat') return undefined;
  let key: string | number | undefined;
  if (step.kind === 'attr') key = step.name;
  else {
    const k = evaluate(doc, step.key, scope);
    if (k.kind === 'unknown') return k;
    key = k.kind === 'number' ? k.value : k.kind === 'string' ? k.value : undefined;
  }
  if (value.kind === 'object' && key !== undefined) return value.entries.get(String(key));
  if (value.kind === 'list' && typeof key === 'number') return value.items[key];
  if (value.kind === 'list' && typeof key === 'string' && /^\d+$/.test(key))
    return value.items[Number(key)];
  return undefined;
}

function scalarText(v: HclValue): string | undefined {
  if (v.kind === 'string') return v.value;
  if (v.kind === 'number') return String(v.value);
  if (v.kind === 'bool') return String(v.value);
  return undefined;
}

/** The few functions that allowlists use to assemble lists; anything else stays unknown. */
function callFunction(doc: HclDocument, call: HclCall, scope: HclScope): HclValue | undefined {
  if (call.expandFinal) return undefined;
  const args = call.args.map((a) => evaluate(doc, a, scope));
  const bad = args.find((a) => a.kind === 'unknown');
  if (bad) return bad;
  const start = call.start;
  const budget = budgetOf(doc);
  const lists = () =>
    args.every((a) => a.kind === 'list')
      ? (args as Extract<HclValue, { kind: 'list' }>[])
      : undefined;
  const strings = () => {
    const out = args.map(scalarText);
    return out.every((s) => s !== undefined) ? (out as string[]) : undefined;
  };
  switch (call.name) {
    case 'concat': {
      const ls = lists();
      if (ls && !budget.items(ls.reduce((n, l) => n + l.items.length, 0)))
        return unknown(budget.itemsReason, start);
      return ls && { kind: 'list', items: ls.flatMap((l) => l.items), start };
    }
    case 'flatten': {
      if (args.length !== 1 || args[0]!.kind !== 'list') return undefined;
      const count = (v: HclValue, depth: number): number =>
        v.kind !== 'list'
          ? 1
          : depth > 64
            ? Infinity
            : v.items.reduce((n, i) => n + count(i, depth + 1), 0);
      if (!budget.items(count(args[0]!, 0))) return unknown(budget.itemsReason, start);
      const flat = (v: HclValue): HclValue[] => (v.kind === 'list' ? v.items.flatMap(flat) : [v]);
      return { kind: 'list', items: flat(args[0]!), start };
    }
    case 'tolist':
    case 'toset':
    case 'distinct':
    case 'compact': {
      if (args.length !== 1 || args[0]!.kind !== 'list') return undefined;
      let items = args[0]!.items;
      if (call.name === 'compact')
        items = items.filter((v) => !(v.kind === 'string' && v.value === '') && v.kind !== 'null');
      if (call.name !== 'tolist') {
        const seen = new Set<string>();
        items = items.filter((v) => {
          const k = v.kind === 'string' ? `s:${v.value}` : undefined;
          if (k === undefined) return true;
          if (seen.has(k)) return false;
          seen.add(k);
          return true;
        });
      }
      return { kind: 'list', items, start };
    }
    case 'lower':
    case 'upper':
    case 'trimspace':
    case 'tostring': {
      const s = strings();
      if (!s || s.length !== 1) return undefined;
      const v = s[0]!;
      const value =
        call.name === 'lower'
          ? v.toLowerCase()
          : call.name === 'upper'
            ? v.toUpperCase()
            : call.name === 'trimspace'
              ? trimSpaces(v)
              : v;
      return { kind: 'string', value, start: args[0]!.start };
    }
    case 'join': {
      const sep = args[0] && scalarText(args[0]);
      const rest = args.slice(1);
      if (sep === undefined || !rest.every((a) => a.kind === 'list')) return undefined;
      const parts = rest.flatMap((a) =>
        (a as Extract<HclValue, { kind: 'list' }>).items.map(scalarText),
      );
      if (parts.some((p) => p === undefined)) return undefined;
      const length = parts.reduce((n, p) => n + p!.length + sep.length, 0);
      if (!budget.text(length)) return unknown(budget.textReason, start);
      return { kind: 'string', value: parts.join(sep), start };
    }
    default:
      return undefined;
  }
}
