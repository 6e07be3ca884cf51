import type { Entry, ParsedFile } from '../../model/entry.js';
import { HostPattern } from '../../model/host.js';
import { looksLikeIp, parseIpBlock } from '../../model/ip.js';
import { PortSet, type PortSpec } from '../../model/ports.js';
import {
  attributeOf,
  blocksOf,
  type HclAttribute,
  type HclBlock,
  type HclBody,
  type HclDocument,
  type HclPosition,
} from '../syntax/hcl.js';
import { classifyReference } from '../syntax/references.js';
import type { AllowlistFormat, ParseOptions, SourceFile } from '../format.js';
import { splitPath } from '../syntax/source.js';
import {
  type TerraformSource,
  finishProblems,
  noticeDynamic,
  noticeRepetition,
  readTerraformSource,
  stringOf,
} from '../syntax/terraform.js';
import { trimSpaces } from '../../model/text.js';
import { TERRAFORM_DESCRIPTION } from './described.js';

/**
 * Terraform firewall rules: Azure Firewall (policy rule collection groups and the classic
 * application and network rule collections) and AWS Network Firewall rule groups. Only what a
 * rule allows becomes an entry; values that depend on the run (other resources, variables not
 * given, functions) are notices at their own position, never guesses.
 */

// ── allowlists ───────────────────────────────────────────────────────────────────────────────

const AZURE_POLICY = 'azurerm_firewall_policy_rule_collection_group';
const AZURE_APP = 'azurerm_firewall_application_rule_collection';
const AZURE_NETWORK = 'azurerm_firewall_network_rule_collection';
const AWS_GROUP = 'aws_networkfirewall_rule_group';

/** Application rule protocols and the TCP port each one uses when the rule gives none. */
const APP_PROTOCOLS: Readonly<Record<string, { name: string; port: number }>> = {
  http: { name: 'Http', port: 80 },
  https: { name: 'Https', port: 443 },
  mssql: { name: 'Mssql', port: 1433 },
};

interface Reader {
  readonly src: TerraformSource;
  readonly entries: Entry[];
}

/** One string of a list attribute, with where it is written and the comment that belongs to it. */
interface Item {
  readonly text: string;
  readonly start: HclPosition;
  readonly comment: string | undefined;
}

/** The strings of a list attribute; `known` is false when some of it could not be evaluated. */
interface Items {
  readonly items: readonly Item[];
  readonly known: boolean;
}

/**
 * The strings of a list attribute, undefined when it is absent. Unknown items are notices; an
 * unknown list is one notice; a value that is not a list of strings is an error (Terraform
 * refuses it too).
 */
function listOf(
  r: Reader,
  body: HclBody,
  name: string,
  outer: string | undefined,
): Items | undefined {
  const a = attributeOf(body, name);
  if (!a) return undefined;
  const { src } = r;
  const v = src.value(a.expression);
  if (v.kind === 'unknown') {
    src.notice(v);
    return { items: [], known: false };
  }
  if (v.kind !== 'list') {
    src.problem(a.expression.start, `"${name}" must be a list of strings`);
    return { items: [], known: false };
  }
  const attrComment = commentOf(src.doc, a) ?? outer;
  const items: Item[] = [];
  let known = true;
  for (const item of v.items) {
    if (item.kind === 'unknown') {
      src.notice(item);
      known = false;
    } else if (item.kind === 'string' || item.kind === 'number') {
      const own = src.doc.commentFor(item.start.line, item.start.line);
      items.push({ text: String(item.value), start: item.start, comment: own ?? attrComment });
    } else {
      src.problem(item.start, `"${name}" must be a list of strings`);
      known = false;
    }
  }
  return { items, known };
}

/** The items of a list attribute; none when it is absent. */
function itemsOf(
  r: Reader,
  body: HclBody,
  name: string,
  outer: string | undefined,
): readonly Item[] {
  return listOf(r, body, name, outer)?.items ?? [];
}

function commentOf(doc: HclDocument, item: HclAttribute | HclBlock): string | undefined {
  return doc.commentFor(item.start.line, doc.position(item.end).line);
}

const WHITESPACE_NAMES: Readonly<Record<string, string>> = {
  ' ': 'space',
  '\t': 'tab',
  '\n': 'line break',
  '\r': 'carriage return',
  '\u00a0': 'no-break space',
};

/** Whitespace in a value, which a firewall does not trim: `{ name: 'tab', where: 'at its end' }`. */
interface Stray {
  readonly name: string;
  readonly where: string;
}

