import type { ParseProblem } from '../../model/entry.js';
import { looksLikeIp, scanPlainV4 } from '../../model/ip.js';
import type { SourceFile } from '../format.js';
import { trimSpaces, trimSpacesEnd } from '../../model/text.js';

/**
 * Helpers shared by the parsers: reading a file line by line with each entry separated from
 * its comment (columns kept), telling what a written value is meant to be, and locating JSON
 * syntax errors.
 */

const BOM = 0xfeff;

/** The text without a leading UTF-8 byte order mark, so columns count from the first visible character. */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === BOM ? text.slice(1) : text;
}

/**
 * One problem at line 0 when the text cannot be a text file: NUL bytes (binary) or U+FFFD,
 * which is what invalid UTF-8 becomes once decoded.
 */
export function notTextProblem(file: SourceFile): ParseProblem | undefined {
  const reason = file.text.includes('\0')
    ? 'it contains NUL bytes'
    : file.text.includes('\uFFFD')
      ? 'it is not valid UTF-8'
      : undefined;
  if (!reason) return undefined;
  return {
    location: { file: file.path, line: 0, column: 1 },
    message: `"${file.path}" is not a text file (${reason})`,
  };
}

/** How a line may carry a comment after its entry. */
export type TrailingComments =
  /** Only after a comment marker (`#`, `;`, `//`) preceded by whitespace. */
  | 'marker'
  /** Anything after the first whitespace is a comment (Palo Alto EDL). */
  | 'any';

const SPACE = 32;
const TAB = 9;
const VT = 11;
const FF = 12;
const CR = 13;

/**
 * ASCII whitespace only. A no-break space or a byte order mark inside a file (pasted or
 * concatenated lists carry them) is part of the entry for the firewall that reads it, so it is
 * part of the entry here too, and makes it invalid rather than the name it looks like.
 */
function isSpace(c: number): boolean {
  return c === SPACE || c === TAB || c === VT || c === FF || c === CR;
}

/** Length of the comment marker at `i`, or 0. */
function markerAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === 35 /* # */ || c === 59 /* ; */) return 1;
  if (c === 47 /* / */ && text.charCodeAt(i + 1) === 47) return 2;
  return 0;
}

/** What a line holds. */
export type LineKind = 'blank' | 'comment' | 'value';

/**
 * Walks a text line by line (after a byte order mark; lines end at `\n`, and a `\r` before it
 * counts as whitespace) and takes each line apart in place. A cursor with mutable fields rather
 * than a value per line: a million-line file is read without a million throwaway objects.
 */
export class LineScanner {
  /** 1-based number of the current line. */
  line = 0;
  kind: LineKind = 'blank';
  /** The entry as written (kind `value`). */
  value = '';
  /** 1-based column of the value. */
  column = 0;
  /** Offset of the value in the text. */
  offset = 0;
  /** Length of the value read by {@link nextPlainV4}. */
  valueLength = 0;
  /** The comment, without its marker: the whole line (kind `comment`) or after the value. */
  comment: string | undefined = undefined;
  /** Text after the value that is neither whitespace nor a comment, and its column. */
  extra: string | undefined = undefined;
  extraColumn = 0;

  readonly #text: string;
  readonly #trailing: TrailingComments;
  #next: number;
  /* What #peekValue found: the value's bounds and where its line ends. */
  #valueStart = 0;
  #valueEnd = 0;
  #lineEnd = 0;
  readonly #stop = { end: 0 };

  constructor(text: string, trailing: TrailingComments) {
    this.#text = text;
    this.#trailing = trailing;
    this.#next = text.charCodeAt(0) === BOM ? 1 : 0;
  }

