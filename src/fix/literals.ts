import { append } from '../model/collections.js';
import type { Entry } from '../model/entry.js';
import { rulePortEdits, type RuleDialect } from './rules.js';
import { applyEdits, Lines, lineEnding, type TextEdit } from './text.js';
import type {
  AllowlistOp,
  AllowlistWriter,
  EditableAllowlist,
  Refusal,
  WriterResult,
} from './writer.js';

/**
 * Quoted string elements of list literals: Terraform (`destination_fqdns = ["a", "b"]`), Bicep
 * arrays (one element per line, no commas) and ARM template JSON arrays. A new value is written
 * after the element the finding names, in the list's layout and quotes; a removed element takes
 * its comma (and its line, with its comment, when it stands alone). Values that do not come from
 * a literal (a variable, an interpolation) are left alone.
 */
export interface LiteralDialect {
  /** Commas between elements of a multi-line list: HCL and JSON need them, Bicep has none. */
  readonly multilineCommas: boolean;
  /** A comma after the last element is allowed (HCL) or not (JSON). */
  readonly trailingComma: boolean;
  /** How a comment line naming the set is written, if the format has comments. */
  readonly comment?: (text: string) => string;
  readonly commentMarker?: RegExp;
  /** The file is JSON: the result must still parse. */
  readonly json?: boolean;
  /** How the format writes firewall rules, for port gaps. */
  readonly rules: RuleDialect;
}

export function literalWriter(dialect: LiteralDialect): AllowlistWriter {
  return { edit: (file, ops) => editLiterals(file, ops, dialect) };
}

interface Token {
  readonly start: number;
  readonly end: number;
  readonly quote: string;
}

