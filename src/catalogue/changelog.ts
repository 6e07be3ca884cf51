import { HostPattern } from '../model/host.js';
import { parseIpBlock } from '../model/ip.js';
import type { ChangeRecord } from './service.js';
import {
  isWebServiceProvenance,
  type AddedEndpoint,
  type Category,
  type CloudCatalogue,
  type CloudHistory,
  type EndpointSet,
  type Instance,
  type RemovedEndpoint,
  type ServiceArea,
} from './types.js';

/**
 * What changed between two versions of a cloud's data, and its Markdown. The comparison of the
 * endpoint sets is the truth (it needs nothing but the two snapshots); the `/changes` records add
 * what only they know: the effective date of additions, the version of each change, its impact.
 */

export interface SetRef {
  readonly id: number;
  readonly serviceArea: ServiceArea;
  readonly category: Category;
  readonly required: boolean;
}

export interface EndpointChange {
  readonly change: 'added' | 'removed' | 'moved';
  readonly kind: 'url' | 'ip';
  readonly value: string;
  /** The set it is in now (added, moved) or was in (removed). */
  readonly set: SetRef;
  /** For `moved`: the set it left. */
  readonly from?: SetRef;
  /** Other sets that still publish it, for a removal from one set only. */
  readonly stillIn?: readonly number[];
  /** YYYY-MM-DD, for additions the web service dates. */
  readonly effectiveDate?: string;
  readonly version: string;
  readonly impact?: string;
}

export type SetField =
  | 'set'
  | 'serviceArea'
  | 'category'
  | 'required'
  | 'tcpPorts'
  | 'udpPorts'
  | 'expressRoute'
  | 'notes';

export interface SetChange {
  readonly set: SetRef;
  readonly field: SetField;
  readonly before: string;
  readonly after: string;
  readonly version: string;
}

export interface CloudChangelog {
  readonly instance: Instance;
  readonly before: { readonly version?: string; readonly dataDate: string; readonly label: string };
  readonly after: { readonly version: string; readonly dataDate: string };
  readonly endpoints: readonly EndpointChange[];
  readonly sets: readonly SetChange[];
}

const refOf = (s: EndpointSet): SetRef => ({
  id: s.id,
  serviceArea: s.serviceArea,
  category: s.category,
  required: s.required,
});

/** YYYYMMDD (as the service writes effective dates) to YYYY-MM-DD. */
export function isoDate(compact: string): string {
  return `${compact.slice(0, 4)}-${compact.slice(4, 6)}-${compact.slice(6, 8)}`;
}

/** The date a version was published: YYYYMMDDNN → YYYY-MM-DD. */
export function versionDate(version: string): string {
  return isoDate(version.slice(0, 8));
}

/** A canonical key per value, so that `*.Example.com` and `*.example.com`, or `::1/128` spelt twice, meet. */
function valueKey(kind: 'url' | 'ip', value: string): string {
  if (kind === 'url') {
    const p = HostPattern.parse(value);
    return p.ok ? `u:${p.value.key()}` : `u:${value.toLowerCase()}`;
  }
  const p = parseIpBlock(value);
  return p.ok ? `i:${p.value.masked().key()}` : `i:${value}`;
}

interface Holding {
  readonly kind: 'url' | 'ip';
  readonly value: string;
  readonly sets: Map<number, EndpointSet>;
}

function holdings(sets: readonly EndpointSet[]): Map<string, Holding> {
  const out = new Map<string, Holding>();
  for (const set of sets) {
    for (const [kind, list] of [
      ['url', set.urls],
      ['ip', set.ips],
    ] as const) {
      for (const value of list) {
        const key = valueKey(kind, value);
        let h = out.get(key);
        if (!h) {
          h = { kind, value, sets: new Map() };
          out.set(key, h);
        }
        h.sets.set(set.id, set);
      }
    }
  }
  return out;
}

