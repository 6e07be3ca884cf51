import type { Entry, FormatCapabilities, ParsedFile, ParseProblem } from '../../model/entry.js';
import { HostPattern } from '../../model/host.js';
import { Ipv4Column } from '../../model/ip-column.js';
import { isPlainName, NameColumn } from '../../model/name-column.js';
import { parseIpBlock } from '../../model/ip.js';
import type { SourceLocation } from '../../model/location.js';
import { type AllowlistFormat, LIST_CAPABILITIES, type SourceFile } from '../format.js';
import {
  classifyValue,
  isMeaningfulComment,
  LineScanner,
  notTextProblem,
  splitPath,
  type TrailingComments,
} from '../syntax/source.js';

/**
 * One-entry-per-line lists. The vendors agree on the shape and differ in details, so one
 * parser reads them all and a convention says what each vendor allows.
 */
interface Convention {
  readonly id: string;
  readonly title: string;
  readonly filePatterns: readonly string[];
  readonly capabilities: FormatCapabilities;
  readonly trailing: TrailingComments;
  /** A bare name means the name and everything below it (pfBlockerNG), not just the name. */
  readonly bareMeansSubtree: boolean;
  /** Why an IP address is refused, for lists that hold names only. */
  readonly refuseIps?: string;
  /** Why a `*` is refused, for lists that match names literally. */
  readonly refuseWildcards?: string;
  /**
   * Palo Alto URL lists: a path is allowed (the host is kept, the path is not compared) and so
   * are `^` tokens.
   */
  readonly urls: boolean;
  /** The device reads a list as one type (IP or domain); mixing is a mistake worth a warning. */
  readonly singleKind: boolean;
  /** Words in the path that name the convention (lower case). */
  readonly pathHints: readonly string[];
  /** Whether content alone shows the convention. */
  readonly contentHint?: (sample: Sample) => boolean;
}

/** File types that other formats own; a plain list never claims them. */
// prettier-ignore
const FOREIGN_EXTENSIONS = new Set([
  'yml', 'yaml', 'json', 'js', 'mjs', 'cjs', 'ts', 'tf', 'tfvars', 'hcl', 'bicep', 'pac', 'csv',
  'tsv', 'xml', 'html', 'htm', 'md', 'nft', 'zone', 'ps1', 'py', 'sh',
]);

/** How much of a file detection reads: enough to see its habits, cheap on huge files. */
const SAMPLE_CHARS = 64 * 1024;

interface Sample {
  readonly carets: boolean;
  /**
   * An IP entry followed by text without a comment marker: PAN-OS's documented IP list syntax.
   * Only after IPs, so that a plain list with a stray space in a name is not taken for an EDL.
   */
  readonly bareTrailingText: boolean;
  /** `*` inside a label (`*-special.example.com`), which only FortiGate accepts. */
  readonly partialLabelWildcard: boolean;
}

function sample(text: string): Sample {
  let carets = false;
  let bareTrailingText = false;
  let partialLabelWildcard = false;
  const scan = new LineScanner(text.slice(0, SAMPLE_CHARS), 'marker');
  while (scan.next()) {
    if (scan.kind !== 'value') continue;
    const value = scan.value;
    if (value.includes('^')) carets = true;
    if (scan.extra !== undefined && classifyValue(value) === 'ip') bareTrailingText = true;
    if (/[^.]\*|\*[^.]/.test(value)) partialLabelWildcard = true;
  }
  return { carets, bareTrailingText, partialLabelWildcard };
}

function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

function matchesPatterns(path: string, patterns: readonly string[]): boolean {
  const lower = path.toLowerCase();
  return patterns.some((p) => lower.endsWith(p.replace(/^\*/, '')));
}

/** 2 for a list extension, 1 for an unknown or missing one, 0 for files other formats own. */
function listScore(file: SourceFile, patterns: readonly string[]): number {
  if (FOREIGN_EXTENSIONS.has(extensionOf(file.path))) return 0;
  return matchesPatterns(file.path, patterns) ? 2 : 1;
}

function detector(convention: Convention): (file: SourceFile) => number {
  return (file) => {
    const base = listScore(file, convention.filePatterns);
    if (base === 0) return 0;
    const path = file.path.toLowerCase();
    if (convention.pathHints.some((hint) => path.includes(hint))) return 4;
    if (convention.contentHint?.(sample(file.text))) return 3;
    return convention.pathHints.length === 0 && !convention.contentHint ? base : 0;
  };
}

