import type { Catalogue, Selection } from './catalogue/types.js';
import {
  ConfigError,
  describeOrigin,
  type AllowlistSpec,
  type DnsSpec,
  type Options,
  type SpecOrigins,
} from './config/options.js';
import { validateWithSchema } from './config/validate.js';
import { scenarioIds } from './catalogue/select.js';
import { append } from './model/collections.js';
import { objectEntries } from './model/entry.js';
import { didYouMean } from './model/suggest.js';
import {
  check,
  problemFinding,
  type CatalogueOrigin,
  sortFindings,
  type CheckedFile,
  type Result,
} from './diff/engine.js';
import { checkDns, type DnsInput } from './dns/check.js';
import { loadFiles, referencedFileReader, type LoadedFile, type Refusal } from './io/files.js';
import type { Finding } from './model/finding.js';
import {
  ALLOWLIST_REGISTRY,
  DNS_REGISTRY,
  loadedFormat,
  type FormatEntry,
} from './formats/registry.js';
import {
  AUTO,
  pickFormat,
  type AllowlistFormat,
  type DnsFormat,
  type NamedAt,
  type ParseOptions,
} from './formats/format.js';
import { formatLocation, type SourceLocation } from './model/location.js';

export interface PipelineOutput {
  readonly result: Result;
  /** Input errors (files that could not be read, globs matching nothing, unknown formats): one line each. */
  readonly inputErrors: readonly string[];
  /** Comments attached to entries and records, by `file:line:column` (for inline waivers). */
  readonly comments: ReadonlyMap<string, string>;
}

/** What the check knows besides the options: the catalogue's origin, the date, remarks about both. */
export interface CheckContext {
  readonly origin?: CatalogueOrigin;
  /** The check's date (YYYY-MM-DD); endpoints effective later are upcoming. */
  readonly today?: string;
  /** Remarks about the catalogue (fallbacks, age), shown with the report's notes. */
  readonly notes?: readonly string[];
  /** Hears the stack of an error a parser threw (the run goes on without that file). */
  readonly debug?: (stack: string) => void;
}

/**
 * Reads a file another file names, by repository path; what it refuses (outside the workspace,
 * not a regular file) it reports through `refused`, with the place that names it.
 */
export type ReferencedReader = (
  refused: (refusal: Refusal, namedAt?: NamedAt) => void,
) => NonNullable<ParseOptions['readFile']>;

/**
 * A refused file named by another, by the path as written, then the repository path it was read
 * as when that differs and is in the repository (`"mx.inc" (dns/mx.inc) leads outside …`).
 */
function namedRefusal(refusal: Refusal, written: string): string {
  const shown =
    refusal.path === written || refusal.path.startsWith('../') ? '' : ` (${refusal.path})`;
  return `"${written}"${shown} ${refusal.why}`;
}

export function selectionOf(options: Options): Selection {
  return {
    instance: options.instance,
    serviceAreas: [...options.serviceAreas],
    categories: [...options.categories],
    includeOptional: options.includeOptional,
    ipv6: options.ipv6,
    ...(options.tenant ? { tenant: options.tenant } : {}),
    scenarios: [...options.scenarios],
  };
}

/**
 * files → format registries → entries and records → diff and DNS rules → one Result. The file
 * system is reached only through `root`.
 */
export async function runCheck(
  root: string,
  options: Options,
  catalogue: Catalogue,
  context: CheckContext = {},
): Promise<PipelineOutput> {
  const { inputs, errors } = await loadInputs(root, options, catalogue);
  return checkLoaded(
    inputs,
    errors,
    options,
    catalogue,
    (refused) => referencedFileReader(root, refused),
    context,
  );
}

/** The configured files, read once the config's format and scenario choices are known to be valid. */
export async function loadInputs(
  root: string,
  options: Options,
  catalogue: Catalogue,
): Promise<{ inputs: LoadedInputs; errors: string[] }> {
  checkFormatChoices(options, catalogue);
  const allowlists = await loadFiles(root, options.allowlists);
  const zones = await loadFiles(root, options.dns, '--dns');
  const errors: string[] = [];
  append(errors, allowlists.errors);
  append(errors, zones.errors);
  const inputs = { allowlists: allowlists.files, zones: zones.files };
  await loadFormatsOf(inputs);
  return { inputs, errors };
}

/** Loads the parser of the format each file is read in (named, or detected as checkLoaded will). */
async function loadFormatsOf(inputs: LoadedInputs): Promise<void> {
  const load = <F extends AllowlistFormat | DnsFormat>(
    registry: readonly FormatEntry<F>[],
    files: readonly LoadedFile<{ format: string }>[],
  ) =>
    files.map((file) => {
      const resolved = pickFormat(registry, file, file.spec.format, 'format');
      return 'format' in resolved ? resolved.format.load() : undefined;
    });
  await Promise.all([
    ...load(ALLOWLIST_REGISTRY, inputs.allowlists),
    ...load(DNS_REGISTRY, inputs.zones),
  ]);
}

/** Files already read, with the format each was read in (for `fix`, which edits them). */
export interface LoadedInputs {
  readonly allowlists: readonly LoadedFile<AllowlistSpec>[];
  readonly zones: readonly LoadedFile<DnsSpec>[];
}

