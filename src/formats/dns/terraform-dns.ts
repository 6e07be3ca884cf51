import { getDomain } from 'tldts';
import type { DnsRecord, ParsedDnsFile } from '../../model/dns.js';
import type { ParseProblem } from '../../model/entry.js';
import { fail, ok, type Parsed } from '../../model/parsed.js';
import {
  absoluteZone,
  chunkText,
  fieldsOf,
  plainName,
  rdataFromFields,
  recordType,
  relativeOwner,
  splitFields,
  txtRdata,
  txtStrings,
  type Field,
  type NameContext,
  type Rdata,
} from '../syntax/dns-data.js';
import type { DnsFormat } from '../format.js';
import {
  attributeOf,
  blocksOf,
  type HclBlock,
  type HclBody,
  type HclPosition,
} from '../syntax/hcl.js';
import type { ParseOptions, SourceFile } from '../format.js';
import {
  finishProblems,
  noticeDynamic,
  noticeRepetition,
  readTerraformSource,
  stringOf,
  type TerraformSource,
} from '../syntax/terraform.js';
import { append } from '../../model/collections.js';
import { trimSpaces, trimSpacesStart } from '../../model/text.js';
import { TERRAFORM_DNS_DESCRIPTION } from './described.js';

/**
 * DNS records kept as Terraform resources: Route 53, Azure DNS, Cloudflare (provider v4
 * `cloudflare_record` and v5 `cloudflare_dns_record`) and Google Cloud DNS. Each value of a
 * record set is one record, located at the value; names and targets are absolute (Terraform
 * values are never relative to a zone file origin), and data is in the presentation form the
 * other DNS formats produce, so records compare equal across formats.
 */

type Provider = 'route53' | 'azure' | 'cloudflare' | 'google';

const AZURE_TYPES = ['a', 'aaaa', 'cname', 'mx', 'txt', 'srv', 'ns', 'ptr', 'caa'] as const;

/** Resources that define a zone, and the attribute that holds its domain. */
const ZONE_RESOURCES: Readonly<Record<string, readonly string[]>> = {
  aws_route53_zone: ['name'],
  azurerm_dns_zone: ['name'],
  cloudflare_zone: ['zone', 'name'],
  google_dns_managed_zone: ['dns_name'],
};

interface Context {
  readonly src: TerraformSource;
  readonly records: DnsRecord[];
  /** `options.zones`: reference text, resource address or zone id → the zone's domain. */
  readonly zoneSettings: ReadonlyMap<string, string>;
  /** `options.zone`: the zone of records whose zone cannot be told otherwise. */
  readonly defaultZone: string | undefined;
  /** Zone resources of this file by address (`aws_route53_zone.primary`). */
  readonly zoneResources: ReadonlyMap<string, HclBlock>;
  /** Google managed zones by their `name` (what `managed_zone` holds when written literally). */
  readonly googleZones: ReadonlyMap<string, HclBlock>;
}

/** The zone a record belongs to, or why it cannot be told (`reported` when a notice already says). */
type ZoneResult =
  | { readonly zone: string }
  | { readonly why: string; readonly start: HclPosition }
  | { readonly reported: true }
  | undefined;

function zoneOfResource(ctx: Context, block: HclBlock): ZoneResult {
  const type = block.labels[0]?.value ?? '';
  const attrs = ZONE_RESOURCES[type] ?? ['name'];
  for (const attr of attrs) {
    const a = attributeOf(block.body, attr);
    if (!a) continue;
    const v = ctx.src.value(a.expression);
    if (v.kind === 'string') return { zone: absoluteZone(v.value) };
    if (v.kind === 'unknown') ctx.src.notice(v);
    return { reported: true };
  }
  return undefined;
}

