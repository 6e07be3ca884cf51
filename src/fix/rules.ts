import { isMap, isPair, isScalar, isSeq, parseDocument, type Node, type Pair } from 'yaml';
import { parseBicepSyntax, type BicepExpression } from '../formats/allowlist/bicep.js';
import { stripJsonComments } from '../formats/allowlist/arm.js';
import { parseHcl, type HclBody, type HclExpression } from '../formats/syntax/hcl.js';
import { append } from '../model/collections.js';
import type { Entry } from '../model/entry.js';
import { PortSet, type PortSpec } from '../model/ports.js';
import { applyEdits, indentOf, lineEnding, Lines, type TextEdit } from './text.js';
import type { AllowlistOp, EditableAllowlist, Refusal, WriterResult } from './writer.js';

/**
 * Port gaps of firewall rules written as code (Terraform, Bicep, ARM templates): the ports belong
 * to the rule, shared by all its destinations. When every destination of the rule lacks the same
 * ports, the rule's own ports are extended (`destination_ports` / `destinationPorts` and the
 * protocols of a network rule, one more `protocols` entry of an application rule); otherwise a
 * copy of the rule, under a new name, allows just the missing ports for just those destinations,
 * so that the others are not widened. Ports that come from a variable or an expression are left
 * for a person.
 */

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A written value: its whole token (quotes included); `value` is undefined when it is computed. */
export interface Literal extends Span {
  readonly value: string | undefined;
}

/** A list literal `[…]`; `items` is undefined when the list is not written as a literal. */
export interface ListSyntax extends Span {
  readonly items: readonly Literal[] | undefined;
}

/** An application rule protocol (`protocols { type, port }`, `{ protocolType, port }`). */
export interface ProtocolSyntax extends Span {
  readonly type: Literal | undefined;
  readonly port: Literal | undefined;
}

export interface RuleSyntax extends Span {
  readonly kind: 'network' | 'application';
  readonly name: Literal | undefined;
  /** Lists of destinations, by key. */
  readonly destinations: ReadonlyMap<string, ListSyntax>;
  /** Network rules: the protocol list (TCP, UDP, Any) and the port list. */
  readonly protocols?: ListSyntax | undefined;
  readonly ports?: ListSyntax | undefined;
  /** Application rules: one per protocol; undefined when not written as literals. */
  readonly appProtocols?: readonly ProtocolSyntax[] | undefined;
}

/** How a format writes rules. */
export interface RuleDialect {
  /** The rules of a file; undefined when it does not parse. */
  rules(text: string): readonly RuleSyntax[] | undefined;
  readonly quote: "'" | '"';
  /** Elements of a multi-line list are separated by commas (HCL, JSON) or not (Bicep). */
  readonly commas: boolean;
  /** A copied rule follows the original after a comma (an element of a JSON array). */
  readonly ruleComma: boolean;
  /** Application protocols are blocks (HCL), not elements of a list. */
  readonly protocolBlocks: boolean;
}

const DESTINATION_KEYS = new Set([
  'destination_fqdns',
  'destination_addresses',
  'destination_urls',
  'destination_fqdn_tags',
  'target_fqdns',
  'fqdn_tags',
  'targetfqdns',
  'targeturls',
  'fqdntags',
  'destinationaddresses',
  'destinationfqdns',
]);

// ── Terraform ──────────────────────────────────────────────────────────────────────────────

function hclLiteral(expr: HclExpression, shift: number): Literal {
  const span = { start: expr.start.offset + shift, end: expr.end + shift };
  if (expr.kind === 'literal' && typeof expr.value === 'number')
    return { ...span, value: String(expr.value) };
  if (expr.kind === 'template' && !expr.heredoc) {
    if (expr.parts.length === 0) return { ...span, value: '' };
    const [only] = expr.parts;
    if (expr.parts.length === 1 && only!.kind === 'text') return { ...span, value: only!.value };
  }
  return { ...span, value: undefined };
}

function hclList(expr: HclExpression, shift: number): ListSyntax {
  const span = { start: expr.start.offset + shift, end: expr.end + shift };
  return expr.kind === 'tuple'
    ? { ...span, items: expr.items.map((i) => hclLiteral(i, shift)) }
    : { ...span, items: undefined };
}

