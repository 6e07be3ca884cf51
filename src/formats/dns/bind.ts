import path from 'node:path';
import type { DnsRecord, ParsedDnsFile } from '../../model/dns.js';
import type { ParseProblem } from '../../model/entry.js';
import type { SourceLocation } from '../../model/location.js';
import {
  absoluteZone,
  endsWithDot,
  MAX_TTL,
  nameError,
  parseTtl,
  qualify,
  rdataFromFields,
  recordType,
  relativeOwner,
  type Fields,
  type NameContext,
} from '../syntax/dns-data.js';
import type { DnsFormat } from '../format.js';
import type { ParseOptions, SourceFile } from '../format.js';
import { isMeaningfulComment, notTextProblem } from '../syntax/source.js';
import { isRefused, settingsSchema, NAME } from '../format.js';
import { trimSpaces } from '../../model/text.js';

/**
 * RFC 1035 master files as BIND reads them: `$ORIGIN`, `$TTL`, `$INCLUDE`, `@`, relative and
 * absolute names, a blank owner meaning the previous one, parentheses across lines, `;`
 * comments, quoted strings with escapes, class and TTL in either order, TTL units.
 *
 * A record's location is the first character of its data (`10 mx.example.com.` in an MX line).
 */

const BOM = 0xfeff;

/** Ends an unquoted token: blanks, newline, `;`, parentheses and a quote. */
function isDelimiter(c: number): boolean {
  return (
    c === 32 ||
    c === 9 ||
    c === 10 ||
    c === 13 ||
    c === 11 ||
    c === 12 ||
    c === 59 ||
    c === 40 ||
    c === 41 ||
    c === 34
  );
}

/**
 * Reads a zone file one entry at a time: an entry is one line, or several while parentheses are
 * open. The tokens of the current entry live in arrays the lexer reuses, so that a
 * 200,000-record zone does not cost an object per token.
 */
class ZoneLexer {
  kind: 'blank' | 'comment' | 'entry' = 'blank';
  /** Tokens of the current entry: text as written (escapes kept, quotes removed), where it starts. */
  readonly texts: string[] = [];
  readonly quoted: boolean[] = [];
  readonly lines: number[] = [];
  readonly columns: number[] = [];
  count = 0;
  /** The entry's line starts with a blank: its owner is the previous one. */
  blankOwner = false;
  /** The comment on the entry's first line (or the whole comment line). */
  comment: string | undefined;
  readonly problems: { line: number; column: number; message: string }[] = [];

  readonly #text: string;
  #pos: number;
  #line = 1;
  #lineStart: number;

  constructor(text: string) {
    this.#text = text;
    this.#pos = text.charCodeAt(0) === BOM ? 1 : 0;
    this.#lineStart = this.#pos;
  }

  next(): boolean {
    const text = this.#text;
    const n = text.length;
    if (this.#pos > n || (this.#pos === n && this.#line > 1 && text.charCodeAt(n - 1) === 10)) {
      return false;
    }
    this.count = 0;
    this.comment = undefined;
    this.problems.length = 0;
    const firstLine = this.#line;
    const first = text.charCodeAt(this.#pos);
    this.blankOwner = first === 32 || first === 9;
    let parens = 0;
    let parenLine = 0;
    let parenColumn = 0;
    let pos = this.#pos;
    for (;;) {
      if (pos >= n) {
        if (parens > 0) this.#problem(parenLine, parenColumn, 'missing ")" for this "("');
        pos = n + 1;
        break;
      }
      const c = text.charCodeAt(pos);
      if (c === 10) {
        pos++;
        this.#line++;
        this.#lineStart = pos;
        if (parens === 0) break;
        continue;
      }
      if (c === 32 || c === 9 || c === 13 || c === 11 || c === 12) {
        pos++;
        continue;
      }
      if (c === 59 /* ; */) {
        let end = text.indexOf('\n', pos);
        if (end < 0) end = n;
        if (this.#line === firstLine && this.comment === undefined) {
          this.comment = trimSpaces(text.slice(pos + 1, end));
        }
        pos = end;
        continue;
      }
      if (c === 40 /* ( */) {
        if (parens === 0) {
          parenLine = this.#line;
          parenColumn = pos - this.#lineStart + 1;
        }
        parens++;
        pos++;
        continue;
      }
      if (c === 41 /* ) */) {
        if (parens === 0) this.#problem(this.#line, pos - this.#lineStart + 1, 'unexpected ")"');
        else parens--;
        pos++;
        continue;
      }
      const column = pos - this.#lineStart + 1;
      if (c === 34 /* " */) {
        let j = pos + 1;
        for (; j < n; j++) {
          const d = text.charCodeAt(j);
          if (d === 92 && text.charCodeAt(j + 1) !== 10) j++;
          else if (d === 34 || d === 10) break;
        }
        const closed = j < n && text.charCodeAt(j) === 34;
        if (!closed) this.#problem(this.#line, column, 'unterminated quoted string');
        this.#push(text.slice(pos + 1, Math.min(j, n)), true, column);
        pos = closed ? j + 1 : j;
        continue;
      }
      let j = pos;
      for (; j < n; j++) {
        const d = text.charCodeAt(j);
        if (d === 92 /* \ */) {
          if (j + 1 < n && text.charCodeAt(j + 1) !== 10) j++;
          continue;
        }
        if (isDelimiter(d)) break;
      }
      this.#push(text.slice(pos, j), false, column);
      pos = j;
    }
    this.#pos = pos;
    this.kind = this.count > 0 ? 'entry' : this.comment !== undefined ? 'comment' : 'blank';
    return true;
  }

  #push(text: string, quoted: boolean, column: number): void {
    const k = this.count++;
    this.texts[k] = text;
    this.quoted[k] = quoted;
    this.lines[k] = this.#line;
    this.columns[k] = column;
  }

