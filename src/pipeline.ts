import type { Catalogue, Selection } from './catalogue/types.js';
import type { AllowlistSpec, Options } from './config/options.js';
import { check, type CheckedFile, type Result } from './diff/engine.js';
import { loadAllowlistFiles } from './io/files.js';
import { resolveFormat } from './parsers/registry.js';

export interface PipelineOutput {
  readonly result: Result;
  /** Input errors (files that could not be read, globs matching nothing, unknown formats): one line each. */
  readonly inputErrors: readonly string[];
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

/** files → format registry → entries → diff: the whole check, file system given as `root`. */
export async function runCheck(
  root: string,
  options: Options,
  catalogue: Catalogue,
): Promise<PipelineOutput> {
  const loaded = await loadAllowlistFiles(root, options.allowlists);
  const errors = [...loaded.errors];
  const files: CheckedFile[] = [];
  for (const file of loaded.files) {
    const source = { path: file.path, text: file.text };
    const resolved = resolveFormat(source, file.spec.format);
    if ('error' in resolved) {
      errors.push(`${file.path}: ${resolved.error}`);
      continue;
    }
    files.push({
      parsed: resolved.format.parse(source),
      capabilities: resolved.format.capabilities,
      scope: file.spec.scope,
      group: file.spec.group,
    });
  }
  const result = check({ catalogue, selection: selectionOf(options), files });
  return { result, inputErrors: errors };
}

export type { AllowlistSpec };
