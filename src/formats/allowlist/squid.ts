import type { Entry, ParsedFile, ParseProblem } from '../../model/entry.js';
import { HostPattern } from '../../model/host.js';
import { parseIpBlock, type IpBlock } from '../../model/ip.js';
import type { SourceLocation } from '../../model/location.js';
import { append } from '../../model/collections.js';
import { prefixOfMask } from '../../model/ip.js';
import {
  type AllowlistFormat,
  LIST_CAPABILITIES,
  type ParseOptions,
  type SourceFile,
} from '../format.js';
import {
  classifyValue,
  isMeaningfulComment,
  notTextProblem,
  withoutBom,
} from '../syntax/source.js';
import { posix } from 'node:path';
import { isRefused, settingsSchema, NAME, STRING_MAP } from '../format.js';
import { trimSpaces } from '../../model/text.js';

/*
 * squid.conf: `acl NAME TYPE [-flags] value...` lines, values inline or in files named by a
 * quoted path, and the `http_access allow` lines that decide which ACLs let traffic through.
 */

interface Token {
  readonly text: string;
  readonly line: number;
  readonly column: number;
  readonly quoted: boolean;
}

/** A logical line: physical lines joined where one ends in `\`. */
interface Directive {
  readonly tokens: readonly Token[];
  readonly line: number;
  /** Comment lines right above it. */
  readonly comment: string | undefined;
}

function readDirectives(text: string): Directive[] {
  const out: Directive[] = [];
  const lines = text.split('\n');
  let above: string[] = [];
  let tokens: Token[] = [];
  let first = 0;
  let comment: string | undefined;
  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index]!.replace(/\r$/, '');
    const lineNo = index + 1;
    const continuing = tokens.length > 0;
    const trimmed = trimSpaces(raw);
    if (!continuing) {
      if (trimmed === '') {
        above = [];
        continue;
      }
      if (trimmed.startsWith('#')) {
        const body = trimSpaces(trimmed.slice(1));
        if (isMeaningfulComment(body)) above.push(body);
        continue;
      }
      first = lineNo;
      comment = above.length > 0 ? above.join('\n') : undefined;
      above = [];
    }
    let body = raw;
    const more = /\\[ \t\v\f]*$/.test(body);
    if (more) body = body.replace(/\\[ \t\v\f]*$/, '');
    append(tokens, tokenizeLine(body, lineNo));
    if (!more || index === lines.length - 1) {
      if (tokens.length > 0) out.push({ tokens, line: first, comment });
      tokens = [];
    }
  }
  return out;
}

function tokenizeLine(line: string, lineNo: number): Token[] {
  const out: Token[] = [];
  const re = /"([^"]*)"?|([^ \t\v\f\r]+)/g;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    if (m[2] !== undefined)
      out.push({ text: m[2], line: lineNo, column: m.index + 1, quoted: false });
    else out.push({ text: m[1]!, line: lineNo, column: m.index + 2, quoted: true });
  }
  return out;
}

interface Acl {
  readonly name: string;
  readonly type: string;
  readonly values: { readonly token: Token; readonly comment: string | undefined }[];
}

/** Why an ACL's values count: the allow line that uses it, the settings, or no http_access at all. */
type Reason = { readonly line: number } | 'settings' | 'no-http-access';

const HOST_TYPES = new Set(['dstdomain', 'ssl::server_name']);
const REGEX_TYPES = new Set(['dstdom_regex', 'ssl::server_name_regex', 'url_regex']);
const READ_TYPES = new Set([...HOST_TYPES, ...REGEX_TYPES, 'dst']);

function settingsAcls(options: ParseOptions | undefined): readonly string[] | string | undefined {
  const value = options?.settings?.acls;
  if (value === undefined) return undefined;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value;
  return `the Squid setting "acls" must be a list of ACL names, not ${JSON.stringify(value)}`;
}

