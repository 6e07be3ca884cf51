import { HostPattern } from '../model/host.js';
import { parseIpBlock } from '../model/ip.js';
import { PortSet } from '../model/ports.js';
import { CATEGORIES, SERVICE_AREAS, type EndpointSet, type PortRangeJson } from './types.js';

/**
 * Reading `/endpoints/{instance}` answers of the web service into endpoint sets, shared by the
 * build of the embedded catalogue and by `catalogue update`, so both take the data the same way.
 */

/** Data that cannot become a catalogue; the message is one line and names the source. */
export class CatalogueDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CatalogueDataError';
  }
}

const SET_FIELDS = new Set([
  'id',
  'serviceArea',
  'serviceAreaDisplayName',
  'urls',
  'ips',
  'tcpPorts',
  'udpPorts',
  'expressRoute',
  'category',
  'required',
  'notes',
]);

/** The endpoint sets of a parsed `/endpoints` answer, sorted by id; `name` names it in messages. */
export function endpointSetsOf(name: string, data: unknown): EndpointSet[] {
  const source = { name };
  if (!Array.isArray(data))
    throw new CatalogueDataError(`${source.name}: expected an array of endpoint sets`);
  const seen = new Set<number>();
  const sets = data.map((raw: unknown, index) => {
    const set = readEndpointSet(source.name, raw, index);
    if (seen.has(set.id))
      throw new CatalogueDataError(`${source.name}: endpoint set id ${set.id} occurs twice`);
    seen.add(set.id);
    return set;
  });
  return sets.sort((a, b) => a.id - b.id);
}

function readEndpointSet(file: string, raw: unknown, index: number): EndpointSet {
  if (!isRecord(raw)) throw new CatalogueDataError(`${file}: item ${index} is not an object`);
  const where = typeof raw.id === 'number' ? `endpoint set ${raw.id}` : `item ${index}`;
  const bad = (message: string): CatalogueDataError =>
    new CatalogueDataError(`${file}: ${where}: ${message}`);
  for (const key of Object.keys(raw)) {
    // A field the catalogue does not know would be dropped silently: stop instead.
    if (!SET_FIELDS.has(key)) throw bad(`unknown field "${key}"`);
  }
  const id = raw.id;
  if (typeof id !== 'number' || !Number.isInteger(id) || id < 1)
    throw bad(`"id" must be a positive integer`);
  const serviceArea = oneOf(raw.serviceArea, SERVICE_AREAS, 'serviceArea', bad);
  const category = oneOf(raw.category, CATEGORIES, 'category', bad);
  const displayName = raw.serviceAreaDisplayName;
  if (typeof displayName !== 'string' || displayName === '') {
    throw bad(`"serviceAreaDisplayName" must be a non-empty string`);
  }
  const urls = stringList(raw.urls, 'urls', bad);
  const ips = stringList(raw.ips, 'ips', bad);
  for (const url of urls) {
    const parsed = HostPattern.parse(url);
    if (!parsed.ok) throw bad(`URL "${url}" is not a host pattern: ${parsed.error}`);
  }
  for (const ip of ips) {
    const parsed = parseIpBlock(ip);
    if (!parsed.ok) throw bad(`address "${ip}" is not an IP block: ${parsed.error}`);
  }
  const tcp = portField(raw.tcpPorts, 'tcpPorts', bad);
  const udp = portField(raw.udpPorts, 'udpPorts', bad);
  const required = booleanField(raw.required, 'required', bad);
  const expressRoute = booleanField(raw.expressRoute, 'expressRoute', bad);
  if (raw.notes !== undefined && typeof raw.notes !== 'string')
    throw bad(`"notes" must be a string`);
  return {
    id,
    serviceArea,
    serviceAreaDisplayName: displayName,
    urls,
    ips,
    tcpPorts: tcp.text,
    udpPorts: udp.text,
    tcpPortRanges: tcp.ranges,
    udpPortRanges: udp.ranges,
    category,
    required,
    expressRoute,
    ...(raw.notes === undefined ? {} : { notes: raw.notes }),
  };
}

export type Complaint = (message: string) => CatalogueDataError;

function oneOf<T extends string>(
  value: unknown,
  allowed: readonly T[],
  field: string,
  bad: Complaint,
): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value))
    return value as T;
  throw bad(`"${field}" is ${JSON.stringify(value)}, expected one of ${allowed.join(', ')}`);
}

function stringList(value: unknown, field: string, bad: Complaint): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && v !== '')) {
    throw bad(`"${field}" must be a list of non-empty strings`);
  }
  return value as string[];
}

function booleanField(value: unknown, field: string, bad: Complaint): boolean {
  if (typeof value !== 'boolean') throw bad(`"${field}" must be true or false`);
  return value;
}

/** A port string as published ("" when absent) and its ranges. */
function portField(
  value: unknown,
  field: string,
  bad: Complaint,
): { text: string; ranges: PortRangeJson[] } {
  if (value === undefined) return { text: '', ranges: [] };
  if (typeof value !== 'string') throw bad(`"${field}" must be a string`);
  return { text: value, ranges: parsePortString(value, (m) => bad(`${field} "${value}": ${m}`)) };
}

export function parsePortString(text: string, bad: Complaint): PortRangeJson[] {
  const parsed = PortSet.parse(text);
  if (!parsed.ok) throw bad(parsed.error);
  // "*" would parse as every port, which the web service never means.
  if (parsed.value.isAny && !/^\s*0\s*-\s*65535\s*$/.test(text))
    throw bad('is not a list of ports');
  return parsed.value.ranges.map(([lo, hi]) => [lo, hi]);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
