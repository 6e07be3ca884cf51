import type { Entry, ParsedFile, ParseProblem } from '../../model/entry.js';
import { HostPattern } from '../../model/host.js';
import { parseIpBlock } from '../../model/ip.js';
import type { SourceLocation } from '../../model/location.js';
import { PortSet, type PortSpec } from '../../model/ports.js';
import {
  type AllowlistFormat,
  type ParseOptions,
  RULE_CAPABILITIES,
  type SourceFile,
} from '../format.js';
import { classifyValue, notTextProblem, splitPath, withoutBom } from '../syntax/source.js';
import { LineComments } from '../syntax/comments.js';
import { TextPositions } from '../syntax/positions.js';
import { settingsSchema, NAME } from '../format.js';
import { trimSpaces, trimSpacesStart } from '../../model/text.js';

// ---------------------------------------------------------------------------------------------
// CSV allowlists

/** One field as read: its text with quotes undone, and where its first character is. */
interface Cell {
  readonly value: string;
  /** Offset of the value's first character (after an opening quote). */
  readonly offset: number;
  /** Quoted with `""` inside, so value offsets need mapping back to the text. */
  readonly escaped: boolean;
}

interface Row {
  readonly cells: readonly Cell[];
  readonly offset: number;
  /** A quote that never closes swallowed the rest of the file: the row is not read. */
  readonly broken: boolean;
}

/**
 * RFC 4180 records: fields separated by the delimiter, quoted fields may hold delimiters, line
 * breaks and `""`. Lines starting with `#` (outside quotes) are comments, kept by line.
 */
function readRows(
  text: string,
  delimiter: string,
  positions: TextPositions,
  comments: LineComments,
  problems: (offset: number, message: string) => void,
): Row[] {
  const rows: Row[] = [];
  const n = text.length;
  const d = delimiter.charCodeAt(0);
  let i = 0;
  while (i < n) {
    const lineStart = i;
    // Blank lines and comment lines.
    let j = i;
    while (j < n && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
    const c0 = text.charCodeAt(j);
    if (j >= n || c0 === 10 || (c0 === 13 && text.charCodeAt(j + 1) === 10)) {
      const end = text.indexOf('\n', j);
      i = end < 0 ? n : end + 1;
      continue;
    }
    if (c0 === 35 /* # */) {
      const end = text.indexOf('\n', j);
      comments.add(
        positions.at(j).line,
        text.slice(j + 1, end < 0 ? n : end).replace(/\r$/, ''),
        true,
      );
      i = end < 0 ? n : end + 1;
      continue;
    }
    const cells: Cell[] = [];
    let broken = false;
    for (;;) {
      // One field.
      let start = i;
      if (text.charCodeAt(i) === 34 /* " */) {
        const open = i;
        let k = i + 1;
        let value = '';
        let escaped = false;
        let closed = false;
        while (k < n) {
          const q = text.indexOf('"', k);
          if (q < 0) break;
          if (text.charCodeAt(q + 1) === 34) {
            value += text.slice(k, q + 1);
            escaped = true;
            k = q + 2;
            continue;
          }
          value += text.slice(k, q);
          k = q + 1;
          closed = true;
          break;
        }
        if (!closed) {
          problems(open, 'unterminated quoted field');
          broken = true;
          value = text.slice(open + 1);
          k = n;
        }
        // Text between the closing quote and the delimiter is kept, as spreadsheets do.
        let e = k;
        while (e < n && text.charCodeAt(e) !== d && text.charCodeAt(e) !== 10) e++;
        value += text.slice(k, e).replace(/\r$/, '');
        cells.push({ value, offset: open + 1, escaped });
        i = e;
      } else {
        let e = i;
        while (e < n && text.charCodeAt(e) !== d && text.charCodeAt(e) !== 10) e++;
        let value = text.slice(start, e);
        if (value.endsWith('\r')) value = value.slice(0, -1);
        cells.push({ value, offset: start, escaped: false });
        i = e;
        start = e;
      }
      if (i < n && text.charCodeAt(i) === d) {
        i++;
        continue;
      }
      if (i < n) i++; // the line break
      break;
    }
    rows.push({ cells, offset: lineStart, broken });
  }
  return rows;
}

/** Offset in the text of character `index` of a cell's value. */
function offsetIn(cell: Cell, index: number, text: string): number {
  if (!cell.escaped) return cell.offset + index;
  let raw = cell.offset;
  for (let k = 0; k < index; k++) {
    raw += text.charCodeAt(raw) === 34 ? 2 : 1;
  }
  return raw;
}

/** What a column holds, when the settings or the header say so. */
type Role = 'value' | 'host' | 'ip' | 'tcp' | 'udp' | 'ports' | 'protocol' | 'comment';
const ROLES: readonly Role[] = [
  'value',
  'host',
  'ip',
  'tcp',
  'udp',
  'ports',
  'protocol',
  'comment',
];

const HEADER_HINTS: readonly [Role, RegExp][] = [
  ['tcp', /^tcp(?:[ _-]?ports?)?$/i],
  ['udp', /^udp(?:[ _-]?ports?)?$/i],
  ['protocol', /^(?:protocols?|proto|ip[ _-]?protocol)$/i],
  ['ports', /\bports?\b/i],
  [
    'value',
    /^(?:destinations?|dest|target|targets|address(?:es)?|hosts?|host ?names?|fqdns?|domains?|urls?|ips?|ip ?address(?:es)?|ip ?ranges?|cidrs?|networks?|endpoints?|dns ?searches)$/i,
  ],
  [
    'comment',
    /^(?:comments?|description|desc|notes?|name|service|service ?area|category|remarks?)$/i,
  ],
];

const DELIMITERS = [',', ';', '\t', '|'];

function countOutsideQuotes(line: string, ch: string): number {
  let n = 0;
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (c === ch && !quoted) n++;
  }
  return n;
}