function parseSquid(file: SourceFile, options?: ParseOptions): ParsedFile {
  const entries: Entry[] = [];
  const problems: ParseProblem[] = [];
  const result = { path: file.path, format: 'squid', entries, problems };
  const notText = notTextProblem(file);
  if (notText) {
    problems.push(notText);
    return result;
  }
  const named = settingsAcls(options);
  if (typeof named === 'string') {
    problems.push({ location: { file: file.path, line: 0, column: 1 }, message: named });
    return result;
  }
  const at = (t: { line: number; column: number }): SourceLocation => ({
    file: file.path,
    line: t.line,
    column: t.column,
  });

  const acls = new Map<string, Acl>();
  const allowedBy = new Map<string, number>();
  let hasHttpAccess = false;
  for (const d of readDirectives(withoutBom(file.text))) {
    const [directive, ...args] = d.tokens;
    const keyword = directive!.text.toLowerCase();
    if (keyword === 'acl') {
      const [name, type, ...rest] = args;
      if (!name || !type) {
        problems.push({
          location: at(directive!),
          message: `"acl" needs a name, a type and values`,
          text: d.tokens.map((t) => t.text).join(' '),
        });
        continue;
      }
      const acl = acls.get(name.text) ?? {
        name: name.text,
        type: type.text.toLowerCase(),
        values: [],
      };
      acls.set(name.text, acl);
      if (!READ_TYPES.has(acl.type)) continue;
      for (const token of rest) {
        // Flags (`-i`, `-n`, `+i`, `-m=...`) come before the values.
        if (!token.quoted && /^[-+]/.test(token.text) && !/^-?\d/.test(token.text.slice(1)))
          continue;
        acl.values.push({ token, comment: d.comment });
      }
    } else if (keyword === 'http_access') {
      hasHttpAccess = true;
      if (args[0]?.text.toLowerCase() !== 'allow') continue;
      for (const t of args.slice(1)) {
        if (!t.text.startsWith('!') && !allowedBy.has(t.text)) allowedBy.set(t.text, d.line);
      }
    } else if (keyword === 'include') {
      const target = args[0];
      if (target) {
        problems.push({
          location: at(target),
          message: `the included file "${target.text}" is not read; its ACLs are not compared`,
          text: target.text,
          severity: 'notice',
        });
      }
    }
  }

  for (const acl of acls.values()) {
    if (!READ_TYPES.has(acl.type)) continue;
    const reason: Reason | undefined = named
      ? named.includes(acl.name)
        ? 'settings'
        : undefined
      : allowedBy.has(acl.name)
        ? { line: allowedBy.get(acl.name)! }
        : hasHttpAccess
          ? undefined
          : 'no-http-access';
    if (!reason) continue;
    const why =
      reason === 'settings'
        ? 'named in the settings'
        : reason === 'no-http-access'
          ? 'this file has no http_access line'
          : `allowed by http_access at line ${reason.line}`;
    const note = `ACL "${acl.name}" (${acl.type}), ${why}`;
    for (const { token, comment } of acl.values) {
      if (token.quoted) {
        readAclFile(token, acl, note, file, options, entries, problems);
        continue;
      }
      readValue(token.text, at(token), acl.type, joinComments(comment, note), entries, problems);
    }
  }
  problems.sort(
    (a, b) =>
      (a.location.file < b.location.file ? -1 : a.location.file > b.location.file ? 1 : 0) ||
      a.location.line - b.location.line ||
      a.location.column - b.location.column,
  );
  return result;
}

function joinComments(...parts: (string | undefined)[]): string | undefined {
  return parts.filter((p) => p !== undefined && p !== '').join('\n') || undefined;
}

function normalize(p: string): string {
  return posix.normalize(p).replace(/^\.\//, '');
}

function dirname(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash + 1);
}

/**
 * Where an ACL file named in `conf` is in the repository, in order. Squid runs with the deployed
 * paths: an absolute path is first looked up through the `directories` setting (deployed folder
 * → repository folder), then beside the configuration by its base name, then at the same path
 * under the repository root (a repository that mirrors the deployed tree). A relative path is
 * taken from the configuration's folder, then from the repository root.
 */
