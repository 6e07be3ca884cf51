import { describe, expect, it } from 'vitest';
import type { Entry, ParsedFile } from '../../../src/model/entry.js';
import { getFormat } from '../../../src/formats/allowlist/index.js';

function parse(format: string, text: string, path = 'list.txt'): ParsedFile {
  return getFormat(format)!.parse({ path, text });
}

/** The parts of an entry a reader cares about, with the model's canonical key. */
function summary(e: Entry) {
  const key = e.kind === 'host' ? e.pattern.key() : e.kind === 'ip' ? e.block.key() : '';
  return {
    kind: e.kind,
    text: e.text,
    line: e.location.line,
    column: e.location.column,
    comment: e.comment,
    key,
  };
}

describe('plain', () => {
  it('reads hosts, wildcards, leading dots, addresses, prefixes and ranges with their comments', () => {
    const text = [
      '\uFEFF# Microsoft 365',
      '# ==============',
      'outlook.office365.com',
      '*.tenor.com  # For GIFs',
      '',
      '  .office.com',
      '13.107.6.152/31\t',
      '10.0.0.1-10.0.0.9 ; a range',
      '2603:1006::/40',
      '10.1.2.3/8',
      '; semicolon comment',
      '// slash comment',
      'EXAMPLE.com.  ',
      '',
    ].join('\r\n');
    const parsed = parse('plain', text);
    expect(parsed.problems).toEqual([]);
    expect(parsed.format).toBe('plain');
    expect(parsed.entries.map(summary)).toEqual([
      {
        kind: 'host',
        text: 'outlook.office365.com',
        line: 3,
        column: 1,
        comment: 'Microsoft 365',
        key: 'outlook.office365.com',
      },
      {
        kind: 'host',
        text: '*.tenor.com',
        line: 4,
        column: 1,
        comment: 'For GIFs',
        key: '*.tenor.com',
      },
      {
        kind: 'host',
        text: '.office.com',
        line: 6,
        column: 3,
        comment: undefined,
        key: '.office.com',
      },
      {
        kind: 'ip',
        text: '13.107.6.152/31',
        line: 7,
        column: 1,
        comment: undefined,
        key: '13.107.6.152/31',
      },
      {
        kind: 'ip',
        text: '10.0.0.1-10.0.0.9',
        line: 8,
        column: 1,
        comment: 'a range',
        key: '10.0.0.1-10.0.0.9',
      },
      {
        kind: 'ip',
        text: '2603:1006::/40',
        line: 9,
        column: 1,
        comment: undefined,
        key: '2603:1006::/40',
      },
      {
        kind: 'ip',
        text: '10.1.2.3/8',
        line: 10,
        column: 1,
        comment: undefined,
        key: '10.1.2.3/8',
      },
      {
        kind: 'host',
        text: 'EXAMPLE.com.',
        line: 13,
        column: 1,
        comment: 'semicolon comment\nslash comment',
        key: 'example.com',
      },
    ]);
    const hostBits = parsed.entries[6]!;
    expect(hostBits.kind === 'ip' && hostBits.block.hasHostBits).toBe(true);
    expect(parsed.entries.every((e) => e.ports === undefined)).toBe(true);
  });

  it('gives a comment block only to the entry right below it', () => {
    const parsed = parse('plain', '# Teams\na.com\nb.com\n\n# gap\n\nc.com\n');
    expect(parsed.entries.map((e) => e.comment)).toEqual(['Teams', undefined, undefined]);
  });

  it('reads an empty file and a comment-only file as no entries', () => {
    expect(parse('plain', '')).toEqual({
      path: 'list.txt',
      format: 'plain',
      entries: [],
      problems: [],
    });
    expect(parse('plain', '# nothing\n\n').entries).toEqual([]);
  });
});

