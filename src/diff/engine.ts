import { allSources, m365Namespaces, selectRequirements } from '../catalogue/select.js';
import {
  isWebServiceProvenance,
  type Catalogue,
  type HostRequirement,
  type Instance,
  type IpRequirement,
  type RemovedEndpoint,
  type Requirement,
  type RequirementSource,
  type Selection,
} from '../catalogue/types.js';
import { HostPattern } from '../model/host.js';
import type {
  Entry,
  FormatCapabilities,
  HostEntry,
  IpEntry,
  ParsedFile,
  ParseProblem,
  ReferenceEntry,
} from '../model/entry.js';
import { objectEntries } from '../model/entry.js';
import {
  bounded,
  RULES,
  severityRank,
  type Finding,
  type FindingRequirement,
  type RuleId,
  type Severity,
} from '../model/finding.js';
import { compareLocations, type SourceLocation } from '../model/location.js';
import { IpBlock, IpSet, parseIpBlock } from '../model/ip.js';
import { IpRows } from './ip-rows.js';
import { MAX_QUOTED_LENGTH, truncate } from '../model/text.js';
import {
  formatPortSpec,
  PortSet,
  PROTOCOLS,
  type PortRange,
  type PortSpec,
} from '../model/ports.js';
import { interestingSuffixes, SuffixIndex, SuffixTrie, suffixes } from './host-index.js';
import { NearestIp } from './nearest-ip.js';
import { LookalikeIndex } from './lookalike.js';
import { WildcardIndex } from './wildcard-index.js';

export type Scope = 'dedicated' | 'mixed';

/** One parsed allowlist file, with how it is to be judged. */
export interface CheckedFile {
  readonly parsed: ParsedFile;
  readonly capabilities: FormatCapabilities;
  readonly scope: Scope;
  readonly group: string;
}

export interface CheckInput {
  readonly catalogue: Catalogue;
  readonly selection: Selection;
  readonly files: readonly CheckedFile[];
  /** Where the catalogue came from (default: the embedded data). */
  readonly origin?: CatalogueOrigin;
}

/** How the catalogue was obtained: bundled, a committed snapshot, or the web service (maybe via its cache). */
export type CatalogueOrigin = 'embedded' | 'snapshot' | 'live' | 'cache';

export type FileSummary =
  | {
      readonly path: string;
      readonly format: string;
      readonly kind: 'allowlist';
      readonly group: string;
      readonly scope: Scope;
      readonly entries: number;
    }
  | {
      readonly path: string;
      readonly format: string;
      readonly kind: 'dns';
      readonly entries: number;
    };

export interface CatalogueSummary {
  readonly instance: string;
  readonly dataDate: string;
  readonly source: string;
  readonly origin: CatalogueOrigin;
  /** The web service's version of the data, when it came from the web service. */
  readonly version?: string;
  readonly fetchedAt?: string;
  readonly selection: Selection;
  readonly requirements: { readonly hosts: number; readonly ips: number };
}

/** The one value every reporter renders. */
export interface Result {
  readonly catalogue: CatalogueSummary;
  readonly files: readonly FileSummary[];
  readonly findings: readonly Finding[];
  /** Remarks about the run itself (skipped requirement kinds, selection problems). */
  readonly notes: readonly string[];
  /** Per allowlist group, which requirement kinds were checked (a group of one kind is not asked for the other). */
  readonly checkedKinds?: Readonly<
    Record<string, { readonly hosts: boolean; readonly ips: boolean }>
  >;
}

export const CLOUD_NAMES: Readonly<Record<Instance, string>> = {
  worldwide: 'Worldwide',
  china: '21Vianet (China)',
  usgovdod: 'US Government DoD',
  usgovgcchigh: 'US Government GCC High',
};

interface RemovedHost {
  readonly pattern: HostPattern;
  readonly removed: RemovedEndpoint;
}

interface RemovedIp {
  readonly block: IpBlock;
  readonly removed: RemovedEndpoint;
}

export function check(input: CheckInput): Result {
  const { catalogue, selection } = input;
  const selected = selectRequirements(catalogue, selection);
  const everything = allSources(catalogue, selection.instance);
  const namespaces = m365Namespaces(catalogue, selection.instance);
  const notes: string[] = [...selected.problems];
  const checkedKinds: Record<string, { hosts: boolean; ips: boolean }> = {};
  const findings: Finding[] = [];
  const context = new CloudContext(
    selection,
    selected.requirements,
    everything,
    namespaces,
    catalogue.clouds[selection.instance].history?.removed ?? [],
  );

  for (const file of input.files)
    for (const p of file.parsed.problems) findings.push(problemFinding(p, file.group));

  const groups = new Map<string, CheckedFile[]>();
  for (const f of input.files) {
    const list = groups.get(f.group);
    if (list) list.push(f);
    else groups.set(f.group, [f]);
  }
  for (const [group, files] of [...groups].sort((a, b) =>
    a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0,
  )) {
    new GroupCheck(group, files, context, findings, notes, checkedKinds).run();
  }

  const cloud = catalogue.clouds[selection.instance];
  const p = cloud.provenance;
  return {
    checkedKinds,
    catalogue: {
      instance: selection.instance,
      dataDate: p.dataDate,
      source: isWebServiceProvenance(p)
        ? `${p.serviceUrl.replace(/\/+$/, '')}/endpoints/${selection.instance} version ${p.version}`
        : `${p.sourceFile} (${p.origin.repo}@${p.origin.commit.slice(0, 12)})`,
      origin: input.origin ?? 'embedded',
      ...(isWebServiceProvenance(p) ? { version: p.version, fetchedAt: p.fetchedAt } : {}),
      selection,
      requirements: {
        hosts: selected.requirements.filter((r) => r.kind === 'host').length,
        ips: selected.requirements.filter((r) => r.kind === 'ip').length,
      },
    },
    files: input.files.flatMap((f) => fileSummaries(f)),
    findings: sortFindings(findings),
    notes,
  };
}

/**
 * The file and the files it named (an ACL file, an include), each with the entries read from it
 * and the group and scope of the file that named it.
 */
function fileSummaries(f: CheckedFile): FileSummary[] {
  const counts = new Map<string, number>([[f.parsed.path, 0]]);
  if (f.parsed.split)
    counts.set(f.parsed.path, f.parsed.split.ipv4.size + f.parsed.split.names.size);
  for (const e of objectEntries(f.parsed))
    counts.set(e.location.file, (counts.get(e.location.file) ?? 0) + 1);
  return [...counts].map(([path, entries]) => ({
    path,
    format: f.parsed.format,
    kind: 'allowlist' as const,
    group: f.group,
    scope: f.scope,
    entries,
  }));
}

/** What is known about the selected cloud, shared by all groups. */
class CloudContext {
  readonly hostReqs: HostRequirement[];
  readonly ipReqs: IpRequirement[];
  readonly allHostReqs: HostRequirement[];
  readonly allIpReqs: IpRequirement[];
  readonly catalogueHostKeys: Set<string>;
  readonly catalogueIpKeys: Set<string>;
  readonly selectedHostKeys: Set<string>;
  readonly allHostIndex: SuffixIndex<HostRequirement>;
  readonly selectedHostIndex: SuffixIndex<HostRequirement>;
  /** Every suffix of every selected host requirement's base, down to the root. */
  readonly requirementSuffixes: Set<string>;
  readonly interesting: Set<string>;
  /** The same names as a trie, shared by every host index of the run. */
  readonly interestingTrie: SuffixTrie;
  /** Whether a catalogue host pattern has a base of fewer than two labels (`*.com`, `*`). */
  readonly #shortBases: boolean;
  readonly selectedSpace: IpSet;
  readonly allSpace: IpSet;
  readonly domains: Set<string>;
  /** Hosts and addresses that earlier versions had and the current one does not. */
  readonly removedHosts: SuffixIndex<RemovedHost>;
  readonly hasRemovedHosts: boolean;
  readonly removedIps: RemovedIp[];
  readonly removedSpace: IpSet;
  /** Endpoint sets and scenario rows that the selection includes. */
  readonly selectedSources: Set<string>;
  readonly instance: Instance;
  #lookalikes: LookalikeIndex | undefined;

