import { parse as parseHostName } from 'tldts';
import { INSTANCES, type Instance } from '../catalogue/types.js';
import { CLOUD_NAMES, sortFindings } from '../diff/engine.js';
import type { DnsRecord, ParsedDnsFile } from '../model/dns.js';
import {
  bounded,
  RULES,
  type Finding,
  type RuleId,
  type Severity,
  type SuggestedRecord,
} from '../model/finding.js';
import { MAX_QUOTED_LENGTH, truncate } from '../model/text.js';
import type { SourceLocation } from '../model/location.js';
import {
  cloudDnsRequirements,
  DNS_REQUIREMENTS,
  domainDashes,
  initialDomainLabel,
  stripDot,
  TOKEN_HELP,
  ValuePattern,
  type CloudDnsRequirements,
  type DnsRequirement,
  type PatternTokens,
} from './requirements.js';
import {
  countSpfLookups,
  isSpf,
  mergeSpf,
  parseSpf,
  SPF_LOOKUP_LIMIT,
  txtText,
  withInclude,
  type SpfRecord,
  type SpfTarget,
} from './spf.js';

/** Services a domain can be configured to use; `core` records apply whatever the list says. */
export type DomainService = 'exchange' | 'teams' | 'intune' | 'dkim';

/** One domain as the configuration describes it; known values make the checks exact. */
export interface DomainConfig {
  readonly domain: string;
  readonly services: readonly DomainService[];
  /** The MX token of the domain (`contoso-com` in `contoso-com.mail.protection.outlook.com`). */
  readonly mxToken?: string | undefined;
  /** The tenant's initial domain, `contoso` or `contoso.onmicrosoft.com`. */
  readonly initialDomain?: string | undefined;
  /** The exact DKIM CNAME targets the Microsoft 365 portal shows. */
  readonly dkim?: {
    readonly selector1?: string | undefined;
    readonly selector2?: string | undefined;
  };
}

/** A parsed DNS file and how its format writes a record. */
export interface DnsInput {
  readonly file: ParsedDnsFile;
  readonly render: (
    record: { name: string; type: string; ttl?: number; data: string },
    zone: string,
  ) => string;
}

/** Services of a domain that the configuration does not describe. */
export const DEFAULT_SERVICES: readonly DomainService[] = ['exchange', 'teams'];
/** TTL of suggested records: the one every Microsoft record table gives. */
const SUGGESTED_TTL = 3600;

/**
 * Checks the DNS records of the files against what the Microsoft 365 cloud requires of each
 * domain. Domains are the files' zones, the names whose MX points to Exchange Online, and the
 * configured domains (which add domains or override their services and known values). Problems
 * the parsers found are not repeated here.
 */
export function checkDns(
  instance: Instance,
  files: readonly DnsInput[],
  domains: readonly DomainConfig[],
): Finding[] {
  return new DnsCheck(instance, files).run(domains);
}

interface Rec {
  readonly record: DnsRecord;
  readonly input: DnsInput;
}

interface Domain {
  readonly name: string;
  readonly services: ReadonlySet<DomainService>;
  readonly tokens: PatternTokens;
  readonly dkim: Readonly<Record<string, string>>;
  /** The file the domain's missing records go to. */
  readonly input: DnsInput;
}

/** Where a missing record belongs: beside a record, or the file as a whole. */
interface Anchor {
  readonly location: SourceLocation;
  readonly zone: string;
  readonly where: string;
}

class DnsCheck {
  readonly #instance: Instance;
  readonly #cloud: CloudDnsRequirements;
  readonly #inputs: readonly DnsInput[];
  readonly #recs: Rec[] = [];
  readonly #byName = new Map<string, Rec[]>();
  readonly #unserved = new Set<Rec>();
  /** Owner names where a Microsoft SRV record belongs but was written at the domain itself. */
  readonly #misplaced = new Set<string>();
  /** Records whose relative target a requirement check already explained. */
  readonly #explained = new Set<Rec>();
  readonly #findings: Finding[] = [];
  /** Every cloud's MX patterns with no tokens filled in: what makes a name a Microsoft 365 mail domain. */
  readonly #anyMx: readonly ValuePattern[];