export function aclFileCandidates(written: string, conf: string, directories: unknown): string[] {
  const folder = dirname(conf);
  if (!written.startsWith('/')) return [...new Set([folder + written, written].map(normalize))];
  const mapped: string[] = [];
  if (directories !== null && typeof directories === 'object') {
    const pairs = Object.entries(directories as Record<string, unknown>)
      .filter((p): p is [string, string] => typeof p[1] === 'string')
      .map(([deployed, repo]) => [deployed.replace(/\/+$/, ''), repo.replace(/\/+$/, '')] as const)
      .filter(([deployed]) => written.startsWith(`${deployed}/`))
      .sort((a, b) => b[0].length - a[0].length);
    for (const [deployed, repo] of pairs)
      mapped.push(
        `${repo === '' || repo === '.' ? '' : `${repo}/`}${written.slice(deployed.length + 1)}`,
      );
  }
  const beside = folder + written.slice(written.lastIndexOf('/') + 1);
  return [...new Set([...mapped, beside, written.slice(1)].map(normalize))];
}

/** Values listed in a file (`acl m365 dstdomain "/etc/squid/m365.txt"`), one or more a line, `#` comments. */
function readAclFile(
  token: Token,
  acl: Acl,
  note: string,
  file: SourceFile,
  options: ParseOptions | undefined,
  entries: Entry[],
  problems: ParseProblem[],
): void {
  const path = token.text;
  const candidates = aclFileCandidates(path, file.path, options?.settings?.directories);
  const at = { file: file.path, line: token.line, column: token.column };
  const namedAt = { location: at, written: path };
  let found: { path: string; text: string } | undefined;
  for (const candidate of candidates) {
    const text = candidate === '' ? undefined : options?.readFile?.(candidate, namedAt);
    // A file that is there but refused (a link outside, a FIFO) has been reported at `at`.
    if (isRefused(text)) return;
    if (text !== undefined) {
      found = { path: candidate, text };
      break;
    }
  }
  if (!found) {
    problems.push({
      location: at,
      message: `cannot read the ACL file "${path}"`,
      text: path,
    });
    return;
  }
  const notText = notTextProblem({ path: found.path, text: found.text });
  if (notText) {
    problems.push(notText);
    return;
  }
  let above: string[] = [];
  withoutBom(found.text)
    .split('\n')
    .forEach((raw, index) => {
      const line = raw.replace(/\r$/, '');
      const hash = line.search(/(?:^|[ \t\v\f])#/);
      const code = hash < 0 ? line : line.slice(0, hash);
      const trailing =
        hash < 0 ? undefined : trimSpaces(line.slice(hash).replace(/^[ \t\v\f]*#/, ''));
      if (trimSpaces(code) === '') {
        if (trailing !== undefined && isMeaningfulComment(trailing)) above.push(trailing);
        else if (trailing === undefined) above = [];
        return;
      }
      const comment = joinComments(
        trailing || (above.length > 0 ? above.join('\n') : undefined),
        note,
      );
      above = [];
      for (const m of code.matchAll(/[^ \t\v\f\r]+/g)) {
        const location = { file: found.path, line: index + 1, column: m.index + 1 };
        readValue(m[0], location, acl.type, comment, entries, problems);
      }
    });
}

function readValue(
  text: string,
  location: SourceLocation,
  type: string,
  comment: string | undefined,
  entries: Entry[],
  problems: ParseProblem[],
): void {
  if (REGEX_TYPES.has(type)) {
    problems.push({
      location,
      message: `"${text}" is a regular expression (${type}); regular expressions are not compared`,
      text,
      severity: 'notice',
    });
    return;
  }
  if (type === 'dst') {
    if (text.toLowerCase() === 'all') {
      for (const all of ['0.0.0.0/0', '::/0']) {
        const block = parseIpBlock(all);
        if (block.ok) entries.push({ kind: 'ip', text, location, block: block.value, comment });
      }
      return;
    }
    if (classifyValue(text) !== 'ip') {
      problems.push({
        location,
        message: `"${text}" is a host name, which Squid resolves once when it reads the configuration; not compared`,
        text,
        severity: 'notice',
      });
      return;
    }
    const block = readAddress(text);
    if (typeof block === 'string') problems.push({ location, message: block, text });
    else entries.push({ kind: 'ip', text, location, block, comment });
    return;
  }
  // dstdomain: `.example.com` is the domain and its subdomains, `example.com` that name only.
  if (classifyValue(text) === 'ip') {
    const block = parseIpBlock(text);
    if (!block.ok) problems.push({ location, message: block.error, text });
    else entries.push({ kind: 'ip', text, location, block: block.value, comment });
    return;
  }
  if (text.includes('*')) {
    problems.push({
      location,
      message: `"${text}" has a "*", which ${type} reads literally; write ".${text.replace(/^\*\.?/, '')}" for a domain and its subdomains`,
      text,
    });
    return;
  }
  const pattern = HostPattern.parse(text);
  if (!pattern.ok) problems.push({ location, message: pattern.error, text });
  else entries.push({ kind: 'host', text, location, pattern: pattern.value, comment });
}

/** `1.2.3.4`, `1.2.3.0/24`, `1.2.3.0/255.255.255.0`, `1.2.3.4-1.2.3.9`, `1.2.3.0-1.2.4.0/24`. */
function readAddress(text: string): IpBlock | string {
  let written = text;
  const slash = text.indexOf('/');
  if (slash >= 0 && text.slice(slash + 1).includes('.')) {
    const len = prefixOfMask(text.slice(slash + 1));
    if (typeof len === 'string') return len;
    written = `${text.slice(0, slash)}/${len}`;
  }
  if (written.includes('-') && written.includes('/')) {
    // A range with a mask: Squid applies the mask to both ends.
    const [range, len] = written.split('/');
    const [lo, hi] = range!.split('-');
    const a = parseIpBlock(`${lo}/${len}`);
    const b = parseIpBlock(`${hi}/${len}`);
    if (!a.ok) return a.error;
    if (!b.ok) return b.error;
    const whole = parseIpBlock(`${a.value.masked().text.split('/')[0]}-${lastOf(b.value)}`);
    return whole.ok ? whole.value : whole.error;
  }
  const parsed = parseIpBlock(written);
  return parsed.ok ? parsed.value : parsed.error;
}

function lastOf(block: IpBlock): string {
  const last = block.last;
  if (block.family === 4) {
    const n = Number(last);
    return `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
  }
  const groups: string[] = [];
  for (let i = 7; i >= 0; i--) groups.push(((last >> BigInt(16 * i)) & 0xffffn).toString(16));
  return groups.join(':');
}

const SAMPLE_CHARS = 64 * 1024;

function detectSquid(file: SourceFile): number {
  const path = file.path.toLowerCase();
  const head = file.text.slice(0, SAMPLE_CHARS);
  const acl =
    /^\s*acl\s+\S+\s+(?:dstdomain|dst|dstdom_regex|ssl::server_name|url_regex|src|port)\b/m.test(
      head,
    );
  const access = /^\s*http_access\s+(?:allow|deny)\b/m.test(head);
  const named = /squid/.test(path);
  if ((acl || access) && (named || path.endsWith('.conf'))) return 10;
  if (acl && access) return 8;
  if (acl) return 6;
  return 0;
}

/**
 * Squid configuration (`squid.conf` and files it includes). Entries are the values of
 * `dstdomain` and `ssl::server_name` ACLs (`.example.com` is the domain and its subdomains)
 * and of `dst` ACLs (addresses, prefixes, masks, ranges), inline or in a file named by a quoted
 * path (read through the repository). Only ACLs that an `http_access allow` line uses count;
 * each entry's comment names the ACL and that line. A file without any `http_access` line
 * (a fragment of a larger configuration) counts all its ACLs. Regular expressions
 * (`dstdom_regex`, `url_regex`) are notices.
 *
 * Settings: `acls: [name, ...]`: the ACLs that count, instead of those `http_access allow` uses.
 */
export const SQUID: AllowlistFormat = {
  id: 'squid',
  settings: settingsSchema({
    acls: { type: 'array', items: NAME },
    directories: STRING_MAP,
  }),
  title: 'Squid configuration',
  filePatterns: ['squid.conf', '*.squid', 'squid*.conf'],
  capabilities: { ...LIST_CAPABILITIES, subdomainsOnly: false },
  detect: detectSquid,
  parse: parseSquid,
};
