import type { FormatCapabilities, ParsedFile } from '../model/entry.js';
import { didYouMean } from '../model/suggest.js';
import { ARM } from './arm.js';
import { BICEP } from './bicep.js';
import { CSV } from './csv.js';
import { M365_ENDPOINTS_JSON } from './endpoints-json.js';
import { IPTABLES } from './iptables.js';
import { KUBERNETES } from './kubernetes.js';
import { NFTABLES } from './nftables.js';
import { PAC } from './pac.js';
import { FORTIGATE, PAN_EDL, PFBLOCKERNG, PLAIN } from './plain.js';
import { SQUID } from './squid.js';
import { ALLOWLIST_JSON, ALLOWLIST_YAML } from './structured.js';
import { TERRAFORM } from './terraform.js';

export interface SourceFile {
  readonly path: string;
  readonly text: string;
}

/** What a parser may be given besides the text: settings from the config, and a way to read referenced files. */
export interface ParseOptions {
  /** Format-specific settings: the `options:` mapping of the config's allowlist or dns entry. */
  readonly settings?: Readonly<Record<string, unknown>>;
  /**
   * Reads another file named by this one (an include, an ACL file), relative to the repository
   * root; undefined when it does not exist or cannot be read. Parsers never touch the file system.
   */
  readonly readFile?: (path: string) => string | undefined;
}

export interface AllowlistFormat {
  readonly id: string;
  readonly title: string;
  /** For docs and detection, e.g. `['*.txt', '*.lst']`. */
  readonly filePatterns: readonly string[];
  readonly capabilities: FormatCapabilities;
  /** 0 = not this format; higher = more confident. Uses the extension AND the content. */
  detect(file: SourceFile): number;
  parse(file: SourceFile, options?: ParseOptions): ParsedFile;
}

/**
 * Every supported format. Order matters only to break detection ties: the generic format
 * comes first so that a list without distinctive marks is read as a plain list.
 */
export const ALLOWLIST_FORMATS: readonly AllowlistFormat[] = [
  PLAIN,
  PAN_EDL,
  FORTIGATE,
  PFBLOCKERNG,
  ALLOWLIST_YAML,
  ALLOWLIST_JSON,
  PAC,
  SQUID,
  NFTABLES,
  IPTABLES,
  KUBERNETES,
  CSV,
  TERRAFORM,
  BICEP,
  ARM,
  M365_ENDPOINTS_JSON,
];

export const AUTO = 'auto';

export function formatIds(): string[] {
  return ALLOWLIST_FORMATS.map((f) => f.id);
}

export function getFormat(id: string): AllowlistFormat | undefined {
  return ALLOWLIST_FORMATS.find((f) => f.id === id);
}

/** 'auto' picks the most confident detector (ties: a stable order); an unknown id is an error listing the supported ids. */
export function resolveFormat(
  file: SourceFile,
  id: string,
): { format: AllowlistFormat } | { error: string } {
  return pickFormat(ALLOWLIST_FORMATS, file, id, 'format');
}

/**
 * An explicit id, or with 'auto' the most confident detector (ties: the list's order). Errors
 * list the supported ids. `kind` names the family in messages ("format", "DNS format").
 */
export function pickFormat<F extends { readonly id: string; detect(file: SourceFile): number }>(
  formats: readonly F[],
  file: SourceFile,
  id: string,
  kind: string,
): { format: F } | { error: string } {
  const ids = formats.map((f) => f.id);
  if (id !== AUTO) {
    const format = formats.find((f) => f.id === id);
    if (format) return { format };
    return {
      error: `unknown ${kind} "${id}"${didYouMean(id, ids)} (supported: ${[AUTO, ...ids].join(', ')})`,
    };
  }
  let best: F | undefined;
  let bestScore = 0;
  for (const format of formats) {
    const score = format.detect(file);
    if (score > bestScore) {
      best = format;
      bestScore = score;
    }
  }
  if (best) return { format: best };
  return {
    error: `cannot tell the ${kind} of "${file.path}"; set its format to one of: ${ids.join(', ')}`,
  };
}
