import type { DnsRecord, ParsedDnsFile } from '../../model/dns.js';
import type { ParseProblem } from '../../model/entry.js';
import type { SourceLocation } from '../../model/location.js';
import {
  absoluteZone,
  chunkText,
  endsWithDot,
  fieldsOf,
  MAX_TTL,
  otherRdata,
  parseTtl,
  plainName,
  rdataFromFields,
  recordType,
  splitFields,
  txtRdata,
  txtStrings,
  type NameContext,
  type Rdata,
} from '../syntax/dns-data.js';
import type { DnsFormat } from '../format.js';
import type { ParseOptions, SourceFile } from '../format.js';
import { notTextProblem } from '../syntax/source.js';
import { settingsSchema, NAME } from '../format.js';
import { trimSpaces } from '../../model/text.js';

/**
 * Zone exports as CSV (hosting panels, DNS providers): a header row, then one record set per
 * row. Names are fully qualified or relative to the zone, targets fully qualified (the trailing
 * dot is optional), and a row may carry several values in several columns (`content`,
 * `content2`, ...), each one record.
 */

/** One cell: its text (unquoted, trimmed) and where that text starts. */
interface Cell {
  readonly text: string;
  readonly line: number;
  readonly column: number;
}

/**
 * Splits CSV text into rows of cells (RFC 4180 quoting, blanks around cells ignored, a quoted cell
 * may span lines), keeping each cell's position.
 */
export function csvRows(text: string, delimiter: string): Cell[][] {
  const rows: Cell[][] = [];
  const d = delimiter.charCodeAt(0);
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let lineStart = i;
  let row: Cell[] = [];
  const blank = (c: number) => c === 32 || c === 9 || c === 13;
  while (i <= n) {
    // One cell.
    while (i < n && blank(text.charCodeAt(i)) && text.charCodeAt(i) !== d) i++;
    const cellLine = line;
    let column = i - lineStart + 1;
    let value: string;
    if (text.charCodeAt(i) === 34 /* " */) {
      column++;
      let j = i + 1;
      let out = '';
      let from = j;
      for (;;) {
        if (j >= n) break;
        const c = text.charCodeAt(j);
        if (c === 34) {
          if (text.charCodeAt(j + 1) === 34) {
            out += text.slice(from, j + 1);
            j += 2;
            from = j;
            continue;
          }
          break;
        }
        if (c === 10) {
          line++;
          lineStart = j + 1;
        }
        j++;
      }
      out += text.slice(from, j);
      value = out;
      i = j + 1;
      // Anything between the closing quote and the delimiter is kept, as spreadsheets do.
      const rest = i;
      while (i < n && text.charCodeAt(i) !== d && text.charCodeAt(i) !== 10) i++;
      value += trimSpaces(text.slice(rest, i));
    } else {
      const from = i;
      while (i < n && text.charCodeAt(i) !== d && text.charCodeAt(i) !== 10) i++;
      value = trimSpaces(text.slice(from, i));
    }
    row.push({ text: value, line: cellLine, column });
    if (i < n && text.charCodeAt(i) === d) {
      i++;
      continue;
    }
    rows.push(row);
    row = [];
    if (i >= n) break;
    i++;
    line++;
    lineStart = i;
    if (i === n) break;
  }
  return rows;
}

type Role = 'name' | 'type' | 'ttl' | 'zone' | 'priority' | 'value';

const ROLE_NAMES: readonly (readonly [Role, RegExp])[] = [
  ['name', /^(?:host|hostname|name|record|record name|fqdn|owner|domain name|dns name)$/],
  ['type', /^(?:type|record type|rrtype|rr type|rtype)$/],
  ['ttl', /^ttl$/],
  ['zone', /^(?:domain|zone|zone name|origin)$/],
  ['priority', /^(?:priority|preference|pref|prio)$/],
  ['value', /^(?:content|value|data|target|address|answer|rdata|points to)\s*\d*$/],
];

interface Layout {
  readonly name?: number | undefined;
  readonly type: number;
  readonly ttl?: number | undefined;
  readonly zone?: number | undefined;
  readonly priority?: number | undefined;
  readonly values: readonly number[];
}

/** Column settings: header names for each role. */
interface ColumnSettings {
  readonly name?: string;
  readonly type?: string;
  readonly ttl?: string;
  readonly zone?: string;
  readonly priority?: string;
  readonly values?: string | readonly string[];
}