function strayWhitespace(text: string): Stray | undefined {
  const name = (c: string) => {
    const code = c.charCodeAt(0);
    const known = WHITESPACE_NAMES[c];
    if (code < 0x80) return known ?? 'whitespace character';
    const u = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
    return known ? `${known} (${u})` : `whitespace character ${u}`;
  };
  const trail = /\s$/.exec(text)?.[0];
  if (trail !== undefined) return { name: name(trail), where: 'at its end' };
  const lead = /^\s/.exec(text)?.[0];
  if (lead !== undefined) return { name: name(lead), where: 'at its start' };
  const inner = /\s/.exec(text)?.[0];
  return inner === undefined ? undefined : { name: name(inner), where: 'inside it' };
}

function strayProblem(r: Reader, item: Item, stray: Stray, effect: string): void {
  const { text, start } = item;
  const message = `${JSON.stringify(text)} has a ${stray.name} ${stray.where}, which ${effect}`;
  r.src.problem(start, message, text);
}

function addHost(
  r: Reader,
  item: Item,
  field: string,
  ports: PortSpec | undefined,
  urls = false,
): void {
  const { text, start, comment } = item;
  const stray = strayWhitespace(text);
  if (stray) {
    strayProblem(r, item, stray, 'the firewall reads as part of the name');
    return;
  }
  let host = text;
  if (urls) {
    const url = splitPath(text);
    host = url.host;
    if (url.path !== undefined && url.path !== '/' && url.path !== '/*')
      r.src.problem(start, `the path of "${text}" is not compared, only its host`, text, 'notice');
  }
  if (looksLikeIp(host)) {
    const message = `"${text}" is an IP address in "${field}", which holds host names; put it in the destination_addresses of a network rule`;
    r.src.problem(start, message, text);
    return;
  }
  const pattern = HostPattern.parse(host);
  if (!pattern.ok) {
    r.src.problem(start, pattern.error, text);
    return;
  }
  const location = r.src.at(start);
  r.entries.push({ kind: 'host', text, location, pattern: pattern.value, ports, comment });
}

/** A tag the references module knows: an entry, a notice or an error. False when it is no tag. */
function addTag(
  r: Reader,
  item: Item,
  context: 'fqdn-tag' | 'service-tag',
  ports: PortSpec | undefined,
): boolean {
  const c = classifyReference(item.text, context);
  if (!c) return false;
  if (c.kind === 'reference')
    r.entries.push({
      kind: 'reference',
      text: item.text,
      location: r.src.at(item.start),
      reference: c.reference,
      ports,
      comment: item.comment,
    });
  else if (c.kind === 'other-tag') r.src.problem(item.start, c.note, item.text, 'notice');
  else r.src.problem(item.start, c.message, item.text);
  return true;
}

function addFqdnTag(
  r: Reader,
  item: Item,
  field: string,
  hostField: string,
  ports: PortSpec | undefined,
): void {
  if (addTag(r, item, 'fqdn-tag', ports)) return;
  const message = `${JSON.stringify(item.text)} in "${field}" is not an FQDN tag; host names go in "${hostField}"`;
  r.src.problem(item.start, message, item.text);
}

/**
 * Network rule addresses: IPs, CIDRs, ranges, `*`, service tags. A host name here matches
 * nothing, so it is an error that says where it belongs.
 */
function addAddress(
  r: Reader,
  item: Item,
  field: string,
  ports: PortSpec | undefined,
  hostField: string,
): void {
  const { text, start, comment } = item;
  const trimmed = trimSpaces(text);
  const stray = strayWhitespace(text);
  const location = r.src.at(start);
  const notIgnored = 'the firewall does not ignore';
  if (trimmed === '*' || trimmed.toUpperCase() === 'ANY') {
    if (stray) return strayProblem(r, item, stray, notIgnored);
    for (const any of ['0.0.0.0/0', '::/0']) {
      const block = parseIpBlock(any);
      if (block.ok)
        r.entries.push({ kind: 'ip', text, location, block: block.value, ports, comment });
    }
    return;
  }
  if (looksLikeIp(trimmed)) {
    if (stray) return strayProblem(r, item, stray, notIgnored);
    const block = parseIpBlock(trimmed);
    if (!block.ok) r.src.problem(start, block.error, text);
    else r.entries.push({ kind: 'ip', text, location, block: block.value, ports, comment });
    return;
  }
  const c = classifyReference(trimmed, 'service-tag');
  if (c && c.kind !== 'other-tag') {
    if (stray) strayProblem(r, item, stray, notIgnored);
    else addTag(r, item, 'service-tag', ports);
    return;
  }
  if (!c && trimmed.includes('.') && HostPattern.parse(trimmed).ok) {
    const fix = stray ? ` and remove the ${stray.name} ${stray.where}` : '';
    const message = `${JSON.stringify(text)} is a host name in "${field}", which holds IP addresses, CIDRs and service tags; move it to "${hostField}"${fix}`;
    r.src.problem(start, message, text);
    return;
  }
  if (c) {
    if (stray) strayProblem(r, item, stray, notIgnored);
    else r.src.problem(start, c.note, text, 'notice');
    return;
  }
  const message = `${JSON.stringify(text)} in "${field}" is not an IP address, CIDR or service tag`;
  r.src.problem(start, message, text);
}

