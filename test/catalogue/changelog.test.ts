import { describe, expect, it } from 'vitest';
import {
  compareClouds,
  nextHistory,
  renderChangelog,
  type EndpointChange,
  type SetChange,
} from '../../src/catalogue/changelog.js';
import type { ChangeRecord } from '../../src/catalogue/service.js';
import type { CloudCatalogue, EndpointSet } from '../../src/catalogue/types.js';

function set(id: number, fields: Partial<EndpointSet> = {}): EndpointSet {
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
    category: 'Allow',
    required: true,
    expressRoute: false,
    ...fields,
  };
}

function cloud(sets: EndpointSet[], version = '2026050100'): CloudCatalogue {
  return {
    instance: 'worldwide',
    provenance: {
      source: 'web-service',
      serviceUrl: 'https://endpoints.office.com',
      version,
      fetchedAt: '2026-05-02T00:00:00.000Z',
      dataDate: `${version.slice(0, 4)}-${version.slice(4, 6)}-${version.slice(6, 8)}`,
      sha256: 'a'.repeat(64),
      includesMem: true,
    },
    endpointSets: sets,
  };
}

const ref = (id: number, fields: Partial<EndpointSet> = {}) => {
  const s = set(id, fields);
  return { id, serviceArea: s.serviceArea, category: s.category, required: s.required };
};

describe('compareClouds', () => {
  const cases: [
    string,
    EndpointSet[],
    EndpointSet[],
    ChangeRecord[],
    EndpointChange[],
    SetChange[],
  ][] = [
    [
      'an added URL dated by /changes',
      [set(1, { urls: ['a.example.com'] })],
      [set(1, { urls: ['a.example.com', 'b.example.com'] })],
      [
        {
          id: 1,
          endpointSetId: 1,
          disposition: 'Change',
          impact: 'AddedUrl',
          version: '2026060100',
          add: { effectiveDate: '20260701', urls: ['b.example.com'], ips: [] },
        },
      ],
      [
        {
          change: 'added',
          kind: 'url',
          value: 'b.example.com',
          set: ref(1),
          version: '2026060100',
          effectiveDate: '2026-07-01',
          impact: 'AddedUrl',
        },
      ],
      [],
    ],
    [
      'an address removed from the cloud, with no /changes record (the new version is named)',
      [set(1, { ips: ['10.0.0.0/8', '192.0.2.0/24'] })],
      [set(1, { ips: ['10.0.0.0/8'] })],
      [],
      [
        {
          change: 'removed',
          kind: 'ip',
          value: '192.0.2.0/24',
          set: ref(1),
          version: '2026060100',
        },
      ],
      [],
    ],
    [
      'a URL moved between sets, and one removed from a set but still in another',
      [
        set(1, { urls: ['m.example.com', 's.example.com'] }),
        set(2, { category: 'Default', urls: ['s.example.com'] }),
      ],
      [
        set(1, { urls: [] }),
        set(2, { category: 'Default', urls: ['s.example.com'] }),
        set(3, { serviceArea: 'Common', urls: ['M.example.com'] }),
      ],
      [],
      [
        {
          change: 'removed',
          kind: 'url',
          value: 's.example.com',
          set: ref(1),
          stillIn: [2],
          version: '2026060100',
        },
        {
          change: 'moved',
          kind: 'url',
          value: 'M.example.com',
          set: ref(3, { serviceArea: 'Common' }),
          from: ref(1),
          version: '2026060100',
        },
      ],
      [
        {
          set: ref(3, { serviceArea: 'Common' }),
          field: 'set',
          before: '',
          after: 'Common, Allow',
          version: '2026060100',
        },
      ],
    ],
    [
      'category, ports and required changes of one set',
      [set(5, { urls: ['x.example.com'] })],
      [
        set(5, {
          urls: ['x.example.com'],
          category: 'Optimize',
          required: false,
          tcpPorts: '80,443',
          tcpPortRanges: [
            [80, 80],
            [443, 443],
          ],
          udpPorts: '3478-3481',
          udpPortRanges: [[3478, 3481]],
        }),
      ],
      [
        {
          id: 9,
          endpointSetId: 5,
          disposition: 'Change',
          impact: 'OtherNonPriorityChanges',
          version: '2026052000',
        },
      ],
      [],
      [
        {
          set: ref(5, { category: 'Optimize', required: false }),
          field: 'category',
          before: 'Allow',
          after: 'Optimize',
          version: '2026052000',
        },
        {
          set: ref(5, { category: 'Optimize', required: false }),
          field: 'required',
          before: 'true',
          after: 'false',
          version: '2026052000',
        },
        {
          set: ref(5, { category: 'Optimize', required: false }),
          field: 'tcpPorts',
          before: '443',
          after: '80,443',
          version: '2026052000',
        },
        {
          set: ref(5, { category: 'Optimize', required: false }),
          field: 'udpPorts',
          before: '',
          after: '3478-3481',
          version: '2026052000',
        },
      ],
    ],
    [
      'nothing but spelling (case, zero compression) is no change',
      [set(1, { urls: ['A.example.com'], ips: ['2603:1006:0::/40'] })],
      [set(1, { urls: ['a.example.com'], ips: ['2603:1006::/40'] })],
      [],
      [],
      [],
    ],
  ];
  it.each(cases)('%s', (_name, before, after, changes, endpoints, sets) => {
    const log = compareClouds(cloud(before), cloud(after, '2026060100'), changes, '2026060100');
    expect(log.endpoints).toEqual(endpoints);
    expect(log.sets).toEqual(sets);
    expect(log.before).toEqual({
      version: '2026050100',
      dataDate: '2026-05-01',
      label: 'version 2026050100',
    });
    expect(log.after).toEqual({ version: '2026060100', dataDate: '2026-06-01' });
  });
});

