import type { Entry } from '../model/entry.js';
import { IpBlock, parseIpBlock } from '../model/ip.js';
import type {
  AllowlistOp,
  AllowlistWriter,
  EditableAllowlist,
  NewEntry,
  Refusal,
  SetLabel,
  WriterResult,
} from './writer.js';
import { indentOf, insertLines, Lines, removeLines, type TextEdit } from './text.js';
import { append } from '../model/collections.js';

/**
 * Lists with one value per token, one token (or a few) per line: plain lists and their vendor
 * flavours, Squid ACL files, and Squid's inline `acl` lines. Values are added as new lines in the
 * block of their endpoint set (or beside the entry the finding names), sorted blocks stay sorted,
 * and removed values take their line (with its trailing comment) when nothing else is on it.
 */
export interface LineDialect {
  /** The value as this format writes it, or why it cannot be written here. */
  readonly render: (entry: NewEntry) => string | { readonly error: string };
  /** How a trailing comment is written, or undefined for a format without trailing comments. */
  readonly trailingComment?: (text: string) => string;
  /** How a comment line is written, or undefined for a format without comments. */
  readonly commentLine?: (text: string) => string;
  /**
   * For lines that hold a directive before their values (Squid's `acl NAME TYPE`): a new value
   * goes on a new line that repeats what stands before the first value.
   */
  readonly repeatsPrefix?: boolean;
}

/** A run of consecutive lines that hold entries, with the comment lines right above it. */
export interface Block {
  readonly first: number;
  readonly last: number;
  readonly header: string;
  readonly entries: readonly Entry[];
}

export function lineWriter(dialect: LineDialect): AllowlistWriter {
  return { edit: (file, ops) => editLines(file, ops, dialect) };
}

function editLines(
  file: EditableAllowlist,
  ops: readonly AllowlistOp[],
  dialect: LineDialect,
): WriterResult {
  const lines = new Lines(file.text);
  const edits: TextEdit[] = [];
  const refused: Refusal[] = [];
  const byLine = new Map<number, Entry[]>();
  for (const e of file.entries) {
    const list = byLine.get(e.location.line);
    if (list) list.push(e);
    else byLine.set(e.location.line, [e]);
  }
  const blocks = findBlocks(lines, byLine);
  const removed = new Set<string>();
  const removedLines = new Set<number>();

  const remove = (entry: Entry): void => {
    const key = `${entry.location.line}:${entry.location.column}`;
    if (removed.has(key)) return;
    removed.add(key);
    const line = entry.location.line;
    const onLine = new Set(
      (byLine.get(line) ?? []).map((e) => `${e.location.line}:${e.location.column}`),
    );
    const remaining = [...onLine].filter((k) => !removed.has(k));
    if (remaining.length === 0 && tokensOnLine(lines.get(line), dialect) <= onLine.size) {
      removedLines.add(line);
      return;
    }
    // Other values share the line: take this one and the blank before it.
    const start = lines.offset(line, entry.location.column);
    const end = start + entry.text.length;
    let from = start;
    while (from > lines.start(line) && /[ \t]/.test(file.text[from - 1]!)) from--;
    if (from === lines.start(line)) {
      let to = end;
      while (to < lines.end(line) && /[ \t]/.test(file.text[to]!)) to++;
      edits.push({ start, end: to, insert: '' });
    } else edits.push({ start: from, end, insert: '' });
  };

  // Additions grouped by where they go, so that several values for one block land sorted.
  const additions = new Map<number, { lines: { key: string; text: string }[] }>();
  const add = (
    finding: AllowlistOp['finding'],
    entries: readonly NewEntry[],
    label: SetLabel,
    anchorLine: number,
  ): void => {
    const rendered: { entry: NewEntry; text: string }[] = [];
    for (const entry of entries) {
      const text = dialect.render(entry);
      if (typeof text !== 'string') {
        refused.push({ finding, reason: text.error });
        return;
      }
      rendered.push({ entry, text });
    }
    const anchorEntry = anchorLine > 0 ? byLine.get(anchorLine)?.[0] : undefined;
    if (anchorEntry && entries.some((e) => e.kind !== anchorEntry.kind) && dialect.repeatsPrefix) {
      refused.push({
        finding,
        reason: `the ACL at line ${anchorLine} holds ${anchorEntry.kind === 'ip' ? 'addresses' : 'domains'}; add the value to an ACL of the other type`,
      });
      return;
    }
    const bySet = blocks.find((b) => namesSet(b.header, label));
    const block = bySet ?? blocks.find((b) => anchorLine >= b.first && anchorLine <= b.last);
    for (const { entry, text } of rendered) {
      const { after, template } = placement(block, anchorLine, entry, lines);
      const indent = template > 0 ? lineTemplate(lines, template, byLine, dialect) : '';
      const note = bySet || !dialect.trailingComment ? '' : dialect.trailingComment(label.text);
      const slot = additions.get(after) ?? { lines: [] };
      additions.set(after, slot);
      if (note === '' && !bySet && dialect.commentLine && dialect.repeatsPrefix)
        slot.lines.push({ key: sortKey(entry), text: dialect.commentLine(label.text) });
      slot.lines.push({ key: sortKey(entry), text: `${indent}${text}${note}` });
    }
  };

  for (const op of ops) {
    if (op.op === 'remove') remove(op.entry);
    else if (op.op === 'add') add(op.finding, op.entries, op.label, op.anchor.line);
    else if (op.op === 'replace') {
      remove(op.entry);
      add(op.finding, op.entries, op.label, op.entry.location.line);
    } else
      refused.push({
        finding: op.finding,
        reason: `a ${file.format} file carries no ports`,
      });
  }

  for (const line of removedLines) edits.push(removeLines(lines, line));
  for (const [after, slot] of additions) {
    const seen = new Set<string>();
    const unique = slot.lines
      .sort((a, b) => compareKeys(a.key, b.key))
      .filter((l) => !seen.has(l.text) && seen.add(l.text));
    edits.push(
      insertLines(
        lines,
        after,
        unique.map((l) => l.text),
      ),
    );
  }
  return { edits, refused };
}

