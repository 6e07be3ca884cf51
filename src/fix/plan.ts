import { selectRequirements } from '../catalogue/select.js';
import type { Catalogue, Requirement } from '../catalogue/types.js';
import type { AllowlistSpec, DnsSpec, Options } from '../config/options.js';
import type { Scope } from '../diff/engine.js';
import { referencedFileReader, type LoadedFile } from '../io/files.js';
import type { DnsRecord } from '../model/dns.js';
import type { Entry } from '../model/entry.js';
import { RULES, type Finding, type RuleId } from '../model/finding.js';
import { IpSet, parseIpBlock } from '../model/ip.js';
import { PortSet, type PortSpec } from '../model/ports.js';
import {
  checkLoaded,
  loadInputs,
  selectionOf,
  type CheckedInputs,
  type ReferencedReader,
} from '../pipeline.js';
import { ALLOWLIST_WRITERS, dnsWriters, SQUID_WRITERS } from './registry.js';
import { applyEdits, type TextEdit } from './text.js';
import { loadEveryFormat } from '../formats/registry.js';
import type { AllowlistOp, AllowlistWriter, DnsOp, NewEntry, Refusal, SetLabel } from './writer.js';
import { append } from '../model/collections.js';

export interface FileChange {
  /** Repository-relative, with `/`. */
  readonly path: string;
  readonly before: string;
  readonly after: string;
  /** findings this change fixes */
  readonly fixes: readonly Finding[];
}

export interface NotFixed {
  readonly finding: Finding;
  readonly reason: string;
}

export interface FixPlan {
  readonly changes: readonly FileChange[];
  readonly notFixed: readonly NotFixed[];
  /** Files that could not be read or recognised: one line each (as `check` reports them). */
  readonly inputErrors?: readonly string[];
}

/** Rules `fix` changes files for. `over-broad-entry` only when asked for by name. */
export const FIXABLE_RULES: readonly RuleId[] = [
  'missing-endpoint',
  'partially-covered',
  'extraneous-entry',
  'redundant-entry',
  'over-broad-entry',
  'dns-missing-record',
  'dns-wrong-value',
  'dns-forbidden-record',
  'dns-spf-missing-include',
];

export const DEFAULT_FIX_RULES: readonly RuleId[] = FIXABLE_RULES.filter(
  (r) => r !== 'over-broad-entry',
);

/** A fix's changes settle within a few rounds: a second round handles what the first exposed. */
const MAX_ROUNDS = 4;

export interface PlanSettings {
  /** Today, for date-based SOA serials. */
  readonly today?: () => Date;
}

/**
 * Reads and checks the files as `check` does, then edits them in memory, round after round,
 * until no fixable finding is left or nothing more can be changed. Nothing is written.
 */
