import { describe, expect, it } from 'vitest';
import {
  ALLOWLIST_FORMATS,
  formatIds,
  getFormat,
  resolveFormat,
} from '../../../src/formats/allowlist/index.js';
import { type SourceFile } from '../../../src/formats/format.js';

const IDS = [
  'plain',
  'pan-edl',
  'fortigate',
  'pfblockerng',
  'allowlist-yaml',
  'allowlist-json',
  'pac',
  'squid',
  'nftables',
  'iptables-save',
  'kubernetes',
  'csv',
  'terraform',
  'bicep',
  'arm',
  'm365-endpoints-json',
];

function detected(file: SourceFile): string {
  const resolved = resolveFormat(file, 'auto');
  return 'format' in resolved ? resolved.format.id : resolved.error;
}

describe('registry', () => {
  it('lists the formats in a stable order', () => {
    expect(formatIds()).toEqual(IDS);
    expect(new Set(formatIds()).size).toBe(ALLOWLIST_FORMATS.length);
  });

  it.each(IDS)('%s describes itself', (id) => {
    const format = getFormat(id)!;
    expect(format.id).toBe(id);
    expect(format.title).not.toBe('');
    expect(format.filePatterns.length).toBeGreaterThan(0);
    for (const pattern of format.filePatterns) expect(pattern).toMatch(/^[a-z*][\w.*-]*$/);
    expect(format.parse({ path: 'x', text: '' }).format).toBe(id);
  });

  it('knows no format by an unknown id', () => {
    expect(getFormat('squidgy')).toBeUndefined();
  });
});

describe('detection', () => {
  const cases: [path: string, text: string, format: string][] = [
    ['lists/m365.txt', 'outlook.office365.com\n*.sharepoint.com\n13.107.6.152/31\n', 'plain'],
    ['lists/m365.lst', '# comment\na.com # inline\n', 'plain'],
    ['lists/m365', 'a.example.com\n', 'plain'],
    ['edl/m365-ips.txt', '13.107.6.152/31\n52.96.0.0/14\n', 'plain'],
    ['lists/urls.txt', '^.example.com\nexample.com\n', 'pan-edl'],
    ['lists/ips.txt', '192.168.20.0/24 test internal subnet\n', 'pan-edl'],
    ['firewall/paloalto/m365.txt', 'a.example.com\n', 'pan-edl'],
    ['lists/domains.txt', 'mail.*.example.com\n*-special.example.com\n', 'fortigate'],
    ['fortigate/threat-feed.txt', 'a.example.com\n', 'fortigate'],
    ['pfsense/pfblockerng/whitelist.txt', 'office365.com # Office\n', 'pfblockerng'],
    ['dnsbl-allow.txt', 'office365.com\n', 'pfblockerng'],
    ['allow.yml', 'endpoint-drift: allowlist/v1\nentries: []\n', 'allowlist-yaml'],
    ['allow.yaml', '# ours\nentries:\n  # first\n  - host: a.example.com\n', 'allowlist-yaml'],
    ['allow.json', '{"endpoint-drift": "allowlist/v1", "entries": []}', 'allowlist-json'],
    ['allow.json', '{\n  "entries": [\n    { "ip": "10.0.0.0/8" }\n  ]\n}', 'allowlist-json'],
    [
      '.github/workflows/ci.yml',
      'on: push\njobs: {}\n',
      'cannot tell the format of ".github/workflows/ci.yml"; set its format to one of: plain, pan-edl, fortigate, pfblockerng, allowlist-yaml, allowlist-json, pac, squid, nftables, iptables-save, kubernetes, csv, terraform, bicep, arm, m365-endpoints-json',
    ],
    [
      'package.json',
      '{"name": "x"}',
      'cannot tell the format of "package.json"; set its format to one of: plain, pan-edl, fortigate, pfblockerng, allowlist-yaml, allowlist-json, pac, squid, nftables, iptables-save, kubernetes, csv, terraform, bicep, arm, m365-endpoints-json',
    ],
  ];
  it.each(cases)('%s', (path, text, format) => {
    expect(detected({ path, text })).toBe(format);
  });

  it.each([
    ['lists/m365.txt', 'a.example.com\n', [2, 0, 0, 0, 0, 0]],
    ['lists/m365', 'a.example.com\n', [1, 0, 0, 0, 0, 0]],
    ['lists/urls.edl', '^.example.com\n', [1, 3, 0, 0, 0, 0]],
    ['fortinet/pfblocker.txt', 'a.example.com\n', [2, 0, 4, 4, 0, 0]],
    ['allow.yml', 'endpoint-drift: allowlist/v1\nentries: []\n', [0, 0, 0, 0, 10, 0]],
    ['allow.yml', 'entries:\n- ip: 10.0.0.0/8\n', [0, 0, 0, 0, 5, 0]],
  ])('scores %s', (path, text, scores) => {
    // The list formats and our own; the other formats do not claim these files at all.
    expect(ALLOWLIST_FORMATS.slice(0, 6).map((f) => f.detect({ path, text }))).toEqual(scores);
    expect(ALLOWLIST_FORMATS.slice(6).map((f) => f.detect({ path, text }))).toEqual(
      ALLOWLIST_FORMATS.slice(6).map(() => 0),
    );
  });

  it('breaks ties by the order of the registry', () => {
    // Both name-based detectors claim this path; the earlier one wins.
    expect(detected({ path: 'fortinet/pfblocker.txt', text: 'a.example.com\n' })).toBe('fortigate');
  });
});

describe('resolveFormat', () => {
  it('lets an explicit format win over detection', () => {
    const file = { path: 'allow.yml', text: 'endpoint-drift: allowlist/v1\nentries: []\n' };
    const resolved = resolveFormat(file, 'plain');
    expect('format' in resolved && resolved.format.id).toBe('plain');
  });

  it('lists the supported ids for an unknown one', () => {
    expect(resolveFormat({ path: 'a.txt', text: '' }, 'squidgy')).toEqual({
      error:
        'unknown format "squidgy"; did you mean "squid"? (supported: auto, plain, pan-edl, fortigate, pfblockerng, allowlist-yaml, allowlist-json, pac, squid, nftables, iptables-save, kubernetes, csv, terraform, bicep, arm, m365-endpoints-json)',
    });
  });
});
