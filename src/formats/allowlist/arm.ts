import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import { parsePositioned } from '../syntax/yaml.js';
import type { Entry, ParsedFile, ParseProblem } from '../../model/entry.js';
import type { SourceLocation } from '../../model/location.js';
import {
  AzureSink,
  collectAzureEntries,
  computedWhy,
  eitherBranch,
  fromPlain,
  MAX_DEPTH,
  MAX_ITEMS,
  noDefaultWhy,
  pureCall,
  quoteExpression,
  unknown,
  wrong,
  type ObjVal,
  type Pos,
  type Val,
} from '../syntax/azure.js';
import { CommentIndex, type SourceComment } from '../syntax/comments.js';
import { TextPositions, positionOf } from '../syntax/positions.js';
import type { AllowlistFormat, ParseOptions, SourceFile } from '../format.js';
import { jsonSyntaxError, notTextProblem, withoutBom } from '../syntax/source.js';
import { append } from '../../model/collections.js';
import { Budget } from '../syntax/budget.js';
import { isAsciiSpace, trimSpaces } from '../../model/text.js';
import { ARM_DESCRIPTION } from './described.js';

/**
 * Azure Resource Manager templates. A template is evaluated only as far as it can be without
 * deploying: literals, parameter defaults, variables, `concat`-style functions and copy loops.
 * Whatever needs a deployment (a parameter without a default, `reference()`, most functions)
 * becomes a notice where the entries were expected, never a guess. The resources it yields are
 * read by the Azure resource model shared with Bicep (`syntax/azure.ts`).
 */

// ── the ARM template format ─────────────────────────────────────────────────

/**
 * Blanks out `//` and `/* *\/` comments (which ARM templates may carry) so that the JSON parser
 * sees plain JSON at unchanged offsets, and returns them for attaching to entries.
 */
export function stripJsonComments(text: string): {
  json: string;
  comments: SourceComment[];
  /** Where a block comment starts that never ends. */
  unterminated?: Pos;
} {
  const comments: SourceComment[] = [];
  let unterminated: Pos | undefined;
  let out = '';
  let copied = 0;
  let line = 1;
  let lineStart = 0;
  let codeOnLine = false;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      lineStart = i + 1;
      codeOnLine = false;
    } else if (c === 34) {
      codeOnLine = true;
      for (i++; i < n; i++) {
        const d = text.charCodeAt(i);
        if (d === 92) i++;
        else if (d === 34 || d === 10) break;
      }
      if (text.charCodeAt(i) === 10) i--;
    } else if (c === 47 && (text.charCodeAt(i + 1) === 47 || text.charCodeAt(i + 1) === 42)) {
      const block = text.charCodeAt(i + 1) === 42;
      const close = block ? text.indexOf('*/', i + 2) : -1;
      const newline = text.indexOf('\n', i);
      const end = block ? (close < 0 ? n : close + 2) : newline < 0 ? n : newline;
      const body = text.slice(i + 2, block && close >= 0 ? close : end);
      const startLine = line;
      if (block && close < 0) unterminated = { line, column: i - lineStart + 1 };
      out += text.slice(copied, i) + text.slice(i, end).replace(/[^\n]/g, ' ');
      copied = end;
      for (let j = i; j < end; j++) {
        if (text.charCodeAt(j) === 10) {
          line++;
          lineStart = j + 1;
        }
      }
      comments.push({
        line: startLine,
        endLine: line,
        text: trimSpaces(body.replace(/^[ \t]*(?:\*+[ \t]?)?/gm, '')),
        ownLine: !codeOnLine,
      });
      if (line !== startLine) codeOnLine = false;
      i = end - 1;
    } else if (c !== 32 && c !== 9 && c !== 13) {
      codeOnLine = true;
    }
  }
  const json = copied === 0 ? text : out + text.slice(copied);
  return unterminated ? { json, comments, unterminated } : { json, comments };
}

interface Scope {
  /** Copy loop indices by loop name; '' is the resource's own loop. */
  readonly copies: ReadonlyMap<string, number>;
}
const ROOT_SCOPE: Scope = { copies: new Map() };

