import path from 'node:path';
import {
  parse as parseJs,
  type CallExpression,
  type Comment,
  type Expression,
  type Function as JsFunction,
  type Node,
  type Program,
  type SpreadElement,
  type Statement,
} from 'acorn';
import type { DnsRecord, ParsedDnsFile } from '../../model/dns.js';
import type { ParseProblem } from '../../model/entry.js';
import type { SourceLocation } from '../../model/location.js';
import {
  absoluteZone,
  addressRdata,
  chunkText,
  endsWithDot,
  fieldsOf,
  otherRdata,
  parseTtl,
  parseUint,
  plainName,
  qualify,
  rdataFromFields,
  recordType,
  relativeOwner,
  splitFields,
  targetName,
  txtRdata,
  txtStrings,
  type NameContext,
  type Rdata,
} from '../syntax/dns-data.js';
import type { DnsFormat } from '../format.js';
import type { ParseOptions, SourceFile } from '../format.js';
import { isMeaningfulComment, notTextProblem, withoutBom } from '../syntax/source.js';
import { TextPositions } from '../syntax/positions.js';
import { append } from '../../model/collections.js';
import { Budget } from '../syntax/budget.js';
import { isRefused } from '../format.js';
import { trimSpaces } from '../../model/text.js';
import { DNSCONTROL_DESCRIPTION } from './described.js';

/**
 * dnscontrol's `dnsconfig.js` and the zone files it requires, read without running them: the
 * JavaScript is parsed (acorn) and the calls that make records are evaluated statically.
 *
 * Read: `D(name, registrar, ...)` and `D_EXTEND`, the record builders `A`, `AAAA`, `CNAME`, `MX`,
 * `NS`, `PTR`, `SRV`, `TXT`, `CAA`, `ALIAS` with `TTL()`, `DefaultTTL()` (also in `DEFAULTS`),
 * `NAMESERVER()`, arrays and spreads, `var`/`let`/`const` of strings, numbers, arrays and
 * records, string concatenation and templates, functions in the file whose body only returns
 * records, and files named by `require()`. Anything else that could add records (a helper
 * defined elsewhere, a loop, `require_glob`) is a notice at its call, and the settings can say
 * what a helper adds.
 *
 * A record's location is its data's first character (the address, the target, the MX
 * preference); records a helper adds are located at the helper's call.
 */

/** Where something was written, and the comment attached to it. */
interface Site {
  readonly location: SourceLocation;
  readonly comment: string | undefined;
}

/** A record builder call, waiting for the domain it ends up in. */
interface RecordDraft {
  readonly kind: 'record';
  readonly type: string;
  readonly args: readonly Value[];
  readonly call: Site;
  /** Where the value starts (the first argument after the name), or the call. */
  readonly at: SourceLocation;
  /** The outermost helper call this record came from, where its findings belong. */
  readonly via?: Site | undefined;
}

/** A helper the settings describe, expanded once the domain is known. */
interface HelperDraft {
  readonly kind: 'helper';
  readonly name: string;
  readonly args: readonly Value[];
  readonly call: Site;
  readonly templates: readonly Template[];
}

interface Template {
  readonly type: string;
  readonly name: string;
  readonly value: string;
  readonly ttl?: number | undefined;
}

type Draft = RecordDraft | HelperDraft;

type Value =
  | { readonly kind: 'text'; readonly value: string; readonly at: SourceLocation }
  | { readonly kind: 'number'; readonly value: number; readonly at: SourceLocation }
  | { readonly kind: 'list'; readonly items: readonly Value[]; readonly at: SourceLocation }
  | { readonly kind: 'drafts'; readonly drafts: readonly Draft[] }
  | {
      readonly kind: 'modifier';
      readonly name: string;
      readonly args: readonly Value[];
      readonly at: SourceLocation;
    }
  | {
      readonly kind: 'function';
      readonly fn: JsFunction;
      readonly scope: Scope;
      readonly file: FileContext;
    }
  /** Read, and adds no records (a registrar, an options object). */
  | { readonly kind: 'inert' }
  /** Cannot be read statically: why, where. */
  | {
      readonly kind: 'unknown';
      readonly reason: string;
      readonly at: SourceLocation;
      readonly helper?: string | undefined;
    };

const INERT: Value = { kind: 'inert' };

/** Builders of records and how many values follow the name. */
const BUILDERS: Readonly<Record<string, number>> = {
  A: 1,
  AAAA: 1,
  CNAME: 1,
  NS: 1,
  PTR: 1,
  ALIAS: 1,
  MX: 2,
  SRV: 4,
  TXT: 1,
  CAA: 2,
};

/** Calls that configure rather than add records: read without a notice. */
const MODIFIERS = new Set([
  'TTL',
  'DefaultTTL',
  'NAMESERVER',
  'NAMESERVER_TTL',
  'DnsProvider',
  'NewRegistrar',
  'NewDnsProvider',
  'NO_PURGE',
  'PURGE',
  'IGNORE',
  'IGNORE_NAME',
  'IGNORE_TARGET',
  'IGNORE_EXTERNAL_DNS',
  'AUTODNSSEC',
  'AUTODNSSEC_ON',
  'AUTODNSSEC_OFF',
  'DISABLE_IGNORE_SAFETY_CHECK',
  'CAA_CRITICAL',
  'DEFAULTS',
  'END',
]);

