import { isMap, isPair, isScalar, isSeq, parseAllDocuments, type Node, type YAMLMap } from 'yaml';
import type { Entry, ParsedFile, ParseProblem } from '../../model/entry.js';
import { HostPattern } from '../../model/host.js';
import { IpSet, parseIpBlock, type IpBlock } from '../../model/ip.js';
import type { SourceLocation } from '../../model/location.js';
import { PortSet, type PortSpec } from '../../model/ports.js';
import { append } from '../../model/collections.js';
import { TextPositions } from '../syntax/positions.js';
import { type AllowlistFormat, RULE_CAPABILITIES, type SourceFile } from '../format.js';
import { isMeaningfulComment, notTextProblem, withoutBom } from '../syntax/source.js';
import { trimSpaces } from '../../model/text.js';

/*
 * Kubernetes NetworkPolicy and Cilium network policies, in YAML or JSON, one or more documents
 * per file. Only egress rules say where pods may connect to, so only they are read.
 */

type Flavour = 'kubernetes' | 'cilium';

const POLICY_KINDS: Record<string, Flavour> = {
  NetworkPolicy: 'kubernetes',
  CiliumNetworkPolicy: 'cilium',
  CiliumClusterwideNetworkPolicy: 'cilium',
};

class Reader {
  readonly entries: Entry[] = [];
  readonly problems: ParseProblem[] = [];
  policies = 0;
  /** Comments above the first item of a list, which YAML gives to the list. */
  readonly #leading = new WeakMap<object, string>();

  constructor(
    private readonly path: string,
    private readonly positions: TextPositions,
  ) {}

  at(node: unknown): SourceLocation {
    const range = (node as Node | undefined)?.range;
    const pos = this.positions.at(range ? range[0] : 0);
    const quoted =
      isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') ? 1 : 0;
    return { file: this.path, line: pos.line, column: pos.column + quoted };
  }

  problem(
    node: unknown,
    message: string,
    severity?: ParseProblem['severity'],
    text?: string,
  ): void {
    this.problems.push({
      location: this.at(node),
      message,
      ...(text !== undefined ? { text } : {}),
      ...(severity ? { severity } : {}),
    });
  }

  /** The items of a list, remembering a comment above the first one. */
  list(node: unknown): readonly unknown[] {
    if (!isSeq(node)) return [];
    const first = node.items[0];
    const comment = cleanComment(node.commentBefore);
    if (comment && typeof first === 'object' && first !== null) this.#leading.set(first, comment);
    return node.items;
  }

  leading(node: unknown): string | undefined {
    return typeof node === 'object' && node !== null ? this.#leading.get(node) : undefined;
  }

  /** A document, or a `kind: List` of them. */
  object(node: unknown, depth = 0): void {
    if (!isMap(node) || depth > 8) return;
    const kind = scalarText(node.get('kind', true));
    if (kind === 'List') {
      const items = node.get('items', true);
      if (isSeq(items)) for (const item of items.items) this.object(item, depth + 1);
      return;
    }
    const flavour = kind === undefined ? undefined : POLICY_KINDS[kind];
    if (!flavour) return;
    this.policies++;
    const name = scalarText(
      (node.get('metadata', true) as YAMLMap | undefined)?.get?.('name', true),
    );
    const label = `${kind}${name ? ` "${name}"` : ''}`;
    const spec = node.get('spec', true);
    const specs = node.get('specs', true);
    const all = [...(isMap(spec) ? [spec] : []), ...(isSeq(specs) ? specs.items : [])];
    for (const s of all) {
      if (!isMap(s)) continue;
      const egress = s.get('egress', true);
      if (egress === undefined || egress === null) continue;
      if (!isSeq(egress)) {
        this.problem(egress, `"egress" must be a list of rules`);
        continue;
      }
      for (const rule of egress.items) {
        if (isMap(rule)) this.rule(rule, flavour, label);
        else this.problem(rule, `an egress rule must be a mapping`);
      }
    }
  }