export interface CheckedInputs extends PipelineOutput {
  readonly allowlists: readonly (CheckedFile & { readonly format: AllowlistFormat })[];
  readonly zones: readonly (DnsInput & { readonly format: DnsFormat })[];
}

/** The part of `runCheck` after reading: formats → entries and records → diff and DNS rules. */
export function checkLoaded(
  inputs: LoadedInputs,
  loadErrors: readonly string[],
  options: Options,
  catalogue: Catalogue,
  readerFor: ReferencedReader,
  context: CheckContext = {},
): CheckedInputs {
  const errors: string[] = [...loadErrors];
  const debug = context.debug ?? (() => {});
  const guarded = <T>(file: string, parse: () => T): T | undefined => {
    try {
      return parse();
    } catch (e) {
      // A parser that throws (a bug, or input past a limit nobody foresaw) costs its own file,
      // not the run: the error names the file, and every other file is still checked.
      errors.push(`${file}: could not be read (internal error: ${describeError(e)})`);
      if (e instanceof Error && e.stack) debug(e.stack);
      return undefined;
    }
  };
  // Files a file names are read as repository paths; one outside the workspace (or not a
  // regular file) fails the run like a file named in the config, reported once: at the line
  // that names it (the parser then says nothing of it).
  const parseOptions = (
    spec: { path: string; origin?: SourceLocation },
    flag: string,
    path: string,
    settings?: Readonly<Record<string, unknown>>,
  ): ParseOptions => ({
    ...(settings ? { settings } : {}),
    readFile: readerFor((refusal, namedAt) =>
      errors.push(
        namedAt
          ? `${formatLocation(namedAt.location)}: ${namedRefusal(refusal, namedAt.written)}`
          : `${describeOrigin(spec, flag)}: ${path} names "${refusal.path}", which ${refusal.why}`,
      ),
    ),
  });

  const files: (CheckedFile & { format: AllowlistFormat })[] = [];
  for (const file of inputs.allowlists) {
    const source = { path: file.path, text: file.text };
    const resolved = pickFormat(ALLOWLIST_REGISTRY, source, file.spec.format, 'format');
    if ('error' in resolved) {
      errors.push(`${file.path}: ${resolved.error}`);
      continue;
    }
    // Options of an explicit format were checked with the configuration.
    const bad =
      file.spec.format === AUTO
        ? settingsProblems(resolved.format, file.spec, 'allowlist', file.path)
        : [];
    if (bad.length > 0) {
      append(errors, bad);
      continue;
    }
    const format = loadedFormat(resolved.format);
    const parsed = guarded(file.path, () =>
      format.parse(source, parseOptions(file.spec, '--allowlist', file.path, file.spec.options)),
    );
    if (!parsed) continue;
    files.push({
      parsed,
      capabilities: format.capabilities,
      scope: file.spec.scope,
      group: file.spec.group,
      format,
    });
  }

  const dnsInputs: (DnsInput & { format: DnsFormat })[] = [];
  for (const file of inputs.zones) {
    const source = { path: file.path, text: file.text };
    const resolved = pickFormat(DNS_REGISTRY, source, file.spec.format, 'DNS format');
    if ('error' in resolved) {
      errors.push(`${file.path}: ${resolved.error}`);
      continue;
    }
    const bad =
      file.spec.format === AUTO
        ? settingsProblems(resolved.format, file.spec, 'dns', file.path)
        : [];
    if (bad.length > 0) {
      append(errors, bad);
      continue;
    }
    const format = loadedFormat(resolved.format);
    const parsed = guarded(file.path, () =>
      format.parse(source, parseOptions(file.spec, '--dns', file.path, file.spec.options)),
    );
    if (!parsed) continue;
    dnsInputs.push({
      file: parsed,
      render: (record, zone) => format.render(record, zone),
      format,
    });
  }
  const checked = { allowlists: files, zones: dnsInputs };

  const comments = new Map<string, string>();
  const keep = (item: { location: SourceLocation; comment?: string | undefined }) => {
    if (item.comment !== undefined) comments.set(formatLocation(item.location), item.comment);
  };
  // A listed line has no comment: only the other entries can carry one.
  for (const f of files) objectEntries(f.parsed).forEach(keep);
  for (const d of dnsInputs) d.file.records.forEach(keep);

  const selection = {
    ...selectionOf(options),
    ...(context.today !== undefined ? { today: context.today } : {}),
  };
  const checkedFiles = check({
    catalogue,
    selection,
    files,
    ...(context.origin ? { origin: context.origin } : {}),
  });
  const result = context.notes?.length
    ? { ...checkedFiles, notes: [...context.notes, ...checkedFiles.notes] }
    : checkedFiles;
  if (dnsInputs.length === 0 && options.domains.length === 0)
    return { result, inputErrors: errors, comments, ...checked };

  const dnsFindings: Finding[] = dnsInputs.flatMap(({ file }) =>
    file.problems.map((p) => problemFinding(p)),
  );
  append(dnsFindings, checkDns(options.instance, dnsInputs, options.domains));
  return {
    result: {
      ...result,
      files: [
        ...result.files,
        ...dnsInputs.flatMap(({ file }) => {
          // Records read from an included file are counted under that file's own path.
          const counts = new Map<string, number>([[file.path, 0]]);
          for (const r of file.records)
            counts.set(r.location.file, (counts.get(r.location.file) ?? 0) + 1);
          return [...counts].map(([path, entries]) => ({
            path,
            format: file.format,
            kind: 'dns' as const,
            entries,
          }));
        }),
      ],
      findings: sortFindings([...result.findings, ...dnsFindings]),
    },
    inputErrors: errors,
    ...checked,
    comments,
  };
}

