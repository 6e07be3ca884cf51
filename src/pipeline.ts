import type { Catalogue, Selection } from './catalogue/types.js';
import type { AllowlistSpec, DnsSpec, Options } from './config/options.js';
import {
  check,
  problemFinding,
  type CatalogueOrigin,
  sortFindings,
  type CheckedFile,
  type Result,
} from './diff/engine.js';
import { checkDns, type DnsInput } from './dns/check.js';
import { loadFiles, referencedFileReader, type LoadedFile } from './io/files.js';
import type { Finding } from './model/finding.js';
import { resolveFormat } from './formats/allowlist/index.js';
import { resolveDnsFormat } from './formats/dns/index.js';
import type { AllowlistFormat, DnsFormat, ParseOptions } from './formats/format.js';
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
  const allowlists = await loadFiles(root, options.allowlists);
  const zones = await loadFiles(root, options.dns, '--dns');
  const reader = referencedFileReader(root);
  return checkLoaded(
    { allowlists: allowlists.files, zones: zones.files },
    [...allowlists.errors, ...zones.errors],
    options,
    catalogue,
    (p, from) => reader(p, from),
    context,
  );
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
  readReferenced: (path: string, from: string) => string | undefined,
  context: CheckContext = {},
): CheckedInputs {
  const errors: string[] = [...loadErrors];
  const parseOptions = (
    path: string,
    settings?: Readonly<Record<string, unknown>>,
  ): ParseOptions => ({
    ...(settings ? { settings } : {}),
    readFile: (p) => readReferenced(p, path),
  });

  const files: (CheckedFile & { format: AllowlistFormat })[] = [];
  for (const file of inputs.allowlists) {
    const source = { path: file.path, text: file.text };
    const resolved = resolveFormat(source, file.spec.format);
    if ('error' in resolved) {
      errors.push(`${file.path}: ${resolved.error}`);
      continue;
    }
    files.push({
      parsed: resolved.format.parse(source, parseOptions(file.path, file.spec.options)),
      capabilities: resolved.format.capabilities,
      scope: file.spec.scope,
      group: file.spec.group,
      format: resolved.format,
    });
  }

  const dnsInputs: (DnsInput & { format: DnsFormat })[] = [];
  for (const file of inputs.zones) {
    const source = { path: file.path, text: file.text };
    const resolved = resolveDnsFormat(source, file.spec.format);
    if ('error' in resolved) {
      errors.push(`${file.path}: ${resolved.error}`);
      continue;
    }
    const format = resolved.format;
    dnsInputs.push({
      file: format.parse(source, parseOptions(file.path, file.spec.options)),
      render: (record, zone) => format.render(record, zone),
      format,
    });
  }
  const checked = { allowlists: files, zones: dnsInputs };

  const comments = new Map<string, string>();
  const keep = (item: { location: SourceLocation; comment?: string | undefined }) => {
    if (item.comment !== undefined) comments.set(formatLocation(item.location), item.comment);
  };
  for (const f of files) f.parsed.entries.forEach(keep);
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
  dnsFindings.push(...checkDns(options.instance, dnsInputs, options.domains));
  return {
    result: {
      ...result,
      files: [
        ...result.files,
        ...dnsInputs.map(({ file }) => ({
          path: file.path,
          format: file.format,
          kind: 'dns' as const,
          entries: file.records.length,
        })),
      ],
      findings: sortFindings([...result.findings, ...dnsFindings]),
    },
    inputErrors: errors,
    ...checked,
    comments,
  };
}
