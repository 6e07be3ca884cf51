import { grown } from './collections.js';
import { HostPattern } from './host.js';

/**
 * The lines of one list file that hold a plain host name and nothing else: lower-case letters,
 * digits, `-`, `_` and dots, no leading or trailing dot, no punycode, well formed, perhaps after
 * `*.` (see {@link isPlainName}), so that the name is its own canonical pattern. Held as positions in
 * the text: the check makes an entry only for the names that concern the catalogue, and a large
 * general list keeps a few bytes per line.
 */
export class NameColumn {
  #size = 0;
  line = new Uint32Array(0);
  column = new Uint32Array(0);
  start = new Uint32Array(0);
  length = new Uint8Array(0);

  constructor(
    /** Repository path of the file. */
    readonly path: string,
    /** The file's text, which each row's name is a slice of. */
    readonly source: string,
  ) {}

  get size(): number {
    return this.#size;
  }

  add(line: number, column: number, start: number, length: number): void {
    const i = this.#size;
    if (i === this.line.length) this.#grow();
    this.line[i] = line;
    this.column[i] = column;
    this.start[i] = start;
    this.length[i] = length;
    this.#size = i + 1;
  }

  #grow(): void {
    const n = Math.max(1024, this.line.length * 2);
    this.line = grown(this.line, n);
    this.column = grown(this.column, n);
    this.start = grown(this.start, n);
    this.length = grown(this.length, n);
  }

  text(i: number): string {
    const start = this.start[i]!;
    return this.source.slice(start, start + this.length[i]!);
  }

  /** Row i as an entry, made now (each call makes a new one). */
  entry(i: number, pattern = HostPattern.of(this.text(i))) {
    return {
      kind: 'host' as const,
      text: pattern.text,
      location: { file: this.path, line: this.line[i]!, column: this.column[i]! },
      pattern,
      comment: undefined,
    };
  }

  /** Whether row i is `*.` and a name. */
  isWildcard(i: number): boolean {
    return this.source.charCodeAt(this.start[i]!) === 42;
  }
}

const MAX_LABEL = 63;
const MAX_NAME = 253;

/**
 * Whether text[start, end) is a plain host name as {@link NameColumn} keeps it, or `*.` and one:
 * what `HostPattern.parse` reads as a pattern equal to its own canonical text, and what no list
 * reader takes for an IP address (a letter or `_` somewhere).
 */
export function isPlainName(text: string, start: number, end: number): boolean {
  // `*.` and a plain name: the name and everything under it, its canonical form too.
  if (text.charCodeAt(start) === 42 /* * */ && text.charCodeAt(start + 1) === 46) start += 2;
  const length = end - start;
  if (length === 0 || length > MAX_NAME) return false;
  let labelStart = start;
  let letter = false;
  let lastAllDigits = true;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 /* . */) {
      const label = i - labelStart;
      if (label === 0 || label > MAX_LABEL) return false;
      labelStart = i + 1;
      lastAllDigits = true;
      continue;
    }
    if ((c >= 97 && c <= 122) || c === 95 /* _ */) {
      letter = true;
      lastAllDigits = false;
      // Punycode (`xn--`) goes the long way, through the look-alike checks.
      if (c === 120 && text.startsWith('n--', i + 1)) return false;
    } else if (c === 45 /* - */) lastAllDigits = false;
    else if (c < 48 || c > 57) return false;
  }
  const last = end - labelStart;
  return letter && !lastAllDigits && last > 0 && last <= MAX_LABEL;
}