export async function planFixes(
  root: string,
  options: Options,
  catalogue: Catalogue,
  rules?: readonly string[],
  settings: PlanSettings = {},
): Promise<FixPlan> {
  const selected = new Set<string>(rules && rules.length > 0 ? rules : DEFAULT_FIX_RULES);
  const { inputs, errors: loadErrors } = await loadInputs(root, options, catalogue);
  // An edit can change what a file is detected as: every parser is at hand for the reruns.
  await loadEveryFormat();

  const texts = new Map<string, string>();
  const originals = new Map<string, string>();
  for (const f of [...inputs.allowlists, ...inputs.zones]) {
    texts.set(f.path, f.text);
    originals.set(f.path, f.text);
  }
  const readerFor: ReferencedReader = (refused) => {
    const disk = referencedFileReader(root, refused);
    return (repoPath, namedAt) => {
      if (texts.has(repoPath)) return texts.get(repoPath);
      const text = disk(repoPath, namedAt);
      if (typeof text === 'string') {
        originals.set(repoPath, text);
        texts.set(repoPath, text);
      }
      return text;
    };
  };
  const run = (): CheckedInputs =>
    checkLoaded(
      {
        allowlists: inputs.allowlists.map((f) => withText(f, texts.get(f.path)!)),
        zones: inputs.zones.map((f) => withText(f, texts.get(f.path)!)),
      },
      loadErrors,
      options,
      catalogue,
      readerFor,
    );

  const requirements = selectRequirements(catalogue, selectionOf(options)).requirements;
  const fileOptions = new Map(
    inputs.allowlists.flatMap((f) => (f.spec.options ? [[f.path, f.spec.options] as const] : [])),
  );
  const first = run();
  const refusals = new Map<string, string>();
  let checked = first;
  const attempted = new Set<string>();
  /** How often each file changed: a finding is tried again only on a changed file. */
  const versions = new Map<string, number>();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    // A finding tried before on the same text could not be fixed: it is not tried again.
    const tried = (f: Finding) =>
      `${identity(f)}\u0000${f.location.line}:${f.location.column}\u0000${versions.get(f.location.file) ?? 0}`;
    const todo = checked.result.findings.filter(
      (f) => selected.has(f.ruleId) && !attempted.has(tried(f)),
    );
    if (todo.length === 0) break;
    for (const f of todo) attempted.add(tried(f));
    const { edits, refused } = planRound(checked, todo, requirements, texts, settings, fileOptions);
    for (const r of refused) refusals.set(identity(r.finding), r.reason);
    let changed = false;
    for (const [path, list] of edits) {
      if (list.length === 0) continue;
      const before = texts.get(path)!;
      const after = applyEdits(before, list);
      if (after !== before) {
        texts.set(path, after);
        versions.set(path, (versions.get(path) ?? 0) + 1);
        changed = true;
      }
    }
    if (!changed) break;
    checked = run();
  }

  const remaining = new Set(checked.result.findings.map(identity));
  const fixedByFile = new Map<string, Finding[]>();
  const notFixed: NotFixed[] = [];
  for (const f of first.result.findings) {
    const id = identity(f);
    if (selected.has(f.ruleId) && !remaining.has(id)) {
      const list = fixedByFile.get(f.location.file) ?? [];
      fixedByFile.set(f.location.file, list);
      list.push(f);
      continue;
    }
    if (rules && rules.length > 0 && !selected.has(f.ruleId)) continue;
    notFixed.push({ finding: f, reason: refusals.get(id) ?? whyNot(f, selected) });
  }
  // What is left of a finding fixed in part (the TCP ports of a gap, not the UDP ones) is a
  // finding of its own, reported with the reason it stayed.
  const firstIds = new Set(first.result.findings.map(identity));
  for (const f of checked.result.findings) {
    const id = identity(f);
    if (firstIds.has(id) || !selected.has(f.ruleId) || !refusals.has(id)) continue;
    notFixed.push({ finding: f, reason: refusals.get(id)! });
  }
  const changes: FileChange[] = [];
  for (const [path, after] of [...texts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const before = originals.get(path)!;
    if (before === after) continue;
    changes.push({ path, before, after, fixes: fixedByFile.get(path) ?? [] });
  }
  return { changes, notFixed, inputErrors: first.inputErrors };
}

function withText<S>(file: LoadedFile<S>, text: string): LoadedFile<S> {
  return { ...file, text };
}

/** What makes two findings the same problem across rounds, whatever line it moved to. */
function identity(f: Finding): string {
  return [
    f.ruleId,
    f.location.file,
    f.entry ?? '',
    f.requirement?.pattern ?? '',
    f.record ? `${f.record.name} ${f.record.type}` : '',
    f.missingPorts ? `${f.missingPorts.tcp}/${f.missingPorts.udp}` : '',
    (f.uncovered ?? []).join(','),
    f.entry === undefined && !f.requirement ? f.message.replace(/line \d+/g, '') : '',
  ].join('\u0000');
}

interface Located {
  readonly entry: Entry;
  readonly scope: Scope;
  readonly format: string;
  /** The file that was named in the configuration (a Squid ACL file's squid.conf). */
  readonly owner: string;
}

