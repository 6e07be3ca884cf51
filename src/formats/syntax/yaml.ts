import {
  Composer,
  Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseDocument,
  Parser,
  visit,
  YAMLParseError,
  type Node,
  type YAMLMap,
} from 'yaml';
import { TextPositions } from './positions.js';
import { trimSpaces } from '../../model/text.js';

/** A YAML (or JSON) document with what it takes to turn a node or a JSON pointer into a line and column. */
export interface PositionedDocument {
  readonly doc: Document.Parsed;
  readonly lines: TextPositions;
  /** Syntax errors, 1-based. */
  readonly errors: readonly { line: number; column: number; message: string }[];
}

export function parsePositioned(text: string): PositionedDocument {
  const lines = new TextPositions(text);
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const errors = doc.errors.map((e) => {
    return { ...lines.at(e.pos[0]), message: firstLine(e.message) };
  });
  return { doc, lines, errors };
}

/**
 * The document as plain data, or why not: aliases that expand past yaml's alias budget (an
 * "alias bomb", a few lines that stand for billions of nodes) are refused at the first alias.
 */
export function plainData(
  pd: PositionedDocument,
): { value: unknown } | { error: { line: number; column: number; message: string } } {
  try {
    return { value: pd.doc.toJS() };
  } catch (e) {
    let at: { line: number; column: number } = { line: 1, column: 1 };
    visit(pd.doc, {
      Alias(_, node) {
        const start = node.range?.[0];
        if (start !== undefined) at = pd.lines.at(start);
        return visit.BREAK;
      },
    });
    const why = e instanceof Error ? firstLine(e.message) : String(e);
    return { error: { ...at, message: `the document cannot be read: ${why}` } };
  }
}

function firstLine(message: string): string {
  const line = message.split('\n')[0] ?? message;
  return trimSpaces(line.replace(/ at line \d+, column \d+:?$/, ''));
}

