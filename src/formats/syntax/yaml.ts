import { isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';

/** A YAML (or JSON) document with what it takes to turn a node or a JSON pointer into a line and column. */
export interface PositionedDocument {
  readonly doc: Document.Parsed;
  readonly lines: LineIndex;
  /** Syntax errors, 1-based. */
  readonly errors: readonly { line: number; column: number; message: string }[];
}

export function parsePositioned(text: string): PositionedDocument {
  const lines = new LineIndex(text);
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const errors = doc.errors.map((e) => {
    const pos = lines.linePos(e.pos[0]);
    return { line: pos.line, column: pos.col, message: firstLine(e.message) };
  });
  return { doc, lines, errors };
}

function firstLine(message: string): string {
  const line = message.split('\n')[0] ?? message;
  return line.replace(/ at line \d+, column \d+:?$/, '').trim();
}

/**
 * Offsets to 1-based line and column, from every line break of the text. The yaml package's own
 * LineCounter only records the breaks its lexer reached, which after a syntax error can be fewer.
 */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1))
      this.starts.push(i + 1);
  }

  linePos(offset: number): { line: number; col: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - this.starts[lo]! + 1 };
  }
}

/** 1-based line and column of a node's start; the document start when there is no node. */
export function nodePosition(
  pd: PositionedDocument,
  node: unknown,
): { line: number; column: number } {
  const range = (node as Node | undefined)?.range;
  if (!range) return { line: 1, column: 1 };
  const pos = pd.lines.linePos(range[0]);
  return { line: pos.line, column: pos.col };
}

/**
 * The node at a JSON pointer (`/allowlists/0/scope`), as deep as the document goes. With `key: true`
 * the last step returns the key node instead of the value (for "unknown property" errors).
 */
export function nodeAt(pd: PositionedDocument, pointer: string, key = false): unknown {
  const steps = pointer === '' ? [] : pointer.slice(1).split('/').map(unescapePointer);
  let node: unknown = pd.doc.contents;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    const last = i === steps.length - 1;
    if (isMap(node)) {
      // The last of duplicate keys, as toJS() keeps the last value.
      const pair = node.items.findLast(
        (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === step,
      );
      if (!pair) return node;
      node = last && key ? pair.key : (pair.value ?? pair.key);
    } else if (isSeq(node)) {
      const item = node.items[Number(step)];
      if (item === undefined) return node;
      node = item;
    } else {
      return node;
    }
  }
  return node;
}

function unescapePointer(s: string): string {
  return s.replace(/~1/g, '/').replace(/~0/g, '~');
}
