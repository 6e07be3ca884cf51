/** Line and column of offsets in a text, by binary search over the line starts. */
export class TextPositions {
  readonly #starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
      this.#starts.push(i + 1);
    }
  }

  /** 1-based line and column of a UTF-16 offset (lines end at `\n` only). */
  at(offset: number): { line: number; column: number } {
    const starts = this.#starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  }

  /** Offset of the first character of a 1-based line. */
  lineStart(line: number): number {
    return this.#starts[line - 1] ?? 0;
  }
}

/** 1-based line and column of a UTF-16 offset, for a single look-up (build a TextPositions for many). */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  return new TextPositions(text).at(offset);
}