/** Record types dnscontrol can make that are kept as written, without a builder here. */
const OTHER_BUILDERS = new Set([
  'DS',
  'DNSKEY',
  'HTTPS',
  'SVCB',
  'NAPTR',
  'SSHFP',
  'TLSA',
  'LOC',
  'SOA',
  'DHCID',
  'DNAME',
  'OPENPGPKEY',
  'SMIMEA',
  'URL',
  'URL301',
  'FRAME',
  'IMPORT_TRANSFORM',
  'INCLUDE',
  'SPF_BUILDER',
  'DMARC_BUILDER',
  'CAA_BUILDER',
  'M365_BUILDER',
  'LOC_BUILDER_DD',
  'LOC_BUILDER_DMM_STR',
  'LOC_BUILDER_DMS_STR',
  'LOC_BUILDER_STR',
  'R53_ALIAS',
  'CF_REDIRECT',
  'CF_TEMP_REDIRECT',
  'CF_WORKER_ROUTE',
  'CF_SINGLE_REDIRECT',
  'AZURE_ALIAS',
  'AKAMAICDN',
]);

interface FileContext {
  readonly path: string;
  readonly text: string;
  readonly lines: TextPositions;
  /** Comments by line: the text, whether code precedes it, whether it is commented-out code. */
  readonly comments: ReadonlyMap<number, { text: string; inline: boolean; code: boolean }>;
}

type Scope = Map<string, Value>;

const MAX_DEPTH = 64;
const MAX_CALLS = 32;

/** A commented-out call such as `// CNAME('x', 'y.'),`: not a remark about the next record. */
const COMMENTED_OUT = /^\s*[A-Za-z_$][\w$]*\s*\(.*\)\s*[,;]?\s*$/;

class Reader {
  readonly records: DnsRecord[] = [];
  readonly problems: ParseProblem[] = [];
  readonly zones: string[] = [];
  /** Domains by name, for D_EXTEND. */
  readonly #domains: string[] = [];
  readonly #helpers: ReadonlyMap<string, readonly Template[]>;
  readonly #readFile: ParseOptions['readFile'];
  readonly #required = new Set<string>();
  #defaultTtl: number | undefined;
  #calls = 0;
  readonly #budget = new Budget();
  readonly #reported = new Set<string>();

  constructor(helpers: ReadonlyMap<string, readonly Template[]>, options?: ParseOptions) {
    this.#helpers = helpers;
    this.#readFile = options?.readFile;
  }

