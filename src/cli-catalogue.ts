import path from 'node:path';
import { parseArgs } from 'node:util';
import { isEmpty, renderChangelog } from './catalogue/changelog.js';
import { EMBEDDED_CATALOGUE } from './catalogue/embedded.js';
import { CatalogueDataError } from './catalogue/endpoint-sets.js';
import { DEFAULT_SERVICE_URL, WebService, WebServiceError } from './catalogue/service.js';
import { INSTANCES, type Instance } from './catalogue/types.js';
import { updateCatalogue } from './catalogue/update.js';
import { ConfigError, resolveOptions } from './config/options.js';
import {
  CatalogueCache,
  CHANGELOG_FILE,
  confine,
  DEFAULT_SNAPSHOT_DIR,
  insideRoot,
  prependChangelog,
  readOptional,
  readSnapshot,
  serializeSnapshot,
  snapshotFile,
  SnapshotError,
  SNAPSHOT_FILE,
  writeFilesAtomically,
} from './io/catalogue-store.js';
import { readConfigFile } from './io/files.js';

/** What `catalogue update` needs from its caller besides the arguments. */
export interface CatalogueIo {
  readonly cwd: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly now?: () => Date;
  readonly fetch?: typeof fetch;
  readonly sleep?: (ms: number) => Promise<void>;
}

export const CATALOGUE_HELP = `Usage: endpoint-drift catalogue update [options]

Fetches the Microsoft 365 endpoint data from the web service when it is newer than the snapshot
at hand (or the embedded data), and writes the snapshot (catalogue.json) and a changelog
(CHANGELOG.md, newest first). Nothing is written when nothing is newer.

  --instance NAME      all | worldwide | china | usgovdod | usgovgcchigh (default: all)
  --output DIR         snapshot folder (default: the config's catalogue: path, else
                       .github/endpoint-drift/catalogue)
  --service-url URL    the web service (default: ${DEFAULT_SERVICE_URL})
  --cache DIR          where /version answers and the client id are kept (default: the config's
                       catalogue-cache, .endpoint-drift-cache)
  --changes FILE       also write this update's changelog alone to FILE (a pull request body)
  --config FILE        configuration file (default: .github/endpoint-drift.yml when present)
  --root DIR           repository root (default: .)

Exit status: 0 updated or already current, 2 usage error or a failed or malformed answer
(nothing is written then).
`;

class UsageError extends Error {}

