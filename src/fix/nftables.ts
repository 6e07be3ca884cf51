import type { Entry } from '../model/entry.js';
import { parseIpBlock } from '../model/ip.js';
import { PortSet } from '../model/ports.js';
import { Lines, type TextEdit } from './text.js';
import type {
  AllowlistOp,
  AllowlistWriter,
  EditableAllowlist,
  NewEntry,
  Refusal,
  WriterResult,
} from './writer.js';

/**
 * nftables: elements of named sets (`elements = { … }`) and of anonymous sets in rules
 * (`ip daddr { … }`). A new element goes after the element the finding names, in the layout of
 * the set (one per line, or inline); a removed element takes its comma; a port gap extends the
 * `tcp dport` / `udp dport` of the rule that accepts the set.
 */
export const NFTABLES_WRITER: AllowlistWriter = { edit: editNftables };

function editNftables(file: EditableAllowlist, ops: readonly AllowlistOp[]): WriterResult {
  const text = file.text;
  const lines = new Lines(text);
  const edits: TextEdit[] = [];
  const refused: Refusal[] = [];
  const startOf = (e: Entry) => lines.offset(e.location.line, e.location.column);
  const removed = new Set<Entry>();
  const inserted = new Map<Entry, { value: string; label: string }[]>();
  const portRules = new Map<number, { proto: 'tcp' | 'udp'; ports: PortSet }[]>();

  const removeOps = new Map<Entry, AllowlistOp>();
  const remove = (op: AllowlistOp, e: Entry) => {
    if (!removeOps.has(e)) removeOps.set(e, op);
  };
  const braceOf = (e: Entry) => text.lastIndexOf('{', startOf(e));

  /** One element per line (with its comma and comment), or elements inline. */
  const alone = (e: Entry) =>
    lines.get(e.location.line).replace(/#.*$/, '').trim().replace(/,$/, '') === e.text;

  const add = (
    op: AllowlistOp,
    values: readonly NewEntry[],
    anchor: Entry | undefined,
    label: string,
  ) => {
    if (!anchor) {
      refused.push({ finding: op.finding, reason: 'no set in the file to add the element to' });
      return;
    }
    for (const v of values) {
      const block = parseIpBlock(v.value);
      if (v.kind !== 'ip' || !block.ok) {
        refused.push({
          finding: op.finding,
          reason: `nftables sets hold addresses, not "${v.value}"`,
        });
        return;
      }
      if (anchor.kind === 'ip' && block.value.family !== anchor.block.family) {
        refused.push({
          finding: op.finding,
          reason: `the set of "${anchor.text}" holds IPv${anchor.block.family} addresses; add ${v.value} to an IPv${block.value.family} set by hand`,
        });
        return;
      }
      if (v.value.includes('/') && !intervalsAllowed(text, startOf(anchor))) {
        refused.push({
          finding: op.finding,
          reason: `the set of "${anchor.text}" has no "flags interval"; add it, then ${v.value}, by hand`,
        });
        return;
      }
    }
    const list = inserted.get(anchor) ?? [];
    inserted.set(anchor, list);
    for (const v of values)
      if (!list.some((l) => l.value === v.value)) list.push({ value: v.value, label });
  };

  for (const op of ops) {
    if (op.op === 'remove') remove(op, op.entry);
    else if (op.op === 'add') {
      const anchor =
        file.entries.find(
          (e) => e.location.line === op.anchor.line && e.location.column === op.anchor.column,
        ) ?? file.entries.find((e) => e.location.line === op.anchor.line);
      add(op, op.entries, anchor, op.label.text);
    } else if (op.op === 'replace') {
      remove(op, op.entry);
      add(op, op.entries, op.entry, op.label.text);
    } else {
      const rule = ruleLine(file, lines, op.entry);
      if (rule === undefined) {
        refused.push({
          finding: op.finding,
          reason: `cannot find the rule that accepts "${op.entry.text}"`,
        });
        continue;
      }
      const list = portRules.get(rule) ?? [];
      portRules.set(rule, list);
      for (const proto of ['tcp', 'udp'] as const)
        if (!op.ports[proto].isEmpty) list.push({ proto, ports: op.ports[proto] });
    }
  }

  // A set that would be left empty keeps its elements: nftables refuses an empty element list.
  for (const [e, op] of removeOps) {
    const open = braceOf(e);
    const inSet = file.entries.filter((x) => braceOf(x) === open);
    const adding = [...inserted].some(([a, v]) => braceOf(a) === open && v.length > 0);
    const left = inSet.filter((x) => !removeOps.has(x)).length;
    if (left === 0 && !adding) {
      refused.push({
        finding: op.finding,
        reason: `"${e.text}" is the last element of its set, which nftables cannot leave empty; remove the set or the rule by hand`,
      });
      continue;
    }
    removed.add(e);
  }

  // nftables accepts a comma after the last element, so neighbours never need theirs changed.
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  for (const e of new Set([...removed, ...inserted.keys()])) {
    const values = inserted.get(e) ?? [];
    const start = startOf(e);
    const end = start + e.text.length;
    const line = e.location.line;
    if (alone(e)) {
      const indent = /^\s*/.exec(lines.get(line))![0];
      const body = values.map((v) => `${indent}${v.value}, # ${v.label}${eol}`).join('');
      if (removed.has(e))
        edits.push({ start: lines.start(line), end: lines.end(line), insert: body });
      else {
        if (!/^\s*,/.test(text.slice(end))) edits.push({ start: end, end, insert: ',' });
        edits.push({ start: lines.end(line), end: lines.end(line), insert: body });
      }
      continue;
    }
    if (!removed.has(e)) {
      edits.push({ start: end, end, insert: values.map((v) => `, ${v.value}`).join('') });
      continue;
    }
    if (values.length > 0) {
      edits.push({ start, end, insert: values.map((v) => v.value).join(', ') });
      continue;
    }
    const after = /^\s*,[ \t]*/.exec(text.slice(end));
    if (after) edits.push({ start, end: end + after[0].length, insert: '' });
    else {
      let from = start;
      while (/\s/.test(text[from - 1]!)) from--;
      if (text[from - 1] === ',') from--;
      edits.push({ start: from, end, insert: '' });
    }
  }

  for (const [line, changes] of portRules) {
    const lineText = lines.get(line);
    for (const proto of ['tcp', 'udp'] as const) {
      const wanted = changes
        .filter((c) => c.proto === proto)
        .reduce((a, c) => a.union(c.ports), PortSet.EMPTY);
      if (wanted.isEmpty) continue;
      const m = new RegExp(`\\b${proto}\\s+dport\\s+(\\{[^}]*\\}|\\S+)`).exec(lineText);
      if (!m) continue;
      const at = lines.start(line) + m.index + m[0].length - m[1]!.length;
      const current = PortSet.parse(m[1]!.replace(/[{}]/g, '').replace(/,/g, ' '));
      if (!current.ok) continue;
      const all = current.value.union(wanted);
      if (all.key() === current.value.key()) continue;
      const items = all.ranges.map(([lo, hi]) => (lo === hi ? `${lo}` : `${lo}-${hi}`));
      edits.push({ start: at, end: at + m[1]!.length, insert: `{ ${items.join(', ')} }` });
    }
  }
  return { edits, refused };
}

/** The rule line that gives an element its ports: its own line, or a line naming its set. */
function ruleLine(file: EditableAllowlist, lines: Lines, e: Entry): number | undefined {
  const own = lines.get(e.location.line);
  if (/\bdport\b/.test(own)) return e.location.line;
  const before = file.text.slice(0, lines.offset(e.location.line, e.location.column));
  const set = /\bset\s+([A-Za-z0-9_]+)\s*\{[^}]*$/.exec(before.replace(/\{[^{}]*\}/g, ''));
  const name = set?.[1];
  if (!name) return undefined;
  for (let l = 1; l <= lines.count; l++)
    if (new RegExp(`@${name}\\b`).test(lines.get(l)) && /\bdport\b/.test(lines.get(l))) return l;
  return undefined;
}

/** Whether the set around `offset` takes prefixes: an anonymous set, or a named one with `flags interval`. */
function intervalsAllowed(text: string, offset: number): boolean {
  const before = text.slice(0, offset);
  const setAt = before.lastIndexOf('set ');
  const elementsAt = before.lastIndexOf('elements');
  if (elementsAt < 0 || setAt < 0 || elementsAt < setAt) return true;
  return /\bflags\b[^;\n]*\binterval\b/.test(text.slice(setAt, elementsAt));
}