  /**
   * Reads the next line when it holds only a plain IPv4 address or prefix (`a.b.c.d` or
   * `a.b.c.d/len`, well formed, between whitespace): returns it as {@link readPlainV4} packs it,
   * with `line`, `column`, `offset` and `valueLength` set and `value` left alone; else returns -1
   * and stays where it was, for {@link next}. No string is made for the commonest line of a large
   * address list.
   */
  nextPlainV4(): number {
    const text = this.#text;
    const n = text.length;
    let i = this.#next;
    let c = text.charCodeAt(i);
    while (c === SPACE || c === TAB) c = text.charCodeAt(++i);
    const packed = scanPlainV4(text, i, n, this.#stop);
    if (packed < 0) return -1;
    this.#valueStart = i;
    i = this.#valueEnd = this.#stop.end;
    // Only whitespace may follow, up to the end of the line.
    c = text.charCodeAt(i);
    while (i < n && isSpace(c)) c = text.charCodeAt(++i);
    if (i < n && c !== 10) return -1;
    this.#lineEnd = i;
    this.#takePeeked();
    return packed;
  }

  /**
   * Reads the next line when it holds a single value and nothing else (no comment) that `accept`
   * takes (given the text and the value's bounds): true with `line`, `column`, `offset` and
   * `valueLength` set, else false, staying where it was, for {@link next}.
   */
  nextPlainValue(accept: (text: string, start: number, end: number) => boolean): boolean {
    if (!this.#peekValue() || !accept(this.#text, this.#valueStart, this.#valueEnd)) return false;
    this.#takePeeked();
    return true;
  }

  /**
   * Finds the bounds of the next line's value when the value is all the line holds (whitespace
   * aside), without moving: true with #valueStart, #valueEnd and #lineEnd set.
   */
  #peekValue(): boolean {
    const text = this.#text;
    const n = text.length;
    let i = this.#next;
    if (i >= n) return false;
    let c = text.charCodeAt(i);
    while (c === SPACE || c === TAB) c = text.charCodeAt(++i);
    const valueStart = i;
    while (i < n && c !== 10 && !isSpace(c)) c = text.charCodeAt(++i);
    if (i === valueStart) return false;
    this.#valueStart = valueStart;
    this.#valueEnd = i;
    while (i < n && isSpace(c)) c = text.charCodeAt(++i);
    if (i < n && c !== 10) return false;
    this.#lineEnd = i;
    return true;
  }

  /** Moves past the line {@link #peekValue} (or nextPlainV4) found, as a value line. */
  #takePeeked(): void {
    const start = this.#next;
    const n = this.#text.length;
    this.#next = this.#lineEnd < n ? this.#lineEnd + 1 : n;
    this.line++;
    this.kind = 'value';
    this.comment = undefined;
    this.extra = undefined;
    this.column = this.#valueStart - start + 1;
    this.offset = this.#valueStart;
    this.valueLength = this.#valueEnd - this.#valueStart;
  }

  /** Moves to the next line; false after the last one. An empty text has one blank line. */
  next(): boolean {
    const text = this.#text;
    const n = text.length;
    const start = this.#next;
    if (start >= n && this.line > 0) return false;
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? n : newline;
    this.#next = end + 1;
    this.line++;
    this.comment = undefined;
    this.extra = undefined;

    let i = start;
    while (i < end && isSpace(text.charCodeAt(i))) i++;
    if (i === end) {
      this.kind = 'blank';
      return true;
    }
    const marker = markerAt(text, i);
    if (marker > 0) {
      this.kind = 'comment';
      this.comment = trimSpaces(text.slice(i + marker, end));
      return true;
    }
    const valueStart = i;
    while (i < end && !isSpace(text.charCodeAt(i))) i++;
    this.kind = 'value';
    this.value = text.slice(valueStart, i);
    this.column = valueStart - start + 1;
    this.offset = valueStart;
    while (i < end && isSpace(text.charCodeAt(i))) i++;
    if (i === end) return true;
    const after = markerAt(text, i);
    if (after > 0) this.comment = trimSpaces(text.slice(i + after, end));
    else if (this.#trailing === 'any') this.comment = trimSpacesEnd(text.slice(i, end));
    else {
      this.extra = trimSpacesEnd(text.slice(i, end));
      this.extraColumn = i - start + 1;
    }
    return true;
  }
}

/** True when a comment line carries words, not just a rule of `=` or `-`. */
export function isMeaningfulComment(comment: string): boolean {
  for (let i = 0; i < comment.length; i++) {
    const c = comment.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 127) {
      return true;
    }
  }
  return false;
}