/** One line for any thrown value: its name and the first line of its message, cut to length. */
export function describeError(e: unknown): string {
  const text =
    e instanceof Error ? `${e.name}: ${e.message}` : typeof e === 'string' ? e : String(e);
  const line = text.split('\n')[0] ?? '';
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

/** What the configuration check needs of a format. */
type FormatSettings = { readonly id: string; readonly settings?: object };

type Spec = {
  readonly path: string;
  readonly format: string;
  readonly options?: Readonly<Record<string, unknown>>;
  readonly origin?: SourceLocation;
  readonly origins?: SpecOrigins;
};

/**
 * Mistakes in the configuration that need no file to be read: an unknown format id, options a
 * chosen format does not take, an unknown scenario. A ConfigError at the config's own line.
 */
function checkFormatChoices(options: Options, catalogue: Catalogue): void {
  const problems: string[] = [];
  const families = [
    ['allowlist', ALLOWLIST_REGISTRY, options.allowlists, '--allowlist'],
    ['dns', DNS_REGISTRY, options.dns, '--dns'],
  ] as const;
  for (const [kind, formats, specs, flag] of families) {
    for (const spec of specs as readonly Spec[]) {
      if (spec.format === AUTO) continue;
      const format = (formats as readonly FormatSettings[]).find((f) => f.id === spec.format);
      if (!format) {
        const where = spec.origins?.format ?? spec.origin;
        problems.push(
          `${where ? formatLocation(where) : `${flag} ${spec.path}`}: unknown ${kind === 'dns' ? 'DNS format' : 'format'} "${spec.format}"${didYouMean(
            spec.format,
            formats.map((f) => f.id),
          )} (supported: ${[AUTO, ...formats.map((f) => f.id)].join(', ')})`,
        );
        continue;
      }
      append(problems, settingsProblems(format, spec, kind));
    }
  }
  const known = new Set(scenarioIds(catalogue));
  options.scenarios.forEach((id, i) => {
    if (known.has(id)) return;
    const where = options.scenarioOrigins?.[i];
    problems.push(
      `${where ? formatLocation(where) : '--scenarios'}: unknown scenario "${id}"${didYouMean(id, [...known])} (\`endpoint-drift scenarios\` lists them)`,
    );
  });
  if (problems.length > 0) throw new ConfigError(byLocation(problems));
}

/** Problems that start with `file:line:column:` in file order; the others (flags) after them. */
function byLocation(problems: readonly string[]): string[] {
  const key = (p: string) => /^(.*?):(\d+):(\d+): /.exec(p);
  return [...problems].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (!ka || !kb) return ka ? -1 : kb ? 1 : 0;
    return (
      (ka[1]! < kb[1]! ? -1 : ka[1]! > kb[1]! ? 1 : 0) ||
      Number(ka[2]) - Number(kb[2]) ||
      Number(ka[3]) - Number(kb[3])
    );
  });
}

/** The `options:` of a spec checked against its format's settings schema; one line each. */
function settingsProblems(
  format: FormatSettings,
  spec: Spec,
  kind: 'allowlist' | 'dns',
  detectedFor?: string,
): string[] {
  const given = spec.options;
  if (given === undefined) return [];
  const origins = spec.origins;
  const flag = `${kind === 'dns' ? '--dns' : '--allowlist'} ${spec.path}`;
  const where = (place: SourceLocation | undefined) =>
    place ? formatLocation(place) : spec.origin ? formatLocation(spec.origin) : flag;
  const which = detectedFor
    ? `format ${format.id} (detected for ${detectedFor})`
    : `format ${format.id}`;
  if (!format.settings)
    return Object.keys(given).length === 0
      ? []
      : [`${where(origins?.optionsKey ?? origins?.options)}: ${which} takes no options`];
  // The key or the value at fault, or the nearest mapping above it that is written.
  const placeOf = (pointer: string, atKey: boolean): SourceLocation | undefined => {
    for (let p = pointer; ; p = p.slice(0, p.lastIndexOf('/'))) {
      const place = origins?.optionPlaces?.get(p);
      if (place) return (p === pointer && atKey ? place.key : undefined) ?? place.value;
      if (p === '') return origins?.options;
    }
  };
  return validateWithSchema(format.settings, structuredClone(given)).map(
    (p) =>
      `${where(placeOf(p.pointer, p.atKey))}: options of ${which}: ${p.message.replace(/"the document" /, 'they ')}`,
  );
}