  report(
    location: SourceLocation,
    message: string,
    severity?: ParseProblem['severity'],
    text?: string,
  ): void {
    // One value read in several places (a list spread into many calls) is reported once.
    const key = `${location.file}\u0000${location.line}\u0000${location.column}\u0000${message}`;
    if (this.#reported.has(key)) return;
    this.#reported.add(key);
    const problem: ParseProblem = { location, message };
    this.problems.push({
      ...problem,
      ...(text !== undefined ? { text } : {}),
      ...(severity ? { severity } : {}),
    });
  }

  /** Parses a file and runs its top-level statements in `scope`. */
  readFile(file: string, text: string, scope: Scope): void {
    const comments: Comment[] = [];
    let program: Program;
    try {
      program = parseJs(text, {
        ecmaVersion: 'latest',
        sourceType: 'script',
        allowReturnOutsideFunction: true,
        allowHashBang: true,
        onComment: comments,
      });
    } catch (e) {
      if (e instanceof SyntaxError && 'pos' in e) {
        const pos = (e as SyntaxError & { pos: number }).pos;
        const message = e.message.replace(/ \(\d+:\d+\)$/, '');
        const at = new TextPositions(text).at(pos);
        this.report({ file, ...at }, `invalid JavaScript: ${message}`);
        return;
      }
      if (e instanceof RangeError) {
        this.report({ file, line: 0, column: 1 }, 'the script is nested too deeply to read');
        return;
      }
      throw e;
    }
    const lines = new TextPositions(text);
    const ctx: FileContext = {
      path: file,
      text,
      lines,
      comments: commentLines(text, lines, comments),
    };
    // Function declarations are hoisted, as JavaScript does.
    for (const statement of program.body) {
      if (statement.type === 'FunctionDeclaration') {
        scope.set(statement.id.name, { kind: 'function', fn: statement, scope, file: ctx });
      }
    }
    for (const statement of program.body) this.#statement(statement, scope, ctx);
  }

  #statement(statement: Statement | Node, scope: Scope, ctx: FileContext): void {
    switch (statement.type) {
      case 'FunctionDeclaration':
      case 'EmptyStatement':
        return;
      case 'VariableDeclaration':
        this.#declare(
          statement as Extract<Statement, { type: 'VariableDeclaration' }>,
          scope,
          ctx,
          0,
        );
        return;
      case 'ExpressionStatement': {
        const expression = (statement as Extract<Statement, { type: 'ExpressionStatement' }>)
          .expression;
        if (expression.type === 'CallExpression' && expression.callee.type === 'Identifier') {
          this.#topLevelCall(expression, expression.callee.name, scope, ctx);
        }
        return;
      }
      case 'IfStatement':
      case 'ForStatement':
      case 'ForInStatement':
      case 'ForOfStatement':
      case 'WhileStatement':
      case 'DoWhileStatement':
      case 'BlockStatement':
      case 'SwitchStatement':
      case 'TryStatement':
        this.report(
          start(ctx, statement),
          'records made inside a loop, a condition or a block are not read',
          'notice',
        );
        return;
      default:
        return;
    }
  }

  #declare(
    declaration: Extract<Statement, { type: 'VariableDeclaration' }>,
    scope: Scope,
    ctx: FileContext,
    depth: number,
  ): void {
    for (const d of declaration.declarations) {
      if (d.id.type !== 'Identifier') continue;
      scope.set(d.id.name, d.init ? this.#evaluate(d.init, scope, ctx, depth + 1) : INERT);
    }
  }

  #topLevelCall(call: CallExpression, name: string, scope: Scope, ctx: FileContext): void {
    if (name === 'D' || name === 'D_EXTEND') {
      this.#domain(call, name, scope, ctx);
      return;
    }
    if (name === 'require') {
      const arg = call.arguments[0];
      const target = arg ? this.#evaluate(arg, scope, ctx, 1) : undefined;
      if (target?.kind === 'text') this.#require(target.value, ctx, scope, start(ctx, arg!));
      return;
    }
    if (name === 'require_glob') {
      const arg = call.arguments[0];
      const target = arg ? this.#evaluate(arg, scope, ctx, 1) : undefined;
      const what = target?.kind === 'text' ? `require_glob("${target.value}")` : 'require_glob()';
      this.report(
        start(ctx, call),
        `${what} is not followed; the records in those files are not read`,
        'notice',
      );
      return;
    }
    if (name === 'DEFAULTS') {
      for (const arg of call.arguments) {
        const value = this.#evaluate(arg, scope, ctx, 1);
        if (value.kind === 'modifier' && value.name === 'DefaultTTL') {
          this.#defaultTtl = ttlOf(value.args[0]) ?? this.#defaultTtl;
        }
      }
      return;
    }
    // Any other call is evaluated for what it declares; a top-level helper call adds no records.
  }

  #require(target: string, ctx: FileContext, scope: Scope, at: SourceLocation): void {
    const resolved = target.startsWith('/')
      ? path.posix.normalize(target)
      : path.posix.join(path.posix.dirname(ctx.path.replace(/\\/g, '/')), target);
    if (this.#required.has(resolved) || resolved === ctx.path) return;
    this.#required.add(resolved);
    const text = this.#readFile?.(resolved, { location: at, written: target });
    // A helper file that is not there leaves its helpers unread; their calls say so. One that is
    // refused has been reported at `at`.
    if (text === undefined || isRefused(text) || notTextProblem({ path: resolved, text })) return;
    this.readFile(resolved, withoutBom(text), scope);
  }

  #domain(call: CallExpression, name: string, scope: Scope, ctx: FileContext): void {
    const [first, ...rest] = call.arguments;
    const domainValue = first ? this.#evaluate(first, scope, ctx, 1) : undefined;
    if (domainValue?.kind !== 'text') {
      this.report(start(ctx, first ?? call), `${name} needs the domain name as its first argument`);
      return;
    }
    // `D("contoso.com!internal", ...)` tags a split-horizon view of the same domain.
    const written = domainValue.value.replace(/!.*$/, '');
    const checked = plainName(written);
    if (!checked.ok || written === '') {
      this.report(
        domainValue.at,
        checked.ok ? 'empty domain name' : checked.error,
        undefined,
        written,
      );
      return;
    }
    const domain = absoluteZone(checked.value);
    let zone = domain;
    if (name === 'D') {
      if (!this.zones.includes(domain)) this.zones.push(domain);
      this.#domains.push(domain);
    } else {
      const parent = this.#domains
        .filter((d) => domain === d || domain.endsWith(`.${d}`))
        .sort((a, b) => b.length - a.length)[0];
      if (parent === undefined) {
        this.report(
          domainValue.at,
          `D_EXTEND("${written}") comes before any D() of its domain`,
          undefined,
          written,
        );
      }
      zone = parent ?? domain;
    }
    let ttl = this.#defaultTtl;
    const args = name === 'D' ? rest.slice(1) : rest;
    const values = args.flatMap((a) => this.#spread(a, scope, ctx, 1));
    for (const value of flatten(values)) {
      if (value.kind === 'modifier') {
        if (value.name === 'DefaultTTL') ttl = ttlOf(value.args[0]) ?? ttl;
        if (value.name === 'NAMESERVER') this.#nameserver(value, domain, zone, ttl);
        continue;
      }
      if (value.kind === 'drafts') {
        for (const draft of value.drafts) this.#materialise(draft, domain, zone, ttl);
        continue;
      }
      if (value.kind === 'unknown') {
        this.report(value.at, value.reason, 'notice');
      }
    }
  }

  #nameserver(
    value: Extract<Value, { kind: 'modifier' }>,
    domain: string,
    zone: string,
    ttl: number | undefined,
  ): void {
    const target = value.args[0];
    if (target?.kind !== 'text') return;
    const rdata = nameRdata('NS', target.value, domain);
    if (!rdata.ok) {
      this.report(target.at, rdata.error, undefined, target.value);
      return;
    }
    this.#push(domain, 'NS', ttl, rdata.value, zone, { location: target.at, comment: undefined });
  }

  #push(
    name: string,
    type: string,
    ttl: number | undefined,
    rdata: Rdata,
    zone: string,
    site: Site,
  ): void {
    this.records.push({
      name,
      type,
      ttl,
      data: rdata.data,
      parsed: rdata.parsed,
      zone,
      location: site.location,
      relativeTarget: rdata.relativeTarget ? true : undefined,
      comment: site.comment,
    });
  }

  #owner(
    written: string,
    domain: string,
  ): { ok: true; value: string } | { ok: false; error: string } {
    if (written === '@' || written === '') return { ok: true, value: domain };
    const absolute = endsWithDot(written) ? written : qualify(written, domain);
    const checked = plainName(absolute);
    if (!checked.ok) return checked;
    return { ok: true, value: checked.value.toLowerCase() };
  }

  #materialise(draft: Draft, domain: string, zone: string, defaultTtl: number | undefined): void {
    if (draft.kind === 'helper') {
      this.#expand(draft, domain, zone, defaultTtl);
      return;
    }
    const { type, args } = draft;
    const site: Site = draft.via ?? { location: draft.at, comment: draft.call.comment };
    const nameValue = args[0];
    if (nameValue?.kind !== 'text') {
      const at = nameValue && 'at' in nameValue ? nameValue.at : draft.call.location;
      this.#unread(nameValue, at, `${type} needs a name as its first argument`);
      return;
    }
    const owner = this.#owner(nameValue.value, domain);
    if (!owner.ok) {
      this.report(nameValue.at, owner.error, undefined, nameValue.value);
      return;
    }
    let ttl = defaultTtl;
    let critical = false;
    const positional: Value[] = [];
    for (const arg of args.slice(1)) {
      if (arg.kind === 'modifier') {
        if (arg.name === 'TTL') {
          const t = ttlOf(arg.args[0]);
          if (t === undefined) {
            this.report(arg.at, 'TTL() needs a number of seconds or a duration such as "1h"');
            return;
          }
          ttl = t;
        } else if (arg.name === 'CAA_CRITICAL') critical = true;
        continue;
      }
      if (arg.kind === 'inert') continue;
      positional.push(arg);
    }
    const needed = BUILDERS[type]!;
    for (let i = 0; i < needed; i++) {
      const v = positional[i];
      if (v === undefined) {
        this.report(
          draft.call.location,
          `${type}("${nameValue.value}") needs ${needed + 1} arguments`,
        );
        return;
      }
      if (v.kind === 'unknown' || v.kind === 'drafts' || v.kind === 'function') {
        this.#unread(
          v,
          draft.call.location,
          `an argument of ${type}("${nameValue.value}") is not a value`,
        );
        return;
      }
    }
    const rdata = buildRdata(type, positional.slice(0, needed), domain, critical);
    if (!rdata.ok) {
      this.report(rdata.at ?? draft.at, rdata.error, undefined, rdata.text);
      return;
    }
    this.#push(owner.value, type, ttl, rdata.value, zone, site);
  }

  /** A notice for a value that cannot be read (or an error when it is simply the wrong thing). */
  #unread(value: Value | undefined, at: SourceLocation, fallback: string): void {
    if (value?.kind === 'unknown') this.report(value.at, value.reason, 'notice');
    else this.report(at, fallback);
  }

  #expand(draft: HelperDraft, domain: string, zone: string, defaultTtl: number | undefined): void {
    const bare = domain.replace(/\.$/, '');
    for (const template of draft.templates) {
      for (const bound of bindings(template, draft.args)) {
        const fill = (s: string) =>
          s
            .replace(/\{domain\}/g, bare)
            .replace(/\{domain-dashed\}/g, bare.replace(/\./g, '-'))
            .replace(/\$(\d)/g, (m, n: string) => bound[Number(n) - 1] ?? m);
        const prefix = `${draft.name}(): `;
        const owner = this.#owner(fill(template.name), domain);
        if (!owner.ok) {
          this.report(draft.call.location, prefix + owner.error);
          continue;
        }
        const value = fill(template.value);
        let rdata: { ok: true; value: Rdata } | { ok: false; error: string };
        if (template.type === 'TXT' || template.type === 'SPF') {
          rdata = { ok: true, value: txtRdata(chunkText(value)) };
        } else {
          const fields = splitFields(value);
          if (!fields.ok) rdata = fields;
          else {
            const r = rdataFromFields(template.type, fieldsOf(fields.value), labelContext(domain));
            rdata = r.ok ? r : { ok: false, error: r.error };
          }
        }
        if (!rdata.ok) {
          this.report(draft.call.location, prefix + rdata.error);
          continue;
        }
        this.#push(
          owner.value,
          template.type,
          template.ttl ?? defaultTtl,
          rdata.value,
          zone,
          draft.call,
        );
      }
    }
  }

  /** An argument, with `...spread` arrays taken apart. */
  #spread(
    node: Expression | SpreadElement,
    scope: Scope,
    ctx: FileContext,
    depth: number,
  ): Value[] {
    if (node.type === 'SpreadElement') {
      const value = this.#evaluate(node.argument, scope, ctx, depth + 1);
      return value.kind === 'list' ? [...value.items] : [value];
    }
    return [this.#evaluate(node, scope, ctx, depth + 1)];
  }

  #evaluate(node: Expression | Node, scope: Scope, ctx: FileContext, depth: number): Value {
    const at = start(ctx, node);
    if (depth > MAX_DEPTH)
      return { kind: 'unknown', reason: 'this expression is nested too deeply to read', at };
    const budget = this.#budget;
    if (!budget.spend()) return { kind: 'unknown', reason: budget.workReason, at };
    const e = node as Expression;
    switch (e.type) {
      case 'Literal':
        if (typeof e.value === 'string') return { kind: 'text', value: e.value, at: inside(at) };
        if (typeof e.value === 'number') return { kind: 'number', value: e.value, at };
        return INERT;
      case 'TemplateLiteral': {
        let text = '';
        for (let i = 0; i < e.quasis.length; i++) {
          text += e.quasis[i]!.value.cooked ?? e.quasis[i]!.value.raw;
          const expression = e.expressions[i];
          if (expression === undefined) continue;
          const part = this.#evaluate(expression, scope, ctx, depth + 1);
          if (part.kind === 'text' || part.kind === 'number') {
            const piece = String(part.value);
            if (!budget.text(text.length + piece.length))
              return { kind: 'unknown', reason: budget.textReason, at };
            text += piece;
          } else return unknownValue(part, at, `\`${source(ctx, e)}\` is computed`);
        }
        return { kind: 'text', value: text, at: inside(at) };
      }
      case 'BinaryExpression': {
        if (e.operator !== '+' || e.left.type === 'PrivateIdentifier') {
          return { kind: 'unknown', reason: `"${source(ctx, e)}" is computed`, at };
        }
        const left = this.#evaluate(e.left, scope, ctx, depth + 1);
        const right = this.#evaluate(e.right, scope, ctx, depth + 1);
        if (left.kind === 'number' && right.kind === 'number') {
          return { kind: 'number', value: left.value + right.value, at };
        }
        if (
          (left.kind === 'text' || left.kind === 'number') &&
          (right.kind === 'text' || right.kind === 'number')
        ) {
          const l = String(left.value);
          const r = String(right.value);
          if (!budget.text(l.length + r.length))
            return { kind: 'unknown', reason: budget.textReason, at };
          return { kind: 'text', value: l + r, at: left.at };
        }
        return unknownValue(
          left.kind === 'unknown' ? left : right,
          at,
          `"${source(ctx, e)}" is computed`,
        );
      }
      case 'Identifier': {
        const value = scope.get(e.name);
        if (value !== undefined) return value;
        return { kind: 'unknown', reason: `"${e.name}" is not defined in this file`, at };
      }
      case 'ArrayExpression': {
        const items: Value[] = [];
        for (const element of e.elements) {
          if (!element) continue;
          const part = this.#spread(element, scope, ctx, depth + 1);
          // A literal list is as long as the file allows; spreads can double it at every line.
          if (element.type === 'SpreadElement' && !budget.items(items.length + part.length))
            return { kind: 'unknown', reason: budget.itemsReason, at };
          append(items, part);
        }
        return { kind: 'list', items, at };
      }
      case 'ObjectExpression':
        return INERT;
      case 'CallExpression':
        return this.#call(e, scope, ctx, depth);
      case 'ArrowFunctionExpression':
      case 'FunctionExpression':
        return { kind: 'function', fn: e, scope, file: ctx };
      default:
        return { kind: 'unknown', reason: `"${preview(source(ctx, e))}" is computed`, at };
    }
  }

  #call(call: CallExpression, scope: Scope, ctx: FileContext, depth: number): Value {
    const at = start(ctx, call);
    if (call.callee.type !== 'Identifier') {
      return { kind: 'unknown', reason: `"${preview(source(ctx, call))}" is computed`, at };
    }
    const name = call.callee.name;
    const args = (): Value[] =>
      call.arguments.flatMap((a) => this.#spread(a, scope, ctx, depth + 1));
    const site = (): Site => ({ location: at, comment: commentAt(ctx, call) });
    const helper = this.#helpers.get(name);
    if (helper !== undefined) {
      return {
        kind: 'drafts',
        drafts: [{ kind: 'helper', name, args: args(), call: site(), templates: helper }],
      };
    }
    if (name in BUILDERS) {
      const values = args();
      const first = call.arguments[1];
      const valueAt = first && first.type !== 'SpreadElement' ? start(ctx, first) : at;
      const record: RecordDraft = {
        kind: 'record',
        type: name,
        args: values,
        call: site(),
        at: first && isStringNode(first) ? inside(valueAt) : valueAt,
      };
      return { kind: 'drafts', drafts: [record] };
    }
    if (MODIFIERS.has(name)) return { kind: 'modifier', name, args: args(), at };
    if (OTHER_BUILDERS.has(name)) {
      return {
        kind: 'unknown',
        reason: `${name}() is not read; set the "helpers" option to say what it adds`,
        at,
        helper: name,
      };
    }
    const fn = scope.get(name);
    if (fn?.kind === 'function') return this.#apply(name, fn, args(), site(), depth);
    return {
      kind: 'unknown',
      reason: `${name}() is a helper that cannot be read; set the "helpers" option to say what it adds`,
      at,
      helper: name,
    };
  }

  /** Calls a function of the file whose body only declares values and returns. */
  #apply(
    name: string,
    fn: Extract<Value, { kind: 'function' }>,
    args: readonly Value[],
    site: Site,
    depth: number,
  ): Value {
    const cannot = (why: string): Value => ({
      kind: 'unknown',
      reason: `${name}() cannot be read (${why}); set the "helpers" option to say what it adds`,
      at: site.location,
      helper: name,
    });
    if (this.#calls >= MAX_CALLS) return cannot('it calls itself too deeply');
    const inner: Scope = new Map(fn.scope);
    fn.fn.params.forEach((param, i) => {
      if (param.type === 'Identifier') inner.set(param.name, args[i] ?? INERT);
    });
    inner.set('arguments', { kind: 'list', items: [...args], at: site.location });
    this.#calls++;
    try {
      let result: Value | undefined;
      if (fn.fn.body.type !== 'BlockStatement') {
        result = this.#evaluate(fn.fn.body, inner, fn.file, depth + 1);
      } else {
        for (const statement of fn.fn.body.body) {
          if (statement.type === 'VariableDeclaration') {
            this.#declare(statement, inner, fn.file, depth + 1);
          } else if (statement.type === 'ReturnStatement') {
            result = statement.argument
              ? this.#evaluate(statement.argument, inner, fn.file, depth + 1)
              : INERT;
            break;
          } else if (statement.type !== 'EmptyStatement') {
            return cannot('its body does more than return records');
          }
        }
      }
      if (result === undefined) return INERT;
      const drafts: Draft[] = [];
      for (const value of flatten([result])) {
        if (value.kind === 'unknown') {
          return cannot(value.reason.replace(/; set the "helpers".*$/, ''));
        }
        if (value.kind === 'drafts') {
          for (const d of value.drafts) {
            const computed =
              d.kind === 'record' ? flatten(d.args).find((a) => a.kind === 'unknown') : undefined;
            if (computed?.kind === 'unknown')
              return cannot(computed.reason.replace(/; set the "helpers".*$/, ''));
            drafts.push(d.kind === 'record' && d.via === undefined ? { ...d, via: site } : d);
          }
        }
      }
      return drafts.length > 0 ? { kind: 'drafts', drafts } : result;
    } finally {
      this.#calls--;
    }
  }
}

