import {
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  Scalar,
  type Node,
  type Pair,
  type YAMLMap,
} from 'yaml';
import type { Entry } from '../model/entry.js';
import { PortSet } from '../model/ports.js';
import { groupBlocks, namesSet, placement, sortKey } from './lines.js';
import { insertLines, Lines, lineEnding, removeLines, type TextEdit } from './text.js';
import type {
  AllowlistOp,
  AllowlistWriter,
  EditableAllowlist,
  NewEntry,
  Refusal,
  SetLabel,
  WriterResult,
} from './writer.js';
import { append } from '../model/collections.js';

/**
 * Our YAML and JSON allowlists (`entries:` of `host`/`ip` items with `tcp`/`udp`). Items are
 * located through the YAML parser's source ranges and edited as text: a new item copies the
 * indentation and quoting of its neighbour, a port change rewrites one value, a removal takes
 * the item's lines (block style) or the item and one comma (flow style, JSON).
 */
export const STRUCTURED_WRITER: AllowlistWriter = { edit: editStructured };

interface Item {
  readonly node: YAMLMap;
  readonly entry: Entry | undefined;
  readonly first: number;
  readonly last: number;
}

type Pos = [number, number, number];

function range(node: Node | null | undefined): Pos {
  return (node?.range ?? [0, 0, 0]) as Pos;
}