/** Compares two versions of a cloud; `changes` are the `/changes` records published after `before`. */
export function compareClouds(
  before: CloudCatalogue,
  after: CloudCatalogue,
  changes: readonly ChangeRecord[],
  afterVersion: string,
): CloudChangelog {
  const added = new Map<string, ChangeRecord>();
  const removed = new Map<string, ChangeRecord>();
  for (const c of changes) {
    for (const [kind, list] of [
      ['url', c.add?.urls ?? []],
      ['ip', c.add?.ips ?? []],
    ] as const)
      for (const v of list) added.set(`${c.endpointSetId}|${valueKey(kind, v)}`, c);
    for (const [kind, list] of [
      ['url', c.remove?.urls ?? []],
      ['ip', c.remove?.ips ?? []],
    ] as const)
      for (const v of list) removed.set(`${c.endpointSetId}|${valueKey(kind, v)}`, c);
  }
  const addition = (set: number, key: string) => {
    const c = added.get(`${set}|${key}`);
    return {
      version: c?.version ?? afterVersion,
      ...(c?.add?.effectiveDate ? { effectiveDate: isoDate(c.add.effectiveDate) } : {}),
      ...(c?.impact ? { impact: c.impact } : {}),
    };
  };
  const removal = (set: number, key: string) => {
    const c = removed.get(`${set}|${key}`);
    return { version: c?.version ?? afterVersion, ...(c?.impact ? { impact: c.impact } : {}) };
  };

  const old = holdings(before.endpointSets);
  const now = holdings(after.endpointSets);
  const endpoints: EndpointChange[] = [];
  for (const key of new Set([...old.keys(), ...now.keys()])) {
    const b = old.get(key);
    const a = now.get(key);
    const h = (a ?? b)!;
    const gone = b ? [...b.sets.values()].filter((s) => !a?.sets.has(s.id)) : [];
    const come = a ? [...a.sets.values()].filter((s) => !b?.sets.has(s.id)) : [];
    // A value that left one set and arrived in another has moved.
    while (gone.length > 0 && come.length > 0) {
      const from = gone.shift()!;
      const to = come.shift()!;
      endpoints.push({
        change: 'moved',
        kind: h.kind,
        value: a!.value,
        set: refOf(to),
        from: refOf(from),
        ...addition(to.id, key),
      });
    }
    for (const s of come)
      endpoints.push({
        change: 'added',
        kind: h.kind,
        value: a!.value,
        set: refOf(s),
        ...addition(s.id, key),
      });
    for (const s of gone) {
      const still = a ? [...a.sets.keys()].sort((x, y) => x - y) : [];
      endpoints.push({
        change: 'removed',
        kind: h.kind,
        value: b!.value,
        set: refOf(s),
        ...(still.length > 0 ? { stillIn: still } : {}),
        ...removal(s.id, key),
      });
    }
  }
  endpoints.sort(
    (x, y) =>
      CHANGE_ORDER[x.change] - CHANGE_ORDER[y.change] ||
      x.set.id - y.set.id ||
      (x.kind === y.kind ? 0 : x.kind === 'url' ? -1 : 1) ||
      (x.value < y.value ? -1 : x.value > y.value ? 1 : 0),
  );

  const sets: SetChange[] = [];
  const beforeSets = new Map(before.endpointSets.map((s) => [s.id, s]));
  const afterSets = new Map(after.endpointSets.map((s) => [s.id, s]));
  const setVersion = (id: number) =>
    changes
      .filter((c) => c.endpointSetId === id)
      .sort((x, y) => (x.version < y.version ? 1 : -1))[0]?.version ?? afterVersion;
  for (const id of [...new Set([...beforeSets.keys(), ...afterSets.keys()])].sort(
    (x, y) => x - y,
  )) {
    const b = beforeSets.get(id);
    const a = afterSets.get(id);
    if (!b || !a) {
      const s = (a ?? b)!;
      sets.push({
        set: refOf(s),
        field: 'set',
        before: b ? describeSet(b) : '',
        after: a ? describeSet(a) : '',
        version: setVersion(id),
      });
      continue;
    }
    const fields: [SetField, string, string][] = [
      ['serviceArea', b.serviceArea, a.serviceArea],
      ['category', b.category, a.category],
      ['required', String(b.required), String(a.required)],
      ['tcpPorts', portText(b.tcpPortRanges), portText(a.tcpPortRanges)],
      ['udpPorts', portText(b.udpPortRanges), portText(a.udpPortRanges)],
      ['expressRoute', String(b.expressRoute), String(a.expressRoute)],
      ['notes', b.notes ?? '', a.notes ?? ''],
    ];
    for (const [field, was, is] of fields)
      if (was !== is)
        sets.push({ set: refOf(a), field, before: was, after: is, version: setVersion(id) });
  }

  return {
    instance: after.instance,
    before: describeBefore(before),
    after: { version: afterVersion, dataDate: versionDate(afterVersion) },
    endpoints,
    sets,
  };
}