/** Values with lists taken apart (records in arrays are spread into D). */
function flatten(values: readonly Value[], depth = 0): Value[] {
  const out: Value[] = [];
  for (const value of values) {
    if (value.kind === 'list' && depth < MAX_DEPTH) append(out, flatten(value.items, depth + 1));
    else out.push(value);
  }
  return out;
}

function unknownValue(part: Value, at: SourceLocation, reason: string): Value {
  return part.kind === 'unknown' ? part : { kind: 'unknown', reason, at };
}

function ttlOf(value: Value | undefined): number | undefined {
  if (value?.kind === 'number')
    return Number.isInteger(value.value) && value.value >= 0 ? value.value : undefined;
  if (value?.kind === 'text') return parseTtl(value.value);
  return undefined;
}

function labelContext(domain: string): NameContext {
  return { origin: domain, mode: 'label' };
}

function nameRdata(
  type: 'CNAME' | 'NS' | 'PTR',
  target: string,
  domain: string,
): { ok: true; value: Rdata } | { ok: false; error: string } {
  const name = targetName(target, labelContext(domain));
  if (!name.ok) return name;
  return {
    ok: true,
    value: {
      data: name.value.name,
      parsed: { type, target: name.value.name },
      relativeTarget: false,
    },
  };
}

type Built =
  { ok: true; value: Rdata } | { ok: false; error: string; at?: SourceLocation; text?: string };

