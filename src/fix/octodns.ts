import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import { insertLines, Lines, removeLines, type TextEdit } from './text.js';
import type { DnsOp, DnsWriter, EditableDnsFile, Refusal, WriterResult } from './writer.js';

/**
 * octoDNS zone files: top-level keys are owner names, each a record mapping or a list of them.
 * A new name goes where octoDNS's sort order puts it (it refuses files out of order); a new record
 * of an existing name joins its list (a single mapping becomes a list of two); a changed record
 * is rewritten in place; a removed record takes its lines.
 */
export const OCTODNS_WRITER: DnsWriter = { edit: editOctodns };

type Pos = [number, number, number];
const range = (n: unknown): Pos => ((n as Node | null | undefined)?.range ?? [0, 0, 0]) as Pos;

interface Owner {
  readonly key: string;
  readonly pair: Pair;
  readonly keyLine: number;
  readonly last: number;
  /** The records: one mapping, or the items of a list. */
  readonly records: readonly { node: YAMLMap; first: number; last: number }[];
  readonly list: boolean;
}

function editOctodns(file: EditableDnsFile, ops: readonly DnsOp[]): WriterResult {
  const edits: TextEdit[] = [];
  const refused: Refusal[] = [];
  const lines = new Lines(file.text);
  const doc = parseDocument(file.text);
  if (!isMap(doc.contents) || doc.contents.flow || doc.errors.length > 0) {
    for (const op of ops)
      refused.push({
        finding: op.finding,
        reason: `${file.path} is not a block-style octoDNS zone`,
      });
    return { edits, refused };
  }
  const lastLineOf = (node: unknown): number => {
    let end = range(node)[1];
    if (isMap(node) || isSeq(node)) {
      const items = (node as YAMLMap).items as unknown[];
      const last = items[items.length - 1];
      end = isMap(node) ? range((last as Pair).value)[1] : range(last)[1];
      if (isMap(node) && (isMap((last as Pair).value) || isSeq((last as Pair).value)))
        return lastLineOf((last as Pair).value);
      if (isSeq(node) && (isMap(last) || isSeq(last))) return lastLineOf(last);
    }
    return lines.lineOf(Math.max(range(node)[0], end - 1));
  };
  const owners: Owner[] = (doc.contents.items as Pair[]).map((pair) => {
    const key = isScalar(pair.key) ? String(pair.key.value ?? '') : '';
    const value = pair.value;
    const nodes = isSeq(value) ? value.items.filter(isMap) : isMap(value) ? [value] : [];
    return {
      key,
      pair,
      keyLine: lines.lineOf(range(pair.key)[0]),
      last: lastLineOf(value),
      records: nodes.map((node) => ({
        node,
        first: lines.lineOf(range(node)[0]),
        last: lastLineOf(node),
      })),
      list: isSeq(value),
    };
  });
  const ownerOf = (line: number) => owners.find((o) => line >= o.keyLine && line <= o.last);
  const body = (op: {
    record: { name: string; type: string; ttl?: number; data: string; zone: string };
  }) => {
    const r = op.record;
    const rendered = file
      .render(
        {
          name: r.name,
          type: r.type,
          ...(r.ttl !== undefined ? { ttl: r.ttl } : {}),
          data: r.data,
        },
        r.zone,
      )
      .split('\n');
    return { key: rendered[0]!, body: rendered.slice(1).map((l) => l.slice(2)) };
  };
  /** `'autodiscover':` → `autodiscover`, `'':` → ``. */
  const relativeOf = (key: string) =>
    key
      .replace(/:$/, '')
      .replace(/^''$/, '')
      .replace(/^'(.*)'$/, '$1');
  const asItem = (lines_: readonly string[], dash: string) =>
    lines_.map((l, i) => (i === 0 ? dash + l : ' '.repeat(dash.length) + l));
  const touched = new Set<YAMLMap>();
  /** Names the zone does not have yet: one key each, a list when it takes several records. */
  const newOwners = new Map<string, { after: number; key: string; records: string[][] }>();
  const converted = new Set<Owner>();

  const addRecord = (op: DnsOp & { op: 'add' | 'replace' }) => {
    const { key, body: lines_ } = body(op);
    const relative = relativeOf(key);
    const owner = owners.find((o) => o.key === relative);
    if (!owner) {
      const next = owners.find((o) => compareNames(o.key, relative) > 0);
      const after = next ? next.keyLine - 1 : lines.count;
      const pending = newOwners.get(relative) ?? { after, key, records: [] };
      newOwners.set(relative, pending);
      pending.records.push(lines_);
      return;
    }
    if (owner.list) {
      const first = owner.records[0];
      const dash = first
        ? lines.get(first.first).slice(0, range(first.node)[0] - lines.start(first.first))
        : '  - ';
      edits.push(insertLines(lines, owner.last, asItem(lines_, dash)));
      return;
    }
    // One mapping becomes the first item of a list.
    if (!converted.has(owner)) {
      converted.add(owner);
      const record = owner.records[0]!;
      for (let l = record.first; l <= record.last; l++) {
        const start = lines.start(l);
        const text = lines.get(l);
        const indent = /^ */.exec(text)![0].length;
        if (l === record.first)
          edits.push({
            start,
            end: start + indent,
            insert: `${' '.repeat(Math.max(0, indent - 2) + 2)}- `,
          });
        else if (text.trim() !== '') edits.push({ start, end: start, insert: '  ' });
      }
    }
    edits.push(insertLines(lines, owner.last, asItem(lines_, '  - ')));
  };

  const adds: (DnsOp & { op: 'add' })[] = [];
  for (const op of ops) {
    if (op.op === 'add') {
      adds.push(op);
      continue;
    }
    const owner = ownerOf(op.old.location.line);
    const record = owner?.records.find(
      (r) => op.old.location.line >= r.first && op.old.location.line <= r.last,
    );
    if (!owner || !record) {
      refused.push({ finding: op.finding, reason: 'cannot find the record in the zone' });
      continue;
    }
    if (touched.has(record.node)) continue;
    const values = (record.node.items as Pair[]).find(
      (p) => isScalar(p.key) && p.key.value === 'values',
    );
    if (values && isSeq(values.value) && values.value.items.length > 1) {
      refused.push({
        finding: op.finding,
        reason: 'the record is one of several values of its record set; edit the list by hand',
      });
      continue;
    }
    touched.add(record.node);
    const only = !owner.list || owner.records.length === 1;
    if (op.op === 'remove') {
      if (only) edits.push(removeLines(lines, owner.keyLine, owner.last));
      else edits.push(removeLines(lines, record.first, record.last));
      continue;
    }
    const sameOwner = op.record.name === op.old.name;
    if (!sameOwner) {
      edits.push(
        only
          ? removeLines(lines, owner.keyLine, owner.last)
          : removeLines(lines, record.first, record.last),
      );
      addRecord(op);
      continue;
    }
    const { body: lines_ } = body(op);
    const prefix = lines
      .get(record.first)
      .slice(0, range(record.node)[0] - lines.start(record.first));
    const replacement = owner.list
      ? asItem(lines_, prefix)
      : lines_.map((l) => ' '.repeat(prefix.length) + l);
    edits.push(
      removeLines(lines, record.first, record.last),
      insertLines(lines, record.last, replacement),
    );
  }
  for (const op of adds) {
    const owner = owners.find((o) => o.key === relativeOf(body(op).key));
    // A name whose record changes in this pass takes the new record in the next one, on the
    // changed text (turning a mapping into a list there would overlap the change).
    if (owner && owner.records.some((r) => touched.has(r.node))) {
      refused.push({
        finding: op.finding,
        reason: 'another record of the name changes first; run fix again',
      });
      continue;
    }
    addRecord(op);
  }
  // After whatever the owner before them gets at the same place (a record added to its list).
  for (const { after, key, records } of newOwners.values())
    edits.push(
      insertLines(lines, after, [
        key,
        ...(records.length === 1
          ? records[0]!.map((l) => `  ${l}`)
          : records.flatMap((r) => asItem(r, '  - '))),
      ]),
    );
  return { edits, refused };
}

/** octoDNS's order of names: natural sort (digit runs compare as numbers), '' first. */
export function compareNames(a: string, b: string): number {
  const split = (s: string) => s.toLowerCase().split(/(\d+)/);
  const x = split(a);
  const y = split(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const p = x[i]!;
    const q = y[i]!;
    if (p === q) continue;
    if (i % 2 === 1) return Number(p) - Number(q) || (p < q ? -1 : 1);
    return p < q ? -1 : 1;
  }
  return x.length - y.length;
}