function editLiterals(
  file: EditableAllowlist,
  ops: readonly AllowlistOp[],
  dialect: LiteralDialect,
): WriterResult {
  const text = file.text;
  const lines = new Lines(text);
  const edits: TextEdit[] = [];
  const refused: Refusal[] = [];
  const eol = lineEnding(text);
  const tokenOf = (e: Entry): Token | undefined => {
    const at = lines.offset(e.location.line, e.location.column);
    const quote = text[at - 1];
    if ((quote !== '"' && quote !== "'") || text[at + e.text.length] !== quote) return undefined;
    return { start: at - 1, end: at + e.text.length + 1, quote };
  };
  const code = (line: number) =>
    dialect.commentMarker ? lines.get(line).replace(dialect.commentMarker, '') : lines.get(line);
  const alone = (e: Entry, t: Token) =>
    code(e.location.line).trim().replace(/,$/, '') === text.slice(t.start, t.end);
  const removed = new Set<Entry>();
  /** Elements whose comma goes because everything after them in their list goes. */
  const commaDropped = new Set<Entry>();
  /** Whether every element after this token, up to the end of its list, is being removed. */
  const restRemoved = (t: Token): boolean => {
    const close = text.indexOf(']', t.end);
    if (close === -1) return false;
    return file.entries.every((x) => {
      const xt = tokenOf(x);
      return !xt || xt.start <= t.start || xt.start > close || (removed.has(x) && !added.has(x));
    });
  };
  const added = new Map<Entry, { value: string; label: string }[]>();
  const portOps: Extract<AllowlistOp, { op: 'ports' }>[] = [];
  const literal = (op: AllowlistOp, e: Entry): Token | undefined => {
    const t = tokenOf(e);
    if (!t)
      refused.push({
        finding: op.finding,
        reason: `"${e.text}" does not come from a quoted literal here (a variable or an expression); change it by hand`,
      });
    return t;
  };

  for (const op of ops) {
    if (op.op === 'remove') {
      if (literal(op, op.entry)) removed.add(op.entry);
    } else if (op.op === 'ports') {
      portOps.push(op);
    } else {
      const anchor =
        op.op === 'replace'
          ? op.entry
          : (file.entries.find(
              (e) => e.location.line === op.anchor.line && e.location.column === op.anchor.column,
            ) ??
            file.entries.find((e) => e.location.line === op.anchor.line) ??
            // Placed after the last entry (the end of the file): the nearest list of the same
            // kind before that place, else the last one in the file.
            nearestOfKind(file.entries, op.anchor.line, op.entries[0]?.kind));
      if (!anchor || !literal(op, anchor)) {
        if (!anchor)
          refused.push({ finding: op.finding, reason: 'no list in the file to add it to' });
        continue;
      }
      if (op.entries.some((v) => v.kind !== anchor.kind)) {
        refused.push({
          finding: op.finding,
          reason: `the list of "${anchor.text}" holds ${anchor.kind === 'ip' ? 'addresses' : 'names'}; add ${op.entries.map((v) => v.value).join(', ')} to a list of the other kind by hand`,
        });
        continue;
      }
      if (op.op === 'replace') removed.add(op.entry);
      const list = added.get(anchor) ?? [];
      added.set(anchor, list);
      for (const v of op.entries)
        if (!list.some((l) => l.value === v.value))
          list.push({ value: v.value, label: op.label.text });
    }
  }

  for (const e of new Set([...removed, ...added.keys()])) {
    const t = tokenOf(e)!;
    const values = added.get(e) ?? [];
    const render = (v: string) =>
      t.quote +
      v.replace(/\\/g, '\\\\').replace(new RegExp(t.quote, 'g'), `\\${t.quote}`) +
      t.quote;
    const line = e.location.line;
    const after = text.slice(t.end);
    const comma = /^[ \t]*,/.exec(after);
    if (alone(e, t)) {
      const indent = /^\s*/.exec(lines.get(line))![0];
      // The last element of a JSON list has no comma, and whatever follows it must not either;
      // an element is also the last when everything after it in its list is being removed.
      const last = (!comma || restRemoved(t)) && !dialect.trailingComma;
      // The set is named on a comment line above: formatters (terraform fmt) realign trailing comments.
      const body: string[] = [];
      let label: string | undefined;
      values.forEach((v, i) => {
        if (dialect.comment && v.label !== label)
          body.push(`${indent}${dialect.comment(v.label)}${eol}`);
        label = v.label;
        const sep = dialect.multilineCommas && (!last || i < values.length - 1) ? ',' : '';
        body.push(`${indent}${render(v.value)}${sep}${eol}`);
      });
      if (removed.has(e)) {
        if (values.length === 0 && last) {
          // The new last element is the nearest one kept before it: its comma goes.
          const kept = file.entries
            .filter((x) => !removed.has(x) && x.location.line < line && tokenOf(x))
            .sort((a, b) => b.location.line - a.location.line)[0];
          const kt = kept && tokenOf(kept);
          if (kt && text[kt.end] === ',' && !added.has(kept!) && !commaDropped.has(kept!)) {
            commaDropped.add(kept!);
            edits.push({ start: kt.end, end: kt.end + 1, insert: '' });
          }
        }
        edits.push({ start: lines.start(line), end: lines.end(line), insert: body.join('') });
      } else {
        if (values.length > 0 && dialect.multilineCommas && !comma)
          edits.push({ start: t.end, end: t.end, insert: ',' });
        edits.push({ start: lines.end(line), end: lines.end(line), insert: body.join('') });
      }
      continue;
    }
    const inline = values.map((v) => render(v.value)).join(', ');
    if (!removed.has(e)) {
      edits.push({
        start: t.end,
        end: t.end,
        insert: values.map((v) => `, ${render(v.value)}`).join(''),
      });
      continue;
    }
    if (values.length > 0) {
      edits.push({ start: t.start, end: t.end, insert: inline });
      continue;
    }
    // When everything after it in its list goes too, it takes the comma before it instead, so that
    // the removals of a run of elements at the end of a list do not overlap.
    const next = !restRemoved(t) && /^[ \t]*,[ \t]*/.exec(after);
    if (next) edits.push({ start: t.start, end: t.end + next[0].length, insert: '' });
    else {
      let from = t.start;
      while (/[ \t]/.test(text[from - 1]!)) from--;
      if (text[from - 1] === ',') from--;
      edits.push({ start: from, end: t.end, insert: '' });
    }
  }
  const ports = rulePortEdits(file, portOps, dialect.rules, removed);
  append(edits, ports.edits);
  append(refused, ports.refused);
  if (dialect.json) {
    // The safety net of a format without forgiveness: a change that would not parse is not made.
    let valid = false;
    try {
      JSON.parse(applyEdits(text, edits));
      valid = true;
    } catch {
      valid = false;
    }
    if (!valid)
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

/** The last entry of a kind at or before a line, else the last of that kind in the file. */
function nearestOfKind<E extends { readonly kind: string; readonly location: { line: number } }>(
  entries: readonly E[],
  line: number,
  kind: string | undefined,
): E | undefined {
  const ofKind = entries.filter((e) => kind === undefined || e.kind === kind);
  let best: E | undefined;
  for (const e of ofKind)
    if (e.location.line <= line && (!best || e.location.line >= best.location.line)) best = e;
  return best ?? ofKind[ofKind.length - 1];
}
