import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import { nodePosition, parsePositioned } from '../syntax/yaml.js';
import type { Entry, ParsedFile, ParseProblem } from '../../model/entry.js';
import { HostPattern } from '../../model/host.js';
import { looksLikeIp, parseIpBlock } from '../../model/ip.js';
import { PortSet, type PortSpec } from '../../model/ports.js';
import { RULE_CAPABILITIES, type AllowlistFormat, type SourceFile } from '../format.js';
import { trimSpaces } from '../../model/text.js';

const ID = 'm365-endpoints-json';

/**
 * A saved copy of the web service's own answer (`/endpoints/{instance}`): an array of endpoint
 * sets. Repositories keep such copies as their allowlist; each URL and IP becomes an entry with
 * the set's TCP and UDP ports, so a frozen copy is compared with today's catalogue like any list.
 */
export const M365_ENDPOINTS_JSON: AllowlistFormat = {
  id: ID,
  title: 'Microsoft 365 web service JSON (a saved /endpoints response)',
  filePatterns: ['*.json'],
  capabilities: { ...RULE_CAPABILITIES, comments: false },
  detect(file: SourceFile): number {
    const head = file.text.slice(0, 2000);
    if (!/^\s*\[/.test(head)) return 0;
    return /"serviceArea"\s*:/.test(head) && /"(urls|ips)"\s*:/.test(file.text.slice(0, 20000))
      ? 0.9
      : 0;
  },
  parse(file: SourceFile): ParsedFile {
    const entries: Entry[] = [];
    const problems: ParseProblem[] = [];
    const text = file.text.charCodeAt(0) === 0xfeff ? file.text.slice(1) : file.text;
    const pd = parsePositioned(text);
    // Inside the opening quote of a quoted string, where the value's first character is.
    const at = (node: unknown, inside = 0) => {
      const p = nodePosition(pd, node);
      const quoted =
        isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE');
      return { file: file.path, line: p.line, column: p.column + (quoted ? inside : 0) };
    };
    for (const e of pd.errors)
      problems.push({
        location: { file: file.path, line: e.line, column: e.column },
        message: `invalid JSON: ${e.message}`,
      });
    const root = pd.doc.contents;
    if (!isSeq(root)) {
      if (pd.errors.length === 0)
        problems.push({
          location: at(root),
          message: 'expected an array of endpoint sets, as the web service returns',
        });
      return { path: file.path, format: ID, entries, problems };
    }
    for (const item of root.items) {
      if (!isMap(item)) {
        problems.push({ location: at(item), message: 'an endpoint set must be an object' });
        continue;
      }
      const ports = readPorts(item, at, problems);
      const id = scalar(item, 'id');
      const comment = id === undefined ? undefined : `endpoint set ${String(id)}`;
      for (const key of ['urls', 'ips'] as const) {
        const list = item.get(key, true) as Node | undefined;
        if (list === undefined) continue;
        if (!isSeq(list)) {
          problems.push({ location: at(list), message: `"${key}" must be an array of strings` });
          continue;
        }
        for (const node of list.items) {
          if (!isScalar(node) || typeof node.value !== 'string') {
            problems.push({ location: at(node), message: `"${key}" must hold strings` });
            continue;
          }
          const value = trimSpaces(node.value);
          const location = at(node, 1);
          if (key === 'ips' || looksLikeIp(value)) {
            const parsed = parseIpBlock(value);
            if (parsed.ok)
              entries.push({
                kind: 'ip',
                text: value,
                location,
                block: parsed.value,
                ports,
                comment,
              });
            else problems.push({ location, message: parsed.error, text: value });
          } else {
            const parsed = HostPattern.parse(value);
            if (parsed.ok)
              entries.push({
                kind: 'host',
                text: value,
                location,
                pattern: parsed.value,
                ports,
                comment,
              });
            else problems.push({ location, message: parsed.error, text: value });
          }
        }
      }
    }
    return { path: file.path, format: ID, entries, problems };
  },
};

function scalar(map: YAMLMap, key: string): unknown {
  const node = map.get(key, true);
  return isScalar(node) ? node.value : undefined;
}

function readPorts(
  map: YAMLMap,
  at: (node: unknown, inside?: number) => { file: string; line: number; column: number },
  problems: ParseProblem[],
): PortSpec {
  const read = (key: 'tcpPorts' | 'udpPorts'): PortSet => {
    const node = map.get(key, true);
    if (node === undefined) return PortSet.EMPTY;
    const value = isScalar(node) ? node.value : undefined;
    if (typeof value !== 'string') {
      problems.push({ location: at(node), message: `"${key}" must be a string such as "80,443"` });
      return PortSet.EMPTY;
    }
    const parsed = PortSet.parse(value);
    if (parsed.ok) return parsed.value;
    problems.push({ location: at(node, 1), message: parsed.error, text: value });
    return PortSet.EMPTY;
  };
  return { tcp: read('tcpPorts'), udp: read('udpPorts') };
}