// ── JSON with positions ─────────────────────────────────────────────────────

/** A JSON value with the offset where it starts (the opening quote of a string). */
type JNode =
  | { readonly k: 'obj'; readonly start: number; readonly pairs: readonly JPair[] }
  | { readonly k: 'arr'; readonly start: number; readonly items: readonly JNode[] }
  | {
      readonly k: 'str';
      readonly start: number;
      readonly v: string;
      /** Written in quotes, so the value starts one character later. */
      readonly quoted: boolean;
      /** Written exactly as its value: no escapes. */
      readonly literal: boolean;
    }
  | { readonly k: 'num'; readonly start: number; readonly v: number }
  | { readonly k: 'bool'; readonly start: number; readonly v: boolean }
  | { readonly k: 'null'; readonly start: number };

interface JPair {
  readonly key: string;
  /** The key in lower case: Azure compares property names case-insensitively. */
  readonly lower: string;
  readonly keyNode: JNode;
  readonly value: JNode;
}

/** Deeper than this, a value is read as null: no template nests so deep, and recursion is bounded. */
const MAX_JSON_DEPTH = 256;

/**
 * Reads text that `JSON.parse` accepted into nodes with offsets. A few times faster than a YAML
 * parser on large templates, which matters because generated templates run to tens of thousands
 * of lines.
 */
function readJson(text: string, duplicate: (key: JNode & { k: 'str' }) => void): JNode {
  let i = 0;
  const space = () => {
    for (let c = text.charCodeAt(i); c === 32 || c === 9 || c === 10 || c === 13;) {
      c = text.charCodeAt(++i);
    }
  };
  const string = (): JNode & { k: 'str' } => {
    const start = i;
    let escaped = false;
    for (i++; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 92) {
        escaped = true;
        i++;
      } else if (c === 34) break;
    }
    i++;
    const raw = text.slice(start, i);
    const v = escaped ? (JSON.parse(raw) as string) : raw.slice(1, -1);
    return { k: 'str', start, v, quoted: true, literal: !escaped };
  };
  const value = (depth: number): JNode => {
    space();
    const start = i;
    const c = text[i];
    if (c === '"') return string();
    if (c === '{' || c === '[') {
      if (depth > MAX_JSON_DEPTH) {
        skipNested();
        return { k: 'null', start };
      }
      i++;
      space();
      if (c === '[') {
        const items: JNode[] = [];
        while (text[i] !== ']' && i < text.length) {
          items.push(value(depth + 1));
          space();
          if (text[i] === ',') i++;
          space();
        }
        i++;
        return { k: 'arr', start, items };
      }
      const pairs: JPair[] = [];
      // Azure compares property names case-insensitively, so `Name` repeats `name`.
      const seen = new Set<string>();
      while (text[i] !== '}' && i < text.length) {
        space();
        const keyNode = string();
        const lower = keyNode.v.toLowerCase();
        if (seen.has(lower)) duplicate(keyNode);
        seen.add(lower);
        space();
        i++; // ':'
        pairs.push({ key: keyNode.v, lower, keyNode, value: value(depth + 1) });
        space();
        if (text[i] === ',') i++;
        space();
      }
      i++;
      return { k: 'obj', start, pairs };
    }
    if (text.startsWith('true', i) || text.startsWith('false', i)) {
      const v = c === 't';
      i += v ? 4 : 5;
      return { k: 'bool', start, v };
    }
    if (text.startsWith('null', i)) {
      i += 4;
      return { k: 'null', start };
    }
    JSON_NUMBER.lastIndex = i;
    const m = JSON_NUMBER.exec(text);
    i = m ? JSON_NUMBER.lastIndex : i + 1;
    return { k: 'num', start, v: m ? Number(m[0]) : 0 };
  };
  /** Past a container too deep to read, counting brackets outside strings. */
  const skipNested = () => {
    let depth = 0;
    for (; i < text.length; i++) {
      const c = text[i];
      if (c === '"') {
        string();
        i--;
      } else if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') {
        if (--depth === 0) {
          i++;
          return;
        }
      }
    }
  };
  return value(0);
}

