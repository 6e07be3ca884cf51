import { isMeaningfulComment } from './source.js';
import { trimSpaces } from '../../model/text.js';

/**
 * Comments by line, to attach to entries: a comment after code on the entry's line, else the
 * run of comment-only lines right above it (rules of `=` or `-` dropped).
 */
export class LineComments {
  readonly #own = new Map<number, string>();
  readonly #trailing = new Map<number, string>();

  add(line: number, text: string, ownLine: boolean): void {
    const body = trimSpaces(text);
    if (ownLine) this.#own.set(line, body);
    else if (isMeaningfulComment(body)) this.#trailing.set(line, body);
  }

  at(line: number): string | undefined {
    return this.#trailing.get(line) ?? this.above(line);
  }

  above(line: number): string | undefined {
    const lines: string[] = [];
    for (let l = line - 1; l > 0 && this.#own.has(l); l--) {
      const text = this.#own.get(l)!;
      if (isMeaningfulComment(text)) lines.push(text);
    }
    return lines.length > 0 ? lines.reverse().join('\n') : undefined;
  }
}

export interface SourceComment {
  readonly line: number;
  readonly endLine: number;
  readonly text: string;
  /** Nothing but whitespace precedes the comment on its line. */
  readonly ownLine: boolean;
}

/** Comments by line: the one after the code on a line, or the comment lines right above it. */
export class CommentIndex {
  readonly #trailing = new Map<number, string>();
  readonly #own = new Map<number, SourceComment>();
  readonly #cache = new Map<number, string | undefined>();

  constructor(comments: Iterable<SourceComment>) {
    for (const c of comments) {
      if (c.ownLine) this.#own.set(c.endLine, c);
      else {
        const before = this.#trailing.get(c.line);
        this.#trailing.set(c.line, before === undefined ? c.text : `${before}\n${c.text}`);
      }
    }
  }

  at(line: number): string | undefined {
    // Many entries can share a line; each line's comment is worked out once.
    if (this.#cache.has(line)) return this.#cache.get(line);
    const trailing = this.#trailing.get(line);
    let found: string | undefined;
    if (trailing !== undefined && isMeaningfulComment(trailing)) found = trailing;
    else {
      const above: string[] = [];
      for (let c = this.#own.get(line - 1); c; c = this.#own.get(c.line - 1)) {
        if (isMeaningfulComment(c.text)) above.push(c.text);
      }
      if (above.length > 0) found = above.reverse().join('\n');
    }
    this.#cache.set(line, found);
    return found;
  }
}
