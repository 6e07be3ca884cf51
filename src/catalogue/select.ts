import { severityRank } from '../model/finding.js';
import { shippedDerivations } from './derived.js';
import { didYouMean } from '../model/suggest.js';
import { HostPattern } from '../model/host.js';
import { IpBlock, IpSet, parseIpBlock } from '../model/ip.js';
import { PortSet, type PortSpec } from '../model/ports.js';
import {
  CATEGORIES,
  SERVICE_AREAS,
  type Catalogue,
  type CloudCatalogue,
  type EndpointSet,
  type HostRequirement,
  type Instance,
  type IpRequirement,
  type OtherEndpointRow,
  type PortRangeJson,
  type Requirement,
  type RequirementSource,
  type Selection,
  type Severity,
} from './types.js';

/**
 * A host of an other-endpoints row that holds a per-customer token such as `<email_domain>`.
 * The catalogue cannot know the value, so such hosts never become requirements.
 */
export function isPlaceholderHost(host: string): boolean {
  return /<[^>]*>/.test(host);
}

/** Whether an other-endpoints record applies to the cloud (no `clouds` list: every cloud). */
export function rowAppliesTo(row: OtherEndpointRow, instance: Instance): boolean {
  return row.clouds === undefined || row.clouds.includes(instance);
}

/** Every scenario id of the catalogue, in document order. */
export function scenarioIds(catalogue: Catalogue): string[] {
  return [...new Set(catalogue.otherEndpoints.map((r) => r.scenario))];
}

/**
 * The requirements of a selection: the endpoint sets of the cloud whose service area and category
 * are selected (optional ones only with `includeOptional`) plus the records of the selected
 * scenarios. One requirement per distinct host pattern or address block, naming every source.
 */
export function selectRequirements(
  catalogue: Catalogue,
  selection: Selection,
): { requirements: Requirement[]; problems: string[] } {
  const problems: string[] = [];
  const merger = new Merger(selection.ipv6, selection.tenant, problems);
  const cloud = catalogue.clouds[selection.instance];
  const upcoming = upcomingAdditions(cloud, selection.today);
  for (const set of cloud.endpointSets) {
    if (!selection.serviceAreas.includes(set.serviceArea)) continue;
    if (!selection.categories.includes(set.category)) continue;
    if (!set.required && !selection.includeOptional) continue;
    merger.addSet(set, selection.instance, upcoming);
  }

  const known = scenarioIds(catalogue);
  for (const scenario of new Set(selection.scenarios)) {
    if (!known.includes(scenario)) {
      problems.push(
        `unknown scenario "${scenario}"${didYouMean(scenario, known)} (known scenarios: ${known.join(', ')})`,
      );
      continue;
    }
    const records = catalogue.otherEndpoints.filter((r) => r.scenario === scenario);
    const applicable = records.filter((r) => rowAppliesTo(r, selection.instance));
    if (applicable.length === 0) {
      const clouds = [...new Set(records.flatMap((r) => r.clouds ?? []))];
      problems.push(
        `scenario "${scenario}" does not apply to the ${selection.instance} cloud (only to ${clouds.join(', ')})`,
      );
      continue;
    }
    for (const record of applicable) merger.addRow(record, selection.instance);
  }
  return { requirements: merger.requirements(), problems };
}

/**
 * The additions of the cloud's history that go live after `today`: `set|kind|value` → the date.
 * Without a date nothing is upcoming.
 */
export function upcomingAdditions(
  cloud: CloudCatalogue,
  today: string | undefined,
): Map<string, string> {
  const out = new Map<string, string>();
  if (today === undefined) return out;
  for (const a of cloud.history?.added ?? []) {
    if (a.effectiveDate <= today) continue;
    const key = additionKey(a.endpointSetId, a.kind, a.value);
    const known = out.get(key);
    if (known === undefined || a.effectiveDate < known) out.set(key, a.effectiveDate);
  }
  return out;
}

function additionKey(set: number, kind: 'url' | 'ip', value: string): string {
  return `${set}|${kind}|${value}`;
}

/**
 * Every requirement of the cloud whatever the selection (all service areas and categories,
 * optional sets, IPv6, every scenario that applies, no tenant): what "belongs to Microsoft 365"
 * means when an entry matches nothing selected.
 */