/** The zone named by a record's `zone_id` / `zone_name` / `managed_zone`. */
function zoneFrom(ctx: Context, body: HclBody, attr: string, literalIsDomain: boolean): ZoneResult {
  const a = attributeOf(body, attr);
  if (!a) {
    if (ctx.defaultZone) return { zone: ctx.defaultZone };
    return undefined;
  }
  const expr = a.expression;
  const keys: string[] = [];
  let address: string | undefined;
  if (expr.kind === 'traversal' && typeof expr.root === 'string') {
    keys.push(ctx.src.doc.source(expr, 400));
    const names = [expr.root];
    for (const s of expr.steps) if (s.kind === 'attr') names.push(s.name);
    address = names.slice(0, expr.root === 'data' ? 3 : 2).join('.');
    keys.push(address);
  }
  for (const k of keys) {
    const zone = ctx.zoneSettings.get(k);
    if (zone) return { zone };
  }
  const resource = address === undefined ? undefined : ctx.zoneResources.get(address);
  if (resource) {
    const found = zoneOfResource(ctx, resource);
    if (found) return found;
  }
  // Another resource's attributes (a zone's id) exist only after it is created: such a reference
  // is looked up above, never evaluated. Literals, variables and locals are.
  const otherResource =
    expr.kind === 'traversal' &&
    typeof expr.root === 'string' &&
    expr.root !== 'var' &&
    expr.root !== 'local';
  if (!otherResource) {
    const v = ctx.src.value(expr);
    if (v.kind === 'string') {
      const zone = ctx.zoneSettings.get(v.value);
      if (zone) return { zone };
      const google = ctx.googleZones.get(v.value);
      if (google) {
        const found = zoneOfResource(ctx, google);
        if (found) return found;
      }
      if (literalIsDomain) return { zone: absoluteZone(v.value) };
      if (ctx.defaultZone) return { zone: ctx.defaultZone };
      return {
        why: `cannot tell the zone from "${v.value}" (set options.zones["${v.value}"] to the zone's domain)`,
        start: v.start,
      };
    }
    if (v.kind === 'unknown' && address === undefined) {
      if (ctx.defaultZone) return { zone: ctx.defaultZone };
      ctx.src.notice(v);
      return { reported: true };
    }
  }
  if (ctx.defaultZone) return { zone: ctx.defaultZone };
  const text = ctx.src.doc.source(expr, 60);
  const key = address ?? text;
  return {
    why: `cannot tell the zone from "${text}" (set options.zones["${key}"] to the zone's domain)`,
    start: expr.start,
  };
}

/**
 * The absolute owner name. Azure names are always relative to the zone; Route 53 and
 * Cloudflare append the zone unless the name already ends with it; Google names are absolute.
 * Without a zone, a name under a registrable domain is taken as absolute and that domain as
 * its zone.
 */
function ownerName(
  written: string,
  zone: string | undefined,
  provider: Provider,
): Parsed<{ name: string; zone: string }> {
  const checked = plainName(written === '' ? '@' : written);
  if (!checked.ok && written !== '@' && written !== '') return checked;
  const bare = (checked.ok ? checked.value : written).replace(/\.$/, '').toLowerCase();
  const apex = bare === '@' || bare === '';
  if (zone) {
    const z = zone.replace(/\.$/, '');
    if (apex) return ok({ name: zone, zone });
    if (provider === 'azure') return ok({ name: `${bare}.${zone}`, zone });
    if (provider === 'google' || bare === z || bare.endsWith(`.${z}`))
      return ok({ name: `${bare}.`, zone });
    return ok({ name: `${bare}.${zone}`, zone });
  }
  if (apex) return fail('"@" needs the zone');
  const domain = provider === 'azure' ? null : getDomain(bare, DOMAIN_OF_NAME);
  if (!domain) return fail(`"${written}" is relative and the zone is not known`);
  return ok({ name: `${bare}.`, zone: `${domain}.` });
}

/** Owner names may hold `*` and `_` labels, which host name validation refuses. */
const DOMAIN_OF_NAME = {
  allowPrivateDomains: false,
  validateHostname: false,
  extractHostname: false,
};

interface Pending {
  readonly provider: Provider;
  readonly block: HclBlock;
  readonly type: string;
  readonly ttl: number | undefined;
  readonly owner: { readonly name: string; readonly zone: string };
  readonly comment: string | undefined;
}