/** Record data from a builder's values (after the name). */
function buildRdata(
  type: string,
  values: readonly Value[],
  domain: string,
  critical: boolean,
): Built {
  const text = (v: Value): string | undefined =>
    v.kind === 'text' ? v.value : v.kind === 'number' ? String(v.value) : undefined;
  const atOf = (v: Value): SourceLocation | undefined => ('at' in v ? v.at : undefined);
  const bad = (v: Value, error: string): Built => ({
    ok: false,
    error,
    at: atOf(v),
    text: text(v),
  });
  const number = (v: Value, what: string, max: number): number | Built => {
    const n = parseUint(text(v) ?? '', max);
    return n ?? bad(v, `${what} must be a number from 0 to ${max}, not ${describe(v)}`);
  };
  const target = (v: Value): string | Built => {
    const t = text(v);
    if (t === undefined || v.kind !== 'text')
      return bad(v, `a target must be a name, not ${describe(v)}`);
    const name = targetName(t, labelContext(domain));
    return name.ok ? name.value.name : bad(v, name.error);
  };
  const [v0, v1, v2, v3] = values as [Value, Value?, Value?, Value?];
  switch (type) {
    case 'A':
    case 'AAAA': {
      const address = addressRdata(type, text(v0) ?? '');
      return address.ok ? address : bad(v0, address.error);
    }
    case 'CNAME':
    case 'NS':
    case 'PTR':
    case 'ALIAS': {
      const t = target(v0);
      if (typeof t !== 'string') return t;
      const parsed = type === 'ALIAS' ? { type: 'OTHER' as const, text: t } : { type, target: t };
      return { ok: true, value: { data: t, parsed, relativeTarget: false } };
    }
    case 'MX': {
      const preference = number(v0, 'an MX preference', 65535);
      if (typeof preference !== 'number') return preference;
      const t = target(v1!);
      if (typeof t !== 'string') return t;
      return {
        ok: true,
        value: {
          data: `${preference} ${t}`,
          parsed: { type: 'MX', preference, exchange: t },
          relativeTarget: false,
        },
      };
    }
    case 'SRV': {
      const nums: number[] = [];
      for (const [v, what] of [
        [v0, 'an SRV priority'],
        [v1!, 'an SRV weight'],
        [v2!, 'an SRV port'],
      ] as const) {
        const n = number(v, what, 65535);
        if (typeof n !== 'number') return n;
        nums.push(n);
      }
      const t = target(v3!);
      if (typeof t !== 'string') return t;
      const [priority, weight, port] = nums as [number, number, number];
      return {
        ok: true,
        value: {
          data: `${priority} ${weight} ${port} ${t}`,
          parsed: { type: 'SRV', priority, weight, port, target: t },
          relativeTarget: false,
        },
      };
    }
    case 'TXT': {
      const parts = v0.kind === 'list' ? v0.items : [v0];
      const strings: string[] = [];
      for (const part of parts) {
        const t = part.kind === 'text' ? part.value : undefined;
        if (t === undefined)
          return bad(part, `TXT content must be text or a list of texts, not ${describe(part)}`);
        append(strings, chunkText(t));
      }
      if (strings.length === 0) return bad(v0, 'TXT content must not be an empty list');
      return { ok: true, value: txtRdata(strings) };
    }
    case 'CAA': {
      const tag = text(v0);
      if (tag === undefined || !/^[A-Za-z0-9]+$/.test(tag)) {
        return bad(v0, `a CAA tag is letters and digits, not ${describe(v0)}`);
      }
      const value = text(v1!);
      if (value === undefined) return bad(v1!, `a CAA value is text, not ${describe(v1!)}`);
      return {
        ok: true,
        value: otherRdata(`${critical ? 128 : 0} ${tag} ${txtRdata([value]).data}`),
      };
    }
  }
  return { ok: false, error: `${type} records are not read` };
}

