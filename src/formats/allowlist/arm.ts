import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import { parsePositioned } from '../syntax/yaml.js';
import type { Entry, FormatCapabilities, ParsedFile, ParseProblem } from '../../model/entry.js';
import { HostPattern } from '../../model/host.js';
import { parseIpBlock } from '../../model/ip.js';
import type { SourceLocation } from '../../model/location.js';
import { PortSet, type PortSpec } from '../../model/ports.js';
import { classifyReference } from '../syntax/references.js';
import type { AllowlistFormat, ParseOptions, SourceFile } from './index.js';
import {
  isMeaningfulComment,
  jsonSyntaxError,
  notTextProblem,
  positionOf,
  splitPath,
  withoutBom,
} from '../syntax/source.js';

/**
 * Azure Resource Manager templates, and the Azure resource model that Bicep shares with them
 * (Bicep compiles to these templates, so both formats read the same resources the same way).
 *
 * A template is evaluated only as far as it can be without deploying: literals, parameter
 * defaults, variables, `concat`-style functions and copy loops. Whatever needs a deployment
 * (a parameter without a default, `reference()`, most functions) becomes a notice where the
 * entries were expected, never a guess.
 */

// ── values ──────────────────────────────────────────────────────────────────

export interface Pos {
  readonly line: number;
  readonly column: number;
}

export interface ObjVal {
  readonly t: 'obj';
  readonly at: Pos;
  keys(): readonly string[];
  /** Property names are compared case-insensitively, as Azure does. */
  get(key: string): Val | undefined;
  /** Where the property's name is written, when it is. */
  keyAt?(key: string): Pos | undefined;
}

/**
 * A value as far as it is known before deployment, with the position of the text it came from.
 * `literal` strings are written exactly so in the file (no escapes, not computed), so positions
 * inside them can be derived by offset.
 */
export type Val =
  | { readonly t: 'str'; readonly v: string; readonly at: Pos; readonly literal: boolean }
  | { readonly t: 'num'; readonly v: number; readonly at: Pos }
  | { readonly t: 'bool'; readonly v: boolean; readonly at: Pos }
  | { readonly t: 'null'; readonly at: Pos }
  | { readonly t: 'arr'; readonly items: readonly Val[]; readonly at: Pos }
  | ObjVal
  | {
      readonly t: 'unknown';
      readonly at: Pos;
      readonly why: string;
      /** The value is not merely unknown before deployment but wrong (an undeclared name). */
      readonly error?: boolean;
    };

export type UnknownVal = Extract<Val, { t: 'unknown' }>;

export const unknown = (at: Pos, why: string): UnknownVal => ({ t: 'unknown', at, why });

/** A value that a deployment would refuse: reported as an error where it is used. */
export const wrong = (at: Pos, why: string): UnknownVal => ({ t: 'unknown', at, why, error: true });

/** Reports why a value cannot be read: a notice, or an error when the value is wrong. */
function unread(sink: AzureSink, value: UnknownVal): void {
  sink.problem(value.at, value.why, value.error ? 'error' : 'notice');
}

/** Expressions quoted in messages are cut, so that a message stays one readable line. */
export function quoteExpression(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return JSON.stringify(flat.length > 80 ? `${flat.slice(0, 77)}...` : flat);
}

export const computedWhy = (text: string): string =>
  `${quoteExpression(text)} is computed when deploying; the entries it yields are not checked`;

export const noDefaultWhy = (name: string): string =>
  `parameter "${name}" has no default value; the entries it holds are not checked`;

/** An object value over a plain record, for values given in the configuration. */
export function plainObject(record: Readonly<Record<string, Val>>, at: Pos): ObjVal {
  const keys = Object.keys(record);
  return {
    t: 'obj',
    at,
    keys: () => keys,
    get: (key) => {
      const lower = key.toLowerCase();
      const found = keys.find((k) => k.toLowerCase() === lower);
      return found === undefined ? undefined : record[found];
    },
  };
}

/** A JSON-like value from the configuration, placed where it is used. */
export function fromPlain(value: unknown, at: Pos, depth = 0): Val {
  if (depth > 32) return unknown(at, 'a configured value is nested too deeply');
  if (typeof value === 'string') return { t: 'str', v: value, at, literal: false };
  if (typeof value === 'number') return { t: 'num', v: value, at };
  if (typeof value === 'boolean') return { t: 'bool', v: value, at };
  if (value === null || value === undefined) return { t: 'null', at };
  if (Array.isArray(value)) {
    return { t: 'arr', items: value.map((v) => fromPlain(v, at, depth + 1)), at };
  }
  const record: Record<string, Val> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    record[k] = fromPlain(v, at, depth + 1);
  }
  return plainObject(record, at);
}

/** Largest loop or `range()` that is expanded; beyond it the value is reported as not read. */
export const MAX_ITEMS = 100_000;

/**
 * The functions that need no deployment, shared by both languages. Returns undefined for any
 * other function; the caller then reports the call as computed at deployment.
 */
export function pureCall(name: string, args: readonly Val[], at: Pos): Val | undefined {
  const first = args[0];
  switch (name.toLowerCase()) {
    case 'concat':
    case 'union': {
      if (args.length === 0) return undefined;
      if (args.every((a) => a.t === 'str')) {
        return {
          t: 'str',
          v: args.map((a) => (a.t === 'str' ? a.v : '')).join(''),
          at,
          literal: false,
        };
      }
      if (!args.some((a) => a.t === 'arr')) {
        // Nothing says whether strings or lists are joined: the reason to report is the first
        // mistake, else the first thing that needs a deployment.
        const unknowns = args.filter((a) => a.t === 'unknown');
        return unknowns.find((a) => a.error) ?? unknowns[0];
      }
      // An unknown argument stands for items that cannot be read; it stays in the list so that
      // whoever reads the list reports it where it was written.
      const items: Val[] = [];
      for (const a of args) {
        if (a.t === 'arr') items.push(...a.items);
        else if (a.t === 'unknown') items.push(a);
        else return undefined;
      }
      return { t: 'arr', items: name.toLowerCase() === 'union' ? dedupe(items) : items, at };
    }
    case 'createarray':
      return { t: 'arr', items: [...args], at };
    case 'array':
      if (!first) return undefined;
      return first.t === 'arr' || first.t === 'unknown' ? first : { t: 'arr', items: [first], at };
    case 'flatten': {
      if (first?.t !== 'arr') return first?.t === 'unknown' ? first : undefined;
      const items: Val[] = [];
      for (const item of first.items) {
        if (item.t === 'arr') items.push(...item.items);
        else items.push(item);
      }
      return { t: 'arr', items, at };
    }
    case 'tolower':
    case 'toupper':
    case 'trim':
    case 'string': {
      if (first?.t === 'unknown') return first;
      if (first?.t !== 'str') return undefined;
      const lower = name.toLowerCase();
      const v =
        lower === 'tolower'
          ? first.v.toLowerCase()
          : lower === 'toupper'
            ? first.v.toUpperCase()
            : lower === 'trim'
              ? first.v.trim()
              : first.v;
      return { t: 'str', v, at: first.at, literal: first.literal && v === first.v };
    }
    case 'length': {
      if (first?.t === 'arr') return { t: 'num', v: first.items.length, at };
      if (first?.t === 'str') return { t: 'num', v: first.v.length, at };
      return first?.t === 'unknown' ? first : undefined;
    }
    case 'range': {
      const [start, count] = args;
      if (start?.t === 'unknown') return start;
      if (count?.t === 'unknown') return count;
      if (start?.t !== 'num' || count?.t !== 'num') return undefined;
      if (count.v < 0 || count.v > MAX_ITEMS) return undefined;
      const items: Val[] = [];
      for (let i = 0; i < count.v; i++) items.push({ t: 'num', v: start.v + i, at });
      return { t: 'arr', items, at };
    }
    default:
      return undefined;
  }
}