function layoutOf(header: readonly Cell[], columns: ColumnSettings | undefined): Layout | string {
  const names = header.map((c) => c.text.toLowerCase().replace(/\s+/g, ' '));
  const find = (role: Role): number | undefined => {
    const wanted = columns?.[role === 'value' ? 'values' : role];
    if (typeof wanted === 'string' && role !== 'value') {
      const i = names.indexOf(wanted.toLowerCase());
      return i >= 0 ? i : undefined;
    }
    const pattern = ROLE_NAMES.find(([r]) => r === role)![1];
    const i = names.findIndex((n) => pattern.test(n));
    return i >= 0 ? i : undefined;
  };
  let values: number[];
  const wanted = columns?.values;
  if (wanted !== undefined) {
    const list = typeof wanted === 'string' ? [wanted] : wanted;
    values = list.map((w) => names.indexOf(w.toLowerCase())).filter((i) => i >= 0);
  } else {
    const pattern = ROLE_NAMES.find(([r]) => r === 'value')![1];
    values = names.flatMap((n, i) => (pattern.test(n) ? [i] : []));
  }
  const type = find('type');
  if (type === undefined || values.length === 0) {
    return `the header ${JSON.stringify(header.map((c) => c.text).join(', '))} has no ${type === undefined ? 'type' : 'value'} column; name the columns with the "columns" option`;
  }
  return {
    name: find('name'),
    type,
    ttl: find('ttl'),
    zone: find('zone'),
    priority: find('priority'),
    values,
  };
}

/** The delimiter the header uses most: comma, semicolon or tab. */
function delimiterOf(text: string): string {
  const end = text.indexOf('\n');
  const first = end < 0 ? text : text.slice(0, end);
  const count = (c: string) => first.split(c).length;
  return [',', ';', '\t'].reduce((best, c) => (count(c) > count(best) ? c : best), ',');
}

