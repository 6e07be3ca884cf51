import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { M365_ENDPOINTS_JSON as F } from '../../../src/formats/allowlist/endpoints-json.js';

const parse = (text: string) => F.parse({ path: 'sets.json', text });
const brief = (text: string) =>
  parse(text).entries.map(
    (e) =>
      `${e.kind} ${e.text} ${e.location.line}:${e.location.column} tcp=${e.ports?.tcp} udp=${e.ports?.udp}`,
  );

describe('m365-endpoints-json', () => {
  it('reads every URL and IP of every set, with the set ports, inside the quotes', () => {
    const text = [
      '[',
      '  { "id": 1, "serviceArea": "Exchange", "urls": ["outlook.office.com"],',
      '    "ips": ["13.107.6.152/31", "2603:1006::/40"], "tcpPorts": "80,443", "udpPorts": "443" },',
      '  { "id": 2, "serviceArea": "Exchange", "urls": ["smtp.office365.com"], "tcpPorts": "143, 587, 993, 995" }',
      ']',
    ].join('\n');
    expect(brief(text)).toEqual([
      'host outlook.office.com 2:51 tcp=80,443 udp=443',
      'ip 13.107.6.152/31 3:14 tcp=80,443 udp=443',
      'ip 2603:1006::/40 3:33 tcp=80,443 udp=443',
      'host smtp.office365.com 4:51 tcp=143,587,993,995 udp=',
    ]);
    expect(parse(text).entries[0]!.comment).toBe('endpoint set 1');
  });

  it.each([
    ['{"id": 1}', [[1, 1, 'expected an array of endpoint sets, as the web service returns']]],
    ['[1]', [[1, 2, 'an endpoint set must be an object']]],
    [
      '[{"serviceArea": "Common", "urls": "a.com"}]',
      [[1, 36, '"urls" must be an array of strings']],
    ],
    ['[{"serviceArea": "Common", "urls": [7]}]', [[1, 37, '"urls" must hold strings']]],
    [
      '[{"serviceArea": "Common", "ips": ["300.1.1.1"]}]',
      [[1, 37, 'octet 300 is out of range (0-255) in "300.1.1.1"']],
    ],
    [
      '[{"serviceArea": "Common", "urls": ["a.com"], "tcpPorts": "99999"}]',
      [[1, 60, 'port 99999 is out of range (0-65535)']],
    ],
  ])('reports %j at its line and column and reads on', (text, expected) => {
    expect(
      parse(text).problems.map((p) => [p.location.line, p.location.column, p.message]),
    ).toEqual(expected);
  });

  it('is detected from its shape, not from any JSON', () => {
    expect(
      F.detect({ path: 'a.json', text: '[{"id": 1, "serviceArea": "Common", "urls": []}]' }),
    ).toBeGreaterThan(0);
    expect(F.detect({ path: 'a.json', text: '{"entries": []}' })).toBe(0);
    expect(F.detect({ path: 'a.json', text: '[{"host": "a.com"}]' })).toBe(0);
  });

  const corpus = path.resolve(
    import.meta.dirname,
    '../../../../shared/corpus/json/axis-sample-o365-endpoints-worldwide-2024-04.json',
  );
  it.skipIf(!existsSync(corpus))(
    'reads the saved 2024 worldwide response: 72 sets, every URL and IP',
    () => {
      const text = readFileSync(corpus, 'utf8');
      const sets = JSON.parse(text) as { urls?: string[]; ips?: string[] }[];
      expect(sets).toHaveLength(72);
      const expected = sets.reduce((n, s) => n + (s.urls?.length ?? 0) + (s.ips?.length ?? 0), 0);
      const parsed = F.parse({ path: 'axis.json', text });
      expect(parsed.problems).toEqual([]);
      expect(parsed.entries).toHaveLength(expected);
      expect(expected).toBe(354);
    },
  );
});
