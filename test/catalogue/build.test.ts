import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  BuildError,
  buildCatalogue,
  keepUpdated,
  readCommitted,
  readInputs,
  serializeCatalogue,
  type BuildInputs,
} from '../../scripts/build-catalogue.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const REFERENCE = path.resolve(REPO, '../shared/reference');
const SCRIPT = path.join(REPO, 'scripts/build-catalogue.ts');

describe.skipIf(!existsSync(REFERENCE))('build-catalogue on the reference data', () => {
  it('reproduces the committed data/catalogue.json', () => {
    const file = path.join(REPO, 'data/catalogue.json');
    // Clouds that `catalogue update --output data` brought newer than the reference are kept.
    const built = serializeCatalogue(
      keepUpdated(buildCatalogue(readInputs(REFERENCE, REPO)), readCommitted(file)),
    );
    // A failure here means data/catalogue.json is stale: run `npm run build:catalogue`.
    expect(built).toBe(readFileSync(file, 'utf8'));
  });
});

// ---- Small inputs that do not need the reference folder ----------------------------------------

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
const COMMIT = 'a'.repeat(40);
const DOCUMENT = '|Row|Purpose|\n|1|Example|\n';

function provenanceRow(file: string, mem: string): string {
  return `| \`${file}\` | owner/repo, \`dir/${file}\`, commit ${COMMIT} (2025-12-01) | Response${mem}. Identical to the live response recorded by other/repo at commit ${'b'.repeat(40)} (2025-10-30 12:26 UTC). |`;
}

const PROVENANCE = [
  '| File | Origin | Data |',
  '|---|---|---|',
  provenanceRow('endpoints/worldwide.json', ' plus the `ServiceAreas=MEM` sets'),
  provenanceRow('endpoints/china.json', ' (no MEM query)'),
  provenanceRow('endpoints/usgovdod.json', ' (no MEM query)'),
  provenanceRow('endpoints/usgovgcchigh.json', ' (no MEM query)'),
].join('\n');

const SET = {
  id: 1,
  serviceArea: 'Exchange',
  serviceAreaDisplayName: 'Exchange Online',
  urls: ['outlook.office.com'],
  ips: ['40.96.0.0/13'],
  tcpPorts: '443,80',
  expressRoute: true,
  category: 'Optimize',
  required: true,
};

function otherEndpoints(rowYaml: string): string {
  return `source:
  document: docs/example.md
  sha256: ${sha256(DOCUMENT)}
  documentDate: '2025-01-08'
  origin: { repo: owner/docs, path: docs/example.md, commit: ${COMMIT} }
rows:
${rowYaml}`;
}

const ROW = `  - row: 1
    scenario: example
    purpose: Example
    direction: outbound
    scope: server
    destinations: { hosts: [example.com], tcpPorts: '443' }
`;

function inputs(
  changes: { worldwide?: string; yaml?: string; document?: string; provenance?: string } = {},
): BuildInputs {
  const json = JSON.stringify([SET]);
  return {
    sources: {
      worldwide: { name: 'worldwide.json', text: changes.worldwide ?? json },
      china: { name: 'china.json', text: json },
      usgovdod: { name: 'usgovdod.json', text: json },
      usgovgcchigh: { name: 'usgovgcchigh.json', text: json },
    },
    provenance: { name: 'PROVENANCE.md', text: changes.provenance ?? PROVENANCE },
    otherEndpoints: { name: 'other-endpoints.yaml', text: changes.yaml ?? otherEndpoints(ROW) },
    document: { name: 'docs/example.md', text: changes.document ?? DOCUMENT },
  };
}

function buildError(i: BuildInputs): string {
  try {
    buildCatalogue(i);
  } catch (e) {
    if (e instanceof BuildError) return e.message;
    throw e;
  }
  return 'no error';
}

const withSet = (fields: Record<string, unknown>): string =>
  JSON.stringify([{ ...SET, ...fields }]);