  rule(rule: YAMLMap, flavour: Flavour, label: string): void {
    const ports = flavour === 'kubernetes' ? this.k8sPorts(rule) : this.ciliumPorts(rule);
    if (ports === null) return;
    const note = `egress rule of ${label}`;
    if (flavour === 'kubernetes') {
      for (const peer of this.list(rule.get('to', true))) {
        if (!isMap(peer)) continue;
        const block = peer.get('ipBlock', true);
        if (isMap(block)) this.cidr(block, ports, note, true, peer);
      }
      return;
    }
    for (const cidr of this.list(rule.get('toCIDR', true))) {
      this.address(cidr, [], ports, note, false);
    }
    for (const set of this.list(rule.get('toCIDRSet', true))) {
      if (isMap(set)) this.cidr(set, ports, note, false, set);
    }
    for (const fqdn of this.list(rule.get('toFQDNs', true))) {
      if (!isMap(fqdn)) continue;
      const name = fqdn.get('matchName', true);
      const pattern = fqdn.get('matchPattern', true);
      if (name !== undefined) this.host(name, 'matchName', ports, note, fqdn);
      if (pattern !== undefined) this.host(pattern, 'matchPattern', ports, note, fqdn);
    }
  }

  /** `{ cidr, except }` of an ipBlock or a toCIDRSet entry. */
  cidr(map: YAMLMap, ports: PortSpec, note: string, strict: boolean, item: unknown): void {
    const cidr = map.get('cidr', true);
    if (cidr === undefined) {
      if (!map.has('cidrGroupRef') && !map.has('cidrGroupSelector')) {
        this.problem(map, `an ipBlock needs a "cidr"`);
      } else {
        this.problem(
          map,
          `a CIDR group is defined elsewhere; its addresses are not compared`,
          'notice',
        );
      }
      return;
    }
    const except = items(map.get('except', true));
    this.address(cidr, except, ports, note, strict, item);
  }

  address(
    node: unknown,
    except: readonly unknown[],
    ports: PortSpec,
    note: string,
    strict: boolean,
    item?: unknown,
  ): void {
    const block = this.block(node, strict);
    if (!block) return;
    const text = block.written;
    const excluded: IpBlock[] = [];
    for (const e of except) {
      const b = this.block(e, strict);
      if (!b) continue;
      if (!block.value.contains(b.value)) {
        this.problem(e, `except "${b.written}" is not inside "${text}"`, undefined, b.written);
        continue;
      }
      excluded.push(b.value);
    }
    const location = this.at(node);
    const comment = joinComments(commentOf(node, item) ?? this.leading(item ?? node), note);
    if (excluded.length === 0 || excluded.every(isSpecialUse)) {
      // Taking private or special-use space out of a block changes no public endpoint it allows.
      const how =
        excluded.length === 0
          ? undefined
          : `except ${excluded.map((b) => `"${b.text}"`).join(', ')}, which hold no public addresses`;
      this.entries.push({
        kind: 'ip',
        text,
        location,
        block: block.value,
        ports,
        comment: joinComments(comment, how),
      });
      return;
    }
    // The engine compares plain blocks: what the except list leaves is written as CIDRs.
    const rest = IpSet.of([block.value.masked()]).subtract(IpSet.of(excluded)).toCidrs();
    const how = `part of "${text}" except ${excluded.map((b) => `"${b.text}"`).join(', ')}`;
    for (const piece of rest) {
      this.entries.push({
        kind: 'ip',
        text: piece.text,
        location,
        block: piece,
        ports,
        comment: joinComments(comment, how),
      });
    }
  }

  block(node: unknown, strict: boolean): { value: IpBlock; written: string } | undefined {
    const text = scalarText(node);
    if (text === undefined) {
      this.problem(node, `a CIDR must be a string`);
      return undefined;
    }
    const parsed = parseIpBlock(trimSpaces(text));
    if (!parsed.ok) {
      this.problem(node, parsed.error, undefined, text);
      return undefined;
    }
    if (parsed.value.prefixLength === undefined || text.includes('-')) {
      this.problem(node, `"${text}" is a range; a CIDR is expected`, undefined, text);
      return undefined;
    }
    if (strict && !text.includes('/')) {
      const len = parsed.value.family === 4 ? 32 : 128;
      this.problem(node, `"${text}" is not a CIDR (write "${text}/${len}")`, undefined, text);
      return undefined;
    }
    return { value: parsed.value, written: trimSpaces(text) };
  }

