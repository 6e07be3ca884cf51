import {
  isMap,
  isScalar,
  isSeq,
  parse,
  parseDocument,
  type Node,
  type Pair,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import {
  applyEdits,
  indentOf,
  insertLines,
  lineEnding,
  Lines,
  removeLines,
  type TextEdit,
} from './text.js';
import type { DnsOp, DnsWriter, EditableDnsFile, Refusal, WriterResult } from './writer.js';

/**
 * Our DNS records file (`endpoint-drift: dns/v1`), YAML or JSON: a new record is an item after the
 * records of its owner, copying the list's indentation (in JSON, the layout of its objects); a
 * changed value rewrites the `value` scalar alone; a removed record takes its item's lines (in
 * JSON, its object and the comma that separates it).
 */
export const DNS_YAML_WRITER: DnsWriter = { edit: editDnsYaml };

type Pos = [number, number, number];
const range = (n: unknown): Pos => ((n as Node | null | undefined)?.range ?? [0, 0, 0]) as Pos;

interface Item {
  readonly node: YAMLMap;
  readonly first: number;
  readonly last: number;
}

function editDnsYaml(file: EditableDnsFile, ops: readonly DnsOp[]): WriterResult {
  const edits: TextEdit[] = [];
  const refused: Refusal[] = [];
  const lines = new Lines(file.text);
  const doc = parseDocument(file.text);
  const seq = isMap(doc.contents) ? doc.contents.get('records', true) : undefined;
  if (isSeq(seq) && seq.flow && doc.errors.length === 0 && /^\s*\{/.test(file.text))
    return editDnsJson(file, lines, seq, ops);
  if (!isSeq(seq) || seq.flow || doc.errors.length > 0) {
    for (const op of ops)
      refused.push({
        finding: op.finding,
        reason: `fix edits block-style YAML records only; ${file.path} is written otherwise: ${op.op === 'remove' ? 'remove the record' : 'write the record the finding gives'} by hand`,
      });
    return { edits, refused };
  }
  const items: Item[] = seq.items.filter(isMap).map((node) => {
    const last = node.items[node.items.length - 1] as Pair | undefined;
    return {
      node,
      first: lines.lineOf(range(node)[0]),
      last: lines.lineOf(Math.max(range(node)[0], range(last?.value)[1] - 1)),
    };
  });
  const itemAt = (line: number) => items.find((i) => line >= i.first && line <= i.last);
  const dash = items[0]
    ? lines.get(items[0].first).slice(0, range(items[0].node)[0] - lines.start(items[0].first))
    : '  - ';
  const asItem = (rendered: string): string[] =>
    rendered
      .split('\n')
      .map((l, i) => (i === 0 ? dash + l.slice(2) : ' '.repeat(dash.length) + l.slice(2)));
  const touched = new Set<Item>();

  for (const op of ops) {
    if (op.op === 'add') {
      const r = op.record;
      const anchor = op.anchor.line > 0 ? itemAt(op.anchor.line) : undefined;
      const after = anchor?.last ?? items[items.length - 1]?.last ?? lines.count;
      edits.push(
        insertLines(
          lines,
          after,
          asItem(
            file.render(
              {
                name: r.name,
                type: r.type,
                ...(r.ttl !== undefined ? { ttl: r.ttl } : {}),
                data: r.data,
              },
              r.zone,
            ),
          ),
        ),
      );
      continue;
    }
    const item = itemAt(op.old.location.line);
    if (!item || touched.has(item)) {
      if (!item) refused.push({ finding: op.finding, reason: 'cannot find the record’s item' });
      continue;
    }
    const values = (item.node.items as Pair[]).find(
      (p) => isScalar(p.key) && p.key.value === 'values',
    );
    if (values) {
      refused.push({
        finding: op.finding,
        reason: 'the record is one of several values of its item; edit the list by hand',
      });
      continue;
    }
    touched.add(item);
    if (op.op === 'remove') {
      edits.push(removeLines(lines, item.first, item.last));
      continue;
    }
    const r = op.record;
    const rendered = asItem(
      file.render(
        {
          name: r.name,
          type: r.type,
          ...(r.ttl !== undefined ? { ttl: r.ttl } : {}),
          data: r.data,
        },
        r.zone,
      ),
    );
    const value = (item.node.items as Pair[]).find(
      (p) => isScalar(p.key) && p.key.value === 'value',
    );
    const sameOwner = r.name === op.old.name && r.type.toUpperCase() === op.old.type.toUpperCase();
    if (sameOwner && value && isScalar(value.value)) {
      const newValue = /^\s*value: (.*)$/.exec(rendered[rendered.length - 1]!)?.[1];
      if (newValue !== undefined) {
        const [start, end] = range(value.value);
        edits.push({ start, end, insert: newValue });
        continue;
      }
    }
    edits.push(removeLines(lines, item.first, item.last), insertLines(lines, item.last, rendered));
  }
  return { edits, refused };
}

/** The JSON flavour: the `records` array's objects, written like their neighbours. */
function editDnsJson(
  file: EditableDnsFile,
  lines: Lines,
  seq: YAMLSeq,
  ops: readonly DnsOp[],
): WriterResult {
  const text = file.text;
  const eol = lineEnding(text);
  const edits: TextEdit[] = [];
  const refused: Refusal[] = [];
  const items = seq.items.filter(isMap);
  const start = (i: YAMLMap) => range(i)[0];
  const end = (i: YAMLMap) => range(i)[1];
  const itemAt = (line: number) =>
    items.find((i) => line >= lines.lineOf(start(i)) && line <= lines.lineOf(end(i) - 1));
  const fields = (r: { name: string; type: string; ttl?: number; data: string; zone: string }) =>
    (
      parse(
        file.render(
          {
            name: r.name,
            type: r.type,
            ...(r.ttl !== undefined ? { ttl: r.ttl } : {}),
            data: r.data,
          },
          r.zone,
        ),
      ) as Record<string, unknown>[]
    )[0]!;
  /** An object in the layout of the first one: on one line, or one key a line. */
  const render = (obj: Record<string, unknown>): string => {
    const like = items[0];
    const source = like ? text.slice(start(like), end(like)) : '{ }';
    const pairs = Object.entries(obj).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`);
    if (!source.includes('\n')) {
      const pad = /^\{\s/.test(source) ? ' ' : '';
      return `{${pad}${pairs.join(', ')}${pad}}`;
    }
    const firstKey = (like!.items[0] as Pair).key;
    const keyIndent = indentOf(lines.get(lines.lineOf(range(firstKey)[0])));
    const closing = indentOf(lines.get(lines.lineOf(end(like!) - 1)));
    return `{${eol}${pairs.map((p) => keyIndent + p).join(`,${eol}`)}${eol}${closing}}`;
  };
  const separator = (): string => {
    const [a, b] = items;
    if (a && b) return text.slice(end(a), start(b)).replace(/^\s*,/, '');
    return a ? `${eol}${indentOf(lines.get(lines.lineOf(start(a))))}` : ' ';
  };

  const removed = new Set<YAMLMap>();
  const touched = new Set<YAMLMap>();
  for (const op of ops) {
    if (op.op === 'add') continue;
    const item = itemAt(op.old.location.line);
    if (!item || touched.has(item)) {
      if (!item) refused.push({ finding: op.finding, reason: 'cannot find the record’s object' });
      continue;
    }
    touched.add(item);
    if (op.op === 'remove') {
      removed.add(item);
      continue;
    }
    const r = op.record;
    const value = (item.items as Pair[]).find((p) => isScalar(p.key) && p.key.value === 'value');
    const sameOwner = r.name === op.old.name && r.type.toUpperCase() === op.old.type.toUpperCase();
    const obj = fields(r);
    if (sameOwner && value && isScalar(value.value)) {
      const [s, e] = range(value.value);
      edits.push({ start: s, end: e, insert: JSON.stringify(obj.value) });
    } else edits.push({ start: start(item), end: end(item), insert: render(obj) });
  }
  // Runs of removed objects go with the commas between them and what stays.
  for (let i = 0; i < items.length; i++) {
    if (!removed.has(items[i]!)) continue;
    let j = i;
    while (j + 1 < items.length && removed.has(items[j + 1]!)) j++;
    const next = items[j + 1];
    const prev = items[i - 1];
    if (next) edits.push({ start: start(items[i]!), end: start(next), insert: '' });
    else if (prev) edits.push({ start: end(prev), end: end(items[j]!), insert: '' });
    else edits.push({ start: start(items[i]!), end: end(items[j]!), insert: '' });
    i = j;
  }
  const kept = items.filter((i) => !removed.has(i));
  const sep = separator();
  for (const op of ops) {
    if (op.op !== 'add') continue;
    const anchor = op.anchor.line > 0 ? itemAt(op.anchor.line) : undefined;
    // After the anchor, or the nearest object before it that stays.
    const after =
      (anchor && [...kept].reverse().find((k) => start(k) <= start(anchor))) ??
      kept[kept.length - 1];
    if (!after) {
      refused.push({
        finding: op.finding,
        reason:
          'no record object stays to write it beside; write the record the finding gives by hand',
      });
      continue;
    }
    edits.push({
      start: end(after),
      end: end(after),
      insert: `,${sep}${render(fields(op.record))}`,
    });
  }
  try {
    JSON.parse(applyEdits(text, edits));
  } catch {
    return {
      edits: [],
      refused: [
        ...refused,
        ...ops.map((op) => ({
          finding: op.finding,
          reason: 'the change would leave the JSON unreadable; make it by hand',
        })),
      ],
    };
  }
  return { edits, refused };
}
