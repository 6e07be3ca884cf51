import shipped from '../../data/catalogue-derived.json' with { type: 'json' };
import { HostPattern } from '../model/host.js';
import { IpSet, parseIpBlock, type IpBlock } from '../model/ip.js';
import { PortSet, type PortRange, type PortSpec } from '../model/ports.js';
import { EMBEDDED_CATALOGUE } from './embedded.js';
import type {
  Catalogue,
  Category,
  Instance,
  Requirement,
  RequirementSource,
  ServiceArea,
  Severity,
} from './types.js';

/*
 * What a check derives from the catalogue whatever the selection: every requirement of the cloud
 * (`allSources`) and its namespaces (`m365Namespaces`). For the embedded catalogue both are
 * derived at build time (`npm run bundle` runs `npm run build:catalogue-derived`) and shipped in
 * data/catalogue-derived.json: a run reads them instead of merging every endpoint set again.
 * A test derives them anew and fails while the file is stale; a run whose catalogue data does
 * not match the file's fingerprint derives them itself.
 */

/** The JSON of one cloud's derivations: sources and port specs are listed once, by index. */
export interface DerivedCloudJson {
  /** What the cloud was derived from: the catalogue no longer matches when this differs. */
  readonly fingerprint: string;
  /** `[tcp, udp]` ranges. */
  readonly ports: readonly (readonly [readonly PortRange[], readonly PortRange[]])[];
  readonly sources: readonly SourceJson[];
  /** `[kind, text, ports, severity, sources]`, in the order of `allSources`. */
  readonly requirements: readonly RequirementJson[];
  readonly domains: readonly string[];
  /** The namespaces' address space as CIDR blocks. */
  readonly ips: readonly string[];
}

type RequirementJson = readonly ['host' | 'ip', string, number, Severity, readonly number[]];

interface SourceJson {
  readonly kind: RequirementSource['kind'];
  readonly id: number;
  readonly scenario?: string;
  readonly serviceArea?: ServiceArea;
  readonly category?: Category;
  readonly required: boolean;
  readonly ports: number;
  readonly notes?: string;
}

export type DerivedJson = Readonly<Partial<Record<Instance, DerivedCloudJson>>>;

export interface CloudDerivations {
  readonly requirements: Requirement[];
  readonly namespaces: { domains: string[]; ips: IpSet };
}

/**
 * Names the data the cloud's derivations come from: the hash and date of its web-service data and
 * the number of other-endpoints rows. A catalogue update changes it; an edit of the rows alone
 * may not, which the staleness test is there for (and every bundle is built with a fresh file).
 */
export function fingerprintOf(catalogue: Catalogue, instance: Instance): string {
  const p = catalogue.clouds[instance].provenance;
  return `${p.sha256} ${p.dataDate} ${catalogue.otherEndpoints.length}`;
}

const revived = new Map<Instance, CloudDerivations>();

/**
 * The shipped derivations of the cloud (fresh lists of shared immutable values), or undefined
 * when the catalogue is not the embedded one or the file was derived from other data.
 */
export function shippedDerivations(
  catalogue: Catalogue,
  instance: Instance,
): CloudDerivations | undefined {
  if (catalogue !== EMBEDDED_CATALOGUE) return undefined;
  let derived = revived.get(instance);
  if (derived === undefined) {
    // The JSON's inferred type is wider (arrays for tuples); the staleness test vouches for it.
    const json = (shipped as unknown as DerivedJson)[instance];
    if (json === undefined || json.fingerprint !== fingerprintOf(catalogue, instance))
      return undefined;
    derived = reviveDerivations(json);
    revived.set(instance, derived);
  }
  return {
    requirements: [...derived.requirements],
    namespaces: { domains: [...derived.namespaces.domains], ips: derived.namespaces.ips },
  };
}

/**
 * Builds the values back from their JSON; the catalogue vouched for every text when it was built.
 * Written for a cold start (this runs once, before anything is compiled): indexed reads and
 * literal objects rather than destructuring and spreads, which are slow in the interpreter.
 */
export function reviveDerivations(json: DerivedCloudJson): CloudDerivations {
  const ports: PortSpec[] = [];
  for (const pair of json.ports) ports.push({ tcp: PortSet.of(pair[0]), udp: PortSet.of(pair[1]) });
  const sources: RequirementSource[] = [];
  for (const s of json.sources) sources.push(Object.assign({}, s, { ports: ports[s.ports]! }));
  const requirements: Requirement[] = [];
  for (const r of json.requirements) {
    const text = r[1];
    const from = r[4];
    const list: RequirementSource[] = [];
    for (let i = 0; i < from.length; i++) list.push(sources[from[i]!]!);
    requirements.push(
      r[0] === 'host'
        ? {
            kind: 'host',
            pattern: valueOf(HostPattern.parse(text)),
            text,
            ports: ports[r[2]]!,
            sources: list,
            severity: r[3],
          }
        : {
            kind: 'ip',
            block: valueOf(parseIpBlock(text)),
            text,
            ports: ports[r[2]]!,
            sources: list,
            severity: r[3],
          },
    );
  }
  const blocks: IpBlock[] = [];
  for (const t of json.ips) blocks.push(valueOf(parseIpBlock(t)));
  return { requirements, namespaces: { domains: [...json.domains], ips: IpSet.of(blocks) } };
}

function valueOf<T>(parsed: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!parsed.ok) throw new Error(`data/catalogue-derived.json: ${parsed.error}`);
  return parsed.value;
}

/** The JSON of derivations (what `npm run build:catalogue-derived` writes for each cloud). */
export function serializeDerivations(
  derived: CloudDerivations,
  fingerprint: string,
): DerivedCloudJson {
  const ports: [PortRange[], PortRange[]][] = [];
  const portIndex = new Map<string, number>();
  const portsOf = (spec: PortSpec): number => {
    const pair: [PortRange[], PortRange[]] = [
      spec.tcp.ranges.map((r) => [r[0], r[1]]),
      spec.udp.ranges.map((r) => [r[0], r[1]]),
    ];
    return intern(portIndex, ports, JSON.stringify(pair), pair);
  };
  const sources: SourceJson[] = [];
  const sourceIndex = new Map<string, number>();
  const sourceOf = (s: RequirementSource): number => {
    const { ports: spec, effectiveFrom, ...rest } = s;
    // Derivations without a date have no upcoming sources.
    if (effectiveFrom !== undefined) throw new Error('a derivation has a dated source');
    const json: SourceJson = { ...rest, ports: portsOf(spec) };
    return intern(sourceIndex, sources, JSON.stringify(json), json);
  };
  const requirements = derived.requirements.map((r): RequirementJson => {
    if (r.upcoming !== undefined) throw new Error('a derivation has an upcoming requirement');
    return [r.kind, r.text, portsOf(r.ports), r.severity, r.sources.map(sourceOf)];
  });
  return {
    fingerprint,
    ports,
    sources,
    requirements,
    domains: derived.namespaces.domains,
    ips: derived.namespaces.ips.toCidrs().map((b: IpBlock) => b.text),
  };
}

function intern<T>(index: Map<string, number>, list: T[], key: string, value: T): number {
  let i = index.get(key);
  if (i === undefined) {
    i = list.length;
    list.push(value);
    index.set(key, i);
  }
  return i;
}