  constructor(instance: Instance, inputs: readonly DnsInput[]) {
    this.#instance = instance;
    this.#cloud = cloudDnsRequirements(instance);
    this.#inputs = inputs;
    for (const input of inputs) {
      for (const record of input.file.records) {
        const rec = { record, input };
        this.#recs.push(rec);
        const list = this.#byName.get(record.name);
        if (list) list.push(rec);
        else this.#byName.set(record.name, [rec]);
      }
    }
    this.#anyMx = INSTANCES.flatMap((i) =>
      cloudDnsRequirements(i)
        .records.filter((r) => r.id === 'mx')
        .flatMap((r) => r.values.map((v) => valuePattern(v, {}))),
    );
  }

  run(configured: readonly DomainConfig[]): Finding[] {
    this.#delegations();
    this.#conflictsAndDuplicates();
    const domains = this.#domains(configured);
    this.#misplacedSrv();
    for (const domain of domains.values()) this.#checkDomain(domain);
    this.#scanForbiddenAndLegacy();
    this.#checkSpf(domains);
    this.#relativeTargets();
    return sortFindings(this.#findings);
  }

  // ── zone structure ───────────────────────────────────────────────────────

  /** Records at or below an NS cut of their own zone are served by the delegated zone, not this one. */
  #delegations(): void {
    /** zone → cut name → its NS records */
    const cuts = new Map<string, Map<string, Rec[]>>();
    for (const rec of this.#recs) {
      const r = rec.record;
      if (r.type !== 'NS' || r.name === r.zone || !r.name.endsWith(`.${r.zone}`)) continue;
      let zone = cuts.get(r.zone);
      if (!zone) cuts.set(r.zone, (zone = new Map()));
      const list = zone.get(r.name);
      if (list) list.push(rec);
      else zone.set(r.name, [rec]);
    }
    if (cuts.size === 0) return;
    for (const rec of this.#recs) {
      const r = rec.record;
      const zoneCuts = cuts.get(r.zone);
      if (!zoneCuts || r.name === r.zone || !r.name.endsWith(`.${r.zone}`)) continue;
      // Walk from the zone down to the owner, so the highest cut is the one reported.
      const end = r.name.length - r.zone.length - 1;
      let at = end;
      for (;;) {
        const dot = at === 0 ? -1 : r.name.lastIndexOf('.', at - 1);
        const cut = r.name.slice(dot + 1);
        const ns = zoneCuts.get(cut);
        if (ns) {
          this.#belowCut(rec, cut, ns);
          break;
        }
        if (dot < 0) break;
        at = dot;
      }
    }
  }

  #belowCut(rec: Rec, cut: string, ns: readonly Rec[]): void {
    const r = rec.record;
    const atCut = r.name === cut;
    const glue =
      (r.type === 'A' || r.type === 'AAAA') &&
      ns.some((n) => n.record.parsed.type === 'NS' && n.record.parsed.target === r.name);
    if ((atCut && (r.type === 'NS' || r.type === 'DS')) || glue) return;
    this.#unserved.add(rec);
    const first = ns[0]!;
    this.#add('dns-not-served', RULES['dns-not-served'].severity, r.location, {
      message: `${describe(r)} is not served: ${cut} is delegated to ${ns
        .map((n) => quote(n.record.data))
        .join(
          ', ',
        )} (NS at ${where(first.record.location, r.location)}), so resolvers ask those servers and never see this record; put it in the delegated zone`,
      entry: entryOf(r),
    });
  }

  /** Duplicates and CNAME conflicts, within one zone: sub-zones kept in one export are separate zones. */
  #conflictsAndDuplicates(): void {
    for (const [name, all] of this.#byName) {
      const zones = new Map<string, Rec[]>();
      for (const rec of all) {
        const list = zones.get(rec.record.zone);
        if (list) list.push(rec);
        else zones.set(rec.record.zone, [rec]);
      }
      for (const recs of zones.values()) this.#conflictsAt(name, recs);
    }
  }

  #conflictsAt(name: string, recs: readonly Rec[]): void {
    const seen = new Map<string, Rec>();
    for (const rec of recs) {
      const r = rec.record;
      const key = `${r.type} ${r.type === 'TXT' ? r.data : r.data.toLowerCase()}`;
      const first = seen.get(key);
      if (first) {
        this.#add('dns-duplicate-record', RULES['dns-duplicate-record'].severity, r.location, {
          message: `${describe(r)} ${r.type === 'TXT' ? r.data : quote(r.data)} repeats the record at ${where(first.record.location, r.location)}`,
          entry: entryOf(r),
        });
      } else seen.set(key, rec);
    }
    const served = recs.filter((r) => !this.#unserved.has(r));
    const cnames = [...seen.values()].filter(
      (r) => r.record.type === 'CNAME' && !this.#unserved.has(r),
    );
    for (const c of cnames) {
      const others = served.filter(
        (o) => o.record.type !== 'CNAME' && !DNSSEC_TYPES.has(o.record.type),
      );
      const otherCnames = cnames.filter((o) => o !== c);
      if (others.length === 0 && otherCnames.length === 0) continue;
      const parts = [
        ...otherCnames.map(
          (o) => `another CNAME at ${where(o.record.location, c.record.location)}`,
        ),
        ...others.map((o) => `${o.record.type} at ${where(o.record.location, c.record.location)}`),
      ];
      this.#add('dns-cname-conflict', RULES['dns-cname-conflict'].severity, c.record.location, {
        message: `${name} has a CNAME and also ${listSome(parts)}: a name with a CNAME can have no other record`,
        entry: entryOf(c.record),
      });
    }
  }

  // ── domains ──────────────────────────────────────────────────────────────

  #domains(configured: readonly DomainConfig[]): Map<string, Domain> {
    const domains = new Map<string, Domain>();
    const add = (name: string, input: DnsInput) => {
      if (!domains.has(name)) domains.set(name, this.#domain(name, input, undefined));
    };
    for (const input of this.#inputs) {
      const zones = new Set(input.file.zones.map(absolute));
      for (const zone of zones) {
        // A zone inside another zone of the same file (a sub-zone of one export, a second
        // $ORIGIN) counts only once it shows Microsoft 365 use: an export of a parent with
        // a hundred web-only sub-zones is about the parent.
        if (!parentsOf(zone).some((z) => zones.has(z))) add(zone, input);
      }
    }
    for (const rec of this.#recs) {
      if (rec.record.parsed.type !== 'MX' || this.#unserved.has(rec)) continue;
      const target = rec.record.parsed.exchange;
      if (this.#anyMx.some((p) => p.matches(target))) add(rec.record.name, rec.input);
    }
    for (const config of configured) {
      const name = absolute(config.domain);
      const known = domains.get(name);
      const input = known?.input ?? this.#fileFor(name);
      if (!input) {
        const file = this.#inputs[0]?.file.path;
        if (file !== undefined) {
          this.#add(
            'dns-domain-not-found',
            RULES['dns-domain-not-found'].severity,
            { file, line: 0, column: 0 },
            {
              message: `the configured domain ${quote(stripDot(name))} is in no zone of the DNS files, so its records cannot be checked`,
            },
          );
        }
        continue;
      }
      domains.set(name, this.#domain(name, input, config));
    }
    return domains;
  }

  #domain(name: string, input: DnsInput, config: DomainConfig | undefined): Domain {
    const dkim: Record<string, string> = {};
    if (config?.dkim?.selector1) dkim['dkim-selector1'] = stripDot(config.dkim.selector1);
    if (config?.dkim?.selector2) dkim['dkim-selector2'] = stripDot(config.dkim.selector2);
    return {
      name,
      services: new Set(config ? config.services : DEFAULT_SERVICES),
      tokens: {
        'domain-dashes': domainDashes(name),
        'mx-token': config?.mxToken?.trim() || undefined,
        'initial-domain': config?.initialDomain
          ? initialDomainLabel(config.initialDomain)
          : undefined,
      },
      dkim,
      input,
    };
  }

  /** The file whose zone holds the name most closely. */
  #fileFor(name: string): DnsInput | undefined {
    let best: DnsInput | undefined;
    let bestLength = -1;
    for (const input of this.#inputs) {
      for (const z of input.file.zones.map(absolute)) {
        if ((name === z || name.endsWith(`.${z}`)) && z.length > bestLength) {
          best = input;
          bestLength = z.length;
        }
      }
    }
    return best;
  }

  // ── per-domain requirements ──────────────────────────────────────────────

  #checkDomain(domain: Domain): void {
    for (const req of this.#cloud.records) {
      if (req.service !== 'core' && !domain.services.has(req.service as DomainService)) continue;
      if (req.level === 'forbidden' && req.service !== 'core') this.#forbiddenAt(domain, req);
      if (req.level !== 'required') continue;
      if (req.type === 'MX') this.#checkMx(domain, req);
      else if (req.type === 'CNAME' || req.type === 'SRV') this.#checkTarget(domain, req);
      // TXT: the SPF record is checked with every other SPF record (#checkSpf).
    }
  }

  #patterns(domain: Domain, req: DnsRequirement): ValuePattern[] {
    const exact = domain.dkim[req.id];
    const values = exact !== undefined ? [exact] : req.values;
    return values.map((v) => valuePattern(v, domain.tokens));
  }

  #checkMx(domain: Domain, req: DnsRequirement): void {
    const patterns = this.#patterns(domain, req);
    const mx = this.#served(domain.name).filter((r) => r.record.parsed.type === 'MX');
    const ours: Rec[] = [];
    const others: Rec[] = [];
    let relative = 0;
    for (const rec of mx) {
      const target = targetOf(rec.record)!;
      if (patterns.some((p) => p.matches(target))) {
        ours.push(rec);
        continue;
      }
      if (this.#relativeMatch(rec, patterns)) {
        relative++;
        continue;
      }
      const cloud = this.#otherCloud(req, target);
      if (cloud !== undefined) {
        this.#wrongTarget(rec, req, patterns, `the ${CLOUD_NAMES[cloud]} cloud's MX`);
        ours.push(rec);
        continue;
      }
      if (
        patterns.some((p) => p.unresolved.length === 0) &&
        this.#anyMx.some((p) => p.matches(target))
      ) {
        // The MX token or tenant is configured and this Microsoft 365 MX has another one.
        const tenant = req.values.some((v) => v.includes('{initial-domain}'));
        this.#wrongTarget(
          rec,
          req,
          patterns,
          tenant ? "another tenant's MX" : 'an MX with another token',
        );
        ours.push(rec);
        continue;
      }
      others.push(rec);
    }
    if (ours.length === 0) {
      if (relative > 0) return;
      const existing =
        others.length === 0
          ? ''
          : ` pointing to Exchange Online (its MX records point to ${listSome(
              others.map((o) => quote(targetOf(o.record)!)),
            )})`;
      this.#missing(domain, req, domain.name, `0 ${patterns[0]!.text}.`, {
        lead: `${domain.name} has no MX record${existing}`,
        anchorType: 'MX',
      });
      return;
    }
    const best = ours.reduce((a, b) => (mxPreference(b.record) < mxPreference(a.record) ? b : a));
    for (const o of others) {
      this.#add('dns-multiple-mx', RULES['dns-multiple-mx'].severity, o.record.location, {
        message: `${domain.name} MX ${quote(o.record.data)} sends mail to another system besides Exchange Online: senders use it whenever Exchange Online does not answer, and spammers use it to get past Exchange Online; remove it once all mail goes to Microsoft 365`,
        entry: entryOf(o.record),
      });
    }
    const rival = others.reduce<Rec | undefined>(
      (a, b) => (a === undefined || mxPreference(b.record) < mxPreference(a.record) ? b : a),
      undefined,
    );
    if (rival && mxPreference(rival.record) <= mxPreference(best.record)) {
      const p = mxPreference(best.record);
      const q = mxPreference(rival.record);
      this.#add('dns-mx-preference', RULES['dns-mx-preference'].severity, best.record.location, {
        message: `${domain.name} MX ${quote(best.record.data)} has preference ${p}, but ${quote(rival.record.data)} at ${where(rival.record.location, best.record.location)} has ${q}: mail goes ${q === p ? 'to either system at random' : 'to the other system first'}; give the Microsoft 365 MX the lowest number`,
        entry: entryOf(best.record),
      });
    }
  }

  /** CNAME and SRV requirements: the record exists, with the type and target (and SRV fields) asked for. */
  #checkTarget(domain: Domain, req: DnsRequirement): void {
    const name = ownerName(req.host, domain.name);
    const patterns = this.#patterns(domain, req);
    const recs = this.#served(name);
    const ofType = recs.filter((r) => r.record.type === req.type);
    if (ofType.length === 0) {
      const other = recs.find((r) => !DNSSEC_TYPES.has(r.record.type));
      if (!other) {
        if (this.#misplaced.has(name)) return;
        this.#missing(domain, req, name, this.#data(req, patterns, undefined), {
          lead: `${name} ${req.type} is missing`,
          anchorType: req.type,
        });
        return;
      }
      const r = other.record;
      const data = this.#data(req, patterns, undefined);
      const record = other.input.render({ name, type: req.type, ...ttlOf(r), data }, r.zone);
      this.#add('dns-wrong-value', RULES['dns-wrong-value'].severity, r.location, {
        message: `${name} is ${article(r.type)} ${r.type} record, but Microsoft 365 needs ${article(req.type)} ${req.type} record there: ${req.reason}; write: ${record}${placeholderNote(patterns[0]!)}`,
        entry: entryOf(r),
        ...suggest(patterns[0]!, 'replace', { name, type: req.type, ...ttlOf(r), data }, r.zone),
      });
      return;
    }
    const verdicts = ofType.map((rec) => ({
      rec,
      problems: this.#targetProblems(rec, req, patterns),
    }));
    if (verdicts.some((v) => v.problems === undefined)) return;
    for (const { rec, problems } of verdicts) {
      if (!problems) continue;
      const r = rec.record;
      const fixed = this.#data(req, patterns, r);
      this.#add('dns-wrong-value', problems.severity, r.location, {
        message: `${describe(r)} ${problems.text}: ${req.reason}; write: ${rec.input.render({ name: r.name, type: r.type, ...ttlOf(r), data: fixed }, r.zone)}${placeholderNote(patterns[0]!)}`,
        entry: entryOf(r),
        ...suggest(
          patterns[0]!,
          'replace',
          { name: r.name, type: r.type, ...ttlOf(r), data: fixed },
          r.zone,
        ),
      });
    }
  }

  /** What is wrong with a CNAME or SRV record, or undefined when it is right. */
  #targetProblems(
    rec: Rec,
    req: DnsRequirement,
    patterns: readonly ValuePattern[],
  ): { text: string; severity: Severity } | undefined {
    const r = rec.record;
    const target = targetOf(r);
    const parts: string[] = [];
    let severity: Severity = 'warning';
    if (target === undefined) {
      return { text: `has data ${quote(r.data)} that cannot be read`, severity: 'error' };
    }
    if (!patterns.some((p) => p.matches(target))) {
      severity = 'error';
      const written = writtenTarget(r);
      if (written !== undefined && patterns.some((p) => p.matches(written))) {
        this.#explained.add(rec);
        parts.push(
          `target ${quote(written)} has no trailing dot, so it expands inside the zone to ${quote(target)}`,
        );
      } else {
        const cloud = this.#otherCloud(req, target);
        parts.push(
          `points to ${quote(target)}${cloud ? `, the ${CLOUD_NAMES[cloud]} cloud's target,` : ''} instead of ${alternatives(patterns.map((p) => quote(`${p.text}.`)))}`,
        );
      }
    }
    if (req.srv && r.parsed.type === 'SRV') {
      const s = r.parsed;
      if (s.port !== req.srv.port) {
        severity = 'error';
        parts.push(`uses port ${s.port} instead of ${req.srv.port}`);
      }
      if (s.priority !== req.srv.priority || s.weight !== req.srv.weight) {
        parts.push(
          `has priority ${s.priority} and weight ${s.weight} instead of ${req.srv.priority} and ${req.srv.weight}`,
        );
      }
    }
    if (parts.length === 0) return undefined;
    return { text: parts.join(', and '), severity };
  }

  /** The data of the record Microsoft 365 asks for, keeping what the existing record says where it may. */
  #data(
    req: DnsRequirement,
    patterns: readonly ValuePattern[],
    existing: DnsRecord | undefined,
  ): string {
    const target = `${patterns[0]!.text}.`;
    if (req.type === 'SRV' && req.srv) {
      return `${req.srv.priority} ${req.srv.weight} ${req.srv.port} ${target}`;
    }
    if (req.type === 'MX') {
      return `${existing ? mxPreference(existing) : 0} ${target}`;
    }
    return target;
  }

  #wrongTarget(
    rec: Rec,
    req: DnsRequirement,
    patterns: readonly ValuePattern[],
    what: string,
  ): void {
    const r = rec.record;
    const fixed = this.#data(req, patterns, r);
    this.#add('dns-wrong-value', RULES['dns-wrong-value'].severity, r.location, {
      message: `${describe(r)} points to ${quote(targetOf(r)!)}, ${what}, instead of ${quote(`${patterns[0]!.text}.`)}: ${req.reason}; write: ${rec.input.render({ name: r.name, type: r.type, ...ttlOf(r), data: fixed }, r.zone)}${placeholderNote(patterns[0]!)}`,
      entry: entryOf(r),
      ...suggest(
        patterns[0]!,
        'replace',
        { name: r.name, type: r.type, ...ttlOf(r), data: fixed },
        r.zone,
      ),
    });
  }

  /** A relative target that would match once written with its dot: reported as such. */
  #relativeMatch(rec: Rec, patterns: readonly ValuePattern[]): boolean {
    const written = writtenTarget(rec.record);
    if (written === undefined || !patterns.some((p) => p.matches(written))) return false;
    this.#explained.add(rec);
    this.#missingDot(rec, written, RULES['dns-wrong-value'].severity);
    return true;
  }

  /** A target written without its trailing dot, with the record as it should be written. */
  #missingDot(rec: Rec, written: string, severity: Severity): void {
    const r = rec.record;
    const fixed = { name: r.name, type: r.type, ...ttlOf(r), data: withTarget(r, `${written}.`) };
    this.#add('dns-wrong-value', severity, r.location, {
      message: `${describe(r)} target ${quote(written)} has no trailing dot, so it expands inside the zone to ${quote(targetOf(r)!)}; write: ${rec.input.render(fixed, r.zone)}`,
      entry: entryOf(r),
      record: { action: 'replace', ...fixed, zone: r.zone },
    });
  }

  /** The cloud, other than this one, whose value for the same record the target matches. */
  #otherCloud(req: DnsRequirement, target: string): Instance | undefined {
    for (const instance of INSTANCES) {
      if (instance === this.#instance) continue;
      const other = cloudDnsRequirements(instance).records.find((r) => r.id === req.id);
      if (!other || other.values.length === 0) continue;
      const mine = req.values.map((v) => valuePattern(v, {}));
      if (mine.some((p) => p.matches(target))) continue;
      if (other.values.some((v) => valuePattern(v, {}).matches(target))) return instance;
    }
    return undefined;
  }

  #missing(
    domain: Domain,
    req: DnsRequirement,
    name: string,
    data: string,
    how: { lead: string; anchorType: string },
  ): void {
    const anchor = this.#anchor(domain, name, how.anchorType);
    const type = req.type;
    const record = domain.input.render({ name, type, ttl: SUGGESTED_TTL, data }, anchor.zone);
    const patterns = this.#patterns(domain, req);
    this.#add('dns-missing-record', req.severity, anchor.location, {
      message: `${how.lead}: ${req.reason}; add${anchor.where}: ${record}${placeholderNote(patterns[0]!)}`,
      ...suggest(patterns[0]!, 'add', { name, type, ttl: SUGGESTED_TTL, data }, anchor.zone),
    });
  }

  /**
   * After the last record of the same name and type in the domain's file, else of the same name,
   * else of the domain itself, else of the zone apex; the file as a whole when it has none.
   */
  #anchor(domain: Domain, name: string, type: string): Anchor {
    const file = domain.input.file;
    const zone =
      file.zones
        .map(absolute)
        .filter((z) => domain.name === z || domain.name.endsWith(`.${z}`))
        .sort((a, b) => b.length - a.length)[0] ?? domain.name;
    const inFile = (n: string) =>
      (this.#byName.get(n) ?? []).filter((r) => r.input === domain.input).map((r) => r.record);
    const same = inFile(name);
    const candidates = [
      same.filter((r) => r.type === type),
      same,
      inFile(domain.name),
      inFile(zone),
    ];
    for (const list of candidates) {
      const last = list[list.length - 1];
      if (last) {
        return {
          location: { ...last.location, column: 1 },
          zone: last.zone,
          where: ` after line ${last.location.line}`,
        };
      }
    }
    return { location: { file: file.path, line: 0, column: 0 }, zone, where: ` to ${file.path}` };
  }

  // ── record scans ─────────────────────────────────────────────────────────

  /**
   * Microsoft's SRV records written at the domain itself (a provider form without service and
   * protocol fields, filled in wrong): lookups ask for `_service._proto.<domain>` and never see them.
   */
  #misplacedSrv(): void {
    const srvs = this.#cloud.records
      .filter((r) => r.type === 'SRV' && r.srv && r.values.length > 0)
      .map((req) => ({ req, patterns: req.values.map((v) => valuePattern(v, {})) }));
    for (const rec of this.#recs) {
      const r = rec.record;
      if (r.parsed.type !== 'SRV' || this.#unserved.has(rec) || r.name.startsWith('_')) continue;
      const s = r.parsed;
      for (const { req, patterns } of srvs) {
        if (s.port !== req.srv!.port || !patterns.some((p) => p.matches(s.target))) continue;
        const name = ownerName(req.host, r.name);
        if (req.level === 'legacy') {
          this.#add('dns-legacy-record', req.severity, r.location, {
            message: `${describe(r)} ${quote(r.data)} is no longer needed (and belongs at ${name}): ${req.reason}; remove it once no client relies on it`,
            entry: entryOf(r),
          });
          continue;
        }
        this.#misplaced.add(name);
        const record = rec.input.render(
          {
            name,
            type: 'SRV',
            ...ttlOf(r),
            data: `${req.srv!.priority} ${req.srv!.weight} ${req.srv!.port} ${s.target}`,
          },
          r.zone,
        );
        this.#add('dns-wrong-value', RULES['dns-wrong-value'].severity, r.location, {
          message: `${describe(r)} ${quote(r.data)} belongs at ${name}: SRV lookups ask for that name and never see this record; ${req.reason}; write: ${record}`,
          entry: entryOf(r),
          record: {
            action: 'replace',
            name,
            type: 'SRV',
            ...ttlOf(r),
            data: `${req.srv!.priority} ${req.srv!.weight} ${req.srv!.port} ${s.target}`,
            zone: r.zone,
          },
        });
      }
    }
  }

  #forbiddenAt(domain: Domain, req: DnsRequirement): void {
    const name = ownerName(req.host, domain.name);
    for (const rec of this.#served(name)) {
      if (rec.record.type !== req.type) continue;
      this.#forbidden(rec, req);
    }
  }

  #forbidden(rec: Rec, req: DnsRequirement): void {
    const r = rec.record;
    this.#add('dns-forbidden-record', req.severity, r.location, {
      message: `${describe(r)} must not exist in the ${CLOUD_NAMES[this.#instance]} cloud: ${req.reason}; remove it`,
      entry: entryOf(r),
    });
  }

  /**
   * Forbidden records that harm any domain (msoid outside 21Vianet) and legacy records, found by
   * their name and, for legacy ones, by their Microsoft target, wherever they are.
   */
  #scanForbiddenAndLegacy(): void {
    const scanned = this.#cloud.records.filter(
      (r) => (r.level === 'forbidden' && r.service === 'core') || r.level === 'legacy',
    );
    if (scanned.length === 0) return;
    const patterns = new Map(
      scanned.map((req) => [req, req.values.map((v) => valuePattern(v, {}))] as const),
    );
    for (const rec of this.#recs) {
      if (this.#unserved.has(rec)) continue;
      const r = rec.record;
      for (const req of scanned) {
        if (r.type !== req.type || !r.name.startsWith(`${req.host}.`)) continue;
        if (req.level === 'forbidden') {
          this.#forbidden(rec, req);
          continue;
        }
        const target = targetOf(r);
        const written = writtenTarget(r);
        const list = patterns.get(req)!;
        const ours =
          target !== undefined &&
          (list.some((p) => p.matches(target)) ||
            (written !== undefined && list.some((p) => p.matches(written))));
        if (!ours) continue;
        this.#add('dns-legacy-record', req.severity, r.location, {
          message: `${describe(r)} is no longer needed: ${req.reason}; remove it once no client relies on it`,
          entry: entryOf(r),
        });
      }
    }
  }

  // ── SPF ──────────────────────────────────────────────────────────────────

  #checkSpf(domains: ReadonlyMap<string, Domain>): void {
    const spfByName = new Map<string, Rec[]>();
    for (const rec of this.#recs) {
      if (this.#unserved.has(rec) || rec.record.parsed.type !== 'TXT') continue;
      if (!isSpf(txtText(rec.record.parsed.strings))) continue;
      const list = spfByName.get(rec.record.name);
      if (list) list.push(rec);
      else spfByName.set(rec.record.name, [rec]);
    }
    const microsoft = new Set(Object.keys(DNS_REQUIREMENTS.spfIncludes));
    const include = this.#cloud.spfInclude;
    const resolve = (domain: string): SpfTarget => {
      const facts = DNS_REQUIREMENTS.spfIncludes[stripDot(domain)];
      if (facts) return { kind: 'known', nestedLookups: facts.nestedLookups };
      const list = spfByName.get(absolute(domain));
      if (list?.length === 1) {
        const parsed = parseSpf(txtText(spfStrings(list[0]!)));
        if (parsed.ok) return { kind: 'record', record: parsed.value };
      }
      return { kind: 'unknown' };
    };

    const names = new Set<string>();
    for (const d of domains.values()) if (d.services.has('exchange')) names.add(d.name);
    for (const [name, recs] of spfByName) {
      if (recs.length > 1) this.#spfMultiple(name, recs, domains.get(name));
      else if (names.has(name)) continue;
      else {
        const parsed = parseSpf(txtText(spfStrings(recs[0]!)));
        if (parsed.ok && parsed.value.includes.some((i) => microsoft.has(i))) names.add(name);
      }
    }

    for (const name of names) {
      const domain = domains.get(name);
      const recs = spfByName.get(name) ?? [];
      if (recs.length === 0) {
        if (!domain) continue;
        const req = this.#cloud.records.find((r) => r.id === 'spf')!;
        const record = `v=spf1 include:${include} -all`;
        const anchor = this.#anchor(domain, name, 'TXT');
        const text = domain.input.render(
          { name, type: 'TXT', ttl: SUGGESTED_TTL, data: quoteTxt(record) },
          anchor.zone,
        );
        this.#add('dns-missing-record', req.severity, anchor.location, {
          message: `${name} has no SPF record: ${req.reason}; add${anchor.where}: ${text}`,
          record: {
            action: 'add',
            name,
            type: 'TXT',
            ttl: SUGGESTED_TTL,
            data: quoteTxt(record),
            zone: anchor.zone,
          },
        });
        continue;
      }
      if (recs.length > 1) continue;
      const rec = recs[0]!;
      const r = rec.record;
      const parsed = parseSpf(txtText(spfStrings(rec)));
      if (!parsed.ok) {
        this.#add('dns-spf-invalid', RULES['dns-spf-invalid'].severity, r.location, {
          message: `${name} SPF record is malformed: ${parsed.error}; receivers fail SPF for all mail of the name`,
          entry: entryOf(r),
        });
        continue;
      }
      const spf = parsed.value;
      this.#spfInclude(rec, spf, include, microsoft);
      this.#spfAll(rec, spf);
      this.#spfLookups(rec, spf, resolve);
    }
  }

  #spfMultiple(name: string, recs: readonly Rec[], domain: Domain | undefined): void {
    const parsed = recs
      .map((r) => parseSpf(txtText(spfStrings(r))))
      .flatMap((p) => (p.ok ? [p.value] : []));
    let merged = mergeSpf(parsed);
    const include = this.#cloud.spfInclude;
    if (domain?.services.has('exchange') && !parsed.some((p) => p.includes.includes(include))) {
      const again = parseSpf(merged);
      if (again.ok) merged = withInclude(again.value, include);
    }
    const first = recs[0]!.record;
    for (const rec of recs.slice(1)) {
      const r = rec.record;
      this.#add('dns-spf-multiple', RULES['dns-spf-multiple'].severity, r.location, {
        message: `${name} has a second SPF record (the first is at ${where(first.location, r.location)}): receivers then fail SPF for all mail of the name; merge them into one: ${rec.input.render(
          { name, type: 'TXT', ...ttlOf(first), data: quoteTxt(merged) },
          first.zone,
        )}`,
        entry: entryOf(r),
      });
    }
  }

  #spfInclude(rec: Rec, spf: SpfRecord, include: string, microsoft: ReadonlySet<string>): void {
    if (spf.includes.includes(include)) return;
    const r = rec.record;
    const other = spf.includes.find((i) => microsoft.has(i));
    const otherClouds = other ? DNS_REQUIREMENTS.spfIncludes[other]?.clouds : undefined;
    const whose =
      other && otherClouds
        ? ` (it includes ${quote(other)}, which is for ${otherClouds.map((c) => CLOUD_NAMES[c]).join(' and ')})`
        : '';
    this.#add('dns-spf-missing-include', RULES['dns-spf-missing-include'].severity, r.location, {
      message: `${r.name} SPF record does not include ${quote(include)}${whose}: mail that Exchange Online sends for the name fails SPF; write: ${rec.input.render(
        {
          name: r.name,
          type: 'TXT',
          ...ttlOf(r),
          data: quoteTxt(withInclude(spf, include, other)),
        },
        r.zone,
      )}`,
      entry: entryOf(r),
      record: {
        action: 'replace',
        name: r.name,
        type: 'TXT',
        ...ttlOf(r),
        data: quoteTxt(withInclude(spf, include, other)),
        zone: r.zone,
      },
    });
  }

  #spfAll(rec: Rec, spf: SpfRecord): void {
    const r = rec.record;
    const add = (severity: Severity, text: string) =>
      this.#add('dns-spf-all', severity, r.location, {
        message: `${r.name} SPF record ${text}`,
        entry: entryOf(r),
      });
    if (spf.all === undefined && spf.redirect === undefined) {
      add(
        'warning',
        'has no "all" at its end, so mail from servers it does not list gets a neutral result; end it with "-all"',
      );
    } else if (spf.all === '+') {
      add(
        'error',
        'ends with "+all", which lets every server on the internet send mail as the name',
      );
    } else if (spf.all === '?') {
      add(
        'warning',
        'ends with "?all", which gives servers it does not list a neutral result, meant for testing only; end it with "-all"',
      );
    } else if (spf.all === '~') {
      add(
        'notice',
        'ends with "~all", which only marks mail from servers it does not list as suspicious; Microsoft recommends "-all"',
      );
    }
    if (spf.afterAll.length > 0) {
      add(
        'warning',
        `has terms after "all" that are never evaluated: ${listSome(spf.afterAll.map((t) => quote(t.text)))}`,
      );
    }
  }

  #spfLookups(rec: Rec, spf: SpfRecord, resolve: (domain: string) => SpfTarget): void {
    const r = rec.record;
    const count = countSpfLookups(spf, resolve);
    if (count.loops.length > 0) {
      this.#add('dns-spf-lookups', RULES['dns-spf-lookups'].severity, r.location, {
        message: `${r.name} SPF record has an include loop through ${listSome(count.loops.map(quote))}: receivers stop with a permanent error`,
        entry: entryOf(r),
      });
    }
    if (count.lookups > SPF_LOOKUP_LIMIT) {
      this.#add('dns-spf-lookups', RULES['dns-spf-lookups'].severity, r.location, {
        message: `${r.name} SPF record needs ${count.exact ? '' : 'at least '}${count.lookups} DNS lookups, more than the ${SPF_LOOKUP_LIMIT} allowed: receivers return a permanent error and SPF fails for all mail of the name`,
        entry: entryOf(r),
      });
    }
    for (const domain of count.unknown) {
      this.#add('dns-spf-unknown-include', RULES['dns-spf-unknown-include'].severity, r.location, {
        message: `${r.name} SPF record depends on ${quote(domain)}, whose own DNS lookups are not known offline: the count of ${count.lookups} is a lower bound`,
        entry: entryOf(r),
      });
    }
  }

  // ── relative targets nothing else explained ──────────────────────────────

  #relativeTargets(): void {
    const all = INSTANCES.flatMap((i) =>
      cloudDnsRequirements(i).records.flatMap((r) =>
        r.type === 'TXT' ? [] : r.values.map((v) => valuePattern(v, {})),
      ),
    );
    for (const rec of this.#recs) {
      if (this.#explained.has(rec)) continue;
      const r = rec.record;
      const written = writtenTarget(r);
      if (written === undefined) continue;
      const microsoft = all.some((p) => p.matches(written));
      // A single label (`www`) or a private suffix is how a zone points inside itself on purpose.
      const host = parseHostName(written);
      if (!microsoft && (host.domain === null || !host.isIcann)) continue;
      this.#missingDot(rec, written, microsoft ? 'error' : 'warning');
    }
  }

  // ── helpers ──────────────────────────────────────────────────────────────

  #served(name: string): Rec[] {
    return (this.#byName.get(name) ?? []).filter((r) => !this.#unserved.has(r));
  }

  #add(
    ruleId: RuleId,
    severity: Severity,
    location: SourceLocation,
    rest: { message: string; entry?: string; record?: SuggestedRecord },
  ): void {
    this.#findings.push(bounded({ ruleId, severity, location, ...rest }));
  }
}