  /** Catalogue names by look, built when the first internationalised entry needs it. */
  get lookalikes(): LookalikeIndex {
    return (this.#lookalikes ??= new LookalikeIndex(
      [...this.allHostReqs, ...this.hostReqs].map((r) => r.pattern),
    ));
  }

  /**
   * False when no catalogue host pattern can share a name with a pattern of this base, nor have
   * its key: the base's last two labels end no catalogue base. A walk of a few characters, for
   * the many names of a large general list that have nothing to do with Microsoft 365.
   */
  nearCatalogue(base: string): boolean {
    return this.#shortBases || this.interestingTrie.holdsLastTwoLabels(base);
  }

  constructor(
    readonly selection: Selection,
    selected: readonly Requirement[],
    everything: readonly Requirement[],
    namespaces: { domains: readonly string[]; ips: IpSet },
    removed: readonly RemovedEndpoint[],
  ) {
    const hosts: RemovedHost[] = [];
    this.removedIps = [];
    for (const r of removed) {
      if (r.kind === 'url') {
        const parsed = HostPattern.parse(r.value);
        if (parsed.ok) hosts.push({ pattern: parsed.value, removed: r });
      } else {
        const parsed = parseIpBlock(r.value);
        if (parsed.ok) this.removedIps.push({ block: parsed.value.masked(), removed: r });
      }
    }
    this.hasRemovedHosts = hosts.length > 0;
    this.removedHosts = new SuffixIndex(interestingSuffixes(hosts.map((h) => h.pattern.base)));
    for (const h of hosts) this.removedHosts.add(h.pattern.base, h);
    this.removedSpace = IpSet.of(this.removedIps.map((r) => r.block));
    this.hostReqs = selected.filter((r): r is HostRequirement => r.kind === 'host');
    this.ipReqs = selected.filter((r): r is IpRequirement => r.kind === 'ip');
    this.allHostReqs = everything.filter((r): r is HostRequirement => r.kind === 'host');
    this.allIpReqs = everything.filter((r): r is IpRequirement => r.kind === 'ip');
    // Tenant substitution makes selected patterns that allSources does not have.
    this.catalogueHostKeys = new Set(
      [...this.allHostReqs, ...this.hostReqs].map((r) => r.pattern.key()),
    );
    this.catalogueIpKeys = new Set(this.allIpReqs.map((r) => r.block.key()));
    this.selectedHostKeys = new Set(this.hostReqs.map((r) => r.pattern.key()));
    this.interesting = interestingSuffixes(
      [...this.allHostReqs, ...this.hostReqs].map((r) => r.pattern.base),
    );
    this.interestingTrie = SuffixTrie.of(this.interesting);
    this.#shortBases = [...this.allHostReqs, ...this.hostReqs].some(
      (r) => !r.pattern.base.includes('.'),
    );
    this.allHostIndex = new SuffixIndex(this.interestingTrie);
    for (const r of this.allHostReqs) this.allHostIndex.add(r.pattern.base, r);
    this.requirementSuffixes = new Set(this.hostReqs.flatMap((r) => suffixes(r.pattern.base)));
    this.selectedHostIndex = new SuffixIndex(this.interestingTrie);
    for (const r of this.hostReqs) this.selectedHostIndex.add(r.pattern.base, r);
    this.selectedSpace = IpSet.of(this.ipReqs.map((r) => r.block));
    this.allSpace = namespaces.ips.union(IpSet.of(this.allIpReqs.map((r) => r.block)));
    this.domains = new Set(namespaces.domains);
    this.instance = selection.instance;
    this.selectedSources = new Set(selected.flatMap((r) => r.sources.map(sourceId)));
  }
}

class GroupCheck {
  private readonly hosts: HostEntry[] = [];
  private readonly ips: IpRows;
  private readonly references: ReferenceEntry[] = [];
  /** The checked file each entry was read through (a Squid ACL file's entries: its squid.conf). */
  private readonly byPath = new Map<string, CheckedFile>();
  private readonly readThrough = new Map<Entry, CheckedFile>();
  private readonly hostIndex: SuffixIndex<HostEntry>;
  private readonly hostVerdicts = new Map<HostEntry, Verdict>();
  private readonly fallbacks = new Map<
    'hosts' | 'ips',
    { location: SourceLocation; where: string }
  >();
  #nearestIp: NearestIp | undefined;
  /** Listed names of mixed lists left out as far from the catalogue (see hostsAndReferences). */
  #quietNames = 0;
  #m365Rows: Uint8Array | undefined;
  #lastPath: string | undefined;
  #lastFile: CheckedFile | undefined;
  /** The wildcard entries, for finding one that covers another without comparing every pair. */
  private readonly wildcards = new WildcardIndex<HostEntry>();

  constructor(
    private readonly group: string,
    private readonly files: readonly CheckedFile[],
    private readonly ctx: CloudContext,
    private readonly findings: Finding[],
    private readonly notes: string[],
    private readonly checkedKinds: Record<string, { hosts: boolean; ips: boolean }> = {},
  ) {
    this.hostIndex = new SuffixIndex(ctx.interestingTrie);
    for (const f of files) if (!this.byPath.has(f.parsed.path)) this.byPath.set(f.parsed.path, f);
    const onlyMixed = files.every((f) => f.scope === 'mixed');
    this.ips = new IpRows(files.map((f) => f.parsed));
    for (const f of files) {
      for (const e of this.hostsAndReferences(f)) {
        // Only entries of another file (an ACL file named in squid.conf) need a map entry.
        if (e.location.file !== f.parsed.path) this.readThrough.set(e, f);
        if (e.kind === 'host') {
          this.hosts.push(e);
          // An exact name covers only itself: only wildcards can make another entry redundant.
          if (e.pattern.isWildcard && (!onlyMixed || this.mayCoverJudged(e.pattern)))
            this.wildcards.add(e);
          // Requirements look for entries at the suffixes of their own bases and under them:
          // an entry at any other base is never asked for there, nor one far from every
          // catalogue name (the index would not file it).
          const base = e.pattern.base;
          if (!ctx.nearCatalogue(base)) continue;
          if (ctx.requirementSuffixes.has(base)) this.hostIndex.add(base, e);
          else this.hostIndex.addUnder(base, e);
        } else if (e.kind === 'reference') this.references.push(e);
      }
    }
  }

  /**
   * The entries of a file other than addresses, in line order. A plain name of a listed line is
   * made an entry only when it can concern the check: in a mixed list, a name far from every
   * catalogue name, and from every removed one, is neither judged nor asked for, and only
   * counted.
   */
  private *hostsAndReferences(f: CheckedFile): Generator<Entry> {
    const split = f.parsed.split;
    if (!split) {
      for (const e of f.parsed.entries) if (e.kind !== 'ip') yield e;
      return;
    }
    const { names, others } = split;
    const quiet = f.scope === 'mixed';
    // A wildcard of a mixed list may still cover a judged entry of a dedicated list in the group.
    const quietWildcards = quiet && this.files.every((g) => g.scope === 'mixed');
    let j = 0;
    for (let i = 0; i < names.size; i++) {
      const line = names.line[i]!;
      for (; j < others.length && others[j]!.location.line < line; j++)
        if (others[j]!.kind !== 'ip') yield others[j]!;
      if (!quiet) {
        yield names.entry(i);
        continue;
      }
      if (!names.isWildcard(i)) {
        const name = names.text(i);
        if (this.ctx.nearCatalogue(name) || this.removedNear(name)) yield names.entry(i);
        else this.#quietNames++;
        continue;
      }
      // A wildcard is judged when it opens a public suffix, and indexed when it may cover a
      // judged entry (checkHostEntries, mayCoverJudged); made first, kept only then.
      const pattern = HostPattern.of(names.text(i));
      if (
        !quietWildcards ||
        this.ctx.nearCatalogue(pattern.base) ||
        this.removedNear(pattern.base) ||
        pattern.overBreadth() !== undefined ||
        this.mayCoverJudged(pattern)
      )
        yield names.entry(i, pattern);
      else this.#quietNames++;
    }
    for (; j < others.length; j++) if (others[j]!.kind !== 'ip') yield others[j]!;
  }

  private removedNear(base: string): boolean {
    return this.ctx.hasRemovedHosts && this.ctx.removedHosts.touches(base);
  }