  #problem(line: number, column: number, message: string): void {
    this.problems.push({ line, column, message });
  }
}

/** The tokens of an entry from one index on, as record data fields. */
class TokenFields implements Fields {
  length = 0;
  #from = 0;
  constructor(private readonly lexer: ZoneLexer) {}

  from(index: number): this {
    this.#from = index;
    this.length = this.lexer.count - index;
    return this;
  }

  text(i: number): string {
    return this.lexer.texts[this.#from + i]!;
  }

  quoted(i: number): boolean {
    return this.lexer.quoted[this.#from + i]!;
  }
}

const CLASSES = new Set(['IN', 'CH', 'CS', 'HS', 'NONE', 'ANY']);

/** The class a token names (`IN`, `CLASS1`), or undefined. */
function recordClass(text: string): string | undefined {
  if (text === 'IN' || text === 'in') return 'IN';
  const c = text.charCodeAt(0) | 0x20;
  // Only words that start like a class name are looked at further: most tokens here are types.
  if (c !== 105 && c !== 99 && c !== 104 && c !== 110 && c !== 97) return undefined;
  const upper = text.toUpperCase();
  if (CLASSES.has(upper)) return upper;
  const m = /^CLASS(\d{1,5})$/.exec(upper);
  if (!m) return undefined;
  const code = Number(m[1]);
  return code === 1 ? 'IN' : code === 3 ? 'CH' : code === 4 ? 'HS' : `CLASS${code}`;
}

/**
 * The zone a file name suggests: `contoso.com.zone`, `contoso.com.db`, `db.contoso.com` and
 * `contoso.com` all give `contoso.com.`.
 */
export function originFromFileName(file: string): string | undefined {
  let name = path.posix.basename(file.replace(/\\/g, '/')).toLowerCase();
  name = name.replace(/\.(?:zone|db|hosts|bind|txt|fwd)$/, '').replace(/^(?:db|zone)\./, '');
  if (!/^(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/.test(name)) {
    return undefined;
  }
  return `${name}.`;
}

const MAX_INCLUDE_DEPTH = 16;

/** A record line that has been commented out: not a remark about the record that follows. */
const COMMENTED_OUT =
  /^\S+[ \t]+(?:\d\w*[ \t]+)?(?:IN[ \t]+)?(?:\d\w*[ \t]+)?(?:A|AAAA|CNAME|MX|NS|TXT|SRV|SOA|PTR|CAA)[ \t]+\S/i;

interface State {
  origin: string | undefined;
  owner: string | undefined;
  /** `$TTL`, or the SOA minimum when the file has no `$TTL` (BIND's reading). */
  defaultTtl: number | undefined;
  /** The last TTL written on a record (RFC 1035: used when there is no default). */
  lastTtl: number | undefined;
  /** Fixed by the settings or at the first record. */
  zone: string | undefined;
  originReported: boolean;
}

/** Reads a zone file and the files it includes into one list of records. */
class ZoneReader {
  readonly records: DnsRecord[] = [];
  readonly problems: ParseProblem[] = [];
  readonly #state: State;
  readonly #readFile: ParseOptions['readFile'];
  /** Kept between records: most records of a file share the origin and the zone. */
  #ctx: NameContext = { origin: undefined, mode: 'origin' };
  #suffixOf = '';
  #suffix = '';
  // The file and lexer being read (an include swaps them and puts them back).
  #file = '';
  #lexer = new ZoneLexer('');
  #fields = new TokenFields(this.#lexer);

  constructor(
    settingsOrigin: string | undefined,
    fileOrigin: string | undefined,
    options?: ParseOptions,
  ) {
    this.#readFile = options?.readFile;
    this.#state = {
      origin: settingsOrigin ?? fileOrigin,
      owner: undefined,
      defaultTtl: undefined,
      lastTtl: undefined,
      zone: settingsOrigin,
      originReported: false,
    };
  }

  /** The zone the file defines, once known. */
  get zone(): string | undefined {
    const zone = this.#state.zone ?? this.#state.origin;
    return zone === '.' ? undefined : zone;
  }

  read(file: string, text: string, includedBy: readonly string[]): void {
    const outer = { file: this.#file, lexer: this.#lexer, fields: this.#fields };
    const lexer = new ZoneLexer(text);
    this.#file = file;
    this.#lexer = lexer;
    this.#fields = new TokenFields(lexer);
    let above: string[] = [];
    while (lexer.next()) {
      if (lexer.problems.length > 0) {
        // An entry the lexer could not take apart is not guessed at.
        for (const p of lexer.problems) this.#report(this.#at(p.line, p.column), p.message);
        above = [];
        continue;
      }
      if (lexer.kind === 'blank') {
        if (above.length > 0) above = [];
        continue;
      }
      if (lexer.kind === 'comment') {
        const comment = lexer.comment!;
        if (isMeaningfulComment(comment) && !COMMENTED_OUT.test(comment)) above.push(comment);
        continue;
      }
      const comment = lexer.comment || (above.length > 0 ? above.join('\n') : undefined);
      if (above.length > 0) above = [];
      if (!lexer.blankOwner && !lexer.quoted[0] && lexer.texts[0]!.charCodeAt(0) === 36 /* $ */) {
        this.#directive(includedBy);
        continue;
      }
      this.#record(comment);
    }
    this.#file = outer.file;
    this.#lexer = outer.lexer;
    this.#fields = outer.fields;
  }

  #at(line: number, column: number): SourceLocation {
    return { file: this.#file, line, column };
  }

  /** Where token `k` of the current entry starts. */
  #token(k: number): SourceLocation {
    return { file: this.#file, line: this.#lexer.lines[k]!, column: this.#lexer.columns[k]! };
  }

  #report(
    location: SourceLocation,
    message: string,
    text?: string,
    severity?: ParseProblem['severity'],
  ): void {
    const problem: ParseProblem = { location, message };
    this.problems.push(
      severity
        ? { ...problem, text, severity }
        : text === undefined
          ? problem
          : { ...problem, text },
    );
  }

  /** A problem about token `k`, quoting it. */
  #problem(k: number, message: string, severity?: ParseProblem['severity']): void {
    this.#report(this.#token(k), message, this.#lexer.texts[k], severity);
  }

  #unknownOrigin(k: number): void {
    if (this.#state.originReported) return;
    this.#state.originReported = true;
    const text = this.#lexer.texts[k]!;
    this.#problem(
      k,
      `"${text}" is relative and the zone's origin is unknown; add $ORIGIN or set the "origin" option`,
    );
  }