/** What a written value is meant to be, judged from its shape alone. */
export type ValueKind = 'ip' | 'host';

export function classifyValue(text: string): ValueKind {
  return looksLikeIp(text) ? 'ip' : 'host';
}

/**
 * A URL-list value (`example.com/path`) split into host and path. Values with a scheme or that
 * look like IP addresses are left whole: the model explains what is wrong with a scheme, and
 * prefixes contain a slash.
 */
export function splitPath(text: string): { readonly host: string; readonly path?: string } {
  if (text.includes('://') || looksLikeIp(text)) return { host: text };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 47 /* / */ || c === 63 /* ? */)
      return { host: text.slice(0, i), path: text.slice(i) };
  }
  return { host: text };
}

class JsonSyntaxError {
  constructor(
    readonly offset: number,
    readonly message: string,
  ) {}
}

const JSON_NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/**
 * The first place where `text` breaks the JSON grammar (RFC 8259), or undefined. `JSON.parse`
 * says the same, but its wording changes between Node versions and often omits the position.
 */
export function jsonSyntaxError(text: string): { offset: number; message: string } | undefined {
  let i = 0;
  const found = () => (i >= text.length ? 'end of file' : JSON.stringify(text[i]));
  const fail = (message: string): never => {
    throw new JsonSyntaxError(i, message);
  };
  const space = () => {
    for (let c = text.charCodeAt(i); c === 32 || c === 9 || c === 10 || c === 13;) {
      c = text.charCodeAt(++i);
    }
  };
  const string = () => {
    const start = i++;
    for (;;) {
      const c = text.charCodeAt(i);
      if (Number.isNaN(c)) throw new JsonSyntaxError(start, 'unterminated string');
      if (c === 34) break;
      if (c < 32) fail('control character in a string (write it as an escape)');
      if (c === 92) {
        const e = text[i + 1];
        if (
          e === 'u'
            ? !/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))
            : !'"\\/bfnrt'.includes(e ?? '~')
        ) {
          fail(`invalid escape "${text.slice(i, i + 2)}" in a string`);
        }
        i += e === 'u' ? 6 : 2;
      } else i++;
    }
    i++;
  };
  const value = (): void => {
    space();
    const c = text[i];
    if (c === '{') return container('}', true);
    if (c === '[') return container(']', false);
    if (c === '"') return string();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    JSON_NUMBER.lastIndex = i;
    if ((c === '-' || (c !== undefined && c >= '0' && c <= '9')) && JSON_NUMBER.test(text)) {
      i = JSON_NUMBER.lastIndex;
      return;
    }
    fail(`expected a value, found ${found()}`);
  };
  const container = (close: string, object: boolean): void => {
    i++;
    space();
    if (text[i] === close) {
      i++;
      return;
    }
    for (;;) {
      if (object) {
        space();
        if (text[i] !== '"') fail(`expected a quoted property name, found ${found()}`);
        string();
        space();
        if (text[i] !== ':') fail(`expected ":" after a property name, found ${found()}`);
        i++;
      }
      value();
      space();
      if (text[i] === ',') {
        const comma = i++;
        space();
        if (text[i] === close) throw new JsonSyntaxError(comma, `trailing comma before "${close}"`);
        continue;
      }
      if (text[i] === close) {
        i++;
        return;
      }
      fail(`expected "," or "${close}", found ${found()}`);
    }
  };
  try {
    value();
    space();
    if (i < text.length) fail(`unexpected ${found()} after the end of the JSON value`);
    return undefined;
  } catch (e) {
    if (e instanceof JsonSyntaxError) return { offset: e.offset, message: e.message };
    // Thousands of nested brackets exhaust the stack before the grammar fails.
    if (e instanceof RangeError) return { offset: i, message: 'nested too deeply' };
    throw e;
  }
}