/** How many values a line holds once its comment is left out. */
function tokensOnLine(line: string, dialect: LineDialect): number {
  const code = line.replace(/(?:^|\s)(?:#|;|\/\/).*$/, '');
  const tokens = code.trim() === '' ? [] : code.trim().split(/\s+/);
  // A directive line (`acl NAME TYPE v1 v2`) counts only its values.
  return dialect.repeatsPrefix ? Math.max(0, tokens.length - 3) : tokens.length;
}

function findBlocks(lines: Lines, byLine: ReadonlyMap<number, readonly Entry[]>): Block[] {
  return groupBlocks(
    lines,
    [...byLine]
      .sort((a, b) => a[0] - b[0])
      .map(([line, entries]) => ({ first: line, last: line, entries })),
  );
}

/** Items (an entry's lines) in runs without a blank or comment line between them, with the comment above each run. */
export function groupBlocks(
  lines: Lines,
  items: readonly { first: number; last: number; entries: readonly Entry[] }[],
): Block[] {
  const blocks: Block[] = [];
  let current: { first: number; last: number; entries: Entry[] } | undefined;
  const close = () => {
    if (!current) return;
    const header: string[] = [];
    for (let h = current.first - 1; h >= 1 && /^\s*(?:#|;|\/\/)/.test(lines.get(h)); h--)
      header.unshift(lines.get(h).replace(/^\s*(?:#|;|\/\/)\s?/, ''));
    blocks.push({ ...current, header: header.join('\n') });
  };
  for (const item of items) {
    if (current && item.first === current.last + 1) {
      current.last = item.last;
      append(current.entries, item.entries);
      continue;
    }
    close();
    current = { first: item.first, last: item.last, entries: [...item.entries] };
  }
  close();
  return blocks;
}

/** A header comment naming the set ("endpoint set 12", "set 12", "ID 12"). */
export function namesSet(header: string, label: SetLabel): boolean {
  if (header === '') return false;
  for (const m of header.matchAll(/\b(?:set|id)\s*#?\s*(\d+)\b/gi))
    if (label.ids.includes(Number(m[1]))) return true;
  return false;
}

/** After which line a value goes, and which line to copy the indentation from. */
export function placement(
  block: Block | undefined,
  anchorLine: number,
  entry: NewEntry,
  lines: Lines,
  span: (e: Entry) => { first: number; last: number } = (e) => ({
    first: e.location.line,
    last: e.location.line,
  }),
): { after: number; template: number } {
  if (!block) {
    const after = anchorLine > 0 ? anchorLine : lines.count;
    return { after, template: anchorLine > 0 ? anchorLine : 0 };
  }
  const same = block.entries.filter((e) => e.kind === entry.kind);
  if (same.length >= 2 && isSorted(same)) {
    const key = sortKey(entry);
    const next = same.find((e) => compareKeys(sortKeyOf(e), key) > 0);
    if (next) return { after: span(next).first - 1, template: span(next).first };
    const last = same[same.length - 1]!;
    return { after: span(last).last, template: span(last).first };
  }
  if (anchorLine >= block.first && anchorLine <= block.last) {
    const at = block.entries.find((e) => {
      const s = span(e);
      return anchorLine >= s.first && anchorLine <= s.last;
    });
    if (at) return { after: span(at).last, template: span(at).first };
  }
  const last = same[same.length - 1] ?? block.entries[block.entries.length - 1]!;
  return { after: span(last).last, template: span(last).first };
}

/** The indentation, and for directive lines the directive, of a line holding entries. */
function lineTemplate(
  lines: Lines,
  line: number,
  byLine: ReadonlyMap<number, readonly Entry[]>,
  dialect: LineDialect,
): string {
  const text = lines.get(line);
  if (!dialect.repeatsPrefix) return indentOf(text);
  const first = (byLine.get(line) ?? []).reduce(
    (min, e) => Math.min(min, e.location.column),
    Infinity,
  );
  return Number.isFinite(first) ? text.slice(0, first - 1) : indentOf(text);
}

function isSorted(entries: readonly Entry[]): boolean {
  for (let i = 1; i < entries.length; i++)
    if (compareKeys(sortKeyOf(entries[i - 1]!), sortKeyOf(entries[i]!)) > 0) return false;
  return true;
}

function sortKeyOf(e: Entry): string {
  return e.kind === 'ip' ? ipKey(e.block) : e.text.toLowerCase();
}

export function sortKey(e: NewEntry): string {
  if (e.kind === 'ip') {
    const b = parseIpBlock(e.value);
    if (b.ok) return ipKey(b.value);
  }
  return e.value.toLowerCase();
}

/** Addresses sort by family, then numerically: a fixed-width hex key. */
function ipKey(b: IpBlock): string {
  return `~${b.family}${b.first.toString(16).padStart(32, '0')}`;
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
