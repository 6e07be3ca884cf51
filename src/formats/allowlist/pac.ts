import {
  parse as parseJs,
  type AnyNode,
  type Comment,
  type Expression,
  type Function as JsFunction,
  type Pattern,
  type Statement,
} from 'acorn';
import type { Entry, ParsedFile, ParseProblem } from '../../model/entry.js';
import { HostPattern } from '../../model/host.js';
import { parseIpBlock, type IpBlock } from '../../model/ip.js';
import type { SourceLocation } from '../../model/location.js';
import { append } from '../../model/collections.js';
import { prefixOfMask } from '../../model/ip.js';
import { LineComments } from '../syntax/comments.js';
import { TextPositions } from '../syntax/positions.js';
import type { AllowlistFormat, ParseOptions, SourceFile } from '../format.js';
import { classifyValue, notTextProblem, withoutBom } from '../syntax/source.js';
import { Budget } from '../syntax/budget.js';
import { trimSpaces } from '../../model/text.js';
import { PAC_DESCRIPTION } from './described.js';

/*
 * A PAC file is a program, not a list: which names it lets through depends on which `return`
 * each condition leads to. The script is parsed with a real JavaScript parser and walked
 * statically (nothing is executed): every host test (`shExpMatch`, `dnsDomainIs`,
 * `localHostOrDomainIs`, `host == "..."`, `isInNet`, `isInNetEx`, and the same tests applied to
 * arrays the script loops over) is paired with the return value it leads to. Helper functions
 * called in a condition are read as if written in place.
 */

type Route = 'direct' | 'proxy';

/** The return a condition leads to. Undefined where the script does not say it plainly. */
interface Outcome {
  readonly route: Route;
  /** The returned string, e.g. `PROXY 10.10.10.10:8080`. */
  readonly text: string;
  readonly offset: number;
}

/** A string the script spells out, and where: `value` may be built by concatenation around `written`. */
interface Str {
  readonly value: string;
  /** The literal as written at `offset` (the part of `value` that names the host). */
  readonly written: string;
  readonly offset: number;
}

type TestKind = 'glob' | 'suffix' | 'exact' | 'net' | 'cidr' | 'regex';

interface Test {
  readonly kind: TestKind;
  /** The function or operator, for messages: `shExpMatch`, `dnsDomainIs`, `==`... */
  readonly via: string;
  readonly value: Str;
  /** isInNet's mask. */
  readonly mask?: Str | undefined;
  /** shExpMatch against the URL rather than the host. */
  readonly url: boolean;
  readonly outcome: Outcome | undefined;
  /** Part of an `&&`: it leads to the outcome only when the rest of the condition holds. */
  readonly conditional: boolean;
  /** Start of the statement that holds the test, where its comment may be. */
  readonly anchor: number;
  /** Where the test comes in the order the script runs (compared element by element). */
  readonly order: readonly number[];
}

/** A test whose pattern is not a string the script spells out. */
interface Unreadable {
  readonly offset: number;
  readonly source: string;
  readonly via: string;
  readonly outcome: Outcome | undefined;
}

type Binding =
  | { readonly kind: 'host' | 'url' | 'resolved' | 'unknown' }
  | { readonly kind: 'strings'; readonly values: readonly Str[] }
  | { readonly kind: 'array'; readonly values: readonly Str[] }
  | { readonly kind: 'expr'; readonly expr: Expression; readonly scope: Scope }
  | { readonly kind: 'function'; readonly fn: JsFunction; readonly scope: Scope };

class Scope {
  readonly vars = new Map<string, Binding>();
  constructor(readonly parent?: Scope) {}

  lookup(name: string): Binding | undefined {
    return this.vars.get(name) ?? this.parent?.lookup(name);
  }
}

interface Context {
  readonly scope: Scope;
  readonly breakTo: Outcome | undefined;
  readonly continueTo: Outcome | undefined;
  /** What a `return` leads to: the returned route, or (in a helper used as a condition) the caller's outcomes. */
  readonly ret: (arg: Expression | null | undefined, ctx: Context) => Outcome | undefined;
  readonly depth: number;
  readonly inlining: ReadonlySet<JsFunction>;
  /** The path of statement indices to here, for the order tests run in. */
  readonly order: readonly number[];
}

const MAX_DEPTH = 12;
/** Concatenating two arrays multiplies them; no real PAC needs more. */
const MAX_VALUES = 100_000;
const PROXY_KEYWORDS = /^(?:PROXY|HTTPS?|SOCKS[45]?|QUIC)\s/i;

function classifyReturn(text: string): Route | undefined {
  const first = trimSpaces(text.split(';')[0] ?? '');
  if (/^DIRECT$/i.test(first)) return 'direct';
  if (PROXY_KEYWORDS.test(first)) return 'proxy';
  return undefined;
}

/** Reads the script: every host test with the return it leads to. */
class Analyzer {
  readonly tests: Test[] = [];
  /** Variables FindProxyForURL returns (`return result`), whose assignments choose the route. */
  readonly returned = new Set<string>();
  readonly unreadable: Unreadable[] = [];
  readonly #source: string;
  readonly #seen = new Set<string>();
  /** Breaks ties in evaluation order between tests of one condition (left to right). */
  #seq = 0;
  /**
   * Every string the reader computes is held (a loop over arrays multiplies them), so the
   * budget counts computed strings: literals cost nothing, and are read whatever was spent.
   */
  readonly budget = new Budget({ work: 100_000, text: 64 * 1024, items: MAX_VALUES });
  /** Where the budget first ran out, and why. */
  overBudget: { readonly offset: number; readonly why: string } | undefined;

