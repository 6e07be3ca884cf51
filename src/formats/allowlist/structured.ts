import type { ErrorObject } from 'ajv';
import { isAlias, isMap, isScalar, isSeq, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import schema from '../../../schemas/allowlist.schema.json' with { type: 'json' };
import { validatorFor } from '../syntax/allowlist-validator.generated.js';
import { nodeAt, nodePosition, parsePositioned, type PositionedDocument } from '../syntax/yaml.js';
import type { Entry, ParsedFile, ParseProblem } from '../../model/entry.js';
import { HostPattern } from '../../model/host.js';
import { parseIpBlock } from '../../model/ip.js';
import type { SourceLocation } from '../../model/location.js';
import { PortSet } from '../../model/ports.js';
import { type AllowlistFormat, RULE_CAPABILITIES, type SourceFile } from '../format.js';
import { positionOf } from '../syntax/positions.js';
import { jsonSyntaxError, notTextProblem, withoutBom } from '../syntax/source.js';
import { append } from '../../model/collections.js';
import { trimSpaces } from '../../model/text.js';

/**
 * Our own allowlist format (schemas/allowlist.schema.json), in YAML or JSON. JSON is read by
 * the YAML parser too, so both get positions for every node; JSON syntax is checked on its own
 * because YAML accepts things JSON does not (trailing commas, comments).
 */

type Flavour = 'yaml' | 'json';

const MARKER = 'allowlist/v1';
const ENTRY_KEYS = 'host, ip, tcp, udp, comment or group';

/** The validator is generated at build time (scripts/validators.ts). */
function validate(data: unknown): readonly ErrorObject[] {
  const validator = validatorFor(schema);
  return validator(data) ? [] : (validator.errors ?? []);
}

const SAMPLE_CHARS = 64 * 1024;
const DETECT: Record<Flavour, { marker: RegExp; shape: RegExp }> = {
  yaml: {
    marker: /^["']?endpoint-drift["']?\s*:\s*["']?allowlist\/v1\b/m,
    // Horizontal whitespace only inside the repetition, so that no run of blank lines can make
    // the expression backtrack.
    shape:
      /^entries[^\S\n]*:[^\S\n]*(?:#.*)?\n(?:[^\S\n]*(?:#.*)?\n)*[^\S\n]*-[^\S\n]+["']?(?:host|ip)["']?[^\S\n]*:/m,
  },
  json: {
    marker: /"endpoint-drift"\s*:\s*"allowlist\/v1"/,
    shape: /"entries"\s*:\s*\[\s*\{\s*"(?:host|ip)"\s*:/,
  },
};

function detector(flavour: Flavour, patterns: readonly string[]): (file: SourceFile) => number {
  return (file) => {
    const path = file.path.toLowerCase();
    if (!patterns.some((p) => path.endsWith(p.replace(/^\*/, '')))) return 0;
    const head = file.text.slice(0, SAMPLE_CHARS);
    if (DETECT[flavour].marker.test(head)) return 10;
    return DETECT[flavour].shape.test(head) ? 5 : 0;
  };
}

function parseStructured(file: SourceFile, flavour: Flavour): ParsedFile {
  const entries: Entry[] = [];
  const problems: ParseProblem[] = [];
  const result = { path: file.path, format: `allowlist-${flavour}`, entries, problems };
  const notText = notTextProblem(file);
  if (notText) {
    problems.push(notText);
    return result;
  }
  const text = withoutBom(file.text);
  const at = (pos: { line: number; column: number }): SourceLocation => ({
    file: file.path,
    ...pos,
  });

  let jsonError = false;
  if (flavour === 'json') {
    try {
      JSON.parse(text);
    } catch {
      const error = jsonSyntaxError(text);
      if (error) {
        jsonError = true;
        problems.push({
          location: at(positionOf(text, error.offset)),
          message: `invalid JSON: ${error.message}`,
        });
      }
    }
  }
  const pd = parsePositioned(text);
  const syntax = pd.errors[0];
  if (syntax && !jsonError) {
    problems.push({
      location: at({ line: syntax.line, column: syntax.column }),
      message: `invalid ${flavour === 'json' ? 'JSON' : 'YAML'}: ${syntax.message}`,
    });
  }

  // After a syntax error the document is a guess: read the entries that make sense, but do not
  // lecture about the shape of text the parser had to invent.
  const quiet = problems.length > 0;
  const data = toData(pd);
  const errors = validate(data);
  const entryErrors = new Map<number, ErrorObject[]>();
  for (const err of errors) {
    const m = /^\/entries\/(\d+)(?:\/|$)/.exec(err.instancePath);
    if (!m) {
      if (!quiet) problems.push(schemaProblem(err, pd, at, flavour));
      continue;
    }
    const index = Number(m[1]);
    entryErrors.set(index, [...(entryErrors.get(index) ?? []), err]);
  }

  const seq = nodeAt(pd, '/entries');
  const items = (data as { entries?: unknown } | undefined)?.entries;
  if (!isSeq(seq) || !Array.isArray(items)) return result;
  seq.items.forEach((written, index) => {
    const item = isAlias(written) ? written.resolve(pd.doc) : written;
    const errs = entryErrors.get(index);
    if (errs) {
      if (!quiet) append(problems, entryProblems(errs, pd, at, flavour));
    } else if (isMap(item)) {
      const value: unknown = items[index];
      if (value === null || typeof value !== 'object') {
        // The document's data and its syntax tree disagree (only after syntax errors).
        if (!quiet)
          problems.push({
            location: at(nodePosition(pd, item)),
            message: 'this entry could not be read',
          });
        return;
      }
      readEntry(item, value as EntryData, comment(seq, item, index), pd, at, entries, problems);
    }
  });
  problems.sort(
    (a, b) => a.location.line - b.location.line || a.location.column - b.location.column,
  );
  return result;
}

function toData(pd: PositionedDocument): unknown {
  try {
    return pd.doc.toJS({ maxAliasCount: 1000 });
  } catch {
    // Alias bombs and similar: the syntax problem already says what is wrong.
    return undefined;
  }
}

interface EntryData {
  readonly host?: string;
  readonly ip?: string;
  readonly tcp?: unknown;
  readonly udp?: unknown;
  readonly comment?: string;
}

type At = (pos: { line: number; column: number }) => SourceLocation;

/** Where a node's content starts: inside the quotes of a quoted string. */
function contentPosition(pd: PositionedDocument, node: unknown): { line: number; column: number } {
  const pos = nodePosition(pd, node);
  const quoted = isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE');
  return quoted ? { line: pos.line, column: pos.column + 1 } : pos;
}

function readEntry(
  item: YAMLMap,
  data: EntryData,
  yamlComment: string | undefined,
  pd: PositionedDocument,
  at: At,
  entries: Entry[],
  problems: ParseProblem[],
): void {
  const key = data.host !== undefined ? 'host' : 'ip';
  const text = (data.host ?? data.ip)!;
  const location = at(contentPosition(pd, item.get(key, true)));

  const ports = {
    tcp: readPorts(item, 'tcp', data.tcp, pd, at, problems),
    udp: readPorts(item, 'udp', data.udp, pd, at, problems),
  };
  if (ports.tcp === null || ports.udp === null) return;
  const spec =
    ports.tcp === undefined && ports.udp === undefined
      ? { tcp: PortSet.ANY, udp: PortSet.ANY }
      : { tcp: ports.tcp ?? PortSet.EMPTY, udp: ports.udp ?? PortSet.EMPTY };
  const comment = data.comment ?? yamlComment;

  if (key === 'host') {
    const pattern = HostPattern.parse(text);
    if (!pattern.ok) problems.push({ location, message: pattern.error, text });
    else
      entries.push({ kind: 'host', text, location, pattern: pattern.value, ports: spec, comment });
  } else {
    const block = parseIpBlock(text);
    if (!block.ok) problems.push({ location, message: block.error, text });
    else entries.push({ kind: 'ip', text, location, block: block.value, ports: spec, comment });
  }
}

/** The ports of one protocol; undefined when the key is absent, null after a problem. */
function readPorts(
  item: YAMLMap,
  protocol: 'tcp' | 'udp',
  value: unknown,
  pd: PositionedDocument,
  at: At,
  problems: ParseProblem[],
): PortSet | undefined | null {
  if (value === undefined) return undefined;
  const node = item.get(protocol, true) as Node | undefined;
  const values = Array.isArray(value) ? value : [value];
  const nodes = isSeq(node) ? node.items : [node];
  let set = PortSet.EMPTY;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number | string;
    const parsed = typeof v === 'number' ? PortSet.parse(String(v)) : PortSet.parse(v);
    if (!parsed.ok) {
      problems.push({
        location: at(contentPosition(pd, nodes[i])),
        message: parsed.error,
        text: String(v),
      });
      return null;
    }
    set = set.union(parsed.value);
  }
  return set;
}

/** The `#` comment on the entry's first line, or the comment lines right above it. */
function comment(seq: YAMLSeq, item: YAMLMap, index: number): string | undefined {
  const first = item.items[0]?.value as Node | undefined;
  const raw = first?.comment ?? item.commentBefore ?? (index === 0 ? seq.commentBefore : undefined);
  if (raw === undefined || raw === null) return undefined;
  const text = raw
    .split('\n')
    .map((l) => trimSpaces(l))
    .filter((l) => l !== '')
    .join('\n');
  return text === '' ? undefined : text;
}

/** One problem per distinct message; "host or ip" errors come as a set from `oneOf` and are told once. */
function entryProblems(
  errors: readonly ErrorObject[],
  pd: PositionedDocument,
  at: At,
  flavour: Flavour,
): ParseProblem[] {
  const out: ParseProblem[] = [];
  const seen = new Set<string>();
  const entryPath = /^\/entries\/\d+/.exec(errors[0]!.instancePath)![0];
  const notAMap = errors.some((e) => e.instancePath === entryPath && e.keyword === 'type');
  for (const err of errors) {
    if (notAMap && err.instancePath === entryPath && err.keyword !== 'type') continue;
    const problem = schemaProblem(err, pd, at, flavour);
    const id = `${problem.location.line}:${problem.location.column}:${problem.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(problem);
  }
  return out;
}

function schemaProblem(
  err: ErrorObject,
  pd: PositionedDocument,
  at: At,
  flavour: Flavour,
): ParseProblem {
  const unknownKey = err.keyword === 'additionalProperties';
  const pointer = unknownKey
    ? `${err.instancePath}/${String(err.params.additionalProperty).replace(/~/g, '~0').replace(/\//g, '~1')}`
    : err.instancePath;
  const node = nodeAt(pd, pointer, unknownKey);
  return { location: at(contentPosition(pd, node)), message: describe(err, flavour) };
}

function describe(err: ErrorObject, flavour: Flavour): string {
  const mapping = flavour === 'json' ? 'an object' : 'a mapping';
  const list = flavour === 'json' ? 'an array' : 'a list';
  const steps = err.instancePath.split('/').slice(1);
  const isEntry = steps[0] === 'entries' && steps.length >= 2;
  const inEntry = isEntry && steps.length === 2;
  const name = [...steps].reverse().find((s) => !/^\d+$/.test(s)) ?? '';
  const p = err.params as Record<string, unknown>;
  const value = err.data;

  switch (err.keyword) {
    case 'oneOf':
    case 'required':
      if (inEntry) return 'an entry needs exactly one of "host" or "ip"';
      return `the file needs ${list} of "entries"`;
    case 'additionalProperties': {
      const keyName = String(p.additionalProperty);
      return isEntry
        ? `unknown key "${keyName}" in an entry (expected ${ENTRY_KEYS})`
        : `unknown key "${keyName}" (expected endpoint-drift or entries)`;
    }
    case 'const':
      return `unsupported marker ${JSON.stringify(value)} (expected "${MARKER}")`;
    case 'type':
      if (err.instancePath === '') return `the file must be ${mapping} with ${list} of "entries"`;
      if (inEntry)
        return `an entry must be ${mapping} with "host" or "ip", not ${JSON.stringify(value)}`;
      if (name === 'tcp' || name === 'udp') {
        return `"${name}" must be a port, a string such as "80,443" or ${list} of them, not ${JSON.stringify(value)}`;
      }
      if (name === 'entries') return `"entries" must be ${list}`;
      return `"${name}" must be a string, not ${JSON.stringify(value)}`;
    case 'minimum':
    case 'maximum':
      return `port ${String(value)} is out of range (0-65535)`;
    case 'pattern': {
      const parsed = PortSet.parse(String(value));
      return parsed.ok ? `"${String(value)}" is not a port or port range` : parsed.error;
    }
    case 'minItems':
    case 'minLength':
      return `"${name}" must not be empty`;
    default:
      return `"${name || 'the file'}" ${err.message ?? 'is not valid'}`;
  }
}

function structuredFormat(
  flavour: Flavour,
  title: string,
  filePatterns: readonly string[],
): AllowlistFormat {
  return {
    id: `allowlist-${flavour}`,
    title,
    filePatterns,
    capabilities: RULE_CAPABILITIES,
    detect: detector(flavour, filePatterns),
    parse: (file) => parseStructured(file, flavour),
  };
}

export const ALLOWLIST_YAML = structuredFormat('yaml', 'endpoint-drift allowlist (YAML)', [
  '*.yml',
  '*.yaml',
]);
export const ALLOWLIST_JSON = structuredFormat('json', 'endpoint-drift allowlist (JSON)', [
  '*.json',
]);