/** Types that DNSSEC adds beside any record, a CNAME included. */
const DNSSEC_TYPES: ReadonlySet<string> = new Set(['RRSIG', 'NSEC', 'NSEC3']);

function absolute(name: string): string {
  return (name.endsWith('.') ? name : `${name}.`).toLowerCase();
}

const PATTERNS = new Map<string, ValuePattern>();

/**
 * Value patterns compiled once per pattern and token values: a zone with thousands of mail
 * domains shares a handful of regular expressions.
 */
function valuePattern(pattern: string, tokens: PatternTokens): ValuePattern {
  // Only the tokens the pattern uses make it differ from one domain to the next.
  let key = pattern;
  for (const t of ['mx-token', 'domain-dashes', 'initial-domain'] as const) {
    if (pattern.includes(`{${t}}`)) key += `\u0000${tokens[t] ?? ''}`;
  }
  let p = PATTERNS.get(key);
  if (!p) {
    // Bounded: the per-domain patterns of a huge run must not pile up.
    if (PATTERNS.size > 10_000) PATTERNS.clear();
    p = new ValuePattern(pattern, tokens);
    PATTERNS.set(key, p);
  }
  return p;
}

/** `a.b.c.` → `b.c.`, `c.` */
function parentsOf(name: string): string[] {
  const out: string[] = [];
  for (let i = name.indexOf('.'); i >= 0 && i < name.length - 1; i = name.indexOf('.', i + 1)) {
    out.push(name.slice(i + 1));
  }
  return out;
}