describe('malformed lines', () => {
  const cases: [format: string, line: string, column: number, message: string, text: string][] = [
    ['plain', '300.1.1.1', 1, 'octet 300 is out of range (0-255) in "300.1.1.1"', '300.1.1.1'],
    [
      'plain',
      '10.0.0.0/33',
      1,
      'prefix length 33 is out of range for IPv4 (0-32) in "10.0.0.0/33"',
      '10.0.0.0/33',
    ],
    ['plain', '  *.*.com', 3, '"*.*.com" has more than one wildcard label', '*.*.com'],
    ['plain', 'out look.com', 5, 'unexpected text after the entry: "look.com"', 'look.com'],
    ['plain', 'http://x.com', 1, '"http://x.com" has a scheme: remove "http://"', 'http://x.com'],
    ['plain', 'x.com:99999', 1, '"x.com:99999" has a port: remove ":99999"', 'x.com:99999'],
    ['plain', 'x.com/path', 1, '"x.com/path" has a path: remove "/path"', 'x.com/path'],
    ['plain', 'a..b.com', 1, '"a..b.com" has an empty label', 'a..b.com'],
    [
      'plain',
      'exa_mple!.com',
      1,
      '"exa_mple!.com" contains "!", which is not allowed in a host name',
      'exa_mple!.com',
    ],
    [
      'plain',
      '10.0.0.9-10.0.0.1',
      1,
      'range "10.0.0.9-10.0.0.1" ends before it starts',
      '10.0.0.9-10.0.0.1',
    ],
    [
      'plain',
      '^.example.com',
      1,
      '"^.example.com" contains "^", which is not allowed in a host name',
      '^.example.com',
    ],
    [
      'pan-edl',
      'http://x.com/a',
      1,
      '"http://x.com/a" has a scheme: remove "http://"',
      'http://x.com/a',
    ],
    [
      'pan-edl',
      '1.2.3.4/40 too long',
      1,
      'prefix length 40 is out of range for IPv4 (0-32) in "1.2.3.4/40"',
      '1.2.3.4/40',
    ],
    ['fortigate', 'a.com b.com', 7, 'unexpected text after the entry: "b.com"', 'b.com'],
    ['fortigate', '*.*.com', 1, '"*.*.com" has more than one wildcard label', '*.*.com'],
    [
      'pfblockerng',
      '13.107.6.152',
      1,
      '"13.107.6.152" is an IP address; a DNSBL whitelist takes domain names only',
      '13.107.6.152',
    ],
    [
      'pfblockerng',
      '*.example.com',
      1,
      '"*.example.com" has a "*" wildcard, which a DNSBL whitelist does not read; ".example.com" or "example.com" covers the domain and its subdomains',
      '*.example.com',
    ],
  ];
  it.each(cases)('%s: %j', (format, line, column, message, text) => {
    const parsed = parse(format, `ok.example.com\n${line}\nnext.example.com\n`);
    expect(parsed.problems).toEqual([
      { location: { file: 'list.txt', line: 2, column }, message, text },
    ]);
    // Parsing goes on with the next line.
    expect(parsed.entries.map((e) => e.text)).toEqual(['ok.example.com', 'next.example.com']);
  });

  it('reports binary and non-UTF-8 text once, at line 0', () => {
    for (const format of ['plain', 'pan-edl', 'fortigate', 'pfblockerng']) {
      expect(parse(format, 'a.com\n\0\0\u0001').problems).toEqual([
        {
          location: { file: 'list.txt', line: 0, column: 1 },
          message: '"list.txt" is not a text file (it contains NUL bytes)',
        },
      ]);
    }
  });
});