export function allSources(catalogue: Catalogue, instance: Instance): Requirement[] {
  return (
    shippedDerivations(catalogue, instance)?.requirements ?? deriveAllSources(catalogue, instance)
  );
}

/** {@link allSources} worked out from the catalogue, for a catalogue that ships none. */
export function deriveAllSources(catalogue: Catalogue, instance: Instance): Requirement[] {
  const scenarios = scenarioIds(catalogue).filter((id) =>
    catalogue.otherEndpoints.some((r) => r.scenario === id && rowAppliesTo(r, instance)),
  );
  return selectRequirements(catalogue, {
    instance,
    serviceAreas: SERVICE_AREAS,
    categories: CATEGORIES,
    includeOptional: true,
    ipv6: true,
    scenarios,
  }).requirements;
}

/**
 * The namespaces of a cloud's web-service data: the registrable domains of its URLs and the union
 * of its address blocks. The other-endpoints rows are left out on purpose: they name third-party
 * and general Azure domains that a mixed allowlist uses for much besides Microsoft 365.
 */
export function m365Namespaces(
  catalogue: Catalogue,
  instance: Instance,
): { domains: string[]; ips: IpSet } {
  return (
    shippedDerivations(catalogue, instance)?.namespaces ?? deriveM365Namespaces(catalogue, instance)
  );
}

/** {@link m365Namespaces} worked out from the catalogue, for a catalogue that ships none. */
export function deriveM365Namespaces(
  catalogue: Catalogue,
  instance: Instance,
): { domains: string[]; ips: IpSet } {
  const domains = new Set<string>();
  const blocks: IpBlock[] = [];
  for (const set of catalogue.clouds[instance].endpointSets) {
    for (const url of set.urls) {
      const parsed = HostPattern.parse(url);
      const domain = parsed.ok ? parsed.value.registrableDomain() : undefined;
      if (domain !== undefined) domains.add(domain);
    }
    for (const ip of set.ips) {
      const parsed = parseIpBlock(ip);
      if (parsed.ok) blocks.push(parsed.value);
    }
  }
  return { domains: [...domains].sort(), ips: IpSet.of(blocks) };
}

// ---- Merging -----------------------------------------------------------------------------------

function portSpec(tcp: readonly PortRangeJson[], udp: readonly PortRangeJson[]): PortSpec {
  return { tcp: PortSet.of(tcp), udp: PortSet.of(udp) };
}

function unionPorts(a: PortSpec, b: PortSpec): PortSpec {
  return { tcp: a.tcp.union(b.tcp), udp: a.udp.union(b.udp) };
}

/** Optimize and Allow sets carry traffic that breaks without them; Default sets degrade more gently. */
function sourceSeverity(source: RequirementSource): Severity {
  if (source.kind === 'other-endpoints') return 'warning';
  if (!source.required) return 'notice';
  return source.category === 'Default' ? 'warning' : 'error';
}

function sourceKey(s: RequirementSource): string {
  return `${s.kind}:${s.id}:${s.scenario ?? ''}`;
}

function compareSources(a: RequirementSource, b: RequirementSource): number {
  if (a.kind !== b.kind) return a.kind === 'endpoint-set' ? -1 : 1;
  const sa = a.scenario ?? '';
  const sb = b.scenario ?? '';
  return a.id - b.id || (sa < sb ? -1 : sa > sb ? 1 : 0);
}

interface Pending<T> {
  readonly value: T;
  readonly text: string;
  readonly sources: Map<string, RequirementSource>;
}

class Merger {
  readonly #hosts = new Map<string, Pending<HostPattern>>();
  readonly #ips = new Map<string, Pending<IpBlock>>();

  constructor(
    private readonly ipv6: boolean,
    private readonly tenant: string | undefined,
    private readonly problems: string[],
  ) {}

