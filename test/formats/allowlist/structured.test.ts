import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { Entry, ParsedFile } from '../../../src/model/entry.js';
import { getFormat } from '../../../src/formats/allowlist/index.js';

const schemaPath = path.resolve(import.meta.dirname, '../../../schemas/allowlist.schema.json');

function parseYamlFile(text: string, file = 'allow.yml'): ParsedFile {
  return getFormat('allowlist-yaml')!.parse({ path: file, text });
}

function parseJsonFile(text: string, file = 'allow.json'): ParsedFile {
  return getFormat('allowlist-json')!.parse({ path: file, text });
}

function summary(e: Entry) {
  const key = e.kind === 'host' ? e.pattern.key() : e.kind === 'ip' ? e.block.key() : '';
  const ports = e.ports ? `tcp ${e.ports.tcp} / udp ${e.ports.udp}` : undefined;
  return {
    kind: e.kind,
    key,
    line: e.location.line,
    column: e.location.column,
    ports,
    comment: e.comment,
  };
}

const SAMPLE = `endpoint-drift: allowlist/v1
entries:
  # Exchange Online
  - host: outlook.office365.com
    tcp: [80, 443]            # a list of ports
    udp: 443
    comment: Exchange Online
  - ip: 13.107.6.152/31   # EXO
    tcp: "443"
  # no tcp/udp: all ports
  - host: "*.sharepoint.com"
  - host: teams.microsoft.com
    udp: "3478-3481, 50000-59999"
  - ip: 2603:1006::/40
    tcp: ["80,443", 8080]
    group: ipv6
`;

describe('allowlist-yaml', () => {
  it('reads entries with ports, positions and comments', () => {
    const parsed = parseYamlFile(SAMPLE);
    expect(parsed.problems).toEqual([]);
    expect(parsed.format).toBe('allowlist-yaml');
    expect(parsed.entries.map(summary)).toEqual([
      {
        kind: 'host',
        key: 'outlook.office365.com',
        line: 4,
        column: 11,
        ports: 'tcp 80,443 / udp 443',
        comment: 'Exchange Online',
      },
      {
        kind: 'ip',
        key: '13.107.6.152/31',
        line: 8,
        column: 9,
        ports: 'tcp 443 / udp ',
        comment: 'EXO',
      },
      {
        kind: 'host',
        key: '*.sharepoint.com',
        line: 11,
        column: 12,
        ports: 'tcp any / udp any',
        comment: 'no tcp/udp: all ports',
      },
      {
        kind: 'host',
        key: 'teams.microsoft.com',
        line: 12,
        column: 11,
        ports: 'tcp  / udp 3478-3481,50000-59999',
        comment: undefined,
      },
      {
        kind: 'ip',
        key: '2603:1006::/40',
        line: 14,
        column: 9,
        ports: 'tcp 80,443,8080 / udp ',
        comment: undefined,
      },
    ]);
    expect(parsed.entries[0]!.text).toBe('outlook.office365.com');
    expect(parsed.entries[2]!.text).toBe('*.sharepoint.com');
  });

  it('reads a file without the marker when it has the shape', () => {
    const parsed = parseYamlFile('entries:\n  - host: a.example.com\n');
    expect(parsed.problems).toEqual([]);
    expect(parsed.entries.map((e) => e.text)).toEqual(['a.example.com']);
  });

  it('reads an empty entries list', () => {
    expect(parseYamlFile('endpoint-drift: allowlist/v1\nentries: []\n')).toEqual({
      path: 'allow.yml',
      format: 'allowlist-yaml',
      entries: [],
      problems: [],
    });
  });
});

