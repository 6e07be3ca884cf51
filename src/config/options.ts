import configSchema from '../../schemas/config.schema.json' with { type: 'json' };
import type { Category, Instance, ServiceArea } from '../catalogue/types.js';
import type { Severity } from '../model/finding.js';
import { checkConfigWaivers, type ConfigWaiver } from '../diff/waivers.js';
import { formatLocation, type SourceLocation } from '../model/location.js';
import { validateWithSchema } from './validate.js';
import {
  nodeAt,
  nodePlaces,
  nodePosition,
  parsePositioned,
  plainData,
  type PositionedDocument,
} from '../formats/syntax/yaml.js';
import { append } from '../model/collections.js';

export type FailOn = 'error' | 'warning' | 'notice' | 'never';
export type Scope = 'dedicated' | 'mixed';

export interface AllowlistSpec {
  readonly path: string;
  readonly format: string;
  readonly scope: Scope;
  readonly group: string;
  /** Format-specific settings (`options:` in the config). */
  readonly options?: Readonly<Record<string, unknown>>;
  /** Where the spec was written (config file line), when it came from a file. */
  readonly origin?: SourceLocation;
  /** Where its `format:` and `options:` values are written, when they are. */
  readonly origins?: SpecOrigins;
}

/** Where the values of one `allowlists:` or `dns:` item are written in the config file. */
export interface SpecOrigins {
  readonly format?: SourceLocation;
  readonly options?: SourceLocation;
  /** The `options` key itself. */
  readonly optionsKey?: SourceLocation;
  /** Each key and value under `options:`, by JSON pointer relative to it (`/columns/host`). */
  readonly optionPlaces?: ReadonlyMap<string, OptionPlace>;
}

/** Where a key and its value under `options:` are written. */
export interface OptionPlace {
  readonly key?: SourceLocation;
  readonly value: SourceLocation;
}

/** A DNS record file (or glob) to check. */
export interface DnsSpec {
  readonly path: string;
  readonly format: string;
  readonly options?: Readonly<Record<string, unknown>>;
  readonly origin?: SourceLocation;
  readonly origins?: SpecOrigins;
}

/** A domain's services and per-tenant values (config `domains:`). */
export interface DomainSpec {
  readonly domain: string;
  readonly services: readonly ('exchange' | 'teams' | 'intune' | 'dkim')[];
  readonly mxToken?: string;
  readonly initialDomain?: string;
  readonly dkim?: { readonly selector1?: string; readonly selector2?: string };
}

/** Every option after merging defaults, the config file and inputs/flags. */
export interface Options {
  readonly instance: Instance;
  readonly serviceAreas: readonly ServiceArea[];
  readonly categories: readonly Category[];
  readonly includeOptional: boolean;
  readonly ipv6: boolean;
  readonly tenant?: string;
  readonly scenarios: readonly string[];
  readonly failOn: FailOn;
  /** `embedded`, `live`, or the path of a snapshot (file or folder) written by `catalogue update`. */
  readonly catalogue: string;
  /** The folder `live` keeps the web service's answers in, relative to the root. */
  readonly catalogueCache: string;
  /** The lowest severity shown in the text report, job summary and annotations (not what fails). */
  readonly minSeverity: Severity;
  readonly allowlists: readonly AllowlistSpec[];
  readonly dns: readonly DnsSpec[];
  readonly domains: readonly DomainSpec[];
  /** Pull-request behaviour (config keys and action inputs of the same names). */
  readonly onlyNew: boolean;
  readonly comment: 'on-failure' | 'always' | 'never';
  readonly annotations: 'check-run' | 'workflow-commands' | 'none';
  readonly suggestions: boolean;
  readonly sarifFile?: string;
  /** Waivers (`ignore:`). */
  readonly ignore: readonly ConfigWaiver[];
  /** Where each of `scenarios` is written, by index, when they come from the config file. */
  readonly scenarioOrigins?: readonly (SourceLocation | undefined)[];
}

/** A user error in configuration: each message is one line naming file, line and column. */
export class ConfigError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** Options given as strings, as action inputs and CLI flags arrive (kebab-case names). */
export type RawOverrides = Readonly<Record<string, string | readonly string[] | undefined>>;

/** Names of the options that inputs and flags may set (the config-file keys). */
export const OPTION_NAMES = [
  'instance',
  'service-areas',
  'categories',
  'include-optional',
  'ipv6',
  'tenant',
  'scenarios',
  'fail-on',
  'catalogue',
  'catalogue-cache',
  'min-severity',
] as const;

/** Options only the action (and, for sarif-file, the CLI) takes: what to do on a pull request. */
export const PULL_REQUEST_OPTION_NAMES = [
  'only-new',
  'comment',
  'annotations',
  'suggestions',
  'sarif-file',
] as const;

const LIST_OPTIONS = new Set(['service-areas', 'categories', 'scenarios']);
const BOOLEAN_OPTIONS = new Set(['include-optional', 'ipv6', 'only-new', 'suggestions']);