function push(
  ctx: Context,
  p: Pending,
  rdata: Rdata,
  start: HclPosition,
  blockComment?: string,
): void {
  const own = ctx.src.doc.commentFor(start.line, start.line) ?? blockComment;
  ctx.records.push({
    name: p.owner.name,
    type: p.type,
    ttl: p.ttl,
    data: rdata.data,
    parsed: rdata.parsed,
    zone: p.owner.zone,
    location: ctx.src.at(start),
    relativeTarget: false,
    comment: own ?? p.comment,
  });
}

/** Data written in presentation form (`10 mail.example.com.`), as Route 53 and Google take it. */
function presentation(type: string, text: string, ctx: NameContext): Parsed<Rdata> {
  const fields = splitFields(text);
  if (!fields.ok) return fields;
  const r = rdataFromFields(type, fieldsOf(fields.value), ctx);
  return r.ok ? ok(r.value) : fail(r.error);
}

/** TXT data as the provider stores it: quoted strings as written, or one text split into 255-octet strings. */
function txtData(
  type: string,
  text: string,
  ctx: NameContext,
  split: 'chunks' | 'quotes',
): Parsed<Rdata> {
  const quoted = text.length >= 2 && text.startsWith('"') && text.endsWith('"');
  if (quoted) return presentation(type, text, ctx);
  // Route 53 wraps a value in quotes itself, so `a""b` is the two strings "a" and "b".
  if (split === 'quotes') return presentation(type, `"${text}"`, ctx);
  return ok(txtRdata(chunkText(text)));
}

/** The values of a list attribute as strings (numbers as text); unknown values are notices. */
function valuesOf(
  ctx: Context,
  body: HclBody,
  name: string,
): { text: string; start: HclPosition }[] | undefined {
  const a = attributeOf(body, name);
  if (!a) return undefined;
  const v = ctx.src.value(a.expression);
  if (v.kind === 'unknown') {
    ctx.src.notice(v);
    return [];
  }
  if (v.kind !== 'list') {
    ctx.src.problem(a.expression.start, `"${name}" must be a list of strings`);
    return [];
  }
  const out: { text: string; start: HclPosition }[] = [];
  for (const item of v.items) {
    if (item.kind === 'unknown') ctx.src.notice(item);
    else if (item.kind === 'string' || item.kind === 'number')
      out.push({ text: String(item.value), start: item.start });
    else ctx.src.problem(item.start, `"${name}" must be a list of strings`);
  }
  return out;
}

/** A whole number attribute; undefined when absent, null when it cannot be read (already reported). */
function numberOf(
  ctx: Context,
  body: HclBody,
  name: string,
  max: number,
): { value: number; start: HclPosition } | undefined | null {
  const s = stringOf(ctx.src, body, name);
  if (!s) return s;
  if (!/^\d{1,10}$/.test(s.value) || Number(s.value) > max) {
    ctx.src.problem(
      s.start,
      `"${name}" must be a whole number from 0 to ${max}, not "${s.value}"`,
      s.value,
    );
    return null;
  }
  return { value: Number(s.value), start: s.start };
}

function report(ctx: Context, start: HclPosition, result: Parsed<unknown>, text: string): boolean {
  if (result.ok) return true;
  ctx.src.problem(start, result.error, text);
  return false;
}