/** A value in a cell that names a destination: an address, or a name with a dot. */
function looksLikeDestination(item: string): boolean {
  if (classifyValue(item) === 'ip') return parseIpBlock(item).ok;
  const host = splitPath(item.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')).host;
  return host.includes('.') && HostPattern.parse(host).ok;
}

interface Item {
  readonly text: string;
  readonly index: number;
}

function splitItems(value: string, separators: RegExp): Item[] {
  const out: Item[] = [];
  separators.lastIndex = 0;
  let start = 0;
  for (let m = separators.exec(value); m; m = separators.exec(value)) {
    if (m.index > start) out.push({ text: value.slice(start, m.index), index: start });
    start = m.index + m[0].length;
    if (m[0].length === 0) separators.lastIndex++;
  }
  if (start < value.length) out.push({ text: value.slice(start), index: start });
  return out;
}

interface Layout {
  readonly header: Row | undefined;
  readonly columns: ReadonlyMap<Role, readonly number[]>;
}

interface CsvSettings {
  readonly columns?: Readonly<Partial<Record<Role, string | number>>>;
  readonly delimiter?: string;
  readonly header?: boolean;
}

function readSettings(options: ParseOptions | undefined): CsvSettings | string {
  const s = options?.settings ?? {};
  const columns = s.columns;
  if (columns !== undefined) {
    if (typeof columns !== 'object' || columns === null || Array.isArray(columns)) {
      return `the CSV setting "columns" must map roles to column names, not ${JSON.stringify(columns)}`;
    }
    for (const [role, ref] of Object.entries(columns)) {
      if (!ROLES.includes(role as Role)) {
        return `unknown CSV column role "${role}" (expected ${ROLES.join(', ')})`;
      }
      if (
        typeof ref !== 'string' &&
        !(typeof ref === 'number' && Number.isInteger(ref) && ref >= 1)
      ) {
        return `the CSV column for "${role}" must be a header name or a column number from 1, not ${JSON.stringify(ref)}`;
      }
    }
  }
  const delimiter = s.delimiter;
  if (
    delimiter !== undefined &&
    (typeof delimiter !== 'string' || delimiter.length !== 1 || delimiter === '"')
  ) {
    return `the CSV setting "delimiter" must be one character, not ${JSON.stringify(delimiter)}`;
  }
  const header = s.header;
  if (header !== undefined && typeof header !== 'boolean') {
    return `the CSV setting "header" must be true or false, not ${JSON.stringify(header)}`;
  }
  return s as CsvSettings;
}

/** `443:tcp`, `tcp/443`, `443/udp`, `80-90`, `any`: the ports of one item, per protocol. */
function readPortItem(item: string, defaults: readonly ('tcp' | 'udp')[]): PortSpec | string {
  const lower = item.toLowerCase();
  if (lower === 'any' || lower === '*' || lower === 'all') {
    return { tcp: PortSet.ANY, udp: PortSet.ANY };
  }
  const m = /^(?:(tcp|udp)[:/ ]?)?(\d{1,5}(?:-\d{1,5})?|any|\*)(?:[:/ ](tcp|udp))?$/.exec(lower);
  if (!m) return `"${item}" is not a port, a port range or a port with its protocol (443:tcp)`;
  const ports =
    m[2] === 'any' || m[2] === '*'
      ? { ok: true as const, value: PortSet.ANY }
      : PortSet.parse(m[2]!);
  if (!ports.ok) return ports.error;
  const protocol = (m[1] ?? m[3]) as 'tcp' | 'udp' | undefined;
  const protocols = protocol ? [protocol] : defaults;
  return {
    tcp: protocols.includes('tcp') ? ports.value : PortSet.EMPTY,
    udp: protocols.includes('udp') ? ports.value : PortSet.EMPTY,
  };
}

function readProtocols(value: string): ('tcp' | 'udp')[] {
  const lower = value.toLowerCase();
  if (trimSpaces(lower) === '' || /\b(?:any|all|ip)\b/.test(lower)) return ['tcp', 'udp'];
  const out: ('tcp' | 'udp')[] = [];
  if (/tcp/.test(lower)) out.push('tcp');
  if (/udp/.test(lower)) out.push('udp');
  return out;
}

/** What a column holds, as `check` reads it. */
export type CsvRole = Role;

/**
 * The delimiter and the columns of each role of a CSV file, as `check` reads them (for tools that
 * edit the file); undefined when the settings are wrong or no row is read.
 */
export function csvLayout(
  fileText: string,
  options?: ParseOptions,
): { delimiter: string; columns: ReadonlyMap<CsvRole, readonly number[]> } | undefined {
  const settings = readSettings(options);
  if (typeof settings === 'string') return undefined;
  let text = withoutBom(fileText);
  const sep = /^sep=(.)\r?\n/.exec(text);
  const delimiter = settings.delimiter ?? sep?.[1] ?? guessDelimiter(text);
  if (sep) text = ' '.repeat(sep[0].length - 1) + text.slice(sep[0].length - 1);
  const positions = new TextPositions(text);
  const at = (offset: number): SourceLocation => ({ file: '', ...positions.at(offset) });
  const rows = readRows(text, delimiter, positions, new LineComments(), () => {});
  if (rows.length === 0) return undefined;
  const layout = planColumns(rows, settings, /[,;|\s]+/g, at, []);
  return layout && { delimiter, columns: layout.columns };
}

function parseCsv(file: SourceFile, options?: ParseOptions): ParsedFile {
  const entries: Entry[] = [];
  const problems: ParseProblem[] = [];
  const result = { path: file.path, format: 'csv', entries, problems };
  const notText = notTextProblem(file);
  if (notText) {
    problems.push(notText);
    return result;
  }
  const settings = readSettings(options);
  if (typeof settings === 'string') {
    problems.push({ location: { file: file.path, line: 0, column: 1 }, message: settings });
    return result;
  }
  let text = withoutBom(file.text);
  // Spreadsheet exports may name their delimiter on a first line of their own.
  const sep = /^sep=(.)\r?\n/.exec(text);
  const delimiter = settings.delimiter ?? sep?.[1] ?? guessDelimiter(text);
  if (sep) text = ' '.repeat(sep[0].length - 1) + text.slice(sep[0].length - 1);
  const positions = new TextPositions(text);
  const at = (offset: number): SourceLocation => ({ file: file.path, ...positions.at(offset) });
  const comments = new LineComments();
  const rows = readRows(text, delimiter, positions, comments, (offset, message) =>
    problems.push({ location: at(offset), message }),
  );
  if (rows.length === 0) return result;

  // Inside a field, values are separated by any of these (a delimiter there must be quoted).
  const separators = /[,;| \t\n\v\f\r]+/g;
  const layout = planColumns(rows, settings, separators, at, problems);
  if (!layout) return result;
  const { header, columns } = layout;
  const col = (role: Role) => columns.get(role) ?? [];
  const destinations = [...col('value'), ...col('host'), ...col('ip')];
  if (destinations.length === 0) {
    problems.push({
      location: header ? at(header.offset) : { file: file.path, line: 0, column: 1 },
      message: `no column holds host names or addresses; name it with the setting "columns" (${header ? `columns: ${columnNames(header)}` : 'a column number from 1'})`,
    });
    return result;
  }
  const hasPorts = col('tcp').length + col('udp').length + col('ports').length > 0;

  for (const row of rows) {
    if (row === header || row.broken) continue;
    const cell = (index: number) => row.cells[index];
    const rowLine = positions.at(row.offset).line;
    const own = comments.above(rowLine);
    const described = col('comment')
      .map((i) => {
        const v = cell(i)?.value;
        return v === undefined ? undefined : trimSpaces(v);
      })
      .filter((v): v is string => v !== undefined && v !== '');
    const comment = [own, ...described].filter((c) => c !== undefined).join('\n') || undefined;

    let ports: PortSpec | undefined;
    if (hasPorts) {
      const spec = rowPorts(row, columns, separators, text, at, problems);
      if (spec === null) continue;
      ports = spec;
    }
    for (const index of destinations) {
      const c = cell(index);
      if (!c) continue;
      const role = col('host').includes(index)
        ? 'host'
        : col('ip').includes(index)
          ? 'ip'
          : 'value';
      for (const item of splitItems(c.value, separators)) {
        const location = at(offsetIn(c, item.index, text));
        readDestination(item.text, role, location, ports, comment, entries, problems);
      }
    }
  }
  problems.sort(
    (a, b) => a.location.line - b.location.line || a.location.column - b.location.column,
  );
  return result;
}

/** The header's names for a message, kept to one readable line. */
function columnNames(header: Row): string {
  const names = header.cells.slice(0, 12).map((c) => {
    const name = trimSpaces(c.value);
    return name.length > 40 ? `${name.slice(0, 37)}...` : name;
  });
  if (header.cells.length > 12) names.push('...');
  return names.join(', ');
}

function guessDelimiter(text: string): string {
  const first =
    text.split('\n').find((l) => trimSpaces(l) !== '' && !trimSpacesStart(l).startsWith('#')) ?? '';
  let best = ',';
  let bestCount = 0;
  for (const d of DELIMITERS) {
    const count = countOutsideQuotes(first, d);
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

/** Finds the header and which column plays which role: from the settings, else from the header and the data. */
function planColumns(
  rows: readonly Row[],
  settings: CsvSettings,
  separators: RegExp,
  at: (offset: number) => SourceLocation,
  problems: ParseProblem[],
): Layout | undefined {
  const first = rows[0]!;
  const firstIsData = first.cells.some((c) =>
    splitItems(c.value, separators).some((i) => looksLikeDestination(i.text)),
  );
  const header = (settings.header ?? !firstIsData) ? first : undefined;
  const names = header?.cells.map((c) => trimSpaces(c.value).toLowerCase()) ?? [];
  const columns = new Map<Role, number[]>();
  const add = (role: Role, index: number) =>
    columns.set(role, [...(columns.get(role) ?? []), index]);

  if (settings.columns) {
    for (const [role, ref] of Object.entries(settings.columns) as [Role, string | number][]) {
      if (typeof ref === 'number') {
        add(role, ref - 1);
        continue;
      }
      const index = names.indexOf(trimSpaces(ref).toLowerCase());
      if (index < 0) {
        problems.push({
          location: header ? at(header.offset) : { ...at(0), line: 0, column: 1 },
          message: header
            ? `column "${ref}" is not in the header (columns: ${columnNames(header)})`
            : `column "${ref}" is named, but the file has no header row; use a column number from 1`,
        });
        return undefined;
      }
      add(role, index);
    }
    return { header, columns };
  }

  // Header names first; then any column whose values are mostly hosts or addresses.
  names.forEach((name, index) => {
    const hint = HEADER_HINTS.find(([, re]) => re.test(name));
    if (hint && (hint[0] !== 'comment' || !columns.has('comment'))) add(hint[0], index);
  });
  const data = rows.filter((r) => r !== header).slice(0, 200);
  const width = data.reduce((w, r) => Math.max(w, r.cells.length), 0);
  for (let index = 0; index < width; index++) {
    if ([...columns.values()].some((list) => list.includes(index))) continue;
    let filled = 0;
    let destinations = 0;
    for (const r of data) {
      const items = splitItems(r.cells[index]?.value ?? '', separators);
      if (items.length === 0) continue;
      filled++;
      if (items.every((i) => looksLikeDestination(i.text))) destinations++;
    }
    if (filled > 0 && destinations * 2 >= filled) add('value', index);
  }
  // A header-named destination column whose values are not destinations (a "Name" read as a host) is dropped.
  return { header, columns };
}

/** The ports of a row from its tcp, udp, ports and protocol columns; null after a problem. */
function rowPorts(
  row: Row,
  columns: ReadonlyMap<Role, readonly number[]>,
  separators: RegExp,
  text: string,
  at: (offset: number) => SourceLocation,
  problems: ParseProblem[],
): PortSpec | null {
  const cells = (role: Role) =>
    (columns.get(role) ?? []).map((i) => row.cells[i]).filter((c): c is Cell => c !== undefined);
  const protocolText = cells('protocol')
    .map((c) => c.value)
    .join(' ');
  const defaults = readProtocols(protocolText);
  let spec: PortSpec = { tcp: PortSet.EMPTY, udp: PortSet.EMPTY };
  let any = false;
  const read = (cell: Cell, protocols: readonly ('tcp' | 'udp')[]): boolean => {
    for (const item of splitItems(cell.value, separators)) {
      any = true;
      const parsed = readPortItem(item.text, protocols);
      if (typeof parsed === 'string') {
        problems.push({
          location: at(offsetIn(cell, item.index, text)),
          message: parsed,
          text: item.text,
        });
        return false;
      }
      spec = { tcp: spec.tcp.union(parsed.tcp), udp: spec.udp.union(parsed.udp) };
    }
    return true;
  };
  for (const c of cells('tcp')) if (!read(c, ['tcp'])) return null;
  for (const c of cells('udp')) if (!read(c, ['udp'])) return null;
  for (const c of cells('ports')) if (!read(c, defaults)) return null;
  if (!any) {
    // No ports written: every port of the row's protocols.
    return {
      tcp: defaults.includes('tcp') ? PortSet.ANY : PortSet.EMPTY,
      udp: defaults.includes('udp') ? PortSet.ANY : PortSet.EMPTY,
    };
  }
  return spec;
}

function readDestination(
  text: string,
  role: 'value' | 'host' | 'ip',
  location: SourceLocation,
  ports: PortSpec | undefined,
  comment: string | undefined,
  entries: Entry[],
  problems: ParseProblem[],
): void {
  const isIp = role === 'ip' || (role === 'value' && classifyValue(text) === 'ip');
  if (isIp) {
    const block = parseIpBlock(text);
    if (!block.ok) problems.push({ location, message: block.error, text });
    else entries.push({ kind: 'ip', text, location, block: block.value, ports, comment });
    return;
  }
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(text);
  const url = splitPath(scheme ? text.slice(scheme[0].length) : text);
  const hasPath = url.path !== undefined && url.path !== '/' && url.path !== '/*';
  if (scheme || hasPath) {
    const parts = [scheme ? 'scheme' : '', hasPath ? 'path' : ''].filter((p) => p !== '');
    problems.push({
      location,
      message: `only the host of "${text}" is compared, not its ${parts.join(' or ')}`,
      text,
      severity: 'notice',
    });
  }
  const pattern = HostPattern.parse(url.host);
  if (!pattern.ok) problems.push({ location, message: pattern.error, text });
  else entries.push({ kind: 'host', text, location, pattern: pattern.value, ports, comment });
}

function detectCsv(file: SourceFile): number {
  const path = file.path.toLowerCase();
  if (!path.endsWith('.csv') && !path.endsWith('.tsv')) return 0;
  return 5;
}

/**
 * CSV (and TSV) allowlists: one row per rule, one or more destinations per cell (separated by
 * `;`, `,`, `|` or spaces, whichever is not the delimiter). The delimiter (`,` `;` tab `|`) is
 * guessed from the first row or a `sep=` line; the first row is a header unless it holds
 * destinations. Without settings, columns are found by header name (Destination, Host, FQDN,
 * IP, Address, CIDR, URL..., Port(s), TCP, UDP, Protocol, Comment/Description/Name) and by
 * content (a column whose values are mostly host names or addresses). Ports read `443`,
 * `80-90`, `443:tcp`, `tcp/443`, `any`; a port without a protocol applies to the Protocol
 * column's protocols, or to TCP and UDP. `#` lines above a row are its comment.
 *
 * Settings: `columns: { value | host | ip | tcp | udp | ports | protocol | comment: header name
 * or column number from 1 }` (when given, only these columns are read), `delimiter: ','`,
 * `header: true | false`.
 */
export const CSV: AllowlistFormat = {
  id: 'csv',
  settings: settingsSchema({
    columns: {
      type: 'object',
      additionalProperties: false,
      properties: Object.fromEntries(
        ROLES.map((r) => [r, { anyOf: [NAME, { type: 'integer', minimum: 1 }] }]),
      ),
    },
    delimiter: { type: 'string', minLength: 1, maxLength: 1, not: { const: '"' } },
    header: { type: 'boolean' },
  }),
  title: 'CSV allowlist',
  filePatterns: ['*.csv', '*.tsv'],
  capabilities: RULE_CAPABILITIES,
  detect: detectCsv,
  parse: parseCsv,
};