/** Where the `options` key of `allowlists[i]` (or `dns[i]`) and everything under it are written. */
function optionOrigins(
  pd: PositionedDocument,
  file: string,
  list: 'allowlists' | 'dns',
  i: number,
): Pick<SpecOrigins, 'optionsKey' | 'optionPlaces'> {
  const key = nodeAt(pd, `/${list}/${i}/options`, true);
  const places = new Map<string, OptionPlace>();
  for (const [pointer, place] of nodePlaces(pd, nodeAt(pd, `/${list}/${i}/options`)))
    places.set(pointer, {
      ...(place.key ? { key: { file, ...place.key } } : {}),
      value: { file, ...place.value },
    });
  return { optionsKey: { file, ...nodePosition(pd, key) }, optionPlaces: places };
}

export interface ConfigFile {
  readonly path: string;
  readonly text: string;
}

/**
 * Merges, in one place: schema defaults < config file < inputs/flags. `allowlists` from inputs
 * (paths or globs) replace those of the file.
 */
export function resolveOptions(
  file: ConfigFile | undefined,
  overrides: RawOverrides,
  extraAllowlists: readonly string[] = [],
  extraDns: readonly string[] = [],
): Options {
  const problems: string[] = [];
  let fromFile: Record<string, unknown> = {};
  const origins = new Map<number, SourceLocation>();
  const dnsOrigins = new Map<number, SourceLocation>();
  const ignoreOrigins = new Map<number, SourceLocation>();
  const valueOrigins = {
    allowlists: new Map<number, SpecOrigins>(),
    dns: new Map<number, SpecOrigins>(),
  };
  let scenarioOrigins: (SourceLocation | undefined)[] | undefined;
  if (file) {
    const pd = parsePositioned(file.text);
    for (const e of pd.errors) problems.push(`${file.path}:${e.line}:${e.column}: ${e.message}`);
    const plain = pd.errors.length === 0 ? plainData(pd) : undefined;
    if (plain && 'error' in plain)
      problems.push(
        `${file.path}:${plain.error.line}:${plain.error.column}: ${plain.error.message}`,
      );
    else if (plain) {
      const value: unknown = plain.value;
      if (value === null || value === undefined) fromFile = {};
      else if (typeof value !== 'object' || Array.isArray(value))
        problems.push(`${file.path}:1:1: the configuration must be a mapping of options`);
      else {
        fromFile = shortForms(value as Record<string, unknown>);
        for (const p of validateWithSchema(configSchema, structuredClone(fromFile), pd))
          problems.push(`${file.path}:${p.line}:${p.column}: ${p.message}`);
        for (const [key, map] of [
          ['allowlists', origins],
          ['dns', dnsOrigins],
          ['ignore', ignoreOrigins],
        ] as const) {
          const list = pd.doc.get(key, true) as { items?: { range?: number[] }[] } | undefined;
          list?.items?.forEach((item, i) => {
            const start = item.range?.[0];
            if (start !== undefined) {
              map.set(i, { file: file.path, ...pd.lines.at(start) });
            }
            const at = (name: string): SourceLocation | undefined => {
              const node = pd.doc.getIn([key, i, name], true) as { range?: number[] } | undefined;
              const offset = node?.range?.[0];
              return offset === undefined ? undefined : { file: file.path, ...pd.lines.at(offset) };
            };
            const format = at('format');
            const options = at('options');
            if (key !== 'ignore' && (format || options))
              valueOrigins[key].set(i, {
                ...(format ? { format } : {}),
                ...(options ? { options, ...optionOrigins(pd, file.path, key, i) } : {}),
              });
          });
        }
        const scenarios = pd.doc.get('scenarios', true) as
          { items?: { range?: number[] }[] } | undefined;
        scenarioOrigins = scenarios?.items?.map((item) => {
          const offset = item.range?.[0];
          return offset === undefined ? undefined : { file: file.path, ...pd.lines.at(offset) };
        });
      }
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const merged: Record<string, unknown> = { ...fromFile };
  for (const name of [...OPTION_NAMES, ...PULL_REQUEST_OPTION_NAMES]) {
    const raw = overrides[name];
    if (raw === undefined) continue;
    const text = (Array.isArray(raw) ? raw.join(',') : (raw as string)).trim();
    if (text === '') continue;
    const value = parseOverride(name, text);
    if (value.error) problems.push(`--${name}: ${value.error}`);
    else merged[name] = value.value;
  }
  if (extraAllowlists.length > 0) {
    merged.allowlists = extraAllowlists.map((path) => ({ path }));
    origins.clear();
    valueOrigins.allowlists.clear();
  }
  if (extraDns.length > 0) {
    merged.dns = extraDns.map((path) => ({ path }));
    dnsOrigins.clear();
    valueOrigins.dns.clear();
  }
  if (merged.scenarios !== fromFile.scenarios) scenarioOrigins = undefined;
  if (problems.length > 0) throw new ConfigError(problems);

  const data = structuredClone(merged);
  for (const p of validateWithSchema(configSchema, data)) {
    const option = p.pointer.split('/')[1] ?? '';
    problems.push(`${option ? `--${option}` : 'options'}: ${p.message}`);
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const d = data as Record<string, unknown>;
  const allowlists = (d.allowlists as Record<string, unknown>[]).map((a, i) => {
    const origin = origins.get(i);
    const at = valueOrigins.allowlists.get(i);
    return {
      path: a.path as string,
      format: a.format as string,
      scope: a.scope as Scope,
      group: a.group as string,
      ...(a.options !== undefined ? { options: a.options as Record<string, unknown> } : {}),
      ...(origin ? { origin } : {}),
      ...(at ? { origins: at } : {}),
    };
  });
  const dns = (d.dns as Record<string, unknown>[]).map((a, i) => {
    const origin = dnsOrigins.get(i);
    const at = valueOrigins.dns.get(i);
    return {
      path: a.path as string,
      format: a.format as string,
      ...(a.options !== undefined ? { options: a.options as Record<string, unknown> } : {}),
      ...(origin ? { origin } : {}),
      ...(at ? { origins: at } : {}),
    };
  });
  const domains = (d.domains as Record<string, unknown>[]).map((a) => ({
    domain: (a.domain as string).toLowerCase().replace(/\.$/, ''),
    services: a.services as DomainSpec['services'],
    ...(a['mx-token'] ? { mxToken: a['mx-token'] as string } : {}),
    ...(a['initial-domain'] ? { initialDomain: a['initial-domain'] as string } : {}),
    ...(a.dkim ? { dkim: a.dkim as DomainSpec['dkim'] } : {}),
  }));
  const ignore: ConfigWaiver[] = (d.ignore as Record<string, unknown>[]).map((w, i) => {
    const origin = ignoreOrigins.get(i);
    return {
      ...(typeof w.rule === 'string' ? { rule: w.rule } : {}),
      ...(typeof w.value === 'string' ? { value: w.value } : {}),
      ...(typeof w.path === 'string' ? { path: w.path } : {}),
      reason: w.reason as string,
      ...(typeof w.expires === 'string' ? { expires: w.expires } : {}),
      ...(origin ? { origin } : {}),
    };
  });
  append(problems, checkConfigWaivers(ignore));
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    instance: d.instance as Instance,
    serviceAreas: d['service-areas'] as ServiceArea[],
    categories: d.categories as Category[],
    includeOptional: d['include-optional'] as boolean,
    ipv6: d.ipv6 as boolean,
    // DNS names are case-insensitive: `Contoso` is the tenant `contoso`.
    ...(typeof d.tenant === 'string' ? { tenant: d.tenant.toLowerCase() } : {}),
    scenarios: d.scenarios as string[],
    failOn: d['fail-on'] as FailOn,
    catalogue: d.catalogue as string,
    catalogueCache: d['catalogue-cache'] as string,
    minSeverity: d['min-severity'] as Severity,
    allowlists,
    dns,
    domains,
    onlyNew: d['only-new'] as boolean,
    comment: d.comment as Options['comment'],
    annotations: d.annotations as Options['annotations'],
    suggestions: d.suggestions as boolean,
    ...(typeof d['sarif-file'] === 'string' ? { sarifFile: d['sarif-file'] } : {}),
    ignore,
    ...(scenarioOrigins ? { scenarioOrigins } : {}),
  };
}

/** `allowlists: [net/*.txt]`: a string in a file list is the short form of `{path: …}`. */
function shortForms(value: Record<string, unknown>): Record<string, unknown> {
  const out = { ...value };
  for (const key of ['allowlists', 'dns']) {
    const list = out[key];
    if (Array.isArray(list))
      out[key] = list.map((item: unknown) => (typeof item === 'string' ? { path: item } : item));
  }
  return out;
}

function parseOverride(name: string, text: string): { value?: unknown; error?: string } {
  if (BOOLEAN_OPTIONS.has(name)) {
    const t = text.toLowerCase();
    if (t === 'true' || t === 'yes' || t === '1') return { value: true };
    if (t === 'false' || t === 'no' || t === '0') return { value: false };
    return { error: `expected true or false, got "${text}"` };
  }
  if (LIST_OPTIONS.has(name)) {
    const items = text
      .split(/[\s,]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    return { value: name === 'scenarios' ? items : items.map((s) => canonicalCase(name, s)) };
  }
  return { value: name === 'instance' ? text.toLowerCase() : text };
}

const CANONICAL: Record<string, readonly string[]> = {
  'service-areas': ['Common', 'Exchange', 'SharePoint', 'Skype', 'MEM'],
  categories: ['Optimize', 'Allow', 'Default'],
};

/** Flags are forgiving about case (`exchange`); the config file is exact, like the schema. */
function canonicalCase(name: string, value: string): string {
  return CANONICAL[name]?.find((c) => c.toLowerCase() === value.toLowerCase()) ?? value;
}

export function describeOrigin(
  spec: { path: string; origin?: SourceLocation },
  flag = '--allowlist',
): string {
  return spec.origin ? formatLocation(spec.origin) : `${flag} ${spec.path}`;
}