function editStructured(file: EditableAllowlist, ops: readonly AllowlistOp[]): WriterResult {
  const edits: TextEdit[] = [];
  const refused: Refusal[] = [];
  const lines = new Lines(file.text);
  const doc = parseDocument(file.text);
  const seq = isMap(doc.contents) ? doc.contents.get('entries', true) : undefined;
  if (!isSeq(seq) || doc.errors.length > 0) {
    for (const op of ops)
      refused.push({ finding: op.finding, reason: `${file.path} has no readable "entries" list` });
    return { edits, refused };
  }
  const json = file.format.includes('json') || seq.flow === true;
  const items: Item[] = [];
  const entryAt = new Map<number, Entry>();
  for (const e of file.entries) entryAt.set(lines.offset(e.location.line, e.location.column), e);
  for (const node of seq.items) {
    if (!isMap(node)) continue;
    const valueNode = (node.items as Pair[]).find(
      (p) => isScalar(p.key) && (p.key.value === 'host' || p.key.value === 'ip'),
    )?.value as Node | undefined;
    const [from, to] = range(valueNode);
    // The entry's column is the value's first character, inside any quote.
    const entry =
      entryAt.get(from) ?? entryAt.get(from + 1) ?? (to > from ? entryAt.get(to) : undefined);
    const lastPair = node.items[node.items.length - 1] as Pair | undefined;
    const end = Math.max(range(node)[0], range(lastPair?.value as Node)[1] - 1);
    items.push({ node, entry, first: lines.lineOf(range(node)[0]), last: lines.lineOf(end) });
  }
  const byEntry = new Map<Entry, Item>();
  for (const i of items) if (i.entry) byEntry.set(i.entry, i);
  const byFirst = new Map<number, Item>();
  for (const i of items) if (!byFirst.has(i.first)) byFirst.set(i.first, i);
  const itemOf = (e: Entry) => byEntry.get(e);

  const removed = new Set<Item>();
  const remove = (op: AllowlistOp, entry: Entry): boolean => {
    const item = itemOf(entry);
    if (!item) {
      refused.push({ finding: op.finding, reason: `cannot find the item of "${entry.text}"` });
      return false;
    }
    if (removed.has(item)) return true;
    removed.add(item);
    if (!item.node.flow && !seq.flow) {
      edits.push(removeLines(lines, item.first, item.last));
      return true;
    }
    const index = items.indexOf(item);
    const next = items[index + 1];
    const previous = items[index - 1];
    const [start, , end] = range(item.node);
    const stop = range(item.node)[1];
    if (next) edits.push({ start, end: range(next.node)[0], insert: '' });
    else if (previous) edits.push({ start: range(previous.node)[1], end: stop, insert: '' });
    else edits.push({ start, end: Math.max(end, stop), insert: '' });
    return true;
  };

  const blocks = groupBlocks(
    lines,
    items
      .filter((i) => i.entry)
      .map((i) => ({ first: i.first, last: i.last, entries: [i.entry!] })),
  );
  const span = (e: Entry) => {
    const item = itemOf(e);
    return item
      ? { first: item.first, last: item.last }
      : { first: e.location.line, last: e.location.line };
  };
  const template = items.find((i) => i.entry) ?? items[0];
  const additions = new Map<number, { key: string; lines: string[] }[]>();
  const flowAdditions = new Map<Item, string[]>();
  const add = (
    op: AllowlistOp,
    entries: readonly NewEntry[],
    label: SetLabel,
    anchorLine: number,
  ) => {
    if (!template) {
      refused.push({
        finding: op.finding,
        reason: `${file.path} has no entry to copy the layout from`,
      });
      return;
    }
    const bySet = blocks.find((b) => namesSet(b.header, label));
    const block = bySet ?? blocks.find((b) => anchorLine >= b.first && anchorLine <= b.last);
    for (const entry of entries) {
      const { after, template: line } = placement(block, anchorLine, entry, lines, span);
      const model = byFirst.get(line) ?? template;
      const withPorts = (model.node.items as Pair[]).some(
        (p) => isScalar(p.key) && (p.key.value === 'tcp' || p.key.value === 'udp'),
      );
      if (model.node.flow || seq.flow) {
        const list = flowAdditions.get(model) ?? [];
        flowAdditions.set(model, list);
        list.push(renderFlow(file.text, model, entry, withPorts, label));
      } else {
        const list = additions.get(after) ?? [];
        additions.set(after, list);
        list.push({
          key: sortKey(entry),
          lines: renderBlock(lines, model, entry, withPorts, bySet ? undefined : label),
        });
      }
    }
  };

  const portChanges = new Map<Item, { tcp: PortSet; udp: PortSet }>();
  for (const op of ops) {
    if (op.op === 'remove') remove(op, op.entry);
    else if (op.op === 'add') add(op, op.entries, op.label, op.anchor.line);
    else if (op.op === 'replace') {
      if (remove(op, op.entry)) add(op, op.entries, op.label, op.entry.location.line);
    } else {
      const item = itemOf(op.entry);
      if (!item) {
        refused.push({ finding: op.finding, reason: `cannot find the item of "${op.entry.text}"` });
        continue;
      }
      const had = portChanges.get(item);
      portChanges.set(
        item,
        had ? { tcp: had.tcp.union(op.ports.tcp), udp: had.udp.union(op.ports.udp) } : op.ports,
      );
    }
  }
  // A removed item needs no new ports; several gaps of one item make one change.
  for (const [item, ports] of portChanges)
    if (!removed.has(item)) append(edits, portEdits(file.text, lines, item, ports, json));
  for (const [after, list] of additions)
    edits.push(
      insertLines(
        lines,
        after,
        list.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).flatMap((l) => l.lines),
      ),
    );
  for (const [model, list] of flowAdditions) {
    const at = range(model.node)[1];
    const sep = flowSeparator(file.text, items, model);
    edits.push({ start: at, end: at, insert: list.map((l) => `,${sep}${l}`).join('') });
  }
  return { edits, refused };
}

/** What stands between two items of a flow list (`,\n    ` → `\n    `). */
function flowSeparator(text: string, items: readonly Item[], model: Item): string {
  const i = items.indexOf(model);
  const pair: [Item, Item] | undefined = items[i + 1]
    ? [model, items[i + 1]!]
    : items[i - 1]
      ? [items[i - 1]!, model]
      : undefined;
  if (!pair) return ' ';
  const between = text.slice(range(pair[0].node)[1], range(pair[1].node)[0]);
  return between.replace(/^\s*,/, '') || ' ';
}

function styleOf(node: unknown): Scalar.Type | undefined {
  return isScalar(node) ? (node.type as Scalar.Type | undefined) : undefined;
}

