/**
 * Byte-preserving text edits. Writers say which ranges of the original text change; everything
 * else (comments, indentation, quoting, blank lines) stays exactly as it was.
 */

/** Replace `text.slice(start, end)` with `insert`; offsets refer to the original text. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly insert: string;
}

/**
 * Applies edits given against the same original text. Insertions at the same offset keep the
 * order they were given in; overlapping replacements are a writer's bug and throw.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = edits
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.start - b.e.start || a.e.end - b.e.end || a.i - b.i)
    .map(({ e }) => e);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    if (e.start < at) throw new Error(`overlapping edits at offset ${e.start}`);
    out += text.slice(at, e.start) + e.insert;
    at = e.end;
  }
  return out + text.slice(at);
}

/** The line ending a file uses (the first one found), `\n` when it has none. */
export function lineEnding(text: string): string {
  const i = text.indexOf('\n');
  return i > 0 && text[i - 1] === '\r' ? '\r\n' : '\n';
}

/** Start offsets of each line (1-based line n starts at `starts[n - 1]`). */
export class Lines {
  readonly starts: number[] = [0];
  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
    // A final newline does not open another line.
    if (text.endsWith('\n')) this.starts.pop();
  }

  get count(): number {
    return this.text === '' ? 0 : this.starts.length;
  }

  /** Offset of a 1-based line and column. */
  offset(line: number, column: number): number {
    return (this.starts[line - 1] ?? this.text.length) + column - 1;
  }

  /** Offset where a line starts. */
  start(line: number): number {
    return this.starts[line - 1] ?? this.text.length;
  }

  /** Offset just past a line's newline (or the end of the text). */
  end(line: number): number {
    return this.starts[line] ?? this.text.length;
  }

  /** The line's text without its line ending. */
  get(line: number): string {
    return this.text.slice(this.start(line), this.end(line)).replace(/\r?\n$/, '');
  }

  /** The 1-based line of an offset. */
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
}

/** An insertion of whole lines after `line` (0 = at the top), in the file's own line ending. */
export function insertLines(lines: Lines, after: number, add: readonly string[]): TextEdit {
  const eol = lineEnding(lines.text);
  const at = after <= 0 ? 0 : lines.end(after);
  const needsBreak = at === lines.text.length && lines.text !== '' && !lines.text.endsWith('\n');
  const body = add.map((l) => l + eol).join('');
  return { start: at, end: at, insert: needsBreak ? eol + body.slice(0, -eol.length) : body };
}

/** Removes whole lines `from`..`to` (inclusive) with their line endings. */
export function removeLines(lines: Lines, from: number, to: number = from): TextEdit {
  return { start: lines.start(from), end: lines.end(to), insert: '' };
}

/** Leading whitespace of a line. */
export function indentOf(line: string): string {
  return /^[ \t]*/.exec(line)![0];
}