function parseList(file: SourceFile, convention: Convention): ParsedFile {
  const entries: Entry[] = [];
  const problems: ParseProblem[] = [];
  const notText = notTextProblem(file);
  if (notText) {
    problems.push(notText);
    return { path: file.path, format: convention.id, entries, problems };
  }

  const scan = new LineScanner(file.text, convention.trailing);
  let above: string[] = [];
  // Plain IPv4 lines and plain names, the bulk of large lists, are kept in columns.
  let ipv4: Ipv4Column | undefined;
  let names: NameColumn | undefined;
  // pfBlockerNG reads a bare name as a subtree: not the exact name a column row stands for.
  const plainNames = !convention.bareMeansSubtree;
  for (;;) {
    if (above.length === 0) {
      if (!convention.refuseIps) {
        const packed = scan.nextPlainV4();
        if (packed >= 0) {
          ipv4 ??= new Ipv4Column(file.path, file.text);
          ipv4.add(packed, scan.line, scan.column, scan.offset, scan.valueLength);
          continue;
        }
      }
      if (plainNames && scan.nextPlainValue(isPlainName)) {
        names ??= new NameColumn(file.path, file.text);
        names.add(scan.line, scan.column, scan.offset, scan.valueLength);
        continue;
      }
    }
    if (!scan.next()) break;
    if (scan.kind === 'blank') {
      if (above.length > 0) above = [];
      continue;
    }
    if (scan.kind === 'comment') {
      if (isMeaningfulComment(scan.comment!)) above.push(scan.comment!);
      continue;
    }
    const comment = scan.comment || (above.length > 0 ? above.join('\n') : undefined);
    if (above.length > 0) above = [];
    if (scan.extra !== undefined) {
      const location = { file: file.path, line: scan.line, column: scan.extraColumn };
      report(problems, location, scan.extra, `unexpected text after the entry: "${scan.extra}"`);
      continue;
    }
    const location = { file: file.path, line: scan.line, column: scan.column };
    readValue(scan.value, location, convention, comment, entries, problems);
  }
  if (!ipv4 && !names) {
    if (convention.singleKind) warnMixedKinds(entries, convention, problems);
    return { path: file.path, format: convention.id, entries, problems };
  }
  const parsed = splitFile(
    file.path,
    convention.id,
    problems,
    ipv4 ?? new Ipv4Column(file.path, file.text),
    names ?? new NameColumn(file.path, file.text),
    entries,
  );
  // Said once per file, at the first entry of the other kind: the columns' first rows decide.
  if (convention.singleKind) warnMixedKinds(firstEntries(parsed), convention, problems);
  return parsed;
}

/**
 * A list whose plain lines are in columns: `entries` merges them with the other entries, in line
 * order, when first read.
 */
function splitFile(
  path: string,
  format: string,
  problems: readonly ParseProblem[],
  ipv4: Ipv4Column,
  names: NameColumn,
  others: readonly Entry[],
): ParsedFile {
  let merged: Entry[] | undefined;
  return {
    path,
    format,
    problems,
    split: { ipv4, names, others },
    get entries(): readonly Entry[] {
      if (merged) return merged;
      const out: Entry[] = [];
      let i = 0;
      let j = 0;
      let k = 0;
      const lineOfOther = (x: number) => (x < others.length ? others[x]!.location.line : Infinity);
      const lineOfIp = (x: number) => (x < ipv4.size ? ipv4.line[x]! : Infinity);
      const lineOfName = (x: number) => (x < names.size ? names.line[x]! : Infinity);
      for (;;) {
        const a = lineOfIp(i);
        const b = lineOfName(j);
        const c = lineOfOther(k);
        if (a === Infinity && b === Infinity && c === Infinity) break;
        if (c <= a && c <= b) out.push(others[k++]!);
        else if (a < b) out.push(ipv4.entry(i++));
        else out.push(names.entry(j++));
      }
      return (merged = out);
    },
  };
}

/**
 * The entries that {@link warnMixedKinds} reads, in line order: the other entries, and the first
 * row of each column (enough to find the first entry and the first of another kind).
 */
function firstEntries(parsed: ParsedFile): Entry[] {
  const { ipv4, names, others } = parsed.split!;
  const out = [...others];
  if (ipv4.size > 0) out.push(ipv4.entry(0));
  if (names.size > 0) out.push(names.entry(0));
  return out.sort((a, b) => a.location.line - b.location.line);
}

function report(
  problems: ParseProblem[],
  location: SourceLocation,
  text: string,
  message: string,
  severity?: ParseProblem['severity'],
): void {
  problems.push(severity ? { location, message, text, severity } : { location, message, text });
}