describe('pan-edl', () => {
  it('reads PAN-OS IP and URL list entries', () => {
    const text = [
      '192.168.20.10/32',
      '2001:db8:123:1::1 #test IPv6 address',
      '192.168.20.0/24 ; test internal subnet',
      '2001:db8:123:1::/64 test internal IPv6 range',
      '192.168.20.40-192.168.20.50',
    ].join('\n');
    const parsed = parse('pan-edl', text);
    expect(parsed.problems).toEqual([]);
    expect(parsed.entries.map((e) => [e.text, e.comment])).toEqual([
      ['192.168.20.10/32', undefined],
      ['2001:db8:123:1::1', 'test IPv6 address'],
      ['192.168.20.0/24', 'test internal subnet'],
      ['2001:db8:123:1::/64', 'test internal IPv6 range'],
      ['192.168.20.40-192.168.20.50', undefined],
    ]);
  });

  it('keeps the host of URL entries and says what is not compared', () => {
    const text = [
      '*.sharepoint.com',
      '^.lync.com',
      '^outlook.office.com',
      'login.microsoftonline.com/',
      'teams.microsoft.com/*',
      'www.office.com/en-us/help',
      'portal.office.com something',
    ].join('\n');
    const parsed = parse('pan-edl', text);
    expect(parsed.entries.map(summary)).toEqual([
      {
        kind: 'host',
        text: '*.sharepoint.com',
        line: 1,
        column: 1,
        comment: undefined,
        key: '*.sharepoint.com',
      },
      {
        kind: 'host',
        text: '^.lync.com',
        line: 2,
        column: 1,
        comment: undefined,
        key: '*.lync.com',
      },
      {
        kind: 'host',
        text: '^outlook.office.com',
        line: 3,
        column: 1,
        comment: undefined,
        key: 'outlook.office.com',
      },
      {
        kind: 'host',
        text: 'login.microsoftonline.com/',
        line: 4,
        column: 1,
        comment: undefined,
        key: 'login.microsoftonline.com',
      },
      {
        kind: 'host',
        text: 'teams.microsoft.com/*',
        line: 5,
        column: 1,
        comment: undefined,
        key: 'teams.microsoft.com',
      },
      {
        kind: 'host',
        text: 'www.office.com/en-us/help',
        line: 6,
        column: 1,
        comment: undefined,
        key: 'www.office.com',
      },
      {
        kind: 'host',
        text: 'portal.office.com',
        line: 7,
        column: 1,
        comment: 'something',
        key: 'portal.office.com',
      },
    ]);
    expect(parsed.problems).toEqual([
      {
        location: { file: 'list.txt', line: 2, column: 1 },
        message:
          '"^" matches exactly one label; "^.lync.com" is compared as the broader "*.lync.com"',
        text: '^.lync.com',
        severity: 'notice',
      },
      {
        location: { file: 'list.txt', line: 6, column: 1 },
        message: 'the path of "www.office.com/en-us/help" is not compared, only its host',
        text: 'www.office.com/en-us/help',
        severity: 'notice',
      },
    ]);
  });

  it('warns when a list mixes IP addresses and domains', () => {
    const parsed = parse('pan-edl', '1.2.3.4\n5.6.7.8\nexample.com\n');
    expect(parsed.entries).toHaveLength(3);
    expect(parsed.problems).toEqual([
      {
        location: { file: 'list.txt', line: 3, column: 1 },
        message:
          '"example.com" is a domain in a list of IP addresses; a Palo Alto EDL holds one type of entry',
        text: 'example.com',
        severity: 'warning',
      },
    ]);
  });
});

describe('fortigate', () => {
  it('reads FortiGate wildcards and ranges', () => {
    const parsed = parse(
      'fortigate',
      'mail.*.example.com\n*-special.example.com\nwww.*example.com\nexample.com\n',
    );
    expect(parsed.problems).toEqual([]);
    expect(
      parsed.entries.map((e) => (e.kind === 'host' ? [e.pattern.key(), e.pattern.isWildcard] : [])),
    ).toEqual([
      ['mail.*.example.com', true],
      ['*-special.example.com', true],
      ['www.*example.com', true],
      ['example.com', false],
    ]);
  });
});

describe('pfblockerng', () => {
  it('reads a bare domain as the domain and its subdomains', () => {
    const parsed = parse(
      'pfblockerng',
      '# Office\noffice365.com # Microsoft Office\n.sharepoint.com\n',
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.entries.map(summary)).toEqual([
      {
        kind: 'host',
        text: 'office365.com',
        line: 2,
        column: 1,
        comment: 'Microsoft Office',
        key: '.office365.com',
      },
      {
        kind: 'host',
        text: '.sharepoint.com',
        line: 3,
        column: 1,
        comment: undefined,
        key: '.sharepoint.com',
      },
    ]);
    const first = parsed.entries[0]!;
    expect(first.kind === 'host' && first.pattern.matches('outlook.office365.com')).toBe(true);
    expect(first.kind === 'host' && first.pattern.matches('office365.com')).toBe(true);
  });
});

describe('capabilities', () => {
  it.each([
    ['plain', true],
    ['pan-edl', true],
    ['fortigate', true],
    ['pfblockerng', false],
  ])('%s carries no ports (ips: %s)', (id, ips) => {
    const format = getFormat(id)!;
    expect(format.capabilities).toEqual({
      hosts: true,
      ips,
      ipv6: ips,
      ports: false,
      protocols: false,
      comments: true,
      // pfBlockerNG's bare name is the only way it writes the names below a domain.
      ...(id === 'pfblockerng' ? { subdomainsOnly: false } : {}),
    });
  });
});
