import { domainToASCII } from 'node:url';
import type { DnsData } from '../model/dns.js';
import { fail, ok, type Parsed } from '../model/parsed.js';

/**
 * Record data shared by the DNS formats: every format turns what it read into the presentation
 * form `named-compilezone` prints (absolute lower-case names, TXT as quoted strings with BIND's
 * escapes, IPv6 in RFC 5952 form), so that records from a zone file, octoDNS, dnscontrol, a CSV
 * export and our own YAML compare equal when they say the same thing.
 */

/** What a name without a trailing dot means in a format. */
export type NameMode =
  /** Relative to the origin (zone files, dnscontrol): flagged as `relativeTarget`. */
  | 'origin'
  /** Already fully qualified; the trailing dot is optional (CSV exports, our YAML). */
  | 'absolute';

export interface NameContext {
  /** Absolute origin with trailing dot; undefined when the file does not say. */
  readonly origin: string | undefined;
  readonly mode: NameMode;
}

/** Record data in presentation form, its parsed shape, and whether a target was made absolute from the origin. */
export interface Rdata {
  readonly data: string;
  readonly parsed: DnsData;
  readonly relativeTarget: boolean;
}

/** A presentation-form field: the text as written (escapes kept, quotes removed). */
export interface Field {
  readonly text: string;
  readonly quoted: boolean;
}

/** A failure inside record data: which field (index into the fields; -1 for "after the last") and why. */
export interface RdataError {
  readonly error: string;
  readonly field: number;
}

export type RdataResult = { ok: true; value: Rdata } | ({ ok: false } & RdataError);

// prettier-ignore
const TYPE_CODES: readonly (readonly [string, number])[] = [
  ['A', 1], ['NS', 2], ['MD', 3], ['MF', 4], ['CNAME', 5], ['SOA', 6], ['MB', 7], ['MG', 8],
  ['MR', 9], ['NULL', 10], ['WKS', 11], ['PTR', 12], ['HINFO', 13], ['MINFO', 14], ['MX', 15],
  ['TXT', 16], ['RP', 17], ['AFSDB', 18], ['X25', 19], ['ISDN', 20], ['RT', 21], ['NSAP', 22],
  ['NSAP-PTR', 23], ['SIG', 24], ['KEY', 25], ['PX', 26], ['GPOS', 27], ['AAAA', 28], ['LOC', 29],
  ['NXT', 30], ['EID', 31], ['NIMLOC', 32], ['SRV', 33], ['ATMA', 34], ['NAPTR', 35], ['KX', 36],
  ['CERT', 37], ['A6', 38], ['DNAME', 39], ['SINK', 40], ['APL', 42], ['DS', 43], ['SSHFP', 44],
  ['IPSECKEY', 45], ['RRSIG', 46], ['NSEC', 47], ['DNSKEY', 48], ['DHCID', 49], ['NSEC3', 50],
  ['NSEC3PARAM', 51], ['TLSA', 52], ['SMIMEA', 53], ['HIP', 55], ['NINFO', 56], ['RKEY', 57],
  ['TALINK', 58], ['CDS', 59], ['CDNSKEY', 60], ['OPENPGPKEY', 61], ['CSYNC', 62], ['ZONEMD', 63],
  ['SVCB', 64], ['HTTPS', 65], ['SPF', 99], ['UINFO', 100], ['UID', 101], ['GID', 102],
  ['UNSPEC', 103], ['NID', 104], ['L32', 105], ['L64', 106], ['LP', 107], ['EUI48', 108],
  ['EUI64', 109], ['URI', 256], ['CAA', 257], ['AVC', 258], ['DOA', 259], ['AMTRELAY', 260],
  ['TA', 32768], ['DLV', 32769],
];
const BY_NAME = new Map(TYPE_CODES);
const BY_CODE = new Map(TYPE_CODES.map(([name, code]) => [code, name]));