  addSet(set: EndpointSet, instance: Instance, upcoming?: ReadonlyMap<string, string>): void {
    const source: RequirementSource = {
      kind: 'endpoint-set',
      id: set.id,
      serviceArea: set.serviceArea,
      category: set.category,
      required: set.required,
      ports: portSpec(set.tcpPortRanges, set.udpPortRanges),
      ...(set.notes === undefined ? {} : { notes: set.notes }),
    };
    const where = `endpoint set ${set.id} of ${instance}`;
    const dated = (kind: 'url' | 'ip', value: string): RequirementSource => {
      const from = upcoming?.get(additionKey(set.id, kind, value));
      return from === undefined ? source : { ...source, effectiveFrom: from };
    };
    for (const url of set.urls) this.#addHost(url, dated('url', url), where);
    for (const ip of set.ips) this.#addIp(ip, dated('ip', ip), where);
  }

  addRow(row: OtherEndpointRow, instance: Instance): void {
    const d = row.destinations;
    const source: RequirementSource = {
      kind: 'other-endpoints',
      id: row.row,
      scenario: row.scenario,
      required: true,
      ports: portSpec(d.tcpPortRanges, d.udpPortRanges),
      ...(row.note === undefined ? {} : { notes: row.note }),
    };
    const where = `other-endpoints row ${row.row} (${row.scenario}) of ${instance}`;
    for (const host of d.hosts) if (!isPlaceholderHost(host)) this.#addHost(host, source, where);
    for (const ip of d.ips) this.#addIp(ip, source, where);
  }

  requirements(): Requirement[] {
    // Indexed rather than destructured: a run sorts these once, before anything is compiled.
    const hosts = [...this.#hosts.entries()]
      .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .map(([, p]): HostRequirement => ({
        kind: 'host',
        pattern: p.value,
        text: p.text,
        ...summarise(p),
      }));
    const ips = [...this.#ips.values()]
      .sort((a, b) => IpBlock.compare(a.value, b.value))
      .map((p): IpRequirement => ({ kind: 'ip', block: p.value, text: p.text, ...summarise(p) }));
    return [...hosts, ...ips];
  }

  #addHost(text: string, source: RequirementSource, where: string): void {
    const parsed = HostPattern.parse(text);
    if (!parsed.ok) {
      this.problems.push(`${where}: ${parsed.error}`);
      return;
    }
    const pattern = this.tenant === undefined ? parsed.value : parsed.value.withTenant(this.tenant);
    add(this.#hosts, pattern.key(), pattern, pattern.text, source);
  }

  #addIp(text: string, source: RequirementSource, where: string): void {
    const parsed = parseIpBlock(text);
    if (!parsed.ok) {
      this.problems.push(`${where}: ${parsed.error}`);
      return;
    }
    if (parsed.value.family === 6 && !this.ipv6) return;
    add(this.#ips, parsed.value.key(), parsed.value, text, source);
  }
}

function add<T>(
  map: Map<string, Pending<T>>,
  key: string,
  value: T,
  text: string,
  source: RequirementSource,
): void {
  let pending = map.get(key);
  if (!pending) {
    pending = { value, text, sources: new Map() };
    map.set(key, pending);
  }
  const sk = sourceKey(source);
  const existing = pending.sources.get(sk);
  // Two records of one scenario can name the same endpoint with different ports.
  pending.sources.set(
    sk,
    existing
      ? {
          ...existing,
          ports: unionPorts(existing.ports, source.ports),
          // One set naming the endpoint twice: it is required as soon as either entry is live.
          ...(existing.effectiveFrom === undefined || source.effectiveFrom === undefined
            ? { effectiveFrom: undefined }
            : {}),
        }
      : source,
  );
}

function summarise<T>(p: Pending<T>): {
  ports: PortSpec;
  sources: RequirementSource[];
  severity: Severity;
  upcoming?: string;
} {
  const sources = [...p.sources.values()].sort(compareSources);
  let ports: PortSpec = { tcp: PortSet.EMPTY, udp: PortSet.EMPTY };
  let severity: Severity = 'notice';
  for (const s of sources) {
    ports = unionPorts(ports, s.ports);
    const sev = sourceSeverity(s);
    if (severityRank(sev) > severityRank(severity)) severity = sev;
  }
  // Upcoming only while every source is: one live source makes it a requirement today.
  const dates = sources.map((s) => s.effectiveFrom);
  const upcoming = dates.every((d) => d !== undefined)
    ? [...(dates as string[])].sort()[0]
    : undefined;
  return { ports, sources, severity, ...(upcoming === undefined ? {} : { upcoming }) };
}
