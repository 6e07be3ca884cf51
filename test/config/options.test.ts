import { describe, expect, it } from 'vitest';
import { ConfigError, resolveOptions } from '../../src/config/options.js';

const file = (text: string) => ({ path: '.github/endpoint-drift.yml', text });

function problems(text: string, overrides = {}): readonly string[] {
  try {
    resolveOptions(file(text), overrides);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  return [];
}

describe('resolveOptions', () => {
  it('fills in the schema defaults', () => {
    const o = resolveOptions(undefined, {});
    expect(o).toEqual({
      instance: 'worldwide',
      serviceAreas: ['Common', 'Exchange', 'SharePoint', 'Skype'],
      categories: ['Optimize', 'Allow', 'Default'],
      includeOptional: false,
      ipv6: true,
      scenarios: [],
      failOn: 'error',
      catalogue: 'embedded',
      catalogueCache: '.endpoint-drift-cache',
      minSeverity: 'notice',
      allowlists: [],
      dns: [],
      domains: [],
      onlyNew: false,
      comment: 'on-failure',
      annotations: 'check-run',
      suggestions: true,
      ignore: [],
    });
  });

  it('reads the file and records where each allowlist was configured', () => {
    const o = resolveOptions(
      file(
        [
          'instance: china',
          'allowlists:',
          '  - path: network/*.txt',
          '    scope: mixed',
          '  - path: fw.yaml',
          '    group: firewall',
        ].join('\n'),
      ),
      {},
    );
    expect(o.instance).toBe('china');
    expect(o.allowlists).toEqual([
      {
        path: 'network/*.txt',
        format: 'auto',
        scope: 'mixed',
        group: 'default',
        origin: { file: '.github/endpoint-drift.yml', line: 3, column: 5 },
      },
      {
        path: 'fw.yaml',
        format: 'auto',
        scope: 'dedicated',
        group: 'firewall',
        origin: { file: '.github/endpoint-drift.yml', line: 5, column: 5 },
      },
    ]);
  });

  it('lets inputs and flags override the file, which overrides the defaults', () => {
    const o = resolveOptions(file('instance: china\nipv6: false\nfail-on: warning\n'), {
      instance: 'USGovDoD',
      'service-areas': 'exchange, common',
      'include-optional': 'true',
      'fail-on': '',
    });
    expect(o.instance).toBe('usgovdod');
    expect(o.serviceAreas).toEqual(['Exchange', 'Common']);
    expect(o.includeOptional).toBe(true);
    expect(o.ipv6).toBe(false);
    expect(o.failOn).toBe('warning');
  });

  it('replaces the configured allowlists with those given as inputs', () => {
    const o = resolveOptions(file('allowlists:\n  - path: a.txt\n'), {}, ['b.txt', 'c/*.txt']);
    expect(o.allowlists.map((a) => a.path)).toEqual(['b.txt', 'c/*.txt']);
    expect(o.allowlists[0]!.origin).toBeUndefined();
  });

  it.each([
    [
      'instance: mars\n',
      [
        '.github/endpoint-drift.yml:1:11: "instance" must be one of "worldwide", "china", "usgovdod", "usgovgcchigh"',
      ],
    ],
    ['ipv6: maybe\n', ['.github/endpoint-drift.yml:1:7: "ipv6" must be true or false']],
    ['colour: blue\n', ['.github/endpoint-drift.yml:1:1: unknown key "colour"']],
    [
      'allowlists:\n  - path: a.txt\n    scope: everything\n  - format: plain\n',
      [
        '.github/endpoint-drift.yml:3:12: "allowlists[0].scope" must be one of "dedicated", "mixed"',
        '.github/endpoint-drift.yml:4:5: "allowlists[1]" needs the key "path"',
      ],
    ],
    [
      'service-areas: [Exchange, Teams]\n',
      [
        '.github/endpoint-drift.yml:1:27: "service-areas[1]" must be one of "Common", "Exchange", "SharePoint", "Skype", "MEM"',
      ],
    ],
    [
      'instance: [worldwide\n',
      [
        '.github/endpoint-drift.yml:2:1: Flow sequence in block collection must be sufficiently indented and end with a ]',
      ],
    ],
    [
      '- a\n- b\n',
      ['.github/endpoint-drift.yml:1:1: the configuration must be a mapping of options'],
    ],
    [
      'instance: china\ninstance: worldwide\n',
      ['.github/endpoint-drift.yml:2:1: Map keys must be unique'],
    ],
  ])('reports %j at file:line:column', (text, expected) => {
    expect(problems(text)).toEqual(expected);
  });

  it('reads DNS files and domains, with flags replacing the files', () => {
    const o = resolveOptions(
      file(
        [
          'dns:',
          '  - path: zones/*.zone',
          '    options: { origin: contoso.com }',
          'domains:',
          '  - domain: Contoso.com.',
          '    services: [exchange, dkim]',
          '    mx-token: contoso-com',
        ].join('\n'),
      ),
      {},
    );
    expect(o.dns).toEqual([
      {
        path: 'zones/*.zone',
        format: 'auto',
        options: { origin: 'contoso.com' },
        origin: { file: '.github/endpoint-drift.yml', line: 2, column: 5 },
        origins: {
          options: { file: '.github/endpoint-drift.yml', line: 3, column: 14 },
          optionsKey: { file: '.github/endpoint-drift.yml', line: 3, column: 5 },
          optionPlaces: new Map([
            ['', { value: { file: '.github/endpoint-drift.yml', line: 3, column: 14 } }],
            [
              '/origin',
              {
                key: { file: '.github/endpoint-drift.yml', line: 3, column: 16 },
                value: { file: '.github/endpoint-drift.yml', line: 3, column: 24 },
              },
            ],
          ]),
        },
      },
    ]);
    expect(o.domains).toEqual([
      { domain: 'contoso.com', services: ['exchange', 'dkim'], mxToken: 'contoso-com' },
    ]);
    expect(resolveOptions(file('dns:\n  - path: a.zone\n'), {}, [], ['b.zone']).dns).toEqual([
      { path: 'b.zone', format: 'auto' },
    ]);
    expect(problems('domains:\n  - domain: a.com\n    services: [fax]\n')).toEqual([
      '.github/endpoint-drift.yml:3:16: "domains[0].services[0]" must be one of "exchange", "teams", "intune", "dkim"',
    ]);
  });

  it('treats an empty file as no options', () => {
    expect(resolveOptions(file(''), {}).instance).toBe('worldwide');
    expect(resolveOptions(file('# only a comment\n'), {}).instance).toBe('worldwide');
  });

  it('names the flag for a bad override', () => {
    expect(problems('', { ipv6: 'sometimes' })).toEqual([
      '--ipv6: expected true or false, got "sometimes"',
    ]);
    expect(problems('', { 'fail-on': 'panic' })).toEqual([
      '--fail-on: "fail-on" must be one of "error", "warning", "notice", "never"',
    ]);
    expect(problems('', { tenant: 'Not A Label' })).toHaveLength(1);
  });
});