// ── Azure Firewall ──

/** A rule collection whose action is Deny allows nothing: its rules are not read. */
function denies(r: Reader, collection: HclBody): boolean {
  const action = stringOf(r.src, collection, 'action');
  if (!action || action.value.toLowerCase() !== 'deny') return false;
  const name = stringOf(r.src, collection, 'name')?.value;
  const which = name ? ` "${name}"` : '';
  const message = `the rule collection${which} denies traffic; its rules are not read as allowed`;
  r.src.problem(action.start, message, action.value, 'notice');
  return true;
}

/**
 * Ports of an application rule's `protocols` (policy) or `protocol` (classic) blocks: TCP only,
 * the protocol's usual port when none is given. Undefined when they cannot be told.
 */
function appPorts(r: Reader, rule: HclBody, blockName: string): PortSpec | undefined {
  const blocks = blocksOf(rule, blockName);
  if (blocks.length === 0) return undefined;
  let tcp = PortSet.EMPTY;
  let known = true;
  for (const b of blocks) {
    const type = stringOf(r.src, b.body, 'type');
    if (type === null) known = false;
    const protocol = type ? APP_PROTOCOLS[type.value.toLowerCase()] : undefined;
    if (type && !protocol) {
      const message = `unknown application protocol "${type.value}" (expected Http, Https or Mssql)`;
      r.src.problem(type.start, message, type.value);
      continue;
    }
    const port = stringOf(r.src, b.body, 'port');
    if (port === null) {
      known = false;
      continue;
    }
    if (!port) {
      if (protocol) tcp = tcp.union(PortSet.fromNumbers([protocol.port]));
      continue;
    }
    const n = /^\d{1,5}$/.test(port.value) ? Number(port.value) : NaN;
    if (!(n >= 1 && n <= 65535)) {
      r.src.problem(port.start, `"${port.value}" is not a port number (1-65535)`, port.value);
      continue;
    }
    tcp = tcp.union(PortSet.fromNumbers([n]));
  }
  return known ? { tcp, udp: PortSet.EMPTY } : undefined;
}

/** Ports of a network rule: its protocols (TCP, UDP, Any, ICMP) times its destination ports. */
function networkPorts(r: Reader, rule: HclBody): PortSpec | undefined {
  const protocols = listOf(r, rule, 'protocols', undefined);
  const ports = listOf(r, rule, 'destination_ports', undefined);
  if (!protocols || !ports) return undefined;
  let set = PortSet.EMPTY;
  for (const p of ports.items) {
    const parsed = PortSet.parse(p.text);
    if (!parsed.ok) r.src.problem(p.start, parsed.error, p.text);
    else set = set.union(parsed.value);
  }
  let tcp = false;
  let udp = false;
  for (const p of protocols.items) {
    const name = p.text.toLowerCase();
    if (name === 'tcp') tcp = true;
    else if (name === 'udp') udp = true;
    else if (name === 'any') tcp = udp = true;
    else if (name !== 'icmp') {
      const message = `unknown network rule protocol "${p.text}" (expected TCP, UDP, ICMP or Any)`;
      r.src.problem(p.start, message, p.text);
    }
  }
  // A list that cannot be read leaves the rule's ports unknown, not empty.
  if (!protocols.known || !ports.known) return undefined;
  return { tcp: tcp ? set : PortSet.EMPTY, udp: udp ? set : PortSet.EMPTY };
}

function readApplicationRule(r: Reader, rule: HclBlock, classic: boolean): void {
  const comment = commentOf(r.src.doc, rule);
  const ports = appPorts(r, rule.body, classic ? 'protocol' : 'protocols');
  const hostField = classic ? 'target_fqdns' : 'destination_fqdns';
  const tagField = classic ? 'fqdn_tags' : 'destination_fqdn_tags';
  for (const item of itemsOf(r, rule.body, hostField, comment)) addHost(r, item, hostField, ports);
  for (const item of itemsOf(r, rule.body, tagField, comment))
    addFqdnTag(r, item, tagField, hostField, ports);
  if (classic) return;
  for (const item of itemsOf(r, rule.body, 'destination_urls', comment))
    addHost(r, item, 'destination_urls', ports, true);
}