/** What every provider's record starts with: type, owner name and zone, TTL, comment. */
function header(
  ctx: Context,
  block: HclBlock,
  provider: Provider,
  writtenType: string | undefined,
  zoneAttr: string,
): Pending | undefined {
  const body = block.body;
  noticeRepetition(ctx.src, body);
  noticeDynamic(ctx.src, body);
  let type = writtenType;
  if (type === undefined) {
    const t = stringOf(ctx.src, body, 'type');
    if (!t) {
      if (t === undefined) ctx.src.problem(block.start, 'the record has no "type"');
      return undefined;
    }
    type = recordType(t.value);
    if (!type) {
      ctx.src.problem(t.start, `unknown record type "${t.value}"`, t.value);
      return undefined;
    }
  }
  const written = stringOf(ctx.src, body, 'name');
  if (written === null) return undefined;
  const nameText = written?.value ?? '@';
  const nameStart = written?.start ?? block.start;
  if (nameText !== '@' && nameText !== '') {
    const checked = plainName(nameText);
    if (!checked.ok) {
      ctx.src.problem(nameStart, checked.error, nameText);
      return undefined;
    }
  }
  const zone = zoneFrom(ctx, body, zoneAttr, provider === 'azure');
  const known = zone && 'zone' in zone ? zone.zone : undefined;
  const owner = ownerName(nameText, known, provider);
  if (!owner.ok) {
    if (zone && 'why' in zone) ctx.src.problem(zone.start, zone.why, undefined, 'notice');
    else if (!zone)
      ctx.src.problem(
        nameStart,
        `${owner.error} (set options.zone to the zone's domain)`,
        nameText,
        'notice',
      );
    else if (!('reported' in zone)) ctx.src.problem(nameStart, owner.error, nameText);
    return undefined;
  }
  let ttl: number | undefined;
  const t = numberOf(ctx, body, 'ttl', 2147483647);
  if (t) ttl = provider === 'cloudflare' && t.value === 1 ? undefined : t.value;
  const comment = ctx.src.doc.commentFor(block.start.line, ctx.src.doc.position(block.end).line);
  return { provider, block, type, ttl, owner: owner.value, comment };
}

function nameContext(p: Pending): NameContext {
  return { origin: p.owner.zone, mode: 'absolute' };
}

function recordComment(ctx: Context, record: HclBlock): string | undefined {
  return ctx.src.doc.commentFor(record.start.line, record.start.line);
}

// ── providers ──

function route53(ctx: Context, block: HclBlock): void {
  const alias = blocksOf(block.body, 'alias')[0];
  if (alias) {
    ctx.src.problem(
      alias.start,
      'alias records point at an AWS resource; they are not read',
      undefined,
      'notice',
    );
    return;
  }
  const p = header(ctx, block, 'route53', undefined, 'zone_id');
  if (!p) return;
  for (const v of valuesOf(ctx, block.body, 'records') ?? []) {
    const isTxt = p.type === 'TXT' || p.type === 'SPF';
    const rdata = isTxt
      ? txtData(p.type, v.text, nameContext(p), 'quotes')
      : presentation(p.type, v.text, nameContext(p));
    if (report(ctx, v.start, rdata, v.text) && rdata.ok) push(ctx, p, rdata.value, v.start);
  }
}

function google(ctx: Context, block: HclBlock): void {
  const p = header(ctx, block, 'google', undefined, 'managed_zone');
  if (!p) return;
  for (const v of valuesOf(ctx, block.body, 'rrdatas') ?? []) {
    const rdata = presentation(p.type, v.text, nameContext(p));
    if (!report(ctx, v.start, rdata, v.text) || !rdata.ok) continue;
    const quoted = trimSpacesStart(v.text).startsWith('"');
    if ((p.type === 'TXT' || p.type === 'SPF') && !quoted && /\s/.test(trimSpaces(v.text))) {
      const message = `Cloud DNS splits unquoted TXT data at spaces into ${(txtStrings(rdata.value.data) ?? []).length} strings; write it as "\\"${v.text}\\"" to keep one`;
      ctx.src.problem(v.start, message, v.text, 'warning');
    }
    push(ctx, p, rdata.value, v.start);
  }
}

