import { describe, expect, it } from 'vitest';
import type { Entry, ParsedFile } from '../../../src/model/entry.js';
import { KUBERNETES } from '../../../src/formats/allowlist/kubernetes.js';

function parse(text: string, file = 'policy.yaml'): ParsedFile {
  return KUBERNETES.parse({ path: file, text });
}

function summary(e: Entry) {
  return {
    text: e.text,
    line: e.location.line,
    column: e.location.column,
    key: e.kind === 'host' ? e.pattern.key() : e.kind === 'ip' ? e.block.key() : '',
    ports: e.ports ? `tcp ${e.ports.tcp} / udp ${e.ports.udp}` : undefined,
  };
}

const problems = (p: ParsedFile) =>
  p.problems.map((x) => [x.location.line, x.location.column, x.severity ?? 'error', x.message]);

const networkPolicy = (...egress: string[]) =>
  [
    'apiVersion: networking.k8s.io/v1',
    'kind: NetworkPolicy',
    'metadata:',
    '  name: m365',
    'spec:',
    '  podSelector: {}',
    '  policyTypes: [Egress]',
    '  egress:',
    ...egress.map((l) => `    ${l}`),
  ].join('\n');

const cilium = (...egress: string[]) =>
  [
    'apiVersion: cilium.io/v2',
    'kind: CiliumNetworkPolicy',
    'metadata:',
    '  name: m365',
    'spec:',
    '  endpointSelector: {}',
    '  egress:',
    ...egress.map((l) => `    ${l}`),
  ].join('\n');

describe('kubernetes: valid input', () => {
  const cases: [name: string, text: string, entries: ReturnType<typeof summary>[]][] = [
    [
      'NetworkPolicy ipBlock CIDRs with ports, protocols and endPort',
      networkPolicy(
        '- to:',
        '    - ipBlock:',
        '        cidr: 13.107.6.152/31',
        '    - ipBlock:',
        '        cidr: "2603:1006::/40"',
        '    - podSelector: {}',
        '  ports:',
        '    - protocol: TCP',
        '      port: 443',
        '    - protocol: UDP',
        '      port: 3478',
        '      endPort: 3481',
        '- to:',
        '    - ipBlock: { cidr: 52.112.0.0/14 }',
      ),
      [
        {
          text: '13.107.6.152/31',
          line: 11,
          column: 19,
          key: '13.107.6.152/31',
          ports: 'tcp 443 / udp 3478-3481',
        },
        {
          text: '2603:1006::/40',
          line: 13,
          column: 20,
          key: '2603:1006::/40',
          ports: 'tcp 443 / udp 3478-3481',
        },
        {
          text: '52.112.0.0/14',
          line: 22,
          column: 28,
          key: '52.112.0.0/14',
          ports: 'tcp any / udp any',
        },
      ],
    ],
    [
      'an except list: what remains of the block, as CIDRs',
      networkPolicy(
        '- to:',
        '    - ipBlock:',
        '        cidr: 52.96.0.0/12',
        '        except: [52.100.0.0/14]',
      ),
      [
        {
          text: '52.96.0.0/14',
          line: 11,
          column: 19,
          key: '52.96.0.0/14',
          ports: 'tcp any / udp any',
        },
        {
          text: '52.104.0.0/13',
          line: 11,
          column: 19,
          key: '52.104.0.0/13',
          ports: 'tcp any / udp any',
        },
      ],
    ],
    [
      'an except list of private ranges: the block as written',
      networkPolicy(
        '- to:',
        '    - ipBlock:',
        '        cidr: 0.0.0.0/0',
        '        except: [10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16]',
      ),
      [{ text: '0.0.0.0/0', line: 11, column: 19, key: '0.0.0.0/0', ports: 'tcp any / udp any' }],
    ],
    [
      'Cilium toFQDNs, toCIDR and toCIDRSet with toPorts',
      cilium(
        '- toFQDNs:',
        '    - matchName: outlook.office365.com',
        "    - matchPattern: '**.lync.com'",
        '    - matchPattern: "api-*.teams.microsoft.com"',
        '  toPorts:',
        '    - ports:',
        '        - port: "443"',
        '          protocol: TCP',
        '        - port: "3478"',
        '          protocol: ANY',
        '- toCIDR: [20.190.128.0/18, 40.126.0.0/18]',
        '  toCIDRSet:',
        '    - cidr: 2603:1006::/40',
      ),
      [
        {
          text: 'outlook.office365.com',
          line: 9,
          column: 22,
          key: 'outlook.office365.com',
          ports: 'tcp 443,3478 / udp 3478',
        },
        {
          text: '**.lync.com',
          line: 10,
          column: 26,
          key: '*.lync.com',
          ports: 'tcp 443,3478 / udp 3478',
        },
        {
          text: 'api-*.teams.microsoft.com',
          line: 11,
          column: 26,
          key: 'api-*.teams.microsoft.com',
          ports: 'tcp 443,3478 / udp 3478',
        },
        {
          text: '20.190.128.0/18',
          line: 18,
          column: 16,
          key: '20.190.128.0/18',
          ports: 'tcp any / udp any',
        },
        {
          text: '40.126.0.0/18',
          line: 18,
          column: 33,
          key: '40.126.0.0/18',
          ports: 'tcp any / udp any',
        },
        {
          text: '2603:1006::/40',
          line: 20,
          column: 17,
          key: '2603:1006::/40',
          ports: 'tcp any / udp any',
        },
      ],
    ],
  ];

  it.each(cases)('%s', (_name, text, expected) => {
    const parsed = parse(text);
    expect(parsed.problems).toEqual([]);
    expect(parsed.entries.map(summary)).toEqual(expected);
  });

  it('reads several documents and lists, and keeps comments', () => {
    const parsed = parse(
      [
        'apiVersion: v1',
        'kind: ConfigMap',
        'metadata: { name: other }',
        '---',
        'apiVersion: v1',
        'kind: List',
        'items:',
        '  - apiVersion: cilium.io/v2',
        '    kind: CiliumClusterwideNetworkPolicy',
        '    metadata: { name: teams }',
        '    specs:',
        '      - egress:',
        '          - toFQDNs:',
        '              # Teams',
        '              - matchName: teams.microsoft.com',
        '              - matchName: teams.cloud.microsoft  # new name',
        '---',
        'apiVersion: networking.k8s.io/v1',
        'kind: NetworkPolicy',
        'metadata: { name: exo }',
        'spec:',
        '  ingress:',
        '    - from: [{ ipBlock: { cidr: 10.0.0.0/8 } }]',
      ].join('\n'),
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.entries.map((e) => [e.text, e.location.line, e.comment])).toEqual([
      ['teams.microsoft.com', 15, 'Teams\negress rule of CiliumClusterwideNetworkPolicy "teams"'],
      [
        'teams.cloud.microsoft',
        16,
        'new name\negress rule of CiliumClusterwideNetworkPolicy "teams"',
      ],
    ]);
  });
});

