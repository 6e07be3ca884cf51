import path from 'node:path';
import { isMap, isScalar, isSeq, type YAMLMap } from 'yaml';
import type { DnsRecord, ParsedDnsFile } from '../../model/dns.js';
import type { ParseProblem } from '../../model/entry.js';
import type { SourceLocation } from '../../model/location.js';
import type { Parsed } from '../../model/parsed.js';
import {
  absoluteZone,
  addressRdata,
  chunkText,
  endsWithDot,
  mxRdata,
  otherRdata,
  parseUint,
  plainName,
  qualify,
  relativeOwner,
  srvRdata,
  targetRdata,
  txtRdata,
  txtStrings,
  type NameContext,
  type Rdata,
} from '../syntax/dns-data.js';
import type { DnsFormat } from '../format.js';
import type { ParseOptions, SourceFile } from '../format.js';
import { notTextProblem, withoutBom } from '../syntax/source.js';
import {
  type YamlComment,
  type YamlSource,
  commentFor,
  contentPosition,
  duplicateKey,
  nodePosition,
  readYaml,
  resolved,
  scalarText,
  yamlScalar,
} from '../syntax/yaml.js';
import { settingsSchema, NAME } from '../format.js';

/**
 * octoDNS zone files (the YAML provider): a mapping from names relative to the zone (`''` is the
 * apex) to one record or a list of them, each with `type`, `ttl` and `value` or `values`.
 * Targets must be fully qualified; TXT values escape `;` as `\;`.
 */