function terraformRules(text: string): RuleSyntax[] {
  const shift = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const doc = parseHcl(text);
  const out: RuleSyntax[] = [];
  const visit = (body: HclBody, depth: number) => {
    if (depth > 16) return;
    for (const item of body.items) {
      if (item.kind !== 'block') continue;
      if (item.type !== 'rule') {
        visit(item.body, depth + 1);
        continue;
      }
      const attr = (name: string) =>
        item.body.items.find((i) => i.kind === 'attribute' && i.name === name);
      const destinations = new Map<string, ListSyntax>();
      for (const i of item.body.items)
        if (i.kind === 'attribute' && DESTINATION_KEYS.has(i.name))
          destinations.set(i.name, hclList(i.expression, shift));
      const blocks = item.body.items.filter(
        (i) => i.kind === 'block' && (i.type === 'protocols' || i.type === 'protocol'),
      );
      const name = attr('name');
      const base = {
        start: item.start.offset + shift,
        end: item.end + shift,
        name: name?.kind === 'attribute' ? hclLiteral(name.expression, shift) : undefined,
        destinations,
      };
      if (blocks.length > 0) {
        out.push({
          ...base,
          kind: 'application',
          appProtocols: blocks.map((b) => {
            const field = (n: string) => {
              const a =
                b.kind === 'block'
                  ? b.body.items.find((x) => x.kind === 'attribute' && x.name === n)
                  : undefined;
              return a?.kind === 'attribute' ? hclLiteral(a.expression, shift) : undefined;
            };
            return {
              start: b.start.offset + shift,
              end: b.end + shift,
              type: field('type'),
              port: field('port'),
            };
          }),
        });
        continue;
      }
      const protocols = attr('protocols');
      const ports = attr('destination_ports');
      out.push({
        ...base,
        kind: 'network',
        protocols:
          protocols?.kind === 'attribute' ? hclList(protocols.expression, shift) : undefined,
        ports: ports?.kind === 'attribute' ? hclList(ports.expression, shift) : undefined,
      });
    }
  };
  visit(doc.body, 0);
  return out;
}

// ── ARM templates ──────────────────────────────────────────────────────────────────────────

const span = (node: unknown): Span => {
  const r = (node as Node | undefined)?.range ?? [0, 0, 0];
  return { start: r[0], end: r[1] };
};

function jsonLiteral(node: unknown): Literal {
  const s = span(node);
  if (!isScalar(node)) return { ...s, value: undefined };
  const v = node.value;
  if (typeof v === 'number') return { ...s, value: String(v) };
  // `[…]` is a template expression, computed at deployment.
  if (typeof v === 'string' && !v.startsWith('[')) return { ...s, value: v };
  return { ...s, value: undefined };
}

function jsonList(node: unknown): ListSyntax {
  return isSeq(node)
    ? { ...span(node), items: node.items.map(jsonLiteral) }
    : { ...span(node), items: undefined };
}

function armRules(text: string): RuleSyntax[] | undefined {
  const { json } = stripJsonComments(text);
  const doc = parseDocument(json, { uniqueKeys: false });
  if (doc.errors.length > 0) return undefined;
  const out: RuleSyntax[] = [];
  const get = (map: Node, key: string): unknown =>
    isMap(map)
      ? (map.items as Pair[]).find(
          (p) => isScalar(p.key) && String(p.key.value).toLowerCase() === key.toLowerCase(),
        )?.value
      : undefined;
  const rule = (map: Node) => {
    if (!isMap(map)) return;
    const destinations = new Map<string, ListSyntax>();
    for (const p of map.items as Pair[])
      if (isScalar(p.key) && DESTINATION_KEYS.has(String(p.key.value).toLowerCase()))
        destinations.set(String(p.key.value), jsonList(p.value));
    const protocols = get(map, 'protocols');
    const ruleType = get(map, 'ruleType');
    const application =
      (isScalar(ruleType) && String(ruleType.value).toLowerCase() === 'applicationrule') ||
      (isSeq(protocols) && protocols.items.some((i) => isMap(i)));
    const base = { ...span(map), name: jsonLiteral(get(map, 'name')), destinations };
    if (application) {
      out.push({
        ...base,
        kind: 'application',
        appProtocols: isSeq(protocols)
          ? protocols.items.map((p) => ({
              ...span(p),
              type: isMap(p) ? jsonLiteral(get(p, 'protocolType')) : undefined,
              port:
                isMap(p) && get(p, 'port') !== undefined ? jsonLiteral(get(p, 'port')) : undefined,
            }))
          : undefined,
      });
      return;
    }
    const ip = get(map, 'ipProtocols') ?? protocols;
    const ports = get(map, 'destinationPorts');
    out.push({
      ...base,
      kind: 'network',
      protocols: ip === undefined ? undefined : jsonList(ip),
      ports: ports === undefined ? undefined : jsonList(ports),
    });
  };
  const visit = (node: unknown, depth: number) => {
    if (depth > 64) return;
    if (isSeq(node)) for (const i of node.items) visit(i, depth + 1);
    if (!isMap(node)) return;
    for (const p of node.items as Pair[]) {
      if (!isPair(p)) continue;
      if (isScalar(p.key) && String(p.key.value).toLowerCase() === 'rules' && isSeq(p.value))
        for (const r of p.value.items) rule(r as Node);
      else visit(p.value, depth + 1);
    }
  };
  visit(doc.contents, 0);
  return out;
}