function dedupe(items: readonly Val[]): Val[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    if (item.t !== 'str') return true;
    if (seen.has(item.v)) return false;
    seen.add(item.v);
    return true;
  });
}

/**
 * A value chosen by a condition that is not evaluated: a deployment may take either branch, so a
 * list holds the items of both, and anything else is known only when both branches agree.
 */
export function eitherBranch(a: Val, b: Val, at: Pos, why: string): Val {
  const listy = (v: Val) => v.t === 'arr' || v.t === 'unknown' || v.t === 'null';
  if ((a.t === 'arr' || b.t === 'arr') && listy(a) && listy(b)) {
    const items = [a, b].flatMap((v) => (v.t === 'arr' ? v.items : v.t === 'unknown' ? [v] : []));
    return { t: 'arr', items, at };
  }
  if (a.t === 'str' && b.t === 'str' && a.v.toLowerCase() === b.v.toLowerCase()) return a;
  if (a.t === 'unknown') return a;
  if (b.t === 'unknown') return b;
  return unknown(at, why);
}

// ── comments ────────────────────────────────────────────────────────────────

export interface SourceComment {
  readonly line: number;
  readonly endLine: number;
  readonly text: string;
  /** Nothing but whitespace precedes the comment on its line. */
  readonly ownLine: boolean;
}

/** Comments by line: the one after the code on a line, or the comment lines right above it. */
export class CommentIndex {
  readonly #trailing = new Map<number, string>();
  readonly #own = new Map<number, SourceComment>();
  readonly #cache = new Map<number, string | undefined>();

  constructor(comments: Iterable<SourceComment>) {
    for (const c of comments) {
      if (c.ownLine) this.#own.set(c.endLine, c);
      else {
        const before = this.#trailing.get(c.line);
        this.#trailing.set(c.line, before === undefined ? c.text : `${before}\n${c.text}`);
      }
    }
  }

  at(line: number): string | undefined {
    // Many entries can share a line; each line's comment is worked out once.
    if (this.#cache.has(line)) return this.#cache.get(line);
    const trailing = this.#trailing.get(line);
    let found: string | undefined;
    if (trailing !== undefined && isMeaningfulComment(trailing)) found = trailing;
    else {
      const above: string[] = [];
      for (let c = this.#own.get(line - 1); c; c = this.#own.get(c.line - 1)) {
        if (isMeaningfulComment(c.text)) above.push(c.text);
      }
      if (above.length > 0) found = above.reverse().join('\n');
    }
    this.#cache.set(line, found);
    return found;
  }
}

// ── reading the resources ───────────────────────────────────────────────────

/** Collects entries and problems, each once: a variable used by two resources is one entry. */
export class AzureSink {
  readonly entries: Entry[] = [];
  readonly problems: ParseProblem[] = [];
  readonly #seen = new Set<string>();

  constructor(
    readonly file: string,
    readonly comments: CommentIndex,
  ) {}

  location(at: Pos): SourceLocation {
    return { file: this.file, line: at.line, column: at.column };
  }

