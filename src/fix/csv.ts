import type { Entry } from '../model/entry.js';
import type { PortSpec } from '../model/ports.js';
import { insertLines, Lines, removeLines, type TextEdit } from './text.js';
import type {
  AllowlistOp,
  AllowlistWriter,
  EditableAllowlist,
  Refusal,
  WriterResult,
} from './writer.js';

/**
 * CSV and TSV allowlists: a new value is a copy of the row the finding names with the value cell
 * replaced (its protocol, ports and other columns kept); a removed value takes its row. Ports are
 * cells whose layout the settings define, so a port gap is left for a person.
 */
export const CSV_WRITER: AllowlistWriter = { edit: editCsv };

function editCsv(file: EditableAllowlist, ops: readonly AllowlistOp[]): WriterResult {
  const lines = new Lines(file.text);
  const edits: TextEdit[] = [];
  const refused: Refusal[] = [];
  const gone = new Set<number>();
  const added = new Map<number, string[]>();
  const rowOf = (e: Entry): string | undefined => {
    const row = lines.get(e.location.line);
    const at = e.location.column - 1;
    return row.slice(at, at + e.text.length) === e.text ? row : undefined;
  };
  const copy = (
    op: AllowlistOp,
    place: Entry | undefined,
    value: string,
    ports: PortSpec,
  ): boolean => {
    // The model is the nearest row that stays and whose ports the value needs (a removed row would
    // lend its comment, another protocol's row its ports); the new row goes after `place`.
    const fits = (e: Entry) =>
      !e.ports || (e.ports.tcp.covers(ports.tcp) && e.ports.udp.covers(ports.udp));
    const shares = (e: Entry) =>
      !e.ports || e.ports.tcp.intersects(ports.tcp) || e.ports.udp.intersects(ports.udp);
    const anchor = place
      ? file.entries
          .filter(
            (e) => e.kind === place.kind && !gone.has(e.location.line) && shares(e) && rowOf(e),
          )
          .sort(
            (a, b) =>
              Number(fits(b)) - Number(fits(a)) ||
              Math.abs(a.location.line - place.location.line) -
                Math.abs(b.location.line - place.location.line),
          )[0]
      : undefined;
    const row = anchor && rowOf(anchor);
    if (!anchor || row === undefined) {
      refused.push({
        finding: op.finding,
        reason: `no row with any of the ports it needs to copy; add a row for ${value} (${[
          ports.tcp.isEmpty ? '' : `TCP ${ports.tcp.toString()}`,
          ports.udp.isEmpty ? '' : `UDP ${ports.udp.toString()}`,
        ]
          .filter(Boolean)
          .join(', ')}) by hand`,
      });
      return false;
    }
    const at = anchor.location.column - 1;
    const quoted = row[at - 1] === '"';
    const cell =
      quoted || !/[,;\t"]/.test(value)
        ? value.replace(/"/g, '""')
        : `"${value.replace(/"/g, '""')}"`;
    const after = place!.location.line;
    const list = added.get(after) ?? [];
    added.set(after, list);
    const line = row.slice(0, at) + cell + row.slice(at + anchor.text.length);
    if (!list.includes(line)) list.push(line);
    return true;
  };
  for (const op of ops) {
    if (op.op === 'remove' || op.op === 'replace') {
      if (
        rowOf(op.entry) !== undefined &&
        file.entries.filter((e) => e.location.line === op.entry.location.line).length === 1
      )
        gone.add(op.entry.location.line);
    }
  }
  for (const op of ops) {
    if (op.op === 'remove') {
      if (
        rowOf(op.entry) === undefined ||
        file.entries.filter((e) => e.location.line === op.entry.location.line).length > 1
      )
        refused.push({
          finding: op.finding,
          reason: 'the row holds more than this value; edit it by hand',
        });
      else gone.add(op.entry.location.line);
    } else if (op.op === 'ports') {
      refused.push({
        finding: op.finding,
        reason: `add a row allowing ${[op.ports.tcp.isEmpty ? '' : `TCP ${op.ports.tcp.toString()}`, op.ports.udp.isEmpty ? '' : `UDP ${op.ports.udp.toString()}`].filter(Boolean).join(' and ')} for "${op.entry.text}" by hand`,
      });
    } else {
      const anchor =
        op.op === 'replace'
          ? op.entry
          : (file.entries.find((e) => e.location.line === op.anchor.line) ??
            file.entries[file.entries.length - 1]);
      for (const v of op.entries) copy(op, anchor, v.value, v.ports);
    }
  }
  for (const line of gone) edits.push(removeLines(lines, line));
  for (const [line, rows] of added) edits.push(insertLines(lines, line, rows));
  return { edits, refused };
}
