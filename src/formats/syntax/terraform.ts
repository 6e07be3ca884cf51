import type { ParseProblem } from '../../model/entry.js';
import type { SourceLocation } from '../../model/location.js';
import {
  attributeOf,
  blocksOf,
  evaluate,
  parseHcl,
  unknown,
  valueFromData,
  type HclBody,
  type HclDocument,
  type HclExpression,
  type HclPosition,
  type HclScope,
  type HclValue,
} from './hcl.js';
import { notTextProblem } from './source.js';
import type { ParseOptions, SourceFile } from '../format.js';

/**
 * What the Terraform formats share (firewall rules and DNS records): reading a file as HCL with a
 * scope for `var.*` and `local.*`, notices for what a plan would decide, and detection.
 */

/** A Terraform file read as HCL, with its syntax problems and a scope for `var.*` and `local.*`. */
export interface TerraformSource {
  readonly doc: HclDocument;
  readonly scope: HclScope;
  readonly problems: ParseProblem[];
  at(pos: HclPosition): SourceLocation;
  value(expr: HclExpression): HclValue;
  /** Records an unknown value as a notice at its position. */
  notice(value: HclValue & { kind: 'unknown' }): void;
  problem(
    pos: HclPosition,
    message: string,
    text?: string,
    severity?: ParseProblem['severity'],
  ): void;
}

/** Longest chain of locals and variable defaults followed before giving up. */
const MAX_REFERENCE_DEPTH = 64;

/**
 * Reads `text` as Terraform. `settings.variables` gives values of input variables (strings, numbers,
 * lists, maps); a variable not given there takes its `default` from the same file, if any.
 * `local.*` comes from the file's `locals` blocks.
 */
export function readTerraformSource(
  file: SourceFile,
  settings: ParseOptions['settings'],
): TerraformSource | ParseProblem {
  const notText = notTextProblem(file);
  if (notText) return notText;
  const doc = parseHcl(file.text);
  const problems: ParseProblem[] = [];
  const at = (pos: HclPosition): SourceLocation => ({
    file: file.path,
    line: pos.line,
    column: pos.column,
  });
  for (const p of doc.problems)
    problems.push({ location: at(p.start), message: `invalid HCL: ${p.message}` });

  const given = settings?.variables;
  let variables: Record<string, unknown> | undefined;
  if (given !== undefined) {
    if (given !== null && typeof given === 'object' && !Array.isArray(given))
      variables = given as Record<string, unknown>;
    else
      problems.push({
        location: { file: file.path, line: 0, column: 1 },
        message: `options.variables must be a mapping of variable names to values, not ${JSON.stringify(given)}`,
      });
  }
  const scope = terraformScope(doc, variables);
  const source: TerraformSource = {
    doc,
    scope,
    problems,
    at,
    value: (expr) => evaluate(doc, expr, scope),
    notice: (u) => problems.push({ location: at(u.start), message: u.message, severity: 'notice' }),
    problem(pos, message, text, severity) {
      const p: ParseProblem = { location: at(pos), message };
      problems.push({
        ...p,
        ...(text === undefined ? {} : { text }),
        ...(severity ? { severity } : {}),
      });
    },
  };
  return source;
}

function terraformScope(
  doc: HclDocument,
  variables: Record<string, unknown> | undefined,
): HclScope {
  const defaults = new Map<string, HclExpression>();
  const locals = new Map<string, HclExpression>();
  for (const item of doc.body.items) {
    if (item.kind !== 'block') continue;
    if (item.type === 'variable' && item.labels[0]) {
      const d = attributeOf(item.body, 'default');
      if (d) defaults.set(item.labels[0].value, d.expression);
    } else if (item.type === 'locals') {
      for (const a of item.body.items) if (a.kind === 'attribute') locals.set(a.name, a.expression);
    }
  }
  const cache = new Map<string, HclValue>();
  const resolving = new Set<string>();
  const resolve = (key: string, expr: HclExpression, start: HclPosition): HclValue => {
    const cached = cache.get(key);
    if (cached) return cached;
    if (resolving.has(key)) return unknown(`"${key}" refers to itself`, start);
    if (resolving.size >= MAX_REFERENCE_DEPTH)
      return unknown(`"${key}" is nested too deeply to resolve`, start);
    resolving.add(key);
    const value = evaluate(doc, expr, scope);
    resolving.delete(key);
    cache.set(key, value);
    return value;
  };
  const scope: HclScope = (t) => {
    const first = t.steps[0];
    if ((t.root === 'var' || t.root === 'local') && first?.kind === 'attr') {
      const name = first.name;
      if (t.root === 'var') {
        if (variables && Object.hasOwn(variables, name)) {
          const v = valueFromData(variables[name], t.start);
          return {
            value:
              v ??
              unknown(
                `options.variables.${name} is not a string, number, list or mapping`,
                t.start,
              ),
            used: 1,
          };
        }
        const d = defaults.get(name);
        if (d) return { value: resolve(`var.${name}`, d, t.start), used: 1 };
        return {
          value: unknown(
            `cannot resolve "var.${name}" (set options.variables.${name} to check its value)`,
            t.start,
          ),
          used: 1,
        };
      }
      const l = locals.get(name);
      if (l) return { value: resolve(`local.${name}`, l, t.start), used: 1 };
      return {
        value: unknown(`cannot resolve "local.${name}": no such local value in this file`, t.start),
        used: 1,
      };
    }
    return {
      value: unknown(`cannot resolve "${doc.source(t, 60)}"`, t.start),
      used: t.steps.length,
    };
  };
  return scope;
}

/** Notices for `for_each`/`count` on a resource: it is read once, as written. */
export function noticeRepetition(src: TerraformSource, body: HclBody): void {
  for (const name of ['for_each', 'count']) {
    const a = attributeOf(body, name);
    if (a)
      src.problem(
        a.start,
        `"${name}" is not expanded: the resource is read once, as written`,
        undefined,
        'notice',
      );
  }
}

/** Notices for `dynamic` blocks, whose content depends on the run. */
export function noticeDynamic(src: TerraformSource, body: HclBody): void {
  for (const d of blocksOf(body, 'dynamic')) {
    const name = d.labels[0]?.value ?? '';
    src.problem(
      d.start,
      `dynamic "${name}" blocks are not expanded; what they allow is not checked`,
      undefined,
      'notice',
    );
  }
}

/** Problems sorted by position, each reported once (a local used twice reports its unknowns once). */
export function finishProblems(problems: readonly ParseProblem[]): ParseProblem[] {
  const seen = new Set<string>();
  const out: ParseProblem[] = [];
  for (const p of problems) {
    const key = `${p.location.line}:${p.location.column}:${p.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(p);
  }
  return out.sort(
    (a, b) => a.location.line - b.location.line || a.location.column - b.location.column,
  );
}

/** The literal value of an attribute, when it is a string (or a number, as text). */
export function stringOf(
  src: TerraformSource,
  body: HclBody,
  name: string,
): { value: string; start: HclPosition } | undefined | null {
  const a = attributeOf(body, name);
  if (!a) return undefined;
  const v = src.value(a.expression);
  if (v.kind === 'string') return { value: v.value, start: v.start };
  if (v.kind === 'number') return { value: String(v.value), start: v.start };
  if (v.kind === 'unknown') src.notice(v);
  else src.problem(a.expression.start, `"${name}" must be a string`);
  return null;
}