function readNetworkRule(r: Reader, rule: HclBlock): void {
  const comment = commentOf(r.src.doc, rule);
  const ports = networkPorts(r, rule.body);
  for (const item of itemsOf(r, rule.body, 'destination_addresses', comment))
    addAddress(r, item, 'destination_addresses', ports, 'destination_fqdns');
  for (const item of itemsOf(r, rule.body, 'destination_fqdns', comment))
    addHost(r, item, 'destination_fqdns', ports);
  const groups = attributeOf(rule.body, 'destination_ip_groups');
  if (groups) {
    const message = 'IP groups are defined elsewhere; "destination_ip_groups" is not compared';
    r.src.problem(groups.start, message, undefined, 'notice');
  }
}

function readRules(r: Reader, body: HclBody, type: 'application' | 'network', classic: boolean) {
  noticeDynamic(r.src, body);
  for (const rule of blocksOf(body, 'rule'))
    if (type === 'application') readApplicationRule(r, rule, classic);
    else readNetworkRule(r, rule);
}

/** A policy rule collection group holds collections of rules; a classic collection is one. */
function readCollections(r: Reader, body: HclBody, type: 'application' | 'network'): void {
  for (const collection of blocksOf(body, `${type}_rule_collection`)) {
    if (!denies(r, collection.body)) readRules(r, collection.body, type, false);
  }
}

// ── AWS Network Firewall ──

/** Stateful rule protocols that run over UDP, or over both TCP and UDP; the others over TCP. */
const UDP_PROTOCOLS = new Set(['udp', 'ntp', 'dhcp', 'tftp', 'ikev2', 'quic']);
const BOTH_PROTOCOLS = new Set(['ip', 'dns', 'krb5']);

/** Suricata ports: `ANY`, `443`, `1024:65535`, `[80,443]`; undefined for negations and variables. */
function suricataPorts(text: string): PortSet | undefined {
  const t = trimSpaces(text);
  if (t.toUpperCase() === 'ANY') return PortSet.ANY;
  const inner = t.startsWith('[') && t.endsWith(']') ? t.slice(1, -1) : t;
  if (inner.includes('!') || inner.includes('$')) return undefined;
  const parsed = PortSet.parse(inner.replace(/:/g, '-'));
  return parsed.ok && !parsed.value.isEmpty ? parsed.value : undefined;
}

function readAwsGroup(r: Reader, resource: HclBody): void {
  for (const group of blocksOf(resource, 'rule_group')) {
    const ipSets = new Map<string, readonly Item[]>();
    for (const vars of blocksOf(group.body, 'rule_variables'))
      for (const set of blocksOf(vars.body, 'ip_sets')) {
        const key = stringOf(r.src, set.body, 'key');
        const definition = blocksOf(set.body, 'ip_set')[0];
        if (key && definition)
          ipSets.set(key.value, itemsOf(r, definition.body, 'definition', undefined));
      }
    for (const source of blocksOf(group.body, 'rules_source')) {
      noticeDynamic(r.src, source.body);
      for (const list of blocksOf(source.body, 'rules_source_list')) readDomainList(r, list);
      for (const rule of blocksOf(source.body, 'stateful_rule')) readStatefulRule(r, rule, ipSets);
      const rules = attributeOf(source.body, 'rules_string');
      if (rules)
        r.src.problem(
          rules.start,
          'Suricata rules in "rules_string" are not read',
          undefined,
          'notice',
        );
      const stateless = blocksOf(source.body, 'stateless_rules_and_custom_actions')[0];
      if (stateless)
        r.src.problem(stateless.start, 'stateless rules are not read', undefined, 'notice');
    }
  }
}

function readDomainList(r: Reader, list: HclBlock): void {
  const kind = stringOf(r.src, list.body, 'generated_rules_type');
  if (kind === null) return;
  if (kind && kind.value.toUpperCase() !== 'ALLOWLIST') {
    const message = `a "${kind.value}" domain list does not allow traffic; its targets are not read`;
    r.src.problem(kind.start, message, kind.value, 'notice');
    return;
  }
  const comment = commentOf(r.src.doc, list);
  // Domain lists match the HTTP Host header and the TLS SNI on any port: ports cannot be told.
  for (const item of itemsOf(r, list.body, 'targets', comment))
    addHost(r, item, 'targets', undefined);
}