describe('malformed allowlist-yaml', () => {
  /** Each case is one bad entry between two good ones; [line, column, message] of the problems. */
  const cases: [name: string, entry: string, problems: [number, number, string][]][] = [
    [
      'neither host nor ip',
      '  - tcp: 443',
      [[3, 5, 'an entry needs exactly one of "host" or "ip"']],
    ],
    [
      'both host and ip',
      '  - host: a.com\n    ip: 1.2.3.4',
      [[3, 5, 'an entry needs exactly one of "host" or "ip"']],
    ],
    [
      'misspelt key',
      '  - host: a.com\n    tpc: 443',
      [[4, 5, 'unknown key "tpc" in an entry (expected host, ip, tcp, udp, comment or group)']],
    ],
    [
      'not a mapping',
      '  - a.com',
      [[3, 5, 'an entry must be a mapping with "host" or "ip", not "a.com"']],
    ],
    [
      'port out of range',
      '  - host: a.com\n    tcp: 70000',
      [[4, 10, 'port 70000 is out of range (0-65535)']],
    ],
    [
      'port in a list out of range',
      '  - host: a.com\n    udp: [53, 65536]',
      [[4, 15, 'port 65536 is out of range (0-65535)']],
    ],
    [
      'port string out of range',
      '  - host: a.com\n    tcp: "99999"',
      [[4, 11, 'port 99999 is out of range (0-65535)']],
    ],
    [
      'reversed range',
      '  - host: a.com\n    tcp: "90-80"',
      [[4, 11, 'port range "90-80" ends before it starts']],
    ],
    [
      'not a port',
      '  - host: a.com\n    tcp: [80, http]',
      [[4, 15, '"http" is not a port or port range']],
    ],
    [
      'ports of the wrong type',
      '  - host: a.com\n    tcp: true',
      [[4, 10, '"tcp" must be a port, a string such as "80,443" or a list of them, not true']],
    ],
    ['empty port list', '  - host: a.com\n    udp: []', [[4, 10, '"udp" must not be empty']]],
    ['empty host', '  - host: ""', [[3, 12, '"host" must not be empty']]],
    ['host not a string', '  - host: 42', [[3, 11, '"host" must be a string, not 42']]],
    ['bad host', '  - host: "*.*.com"', [[3, 12, '"*.*.com" has more than one wildcard label']]],
    [
      'bad ip',
      '  - ip: 10.0.0.0/33',
      [[3, 9, 'prefix length 33 is out of range for IPv4 (0-32) in "10.0.0.0/33"']],
    ],
    ['ip that is a host', '  - ip: example.com', [[3, 9, '"example.com" is not an IP address']]],
    [
      'several problems in one entry',
      '  - host: a.com\n    tcp: 70000\n    udp: "x"\n    extra: 1',
      [
        [4, 10, 'port 70000 is out of range (0-65535)'],
        [5, 11, '"x" is not a port or port range'],
        [6, 5, 'unknown key "extra" in an entry (expected host, ip, tcp, udp, comment or group)'],
      ],
    ],
  ];
  it.each(cases)('%s', (_name, entry, expected) => {
    const text = `entries:\n  - host: first.example.com\n${entry}\n  - host: last.example.com\n`;
    const parsed = parseYamlFile(text);
    const problems = parsed.problems.map((p) => [p.location.line, p.location.column, p.message]);
    expect(problems).toEqual(expected);
    expect(parsed.problems.every((p) => p.location.file === 'allow.yml')).toBe(true);
    // The other entries are still read.
    expect(parsed.entries.map((e) => e.text)).toEqual(['first.example.com', 'last.example.com']);
  });

  it.each([
    ['entries: {}', [[1, 10, '"entries" must be a list']]],
    [
      'endpoint-drift: allowlist/v2\nentries: []',
      [[1, 17, 'unsupported marker "allowlist/v2" (expected "allowlist/v1")']],
    ],
    [
      'entries: []\nextras: 1',
      [[2, 1, 'unknown key "extras" (expected endpoint-drift or entries)']],
    ],
    ['endpoint-drift: allowlist/v1', [[1, 1, 'the file needs a list of "entries"']]],
    ['- host: a.com', [[1, 1, 'the file must be a mapping with a list of "entries"']]],
    ['', [[1, 1, 'the file must be a mapping with a list of "entries"']]],
  ])('document %j', (text, expected) => {
    const parsed = parseYamlFile(text);
    expect(parsed.problems.map((p) => [p.location.line, p.location.column, p.message])).toEqual(
      expected,
    );
    expect(parsed.entries).toEqual([]);
  });

  it('reports the first YAML syntax error and still reads what it can', () => {
    const text = 'entries:\n  - host: a.com\n  - host: b.com\n   bad: [\n  - host: c.com\n';
    const parsed = parseYamlFile(text);
    expect(parsed.problems[0]).toEqual({
      location: { file: 'allow.yml', line: 4, column: 1 },
      message: 'invalid YAML: Sequence item without - indicator',
    });
    expect(parsed.entries.map((e) => e.text)).toEqual(['a.com', 'b.com', 'c.com']);
  });

  it('reads entries written as aliases', () => {
    const parsed = parseYamlFile('base: &exo\n  host: a.com\nentries:\n  - *exo\n');
    expect(parsed.problems.map((p) => p.message)).toEqual([
      'unknown key "base" (expected endpoint-drift or entries)',
    ]);
    expect(parsed.entries.map((e) => e.text)).toEqual(['a.com']);
  });

  it('reports duplicate keys', () => {
    const parsed = parseYamlFile('entries:\n  - host: a.com\n    host: b.com\n');
    expect(parsed.problems).toEqual([
      {
        location: { file: 'allow.yml', line: 3, column: 5 },
        message: 'invalid YAML: Map keys must be unique',
      },
    ]);
  });

  it('reports binary content once', () => {
    expect(parseYamlFile('entries:\0').problems).toEqual([
      {
        location: { file: 'allow.yml', line: 0, column: 1 },
        message: '"allow.yml" is not a text file (it contains NUL bytes)',
      },
    ]);
  });
});