// ── Bicep ──────────────────────────────────────────────────────────────────────────────────

function bicepLiteral(e: BicepExpression | undefined, shift: number): Literal | undefined {
  if (!e) return undefined;
  const s = { start: e.start + shift, end: e.end + shift };
  if (e.k === 'num') return { ...s, value: String(e.v) };
  if (e.k === 'str' && e.literal) return { ...s, value: e.v };
  return { ...s, value: undefined };
}

function bicepList(e: BicepExpression, shift: number): ListSyntax {
  const s = { start: e.start + shift, end: e.end + shift };
  return e.k === 'arr'
    ? { ...s, items: e.items.map((i) => bicepLiteral(i, shift)!) }
    : { ...s, items: undefined };
}

function bicepRules(text: string): RuleSyntax[] | undefined {
  const shift = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const roots = parseBicepSyntax(text);
  if (!roots) return undefined;
  const out: RuleSyntax[] = [];
  const prop = (e: BicepExpression, key: string) =>
    e.k === 'obj' ? e.props.find((p) => p.lower === key.toLowerCase())?.value : undefined;
  const rule = (e: BicepExpression) => {
    if (e.k !== 'obj') return;
    const destinations = new Map<string, ListSyntax>();
    for (const p of e.props)
      if (p.lower && DESTINATION_KEYS.has(p.lower))
        destinations.set(p.key!, bicepList(p.value, shift));
    const protocols = prop(e, 'protocols');
    const ruleType = prop(e, 'ruleType');
    const application =
      (ruleType?.k === 'str' && ruleType.v.toLowerCase() === 'applicationrule') ||
      (protocols?.k === 'arr' && protocols.items.some((i) => i.k === 'obj'));
    const base = {
      start: e.start + shift,
      end: e.end + shift,
      name: bicepLiteral(prop(e, 'name'), shift),
      destinations,
    };
    if (application) {
      out.push({
        ...base,
        kind: 'application',
        appProtocols:
          protocols?.k === 'arr'
            ? protocols.items.map((p) => ({
                start: p.start + shift,
                end: p.end + shift,
                type: bicepLiteral(prop(p, 'protocolType'), shift),
                port: bicepLiteral(prop(p, 'port'), shift),
              }))
            : undefined,
      });
      return;
    }
    const ip = prop(e, 'ipProtocols') ?? protocols;
    const ports = prop(e, 'destinationPorts');
    out.push({
      ...base,
      kind: 'network',
      protocols: ip && bicepList(ip, shift),
      ports: ports && bicepList(ports, shift),
    });
  };
  const visit = (e: BicepExpression | undefined, depth: number): void => {
    if (!e || depth > 64) return;
    if (e.k === 'arr') for (const i of e.items) visit(i, depth + 1);
    else if (e.k === 'obj')
      for (const p of e.props) {
        if (p.lower === 'rules' && p.value.k === 'arr') for (const r of p.value.items) rule(r);
        else visit(p.value, depth + 1);
      }
    else if (e.k === 'for') visit(e.body, depth + 1);
    else if (e.k === 'ternary') {
      visit(e.then, depth + 1);
      visit(e.else, depth + 1);
    }
  };
  for (const r of roots) visit(r, 0);
  return out;
}