  entry(entry: Entry): void {
    const { location: l, ports } = entry;
    const value =
      entry.kind === 'host'
        ? entry.pattern.key()
        : entry.kind === 'ip'
          ? entry.block.key()
          : JSON.stringify(entry.reference);
    const portsKey = ports ? `${ports.tcp.key()}/${ports.udp.key()}` : '-';
    const key = `${entry.kind}|${l.line}:${l.column}|${value}|${portsKey}`;
    if (this.#seen.has(key)) return;
    this.#seen.add(key);
    this.entries.push(entry);
  }

  /** An empty message marks a value whose problem was reported already (a syntax error). */
  problem(at: Pos, message: string, severity: 'error' | 'warning' | 'notice', text?: string): void {
    if (message === '') return;
    const key = `${at.line}:${at.column}|${message}`;
    if (this.#seen.has(key)) return;
    this.#seen.add(key);
    this.problems.push({
      location: this.location(at),
      message,
      ...(text !== undefined ? { text } : {}),
      ...(severity !== 'error' ? { severity } : {}),
    });
  }

  /** The comment of a value, else the comment of the rule that holds it. */
  comment(at: Pos, rule?: Pos): string | undefined {
    return this.comments.at(at.line) ?? (rule ? this.comments.at(rule.line) : undefined);
  }
}

const MAX_DEPTH = 64;

/**
 * Finds the allowlists in resource bodies by their property names, wherever they sit: in
 * `Microsoft.Network/firewallPolicies/ruleCollectionGroups`, `Microsoft.Network/azureFirewalls`,
 * `Microsoft.Web/sites` (and `/config`, `/slots`), container apps, nested resources and module
 * parameters alike.
 */
export function collectAzureEntries(roots: Iterable<Val>, sink: AzureSink): void {
  for (const root of roots) walk(root, sink, 0);
}

function walk(value: Val | undefined, sink: AzureSink, depth: number): void {
  if (!value || depth > MAX_DEPTH) return;
  if (value.t === 'arr') {
    for (const item of value.items) walk(item, sink, depth + 1);
    return;
  }
  if (value.t !== 'obj') return;
  for (const key of value.keys()) {
    const child = value.get(key);
    switch (key.toLowerCase()) {
      case 'rulecollections':
        for (const c of list(child, key, sink)) policyCollection(c, sink);
        break;
      case 'applicationrulecollections':
        for (const c of list(child, key, sink)) classicCollection(c, 'application', sink);
        break;
      case 'networkrulecollections':
        for (const c of list(child, key, sink)) classicCollection(c, 'network', sink);
        break;
      case 'natrulecollections':
        // Inbound translation, not an allowlist of destinations.
        break;
      case 'ipsecurityrestrictions':
      case 'scmipsecurityrestrictions': {
        const restrictions = list(child, key, sink);
        const at = value.keyAt?.(key);
        if (at && restrictions.length > 0) {
          // Said once, because it changes what a "missing" finding means for this file.
          sink.problem(
            at,
            `"${key}" limits who may reach the app (inbound traffic); its addresses are compared as an allowlist`,
            'notice',
          );
        }
        for (const r of restrictions) restriction(r, sink);
        break;
      }
      default:
        walk(child, sink, depth + 1);
    }
  }
}

/** The items of a list property; an unknown list or item is a notice where it was written. */
function list(value: Val | undefined, name: string, sink: AzureSink): Val[] {
  return items(value, name, sink).items;
}

/** The items, and whether they are all that the list holds (nothing in it is unknown). */
function items(
  value: Val | undefined,
  name: string,
  sink: AzureSink,
): { items: Val[]; complete: boolean } {
  if (value === undefined || value.t === 'null') return { items: [], complete: true };
  if (value.t === 'unknown') {
    unread(sink, value);
    return { items: [], complete: false };
  }
  if (value.t !== 'arr') {
    sink.problem(value.at, `"${name}" must be an array, not ${describe(value)}`, 'error');
    return { items: [], complete: true };
  }
  const out: Val[] = [];
  let complete = true;
  for (const item of value.items) {
    if (item.t === 'unknown') {
      unread(sink, item);
      complete = false;
    } else out.push(item);
  }
  return { items: out, complete };
}

function describe(value: Val): string {
  switch (value.t) {
    case 'str':
      return JSON.stringify(value.v);
    case 'num':
    case 'bool':
      return String(value.v);
    case 'null':
      return 'null';
    case 'obj':
      return 'an object';
    case 'arr':
      return 'an array';
    default:
      return 'an unknown value';
  }
}

function text(value: Val | undefined): string | undefined {
  return value?.t === 'str' ? value.v : undefined;
}

/** Rule collections that deny or translate hold no allowed destinations. */
function allows(collection: ObjVal): boolean {
  const action = collection.get('action');
  const type = action?.t === 'obj' ? text(action.get('type')) : text(action);
  return type === undefined || type.toLowerCase() !== 'deny';
}

function policyCollection(collection: Val, sink: AzureSink): void {
  if (collection.t !== 'obj') return;
  const type = text(collection.get('ruleCollectionType'))?.toLowerCase() ?? '';
  if (type.includes('nat') || !allows(collection)) return;
  for (const rule of list(collection.get('rules'), 'rules', sink)) {
    if (rule.t !== 'obj') continue;
    const ruleType = text(rule.get('ruleType'))?.toLowerCase();
    if (ruleType === 'natrule') continue;
    const application =
      ruleType === 'applicationrule' ||
      (ruleType === undefined &&
        ['targetFqdns', 'fqdnTags', 'targetUrls', 'webCategories'].some((k) => rule.get(k)));
    if (application) applicationRule(rule, false, sink);
    else networkRule(rule, false, sink);
  }
}

function classicCollection(collection: Val, kind: 'application' | 'network', sink: AzureSink) {
  if (collection.t !== 'obj') return;
  const props = collection.get('properties');
  const body = props?.t === 'obj' ? props : collection;
  if (!allows(body)) return;
  for (const rule of list(body.get('rules'), 'rules', sink)) {
    if (rule.t !== 'obj') continue;
    if (kind === 'application') applicationRule(rule, true, sink);
    else networkRule(rule, true, sink);
  }
}

/** Ports of application protocols that do not name one. */
const DEFAULT_PORTS: Readonly<Record<string, number>> = { http: 80, https: 443, mssql: 1433 };

/**
 * Protocols that start in plain text and switch to TLS later. An application rule reads the host
 * from the HTTP request or the TLS handshake, so it never sees one in these.
 */
const STARTTLS_PORTS: Readonly<Record<number, string>> = {
  25: 'SMTP',
  110: 'POP3',
  143: 'IMAP',
  587: 'SMTP submission',
};

/**
 * TCP ports of an application rule's `protocols`; undefined when they cannot be known before
 * deployment. Malformed protocols are reported and allow nothing.
 */
function applicationPorts(rule: ObjVal, sink: AzureSink): PortSpec | undefined {
  const value = rule.get('protocols');
  if (value === undefined) return undefined;
  const { items: protocols, complete } = items(value, 'protocols', sink);
  let known = complete;
  const ports: number[] = [];
  for (const p of protocols) {
    if (p.t !== 'obj') {
      sink.problem(
        p.at,
        `a protocol must be an object with "protocolType" and "port", not ${describe(p)}`,
        'error',
      );
      continue;
    }
    const typeVal = p.get('protocolType');
    const portVal = p.get('port');
    if (typeVal?.t === 'unknown' || portVal?.t === 'unknown') {
      for (const v of [typeVal, portVal]) if (v?.t === 'unknown') unread(sink, v);
      known = false;
      continue;
    }
    const type = text(typeVal);
    const defaultPort = type === undefined ? undefined : DEFAULT_PORTS[type.toLowerCase()];
    if (defaultPort === undefined) {
      const found = typeVal ? describe(typeVal) : 'nothing';
      sink.problem(
        typeVal?.at ?? p.at,
        `unknown protocol type ${found} (expected Http, Https or Mssql)`,
        'error',
      );
      continue;
    }
    let port: number | undefined;
    if (portVal === undefined) port = defaultPort;
    else if (portVal.t === 'num') port = portVal.v;
    else if (portVal.t === 'str' && /^\d{1,5}$/.test(portVal.v)) port = Number(portVal.v);
    if (port === undefined || port > 65535 || !Number.isInteger(port) || port < 0) {
      sink.problem(
        portVal?.at ?? p.at,
        `"port" must be a port number, not ${portVal ? describe(portVal) : 'missing'}`,
        'error',
      );
      continue;
    }
    const starttls = STARTTLS_PORTS[port];
    if (starttls !== undefined) {
      sink.problem(
        portVal?.at ?? p.at,
        `"${type}" on port ${port} does not carry ${starttls}: an application rule needs HTTP or TLS from the first byte, and ${starttls} starts in plain text (STARTTLS)`,
        'warning',
        String(port),
      );
      continue;
    }
    ports.push(port);
  }
  return known ? { tcp: PortSet.fromNumbers(ports), udp: PortSet.EMPTY } : undefined;
}

function applicationRule(rule: ObjVal, classic: boolean, sink: AzureSink): void {
  const ports = applicationPorts(rule, sink);
  const at = rule.at;
  for (const v of list(rule.get('targetFqdns'), 'targetFqdns', sink)) host(v, ports, at, sink);
  for (const v of list(rule.get('targetUrls'), 'targetUrls', sink)) {
    if (v.t !== 'str') continue;
    const url = splitPath(v.v.trim());
    if (url.path !== undefined && url.path !== '/' && url.path !== '/*') {
      sink.problem(v.at, `the path of "${v.v}" is not compared, only its host`, 'notice', v.v);
    }
    host({ ...v, v: url.host }, ports, at, sink, v.v);
  }
  for (const v of list(rule.get('fqdnTags'), 'fqdnTags', sink)) {
    tag(v, 'fqdn-tag', classic, ports, at, sink);
  }
  for (const v of list(rule.get('webCategories'), 'webCategories', sink)) {
    if (v.t === 'str') {
      sink.problem(v.at, `web category "${v.v}" is not compared`, 'notice', v.v);
    }
  }
  for (const v of list(rule.get('destinationAddresses'), 'destinationAddresses', sink)) {
    address(v, ports, at, sink, classic);
  }
}

function networkRule(rule: ObjVal, classic: boolean, sink: AzureSink): void {
  const ports = networkPorts(rule, classic ? 'protocols' : 'ipProtocols', sink);
  const at = rule.at;
  for (const v of list(rule.get('destinationAddresses'), 'destinationAddresses', sink)) {
    address(v, ports, at, sink, classic);
  }
  for (const v of list(rule.get('destinationFqdns'), 'destinationFqdns', sink)) {
    host(v, ports, at, sink);
  }
  for (const v of list(rule.get('destinationIpGroups'), 'destinationIpGroups', sink)) {
    if (v.t === 'str') {
      sink.problem(v.at, `the addresses of IP group "${v.v}" are not read`, 'notice', v.v);
    }
  }
}

/**
 * Ports of a network rule: its protocols (TCP, UDP, Any, ICMP) times its destination ports;
 * undefined when they cannot be known before deployment. Malformed values allow nothing.
 */
function networkPorts(rule: ObjVal, protocolKey: string, sink: AzureSink): PortSpec | undefined {
  const protocolsVal = rule.get(protocolKey);
  const portsVal = rule.get('destinationPorts');
  if (protocolsVal === undefined || portsVal === undefined) return undefined;
  let tcp = false;
  let udp = false;
  const protocols = items(protocolsVal, protocolKey, sink);
  for (const p of protocols.items) {
    const name = text(p)?.toLowerCase();
    if (name === 'tcp') tcp = true;
    else if (name === 'udp') udp = true;
    else if (name === 'any') tcp = udp = true;
    else if (name !== 'icmp') {
      sink.problem(
        p.at,
        `unknown protocol ${describe(p)} (expected TCP, UDP, ICMP or Any)`,
        'error',
      );
    }
  }
  let set = PortSet.EMPTY;
  const ports = items(portsVal, 'destinationPorts', sink);
  for (const p of ports.items) {
    const written = p.t === 'str' ? p.v : p.t === 'num' ? String(p.v) : undefined;
    const parsed = written === undefined ? undefined : PortSet.parse(written);
    if (!parsed?.ok) {
      const message = parsed
        ? parsed.error
        : `a destination port must be a string, not ${describe(p)}`;
      sink.problem(p.at, message, 'error', written);
      continue;
    }
    set = set.union(parsed.value);
  }
  if (!protocols.complete || !ports.complete) return undefined;
  return { tcp: tcp ? set : PortSet.EMPTY, udp: udp ? set : PortSet.EMPTY };
}

function host(
  v: Val,
  ports: PortSpec | undefined,
  rule: Pos,
  sink: AzureSink,
  written?: string,
): void {
  if (v.t !== 'str') {
    sink.problem(v.at, `a host name must be a string, not ${describe(v)}`, 'error');
    return;
  }
  const entryText = written ?? v.v.trim();
  const pattern = HostPattern.parse(v.v);
  const location = sink.location(v.at);
  if (!pattern.ok) {
    sink.problem(v.at, pattern.error, 'error', entryText);
    return;
  }
  sink.entry({
    kind: 'host',
    text: entryText,
    location,
    pattern: pattern.value,
    ports,
    comment: sink.comment(v.at, rule),
  });
}

function tag(
  v: Val,
  context: 'fqdn-tag' | 'service-tag',
  classic: boolean,
  ports: PortSpec | undefined,
  rule: Pos,
  sink: AzureSink,
  /** What else the field could have held, for the message when it is not a tag. */
  instead?: 'rule-address' | 'address',
): void {
  if (v.t !== 'str') {
    sink.problem(v.at, `a tag must be a string, not ${describe(v)}`, 'error');
    return;
  }
  const name = v.v.trim();
  const what = context === 'fqdn-tag' ? 'FQDN tag' : 'service tag';
  const found = classifyReference(name, context);
  if (found === undefined) {
    const message =
      instead === 'rule-address'
        ? `"${name}" is not an address or a service tag (host names go in destinationFqdns)`
        : instead === 'address'
          ? `"${name}" is not an address or a service tag`
          : context === 'fqdn-tag'
            ? `"${name}" is not an FQDN tag`
            : `"${name}" is not a service tag`;
    sink.problem(v.at, message, 'error', name);
    return;
  }
  if (found.kind === 'invalid') {
    sink.problem(v.at, found.message, 'error', name);
    return;
  }
  if (found.kind === 'other-tag') {
    sink.problem(v.at, found.note, 'notice', name);
    return;
  }
  if (classic) {
    sink.problem(
      v.at,
      `${what} "${name}" works only in firewall policy rules, not in classic rule collections; it allows nothing here`,
      'warning',
      name,
    );
    return;
  }
  sink.entry({
    kind: 'reference',
    text: name,
    location: sink.location(v.at),
    reference: found.reference,
    ports,
    comment: sink.comment(v.at, rule),
  });
}

const ANY_V4 = parseIpBlock('0.0.0.0/0');
const ANY_V6 = parseIpBlock('::/0');

/**
 * An address field: addresses, prefixes, ranges, `*`, or service tags. `restriction` is the
 * access restriction that holds the address (which may give a subnet mask), if it is one.
 */
function address(
  v: Val,
  ports: PortSpec | undefined,
  rule: Pos,
  sink: AzureSink,
  classic: boolean,
  restriction?: ObjVal,
): void {
  const inRule = restriction === undefined;
  const subnetMask = restriction?.get('subnetMask');
  if (v.t !== 'str') {
    sink.problem(v.at, `an address must be a string, not ${describe(v)}`, 'error');
    return;
  }
  const written = v.v.trim();
  const comment = sink.comment(v.at, rule);
  const location = sink.location(v.at);
  if (written === '*' || written.toLowerCase() === 'any') {
    for (const any of [ANY_V4, ANY_V6]) {
      if (any.ok)
        sink.entry({ kind: 'ip', text: written, location, block: any.value, ports, comment });
    }
    return;
  }
  if (!/^[\d.:/a-fA-F\s-]+$/.test(written) || !/[\d:]/.test(written)) {
    tag(v, 'service-tag', classic, ports, rule, sink, inRule ? 'rule-address' : 'address');
    return;
  }
  let cidr = written;
  if (subnetMask?.t === 'str' && !written.includes('/')) {
    const length = maskLength(subnetMask.v.trim());
    if (length === undefined) {
      sink.problem(subnetMask.at, `"${subnetMask.v}" is not a subnet mask`, 'error', subnetMask.v);
      return;
    }
    cidr = `${written}/${length}`;
  }
  const block = parseIpBlock(cidr);
  if (!block.ok) {
    sink.problem(v.at, block.error, 'error', written);
    return;
  }
  sink.entry({ kind: 'ip', text: written, location, block: block.value, ports, comment });
}

/** `255.255.240.0` → 20; undefined unless the mask is contiguous ones. */
function maskLength(mask: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(mask);
  if (!m) return undefined;
  const octets = m.slice(1).map(Number);
  if (octets.some((o) => o > 255)) return undefined;
  const bits = octets.map((o) => o.toString(2).padStart(8, '0')).join('');
  return /^1*0*$/.test(bits) ? (bits.indexOf('0') === -1 ? 32 : bits.indexOf('0')) : undefined;
}

/**
 * An App Service / Functions / Container Apps access restriction. `Deny` rules and subnet rules
 * allow no internet destination; `ServiceTag` rules name service tags, possibly several.
 */
function restriction(r: Val, sink: AzureSink): void {
  if (r.t !== 'obj') return;
  const action = text(r.get('action'));
  if (action !== undefined && action.toLowerCase() === 'deny') return;
  const addressVal = r.get('ipAddress') ?? r.get('ipAddressRange');
  if (addressVal === undefined || addressVal.t === 'null') return;
  if (addressVal.t === 'unknown') {
    unread(sink, addressVal);
    return;
  }
  const tagKind = text(r.get('tag'))?.toLowerCase();
  if (addressVal.t !== 'str') {
    sink.problem(
      addressVal.at,
      `"ipAddress" must be a string, not ${describe(addressVal)}`,
      'error',
    );
    return;
  }
  // Access restrictions take several service tags or addresses separated by commas.
  const parts = splitCommas(addressVal);
  for (const part of parts) {
    if (tagKind === 'servicetag') tag(part, 'service-tag', false, undefined, r.at, sink);
    else address(part, undefined, r.at, sink, false, r);
  }
}

function splitCommas(v: Extract<Val, { t: 'str' }>): Extract<Val, { t: 'str' }>[] {
  if (!v.v.includes(',')) return [v];
  const out: Extract<Val, { t: 'str' }>[] = [];
  let offset = 0;
  for (const raw of v.v.split(',')) {
    const lead = raw.length - raw.trimStart().length;
    if (raw.trim() !== '') {
      const at = v.literal ? { line: v.at.line, column: v.at.column + offset + lead } : v.at;
      out.push({ t: 'str', v: raw.trim(), at, literal: v.literal });
    }
    offset += raw.length + 1;
  }
  return out;
}

// ── the ARM template format ─────────────────────────────────────────────────

const CAPABILITIES: FormatCapabilities = {
  hosts: true,
  ips: true,
  ipv6: true,
  ports: true,
  protocols: true,
  comments: true,
};

const SAMPLE_CHARS = 64 * 1024;
const TEMPLATE_SCHEMA =
  /"\$schema"\s*:\s*"https?:\/\/schema\.management\.azure\.com\/schemas\/[^"]*deploymentTemplate\.json/i;
const RESOURCE_TYPE = /"type"\s*:\s*"Microsoft\.[A-Za-z]+\/[^"]+"/i;

function detect(file: SourceFile): number {
  const path = file.path.toLowerCase();
  if (!path.endsWith('.json') && !path.endsWith('.jsonc')) return 0;
  const head = file.text.slice(0, SAMPLE_CHARS);
  if (TEMPLATE_SCHEMA.test(head)) return 10;
  return /"resources"\s*:/.test(head) && /"apiVersion"\s*:/.test(head) && RESOURCE_TYPE.test(head)
    ? 6
    : 0;
}

/**
 * Blanks out `//` and `/* *\/` comments (which ARM templates may carry) so that the JSON parser
 * sees plain JSON at unchanged offsets, and returns them for attaching to entries.
 */
export function stripJsonComments(text: string): {
  json: string;
  comments: SourceComment[];
  /** Where a block comment starts that never ends. */
  unterminated?: Pos;
} {
  const comments: SourceComment[] = [];
  let unterminated: Pos | undefined;
  let out = '';
  let copied = 0;
  let line = 1;
  let lineStart = 0;
  let codeOnLine = false;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      lineStart = i + 1;
      codeOnLine = false;
    } else if (c === 34) {
      codeOnLine = true;
      for (i++; i < n; i++) {
        const d = text.charCodeAt(i);
        if (d === 92) i++;
        else if (d === 34 || d === 10) break;
      }
      if (text.charCodeAt(i) === 10) i--;
    } else if (c === 47 && (text.charCodeAt(i + 1) === 47 || text.charCodeAt(i + 1) === 42)) {
      const block = text.charCodeAt(i + 1) === 42;
      const close = block ? text.indexOf('*/', i + 2) : -1;
      const newline = text.indexOf('\n', i);
      const end = block ? (close < 0 ? n : close + 2) : newline < 0 ? n : newline;
      const body = text.slice(i + 2, block && close >= 0 ? close : end);
      const startLine = line;
      if (block && close < 0) unterminated = { line, column: i - lineStart + 1 };
      out += text.slice(copied, i) + text.slice(i, end).replace(/[^\n]/g, ' ');
      copied = end;
      for (let j = i; j < end; j++) {
        if (text.charCodeAt(j) === 10) {
          line++;
          lineStart = j + 1;
        }
      }
      comments.push({
        line: startLine,
        endLine: line,
        text: body.replace(/^[ \t]*(?:\*+[ \t]?)?/gm, '').trim(),
        ownLine: !codeOnLine,
      });
      if (line !== startLine) codeOnLine = false;
      i = end - 1;
    } else if (c !== 32 && c !== 9 && c !== 13) {
      codeOnLine = true;
    }
  }
  const json = copied === 0 ? text : out + text.slice(copied);
  return unterminated ? { json, comments, unterminated } : { json, comments };
}

