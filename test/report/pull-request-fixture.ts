import { assess, type Assessment } from '../../src/diff/assess.js';
import type { Result } from '../../src/diff/engine.js';
import type { Finding } from '../../src/model/finding.js';

/** A hostile file name: table pipes, backticks, HTML, a link, a mention, a newline. */
export const EVIL = 'net/a|b`<img src=x>`[x](http://e.example)@team\n.txt';

export function finding(
  line: number,
  entry: string,
  ruleId: Finding['ruleId'] = 'extraneous-entry',
  file = EVIL,
): Finding {
  return {
    ruleId,
    severity:
      ruleId === 'missing-endpoint' ? 'error' : ruleId === 'redundant-entry' ? 'notice' : 'warning',
    message: `"${entry}" matches nothing in the Worldwide catalogue`,
    location: { file, line, column: 1 },
    entry,
  };
}

export function result(findings: Finding[]): Result {
  return {
    catalogue: {
      instance: 'worldwide',
      dataDate: '2025-09-29',
      origin: 'embedded',
      source: 'test',
      selection: {
        instance: 'worldwide',
        serviceAreas: ['Exchange'],
        categories: ['Optimize', 'Allow'],
        includeOptional: false,
        ipv6: true,
        scenarios: [],
      },
      requirements: { hosts: 1, ips: 1 },
    },
    files: [
      {
        path: EVIL,
        format: 'plain',
        kind: 'allowlist',
        group: 'proxy',
        scope: 'dedicated',
        entries: 3,
      },
    ],
    findings,
    notes: [],
  };
}

export function fixture(n = 0): Assessment {
  const head = [
    finding(2, 'pre.example'),
    finding(3, 'new|<b>.example'),
    finding(4, 'waived.example'),
    ...Array.from({ length: n }, (_, i) => finding(10 + i, `host${i}.${'x'.repeat(200)}.example`)),
  ];
  return assess({
    result: result(head),
    baseFindings: [finding(7, 'pre.example'), finding(8, 'gone.example')],
    base: { compared: true, sha: 'f'.repeat(40), source: 'git' },
    failOn: 'warning',
    onlyNew: true,
    ignore: [
      {
        value: 'waived.example',
        reason: 'vendor | <script>',
        origin: { file: 'c.yml', line: 3, column: 5 },
      },
    ],
    comments: new Map(),
    today: '2026-12-05',
  });
}

export const LINKS = {
  serverUrl: 'https://github.com',
  repository: 'contoso/network',
  sha: 'e'.repeat(40),
};