function stringSetting(
  settings: Readonly<Record<string, unknown>> | undefined,
  key: string,
): string | undefined {
  const v = settings?.[key];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function parseCsv(file: SourceFile, options?: ParseOptions): ParsedDnsFile {
  const records: DnsRecord[] = [];
  const problems: ParseProblem[] = [];
  const zones: string[] = [];
  const result = { path: file.path, format: 'dns-csv', zones, records, problems };
  const notText = notTextProblem(file);
  if (notText) {
    problems.push(notText);
    return result;
  }
  const settings = options?.settings;
  const fixedZone = stringSetting(settings, 'zone');
  const delimiter = stringSetting(settings, 'delimiter') ?? delimiterOf(file.text);
  const columns = settings?.columns as ColumnSettings | undefined;
  const rows = csvRows(file.text, delimiter).filter((r) => r.some((c) => c.text !== ''));
  const header = rows[0];
  if (!header) return result;
  const layout = layoutOf(
    header,
    typeof columns === 'object' && columns !== null ? columns : undefined,
  );
  const at = (cell: Cell): SourceLocation => ({
    file: file.path,
    line: cell.line,
    column: cell.column,
  });
  if (typeof layout === 'string') {
    problems.push({ location: at(header[0]!), message: layout });
    return result;
  }
  if (fixedZone !== undefined) zones.push(absoluteZone(fixedZone));
  const problem = (cell: Cell, message: string) =>
    problems.push({ location: at(cell), message, text: cell.text });
  let ctx: NameContext = { origin: undefined, mode: 'absolute' };

  for (const row of rows.slice(1)) {
    const cell = (i: number | undefined): Cell | undefined =>
      i === undefined ? undefined : row[i];
    const typeCell = cell(layout.type);
    if (typeCell === undefined || typeCell.text === '') {
      problems.push({ location: at(row[0]!), message: 'this row has no record type' });
      continue;
    }
    const type = recordType(typeCell.text);
    if (type === undefined) {
      problem(typeCell, `unknown record type "${typeCell.text}"`);
      continue;
    }
    const zoneCell = cell(layout.zone);
    let zone = fixedZone !== undefined ? absoluteZone(fixedZone) : undefined;
    if (zone === undefined && zoneCell && zoneCell.text !== '') {
      const checked = plainName(zoneCell.text);
      if (!checked.ok) {
        problem(zoneCell, checked.error);
        continue;
      }
      zone = absoluteZone(checked.value);
      if (!zones.includes(zone)) zones.push(zone);
    }
    const nameCell = cell(layout.name);
    const owner = ownerName(nameCell?.text ?? '', zone);
    if (!owner.ok) {
      problem(nameCell ?? typeCell, owner.error);
      continue;
    }
    let ttl: number | undefined;
    const ttlCell = cell(layout.ttl);
    if (ttlCell && ttlCell.text !== '') {
      ttl = parseTtl(ttlCell.text);
      if (ttl === undefined || ttl > MAX_TTL) {
        problem(ttlCell, `invalid TTL "${ttlCell.text}"`);
        continue;
      }
    }
    const priority = cell(layout.priority)?.text ?? '';
    if (ctx.origin !== zone) ctx = { origin: zone, mode: 'absolute' };
    let values = 0;
    for (const index of layout.values) {
      const valueCell = row[index];
      if (valueCell === undefined || valueCell.text === '') continue;
      values++;
      const written =
        priority !== '' && (type === 'MX' || type === 'SRV')
          ? `${priority} ${valueCell.text}`
          : valueCell.text;
      const rdata = readValue(type, written, ctx);
      if (!rdata.ok) {
        problem(valueCell, rdata.error);
        continue;
      }
      records.push({
        name: owner.value,
        type,
        ttl,
        data: rdata.value.data,
        parsed: rdata.value.parsed,
        zone: zone ?? '.',
        location: at(valueCell),
        relativeTarget: undefined,
        comment: undefined,
      });
    }
    if (values === 0) problem(typeCell, `this ${type} row has no value`);
  }
  return result;
}

function ownerName(
  written: string,
  zone: string | undefined,
): { ok: true; value: string } | { ok: false; error: string } {
  if (written === '' || written === '@') {
    return zone
      ? { ok: true, value: zone }
      : {
          ok: false,
          error: 'a row without a name needs a zone (a domain column or the "zone" option)',
        };
  }
  const checked = plainName(written);
  if (!checked.ok) return checked;
  const name = checked.value.toLowerCase();
  if (endsWithDot(name)) return { ok: true, value: name };
  if (zone === undefined) return { ok: true, value: `${name}.` };
  const bare = zone.slice(0, -1);
  // Exports write names in full (`www.contoso.com`) or relative to the zone (`www`).
  if (name === bare || name.endsWith(`.${bare}`)) return { ok: true, value: `${name}.` };
  return { ok: true, value: `${name}.${zone}` };
}

/** A value cell: TXT as its text (or as quoted strings), SOA as written, others in zone-file form. */
function readValue(
  type: string,
  text: string,
  ctx: NameContext,
): { ok: true; value: Rdata } | { ok: false; error: string } {
  if (type === 'TXT' || type === 'SPF') {
    const quoted =
      text.length >= 2 && text.startsWith('"') && text.endsWith('"') ? txtStrings(text) : undefined;
    return { ok: true, value: txtRdata(quoted ?? chunkText(text)) };
  }
  // Exports often give only the SOA's names; the SOA says nothing the checks use.
  if (type === 'SOA') return { ok: true, value: otherRdata(text.replace(/\s+/g, ' ')) };
  const fields = splitFields(text);
  if (!fields.ok) return fields;
  const rdata = rdataFromFields(type, fieldsOf(fields.value), ctx);
  return rdata.ok ? rdata : { ok: false, error: rdata.error };
}

const SAMPLE_LINES = 1;

function detectCsv(file: SourceFile): number {
  if (!/\.(?:csv|tsv)$/i.test(file.path)) return 0;
  const head = file.text.slice(0, 4096);
  const rows = csvRows(head.split('\n').slice(0, SAMPLE_LINES).join('\n'), delimiterOf(head));
  const header = rows[0];
  if (!header) return 0;
  const layout = layoutOf(header, undefined);
  if (typeof layout === 'string') return 0;
  return layout.name !== undefined ? 8 : 5;
}

function csvCell(text: string): string {
  return /[",\n]/.test(text) || text !== trimSpaces(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function renderCsv(
  record: { name: string; type: string; ttl?: number; data: string },
  zone: string,
): string {
  const bare = (name: string) => (name.endsWith('.') && name !== '.' ? name.slice(0, -1) : name);
  let content: string;
  if (record.type === 'TXT' || record.type === 'SPF') {
    content = csvCell((txtStrings(record.data) ?? [record.data]).join(''));
  } else {
    content = csvCell(record.data.split(' ').map(bare).join(' '));
  }
  const ttl = record.ttl === undefined ? '' : String(record.ttl);
  return [bare(record.name), bare(absoluteZone(zone)), record.type, ttl, content].join(', ');
}

/**
 * CSV zone export, e.g. `host, domain, type, ttl, content, content2, ...`. Settings: `zone` (when
 * there is no domain column), `delimiter` (`,`, `;` or tab; guessed from the header), and
 * `columns` naming the header of each role: `{ name, type, ttl, zone, priority, values }`
 * (`values` a header or a list of headers). Without `columns` the usual header names are
 * recognised (host/name, type, ttl, domain/zone, priority, content/value/data/target...).
 */
export const DNS_CSV: DnsFormat = {
  id: 'dns-csv',
  settings: settingsSchema({
    zone: NAME,
    delimiter: { type: 'string', minLength: 1, maxLength: 1 },
    columns: {
      type: 'object',
      additionalProperties: false,
      properties: {
        name: NAME,
        type: NAME,
        ttl: NAME,
        zone: NAME,
        priority: NAME,
        values: { anyOf: [NAME, { type: 'array', items: NAME }] },
      },
    },
  }),
  title: 'DNS zone export (CSV)',
  filePatterns: ['*.csv', '*.tsv'],
  detect: detectCsv,
  parse: parseCsv,
  render: renderCsv,
};