function describe(v: Value): string {
  switch (v.kind) {
    case 'text':
      return JSON.stringify(v.value);
    case 'number':
      return String(v.value);
    case 'list':
      return 'a list';
    case 'drafts':
      return 'a record';
    case 'unknown':
      return `a value that is not read (${v.reason})`;
    default:
      return 'something else';
  }
}

/** Which argument values each template expansion gets: one per element of a list argument. */
function bindings(template: Template, args: readonly Value[]): string[][] {
  const used = new Set(
    [...`${template.name} ${template.value}`.matchAll(/\$(\d)/g)].map((m) => Number(m[1]) - 1),
  );
  let out: string[][] = [[]];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const options =
      arg.kind === 'list' && used.has(i)
        ? arg.items.flatMap((item) =>
            item.kind === 'text' || item.kind === 'number' ? [String(item.value)] : [],
          )
        : [arg.kind === 'text' || arg.kind === 'number' ? String(arg.value) : ''];
    out = out.flatMap((prefix) => options.map((o) => [...prefix, o]));
  }
  return out;
}

// JavaScript also ends lines at `\r` and U+2028, so acorn's own line numbers are not used:
// positions come from offsets.
function start(ctx: FileContext, node: Node): SourceLocation {
  return { file: ctx.path, ...ctx.lines.at(node.start) };
}

