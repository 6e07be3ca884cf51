import type { Entry, ParsedFile, ParseProblem } from '../../model/entry.js';
import { parseIpBlock } from '../../model/ip.js';
import type { SourceLocation } from '../../model/location.js';
import { PortSet, type PortSpec } from '../../model/ports.js';
import { append } from '../../model/collections.js';
import { LineComments } from '../syntax/comments.js';
import { parseServicePort } from '../syntax/ports.js';
import { TextPositions } from '../syntax/positions.js';
import type { AllowlistFormat, SourceFile } from '../format.js';
import { classifyValue, notTextProblem, withoutBom } from '../syntax/source.js';
import { trimSpaces } from '../../model/text.js';
import { NFTABLES_DESCRIPTION } from './described.js';

/*
 * nftables rulesets as `nft -f` reads them: tables with chains and named sets, `define`
 * variables, and the flat `add rule|element|set` forms. Addresses come from accepting rules
 * (`ip daddr`, `ip6 daddr`, inline `{ ... }` sets, `@set` references, `$variables`) with the
 * ports the rule matches (`tcp dport`, `udp dport`, `th dport`, `meta l4proto`).
 */

// ---------------------------------------------------------------------------------------------
// Tokens and structure

interface Token {
  readonly kind: 'word' | 'string' | 'open' | 'close' | 'comma' | 'end';
  readonly text: string;
  readonly offset: number;
}

/** A `{ ... }` inside a statement: an anonymous set or a set's elements. */
interface Group {
  readonly kind: 'group';
  readonly items: readonly Item[];
  readonly offset: number;
}

type Item = Token | Group;

interface Stmt {
  readonly items: readonly Item[];
  /** The statements inside `{ }` of a table, chain or set. */
  readonly body?: readonly Stmt[];
}

interface Problems {
  readonly list: ParseProblem[];
  readonly at: (offset: number) => SourceLocation;
}

function report(
  problems: Problems,
  offset: number,
  message: string,
  text?: string,
  severity?: ParseProblem['severity'],
): void {
  problems.list.push({
    location: problems.at(offset),
    message,
    ...(text !== undefined ? { text } : {}),
    ...(severity ? { severity } : {}),
  });
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 11 || c === 12 || c === 0xa0 || c === 0xfeff;
}

/** Characters that end a word. */
function isBreak(c: number): boolean {
  return (
    isSpace(c) ||
    c === 10 ||
    c === 123 /* { */ ||
    c === 125 /* } */ ||
    c === 59 /* ; */ ||
    c === 44 /* , */ ||
    c === 34 /* " */ ||
    c === 35 /* # */
  );
}

function tokenize(
  text: string,
  positions: TextPositions,
  comments: LineComments,
  problems: Problems,
): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let lineHasCode = false;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (c === 10) {
      tokens.push({ kind: 'end', text: '\n', offset: i });
      lineHasCode = false;
      i++;
      continue;
    }
    if (c === 92 /* \ */) {
      // A backslash before the end of the line continues the statement on the next one.
      let j = i + 1;
      while (j < n && isSpace(text.charCodeAt(j))) j++;
      if (j >= n || text.charCodeAt(j) === 10) {
        i = j + 1;
        continue;
      }
    }
    if (c === 35 /* # */) {
      let end = text.indexOf('\n', i);
      if (end < 0) end = n;
      // `#!/usr/sbin/nft -f` says how to run the file; it is no comment on the first entry.
      if (i !== 0 || text.charCodeAt(1) !== 33) {
        comments.add(positions.at(i).line, text.slice(i + 1, end), !lineHasCode);
      }
      i = end;
      continue;
    }
    lineHasCode = true;
    if (c === 59) tokens.push({ kind: 'end', text: ';', offset: i++ });
    else if (c === 123) tokens.push({ kind: 'open', text: '{', offset: i++ });
    else if (c === 125) tokens.push({ kind: 'close', text: '}', offset: i++ });
    else if (c === 44) tokens.push({ kind: 'comma', text: ',', offset: i++ });
    else if (c === 34) {
      let end = i + 1;
      while (end < n && text.charCodeAt(end) !== 34 && text.charCodeAt(end) !== 10) end++;
      if (end >= n || text.charCodeAt(end) !== 34) {
        report(problems, i, `unterminated string ${JSON.stringify(text.slice(i, end))}`);
        tokens.push({ kind: 'string', text: text.slice(i + 1, end), offset: i + 1 });
        i = end;
      } else {
        tokens.push({ kind: 'string', text: text.slice(i + 1, end), offset: i + 1 });
        i = end + 1;
      }
    } else {
      const start = i;
      while (i < n && !isBreak(text.charCodeAt(i))) i++;
      tokens.push({ kind: 'word', text: text.slice(start, i), offset: start });
    }
  }
  return tokens;
}