  /** The checked file an entry was read through (for an ACL file's entries: its squid.conf). */
  private fileOf(e: Entry): CheckedFile {
    // Asked for every entry in the order of the files: the last answer is usually the answer.
    const path = e.location.file;
    if (path === this.#lastPath && this.readThrough.size === 0) return this.#lastFile!;
    const file = this.readThrough.get(e) ?? this.byPath.get(path)!;
    this.#lastPath = path;
    this.#lastFile = file;
    return file;
  }

  run(): void {
    const can = {
      hosts: this.files.some((f) => f.capabilities.hosts),
      ips: this.files.some((f) => f.capabilities.ips),
      ipv6: this.files.some((f) => f.capabilities.ipv6),
    };
    const label = this.group === 'default' ? 'the allowlist' : `allowlist group "${this.group}"`;
    // A group that holds only addresses (an IP feed) is not asked for host names, and the reverse:
    // such lists are kept beside a list of the other kind for another firewall object.
    // A reference counts as the kind of address it stands for (an FQDN tag for names, a service tag for addresses).
    const kinds = (k: 'url' | 'ipv4') =>
      this.references.some(
        (r) =>
          !r.reference.addressKinds ||
          r.reference.addressKinds.some((x) => (k === 'url' ? x === 'url' : x !== 'url')),
      );
    const holdsHosts = this.hosts.length > 0 || this.#quietNames > 0 || kinds('url');
    const holdsIps = this.ips.size > 0 || kinds('ipv4');
    const wantHosts = can.hosts && (holdsHosts || !holdsIps);
    const wantIps = can.ips && (holdsIps || !holdsHosts);
    this.checkedKinds[this.group] = { hosts: wantHosts, ips: wantIps };
    if (!wantHosts && this.ctx.hostReqs.length > 0)
      this.notes.push(
        `${label} holds no host names, so its ${this.ctx.hostReqs.length} host requirements were not checked`,
      );
    if (!wantIps && this.ctx.ipReqs.length > 0)
      this.notes.push(
        `${label} holds no IP addresses, so its ${this.ctx.ipReqs.length} address requirements were not checked`,
      );
    if (wantHosts) this.checkHostRequirements();
    if (wantIps) this.checkIpRequirements(can.ipv6);
    this.checkHostEntries();
    this.checkIpEntries();
    this.checkReferences();
  }

  // ── requirements: what is missing ─────────────────────────────────────────

  private checkHostRequirements(): void {
    for (const req of this.ctx.hostReqs) {
      if (this.coveredByReference(req)) continue;
      const candidates = this.hostIndex.related(req.pattern.base);
      const full: HostEntry[] = [];
      const partial: HostEntry[] = [];
      for (const e of candidates) {
        const c = e.pattern.coverage(req.pattern);
        if (c === 'full') full.push(e);
        else if (c === 'partial') partial.push(e);
      }
      if (full.length > 0) {
        this.checkPorts(req, full);
        continue;
      }
      if (partial.length > 0) {
        const first = partial.sort((a, b) => compareLocations(a.location, b.location))[0]!;
        const named = partial.slice(0, 3).map((e) => quote(e.text));
        const some =
          partial.length > 3
            ? `${named.join(', ')} and ${partial.length - 3} more allow`
            : named.length === 1
              ? `${named[0]} allows`
              : `${named.slice(0, -1).join(', ')} and ${named[named.length - 1]} allow`;
        this.add(
          'partially-covered',
          req.severity === 'notice' || req.upcoming !== undefined ? 'notice' : 'warning',
          first.location,
          {
            message: `${quote(req.text)} is only partly allowed: ${some} only some of its names (${describeSources(req.sources)})${fromDate(req)}`,
            entry: first.text,
            requirement: req,
          },
        );
        continue;
      }
      const near = this.nearestHost(req.pattern);
      if (req.upcoming !== undefined) {
        this.add('upcoming-endpoint', 'notice', near.location, {
          message: `${quote(req.text)} is required from ${req.upcoming} (${describeSources(req.sources)}); ${near.where}`,
          requirement: req,
        });
        continue;
      }
      this.add('missing-endpoint', req.severity, near.location, {
        message: `${quote(req.text)} is required but not allowed (${describeSources(req.sources)}); ${near.where}`,
        requirement: req,
      });
    }
  }

  private checkIpRequirements(ipv6: boolean): void {
    let reqs = this.ctx.ipReqs.filter(
      (r) => (ipv6 || r.block.family === 4) && !this.coveredByReference(r),
    );
    // A list without a single IPv6 entry has no IPv6 egress, or forgot all of it: say so once.
    // Upcoming prefixes keep their own notices, with their dates.
    const v6 = reqs.filter((r) => r.block.family === 6 && r.upcoming === undefined);
    if (v6.length > 0 && !this.hasV6()) {
      reqs = reqs.filter((r) => r.block.family === 4 || r.upcoming !== undefined);
      const severity = v6.reduce<Severity>(
        (s, r) => (severityRank(r.severity) > severityRank(s) ? r.severity : s),
        'notice',
      );
      const near = this.fallback('ips');
      this.add('missing-endpoint', severity, near.location, {
        message: `no IPv6 address is allowed, but ${v6.length} IPv6 prefix${v6.length === 1 ? ' is' : 'es are'} required (${describeSources(v6.flatMap((r) => r.sources))}); add them, or set "ipv6: false" if this network has no IPv6 egress`,
        uncovered: v6.map((r) => r.block.masked().text),
        endpointSet: 'IPv6',
      });
    }
    // Only the entries that share an address with a requirement can cover part of it.
    const need = IpSet.of(reqs.map((r) => r.block));
    const missing = need.subtract(this.ips.set(this.overlappingRows(need)));
    let ported = false;
    for (let i = 0; i < this.ips.size && !ported; i++) ported = this.ips.hasPorts(i);
    const byPorts = new Map<string, IpSet>();
    for (const req of reqs) {
      const uncovered = missing.isEmpty() ? missing : IpSet.of([req.block]).intersect(missing);
      if (uncovered.isEmpty()) {
        if (ported) this.checkIpPorts(req, byPorts);
        continue;
      }
      const cidrs = uncovered.toCidrs().map((b) => b.text);
      const fully = cidrs.length === 1 && cidrs[0] === req.block.masked().text;
      if (fully) {
        const near = this.nearestIp(req.block);
        if (req.upcoming !== undefined) {
          this.add('upcoming-endpoint', 'notice', near.location, {
            message: `${req.block.masked().text} is required from ${req.upcoming} (${describeSources(req.sources)}); ${near.where}`,
            requirement: req,
            uncovered: cidrs,
          });
          continue;
        }
        this.add('missing-endpoint', req.severity, near.location, {
          message: `${req.block.masked().text} is required but not allowed (${describeSources(req.sources)}); ${near.where}`,
          requirement: req,
          uncovered: cidrs,
        });
      } else {
        const row = this.ips.firstOf(this.ips.overlapping(req.block));
        const part = row === undefined ? undefined : this.ips.entry(row);
        const location = part?.location ?? this.nearestIp(req.block).location;
        this.add('partially-covered', req.upcoming ? 'notice' : req.severity, location, {
          message: `${req.block.masked().text} is only partly allowed: ${cidrs.length === 1 ? '' : `${cidrs.length} prefixes, `}${listSome(cidrs)} not covered (${describeSources(req.sources)})${fromDate(req)}`,
          ...(part ? { entry: part.text } : {}),
          requirement: req,
          uncovered: cidrs,
        });
      }
    }
  }

  /**
   * Each required port (or range) must be allowed on the whole prefix, by the union of the
   * entries that allow that port: a prefix may be split over entries with different ports.
   */
  private checkIpPorts(req: IpRequirement, cache: Map<string, IpSet>): void {
    const missing: { tcp: PortRange[]; udp: PortRange[] } = { tcp: [], udp: [] };
    let uncovered = IpSet.empty();
    const rows = this.ips.overlapping(req.block);
    const overlapping = rows.map((i) => this.ips.entry(i));
    for (const proto of PROTOCOLS) {
      for (const range of elementaryRanges(
        req.ports[proto],
        overlapping.map((e) => e.ports?.[proto]),
      )) {
        const key = `${proto}/${range[0]}-${range[1]}`;
        let set = cache.get(key);
        if (!set) {
          const need = PortSet.of([range]);
          const allowing: number[] = [];
          for (let i = 0; i < this.ips.size; i++) {
            const ports = this.ips.hasPorts(i) ? this.ips.entry(i).ports : undefined;
            if (!ports || ports[proto].covers(need)) allowing.push(i);
          }
          set = this.ips.set(allowing);
          cache.set(key, set);
        }
        const short = IpSet.of([req.block]).subtract(set);
        if (short.isEmpty()) continue;
        missing[proto].push(range);
        uncovered = uncovered.union(short);
      }
    }
    if (uncovered.isEmpty()) return;
    const firstRow = this.ips.firstOf(rows);
    if (firstRow === undefined) return;
    const first = this.ips.entry(firstRow);
    const gap = { tcp: PortSet.of(missing.tcp), udp: PortSet.of(missing.udp) };
    this.add('partially-covered', req.severity, first.location, {
      message: `${req.block.masked().text} is allowed, but not on every port it needs: ${formatPortSpec(gap)} missing (${describeSources(req.sources)})`,
      entry: first.text,
      requirement: req,
      uncovered: uncovered.toCidrs().map((b) => b.text),
      missingPorts: gap,
    });
  }

  private checkPorts(req: HostRequirement, covering: HostEntry[]): void {
    if (covering.some((e) => e.ports === undefined)) return;
    const allowed = unionPorts(covering.map((e) => e.ports));
    const gap = subtractSpec(req.ports, allowed);
    if (gap.tcp.isEmpty && gap.udp.isEmpty) return;
    const first = covering.sort((a, b) => compareLocations(a.location, b.location))[0]!;
    this.add('partially-covered', req.severity, first.location, {
      message: `${quote(req.text)} is allowed, but not on every port it needs: ${formatPortSpec(gap)} missing (${describeSources(req.sources)})`,
      entry: first.text,
      requirement: req,
      missingPorts: gap,
    });
  }

  /**
   * Azure Firewall tags and hosted feeds stand for a part of the catalogue. A reference that
   * names the requirement covers it; when the reference carries ports that miss some the
   * requirement needs, that is said once here and the requirement counts as handled.
   */
  private coveredByReference(req: Requirement): boolean {
    if (this.references.length === 0) return false;
    const naming = this.references.filter((ref) => this.referenceNames(ref, req));
    if (naming.length === 0) return false;
    if (naming.some((ref) => portsCover(ref.ports, req.ports))) return true;
    const first = [...naming].sort((a, b) => compareLocations(a.location, b.location))[0]!;
    const gap = subtractSpec(req.ports, unionPorts(naming.map((r) => r.ports)));
    this.add('partially-covered', req.severity, first.location, {
      message: `${req.kind === 'host' ? quote(req.text) : req.block.masked().text} is allowed by ${quote(first.text)}, but not on every port it needs: ${formatPortSpec(gap)} missing (${describeSources(req.sources)})`,
      entry: first.text,
      requirement: req,
      missingPorts: gap,
    });
    return true;
  }

  private referenceNames(ref: ReferenceEntry, req: Requirement): boolean {
    const r = ref.reference;
    if (r.instance !== undefined && r.instance !== this.ctx.instance) return false;
    if (r.addressKinds) {
      const kind = req.kind === 'host' ? 'url' : req.block.family === 4 ? 'ipv4' : 'ipv6';
      if (!r.addressKinds.includes(kind)) return false;
    }
    return req.sources.some(
      (s) =>
        s.kind === 'endpoint-set' &&
        (!r.serviceAreas ||
          (s.serviceArea !== undefined && r.serviceAreas.includes(s.serviceArea))) &&
        (!r.categories || (s.category !== undefined && r.categories.includes(s.category))) &&
        (r.required === undefined || r.required === s.required),
    );
  }

  /** A hosted feed of another cloud than the one checked covers nothing here. */
  private checkReferences(): void {
    for (const ref of this.references) {
      const instance = ref.reference.instance;
      if (instance === undefined || instance === this.ctx.instance) continue;
      this.add('extraneous-entry', 'warning', ref.location, {
        message: `${quote(ref.text)} is the feed of the ${CLOUD_NAMES[instance as Instance] ?? instance} cloud, but the ${CLOUD_NAMES[this.ctx.instance]} catalogue is checked`,
        entry: ref.text,
      });
    }
  }

  // ── entries: what does not belong ─────────────────────────────────────────

  private checkHostEntries(): void {
    const seen = new Map<string, HostEntry>();
    const judged: JudgedHost[] = [];
    for (const e of this.hosts) {
      const file = this.fileOf(e);
      const scope = file.scope;
      if (this.confusable(e)) continue;
      const near = this.ctx.nearCatalogue(e.pattern.base);
      // Squid and pfBlockerNG write the catalogue's `*.x` as `.x`.
      const mirrors =
        near &&
        (this.ctx.catalogueHostKeys.has(e.pattern.key()) ||
          (e.pattern.lead === 'zeroOrMore' &&
            file.capabilities.subdomainsOnly === false &&
            this.ctx.catalogueHostKeys.has(`*.${e.pattern.fixed}`)));
      // Nothing in the catalogue shares a name with it: the common case of a large general list.
      const unrelated =
        !near ||
        (!mirrors &&
          !this.ctx.allHostIndex.touches(e.pattern.base) &&
          !this.ctx.selectedHostIndex.touches(e.pattern.base));
      // Outside Microsoft 365's namespaces a mixed list is judged only where it opens a public
      // suffix or everything (such an entry allows Microsoft 365 names too), and for what only a
      // removed endpoint needed.
      if (unrelated && scope === 'mixed' && !e.pattern.overBreadth()) {
        this.staleHost(e, scope);
        continue;
      }
      const key = e.ports ? `${e.pattern.key()}|${portsKey(e.ports)}` : e.pattern.key();
      const first = seen.get(key);
      if (first) {
        this.add('redundant-entry', 'notice', e.location, {
          message: `${quote(e.text)} is a duplicate of the entry at ${where(first.location, e.location)}`,
          entry: e.text,
        });
        continue;
      }
      seen.set(key, e);
      const matching =
        mirrors || unrelated
          ? []
          : this.ctx.allHostIndex
              .related(e.pattern.base)
              .filter((r) => e.pattern.intersects(r.pattern));
      judged.push({ e, scope, mirrors, unrelated, matching });
    }
    // Verdicts first: an entry that is to be narrowed is no cover that makes another one redundant.
    for (const j of judged) {
      const v = this.hostVerdict(j);
      if (v) this.hostVerdicts.set(j.e, v);
    }
    for (const j of judged) {
      const v = this.hostVerdicts.get(j.e);
      if (v?.severity === 'warning') {
        this.add('over-broad-entry', 'warning', j.e.location, {
          message: v.message,
          entry: j.e.text,
          replacement: v.replacement,
        });
        continue;
      }
      if (!j.mirrors && this.redundantHost(j.e)) continue;
      if (v) {
        this.add('over-broad-entry', v.severity, j.e.location, {
          message: v.message,
          entry: j.e.text,
          replacement: v.replacement,
        });
        continue;
      }
      if (j.unrelated) {
        if (this.staleHost(j.e, j.scope)) continue;
        if (j.scope === 'dedicated')
          this.add('extraneous-entry', 'warning', j.e.location, {
            message: `${quote(j.e.text)} matches nothing in the ${this.cloudName()} catalogue`,
            entry: j.e.text,
          });
        continue;
      }
      this.judgeHost(j);
    }
  }

  /** Whether, and how, a host entry allows far more than Microsoft 365 needs. */
  private hostVerdict(j: JudgedHost): Verdict | undefined {
    const { e, scope, mirrors, matching } = j;
    if (mirrors) return undefined;
    const open = e.pattern.overBreadth();
    if (open) {
      const within = this.catalogueHostsWithin(e);
      return {
        severity: 'warning',
        message:
          withText(e, open) +
          (within.length === 0 || e.pattern.fixed === ''
            ? ''
            : `; the ${this.cloudName()} catalogue needs ${within.length} pattern${within.length === 1 ? '' : 's'} there (${listSome(within)})`),
        replacement: within,
      };
    }
    if (j.unrelated) return undefined;
    const registrable = e.pattern.registrableDomain();
    const inNamespace =
      matching.length > 0 || (registrable !== undefined && this.ctx.domains.has(registrable));
    if (scope === 'mixed' && !inNamespace) return undefined;
    // `.x` is how Squid and pfBlockerNG write `*.x`: it adds only the bare name.
    if (e.pattern.lead === 'zeroOrMore') {
      const star = `*.${e.pattern.fixed}`;
      if (this.ctx.catalogueHostKeys.has(star)) {
        if (this.fileOf(e).capabilities.subdomainsOnly === false) return undefined;
        if (matching.some((r) => r.pattern.matches(e.pattern.fixed))) return undefined;
        return {
          severity: 'notice',
          message: `${quote(e.text)} also allows ${quote(e.pattern.fixed)} itself, which the ${this.cloudName()} catalogue does not need; write ${quote(star)}`,
          replacement: [star],
          narrowed: HostPattern.of(star),
        };
      }
    }
    const whole = this.wholeDomain(e, matching);
    if (!whole) return undefined;
    return {
      severity: 'warning',
      message: `${quote(e.text)} ${whole}`,
      replacement: this.catalogueHostsWithin(e),
    };
  }

  /** Catalogue patterns (every set, and the selection's tenant forms) that share a name with the entry. */
  private catalogueHostsWithin(e: HostEntry): string[] {
    const candidates =
      e.pattern.fixed === '' || !e.pattern.base.includes('.')
        ? [...this.ctx.allHostReqs, ...this.ctx.hostReqs]
        : [
            ...this.ctx.allHostIndex.related(e.pattern.base),
            ...this.ctx.selectedHostIndex.related(e.pattern.base),
          ];
    const out = new Set<string>();
    for (const r of candidates) if (e.pattern.intersects(r.pattern)) out.add(r.pattern.text);
    return [...out].sort();
  }

  private judgeHost(j: JudgedHost): void {
    const { e, scope, mirrors, matching } = j;
    const inSelection =
      this.ctx.selectedHostKeys.has(e.pattern.key()) ||
      this.ctx.selectedHostIndex
        .related(e.pattern.base)
        .some((r) => e.pattern.intersects(r.pattern));
    if (inSelection) return;
    const registrable = e.pattern.registrableDomain();
    if (mirrors || matching.length > 0) {
      const reqs = mirrors
        ? this.ctx.allHostReqs.filter(
            (r) =>
              r.pattern.key() === e.pattern.key() ||
              (e.pattern.lead === 'zeroOrMore' && r.pattern.key() === `*.${e.pattern.fixed}`),
          )
        : matching;
      this.add('outside-selection', 'notice', e.location, {
        message: this.outsideSelection(
          e.text,
          reqs.flatMap((r) => r.sources),
          () => {
            const tenant = this.ctx.selection.tenant;
            if (tenant === undefined) return undefined;
            // A tenant-specific pattern of a selected set, which the selection narrows to its tenant.
            const forms = reqs
              .filter(
                (r) =>
                  r.pattern.labels.includes('*') &&
                  r.sources.some((s) => this.ctx.selectedSources.has(sourceId(s))),
              )
              .map((r) => r.pattern.withTenant(tenant).text);
            return forms.length === 0
              ? undefined
              : `is for another tenant: the selection has tenant "${tenant}" (${listSome([...new Set(forms)].sort())})`;
          },
        ),
        entry: e.text,
      });
      return;
    }
    if (this.staleHost(e, scope)) return;
    const inNamespace = registrable !== undefined && this.ctx.domains.has(registrable);
    if (scope === 'mixed' && !inNamespace) return;
    this.add('extraneous-entry', scope === 'mixed' ? 'notice' : 'warning', e.location, {
      message:
        scope === 'mixed'
          ? `${quote(e.text)} is under a Microsoft 365 domain (${registrable}) but no Microsoft 365 endpoint matches it`
          : `${quote(e.text)} matches nothing in the ${this.cloudName()} catalogue`,
      entry: e.text,
    });
  }

  /**
   * Whether a wildcard of a mixed list can cover an entry that is judged. Only entries that
   * share names with the catalogue are judged there, and a wildcard over a base of two or more
   * labels that covers one of them shares names with the catalogue too (the catalogue pattern is
   * above, at or under that base); a base of one label (`*.com`) is kept either way. Leaving the
   * others out keeps the index of a large general list small.
   */
  private mayCoverJudged(pattern: HostPattern): boolean {
    const base = pattern.base;
    if (!base.includes('.')) return true;
    return (
      this.ctx.catalogueHostKeys.has(pattern.key()) ||
      this.ctx.allHostIndex.touches(base) ||
      this.ctx.selectedHostIndex.touches(base)
    );
  }

  /** An internationalised name that looks like a catalogue name: it allows another host. */
  private confusable(e: HostEntry): boolean {
    const lookalike = this.ctx.lookalikes.imitated(e.pattern);
    if (!lookalike) return false;
    const { name, scripts } = lookalike;
    const how =
      scripts.length > 1
        ? `mixes ${scripts.join(' and ')} letters`
        : `is written in ${scripts[0] ?? 'other'} letters`;
    this.add('confusable-name', 'warning', e.location, {
      message: `${quote(e.text)} looks like "${name}" but is another name (${e.pattern.text}): ${how}, so it does not allow "${name}"`,
      entry: e.text,
    });
    return true;
  }

  /**
   * "Only needed by sets outside the selection", naming only sets that really are outside it;
   * when every set that needs it is selected, something else excludes it (the tenant, `ipv6: false`).
   */
  private outsideSelection(
    text: string,
    sources: readonly RequirementSource[],
    otherReason: () => string | undefined,
    none = 'is in the catalogue, but no selected endpoint set needs it',
  ): string {
    const other = otherReason();
    if (other !== undefined) return `${quote(text)} ${other}`;
    const outside = sources.filter((s) => !this.ctx.selectedSources.has(sourceId(s)));
    if (outside.length > 0)
      return `${quote(text)} is only needed by endpoint sets outside the selection (${describeSources(outside)})`;
    return `${quote(text)} ${none}`;
  }

  /**
   * An entry that matches nothing current but shares names with endpoints a later version
   * removed: say which version removed them and from which set, instead of "extraneous".
   */
  private staleHost(e: HostEntry, scope: Scope): boolean {
    // Called for every unjudged name of a large mixed list: cheap when there is no history.
    if (!this.ctx.hasRemovedHosts || !this.ctx.removedHosts.touches(e.pattern.base)) return false;
    const gone = this.ctx.removedHosts
      .related(e.pattern.base)
      .filter((r) => e.pattern.intersects(r.pattern));
    if (gone.length === 0) return false;
    this.addStale(
      e,
      scope,
      gone.map((g) => g.removed),
    );
    return true;
  }

  private staleIp(i: number, scope: Scope): boolean {
    if (!this.ips.overlaps(this.ctx.removedSpace, i)) return false;
    const e = this.ips.entry(i);
    const block = e.block.masked();
    const gone = this.ctx.removedIps.filter((r) => r.block.overlaps(block)).map((r) => r.removed);
    if (gone.length === 0) return false;
    this.addStale(e, scope, gone);
    return true;
  }

  private addStale(e: HostEntry | IpEntry, scope: Scope, gone: readonly RemovedEndpoint[]): void {
    const sorted = [...gone].sort(
      (a, b) =>
        (a.version < b.version ? 1 : a.version > b.version ? -1 : 0) ||
        a.endpointSetId - b.endpointSetId ||
        (a.value < b.value ? -1 : a.value > b.value ? 1 : 0),
    );
    // One part per removed value and version, naming every set it left.
    const groups = new Map<string, { r: RemovedEndpoint; sets: string[] }>();
    for (const r of sorted) {
      const key = `${r.value}\u0000${r.version}`;
      const set = `${r.serviceArea} set ${r.endpointSetId} ${r.category}${r.required ? '' : ' optional'}`;
      const g = groups.get(key);
      if (!g) groups.set(key, { r, sets: [set] });
      else if (!g.sets.includes(set)) g.sets.push(set);
    }
    const parts = [...groups.values()].map(
      ({ r, sets }) =>
        `${r.value === e.text ? '' : `${quote(r.value)} `}from ${listAnd(sets)} in version ${r.version}`,
    );
    this.add('stale-entry', scope === 'mixed' ? 'notice' : 'warning', e.location, {
      message: `${quote(e.text)} was needed only by endpoints that Microsoft removed (${listSome(parts, 3)}); nothing in the current ${this.cloudName()} catalogue needs it`,
      entry: e.text,
    });
  }

  /** A wildcard over a whole registrable domain of which the catalogue needs only some names. */
  private wholeDomain(e: HostEntry, matching: readonly HostRequirement[]): string | undefined {
    if (!e.pattern.isWildcard || matching.length === 0) return undefined;
    const domain = e.pattern.registrableDomain();
    if (domain === undefined || e.pattern.base !== domain) return undefined;
    if (matching.some((r) => r.pattern.coverage(e.pattern) === 'full')) return undefined;
    const names = new Set(matching.map((r) => r.text));
    return `allows every name under ${domain}, but the catalogue needs only ${names.size} pattern${names.size === 1 ? '' : 's'} there (${listSome([...names].sort())})`;
  }

  /** What an entry still allows once its finding is followed: nothing for an over-broad one. */
  private coverOf(f: HostEntry): HostPattern | undefined {
    const v = this.hostVerdicts.get(f);
    if (!v) return f.pattern;
    return v.narrowed;
  }

  private redundantHost(e: HostEntry): boolean {
    const need = e.ports ?? allPorts;
    // Only a wildcard covers another entry (an exact name covers only itself, a duplicate); an
    // entry that is to be narrowed covers only what its narrowed form does.
    const cover = this.wildcards.firstCover(e.pattern, (f) => {
      if (f === e || f.pattern.key() === e.pattern.key()) return false;
      const pattern = this.coverOf(f);
      return pattern?.coverage(e.pattern) === 'full' && portsCover(f.ports, need);
    });
    if (!cover) return false;
    this.add('redundant-entry', 'notice', e.location, {
      message: `${quote(e.text)} is already covered by ${quote(cover.text)} at ${where(cover.location, e.location)}`,
      entry: e.text,
    });
    return true;
  }

  private checkIpEntries(): void {
    const ips = this.ips;
    // By position in this.ips, with typed arrays: a list of a million entries makes no map or
    // set keyed by entry, and no entry at all for a listed line that needs no finding.
    const scopes = this.files.map((f) => f.scope);
    const scope = (i: number) => scopes[ips.through(i)]!;
    // A mixed allowlist is judged only inside Microsoft 365 address space; what lies outside it
    // cannot contain anything inside it, so the sweep can leave it out.
    const judged: number[] = [];
    const m365 = this.m365Rows();
    for (let i = 0; i < ips.size; i++) {
      if (scope(i) === 'dedicated' || m365[i] || ips.overlaps(this.ctx.removedSpace, i))
        judged.push(i);
    }
    const n = judged.length;
    // Verdicts first: an over-broad block is no cover that makes another entry redundant.
    const broad = new Map<number, Verdict>();
    for (let k = 0; k < n; k++) {
      const i = judged[k]!;
      // Most entries of a large list lie wholly outside: nothing to narrow, and no set algebra.
      if (!m365[i] && ips.prefixLength(i) !== 0) continue;
      const v = this.ipVerdict(ips.entry(i));
      if (v) broad.set(k, v);
    }
    // this.ips is in file and line order, and equal blocks keep that order.
    const family = new Uint8Array(n);
    const words = new Uint32Array(n * 8);
    // What the sweep asks of an IPv4 entry without ports (most entries of a large list), read in
    // line order into flat arrays: the sweep, in address order, then reads no entry object.
    const plain4 = new Uint8Array(n);
    const first = new Float64Array(n);
    const last = new Float64Array(n);
    const catalogued = new Uint8Array(n);
    for (let k = 0; k < n; k++) {
      const i = judged[k]!;
      if (!ips.isPlainV4(i)) {
        IpBlock.layOut(ips.block(i).masked(), family, words, k);
        continue;
      }
      plain4[k] = 1;
      family[k] = 4;
      first[k] = words[k * 8 + 3] = ips.first[i]!;
      last[k] = words[k * 8 + 7] = ips.last[i]!;
      // Every catalogue prefix lies in the catalogue's address space.
      if (m365[i] && this.ctx.catalogueIpKeys.has(ips.maskedKey(i))) catalogued[k] = 1;
    }
    const order = IpBlock.orderWidestFirstOf(family, words, n);
    // Sweep in address order: an entry inside the widest earlier block (same ports) adds nothing.
    const widestPorted = new Map<string, number>();
    let widest4 = -1;
    let widest6 = -1;
    // Redundant entries (2: a duplicate) and the entry that covers each; their findings are made
    // afterwards in line order, the order of the report, not in address order.
    const redundant = new Uint8Array(n);
    const cover = new Uint32Array(n);
    for (const k of order) {
      if (plain4[k]) {
        const w = widest4;
        const covers = w >= 0 && first[w]! <= first[k]! && last[k]! <= last[w]!;
        if (covers) {
          // Equal ranges may be written differently: only then are the texts compared.
          const duplicate =
            first[w] === first[k] &&
            last[w] === last[k] &&
            ips.maskedKey(judged[w]!) === ips.maskedKey(judged[k]!);
          if (duplicate || !catalogued[k]) {
            redundant[k] = duplicate ? 2 : 1;
            cover[k] = w;
            continue;
          }
        } else if (!broad.has(k)) widest4 = k;
        continue;
      }
      const e = ips.entry(judged[k]!);
      const m = e.block.masked();
      const key = e.ports ? `${m.family}|${portsKey(e.ports)}` : undefined;
      const w =
        key !== undefined ? (widestPorted.get(key) ?? -1) : m.family === 4 ? widest4 : widest6;
      const wm = w >= 0 ? ips.block(judged[w]!).masked() : undefined;
      const covers = wm !== undefined && wm.contains(m);
      if (covers) {
        const duplicate = wm.key() === m.key();
        if (duplicate || !this.ctx.catalogueIpKeys.has(m.key())) {
          redundant[k] = duplicate ? 2 : 1;
          cover[k] = w;
          continue;
        }
      }
      if (!covers && !broad.has(k)) {
        if (key !== undefined) widestPorted.set(key, k);
        else if (m.family === 4) widest4 = k;
        else widest6 = k;
      }
    }
    for (let k = 0; k < n; k++) {
      if (!redundant[k]) continue;
      const e = ips.entry(judged[k]!);
      const we = ips.entry(judged[cover[k]!]!);
      const location = e.location;
      const coverLocation = we.location;
      this.add('redundant-entry', 'notice', location, {
        message:
          redundant[k] === 2
            ? `${quote(e.text)} is a duplicate of the entry at ${where(coverLocation, location)}`
            : `${quote(e.text)} is already covered by ${quote(we.text)} at ${where(coverLocation, location)}`,
        entry: e.text,
      });
    }
    for (let i = 0; i < ips.size; i++) {
      if (!ips.hasHostBits(i)) continue;
      const e = ips.entry(i);
      this.add('host-bits-set', 'warning', e.location, {
        message: `${quote(e.text)} has host bits set; the network is ${e.block.masked().text}`,
        entry: e.text,
      });
    }
    for (let k = 0; k < n; k++) {
      if (redundant[k]) continue;
      const i = judged[k]!;
      const v = broad.get(k);
      if (v) {
        const e = ips.entry(i);
        this.add('over-broad-entry', v.severity, e.location, {
          message: v.message,
          entry: e.text,
          replacement: v.replacement,
        });
      } else this.judgeIp(i, scope(i));
    }
  }

  /**
   * An address entry most of whose addresses lie outside every prefix of the cloud's catalogue
   * (all sets, optional ones and scenarios included) is over-broad, in either scope; one with none
   * of them at all has nothing to be narrowed to, and is left to `judgeIp`.
   */
  private ipVerdict(e: IpEntry): Verdict | undefined {
    const b = e.block.masked();
    // Most entries of a large list lie wholly outside: nothing to narrow, and no set algebra.
    if (b.prefixLength !== 0 && !this.ctx.allSpace.overlaps(b)) return undefined;
    if (this.ctx.catalogueIpKeys.has(b.key()) || this.ctx.allSpace.covers(b)) return undefined;
    const family = b.family;
    const inside = IpSet.of([b]).intersect(this.ctx.allSpace);
    const insideSize = inside.size(family);
    if (b.prefixLength === 0) {
      return {
        severity: 'warning',
        message: `${quote(e.text)} allows every IPv${family} address`,
        replacement: inside.toCidrs().map((c) => c.text),
      };
    }
    const size = b.size();
    if (insideSize === 0n || insideSize * 2n >= size) return undefined;
    const prefixes = inside.toCidrs().map((c) => c.text);
    return {
      severity: 'warning',
      message: `${quote(e.text)} is mostly outside Microsoft 365: ${percent(insideSize, size)} of it is in the ${this.cloudName()} catalogue; write ${listSome(prefixes)} instead`,
      replacement: prefixes,
    };
  }

  private judgeIp(i: number, scope: Scope): void {
    const ips = this.ips;
    if (ips.overlaps(this.ctx.selectedSpace, i)) return;
    if (ips.overlaps(this.ctx.allSpace, i)) {
      const e = ips.entry(i);
      const b = e.block.masked();
      const sources = this.ctx.allIpReqs
        .filter((r) => r.block.overlaps(b))
        .flatMap((r) => r.sources);
      this.add('outside-selection', 'notice', e.location, {
        message: this.outsideSelection(
          e.text,
          sources,
          () =>
            b.family === 6 && !this.ctx.selection.ipv6
              ? 'is an IPv6 prefix of Microsoft 365, and the selection has "ipv6: false"'
              : undefined,
          'is in Microsoft 365 address space but no selected endpoint set needs it',
        ),
        entry: e.text,
      });
      return;
    }
    if (this.staleIp(i, scope)) return;
    if (scope === 'mixed') return;
    const e = ips.entry(i);
    this.add('extraneous-entry', 'warning', e.location, {
      message: `${quote(e.text)} is outside every address range of the ${this.cloudName()} catalogue`,
      entry: e.text,
    });
  }

  // ── where a missing entry belongs ─────────────────────────────────────────

  /**
   * Beside the entry of the group closest in name, within the requirement's registrable domain
   * (a name under the same public suffix is no neighbour); else in the file holding the most
   * Microsoft 365 names.
   */
  private nearestHost(pattern: HostPattern): { location: SourceLocation; where: string } {
    const base = pattern.base;
    const domain = pattern.registrableDomain();
    for (const s of suffixes(base)) {
      if (domain !== undefined ? !s.endsWith(domain) : s !== base) break;
      if (!this.ctx.interesting.has(s)) continue;
      const near = this.hostIndex.atOrUnder(s);
      if (near.length > 0) {
        const e = [...near].sort((a, b) => compareLocations(a.location, b.location))[0]!;
        return { location: e.location, where: `it belongs beside ${quote(e.text)}` };
      }
    }
    return this.fallback('hosts');
  }

  private nearestIp(block: IpBlock): { location: SourceLocation; where: string } {
    const row = (this.#nearestIp ??= new NearestIp(this.ips)).nearest(block);
    if (row !== undefined) {
      const best = this.ips.entry(row);
      return { location: best.location, where: `it belongs beside ${quote(best.text)}` };
    }
    return this.fallback('ips');
  }

  /**
   * The file of the group that holds the most Microsoft 365 entries of this kind (else any entry
   * of the kind), at its last such entry: in a Squid setup, the ACL file of Microsoft 365 names.
   */
  private fallback(kind: 'hosts' | 'ips'): { location: SourceLocation; where: string } {
    // The same for every missing requirement of the kind: counted once, over the whole group.
    let found = this.fallbacks.get(kind);
    if (!found) this.fallbacks.set(kind, (found = this.findFallback(kind)));
    return found;
  }

  private findFallback(kind: 'hosts' | 'ips'): { location: SourceLocation; where: string } {
    // Counted per file an entry was read from: a Squid ACL file read through squid.conf is its own file.
    const counts = new Map<string, { n: number; last: Entry }>();
    const count = (e: Entry) => {
      const c = counts.get(e.location.file);
      if (!c) counts.set(e.location.file, { n: 1, last: e });
      else {
        c.n++;
        if (compareLocations(e.location, c.last.location) > 0) c.last = e;
      }
    };
    if (kind === 'hosts') {
      for (const e of this.hosts)
        if (
          this.ctx.nearCatalogue(e.pattern.base) &&
          (this.ctx.catalogueHostKeys.has(e.pattern.key()) ||
            this.ctx.allHostIndex.touches(e.pattern.base))
        )
          count(e);
    } else {
      const m365 = this.m365Rows();
      for (let i = 0; i < this.ips.size; i++) if (m365[i]) count(this.ips.entry(i));
    }
    let best: { file: string; n: number; last: Entry } | undefined;
    for (const [file, c] of counts) if (!best || c.n > best.n) best = { file, ...c };
    if (best)
      return {
        location: { ...best.last.location, column: 1 },
        where: `add it to ${best.file}`,
      };
    const holds = (f: CheckedFile) =>
      kind === 'ips'
        ? (f.parsed.split?.ipv4.size ?? 0) > 0 ||
          objectEntries(f.parsed).some((e) => e.kind === 'ip')
        : (f.parsed.split?.names.size ?? 0) > 0 ||
          objectEntries(f.parsed).some((e) => e.kind === 'host');
    const file =
      this.files.find(holds) ?? this.files.find((f) => f.capabilities[kind]) ?? this.files[0]!;
    const last = lastEntry(file.parsed);
    if (!last)
      return {
        location: { file: file.parsed.path, line: 0, column: 0 },
        where: 'add it to this file',
      };
    return { location: { ...last.location, column: 1 }, where: `add it to ${file.parsed.path}` };
  }

  /** 1 for each address entry that overlaps the cloud's address space, else 0; made once. */
  private m365Rows(): Uint8Array {
    if (this.#m365Rows) return this.#m365Rows;
    const rows = new Uint8Array(this.ips.size);
    for (let i = 0; i < this.ips.size; i++)
      if (this.ips.overlaps(this.ctx.allSpace, i)) rows[i] = 1;
    return (this.#m365Rows = rows);
  }

  /** The rows that share an address with a set; read from m365Rows when the set lies in that space. */
  private overlappingRows(set: IpSet): number[] {
    if (!set.subtract(this.ctx.allSpace).isEmpty()) return this.ips.overlappingSet(set);
    const m365 = this.m365Rows();
    const out: number[] = [];
    for (let i = 0; i < this.ips.size; i++) if (m365[i] && this.ips.overlaps(set, i)) out.push(i);
    return out;
  }

  /** Whether the group holds an IPv6 entry. */
  private hasV6(): boolean {
    for (let i = 0; i < this.ips.size; i++) if (this.ips.family(i) === 6) return true;
    return false;
  }

  private cloudName(): string {
    return CLOUD_NAMES[this.ctx.instance];
  }

  private add(
    ruleId: RuleId,
    severity: Severity,
    location: SourceLocation,
    rest: {
      message: string;
      entry?: string;
      requirement?: Requirement;
      uncovered?: string[];
      replacement?: readonly string[];
      endpointSet?: string;
      missingPorts?: PortSpec;
    },
  ): void {
    // A message built piece by piece is a tree of string pieces; made flat while young, it is
    // kept as one string rather than flattened later, among a million long-lived findings.
    Number(rest.message);
    if (
      rest.entry !== undefined &&
      !rest.requirement &&
      !rest.uncovered &&
      !rest.replacement &&
      rest.endpointSet === undefined &&
      !rest.missingPorts
    ) {
      // The finding of most entries of a large list, made whole in one piece rather than grown.
      const f: Finding = {
        ruleId,
        severity,
        message: rest.message,
        location,
        entry: rest.entry,
        group: this.group,
      };
      this.findings.push(bounded(f));
      return;
    }
    const endpointSet =
      rest.endpointSet ?? (rest.requirement ? setLabel(rest.requirement) : undefined);
    // Built by assignment, not by spreading: a list of a million entries makes as many findings.
    const f: { -readonly [K in keyof Finding]: Finding[K] } = {
      ruleId,
      severity,
      message: rest.message,
      location,
    };
    if (rest.entry !== undefined) f.entry = rest.entry;
    if (rest.requirement) f.requirement = describeRequirement(rest.requirement);
    if (endpointSet !== undefined) f.endpointSet = endpointSet;
    if (rest.uncovered) f.uncovered = rest.uncovered;
    if (rest.replacement) f.replacement = [...rest.replacement];
    if (rest.missingPorts)
      f.missingPorts = {
        tcp: rest.missingPorts.tcp.toString(),
        udp: rest.missingPorts.udp.toString(),
      };
    f.group = this.group;
    this.findings.push(bounded(f));
  }
}

// ── small helpers ─────────────────────────────────────────────────────────────

interface JudgedHost {
  readonly e: HostEntry;
  readonly scope: Scope;
  readonly mirrors: boolean;
  readonly unrelated: boolean;
  /** Catalogue patterns (any set) that share a name with the entry. */
  readonly matching: readonly HostRequirement[];
}

/** Why an entry is to be narrowed, and to what. */
interface Verdict {
  readonly severity: Severity;
  readonly message: string;
  readonly replacement: readonly string[];
  /** What the entry still covers once narrowed (none for an over-broad warning). */
  readonly narrowed?: HostPattern;
}

/** The last entry of a file, in line order. */
function lastEntry(file: ParsedFile): Entry | undefined {
  const others = objectEntries(file);
  let last = others[others.length - 1];
  const later = (e: Entry) => {
    if (!last || e.location.line > last.location.line) last = e;
  };
  const split = file.split;
  if (split && split.ipv4.size > 0) later(split.ipv4.entry(split.ipv4.size - 1));
  if (split && split.names.size > 0) later(split.names.entry(split.names.size - 1));
  return last;
}

function sourceId(s: RequirementSource): string {
  return `${s.kind}:${s.id}`;
}

/** "Common set 56 Allow (TCP 80,443)": what the text report and the job summary group by. */
export function setLabel(req: Requirement): string {
  return `${describeSources(req.sources)} (${formatPortSpec(req.ports)})`;
}

const allPorts: PortSpec = { tcp: PortSet.ANY, udp: PortSet.ANY };

function portsKey(p: PortSpec | undefined): string {
  return p ? `${p.tcp.key()}/${p.udp.key()}` : 'any';
}

/** Entries without ports allow every port (their format cannot say otherwise). */
function portsCover(have: PortSpec | undefined, need: PortSpec): boolean {
  if (!have) return true;
  return have.tcp.covers(need.tcp) && have.udp.covers(need.udp);
}

function unionPorts(list: readonly (PortSpec | undefined)[]): PortSpec {
  let tcp = PortSet.EMPTY;
  let udp = PortSet.EMPTY;
  for (const p of list) {
    if (!p) return allPorts;
    tcp = tcp.union(p.tcp);
    udp = udp.union(p.udp);
  }
  return { tcp, udp };
}

/**
 * The required ports cut at every boundary of the entries' port ranges, so that each piece is
 * either wholly allowed by an entry or not at all (3478-3481 against 3478-3480 gives 3478-3480, 3481).
 */
function elementaryRanges(need: PortSet, have: readonly (PortSet | undefined)[]): PortRange[] {
  const cuts = new Set<number>();
  for (const set of have) for (const [lo, hi] of set?.ranges ?? []) cuts.add(lo).add(hi + 1);
  const out: PortRange[] = [];
  for (const [lo, hi] of need.ranges) {
    let start = lo;
    for (const c of [...cuts].filter((c) => c > lo && c <= hi).sort((a, b) => a - b)) {
      out.push([start, c - 1]);
      start = c;
    }
    out.push([start, hi]);
  }
  return out;
}

function subtractSpec(need: PortSpec, have: PortSpec): PortSpec {
  return { tcp: need.tcp.subtract(have.tcp), udp: need.udp.subtract(have.udp) };
}

function percent(part: bigint, whole: bigint): string {
  const p = Number((part * 10000n) / whole) / 100;
  return p < 0.01 ? 'less than 0.01%' : `${p}%`;
}

/** Messages from the model start with the quoted canonical pattern; say it as the entry was written. */
function withText(e: HostEntry, message: string): string {
  const lead = quote(e.pattern.text);
  return message.startsWith(lead)
    ? `${quote(e.text)}${message.slice(lead.length)}`
    : `${quote(e.text)} ${message}`;
}

function listAnd(items: readonly string[]): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "; required from 2026-07-01" for a requirement that is not live yet. */
function fromDate(req: Requirement): string {
  return req.upcoming === undefined ? '' : `; required from ${req.upcoming}`;
}

function quote(text: string): string {
  return `"${truncate(text, MAX_QUOTED_LENGTH)}"`;
}

function where(first: SourceLocation, here: SourceLocation): string {
  return first.file === here.file ? `line ${first.line}` : `${first.file}:${first.line}`;
}

function listSome(items: readonly string[], max = 4): string {
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}

/** "Exchange set 1 Optimize, set 2 Allow optional" — every set that needs it, compactly. */
export function describeSources(sources: readonly RequirementSource[]): string {
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const s of [...sources].sort((a, b) => a.id - b.id)) {
    const text =
      s.kind === 'endpoint-set'
        ? `${s.serviceArea} set ${s.id} ${s.category}${s.required ? '' : ' optional'}`
        : `scenario ${s.scenario ?? s.id}`;
    if (seen.has(text)) continue;
    seen.add(text);
    parts.push(text);
  }
  return listSome(parts, 6);
}

function describeRequirement(req: Requirement): FindingRequirement {
  return {
    kind: req.kind,
    pattern: req.kind === 'host' ? req.text : req.block.masked().text,
    endpointSets: req.sources.map((s) => ({
      ...(s.kind === 'endpoint-set'
        ? { endpointSetId: s.id }
        : { scenario: s.scenario ?? String(s.id) }),
      ...(s.serviceArea ? { serviceArea: s.serviceArea } : {}),
      ...(s.category ? { category: s.category } : {}),
      required: s.required,
    })),
    ports: { tcp: req.ports.tcp.toString(), udp: req.ports.udp.toString() },
  };
}

/** A problem met while reading a file: malformed (`invalid-entry`) or read but not understood. */
export function problemFinding(p: ParseProblem, group?: string): Finding {
  const severity = p.severity ?? 'error';
  return bounded({
    ruleId: severity === 'error' ? 'invalid-entry' : 'unsupported-entry',
    severity,
    message: p.message,
    location: p.location,
    ...(p.text !== undefined ? { entry: p.text } : {}),
    ...(group !== undefined ? { group } : {}),
  });
}

/** Deterministic order: file, line, column, rule, severity (most severe first), then the text. */
export function findingOrder(a: Finding, b: Finding): number {
  return (
    compareLocations(a.location, b.location) ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
    severityRank(b.severity) - severityRank(a.severity) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}

/**
 * Sorts in place in {@link findingOrder}; equal findings keep their order. A long list is first
 * placed by file and line with a counting sort, then only findings on one line are compared: the
 * same order as a stable sort with the comparator, without its million comparisons.
 */
export function sortFindings(findings: Finding[]): Finding[] {
  const n = findings.length;
  if (n < 1024) return findings.sort(findingOrder);
  const fileRank = new Map<string, number>();
  let maxLine = 0;
  let file: string | undefined;
  for (let i = 0; i < n; i++) {
    const location = findings[i]!.location;
    const line = location.line;
    if (line >>> 0 !== line) return findings.sort(findingOrder);
    if (line > maxLine) maxLine = line;
    if (location.file !== file) fileRank.set((file = location.file), 0);
  }
  const stride = maxLine + 1;
  const buckets = fileRank.size * stride;
  // Lines far beyond the number of findings: the counts would cost more than comparing.
  if (buckets > 4 * n + (1 << 20)) return findings.sort(findingOrder);
  [...fileRank.keys()]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .forEach((file, rank) => fileRank.set(file, rank));
  const key = new Uint32Array(n);
  const start = new Uint32Array(buckets + 1);
  let rank = 0;
  file = undefined;
  for (let i = 0; i < n; i++) {
    const location = findings[i]!.location;
    if (location.file !== file) rank = fileRank.get((file = location.file))!;
    const k = rank * stride + location.line;
    key[i] = k;
    start[k + 1]!++;
  }
  for (let k = 0; k < buckets; k++) start[k + 1]! += start[k]!;
  const sorted = new Array<Finding>(n);
  const next = start.slice(0, buckets);
  for (let i = 0; i < n; i++) sorted[next[key[i]!]!++] = findings[i]!;
  for (let k = 0; k < buckets; k++) {
    const from = start[k]!;
    const to = start[k + 1]!;
    if (to - from < 2) continue;
    const same = sorted.slice(from, to).sort(findingOrder);
    for (let j = 0; j < same.length; j++) sorted[from + j] = same[j]!;
  }
  for (let i = 0; i < n; i++) findings[i] = sorted[i]!;
  return findings;
}

export { RULES };