function azure(ctx: Context, block: HclBlock, kind: (typeof AZURE_TYPES)[number]): void {
  const target = attributeOf(block.body, 'target_resource_id');
  if (target) {
    ctx.src.problem(
      target.start,
      'alias record sets point at an Azure resource; they are not read',
      undefined,
      'notice',
    );
    return;
  }
  const p = header(ctx, block, 'azure', kind.toUpperCase(), 'zone_name');
  if (!p) return;
  const nc = nameContext(p);
  const body = block.body;
  switch (kind) {
    case 'a':
    case 'aaaa':
    case 'ns':
    case 'ptr':
      for (const v of valuesOf(ctx, body, 'records') ?? []) {
        const rdata = presentation(p.type, v.text, nc);
        if (report(ctx, v.start, rdata, v.text) && rdata.ok) push(ctx, p, rdata.value, v.start);
      }
      return;
    case 'cname': {
      const v = stringOf(ctx.src, body, 'record');
      if (!v) return;
      const rdata = presentation('CNAME', v.value, nc);
      if (report(ctx, v.start, rdata, v.value) && rdata.ok) push(ctx, p, rdata.value, v.start);
      return;
    }
  }
  for (const r of blocksOf(body, 'record')) {
    let fields: Field[] | undefined;
    let at: HclPosition | undefined;
    if (kind === 'txt') {
      const v = stringOf(ctx.src, r.body, 'value');
      if (v) push(ctx, p, txtRdata(chunkText(v.value)), v.start, recordComment(ctx, r));
      continue;
    }
    const parts: Record<string, readonly string[]> = {
      mx: ['preference', 'exchange'],
      srv: ['priority', 'weight', 'port', 'target'],
      caa: ['flags', 'tag', 'value'],
    };
    fields = [];
    for (const name of parts[kind]!) {
      const v = stringOf(ctx.src, r.body, name);
      if (!v) {
        if (v === undefined) ctx.src.problem(r.start, `the record has no "${name}"`);
        fields = undefined;
        break;
      }
      fields.push({ text: v.value, quoted: name === 'value' });
      at = v.start;
    }
    if (!fields || !at) continue;
    const result = rdataFromFields(p.type, fieldsOf(fields), nc);
    if (!result.ok) ctx.src.problem(at, result.error);
    else push(ctx, p, result.value, at, recordComment(ctx, r));
  }
}

function cloudflare(ctx: Context, block: HclBlock): void {
  const body = block.body;
  const data = blocksOf(body, 'data')[0]?.body ?? objectBody(body, 'data');
  const p0 = header(ctx, block, 'cloudflare', undefined, 'zone_id');
  if (!p0) return;
  let p = p0;
  const nc = nameContext(p);
  // Provider v4 SRV records may name the service in `data` instead of `name`.
  if (data && p.type === 'SRV') {
    const service = stringOf(ctx.src, data, 'service');
    const proto = stringOf(ctx.src, data, 'proto');
    const base = stringOf(ctx.src, data, 'name');
    if (service && proto) {
      const owner = ownerName(
        `${service.value}.${proto.value}.${base?.value ?? stringOf(ctx.src, body, 'name')?.value ?? '@'}`,
        p.owner.zone,
        'cloudflare',
      );
      if (owner.ok) p = { ...p, owner: owner.value };
    }
  }
  const proxied = attributeOf(body, 'proxied');
  if (proxied) {
    const v = ctx.src.value(proxied.expression);
    if (v.kind === 'bool' && v.value)
      ctx.src.problem(
        proxied.start,
        `the record is proxied by Cloudflare, so resolvers see Cloudflare's addresses instead of its ${p.type} data`,
        undefined,
        'warning',
      );
  }
  if (data && (p.type === 'SRV' || p.type === 'CAA')) {
    const names =
      p.type === 'SRV' ? ['priority', 'weight', 'port', 'target'] : ['flags', 'tag', 'value'];
    const fields: Field[] = [];
    let at: HclPosition | undefined;
    for (const name of names) {
      const holder = name === 'priority' && !attributeOf(data, name) ? body : data;
      const v = stringOf(ctx.src, holder, name);
      if (!v) {
        if (v === undefined)
          ctx.src.problem(block.start, `the ${p.type} record has no "${name}" in its data`);
        return;
      }
      fields.push({ text: v.value, quoted: name === 'value' });
      at = v.start;
    }
    const result = rdataFromFields(p.type, fieldsOf(fields), nc);
    if (!result.ok) ctx.src.problem(at!, result.error);
    else push(ctx, p, result.value, at!);
    return;
  }
  // Provider v4 called it `value`; v5 `content`.
  const contentName = attributeOf(body, 'content') ? 'content' : 'value';
  const content = stringOf(ctx.src, body, contentName);
  if (content === undefined && data) {
    ctx.src.problem(block.start, `${p.type} records with "data" are not read`, undefined, 'notice');
    return;
  }
  if (!content) {
    if (content === undefined) ctx.src.problem(block.start, 'the record has no "content"');
    return;
  }
  let rdata: Parsed<Rdata>;
  if (p.type === 'TXT' || p.type === 'SPF') rdata = txtData(p.type, content.value, nc, 'chunks');
  else if (p.type === 'MX') {
    const priority = numberOf(ctx, body, 'priority', 65535);
    if (priority === null) return;
    rdata = presentation('MX', `${priority?.value ?? 0} ${content.value}`, nc);
  } else rdata = presentation(p.type, content.value, nc);
  if (report(ctx, content.start, rdata, content.value) && rdata.ok)
    push(ctx, p, rdata.value, content.start);
}