function planRound(
  checked: CheckedInputs,
  findings: readonly Finding[],
  requirements: readonly Requirement[],
  texts: ReadonlyMap<string, string>,
  settings: PlanSettings,
  fileOptions: ReadonlyMap<string, Readonly<Record<string, unknown>>>,
): { edits: Map<string, TextEdit[]>; refused: Refusal[] } {
  const refused: Refusal[] = [];
  const at = new Map<string, Located>();
  const formatOf = new Map<string, { format: string; owner: string }>();
  for (const f of checked.allowlists) {
    formatOf.set(f.parsed.path, { format: f.format.id, owner: f.parsed.path });
    for (const e of f.parsed.entries) {
      at.set(locKey(e.location), {
        entry: e,
        scope: f.scope,
        format: f.format.id,
        owner: f.parsed.path,
      });
      if (!formatOf.has(e.location.file))
        formatOf.set(e.location.file, { format: f.format.id, owner: f.parsed.path });
    }
  }
  const records = new Map<string, DnsRecord>();
  const zoneOf = new Map<string, CheckedInputs['zones'][number]>();
  for (const z of checked.zones) {
    zoneOf.set(z.file.path, z);
    for (const r of z.file.records) records.set(locKey(r.location), r);
  }

  const allowOps = new Map<string, AllowlistOp[]>();
  const dnsOps = new Map<string, DnsOp[]>();
  const push = <T>(map: Map<string, T[]>, file: string, op: T) => {
    const list = map.get(file) ?? [];
    map.set(file, list);
    list.push(op);
  };
  const refuse = (finding: Finding, reason: string) => refused.push({ finding, reason });

  // Entries this round removes get no new ports.
  const going = new Set(
    findings
      .filter((f) => f.ruleId === 'redundant-entry' || f.ruleId === 'extraneous-entry')
      .flatMap((f) => {
        const l = at.get(locKey(f.location));
        return l && (f.ruleId === 'redundant-entry' || l.scope === 'dedicated') ? [l.entry] : [];
      }),
  );
  for (const f of findings) {
    const file = f.location.file;
    if (f.ruleId.startsWith('dns-')) {
      const zone = zoneOf.get(file);
      if (!zone) {
        refuse(f, 'not in a DNS file fix reads');
        continue;
      }
      if (f.ruleId === 'dns-forbidden-record') {
        const old = records.get(locKey(f.location));
        if (!old || !old.name.startsWith('msoid.'))
          refuse(
            f,
            'the record may still serve another system; remove it by hand once nothing relies on it',
          );
        else push(dnsOps, file, { op: 'remove', finding: f, old });
        continue;
      }
      const record = f.record;
      if (!record) {
        refuse(
          f,
          'the value depends on the tenant (give it in the configuration, for example mx-token) or on a choice only a person can make; the finding says what to write',
        );
        continue;
      }
      if (record.action === 'add')
        push(dnsOps, file, { op: 'add', finding: f, record, anchor: f.location });
      else {
        const old = records.get(locKey(f.location));
        if (!old) refuse(f, 'cannot find the record to change');
        else push(dnsOps, file, { op: 'replace', finding: f, old, record });
      }
      continue;
    }

    const located = at.get(locKey(f.location));
    const label = labelOf(f);
    switch (f.ruleId) {
      case 'missing-endpoint':
      case 'partially-covered': {
        if (!f.requirement) {
          refuse(f, 'the finding names no requirement');
          break;
        }
        const ports = portsOf(f.requirement.ports);
        if (f.missingPorts) {
          if (!located) {
            refuse(f, 'the entry is a reference (a tag or feed) whose ports fix does not change');
            break;
          }
          const gap = portsOf(f.missingPorts);
          const req = f.requirement;
          const reqBlock = req.kind === 'ip' ? blockOf(req.pattern) : undefined;
          // Every entry of the file that holds part of the requirement and lacks the ports.
          const holders =
            req.kind === 'ip' && reqBlock
              ? [...at.values()]
                  .filter(
                    (l) =>
                      l.entry.location.file === file &&
                      !going.has(l.entry) &&
                      l.entry.kind === 'ip' &&
                      l.entry.block.overlaps(reqBlock) &&
                      l.entry.ports !== undefined &&
                      !(l.entry.ports.tcp.covers(gap.tcp) && l.entry.ports.udp.covers(gap.udp)),
                  )
                  .map((l) => l.entry)
              : [located.entry];
          const wider = holders.filter(
            (e) => e.kind === 'ip' && reqBlock && !reqBlock.contains(e.block.masked()),
          );
          if (wider.length > 0)
            push(allowOps, file, {
              op: 'add',
              finding: f,
              entries: (f.uncovered ?? [req.pattern]).map((value) => ({
                kind: 'ip' as const,
                value,
                ports: gap,
              })),
              label,
              anchor: f.location,
            });
          for (const e of holders) {
            if (wider.includes(e)) continue;
            const have = e.ports ?? { tcp: PortSet.EMPTY, udp: PortSet.EMPTY };
            push(allowOps, file, {
              op: 'ports',
              finding: f,
              entry: e,
              ports: { tcp: have.tcp.union(gap.tcp), udp: have.udp.union(gap.udp) },
            });
          }
          break;
        }
        const entries: NewEntry[] =
          f.requirement.kind === 'host'
            ? [{ kind: 'host', value: f.requirement.pattern, ports }]
            : (f.uncovered ?? [f.requirement.pattern]).map((value) => ({
                kind: 'ip',
                value,
                ports,
              }));
        push(allowOps, file, { op: 'add', finding: f, entries, label, anchor: f.location });
        break;
      }
      case 'extraneous-entry':
      case 'redundant-entry': {
        if (!located) {
          refuse(f, 'cannot find the entry');
          break;
        }
        if (f.ruleId === 'extraneous-entry' && located.scope !== 'dedicated') {
          refuse(
            f,
            'the allowlist is mixed: entries outside Microsoft 365 may serve something else',
          );
          break;
        }
        push(allowOps, file, { op: 'remove', finding: f, entry: located.entry });
        break;
      }
      case 'over-broad-entry': {
        if (!located) {
          refuse(f, 'cannot find the entry');
          break;
        }
        const present = new Set(
          [...at.values()]
            .filter((l) => l.entry.location.file === file && l.entry !== located.entry)
            .map((l) => l.entry.text.toLowerCase()),
        );
        const inside = narrower(located.entry, requirements);
        const entries = inside.filter((e) => !present.has(e.value.toLowerCase()));
        if (inside.length > 0 && entries.length === 0) {
          // The file already holds every required pattern inside it: it only widens the list.
          push(allowOps, file, { op: 'remove', finding: f, entry: located.entry });
          break;
        }
        if (entries.length === 0) {
          refuse(f, 'no selected requirement lies inside it; remove or narrow it by hand');
          break;
        }
        push(allowOps, file, {
          op: 'replace',
          finding: f,
          entry: located.entry,
          entries,
          label: { ids: [], text: `narrowed from ${located.entry.text}` },
        });
        break;
      }
      default:
        refuse(f, whyNot(f, new Set()));
    }
  }

  const edits = new Map<string, TextEdit[]>();
  for (const [path, ops] of allowOps) {
    const text = texts.get(path);
    const info = formatOf.get(path);
    if (text === undefined || !info) {
      for (const op of ops) refuse(op.finding, 'the file was not read');
      continue;
    }
    const writer = allowlistWriter(info.format, path, info.owner, text);
    if (!writer) {
      for (const op of ops) refuse(op.finding, notWritable(info.format, op));
      continue;
    }
    const entries = checked.allowlists
      .flatMap((f) => f.parsed.entries)
      .filter((e) => e.location.file === path);
    const result = writer.edit(
      { path, text, format: info.format, entries, settings: fileOptions.get(info.owner) },
      ops,
    );
    if (
      /\.json$/i.test(path) &&
      result.edits.length > 0 &&
      !parsesAsJson(applyEdits(text, result.edits))
    ) {
      for (const op of ops)
        refuse(op.finding, 'the change would leave the JSON unreadable; make it by hand');
      continue;
    }
    append(refused, result.refused);
    edits.set(path, [...result.edits]);
  }
  const writers = dnsWriters(settings.today);
  for (const [path, ops] of dnsOps) {
    const zone = zoneOf.get(path)!;
    const writer = writers[zone.format.id];
    if (!writer) {
      for (const op of ops) {
        const r = op.op === 'remove' ? undefined : op.record;
        const line = r
          ? zone.render(
              {
                name: r.name,
                type: r.type,
                ...(r.ttl !== undefined ? { ttl: r.ttl } : {}),
                data: r.data,
              },
              r.zone,
            )
          : undefined;
        refuse(
          op.finding,
          `fix cannot edit ${zone.format.title} files; ${line === undefined ? 'remove the record by hand' : `${op.op === 'add' ? 'add by hand' : 'write by hand instead'}: ${line}`}`,
        );
      }
      continue;
    }
    const result = writer.edit(
      {
        path,
        text: texts.get(path)!,
        format: zone.format.id,
        records: zone.file.records,
        render: zone.render,
      },
      ops,
    );
    append(refused, result.refused);
    edits.set(path, [...(edits.get(path) ?? []), ...result.edits]);
  }
  return { edits, refused };
}