  /** The absolute name token `k` writes, or undefined after reporting why there is none. */
  #name(k: number, origin: string | undefined): string | undefined {
    const text = this.#lexer.texts[k]!;
    if (this.#lexer.quoted[k]) {
      this.#problem(k, `a name cannot be a quoted string: "${text}"`);
      return undefined;
    }
    if (origin === undefined && !endsWithDot(text)) {
      this.#unknownOrigin(k);
      return undefined;
    }
    const name = qualify(text, origin ?? '.');
    const error = nameError(name);
    if (error) {
      this.#problem(k, error);
      return undefined;
    }
    return name;
  }

  /** A TTL token in seconds; one above 2^31-1 is read as 0, as RFC 2181 asks and BIND does. */
  #ttl(k: number): number | undefined {
    const text = this.#lexer.texts[k]!;
    const ttl = parseTtl(text);
    if (ttl === undefined) {
      this.#problem(k, `invalid TTL "${text}"`);
      return undefined;
    }
    if (ttl <= MAX_TTL) return ttl;
    this.#problem(k, `TTL "${text}" is larger than ${MAX_TTL}; servers read it as 0`, 'warning');
    return 0;
  }

  #directive(includedBy: readonly string[]): void {
    const lexer = this.#lexer;
    const state = this.#state;
    const head = lexer.texts[0]!;
    const directive = head.toUpperCase();
    if (directive === '$GENERATE') {
      this.#problem(0, '$GENERATE is not expanded; the records it makes are not read', 'notice');
      return;
    }
    if (directive !== '$TTL' && directive !== '$ORIGIN' && directive !== '$INCLUDE') {
      this.#problem(0, `unknown directive "${head}"`);
      return;
    }
    if (lexer.count < 2) {
      this.#problem(0, `${directive} needs a value`);
      return;
    }
    const limit = directive === '$INCLUDE' ? 3 : 2;
    if (lexer.count > limit) {
      this.#problem(limit, `unexpected "${lexer.texts[limit]!}" after ${directive}`);
    }
    if (directive === '$TTL') {
      const ttl = this.#ttl(1);
      if (ttl !== undefined) state.defaultTtl = ttl;
    } else if (directive === '$ORIGIN') {
      const origin = this.#name(1, state.origin);
      if (origin !== undefined) state.origin = origin;
    } else {
      this.#include(includedBy);
    }
  }

  #include(includedBy: readonly string[]): void {
    const state = this.#state;
    const file = this.#file;
    const written = this.#lexer.texts[1]!;
    const resolved = written.startsWith('/')
      ? path.posix.normalize(written)
      : path.posix.join(path.posix.dirname(file.replace(/\\/g, '/')), written);
    if (resolved === file || includedBy.includes(resolved)) {
      this.#problem(1, `"${written}" includes itself`);
      return;
    }
    if (includedBy.length >= MAX_INCLUDE_DEPTH) {
      this.#problem(1, `"${written}" is nested more than ${MAX_INCLUDE_DEPTH} includes deep`);
      return;
    }
    const text = this.#readFile?.(resolved, { location: this.#token(1), written });
    // A file that is there but refused (a link outside, a FIFO) has been reported here.
    if (isRefused(text)) return;
    if (text === undefined) {
      this.#problem(1, `cannot read the included file "${written}"`);
      return;
    }
    if (notTextProblem({ path: resolved, text })) {
      this.#problem(1, `the included file "${written}" is not a text file`);
      return;
    }
    const saved = { origin: state.origin, owner: state.owner };
    if (this.#lexer.count > 2) {
      const origin = this.#name(2, state.origin);
      if (origin === undefined) return;
      state.origin = origin;
    }
    this.read(resolved, text, [...includedBy, file]);
    // BIND puts back the origin and the current owner after an include, not the TTLs.
    state.origin = saved.origin;
    state.owner = saved.owner;
  }

  #record(comment: string | undefined): void {
    const state = this.#state;
    const lexer = this.#lexer;
    const count = lexer.count;
    let i = 0;
    let owner: string | undefined;
    if (lexer.blankOwner) {
      owner = state.owner;
      if (owner === undefined) {
        this.#report(
          this.#token(0),
          'this record has no owner: its line starts with a blank and no record comes before it',
        );
        return;
      }
    } else {
      owner = this.#name(0, state.origin);
      i = 1;
      if (owner === undefined) return;
      state.owner = owner;
    }
    // The zone is the origin in effect at the first record: the settings', a leading $ORIGIN's or
    // the file name's; a file of absolute names without any of them lies under the root.
    state.zone ??= state.origin ?? '.';

    let ttl: number | undefined;
    let klass: string | undefined;
    let type: string | undefined;
    for (; i < count && type === undefined; i++) {
      const text = lexer.texts[i]!;
      const quoted = lexer.quoted[i]!;
      const c = text.charCodeAt(0);
      if (!quoted && c >= 48 && c <= 57 && ttl === undefined) {
        ttl = this.#ttl(i);
        if (ttl === undefined) return;
        continue;
      }
      const cls = quoted || klass !== undefined ? undefined : recordClass(text);
      if (cls !== undefined) {
        klass = cls;
        if (cls !== 'IN') {
          this.#problem(i, `class "${text}" is not IN; only Internet records are read`);
          return;
        }
        continue;
      }
      type = quoted ? undefined : recordType(text);
      if (type === undefined) {
        this.#problem(i, `unknown record type "${text}"`);
        return;
      }
    }
    if (type === undefined) {
      this.#problem(count - 1, `missing record type after "${lexer.texts[count - 1]!}"`);
      return;
    }
    const first = i;
    const origin = state.origin;
    if (this.#ctx.origin !== origin) this.#ctx = { origin, mode: 'origin' };
    const rdata = rdataFromFields(type, this.#fields.from(first), this.#ctx);
    if (!rdata.ok) {
      const bad = rdata.field >= 0 ? first + rdata.field : count - 1;
      if (origin === undefined && rdata.error.endsWith('origin is unknown'))
        this.#unknownOrigin(bad);
      else this.#problem(bad, rdata.error, rdata.notice ? 'notice' : undefined);
      return;
    }

    if (ttl !== undefined) state.lastTtl = ttl;
    else if (state.defaultTtl !== undefined) ttl = state.defaultTtl;
    else if (state.lastTtl !== undefined) ttl = state.lastTtl;
    else if (type === 'SOA') {
      ttl = parseTtl(lexer.texts[first + 6]!);
      state.defaultTtl = ttl;
    } else {
      this.#report(
        this.#token(0),
        'this record has no TTL and nothing before it sets one; add $TTL',
      );
    }

    const zone = state.zone;
    const location = this.#token(first);
    if (this.#suffixOf !== zone) {
      this.#suffixOf = zone;
      this.#suffix = zone === '.' ? '.' : `.${zone}`;
    }
    if (owner !== zone && !owner.endsWith(this.#suffix)) {
      this.#report(
        location,
        `"${owner}" is outside the zone "${zone}"; a server ignores this record`,
        undefined,
        'warning',
      );
      return;
    }
    this.records.push({
      name: owner,
      type,
      ttl,
      data: rdata.value.data,
      parsed: rdata.value.parsed,
      zone,
      location,
      relativeTarget: rdata.value.relativeTarget ? true : undefined,
      comment,
    });
  }
}

