import type { DnsRecord } from '../model/dns.js';
import { insertLines, Lines, removeLines, type TextEdit } from './text.js';
import type { DnsOp, DnsWriter, EditableDnsFile, Refusal, WriterResult } from './writer.js';

/**
 * BIND zone files (RFC 1035 master files). A changed value rewrites only the record's data; a
 * new record is a line after the records of its owner (never where an owner-less line below
 * would take it as its owner); a removed record takes its lines. The SOA serial of every zone
 * that changed is raised: a date serial (YYYYMMDDnn) becomes today's first, or the next, number.
 */
export function bindWriter(today: () => Date = () => new Date()): DnsWriter {
  return { edit: (file, ops) => editZone(file, ops, today()) };
}

interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** Tokens of a record from `offset` to the end of its (parenthesised) extent. */
function recordTokens(text: string, offset: number): { tokens: Token[]; end: number } {
  const tokens: Token[] = [];
  let depth = 0;
  let i = offset;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\n') {
      if (depth === 0) break;
      i++;
    } else if (c === ';') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '(') {
      depth++;
      i++;
    } else if (c === ')') {
      depth = Math.max(0, depth - 1);
      i++;
    } else if (c === ' ' || c === '\t' || c === '\r') i++;
    else {
      const start = i;
      if (c === '"') {
        i++;
        while (i < text.length && text[i] !== '"' && text[i] !== '\n')
          i += text[i] === '\\' ? 2 : 1;
        i++;
      } else while (i < text.length && !/[\s;()"]/.test(text[i]!)) i += text[i] === '\\' ? 2 : 1;
      tokens.push({ text: text.slice(start, i), start, end: i });
    }
  }
  return { tokens, end: i };
}

function editZone(file: EditableDnsFile, ops: readonly DnsOp[], now: Date): WriterResult {
  const lines = new Lines(file.text);
  const edits: TextEdit[] = [];
  const refused: Refusal[] = [];
  const changedZones = new Set<string>();
  const touched = new Set<number>();

  /** Last line of the record starting on `line` (a parenthesised record spans several). */
  const lastLine = (line: number): number =>
    lines.lineOf(Math.max(lines.start(line), recordTokens(file.text, lines.start(line)).end - 1));
  const ownerless = (line: number) => /^[ \t]/.test(lines.get(line));
  const isRecordLine = (line: number) => !/^\s*(?:;|$)/.test(lines.get(line));
  /** The next line that holds a record or directive, after `line`. */
  const nextRecordLine = (line: number): number | undefined => {
    for (let l = line + 1; l <= lines.count; l++) if (isRecordLine(l)) return l;
    return undefined;
  };
  /** A line with an owner whose next record inherits that owner cannot be dropped or renamed alone. */
  const ownerIsShared = (line: number): boolean => {
    if (ownerless(line)) return false;
    const next = nextRecordLine(lastLine(line));
    return next !== undefined && ownerless(next) && !lines.get(next).trim().startsWith('$');
  };

  for (const op of ops) {
    if (op.op === 'add') {
      let after = op.anchor.line > 0 ? lastLine(op.anchor.line) : lines.count;
      // Lines below without an owner inherit the owner above them: go past them.
      for (let next = nextRecordLine(after); next !== undefined && ownerless(next);) {
        if (lines.get(next).trim().startsWith('$')) break;
        after = lastLine(next);
        next = nextRecordLine(after);
      }
      const r = op.record;
      edits.push(
        insertLines(lines, after, [
          file.render(
            {
              name: r.name,
              type: r.type,
              ...(r.ttl !== undefined ? { ttl: r.ttl } : {}),
              data: r.data,
            },
            r.zone,
          ),
        ]),
      );
      changedZones.add(r.zone);
      continue;
    }
    const old = op.old;
    const line = old.location.line;
    if (touched.has(line)) continue;
    if (op.op === 'remove') {
      if (ownerIsShared(line)) {
        refused.push({ finding: op.finding, reason: sharedOwner(line) });
        continue;
      }
      touched.add(line);
      edits.push(removeLines(lines, line, lastLine(line)));
      changedZones.add(old.zone);
      continue;
    }
    const r = op.record;
    const sameOwner = r.name === old.name && r.type.toUpperCase() === old.type.toUpperCase();
    if (sameOwner && lastLine(line) === line) {
      // Only the data changes: keep the owner, TTL, class and alignment as written.
      const start = lines.offset(line, old.location.column);
      const { tokens } = recordTokens(file.text, start);
      const end = tokens[tokens.length - 1]?.end ?? start;
      edits.push({ start, end, insert: r.data });
    } else {
      if (ownerIsShared(line) && !sameOwner) {
        refused.push({ finding: op.finding, reason: sharedOwner(line) });
        continue;
      }
      const rendered = file.render(
        {
          name: r.name,
          type: r.type,
          ...(r.ttl !== undefined ? { ttl: r.ttl } : {}),
          data: r.data,
        },
        r.zone,
      );
      // An owner-less line stays owner-less when the owner does not change.
      const text = ownerless(line) && sameOwner ? withoutOwner(rendered) : rendered;
      edits.push(removeLines(lines, line, lastLine(line)));
      edits.push(insertLines(lines, lastLine(line), [text]));
    }
    touched.add(line);
    changedZones.add(old.zone);
  }

  for (const soa of file.records.filter((r) => r.type === 'SOA' && changedZones.has(r.zone))) {
    const edit = serialEdit(file.text, lines, soa, now);
    if (edit) edits.push(edit);
  }
  return { edits, refused };
}

function sharedOwner(line: number): string {
  return `the record at line ${line} names the owner of the owner-less lines below it; edit it by hand`;
}

/** `name 3600 IN TYPE data` → `\t3600 IN TYPE data`, for a line that inherits its owner. */
function withoutOwner(rendered: string): string {
  return rendered.replace(/^\S+/, '\t').replace(/^\t[ \t]+/, '\t');
}

/** The edit that raises the SOA serial, or undefined when it cannot be found. */
function serialEdit(text: string, lines: Lines, soa: DnsRecord, now: Date): TextEdit | undefined {
  const { tokens } = recordTokens(text, lines.start(soa.location.line));
  const at = tokens.findIndex((t) => t.text.toUpperCase() === 'SOA');
  const serial = at >= 0 ? tokens[at + 3] : undefined;
  if (!serial || !/^\d+$/.test(serial.text)) return undefined;
  return { start: serial.start, end: serial.end, insert: nextSerial(serial.text, now) };
}

/**
 * The next serial. A date serial (YYYYMMDDnn of a real day) stays one: today's `00` when it is
 * from an earlier day, else the next number. Any other serial grows by one (RFC 1982 wraps).
 */
export function nextSerial(serial: string, now: Date): string {
  const value = Number(serial);
  const today = `${now.getUTCFullYear()}${String(now.getUTCMonth() + 1).padStart(2, '0')}${String(now.getUTCDate()).padStart(2, '0')}`;
  if (/^\d{10}$/.test(serial) && isDate(serial.slice(0, 8))) {
    const candidate = Number(`${today}00`);
    if (candidate > value && candidate <= 0xffffffff) return String(candidate);
  }
  return String((value + 1) % 2 ** 32);
}

function isDate(text: string): boolean {
  const y = Number(text.slice(0, 4));
  const m = Number(text.slice(4, 6));
  const d = Number(text.slice(6, 8));
  if (y < 1970 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}
