import type { Catalogue, Selection } from './catalogue/types.js';
import type { Options } from './config/options.js';
import {
  check,
  problemFinding,
  sortFindings,
  type CheckedFile,
  type Result,
} from './diff/engine.js';
import { checkDns, type DnsInput } from './dns/check.js';
import { loadFiles, referencedFileReader } from './io/files.js';
import type { Finding } from './model/finding.js';
import { formatLocation, type SourceLocation } from './model/location.js';
import { resolveDnsFormat } from './parsers/dns-registry.js';
import { resolveFormat, type ParseOptions } from './parsers/registry.js';

export interface PipelineOutput {
  readonly result: Result;
  /** Input errors (files that could not be read, globs matching nothing, unknown formats): one line each. */
  readonly inputErrors: readonly string[];
  /** Comments attached to entries and records, by `file:line:column` (for inline waivers). */
  readonly comments: ReadonlyMap<string, string>;
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
): Promise<PipelineOutput> {
  const errors: string[] = [];
  const reader = referencedFileReader(root);
  const parseOptions = (
    path: string,
    settings?: Readonly<Record<string, unknown>>,
  ): ParseOptions => ({
    ...(settings ? { settings } : {}),
    readFile: (p) => reader(p, path),
  });

  const allowlists = await loadFiles(root, options.allowlists);
  errors.push(...allowlists.errors);
  const files: CheckedFile[] = [];
  for (const file of allowlists.files) {
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
    });
  }

  const zones = await loadFiles(root, options.dns, '--dns');
  errors.push(...zones.errors);
  const dnsInputs: DnsInput[] = [];
  for (const file of zones.files) {
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
    });
  }

  const comments = new Map<string, string>();
  const keep = (item: { location: SourceLocation; comment?: string | undefined }) => {
    if (item.comment !== undefined) comments.set(formatLocation(item.location), item.comment);
  };
  for (const f of files) f.parsed.entries.forEach(keep);
  for (const d of dnsInputs) d.file.records.forEach(keep);

  const result = check({ catalogue, selection: selectionOf(options), files });
  if (dnsInputs.length === 0 && options.domains.length === 0)
    return { result, inputErrors: errors, comments };

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
    comments,
  };
}