describe('nextHistory', () => {
  it('keeps removals from the whole cloud and dated additions, and forgets what came back', () => {
    const before: CloudCatalogue = {
      ...cloud([set(1, { urls: ['old.example.com', 'back.example.com', 'keep.example.com'] })]),
      history: {
        removed: [
          {
            kind: 'url',
            value: 'back.example.com',
            endpointSetId: 2,
            serviceArea: 'Exchange',
            category: 'Allow',
            required: true,
            version: '2026010100',
          },
        ],
        added: [],
      },
    };
    const after = cloud(
      [set(1, { urls: ['back.example.com', 'keep.example.com', 'new.example.com'] })],
      '2026060100',
    );
    const changes: ChangeRecord[] = [
      {
        id: 3,
        endpointSetId: 1,
        disposition: 'Change',
        version: '2026060100',
        add: { effectiveDate: '20260701', urls: ['new.example.com'], ips: [] },
        remove: { urls: ['old.example.com'], ips: [] },
      },
    ];
    const log = compareClouds(before, after, changes, '2026060100');
    expect(nextHistory(before, after, log, changes)).toEqual({
      removed: [
        {
          kind: 'url',
          value: 'old.example.com',
          endpointSetId: 1,
          serviceArea: 'Exchange',
          category: 'Allow',
          required: true,
          version: '2026060100',
        },
      ],
      added: [
        {
          kind: 'url',
          value: 'new.example.com',
          endpointSetId: 1,
          version: '2026060100',
          effectiveDate: '2026-07-01',
        },
      ],
    });
  });
});

describe('renderChangelog', () => {
  it('writes every kind of change as a table, with effective dates, sets and versions', () => {
    const before = cloud([
      set(1, { urls: ['a.example.com', 'gone.example.com', 'moving.example.com'] }),
    ]);
    const after = cloud(
      [
        set(1, { urls: ['a.example.com', 'b.example.com'], category: 'Optimize' }),
        set(2, { serviceArea: 'Common', urls: ['moving.example.com'], required: false }),
      ],
      '2026060100',
    );
    const changes: ChangeRecord[] = [
      {
        id: 1,
        endpointSetId: 1,
        disposition: 'Change',
        impact: 'AddedUrl',
        version: '2026060100',
        add: { effectiveDate: '20260701', urls: ['b.example.com'], ips: [] },
      },
    ];
    const text = renderChangelog([compareClouds(before, after, changes, '2026060100')], {
      fetchedAt: '2026-06-02T08:00:00.000Z',
      serviceUrl: 'https://endpoints.office.com',
    });
    expect(text).toBe(`## Microsoft 365 endpoints: update of 2026-06-02

From https://endpoints.office.com.

### Worldwide: version 2026050100 → version 2026060100 (2026-06-01)

1 added, 1 removed, 1 moved between endpoint sets, 2 endpoint-set changes.

#### Added

| Endpoint | Endpoint set | Effective | Version | Impact |
| --- | --- | --- | --- | --- |
| \`b.example.com\` | Exchange set 1 (Optimize) | 2026-07-01 | 2026060100 | AddedUrl |

#### Removed

| Endpoint | Endpoint set | Version | Impact |
| --- | --- | --- | --- |
| \`gone.example.com\` | Exchange set 1 (Allow) | 2026060100 |  |

#### Moved between endpoint sets

| Endpoint | From | To | Effective | Version |
| --- | --- | --- | --- | --- |
| \`moving.example.com\` | Exchange set 1 (Allow) | Common set 2 (Allow, optional) | now | 2026060100 |

#### Endpoint sets changed

| Endpoint set | Change | Before | After | Version |
| --- | --- | --- | --- | --- |
| Exchange set 1 (Optimize) | category | Allow | Optimize | 2026060100 |
| Common set 2 (Allow, optional) | added | – | Common, Allow, optional | 2026060100 |
`);
  });

  it('escapes what the service writes into table cells', () => {
    const before = cloud([set(1, { notes: 'old' })]);
    const after = cloud([set(1, { notes: 'a | b <img src=x> `c`\nd' })], '2026060100');
    const text = renderChangelog([compareClouds(before, after, [], '2026060100')], {
      fetchedAt: '2026-06-02T08:00:00.000Z',
      serviceUrl: 'https://endpoints.office.com',
    });
    expect(text).toContain(
      '| Exchange set 1 (Allow) | notes | old | a \\| b \\<img src=x\\> \\`c\\` d | 2026060100 |',
    );
  });
});