const CHANGE_ORDER = { added: 0, removed: 1, moved: 2 } as const;

function describeBefore(c: CloudCatalogue): CloudChangelog['before'] {
  const p = c.provenance;
  return isWebServiceProvenance(p)
    ? { version: p.version, dataDate: p.dataDate, label: `version ${p.version}` }
    : { dataDate: p.dataDate, label: `data of ${p.dataDate} (${p.sourceFile})` };
}

function describeSet(s: EndpointSet): string {
  return `${s.serviceArea}, ${s.category}${s.required ? '' : ', optional'}`;
}

function portText(ranges: readonly (readonly [number, number])[]): string {
  return ranges.map(([lo, hi]) => (lo === hi ? `${lo}` : `${lo}-${hi}`)).join(',');
}

/** Whether the comparison found anything at all. */
export function isEmpty(log: CloudChangelog): boolean {
  return log.endpoints.length === 0 && log.sets.length === 0;
}

/**
 * The history to keep after an update: earlier records still true, plus what this update removed
 * from the cloud as a whole and the dated additions of `/changes`.
 */
export function nextHistory(
  before: CloudCatalogue,
  after: CloudCatalogue,
  log: CloudChangelog,
  changes: readonly ChangeRecord[],
): CloudHistory {
  const now = holdings(after.endpointSets);
  const removed: RemovedEndpoint[] = [];
  const seenRemoved = new Set<string>();
  const keepRemoved = (r: RemovedEndpoint) => {
    const k = `${r.endpointSetId}|${valueKey(r.kind, r.value)}`;
    if (seenRemoved.has(k) || now.has(valueKey(r.kind, r.value))) return;
    seenRemoved.add(k);
    removed.push(r);
  };
  for (const e of log.endpoints)
    if (e.change === 'removed' && !e.stillIn)
      keepRemoved({
        kind: e.kind,
        value: e.value,
        endpointSetId: e.set.id,
        serviceArea: e.set.serviceArea,
        category: e.set.category,
        required: e.set.required,
        version: e.version,
      });
  for (const r of before.history?.removed ?? []) keepRemoved(r);

  const added: AddedEndpoint[] = [];
  const seenAdded = new Set<string>();
  const keepAdded = (a: AddedEndpoint) => {
    const k = `${a.endpointSetId}|${valueKey(a.kind, a.value)}`;
    if (seenAdded.has(k) || !now.get(valueKey(a.kind, a.value))?.sets.has(a.endpointSetId)) return;
    seenAdded.add(k);
    added.push(a);
  };
  for (const c of [...changes].sort((x, y) => (x.version < y.version ? 1 : -1))) {
    const date = c.add?.effectiveDate;
    if (!date) continue;
    for (const [kind, list] of [
      ['url', c.add.urls],
      ['ip', c.add.ips],
    ] as const)
      for (const value of list)
        keepAdded({
          kind,
          value,
          endpointSetId: c.endpointSetId,
          version: c.version,
          effectiveDate: isoDate(date),
        });
  }
  for (const a of before.history?.added ?? []) keepAdded(a);
  const order = <T extends { endpointSetId: number; kind: string; value: string }>(x: T, y: T) =>
    x.endpointSetId - y.endpointSetId ||
    (x.kind < y.kind ? -1 : x.kind > y.kind ? 1 : 0) ||
    (x.value < y.value ? -1 : x.value > y.value ? 1 : 0);
  return { removed: removed.sort(order), added: added.sort(order) };
}

// ---- Markdown ----------------------------------------------------------------------------------