describe('kubernetes: malformed and unsupported input', () => {
  const cases: [name: string, text: string, expected: unknown[][]][] = [
    [
      'a bare address where Kubernetes wants a CIDR',
      networkPolicy('- to:', '    - ipBlock: { cidr: 1.2.3.4 }'),
      [[10, 28, 'error', '"1.2.3.4" is not a CIDR (write "1.2.3.4/32")']],
    ],
    [
      'a malformed CIDR',
      networkPolicy('- to:', '    - ipBlock: { cidr: 10.0.0.0/33 }'),
      [[10, 28, 'error', 'prefix length 33 is out of range for IPv4 (0-32) in "10.0.0.0/33"']],
    ],
    [
      'an except outside its block',
      networkPolicy('- to:', '    - ipBlock: { cidr: 10.0.0.0/8, except: [11.0.0.0/8] }'),
      [[10, 49, 'error', 'except "11.0.0.0/8" is not inside "10.0.0.0/8"']],
    ],
    [
      'an ipBlock without a cidr',
      networkPolicy('- to:', '    - ipBlock: { except: [10.0.0.0/8] }'),
      [[10, 20, 'error', 'an ipBlock needs a "cidr"']],
    ],
    [
      'a port out of range',
      networkPolicy('- to:', '    - ipBlock: { cidr: 10.0.0.0/8 }', '  ports: [{ port: 70000 }]'),
      [[11, 23, 'error', 'port 70000 is out of range (0-65535)']],
    ],
    [
      'a named port',
      networkPolicy('- to:', '    - ipBlock: { cidr: 10.0.0.0/8 }', '  ports: [{ port: https }]'),
      [[11, 23, 'notice', '"https" is a named port, which is not compared; read as every port']],
    ],
    [
      'a wildcard in matchName',
      cilium('- toFQDNs: [{ matchName: "*.office.com" }]'),
      [
        [
          8,
          31,
          'error',
          '"*.office.com" has a "*", which matchName does not read; use matchPattern',
        ],
      ],
    ],
    [
      'a malformed name',
      cilium('- toFQDNs: [{ matchName: "a..office.com" }]'),
      [[8, 31, 'error', '"a..office.com" has an empty label']],
    ],
    [
      'egress that is not a list',
      cilium('x: 1').replace('  egress:\n    x: 1', '  egress: 5'),
      [[7, 11, 'error', '"egress" must be a list of rules']],
    ],
    [
      'a YAML syntax error',
      'kind: NetworkPolicy\nspec: [\n',
      [
        [
          3,
          1,
          'error',
          'invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
        ],
      ],
    ],
    [
      'no policy at all',
      'apiVersion: v1\nkind: ConfigMap\n',
      [
        [
          0,
          1,
          'error',
          '"policy.yaml" holds no NetworkPolicy, CiliumNetworkPolicy or CiliumClusterwideNetworkPolicy',
        ],
      ],
    ],
  ];

  it.each(cases)('%s', (_name, text, expected) => {
    expect(problems(parse(text))).toEqual(expected);
  });
});

describe('kubernetes: detection', () => {
  const cases: [path: string, text: string, score: number][] = [
    ['k8s/egress.yaml', networkPolicy('- to: []'), 10],
    ['k8s/egress.yml', cilium('- toCIDR: []'), 10],
    ['k8s/egress.json', '{"kind": "CiliumClusterwideNetworkPolicy"}', 10],
    ['k8s/deploy.yaml', 'kind: Deployment\n', 0],
    ['policy.txt', 'kind: NetworkPolicy\n', 0],
  ];
  it.each(cases)('%s', (file, text, score) => {
    expect(KUBERNETES.detect({ path: file, text })).toBe(score);
  });

  it('declares hosts and addresses with ports, protocols, IPv6 and comments', () => {
    expect(KUBERNETES.capabilities).toEqual({
      hosts: true,
      ips: true,
      ipv6: true,
      ports: true,
      protocols: true,
      comments: true,
    });
  });
});