/**
 * The canonical mnemonic of a record type (`mx` -> `MX`, `TYPE15` -> `MX`, `TYPE65534` kept), or
 * undefined when the text is not a type.
 */
export function recordType(text: string): string | undefined {
  const upper = text.toUpperCase();
  if (BY_NAME.has(upper)) return upper;
  const m = /^TYPE(\d{1,5})$/.exec(upper);
  if (!m) return undefined;
  const code = Number(m[1]);
  if (code > 65535) return undefined;
  return BY_CODE.get(code) ?? `TYPE${code}`;
}

/** True when the name ends with a dot that is not escaped. */
export function endsWithDot(name: string): boolean {
  if (!name.endsWith('.')) return false;
  let slashes = 0;
  for (let i = name.length - 2; i >= 0 && name.charCodeAt(i) === 92; i--) slashes++;
  return slashes % 2 === 0;
}

/**
 * Why a name (escapes as in a zone file) is not a domain name: an empty label, a label over 63
 * octets, more than 255 octets in all. Undefined when it is one.
 */
export function nameError(name: string): string | undefined {
  if (name === '.') return undefined;
  if (name === '') return 'empty name';
  let labelLength = 0;
  let total = 1;
  const n = name.length;
  for (let i = 0; i < n; i++) {
    const c = name.charCodeAt(i);
    if (c === 46 /* . */) {
      if (labelLength === 0) return `empty label in "${name}"`;
      total += labelLength + 1;
      labelLength = 0;
      continue;
    }
    if (c === 92 /* \ */) {
      const d = name.charCodeAt(i + 1);
      if (d >= 48 && d <= 57) {
        const digits = name.slice(i + 1, i + 4);
        if (!/^\d{3}$/.test(digits) || Number(digits) > 255) {
          return `invalid escape "\\${digits}" in "${name}"`;
        }
        i += 3;
      } else if (i + 1 < n) {
        i++;
      } else {
        return `"${name}" ends with a lone backslash`;
      }
    }
    labelLength++;
    if (labelLength > 63) return `a label of "${name}" is longer than 63 octets`;
  }
  total += labelLength > 0 ? labelLength + 1 : 0;
  if (total > 255) return `"${name}" is longer than 255 octets`;
  return undefined;
}

