import { isMap, isSeq, type YAMLMap } from 'yaml';
import type { DnsRecord, ParsedDnsFile } from '../../model/dns.js';
import type { ParseProblem } from '../../model/entry.js';
import type { SourceLocation } from '../../model/location.js';
import {
  absoluteZone,
  chunkText,
  endsWithDot,
  fieldsOf,
  MAX_TTL,
  parseUint,
  plainName,
  qualify,
  rdataFromFields,
  recordType,
  relativeOwner,
  splitFields,
  txtRdata,
  txtStrings,
  type NameContext,
  type Rdata,
} from '../syntax/dns-data.js';
import type { DnsFormat } from '../format.js';
import {
  commentFor,
  contentPosition,
  duplicateKey,
  nodePosition,
  readYaml,
  resolved,
  scalarText,
  yamlScalar,
  type YamlComment,
  type YamlSource,
} from '../syntax/yaml.js';
import type { ParseOptions, SourceFile } from '../format.js';
import { notTextProblem, withoutBom } from '../syntax/source.js';

/**
 * Our own DNS records file (schemas/dns.schema.json), YAML or JSON:
 *
 * ```yaml
 * endpoint-drift: dns/v1
 * zone: contoso.com
 * records:
 *   - name: '@'
 *     type: MX
 *     value: 0 contoso-com.mail.protection.outlook.com.
 * ```
 *
 * Names are relative to the zone; values are written as in a zone file except that targets are
 * fully qualified (the trailing dot optional), and a TXT value is the text itself.
 */

const MARKER = 'dns/v1';
const TOP_KEYS = new Set(['$schema', 'endpoint-drift', 'zone', 'records']);
const RECORD_KEYS = new Set(['name', 'type', 'ttl', 'value', 'values', 'comment']);

interface Context {
  readonly file: string;
  readonly src: YamlSource;
  readonly comments: ReadonlyMap<number, YamlComment>;
  readonly problems: ParseProblem[];
  /**
   * After a syntax error the document is a guess: the records that make sense are read, but the
   * shape of text the parser had to invent is not lectured about.
   */
  readonly quiet: boolean;
}

function at(ctx: Context, node: unknown): SourceLocation {
  return { file: ctx.file, ...contentPosition(ctx.src, node) };
}

function report(ctx: Context, node: unknown, message: string): void {
  if (ctx.quiet) return;
  const text = scalarText(node);
  ctx.problems.push({ location: at(ctx, node), message, ...(text !== undefined ? { text } : {}) });
}

function parseDnsYaml(file: SourceFile, _options?: ParseOptions): ParsedDnsFile {
  const records: DnsRecord[] = [];
  const problems: ParseProblem[] = [];
  const zones: string[] = [];
  const result = { path: file.path, format: 'dns-yaml', zones, records, problems };
  const notText = notTextProblem(file);
  if (notText) {
    problems.push(notText);
    return result;
  }
  const text = withoutBom(file.text);
  const src = readYaml(text);
  const syntax = src.syntax;
  const ctx: Context = {
    file: file.path,
    src,
    comments: src.comments,
    problems,
    quiet: syntax !== undefined,
  };
  if (syntax) {
    problems.push({
      location: { file: file.path, line: syntax.line, column: syntax.column },
      message: `invalid YAML: ${syntax.message}`,
    });
  }
  const root = resolved(src, src.doc.contents);
  if (!isMap(root)) {
    const expected = `"endpoint-drift: ${MARKER}", "zone" and "records"`;
    report(ctx, root, `the file must be a mapping with ${expected}`);
    return result;
  }
  const duplicate = duplicateKey(src, root);
  if (duplicate) report(ctx, duplicate.node, `duplicate key "${duplicate.key}"`);
  for (const pair of root.items) {
    const key = scalarText(resolved(src, pair.key));
    if (key === undefined || !TOP_KEYS.has(key)) {
      report(
        ctx,
        resolved(src, pair.key),
        `unknown key "${key ?? ''}" (expected endpoint-drift, zone or records)`,
      );
    }
  }
  const marker = resolved(src, root.get('endpoint-drift', true));
  if (marker === undefined) {
    report(ctx, root, `missing "endpoint-drift: ${MARKER}"`);
  } else if (scalarText(marker) !== MARKER) {
    report(
      ctx,
      marker,
      `unsupported marker ${JSON.stringify(scalarText(marker) ?? null)} (expected "${MARKER}")`,
    );
  }
  const zoneNode = resolved(src, root.get('zone', true));
  const zoneText = scalarText(zoneNode);
  if (zoneText === undefined || zoneText === '') {
    report(ctx, zoneNode ?? root, 'the file needs a "zone" (contoso.com)');
    return result;
  }
  const checked = plainName(zoneText);
  if (!checked.ok) {
    report(ctx, zoneNode, checked.error);
    return result;
  }
  const zone = absoluteZone(checked.value);
  zones.push(zone);
  const list = resolved(src, root.get('records', true));
  if (!isSeq(list)) {
    report(ctx, list ?? root, 'the file needs a list of "records"');
    return result;
  }
  const names: NameContext = { origin: zone, mode: 'absolute' };
  for (const item of list.items) {
    const record = resolved(src, item);
    if (!isMap(record)) {
      report(ctx, record, 'a record must be a mapping with name, type and value');
      continue;
    }
    readRecord(ctx, record, zone, names, records);
  }
  return result;
}