/**
 * Line starts of the text, for positions of nodes. The YAML parser's own counter is not used: after
 * a syntax error it can skip lines, and a position must never point outside the text.
 */
class LineIndex {
  readonly #starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1))
      this.#starts.push(i + 1);
  }

  position(offset: number): Pos {
    const starts = this.#starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  }
}

interface Scope {
  /** Copy loop indices by loop name; '' is the resource's own loop. */
  readonly copies: ReadonlyMap<string, number>;
}
const ROOT_SCOPE: Scope = { copies: new Map() };

// ── JSON with positions ─────────────────────────────────────────────────────

/** A JSON value with the offset where it starts (the opening quote of a string). */
type JNode =
  | { readonly k: 'obj'; readonly start: number; readonly pairs: readonly JPair[] }
  | { readonly k: 'arr'; readonly start: number; readonly items: readonly JNode[] }
  | {
      readonly k: 'str';
      readonly start: number;
      readonly v: string;
      /** Written in quotes, so the value starts one character later. */
      readonly quoted: boolean;
      /** Written exactly as its value: no escapes. */
      readonly literal: boolean;
    }
  | { readonly k: 'num'; readonly start: number; readonly v: number }
  | { readonly k: 'bool'; readonly start: number; readonly v: boolean }
  | { readonly k: 'null'; readonly start: number };

