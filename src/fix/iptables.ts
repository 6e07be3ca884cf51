import type { Entry } from '../model/entry.js';
import { parseIpBlock } from '../model/ip.js';
import type { PortSet, PortSpec } from '../model/ports.js';
import { insertLines, Lines, removeLines, type TextEdit } from './text.js';
import type {
  AllowlistOp,
  AllowlistWriter,
  EditableAllowlist,
  Refusal,
  WriterResult,
} from './writer.js';

/**
 * iptables-save files. A new destination is a rule of its own after the rule the finding names,
 * in that rule's chain and with its target, one per protocol the requirement needs
 * (`-p udp -m udp --dport 3478:3481`, `-m multiport --dports 80,443`); a port gap is such a rule
 * for the missing ports; a removed destination takes its rule line, or its place in a `-d a,b` list.
 */
export const IPTABLES_WRITER: AllowlistWriter = { edit: editIptables };

function editIptables(file: EditableAllowlist, ops: readonly AllowlistOp[]): WriterResult {
  const lines = new Lines(file.text);
  const edits: TextEdit[] = [];
  const refused: Refusal[] = [];
  const removed = new Set<Entry>();
  const added = new Map<number, string[]>();
  const onLine = (line: number) => file.entries.filter((e) => e.location.line === line);

  const rulesFor = (anchor: Entry, value: string, ports: PortSpec | undefined): string[] => {
    const rule = lines.get(anchor.location.line);
    const chain = /^-A\s+(\S+)/.exec(rule)?.[1] ?? 'OUTPUT';
    const target = /\s-j\s+(\S+)/.exec(rule)?.[1] ?? 'ACCEPT';
    if (!ports || !/\s-p\s/.test(rule)) {
      const start = anchor.location.column - 1;
      const end = rule.indexOf(' ', start);
      const list = rule.slice(start, end < 0 ? undefined : end);
      return [rule.slice(0, start) + value + rule.slice(start + list.length)];
    }
    const out: string[] = [];
    for (const proto of ['tcp', 'udp'] as const) {
      if (ports[proto].isEmpty) continue;
      out.push(`-A ${chain} -d ${value} -p ${proto} ${dport(proto, ports[proto])} -j ${target}`);
    }
    return out;
  };
  const add = (
    op: AllowlistOp,
    anchor: Entry | undefined,
    value: string,
    ports: PortSpec | undefined,
  ) => {
    if (!anchor || anchor.kind !== 'ip') {
      refused.push({
        finding: op.finding,
        reason: 'no rule in the file to add the destination beside',
      });
      return false;
    }
    const block = parseIpBlock(value);
    if (!block.ok || block.value.family !== anchor.block.family) {
      refused.push({
        finding: op.finding,
        reason: `${value} belongs in the IPv${block.ok ? block.value.family : '?'} rules (ip6tables-save for IPv6); add it there by hand`,
      });
      return false;
    }
    const list = added.get(anchor.location.line) ?? [];
    added.set(anchor.location.line, list);
    for (const rule of rulesFor(anchor, value, ports)) if (!list.includes(rule)) list.push(rule);
    return true;
  };

  for (const op of ops) {
    if (op.op === 'remove') removed.add(op.entry);
    else if (op.op === 'add') {
      const anchor =
        file.entries.find(
          (e) => e.location.line === op.anchor.line && e.location.column === op.anchor.column,
        ) ?? onLine(op.anchor.line)[0];
      for (const v of op.entries) add(op, anchor, v.value, v.ports);
    } else if (op.op === 'replace') {
      let ok = true;
      for (const v of op.entries) ok = add(op, op.entry, v.value, v.ports) && ok;
      if (ok) removed.add(op.entry);
    } else {
      const have = op.entry.ports;
      const gap: PortSpec | undefined = have
        ? { tcp: op.ports.tcp.subtract(have.tcp), udp: op.ports.udp.subtract(have.udp) }
        : undefined;
      if (!gap) continue;
      add(op, op.entry, op.entry.text, gap);
    }
  }

  const lineGone = new Set<number>();
  for (const e of removed) {
    const line = e.location.line;
    const all = onLine(line);
    if (all.every((x) => removed.has(x))) {
      if (!lineGone.has(line)) edits.push(removeLines(lines, line));
      lineGone.add(line);
      continue;
    }
    const start = lines.offset(line, e.location.column);
    const end = start + e.text.length;
    if (file.text[end] === ',') edits.push({ start, end: end + 1, insert: '' });
    else if (file.text[start - 1] === ',') edits.push({ start: start - 1, end, insert: '' });
  }
  for (const [line, rules] of added) edits.push(insertLines(lines, line, rules));
  return { edits, refused };
}

function dport(proto: 'tcp' | 'udp', ports: PortSet): string {
  const items = ports.ranges.map(([lo, hi]) => (lo === hi ? `${lo}` : `${lo}:${hi}`));
  if (ports.isAny) return `-m ${proto}`;
  if (items.length === 1) return `-m ${proto} --dport ${items[0]}`;
  return `-m multiport --dports ${items.join(',')}`;
}
