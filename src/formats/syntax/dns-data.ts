import { domainToASCII } from 'node:url';
import type { DnsData } from '../../model/dns.js';
import { deceptiveName, hiddenCharacter } from '../../model/idn.js';
import { fail, ok, type Parsed } from '../../model/parsed.js';

/**
 * Record data shared by the DNS formats: every format turns what it read into the presentation
 * form `named-compilezone` prints (absolute lower-case names, TXT as quoted strings with BIND's
 * escapes, IPv6 in RFC 5952 form), so that records from a zone file, octoDNS, dnscontrol, a CSV
 * export and our own YAML compare equal when they say the same thing.
 */

/** What a name without a trailing dot means in a format. */
export type NameMode =
  /** Relative to the origin (zone files): flagged as `relativeTarget`, a classic mistake there. */
  | 'origin'
  /** Already fully qualified; the trailing dot is optional (CSV exports, our YAML). */
  | 'absolute'
  /**
   * dnscontrol: one label is relative to the domain (as intended, so not flagged); a name with
   * dots must end with one, which dnscontrol enforces.
   */
  | 'label';

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

/**
 * A run of fields, read by index: a zone file's lexer serves them from its own arrays instead of
 * making an object per token.
 */
export interface Fields {
  readonly length: number;
  text(i: number): string;
  quoted(i: number): boolean;
}

/** A failure inside record data: which field (index into the fields; -1 for "after the last") and why. */
export interface RdataError {
  readonly error: string;
  readonly field: number;
}

export type RdataResult =
  { ok: true; value: Rdata } | ({ ok: false; notice?: boolean } & RdataError);

const CTX_NONE: NameContext = { origin: undefined, mode: 'absolute' };

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
  if (BY_NAME.has(text)) return text;
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
  // A space or an invisible character is a byte of the name to a DNS server: never the name it
  // looks like.
  if (!isAscii(name)) {
    const hidden = hiddenCharacter(name);
    if (hidden !== undefined) return hidden;
  }
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

/** A character no name written in a structured format can hold (zone files escape them instead). */
function unwritable(name: string): boolean {
  if (/\s/.test(name)) return true;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    // Control characters, quotes, backslash, parentheses, `;`, `<`, `>`.
    if (c < 0x20 || c === 0x7f || c === 34 || c === 39 || c === 92) return true;
    if (c === 40 || c === 41 || c === 59 || c === 60 || c === 62) return true;
  }
  return false;
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/**
 * A name from a structured format (YAML, JS, CSV) checked and made ASCII: Unicode labels become
 * punycode, spaces and quotes are refused.
 */
export function plainName(name: string): Parsed<string> {
  if (unwritable(name)) return fail(`"${name}" is not a valid domain name`);
  let ascii = name;
  if (!isAscii(name)) {
    const deceptive = deceptiveName(name);
    if (deceptive !== undefined) return fail(deceptive);
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
  if (ctx.mode === 'label' && text.includes('.')) {
    return fail(
      `"${text}" has dots but does not end with one; dnscontrol refuses it (write "${text}.")`,
    );
  }
  if (ctx.origin === undefined) {
    return fail(`"${text}" is relative and the zone's origin is unknown`);
  }
  const name = qualify(text, ctx.origin);
  const error = nameError(name);
  return error ? fail(error) : ok({ name, relative: ctx.mode === 'origin' });
}

/**
 * A TTL in seconds: `3600`, or units as BIND reads them (`1h30m`, `2d`, `1W`). Undefined when
 * the text is not one.
 */
export function parseTtl(text: string): number | undefined {
  const plain = parseUint(text, 0xffffffff);
  if (plain !== undefined) return plain;
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
  const n = text.length;
  if (n === 0 || n > 10) return undefined;
  let value = 0;
  for (let i = 0; i < n; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return undefined;
    value = value * 10 + d;
  }
  return value <= max ? value : undefined;
}

// ---------------------------------------------------------------------------------------------
// Addresses

/** Four decimal octets without leading zeros, as `named` reads an A record; -1 when not one. */
function ipv4Value(text: string, from: number, to: number): number {
  let value = 0;
  let octet = 0;
  let digits = 0;
  let dots = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 46) {
      if (digits === 0 || dots === 3) return -1;
      value = value * 256 + octet;
      octet = 0;
      digits = 0;
      dots++;
      continue;
    }
    const d = c - 48;
    if (d < 0 || d > 9 || (digits === 1 && octet === 0)) return -1;
    octet = octet * 10 + d;
    if (octet > 255) return -1;
    digits++;
  }
  if (digits === 0 || dots !== 3) return -1;
  return value * 256 + octet;
}

export function ipv4(text: string): Parsed<string> {
  return ipv4Value(text, 0, text.length) >= 0 ? ok(text) : fail(`"${text}" is not an IPv4 address`);
}