function quoteAs(value: string, style: Scalar.Type | undefined, json: boolean): string {
  if (json || style === 'QUOTE_DOUBLE') return JSON.stringify(value);
  if (style === 'QUOTE_SINGLE') return `'${value.replace(/'/g, "''")}'`;
  // A plain scalar cannot start with `*` (an alias), `&`, `!`, `[`, `{` or hold `: ` or ` #`.
  if (/^[*&![{|>'"%@`,?:-]|: | #|^\s|\s$/.test(value) || value === '') return JSON.stringify(value);
  return value;
}

function portValue(ports: PortSet, node: unknown, json: boolean): string {
  const text = ports.toString();
  const style = styleOf(node);
  if (
    (style === 'PLAIN' || style === undefined) &&
    /^\d+$/.test(text) &&
    (!json || !isScalar(node) || typeof node.value === 'number')
  )
    return text;
  return quoteAs(
    text,
    style === 'PLAIN' && json ? 'QUOTE_DOUBLE' : (style ?? 'QUOTE_DOUBLE'),
    json,
  );
}

function pairOf(node: YAMLMap, key: string): Pair | undefined {
  return (node.items as Pair[]).find((p) => isScalar(p.key) && p.key.value === key);
}

function renderBlock(
  lines: Lines,
  model: Item,
  entry: NewEntry,
  withPorts: boolean,
  label: SetLabel | undefined,
): string[] {
  const first = lines.get(model.first);
  const keyColumn = range(model.node)[0] - lines.start(model.first);
  const dash = first.slice(0, keyColumn);
  const keyIndent = ' '.repeat(keyColumn);
  const valueNode = (pairOf(model.node, 'host') ?? pairOf(model.node, 'ip'))?.value;
  const head = `${dash}${entry.kind}: ${quoteAs(entry.value, styleOf(valueNode), false)}${label ? `  # ${label.text}` : ''}`;
  const out = [head];
  if (withPorts) {
    for (const proto of ['tcp', 'udp'] as const) {
      if (entry.ports[proto].isEmpty) continue;
      const like = pairOf(model.node, proto)?.value ?? pairOf(model.node, 'tcp')?.value;
      out.push(
        `${keyIndent}${proto}: ${styledPorts(lines.text, like, entry.ports[proto]) ?? portValue(entry.ports[proto], like, false)}`,
      );
    }
  }
  return out;
}

function renderFlow(
  text: string,
  model: Item,
  entry: NewEntry,
  withPorts: boolean,
  label: SetLabel,
): string {
  const source = text.slice(range(model.node)[0], range(model.node)[1]);
  const quotedKeys = /^\{\s*"/.test(source);
  const key = (k: string) => (quotedKeys ? `"${k}"` : k);
  const parts = [`${key(entry.kind)}: ${JSON.stringify(entry.value)}`];
  if (withPorts)
    for (const proto of ['tcp', 'udp'] as const) {
      if (entry.ports[proto].isEmpty) continue;
      parts.push(
        `${key(proto)}: ${portValue(entry.ports[proto], pairOf(model.node, proto)?.value, true)}`,
      );
    }
  parts.push(`${key('comment')}: ${JSON.stringify(label.text)}`);
  if (!source.includes('\n')) {
    const pad = /^\{\s/.test(source) ? ' ' : '';
    return `{${pad}${parts.join(', ')}${pad}}`;
  }
  const eol = lineEnding(text);
  const inner = /\n([ \t]*)\S/.exec(source)?.[1] ?? '  ';
  const close = /\n([ \t]*)\}\s*$/.exec(source)?.[1] ?? '';
  return `{${eol}${parts.map((p) => `${inner}${p}`).join(`,${eol}`)}${eol}${close}}`;
}

function portEdits(
  text: string,
  lines: Lines,
  item: Item,
  ports: { tcp: PortSet; udp: PortSet },
  json: boolean,
): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const proto of ['tcp', 'udp'] as const) {
    if (ports[proto].isEmpty) continue;
    const pair = pairOf(item.node, proto);
    if (pair) {
      const [start, end] = range(pair.value as Node);
      const value =
        extendPorts(text.slice(start, end), ports[proto]) ??
        portValue(ports[proto], pair.value, json);
      if (text.slice(start, end) !== value) edits.push({ start, end, insert: value });
      continue;
    }
    const last = item.node.items[item.node.items.length - 1] as Pair;
    const keyQuoted = json || styleOf(last.key) === 'QUOTE_DOUBLE';
    const key = keyQuoted ? `"${proto}"` : proto;
    if (item.node.flow) {
      const at = range(last.value as Node)[1];
      edits.push({
        start: at,
        end: at,
        insert: `, ${key}: ${portValue(ports[proto], undefined, json)}`,
      });
    } else {
      const keyLine = lines.lineOf(range(last.key as Node)[0]);
      const keyColumn = range(last.key as Node)[0] - lines.start(keyLine);
      edits.push(
        insertLines(lines, item.last, [
          `${' '.repeat(keyColumn)}${key}: ${portValue(ports[proto], pairOf(item.node, 'tcp')?.value, json)}`,
        ]),
      );
    }
  }
  return edits;
}

/**
 * The written port list with the new ports appended in its own style (`"443,3478,3479,3480"` →
 * `"443,3478,3479,3480,3481"`), or undefined when the value is not a list that can grow so.
 */
function extendPorts(written: string, wanted: PortSet): string | undefined {
  const m = /^(["']?)([\d\s,;-]+?)\1$/.exec(written);
  if (!m) return undefined;
  const quote = m[1]!;
  const current = PortSet.parse(m[2]!);
  if (!current.ok || !wanted.covers(current.value)) return undefined;
  const extra = wanted.subtract(current.value);
  if (extra.isEmpty) return written;
  const separator = /,\s/.test(m[2]!) ? ', ' : /;/.test(m[2]!) ? ';' : ',';
  const singles = !m[2]!.includes('-');
  // A list written with ranges is rewritten whole, so that a range grows instead of gaining a neighbour.
  if (!singles)
    return `${quote || '"'}${wanted.ranges.map(([lo, hi]) => (lo === hi ? `${lo}` : `${lo}-${hi}`)).join(separator)}${quote || '"'}`;
  const listed = m[2]!
    .split(/[,;\s]+/)
    .filter(Boolean)
    .map(Number);
  const ascending = listed.every((p, i) => i === 0 || listed[i - 1]! < p);
  // A sorted list stays sorted (and keeps its bytes up to the first new port); others grow at the end.
  const items = (ascending ? wanted : extra).ranges.flatMap(([lo, hi]) =>
    singles && hi - lo < 8
      ? Array.from({ length: hi - lo + 1 }, (_, i) => String(lo + i))
      : [lo === hi ? `${lo}` : `${lo}-${hi}`],
  );
  if (ascending) return `${quote || '"'}${items.join(separator)}${quote || '"'}`;
  if (!quote && !/[,;\s-]/.test(m[2]!) && items.length > 0) {
    // A bare number (`tcp: 443`) becomes a quoted list.
    return `"${[m[2]!, ...items].join(',')}"`;
  }
  return `${quote}${[m[2]!, ...items].join(separator)}${quote}`;
}

/** New ports written like a neighbour's list: its quotes, separator, and single ports or ranges. */
function styledPorts(text: string, like: unknown, ports: PortSet): string | undefined {
  if (!isScalar(like) || ports.isAny) return undefined;
  const [start, end] = range(like as Node);
  const written = text.slice(start, end);
  const m = /^(["']?)([\d\s,;-]+?)\1$/.exec(written);
  if (!m || (!m[1] && /[,;\s-]/.test(ports.toString()) === false)) return undefined;
  const quote = m[1] || '"';
  const separator = /,\s/.test(m[2]!) ? ', ' : /;/.test(m[2]!) ? ';' : ',';
  const singles = !m[2]!.includes('-');
  const items = ports.ranges.flatMap(([lo, hi]) =>
    singles && hi - lo < 8
      ? Array.from({ length: hi - lo + 1 }, (_, i) => String(lo + i))
      : [lo === hi ? `${lo}` : `${lo}-${hi}`],
  );
  return `${quote}${items.join(separator)}${quote}`;
}