describe('allowlist-json', () => {
  const json = `{
  "endpoint-drift": "allowlist/v1",
  "entries": [
    { "host": "outlook.office365.com", "tcp": [80, 443], "comment": "EXO" },
\t\t{ "ip": "13.107.6.152/31", "udp": 443 }
  ]
}`;

  it('reads the same format written as JSON, positions included', () => {
    const parsed = parseJsonFile(json);
    expect(parsed.problems).toEqual([]);
    expect(parsed.format).toBe('allowlist-json');
    expect(parsed.entries.map(summary)).toEqual([
      {
        kind: 'host',
        key: 'outlook.office365.com',
        line: 4,
        column: 16,
        ports: 'tcp 80,443 / udp ',
        comment: 'EXO',
      },
      {
        kind: 'ip',
        key: '13.107.6.152/31',
        line: 5,
        column: 12,
        ports: 'tcp  / udp 443',
        comment: undefined,
      },
    ]);
  });

  it.each([
    [
      '{"entries": [{"host": "a.com"},\n {"host": "b.com"},]}',
      [2, 19, 'invalid JSON: trailing comma before "]"'],
      ['a.com', 'b.com'],
    ],
    [
      '{"entries": [{"host": "a.com"}\n {"host": "b.com"}]}',
      [2, 2, 'invalid JSON: expected "," or "]", found "{"'],
      [],
    ],
    ['// comment\n{"entries": []}', [1, 1, 'invalid JSON: expected a value, found "/"'], []],
    ["{'entries': []}", [1, 2, 'invalid JSON: expected a quoted property name, found "\'"'], []],
  ])('reports JSON syntax errors as JSON: %j', (text, [line, column, message], readable) => {
    const parsed = parseJsonFile(text);
    expect(parsed.problems[0]).toEqual({ location: { file: 'allow.json', line, column }, message });
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.entries.map((e) => e.text)).toEqual(readable);
  });

  it('names JSON types in schema messages', () => {
    const parsed = parseJsonFile('{"entries": [{"host": "a.com", "tcp": {}}, 5]}');
    expect(parsed.problems.map((p) => p.message)).toEqual([
      '"tcp" must be a port, a string such as "80,443" or an array of them, not {}',
      'an entry must be an object with "host" or "ip", not 5',
    ]);
  });
});

describe('schemas/allowlist.schema.json', () => {
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as object;
  const validate = new Ajv2020({
    strict: true,
    strictRequired: false,
    allowUnionTypes: true,
  }).compile(schema);

  it('accepts the documented example', () => {
    expect(validate(parseYaml(SAMPLE))).toBe(true);
  });

  it.each([
    [{ entries: [{ host: 'a.com', ip: '1.2.3.4' }] }],
    [{ entries: [{ tcp: 443 }] }],
    [{ entries: [{ host: 'a.com', tcp: 65536 }] }],
    [{ entries: [{ host: 'a.com', tcp: 'http' }] }],
    [{ entries: [{ host: 'a.com', udp: [] }] }],
    [{ entries: [{ host: 'a.com', note: 'x' }] }],
    [{ 'endpoint-drift': 'allowlist/v2', entries: [] }],
    [{}],
  ])('rejects %j', (data) => {
    expect(validate(data)).toBe(false);
  });

  it('says in its description that no tcp/udp key means all ports', () => {
    const entry = (schema as { $defs: { entry: { description: string } } }).$defs.entry;
    expect(entry.description).toContain('neither a tcp nor a udp key allows all ports');
  });
});

describe('duplicate keys', () => {
  it('reads the entries that YAML keeps (the last of duplicate keys) at their own lines', () => {
    const text = [
      'endpoint-drift: allowlist/v1',
      'entries:',
      '  - host: a.example',
      '  - host: b.example',
      'entries:',
      '  - host: c.example',
      '',
    ].join('\n');
    const parsed = getFormat('allowlist-yaml')!.parse({ path: 'a.yaml', text });
    expect(parsed.problems.map((p) => [p.location.line, p.location.column, p.message])).toEqual([
      [5, 1, 'invalid YAML: Map keys must be unique'],
    ]);
    expect(parsed.entries.map((e) => [e.text, e.location.line, e.location.column])).toEqual([
      ['c.example', 6, 11],
    ]);
  });
});
