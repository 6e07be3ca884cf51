import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Instance } from '../../src/catalogue/types.js';
import { parseIpBlock } from '../../src/model/ip.js';
import type { Published } from './web-service.js';

/**
 * Versions of the web-service data built from the real snapshots in ../shared/reference: the
 * `/endpoints` responses the embedded catalogue was built from, and a newer version of each cloud
 * reconstructed from the newer derived lists of the same folder (natecohen/microsoft-ips,
 * 2026-05..07): what those lists no longer have is removed from its set; an address they add goes
 * to the set of the address it replaces, else of the nearest address of its family. Its
 * `/changes` records have the documented shape, additions dated 30 days after publication.
 */

export const REFERENCE = path.resolve(import.meta.dirname, '../../../shared/reference');
export const HAS_REFERENCE = existsSync(path.join(REFERENCE, 'endpoints/worldwide.json'));

const LIST_FOLDER: Readonly<Record<Instance, string>> = {
  worldwide: 'Worldwide',
  china: 'China',
  usgovdod: 'USGOVDoD',
  usgovgcchigh: 'USGOVGCCHigh',
};

/** The last change of each cloud's derived lists (PROVENANCE.md), as a web-service version. */
export const NEWER_VERSION: Readonly<Record<Instance, string>> = {
  worldwide: '2026052900',
  china: '2026022700',
  usgovdod: '2026063000',
  usgovgcchigh: '2026070100',
};

/** The data date of each reference response, as a version (what the embedded catalogue holds). */
export const REFERENCE_VERSION: Readonly<Record<Instance, string>> = {
  worldwide: '2025092900',
  china: '2025112700',
  usgovdod: '2025103000',
  usgovgcchigh: '2025103000',
};

type EndpointSetJson = Record<string, unknown> & {
  id: number;
  urls?: string[];
  ips?: string[];
};

export function referenceEndpoints(instance: Instance): EndpointSetJson[] {
  return JSON.parse(
    readFileSync(path.join(REFERENCE, `endpoints/${instance}.json`), 'utf8'),
  ) as EndpointSetJson[];
}

function derived(instance: Instance, file: string): string[] {
  return readFileSync(
    path.join(REFERENCE, 'derived-lists/natecohen-microsoft-ips', LIST_FOLDER[instance], file),
    'utf8',
  )
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

function addDays(version: string, days: number): string {
  const d = new Date(
    Date.UTC(+version.slice(0, 4), +version.slice(4, 6) - 1, +version.slice(6, 8) + days),
  );
  return d.toISOString().slice(0, 10).replace(/-/g, '');
}

/** The reference response as the version the embedded catalogue holds. */
export function referenceVersion(instance: Instance): Published {
  return {
    version: REFERENCE_VERSION[instance],
    endpoints: referenceEndpoints(instance),
    changes: [],
  };
}

/** The newer version of a cloud, reconstructed from the derived lists. */
export function newerVersion(instance: Instance): Published {
  const version = NEWER_VERSION[instance];
  const sets = structuredClone(referenceEndpoints(instance));
  const urls = new Set(derived(instance, 'fqdn_wildcard.txt'));
  const ips = new Set([
    ...derived(instance, 'ipv4_cidr.txt'),
    ...derived(instance, 'ipv6_cidr.txt'),
  ]);
  const have = new Set(sets.flatMap((s) => s.ips ?? []));
  const changes: Record<string, unknown>[] = [];
  let changeId = 9000;
  const removedBy = new Map<number, { urls: string[]; ips: string[] }>();
  for (const s of sets) {
    const goneUrls = (s.urls ?? []).filter((u) => !urls.has(u));
    const goneIps = (s.ips ?? []).filter((i) => !ips.has(i));
    if (goneUrls.length + goneIps.length === 0) continue;
    removedBy.set(s.id, { urls: goneUrls, ips: goneIps });
    if (s.urls) s.urls = s.urls.filter((u) => urls.has(u));
    if (s.ips) s.ips = s.ips.filter((i) => ips.has(i));
  }
  const addedTo = new Map<number, string[]>();
  for (const ip of [...ips].filter((i) => !have.has(i)).sort()) {
    const block = parseIpBlock(ip);
    if (!block.ok) continue;
    let best: { id: number; distance: bigint } | undefined;
    for (const s of referenceEndpoints(instance)) {
      for (const other of s.ips ?? []) {
        const b = parseIpBlock(other);
        if (!b.ok || b.value.family !== block.value.family) continue;
        const a = block.value;
        const o = b.value;
        const distance = a.overlaps(o)
          ? 0n
          : a.last < o.first
            ? o.first - a.last
            : a.first - o.last;
        if (!best || distance < best.distance) best = { id: s.id, distance };
      }
    }
    if (!best) continue;
    addedTo.set(best.id, [...(addedTo.get(best.id) ?? []), ip]);
  }
  for (const [id, list] of addedTo) {
    const set = sets.find((s) => s.id === id)!;
    set.ips = [...(set.ips ?? []), ...list];
  }
  // One record per kind of change, as the service publishes them.
  for (const id of [...addedTo.keys()].sort((a, b) => a - b))
    changes.push({
      id: changeId++,
      endpointSetId: id,
      disposition: 'Change',
      impact: 'AddedIp',
      version,
      add: { effectiveDate: addDays(version, 30), ips: addedTo.get(id) },
    });
  for (const id of [...removedBy.keys()].sort((a, b) => a - b)) {
    const removed = removedBy.get(id)!;
    changes.push({
      id: changeId++,
      endpointSetId: id,
      disposition: 'Change',
      impact: 'RemovedIpOrUrl',
      version,
      remove: {
        ...(removed.urls.length > 0 ? { urls: removed.urls } : {}),
        ...(removed.ips.length > 0 ? { ips: removed.ips } : {}),
      },
    });
  }
  return { version, endpoints: sets, changes };
}
