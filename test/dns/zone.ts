import type { DnsInput } from '../../src/dns/check.js';
import { absoluteName, type DnsData, type DnsRecord } from '../../src/model/dns.js';

/**
 * Builds parsed DNS files for the check tests without a format parser: one record per line,
 * `owner TYPE data` (owner `@`, relative or absolute; blank lines keep their number). A target
 * written without a trailing dot is made absolute inside the zone and marked relative, as a zone
 * file reader does.
 */
export function zone(origin: string, lines: readonly string[], path = 'zone.db'): DnsInput {
  const zoneName = absoluteName('@', origin);
  const records: DnsRecord[] = [];
  lines.forEach((line, i) => {
    const m = /^(\S+)\s+([A-Z0-9]+)\s+(.*)$/.exec(line.trim());
    if (!m) return;
    const [, owner, type, rest] = m as unknown as [string, string, string, string];
    const name = absoluteName(owner, zoneName);
    const column = line.indexOf(rest) + 1;
    let relative = false;
    const target = (t: string) => {
      if (t.endsWith('.')) return t.toLowerCase();
      relative = true;
      return absoluteName(t, zoneName);
    };
    let parsed: DnsData;
    let data: string;
    const f = rest.split(/\s+/);
    switch (type) {
      case 'A':
      case 'AAAA':
        parsed = { type, address: rest };
        data = rest;
        break;
      case 'CNAME':
      case 'NS':
      case 'PTR':
        parsed = { type, target: target(rest) };
        data = parsed.target;
        break;
      case 'MX':
        parsed = { type, preference: Number(f[0]), exchange: target(f[1]!) };
        data = `${parsed.preference} ${parsed.exchange}`;
        break;
      case 'SRV':
        parsed = {
          type,
          priority: Number(f[0]),
          weight: Number(f[1]),
          port: Number(f[2]),
          target: target(f[3]!),
        };
        data = `${parsed.priority} ${parsed.weight} ${parsed.port} ${parsed.target}`;
        break;
      case 'TXT': {
        const strings = [...rest.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((s) =>
          s[1]!.replace(/\\(.)/g, '$1'),
        );
        parsed = { type, strings };
        data = rest;
        break;
      }
      default:
        parsed = { type: 'OTHER', text: rest };
        data = rest;
    }
    records.push({
      name,
      type,
      ttl: 3600,
      data,
      parsed,
      zone: zoneName,
      location: { file: path, line: i + 1, column },
      ...(relative ? { relativeTarget: true } : {}),
    });
  });
  return {
    file: { path, format: 'test', zones: [zoneName], records, problems: [] },
    render: (record, z) => {
      const owner =
        record.name === z
          ? '@'
          : record.name.endsWith(`.${z}`)
            ? record.name.slice(0, -z.length - 1)
            : record.name;
      return `${owner} ${record.ttl ?? ''} IN ${record.type} ${record.data}`.replace('  ', ' ');
    },
  };
}