/** An IPv6 address in the form `named` prints (RFC 5952, with a dotted tail for mapped and compatible IPv4). */
export function ipv6(text: string): Parsed<string> {
  const words = ipv6Words(text);
  if (!words) return fail(`"${text}" is not an IPv6 address`);
  return ok(formatIpv6(words));
}

function hexDigit(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

/** The eight 16-bit words of an IPv6 address, or undefined. */
function ipv6Words(text: string): number[] | undefined {
  const n = text.length;
  if (n < 2 || n > 45) return undefined;
  const words: number[] = [];
  let gap = -1;
  let i = 0;
  if (text.charCodeAt(0) === 58) {
    if (text.charCodeAt(1) !== 58) return undefined;
    gap = 0;
    i = 2;
  }
  while (i < n) {
    let value = 0;
    let j = i;
    for (; j < n && j - i < 5; j++) {
      const h = hexDigit(text.charCodeAt(j));
      if (h < 0) break;
      value = value * 16 + h;
    }
    if (j < n && text.charCodeAt(j) === 46) {
      // A dotted IPv4 tail fills the last two words.
      const v4 = ipv4Value(text, i, n);
      if (v4 < 0 || words.length > 6) return undefined;
      words.push(Math.floor(v4 / 65536), v4 % 65536);
      i = n;
      break;
    }
    if (j === i || j - i > 4) return undefined;
    words.push(value);
    if (j === n) {
      i = n;
      break;
    }
    if (text.charCodeAt(j) !== 58) return undefined;
    if (text.charCodeAt(j + 1) === 58) {
      if (gap >= 0) return undefined;
      gap = words.length;
      i = j + 2;
    } else {
      i = j + 1;
      if (i === n) return undefined;
    }
  }
  if (gap < 0) return words.length === 8 ? words : undefined;
  if (words.length > 7) return undefined;
  return [
    ...words.slice(0, gap),
    ...new Array<number>(8 - words.length).fill(0),
    ...words.slice(gap),
  ];
}

/** The classic BSD `inet_ntop` rules, which BIND follows. */
function formatIpv6(w: readonly number[]): string {
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8;) {
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
    bestStart === 0 &&
    (bestLen === 6 || (bestLen === 7 && w[7] !== 1) || (bestLen === 5 && w[5] === 0xffff));
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

function numberField(fields: Fields, i: number, what: string, max: number): number | RdataResult {
  if (i >= fields.length) return rdataFail(`missing ${what}`, -1);
  const text = fields.text(i);
  const n = parseUint(text, max);
  if (n === undefined) return rdataFail(`${what} "${text}" is not a number from 0 to ${max}`, i);
  return n;
}

function ttlField(fields: Fields, i: number, what: string): number | RdataResult {
  if (i >= fields.length) return rdataFail(`missing ${what}`, -1);
  const text = fields.text(i);
  const n = parseTtl(text);
  if (n === undefined) return rdataFail(`${what} "${text}" is not a number of seconds`, i);
  return n;
}

function nameField(fields: Fields, i: number, what: string, ctx: NameContext) {
  if (i >= fields.length) return rdataFail(`missing ${what}`, -1);
  const name = targetName(fields.text(i), ctx);
  if (!name.ok) return rdataFail(name.error, i);
  return name.value;
}

function extra(fields: Fields, count: number, type: string): RdataResult | undefined {
  if (fields.length <= count) return undefined;
  return rdataFail(`unexpected "${fields.text(count)}" after the ${type} data`, count);
}

/** Fields held in an array. */
export function fieldsOf(list: readonly Field[]): Fields {
  return {
    length: list.length,
    text: (i) => list[i]!.text,
    quoted: (i) => list[i]!.quoted,
  };
}

/**
 * Record data from its presentation-form fields (a zone file's tokens, or a value written the
 * same way in YAML). Types the DNS rules look into are parsed; others keep their fields, names
 * made absolute where the type is known to hold one.
 */
export function rdataFromFields(type: string, fields: Fields, ctx: NameContext): RdataResult {
  const count = fields.length;
  if (count === 0) return rdataFail(`missing ${type} data`, -1);
  if (!fields.quoted(0) && fields.text(0) === '\\#') return genericRdata(type, fields);
  switch (type) {
    case 'A':
    case 'AAAA': {
      const r = addressRdata(type, fields.text(0));
      if (!r.ok) return rdataFail(r.error, 0);
      return extra(fields, 1, type) ?? { ok: true, value: r.value };
    }
    case 'MX': {
      const pref = numberField(fields, 0, 'MX preference', 65535);
      if (typeof pref !== 'number') return pref;
      const name = nameField(fields, 1, 'MX exchange', ctx);
      if ('ok' in name) return name;
      const parsed: DnsData = { type: 'MX', preference: pref, exchange: name.name };
      return extra(fields, 2, type) ?? rdataOk(`${pref} ${name.name}`, parsed, name.relative);
    }
    case 'SRV': {
      const priority = numberField(fields, 0, 'SRV priority', 65535);
      if (typeof priority !== 'number') return priority;
      const weight = numberField(fields, 1, 'SRV weight', 65535);
      if (typeof weight !== 'number') return weight;
      const port = numberField(fields, 2, 'SRV port', 65535);
      if (typeof port !== 'number') return port;
      const name = nameField(fields, 3, 'SRV target', ctx);
      if ('ok' in name) return name;
      const data = `${priority} ${weight} ${port} ${name.name}`;
      const parsed: DnsData = { type: 'SRV', priority, weight, port, target: name.name };
      return extra(fields, 4, type) ?? rdataOk(data, parsed, name.relative);
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
      return extra(fields, 7, type) ?? rdataOk(text, { type: 'OTHER', text });
    }
    case 'CAA': {
      const flags = numberField(fields, 0, 'CAA flags', 255);
      if (typeof flags !== 'number') return flags;
      if (count < 2) return rdataFail('missing CAA tag', -1);
      const tag = fields.text(1);
      if (!/^[A-Za-z0-9]+$/.test(tag)) {
        return rdataFail(`CAA tag "${tag}" is not letters and digits`, 1);
      }
      if (count < 3) return rdataFail('missing CAA value', -1);
      const value = decodeCharString(fields.text(2));
      if (!value.ok) return rdataFail(value.error, 2);
      const text = `${flags} ${tag} ${value.value.quoted}`;
      return extra(fields, 3, type) ?? rdataOk(text, { type: 'OTHER', text });
    }
  }
  if (NAME_TYPES.has(type)) {
    const name = nameField(fields, 0, `${type} target`, ctx);
    if ('ok' in name) return name;
    const parsed: DnsData =
      type === 'CNAME' || type === 'NS' || type === 'PTR'
        ? { type, target: name.name }
        : { type: 'OTHER', text: name.name };
    return extra(fields, 1, type) ?? rdataOk(name.name, parsed, name.relative);
  }
  if (STRING_TYPES.has(type)) {
    if (type === 'HINFO' && count !== 2) {
      return rdataFail('HINFO needs two strings (CPU and OS)', count < 2 ? -1 : 2);
    }
    const texts: string[] = [];
    let data = '';
    for (let i = 0; i < count; i++) {
      const s = decodeCharString(fields.text(i));
      if (!s.ok) return rdataFail(s.error, i);
      texts.push(s.value.text);
      data = i === 0 ? s.value.quoted : `${data} ${s.value.quoted}`;
    }
    const parsed: DnsData =
      type === 'TXT' || type === 'SPF'
        ? { type: 'TXT', strings: texts }
        : { type: 'OTHER', text: data };
    return rdataOk(data, parsed);
  }
  let text = '';
  for (let i = 0; i < count; i++) {
    const f = fields.quoted(i) ? `"${fields.text(i)}"` : fields.text(i);
    text = i === 0 ? f : `${text} ${f}`;
  }
  return rdataOk(text, { type: 'OTHER', text });
}

/** RFC 3597 `\# length hex`, kept as written with the hex in upper case. */
function genericRdata(type: string, fields: Fields): RdataResult {
  const length = numberField(fields, 1, 'generic data length', 65535);
  if (typeof length !== 'number') return length;
  let hex = '';
  for (let i = 2; i < fields.length; i++) hex += fields.text(i);
  if (!/^[0-9A-Fa-f]*$/.test(hex)) return rdataFail(`"${hex}" is not hexadecimal`, 2);
  if (hex.length !== length * 2) {
    const at = fields.length > 2 ? 2 : -1;
    return rdataFail(`generic data has ${hex.length / 2} octets, not ${length}`, at);
  }
  const text = length === 0 ? '\\# 0' : `\\# ${length} ${hex.toUpperCase()}`;
  if (!BY_NAME.has(type)) return rdataOk(text, { type: 'OTHER', text });
  const bytes = hex.match(/../g)?.map((h) => parseInt(h, 16)) ?? [];
  if (type === 'A' && length === 4) {
    return rdataFromFields(type, fieldsOf([{ text: bytes.join('.'), quoted: false }]), CTX_NONE);
  }
  if (type === 'AAAA' && length === 16) {
    const groups = hex.match(/.{4}/g)!.join(':');
    return rdataFromFields(type, fieldsOf([{ text: groups, quoted: false }]), CTX_NONE);
  }
  return {
    ok: false,
    error: `generic data for ${type} is not read; write it in ${type}'s own form`,
    field: 0,
    notice: true,
  };
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