/** Provider v5 writes `data = { ... }` as an attribute; it is read as a body of attributes. */
function objectBody(body: HclBody, name: string): HclBody | undefined {
  const a = attributeOf(body, name);
  if (!a || a.expression.kind !== 'object') return undefined;
  const items = a.expression.items.flatMap(({ key, value }) => {
    const k =
      key.kind === 'traversal' && typeof key.root === 'string' && key.steps.length === 0
        ? key.root
        : key.kind === 'template' && key.parts.length === 1 && key.parts[0]!.kind === 'text'
          ? key.parts[0]!.value
          : undefined;
    return k === undefined
      ? []
      : [
          {
            kind: 'attribute' as const,
            name: k,
            expression: value,
            start: key.start,
            end: value.end,
          },
        ];
  });
  return { items };
}

// ── the format ──

function stringMap(
  value: unknown,
  setting: string,
  problems: ParseProblem[],
  file: string,
): Map<string, string> {
  const out = new Map<string, string>();
  if (value === undefined) return out;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    problems.push({
      location: { file, line: 0, column: 1 },
      message: `options.${setting} must be a mapping of references to zone domains, not ${JSON.stringify(value)}`,
    });
    return out;
  }
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (typeof v === 'string' && v !== '') out.set(k, absoluteZone(v));
    else
      problems.push({
        location: { file, line: 0, column: 1 },
        message: `options.${setting}["${k}"] must be a domain name, not ${JSON.stringify(v)}`,
      });
  }
  return out;
}

function parseTerraformDns(file: SourceFile, options?: ParseOptions): ParsedDnsFile {
  const records: DnsRecord[] = [];
  const result = { path: file.path, format: 'terraform-dns', records };
  const src = readTerraformSource(file, options?.settings);
  if (!('doc' in src)) return { ...result, zones: [], problems: [src] };
  const settings = options?.settings ?? {};
  const zoneSettings = stringMap(settings.zones, 'zones', src.problems, file.path);
  let defaultZone: string | undefined;
  if (typeof settings.zone === 'string' && settings.zone !== '')
    defaultZone = absoluteZone(settings.zone);
  else if (settings.zone !== undefined)
    src.problems.push({
      location: { file: file.path, line: 0, column: 1 },
      message: `options.zone must be a domain name, not ${JSON.stringify(settings.zone)}`,
    });

  const zoneResources = new Map<string, HclBlock>();
  const googleZones = new Map<string, HclBlock>();
  for (const item of src.doc.body.items) {
    if (item.kind !== 'block' || (item.type !== 'resource' && item.type !== 'data')) continue;
    const [type, name] = item.labels;
    if (!type || !name || !(type.value in ZONE_RESOURCES)) continue;
    zoneResources.set(`${item.type === 'data' ? 'data.' : ''}${type.value}.${name.value}`, item);
    if (type.value === 'google_dns_managed_zone') {
      const zoneName = attributeOf(item.body, 'name');
      const v = zoneName && src.value(zoneName.expression);
      if (v?.kind === 'string') googleZones.set(v.value, item);
    }
  }
  const ctx: Context = { src, records, zoneSettings, defaultZone, zoneResources, googleZones };

  const zones = new Set<string>();
  for (const item of src.doc.body.items) {
    if (item.kind !== 'block' || item.type !== 'resource') continue;
    const type = item.labels[0]?.value ?? '';
    if (type in ZONE_RESOURCES) {
      const z = zoneOfResource(ctx, item);
      if (z && 'zone' in z) zones.add(z.zone);
      continue;
    }
    if (type === 'aws_route53_record') route53(ctx, item);
    else if (type === 'google_dns_record_set') google(ctx, item);
    else if (type === 'cloudflare_record' || type === 'cloudflare_dns_record')
      cloudflare(ctx, item);
    else {
      const m = /^azurerm_dns_([a-z]+)_record$/.exec(type);
      const kind = m && AZURE_TYPES.find((t) => t === m[1]);
      if (kind) azure(ctx, item, kind);
    }
  }
  for (const r of records) zones.add(r.zone);
  records.sort(
    (a, b) => a.location.line - b.location.line || a.location.column - b.location.column,
  );
  return { ...result, zones: [...zones].sort(), problems: finishProblems(src.problems) };
}