interface JPair {
  readonly key: string;
  /** The key in lower case: Azure compares property names case-insensitively. */
  readonly lower: string;
  readonly keyNode: JNode;
  readonly value: JNode;
}

/** Deeper than this, a value is read as null: no template nests so deep, and recursion is bounded. */
const MAX_JSON_DEPTH = 256;

/**
 * Reads text that `JSON.parse` accepted into nodes with offsets. A few times faster than a YAML
 * parser on large templates, which matters because generated templates run to tens of thousands
 * of lines.
 */
function readJson(text: string, duplicate: (key: JNode & { k: 'str' }) => void): JNode {
  let i = 0;
  const space = () => {
    for (let c = text.charCodeAt(i); c === 32 || c === 9 || c === 10 || c === 13;) {
      c = text.charCodeAt(++i);
    }
  };
  const string = (): JNode & { k: 'str' } => {
    const start = i;
    let escaped = false;
    for (i++; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 92) {
        escaped = true;
        i++;
      } else if (c === 34) break;
    }
    i++;
    const raw = text.slice(start, i);
    const v = escaped ? (JSON.parse(raw) as string) : raw.slice(1, -1);
    return { k: 'str', start, v, quoted: true, literal: !escaped };
  };
  const value = (depth: number): JNode => {
    space();
    const start = i;
    const c = text[i];
    if (c === '"') return string();
    if (c === '{' || c === '[') {
      if (depth > MAX_JSON_DEPTH) {
        skipNested();
        return { k: 'null', start };
      }
      i++;
      space();
      if (c === '[') {
        const items: JNode[] = [];
        while (text[i] !== ']' && i < text.length) {
          items.push(value(depth + 1));
          space();
          if (text[i] === ',') i++;
          space();
        }
        i++;
        return { k: 'arr', start, items };
      }
      const pairs: JPair[] = [];
      // Azure compares property names case-insensitively, so `Name` repeats `name`.
      const seen = new Set<string>();
      while (text[i] !== '}' && i < text.length) {
        space();
        const keyNode = string();
        const lower = keyNode.v.toLowerCase();
        if (seen.has(lower)) duplicate(keyNode);
        seen.add(lower);
        space();
        i++; // ':'
        pairs.push({ key: keyNode.v, lower, keyNode, value: value(depth + 1) });
        space();
        if (text[i] === ',') i++;
        space();
      }
      i++;
      return { k: 'obj', start, pairs };
    }
    if (text.startsWith('true', i) || text.startsWith('false', i)) {
      const v = c === 't';
      i += v ? 4 : 5;
      return { k: 'bool', start, v };
    }
    if (text.startsWith('null', i)) {
      i += 4;
      return { k: 'null', start };
    }
    JSON_NUMBER.lastIndex = i;
    const m = JSON_NUMBER.exec(text);
    i = m ? JSON_NUMBER.lastIndex : i + 1;
    return { k: 'num', start, v: m ? Number(m[0]) : 0 };
  };
  /** Past a container too deep to read, counting brackets outside strings. */
  const skipNested = () => {
    let depth = 0;
    for (; i < text.length; i++) {
      const c = text[i];
      if (c === '"') {
        string();
        i--;
      } else if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') {
        if (--depth === 0) {
          i++;
          return;
        }
      }
    }
  };
  return value(0);
}