export const TERRAFORM_RULES: RuleDialect = {
  rules: terraformRules,
  quote: '"',
  commas: true,
  ruleComma: false,
  protocolBlocks: true,
};
export const ARM_RULES: RuleDialect = {
  rules: armRules,
  quote: '"',
  commas: true,
  ruleComma: true,
  protocolBlocks: false,
};
export const BICEP_RULES: RuleDialect = {
  rules: bicepRules,
  quote: "'",
  commas: false,
  ruleComma: false,
  protocolBlocks: false,
};

// ── the edits ──────────────────────────────────────────────────────────────────────────────

const describe = (p: PortSpec) =>
  [p.tcp.isEmpty ? '' : `TCP ${p.tcp}`, p.udp.isEmpty ? '' : `UDP ${p.udp}`]
    .filter(Boolean)
    .join(' and ');

const same = (a: PortSet, b: PortSet) => a.key() === b.key();

/** An application protocol for a TCP port: Http on 80, Mssql on 1433, else Https. */
const APP_TYPES: Readonly<Record<number, string>> = { 80: 'Http', 1433: 'Mssql' };

/** At most this many ports are written one by one as application protocols. */
const MAX_APP_PORTS = 16;

function portList(set: PortSet): string[] {
  return set.ranges.map(([lo, hi]) => (lo === hi ? `${lo}` : `${lo}-${hi}`));
}

function appPorts(set: PortSet): number[] | undefined {
  const out: number[] = [];
  for (const [lo, hi] of set.ranges) {
    if (hi - lo + out.length >= MAX_APP_PORTS) return undefined;
    for (let p = lo; p <= hi; p++) out.push(p);
  }
  return out;
}