  #over(offset: number, why: string): undefined {
    this.overBudget ??= { offset, why };
    return undefined;
  }

  constructor(source: string) {
    this.#source = source;
  }

  // -------------------------------------------------------------------------------------------
  // Declarations

  /** Declares the `var`/`let`/`const` names and functions of a body, as JavaScript hoists them. */
  hoist(body: readonly AnyNode[], scope: Scope): void {
    const assigned: { name: string; value: Expression }[] = [];
    const visit = (node: AnyNode): void => {
      switch (node.type) {
        case 'FunctionDeclaration':
          if (node.id) scope.vars.set(node.id.name, { kind: 'function', fn: node, scope });
          return;
        case 'FunctionExpression':
        case 'ArrowFunctionExpression':
          return;
        case 'VariableDeclarator':
          if (node.id.type === 'Identifier') {
            const init = node.init;
            scope.vars.set(
              node.id.name,
              !init
                ? { kind: 'unknown' }
                : init.type === 'FunctionExpression' || init.type === 'ArrowFunctionExpression'
                  ? { kind: 'function', fn: init, scope }
                  : { kind: 'expr', expr: init, scope },
            );
          }
          if (node.init) visit(node.init);
          return;
        case 'AssignmentExpression':
          if (node.left.type === 'Identifier')
            assigned.push({ name: node.left.name, value: node.right });
          visit(node.right);
          return;
        default:
          for (const child of children(node)) visit(child);
      }
    };
    for (const node of body) visit(node);
    // A variable given another value somewhere holds no one value the analysis could rely on,
    // except the host given a cleaned-up copy of itself (`host = host.toLowerCase()`).
    const changed = assigned.filter(({ name, value }) => {
      const b = scope.vars.get(name);
      return (
        b && !((b.kind === 'host' || b.kind === 'url') && this.kindOf(value, scope) === b.kind)
      );
    });
    for (const { name } of changed) scope.vars.set(name, { kind: 'unknown' });
  }

  // -------------------------------------------------------------------------------------------
  // Values

  /** What an expression stands for: the host, the URL, the host's address, or none of these. */
  kindOf(expr: AnyNode, scope: Scope, depth = 0): 'host' | 'url' | 'resolved' | undefined {
    if (depth > MAX_DEPTH) return undefined;
    if (expr.type === 'Identifier') {
      const b = scope.lookup(expr.name);
      if (!b) return undefined;
      if (b.kind === 'host' || b.kind === 'url' || b.kind === 'resolved') return b.kind;
      if (b.kind === 'expr') return this.kindOf(b.expr, b.scope, depth + 1);
      return undefined;
    }
    if (expr.type === 'CallExpression') {
      const callee = expr.callee;
      if (callee.type === 'Identifier' && callee.name === 'dnsResolve') {
        const arg = expr.arguments[0];
        return arg && this.kindOf(arg, scope, depth + 1) === 'host' ? 'resolved' : undefined;
      }
      if (
        callee.type === 'MemberExpression' &&
        !callee.computed &&
        callee.property.type === 'Identifier' &&
        ['toLowerCase', 'toLocaleLowerCase', 'trim'].includes(callee.property.name)
      ) {
        return this.kindOf(callee.object, scope, depth + 1);
      }
    }
    if (expr.type === 'ParenthesizedExpression') return this.kindOf(expr.expression, scope, depth);
    return undefined;
  }

  /** The strings an expression can be: a literal, a constant, an element of a looped-over array, a concatenation. */
  strings(expr: AnyNode, scope: Scope, depth = 0): readonly Str[] | undefined {
    if (depth > MAX_DEPTH) return undefined;
    switch (expr.type) {
      case 'Literal':
        return typeof expr.value === 'string'
          ? [{ value: expr.value, written: expr.value, offset: expr.start + 1 }]
          : undefined;
      case 'TemplateLiteral': {
        const only = expr.quasis[0];
        if (expr.expressions.length > 0 || !only || typeof only.value.cooked !== 'string')
          return undefined;
        return [{ value: only.value.cooked, written: only.value.cooked, offset: expr.start + 1 }];
      }
      case 'Identifier': {
        const b = scope.lookup(expr.name);
        if (!b) return undefined;
        if (b.kind === 'strings') return b.values;
        if (b.kind === 'expr') return this.strings(b.expr, b.scope, depth + 1);
        return undefined;
      }
      case 'MemberExpression': {
        if (!expr.computed || expr.object.type === 'Super') return undefined;
        const all = this.elements(expr.object, scope, depth + 1);
        if (!all) return undefined;
        const p = expr.property;
        if (p.type === 'Literal' && typeof p.value === 'number') {
          const one = all[p.value];
          return one ? [one] : undefined;
        }
        // An index that changes: the script loops over the array, so the element is any of them.
        return all;
      }
      case 'BinaryExpression': {
        if (expr.operator !== '+' || expr.left.type === 'PrivateIdentifier') return undefined;
        const left = this.strings(expr.left, scope, depth + 1);
        const right = left && this.strings(expr.right, scope, depth + 1);
        if (!left || !right) return undefined;
        if (!this.budget.items(left.length * right.length))
          return this.#over(expr.start, this.budget.itemsReason);
        const out: Str[] = [];
        for (const l of left) {
          for (const r of right) {
            if (!this.budget.text(l.value.length + r.value.length))
              return this.#over(expr.start, this.budget.textReason);
            // The part that names the host is where the entry is: the side that varies, else the longer.
            const anchor =
              right.length > 1 && left.length === 1
                ? r
                : left.length > 1 && right.length === 1
                  ? l
                  : r.written.length >= l.written.length
                    ? r
                    : l;
            out.push({ value: l.value + r.value, written: anchor.written, offset: anchor.offset });
          }
        }
        return out;
      }
      case 'CallExpression': {
        const callee = expr.callee;
        if (
          callee.type === 'MemberExpression' &&
          !callee.computed &&
          callee.property.type === 'Identifier' &&
          callee.object.type !== 'Super' &&
          (callee.property.name === 'toLowerCase' || callee.property.name === 'toLocaleLowerCase')
        ) {
          const inner = this.strings(callee.object, scope, depth + 1);
          return inner?.map((s) => ({ ...s, value: s.value.toLowerCase() }));
        }
        return undefined;
      }
      case 'ParenthesizedExpression':
        return this.strings(expr.expression, scope, depth);
      default:
        return undefined;
    }
  }

  /** The string elements of an array the script spells out (or a name bound to one). */
  elements(expr: AnyNode, scope: Scope, depth = 0): readonly Str[] | undefined {
    if (depth > MAX_DEPTH) return undefined;
    switch (expr.type) {
      case 'ArrayExpression': {
        const out: Str[] = [];
        for (const el of expr.elements) {
          if (!el || el.type === 'SpreadElement') continue;
          const values = this.strings(el, scope, depth + 1);
          if (values) append(out, values);
        }
        return out;
      }
      case 'Identifier': {
        const b = scope.lookup(expr.name);
        if (!b) return undefined;
        if (b.kind === 'array') return b.values;
        if (b.kind === 'expr') return this.elements(b.expr, b.scope, depth + 1);
        return undefined;
      }
      case 'CallExpression': {
        const callee = expr.callee;
        if (
          callee.type === 'MemberExpression' &&
          callee.object.type !== 'Super' &&
          !callee.computed &&
          callee.property.type === 'Identifier' &&
          callee.property.name === 'concat'
        ) {
          const out = [...(this.elements(callee.object, scope, depth + 1) ?? [])];
          for (const arg of expr.arguments) {
            if (arg.type === 'SpreadElement') continue;
            append(out, this.elements(arg, scope, depth + 1) ?? this.strings(arg, scope) ?? []);
          }
          return out;
        }
        return undefined;
      }
      case 'ParenthesizedExpression':
        return this.elements(expr.expression, scope, depth);
      default:
        return undefined;
    }
  }

  /** The route a returned expression names, when every value it can take names the same one. */
  outcomeOf(expr: Expression, scope: Scope): Outcome | undefined {
    const values = this.strings(expr, scope);
    const first = values?.[0];
    if (!values || !first) return undefined;
    const route = classifyReturn(first.value);
    if (!route || values.some((v) => classifyReturn(v.value) !== route)) return undefined;
    return { route, text: first.value, offset: expr.start };
  }

  // -------------------------------------------------------------------------------------------
  // Statements: each returns what happens when the statement runs and no host test in it matches.

  block(body: readonly Statement[], after: Outcome | undefined, ctx: Context): Outcome | undefined {
    let out = after;
    for (let i = body.length - 1; i >= 0; i--) {
      out = this.statement(body[i]!, out, { ...ctx, order: [...ctx.order, i] });
    }
    return out;
  }

  statement(s: Statement, after: Outcome | undefined, ctx: Context): Outcome | undefined {
    switch (s.type) {
      case 'ReturnStatement':
        return ctx.ret(s.argument, ctx);
      case 'IfStatement': {
        const o = ctx.order;
        const then = this.statement(s.consequent, after, { ...ctx, order: [...o, 1] });
        const otherwise = s.alternate
          ? this.statement(s.alternate, after, { ...ctx, order: [...o, 2] })
          : after;
        this.condition(s.test, { ...ctx, order: [...o, 0] }, then, otherwise, false, s.start);
        return this.holdsByDefault(s.test, ctx) ? then : otherwise;
      }
      case 'BlockStatement':
        return this.block(s.body, after, ctx);
      case 'ForStatement':
      case 'WhileStatement':
      case 'DoWhileStatement':
      case 'ForInStatement':
        this.statement(s.body, after, { ...ctx, breakTo: after, continueTo: after });
        return after;
      case 'ForOfStatement': {
        const scope = new Scope(ctx.scope);
        const name = declaredName(s.left);
        const values = this.elements(s.right, ctx.scope);
        if (name) scope.vars.set(name, values ? { kind: 'strings', values } : { kind: 'unknown' });
        this.statement(s.body, after, { ...ctx, scope, breakTo: after, continueTo: after });
        return after;
      }
      case 'SwitchStatement':
        return this.switchStatement(s, after, ctx);
      case 'BreakStatement':
        return ctx.breakTo;
      case 'ContinueStatement':
        return ctx.continueTo;
      case 'LabeledStatement':
        return this.statement(s.body, after, ctx);
      case 'TryStatement': {
        const out = this.block(s.block.body, after, ctx);
        if (s.handler) this.block(s.handler.body.body, after, ctx);
        if (s.finalizer) this.block(s.finalizer.body, after, ctx);
        return out;
      }
      case 'ExpressionStatement': {
        const e = s.expression;
        // `result = "DIRECT"` where the script ends with `return result`: as good as a return.
        if (
          e.type === 'AssignmentExpression' &&
          e.operator === '=' &&
          e.left.type === 'Identifier' &&
          this.returned.has(e.left.name)
        ) {
          return this.outcomeOf(e.right, ctx.scope) ?? after;
        }
        this.expressionStatement(e, ctx);
        return after;
      }
      default:
        return after;
    }
  }

  switchStatement(
    s: Extract<Statement, { type: 'SwitchStatement' }>,
    after: Outcome | undefined,
    ctx: Context,
  ): Outcome | undefined {
    const onHost = this.kindOf(s.discriminant, ctx.scope) === 'host';
    const inner = { ...ctx, breakTo: after };
    let next = after;
    let fallback = after;
    for (let i = s.cases.length - 1; i >= 0; i--) {
      const c = s.cases[i]!;
      const out = this.block(c.consequent, next, { ...inner, order: [...ctx.order, i] });
      if (!c.test) fallback = out;
      else if (onHost) {
        const values = this.strings(c.test, ctx.scope);
        for (const value of values ?? [])
          this.add(ctx, 'exact', 'case', value, out, false, s.start);
      }
      next = out;
    }
    return fallback;
  }

  /** `array.forEach(fn)`: what the callback returns goes nowhere, so its tests lead to no known route. */
  expressionStatement(e: Expression, ctx: Context): void {
    if (e.type !== 'CallExpression') return;
    const callee = e.callee;
    const cb = e.arguments[0];
    if (
      callee.type !== 'MemberExpression' ||
      callee.computed ||
      callee.object.type === 'Super' ||
      callee.property.type !== 'Identifier' ||
      callee.property.name !== 'forEach' ||
      !cb ||
      (cb.type !== 'FunctionExpression' && cb.type !== 'ArrowFunctionExpression')
    ) {
      return;
    }
    const values = this.elements(callee.object, ctx.scope);
    const unknown: Context['ret'] = () => undefined;
    this.callback(cb, values, ctx, unknown, undefined);
  }

  /** Reads a callback with its first parameter bound to each element of an array. */
  callback(
    fn: JsFunction,
    values: readonly Str[] | undefined,
    ctx: Context,
    ret: Context['ret'],
    fallthrough: Outcome | undefined,
  ): void {
    if (ctx.depth > MAX_DEPTH) return;
    const scope = new Scope(ctx.scope);
    const name = fn.params[0] && declaredName(fn.params[0]);
    if (name) scope.vars.set(name, values ? { kind: 'strings', values } : { kind: 'unknown' });
    const inner: Context = {
      ...ctx,
      scope,
      ret,
      depth: ctx.depth + 1,
      order: [...ctx.order, this.#seq++],
    };
    if (fn.body.type === 'BlockStatement') {
      this.hoist(fn.body.body, scope);
      this.block(fn.body.body, fallthrough, inner);
    } else {
      ret(fn.body, inner);
    }
  }

  // -------------------------------------------------------------------------------------------
  // Conditions

  /** Registers the host tests of a condition: a test that holds leads to `yes`, one negated to `no`. */
  condition(
    e: AnyNode,
    ctx: Context,
    yes: Outcome | undefined,
    no: Outcome | undefined,
    conditional: boolean,
    anchor: number,
  ): void {
    if (ctx.depth > MAX_DEPTH) return;
    switch (e.type) {
      case 'LogicalExpression':
        this.condition(e.left, ctx, yes, no, conditional || e.operator === '&&', anchor);
        this.condition(e.right, ctx, yes, no, conditional || e.operator === '&&', anchor);
        return;
      case 'UnaryExpression':
        if (e.operator === '!') this.condition(e.argument, ctx, no, yes, conditional, anchor);
        return;
      case 'ParenthesizedExpression':
        this.condition(e.expression, ctx, yes, no, conditional, anchor);
        return;
      case 'SequenceExpression': {
        const last = e.expressions[e.expressions.length - 1];
        if (last) this.condition(last, ctx, yes, no, conditional, anchor);
        return;
      }
      case 'Identifier': {
        // `var isM365 = dnsDomainIs(host, ...) || ...; if (isM365) ...`
        const b = ctx.scope.lookup(e.name);
        if (b?.kind === 'expr') {
          const inner = { ...ctx, scope: b.scope, depth: ctx.depth + 1 };
          this.condition(b.expr, inner, yes, no, conditional, anchor);
        }
        return;
      }
      case 'BinaryExpression':
        this.comparison(e, ctx, yes, no, conditional, anchor);
        return;
      case 'CallExpression':
        this.call(e, ctx, yes, no, conditional, anchor);
        return;
      default:
        return;
    }
  }

  /**
   * Whether a condition holds for a host that no test matches: the path the script takes for
   * every other name. Tests are false there, so `!dnsDomainIs(...)` is true; anything else the
   * analysis cannot see (`isPlainHostName(host)`) is taken as false.
   */
  holdsByDefault(e: AnyNode, ctx: Context, depth = 0): boolean {
    if (depth > MAX_DEPTH) return false;
    switch (e.type) {
      case 'LogicalExpression': {
        const left = this.holdsByDefault(e.left, ctx, depth + 1);
        const right = this.holdsByDefault(e.right, ctx, depth + 1);
        return e.operator === '&&' ? left && right : left || right;
      }
      case 'UnaryExpression':
        return e.operator === '!' && !this.holdsByDefault(e.argument, ctx, depth + 1);
      case 'ParenthesizedExpression':
        return this.holdsByDefault(e.expression, ctx, depth + 1);
      case 'Literal':
        return Boolean(e.value);
      case 'BinaryExpression':
        // `host != "x"` holds for every other name.
        return (
          (e.operator === '!=' || e.operator === '!==') &&
          e.left.type !== 'PrivateIdentifier' &&
          (this.kindOf(e.left, ctx.scope) === 'host' || this.kindOf(e.right, ctx.scope) === 'host')
        );
      default:
        return false;
    }
  }

  comparison(
    e: Extract<AnyNode, { type: 'BinaryExpression' }>,
    ctx: Context,
    yes: Outcome | undefined,
    no: Outcome | undefined,
    conditional: boolean,
    anchor: number,
  ): void {
    if (e.left.type === 'PrivateIdentifier') return;
    const equal = e.operator === '==' || e.operator === '===';
    const unequal = e.operator === '!=' || e.operator === '!==';
    if (equal || unequal) {
      const [hostSide, other] =
        this.kindOf(e.left, ctx.scope) === 'host'
          ? [e.left, e.right]
          : this.kindOf(e.right, ctx.scope) === 'host'
            ? [e.right, e.left]
            : [undefined, undefined];
      if (hostSide && other) {
        const values = this.strings(other, ctx.scope);
        const outcome = equal ? yes : no;
        if (!values) this.cannotRead(other, '==', outcome);
        for (const v of values ?? []) this.add(ctx, 'exact', '==', v, outcome, conditional, anchor);
        return;
      }
    }
    // `list.indexOf(host) != -1`, `list.indexOf(host) >= 0`, `list.indexOf(host) == -1`
    const call = e.left.type === 'CallExpression' ? e.left : undefined;
    const callee = call?.callee;
    if (
      !call ||
      callee?.type !== 'MemberExpression' ||
      callee.computed ||
      callee.object.type === 'Super' ||
      callee.property.type !== 'Identifier' ||
      callee.property.name !== 'indexOf'
    ) {
      return;
    }
    const arg = call.arguments[0];
    if (!arg || arg.type === 'SpreadElement' || this.kindOf(arg, ctx.scope) !== 'host') return;
    const n = numberOf(e.right);
    if (n === undefined) return;
    const op = e.operator;
    const found =
      ((op === '!=' || op === '!==') && n === -1) ||
      (op === '>=' && n === 0) ||
      (op === '>' && n === -1);
    const missing = ((op === '==' || op === '===') && n === -1) || (op === '<' && n === 0);
    if (!found && !missing) return;
    const values = this.elements(callee.object, ctx.scope) ?? [];
    for (const v of values)
      this.add(ctx, 'exact', 'indexOf', v, found ? yes : no, conditional, anchor);
  }

  call(
    e: Extract<AnyNode, { type: 'CallExpression' }>,
    ctx: Context,
    yes: Outcome | undefined,
    no: Outcome | undefined,
    conditional: boolean,
    anchor: number,
  ): void {
    const callee = e.callee;
    const args = e.arguments.map((a) => (a.type === 'SpreadElement' ? undefined : a));
    const scope = ctx.scope;
    if (callee.type === 'Identifier') {
      const [a, b, c] = args;
      const name = callee.name;
      const subject = a && this.kindOf(a, scope);
      const strings = (arg: Expression | undefined, via: string): readonly Str[] => {
        if (!arg) return [];
        const values = this.strings(arg, scope);
        if (!values) this.cannotRead(arg, via, yes);
        return values ?? [];
      };
      switch (name) {
        case 'shExpMatch':
          if (subject === 'host' || subject === 'url') {
            for (const v of strings(b, name)) {
              this.add(ctx, 'glob', name, v, yes, conditional, anchor, subject === 'url');
            }
          }
          return;
        case 'dnsDomainIs':
          if (subject === 'host') {
            for (const v of strings(b, name))
              this.add(ctx, 'suffix', name, v, yes, conditional, anchor);
          }
          return;
        case 'localHostOrDomainIs':
          if (subject === 'host') {
            for (const v of strings(b, name))
              this.add(ctx, 'exact', name, v, yes, conditional, anchor);
          }
          return;
        case 'isInNet':
        case 'isInNetEx':
          if (subject === 'host' || subject === 'resolved') {
            const nets = strings(b, name);
            const masks = name === 'isInNet' ? strings(c, name) : [];
            for (const v of nets) {
              if (name === 'isInNetEx') this.add(ctx, 'cidr', name, v, yes, conditional, anchor);
              else
                for (const m of masks)
                  this.add(ctx, 'net', name, v, yes, conditional, anchor, false, m);
            }
          }
          return;
        default: {
          const b0 = scope.lookup(name);
          if (b0?.kind === 'function')
            this.inline(b0.fn, b0.scope, args, ctx, yes, no, conditional);
          return;
        }
      }
    }
    if (
      callee.type !== 'MemberExpression' ||
      callee.computed ||
      callee.object.type === 'Super' ||
      callee.property.type !== 'Identifier'
    ) {
      return;
    }
    const method = callee.property.name;
    const target = callee.object;
    const [arg] = args;
    if ((method === 'some' || method === 'find') && arg) {
      // `list.some(d => dnsDomainIs(host, d))`: the callback's result is the condition.
      if (arg.type !== 'FunctionExpression' && arg.type !== 'ArrowFunctionExpression') return;
      const values = this.elements(target, scope);
      const ret = this.predicate(yes, no, conditional, anchor);
      this.callback(arg, values, ctx, ret, no);
      return;
    }
    if (method === 'includes' && arg && this.kindOf(arg, scope) === 'host') {
      for (const v of this.elements(target, scope) ?? []) {
        this.add(ctx, 'exact', 'includes', v, yes, conditional, anchor);
      }
      return;
    }
    if (method === 'endsWith' && arg && this.kindOf(target, scope) === 'host') {
      for (const v of this.strings(arg, scope) ?? []) {
        this.add(ctx, 'suffix', 'endsWith', v, yes, conditional, anchor);
      }
      return;
    }
    if (method === 'test' && target.type === 'Literal' && target.regex && arg) {
      const kind = this.kindOf(arg, scope);
      if (kind === 'host' || kind === 'url') {
        const value = {
          value: target.regex.pattern,
          written: target.regex.pattern,
          offset: target.start + 1,
        };
        this.add(ctx, 'regex', 'a regular expression', value, yes, conditional, anchor);
      }
    }
  }

  /** How `return` reads inside a helper used as a condition: true leads to `yes`, false to `no`. */
  predicate(
    yes: Outcome | undefined,
    no: Outcome | undefined,
    conditional: boolean,
    anchor: number,
  ): Context['ret'] {
    return (arg, ctx) => {
      if (!arg) return no;
      if (arg.type === 'Literal' && typeof arg.value === 'boolean') return arg.value ? yes : no;
      this.condition(arg, ctx, yes, no, conditional, anchor);
      return no;
    };
  }

  /** A helper function called in a condition, read with its parameters bound to the call's arguments. */
  inline(
    fn: JsFunction,
    defined: Scope,
    args: readonly (Expression | undefined)[],
    ctx: Context,
    yes: Outcome | undefined,
    no: Outcome | undefined,
    conditional: boolean,
  ): void {
    if (ctx.depth > MAX_DEPTH || ctx.inlining.has(fn)) return;
    const scope = new Scope(defined);
    fn.params.forEach((param, i) => {
      const name = declaredName(param);
      const arg = args[i];
      if (!name) return;
      const kind = arg && this.kindOf(arg, ctx.scope);
      const values = arg && !kind ? this.strings(arg, ctx.scope) : undefined;
      const array = arg && !kind && !values ? this.elements(arg, ctx.scope) : undefined;
      scope.vars.set(
        name,
        kind
          ? { kind }
          : values
            ? { kind: 'strings', values }
            : array
              ? { kind: 'array', values: array }
              : { kind: 'unknown' },
      );
    });
    const inner: Context = {
      scope,
      breakTo: undefined,
      continueTo: undefined,
      ret: this.predicate(yes, no, conditional, fn.start),
      depth: ctx.depth + 1,
      inlining: new Set([...ctx.inlining, fn]),
      order: [...ctx.order, this.#seq++],
    };
    if (fn.body.type === 'BlockStatement') {
      this.hoist(fn.body.body, scope);
      this.block(fn.body.body, no, inner);
    } else {
      inner.ret(fn.body, inner);
    }
  }

  add(
    ctx: Context,
    kind: TestKind,
    via: string,
    value: Str,
    outcome: Outcome | undefined,
    conditional: boolean,
    anchor: number,
    url = false,
    mask?: Str,
  ): void {
    // A helper called from two places registers its tests twice; one is enough per outcome.
    const id = `${value.offset}|${kind}|${value.value}|${mask?.value ?? ''}|${outcome?.route ?? ''}`;
    if (this.#seen.has(id)) return;
    this.#seen.add(id);
    const order = [...ctx.order, this.#seq++];
    this.tests.push({ kind, via, value, mask, url, outcome, conditional, anchor, order });
  }

  cannotRead(arg: AnyNode, via: string, outcome: Outcome | undefined): void {
    const source = this.#source.slice(arg.start, arg.end);
    this.unreadable.push({
      offset: arg.start,
      source: source.length > 60 ? `${source.slice(0, 57)}...` : source,
      via,
      outcome,
    });
  }
}

function collectReturnedNames(fn: JsFunction, into: Set<string>): void {
  const visit = (node: AnyNode): void => {
    if (node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression') return;
    if (node.type === 'ReturnStatement' && node.argument?.type === 'Identifier') {
      into.add(node.argument.name);
    }
    for (const child of children(node)) visit(child);
  };
  if (fn.body.type === 'BlockStatement') for (const s of fn.body.body) visit(s);
}

function compareOrder(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length && i < b.length; i++) {
    if (a[i] !== b[i]) return a[i]! - b[i]!;
  }
  return a.length - b.length;
}

function declaredName(node: AnyNode): string | undefined {
  if (node.type === 'Identifier') return node.name;
  if (node.type === 'VariableDeclaration') {
    const id = node.declarations[0]?.id;
    return id?.type === 'Identifier' ? id.name : undefined;
  }
  if (node.type === 'AssignmentPattern') return declaredName(node.left);
  return undefined;
}

function numberOf(e: AnyNode): number | undefined {
  if (e.type === 'Literal' && typeof e.value === 'number') return e.value;
  if (e.type === 'UnaryExpression' && e.operator === '-') {
    const n = numberOf(e.argument);
    return n === undefined ? undefined : -n;
  }
  return undefined;
}

/** The child nodes of a node, in source order. */
function children(node: AnyNode): AnyNode[] {
  const out: AnyNode[] = [];
  for (const key of Object.keys(node)) {
    if (key === 'loc' || key === 'range') continue;
    const value = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(value)) {
      for (const v of value) if (isNode(v)) out.push(v);
    } else if (isNode(value)) out.push(value);
  }
  return out;
}

function isNode(v: unknown): v is AnyNode {
  return typeof v === 'object' && v !== null && typeof (v as { type?: unknown }).type === 'string';
}

// ---------------------------------------------------------------------------------------------
// From tests to entries

/** What a host test matches, as the pattern model can say it. */
interface HostReading {
  readonly pattern: HostPattern;
  /** Why the PAC matches more names than the pattern, when it does. */
  readonly broader?: string | undefined;
}

/**
 * shExpMatch's `*` matches any characters, dots included, and `?` any one character. A leading
 * `*.` is exactly the model's `*.` (one or more labels); a `*` anywhere else is read as the
 * model's in-label wildcard, which never crosses a dot, so the PAC matches more than that.
 */
function fromGlob(glob: string): HostReading | string {
  const lower = glob.toLowerCase();
  const model = lower.replace(/\?/g, '*').replace(/\*+/g, '*');
  const parsed = HostPattern.parse(model);
  if (!parsed.ok) return `shExpMatch pattern "${glob}" cannot be compared: ${parsed.error}`;
  const rest = model.startsWith('*.') ? model.slice(2) : model;
  if (!rest.includes('*') && !lower.includes('?')) return { pattern: parsed.value };
  const text = parsed.value.text;
  const why = lower.includes('?')
    ? `"?" in shExpMatch matches any one character, dots included, so "${glob}" matches more names than "${text}"`
    : `"*" in shExpMatch also matches dots, so "${glob}" matches names such as "${example(lower)}" too`;
  return {
    pattern: parsed.value,
    broader: `${why}; compared as "${text}", whose "*" stays within one label`,
  };
}

/** A name the glob matches through a dot: `*login.x` → `a.login.x`, `*-files.x` → `a.b-files.x`. */
function example(glob: string): string {
  const at = glob.indexOf('*');
  const next = glob.charAt(at + 1);
  return `${glob.slice(0, at)}${/[a-z0-9]/.test(next) ? 'a.' : 'a.b'}${glob.slice(at + 1)}`;
}

/** The host part of a URL glob: `https://*.example.com/*` → `*.example.com`. */
function hostOfUrlGlob(glob: string): string | undefined {
  const scheme = /^[a-z*][a-z0-9+.*-]*:\/\//i.exec(glob);
  let rest = scheme ? glob.slice(scheme[0].length) : glob;
  const slash = rest.indexOf('/');
  if (slash >= 0) rest = rest.slice(0, slash);
  else if (!scheme) return undefined;
  rest = rest.replace(/^[^@]*@/, '').replace(/:(?:\d+|\*)$/, '');
  return rest === '' || (rest === '*' && !scheme) ? undefined : rest;
}

/** dnsDomainIs is a plain suffix test: `dnsDomainIs(host, "office.com")` also matches `myoffice.com`. */
function fromSuffix(suffix: string, call: string): HostReading | string {
  if (suffix.startsWith('.')) return fromGlob(`*${suffix}`);
  const parsed = HostPattern.parse(`.${suffix}`);
  if (!parsed.ok) return parsed.error;
  return {
    pattern: parsed.value,
    broader: `${call} also matches names that merely end in "${suffix}" (such as "my${suffix}"); compared as "${parsed.value.text}"`,
  };
}

type Reading =
  | { readonly kind: 'host'; readonly pattern: HostPattern; readonly broader?: string | undefined }
  | { readonly kind: 'ip'; readonly block: IpBlock }
  | {
      readonly kind: 'problem';
      readonly message: string;
      readonly severity: 'error' | 'notice';
      readonly offset?: number;
    };

function read(test: Test): Reading {
  const v = test.value.value;
  switch (test.kind) {
    case 'glob': {
      const glob = test.url ? hostOfUrlGlob(v) : v;
      if (glob === undefined) {
        return {
          kind: 'problem',
          message: `cannot tell the host in the URL pattern "${v}"; not compared`,
          severity: 'notice',
        };
      }
      return hostReading(fromGlob(glob));
    }
    case 'suffix':
      return hostReading(
        fromSuffix(
          v,
          test.via === 'endsWith' ? `host.endsWith("${v}")` : `${test.via}(host, "${v}")`,
        ),
      );
    case 'exact': {
      if (classifyValue(v) === 'ip') return ipReading(parseIpBlock(v));
      const parsed = HostPattern.parse(v);
      return parsed.ok
        ? { kind: 'host', pattern: parsed.value }
        : { kind: 'problem', message: parsed.error, severity: 'error' };
    }
    case 'cidr':
      return ipReading(parseIpBlock(v));
    case 'net': {
      const mask = test.mask!;
      const len = prefixOfMask(mask.value);
      if (typeof len === 'string') {
        return { kind: 'problem', message: len, severity: 'error', offset: mask.offset };
      }
      const address = parseIpBlock(v);
      if (!address.ok) return ipReading(address);
      if (address.value.family !== 4 || address.value.prefixLength !== 32 || v.includes('/')) {
        return { kind: 'problem', message: `"${v}" is not an IPv4 address`, severity: 'error' };
      }
      return ipReading(parseIpBlock(`${v}/${len}`));
    }
    case 'regex':
      return {
        kind: 'problem',
        message: `"${v}" is a regular expression; regular expressions are not compared`,
        severity: 'notice',
      };
  }
}

function hostReading(r: HostReading | string): Reading {
  return typeof r === 'string'
    ? { kind: 'problem', message: r, severity: 'notice' }
    : { kind: 'host', pattern: r.pattern, broader: r.broader };
}

function ipReading(r: ReturnType<typeof parseIpBlock>): Reading {
  return r.ok
    ? { kind: 'ip', block: r.value }
    : { kind: 'problem', message: r.error, severity: 'error' };
}

function describeRoute(route: Route): string {
  return route === 'direct' ? 'sent DIRECT' : 'sent to the proxy';
}

/** Earlier tests with the other route, looked up by the suffixes their patterns end in. */
class ShadowIndex {
  /** Patterns by every label suffix of their fixed base (the base itself included). */
  readonly #bySuffix = new Map<string, { test: Test; pattern: HostPattern }[]>();
  /** Patterns by their exact base. */
  readonly #byBase = new Map<string, { test: Test; pattern: HostPattern }[]>();
  readonly #blocks: { test: Test; block: IpBlock }[] = [];

  addHost(test: Test, pattern: HostPattern): void {
    const item = { test, pattern };
    const base = pattern.base;
    push(this.#byBase, base, item);
    let s = base;
    for (;;) {
      push(this.#bySuffix, s, item);
      const dot = s.indexOf('.');
      if (dot < 0 || s === '') break;
      s = s.slice(dot + 1);
    }
  }

  addIp(test: Test, block: IpBlock): void {
    this.#blocks.push({ test, block });
  }

  /** Earlier patterns whose names meet this one's: their base is a suffix of its base, or the reverse. */
  hosts(pattern: HostPattern): { test: Test; pattern: HostPattern }[] {
    const out = [...(this.#bySuffix.get(pattern.base) ?? [])];
    let s = pattern.base;
    while (s !== '') {
      const dot = s.indexOf('.');
      s = dot < 0 ? '' : s.slice(dot + 1);
      append(out, this.#byBase.get(s) ?? []);
    }
    return out.filter((c) => c.pattern.intersects(pattern));
  }

  ips(block: IpBlock): { test: Test; block: IpBlock }[] {
    return this.#blocks.filter((c) => c.block.overlaps(block));
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

// ---------------------------------------------------------------------------------------------
// Comments

/** `//` and `/* *\/` comments by line: those alone on their line, and those after code. */
function lineComments(
  comments: readonly Comment[],
  text: string,
  positions: TextPositions,
): LineComments {
  const out = new LineComments();
  for (const c of comments) {
    const start = positions.at(c.start);
    const end = positions.at(Math.max(c.start, c.end - 1));
    const before = text.slice(positions.lineStart(start.line), c.start);
    const body = c.value
      .split('\n')
      .map((l) => trimSpaces(l.replace(/^\s*\*?\s?/, '')))
      .filter((l) => l !== '')
      .join('\n');
    if (trimSpaces(before) === '') out.add(end.line, body, true);
    else out.add(start.line, body, false);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The format

const ENTRY_FUNCTIONS = ['FindProxyForURL', 'FindProxyForURLEx'];

function allowedRoute(options: ParseOptions | undefined): Route | string {
  const value = options?.settings?.allow ?? 'direct';
  if (value === 'direct' || value === 'proxy') return value;
  return `unknown value ${JSON.stringify(value)} for the PAC setting "allow" (expected direct or proxy)`;
}

function parsePac(file: SourceFile, options?: ParseOptions): ParsedFile {
  const entries: Entry[] = [];
  const problems: ParseProblem[] = [];
  const result = { path: file.path, format: 'pac', entries, problems };
  const notText = notTextProblem(file);
  if (notText) {
    problems.push(notText);
    return result;
  }
  const allow = allowedRoute(options);
  if (allow !== 'direct' && allow !== 'proxy') {
    problems.push({ location: { file: file.path, line: 0, column: 1 }, message: allow });
    return result;
  }
  const text = withoutBom(file.text);
  const positions = new TextPositions(text);
  const at = (offset: number) => ({ file: file.path, ...positions.at(offset) });

  const comments: Comment[] = [];
  let program;
  try {
    program = parseJs(text, {
      ecmaVersion: 'latest',
      sourceType: 'script',
      allowReturnOutsideFunction: true,
      allowHashBang: true,
      onComment: comments,
    });
  } catch (e) {
    const pos = (e as { pos?: unknown }).pos;
    const message = e instanceof Error ? e.message.replace(/\s*\(\d+:\d+\)$/, '') : String(e);
    problems.push({
      location: at(typeof pos === 'number' ? Math.min(pos, text.length) : 0),
      message: `invalid JavaScript: ${message}`,
    });
    return result;
  }

  const analyzer = new Analyzer(text);
  const top = new Scope();
  analyzer.hoist(program.body, top);
  const main = ENTRY_FUNCTIONS.map((name) => top.lookup(name)).find((b) => b?.kind === 'function');
  if (main?.kind !== 'function') {
    problems.push({
      location: { file: file.path, line: 0, column: 1 },
      message: `"${file.path}" has no FindProxyForURL function`,
    });
    return result;
  }
  const fn = main.fn;
  const scope = new Scope(main.scope);
  collectReturnedNames(fn, analyzer.returned);
  const [urlParam, hostParam] = fn.params.map((p: Pattern) => declaredName(p));
  scope.vars.set(urlParam ?? 'url', { kind: 'url' });
  scope.vars.set(hostParam ?? 'host', { kind: 'host' });
  const ctx: Context = {
    scope,
    breakTo: undefined,
    continueTo: undefined,
    ret: (arg, c) => {
      if (!arg) return undefined;
      if (arg.type === 'ConditionalExpression') {
        const yes = analyzer.outcomeOf(arg.consequent, c.scope);
        const no = analyzer.outcomeOf(arg.alternate, c.scope);
        analyzer.condition(arg.test, c, yes, no, false, arg.start);
        return analyzer.holdsByDefault(arg.test, c) ? yes : no;
      }
      return analyzer.outcomeOf(arg, c.scope);
    },
    depth: 0,
    inlining: new Set([fn]),
    order: [],
  };
  try {
    if (fn.body.type === 'BlockStatement') {
      analyzer.hoist(fn.body.body, scope);
      analyzer.block(fn.body.body, undefined, ctx);
    } else {
      ctx.ret(fn.body, ctx);
    }
  } catch (e) {
    // Expressions nested thousands deep (which the parser accepts) exhaust the stack here.
    if (!(e instanceof RangeError)) throw e;
    problems.push({
      location: { file: file.path, line: 0, column: 1 },
      message: `"${file.path}" is nested too deeply to be read`,
    });
    return result;
  }

  const notes = lineComments(comments, text, positions);
  collect(analyzer, allow, notes, at, entries, problems);
  const byLocation = (a: { location: SourceLocation }, b: { location: SourceLocation }) =>
    a.location.line - b.location.line || a.location.column - b.location.column;
  entries.sort(byLocation);
  problems.sort(byLocation);
  return result;
}

function collect(
  analyzer: Analyzer,
  allow: Route,
  notes: LineComments,
  at: (offset: number) => { file: string; line: number; column: number },
  entries: Entry[],
  problems: ParseProblem[],
): void {
  const counts = (o: Outcome | undefined) => o === undefined || o.route === allow;
  if (analyzer.overBudget)
    problems.push({
      location: at(analyzer.overBudget.offset),
      message: `${analyzer.overBudget.why}; tests that need it are not compared`,
      severity: 'notice',
    });
  for (const u of analyzer.unreadable) {
    if (!counts(u.outcome)) continue;
    problems.push({
      location: at(u.offset),
      message: `the ${u.via} argument "${u.source}" is not a string the file spells out; not compared`,
      text: u.source,
      severity: 'notice',
    });
  }

  // In the order the script runs them, so that an earlier test can hide a later one.
  const tests = [...analyzer.tests].sort((a, b) => compareOrder(a.order, b.order));
  const shadows = new ShadowIndex();
  const lineOf = (offset: number) => at(offset).line;
  for (const test of tests) {
    const reading = read(test);
    const location = at(test.value.offset);
    const written = test.value.written;
    const outcome = test.outcome;
    if (outcome && outcome.route !== allow) {
      // Not an entry, but it may hide later tests from the route that counts.
      if (test.conditional) continue;
      if (reading.kind === 'host') shadows.addHost(test, reading.pattern);
      else if (reading.kind === 'ip') shadows.addIp(test, reading.block);
      continue;
    }
    if (reading.kind === 'problem') {
      const loc = reading.offset === undefined ? location : at(reading.offset);
      problems.push({
        location: loc,
        message: reading.message,
        text: written,
        severity: reading.severity,
      });
      continue;
    }
    if (!outcome) {
      problems.push({
        location,
        message: `cannot tell what FindProxyForURL returns when "${test.value.value}" matches; not compared`,
        text: written,
        severity: 'notice',
      });
      continue;
    }

    const earlier =
      reading.kind === 'host'
        ? shadows
            .hosts(reading.pattern)
            .map((c) => ({ test: c.test, full: c.pattern.covers(reading.pattern) }))
        : shadows
            .ips(reading.block)
            .map((c) => ({ test: c.test, full: c.block.contains(reading.block) }));
    const other = allow === 'direct' ? 'the proxy' : 'DIRECT';
    const full = earlier.find((c) => c.full);
    if (full) {
      problems.push({
        location,
        message: `"${test.value.value}" is never ${describeRoute(allow)}: "${full.test.value.value}" (line ${lineOf(full.test.value.offset)}) sends it to ${other} first`,
        text: written,
        severity: 'notice',
      });
      continue;
    }
    if (earlier.length > 0) {
      const named = earlier
        .slice(0, 3)
        .map((c) => `"${c.test.value.value}" (line ${lineOf(c.test.value.offset)})`);
      if (earlier.length > 3) named.push(`${earlier.length - 3} more`);
      const list =
        named.length > 1 ? `${named.slice(0, -1).join(', ')} and ${named.at(-1)}` : named[0];
      problems.push({
        location,
        message: `"${test.value.value}" is ${describeRoute(allow)} except for names that ${list} ${earlier.length === 1 ? 'sends' : 'send'} to ${other} first`,
        text: written,
        severity: 'notice',
      });
    }
    if (reading.kind === 'host' && reading.broader) {
      problems.push({ location, message: reading.broader, text: written, severity: 'notice' });
    }

    const own = notes.at(location.line) ?? notes.at(lineOf(test.anchor));
    const how = `FindProxyForURL returns "${outcome.text}" for it (line ${lineOf(outcome.offset)})${test.conditional ? ' when the rest of its condition holds' : ''}`;
    const comment = own ? `${own}\n${how}` : how;
    if (reading.kind === 'host') {
      entries.push({ kind: 'host', text: written, location, pattern: reading.pattern, comment });
    } else {
      const shown = test.kind === 'net' ? `${written} ${test.mask!.value}` : written;
      entries.push({ kind: 'ip', text: shown, location, block: reading.block, comment });
    }
  }
}

/**
 * Proxy auto-config (PAC) and WPAD files. Hosts and networks come from the conditions of
 * `FindProxyForURL`; only those the script sends DIRECT count as allowed, unless settings say
 * otherwise. Each entry's comment says which return it leads to.
 *
 * Settings: `allow: direct | proxy` (default `direct`): which result of the script the allowlist
 * is, the hosts sent DIRECT (a proxy bypass list) or those sent to the proxy.
 */
export const PAC: AllowlistFormat = { ...PAC_DESCRIPTION, parse: parsePac };