const JSON_NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** The document a YAML parser made of broken JSON, as nodes: its best guess, read quietly. */
function fromYaml(node: unknown, text: string, depth = 0): JNode {
  const start = (node as Node | undefined)?.range?.[0] ?? 0;
  if (depth > MAX_JSON_DEPTH) return { k: 'null', start };
  if (isScalar(node)) {
    const v = node.value;
    if (typeof v === 'string') {
      const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
      const end = node.range?.[1] ?? start;
      return { k: 'str', start, v, quoted, literal: text.slice(start + 1, end - 1) === v };
    }
    if (typeof v === 'number') return { k: 'num', start, v };
    if (typeof v === 'boolean') return { k: 'bool', start, v };
    return { k: 'null', start };
  }
  if (isSeq(node)) {
    return { k: 'arr', start, items: node.items.map((n) => fromYaml(n, text, depth + 1)) };
  }
  if (isMap(node)) {
    const pairs = (node as YAMLMap).items.map((pair: Pair) => {
      const keyNode = fromYaml(pair.key, text, depth + 1);
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      return {
        key,
        lower: key.toLowerCase(),
        keyNode,
        value: fromYaml(pair.value, text, depth + 1),
      };
    });
    return { k: 'obj', start, pairs };
  }
  return { k: 'null', start };
}

function member(node: JNode | undefined, key: string): JNode | undefined {
  if (node?.k !== 'obj') return undefined;
  const lower = key.toLowerCase();
  return node.pairs.findLast((p) => p.lower === lower)?.value;
}

// ── templates ───────────────────────────────────────────────────────────────

/** A template's parameters and variables, and the conversion of its nodes into values. */
class Template {
  readonly #budget = new Budget();
  readonly #params = new Map<string, JNode | null>();
  readonly #variables = new Map<string, JNode>();
  readonly #variableCopies = new Map<string, JNode>();
  readonly #memo = new Map<string, Val>();
  readonly #busy = new Set<string>();
  readonly #settings: Readonly<Record<string, unknown>> | undefined;

  constructor(
    readonly lines: TextPositions,
    root: JNode & { k: 'obj' },
    settings: Readonly<Record<string, unknown>> | undefined,
  ) {
    const parameters = settings?.parameters;
    this.#settings =
      parameters !== null && typeof parameters === 'object' && !Array.isArray(parameters)
        ? (parameters as Record<string, unknown>)
        : undefined;
    const params = member(root, 'parameters');
    if (params?.k === 'obj') {
      for (const pair of params.pairs) {
        this.#params.set(pair.key.toLowerCase(), member(pair.value, 'defaultValue') ?? null);
      }
    }
    const variables = member(root, 'variables');
    if (variables?.k === 'obj') {
      for (const pair of variables.pairs) {
        if (pair.key.toLowerCase() === 'copy' && pair.value.k === 'arr') {
          for (const loop of pair.value.items) {
            const loopName = member(loop, 'name');
            if (loopName?.k === 'str') this.#variableCopies.set(loopName.v.toLowerCase(), loop);
          }
        } else {
          this.#variables.set(pair.key.toLowerCase(), pair.value);
        }
      }
    }
  }

  position(node: JNode | undefined): Pos {
    if (!node) return { line: 1, column: 1 };
    const pos = this.lines.at(node.start);
    return node.k === 'str' && node.quoted ? { line: pos.line, column: pos.column + 1 } : pos;
  }