function readRecord(
  ctx: Context,
  record: YAMLMap,
  zone: string,
  names: NameContext,
  records: DnsRecord[],
): void {
  const { src } = ctx;
  const get = (key: string): unknown => resolved(src, record.get(key, true));
  let ok = true;
  const duplicate = duplicateKey(src, record);
  if (duplicate) {
    report(ctx, duplicate.node, `duplicate key "${duplicate.key}" in a record`);
    return;
  }
  for (const pair of record.items) {
    const key = scalarText(resolved(src, pair.key));
    if (key === undefined || !RECORD_KEYS.has(key)) {
      report(
        ctx,
        resolved(src, pair.key),
        `unknown key "${key ?? ''}" in a record (expected name, type, ttl, value, values or comment)`,
      );
      ok = false;
    }
  }
  const nameNode = get('name');
  const name =
    nameNode === undefined
      ? undefined
      : (scalarText(nameNode) ?? (isMap(nameNode) || isSeq(nameNode) ? undefined : ''));
  if (name === undefined) {
    report(ctx, nameNode ?? record, 'a record needs a "name" ("@" for the zone itself)');
    return;
  }
  const owner = ownerName(name, zone);
  if (!owner.ok) {
    report(ctx, nameNode, owner.error);
    return;
  }
  const typeNode = get('type');
  const typeText = scalarText(typeNode);
  const type = typeText === undefined ? undefined : recordType(typeText);
  if (type === undefined) {
    report(
      ctx,
      typeNode ?? record,
      typeText === undefined ? 'a record needs a "type"' : `unknown record type "${typeText}"`,
    );
    return;
  }
  let ttl: number | undefined;
  const ttlNode = get('ttl');
  if (ttlNode !== undefined) {
    ttl = parseUint(scalarText(ttlNode) ?? '', MAX_TTL);
    if (ttl === undefined) {
      report(ctx, ttlNode, `"ttl" must be a number of seconds from 0 to ${MAX_TTL}`);
      return;
    }
  }
  const valueNode = get('value');
  const valuesNode = get('values');
  if ((valueNode === undefined) === (valuesNode === undefined)) {
    report(ctx, typeNode, `a record needs exactly one of "value" or "values"`);
    return;
  }
  let values: unknown[];
  if (valuesNode !== undefined) {
    if (!isSeq(valuesNode) || valuesNode.items.length === 0) {
      report(ctx, valuesNode, '"values" must be a list of one value or more');
      return;
    }
    values = valuesNode.items.map((v) => resolved(src, v));
  } else {
    values = [valueNode];
  }
  if (!ok) return;
  const commentNode = get('comment');
  const written = scalarText(commentNode);
  const first = nodePosition(src, record).line;
  for (const node of values) {
    const text = scalarText(node);
    if (text === undefined) {
      report(ctx, node, `a ${type} value must be text`);
      continue;
    }
    const rdata = readValue(type, text, names);
    if (!rdata.ok) {
      report(ctx, node, rdata.error);
      continue;
    }
    const location = at(ctx, node);
    records.push({
      name: owner.value,
      type,
      ttl,
      data: rdata.value.data,
      parsed: rdata.value.parsed,
      zone,
      location,
      relativeTarget: undefined,
      comment: written ?? commentFor(ctx.comments, [location.line, first], [first]),
    });
  }
}

function ownerName(
  name: string,
  zone: string,
): { ok: true; value: string } | { ok: false; error: string } {
  if (name === '' || name === '@') return { ok: true, value: zone };
  const checked = plainName(endsWithDot(name) ? name : qualify(name, zone));
  if (!checked.ok) return checked;
  const owner = checked.value.toLowerCase();
  if (owner !== zone && !owner.endsWith(`.${zone}`)) {
    return { ok: false, error: `"${name}" is outside the zone "${zone}"` };
  }
  return { ok: true, value: owner };
}

function readValue(
  type: string,
  text: string,
  names: NameContext,
): { ok: true; value: Rdata } | { ok: false; error: string } {
  if (type === 'TXT' || type === 'SPF') return { ok: true, value: txtRdata(chunkText(text)) };
  const fields = splitFields(text);
  if (!fields.ok) return fields;
  const rdata = rdataFromFields(type, fieldsOf(fields.value), names);
  return rdata.ok ? rdata : { ok: false, error: rdata.error };
}

function detectDnsYaml(file: SourceFile): number {
  if (!/\.(?:ya?ml|json)$/i.test(file.path)) return 0;
  const head = file.text.slice(0, 64 * 1024);
  if (/^["']?endpoint-drift["']?\s*:\s*["']?dns\/v1\b/m.test(head)) return 10;
  if (/"endpoint-drift"\s*:\s*"dns\/v1"/.test(head)) return 10;
  return 0;
}

function renderDnsYaml(
  record: { name: string; type: string; ttl?: number; data: string },
  zone: string,
): string {
  const owner = relativeOwner(record.name, absoluteZone(zone));
  const value =
    record.type === 'TXT' || record.type === 'SPF'
      ? (txtStrings(record.data) ?? [record.data]).join('')
      : record.data;
  const lines = [`- name: ${yamlScalar(owner)}`, `  type: ${record.type}`];
  if (record.ttl !== undefined) lines.push(`  ttl: ${record.ttl}`);
  lines.push(`  value: ${yamlScalar(value)}`);
  return lines.join('\n');
}

/** Our own DNS records file (YAML or JSON, `endpoint-drift: dns/v1`). No settings. */
export const DNS_YAML: DnsFormat = {
  id: 'dns-yaml',
  title: 'endpoint-drift DNS records (YAML)',
  filePatterns: ['*.yml', '*.yaml', '*.json'],
  detect: detectDnsYaml,
  parse: parseDnsYaml,
  render: renderDnsYaml,
};
