/**
 * Builds data/catalogue.json from the web-service responses of the four clouds, their provenance
 * notes and the hand-curated data/other-endpoints.yaml.
 *
 *   npx tsx scripts/build-catalogue.ts [--reference DIR] [--check]
 *
 * DIR defaults to ../shared/reference beside the repository. With --check nothing is written and
 * the exit status tells whether the committed file is current.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import schema from '../schemas/catalogue.schema.json' with { type: 'json' };
import { isPlaceholderHost } from '../src/catalogue/select.js';
import {
  INSTANCES,
  isWebServiceProvenance,
  type Catalogue,
  type CloudCatalogue,
  type EndpointSet,
  type Instance,
  type OtherEndpointRow,
  type PortRangeJson,
  type Provenance,
} from '../src/catalogue/types.js';
import {
  CatalogueDataError,
  endpointSetsOf,
  parsePortString as parsePorts,
} from '../src/catalogue/endpoint-sets.js';
import { validateWith } from '../src/config/validate.js';
import { parsePositioned } from '../src/formats/syntax/yaml.js';
import { HostPattern } from '../src/model/host.js';
import { CONFIG_OPTIONS } from './validators.js';
import { parseIpBlock } from '../src/model/ip.js';

export const SCHEMA_VERSION = 1;
export const SCRIPT_PATH = 'scripts/build-catalogue.ts';
export const OTHER_ENDPOINTS_PATH = 'data/other-endpoints.yaml';
export const CATALOGUE_PATH = 'data/catalogue.json';

/** Source file of each cloud, relative to the reference folder (as PROVENANCE.md names them). */
export const SOURCE_FILES: Readonly<Record<Instance, string>> = {
  worldwide: 'endpoints/worldwide.json',
  china: 'endpoints/china.json',
  usgovdod: 'endpoints/usgovdod.json',
  usgovgcchigh: 'endpoints/usgovgcchigh.json',
};
export const PROVENANCE_FILE = 'PROVENANCE.md';

/** A text input and the name to use for it in messages. */
export interface NamedText {
  readonly name: string;
  readonly text: string;
}

export interface BuildInputs {
  readonly sources: Readonly<Record<Instance, NamedText>>;
  readonly provenance: NamedText;
  readonly otherEndpoints: NamedText;
  /** The document data/other-endpoints.yaml was transcribed from, as found in the reference folder. */
  readonly document: NamedText;
}

/** A build that cannot go on; the message is one line and names the file at fault. */
export class BuildError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BuildError';
  }
}

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** The pure part of the build: inputs in, catalogue out (validated against the schema). */
export function buildCatalogue(inputs: BuildInputs): Catalogue {
  const provenance = readProvenance(inputs.provenance);
  const clouds = {} as Record<Instance, CloudCatalogue>;
  for (const instance of INSTANCES) {
    const source = inputs.sources[instance];
    const sets = readEndpointSets(source);
    const prov = provenance[instance];
    if (!prov.includesMem && sets.some((s) => s.serviceArea === 'MEM')) {
      throw new BuildError(
        `${source.name}: has MEM endpoint sets but ${inputs.provenance.name} says MEM was not requested`,
      );
    }
    clouds[instance] = {
      instance,
      provenance: { sourceFile: SOURCE_FILES[instance], sha256: sha256(source.text), ...prov },
      endpointSets: sets,
    };
  }
  const curated = readOtherEndpoints(inputs.otherEndpoints, inputs.document);
  const catalogue: Catalogue = {
    schemaVersion: SCHEMA_VERSION,
    generatedFrom: {
      script: SCRIPT_PATH,
      otherEndpoints: {
        file: OTHER_ENDPOINTS_PATH,
        document: curated.source.document,
        documentSha256: curated.source.sha256,
        documentDate: curated.source.documentDate,
        origin: curated.source.origin,
      },
    },
    clouds,
    otherEndpoints: curated.rows,
  };
  const problems = validateCatalogue(catalogue);
  if (problems.length > 0) {
    throw new BuildError(
      `${CATALOGUE_PATH}: the output does not match the schema: ${problems.join('; ')}`,
    );
  }
  return catalogue;
}

/**
 * The reference copies are older than what `endpoint-drift catalogue update --output data`
 * fetches from the web service: a rebuild keeps every cloud (and the client id) that an update
 * has brought newer, so the two paths never undo each other.
 */