function ownerName(host: string, domain: string): string {
  return host === '@' ? domain : `${host}.${domain}`;
}

function targetOf(r: DnsRecord): string | undefined {
  const p = r.parsed;
  switch (p.type) {
    case 'CNAME':
    case 'NS':
    case 'PTR':
      return p.target;
    case 'MX':
      return p.exchange;
    case 'SRV':
      return p.target;
    default:
      return undefined;
  }
}

/** The target as written, when the file wrote it relative to the zone. */
function writtenTarget(r: DnsRecord): string | undefined {
  if (!r.relativeTarget) return undefined;
  const target = targetOf(r);
  const zone = absolute(r.zone);
  if (target === undefined || !target.endsWith(`.${zone}`)) return undefined;
  return target.slice(0, target.length - zone.length - 1);
}

/** The record's data with another target. */
function withTarget(r: DnsRecord, target: string): string {
  const p = r.parsed;
  if (p.type === 'MX') return `${p.preference} ${target}`;
  if (p.type === 'SRV') return `${p.priority} ${p.weight} ${p.port} ${target}`;
  return target;
}

function mxPreference(r: DnsRecord): number {
  return r.parsed.type === 'MX' ? r.parsed.preference : Number.MAX_SAFE_INTEGER;
}

function spfStrings(rec: Rec): readonly string[] {
  return rec.record.parsed.type === 'TXT' ? rec.record.parsed.strings : [];
}