// ── rendering ──

export type TerraformDnsResource =
  'aws_route53_record' | 'azurerm_dns' | 'cloudflare_dns_record' | 'google_dns_record_set';

/** A string literal in HCL: quotes, backslashes and template starts escaped. */
function hclString(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const code = text.charCodeAt(i);
    if (c === '"' || c === '\\') out += `\\${c}`;
    else if (c === '\n') out += '\\n';
    else if (c === '\r') out += '\\r';
    else if (c === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else if ((c === '$' || c === '%') && text[i + 1] === '{') out += `${c}${c}`;
    else out += c;
  }
  return `"${out}"`;
}

/** A Terraform resource name: letters, digits and underscores, not starting with a digit. */
function label(text: string): string {
  const s = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return /^[a-z_]/.test(s) ? s : `_${s}`;
}

function block(head: string, lines: readonly (readonly [string, string] | string)[]): string {
  const width = lines.reduce((w, l) => Math.max(w, typeof l === 'string' ? 0 : l[0].length), 0);
  const body = lines.map((l) => (typeof l === 'string' ? l : `  ${l[0].padEnd(width)} = ${l[1]}`));
  return [`${head} {`, ...body, '}'].join('\n');
}

function withoutDot(name: string): string {
  return name.endsWith('.') && name !== '.' ? name.slice(0, -1) : name;
}