/** 1-based line and column of a node's start; the document start when there is no node. */
export function nodePosition(
  doc: { readonly lines: TextPositions },
  node: unknown,
): { line: number; column: number } {
  const range = (node as Node | undefined)?.range;
  if (!range) return { line: 1, column: 1 };
  return doc.lines.at(range[0]);
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

/** Where a node is written: its key (for a mapping value) and its value, 1-based. */
export interface NodePlace {
  readonly key?: { line: number; column: number };
  readonly value: { line: number; column: number };
}

/**
 * Where `node` and every node under it are written, by JSON pointer relative to `node` (`''`
 * for `node` itself, `/columns/host`): for messages about one key or value of a mapping.
 */
export function nodePlaces(pd: PositionedDocument, node: unknown): Map<string, NodePlace> {
  const places = new Map<string, NodePlace>();
  const walk = (n: unknown, pointer: string, key: unknown): void => {
    const value = nodePosition(pd, n ?? key);
    places.set(pointer, key === undefined ? { value } : { key: nodePosition(pd, key), value });
    if (isMap(n)) {
      for (const pair of n.items) {
        if (!isPair(pair) || !isScalar(pair.key)) continue;
        const name = String(pair.key.value).replace(/~/g, '~0').replace(/\//g, '~1');
        walk(pair.value, `${pointer}/${name}`, pair.key);
      }
    } else if (isSeq(n)) {
      n.items.forEach((item, i) => walk(item, `${pointer}/${i}`, undefined));
    }
  };
  walk(node, '', undefined);
  return places;
}

function unescapePointer(s: string): string {
  return s.replace(/~1/g, '/').replace(/~0/g, '~');
}

// ---------------------------------------------------------------------------------------------
// Large YAML files read once, with their comments (octoDNS zones, our DNS YAML)

/** A comment in a YAML text: on a line of its own, or after something on its line. */
export interface YamlComment {
  readonly text: string;
  readonly inline: boolean;
}

/** Every comment of a YAML text by 1-based line, found in the parser's concrete syntax tree. */
function yamlComments(
  text: string,
  lines: TextPositions,
  tokens: readonly unknown[],
): Map<number, YamlComment> {
  const found = new Map<number, YamlComment>();
  const visit = (node: unknown, depth: number): void => {
    if (depth > 200 || node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const item of node) visit(item, depth + 1);
      return;
    }
    const token = node as { type?: unknown; offset?: unknown; source?: unknown };
    if (
      token.type === 'comment' &&
      typeof token.offset === 'number' &&
      typeof token.source === 'string'
    ) {
      const { line, column } = lines.at(token.offset);
      const inline = trimSpaces(text.slice(token.offset - column + 1, token.offset)) !== '';
      found.set(line, { text: trimSpaces(token.source.replace(/^#/, '')), inline });
      return;
    }
    for (const value of Object.values(node)) visit(value, depth + 1);
  };
  visit(tokens, 0);
  return found;
}

/**
 * A YAML text parsed once into its document and its comments, with positions taken from
 * offsets: the YAML library's line counter can lose a line break while it recovers from some
 * syntax errors. Duplicate keys are left to the formats, because the library's check costs time
 * quadratic in the size of a mapping and an octoDNS zone is one big mapping.
 */
export interface YamlSource {
  readonly doc: Document.Parsed;
  readonly lines: TextPositions;
  readonly comments: ReadonlyMap<number, YamlComment>;
  /** The first syntax error, if any. */
  readonly syntax?: { readonly line: number; readonly column: number; readonly message: string };
}

export function readYaml(text: string): YamlSource {
  const lines = new TextPositions(text);
  const tokens = Array.from(new Parser().parse(text));
  let doc: Document.Parsed | undefined;
  for (const next of new Composer({ uniqueKeys: false }).compose(tokens, true, text.length)) {
    if (!doc) doc = next;
    else {
      doc.errors.push(
        new YAMLParseError(
          [next.range[0], next.range[1]],
          'MULTIPLE_DOCS',
          'the file holds more than one YAML document',
        ),
      );
      break;
    }
  }
  doc ??= new Document() as Document.Parsed;
  const comments = yamlComments(text, lines, tokens);
  const error = doc.errors[0];
  if (!error) return { doc, lines, comments };
  const message = trimSpaces(
    (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, ''),
  );
  return { doc, lines, comments, syntax: { ...lines.at(error.pos[0]), message } };
}

/** The first key a mapping repeats, and where it repeats it. */
export function duplicateKey(
  src: YamlSource,
  map: YAMLMap,
): { key: string; node: unknown } | undefined {
  const seen = new Set<string>();
  for (const pair of map.items) {
    const node = resolved(src, pair.key);
    const key = scalarText(node);
    if (key === undefined) continue;
    if (seen.has(key)) return { key, node };
    seen.add(key);
  }
  return undefined;
}

/**
 * The comment for something written on `inlineLines`: an inline comment on one of them, else the
 * comment lines right above the first of `aboveLines` that has some (joined; rules of `=` or `-`
 * left out).
 */
export function commentFor(
  comments: ReadonlyMap<number, YamlComment>,
  inlineLines: readonly number[],
  aboveLines: readonly number[],
): string | undefined {
  for (const l of inlineLines) {
    const c = comments.get(l);
    if (c?.inline && c.text !== '') return c.text;
  }
  for (const line of aboveLines) {
    const above: string[] = [];
    for (let l = line - 1; l > 0; l--) {
      const c = comments.get(l);
      if (!c || c.inline) break;
      if (/[A-Za-z0-9\u0080-\uffff]/.test(c.text)) above.unshift(c.text);
    }
    if (above.length > 0) return above.join('\n');
  }
  return undefined;
}

/** Where a node's content starts: inside the quotes of a quoted scalar. */
export function contentPosition(src: YamlSource, node: unknown): { line: number; column: number } {
  const pos = nodePosition(src, node);
  const quoted = isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE');
  const start = (node as { range?: readonly number[] } | undefined)?.range?.[0];
  // After the quote, which may end its line.
  return quoted && start !== undefined ? src.lines.at(start + 1) : pos;
}

/** The node behind an alias. */
export function resolved(src: YamlSource, node: unknown): unknown {
  return isAlias(node) ? node.resolve(src.doc) : node;
}

/** A scalar's value as text (`3600` and `true` too); undefined for collections and null. */
export function scalarText(node: unknown): string | undefined {
  if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
  const v = node.value;
  return typeof v === 'string'
    ? v
    : typeof v === 'number' || typeof v === 'boolean'
      ? String(v)
      : undefined;
}

/** Written so that a YAML reader gets the text back: plain when safe, else single-quoted. */
export function yamlScalar(text: string): string {
  if (
    /^[A-Za-z0-9_][A-Za-z0-9_.\-=+/ ]*$/.test(text) &&
    !/ $/.test(text) &&
    !/^(?:true|false|null|yes|no|on|off|~|[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?|0x[0-9a-f]+|0o[0-7]+)$/i.test(
      text,
    )
  ) {
    return text;
  }
  return `'${text.replace(/'/g, "''")}'`;
}
