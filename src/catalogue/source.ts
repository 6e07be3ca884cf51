import path from 'node:path';
import type { CatalogueOrigin } from '../diff/engine.js';
import {
  CatalogueCache,
  confine,
  insideRoot,
  readSnapshot,
  serializeSnapshot,
  snapshotFile,
  SnapshotError,
  SNAPSHOT_FILE,
  writeFilesAtomically,
} from '../io/catalogue-store.js';
import { EMBEDDED_CATALOGUE } from './embedded.js';
import { isWebServiceProvenance, type Catalogue, type Instance } from './types.js';

/**
 * The `catalogue` option of a check: the embedded data, a committed snapshot, or the web service
 * (`live`, through an on-disk cache). A check never fails because the service is down: `live`
 * falls back to the cache, then to the embedded data, with a warning.
 */

/** Data older than this gets a notice. */
export const MAX_AGE_DAYS = 45;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface CatalogueChoice {
  readonly catalogue: Catalogue;
  readonly origin: CatalogueOrigin;
  /** Remarks for the report (age, what live did). */
  readonly notes: readonly string[];
  /** Problems that did not stop the check (the service unreachable): also shown as warnings. */
  readonly warnings: readonly string[];
}

export interface SourceEnvironment {
  readonly now: Date;
  /** The web service (default https://endpoints.office.com); never taken from the config file. */
  readonly serviceUrl?: string;
  readonly fetch?: typeof fetch;
  readonly sleep?: (ms: number) => Promise<void>;
  /**
   * Whether a snapshot path may lie outside the repository: true for a command-line flag, never
   * for the configuration file or action inputs, which a pull request can change.
   */
  readonly trustedPath?: boolean;
}

export interface SourceOptions {
  readonly catalogue: string;
  readonly catalogueCache: string;
  readonly instance: Instance;
}

export async function chooseCatalogue(
  root: string,
  options: SourceOptions,
  env: SourceEnvironment,
): Promise<CatalogueChoice> {
  const choice = await load(root, options, env);
  const notes = [...choice.notes];
  const cloud = choice.catalogue.clouds[options.instance];
  const age = Math.floor((env.now.getTime() - Date.parse(cloud.provenance.dataDate)) / DAY_MS);
  const confirmed = choice.origin === 'live';
  if (!confirmed && age > MAX_AGE_DAYS)
    notes.push(
      `the catalogue data is ${age} days old (data of ${cloud.provenance.dataDate}); Microsoft changes the endpoints every month: run "endpoint-drift catalogue update" or use "catalogue: live"`,
    );
  return { ...choice, notes };
}

async function load(
  root: string,
  options: SourceOptions,
  env: SourceEnvironment,
): Promise<CatalogueChoice> {
  if (options.catalogue === 'embedded')
    return { catalogue: EMBEDDED_CATALOGUE, origin: 'embedded', notes: [], warnings: [] };
  if (options.catalogue === 'live') return live(root, options, env);
  const file = snapshotFile(
    root,
    env.trustedPath
      ? path.resolve(root, options.catalogue)
      : insideRoot(root, options.catalogue, 'catalogue'),
  );
  const shown = path.relative(root, file).split(path.sep).join('/');
  if (!env.trustedPath) await confine(root, file, 'catalogue');
  const snapshot = await readSnapshot(file, shown);
  if (!snapshot)
    throw new SnapshotError(
      `catalogue: ${shown} does not exist (write it with "endpoint-drift catalogue update --output ${path.dirname(shown)}")`,
    );
  return { catalogue: snapshot.catalogue, origin: 'snapshot', notes: [], warnings: [] };
}

async function live(
  root: string,
  options: SourceOptions,
  env: SourceEnvironment,
): Promise<CatalogueChoice> {
  const dir = insideRoot(root, options.catalogueCache, 'catalogue-cache');
  const cache = new CatalogueCache(dir);
  const file = path.join(dir, SNAPSHOT_FILE);
  const shown = path.relative(root, file).split(path.sep).join('/');
  await confine(root, dir, 'catalogue-cache');
  const warnings: string[] = [];
  let cached: Catalogue | undefined;
  try {
    cached = (await readSnapshot(file, shown))?.catalogue;
  } catch (e) {
    if (!(e instanceof SnapshotError)) throw e;
    warnings.push(`${e.message}; the cache is ignored`);
  }
  const baseline = cached ?? EMBEDDED_CATALOGUE;
  // The web service's client and the update code are read only when a check asks for them.
  const [
    { DEFAULT_SERVICE_URL, WebService, WebServiceError },
    { CatalogueDataError },
    { updateCatalogue },
  ] = await Promise.all([
    import('./service.js'),
    import('./endpoint-sets.js'),
    import('./update.js'),
  ]);
  const serviceUrl = env.serviceUrl ?? DEFAULT_SERVICE_URL;
  try {
    const clientRequestId = cached?.clientRequestId ?? (await cache.clientRequestId());
    const service = new WebService({
      serviceUrl,
      clientRequestId,
      ...(env.fetch ? { fetch: env.fetch } : {}),
      ...(env.sleep ? { sleep: env.sleep } : {}),
      // A check should not hang on the service: fail over to the cache quickly.
      retries: 1,
      maxWaitMs: 10_000,
      timeoutMs: 15_000,
    });
    const versions = new Map<Instance, Awaited<ReturnType<CatalogueCache['version']>>>();
    versions.set(options.instance, await cache.version(options.instance));
    const out = await updateCatalogue({
      baseline,
      instances: [options.instance],
      service,
      serviceUrl,
      clientRequestId,
      now: env.now,
      cachedVersion: (i) => versions.get(i),
    });
    if (out.catalogue)
      await writeFilesAtomically([{ path: file, text: serializeSnapshot(out.catalogue) }]);
    for (const [i, v] of out.versionsFetched) await cache.saveVersion(i, v);
    const catalogue = out.catalogue ?? baseline;
    const p = catalogue.clouds[options.instance].provenance;
    const latest = out.outcomes[0]!.latest;
    if (isWebServiceProvenance(p)) return { catalogue, origin: 'live', notes: [], warnings };
    return {
      catalogue,
      origin: 'embedded',
      notes: [
        `the web service's version ${latest} is not newer than the embedded data of ${p.dataDate}`,
      ],
      warnings,
    };
  } catch (e) {
    // The cache folder may be unwritable too: none of it is a reason to fail the check.
    const fsError = typeof (e as NodeJS.ErrnoException | undefined)?.code === 'string';
    if (!(e instanceof WebServiceError || e instanceof CatalogueDataError || fsError)) throw e;
    const p = baseline.clouds[options.instance].provenance;
    const fallback = isWebServiceProvenance(p)
      ? `the cached data of version ${p.version} (fetched ${p.fetchedAt.slice(0, 10)})`
      : `the embedded data of ${p.dataDate}`;
    warnings.push(`catalogue: live: ${(e as Error).message}; using ${fallback}`);
    return {
      catalogue: baseline,
      origin: cached && isWebServiceProvenance(p) ? 'cache' : 'embedded',
      notes: [...warnings],
      warnings,
    };
  }
}
