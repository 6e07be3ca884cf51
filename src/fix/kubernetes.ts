import {
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseAllDocuments,
  type Node,
  type Pair,
  type Scalar,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import { append } from '../model/collections.js';
import type { Entry } from '../model/entry.js';
import { PortSet, type PortSpec } from '../model/ports.js';
import { insertLines, Lines, type TextEdit } from './text.js';
import type {
  AllowlistOp,
  AllowlistWriter,
  EditableAllowlist,
  NewEntry,
  Refusal,
  WriterResult,
} from './writer.js';

/**
 * Kubernetes NetworkPolicy and Cilium policies. Elements of the destination lists of egress rules
 * (`to: - ipBlock: {cidr}`, `toCIDR`, `toCIDRSet`, `toFQDNs`) are added and removed as text, in
 * the list's own layout (block or flow) and quoting. A value goes into a rule whose ports it
 * needs; when no rule has them, a new rule with just the value and its ports follows the rule of
 * the finding. A port gap extends `ports` / `toPorts` when every destination of the rule needs
 * it; otherwise a new rule allows the missing ports for that destination alone, so that the
 * rule's other destinations are not widened. A rule (or a list) is never left empty: an empty
 * destination list would allow every destination, so the rule goes with its last destination
 * (unless it is the policy's only egress rule, which is left for a person).
 */
export const KUBERNETES_WRITER: AllowlistWriter = { edit: editKubernetes };

type Flavour = 'kubernetes' | 'cilium';
type ListKey = 'to' | 'toCIDR' | 'toCIDRSet' | 'toFQDNs';
type Pos = [number, number, number];

const POLICY_KINDS: Record<string, Flavour> = {
  NetworkPolicy: 'kubernetes',
  CiliumNetworkPolicy: 'cilium',
  CiliumClusterwideNetworkPolicy: 'cilium',
};

/** Keys of a Cilium egress rule that select destinations (a rule has one; none means all). */
const CILIUM_SELECTORS = new Set([
  'toCIDR',
  'toCIDRSet',
  'toFQDNs',
  'toEndpoints',
  'toEntities',
  'toServices',
  'toGroups',
  'toNodes',
  'toRequires',
]);

interface Rule {
  readonly node: YAMLMap;
  readonly egress: YAMLSeq;
  /** Column of the `egress` key: new rules and lists are indented like the file's own. */
  readonly egressKeyColumn: number;
  readonly flavour: Flavour;
  readonly policy: number;
}

interface List {
  readonly key: ListKey;
  readonly pair: Pair;
  readonly seq: YAMLSeq;
  readonly rule: Rule;
}

/** A rule `fix` writes after an existing one: values (as the list writes them) and their ports. */
interface PendingRule {
  readonly after: Rule;
  readonly key: ListKey;
  readonly values: { value: string; match: string }[];
  readonly ports: PortSpec;
  readonly label: string | undefined;
}

interface Dest {
  /** The scalar the entry was read from. */
  readonly value: Scalar;
  /** The list element holding it (a peer, a CIDR set, an FQDN selector, or the scalar). */
  readonly item: Node;
  readonly list: List;
}

const range = (node: unknown): Pos =>
  ((node as Node | null | undefined)?.range ?? [0, 0, 0]) as Pos;

function scalarText(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const v = node.value;
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}

/** Where a node's content ends, without the comment or blank lines after it. */
function contentEnd(node: unknown): number {
  if (isScalar(node)) return range(node)[1];
  if (isMap(node) && !node.flow && node.items.length > 0) {
    const last = node.items[node.items.length - 1]!;
    return contentEnd(last.value ?? last.key);
  }
  if (isSeq(node) && !node.flow && node.items.length > 0)
    return contentEnd(node.items[node.items.length - 1]);
  return range(node)[1];
}

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return (map.items as Pair[]).find((p) => isPair(p) && scalarText(p.key) === key);
}