const CLOUD_TITLES: Readonly<Record<Instance, string>> = {
  worldwide: 'Worldwide',
  china: '21Vianet (China)',
  usgovdod: 'US Government DoD',
  usgovgcchigh: 'US Government GCC High',
};

const FIELD_TITLES: Readonly<Record<SetField, string>> = {
  set: 'endpoint set',
  serviceArea: 'service area',
  category: 'category',
  required: 'required',
  tcpPorts: 'TCP ports',
  udpPorts: 'UDP ports',
  expressRoute: 'ExpressRoute',
  notes: 'notes',
};

/** Text from the web service inside a table cell: no Markdown, no HTML, one line. */
export function cell(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\`*_[\]<>|~#!&]/g, (c) => `\\${c}`)
    .trim();
}

function code(text: string): string {
  // Host patterns and prefixes never hold a backtick; anything else is shown escaped, not as code.
  return /^[\w.*:/-]+$/.test(text) ? `\`${text}\`` : cell(text);
}

function setCell(s: SetRef): string {
  return `${s.serviceArea} set ${s.id} (${s.category}${s.required ? '' : ', optional'})`;
}

/** The changelog of one update, newest version first within each cloud. */
export function renderChangelog(
  logs: readonly CloudChangelog[],
  meta: { readonly fetchedAt: string; readonly serviceUrl: string },
): string {
  const out: string[] = [
    `## Microsoft 365 endpoints: update of ${meta.fetchedAt.slice(0, 10)}`,
    '',
    `From ${cell(meta.serviceUrl)}.`,
  ];
  for (const log of logs) {
    const count = (c: EndpointChange['change']) =>
      log.endpoints.filter((e) => e.change === c).length;
    out.push(
      '',
      `### ${CLOUD_TITLES[log.instance]}: ${log.before.label} → version ${log.after.version} (${log.after.dataDate})`,
      '',
      `${count('added')} added, ${count('removed')} removed, ${count('moved')} moved between endpoint sets, ${log.sets.length} endpoint-set change${log.sets.length === 1 ? '' : 's'}.`,
    );
    const added = log.endpoints.filter((e) => e.change === 'added');
    if (added.length > 0) {
      out.push('', '#### Added', '', '| Endpoint | Endpoint set | Effective | Version | Impact |');
      out.push('| --- | --- | --- | --- | --- |');
      for (const e of added)
        out.push(
          `| ${code(e.value)} | ${setCell(e.set)} | ${e.effectiveDate ?? 'now'} | ${e.version} | ${cell(e.impact ?? '')} |`,
        );
    }
    const removed = log.endpoints.filter((e) => e.change === 'removed');
    if (removed.length > 0) {
      out.push('', '#### Removed', '', '| Endpoint | Endpoint set | Version | Impact |');
      out.push('| --- | --- | --- | --- |');
      for (const e of removed)
        out.push(
          `| ${code(e.value)} | ${setCell(e.set)}${e.stillIn ? `; still in set ${e.stillIn.join(', ')}` : ''} | ${e.version} | ${cell(e.impact ?? '')} |`,
        );
    }
    const moved = log.endpoints.filter((e) => e.change === 'moved');
    if (moved.length > 0) {
      out.push(
        '',
        '#### Moved between endpoint sets',
        '',
        '| Endpoint | From | To | Effective | Version |',
      );
      out.push('| --- | --- | --- | --- | --- |');
      for (const e of moved)
        out.push(
          `| ${code(e.value)} | ${setCell(e.from!)} | ${setCell(e.set)} | ${e.effectiveDate ?? 'now'} | ${e.version} |`,
        );
    }
    if (log.sets.length > 0) {
      out.push(
        '',
        '#### Endpoint sets changed',
        '',
        '| Endpoint set | Change | Before | After | Version |',
      );
      out.push('| --- | --- | --- | --- | --- |');
      for (const s of log.sets) {
        const what =
          s.field === 'set' ? (s.before === '' ? 'added' : 'removed') : FIELD_TITLES[s.field];
        out.push(
          `| ${setCell(s.set)} | ${what} | ${cell(s.before) || '–'} | ${cell(s.after) || '–'} | ${s.version} |`,
        );
      }
    }
  }
  return `${out.join('\n')}\n`;
}