function allowlistWriter(
  format: string,
  path: string,
  owner: string,
  text: string,
): AllowlistWriter | undefined {
  if (format === 'squid') {
    if (path !== owner) return SQUID_WRITERS.aclFile;
    return /^\s*acl\s/im.test(text) ? SQUID_WRITERS.inline : undefined;
  }
  return ALLOWLIST_WRITERS[format];
}

function notWritable(format: string, op: AllowlistOp): string {
  const what =
    op.op === 'remove'
      ? `remove "${op.entry.text}"`
      : op.op === 'ports'
        ? `allow ${describePorts(op.ports)} on "${op.entry.text}"`
        : `${op.op === 'replace' ? `replace "${op.entry.text}" by` : 'add'} ${op.entries.map((e) => `${e.value}${e.ports.tcp.isEmpty && e.ports.udp.isEmpty ? '' : ` (${describePorts(e.ports)})`}`).join(', ')}`;
  return `fix cannot edit ${format} files; ${what} by hand`;
}

function describePorts(p: PortSpec): string {
  return [
    p.tcp.isEmpty ? '' : `TCP ${p.tcp.toString()}`,
    p.udp.isEmpty ? '' : `UDP ${p.udp.toString()}`,
  ]
    .filter(Boolean)
    .join(', ');
}