/** The policies' egress rules and their destination lists, as the reader walks them. */
function walk(text: string): { rules: Rule[]; lists: List[]; ok: boolean } {
  const rules: Rule[] = [];
  const lists: List[] = [];
  const docs = parseAllDocuments(text, { prettyErrors: false });
  if (!Array.isArray(docs)) return { rules, lists, ok: false };
  let ok = true;
  let policy = 0;
  const object = (node: unknown, depth: number): void => {
    if (!isMap(node) || depth > 8) return;
    const kind = scalarText(node.get('kind', true));
    if (kind === 'List') {
      const items = node.get('items', true);
      if (isSeq(items)) for (const item of items.items) object(item, depth + 1);
      return;
    }
    const flavour = kind === undefined ? undefined : POLICY_KINDS[kind];
    if (!flavour) return;
    policy++;
    const spec = node.get('spec', true);
    const specs = node.get('specs', true);
    for (const s of [...(isMap(spec) ? [spec] : []), ...(isSeq(specs) ? specs.items : [])]) {
      if (!isMap(s)) continue;
      const egressPair = pairOf(s, 'egress');
      const egress = egressPair?.value;
      if (!isSeq(egress)) continue;
      for (const r of egress.items) {
        if (!isMap(r)) continue;
        const rule: Rule = {
          node: r,
          egress,
          egressKeyColumn: range(egressPair!.key)[0],
          flavour,
          policy,
        };
        rules.push(rule);
        const keys: ListKey[] =
          flavour === 'kubernetes' ? ['to'] : ['toCIDR', 'toCIDRSet', 'toFQDNs'];
        for (const key of keys) {
          const pair = pairOf(r, key);
          if (pair && isSeq(pair.value)) lists.push({ key, pair, seq: pair.value, rule });
        }
      }
    }
  };
  for (const doc of docs) {
    if (doc.errors.length > 0) ok = false;
    object(doc.contents, 0);
  }
  return { rules, lists, ok };
}

/** The scalars of a list's elements that entries are read from. */
function destinations(list: List): Dest[] {
  const out: Dest[] = [];
  for (const item of list.seq.items) {
    const node = item as Node;
    if (list.key === 'toCIDR') {
      if (isScalar(node)) out.push({ value: node, item: node, list });
      continue;
    }
    if (!isMap(node)) continue;
    if (list.key === 'to') {
      const block = node.get('ipBlock', true);
      const cidr = isMap(block) ? block.get('cidr', true) : undefined;
      if (isScalar(cidr)) out.push({ value: cidr, item: node, list });
    } else if (list.key === 'toCIDRSet') {
      const cidr = node.get('cidr', true);
      if (isScalar(cidr)) out.push({ value: cidr, item: node, list });
    } else {
      for (const k of ['matchName', 'matchPattern']) {
        const v = node.get(k, true);
        if (isScalar(v)) out.push({ value: v, item: node, list });
      }
    }
  }
  return out;
}

function isQuoted(s: Scalar): boolean {
  return s.type === 'QUOTE_DOUBLE' || s.type === 'QUOTE_SINGLE';
}

