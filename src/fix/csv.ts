import type { Entry } from '../model/entry.js';
import { PortSet, type PortSpec } from '../model/ports.js';
import { csvLayout, type CsvRole } from '../formats/allowlist/csv.js';
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
 * replaced (its protocol, ports and other columns kept); a removed value takes its row. A port
 * gap extends the row's port cell when that allows nothing more than the gap (the port column of
 * the gap's protocol, or a ports column whose row protocols are the gap's), else a copy of the row
 * with the destination and the missing ports alone follows it.
 */
export const CSV_WRITER: AllowlistWriter = { edit: editCsv };

function editCsv(file: EditableAllowlist, ops: readonly AllowlistOp[]): WriterResult {
  const lines = new Lines(file.text);
  const edits: TextEdit[] = [];
  const refused: Refusal[] = [];
  const gone = new Set<number>();
  const portOps: PortOp[] = [];
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
    // A removed row is the model only when no row stays (a file whose every row goes).
    const kept = file.entries.filter((e) => !gone.has(e.location.line));
    const pool = kept.some((e) => e.kind === place?.kind) ? kept : file.entries;
    const anchor = place
      ? pool
          .filter((e) => e.kind === place.kind && shares(e) && rowOf(e))
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
      portOps.push(op);
    } else {
      const anchor =
        op.op === 'replace'
          ? op.entry
          : (file.entries.find((e) => e.location.line === op.anchor.line) ??
            file.entries[file.entries.length - 1]);
      for (const v of op.entries) copy(op, anchor, v.value, v.ports);
    }
  }
  closePortGaps(file, lines, portOps, gone, edits, refused, added);
  for (const line of gone) edits.push(removeLines(lines, line));
  for (const [line, rows] of added) edits.push(insertLines(lines, line, rows));
  return { edits, refused };
}

type PortOp = Extract<AllowlistOp, { op: 'ports' }>;

interface CsvCell {
  readonly start: number;
  readonly end: number;
  readonly value: string;
  readonly quoted: boolean;
}

/** The cells of a one-line row, with where each is written (quotes included). */
function cellsOf(row: string, delimiter: string): CsvCell[] | undefined {
  const cells: CsvCell[] = [];
  let i = 0;
  for (;;) {
    const start = i;
    if (row[i] === '"') {
      let value = '';
      let k = i + 1;
      for (;;) {
        if (k >= row.length) return undefined;
        if (row[k] === '"') {
          if (row[k + 1] === '"') {
            value += '"';
            k += 2;
            continue;
          }
          break;
        }
        value += row[k++];
      }
      i = k + 1;
      cells.push({ start, end: i, value, quoted: true });
    } else {
      const end = row.indexOf(delimiter, i);
      i = end < 0 ? row.length : end;
      cells.push({ start, end: i, value: row.slice(start, i), quoted: false });
    }
    if (i >= row.length) return cells;
    if (row[i] !== delimiter) return undefined;
    i++;
  }
}

function protocolsOf(value: string): ('tcp' | 'udp')[] {
  const lower = value.toLowerCase();
  if (lower.trim() === '' || /\b(?:any|all|ip)\b/.test(lower)) return ['tcp', 'udp'];
  return (['tcp', 'udp'] as const).filter((p) => lower.includes(p));
}

const rangesOf = (set: PortSet) =>
  set.ranges.map(([lo, hi]) => (lo === hi ? `${lo}` : `${lo}-${hi}`));

const describe = (p: PortSpec) =>
  [p.tcp.isEmpty ? '' : `TCP ${p.tcp}`, p.udp.isEmpty ? '' : `UDP ${p.udp}`]
    .filter(Boolean)
    .join(' and ');