const JSON_NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** The document a YAML parser made of broken JSON, as nodes: its best guess, read quietly. */
function fromYaml(node: unknown, text: string, depth = 0): JNode {
  const start = (node as Node | undefined)?.range?.[0] ?? 0;
  if (depth > MAX_JSON_DEPTH) return { k: 'null', start };
  if (isScalar(node)) {
    const v = node.value;
    if (typeof v === 'string') {
      const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
      const end = node.range?.[1] ?? start;
      return { k: 'str', start, v, quoted, literal: text.slice(start + 1, end - 1) === v };
    }
    if (typeof v === 'number') return { k: 'num', start, v };
    if (typeof v === 'boolean') return { k: 'bool', start, v };
    return { k: 'null', start };
  }
  if (isSeq(node)) {
    return { k: 'arr', start, items: node.items.map((n) => fromYaml(n, text, depth + 1)) };
  }
  if (isMap(node)) {
    const pairs = (node as YAMLMap).items.map((pair: Pair) => {
      const keyNode = fromYaml(pair.key, text, depth + 1);
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      return {
        key,
        lower: key.toLowerCase(),
        keyNode,
        value: fromYaml(pair.value, text, depth + 1),
      };
    });
    return { k: 'obj', start, pairs };
  }
  return { k: 'null', start };
}

function member(node: JNode | undefined, key: string): JNode | undefined {
  if (node?.k !== 'obj') return undefined;
  const lower = key.toLowerCase();
  return node.pairs.findLast((p) => p.lower === lower)?.value;
}

// ── templates ───────────────────────────────────────────────────────────────

/** A template's parameters and variables, and the conversion of its nodes into values. */
class Template {
  readonly #params = new Map<string, JNode | null>();
  readonly #variables = new Map<string, JNode>();
  readonly #variableCopies = new Map<string, JNode>();
  readonly #memo = new Map<string, Val>();
  readonly #busy = new Set<string>();
  readonly #settings: Readonly<Record<string, unknown>> | undefined;

  constructor(
    readonly lines: LineIndex,
    root: JNode & { k: 'obj' },
    settings: Readonly<Record<string, unknown>> | undefined,
  ) {
    const parameters = settings?.parameters;
    this.#settings =
      parameters !== null && typeof parameters === 'object' && !Array.isArray(parameters)
        ? (parameters as Record<string, unknown>)
        : undefined;
    const params = member(root, 'parameters');
    if (params?.k === 'obj') {
      for (const pair of params.pairs) {
        this.#params.set(pair.key.toLowerCase(), member(pair.value, 'defaultValue') ?? null);
      }
    }
    const variables = member(root, 'variables');
    if (variables?.k === 'obj') {
      for (const pair of variables.pairs) {
        if (pair.key.toLowerCase() === 'copy' && pair.value.k === 'arr') {
          for (const loop of pair.value.items) {
            const loopName = member(loop, 'name');
            if (loopName?.k === 'str') this.#variableCopies.set(loopName.v.toLowerCase(), loop);
          }
        } else {
          this.#variables.set(pair.key.toLowerCase(), pair.value);
        }
      }
    }
  }

  position(node: JNode | undefined): Pos {
    if (!node) return { line: 1, column: 1 };
    const pos = this.lines.position(node.start);
    return node.k === 'str' && node.quoted ? { line: pos.line, column: pos.column + 1 } : pos;
  }

  value(node: JNode | undefined, scope: Scope, depth = 0): Val {
    const at = this.position(node);
    if (!node) return { t: 'null', at };
    if (depth > MAX_DEPTH) return unknown(at, 'the template is nested too deeply to read');
    switch (node.k) {
      case 'str':
        if (node.v.startsWith('[[')) return { t: 'str', v: node.v.slice(1), at, literal: false };
        if (node.v.startsWith('[') && node.v.endsWith(']')) {
          return this.expression(node.v.slice(1, -1), at, scope);
        }
        return { t: 'str', v: node.v, at, literal: node.literal };
      case 'num':
        return { t: 'num', v: node.v, at };
      case 'bool':
        return { t: 'bool', v: node.v, at };
      case 'null':
        return { t: 'null', at };
      case 'arr':
        return {
          t: 'arr',
          items: node.items.map((item) => this.value(item, scope, depth + 1)),
          at,
        };
      case 'obj':
        return this.object(node, at, scope, depth);
    }
  }