  value(node: JNode | undefined, scope: Scope, depth = 0): Val {
    const at = this.position(node);
    if (!node) return { t: 'null', at };
    if (depth > MAX_DEPTH) return unknown(at, 'the template is nested too deeply to read');
    if (!this.#budget.spend()) return unknown(at, this.#budget.workReason);
    switch (node.k) {
      case 'str':
        if (node.v.startsWith('[[')) return { t: 'str', v: node.v.slice(1), at, literal: false };
        if (node.v.startsWith('[') && node.v.endsWith(']')) {
          return this.expression(node.v.slice(1, -1), at, scope);
        }
        return { t: 'str', v: node.v, at, literal: node.literal };
      case 'num':
        return { t: 'num', v: node.v, at };
      case 'bool':
        return { t: 'bool', v: node.v, at };
      case 'null':
        return { t: 'null', at };
      case 'arr':
        return {
          t: 'arr',
          items: node.items.map((item) => this.value(item, scope, depth + 1)),
          at,
        };
      case 'obj':
        return this.object(node, at, scope, depth);
    }
  }

  /**
   * An object whose properties are evaluated when first asked for; small, because generated
   * templates hold tens of thousands of objects.
   */
  private object(node: JNode & { k: 'obj' }, at: Pos, scope: Scope, depth: number): ObjVal {
    const pairs = node.pairs;
    const values: (Val | undefined)[] = [];
    // Property copy loops: `"copy": [{"name": "rules", "count": ..., "input": {...}}]` makes
    // the property `rules`.
    let loops: Map<string, { name: string; loop: JNode; value?: Val }> | undefined;
    const isLoops = (p: JPair) => p.lower === 'copy' && p.value.k === 'arr';
    for (const pair of pairs) {
      if (!isLoops(pair) || pair.value.k !== 'arr') continue;
      for (const loop of pair.value.items) {
        const loopName = member(loop, 'name');
        if (loopName?.k !== 'str') continue;
        loops ??= new Map();
        loops.set(loopName.v.toLowerCase(), { name: loopName.v, loop });
      }
    }
    // Small objects are searched; large ones (thousands of settings) get an index once.
    let index: Map<string, number> | undefined;
    const find = (lower: string): number => {
      if (pairs.length <= 16) return pairs.findLastIndex((p) => p.lower === lower && !isLoops(p));
      if (!index) {
        index = new Map();
        pairs.forEach((p, i) => {
          if (!isLoops(p)) index!.set(p.lower, i);
        });
      }
      return index.get(lower) ?? -1;
    };
    let keys: string[] | undefined;
    return {
      t: 'obj',
      at,
      keys: () =>
        (keys ??= [
          ...pairs.filter((p) => !isLoops(p)).map((p) => p.key),
          ...[...(loops?.values() ?? [])].map((l) => l.name),
        ]),
      get: (key) => {
        const lower = key.toLowerCase();
        const i = find(lower);
        if (i >= 0) return (values[i] ??= this.value(pairs[i]!.value, scope, depth + 1));
        const loop = loops?.get(lower);
        if (!loop) return undefined;
        return (loop.value ??= this.copyLoop(loop.loop, scope, depth));
      },
      keyAt: (key) => {
        const lower = key.toLowerCase();
        const i = find(lower);
        if (i >= 0) return this.position(pairs[i]!.keyNode);
        const loop = loops?.get(lower);
        return loop ? this.position(member(loop.loop, 'name')) : undefined;
      },
    };
  }

  copyLoop(loop: JNode, scope: Scope, depth: number): Val {
    const at = this.position(loop);
    const nameNode = member(loop, 'name');
    const name = nameNode?.k === 'str' ? nameNode.v : '';
    const count = this.value(member(loop, 'count'), scope, depth + 1);
    if (count.t === 'unknown') return count;
    if (count.t !== 'num' || count.v < 0 || count.v > MAX_ITEMS) {
      return unknown(
        count.at,
        `the count of copy loop "${name}" cannot be read; its entries are not checked`,
      );
    }
    const input = member(loop, 'input');
    const items: Val[] = [];
    for (let i = 0; i < count.v; i++) {
      const copies = new Map(scope.copies);
      copies.set(name.toLowerCase(), i);
      items.push(this.value(input, { copies }, depth + 1));
    }
    return { t: 'arr', items, at };
  }

  /** The resources to read, each copy of a resource loop on its own. */
  resources(root: JNode): Val[] {
    const node = member(root, 'resources');
    const nodes =
      node?.k === 'arr' ? node.items : node?.k === 'obj' ? node.pairs.map((p) => p.value) : [];
    const out: Val[] = [];
    for (const resource of nodes) {
      const loop = member(resource, 'copy');
      if (loop?.k !== 'obj') {
        out.push(this.value(resource, ROOT_SCOPE));
        continue;
      }
      const nameNode = member(loop, 'name');
      const name = nameNode?.k === 'str' ? nameNode.v.toLowerCase() : '';
      const count = this.value(member(loop, 'count'), ROOT_SCOPE);
      if (count.t !== 'num' || count.v < 0 || count.v > MAX_ITEMS) {
        // Read once with an unknown index: literal rules still count.
        out.push(this.value(resource, ROOT_SCOPE));
        continue;
      }
      for (let i = 0; i < count.v; i++) {
        const copies = new Map([
          [name, i],
          ['', i],
        ]);
        out.push(this.value(resource, { copies }));
      }
    }
    return out;
  }

  private parameter(name: string, at: Pos): Val {
    const lower = name.toLowerCase();
    if (this.#settings) {
      const key = Object.keys(this.#settings).find((k) => k.toLowerCase() === lower);
      if (key !== undefined) return fromPlain(this.#settings[key], at);
    }
    if (!this.#params.has(lower)) return wrong(at, `parameter "${name}" is not declared`);
    const node = this.#params.get(lower);
    if (node === null || node === undefined) return unknown(at, noDefaultWhy(name));
    return this.memoised(`parameter "${name}"`, at, () => this.value(node, ROOT_SCOPE));
  }

  private variable(name: string, at: Pos): Val {
    const lower = name.toLowerCase();
    const loop = this.#variableCopies.get(lower);
    const key = `variable "${name}"`;
    if (loop) return this.memoised(key, at, () => this.copyLoop(loop, ROOT_SCOPE, 0));
    if (!this.#variables.has(lower)) return wrong(at, `variable "${name}" is not declared`);
    const node = this.#variables.get(lower);
    return this.memoised(key, at, () => this.value(node, ROOT_SCOPE));
  }

  /** Each variable and parameter is evaluated once; a chain of them is bounded like nesting. */
  private memoised(key: string, at: Pos, compute: () => Val): Val {
    const done = this.#memo.get(key);
    if (done) return done;
    if (this.#busy.has(key)) return unknown(at, `${key} refers to itself`);
    if (this.#busy.size >= MAX_DEPTH) {
      return unknown(at, `${key} is defined through too many other values to read`);
    }
    this.#busy.add(key);
    const value = compute();
    this.#busy.delete(key);
    this.#memo.set(key, value);
    return value;
  }

  private expression(source: string, at: Pos, scope: Scope): Val {
    let ast: Ax;
    try {
      ast = new ExpressionParser(source).parse();
    } catch (e) {
      if (!(e instanceof ExpressionError)) throw e;
      return wrong(at, `${quoteExpression(`[${source}]`)} is not a valid expression: ${e.message}`);
    }
    return this.evaluate(ast, at, scope, `[${source}]`);
  }

  private evaluate(ax: Ax, at: Pos, scope: Scope, source: string): Val {
    if (!this.#budget.spend()) return unknown(at, this.#budget.workReason);
    switch (ax.k) {
      case 'str':
        return { t: 'str', v: ax.v, at, literal: false };
      case 'num':
        return { t: 'num', v: ax.v, at };
      case 'member': {
        const obj = this.evaluate(ax.obj, at, scope, source);
        if (obj.t === 'unknown') return obj;
        return (obj.t === 'obj' ? obj.get(ax.name) : undefined) ?? unknown(at, computedWhy(source));
      }
      case 'index': {
        const obj = this.evaluate(ax.obj, at, scope, source);
        const index = this.evaluate(ax.index, at, scope, source);
        if (obj.t === 'unknown') return obj;
        if (index.t === 'unknown') return index;
        if (obj.t === 'arr' && index.t === 'num')
          return obj.items[index.v] ?? unknown(at, computedWhy(source));
        if (obj.t === 'obj' && index.t === 'str')
          return obj.get(index.v) ?? unknown(at, computedWhy(source));
        return unknown(at, computedWhy(source));
      }
      case 'call': {
        const name = ax.name.toLowerCase();
        if (name === 'true' || name === 'false') return { t: 'bool', v: name === 'true', at };
        if (name === 'null') return { t: 'null', at };
        if (name === 'if' && ax.args.length === 3) {
          const [, a, b] = ax.args.map((arg) => this.evaluate(arg, at, scope, source));
          return eitherBranch(a!, b!, at, computedWhy(source));
        }
        if (name === 'copyindex') {
          const first = ax.args[0];
          const loop = first?.k === 'str' ? first.v.toLowerCase() : '';
          const offsetAx = first?.k === 'str' ? ax.args[1] : first;
          const offset = offsetAx?.k === 'num' ? offsetAx.v : 0;
          const index = scope.copies.get(loop);
          return index === undefined
            ? unknown(at, computedWhy(source))
            : { t: 'num', v: index + offset, at };
        }
        const args = ax.args.map((arg) => this.evaluate(arg, at, scope, source));
        const first = args[0];
        if ((name === 'parameters' || name === 'variables') && first?.t === 'str') {
          return name === 'parameters' ? this.parameter(first.v, at) : this.variable(first.v, at);
        }
        return pureCall(name, args, at, this.#budget) ?? unknown(at, computedWhy(source));
      }
    }
  }
}

// ── ARM template expressions ────────────────────────────────────────────────

type Ax =
  | { readonly k: 'str'; readonly v: string }
  | { readonly k: 'num'; readonly v: number }
  | { readonly k: 'call'; readonly name: string; readonly args: readonly Ax[] }
  | { readonly k: 'member'; readonly obj: Ax; readonly name: string }
  | { readonly k: 'index'; readonly obj: Ax; readonly index: Ax };

class ExpressionError extends Error {}

/** `concat(parameters('a'), variables('b'))[0].name`: calls, strings, numbers, members, indexes. */
class ExpressionParser {
  #i = 0;
  #depth = 0;
  constructor(readonly s: string) {}

  parse(): Ax {
    const ax = this.expr();
    this.space();
    if (this.#i < this.s.length) throw new ExpressionError(`unexpected "${this.s[this.#i]}"`);
    return ax;
  }

  private space(): void {
    while (this.#i < this.s.length && isAsciiSpace(this.s.charCodeAt(this.#i))) this.#i++;
  }

  private expect(c: string): void {
    this.space();
    if (this.s[this.#i] !== c) {
      const found = this.#i < this.s.length ? `"${this.s[this.#i]}"` : 'the end';
      throw new ExpressionError(`expected "${c}", found ${found}`);
    }
    this.#i++;
  }

  private expr(): Ax {
    if (++this.#depth > 100) throw new ExpressionError('nested too deeply');
    let ax = this.primary();
    for (;;) {
      this.space();
      const c = this.s[this.#i];
      if (c === '.') {
        this.#i++;
        ax = { k: 'member', obj: ax, name: this.identifier() };
      } else if (c === '[') {
        this.#i++;
        const index = this.expr();
        this.expect(']');
        ax = { k: 'index', obj: ax, index };
      } else break;
    }
    this.#depth--;
    return ax;
  }

  private identifier(): string {
    this.space();
    const m = /^[A-Za-z_$][\w$]*/.exec(this.s.slice(this.#i, this.#i + 200));
    if (!m) throw new ExpressionError('expected a name');
    this.#i += m[0].length;
    return m[0];
  }

  private primary(): Ax {
    this.space();
    const c = this.s[this.#i];
    if (c === "'") {
      let v = '';
      for (this.#i++; ; this.#i++) {
        if (this.#i >= this.s.length) throw new ExpressionError('unterminated string');
        if (this.s[this.#i] === "'") {
          if (this.s[this.#i + 1] !== "'") break;
          this.#i++;
        }
        v += this.s[this.#i];
      }
      this.#i++;
      return { k: 'str', v };
    }
    const num = /^-?\d+/.exec(this.s.slice(this.#i, this.#i + 20));
    if (num) {
      this.#i += num[0].length;
      return { k: 'num', v: Number(num[0]) };
    }
    let name = this.identifier();
    // Namespaced user functions: `ns.fn(...)`.
    while (this.s[this.#i] === '.' && /[A-Za-z_]/.test(this.s[this.#i + 1] ?? '')) {
      const save = this.#i;
      this.#i++;
      const next = this.identifier();
      this.space();
      if (this.s[this.#i] !== '(') {
        this.#i = save;
        break;
      }
      name = `${name}.${next}`;
    }
    this.expect('(');
    const args: Ax[] = [];
    this.space();
    if (this.s[this.#i] === ')') this.#i++;
    else {
      for (;;) {
        args.push(this.expr());
        this.space();
        if (this.s[this.#i] === ',') {
          this.#i++;
          continue;
        }
        this.expect(')');
        break;
      }
    }
    return { k: 'call', name, args };
  }
}

// ── parse ───────────────────────────────────────────────────────────────────

function parseArm(file: SourceFile, options?: ParseOptions): ParsedFile {
  const entries: Entry[] = [];
  const problems: ParseProblem[] = [];
  const result = { path: file.path, format: 'arm', entries, problems };
  const notText = notTextProblem(file);
  if (notText) {
    problems.push(notText);
    return result;
  }
  const text = withoutBom(file.text);
  const { json, comments, unterminated } = stripJsonComments(text);
  const at = (pos: { line: number; column: number }): SourceLocation => ({
    file: file.path,
    ...pos,
  });

  let syntax = false;
  if (unterminated) {
    syntax = true;
    problems.push({ location: at(unterminated), message: 'unterminated comment' });
  }
  try {
    if (!syntax) JSON.parse(json);
  } catch {
    const error = jsonSyntaxError(json);
    if (error) {
      syntax = true;
      problems.push({
        location: at(positionOf(json, error.offset)),
        message: `invalid JSON: ${error.message}`,
      });
    }
  }
  const lines = new TextPositions(json);
  let root: JNode;
  if (syntax) root = fromYaml(parsePositioned(json).doc.contents, json);
  else {
    root = readJson(json, (key) => {
      syntax = true;
      problems.push({
        location: at(lines.at(key.start + 1)),
        message: `duplicate key "${key.v}"`,
      });
    });
  }
  if (root.k !== 'obj') {
    if (!syntax) {
      problems.push({
        location: at({ line: 1, column: 1 }),
        message: 'an ARM template must be an object with "resources"',
      });
    }
    return result;
  }
  const sink = new AzureSink(file.path, new CommentIndex(comments));
  const template = new Template(lines, root, options?.settings);
  collectAzureEntries(template.resources(root), sink);
  append(entries, sink.entries);
  // After a syntax error the document is a guess: keep the entries that make sense, but do not
  // lecture about the shape of text the parser had to invent.
  if (!syntax) append(problems, sink.problems);
  problems.sort(
    (a, b) => a.location.line - b.location.line || a.location.column - b.location.column,
  );
  return result;
}

/**
 * Azure Resource Manager template (JSON, comments allowed): Azure Firewall policy rule collection
 * groups and classic rule collections (`targetFqdns`, `fqdnTags`, `destinationAddresses`,
 * `destinationFqdns`, `destinationPorts`, protocols), and App Service / Functions / Container Apps
 * `ipSecurityRestrictions`.
 *
 * Settings (`options:` of the allowlist entry):
 * - `parameters`: a mapping of parameter names to values, used instead of the template's defaults
 *   (what a parameters file would pass at deployment).
 */
export const ARM: AllowlistFormat = { ...ARM_DESCRIPTION, parse: parseArm };
