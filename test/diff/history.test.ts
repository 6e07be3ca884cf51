import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EMBEDDED_CATALOGUE } from '../../src/catalogue/embedded.js';
import type { Catalogue, EndpointSet } from '../../src/catalogue/types.js';
import { resolveOptions } from '../../src/config/options.js';
import { runCheck } from '../../src/pipeline.js';

function set(id: number, fields: Partial<EndpointSet>): EndpointSet {
  return {
    id,
    serviceArea: 'Exchange',
    serviceAreaDisplayName: 'Exchange Online',
    urls: [],
    ips: [],
    tcpPorts: '443',
    udpPorts: '',
    tcpPortRanges: [[443, 443]],
    udpPortRanges: [],
    category: 'Optimize',
    required: true,
    expressRoute: true,
    ...fields,
  };
}

/** A small cloud with a history: two additions live from 2026-07-01, three removed endpoints. */
const CATALOGUE: Catalogue = {
  ...EMBEDDED_CATALOGUE,
  clouds: {
    ...EMBEDDED_CATALOGUE.clouds,
    worldwide: {
      instance: 'worldwide',
      provenance: {
        source: 'web-service',
        serviceUrl: 'https://endpoints.office.com',
        version: '2026060100',
        fetchedAt: '2026-06-02T00:00:00.000Z',
        dataDate: '2026-06-01',
        sha256: 'a'.repeat(64),
        includesMem: true,
      },
      endpointSets: [
        set(1, {
          urls: ['outlook.office.com', 'new.outlook.com'],
          ips: ['40.96.0.0/13', '198.51.100.0/24'],
        }),
        set(2, {
          serviceArea: 'Common',
          serviceAreaDisplayName: 'Microsoft 365 Common',
          category: 'Default',
          urls: ['www.office.com'],
        }),
        // Only the first set's copy of this one is new: the requirement is live today.
        set(3, { category: 'Allow', urls: ['both.outlook.com'] }),
        set(4, { category: 'Allow', urls: ['both.outlook.com'] }),
      ],
      history: {
        removed: [
          {
            kind: 'url',
            value: 'old.outlook.com',
            endpointSetId: 1,
            serviceArea: 'Exchange',
            category: 'Optimize',
            required: true,
            version: '2026060100',
          },
          {
            kind: 'ip',
            value: '203.0.113.0/24',
            endpointSetId: 1,
            serviceArea: 'Exchange',
            category: 'Optimize',
            required: true,
            version: '2026060100',
          },
          {
            kind: 'url',
            value: '*.retired.example.net',
            endpointSetId: 2,
            serviceArea: 'Common',
            category: 'Default',
            required: false,
            version: '2026050100',
          },
        ],
        added: [
          {
            kind: 'url',
            value: 'new.outlook.com',
            endpointSetId: 1,
            version: '2026060100',
            effectiveDate: '2026-07-01',
          },
          {
            kind: 'ip',
            value: '198.51.100.0/24',
            endpointSetId: 1,
            version: '2026060100',
            effectiveDate: '2026-07-01',
          },
          {
            kind: 'url',
            value: 'both.outlook.com',
            endpointSetId: 3,
            version: '2026060100',
            effectiveDate: '2026-07-01',
          },
        ],
      },
    },
  },
};

const LIST = [
  'outlook.office.com',
  'www.office.com',
  'old.outlook.com',
  'foo.retired.example.net',
  'unrelated.example.org',
  '40.96.0.0/13',
  '203.0.113.0/25',
  '',
].join('\n');

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function check(today: string, scope: 'dedicated' | 'mixed' = 'dedicated') {
  const root = mkdtempSync(path.join(tmpdir(), 'endpoint-drift-history-'));
  dirs.push(root);
  writeFileSync(path.join(root, 'm365.txt'), LIST);
  const options = resolveOptions(
    { path: 'config.yml', text: `allowlists:\n  - path: m365.txt\n    scope: ${scope}\n` },
    {},
  );
  const { result } = await runCheck(root, options, CATALOGUE, { origin: 'snapshot', today });
  return result.findings.map(
    (f) => `${f.location.line}:${f.location.column} ${f.severity} ${f.ruleId} ${f.message}`,
  );
}

const STALE = [
  '3:1 warning stale-entry "old.outlook.com" was needed only by endpoints that Microsoft removed (from Exchange set 1 Optimize in version 2026060100); nothing in the current Worldwide catalogue needs it',
  '4:1 warning stale-entry "foo.retired.example.net" was needed only by endpoints that Microsoft removed ("*.retired.example.net" from Common set 2 Default optional in version 2026050100); nothing in the current Worldwide catalogue needs it',
  '5:1 warning extraneous-entry "unrelated.example.org" matches nothing in the Worldwide catalogue',
  '7:1 warning stale-entry "203.0.113.0/25" was needed only by endpoints that Microsoft removed ("203.0.113.0/24" from Exchange set 1 Optimize in version 2026060100); nothing in the current Worldwide catalogue needs it',
];

describe('findings from the history of the catalogue', () => {
  it('before the effective date: upcoming endpoints are notices, removed ones make entries stale', async () => {
    expect(await check('2026-06-15')).toEqual([
      '3:1 error missing-endpoint "both.outlook.com" is required but not allowed (Exchange set 3 Allow, Exchange set 4 Allow); it belongs beside "old.outlook.com"',
      STALE[0],
      '3:1 notice upcoming-endpoint "new.outlook.com" is required from 2026-07-01 (Exchange set 1 Optimize); it belongs beside "old.outlook.com"',
      STALE[1],
      STALE[2],
      STALE[3],
      '7:1 notice upcoming-endpoint 198.51.100.0/24 is required from 2026-07-01 (Exchange set 1 Optimize); it belongs beside "203.0.113.0/25"',
    ]);
  });

  it('on the effective date they become normal requirements', async () => {
    expect(await check('2026-07-01')).toEqual([
      '3:1 error missing-endpoint "both.outlook.com" is required but not allowed (Exchange set 3 Allow, Exchange set 4 Allow); it belongs beside "old.outlook.com"',
      '3:1 error missing-endpoint "new.outlook.com" is required but not allowed (Exchange set 1 Optimize); it belongs beside "old.outlook.com"',
      STALE[0],
      STALE[1],
      STALE[2],
      '7:1 error missing-endpoint 198.51.100.0/24 is required but not allowed (Exchange set 1 Optimize); it belongs beside "203.0.113.0/25"',
      STALE[3],
    ]);
  });

  it('in mixed scope a stale entry is a notice, and unrelated names stay unjudged', async () => {
    const findings = await check('2026-07-01', 'mixed');
    expect(findings.filter((f) => f.includes('stale-entry') || f.includes('extraneous'))).toEqual([
      STALE[0]!.replace('warning', 'notice'),
      STALE[1]!.replace('warning', 'notice'),
      STALE[3]!.replace('warning', 'notice'),
    ]);
  });
});