function inside(at: SourceLocation): SourceLocation {
  return { ...at, column: at.column + 1 };
}

function isStringNode(node: Node): boolean {
  return (
    (node.type === 'Literal' && typeof (node as { value?: unknown }).value === 'string') ||
    node.type === 'TemplateLiteral'
  );
}

function source(ctx: FileContext, node: Node): string {
  return ctx.text.slice(node.start, node.end);
}

function preview(s: string): string {
  const line = s.replace(/\s+/g, ' ');
  return line.length > 60 ? `${line.slice(0, 57)}...` : line;
}

/** Comments by line, for attaching them to the calls they describe. */
function commentLines(
  text: string,
  positions: TextPositions,
  comments: readonly Comment[],
): Map<number, { text: string; inline: boolean; code: boolean }> {
  const out = new Map<number, { text: string; inline: boolean; code: boolean }>();
  for (const c of comments) {
    const { line: startLine, column } = positions.at(c.start);
    const inline = trimSpaces(text.slice(c.start - column + 1, c.start)) !== '';
    const lines = c.value.split('\n');
    lines.forEach((line, k) => {
      const cleaned = trimSpaces(line.replace(/^\s*\*?\s?/, ''));
      out.set(startLine + k, {
        text: cleaned,
        inline: inline && k === 0,
        code: COMMENTED_OUT.test(cleaned),
      });
    });
  }
  return out;
}