function closePortGaps(
  file: EditableAllowlist,
  lines: Lines,
  ops: readonly PortOp[],
  gone: ReadonlySet<number>,
  edits: TextEdit[],
  refused: Refusal[],
  added: Map<number, string[]>,
): void {
  if (ops.length === 0) return;
  const gapOf = (op: PortOp): PortSpec => {
    const have = op.entry.ports ?? { tcp: PortSet.EMPTY, udp: PortSet.EMPTY };
    return { tcp: op.ports.tcp.subtract(have.tcp), udp: op.ports.udp.subtract(have.udp) };
  };
  const byHand = (op: PortOp, why: string, gap = gapOf(op)) =>
    refused.push({
      finding: op.finding,
      reason: `${why}; add a row allowing ${describe(gap)} for "${op.entry.text}" by hand`,
    });
  const layout = csvLayout(file.text, file.settings ? { settings: file.settings } : undefined);
  const col = (role: CsvRole) => layout?.columns.get(role) ?? [];
  if (!layout || col('tcp').length + col('udp').length + col('ports').length === 0) {
    for (const op of ops)
      byHand(op, 'the file has no port column (name one with the setting "columns")');
    return;
  }
  const { delimiter } = layout;
  const portRows = new Map<number, number>();
  const byLine = new Map<number, PortOp[]>();
  for (const op of ops) {
    if (gone.has(op.entry.location.line)) continue;
    const list = byLine.get(op.entry.location.line) ?? [];
    byLine.set(op.entry.location.line, list);
    list.push(op);
  }
  for (const [line, group] of byLine) {
    const row = lines.get(line);
    const cells = cellsOf(row, delimiter);
    if (!cells) {
      for (const op of group) byHand(op, 'the row spans lines or its quotes do not close');
      continue;
    }
    const cellText = (value: string, like: CsvCell | undefined) =>
      like?.quoted || value.includes(delimiter) || value.includes('"')
        ? `"${value.replace(/"/g, '""')}"`
        : value;
    /** The row with some cells rewritten. */
    const rewrite = (values: ReadonlyMap<number, string>) => {
      const width = [...values.keys()].reduce((w, i) => Math.max(w, i + 1), cells.length);
      const out: string[] = [];
      for (let i = 0; i < width; i++) {
        const c = cells[i];
        const v = values.get(i);
        out.push(v === undefined ? (c ? row.slice(c.start, c.end) : '') : cellText(v, c));
      }
      return out.join(delimiter);
    };
    /** Items of a cell joined as the cell joins them already. */
    const itemSep = delimiter === ';' ? ',' : ';';
    const extended = (c: CsvCell | undefined, items: readonly string[]) => {
      const current = c?.value.trim() ?? '';
      const sep = /[,;|\s]+/.exec(current)?.[0] ?? itemSep;
      return [...(current === '' ? [] : [current]), ...items].join(sep);
    };
    const protocolCell = col('protocol')[0];
    const defaults = protocolsOf(
      col('protocol')
        .map((i) => cells[i]?.value ?? '')
        .join(' '),
    );
    const onRow = file.entries.filter((e) => e.location.line === line);
    const gaps = group.map(gapOf);
    const oneGap = gaps.every(
      (g) => g.tcp.key() === gaps[0]!.tcp.key() && g.udp.key() === gaps[0]!.udp.key(),
    );
    const whole = oneGap && onRow.every((e) => group.some((op) => op.entry === e));

    // In place: the port cell of each protocol of the gap, when that widens nothing else; what
    // it cannot carry gets rows of its own.
    const left = [...gaps];
    if (whole) {
      const gap = gaps[0]!;
      const values = new Map<number, string>();
      let done: PortSpec = { tcp: PortSet.EMPTY, udp: PortSet.EMPTY };
      const filled = (i: number | undefined) =>
        i !== undefined && (cells[i]?.value.trim() ?? '') !== '';
      for (const p of ['tcp', 'udp'] as const) {
        const own = col(p)[0];
        if (gap[p].isEmpty || !filled(own)) continue;
        values.set(own!, extended(cells[own!], rangesOf(gap[p])));
        done = { ...done, [p]: gap[p] };
      }
      // A ports column carries the row's protocols that have no column of their own.
      const portsCol = col('ports')[0];
      const carried = defaults.filter((q) => col(q).length === 0);
      const sets = carried.map((q) => gap[q]);
      if (
        filled(portsCol) &&
        sets.length > 0 &&
        sets.every((s) => !s.isEmpty && s.key() === sets[0]!.key())
      ) {
        values.set(portsCol!, extended(cells[portsCol!], rangesOf(sets[0]!)));
        for (const q of carried) done = { ...done, [q]: gap[q] };
      }
      if (values.size > 0) {
        edits.push({
          start: lines.start(line),
          end: lines.start(line) + row.length,
          insert: rewrite(values),
        });
        left.fill({ tcp: gap.tcp.subtract(done.tcp), udp: gap.udp.subtract(done.udp) });
      }
    }
    // A row of its own per destination and protocol, after this one.
    const destinationCols = [...col('value'), ...col('host'), ...col('ip')];
    for (const [n, op] of group.entries()) {
      const gap = left[n]!;
      const at = op.entry.location.column - 1;
      const cellIndex = cells.findIndex((c) => c.start <= at && at < c.end + 1);
      if (!destinationCols.includes(cellIndex)) {
        byHand(op, 'cannot tell which cell holds it');
        continue;
      }
      for (const p of ['tcp', 'udp'] as const) {
        if (gap[p].isEmpty) continue;
        const values = new Map<number, string>([[cellIndex, op.entry.text]]);
        for (const i of destinationCols) if (i !== cellIndex) values.set(i, '');
        const own = col(p)[0];
        const other = col(p === 'tcp' ? 'udp' : 'tcp')[0];
        const portsCol = col('ports')[0];
        if (own !== undefined) {
          values.set(own, rangesOf(gap[p]).join(itemSep));
          if (other !== undefined) values.set(other, '');
          if (portsCol !== undefined) values.set(portsCol, '');
        } else if (portsCol !== undefined) {
          const like = cells[protocolCell ?? -1]?.value ?? '';
          if (protocolCell !== undefined) {
            values.set(
              protocolCell,
              like === like.toUpperCase() && like !== '' ? p.toUpperCase() : p,
            );
            values.set(portsCol, rangesOf(gap[p]).join(itemSep));
          } else
            values.set(
              portsCol,
              rangesOf(gap[p])
                .map((r) => `${r}/${p}`)
                .join(itemSep),
            );
          if (other !== undefined) values.set(other, '');
        } else {
          byHand(op, `the file has no ${p.toUpperCase()} port column`, {
            tcp: p === 'tcp' ? gap.tcp : PortSet.EMPTY,
            udp: p === 'udp' ? gap.udp : PortSet.EMPTY,
          });
          continue;
        }
        // Right below the row it completes, before values added after that row.
        const list = added.get(line) ?? [];
        added.set(line, list);
        const text = rewrite(values);
        if (list.includes(text)) continue;
        const at = portRows.get(line) ?? 0;
        list.splice(at, 0, text);
        portRows.set(line, at + 1);
      }
    }
  }
}
