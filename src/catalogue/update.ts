import { createHash } from 'node:crypto';
import { compareClouds, nextHistory, versionDate, type CloudChangelog } from './changelog.js';
import { CatalogueDataError, endpointSetsOf } from './endpoint-sets.js';
import { validateCatalogueData } from './schema.js';
import type { ChangeRecord, VersionAnswer, WebService } from './service.js';
import {
  isWebServiceProvenance,
  type Catalogue,
  type CloudCatalogue,
  type Instance,
} from './types.js';

/**
 * One update of a catalogue from the web service: `/version` per instance (at most once an hour,
 * through the injected cache), and only for an instance whose version is newer than the data at
 * hand, `/endpoints` and `/changes`. Pure apart from the injected service: the caller reads the
 * baseline and writes the result.
 */

/** The version check is cached this long, as the web service asks. */
export const VERSION_CACHE_MS = 60 * 60 * 1000;

export interface CachedVersion {
  readonly latest: string;
  /** ISO 8601. */
  readonly checkedAt: string;
}

export interface UpdateInput {
  /** The catalogue at hand: the snapshot being updated, or the embedded data. */
  readonly baseline: Catalogue;
  readonly instances: readonly Instance[];
  readonly service: Pick<WebService, 'version' | 'endpoints' | 'changes'>;
  readonly serviceUrl: string;
  readonly clientRequestId: string;
  readonly now: Date;
  /** The last `/version` answer per instance, if any. */
  readonly cachedVersion?: (instance: Instance) => CachedVersion | undefined;
}

export interface InstanceOutcome {
  readonly instance: Instance;
  /** The version at hand, or undefined for data that has none (the embedded reference copies). */
  readonly current?: string;
  readonly latest: string;
  /** Whether `latest` came from the hour-long cache rather than a request. */
  readonly cached: boolean;
  readonly updated: boolean;
}

export interface UpdateOutput {
  /** The new catalogue, or undefined when nothing is newer. */
  readonly catalogue?: Catalogue;
  readonly logs: readonly CloudChangelog[];
  readonly outcomes: readonly InstanceOutcome[];
  /** `/version` answers fetched now, to be cached. */
  readonly versionsFetched: ReadonlyMap<Instance, CachedVersion>;
}

/** The version of a cloud's data; data without one counts as the version of its data date. */
export function versionOf(cloud: CloudCatalogue): { version: string; known: boolean } {
  const p = cloud.provenance;
  if (isWebServiceProvenance(p)) return { version: p.version, known: true };
  // The reference copies carry only the date they were live; anything published after that
  // date is newer, which is what /changes/{instance}/{date}00 returns.
  return { version: `${p.dataDate.replace(/-/g, '')}00`, known: false };
}

export async function updateCatalogue(input: UpdateInput): Promise<UpdateOutput> {
  const { baseline, now } = input;
  const outcomes: InstanceOutcome[] = [];
  const logs: CloudChangelog[] = [];
  const fetched = new Map<Instance, CachedVersion>();
  const clouds: Partial<Record<Instance, CloudCatalogue>> = {};

  for (const instance of input.instances) {
    const cloud = baseline.clouds[instance];
    const current = versionOf(cloud);
    const cached = input.cachedVersion?.(instance);
    let latest: string;
    let fromCache = false;
    if (cached && now.getTime() - Date.parse(cached.checkedAt) < VERSION_CACHE_MS) {
      latest = cached.latest;
      fromCache = true;
    } else {
      const answer: VersionAnswer = await input.service.version(instance);
      latest = answer.latest;
      fetched.set(instance, { latest, checkedAt: now.toISOString() });
    }
    const newer = latest > current.version;
    outcomes.push({
      instance,
      ...(current.known ? { current: current.version } : {}),
      latest,
      cached: fromCache,
      updated: newer,
    });
    if (!newer) continue;

    const { answers, sets: raw } = await input.service.endpoints(instance);
    const changes: ChangeRecord[] = await input.service.changes(instance, current.version);
    const where = `${input.serviceUrl.replace(/\/+$/, '')}/endpoints/${instance}`;
    const sets = endpointSetsOf(where, raw);
    const hash = createHash('sha256');
    for (const a of answers) hash.update(a.text, 'utf8');
    const fresh: CloudCatalogue = {
      instance,
      provenance: {
        source: 'web-service',
        serviceUrl: input.serviceUrl.replace(/\/+$/, ''),
        version: latest,
        fetchedAt: now.toISOString(),
        dataDate: versionDate(latest),
        sha256: hash.digest('hex'),
        includesMem: true,
      },
      endpointSets: sets,
    };
    // Only what /changes published after the data at hand belongs to this update.
    const relevant = changes.filter((c) => c.version > current.version && c.version <= latest);
    const log = compareClouds(cloud, fresh, relevant, latest);
    logs.push(log);
    const history = nextHistory(cloud, fresh, log, relevant);
    clouds[instance] = {
      ...fresh,
      ...(history.removed.length > 0 || history.added.length > 0 ? { history } : {}),
    };
  }

  if (Object.keys(clouds).length === 0) return { logs, outcomes, versionsFetched: fetched };
  const catalogue: Catalogue = {
    schemaVersion: baseline.schemaVersion,
    clientRequestId: input.clientRequestId,
    generatedFrom: baseline.generatedFrom,
    clouds: { ...baseline.clouds, ...clouds },
    otherEndpoints: baseline.otherEndpoints,
  };
  const problems = validateCatalogueData(catalogue);
  if (problems.length > 0)
    throw new CatalogueDataError(
      `the updated catalogue does not match schemas/catalogue.schema.json: ${problems.slice(0, 5).join('; ')}`,
    );
  return { catalogue, logs, outcomes, versionsFetched: fetched };
}