  /**
   * Cilium's `*` matches characters within one label (a leading `*.` is exactly one label), and a
   * leading `**.` one or more whole labels: the pattern is compared with that meaning.
   */
  host(node: unknown, key: string, ports: PortSpec, note: string, item: unknown): void {
    const text = scalarText(node);
    if (text === undefined) {
      this.problem(node, `"${key}" must be a string`);
      return;
    }
    if (key !== 'matchPattern' && text.includes('*')) {
      this.problem(
        node,
        `"${text}" has a "*", which matchName does not read; use matchPattern`,
        undefined,
        text,
      );
      return;
    }
    const parsed = HostPattern.parse(trimSpaces(text), { cilium: key === 'matchPattern' });
    if (!parsed.ok) {
      this.problem(node, parsed.error, undefined, text);
      return;
    }
    const comment = joinComments(commentOf(node, item) ?? this.leading(item ?? node), note);
    this.entries.push({
      kind: 'host',
      text,
      location: this.at(node),
      pattern: parsed.value,
      ports,
      comment,
    });
  }

  // --- ports ----------------------------------------------------------------------------------

  /** NetworkPolicy `ports: [{protocol, port, endPort}]`; none means every port. Null after a problem. */
  k8sPorts(rule: YAMLMap): PortSpec | null {
    const list = items(rule.get('ports', true));
    if (list.length === 0) return { tcp: PortSet.ANY, udp: PortSet.ANY };
    let spec: PortSpec = { tcp: PortSet.EMPTY, udp: PortSet.EMPTY };
    for (const p of list) {
      if (!isMap(p)) continue;
      const protocol = (scalarText(p.get('protocol', true)) ?? 'TCP').toUpperCase();
      const set = this.portRange(p);
      if (set === null) return null;
      spec = addPorts(spec, protocol, set);
    }
    return spec;
  }

  /** Cilium `toPorts: [{ports: [{port, protocol, endPort}]}]`; protocol ANY means TCP and UDP. */
  ciliumPorts(rule: YAMLMap): PortSpec | null {
    const groups = items(rule.get('toPorts', true));
    if (groups.length === 0) return { tcp: PortSet.ANY, udp: PortSet.ANY };
    let spec: PortSpec = { tcp: PortSet.EMPTY, udp: PortSet.EMPTY };
    for (const g of groups) {
      if (!isMap(g)) continue;
      const list = items(g.get('ports', true));
      if (list.length === 0) spec = addPorts(spec, 'ANY', PortSet.ANY);
      for (const p of list) {
        if (!isMap(p)) continue;
        const protocol = (scalarText(p.get('protocol', true)) ?? 'ANY').toUpperCase();
        const set = this.portRange(p);
        if (set === null) return null;
        spec = addPorts(spec, protocol, set);
      }
    }
    return spec;
  }

  /** `port` (number, numeric string or name) with an optional `endPort`. */
  portRange(p: YAMLMap): PortSet | null {
    const portNode = p.get('port', true);
    const port = scalarText(portNode);
    if (port === undefined || port === '' || port === '0') return PortSet.ANY;
    if (!/^\d+(?:-\d+)?$/.test(port)) {
      this.problem(
        portNode,
        `"${port}" is a named port, which is not compared; read as every port`,
        'notice',
        port,
      );
      return PortSet.ANY;
    }
    const endNode = p.get('endPort', true);
    const end = scalarText(endNode);
    const text = end !== undefined && !port.includes('-') ? `${port}-${end}` : port;
    const parsed = PortSet.parse(text);
    if (!parsed.ok) {
      this.problem(end !== undefined ? endNode : portNode, parsed.error, undefined, text);
      return null;
    }
    return parsed.value;
  }
}

/** Private, loopback, link-local, shared and documentation ranges (RFC 6890). */
const SPECIAL_USE = [
  '0.0.0.0/8',
  '10.0.0.0/8',
  '100.64.0.0/10',
  '127.0.0.0/8',
  '169.254.0.0/16',
  '172.16.0.0/12',
  '192.0.0.0/24',
  '192.0.2.0/24',
  '192.168.0.0/16',
  '198.18.0.0/15',
  '198.51.100.0/24',
  '203.0.113.0/24',
  '224.0.0.0/4',
  '240.0.0.0/4',
  '::1/128',
  'fc00::/7',
  'fe80::/10',
  'ff00::/8',
  '2001:db8::/32',
].flatMap((t) => {
  const b = parseIpBlock(t);
  return b.ok ? [b.value] : [];
});

function isSpecialUse(block: IpBlock): boolean {
  return SPECIAL_USE.some((s) => s.contains(block));
}