/** `endpoint-drift catalogue <subcommand>`; returns the exit status. */
export async function catalogueCommand(argv: readonly string[], io: CatalogueIo): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help') {
    io.stdout(CATALOGUE_HELP);
    return sub === undefined ? 2 : 0;
  }
  if (sub !== 'update') {
    io.stderr(`endpoint-drift catalogue: unknown subcommand "${sub}" (expected update)\n`);
    return 2;
  }
  try {
    return await update(rest, io);
  } catch (e) {
    if (
      e instanceof UsageError ||
      e instanceof ConfigError ||
      e instanceof WebServiceError ||
      e instanceof CatalogueDataError ||
      e instanceof SnapshotError
    ) {
      io.stderr(`endpoint-drift catalogue update: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

async function update(argv: readonly string[], io: CatalogueIo): Promise<number> {
  let values: Record<string, string | undefined>;
  try {
    values = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        instance: { type: 'string' },
        output: { type: 'string' },
        'service-url': { type: 'string' },
        cache: { type: 'string' },
        changes: { type: 'string' },
        config: { type: 'string' },
        root: { type: 'string' },
      },
    }).values as Record<string, string | undefined>;
  } catch (e) {
    throw new UsageError(`${(e as Error).message.split('\n')[0]} (see catalogue --help)`);
  }
  const instanceArg = (values.instance ?? 'all').toLowerCase();
  const instances: readonly Instance[] =
    instanceArg === 'all'
      ? INSTANCES
      : INSTANCES.includes(instanceArg as Instance)
        ? [instanceArg as Instance]
        : [];
  if (instances.length === 0)
    throw new UsageError(
      `--instance must be all, ${INSTANCES.join(', ')}; got "${values.instance ?? ''}"`,
    );
  const serviceUrl = (values['service-url'] ?? DEFAULT_SERVICE_URL).replace(/\/+$/, '');
  if (!/^https?:\/\/[^/\s]+/i.test(serviceUrl))
    throw new UsageError(`--service-url must be an http(s) URL, got "${serviceUrl}"`);

  const root = path.resolve(io.cwd, values.root ?? '.');
  const config = await readConfigFile(root, values.config, io.cwd);
  const options = resolveOptions(config, {});
  // The config's `catalogue:` names the snapshot file, or its folder (catalogue.json in it).
  const configured =
    options.catalogue === 'embedded' || options.catalogue === 'live'
      ? undefined
      : snapshotFile(root, insideRoot(root, options.catalogue, 'catalogue'));
  const target = values.output
    ? path.join(path.resolve(io.cwd, values.output), SNAPSHOT_FILE)
    : (configured ?? path.join(root, DEFAULT_SNAPSHOT_DIR, SNAPSHOT_FILE));
  const outputDir = path.dirname(target);
  const cacheDir = values.cache
    ? path.resolve(io.cwd, values.cache)
    : insideRoot(root, options.catalogueCache, 'catalogue-cache');
  const shown = (file: string) => path.relative(io.cwd, file).split(path.sep).join('/') || '.';

  // A folder named by the configuration must not lead outside the repository through a link.
  if (!values.output && configured) await confine(root, target, 'catalogue');
  if (!values.cache) await confine(root, cacheDir, 'catalogue-cache');
  const existing = await readSnapshot(target, shown(target));
  const cache = new CatalogueCache(cacheDir);
  const clientRequestId = existing?.catalogue.clientRequestId ?? (await cache.clientRequestId());
  const now = io.now?.() ?? new Date();
  const service = new WebService({
    serviceUrl,
    clientRequestId,
    ...(io.fetch ? { fetch: io.fetch } : {}),
    ...(io.sleep ? { sleep: io.sleep } : {}),
  });
  const versions = new Map(
    await Promise.all(instances.map(async (i) => [i, await cache.version(i)] as const)),
  );
  const out = await updateCatalogue({
    baseline: existing?.catalogue ?? EMBEDDED_CATALOGUE,
    instances,
    service,
    serviceUrl,
    clientRequestId,
    now,
    cachedVersion: (i) => versions.get(i),
  });
  for (const o of out.outcomes) {
    const at = o.current ?? 'the data at hand';
    io.stdout(
      o.updated
        ? `${o.instance}: ${at} → ${o.latest}\n`
        : `${o.instance}: ${o.latest} is current${o.cached ? ' (version checked within the hour)' : ''}\n`,
    );
  }
  for (const [i, v] of out.versionsFetched) await cache.saveVersion(i, v);
  if (!out.catalogue) {
    io.stdout(`nothing newer: ${shown(outputDir)} is unchanged\n`);
    return 0;
  }
  const section = renderChangelog(out.logs, { fetchedAt: now.toISOString(), serviceUrl });
  const changelogPath = path.join(outputDir, CHANGELOG_FILE);
  const files = [
    { path: target, text: serializeSnapshot(out.catalogue) },
    { path: changelogPath, text: prependChangelog(await readOptional(changelogPath), section) },
  ];
  if (values.changes) files.push({ path: path.resolve(io.cwd, values.changes), text: section });
  await writeFilesAtomically(files);
  const changed = out.logs.filter((l) => !isEmpty(l)).length;
  io.stdout(
    `wrote ${shown(target)} and ${shown(changelogPath)} (${changed} cloud${changed === 1 ? '' : 's'} with changes)\n`,
  );
  return 0;
}
