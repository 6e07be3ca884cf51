import type { Severity } from '../model/finding.js';
import type { HostPattern } from '../model/host.js';
import type { IpBlock } from '../model/ip.js';
import type { PortSpec } from '../model/ports.js';

export type { Severity } from '../model/finding.js';

/** The Microsoft 365 clouds the web service publishes (`/endpoints/{instance}`), in catalogue order. */
export type Instance = 'worldwide' | 'china' | 'usgovdod' | 'usgovgcchigh';
export const INSTANCES: readonly Instance[] = ['worldwide', 'china', 'usgovdod', 'usgovgcchigh'];

export type ServiceArea = 'Common' | 'Exchange' | 'SharePoint' | 'Skype' | 'MEM';
export const SERVICE_AREAS: readonly ServiceArea[] = [
  'Common',
  'Exchange',
  'SharePoint',
  'Skype',
  'MEM',
];

export type Category = 'Optimize' | 'Allow' | 'Default';
export const CATEGORIES: readonly Category[] = ['Optimize', 'Allow', 'Default'];

/** Inclusive port range as stored in the catalogue JSON. */
export type PortRangeJson = [number, number];

/**
 * One endpoint set of the web service, every field kept. Port strings are kept as published
 * (absent becomes `""`) next to their parsed ranges, so the catalogue can be compared with the
 * source and used without re-parsing.
 */
export interface EndpointSet {
  readonly id: number;
  readonly serviceArea: ServiceArea;
  readonly serviceAreaDisplayName: string;
  readonly urls: readonly string[];
  readonly ips: readonly string[];
  readonly tcpPorts: string;
  readonly udpPorts: string;
  readonly tcpPortRanges: readonly PortRangeJson[];
  readonly udpPortRanges: readonly PortRangeJson[];
  readonly category: Category;
  readonly required: boolean;
  readonly expressRoute: boolean;
  readonly notes?: string;
}

export type Direction = 'inbound' | 'outbound' | 'bidirectional';
export type RowScope = 'server' | 'client' | 'trusted-sites';

/**
 * The Microsoft-side endpoints of an other-endpoints row. For inbound rows these are the peers
 * that connect to the customer; empty when the row only points elsewhere.
 */
export interface OtherEndpointDestinations {
  readonly hosts: readonly string[];
  readonly ips: readonly string[];
  readonly tcpPorts: string;
  readonly udpPorts: string;
  readonly tcpPortRanges: readonly PortRangeJson[];
  readonly udpPortRanges: readonly PortRangeJson[];
}

/**
 * One record of data/other-endpoints.yaml: a row of "Other endpoints not included in the web
 * service", or one part of a row that the file splits by cloud or by ports.
 */
export interface OtherEndpointRow {
  /** The row number in the document's table. */
  readonly row: number;
  /** The opt-in id users select; the parts of one row may share it. */
  readonly scenario: string;
  /** Tells apart the records of one row that share a scenario. */
  readonly part?: string;
  readonly purpose: string;
  readonly direction: Direction;
  readonly scope: RowScope;
  /** The clouds the record applies to; absent means every cloud. */
  readonly clouds?: readonly Instance[];
  readonly destinations: OtherEndpointDestinations;
  readonly note?: string;
}

export interface Provenance {
  /** File name of the web-service response the cloud was built from. */
  readonly sourceFile: string;
  readonly sha256: string;
  /** Where that response was copied from. */
  readonly origin: {
    readonly repo: string;
    readonly path: string;
    readonly commit: string;
    readonly commitDate: string;
  };
  /** The date the response is known to have been the live one (YYYY-MM-DD). */
  readonly dataDate: string;
  /** The record that shows the response was live on `dataDate`. */
  readonly dataDateSource: { readonly repo: string; readonly commit: string };
  /** Whether the response includes the `ServiceAreas=MEM` sets (they are only returned on request). */
  readonly includesMem: boolean;
}

