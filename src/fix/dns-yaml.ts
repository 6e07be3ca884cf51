import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import { insertLines, Lines, removeLines, type TextEdit } from './text.js';
import type { DnsOp, DnsWriter, EditableDnsFile, Refusal, WriterResult } from './writer.js';

/**
 * Our DNS records file (`endpoint-drift: dns/v1`, block YAML): a new record is an item after the
 * records of its owner, copying the list's indentation; a changed value rewrites the `value`
 * scalar alone; a removed record takes its item's lines.
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