/** Reads one value. Runs once per entry of million-line files: no closures, no throwaway objects. */
function readValue(
  text: string,
  location: SourceLocation,
  convention: Convention,
  comment: string | undefined,
  entries: Entry[],
  problems: ParseProblem[],
): void {
  if (classifyValue(text) === 'ip') {
    if (convention.refuseIps) {
      report(problems, location, text, `"${text}" is an IP address; ${convention.refuseIps}`);
      return;
    }
    const block = parseIpBlock(text);
    if (!block.ok) report(problems, location, text, block.error);
    else entries.push({ kind: 'ip', text, location, block: block.value, comment });
    return;
  }

  if (convention.refuseWildcards && text.includes('*')) {
    report(problems, location, text, `"${text}" has a "*" wildcard, ${convention.refuseWildcards}`);
    return;
  }
  let host = text;
  if (convention.urls) {
    const url = splitPath(text);
    host = url.host;
    if (url.path !== undefined && url.path !== '/' && url.path !== '/*') {
      report(
        problems,
        location,
        text,
        `the path of "${text}" is not compared, only its host`,
        'notice',
      );
    }
    const read = fromCarets(host);
    if (host.startsWith('^.')) {
      const message = `"^" matches exactly one label; "${host}" is compared as the broader "${read}"`;
      report(problems, location, text, message, 'notice');
    }
    host = read;
  }
  const pattern = HostPattern.parse(host, { bareMeansSubtree: convention.bareMeansSubtree });
  if (!pattern.ok) report(problems, location, text, pattern.error);
  else entries.push({ kind: 'host', text, location, pattern: pattern.value, comment });
}

/**
 * Palo Alto's `^` token matches exactly one label and `*` one or more; a `^` glued to a name is
 * the older "this name only" form. The model's one-label wildcard exists only inside a name, so
 * a leading `^.` is read as `*.` (with a notice, since that is broader).
 */
function fromCarets(host: string): string {
  if (!host.includes('^')) return host;
  if (host.startsWith('^') && host.charCodeAt(1) !== 46 /* . */) return host.slice(1);
  return host.replace(/(^|\.)\^(?=\.|$)/g, '$1*');
}

function warnMixedKinds(
  entries: readonly Entry[],
  convention: Convention,
  problems: ParseProblem[],
): void {
  const first = entries[0];
  const odd = first && entries.find((e) => e.kind !== first.kind);
  if (!first || !odd) return;
  const name = (e: Entry) => (e.kind === 'ip' ? 'an IP address' : 'a domain');
  const names = (e: Entry) => (e.kind === 'ip' ? 'IP addresses' : 'domains');
  problems.push({
    location: odd.location,
    message: `"${odd.text}" is ${name(odd)} in a list of ${names(first)}; a ${convention.title} holds one type of entry`,
    text: odd.text,
    severity: 'warning',
  });
}

function listFormat(convention: Convention): AllowlistFormat {
  return {
    id: convention.id,
    title: convention.title,
    filePatterns: convention.filePatterns,
    capabilities: convention.capabilities,
    detect: detector(convention),
    parse: (file) => parseList(file, convention),
  };
}

/** Generic list: a bare name is that exact host; `*.` and a leading dot widen it. */
export const PLAIN = listFormat({
  id: 'plain',
  title: 'plain list',
  filePatterns: ['*.txt', '*.lst', '*.list'],
  capabilities: LIST_CAPABILITIES,
  trailing: 'marker',
  bareMeansSubtree: false,
  urls: false,
  singleKind: false,
  pathHints: [],
});

/**
 * Palo Alto external dynamic list (IP, domain or URL list). Anything after the whitespace that
 * ends an entry is a comment; URL entries may carry a path and `^` tokens.
 */
export const PAN_EDL = listFormat({
  id: 'pan-edl',
  title: 'Palo Alto EDL',
  filePatterns: ['*.txt', '*.edl'],
  capabilities: LIST_CAPABILITIES,
  trailing: 'any',
  bareMeansSubtree: false,
  urls: true,
  singleKind: true,
  pathHints: ['paloalto', 'palo-alto', 'pan-os', 'panos', 'pan-edl'],
  contentHint: (s) => s.carets || s.bareTrailingText,
});

/** FortiGate threat feed / external resource (IP address or domain name list, `*` wildcards). */
export const FORTIGATE = listFormat({
  id: 'fortigate',
  title: 'FortiGate threat feed',
  filePatterns: ['*.txt'],
  capabilities: LIST_CAPABILITIES,
  trailing: 'marker',
  bareMeansSubtree: false,
  urls: false,
  singleKind: true,
  pathHints: ['fortigate', 'fortinet', 'fortios', 'threat-feed', 'threatfeed'],
  contentHint: (s) => s.partialLabelWildcard,
});

/** pfSense pfBlockerNG DNSBL whitelist: a bare domain covers the domain and its subdomains. */
export const PFBLOCKERNG = listFormat({
  id: 'pfblockerng',
  title: 'pfBlockerNG DNSBL whitelist',
  filePatterns: ['*.txt'],
  capabilities: { ...LIST_CAPABILITIES, ips: false, ipv6: false, subdomainsOnly: false },
  trailing: 'marker',
  bareMeansSubtree: true,
  refuseIps: 'a DNSBL whitelist takes domain names only',
  refuseWildcards:
    'which a DNSBL whitelist does not read; ".example.com" or "example.com" covers the domain and its subdomains',
  urls: false,
  singleKind: false,
  pathHints: ['pfblocker', 'dnsbl', 'pfsense'],
});