/** Provenance of a cloud fetched from the web service by `catalogue update`. */
export interface WebServiceProvenance {
  readonly source: 'web-service';
  /** The service the data came from, e.g. https://endpoints.office.com. */
  readonly serviceUrl: string;
  /** The web service's version of the data (YYYYMMDDNN). */
  readonly version: string;
  /** When the answer was fetched (ISO 8601, UTC). */
  readonly fetchedAt: string;
  /** The date the version was published (from the version number, YYYY-MM-DD). */
  readonly dataDate: string;
  /** SHA-256 of the `/endpoints` answer as received. */
  readonly sha256: string;
  readonly includesMem: boolean;
}

export type CloudProvenance = Provenance | WebServiceProvenance;

/** An address or URL that a later version of the data removed from the cloud. */
export interface RemovedEndpoint {
  readonly kind: 'url' | 'ip';
  readonly value: string;
  readonly endpointSetId: number;
  readonly serviceArea: ServiceArea;
  readonly category: Category;
  readonly required: boolean;
  /** The version that no longer has it. */
  readonly version: string;
}

/** An address or URL added to an endpoint set, live in the service from `effectiveDate`. */
export interface AddedEndpoint {
  readonly kind: 'url' | 'ip';
  readonly value: string;
  readonly endpointSetId: number;
  readonly version: string;
  /** YYYY-MM-DD. */
  readonly effectiveDate: string;
}

/** What the updates of a cloud have seen come and go; the source of stale and upcoming findings. */
export interface CloudHistory {
  readonly removed: readonly RemovedEndpoint[];
  readonly added: readonly AddedEndpoint[];
}

export interface CloudCatalogue {
  readonly instance: Instance;
  readonly provenance: CloudProvenance;
  readonly endpointSets: readonly EndpointSet[];
  readonly history?: CloudHistory;
}

export function isWebServiceProvenance(p: CloudProvenance): p is WebServiceProvenance {
  return 'source' in p && p.source === 'web-service';
}

export interface GeneratedFrom {
  readonly script: string;
  readonly otherEndpoints: {
    readonly file: string;
    readonly document: string;
    readonly documentSha256: string;
    readonly documentDate: string;
    readonly origin: { readonly repo: string; readonly path: string; readonly commit: string };
  };
}

export interface Catalogue {
  readonly schemaVersion: number;
  /** The `clientrequestid` this catalogue's updates identify themselves with (a GUID). */
  readonly clientRequestId?: string;
  readonly generatedFrom: GeneratedFrom;
  readonly clouds: Readonly<Record<Instance, CloudCatalogue>>;
  readonly otherEndpoints: readonly OtherEndpointRow[];
}

/** Where a requirement comes from: a web-service endpoint set or an other-endpoints row. */
export interface RequirementSource {
  readonly kind: 'endpoint-set' | 'other-endpoints';
  /** The endpoint set id, or the row number of the other-endpoints document. */
  readonly id: number;
  readonly scenario?: string;
  readonly serviceArea?: ServiceArea;
  readonly category?: Category;
  readonly required: boolean;
  readonly ports: PortSpec;
  readonly notes?: string;
  /** Set when this endpoint set's entry goes live only on this date (YYYY-MM-DD), after the check's date. */
  readonly effectiveFrom?: string;
}

export interface HostRequirement {
  readonly kind: 'host';
  /** The date from which it is required, when every source is still upcoming (YYYY-MM-DD). */
  readonly upcoming?: string;
  readonly pattern: HostPattern;
  /** The pattern as in the catalogue, after tenant substitution. */
  readonly text: string;
  /** Union of the ports of every source. */
  readonly ports: PortSpec;
  readonly sources: readonly RequirementSource[];
  readonly severity: Severity;
}

export interface IpRequirement {
  readonly kind: 'ip';
  readonly upcoming?: string;
  readonly block: IpBlock;
  readonly text: string;
  readonly ports: PortSpec;
  readonly sources: readonly RequirementSource[];
  readonly severity: Severity;
}

export type Requirement = HostRequirement | IpRequirement;

export interface Selection {
  readonly instance: Instance;
  readonly serviceAreas: readonly ServiceArea[];
  readonly categories: readonly Category[];
  readonly includeOptional: boolean;
  readonly ipv6: boolean;
  readonly tenant?: string;
  readonly scenarios: readonly string[];
  /** The check's date (YYYY-MM-DD): endpoints effective later are upcoming, not yet required. */
  readonly today?: string;
}