const CONTAINERS = new Set(['table', 'chain', 'set', 'map', 'flowtable']);
const FAMILIES = new Set(['ip', 'ip6', 'inet', 'arp', 'bridge', 'netdev']);

function words(items: readonly Item[]): string[] {
  const out: string[] = [];
  for (const item of items) if (item.kind === 'word') out.push(item.text);
  return out;
}

/** Whether a `{` after these items opens a block of statements rather than an anonymous set. */
function opensBlock(items: readonly Item[]): boolean {
  const w = words(items);
  if (w.length !== items.length || w.length === 0) return false;
  if (CONTAINERS.has(w[0]!)) return true;
  if ((w[0] === 'add' || w[0] === 'create') && CONTAINERS.has(w[1] ?? '')) return true;
  if ((w[0] === 'counter' || w[0] === 'quota') && w.length === 2) return true;
  return w[0] === 'ct' && ['helper', 'timeout', 'expectation'].includes(w[1] ?? '');
}

/** Real rulesets nest a few levels; a limit keeps hostile input from exhausting the stack. */
const MAX_NESTING = 64;

class StructureReader {
  #i = 0;
  constructor(
    private readonly tokens: readonly Token[],
    private readonly problems: Problems,
  ) {}

  block(opener: Token | undefined, depth = 0): Stmt[] {
    const stmts: Stmt[] = [];
    let cur: Item[] = [];
    const flush = () => {
      if (cur.length > 0) stmts.push({ items: cur });
      cur = [];
    };
    for (;;) {
      const t = this.tokens[this.#i++];
      if (!t) {
        flush();
        if (opener) report(this.problems, opener.offset, 'unclosed "{"');
        return stmts;
      }
      if (t.kind === 'end') flush();
      else if (t.kind === 'close') {
        if (opener) {
          flush();
          return stmts;
        }
        report(this.problems, t.offset, 'unexpected "}" without a matching "{"');
      } else if (t.kind === 'open') {
        if (opensBlock(cur) && depth >= MAX_NESTING) {
          report(this.problems, t.offset, 'blocks are nested too deeply to be read');
          this.skipGroup();
          cur = [];
        } else if (opensBlock(cur)) {
          stmts.push({ items: cur, body: this.block(t, depth + 1) });
          cur = [];
        } else {
          cur.push(this.group(t));
        }
      } else cur.push(t);
    }
  }

  group(opener: Token, depth = 0): Group {
    const items: Item[] = [];
    for (;;) {
      const t = this.tokens[this.#i++];
      if (!t) {
        report(this.problems, opener.offset, 'unclosed "{"');
        return { kind: 'group', items, offset: opener.offset };
      }
      if (t.kind === 'close') return { kind: 'group', items, offset: opener.offset };
      if (t.kind === 'open') {
        if (depth < MAX_NESTING) items.push(this.group(t, depth + 1));
        else {
          report(this.problems, t.offset, 'sets are nested too deeply to be read');
          this.skipGroup();
        }
      } else if (t.kind !== 'end') items.push(t);
    }
  }

  /** Moves past the `}` that closes a `{` just read, without building anything. */
  skipGroup(): void {
    let open = 1;
    while (open > 0 && this.#i < this.tokens.length) {
      const t = this.tokens[this.#i++]!;
      if (t.kind === 'open') open++;
      else if (t.kind === 'close') open--;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Meaning

/** One element of a set or one value in a rule, as written. */
interface Element {
  readonly text: string;
  readonly offset: number;
  readonly comment?: string | undefined;
  /** `a . b`: a concatenation, which is not compared. */
  readonly concatenated?: boolean;
}

interface NamedSet {
  readonly name: string;
  readonly offset: number;
  readonly type: string | undefined;
  readonly elements: Element[];
  readonly comment?: string | undefined;
  uses: Use[];
  referenced: boolean;
}

interface Use {
  readonly ports: PortSpec;
  readonly source: boolean;
  readonly chain: Chain;
}

interface Chain {
  readonly name: string;
  readonly hook: string | undefined;
  /** Addresses this chain accepts by source; for one notice per chain. */
  sourceCount: number;
  sourceOffset: number | undefined;
}

/** `ip daddr X`, `ip6 saddr != X`... */
interface AddressMatch {
  readonly family: 4 | 6;
  readonly source: boolean;
  readonly negated: boolean;
  readonly value: Item | undefined;
  /** The value with what completes it: `a - b`. */
  readonly parts: readonly Item[];
  readonly offset: number;
  readonly written: string;
}

class Ruleset {
  readonly sets = new Map<string, NamedSet>();
  readonly defines = new Map<string, readonly Item[]>();
  readonly usedDefines = new Set<string>();
  readonly entries: Entry[] = [];

  constructor(
    private readonly text: string,
    private readonly path: string,
    private readonly positions: TextPositions,
    private readonly comments: LineComments,
    private readonly problems: Problems,
  ) {}

  // --- statements -----------------------------------------------------------------------------

  top(stmts: readonly Stmt[]): void {
    const rules: { table: string; chain: Chain; items: readonly Item[] }[] = [];
    const chains = new Map<string, Chain>();
    const chainOf = (table: string, name: string, hook?: string): Chain => {
      const key = `${table} ${name}`;
      let chain = chains.get(key);
      if (!chain) {
        chain = { name, hook, sourceCount: 0, sourceOffset: undefined };
        chains.set(key, chain);
      }
      return chain;
    };

    const tableBody = (table: string, body: readonly Stmt[]) => {
      for (const s of body) {
        const w = words(s.items);
        if (w[0] === 'chain' && s.body) {
          const chain = chainOf(table, w[1] ?? '', hookOf(s.body));
          for (const r of s.body) rules.push({ table, chain, items: r.items });
        } else if ((w[0] === 'set' || w[0] === 'map') && s.body) {
          this.defineSet(table, s.items[1], s.body);
        }
      }
    };

    for (const s of stmts) {
      const w = words(s.items);
      const verb = w[0];
      if (verb === 'table' && s.body) {
        tableBody(tableKey(w.slice(1)), s.body);
      } else if (verb === 'define') {
        const name = w[1];
        const eq = s.items.findIndex((item) => item.kind === 'word' && item.text === '=');
        if (name && eq >= 0) this.defines.set(name, s.items.slice(eq + 1));
      } else if (verb === 'include') {
        const file = s.items[1];
        if (file) {
          report(
            this.problems,
            file.offset,
            `the included file "${file.kind === 'group' ? '{...}' : file.text}" is not read; its addresses are not compared`,
            undefined,
            'notice',
          );
        }
      } else if (verb === 'add' || verb === 'create' || verb === 'insert') {
        const what = w[1];
        const hasFamily = FAMILIES.has(w[2] ?? '');
        const table = tableKey(hasFamily ? [w[2]!, w[3] ?? ''] : [w[2] ?? '']);
        const rest = hasFamily ? 4 : 3;
        if (what === 'table' && s.body) tableBody(table, s.body);
        else if (what === 'chain' && s.body) {
          const chain = chainOf(table, w[rest] ?? '', hookOf(s.body));
          for (const r of s.body) rules.push({ table, chain, items: r.items });
        } else if ((what === 'set' || what === 'map') && s.body) {
          this.defineSet(table, s.items[rest], s.body);
        } else if (what === 'element') {
          const group = s.items[rest + 1];
          const set = this.setOf(table, s.items[rest]);
          if (group && set) append(set.elements, this.elements(group, true));
        } else if (what === 'rule') {
          const chain = chainOf(table, w[rest] ?? '');
          rules.push({ table, chain, items: s.items.slice(rest + 1) });
        }
      }
    }

    for (const r of rules) this.rule(r.table, r.chain, r.items);
    this.setEntries();
    this.unusedDefines();
    for (const chain of chains.values()) {
      if (chain.sourceOffset === undefined) continue;
      const count = chain.sourceCount;
      report(
        this.problems,
        chain.sourceOffset,
        `chain "${chain.name}"${chain.hook ? ` (hook ${chain.hook})` : ''} accepts traffic by source address ("saddr"): the list is written for the other direction; its ${count} ${count === 1 ? 'address is' : 'addresses are'} compared as destinations`,
        undefined,
        'notice',
      );
    }
  }

  defineSet(table: string, nameItem: Item | undefined, body: readonly Stmt[]): void {
    if (!nameItem || nameItem.kind === 'group') return;
    let type: string | undefined;
    let comment: string | undefined;
    const elements: Element[] = [];
    for (const s of body) {
      const w = words(s.items);
      if (w[0] === 'type') type = w.slice(1).join(' ');
      else if (w[0] === 'typeof')
        type = w[1] === 'ip' ? 'ipv4_addr' : w[1] === 'ip6' ? 'ipv6_addr' : w.slice(1).join(' ');
      else if (w[0] === 'comment') comment = stringAfter(s.items, 0);
      else if (w[0] === 'elements') {
        const group = s.items.find((item) => item.kind === 'group');
        if (group) append(elements, this.elements(group, true));
      }
    }
    const key = `${table} ${nameItem.text}`;
    const existing = this.sets.get(key);
    if (existing) {
      append(existing.elements, elements);
      return;
    }
    this.sets.set(key, {
      name: nameItem.text,
      offset: nameItem.offset,
      type,
      elements,
      comment,
      uses: [],
      referenced: false,
    });
  }

  setOf(table: string, nameItem: Item | undefined): NamedSet | undefined {
    if (!nameItem || nameItem.kind === 'group') return undefined;
    const key = `${table} ${nameItem.text}`;
    let set = this.sets.get(key);
    if (!set) {
      set = {
        name: nameItem.text,
        offset: nameItem.offset,
        type: undefined,
        elements: [],
        uses: [],
        referenced: false,
      };
      this.sets.set(key, set);
    }
    return set;
  }

  // --- values ---------------------------------------------------------------------------------

  /** The elements a value stands for: a word, a `{ }` group, a `$variable` (expanded). */
  elements(item: Item, expand: boolean, depth = 0): Element[] {
    if (item.kind === 'group') {
      const out: Element[] = [];
      let part: Item[] = [];
      const flush = () => {
        if (part.length > 0) append(out, this.element(part, expand, depth));
        part = [];
      };
      for (const sub of item.items) {
        if (sub.kind === 'comma') flush();
        else part.push(sub);
      }
      flush();
      return out;
    }
    return this.element([item], expand, depth);
  }

  /** One element: `a`, `a - b`, `a . b`, with `comment "..."`, `timeout 1h` and the like after it. */
  element(parts: readonly Item[], expand: boolean, depth: number): Element[] {
    const first = parts[0];
    if (!first) return [];
    if (first.kind === 'group') return this.elements(first, expand, depth + 1);
    if (first.kind !== 'word' && first.kind !== 'string') return [];
    if (expand && first.text.startsWith('$') && depth < 16) {
      const name = first.text.slice(1);
      const value = this.defines.get(name);
      this.usedDefines.add(name);
      if (!value) {
        report(
          this.problems,
          first.offset,
          `"${first.text}" is not defined in this file; its addresses are not compared`,
          first.text,
          'notice',
        );
        return [];
      }
      return value.flatMap((v) => this.elements(v, true, depth + 1));
    }
    let end = first.offset + first.text.length;
    let concatenated = false;
    const second = parts[1];
    const third = parts[2];
    if (
      second?.kind === 'word' &&
      (second.text === '-' || second.text === '.') &&
      third?.kind === 'word'
    ) {
      concatenated = second.text === '.';
      end = third.offset + third.text.length;
    } else if (
      first.text.endsWith('-') &&
      second?.kind === 'word' &&
      /^[0-9a-f:]/i.test(second.text)
    ) {
      end = second.offset + second.text.length;
    }
    const commentAt = parts.findIndex((p) => p.kind === 'word' && p.text === 'comment');
    const comment = commentAt >= 0 ? stringAfter(parts, commentAt) : undefined;
    return [
      { text: this.text.slice(first.offset, end), offset: first.offset, comment, concatenated },
    ];
  }

  // --- rules ----------------------------------------------------------------------------------

  rule(table: string, chain: Chain, items: readonly Item[]): void {
    const addresses: AddressMatch[] = [];
    let verdict: string | undefined;
    let comment: string | undefined;
    let protocols: ('tcp' | 'udp')[] | undefined;
    let tcp: PortSet | undefined;
    let udp: PortSet | undefined;
    let anyPorts: PortSet | undefined;
    let portProblem = false;

    const word = (i: number) => {
      const item = items[i];
      return item?.kind === 'word' ? item.text : undefined;
    };
    for (let i = 0; i < items.length; i++) {
      const w = word(i);
      if (w === undefined) continue;
      const next = word(i + 1);
      if ((w === 'ip' || w === 'ip6') && (next === 'daddr' || next === 'saddr')) {
        let j = i + 2;
        const negated = word(j) === '!=';
        if (negated || word(j) === '==') j++;
        const start = items[i]!.offset;
        if (word(j) === '.') {
          // `ip daddr . tcp dport @set`: the set's elements are concatenations.
          while (j < items.length && !isSetValue(items[j]!)) j++;
        }
        const parts =
          word(j + 1) === '-' && word(j + 2) !== undefined
            ? items.slice(j, j + 3)
            : items.slice(j, j + 1);
        addresses.push({
          family: w === 'ip' ? 4 : 6,
          source: next === 'saddr',
          negated,
          value: items[j],
          parts,
          offset: start,
          written: `${w} ${next}`,
        });
        i = j + parts.length - 1;
      } else if (TRANSPORTS.has(w) && (next === 'dport' || next === 'sport')) {
        let j = i + 2;
        const negated = word(j) === '!=';
        if (negated || word(j) === '==') j++;
        const value = items[j];
        i = j;
        if (next === 'sport' || !value) continue;
        let set = PortSet.EMPTY;
        for (const el of this.portElements(value, table)) {
          const parsed = parseServicePort(el.text);
          if (typeof parsed === 'string') {
            report(this.problems, el.offset, parsed, el.text);
            portProblem = true;
          } else set = set.union(parsed);
        }
        if (negated) set = PortSet.ANY.subtract(set);
        if (w === 'tcp') tcp = (tcp ?? PortSet.EMPTY).union(set);
        else if (w === 'udp') udp = (udp ?? PortSet.EMPTY).union(set);
        else if (w === 'th') anyPorts = (anyPorts ?? PortSet.EMPTY).union(set);
        else {
          // SCTP and the like carry neither TCP nor UDP.
          tcp ??= PortSet.EMPTY;
          udp ??= PortSet.EMPTY;
        }
      } else if (
        (w === 'meta' && next === 'l4proto') ||
        (w === 'ip' && next === 'protocol') ||
        (w === 'ip6' && next === 'nexthdr')
      ) {
        const value = items[i + 2];
        if (value) {
          const names = this.elements(value, true).map((e) => e.text.toLowerCase());
          protocols = [
            ...(protocols ?? []),
            ...names.filter((p): p is 'tcp' | 'udp' => p === 'tcp' || p === 'udp'),
          ];
        }
        i += 2;
      } else if (w === 'comment') {
        comment = stringAfter(items, i);
        i++;
      } else if (VERDICTS.has(w)) {
        verdict = w;
      }
    }
    if (verdict !== 'accept' || portProblem) return;

    const ports = portSpec(protocols, tcp, udp, anyPorts);
    const destinations = addresses.filter((a) => !a.source);
    const source = destinations.length === 0;
    const chosen = source ? addresses : destinations;
    for (const match of chosen) {
      const value = match.value;
      if (!value) continue;
      if (match.negated) {
        report(
          this.problems,
          match.offset,
          `"${match.written} != ..." accepts every address but the ones named; not compared`,
          match.written,
          'notice',
        );
        continue;
      }
      if (value.kind === 'word' && value.text.startsWith('@')) {
        const set = this.sets.get(`${table} ${value.text.slice(1)}`);
        if (!set) {
          report(
            this.problems,
            value.offset,
            `set "${value.text.slice(1)}" is not defined in this file; its addresses are not compared`,
            value.text,
            'notice',
          );
          continue;
        }
        set.referenced = true;
        set.uses.push({ ports, source, chain });
        if (source) this.countSource(chain, set.elements.length, match.offset);
        continue;
      }
      const elements =
        match.parts.length > 1 ? this.element(match.parts, true, 0) : this.elements(value, true);
      if (source) this.countSource(chain, elements.length, match.offset);
      for (const el of elements) {
        this.addEntry(
          el,
          match.family,
          ports,
          [el.comment, comment, this.commentFor(el.offset, match.offset)],
          source,
          chain,
        );
      }
    }
  }

  /** Port values: words, groups, `$variables` and `@sets` of services. */
  portElements(value: Item, table: string): Element[] {
    if (value.kind === 'word' && value.text.startsWith('@')) {
      const set = this.sets.get(`${table} ${value.text.slice(1)}`);
      if (set) set.referenced = true;
      return set?.elements ?? [];
    }
    return this.elements(value, true);
  }

  countSource(chain: Chain, count: number, offset: number): void {
    chain.sourceCount += count;
    chain.sourceOffset ??= offset;
  }

  /** The `#` comment on the element's line or right above it, else the one of its rule. */
  commentFor(elementOffset: number, ruleOffset: number): string | undefined {
    const line = this.positions.at(elementOffset).line;
    const ruleLine = this.positions.at(ruleOffset).line;
    return this.comments.at(line) ?? (ruleLine !== line ? this.comments.at(ruleLine) : undefined);
  }

  addEntry(
    el: Element,
    family: 4 | 6 | undefined,
    ports: PortSpec | undefined,
    notes: readonly (string | undefined)[],
    source: boolean,
    chain: Chain | undefined,
  ): void {
    if (el.concatenated) {
      report(
        this.problems,
        el.offset,
        `"${el.text}" is a concatenation; its parts are not compared`,
        el.text,
        'notice',
      );
      return;
    }
    const text = el.text;
    const compact = text.replace(/[ \t\n\v\f\r]+/g, '');
    if (classifyValue(compact) !== 'ip') {
      report(
        this.problems,
        el.offset,
        `"${text}" is a host name, which nft resolves once when the ruleset is loaded; not compared`,
        text,
        'notice',
      );
      return;
    }
    const block = parseIpBlock(compact);
    if (!block.ok) {
      report(this.problems, el.offset, block.error, text);
      return;
    }
    if (family !== undefined && block.value.family !== family) {
      report(
        this.problems,
        el.offset,
        family === 4
          ? `"${text}" is an IPv6 address where IPv4 is expected (use "ip6")`
          : `"${text}" is an IPv4 address where IPv6 is expected (use "ip")`,
        text,
      );
      return;
    }
    const direction =
      source && chain ? `source address (saddr) in chain "${chain.name}"` : undefined;
    const all = [...notes, direction].filter((n): n is string => n !== undefined && n !== '');
    const comment = [...new Set(all)].join('\n') || undefined;
    const location = this.at(el.offset);
    this.entries.push({ kind: 'ip', text, location, block: block.value, ports, comment });
  }

  at(offset: number): SourceLocation {
    return { file: this.path, ...this.positions.at(offset) };
  }

  setEntries(): void {
    for (const set of this.sets.values()) {
      const family = familyOfType(set.type);
      if (set.type !== undefined && family === undefined) continue;
      const destinations = set.uses.filter((u) => !u.source);
      const uses = destinations.length > 0 ? destinations : set.uses;
      if (uses.length === 0 && set.referenced) continue;
      const ports =
        uses.length === 0
          ? undefined
          : uses.slice(1).reduce((acc, u) => unionSpec(acc, u.ports), uses[0]!.ports);
      const source = destinations.length === 0 && uses.length > 0;
      const note = set.referenced
        ? undefined
        : `set "${set.name}" is not used by a rule in this file`;
      for (const el of set.elements) {
        if (set.type === undefined && classifyValue(el.text) !== 'ip') continue;
        const own = el.comment
          ? this.comments.at(this.positions.at(el.offset).line)
          : this.commentFor(el.offset, set.offset);
        this.addEntry(
          el,
          family,
          ports,
          [el.comment, own, set.comment, note],
          source,
          uses[0]?.chain,
        );
      }
    }
  }

  /** A variable of addresses that no rule here uses is, like an unused set, read as it stands. */
  unusedDefines(): void {
    for (const [name, value] of this.defines) {
      if (this.usedDefines.has(name)) continue;
      const elements = value.flatMap((v) => this.elements(v, true));
      if (elements.length === 0 || !elements.every((e) => classifyValue(e.text) === 'ip')) continue;
      for (const el of elements) {
        const own = this.comments.at(this.positions.at(el.offset).line);
        this.addEntry(
          el,
          undefined,
          undefined,
          [el.comment, own, `"$${name}" is not used by a rule in this file`],
          false,
          undefined,
        );
      }
    }
  }
}

const TRANSPORTS = new Set(['tcp', 'udp', 'th', 'sctp', 'dccp', 'udplite']);
const VERDICTS = new Set([
  'accept',
  'drop',
  'reject',
  'jump',
  'goto',
  'return',
  'continue',
  'queue',
]);

function tableKey(w: readonly string[]): string {
  return w.length >= 2 && FAMILIES.has(w[0]!) ? `${w[0]} ${w[1]}` : `ip ${w[0] ?? ''}`;
}

function hookOf(body: readonly Stmt[]): string | undefined {
  for (const s of body) {
    const w = words(s.items);
    const i = w.indexOf('hook');
    if (w[0] === 'type' && i >= 0) return w[i + 1];
  }
  return undefined;
}

function stringAfter(items: readonly Item[], index: number): string | undefined {
  const next = items[index + 1];
  return next && next.kind !== 'group' && next.kind !== 'comma' ? next.text : undefined;
}

/** The address family of a set type; for a concatenation (`ipv4_addr . inet_service`), of its first part. */
function familyOfType(type: string | undefined): 4 | 6 | undefined {
  const head = type?.split('.')[0];
  const first = head === undefined ? undefined : trimSpaces(head);
  if (first === 'ipv4_addr') return 4;
  if (first === 'ipv6_addr') return 6;
  return undefined;
}

function isSetValue(item: Item): boolean {
  return (
    item.kind === 'group' ||
    (item.kind === 'word' && (item.text.startsWith('@') || item.text.startsWith('$')))
  );
}

/** What a rule's protocol and port matches allow; a rule without them allows every port. */
function portSpec(
  protocols: readonly ('tcp' | 'udp')[] | undefined,
  tcp: PortSet | undefined,
  udp: PortSet | undefined,
  any: PortSet | undefined,
): PortSpec {
  if (tcp === undefined && udp === undefined && any === undefined) {
    if (!protocols) return { tcp: PortSet.ANY, udp: PortSet.ANY };
    return {
      tcp: protocols.includes('tcp') ? PortSet.ANY : PortSet.EMPTY,
      udp: protocols.includes('udp') ? PortSet.ANY : PortSet.EMPTY,
    };
  }
  const both = any ?? PortSet.EMPTY;
  const tcpAllowed = !protocols || protocols.includes('tcp');
  const udpAllowed = !protocols || protocols.includes('udp');
  return {
    tcp: (tcp ?? PortSet.EMPTY).union(tcpAllowed ? both : PortSet.EMPTY),
    udp: (udp ?? PortSet.EMPTY).union(udpAllowed ? both : PortSet.EMPTY),
  };
}

function unionSpec(a: PortSpec, b: PortSpec): PortSpec {
  return { tcp: a.tcp.union(b.tcp), udp: a.udp.union(b.udp) };
}

// ---------------------------------------------------------------------------------------------
// The format

function parseNftables(file: SourceFile): ParsedFile {
  const entries: Entry[] = [];
  const problems: ParseProblem[] = [];
  const result = { path: file.path, format: 'nftables', entries, problems };
  const notText = notTextProblem(file);
  if (notText) {
    problems.push(notText);
    return result;
  }
  const text = withoutBom(file.text);
  const positions = new TextPositions(text);
  const sink: Problems = { list: problems, at: (o) => ({ file: file.path, ...positions.at(o) }) };
  const comments = new LineComments();
  const tokens = tokenize(text, positions, comments, sink);
  const stmts = new StructureReader(tokens, sink).block(undefined);
  const ruleset = new Ruleset(text, file.path, positions, comments, sink);
  ruleset.top(stmts);
  const byLocation = (a: { location: SourceLocation }, b: { location: SourceLocation }) =>
    a.location.line - b.location.line || a.location.column - b.location.column;
  append(entries, ruleset.entries.sort(byLocation));
  problems.sort(byLocation);
  return result;
}

/**
 * nftables rulesets (`nft -f` input and `nft list ruleset` output). Entries are the addresses
 * that accepting rules match by destination (`ip daddr`, `ip6 daddr`: literals, `{ }` sets,
 * `@named` sets, `$variables`), with the rule's `tcp dport` / `udp dport` / `th dport` ports.
 * Rules that accept by source address only (`saddr`) are read too, with a notice per chain.
 * A named set or `define` of addresses that no rule in the file uses is read as it stands
 * (it may serve a ruleset that includes this file). Rules without an address are not entries.
 *
 * Settings: none.
 */
export const NFTABLES: AllowlistFormat = { ...NFTABLES_DESCRIPTION, parse: parseNftables };