/** The zone a YAML file's name gives (`contoso.com.yaml`). */
export function zoneFromYamlName(file: string): string | undefined {
  const base = path.posix.basename(file.replace(/\\/g, '/')).toLowerCase();
  const name = base.replace(/\.ya?ml$/, '').replace(/\.$/, '');
  if (!/^(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/.test(name)) {
    return undefined;
  }
  return `${name}.`;
}

// ---------------------------------------------------------------------------------------------
// octoDNS

const RECORD_KEYS = new Set(['type', 'ttl', 'value', 'values', 'octodns', 'dynamic', 'geo']);
const TARGET_TYPES = new Set(['CNAME', 'NS', 'PTR', 'ALIAS', 'DNAME']);

interface Context {
  readonly file: string;
  readonly src: YamlSource;
  readonly zone: string;
  readonly comments: ReadonlyMap<number, YamlComment>;
  readonly records: DnsRecord[];
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

function report(
  ctx: Context,
  node: unknown,
  message: string,
  severity?: ParseProblem['severity'],
): void {
  if (ctx.quiet) return;
  const text = scalarText(node);
  const problem: ParseProblem = { location: at(ctx, node), message };
  ctx.problems.push({
    ...problem,
    ...(text !== undefined ? { text } : {}),
    ...(severity ? { severity } : {}),
  });
}

function parseOctodns(file: SourceFile, options?: ParseOptions): ParsedDnsFile {
  const records: DnsRecord[] = [];
  const problems: ParseProblem[] = [];
  const settingsZone = options?.settings?.zone;
  const zone =
    typeof settingsZone === 'string' && settingsZone !== ''
      ? absoluteZone(settingsZone)
      : zoneFromYamlName(file.path);
  const result = {
    path: file.path,
    format: 'octodns',
    zones: zone ? [zone] : [],
    records,
    problems,
  };
  const notText = notTextProblem(file);
  if (notText) {
    problems.push(notText);
    return result;
  }
  if (zone === undefined) {
    problems.push({
      location: { file: file.path, line: 0, column: 1 },
      message: `cannot tell the zone of "${file.path}": name the file after it (contoso.com.yaml) or set the "zone" option`,
    });
    return result;
  }
  const text = withoutBom(file.text);
  const src = readYaml(text);
  const syntax = src.syntax;
  if (syntax) {
    problems.push({
      location: { file: file.path, line: syntax.line, column: syntax.column },
      message: `invalid YAML: ${syntax.message}`,
    });
  }
  const root = src.doc.contents;
  if (root === null || root === undefined) return result;
  const ctx: Context = {
    file: file.path,
    src,
    zone,
    comments: src.comments,
    records,
    problems,
    quiet: syntax !== undefined,
  };
  if (!isMap(root)) {
    report(ctx, root, 'an octoDNS zone file is a mapping from names to records');
    return result;
  }
  const names = new Set<string>();
  for (const pair of root.items) {
    const keyNode = resolved(src, pair.key);
    const name = keyNode === null || keyNode === undefined ? '' : scalarText(keyNode);
    const value = resolved(src, pair.value);
    if (name === undefined) {
      report(ctx, keyNode, 'a record name must be a string');
      continue;
    }
    if (names.has(name)) {
      report(ctx, keyNode, `"${name}" is already a name above; list all its records under one key`);
      continue;
    }
    names.add(name);
    const owner = ownerName(ctx, name, keyNode);
    if (owner === undefined) continue;
    const keyLine = nodePosition(src, keyNode ?? value).line;
    if (isSeq(value)) {
      value.items.forEach((item, index) => {
        const record = resolved(src, item);
        if (!isMap(record)) {
          report(ctx, record, `each record of "${name}" must be a mapping with a type`);
          return;
        }
        readRecord(ctx, owner, name, record, index === 0 ? keyLine : undefined);
      });
    } else if (isMap(value)) {
      readRecord(ctx, owner, name, value, keyLine);
    } else {
      report(ctx, value ?? keyNode, `"${name}" must be a record or a list of records`);
    }
  }
  return result;
}

function ownerName(ctx: Context, name: string, node: unknown): string | undefined {
  if (name === '') return ctx.zone;
  if (endsWithDot(name)) {
    report(ctx, node, `octoDNS names are relative to the zone: "${name}" ends with a dot`);
    return undefined;
  }
  const checked = plainName(qualify(name, ctx.zone));
  if (!checked.ok) {
    report(ctx, node, checked.error);
    return undefined;
  }
  return checked.value.toLowerCase();
}

function readRecord(
  ctx: Context,
  owner: string,
  name: string,
  record: YAMLMap,
  keyLine: number | undefined,
): void {
  const { src } = ctx;
  const get = (key: string): unknown => resolved(src, record.get(key, true));
  const typeNode = get('type');
  const type = scalarText(typeNode)?.toUpperCase();
  if (type === undefined) {
    report(ctx, typeNode ?? record, `the record "${name}" has no type`);
    return;
  }
  const duplicate = duplicateKey(src, record);
  if (duplicate) {
    report(ctx, duplicate.node, `duplicate key "${duplicate.key}" in the record "${name}"`);
    return;
  }
  for (const pair of record.items) {
    const key = scalarText(resolved(src, pair.key));
    if (key !== undefined && !RECORD_KEYS.has(key)) {
      report(
        ctx,
        resolved(src, pair.key),
        `"${key}" is not an octoDNS record key and is not read`,
        'notice',
      );
    }
  }
  const octodns = get('octodns');
  if (isMap(octodns)) {
    const ignored = resolved(src, octodns.get('ignored', true));
    if (isScalar(ignored) && ignored.value === true) {
      report(
        ctx,
        ignored,
        `octoDNS ignores the ${type} record "${name}"; it is not read`,
        'notice',
      );
      return;
    }
    for (const key of ['included', 'excluded']) {
      const list = resolved(src, octodns.get(key, true));
      if (list !== undefined) {
        report(
          ctx,
          list,
          `the ${type} record "${name}" is ${key === 'included' ? 'only' : 'not'} sent to some providers (octodns.${key}); it is read as published`,
          'notice',
        );
      }
    }
  }
  for (const key of ['dynamic', 'geo']) {
    const node = record.get(key, true);
    if (node !== undefined) {
      report(
        ctx,
        resolved(src, node),
        `the ${key} rules of "${name}" are not read, only its values`,
        'notice',
      );
    }
  }

  let ttl: number | undefined;
  const ttlNode = get('ttl');
  if (ttlNode !== undefined) {
    ttl = parseUint(scalarText(ttlNode) ?? '', 2147483647);
    if (ttl === undefined) {
      report(ctx, ttlNode, `ttl must be a number of seconds, not ${describe(ttlNode)}`);
      return;
    }
  }

  const valuesNode = get('values');
  const valueNode = get('value');
  let values: unknown[];
  if (valuesNode !== undefined) {
    values = isSeq(valuesNode) ? valuesNode.items.map((v) => resolved(src, v)) : [valuesNode];
  } else if (valueNode !== undefined) {
    values = [valueNode];
  } else {
    report(ctx, typeNode, `the ${type} record "${name}" has no value`);
    return;
  }
  const first = nodePosition(src, record).line;
  for (const node of values) {
    const rdata = readValue(ctx, type, node);
    if (!rdata.ok) {
      report(ctx, node, rdata.error);
      continue;
    }
    const location = at(ctx, node);
    const inline = keyLine === undefined ? [location.line, first] : [location.line, first, keyLine];
    const above = keyLine === undefined ? [first] : [first, keyLine];
    ctx.records.push({
      name: owner,
      type,
      ttl,
      data: rdata.value.data,
      parsed: rdata.value.parsed,
      zone: ctx.zone,
      location,
      relativeTarget: undefined,
      comment: commentFor(ctx.comments, inline, above),
    });
  }
}

function describe(node: unknown): string {
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  const text = scalarText(node);
  return text === undefined ? 'nothing' : JSON.stringify(text);
}

/** A field of a mapping value, as text. */
function field(ctx: Context, map: YAMLMap, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const node = resolved(ctx.src, map.get(key, true));
    if (node !== undefined) return scalarText(node);
  }
  return undefined;
}

const ABSOLUTE: NameContext = { origin: undefined, mode: 'absolute' };

/** One value of a record, in the shape octoDNS gives its type. */
function readValue(ctx: Context, type: string, node: unknown): Parsed<Rdata> {
  const fail = (error: string): Parsed<Rdata> => ({ ok: false, error });
  const target = (kind: string, text: string | undefined): Parsed<string> => {
    if (text === undefined || text === '') return { ok: false, error: `missing ${kind}` };
    if (!endsWithDot(text)) {
      return {
        ok: false,
        error: `${kind} "${text}" is missing its trailing dot; octoDNS needs fully qualified names`,
      };
    }
    return { ok: true, value: text };
  };
  if (type === 'MX' || type === 'SRV' || type === 'CAA') {
    if (!isMap(node)) return fail(`a ${type} value is a mapping, not ${describe(node)}`);
    if (type === 'MX') {
      const preference = parseUint(field(ctx, node, ['preference', 'priority']) ?? '', 65535);
      if (preference === undefined) return fail('an MX value needs a preference from 0 to 65535');
      const exchange = target('MX exchange', field(ctx, node, ['exchange', 'value']));
      if (!exchange.ok) return exchange;
      return mxRdata(preference, exchange.value, ABSOLUTE);
    }
    if (type === 'SRV') {
      const nums = ['priority', 'weight', 'port'].map((k) =>
        parseUint(field(ctx, node, [k]) ?? '', 65535),
      );
      if (nums.some((n) => n === undefined)) {
        return fail('an SRV value needs priority, weight and port from 0 to 65535');
      }
      const srvTarget = target('SRV target', field(ctx, node, ['target']));
      if (!srvTarget.ok) return srvTarget;
      const [priority, weight, port] = nums as [number, number, number];
      return srvRdata(priority, weight, port, srvTarget.value, ABSOLUTE);
    }
    const flags = parseUint(field(ctx, node, ['flags']) ?? '0', 255);
    const tag = field(ctx, node, ['tag']);
    const value = field(ctx, node, ['value']);
    if (flags === undefined || tag === undefined || value === undefined) {
      return fail('a CAA value needs flags (0-255), tag and value');
    }
    const quoted = txtRdata([value]).data;
    return { ok: true, value: otherRdata(`${flags} ${tag} ${quoted}`) };
  }
  if (isMap(node)) {
    // Types octoDNS keeps as mappings (SSHFP, TLSA, NAPTR, DS, LOC, URLFWD): their fields in order.
    const parts = node.items.map((p) => scalarText(resolved(ctx.src, p.value)) ?? '');
    return { ok: true, value: otherRdata(parts.join(' ')) };
  }
  const text = scalarText(node);
  if (text === undefined) return fail(`a ${type} value is text, not ${describe(node)}`);
  if (type === 'A' || type === 'AAAA') return addressRdata(type, text);
  if (TARGET_TYPES.has(type)) {
    const name = target(`${type} value`, text);
    if (!name.ok) return name;
    if (type === 'CNAME' || type === 'NS' || type === 'PTR')
      return targetRdata(type, name.value, ABSOLUTE);
    return { ok: true, value: otherRdata(name.value.toLowerCase()) };
  }
  if (type === 'TXT' || type === 'SPF') {
    const bare = /(?:^|[^\\]);/.exec(text);
    if (bare) return fail(`unescaped ";" in "${text}"; octoDNS needs "\\;"`);
    return { ok: true, value: txtRdata(chunkText(text.replace(/\\;/g, ';'))) };
  }
  return { ok: true, value: otherRdata(text) };
}

const SAMPLE_CHARS = 64 * 1024;

function detectOctodns(file: SourceFile): number {
  if (!/\.ya?ml$/i.test(file.path)) return 0;
  const head = file.text.slice(0, SAMPLE_CHARS);
  if (/^["']?endpoint-drift["']?\s*:/m.test(head)) return 0;
  // A name key followed by a record: `'':` or `www:` then `type: A` (or `- type: A`).
  const record =
    /^\s*(?:-\s+)?type\s*:\s*['"]?(?:A|AAAA|CNAME|MX|TXT|SRV|NS|CAA|SPF|ALIAS|PTR)['"]?\s*$/m;
  if (!record.test(head)) return 0;
  if (/^(?:''|"")\s*:/m.test(head) || /^\s+(?:-\s+)?values?\s*:/m.test(head)) {
    return zoneFromYamlName(file.path) ? 8 : 6;
  }
  return 3;
}

function renderOctodns(
  record: { name: string; type: string; ttl?: number; data: string },
  zone: string,
): string {
  const owner = relativeOwner(record.name, absoluteZone(zone));
  const key = owner === '@' ? "''" : yamlScalar(owner);
  const lines = [`${key}:`, `  type: ${record.type}`];
  if (record.ttl !== undefined) lines.push(`  ttl: ${record.ttl}`);
  const parts = record.data.split(' ');
  if (record.type === 'MX' && parts.length === 2) {
    lines.push('  value:', `    exchange: ${parts[1]}`, `    preference: ${parts[0]}`);
  } else if (record.type === 'SRV' && parts.length === 4) {
    lines.push(
      '  value:',
      `    port: ${parts[2]}`,
      `    priority: ${parts[0]}`,
      `    target: ${parts[3]}`,
      `    weight: ${parts[1]}`,
    );
  } else if (record.type === 'CAA' && parts.length >= 3) {
    const value = txtStrings(parts.slice(2).join(' '))?.[0] ?? parts.slice(2).join(' ');
    lines.push(
      '  value:',
      `    flags: ${parts[0]}`,
      `    tag: ${parts[1]}`,
      `    value: ${yamlScalar(value)}`,
    );
  } else if (record.type === 'TXT' || record.type === 'SPF') {
    const text = (txtStrings(record.data) ?? [record.data]).join('');
    lines.push(`  value: ${yamlScalar(text.replace(/;/g, '\\;'))}`);
  } else {
    lines.push(`  value: ${yamlScalar(record.data)}`);
  }
  return lines.join('\n');
}

/**
 * octoDNS zone file (YAML provider). Settings: `zone` (when the file is not named after the zone,
 * e.g. `contoso.com.yaml`).
 */
export const OCTODNS: DnsFormat = {
  id: 'octodns',
  settings: settingsSchema({ zone: NAME }),
  title: 'octoDNS zone (YAML)',
  filePatterns: ['*.yaml', '*.yml'],
  detect: detectOctodns,
  parse: parseOctodns,
  render: renderOctodns,
};
