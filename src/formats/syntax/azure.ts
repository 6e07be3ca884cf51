import type { Entry, ParseProblem } from '../../model/entry.js';
import { HostPattern } from '../../model/host.js';
import { parseIpBlock } from '../../model/ip.js';
import type { SourceLocation } from '../../model/location.js';
import { PortSet, type PortSpec } from '../../model/ports.js';
import type { CommentIndex } from './comments.js';
import { classifyReference } from './references.js';
import { splitPath } from './source.js';
import { append } from '../../model/collections.js';
import type { Budget } from './budget.js';
import { trimSpaces, trimSpacesStart } from '../../model/text.js';

/**
 * The Azure resource model that ARM templates and Bicep share (Bicep compiles to ARM templates, so
 * both formats read the same resources the same way): the values an evaluator produces, the pure
 * template functions, and the reader that turns firewall, NSG and access-restriction resources
 * into entries. Each format evaluates its own syntax into these values.
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

/** Expressions quoted in messages are cut, so that a message stays one readable line. */
export function quoteExpression(text: string): string {
  const flat = trimSpaces(text.replace(/[ \t\n\v\f\r]+/g, ' '));
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
export function pureCall(
  name: string,
  args: readonly Val[],
  at: Pos,
  budget: Budget,
): Val | undefined {
  const first = args[0];
  switch (name.toLowerCase()) {
    case 'concat':
    case 'union': {
      if (args.length === 0) return undefined;
      if (args.every((a) => a.t === 'str')) {
        if (!budget.text(args.reduce((n, a) => n + (a.t === 'str' ? a.v.length : 0), 0)))
          return unknown(at, budget.textReason);
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
      if (!budget.items(args.reduce((n, a) => n + (a.t === 'arr' ? a.items.length : 1), 0)))
        return unknown(at, budget.itemsReason);
      const items: Val[] = [];
      for (const a of args) {
        if (a.t === 'arr') append(items, a.items);
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
      if (!budget.items(first.items.reduce((n, i) => n + (i.t === 'arr' ? i.items.length : 1), 0)))
        return unknown(at, budget.itemsReason);
      const items: Val[] = [];
      for (const item of first.items) {
        if (item.t === 'arr') append(items, item.items);
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
              ? trimSpaces(first.v)
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
      if (!budget.items(count.v)) return unknown(at, budget.itemsReason);
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

// ── reading the resources ───────────────────────────────────────────────────

/** Reports why a value cannot be read: a notice, or an error when the value is wrong. */
function unread(sink: AzureSink, value: UnknownVal): void {
  sink.problem(value.at, value.why, value.error ? 'error' : 'notice');
}

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

export const MAX_DEPTH = 64;

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
    const url = splitPath(trimSpaces(v.v));
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
  const entryText = written ?? trimSpaces(v.v);
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
  const name = trimSpaces(v.v);
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
  const written = trimSpaces(v.v);
  const comment = sink.comment(v.at, rule);
  const location = sink.location(v.at);
  if (written === '*' || written.toLowerCase() === 'any') {
    for (const any of [ANY_V4, ANY_V6]) {
      if (any.ok)
        sink.entry({ kind: 'ip', text: written, location, block: any.value, ports, comment });
    }
    return;
  }
  if (!/^[\d.:/a-fA-F \t-]+$/.test(written) || !/[\d:]/.test(written)) {
    tag(v, 'service-tag', classic, ports, rule, sink, inRule ? 'rule-address' : 'address');
    return;
  }
  let cidr = written;
  if (subnetMask?.t === 'str' && !written.includes('/')) {
    const length = maskLength(trimSpaces(subnetMask.v));
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
    const lead = raw.length - trimSpacesStart(raw).length;
    if (trimSpaces(raw) !== '') {
      const at = v.literal ? { line: v.at.line, column: v.at.column + offset + lead } : v.at;
      out.push({ t: 'str', v: trimSpaces(raw), at, literal: v.literal });
    }
    offset += raw.length + 1;
  }
  return out;
}
