import { allSources, m365Namespaces, selectRequirements } from '../catalogue/select.js';
import type {
  Catalogue,
  HostRequirement,
  Instance,
  IpRequirement,
  Requirement,
  RequirementSource,
  Selection,
} from '../catalogue/types.js';
import type {
  FormatCapabilities,
  HostEntry,
  IpEntry,
  ParsedFile,
  ParseProblem,
  ReferenceEntry,
} from '../model/entry.js';
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
import { IpBlock, IpSet } from '../model/ip.js';
import { MAX_QUOTED_LENGTH, truncate } from '../model/text.js';
import {
  formatPortSpec,
  PortSet,
  PROTOCOLS,
  type PortRange,
  type PortSpec,
} from '../model/ports.js';
import { interestingSuffixes, SuffixIndex, suffixes } from './host-index.js';
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
}

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
}

export const CLOUD_NAMES: Readonly<Record<Instance, string>> = {
  worldwide: 'Worldwide',
  china: '21Vianet (China)',
  usgovdod: 'US Government DoD',
  usgovgcchigh: 'US Government GCC High',
};

/** Largest-to-required ratio from which an address block counts as over-broad. */
const OVER_BROAD_FACTOR = 16n;

export function check(input: CheckInput): Result {
  const { catalogue, selection } = input;
  const selected = selectRequirements(catalogue, selection);
  const everything = allSources(catalogue, selection.instance);
  const namespaces = m365Namespaces(catalogue, selection.instance);
  const notes: string[] = [...selected.problems];
  const findings: Finding[] = [];
  const context = new CloudContext(
    selection.instance,
    selected.requirements,
    everything,
    namespaces,
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
    new GroupCheck(group, files, context, findings, notes).run();
  }

  const cloud = catalogue.clouds[selection.instance];
  return {
    catalogue: {
      instance: selection.instance,
      dataDate: cloud.provenance.dataDate,
      source: `${cloud.provenance.sourceFile} (${cloud.provenance.origin.repo}@${cloud.provenance.origin.commit.slice(0, 12)})`,
      selection,
      requirements: {
        hosts: selected.requirements.filter((r) => r.kind === 'host').length,
        ips: selected.requirements.filter((r) => r.kind === 'ip').length,
      },
    },
    files: input.files.map((f) => ({
      path: f.parsed.path,
      format: f.parsed.format,
      kind: 'allowlist' as const,
      group: f.group,
      scope: f.scope,
      entries: f.parsed.entries.length,
    })),
    findings: sortFindings(findings),
    notes,
  };
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
  readonly selectedSpace: IpSet;
  readonly allSpace: IpSet;
  readonly largest: { 4: bigint; 6: bigint };
  readonly shortestPrefix: { 4: number; 6: number };
  readonly domains: Set<string>;
  #lookalikes: LookalikeIndex | undefined;

  /** Catalogue names by look, built when the first internationalised entry needs it. */
  get lookalikes(): LookalikeIndex {
    return (this.#lookalikes ??= new LookalikeIndex(
      [...this.allHostReqs, ...this.hostReqs].map((r) => r.pattern),
    ));
  }

  constructor(
    readonly instance: Instance,
    selected: readonly Requirement[],
    everything: readonly Requirement[],
    namespaces: { domains: readonly string[]; ips: IpSet },
  ) {
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
    this.allHostIndex = new SuffixIndex(this.interesting);
    for (const r of this.allHostReqs) this.allHostIndex.add(r.pattern.base, r);
    this.requirementSuffixes = new Set(this.hostReqs.flatMap((r) => suffixes(r.pattern.base)));
    this.selectedHostIndex = new SuffixIndex(this.interesting);
    for (const r of this.hostReqs) this.selectedHostIndex.add(r.pattern.base, r);
    this.selectedSpace = IpSet.of(this.ipReqs.map((r) => r.block));
    this.allSpace = namespaces.ips.union(IpSet.of(this.allIpReqs.map((r) => r.block)));
    this.largest = { 4: 0n, 6: 0n };
    this.shortestPrefix = { 4: 33, 6: 129 };
    for (const r of this.allIpReqs) {
      const size = r.block.size();
      const family = r.block.family;
      if (size > this.largest[family]) this.largest[family] = size;
      const len = r.block.masked().prefixLength;
      if (len !== undefined && len < this.shortestPrefix[family]) this.shortestPrefix[family] = len;
    }
    this.domains = new Set(namespaces.domains);
  }
}