/** Edits for the `ports` operations of one file; `removed` entries go in the same round. */
export function rulePortEdits(
  file: EditableAllowlist,
  ops: readonly Extract<AllowlistOp, { op: 'ports' }>[],
  dialect: RuleDialect,
  removed: ReadonlySet<Entry>,
): WriterResult {
  const edits: TextEdit[] = [];
  const refused: Refusal[] = [];
  if (ops.length === 0) return { edits, refused };
  const text = file.text;
  const lines = new Lines(text);
  const eol = lineEnding(text);
  const byHand = (op: (typeof ops)[number], why: string, gap = gapOf(op)) =>
    refused.push({
      finding: op.finding,
      reason: `${why}; allow ${describe(gap)} for "${op.entry.text}" by hand`,
    });
  const rules = dialect.rules(text);
  if (!rules) {
    for (const op of ops) byHand(op, 'the file does not parse');
    return { edits, refused };
  }
  const offsetOf = (e: Entry) => lines.offset(e.location.line, e.location.column);
  const ruleOf = (e: Entry): RuleSyntax | undefined => {
    const at = offsetOf(e);
    let best: RuleSyntax | undefined;
    for (const r of rules)
      if (r.start <= at && at < r.end && (!best || r.end - r.start < best.end - best.start))
        best = r;
    return best;
  };
  const itemOf = (r: RuleSyntax, e: Entry): { key: string; item: Literal } | undefined => {
    const at = offsetOf(e);
    for (const [key, list] of r.destinations)
      for (const item of list.items ?? [])
        if (item.start <= at && at < item.end) return { key, item };
    return undefined;
  };
  const names = new Set(rules.map((r) => r.name?.value?.toLowerCase()).filter(Boolean));
  const quote = (v: string) =>
    dialect.quote +
    v.replace(/\\/g, '\\\\').replace(new RegExp(dialect.quote, 'g'), `\\${dialect.quote}`) +
    dialect.quote;

  const byRule = new Map<RuleSyntax, (typeof ops)[number][]>();
  for (const op of ops) {
    const rule = ruleOf(op.entry);
    if (!rule) {
      byHand(op, 'the entry is not in a firewall rule fix can change');
      continue;
    }
    const list = byRule.get(rule) ?? [];
    byRule.set(rule, list);
    list.push(op);
  }

  for (const [rule, wanted] of byRule) {
    const literalPorts =
      rule.kind === 'network'
        ? [rule.protocols, rule.ports].every((l) => l?.items?.every((i) => i.value !== undefined))
        : rule.appProtocols !== undefined &&
          rule.appProtocols.length > 0 &&
          rule.appProtocols.every(
            (p) => p.type?.value !== undefined && p.port?.value !== undefined,
          );
    if (!literalPorts) {
      for (const op of wanted)
        byHand(op, "the rule's ports come from a variable or an expression, or are not written");
      continue;
    }
    const mine = file.entries.filter(
      (e) => !removed.has(e) && ruleOf(e) === rule && itemOf(rule, e) !== undefined,
    );
    const computed = [...rule.destinations.values()].some(
      (l) => !l.items || l.items.some((i) => i.value === undefined),
    );
    const gaps = wanted.map(gapOf);
    const oneGap = gaps.every((g) => same(g.tcp, gaps[0]!.tcp) && same(g.udp, gaps[0]!.udp));
    const every = !computed && oneGap && mine.every((e) => wanted.some((w) => w.entry === e));
    const have = wanted[0]!.entry.ports ?? { tcp: PortSet.EMPTY, udp: PortSet.EMPTY };

    // Application rules carry HTTP and TLS over TCP only.
    const rest: { op: (typeof ops)[number]; gap: PortSpec }[] = [];
    for (const [i, op] of wanted.entries()) {
      const gap = gaps[i]!;
      if (rule.kind === 'application' && !gap.udp.isEmpty) {
        byHand(
          op,
          'an application rule carries HTTP and TLS over TCP only; UDP needs a network rule',
          { tcp: PortSet.EMPTY, udp: gap.udp },
        );
        if (gap.tcp.isEmpty) continue;
        rest.push({ op, gap: { tcp: gap.tcp, udp: PortSet.EMPTY } });
      } else rest.push({ op, gap });
    }
    if (rest.length === 0) continue;

    if (every) {
      // The whole gap, else one protocol's part of it (the other then gets a rule of its own).
      const gap = rest[0]!.gap;
      const tries = [
        gap,
        { tcp: gap.tcp, udp: PortSet.EMPTY },
        { tcp: PortSet.EMPTY, udp: gap.udp },
      ].filter(
        (g, i) =>
          i === 0 ||
          ((!g.tcp.isEmpty || !g.udp.isEmpty) && !(same(g.tcp, gap.tcp) && same(g.udp, gap.udp))),
      );
      let done: PortSpec | undefined;
      for (const g of tries) {
        const extended = extend(rule, g, have);
        if (!extended) continue;
        append(edits, extended);
        done = g;
        break;
      }
      if (done) {
        const left = { tcp: gap.tcp.subtract(done.tcp), udp: gap.udp.subtract(done.udp) };
        if (left.tcp.isEmpty && left.udp.isEmpty) continue;
        for (const r of rest) r.gap = left;
      }
    }
    // A copy of the rule for the destinations that need the ports, one per gap (and protocol).
    const groups = new Map<string, { gap: PortSpec; ops: (typeof ops)[number][] }>();
    for (const { op, gap } of rest) {
      const parts: PortSpec[] =
        rule.kind === 'network' && !gap.tcp.isEmpty && !gap.udp.isEmpty && !same(gap.tcp, gap.udp)
          ? [
              { tcp: gap.tcp, udp: PortSet.EMPTY },
              { tcp: PortSet.EMPTY, udp: gap.udp },
            ]
          : [gap];
      for (const g of parts) {
        const k = `${g.tcp.key()}/${g.udp.key()}`;
        const group = groups.get(k) ?? { gap: g, ops: [] };
        groups.set(k, group);
        if (!group.ops.some((o) => o.entry === op.entry)) group.ops.push(op);
      }
    }
    for (const { gap, ops: group } of groups.values()) {
      const copy = copyRule(rule, gap, group);
      if (typeof copy === 'string') for (const op of group) byHand(op, copy, gap);
      else edits.push(copy);
    }
  }
  return { edits, refused };

  function gapOf(op: (typeof ops)[number]): PortSpec {
    const have = op.entry.ports ?? { tcp: PortSet.EMPTY, udp: PortSet.EMPTY };
    return { tcp: op.ports.tcp.subtract(have.tcp), udp: op.ports.udp.subtract(have.udp) };
  }

  /** Elements appended to a list literal, in its layout. */
  function appendToList(list: ListSyntax, values: readonly string[]): TextEdit[] {
    const items = list.items ?? [];
    if (values.length === 0) return [];
    const last = items[items.length - 1];
    if (!last) {
      return [
        { start: list.start, end: list.end, insert: `[${values.map(quoteLike).join(', ')}]` },
      ];
    }
    const oneLine = lines.lineOf(list.start) === lines.lineOf(list.end - 1);
    if (oneLine) {
      // A list on one line has commas in every format.
      const sep = ', ';
      return [
        { start: last.end, end: last.end, insert: values.map((v) => sep + quoteLike(v)).join('') },
      ];
    }
    const indent = indentOf(lines.get(lines.lineOf(last.start)));
    const comma = /^[ \t]*,/.exec(text.slice(last.end));
    if (!dialect.commas)
      return [
        {
          start: last.end,
          end: last.end,
          insert: values.map((v) => `${eol}${indent}${quoteLike(v)}`).join(''),
        },
      ];
    if (comma) {
      // A trailing comma (HCL): the new elements keep it.
      const at = last.end + comma[0].length;
      return [
        {
          start: at,
          end: at,
          insert: values.map((v) => `${eol}${indent}${quoteLike(v)},`).join(''),
        },
      ];
    }
    return [
      {
        start: last.end,
        end: last.end,
        insert: values.map((v) => `,${eol}${indent}${quoteLike(v)}`).join(''),
      },
    ];

    function quoteLike(v: string): string {
      const first = text[items[0]?.start ?? -1];
      return first === "'" || first === '"' || !items[0] ? quote(v) : v;
    }
  }

  /** Protocol names in the style of the rule's own (`TCP`, `Tcp`, `tcp`). */
  function protocolName(rule: RuleSyntax, name: 'tcp' | 'udp'): string {
    const like = rule.protocols?.items?.[0]?.value ?? 'TCP';
    if (like === like.toLowerCase()) return name;
    if (like === like.toUpperCase()) return name.toUpperCase();
    return name[0]!.toUpperCase() + name.slice(1);
  }

  /** The rule's own ports extended by the gap, when that allows nothing more than the gap. */
  function extend(rule: RuleSyntax, gap: PortSpec, have: PortSpec): TextEdit[] | undefined {
    if (rule.kind === 'application') {
      const ports = appPorts(gap.tcp);
      if (!ports) return undefined;
      return [protocolInsert(rule, ports)];
    }
    if (!rule.ports || !rule.protocols) return undefined;
    const current = have.tcp.union(have.udp);
    const next = current.union(gap.tcp).union(gap.udp);
    const tcp = !have.tcp.isEmpty || !gap.tcp.isEmpty;
    const udp = !have.udp.isEmpty || !gap.udp.isEmpty;
    const exact =
      same(tcp ? next : PortSet.EMPTY, have.tcp.union(gap.tcp)) &&
      same(udp ? next : PortSet.EMPTY, have.udp.union(gap.udp));
    if (!exact) return undefined;
    const out = appendToList(rule.ports, portList(next.subtract(current)));
    const names = (rule.protocols.items ?? []).map((i) => i.value!.toLowerCase());
    const add: string[] = [];
    if (tcp && have.tcp.isEmpty && !names.includes('any')) add.push(protocolName(rule, 'tcp'));
    if (udp && have.udp.isEmpty && !names.includes('any')) add.push(protocolName(rule, 'udp'));
    append(out, appendToList(rule.protocols, add));
    return out;
  }

  /** The text of application protocols for `ports`, cloned from the rule's first one. */
  function protocolTexts(rule: RuleSyntax, ports: readonly number[]): string[] {
    const model = rule.appProtocols![0]!;
    const type = model.type!;
    const port = model.port!;
    const lower = type.value === type.value!.toLowerCase();
    return ports.map((p) => {
      const name = APP_TYPES[p] ?? 'Https';
      const typeText = quote(lower ? name.toLowerCase() : name);
      const portText = /^["']/.test(text.slice(port.start, port.end))
        ? quote(String(p))
        : String(p);
      const parts = [
        { start: type.start - model.start, end: type.end - model.start, insert: typeText },
        { start: port.start - model.start, end: port.end - model.start, insert: portText },
      ];
      return applyEdits(text.slice(model.start, model.end), parts);
    });
  }

  /** What separates two protocols of the rule (`\n      ` between blocks, `, ` in a list). */
  function protocolSeparator(rule: RuleSyntax): string {
    const [a, b] = rule.appProtocols!;
    if (b) return text.slice(a!.end, b.start);
    const indent = indentOf(lines.get(lines.lineOf(a!.start)));
    if (dialect.protocolBlocks) return `${eol}${indent}`;
    // An element of a list: on the list's line, a comma in every format.
    const sameLine = lines.lineOf(a!.start) === lines.lineOf(text.lastIndexOf('[', a!.start));
    if (sameLine) return ', ';
    return `${dialect.commas ? ',' : ''}${eol}${indent}`;
  }

  function protocolInsert(rule: RuleSyntax, ports: readonly number[]): TextEdit {
    const last = rule.appProtocols![rule.appProtocols!.length - 1]!;
    const sep = protocolSeparator(rule);
    return {
      start: last.end,
      end: last.end,
      insert: protocolTexts(rule, ports)
        .map((t) => sep + t)
        .join(''),
    };
  }

  /** A list literal of `values`, laid out as `like` is (one line, or one element a line). */
  function renderList(like: ListSyntax, values: readonly string[]): string {
    const items = like.items ?? [];
    const first = items[0];
    const last = items[items.length - 1];
    if (
      values.length === 0 ||
      !first ||
      !last ||
      lines.lineOf(like.start) === lines.lineOf(first.start)
    )
      return `[${values.map(quote).join(', ')}]`;
    const indent = indentOf(lines.get(lines.lineOf(first.start)));
    const closing = indentOf(lines.get(lines.lineOf(like.end - 1)));
    const trailing = dialect.commas && text.slice(last.end, like.end).trimStart().startsWith(',');
    const sep = dialect.commas ? ',' : '';
    const body = values.map(
      (v, i) => `${indent}${quote(v)}${i < values.length - 1 || trailing ? sep : ''}${eol}`,
    );
    return `[${eol}${body.join('')}${closing}]`;
  }

  /** A copy of the rule after it, for the entries of `group` and the ports of `gap` only. */
  function copyRule(
    rule: RuleSyntax,
    gap: PortSpec,
    group: readonly (typeof ops)[number][],
  ): TextEdit | string {
    if (!rule.name?.value)
      return 'the rule has no name written as a literal to derive a new one from';
    const keep = new Map<string, string[]>();
    for (const op of group) {
      const at = itemOf(rule, op.entry);
      if (!at?.item.value) return 'the destination does not come from a quoted literal';
      const list = keep.get(at.key) ?? [];
      keep.set(at.key, list);
      if (!list.includes(at.item.value)) list.push(at.item.value);
    }
    const base = rule.start;
    const rel: TextEdit[] = [];
    const replace = (s: Span, insert: string) =>
      rel.push({ start: s.start - base, end: s.end - base, insert });
    const suffix = [
      gap.tcp.isEmpty ? '' : `tcp-${portList(gap.tcp).join('-')}`,
      gap.udp.isEmpty ? '' : `udp-${portList(gap.udp).join('-')}`,
    ]
      .filter(Boolean)
      .join('-');
    let name = `${rule.name.value}-${suffix}`;
    for (let n = 2; names.has(name.toLowerCase()); n++) name = `${rule.name.value}-${suffix}-${n}`;
    names.add(name.toLowerCase());
    replace(rule.name, quote(name));
    for (const [key, list] of rule.destinations)
      replace(list, renderList(list, keep.get(key) ?? []));
    if (rule.kind === 'network') {
      if (!rule.ports || !rule.protocols) return "the rule's ports are not written";
      const protocols = [
        ...(gap.tcp.isEmpty ? [] : [protocolName(rule, 'tcp')]),
        ...(gap.udp.isEmpty ? [] : [protocolName(rule, 'udp')]),
      ];
      replace(rule.protocols, renderList(rule.protocols, protocols));
      replace(rule.ports, renderList(rule.ports, portList(gap.tcp.union(gap.udp))));
    } else {
      const ports = appPorts(gap.tcp);
      if (!ports) return 'too many ports to write one application protocol each';
      const protocols = rule.appProtocols!;
      replace(
        { start: protocols[0]!.start, end: protocols[protocols.length - 1]!.end },
        protocolTexts(rule, ports).join(protocolSeparator(rule)),
      );
    }
    const copy = applyEdits(text.slice(rule.start, rule.end), rel);
    const indent = indentOf(lines.get(lines.lineOf(rule.start)));
    return {
      start: rule.end,
      end: rule.end,
      insert: `${dialect.ruleComma ? ',' : ''}${eol}${indent}${copy}`,
    };
  }
}