/** A record written as a resource of one provider, to tell a user exactly what to add. */
export function renderTerraformRecord(
  resource: TerraformDnsResource,
  record: { name: string; type: string; ttl?: number; data: string },
  zone: string,
): string {
  const z = absoluteZone(zone);
  const type = record.type.toUpperCase();
  const owner = relativeOwner(record.name.toLowerCase(), z);
  const name = `${owner === '@' ? 'apex' : owner}_${type}`;
  const zoneLabel = label(withoutDot(z));
  const fields = splitFields(record.data);
  const strings = type === 'TXT' || type === 'SPF' ? txtStrings(record.data) : undefined;
  const ttl = String(record.ttl ?? 3600);
  switch (resource) {
    case 'aws_route53_record': {
      const value = strings ? strings.join('""') : record.data;
      return block(`resource "aws_route53_record" "${label(name)}"`, [
        ['zone_id', `aws_route53_zone.${zoneLabel}.zone_id`],
        ['name', hclString(withoutDot(record.name))],
        ['type', hclString(type)],
        ['ttl', ttl],
        ['records', `[${hclString(value)}]`],
      ]);
    }
    case 'google_dns_record_set':
      return block(`resource "google_dns_record_set" "${label(name)}"`, [
        ['managed_zone', `google_dns_managed_zone.${zoneLabel}.name`],
        ['name', hclString(record.name)],
        ['type', hclString(type)],
        ['ttl', ttl],
        ['rrdatas', `[${hclString(record.data)}]`],
      ]);
    case 'cloudflare_dns_record': {
      const f = fields.ok ? fields.value.map((x) => x.text) : [];
      const lines: [string, string][] = [
        ['zone_id', `cloudflare_zone.${zoneLabel}.id`],
        ['name', hclString(withoutDot(record.name))],
        ['type', hclString(type)],
        ['ttl', String(record.ttl ?? 1)],
      ];
      if (type === 'MX' && f.length === 2) {
        lines.push(['content', hclString(withoutDot(f[1]!))], ['priority', f[0]!]);
      } else if (type === 'SRV' && f.length === 4) {
        const [priority, weight, port, target] = f as [string, string, string, string];
        lines.push([
          'data',
          `{ priority = ${priority}, weight = ${weight}, port = ${port}, target = ${hclString(withoutDot(target))} }`,
        ]);
      } else if (strings) lines.push(['content', hclString(record.data)]);
      else lines.push(['content', hclString(withoutDot(record.data))]);
      return block(`resource "cloudflare_dns_record" "${label(name)}"`, lines);
    }
    case 'azurerm_dns': {
      const kind = type.toLowerCase();
      if (!(AZURE_TYPES as readonly string[]).includes(kind))
        return `# Azure DNS has no record set resource for ${type} records`;
      const lines: ([string, string] | string)[] = [
        ['name', hclString(owner)],
        ['zone_name', hclString(withoutDot(z))],
        ['resource_group_name', 'var.resource_group_name'],
        ['ttl', ttl],
      ];
      const f = fields.ok ? fields.value.map((x) => x.text) : [];
      const sub = (pairs: [string, string][]) => {
        const width = pairs.reduce((w, p) => Math.max(w, p[0].length), 0);
        return ['', '  record {', ...pairs.map(([k, v]) => `    ${k.padEnd(width)} = ${v}`), '  }'];
      };
      if (kind === 'cname') lines.push(['record', hclString(record.data)]);
      else if (kind === 'mx' && f.length === 2)
        append(
          lines,
          sub([
            ['preference', f[0]!],
            ['exchange', hclString(f[1]!)],
          ]),
        );
      else if (kind === 'srv' && f.length === 4)
        append(
          lines,
          sub([
            ['priority', f[0]!],
            ['weight', f[1]!],
            ['port', f[2]!],
            ['target', hclString(f[3]!)],
          ]),
        );
      else if (kind === 'caa' && f.length === 3)
        append(
          lines,
          sub([
            ['flags', f[0]!],
            ['tag', hclString(f[1]!)],
            ['value', hclString(f[2]!)],
          ]),
        );
      else if (kind === 'txt')
        append(lines, sub([['value', hclString((strings ?? [record.data]).join(''))]]));
      else lines.push(['records', `[${hclString(record.data)}]`]);
      return block(`resource "azurerm_dns_${kind}_record" "${label(name)}"`, lines);
    }
  }
}

/**
 * Terraform (HCL) DNS records: `aws_route53_record`, `azurerm_dns_{a,aaaa,cname,mx,txt,srv,ns,ptr,caa}_record`,
 * `cloudflare_record` (v4) and `cloudflare_dns_record` (v5), `google_dns_record_set`.
 *
 * Settings: `variables` (input variable values for `var.NAME`), `zones` (a mapping from what a
 * record's `zone_id`/`zone_name`/`managed_zone` holds, as written — `aws_route53_zone.primary.zone_id`,
 * the resource address `aws_route53_zone.primary`, or a literal zone id — to the zone's domain),
 * and `zone` (the domain of records whose zone cannot be told otherwise). A zone resource in the
 * same file is read by itself. `render` writes an `aws_route53_record`; `renderTerraformRecord`
 * writes the other providers' resources.
 */
export const TERRAFORM_DNS: DnsFormat = {
  ...TERRAFORM_DNS_DESCRIPTION,
  parse: parseTerraformDns,
  render: (record, zone) => renderTerraformRecord('aws_route53_record', record, zone),
};