class GroupCheck {
  private readonly hosts: HostEntry[] = [];
  private readonly ips: IpEntry[] = [];
  private readonly references: ReferenceEntry[] = [];
  private readonly scopeOf = new Map<string, Scope>();
  private readonly hostIndex: SuffixIndex<HostEntry>;
  #v4Bounds: Ipv4Bounds | undefined;
  /** The wildcard entries, for finding one that covers another without comparing every pair. */
  private readonly wildcards = new WildcardIndex<HostEntry>();

  constructor(
    private readonly group: string,
    private readonly files: readonly CheckedFile[],
    private readonly ctx: CloudContext,
    private readonly findings: Finding[],
    private readonly notes: string[],
  ) {
    this.hostIndex = new SuffixIndex(ctx.interesting);
    const onlyMixed = files.every((f) => f.scope === 'mixed');
    for (const f of files) {
      this.scopeOf.set(f.parsed.path, f.scope);
      for (const e of f.parsed.entries) {
        if (e.kind === 'host') {
          this.hosts.push(e);
          // An exact name covers only itself: it is needed in the index only where a
          // requirement looks for it.
          if (e.pattern.isWildcard && (!onlyMixed || this.mayCoverJudged(e))) this.wildcards.add(e);
          if (e.pattern.isWildcard || ctx.requirementSuffixes.has(e.pattern.base))
            this.hostIndex.add(e.pattern.base, e);
          else this.hostIndex.addUnder(e.pattern.base, e);
        } else if (e.kind === 'ip') this.ips.push(e);
        else this.references.push(e);
      }
    }
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
    const holdsHosts = this.hosts.length > 0 || kinds('url');
    const holdsIps = this.ips.length > 0 || kinds('ipv4');
    const wantHosts = can.hosts && (holdsHosts || !holdsIps);
    const wantIps = can.ips && (holdsIps || !holdsHosts);
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
        this.add(
          'partially-covered',
          req.severity === 'notice' ? 'notice' : 'warning',
          first.location,
          {
            message: `${quote(req.text)} is only partly allowed: ${partial
              .slice(0, 3)
              .map((e) => quote(e.text))
              .join(
                ', ',
              )}${partial.length > 3 ? ` and ${partial.length - 3} more` : ''} match some of its names (${describeSources(req.sources)})`,
            entry: first.text,
            requirement: req,
          },
        );
        continue;
      }
      const near = this.nearestHost(req.pattern.base);
      this.add('missing-endpoint', req.severity, near.location, {
        message: `${quote(req.text)} is required but not allowed (${describeSources(req.sources)}); ${near.where}`,
        requirement: req,
      });
    }
  }

  private checkIpRequirements(ipv6: boolean): void {
    const reqs = this.ctx.ipReqs.filter(
      (r) => (ipv6 || r.block.family === 4) && !this.coveredByReference(r),
    );
    const allowed = IpSet.of(this.ips.map((e) => e.block));
    const missing = IpSet.of(reqs.map((r) => r.block)).subtract(allowed);
    const ported = this.ips.some((e) => e.ports !== undefined);
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
        this.add('missing-endpoint', req.severity, near.location, {
          message: `${req.block.masked().text} is required but not allowed (${describeSources(req.sources)}); ${near.where}`,
          requirement: req,
          uncovered: cidrs,
        });
      } else {
        const part = this.ips
          .filter((e) => e.block.overlaps(req.block))
          .sort((a, b) => compareLocations(a.location, b.location))[0];
        const location = part?.location ?? this.nearestIp(req.block).location;
        this.add('partially-covered', req.severity, location, {
          message: `${req.block.masked().text} is only partly allowed: ${cidrs.length === 1 ? '' : `${cidrs.length} prefixes, `}${listSome(cidrs)} not covered (${describeSources(req.sources)})`,
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
    const overlapping = this.ips.filter((e) => e.block.overlaps(req.block));
    for (const proto of PROTOCOLS) {
      for (const range of elementaryRanges(
        req.ports[proto],
        overlapping.map((e) => e.ports?.[proto]),
      )) {
        const key = `${proto}/${range[0]}-${range[1]}`;
        let set = cache.get(key);
        if (!set) {
          const need = PortSet.of([range]);
          set = IpSet.of(
            this.ips.filter((e) => !e.ports || e.ports[proto].covers(need)).map((e) => e.block),
          );
          cache.set(key, set);
        }
        const short = IpSet.of([req.block]).subtract(set);
        if (short.isEmpty()) continue;
        missing[proto].push(range);
        uncovered = uncovered.union(short);
      }
    }
    if (uncovered.isEmpty()) return;
    const first = overlapping.sort((a, b) => compareLocations(a.location, b.location))[0];
    if (!first) return;
    const gap = { tcp: PortSet.of(missing.tcp), udp: PortSet.of(missing.udp) };
    this.add('partially-covered', req.severity, first.location, {
      message: `${req.block.masked().text} is allowed, but not on every port it needs: ${formatPortSpec(gap)} missing (${describeSources(req.sources)})`,
      entry: first.text,
      requirement: req,
      uncovered: uncovered.toCidrs().map((b) => b.text),
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
    for (const e of this.hosts) {
      const scope = this.scopeOf.get(e.location.file)!;
      if (this.confusable(e)) continue;
      const mirrors = this.ctx.catalogueHostKeys.has(e.pattern.key());
      // Nothing in the catalogue shares a name with it: the common case of a large general list.
      const unrelated =
        !mirrors &&
        !this.ctx.allHostIndex.touches(e.pattern.base) &&
        !this.ctx.selectedHostIndex.touches(e.pattern.base);
      if (unrelated && scope === 'mixed') {
        // Outside Microsoft 365's namespaces a mixed list is not judged, except for allowing everything.
        if (e.pattern.text === '*')
          this.add('over-broad-entry', 'warning', e.location, {
            message: withText(e.text, e.pattern.overBreadth() ?? 'allows every name'),
            entry: e.text,
          });
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
      if (unrelated) this.judgeUnrelatedHost(e);
      else this.judgeHost(e, scope, mirrors);
    }
  }

  private judgeHost(e: HostEntry, scope: Scope, mirrors: boolean): void {
    const related = mirrors ? [] : this.ctx.allHostIndex.related(e.pattern.base);
    const matching = mirrors ? [] : related.filter((r) => e.pattern.intersects(r.pattern));
    const inSelection =
      this.ctx.selectedHostKeys.has(e.pattern.key()) ||
      this.ctx.selectedHostIndex
        .related(e.pattern.base)
        .some((r) => e.pattern.intersects(r.pattern));
    const registrable = e.pattern.registrableDomain();
    const inNamespace =
      mirrors ||
      matching.length > 0 ||
      (registrable !== undefined && this.ctx.domains.has(registrable));

    if (!mirrors) {
      const broad = e.pattern.overBreadth() ?? this.wholeDomain(e, matching);
      if (broad && (scope === 'dedicated' || inNamespace || e.pattern.text === '*')) {
        this.add('over-broad-entry', 'warning', e.location, {
          message: withText(e.text, broad),
          entry: e.text,
        });
        return;
      }
    }
    if (!mirrors && this.redundantHost(e)) return;
    if (inSelection) return;
    if (mirrors || matching.length > 0) {
      const sources = mirrors
        ? this.ctx.allHostReqs
            .filter((r) => r.pattern.key() === e.pattern.key())
            .flatMap((r) => r.sources)
        : matching.flatMap((r) => r.sources);
      this.add('outside-selection', 'notice', e.location, {
        message: `${quote(e.text)} is only needed by endpoint sets outside the selection (${describeSources(sources)})`,
        entry: e.text,
      });
      return;
    }
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
  private mayCoverJudged(e: HostEntry): boolean {
    const base = e.pattern.base;
    if (!base.includes('.')) return true;
    return (
      this.ctx.catalogueHostKeys.has(e.pattern.key()) ||
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

  /** An entry of a dedicated list that no catalogue pattern shares a name with. */
  private judgeUnrelatedHost(e: HostEntry): void {
    const broad = e.pattern.overBreadth();
    if (broad) {
      this.add('over-broad-entry', 'warning', e.location, {
        message: withText(e.text, broad),
        entry: e.text,
      });
      return;
    }
    if (this.redundantHost(e)) return;
    this.add('extraneous-entry', 'warning', e.location, {
      message: `${quote(e.text)} matches nothing in the ${this.cloudName()} catalogue`,
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

  private redundantHost(e: HostEntry): boolean {
    const need = e.ports ?? allPorts;
    // Only a wildcard covers another entry (an exact name covers only itself, a duplicate).
    const cover = this.wildcards.firstCover(e.pattern, (f) => portsCover(f.ports, need));
    if (!cover) return false;
    this.add('redundant-entry', 'notice', e.location, {
      message: `${quote(e.text)} is already covered by ${quote(cover.text)} at ${where(cover.location, e.location)}`,
      entry: e.text,
    });
    return true;
  }

  private checkIpEntries(): void {
    // A mixed allowlist is judged only inside Microsoft 365 address space; what lies outside it
    // cannot contain anything inside it, so the sweep can leave it out.
    const judged = this.ips.filter(
      (e) =>
        this.scopeOf.get(e.location.file) === 'dedicated' ||
        this.ctx.allSpace.overlaps(e.block.masked()),
    );
    // this.ips is in file and line order, and equal blocks keep that order.
    const blocks = judged.map((e) => e.block.masked());
    const masked = Array.from(IpBlock.orderWidestFirst(blocks), (i) => ({
      e: judged[i]!,
      m: blocks[i]!,
    }));
    // Sweep in address order: an entry inside the widest earlier block (same ports) adds nothing.
    const widest = new Map<string, { e: IpEntry; m: IpBlock }>();
    const redundant = new Set<IpEntry>();
    for (const item of masked) {
      const { e, m } = item;
      const key = e.ports ? `${m.family}|${portsKey(e.ports)}` : m.family === 4 ? '4' : '6';
      const w = widest.get(key);
      if (w && w.m.contains(m)) {
        const duplicate = w.m.key() === m.key();
        if (duplicate || !this.ctx.catalogueIpKeys.has(m.key())) {
          redundant.add(e);
          this.add('redundant-entry', 'notice', e.location, {
            message: duplicate
              ? `${quote(e.text)} is a duplicate of the entry at ${where(w.e.location, e.location)}`
              : `${quote(e.text)} is already covered by ${quote(w.e.text)} at ${where(w.e.location, e.location)}`,
            entry: e.text,
          });
          continue;
        }
      }
      if (!w || !w.m.contains(m)) widest.set(key, item);
    }
    for (const e of this.ips) {
      if (e.block.hasHostBits)
        this.add('host-bits-set', 'warning', e.location, {
          message: `${quote(e.text)} has host bits set; the network is ${e.block.masked().text}`,
          entry: e.text,
        });
    }
    for (const e of judged) if (!redundant.has(e)) this.judgeIp(e);
  }

  private judgeIp(e: IpEntry): void {
    const b = e.block.masked();
    const scope = this.scopeOf.get(e.location.file)!;
    const family = b.family;
    // Compare prefix lengths where there is one: sizes are bigints, too slow for every entry.
    const larger =
      b.prefixLength !== undefined
        ? b.prefixLength < this.ctx.shortestPrefix[family]
        : b.size() > this.ctx.largest[family];
    if (larger && !this.ctx.catalogueIpKeys.has(b.key())) {
      const size = b.size();
      const inside = IpSet.of([b]).intersect(this.ctx.allSpace).size(family);
      if (
        inside === 0n
          ? scope === 'dedicated' || b.prefixLength === 0
          : size >= inside * OVER_BROAD_FACTOR
      ) {
        const share = inside === 0n ? 'none' : `${percent(inside, size)} of it`;
        this.add('over-broad-entry', 'warning', e.location, {
          message:
            b.prefixLength === 0
              ? `${quote(e.text)} allows every IPv${family} address`
              : `${quote(e.text)} is far larger than anything required: the ${this.cloudName()} catalogue uses ${share}`,
          entry: e.text,
        });
        return;
      }
    }
    if (this.ctx.selectedSpace.overlaps(b)) return;
    if (this.ctx.allSpace.overlaps(b)) {
      const sources = this.ctx.allIpReqs
        .filter((r) => r.block.overlaps(b))
        .flatMap((r) => r.sources);
      this.add('outside-selection', 'notice', e.location, {
        message:
          sources.length > 0
            ? `${quote(e.text)} is only needed by endpoint sets outside the selection (${describeSources(sources)})`
            : `${quote(e.text)} is in Microsoft 365 address space but no selected endpoint set needs it`,
        entry: e.text,
      });
      return;
    }
    if (scope === 'mixed') return;
    this.add('extraneous-entry', 'warning', e.location, {
      message: `${quote(e.text)} is outside every address range of the ${this.cloudName()} catalogue`,
      entry: e.text,
    });
  }

  // ── where a missing entry belongs ─────────────────────────────────────────

  private nearestHost(base: string): { location: SourceLocation; where: string } {
    for (const s of suffixes(base)) {
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
    let best: IpEntry | undefined;
    if (block.family === 4) {
      // IPv4 bounds fit in doubles: one pass over typed arrays instead of BigInt arithmetic,
      // for every missing prefix of a list of a million entries.
      const v4 = (this.#v4Bounds ??= ipv4Bounds(this.ips));
      const first = Number(block.first);
      const last = Number(block.last);
      let bestDistance = -1;
      for (let i = 0; i < v4.entries.length; i++) {
        const ef = v4.first[i]!;
        const el = v4.last[i]!;
        const d = el < first ? first - el : last < ef ? ef - last : 0;
        const e = v4.entries[i]!;
        if (
          !best ||
          d < bestDistance ||
          (d === bestDistance && compareLocations(e.location, best.location) < 0)
        ) {
          best = e;
          bestDistance = d;
        }
      }
    } else {
      let bestDistance = -1n;
      for (const e of this.ips) {
        if (e.block.family !== block.family) continue;
        const d = distance(e.block, block);
        if (
          !best ||
          d < bestDistance ||
          (d === bestDistance && compareLocations(e.location, best.location) < 0)
        ) {
          best = e;
          bestDistance = d;
        }
      }
    }
    if (best) return { location: best.location, where: `it belongs beside ${quote(best.text)}` };
    return this.fallback('ips');
  }

  /** The file of the group that holds entries of this kind, at its last such entry. */
  private fallback(kind: 'hosts' | 'ips'): { location: SourceLocation; where: string } {
    const file =
      this.files.find((f) =>
        f.parsed.entries.some((e) => e.kind === (kind === 'hosts' ? 'host' : 'ip')),
      ) ??
      this.files.find((f) => f.capabilities[kind]) ??
      this.files[0]!;
    const last = file.parsed.entries[file.parsed.entries.length - 1];
    if (!last)
      return {
        location: { file: file.parsed.path, line: 0, column: 0 },
        where: 'add it to this file',
      };
    return { location: { ...last.location, column: 1 }, where: `add it to ${file.parsed.path}` };
  }

  private cloudName(): string {
    return CLOUD_NAMES[this.ctx.instance];
  }

  private add(
    ruleId: RuleId,
    severity: Severity,
    location: SourceLocation,
    rest: { message: string; entry?: string; requirement?: Requirement; uncovered?: string[] },
  ): void {
    this.findings.push(
      bounded({
        ruleId,
        severity,
        message: rest.message,
        location,
        ...(rest.entry !== undefined ? { entry: rest.entry } : {}),
        ...(rest.requirement ? { requirement: describeRequirement(rest.requirement) } : {}),
        ...(rest.uncovered ? { uncovered: rest.uncovered } : {}),
        group: this.group,
      }),
    );
  }
}

// ── small helpers ─────────────────────────────────────────────────────────────

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

interface Ipv4Bounds {
  readonly entries: IpEntry[];
  readonly first: Float64Array;
  readonly last: Float64Array;
}

/** The IPv4 entries with their first and last addresses as numbers, in entry order. */
function ipv4Bounds(ips: readonly IpEntry[]): Ipv4Bounds {
  const entries = ips.filter((e) => e.block.family === 4);
  const first = new Float64Array(entries.length);
  const last = new Float64Array(entries.length);
  entries.forEach((e, i) => {
    first[i] = Number(e.block.first);
    last[i] = Number(e.block.last);
  });
  return { entries, first, last };
}

function distance(a: IpBlock, b: IpBlock): bigint {
  if (a.last < b.first) return b.first - a.last;
  if (b.last < a.first) return a.first - b.last;
  return 0n;
}

function percent(part: bigint, whole: bigint): string {
  const p = Number((part * 10000n) / whole) / 100;
  return p < 0.01 ? 'less than 0.01%' : `${p}%`;
}

/** Messages from the model may already start with the quoted entry. */
function withText(text: string, message: string): string {
  return message.startsWith(quote(text)) ? message : `${quote(text)} ${message}`;
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

/** Deterministic order: file, line, column, rule, then the text. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      compareLocations(a.location, b.location) ||
      (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
      severityRank(b.severity) - severityRank(a.severity) ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
}

export { RULES };