  /**
   * An object whose properties are evaluated when first asked for; small, because generated
   * templates hold tens of thousands of objects.
   */
  private object(node: JNode & { k: 'obj' }, at: Pos, scope: Scope, depth: number): ObjVal {
    const pairs = node.pairs;
    const values: (Val | undefined)[] = [];
    // Property copy loops: `"copy": [{"name": "rules", "count": ..., "input": {...}}]` makes
    // the property `rules`.
    let loops: Map<string, { name: string; loop: JNode; value?: Val }> | undefined;
    const isLoops = (p: JPair) => p.lower === 'copy' && p.value.k === 'arr';
    for (const pair of pairs) {
      if (!isLoops(pair) || pair.value.k !== 'arr') continue;
      for (const loop of pair.value.items) {
        const loopName = member(loop, 'name');
        if (loopName?.k !== 'str') continue;
        loops ??= new Map();
        loops.set(loopName.v.toLowerCase(), { name: loopName.v, loop });
      }
    }
    // Small objects are searched; large ones (thousands of settings) get an index once.
    let index: Map<string, number> | undefined;
    const find = (lower: string): number => {
      if (pairs.length <= 16) return pairs.findLastIndex((p) => p.lower === lower && !isLoops(p));
      if (!index) {
        index = new Map();
        pairs.forEach((p, i) => {
          if (!isLoops(p)) index!.set(p.lower, i);
        });
      }
      return index.get(lower) ?? -1;
    };
    let keys: string[] | undefined;
    return {
      t: 'obj',
      at,
      keys: () =>
        (keys ??= [
          ...pairs.filter((p) => !isLoops(p)).map((p) => p.key),
          ...[...(loops?.values() ?? [])].map((l) => l.name),
        ]),
      get: (key) => {
        const lower = key.toLowerCase();
        const i = find(lower);
        if (i >= 0) return (values[i] ??= this.value(pairs[i]!.value, scope, depth + 1));
        const loop = loops?.get(lower);
        if (!loop) return undefined;
        return (loop.value ??= this.copyLoop(loop.loop, scope, depth));
      },
      keyAt: (key) => {
        const lower = key.toLowerCase();
        const i = find(lower);
        if (i >= 0) return this.position(pairs[i]!.keyNode);
        const loop = loops?.get(lower);
        return loop ? this.position(member(loop.loop, 'name')) : undefined;
      },
    };
  }

  copyLoop(loop: JNode, scope: Scope, depth: number): Val {
    const at = this.position(loop);
    const nameNode = member(loop, 'name');
    const name = nameNode?.k === 'str' ? nameNode.v : '';
    const count = this.value(member(loop, 'count'), scope, depth + 1);
    if (count.t === 'unknown') return count;
    if (count.t !== 'num' || count.v < 0 || count.v > MAX_ITEMS) {
      return unknown(
        count.at,
        `the count of copy loop "${name}" cannot be read; its entries are not checked`,
      );
    }
    const input = member(loop, 'input');
    const items: Val[] = [];
    for (let i = 0; i < count.v; i++) {
      const copies = new Map(scope.copies);
      copies.set(name.toLowerCase(), i);
      items.push(this.value(input, { copies }, depth + 1));
    }
    return { t: 'arr', items, at };
  }

  /** The resources to read, each copy of a resource loop on its own. */
  resources(root: JNode): Val[] {
    const node = member(root, 'resources');
    const nodes =
      node?.k === 'arr' ? node.items : node?.k === 'obj' ? node.pairs.map((p) => p.value) : [];
    const out: Val[] = [];
    for (const resource of nodes) {
      const loop = member(resource, 'copy');
      if (loop?.k !== 'obj') {
        out.push(this.value(resource, ROOT_SCOPE));
        continue;
      }
      const nameNode = member(loop, 'name');
      const name = nameNode?.k === 'str' ? nameNode.v.toLowerCase() : '';
      const count = this.value(member(loop, 'count'), ROOT_SCOPE);
      if (count.t !== 'num' || count.v < 0 || count.v > MAX_ITEMS) {
        // Read once with an unknown index: literal rules still count.
        out.push(this.value(resource, ROOT_SCOPE));
        continue;
      }
      for (let i = 0; i < count.v; i++) {
        const copies = new Map([
          [name, i],
          ['', i],
        ]);
        out.push(this.value(resource, { copies }));
      }
    }
    return out;
  }