function addPorts(spec: PortSpec, protocol: string, set: PortSet): PortSpec {
  return {
    tcp: protocol === 'TCP' || protocol === 'ANY' ? spec.tcp.union(set) : spec.tcp,
    udp: protocol === 'UDP' || protocol === 'ANY' ? spec.udp.union(set) : spec.udp,
  };
}

function items(node: unknown): readonly unknown[] {
  return isSeq(node) ? node.items : [];
}

function scalarText(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const v = node.value;
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}

function cleanComment(raw: string | null | undefined): string | undefined {
  if (!raw) return undefined;
  const text = raw
    .split('\n')
    .map((l) => trimSpaces(l))
    .filter((l) => l !== '' && isMeaningfulComment(l))
    .join('\n');
  return text === '' ? undefined : text;
}

/** The comment after a value, or the comment lines above it or above the list item holding it. */
function commentOf(node: unknown, item: unknown): string | undefined {
  const n = node as Node | undefined;
  const fromNode = cleanComment(n?.comment) ?? cleanComment(n?.commentBefore);
  if (fromNode) return fromNode;
  if (isMap(item)) {
    const first = item.items[0];
    const key = isPair(first) ? (first.key as Node | undefined) : undefined;
    return cleanComment(item.commentBefore) ?? cleanComment(key?.commentBefore);
  }
  return undefined;
}

function joinComments(...parts: (string | undefined)[]): string | undefined {
  return parts.filter((p) => p !== undefined && p !== '').join('\n') || undefined;
}

function parseKubernetes(file: SourceFile): ParsedFile {
  const entries: Entry[] = [];
  const problems: ParseProblem[] = [];
  const result = { path: file.path, format: 'kubernetes', entries, problems };
  const notText = notTextProblem(file);
  if (notText) {
    problems.push(notText);
    return result;
  }
  const text = withoutBom(file.text);
  // Lines end at "\n" only, as everywhere else in the product (YAML also breaks lines at "\r").
  const positions = new TextPositions(text);
  const parsed = parseAllDocuments(text, { prettyErrors: false });
  const docs = Array.isArray(parsed) ? parsed : [];
  const reader = new Reader(file.path, positions);
  for (const doc of docs) {
    // After the first syntax error the rest of a document is the parser's guess: one is enough.
    for (const e of doc.errors.slice(0, 1)) {
      const pos = positions.at(Math.min(e.pos[0], text.length));
      problems.push({
        location: { file: file.path, ...pos },
        message: `invalid YAML: ${(e.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')}`,
      });
    }
    reader.object(doc.contents);
  }
  if (reader.policies === 0 && problems.length === 0) {
    problems.push({
      location: { file: file.path, line: 0, column: 1 },
      message: `"${file.path}" holds no NetworkPolicy, CiliumNetworkPolicy or CiliumClusterwideNetworkPolicy`,
    });
  }
  append(entries, reader.entries);
  append(problems, reader.problems);
  problems.sort(
    (a, b) => a.location.line - b.location.line || a.location.column - b.location.column,
  );
  return result;
}

const SAMPLE_CHARS = 64 * 1024;
const KIND =
  /(?:^|[\s{,])["']?kind["']?\s*:\s*["']?(?:NetworkPolicy|CiliumNetworkPolicy|CiliumClusterwideNetworkPolicy)\b/m;

function detectKubernetes(file: SourceFile): number {
  const path = file.path.toLowerCase();
  if (!/\.(?:ya?ml|json)$/.test(path)) return 0;
  return KIND.test(file.text.slice(0, SAMPLE_CHARS)) ? 10 : 0;
}

/**
 * Kubernetes NetworkPolicy (`spec.egress[].to[].ipBlock` `cidr` and `except`, `ports` with
 * `protocol`, `port`, `endPort`) and Cilium CiliumNetworkPolicy / CiliumClusterwideNetworkPolicy
 * (`toFQDNs` `matchName` and `matchPattern`, `toCIDR`, `toCIDRSet` with `except`, `toPorts`).
 * Egress rules only; an address range less its `except` blocks becomes the CIDRs that remain.
 * Several documents per file and `kind: List` are read.
 *
 * Settings: none.
 */
export const KUBERNETES: AllowlistFormat = {
  id: 'kubernetes',
  title: 'Kubernetes / Cilium network policy',
  filePatterns: ['*.yaml', '*.yml', '*.json'],
  capabilities: RULE_CAPABILITIES,
  detect: detectKubernetes,
  parse: parseKubernetes,
};