describe('buildCatalogue', () => {
  it('builds a catalogue from small inputs', () => {
    const c = buildCatalogue(inputs());
    expect(c.clouds.worldwide.endpointSets[0]).toEqual({
      id: 1,
      serviceArea: 'Exchange',
      serviceAreaDisplayName: 'Exchange Online',
      urls: ['outlook.office.com'],
      ips: ['40.96.0.0/13'],
      tcpPorts: '443,80',
      udpPorts: '',
      tcpPortRanges: [
        [80, 80],
        [443, 443],
      ],
      udpPortRanges: [],
      category: 'Optimize',
      required: true,
      expressRoute: true,
    });
    expect(c.clouds.china.provenance).toEqual({
      sourceFile: 'endpoints/china.json',
      sha256: sha256(JSON.stringify([SET])),
      origin: {
        repo: 'owner/repo',
        path: 'dir/endpoints/china.json',
        commit: COMMIT,
        commitDate: '2025-12-01',
      },
      dataDate: '2025-10-30',
      dataDateSource: { repo: 'other/repo', commit: 'b'.repeat(40) },
      includesMem: false,
    });
    expect(c.otherEndpoints).toEqual([
      {
        row: 1,
        scenario: 'example',
        purpose: 'Example',
        direction: 'outbound',
        scope: 'server',
        destinations: {
          hosts: ['example.com'],
          ips: [],
          tcpPorts: '443',
          udpPorts: '',
          tcpPortRanges: [[443, 443]],
          udpPortRanges: [],
        },
      },
    ]);
  });

  it('keeps the clouds that catalogue update brought newer, and nothing else', () => {
    const built = buildCatalogue(inputs());
    expect(keepUpdated(built, undefined)).toBe(built);
    expect(keepUpdated(built, structuredClone(built))).toBe(built);
    const updated = {
      ...built,
      clientRequestId: '3f2a6c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b',
      clouds: {
        ...built.clouds,
        china: {
          ...built.clouds.china,
          provenance: {
            source: 'web-service' as const,
            serviceUrl: 'https://endpoints.office.com',
            version: '2026022700',
            fetchedAt: '2026-03-01T00:00:00.000Z',
            dataDate: '2026-02-27',
            sha256: 'c'.repeat(64),
            includesMem: true,
          },
        },
      },
    };
    const kept = keepUpdated(built, updated);
    expect(kept.clouds.china).toBe(updated.clouds.china);
    expect(kept.clouds.worldwide).toBe(built.clouds.worldwide);
    expect(kept.clientRequestId).toBe(updated.clientRequestId);
    expect(Object.keys(kept)).toEqual([
      'schemaVersion',
      'clientRequestId',
      'generatedFrom',
      'clouds',
      'otherEndpoints',
    ]);
  });

  it('is deterministic', () => {
    expect(serializeCatalogue(buildCatalogue(inputs()))).toBe(
      serializeCatalogue(buildCatalogue(inputs())),
    );
    expect(serializeCatalogue(buildCatalogue(inputs())).endsWith('}\n')).toBe(true);
  });

  it('reports malformed JSON naming the file', () => {
    expect(buildError(inputs({ worldwide: '[{"id": 1,' }))).toMatch(
      /^worldwide\.json: malformed JSON: .+$/,
    );
  });

  it.each([
    [
      { tcpPorts: '80;4x3' },
      'worldwide.json: endpoint set 1: tcpPorts "80;4x3": "4x3" is not a port or port range',
    ],
    [
      { udpPorts: '70000' },
      'worldwide.json: endpoint set 1: udpPorts "70000": port 70000 is out of range (0-65535)',
    ],
    [{ udpPorts: '*' }, 'worldwide.json: endpoint set 1: udpPorts "*": is not a list of ports'],
    [{ tcpPorts: 443 }, 'worldwide.json: endpoint set 1: "tcpPorts" must be a string'],
    [{ comment: 'x' }, 'worldwide.json: endpoint set 1: unknown field "comment"'],
    [
      { category: 'Fast' },
      'worldwide.json: endpoint set 1: "category" is "Fast", expected one of Optimize, Allow, Default',
    ],
    [{ required: 'yes' }, 'worldwide.json: endpoint set 1: "required" must be true or false'],
    [
      { urls: ['https://outlook.office.com'] },
      'worldwide.json: endpoint set 1: URL "https://outlook.office.com" is not a host pattern: "https://outlook.office.com" has a scheme: remove "https://"',
    ],
    [
      { serviceArea: 'Teams' },
      'worldwide.json: endpoint set 1: "serviceArea" is "Teams", expected one of Common, Exchange, SharePoint, Skype, MEM',
    ],
  ])('rejects %j', (fields, expected) => {
    expect(buildError(inputs({ worldwide: withSet(fields) }))).toBe(expected);
  });

  it('rejects MEM sets where the provenance says they were not requested', () => {
    const i = inputs();
    const china = { name: 'china.json', text: withSet({ serviceArea: 'MEM' }) };
    expect(buildError({ ...i, sources: { ...i.sources, china } })).toBe(
      'china.json: has MEM endpoint sets but PROVENANCE.md says MEM was not requested',
    );
  });

  it('rejects a set id that occurs twice', () => {
    expect(buildError(inputs({ worldwide: JSON.stringify([SET, SET]) }))).toBe(
      'worldwide.json: endpoint set id 1 occurs twice',
    );
  });

  it('rejects provenance without a row for a cloud', () => {
    const text = PROVENANCE.split('\n')
      .filter((l) => !l.includes('china'))
      .join('\n');
    expect(buildError(inputs({ provenance: text }))).toBe(
      'PROVENANCE.md: no row for endpoints/china.json',
    );
  });

  it('rejects an other-endpoints file whose document changed', () => {
    expect(buildError(inputs({ document: `${DOCUMENT}|2|New|\n` }))).toBe(
      `other-endpoints.yaml: docs/example.md has changed (sha256 ${sha256(`${DOCUMENT}|2|New|\n`)}, the rows were checked against ${sha256(DOCUMENT)}): check every row against it and update "sha256"`,
    );
  });

  it.each([
    [
      ROW.replace('scope: server', 'scope: everywhere'),
      'other-endpoints.yaml:11:12: "rows[0].scope" must be one of "server", "client", "trusted-sites"',
    ],
    [
      ROW.replace("tcpPorts: '443'", "tcpPorts: '44x'"),
      'other-endpoints.yaml:12:53: "rows[0].destinations.tcpPorts" is not valid (expected a value matching ^[0-9][0-9, -]*$|^$)',
    ],
    [
      ROW.replace("tcpPorts: '443'", "tcpPorts: '4430000'"),
      'other-endpoints.yaml:7:5: row 1 (example): tcpPorts "4430000": "4430000" is not a port or port range',
    ],
    [
      ROW.replace('[example.com]', '[Example.COM]'),
      'other-endpoints.yaml:7:5: row 1 (example): host "Example.COM" is not written canonically (expected "example.com")',
    ],
    [
      ROW.replace('[example.com]', "['https://example.com']"),
      'other-endpoints.yaml:7:5: row 1 (example): host "https://example.com": "https://example.com" has a scheme: remove "https://"',
    ],
    [
      ROW.replace('hosts: [example.com]', 'ips: [10.0.0.300]'),
      'other-endpoints.yaml:7:5: row 1 (example): address "10.0.0.300": ',
    ],
    [
      ROW + ROW,
      'other-endpoints.yaml:13:5: row 1 (example): part "" of scenario "example" occurs twice',
    ],
    [
      ROW.replace('    scenario', '    part: a\n    scenario') + ROW,
      'other-endpoints.yaml: scenario "example" has several records, so each needs a "part"',
    ],
  ])('rejects a bad record (%#)', (rows, expected) => {
    const message = buildError(inputs({ yaml: otherEndpoints(rows) }));
    if (expected.endsWith(': ')) expect(message.startsWith(expected)).toBe(true);
    else expect(message).toBe(expected);
  });
});

describe('build-catalogue command', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'catalogue-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exits non-zero with one line naming the file when a source is malformed', () => {
    mkdirSync(path.join(dir, 'endpoints'), { recursive: true });
    for (const name of ['worldwide', 'china', 'usgovdod', 'usgovgcchigh']) {
      writeFileSync(path.join(dir, 'endpoints', `${name}.json`), name === 'china' ? '{' : '[]');
    }
    writeFileSync(path.join(dir, 'PROVENANCE.md'), PROVENANCE);
    mkdirSync(path.join(dir, 'docs'), { recursive: true });
    writeFileSync(path.join(dir, 'docs/additional-office365-ip-addresses-and-urls.md'), 'x');
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', SCRIPT, '--reference', dir, '--check'],
      {
        cwd: REPO,
        encoding: 'utf8',
      },
    );
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^build-catalogue: .*endpoints\/china\.json: malformed JSON: /);
  });
});