/** Characters no name written in a structured format can hold (zone files escape them instead). */
const UNWRITABLE = /[\s"'\\();<>]|[\u0000-\u001f\u007f]/;

/**
 * A name from a structured format (YAML, JS, CSV) checked and made ASCII: Unicode labels become
 * punycode, spaces and quotes are refused.
 */
export function plainName(name: string): Parsed<string> {
  if (UNWRITABLE.test(name)) return fail(`"${name}" is not a valid domain name`);
  let ascii = name;
  if (/[^\u0000-\u007f]/.test(name)) {
    const dot = endsWithDot(name) && name !== '.';
    ascii = domainToASCII(dot ? name.slice(0, -1) : name);
    if (ascii === '') return fail(`"${name}" is not a valid domain name`);
    if (dot) ascii += '.';
  }
  const error = nameError(ascii);
  return error ? fail(error) : ok(ascii);
}

/** `name` relative to `origin` (which ends with a dot); `@` is the origin; lower case. */
export function qualify(name: string, origin: string): string {
  if (name === '@') return origin.toLowerCase();
  if (endsWithDot(name)) return name.toLowerCase();
  return (origin === '.' ? `${name}.` : `${name}.${origin}`).toLowerCase();
}

/** A target name made absolute as the format reads it. */
export function targetName(
  text: string,
  ctx: NameContext,
): Parsed<{ name: string; relative: boolean }> {
  if (endsWithDot(text)) {
    const error = nameError(text);
    return error ? fail(error) : ok({ name: text.toLowerCase(), relative: false });
  }
  if (ctx.mode === 'absolute' || text === '@') {
    if (text === '@') {
      if (ctx.origin === undefined) return fail(`"@" needs the zone's origin`);
      return ok({ name: ctx.origin.toLowerCase(), relative: false });
    }
    const error = nameError(text);
    return error ? fail(error) : ok({ name: `${text}.`.toLowerCase(), relative: false });
  }
  if (ctx.origin === undefined) {
    return fail(`"${text}" is relative and the zone's origin is unknown`);
  }
  const name = qualify(text, ctx.origin);
  const error = nameError(name);
  return error ? fail(error) : ok({ name, relative: true });
}

/**
 * A TTL in seconds: `3600`, or units as BIND reads them (`1h30m`, `2d`, `1W`). Undefined when
 * the text is not one.
 */
export function parseTtl(text: string): number | undefined {
  if (/^\d+$/.test(text)) {
    const n = Number(text);
    return n <= 0xffffffff ? n : undefined;
  }
  if (!/^(?:\d+[wdhmsWDHMS])+\d*$/.test(text)) return undefined;
  let total = 0;
  for (const m of text.matchAll(/(\d+)([wdhmsWDHMS]?)/g)) {
    const unit = m[2]!.toLowerCase();
    const factor =
      unit === 'w' ? 604800 : unit === 'd' ? 86400 : unit === 'h' ? 3600 : unit === 'm' ? 60 : 1;
    total += Number(m[1]) * factor;
  }
  return total <= 0xffffffff ? total : undefined;
}

/** Largest TTL a server keeps (RFC 2181 section 8). */
export const MAX_TTL = 2147483647;

/** A number field (`0`-`max`), decimal digits only. */
export function parseUint(text: string, max: number): number | undefined {
  if (!/^\d{1,10}$/.test(text)) return undefined;
  const n = Number(text);
  return n <= max ? n : undefined;
}

// ---------------------------------------------------------------------------------------------
// Addresses

/** A dotted quad as `named` reads it: four decimal octets, no leading zeros. */
export function ipv4(text: string): Parsed<string> {
  const parts = text.split('.');
  if (parts.length === 4 && parts.every((p) => /^(?:0|[1-9]\d{0,2})$/.test(p) && Number(p) < 256)) {
    return ok(text);
  }
  return fail(`"${text}" is not an IPv4 address`);
}

/** An IPv6 address in the form `named` prints (RFC 5952, with a dotted tail for mapped and compatible IPv4). */
export function ipv6(text: string): Parsed<string> {
  const words = ipv6Words(text);
  if (!words) return fail(`"${text}" is not an IPv6 address`);
  return ok(formatIpv6(words));
}

function ipv6Words(text: string): number[] | undefined {
  if (text.length > 45 || !/^[0-9A-Fa-f:.]+$/.test(text)) return undefined;
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const parse = (part: string): number[] | undefined => {
    if (part === '') return [];
    const out: number[] = [];
    const groups = part.split(':');
    for (let i = 0; i < groups.length; i++) {
      const g = groups[i]!;
      if (i === groups.length - 1 && g.includes('.')) {
        const v4 = ipv4(g);
        if (!v4.ok) return undefined;
        const o = g.split('.').map(Number);
        out.push(o[0]! * 256 + o[1]!, o[2]! * 256 + o[3]!);
      } else if (/^[0-9A-Fa-f]{1,4}$/.test(g)) {
        out.push(parseInt(g, 16));
      } else {
        return undefined;
      }
    }
    return out;
  };
  const head = parse(halves[0]!);
  const tail = halves.length === 2 ? parse(halves[1]!) : [];
  if (!head || !tail) return undefined;
  if (halves.length === 1) return head.length === 8 ? head : undefined;
  const missing = 8 - head.length - tail.length;
  if (missing < 1) return undefined;
  return [...head, ...new Array<number>(missing).fill(0), ...tail];
}

/** The classic BSD `inet_ntop` rules, which BIND follows. */
function formatIpv6(w: readonly number[]): string {
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (w[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && w[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  if (bestLen < 2) bestStart = -1;
  const embedded =
    bestStart === 0 && (bestLen === 6 || (bestLen === 7 && w[7] !== 1) || (bestLen === 5 && w[5] === 0xffff));
  let out = '';
  for (let i = 0; i < 8; i++) {
    if (i === bestStart) {
      out += ':';
      i += bestLen - 1;
      if (i === 7) out += ':';
      continue;
    }
    if (i > 0) out += ':';
    if (embedded && i === 6) {
      out += `${w[6]! >> 8}.${w[6]! & 255}.${w[7]! >> 8}.${w[7]! & 255}`;
      break;
    }
    out += w[i]!.toString(16);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Character strings

/** One TXT-like string: its text (UTF-8 decoded) and its quoted presentation form. */
export interface CharString {
  readonly text: string;
  readonly quoted: string;
}

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder('utf-8');

function isPlainAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c >= 0x7f || c === 34 || c === 92) return false;
  }
  return true;
}

/** BIND's quoting of string bytes: `"` and `\` escaped, bytes outside printable ASCII as `\DDD`. */
function quoteBytes(bytes: Uint8Array | readonly number[]): string {
  let out = '"';
  for (const b of bytes) {
    if (b < 0x20 || b >= 0x7f) out += `\\${String(b).padStart(3, '0')}`;
    else if (b === 34 || b === 92) out += `\\${String.fromCharCode(b)}`;
    else out += String.fromCharCode(b);
  }
  return `${out}"`;
}

/** A string given as text (YAML, JS, CSV), quoted as `named` prints it. */
export function quoteText(text: string): string {
  return isPlainAscii(text) ? `"${text}"` : quoteBytes(utf8.encode(text));
}

/**
 * A string as written in a zone file (escapes `\X` and `\DDD` kept) decoded to its text and
 * quoted form; fails on a bad escape or more than 255 octets.
 */
export function decodeCharString(raw: string): Parsed<CharString> {
  if (!raw.includes('\\') && isPlainAscii(raw)) {
    if (raw.length > 255) return fail(`string longer than 255 octets: "${preview(raw)}"`);
    return ok({ text: raw, quoted: `"${raw}"` });
  }
  const bytes: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 92) {
      const d = raw.charCodeAt(i + 1);
      if (d >= 48 && d <= 57) {
        const digits = raw.slice(i + 1, i + 4);
        if (!/^\d{3}$/.test(digits) || Number(digits) > 255) {
          return fail(`invalid escape "\\${digits}" in "${preview(raw)}"`);
        }
        bytes.push(Number(digits));
        i += 3;
        continue;
      }
      if (i + 1 >= raw.length) return fail(`"${preview(raw)}" ends with a lone backslash`);
      i++;
    }
    const cp = raw.codePointAt(i)!;
    if (cp < 0x80) bytes.push(cp);
    else {
      const ch = String.fromCodePoint(cp);
      for (const b of utf8.encode(ch)) bytes.push(b);
      i += ch.length - 1;
    }
  }
  if (bytes.length > 255) return fail(`string longer than 255 octets: "${preview(raw)}"`);
  return ok({ text: fromUtf8.decode(new Uint8Array(bytes)), quoted: quoteBytes(bytes) });
}

function preview(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}...` : s;
}

/**
 * A long text split into strings of at most 255 octets, the way octoDNS and dnscontrol store a
 * value that does not fit in one (never inside a UTF-8 sequence).
 */
export function chunkText(text: string): string[] {
  if (text.length <= 255 && isPlainAscii(text)) return [text];
  const bytes = utf8.encode(text);
  if (bytes.length <= 255) return [text];
  const out: string[] = [];
  let start = 0;
  while (start < bytes.length) {
    let end = Math.min(start + 255, bytes.length);
    while (end < bytes.length && (bytes[end]! & 0xc0) === 0x80) end--;
    out.push(fromUtf8.decode(bytes.subarray(start, end)));
    start = end;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Record data

const rdataOk = (data: string, parsed: DnsData, relativeTarget = false): RdataResult => ({
  ok: true,
  value: { data, parsed, relativeTarget },
});
const rdataFail = (error: string, field: number): RdataResult => ({ ok: false, error, field });

export function addressRdata(type: 'A' | 'AAAA', text: string): Parsed<Rdata> {
  const address = type === 'A' ? ipv4(text) : ipv6(text);
  if (!address.ok) return address;
  return ok({
    data: address.value,
    parsed: { type, address: address.value },
    relativeTarget: false,
  });
}

export function targetRdata(
  type: 'CNAME' | 'NS' | 'PTR',
  target: string,
  ctx: NameContext,
): Parsed<Rdata> {
  const name = targetName(target, ctx);
  if (!name.ok) return name;
  return ok({
    data: name.value.name,
    parsed: { type, target: name.value.name },
    relativeTarget: name.value.relative,
  });
}

export function mxRdata(preference: number, exchange: string, ctx: NameContext): Parsed<Rdata> {
  const name = targetName(exchange, ctx);
  if (!name.ok) return name;
  return ok({
    data: `${preference} ${name.value.name}`,
    parsed: { type: 'MX', preference, exchange: name.value.name },
    relativeTarget: name.value.relative,
  });
}

export function srvRdata(
  priority: number,
  weight: number,
  port: number,
  target: string,
  ctx: NameContext,
): Parsed<Rdata> {
  const name = targetName(target, ctx);
  if (!name.ok) return name;
  return ok({
    data: `${priority} ${weight} ${port} ${name.value.name}`,
    parsed: { type: 'SRV', priority, weight, port, target: name.value.name },
    relativeTarget: name.value.relative,
  });
}

/** TXT (and SPF, which has the same data) from strings given as text. */
export function txtRdata(strings: readonly string[]): Rdata {
  return {
    data: strings.map(quoteText).join(' '),
    parsed: { type: 'TXT', strings },
    relativeTarget: false,
  };
}

export function otherRdata(text: string): Rdata {
  return { data: text, parsed: { type: 'OTHER', text }, relativeTarget: false };
}

/** Types whose data is one domain name. */
const NAME_TYPES = new Set(['CNAME', 'NS', 'PTR', 'DNAME', 'MB', 'MD', 'MF', 'MG', 'MR']);
/** Types whose data is character strings only. */
const STRING_TYPES = new Set(['TXT', 'SPF', 'HINFO', 'AVC']);

function numberField(fields: readonly Field[], i: number, what: string, max: number): number | RdataResult {
  const f = fields[i];
  if (f === undefined) return rdataFail(`missing ${what}`, -1);
  const n = parseUint(f.text, max);
  if (n === undefined) return rdataFail(`${what} "${f.text}" is not a number from 0 to ${max}`, i);
  return n;
}

function ttlField(fields: readonly Field[], i: number, what: string): number | RdataResult {
  const f = fields[i];
  if (f === undefined) return rdataFail(`missing ${what}`, -1);
  const n = parseTtl(f.text);
  if (n === undefined) return rdataFail(`${what} "${f.text}" is not a number of seconds`, i);
  return n;
}

function nameField(fields: readonly Field[], i: number, what: string, ctx: NameContext) {
  const f = fields[i];
  if (f === undefined) return rdataFail(`missing ${what}`, -1);
  const name = targetName(f.text, ctx);
  if (!name.ok) return rdataFail(name.error, i);
  return name.value;
}

function extra(fields: readonly Field[], count: number, type: string): RdataResult | undefined {
  const f = fields[count];
  return f === undefined ? undefined : rdataFail(`unexpected "${f.text}" after the ${type} data`, count);
}

/**
 * Record data from its presentation-form fields (a zone file's tokens, or a value written the
 * same way in YAML). Types the DNS rules look into are parsed; others keep their fields, names
 * made absolute where the type is known to hold one.
 */
export function rdataFromFields(type: string, fields: readonly Field[], ctx: NameContext): RdataResult {
  const tooMany = (count: number) => extra(fields, count, type);
  if (fields.length === 0 && type !== 'TXT' && type !== 'SPF') return rdataFail(`missing ${type} data`, -1);
  if (fields[0]?.text === '\\#' && !fields[0].quoted) return genericRdata(type, fields);
  switch (type) {
    case 'A':
    case 'AAAA': {
      const r = addressRdata(type, fields[0]!.text);
      if (!r.ok) return rdataFail(r.error, 0);
      return tooMany(1) ?? { ok: true, value: r.value };
    }
    case 'MX': {
      const pref = numberField(fields, 0, 'MX preference', 65535);
      if (typeof pref !== 'number') return pref;
      const name = nameField(fields, 1, 'MX exchange', ctx);
      if ('ok' in name) return name;
      return (
        tooMany(2) ??
        rdataOk(`${pref} ${name.name}`, { type: 'MX', preference: pref, exchange: name.name }, name.relative)
      );
    }
    case 'SRV': {
      const nums: number[] = [];
      for (const [i, what] of ['SRV priority', 'SRV weight', 'SRV port'].entries()) {
        const n = numberField(fields, i, what, 65535);
        if (typeof n !== 'number') return n;
        nums.push(n);
      }
      const name = nameField(fields, 3, 'SRV target', ctx);
      if ('ok' in name) return name;
      const [priority, weight, port] = nums as [number, number, number];
      return (
        tooMany(4) ??
        rdataOk(
          `${priority} ${weight} ${port} ${name.name}`,
          { type: 'SRV', priority, weight, port, target: name.name },
          name.relative,
        )
      );
    }
    case 'SOA': {
      const mname = nameField(fields, 0, 'SOA primary server', ctx);
      if ('ok' in mname) return mname;
      const rname = nameField(fields, 1, 'SOA mailbox', ctx);
      if ('ok' in rname) return rname;
      const serial = numberField(fields, 2, 'SOA serial', 0xffffffff);
      if (typeof serial !== 'number') return serial;
      const timers: number[] = [];
      for (const [k, what] of ['SOA refresh', 'SOA retry', 'SOA expire', 'SOA minimum'].entries()) {
        const t = ttlField(fields, 3 + k, what);
        if (typeof t !== 'number') return t;
        timers.push(t);
      }
      const text = `${mname.name} ${rname.name} ${serial} ${timers.join(' ')}`;
      return tooMany(7) ?? rdataOk(text, { type: 'OTHER', text });
    }
    case 'CAA': {
      const flags = numberField(fields, 0, 'CAA flags', 255);
      if (typeof flags !== 'number') return flags;
      const tag = fields[1];
      if (tag === undefined) return rdataFail('missing CAA tag', -1);
      if (!/^[A-Za-z0-9]+$/.test(tag.text)) return rdataFail(`CAA tag "${tag.text}" is not letters and digits`, 1);
      const value = fields[2];
      if (value === undefined) return rdataFail('missing CAA value', -1);
      const decoded = decodeCharString(value.text);
      if (!decoded.ok) return rdataFail(decoded.error, 2);
      const text = `${flags} ${tag.text} ${decoded.value.quoted}`;
      return tooMany(3) ?? rdataOk(text, { type: 'OTHER', text });
    }
  }
  if (type === 'CNAME' || type === 'NS' || type === 'PTR' || NAME_TYPES.has(type)) {
    const name = nameField(fields, 0, `${type} target`, ctx);
    if ('ok' in name) return name;
    const parsed: DnsData =
      type === 'CNAME' || type === 'NS' || type === 'PTR'
        ? { type, target: name.name }
        : { type: 'OTHER', text: name.name };
    return tooMany(1) ?? rdataOk(name.name, parsed, name.relative);
  }
  if (STRING_TYPES.has(type)) {
    if (fields.length === 0) return rdataFail(`missing ${type} data`, -1);
    const texts: string[] = [];
    const quoted: string[] = [];
    for (let i = 0; i < fields.length; i++) {
      const s = decodeCharString(fields[i]!.text);
      if (!s.ok) return rdataFail(s.error, i);
      texts.push(s.value.text);
      quoted.push(s.value.quoted);
    }
    if (type === 'HINFO' && fields.length !== 2) {
      return rdataFail('HINFO needs two strings (CPU and OS)', fields.length < 2 ? -1 : 2);
    }
    const data = quoted.join(' ');
    return rdataOk(data, type === 'TXT' || type === 'SPF' ? { type: 'TXT', strings: texts } : { type: 'OTHER', text: data });
  }
  const text = fields.map((f) => (f.quoted ? `"${f.text}"` : f.text)).join(' ');
  return rdataOk(text, { type: 'OTHER', text });
}

/** RFC 3597 `\# length hex`, kept as written with the hex in upper case. */
function genericRdata(type: string, fields: readonly Field[]): RdataResult {
  const length = numberField(fields, 1, 'generic data length', 65535);
  if (typeof length !== 'number') return length;
  const hex = fields.slice(2).map((f) => f.text).join('');
  if (!/^[0-9A-Fa-f]*$/.test(hex)) return rdataFail(`"${hex}" is not hexadecimal`, 2);
  if (hex.length !== length * 2) {
    return rdataFail(`generic data has ${hex.length / 2} octets, not ${length}`, fields.length > 2 ? 2 : -1);
  }
  const text = length === 0 ? '\\# 0' : `\\# ${length} ${hex.toUpperCase()}`;
  if (BY_NAME.has(type) && !type.startsWith('TYPE')) {
    return rdataFail(`generic data for ${type} is not read; write it in ${type}'s own form`, 0);
  }
  return rdataOk(text, { type: 'OTHER', text });
}

/**
 * Splits presentation-form text (`10 mail.example.com.`, `"v=spf1" "-all"`) into fields: blanks
 * separate them, double quotes group, backslash escapes are kept for the field reader.
 */
export function splitFields(text: string): Parsed<Field[]> {
  const fields: Field[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      i++;
      continue;
    }
    const quoted = c === 34;
    let j = quoted ? i + 1 : i;
    const start = j;
    for (; j < n; j++) {
      const d = text.charCodeAt(j);
      if (d === 92) {
        j++;
        continue;
      }
      if (quoted ? d === 34 : d === 32 || d === 9 || d === 10 || d === 13 || d === 34) break;
    }
    if (quoted && j >= n) return fail(`unterminated quoted string in "${text}"`);
    fields.push({ text: text.slice(start, Math.min(j, n)), quoted });
    i = quoted ? j + 1 : j;
  }
  return ok(fields);
}

/** The strings of TXT data in presentation form, decoded; undefined when the data is not that. */
export function txtStrings(data: string): string[] | undefined {
  const fields = splitFields(data);
  if (!fields.ok) return undefined;
  const out: string[] = [];
  for (const f of fields.value) {
    const s = decodeCharString(f.text);
    if (!s.ok) return undefined;
    out.push(s.value.text);
  }
  return out;
}

/** The owner written relative to the zone: `@` for the apex, the labels above it, or the absolute name. */
export function relativeOwner(name: string, zone: string): string {
  const n = name.toLowerCase();
  const z = zone.toLowerCase();
  if (n === z) return '@';
  if (z !== '.' && n.endsWith(`.${z}`)) return name.slice(0, name.length - z.length - 1);
  return name;
}

/** Absolute with trailing dot, lower case. */
export function absoluteZone(zone: string): string {
  return (zone.endsWith('.') ? zone : `${zone}.`).toLowerCase();
}