function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function locKey(l: { file: string; line: number; column: number }): string {
  return `${l.file}:${l.line}:${l.column}`;
}

function portsOf(p: { readonly tcp: string; readonly udp: string } | undefined): PortSpec {
  const read = (t: string | undefined) => {
    const parsed = PortSet.parse(t ?? '');
    return parsed.ok ? parsed.value : PortSet.EMPTY;
  };
  return { tcp: read(p?.tcp), udp: read(p?.udp) };
}

function blockOf(text: string) {
  const b = parseIpBlock(text);
  return b.ok ? b.value : undefined;
}

/** "Exchange set 1 (Optimize)": the endpoint set an added entry is for. */
function labelOf(f: Finding): SetLabel {
  const sets = f.requirement?.endpointSets ?? [];
  const ids = sets.flatMap((s) => (s.endpointSetId !== undefined ? [s.endpointSetId] : []));
  const main = [...sets].sort(
    (a, b) =>
      Number(b.required) - Number(a.required) ||
      (a.endpointSetId ?? 1e9) - (b.endpointSetId ?? 1e9),
  )[0];
  if (!main) return { ids, text: 'Microsoft 365' };
  const text =
    main.endpointSetId !== undefined
      ? `${main.serviceArea ?? 'Microsoft 365'} set ${main.endpointSetId}${main.category ? ` (${main.category})` : ''}`
      : `scenario ${main.scenario}`;
  return { ids, serviceArea: main.serviceArea, text };
}

/** The selected requirements inside an over-broad entry, as entries to write instead. */
function narrower(entry: Entry, requirements: readonly Requirement[]): NewEntry[] {
  const out: NewEntry[] = [];
  const seen = new Set<string>();
  for (const r of requirements) {
    if (entry.kind === 'host' && r.kind === 'host') {
      if (!entry.pattern.intersects(r.pattern) || seen.has(r.text)) continue;
      seen.add(r.text);
      out.push({ kind: 'host', value: r.text, ports: r.ports });
    } else if (entry.kind === 'ip' && r.kind === 'ip') {
      const inside = IpSet.of([r.block]).intersect(IpSet.of([entry.block.masked()]));
      for (const b of inside.toCidrs()) {
        if (seen.has(b.text)) continue;
        seen.add(b.text);
        out.push({ kind: 'ip', value: b.text, ports: r.ports });
      }
    }
  }
  return out.sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}

/** Why a finding is left for a person. */
function whyNot(f: Finding, selected: ReadonlySet<string>): string {
  switch (f.ruleId) {
    case 'invalid-entry':
      return 'malformed: fix cannot tell what was meant; correct it by hand';
    case 'host-bits-set':
      return 'firewalls disagree on what it means; write the network address you mean by hand';
    case 'unsupported-entry':
      return 'read but not understood, so fix does not change it';
    case 'outside-selection':
      return 'needed only by endpoint sets outside the selection; keep or remove it by hand';
    case 'over-broad-entry':
      return selected.has('over-broad-entry')
        ? 'fix could not narrow it'
        : 'a person should choose: run fix --rule over-broad-entry to replace it by the catalogue patterns inside it';
    default:
      return FIXABLE_RULES.includes(f.ruleId)
        ? 'fix could not change it'
        : `not something fix changes (${RULES[f.ruleId].title}); change it by hand`;
  }
}

export type { AllowlistSpec, DnsSpec };