export function keepUpdated(built: Catalogue, committed: Catalogue | undefined): Catalogue {
  if (!committed) return built;
  const clouds = { ...built.clouds };
  let kept = false;
  for (const instance of INSTANCES) {
    const cloud = committed.clouds[instance];
    if (isWebServiceProvenance(cloud.provenance)) {
      clouds[instance] = cloud;
      kept = true;
    }
  }
  if (!kept) return built;
  return {
    schemaVersion: built.schemaVersion,
    ...(committed.clientRequestId ? { clientRequestId: committed.clientRequestId } : {}),
    generatedFrom: built.generatedFrom,
    clouds,
    otherEndpoints: built.otherEndpoints,
  };
}

/** The committed catalogue, when there is one that parses. */
export function readCommitted(file: string): Catalogue | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Catalogue;
  } catch {
    return undefined;
  }
}

/** The committed form: 2-space JSON, keys in construction order, trailing newline. */
export function serializeCatalogue(catalogue: Catalogue): string {
  return `${JSON.stringify(catalogue, null, 2)}\n`;
}

let validator: ReturnType<Ajv2020['compile']> | undefined;

/** Schema problems of a catalogue, one line each (empty when valid). */
export function validateCatalogue(data: unknown): string[] {
  validator ??= new Ajv2020({ allErrors: true, strict: true }).compile(schema);
  if (validator(data)) return [];
  return (validator.errors ?? []).map(
    (e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`,
  );
}

// ---- Web-service responses ---------------------------------------------------------------------

function readEndpointSets(source: NamedText): EndpointSet[] {
  let data: unknown;
  try {
    data = JSON.parse(source.text);
  } catch (e) {
    throw new BuildError(`${source.name}: malformed JSON: ${oneLine(e)}`);
  }
  try {
    return endpointSetsOf(source.name, data);
  } catch (e) {
    if (e instanceof CatalogueDataError) throw new BuildError(e.message);
    throw e;
  }
}

function parsePortString(text: string, bad: (message: string) => BuildError): PortRangeJson[] {
  try {
    return parsePorts(text, (m) => new CatalogueDataError(bad(m).message));
  } catch (e) {
    if (e instanceof CatalogueDataError) throw new BuildError(e.message);
    throw e;
  }
}

// ---- PROVENANCE.md -----------------------------------------------------------------------------

type ProvenanceFacts = Omit<Provenance, 'sourceFile' | 'sha256'>;

/**
 * Reads the facts of the endpoints table of PROVENANCE.md. Later rows abbreviate the origin
 * ("same repo", ".../file.json"), which refers to the row before.
 */
function readProvenance(file: NamedText): Record<Instance, ProvenanceFacts> {
  const out: Partial<Record<Instance, ProvenanceFacts>> = {};
  let previous: { repo: string; path: string } | undefined;
  for (const line of file.text.split('\n')) {
    const cells = line.split(' | ').map((c) => c.replace(/^\|\s*|\s*\|$/g, '').trim());
    const name = /^`([^`]+)`$/.exec(cells[0] ?? '')?.[1];
    if (cells.length < 3 || name === undefined) continue;
    const instance = INSTANCES.find((i) => SOURCE_FILES[i] === name);
    const origin = readOrigin(cells[1]!, previous);
    if (origin) previous = { repo: origin.repo, path: origin.path };
    if (instance === undefined) continue;
    const bad = (message: string): BuildError =>
      new BuildError(`${file.name}: row of ${name}: ${message}`);
    if (!origin) throw bad('cannot read the origin (repository, path, commit and date)');
    const data = cells[2]!;
    const live =
      /identical (?:\([^)]*\) )?to the live response recorded by (\S+) (?:in `[^`]+` )?at commit ([0-9a-f]{40}) \((\d{4}-\d{2}-\d{2})/i.exec(
        data,
      );
    if (!live)
      throw bad(
        'cannot find the date the response was live ("identical to the live response ...")',
      );
    const mem = /\(no MEM query\)/.test(data)
      ? false
      : /plus (?:the )?`ServiceAreas=MEM` sets/.test(data)
        ? true
        : undefined;
    if (mem === undefined) throw bad('cannot tell whether the MEM sets were requested');
    out[instance] = {
      origin,
      dataDate: live[3]!,
      dataDateSource: { repo: live[1]!, commit: live[2]! },
      includesMem: mem,
    };
  }
  for (const instance of INSTANCES) {
    if (!out[instance]) throw new BuildError(`${file.name}: no row for ${SOURCE_FILES[instance]}`);
  }
  return out as Record<Instance, ProvenanceFacts>;
}

function readOrigin(
  cell: string,
  previous: { repo: string; path: string } | undefined,
): ProvenanceFacts['origin'] | undefined {
  const repoText = cell.split(',')[0]!.trim();
  const repo = repoText === 'same repo' ? previous?.repo : repoText;
  let filePath = /`([^`]+)`/.exec(cell)?.[1];
  if (filePath?.startsWith('.../')) filePath = expandEllipsis(filePath.slice(4), previous?.path);
  const commit = /commit ([0-9a-f]{40}) \((\d{4}-\d{2}-\d{2})/.exec(cell);
  if (!repo || !/^[\w.-]+\/[\w.-]+$/.test(repo) || !filePath || !commit) return undefined;
  return { repo, path: filePath, commit: commit[1]!, commitDate: commit[2]! };
}

/**
 * `.../tests/responses/b.json` after `x/y/tests/responses/a.json` is `x/y/tests/responses/b.json`:
 * the ellipsis stands for the previous path up to where the tail's first folder appears in it.
 */
function expandEllipsis(tail: string, previous: string | undefined): string | undefined {
  if (previous === undefined) return undefined;
  const first = tail.split('/')[0]!;
  const at = `/${path.posix.dirname(previous)}/`.lastIndexOf(`/${first}/`);
  if (at < 0 || !tail.includes('/')) return undefined;
  return `${previous.slice(0, at)}${tail}`;
}

// ---- data/other-endpoints.yaml -----------------------------------------------------------------

interface CuratedSource {
  readonly document: string;
  readonly sha256: string;
  readonly documentDate: string;
  readonly origin: { readonly repo: string; readonly path: string; readonly commit: string };
}

interface CuratedRow {
  row: number;
  scenario: string;
  part?: string;
  purpose: string;
  direction: OtherEndpointRow['direction'];
  scope: OtherEndpointRow['scope'];
  clouds?: Instance[];
  destinations?: { hosts?: string[]; ips?: string[]; tcpPorts?: string; udpPorts?: string };
  note?: string;
}

const CURATED_SCHEMA = { $defs: schema.$defs, $ref: '#/$defs/curatedFile' };
let curatedValidator: ReturnType<Ajv2020['compile']> | undefined;

function readOtherEndpoints(
  file: NamedText,
  document: NamedText,
): { source: CuratedSource; rows: OtherEndpointRow[] } {
  const positioned = parsePositioned(file.text);
  const syntax = positioned.errors[0];
  if (syntax)
    throw new BuildError(`${file.name}:${syntax.line}:${syntax.column}: ${syntax.message}`);
  const data = positioned.doc.toJS() as unknown;
  curatedValidator ??= new Ajv2020(CONFIG_OPTIONS).compile(CURATED_SCHEMA);
  const problem = validateWith(curatedValidator, data, positioned)[0];
  if (problem)
    throw new BuildError(`${file.name}:${problem.line}:${problem.column}: ${problem.message}`);
  const { source, rows } = data as { source: CuratedSource; rows: CuratedRow[] };

  const actual = sha256(document.text);
  if (actual !== source.sha256) {
    throw new BuildError(
      `${file.name}: ${document.name} has changed (sha256 ${actual}, the rows were checked against ${source.sha256}): check every row against it and update "sha256"`,
    );
  }

  const parts = new Map<string, Set<string | undefined>>();
  const rowOf = new Map<string, number>();
  let lastRow = 0;
  const out = rows.map((r, index): OtherEndpointRow => {
    const at = (message: string): BuildError => {
      const pos = positioned.lines.at(
        (positioned.doc.getIn(['rows', index], true) as { range?: [number] } | undefined)
          ?.range?.[0] ?? 0,
      );
      return new BuildError(
        `${file.name}:${pos.line}:${pos.column}: row ${r.row} (${r.scenario}): ${message}`,
      );
    };
    if (r.row < lastRow)
      throw at(`rows must be in table order (row ${r.row} follows row ${lastRow})`);
    lastRow = r.row;
    const owner = rowOf.get(r.scenario);
    if (owner !== undefined && owner !== r.row)
      throw at(`scenario "${r.scenario}" is already used by row ${owner}`);
    rowOf.set(r.scenario, r.row);
    const seenParts = parts.get(r.scenario) ?? new Set();
    if (seenParts.has(r.part))
      throw at(`part "${r.part ?? ''}" of scenario "${r.scenario}" occurs twice`);
    seenParts.add(r.part);
    parts.set(r.scenario, seenParts);

    const d = r.destinations ?? {};
    for (const host of d.hosts ?? []) {
      // The placeholder stands for one label; check the rest of the name with a stand-in.
      const parsed = HostPattern.parse(
        isPlaceholderHost(host) ? host.replace(/<[^>]*>/g, 'x') : host,
      );
      if (!parsed.ok) throw at(`host "${host}": ${parsed.error}`);
      if (!isPlaceholderHost(host) && parsed.value.text !== host) {
        throw at(`host "${host}" is not written canonically (expected "${parsed.value.text}")`);
      }
    }
    for (const ip of d.ips ?? []) {
      const parsed = parseIpBlock(ip);
      if (!parsed.ok) throw at(`address "${ip}": ${parsed.error}`);
    }
    const tcpPorts = d.tcpPorts ?? '';
    const udpPorts = d.udpPorts ?? '';
    return {
      row: r.row,
      scenario: r.scenario,
      ...(r.part === undefined ? {} : { part: r.part }),
      purpose: r.purpose,
      direction: r.direction,
      scope: r.scope,
      ...(r.clouds === undefined ? {} : { clouds: r.clouds }),
      destinations: {
        hosts: d.hosts ?? [],
        ips: d.ips ?? [],
        tcpPorts,
        udpPorts,
        tcpPortRanges: parsePortString(tcpPorts, (m) => at(`tcpPorts "${tcpPorts}": ${m}`)),
        udpPortRanges: parsePortString(udpPorts, (m) => at(`udpPorts "${udpPorts}": ${m}`)),
      },
      ...(r.note === undefined ? {} : { note: r.note }),
    };
  });
  for (const [scenario, seen] of parts) {
    if (seen.size > 1 && seen.has(undefined)) {
      throw new BuildError(
        `${file.name}: scenario "${scenario}" has several records, so each needs a "part"`,
      );
    }
  }
  return {
    source: {
      document: source.document,
      sha256: source.sha256,
      documentDate: source.documentDate,
      origin: { repo: source.origin.repo, path: source.origin.path, commit: source.origin.commit },
    },
    rows: out,
  };
}

// ---- Command line ------------------------------------------------------------------------------

function oneLine(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  return message.split('\n')[0]!.trim();
}

/** Reads every input from disk; `name`s are the paths as given, for messages. */
export function readInputs(referenceDir: string, repoRoot: string): BuildInputs {
  const read = (file: string): NamedText => {
    const name = path.relative(process.cwd(), file) || file;
    try {
      return { name, text: readFileSync(file, 'utf8') };
    } catch (e) {
      throw new BuildError(`${name}: cannot read: ${oneLine(e)}`);
    }
  };
  const sources = {} as Record<Instance, NamedText>;
  for (const instance of INSTANCES)
    sources[instance] = read(path.join(referenceDir, SOURCE_FILES[instance]));
  const otherEndpoints = read(path.join(repoRoot, OTHER_ENDPOINTS_PATH));
  // The document path is recorded in the YAML; read it loosely here, the build validates the file.
  const documentPath = /^\s*document:\s*(\S+)\s*$/m.exec(otherEndpoints.text)?.[1];
  if (!documentPath) throw new BuildError(`${otherEndpoints.name}: no "source.document" path`);
  return {
    sources,
    provenance: read(path.join(referenceDir, PROVENANCE_FILE)),
    otherEndpoints,
    document: read(path.join(referenceDir, documentPath)),
  };
}

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_REFERENCE_DIR = path.resolve(REPO_ROOT, '../shared/reference');

function main(argv: readonly string[]): number {
  let referenceDir = DEFAULT_REFERENCE_DIR;
  let check = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--reference' && argv[i + 1] !== undefined) referenceDir = path.resolve(argv[++i]!);
    else if (arg.startsWith('--reference='))
      referenceDir = path.resolve(arg.slice('--reference='.length));
    else if (arg === '--check') check = true;
    else {
      console.error(
        `build-catalogue: unknown argument "${arg}" (usage: build-catalogue [--reference DIR] [--check])`,
      );
      return 2;
    }
  }
  try {
    const target = path.join(REPO_ROOT, CATALOGUE_PATH);
    const text = serializeCatalogue(
      keepUpdated(buildCatalogue(readInputs(referenceDir, REPO_ROOT)), readCommitted(target)),
    );
    if (check) {
      let current = '';
      try {
        current = readFileSync(target, 'utf8');
      } catch {
        // A missing file is simply out of date.
      }
      if (current !== text) {
        console.error(
          `build-catalogue: ${CATALOGUE_PATH} is out of date: run npm run build:catalogue`,
        );
        return 1;
      }
      return 0;
    }
    writeFileSync(target, text);
    return 0;
  } catch (e) {
    if (e instanceof BuildError) {
      console.error(`build-catalogue: ${e.message}`);
      return 1;
    }
    throw e;
  }
}

if (
  process.argv[1] !== undefined &&
  path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)
) {
  process.exitCode = main(process.argv.slice(2));
}