/** A stateful PASS rule whose destination is an address, a CIDR, ANY or an IP set of the group. */
function readStatefulRule(
  r: Reader,
  rule: HclBlock,
  ipSets: ReadonlyMap<string, readonly Item[]>,
): void {
  const action = stringOf(r.src, rule.body, 'action');
  if (!action || action.value.toUpperCase() !== 'PASS') return;
  const header = blocksOf(rule.body, 'header')[0];
  if (!header) return;
  const comment = commentOf(r.src.doc, rule);
  const protocol = stringOf(r.src, header.body, 'protocol');
  const port = stringOf(r.src, header.body, 'destination_port');
  const destination = stringOf(r.src, header.body, 'destination');
  if (!destination) return;
  let ports: PortSpec | undefined;
  if (protocol && port) {
    const set = suricataPorts(port.value);
    if (!set) {
      const message = `destination port "${port.value}" is not read (expected a port, a range "a:b", a list "[a,b]" or ANY)`;
      r.src.problem(port.start, message, port.value, 'notice');
    } else {
      const p = protocol.value.toLowerCase();
      const udp = UDP_PROTOCOLS.has(p) || BOTH_PROTOCOLS.has(p);
      const tcp = p !== 'icmp' && (!UDP_PROTOCOLS.has(p) || BOTH_PROTOCOLS.has(p));
      ports = { tcp: tcp ? set : PortSet.EMPTY, udp: udp ? set : PortSet.EMPTY };
    }
  }
  const text = trimSpaces(destination.value);
  const variable = /^\$([A-Za-z0-9_]+)$/.exec(text);
  if (variable) {
    const set = ipSets.get(variable[1]!);
    if (!set) {
      const message = `rule variable "${text}" is not defined in this rule group`;
      r.src.problem(destination.start, message, text, 'notice');
      return;
    }
    for (const item of set)
      addAddress(
        r,
        { ...item, comment: item.comment ?? comment },
        'definition',
        ports,
        'a domain list',
      );
    return;
  }
  const list = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  for (const part of list.split(',')) {
    const value = trimSpaces(part);
    if (value.startsWith('!') || value.startsWith('$')) {
      r.src.problem(destination.start, `destination "${value}" is not read`, value, 'notice');
      continue;
    }
    const item = { text: value, start: destination.start, comment };
    addAddress(r, item, 'destination', ports, 'a domain list');
  }
}

// ── the format ──

function parseTerraform(file: SourceFile, options?: ParseOptions): ParsedFile {
  const entries: Entry[] = [];
  const result = { path: file.path, format: 'terraform', entries };
  const src = readTerraformSource(file, options?.settings);
  if (!('doc' in src)) return { ...result, problems: [src] };
  const r: Reader = { src, entries };
  for (const item of src.doc.body.items) {
    if (item.kind !== 'block' || item.type !== 'resource') continue;
    const type = item.labels[0]?.value;
    if (type !== AZURE_POLICY && type !== AZURE_APP && type !== AZURE_NETWORK && type !== AWS_GROUP)
      continue;
    noticeRepetition(src, item.body);
    if (type === AZURE_POLICY) {
      noticeDynamic(src, item.body);
      readCollections(r, item.body, 'application');
      readCollections(r, item.body, 'network');
    } else if (type === AWS_GROUP) {
      noticeDynamic(src, item.body);
      readAwsGroup(r, item.body);
    } else if (!denies(r, item.body)) {
      readRules(r, item.body, type === AZURE_APP ? 'application' : 'network', true);
    }
  }
  entries.sort(
    (a, b) => a.location.line - b.location.line || a.location.column - b.location.column,
  );
  return { ...result, problems: finishProblems(src.problems) };
}

/**
 * Terraform (HCL) firewall rules: Azure Firewall policy rule collection groups (application
 * rules' `destination_fqdns`, `destination_fqdn_tags`, `destination_urls` and `protocols`;
 * network rules' `destination_addresses`, `destination_fqdns`, `destination_ports` and
 * `protocols`), the classic application and network rule collections (`target_fqdns`,
 * `fqdn_tags`, `protocol`), and AWS Network Firewall rule groups (ALLOWLIST domain lists, simple
 * stateful PASS rules). Deny collections are not read as allowed.
 *
 * Settings: `variables`, a mapping of input variable names to values (strings, numbers, lists,
 * mappings) used for `var.NAME`; without it a variable's `default` in the same file is used.
 */
export const TERRAFORM: AllowlistFormat = { ...TERRAFORM_DESCRIPTION, parse: parseTerraform };
