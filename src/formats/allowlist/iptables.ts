import type { Entry, ParsedFile, ParseProblem } from '../../model/entry.js';
import { parseIpBlock, type IpBlock } from '../../model/ip.js';
import type { SourceLocation } from '../../model/location.js';
import { PortSet, type PortSpec } from '../../model/ports.js';
import { prefixOfMask } from '../../model/ip.js';
import { parseServicePort } from '../syntax/ports.js';
import { type AllowlistFormat, PACKET_FILTER_CAPABILITIES, type SourceFile } from '../format.js';
import {
  classifyValue,
  isMeaningfulComment,
  notTextProblem,
  withoutBom,
} from '../syntax/source.js';
import { trimSpaces, trimSpacesEnd } from '../../model/text.js';

/*
 * iptables-save / ip6tables-save output (what iptables-restore reads): `*table` sections,
 * `:CHAIN POLICY` lines, `-A CHAIN ...` rules, `COMMIT`. Lines of a shell script that call
 * `iptables -A ...` are read the same way.
 */

interface Word {
  readonly text: string;
  /** Offset in the line of the first character of the value (inside quotes). */
  readonly column: number;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 11 || c === 12;
}

/** Splits a rule line the way a shell would: spaces separate, quotes group, `\` escapes. */
function splitWords(line: string): Word[] | { error: string; column: number } {
  const words: Word[] = [];
  let i = 0;
  const n = line.length;
  while (i < n) {
    while (i < n && isSpace(line.charCodeAt(i))) i++;
    if (i >= n) break;
    let text = '';
    let column = i;
    let started = false;
    while (i < n && !isSpace(line.charCodeAt(i))) {
      const c = line[i]!;
      if (c === '"' || c === "'") {
        if (!started) column = i + 1;
        const close = line.indexOf(c, i + 1);
        if (close < 0) {
          return {
            error: `unterminated quote in ${JSON.stringify(trimSpacesEnd(line.slice(i)))}`,
            column: i,
          };
        }
        const inner = line.slice(i + 1, close);
        text += c === '"' ? inner.replace(/\\(["\\$`])/g, '$1') : inner;
        i = close + 1;
      } else if (c === '\\' && i + 1 < n) {
        text += line[i + 1];
        i += 2;
      } else {
        text += c;
        i++;
      }
      started = true;
    }
    words.push({ text, column });
  }
  return words;
}

interface Rule {
  readonly chain: Word | undefined;
  readonly destinations: readonly { word: Word; negated: boolean; range: boolean }[];
  readonly sources: readonly { word: Word; negated: boolean; range: boolean }[];
  readonly protocol: string | undefined;
  readonly ports: readonly { word: Word; negated: boolean }[];
  readonly sets: readonly { word: Word; flags: string }[];
  readonly target: string | undefined;
  readonly comment: string | undefined;
}

const WITH_VALUE = new Set([
  '-i',
  '--in-interface',
  '-o',
  '--out-interface',
  '-m',
  '--match',
  '-N',
  '-P',
  '--sport',
  '--source-port',
  '--sports',
  '--source-ports',
  '--state',
  '--ctstate',
  '--uid-owner',
  '--gid-owner',
  '--to-destination',
  '--to-source',
  '--to-ports',
  '--log-prefix',
  '--reject-with',
]);

function readRule(words: readonly Word[]): Rule {
  let chain: Word | undefined;
  const destinations: Rule['destinations'][number][] = [];
  const sources: Rule['sources'][number][] = [];
  let protocol: string | undefined;
  const ports: Rule['ports'][number][] = [];
  const sets: Rule['sets'][number][] = [];
  let target: string | undefined;
  let comment: string | undefined;
  let negated = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!.text;
    const value = words[i + 1];
    if (w === '!') {
      negated = true;
      continue;
    }
    switch (w) {
      case '-A':
      case '--append':
      case '-I':
      case '--insert':
        chain = value;
        i++;
        if (w.startsWith('-I') || w === '--insert') {
          if (/^\d+$/.test(words[i + 1]?.text ?? '')) i++;
        }
        break;
      case '-d':
      case '--destination':
      case '--dst':
        if (value) destinations.push({ word: value, negated, range: false });
        i++;
        break;
      case '--dst-range':
        if (value) destinations.push({ word: value, negated, range: true });
        i++;
        break;
      case '-s':
      case '--source':
      case '--src':
        if (value) sources.push({ word: value, negated, range: false });
        i++;
        break;
      case '--src-range':
        if (value) sources.push({ word: value, negated, range: true });
        i++;
        break;
      case '-p':
      case '--protocol':
        protocol = negated ? 'all' : value?.text.toLowerCase();
        i++;
        break;
      case '--dport':
      case '--destination-port':
      case '--dports':
      case '--destination-ports':
        if (value) ports.push({ word: value, negated });
        i++;
        break;
      case '--match-set': {
        const flags = words[i + 2];
        if (value && !negated) sets.push({ word: value, flags: flags?.text ?? '' });
        i += 2;
        break;
      }
      case '--comment':
        comment = value?.text;
        i++;
        break;
      case '-j':
      case '--jump':
      case '-g':
      case '--goto':
        target = value?.text;
        i++;
        break;
      default:
        if (WITH_VALUE.has(w)) i++;
    }
    negated = false;
  }
  return { chain, destinations, sources, protocol, ports, sets, target, comment };
}

/** `443`, `1000:2000`, `80,443,8000:8080`, service names. */
function readPorts(word: Word): PortSet | string {
  let set = PortSet.EMPTY;
  for (const part of word.text.split(',')) {
    const parsed = parseServicePort(part.replace(':', '-'));
    if (typeof parsed === 'string') return parsed.replace(part.replace(':', '-'), part);
    set = set.union(parsed);
  }
  return set;
}

function portSpec(protocol: string | undefined, ports: PortSet | undefined): PortSpec {
  const p = protocol === '6' ? 'tcp' : protocol === '17' ? 'udp' : protocol;
  if (p === undefined || p === 'all' || p === '0') {
    return { tcp: PortSet.ANY, udp: PortSet.ANY };
  }
  const allowed = ports ?? PortSet.ANY;
  return {
    tcp: p === 'tcp' ? allowed : PortSet.EMPTY,
    udp: p === 'udp' ? allowed : PortSet.EMPTY,
  };
}

/** A rule line, without a leading `iptables`/`ip6tables` command (scripts) ; undefined for other lines. */
function ruleText(line: string): { text: string; start: number } | undefined {
  const m =
    /^(\s*(?:sudo\s+)?(?:\/\S*\/)?(?:ip6?tables(?:-legacy|-nft)?\s+(?:-t\s+\S+\s+|-w\s+(?:\d+\s+)?)*)?)(?:-A|-I|--append|--insert)\s/.exec(
      line,
    );
  if (!m) return undefined;
  return { text: line.slice(m[1]!.length), start: m[1]!.length };
}

interface Chain {
  sourceCount: number;
  sourceAt: SourceLocation | undefined;
}

function parseIptables(file: SourceFile): ParsedFile {
  const entries: Entry[] = [];
  const problems: ParseProblem[] = [];
  const result = { path: file.path, format: 'iptables-save', entries, problems };
  const notText = notTextProblem(file);
  if (notText) {
    problems.push(notText);
    return result;
  }
  const lines = withoutBom(file.text).split('\n');
  let table = 'filter';
  let above: string[] = [];
  const chains = new Map<string, Chain>();
  const at = (line: number, column: number): SourceLocation => ({ file: file.path, line, column });

  lines.forEach((raw, index) => {
    const lineNo = index + 1;
    const line = raw.replace(/\r$/, '');
    const trimmed = trimSpaces(line);
    if (trimmed === '') {
      above = [];
      return;
    }
    if (trimmed.startsWith('#')) {
      const text = trimSpaces(trimmed.slice(1));
      if (isMeaningfulComment(text) && !/^(?:Generated by|Completed on)\b/.test(text))
        above.push(text);
      return;
    }
    const attached = above.length > 0 ? above.join('\n') : undefined;
    above = [];
    if (trimmed.startsWith('*')) {
      table = trimSpaces(trimmed.slice(1));
      return;
    }
    const rule = ruleText(line);
    if (!rule) return;
    const words = splitWords(rule.text);
    if (!Array.isArray(words)) {
      problems.push({ location: at(lineNo, rule.start + words.column + 1), message: words.error });
      return;
    }
    const shifted = words.map((w) => ({ text: w.text, column: w.column + rule.start + 1 }));
    const r = readRule(shifted);
    if (table !== 'filter' || r.target !== 'ACCEPT') return;

    let ports: PortSet | undefined;
    for (const p of r.ports) {
      const parsed = readPorts(p.word);
      if (typeof parsed === 'string') {
        problems.push({ location: at(lineNo, p.word.column), message: parsed, text: p.word.text });
        return;
      }
      const set = p.negated ? PortSet.ANY.subtract(parsed) : parsed;
      ports = ports ? ports.union(set) : set;
    }
    const spec = portSpec(r.protocol, ports);
    for (const s of r.sets) {
      const direction = s.flags.split(',')[0] === 'src' ? 'source' : 'destination';
      problems.push({
        location: at(lineNo, s.word.column),
        message: `ipset "${s.word.text}" is kept outside this file; its ${direction} addresses are not compared`,
        text: s.word.text,
        severity: 'notice',
      });
    }

    const source = r.destinations.length === 0;
    const chosen = source ? r.sources : r.destinations;
    const chainName = r.chain?.text ?? '';
    const comment =
      [r.comment, attached].filter((c) => c !== undefined && c !== '').join('\n') || undefined;
    for (const d of chosen) {
      const flag = source ? '-s' : '-d';
      if (d.negated) {
        problems.push({
          location: at(lineNo, d.word.column),
          message: `"! ${flag} ${d.word.text}" accepts every address but the ones named; not compared`,
          text: d.word.text,
          severity: 'notice',
        });
        continue;
      }
      let offset = 0;
      for (const part of d.word.text.split(',')) {
        const column = d.word.column + offset;
        offset += part.length + 1;
        const location = at(lineNo, column);
        if (classifyValue(part) !== 'ip') {
          problems.push({
            location,
            message: `"${part}" is a host name, which iptables resolves once when the rule is added; not compared`,
            text: part,
            severity: 'notice',
          });
          continue;
        }
        const block = readAddress(part, d.range);
        if (typeof block === 'string') {
          problems.push({ location, message: block, text: part });
          continue;
        }
        if (source) {
          const chain = chains.get(chainName) ?? { sourceCount: 0, sourceAt: undefined };
          chain.sourceCount++;
          chain.sourceAt ??= location;
          chains.set(chainName, chain);
        }
        const note = source ? `source address (-s) in chain "${chainName}"` : undefined;
        const full = [comment, note].filter((c) => c !== undefined).join('\n') || undefined;
        entries.push({ kind: 'ip', text: part, location, block, ports: spec, comment: full });
      }
    }
  });

  for (const [name, chain] of chains) {
    const n = chain.sourceCount;
    problems.push({
      location: chain.sourceAt!,
      message: `chain "${name}" accepts traffic by source address ("-s"): the list is written for the other direction; its ${n} ${n === 1 ? 'address is' : 'addresses are'} compared as destinations`,
      severity: 'notice',
    });
  }
  problems.sort(
    (a, b) => a.location.line - b.location.line || a.location.column - b.location.column,
  );
  return result;
}

/** `10.0.0.0/8`, `10.0.0.0/255.0.0.0`, `2603:1006::/40`, and `a-b` from `--dst-range`. */
function readAddress(text: string, range: boolean): IpBlock | string {
  if (!range && text.includes('-'))
    return `"${text}" is not an address or prefix (ranges need -m iprange --dst-range)`;
  const slash = text.indexOf('/');
  let written = text;
  if (slash >= 0 && text.slice(slash + 1).includes('.')) {
    const len = prefixOfMask(text.slice(slash + 1));
    if (typeof len === 'string') return len;
    written = `${text.slice(0, slash)}/${len}`;
  }
  const parsed = parseIpBlock(written);
  return parsed.ok ? parsed.value : parsed.error;
}

const SAMPLE_CHARS = 64 * 1024;

function detectIptables(file: SourceFile): number {
  const path = file.path.toLowerCase();
  const head = file.text.slice(0, SAMPLE_CHARS);
  const saved =
    /^\*(?:filter|nat|mangle|raw|security)\s*$/m.test(head) && /^COMMIT\s*$/m.test(head);
  const rules = /^-A\s+\S+\s/m.test(head);
  const named =
    /(?:^|\/)(?:[^/]*\.)?(?:iptables|ip6tables|rules\.v[46])[^/]*$/.test(path) ||
    /\.(?:rules|v4|v6)$/.test(path);
  if (saved && rules) return 10;
  if (rules && named) return 8;
  if (saved || (named && /^:\w+\s+(?:ACCEPT|DROP|-)/m.test(head))) return 6;
  return 0;
}

/**
 * iptables-save and ip6tables-save output (`/etc/iptables/rules.v4`, `rules.v6`). Entries are
 * the destinations (`-d`, `--dst-range`) of `-j ACCEPT` rules in the filter table, with the
 * rule's protocol (`-p`) and ports (`--dport`, `-m multiport --dports`). Rules that accept by
 * source only (`-s`) are read too, with a notice per chain; `-m set --match-set` names an ipset
 * kept elsewhere and is a notice. `-m comment --comment` and `#` lines above a rule are its comment.
 *
 * Settings: none.
 */
export const IPTABLES: AllowlistFormat = {
  id: 'iptables-save',
  title: 'iptables-save rules',
  filePatterns: ['*.rules', 'rules.v4', 'rules.v6', 'iptables*'],
  capabilities: PACKET_FILTER_CAPABILITIES,
  detect: detectIptables,
  parse: parseIptables,
};