  private parameter(name: string, at: Pos): Val {
    const lower = name.toLowerCase();
    if (this.#settings) {
      const key = Object.keys(this.#settings).find((k) => k.toLowerCase() === lower);
      if (key !== undefined) return fromPlain(this.#settings[key], at);
    }
    if (!this.#params.has(lower)) return wrong(at, `parameter "${name}" is not declared`);
    const node = this.#params.get(lower);
    if (node === null || node === undefined) return unknown(at, noDefaultWhy(name));
    return this.memoised(`parameter "${name}"`, at, () => this.value(node, ROOT_SCOPE));
  }

  private variable(name: string, at: Pos): Val {
    const lower = name.toLowerCase();
    const loop = this.#variableCopies.get(lower);
    const key = `variable "${name}"`;
    if (loop) return this.memoised(key, at, () => this.copyLoop(loop, ROOT_SCOPE, 0));
    if (!this.#variables.has(lower)) return wrong(at, `variable "${name}" is not declared`);
    const node = this.#variables.get(lower);
    return this.memoised(key, at, () => this.value(node, ROOT_SCOPE));
  }

  /** Each variable and parameter is evaluated once; a chain of them is bounded like nesting. */
  private memoised(key: string, at: Pos, compute: () => Val): Val {
    const done = this.#memo.get(key);
    if (done) return done;
    if (this.#busy.has(key)) return unknown(at, `${key} refers to itself`);
    if (this.#busy.size >= MAX_DEPTH) {
      return unknown(at, `${key} is defined through too many other values to read`);
    }
    this.#busy.add(key);
    const value = compute();
    this.#busy.delete(key);
    this.#memo.set(key, value);
    return value;
  }

  private expression(source: string, at: Pos, scope: Scope): Val {
    let ast: Ax;
    try {
      ast = new ExpressionParser(source).parse();
    } catch (e) {
      if (!(e instanceof ExpressionError)) throw e;
      return wrong(at, `${quoteExpression(`[${source}]`)} is not a valid expression: ${e.message}`);
    }
    return this.evaluate(ast, at, scope, `[${source}]`);
  }

  private evaluate(ax: Ax, at: Pos, scope: Scope, source: string): Val {
    switch (ax.k) {
      case 'str':
        return { t: 'str', v: ax.v, at, literal: false };
      case 'num':
        return { t: 'num', v: ax.v, at };
      case 'member': {
        const obj = this.evaluate(ax.obj, at, scope, source);
        if (obj.t === 'unknown') return obj;
        return (obj.t === 'obj' ? obj.get(ax.name) : undefined) ?? unknown(at, computedWhy(source));
      }
      case 'index': {
        const obj = this.evaluate(ax.obj, at, scope, source);
        const index = this.evaluate(ax.index, at, scope, source);
        if (obj.t === 'unknown') return obj;
        if (index.t === 'unknown') return index;
        if (obj.t === 'arr' && index.t === 'num')
          return obj.items[index.v] ?? unknown(at, computedWhy(source));
        if (obj.t === 'obj' && index.t === 'str')
          return obj.get(index.v) ?? unknown(at, computedWhy(source));
        return unknown(at, computedWhy(source));
      }
      case 'call': {
        const name = ax.name.toLowerCase();
        if (name === 'true' || name === 'false') return { t: 'bool', v: name === 'true', at };
        if (name === 'null') return { t: 'null', at };
        if (name === 'if' && ax.args.length === 3) {
          const [, a, b] = ax.args.map((arg) => this.evaluate(arg, at, scope, source));
          return eitherBranch(a!, b!, at, computedWhy(source));
        }
        if (name === 'copyindex') {
          const first = ax.args[0];
          const loop = first?.k === 'str' ? first.v.toLowerCase() : '';
          const offsetAx = first?.k === 'str' ? ax.args[1] : first;
          const offset = offsetAx?.k === 'num' ? offsetAx.v : 0;
          const index = scope.copies.get(loop);
          return index === undefined
            ? unknown(at, computedWhy(source))
            : { t: 'num', v: index + offset, at };
        }
        const args = ax.args.map((arg) => this.evaluate(arg, at, scope, source));
        const first = args[0];
        if ((name === 'parameters' || name === 'variables') && first?.t === 'str') {
          return name === 'parameters' ? this.parameter(first.v, at) : this.variable(first.v, at);
        }
        return pureCall(name, args, at) ?? unknown(at, computedWhy(source));
      }
    }
  }
}

// ── ARM template expressions ────────────────────────────────────────────────

type Ax =
  | { readonly k: 'str'; readonly v: string }
  | { readonly k: 'num'; readonly v: number }
  | { readonly k: 'call'; readonly name: string; readonly args: readonly Ax[] }
  | { readonly k: 'member'; readonly obj: Ax; readonly name: string }
  | { readonly k: 'index'; readonly obj: Ax; readonly index: Ax };

class ExpressionError extends Error {}

/** `concat(parameters('a'), variables('b'))[0].name`: calls, strings, numbers, members, indexes. */
class ExpressionParser {
  #i = 0;
  #depth = 0;
  constructor(readonly s: string) {}

  parse(): Ax {
    const ax = this.expr();
    this.space();
    if (this.#i < this.s.length) throw new ExpressionError(`unexpected "${this.s[this.#i]}"`);
    return ax;
  }

  private space(): void {
    while (this.#i < this.s.length && /\s/.test(this.s[this.#i]!)) this.#i++;
  }

  private expect(c: string): void {
    this.space();
    if (this.s[this.#i] !== c) {
      const found = this.#i < this.s.length ? `"${this.s[this.#i]}"` : 'the end';
      throw new ExpressionError(`expected "${c}", found ${found}`);
    }
    this.#i++;
  }

  private expr(): Ax {
    if (++this.#depth > 100) throw new ExpressionError('nested too deeply');
    let ax = this.primary();
    for (;;) {
      this.space();
      const c = this.s[this.#i];
      if (c === '.') {
        this.#i++;
        ax = { k: 'member', obj: ax, name: this.identifier() };
      } else if (c === '[') {
        this.#i++;
        const index = this.expr();
        this.expect(']');
        ax = { k: 'index', obj: ax, index };
      } else break;
    }
    this.#depth--;
    return ax;
  }

  private identifier(): string {
    this.space();
    const m = /^[A-Za-z_$][\w$]*/.exec(this.s.slice(this.#i, this.#i + 200));
    if (!m) throw new ExpressionError('expected a name');
    this.#i += m[0].length;
    return m[0];
  }

  private primary(): Ax {
    this.space();
    const c = this.s[this.#i];
    if (c === "'") {
      let v = '';
      for (this.#i++; ; this.#i++) {
        if (this.#i >= this.s.length) throw new ExpressionError('unterminated string');
        if (this.s[this.#i] === "'") {
          if (this.s[this.#i + 1] !== "'") break;
          this.#i++;
        }
        v += this.s[this.#i];
      }
      this.#i++;
      return { k: 'str', v };
    }
    const num = /^-?\d+/.exec(this.s.slice(this.#i, this.#i + 20));
    if (num) {
      this.#i += num[0].length;
      return { k: 'num', v: Number(num[0]) };
    }
    let name = this.identifier();
    // Namespaced user functions: `ns.fn(...)`.
    while (this.s[this.#i] === '.' && /[A-Za-z_]/.test(this.s[this.#i + 1] ?? '')) {
      const save = this.#i;
      this.#i++;
      const next = this.identifier();
      this.space();
      if (this.s[this.#i] !== '(') {
        this.#i = save;
        break;
      }
      name = `${name}.${next}`;
    }
    this.expect('(');
    const args: Ax[] = [];
    this.space();
    if (this.s[this.#i] === ')') this.#i++;
    else {
      for (;;) {
        args.push(this.expr());
        this.space();
        if (this.s[this.#i] === ',') {
          this.#i++;
          continue;
        }
        this.expect(')');
        break;
      }
    }
    return { k: 'call', name, args };
  }
}

// ── parse ───────────────────────────────────────────────────────────────────

function parseArm(file: SourceFile, options?: ParseOptions): ParsedFile {
  const entries: Entry[] = [];
  const problems: ParseProblem[] = [];
  const result = { path: file.path, format: 'arm', entries, problems };
  const notText = notTextProblem(file);
  if (notText) {
    problems.push(notText);
    return result;
  }
  const text = withoutBom(file.text);
  const { json, comments, unterminated } = stripJsonComments(text);
  const at = (pos: { line: number; column: number }): SourceLocation => ({
    file: file.path,
    ...pos,
  });

  let syntax = false;
  if (unterminated) {
    syntax = true;
    problems.push({ location: at(unterminated), message: 'unterminated comment' });
  }
  try {
    if (!syntax) JSON.parse(json);
  } catch {
    const error = jsonSyntaxError(json);
    if (error) {
      syntax = true;
      problems.push({
        location: at(positionOf(json, error.offset)),
        message: `invalid JSON: ${error.message}`,
      });
    }
  }
  const lines = new LineIndex(json);
  let root: JNode;
  if (syntax) root = fromYaml(parsePositioned(json).doc.contents, json);
  else {
    root = readJson(json, (key) => {
      syntax = true;
      problems.push({
        location: at(lines.position(key.start + 1)),
        message: `duplicate key "${key.v}"`,
      });
    });
  }
  if (root.k !== 'obj') {
    if (!syntax) {
      problems.push({
        location: at({ line: 1, column: 1 }),
        message: 'an ARM template must be an object with "resources"',
      });
    }
    return result;
  }
  const sink = new AzureSink(file.path, new CommentIndex(comments));
  const template = new Template(lines, root, options?.settings);
  collectAzureEntries(template.resources(root), sink);
  entries.push(...sink.entries);
  // After a syntax error the document is a guess: keep the entries that make sense, but do not
  // lecture about the shape of text the parser had to invent.
  if (!syntax) problems.push(...sink.problems);
  problems.sort(
    (a, b) => a.location.line - b.location.line || a.location.column - b.location.column,
  );
  return result;
}

/**
 * Azure Resource Manager template (JSON, comments allowed): Azure Firewall policy rule collection
 * groups and classic rule collections (`targetFqdns`, `fqdnTags`, `destinationAddresses`,
 * `destinationFqdns`, `destinationPorts`, protocols), and App Service / Functions / Container Apps
 * `ipSecurityRestrictions`.
 *
 * Settings (`options:` of the allowlist entry):
 * - `parameters`: a mapping of parameter names to values, used instead of the template's defaults
 *   (what a parameters file would pass at deployment).
 */
export const ARM: AllowlistFormat = {
  id: 'arm',
  title: 'ARM template (JSON)',
  filePatterns: ['*.json', '*.jsonc'],
  capabilities: CAPABILITIES,
  detect,
  parse: parseArm,
};