/** A value written in the style of a neighbour (plain, 'single' or "double"). */
function quoteLike(value: string, like: Scalar | undefined, json: boolean): string {
  const style = like?.type;
  if (json || style === 'QUOTE_DOUBLE') return JSON.stringify(value);
  if (style === 'QUOTE_SINGLE') return `'${value.replace(/'/g, "''")}'`;
  if (/^[*&![{|>'"%@`,?:-]|: | #|[[\]{},]|^\s|\s$/.test(value) || value === '')
    return JSON.stringify(value);
  return value;
}

function describe(p: PortSpec): string {
  return [
    p.tcp.isEmpty ? '' : `TCP ${p.tcp.toString()}`,
    p.udp.isEmpty ? '' : `UDP ${p.udp.toString()}`,
  ]
    .filter(Boolean)
    .join(' and ');
}

const covers = (have: PortSpec | undefined, want: PortSpec) =>
  !have || (have.tcp.covers(want.tcp) && have.udp.covers(want.udp));

function editKubernetes(file: EditableAllowlist, ops: readonly AllowlistOp[]): WriterResult {
  const text = file.text;
  const lines = new Lines(text);
  const edits: TextEdit[] = [];
  const refused: Refusal[] = [];
  const refuse = (op: AllowlistOp, reason: string) => refused.push({ finding: op.finding, reason });
  const { rules, lists, ok } = walk(text);
  if (!ok) {
    for (const op of ops) refuse(op, `${file.path} does not parse as YAML; change it by hand`);
    return { edits, refused };
  }
  const json = /\.json$/i.test(file.path);

  const destAt = new Map<number, Dest>();
  const destsOf = new Map<List, Dest[]>();
  for (const l of lists) {
    const ds = destinations(l);
    destsOf.set(l, ds);
    for (const d of ds) destAt.set(range(d.value)[0] + (isQuoted(d.value) ? 1 : 0), d);
  }
  const destOf = (e: Entry) => destAt.get(lines.offset(e.location.line, e.location.column));
  const entriesOf = new Map<Rule, Entry[]>();
  for (const e of file.entries) {
    const d = destOf(e);
    if (!d) continue;
    const list = entriesOf.get(d.list.rule) ?? [];
    entriesOf.set(d.list.rule, list);
    list.push(e);
  }
  /** The rule's ports, as its entries were read (all share them). */
  const portsOf = (r: Rule): PortSpec | undefined => entriesOf.get(r)?.[0]?.ports;

  // --- layout ----------------------------------------------------------------------------------

  /** `      - ` before a block list element, or undefined when the element is not so written. */
  const dashOf = (item: Node): string | undefined => {
    const start = range(item)[0];
    const line = lines.lineOf(start);
    const before = text.slice(lines.start(line), start);
    return /^[ \t]*-[ \t]+$/.test(before) ? before : undefined;
  };
  const firstLine = (item: Node) => lines.lineOf(range(item)[0]);
  const lastLine = (item: Node) => lines.lineOf(Math.max(range(item)[0], contentEnd(item) - 1));
  /** How far a block list's dash sits right of its key (`egress:\n  - ` → 2, `egress:\n- ` → 0). */
  const stepOf = (r: Rule): number => {
    const first = r.egress.items[0] as Node | undefined;
    const dash = first ? dashOf(first) : undefined;
    if (dash === undefined) return 2;
    const dashColumn = dash.indexOf('-');
    const keyColumn = r.egressKeyColumn - lines.start(lines.lineOf(r.egressKeyColumn));
    return Math.max(0, dashColumn - keyColumn);
  };
  const portScalar = (flavour: Flavour): Scalar | undefined => {
    for (const r of rules) {
      if (r.flavour !== flavour) continue;
      for (const p of portItems(r)) {
        const v = p.get('port', true);
        if (isScalar(v)) return v;
      }
    }
    return undefined;
  };
  const protocolFirst = (flavour: Flavour): boolean => {
    for (const r of rules) {
      if (r.flavour !== flavour) continue;
      for (const p of portItems(r)) {
        const first = p.items[0];
        if (first) return scalarText(first.key) === 'protocol';
      }
    }
    return false;
  };
  /** Port list items (`- port: "443"\n  protocol: TCP`), one per range and protocol. */
  const renderPorts = (flavour: Flavour, ports: PortSpec, indent: string, step: number) => {
    const like = portScalar(flavour);
    const style = like?.type ?? (flavour === 'cilium' ? 'QUOTE_DOUBLE' : 'PLAIN');
    const num = (n: number) =>
      style === 'QUOTE_DOUBLE' ? `"${n}"` : style === 'QUOTE_SINGLE' ? `'${n}'` : `${n}`;
    const out: string[] = [];
    const inner = indent + ' '.repeat(step) + '  ';
    for (const proto of ['tcp', 'udp'] as const) {
      const set = ports[proto];
      if (set.isEmpty) continue;
      const ranges = set.isAny ? [undefined] : set.ranges;
      for (const r of ranges) {
        const keys: string[] = [];
        if (r) keys.push(`port: ${num(r[0])}`);
        if (r && r[1] > r[0]) keys.push(`endPort: ${r[1]}`);
        const protocol = `protocol: ${proto.toUpperCase()}`;
        if (protocolFirst(flavour)) keys.unshift(protocol);
        else keys.push(protocol);
        out.push(`${indent}${' '.repeat(step)}- ${keys[0]}`);
        for (const k of keys.slice(1)) out.push(`${inner}${k}`);
      }
    }
    return out;
  };
  const keyFor = (v: NewEntry) => (v.value.includes('*') ? 'matchPattern' : 'matchName');
  /** Cilium's `*.` is one label; the catalogue's is any number, which Cilium writes `**.`. */
  const ciliumName = (v: NewEntry) => v.value.replace(/^\*\./, '**.');
  const listValue = (key: ListKey, v: NewEntry) => (key === 'toFQDNs' ? ciliumName(v) : v.value);

  /** A new element of a block list, in the layout of its first element. */
  const renderElement = (list: List, v: NewEntry): string[] => {
    const sibling = destsOf.get(list)![0];
    const dash =
      (sibling && dashOf(sibling.item)) ??
      (list.seq.items[0] ? dashOf(list.seq.items[0] as Node) : undefined) ??
      '- ';
    const value = quoteLike(listValue(list.key, v), sibling?.value, false);
    if (list.key === 'toCIDR') return [`${dash}${value}`];
    if (list.key === 'toCIDRSet') return [`${dash}cidr: ${value}`];
    if (list.key === 'toFQDNs') return [`${dash}${keyFor(v)}: ${value}`];
    const block = sibling && isMap(sibling.item) ? sibling.item.get('ipBlock', true) : undefined;
    if (isMap(block) && block.flow) {
      const pad = /^\{\s/.test(text.slice(range(block)[0], range(block)[1])) ? ' ' : '';
      return [`${dash}ipBlock: {${pad}cidr: ${value}${pad}}`];
    }
    const cidrColumn =
      sibling && isMap(block)
        ? range(sibling.value)[0] -
          lines.start(lines.lineOf(range(sibling.value)[0])) -
          'cidr: '.length
        : dash.length + 2;
    return [`${dash}ipBlock:`, `${' '.repeat(cidrColumn)}cidr: ${value}`];
  };
  /** A new element of a flow list, written like its first element. */
  const renderFlow = (list: List, v: NewEntry): string => {
    const sibling = destsOf.get(list)![0];
    const source = sibling ? text.slice(range(sibling.item)[0], range(sibling.item)[1]) : '';
    const quotedKeys = json || /^\{\s*"/.test(source);
    const k = (s: string) => (quotedKeys ? `"${s}"` : s);
    const pad = /^\{\s/.test(source) ? ' ' : '';
    const value = quoteLike(listValue(list.key, v), sibling?.value, json);
    if (list.key === 'toCIDR') return value;
    if (list.key === 'toCIDRSet') return `{${pad}${k('cidr')}: ${value}${pad}}`;
    if (list.key === 'toFQDNs') return `{${pad}${k(keyFor(v))}: ${value}${pad}}`;
    return `{${pad}${k('ipBlock')}: {${pad}${k('cidr')}: ${value}${pad}}${pad}}`;
  };

  /** A new egress rule holding `values` (written as the list takes them) in a list of `key`. */
  const renderRule = (pending: PendingRule): string[] | undefined => {
    const { after, key, values, ports, label } = pending;
    const dash = dashOf(after.node);
    if (dash === undefined || after.egress.flow) return undefined;
    const indent = ' '.repeat(dash.length);
    const step = stepOf(after);
    const sub = `${indent}${' '.repeat(step)}- `;
    const model = lists.find((l) => l.key === key);
    const like = model ? destsOf.get(model)![0]?.value : undefined;
    const out = [`${dash}${key}:`];
    if (label) out.push(`${indent}${' '.repeat(step)}# ${label}`);
    // Sorted as values added to an existing list are, whatever order the findings came in.
    const sorted = [...values].sort((a, b) =>
      a.value.toLowerCase() < b.value.toLowerCase()
        ? -1
        : a.value.toLowerCase() > b.value.toLowerCase()
          ? 1
          : 0,
    );
    for (const v of sorted) {
      const value = quoteLike(v.value, like, false);
      if (key === 'toCIDR') out.push(`${sub}${value}`);
      else if (key === 'toCIDRSet') out.push(`${sub}cidr: ${value}`);
      else if (key === 'toFQDNs') out.push(`${sub}${v.match}: ${value}`);
      else out.push(`${sub}ipBlock:`, `${' '.repeat(sub.length + 2)}cidr: ${value}`);
    }
    const everything = ports.tcp.isAny && ports.udp.isAny;
    if (!everything && !(ports.tcp.isEmpty && ports.udp.isEmpty)) {
      if (after.flavour === 'kubernetes') {
        out.push(`${indent}ports:`);
        append(out, renderPorts('kubernetes', ports, indent, step));
      } else {
        const group = `${indent}${' '.repeat(step)}`;
        out.push(`${indent}toPorts:`, `${group}- ports:`);
        append(out, renderPorts('cilium', ports, `${group}  `, step));
      }
    }
    return out;
  };

  // --- removals --------------------------------------------------------------------------------

  const removedItems = new Set<Node>();
  const removeOps = new Map<Node, AllowlistOp[]>();
  const removedRules = new Set<Rule>();
  const remove = (op: AllowlistOp, entry: Entry): boolean => {
    const d = destOf(entry);
    if (!d) {
      refuse(op, `cannot find "${entry.text}" in a destination list`);
      return false;
    }
    if (scalarText(d.value)?.trim() !== entry.text) {
      refuse(
        op,
        `"${entry.text}" is part of "${scalarText(d.value)}" less its except list; change the rule by hand`,
      );
      return false;
    }
    if (
      isMap(d.item) &&
      d.list.key === 'toFQDNs' &&
      destsOf.get(d.list)!.filter((x) => x.item === d.item).length > 1
    ) {
      refuse(op, `the selector of "${entry.text}" names more than it; edit it by hand`);
      return false;
    }
    removedItems.add(d.item);
    const list = removeOps.get(d.item) ?? [];
    removeOps.set(d.item, list);
    list.push(op);
    return true;
  };
  for (const op of ops) if (op.op === 'remove' || op.op === 'replace') remove(op, op.entry);

  /** Whether a list keeps none of its elements. */
  const emptied = (l: List) => l.seq.items.every((i) => removedItems.has(i as Node));
  /** Whether a rule keeps no destination (the rule then goes). */
  const ruleEmptied = (r: Rule): boolean => {
    const own = lists.filter((l) => l.rule === r);
    if (!own.every(emptied)) return false;
    const others = (r.node.items as Pair[]).some((p) => {
      const k = scalarText(p.key) ?? '';
      return (
        (r.flavour === 'cilium' && CILIUM_SELECTORS.has(k) && !own.some((l) => l.pair === p)) ||
        false
      );
    });
    return !others;
  };
  for (const r of rules) {
    const own = lists.filter((l) => l.rule === r);
    if (!own.some((l) => l.seq.items.some((i) => removedItems.has(i as Node)))) continue;
    if (!ruleEmptied(r)) continue;
    const kept = r.egress.items.filter(
      (x) => x !== r.node && !rules.some((o) => o.node === x && removedRules.has(o)),
    );
    const ownOps = own.flatMap((l) => l.seq.items.flatMap((i) => removeOps.get(i as Node) ?? []));
    if (kept.length === 0 || r.egress.flow || dashOf(r.node) === undefined) {
      // Without a destination the rule would allow every one; without the rule the policy may
      // stop restricting egress: a person decides.
      for (const op of ownOps)
        refuse(
          op,
          `it is the last destination of ${kept.length === 0 ? 'the policy’s only egress rule' : 'its egress rule'}, and a rule without destinations allows every destination; remove the rule by hand`,
        );
      for (const l of own) for (const i of l.seq.items) removedItems.delete(i as Node);
      continue;
    }
    removedRules.add(r);
  }
  const blockRemoval = (item: Node): TextEdit | undefined =>
    dashOf(item) === undefined
      ? undefined
      : { start: lines.start(firstLine(item)), end: lines.end(lastLine(item)), insert: '' };
  for (const r of removedRules) {
    const e = blockRemoval(r.node);
    if (e) edits.push(e);
  }
  const pairRemoval = (l: List): TextEdit | undefined => {
    const map = l.rule.node;
    if (map.flow) return undefined;
    const index = map.items.indexOf(l.pair);
    const keyStart = range(l.pair.key)[0];
    const end = lines.end(lines.lineOf(Math.max(keyStart, contentEnd(l.seq) - 1)));
    if (index === 0) {
      // The key shares its line with the rule's dash: the next key takes its place.
      const next = map.items[1];
      if (!next) return undefined;
      return { start: keyStart, end: range(next.key)[0], insert: '' };
    }
    return { start: lines.start(lines.lineOf(keyStart)), end, insert: '' };
  };
  for (const l of lists) {
    if (removedRules.has(l.rule)) continue;
    const gone = l.seq.items.filter((i) => removedItems.has(i as Node)) as Node[];
    if (gone.length === 0) continue;
    if (emptied(l)) {
      const e = pairRemoval(l);
      if (e) {
        edits.push(e);
        continue;
      }
      for (const i of gone)
        for (const op of removeOps.get(i) ?? [])
          refuse(op, 'it is its list’s last element and the list cannot go here; edit it by hand');
      for (const i of gone) removedItems.delete(i);
      continue;
    }
    if (l.seq.flow) {
      // Each run of removed elements goes with the commas that separate it from what stays.
      const items = l.seq.items as Node[];
      for (let i = 0; i < items.length; i++) {
        if (!removedItems.has(items[i]!)) continue;
        let j = i;
        while (j + 1 < items.length && removedItems.has(items[j + 1]!)) j++;
        const next = items[j + 1];
        if (next) edits.push({ start: range(items[i])[0], end: range(next)[0], insert: '' });
        else edits.push({ start: range(items[i - 1])[1], end: range(items[j])[1], insert: '' });
        i = j;
      }
      continue;
    }
    for (const i of gone) {
      const e = blockRemoval(i);
      if (e) edits.push(e);
      else {
        for (const op of removeOps.get(i) ?? [])
          refuse(op, 'the element is not written one per line; edit it by hand');
        removedItems.delete(i);
      }
    }
  }
  const live = (l: List) => !removedRules.has(l.rule) && !emptied(l);

  // --- additions -------------------------------------------------------------------------------

  const blockAdds = new Map<
    number,
    { key: string; lines: string[]; label: string; indent: string }[]
  >();
  const flowAdds = new Map<List, string[]>();
  const newRules: PendingRule[] = [];
  /** Values with the same ports after the same rule share one new rule. */
  const planRule = (
    after: Rule,
    key: ListKey,
    value: { value: string; match: string },
    ports: PortSpec,
    label: string | undefined,
  ): boolean => {
    if (dashOf(after.node) === undefined || after.egress.flow) return false;
    const same = newRules.find(
      (r) =>
        r.after === after &&
        r.key === key &&
        r.label === label &&
        r.ports.tcp.key() === ports.tcp.key() &&
        r.ports.udp.key() === ports.udp.key(),
    );
    if (!same) newRules.push({ after, key, values: [value], ports, label });
    else if (!same.values.some((v) => v.value === value.value)) same.values.push(value);
    return true;
  };
  const addLines = (after: number, key: string, add: string[], label: string) => {
    const list = blockAdds.get(after) ?? [];
    blockAdds.set(after, list);
    list.push({ key, lines: add, label, indent: /^[ \t]*/.exec(add[0] ?? '')![0] });
  };
  const present = new Set<string>();
  const addTo = (list: List, v: NewEntry, near: Dest | undefined, label: string) => {
    const mark = `${list.seq.range?.[0]}\u0000${listValue(list.key, v)}`;
    if (present.has(mark)) return;
    present.add(mark);
    if (list.seq.flow) {
      const out = flowAdds.get(list) ?? [];
      flowAdds.set(list, out);
      out.push(renderFlow(list, v));
      return;
    }
    const ds = destsOf.get(list)!;
    const values = ds.map((d) => (scalarText(d.value) ?? '').toLowerCase());
    const sorted = values.length > 1 && values.every((x, i) => i === 0 || values[i - 1]! < x);
    const items = list.seq.items as Node[];
    let after: number;
    if (sorted) {
      const value = listValue(list.key, v).toLowerCase();
      const before = ds.filter((d) => (scalarText(d.value) ?? '').toLowerCase() < value);
      const prev = before[before.length - 1];
      after = prev ? lastLine(prev.item) : firstLine(items[0]!) - 1;
    } else after = lastLine(near && near.list === list ? near.item : items[items.length - 1]!);
    addLines(after, listValue(list.key, v).toLowerCase(), renderElement(list, v), label);
  };
  /**
   * The list a value goes into: one whose rule has all its ports, else one whose rule has some of
   * them (the gap is closed by the next round, without widening the rule's other destinations),
   * nearest the finding.
   */
  const target = (v: NewEntry, near: Dest | undefined, line: number): List | undefined => {
    const keys: ListKey[] = v.kind === 'host' ? ['toFQDNs'] : ['to', 'toCIDRSet', 'toCIDR'];
    const candidates = lists.filter(
      (l) => keys.includes(l.key) && live(l) && destsOf.get(l)!.length > 0,
    );
    const shares = (have: PortSpec | undefined) =>
      !have ||
      (v.ports.tcp.isEmpty && v.ports.udp.isEmpty) ||
      have.tcp.intersects(v.ports.tcp) ||
      have.udp.intersects(v.ports.udp);
    const distance = (l: List) =>
      (covers(portsOf(l.rule), v.ports) ? 0 : 16) +
      (near && l === near.list ? 0 : 4) +
      (near && l.rule === near.list.rule ? 0 : 2) +
      (near && l.rule.policy === near.list.rule.policy ? 0 : 1) +
      Math.abs(lines.lineOf(range(l.seq)[0]) - line) / 1e7;
    return candidates
      .filter((l) => shares(portsOf(l.rule)))
      .sort((a, b) => distance(a) - distance(b))[0];
  };
  const add = (
    op: AllowlistOp,
    values: readonly NewEntry[],
    anchorLine: number,
    anchor?: Entry,
  ) => {
    const label = op.op === 'add' || op.op === 'replace' ? op.label.text : undefined;
    const near =
      (anchor && destOf(anchor)) ??
      file.entries
        .filter((e) => e.location.line === anchorLine)
        .map(destOf)
        .find((d) => d !== undefined) ??
      nearest(anchorLine);
    for (const v of values) {
      const list = target(v, near, anchorLine);
      if (list) {
        addTo(list, v, near, label ?? '');
        continue;
      }
      // No rule with the ports it needs: a rule of its own, after the rule of the finding.
      const flavours: Flavour[] = v.kind === 'host' ? ['cilium'] : ['kubernetes', 'cilium'];
      const rule =
        near && flavours.includes(near.list.rule.flavour) && !removedRules.has(near.list.rule)
          ? near.list.rule
          : rules.find((r) => flavours.includes(r.flavour) && !removedRules.has(r));
      if (!rule) {
        refuse(
          op,
          v.kind === 'host'
            ? `a Kubernetes NetworkPolicy cannot name hosts; allow ${v.value} in a CiliumNetworkPolicy (toFQDNs) or a proxy by hand`
            : `no egress rule in the file to add ${v.value} beside; add it by hand`,
        );
        continue;
      }
      const key: ListKey =
        v.kind === 'host'
          ? 'toFQDNs'
          : rule.flavour === 'kubernetes'
            ? 'to'
            : lists.some((l) => l.key === 'toCIDR') && !lists.some((l) => l.key === 'toCIDRSet')
              ? 'toCIDR'
              : 'toCIDRSet';
      const planned = planRule(
        rule,
        key,
        { value: listValue(key, v), match: keyFor(v) },
        v.ports,
        label,
      );
      if (!planned)
        refuse(
          op,
          `the egress rules are written in flow style; add a rule allowing ${v.value} (${describe(v.ports)}) by hand`,
        );
    }
  };
  const nearest = (line: number): Dest | undefined => {
    let best: Dest | undefined;
    for (const ds of destsOf.values())
      for (const d of ds) {
        const l = lines.lineOf(range(d.value)[0]);
        if (l <= line && (!best || l >= lines.lineOf(range(best.value)[0]))) best = d;
      }
    return best;
  };

  // --- port gaps -------------------------------------------------------------------------------

  const gaps = new Map<Rule, { op: AllowlistOp; entry: Entry; dest: Dest; gap: PortSpec }[]>();
  for (const op of ops) {
    if (op.op !== 'ports') continue;
    const d = destOf(op.entry);
    if (!d) {
      refuse(op, `cannot find "${op.entry.text}" in a destination list`);
      continue;
    }
    if (removedItems.has(d.item)) continue;
    const have = op.entry.ports ?? { tcp: PortSet.EMPTY, udp: PortSet.EMPTY };
    const gap = { tcp: op.ports.tcp.subtract(have.tcp), udp: op.ports.udp.subtract(have.udp) };
    if (gap.tcp.isEmpty && gap.udp.isEmpty) continue;
    const list = gaps.get(d.list.rule) ?? [];
    gaps.set(d.list.rule, list);
    list.push({ op, entry: op.entry, dest: d, gap });
  }
  const portEdits: TextEdit[] = [];
  for (const [rule, wanted] of gaps) {
    const key = (g: PortSpec) => `${g.tcp.key()}/${g.udp.key()}`;
    const all = lists
      .filter((l) => l.rule === rule)
      .flatMap((l) => l.seq.items.filter((i) => !removedItems.has(i as Node)));
    const otherSelectors =
      rule.flavour === 'cilium' &&
      (rule.node.items as Pair[]).some(
        (p) =>
          CILIUM_SELECTORS.has(scalarText(p.key) ?? '') &&
          !lists.some((l) => l.rule === rule && l.pair === p),
      );
    const k8sOthers =
      rule.flavour === 'kubernetes' && all.some((i) => !wanted.some((w) => w.dest.item === i));
    const every =
      !otherSelectors &&
      !k8sOthers &&
      all.every((i) => wanted.some((w) => w.dest.item === i)) &&
      new Set(wanted.map((w) => key(w.gap))).size === 1;
    if (every) {
      const e = extendPorts(rule, wanted[0]!.gap);
      if (e) {
        portEdits.push(e);
        continue;
      }
    }
    // The ports belong to the whole rule: a rule of their own for the destinations that need them.
    const byGap = new Map<string, typeof wanted>();
    for (const w of wanted) {
      const list = byGap.get(key(w.gap)) ?? [];
      byGap.set(key(w.gap), list);
      list.push(w);
    }
    for (const group of byGap.values())
      for (const w of group) {
        const d = w.dest;
        const match =
          isMap(d.item) && d.item.get('matchPattern', true) === d.value
            ? 'matchPattern'
            : 'matchName';
        // The destination as it is written, so that its meaning does not change.
        const planned = planRule(
          rule,
          d.list.key,
          {
            value:
              d.list.key === 'toFQDNs'
                ? (scalarText(d.value)?.trim() ?? w.entry.text)
                : w.entry.text,
            match,
          },
          w.gap,
          undefined,
        );
        if (!planned)
          refuse(
            w.op,
            `the egress rules are written in flow style; allow ${describe(w.gap)} for "${w.entry.text}" by hand`,
          );
      }
  }
  /** Ports added to the rule's own list (`ports:` or the first `toPorts` group without L7 rules). */
  function extendPorts(rule: Rule, gap: PortSpec): TextEdit | undefined {
    let seq: YAMLSeq | undefined;
    if (rule.flavour === 'kubernetes') {
      const v = rule.node.get('ports', true);
      if (isSeq(v)) seq = v;
    } else {
      const groups = rule.node.get('toPorts', true);
      if (isSeq(groups))
        for (const g of groups.items)
          if (isMap(g) && !g.has('rules')) {
            const p = g.get('ports', true);
            if (isSeq(p)) {
              seq = p;
              break;
            }
          }
    }
    const last = seq?.items[seq.items.length - 1] as Node | undefined;
    if (!seq || !last || seq.flow) return undefined;
    const dash = dashOf(last);
    if (dash === undefined) return undefined;
    const added = renderPorts(rule.flavour, gap, ' '.repeat(dash.indexOf('-')), 0);
    return insertLines(lines, lastLine(last), added);
  }

  for (const op of ops) {
    if (op.op === 'add') add(op, op.entries, op.anchor.line);
    else if (op.op === 'replace' && removedItems.has(destOf(op.entry)?.item as Node))
      add(op, op.entries, op.entry.location.line, op.entry);
  }

  append(edits, portEdits);
  for (const [after, list] of blockAdds) {
    // One comment line names the set above the values added for it.
    const out: string[] = [];
    let label: string | undefined;
    for (const l of list.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) {
      if (l.label && l.label !== label) out.push(`${l.indent.replace(/-.*$/, '')}# ${l.label}`);
      label = l.label;
      append(out, l.lines);
    }
    edits.push(insertLines(lines, after, out));
  }
  for (const [list, values] of flowAdds) {
    const items = list.seq.items.filter((i) => !removedItems.has(i as Node)) as Node[];
    const last = items[items.length - 1]!;
    const sep = flowSeparator(list.seq);
    edits.push({
      start: range(last)[1],
      end: range(last)[1],
      insert: [...values]
        .sort()
        .map((v) => `,${sep}${v}`)
        .join(''),
    });
  }
  for (const pending of newRules)
    edits.push(insertLines(lines, lastLine(pending.after.node), renderRule(pending)!));
  return { edits, refused };

  function flowSeparator(seq: YAMLSeq): string {
    const [a, b] = seq.items as Node[];
    if (!a || !b) return ' ';
    return text.slice(range(a)[1], range(b)[0]).replace(/^\s*,/, '') || ' ';
  }
  function portItems(r: Rule): YAMLMap[] {
    const out: YAMLMap[] = [];
    const collect = (seq: unknown) => {
      if (isSeq(seq)) for (const p of seq.items) if (isMap(p)) out.push(p);
    };
    if (r.flavour === 'kubernetes') collect(r.node.get('ports', true));
    else {
      const groups = r.node.get('toPorts', true);
      if (isSeq(groups)) for (const g of groups.items) if (isMap(g)) collect(g.get('ports', true));
    }
    return out;
  }
}
