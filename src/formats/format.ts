import type { ParsedDnsFile } from '../model/dns.js';
import type { FormatCapabilities, ParsedFile } from '../model/entry.js';
import type { SourceLocation } from '../model/location.js';
import { didYouMean } from '../model/suggest.js';

/** What every format implements. This module imports no format: the registries import formats, never the reverse. */

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
   * `namedAt` is where and how the file is named: a file refused there (outside the workspace,
   * not a regular file, too large) is reported by the reader at that place, and answered with
   * `Refused` so that the parser says nothing more about it.
   */
  readonly readFile?: (path: string, namedAt?: NamedAt) => string | Refused | undefined;
}

/** Where a file names another (the path token of an include, an ACL file, a require()), and the path as written there. */
export interface NamedAt {
  readonly location: SourceLocation;
  readonly written: string;
}

/** The answer of `readFile` for a file it will not read; the reader has already reported why. */
export interface Refused {
  readonly refused: string;
}

/** True when `readFile` refused the file (and reported it). */
export function isRefused(answer: string | Refused | undefined): answer is Refused {
  return typeof answer === 'object';
}

export interface AllowlistFormat {
  readonly id: string;
  readonly title: string;
  /** For docs and detection, e.g. `['*.txt', '*.lst']`. */
  readonly filePatterns: readonly string[];
  readonly capabilities: FormatCapabilities;
  /**
   * A JSON Schema of the `options:` this format takes, checked when the configuration is read
   * (an unknown key or a wrong type is a configuration error at its line). None: it takes none.
   */
  readonly settings?: object;
  /** 0 = not this format; higher = more confident. Uses the extension AND the content. */
  detect(file: SourceFile): number;
  parse(file: SourceFile, options?: ParseOptions): ParsedFile;
}

/** A DNS record file format: zone files, DNS-as-code, exports. */
export interface DnsFormat {
  readonly id: string;
  readonly title: string;
  readonly filePatterns: readonly string[];
  /**
   * A JSON Schema of the `options:` this format takes, checked when the configuration is read
   * (an unknown key or a wrong type is a configuration error at its line). None: it takes none.
   */
  readonly settings?: object;
  /** 0 = not this format; higher = more confident. Uses the extension AND the content. */
  detect(file: SourceFile): number;
  parse(file: SourceFile, options?: ParseOptions): ParsedDnsFile;
  /**
   * The record as it would be written in this format, to tell a user exactly what to add
   * (`autodiscover 3600 IN CNAME autodiscover.outlook.com.` in a zone file).
   */
  render(record: { name: string; type: string; ttl?: number; data: string }, zone: string): string;
}

/**
 * A format without its parser (and renderer): what detection, the configuration check and
 * `endpoint-drift formats` need. The registry holds these for the formats it loads on demand.
 */
export type Described<F extends AllowlistFormat | DnsFormat> = Omit<F, 'parse' | 'render'>;

/** Firewall rules and policies: names, addresses of both families, ports and protocols, comments. */
export const RULE_CAPABILITIES: FormatCapabilities = {
  hosts: true,
  ips: true,
  ipv6: true,
  ports: true,
  protocols: true,
  comments: true,
};

/** Packet filters: addresses of both families with ports and protocols, but no names. */
export const PACKET_FILTER_CAPABILITIES: FormatCapabilities = {
  ...RULE_CAPABILITIES,
  hosts: false,
};

/** Lists of names and addresses, one per line, with comments but no ports. */
export const LIST_CAPABILITIES: FormatCapabilities = {
  ...RULE_CAPABILITIES,
  ports: false,
  protocols: false,
};

export const AUTO = 'auto';

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

/** A settings schema: a mapping with these keys and no others. */
export function settingsSchema(properties: Record<string, object>): object {
  return { type: 'object', additionalProperties: false, properties };
}

const STRING_MAP = { type: 'object', additionalProperties: { type: 'string' } };
const DATA_MAP = { type: 'object' };
const NAME = { type: 'string', minLength: 1 };

/** Options shared by the formats that read Terraform: values of input variables. */
export const TERRAFORM_SETTINGS = { variables: DATA_MAP };
/** Options shared by ARM and Bicep: values of template parameters. */
export const AZURE_SETTINGS = { parameters: DATA_MAP };
export { STRING_MAP, DATA_MAP, NAME };

/** How much of a Terraform file detection reads. */
const TERRAFORM_SAMPLE_CHARS = 256 * 1024;

/**
 * Terraform extensions score on their own, more with a resource of the format; content alone
 * only for a file without an extension.
 */
export function terraformDetector(resource: RegExp): (file: SourceFile) => number {
  return (file) => {
    const name = file.path.slice(file.path.lastIndexOf('/') + 1).toLowerCase();
    const tf = name.endsWith('.tf') || name.endsWith('.tofu');
    const hint = resource.test(file.text.slice(0, TERRAFORM_SAMPLE_CHARS));
    if (tf) return hint ? 8 : 2;
    return hint && !name.includes('.') ? 3 : 0;
  };
}