function ttlOf(r: DnsRecord): { ttl?: number } {
  return r.ttl === undefined ? {} : { ttl: r.ttl };
}

/** TXT data in presentation form: quoted, split into strings of at most 255 characters. */
function quoteTxt(text: string): string {
  const parts: string[] = [];
  for (let i = 0; i < text.length || parts.length === 0; i += 255) {
    parts.push(`"${text.slice(i, i + 255).replace(/[\\"]/g, '\\$&')}"`);
  }
  return parts.join(' ');
}

/** "an MX", "a CNAME": the article as the letters are spoken. */
function article(type: string): string {
  return /^[AEFHILMNORSX]/.test(type) ? 'an' : 'a';
}

function describe(r: DnsRecord): string {
  return `${r.name} ${r.type}`;
}

function entryOf(r: DnsRecord): string {
  return `${r.name} ${r.type} ${r.data}`;
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

/** `"a"`, `"a" or "b"`, `"a", "b" or "c"` */
function alternatives(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]!}`;
}

/** The record to write, unless the pattern still holds a value only the tenant knows. */
function suggest(
  pattern: ValuePattern,
  action: SuggestedRecord['action'],
  record: { name: string; type: string; ttl?: number; data: string },
  zone: string,
): { record?: SuggestedRecord } {
  if (pattern.unresolved.length > 0) return {};
  return { record: { action, ...record, zone } };
}

/** What the placeholders of a suggested value stand for. */
function placeholderNote(pattern: ValuePattern): string {
  if (pattern.unresolved.length === 0) return '';
  return ` (replace ${pattern.unresolved.map((t) => `{${t}} with ${TOKEN_HELP[t]}`).join(', and ')})`;
}