/** The inline comment on a call's line, or the comment lines right above it. */
function commentAt(ctx: FileContext, node: Node): string | undefined {
  const first = ctx.lines.at(node.start).line;
  const last = ctx.lines.at(node.end).line;
  for (const line of first === last ? [first] : [first, last]) {
    const c = ctx.comments.get(line);
    if (c?.inline && c.text !== '' && !c.code) return c.text;
  }
  const above: string[] = [];
  for (let line = first - 1; line > 0; line--) {
    const c = ctx.comments.get(line);
    if (!c || c.inline) break;
    if (!c.code && isMeaningfulComment(c.text)) above.unshift(c.text);
  }
  return above.length > 0 ? above.join('\n') : undefined;
}

/** The `helpers` setting: helper name -> records it adds. Problems are reported, not thrown. */
function readHelpers(
  settings: Readonly<Record<string, unknown>> | undefined,
  file: string,
  problems: ParseProblem[],
): Map<string, readonly Template[]> {
  const helpers = new Map<string, readonly Template[]>();
  const raw = settings?.helpers;
  if (raw === undefined) return helpers;
  const complain = (message: string) =>
    problems.push({
      location: { file, line: 0, column: 1 },
      message: `option "helpers": ${message}`,
    });
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    complain('must map helper names to the records they add');
    return helpers;
  }
  for (const [name, list] of Object.entries(raw)) {
    if (!Array.isArray(list)) {
      complain(`"${name}" must be a list of {type, name, value}`);
      continue;
    }
    const templates: Template[] = [];
    for (const item of list as unknown[]) {
      const t = item as Record<string, unknown> | null;
      const type = typeof t?.type === 'string' ? recordType(t.type) : undefined;
      const ttl = t?.ttl === undefined ? undefined : typeof t.ttl === 'number' ? t.ttl : Number.NaN;
      if (
        !t ||
        type === undefined ||
        typeof t.name !== 'string' ||
        typeof t.value !== 'string' ||
        Number.isNaN(ttl)
      ) {
        complain(
          `"${name}" has a record that is not {type, name, value, ttl?}: ${JSON.stringify(item)}`,
        );
        continue;
      }
      templates.push({ type, name: t.name, value: t.value, ttl });
    }
    helpers.set(name, templates);
  }
  return helpers;
}

function parseDnscontrol(file: SourceFile, options?: ParseOptions): ParsedDnsFile {
  const notText = notTextProblem(file);
  if (notText)
    return { path: file.path, format: 'dnscontrol', zones: [], records: [], problems: [notText] };
  const problems: ParseProblem[] = [];
  const helpers = readHelpers(options?.settings, file.path, problems);
  const reader = new Reader(helpers, options);
  reader.readFile(file.path, withoutBom(file.text), new Map());
  return {
    path: file.path,
    format: 'dnscontrol',
    zones: reader.zones,
    records: reader.records,
    problems: [...problems, ...reader.problems],
  };
}

function quoteJs(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function renderDnscontrol(
  record: { name: string; type: string; ttl?: number; data: string },
  zone: string,
): string {
  const owner = relativeOwner(record.name, absoluteZone(zone));
  const ttl = record.ttl === undefined ? '' : `, TTL(${record.ttl})`;
  const parts = record.data.split(' ');
  let values: string[];
  if (record.type === 'MX' && parts.length === 2) values = [parts[0]!, quoteJs(parts[1]!)];
  else if (record.type === 'SRV' && parts.length === 4)
    values = [...parts.slice(0, 3), quoteJs(parts[3]!)];
  else if (record.type === 'TXT') {
    const strings = txtStrings(record.data) ?? [record.data];
    values = [strings.length === 1 ? quoteJs(strings[0]!) : `[${strings.map(quoteJs).join(', ')}]`];
  } else if (record.type === 'CAA' && parts.length >= 3) {
    const value = txtStrings(parts.slice(2).join(' '))?.[0] ?? parts.slice(2).join(' ');
    values = [quoteJs(parts[1]!), quoteJs(value)];
    if (parts[0] === '128') values.push('CAA_CRITICAL');
  } else values = [quoteJs(record.data)];
  return `${record.type}(${quoteJs(owner)}, ${values.join(', ')}${ttl})`;
}

/**
 * dnscontrol `dnsconfig.js` or a zone `.js` file it requires. Settings: `helpers`, mapping a
 * helper's name to the records one call adds: `{ Ms365_Root: [{ type: 'MX', name: '@', value:
 * '0 {domain-dashed}.mail.protection.outlook.com.' }, ...] }`. In `name` and `value`, `$1`…`$9`
 * are the call's arguments (a list argument repeats the record once per element), `{domain}` is
 * the domain and `{domain-dashed}` the domain with dashes for dots (`contoso-com`). Values are
 * written as in a zone file (`10 mail.contoso.com.`), TXT as the text itself; names and targets
 * follow dnscontrol: one label is relative to the domain, a name with dots ends with a dot.
 * Optional `ttl` per record. Files named by `require()` are read through `readFile`.
 */
export const DNSCONTROL: DnsFormat = {
  ...DNSCONTROL_DESCRIPTION,
  parse: parseDnscontrol,
  render: renderDnscontrol,
};
