import { pickFormat, type AllowlistFormat, type SourceFile } from '../format.js';
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