function settingsOrigin(options: ParseOptions | undefined): string | undefined {
  const origin = options?.settings?.origin;
  return typeof origin === 'string' && origin !== '' ? absoluteZone(origin) : undefined;
}

function parseBind(file: SourceFile, options?: ParseOptions): ParsedDnsFile {
  const notText = notTextProblem(file);
  if (notText) {
    return { path: file.path, format: 'bind', zones: [], records: [], problems: [notText] };
  }
  const reader = new ZoneReader(settingsOrigin(options), originFromFileName(file.path), options);
  reader.read(file.path, file.text, []);
  const zone = reader.zone;
  return {
    path: file.path,
    format: 'bind',
    zones: zone === undefined ? [] : [zone],
    records: reader.records,
    problems: reader.problems,
  };
}

const SAMPLE_CHARS = 64 * 1024;
const DIRECTIVE = /^\$(?:ORIGIN|TTL|INCLUDE)[ \t]/im;
const RECORD_LINE =
  /^\S*[ \t]+(?:\d\w*[ \t]+)?(?:IN[ \t]+)?(?:\d\w*[ \t]+)?(?:SOA|NS|A|AAAA|CNAME|MX|TXT|SRV|PTR|CAA)[ \t]/im;
const SOA_LINE = /^\S*[ \t]+(?:\d\w*[ \t]+)?(?:IN[ \t]+)?(?:\d\w*[ \t]+)?SOA[ \t]/im;
/** Extensions other formats own. */
const FOREIGN = /\.(?:ya?ml|json|js|mjs|cjs|ts|csv|tf|py|md|html?)$/;

function detectBind(file: SourceFile): number {
  const base = path.posix.basename(file.path.replace(/\\/g, '/').toLowerCase());
  if (FOREIGN.test(base)) return 0;
  const named = /\.(?:zone|db|hosts|bind)$/.test(base) || base.startsWith('db.');
  const head = file.text.slice(0, SAMPLE_CHARS);
  const zoneLike = SOA_LINE.test(head) || (DIRECTIVE.test(head) && RECORD_LINE.test(head));
  if (named && (zoneLike || RECORD_LINE.test(head))) return 10;
  if (zoneLike) return 6;
  return named ? 2 : 0;
}

/**
 * BIND zone file (RFC 1035 master format). Settings: `origin` (the zone, when neither a
 * leading `$ORIGIN` nor the file name says it). `$INCLUDE` paths are relative to the including
 * file and read through `readFile`.
 */
export const BIND: DnsFormat = {
  id: 'bind',
  settings: settingsSchema({ origin: NAME }),
  title: 'BIND zone file',
  filePatterns: ['*.zone', '*.db', 'db.*', '*.hosts'],
  detect: detectBind,
  parse: parseBind,
  render(record, zone) {
    const owner = relativeOwner(record.name, absoluteZone(zone));
    const ttl = record.ttl === undefined ? '' : ` ${record.ttl}`;
    return `${owner}${ttl} IN ${record.type} ${record.data}`;
  },
};
