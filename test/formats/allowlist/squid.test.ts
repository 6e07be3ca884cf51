import { describe, expect, it } from 'vitest';
import type { Entry, ParsedFile } from '../../../src/model/entry.js';
import type { ParseOptions } from '../../../src/formats/format.js';
import { SQUID } from '../../../src/formats/allowlist/squid.js';

function parse(text: string, options?: ParseOptions): ParsedFile {
  return SQUID.parse({ path: 'proxy/squid.conf', text }, options);
}

function summary(e: Entry) {
  return {
    file: e.location.file,
    text: e.text,
    line: e.location.line,
    column: e.location.column,
    key: e.kind === 'host' ? e.pattern.key() : e.kind === 'ip' ? e.block.key() : '',
  };
}

const problems = (p: ParsedFile) =>
  p.problems.map((x) => [
    x.location.file,
    x.location.line,
    x.location.column,
    x.severity ?? 'error',
    x.message,
  ]);

const files =
  (map: Record<string, string>): ParseOptions['readFile'] =>
  (p) =>
    map[p];

describe('squid: valid input', () => {
  it('reads dstdomain and dst ACLs that http_access allow uses', () => {
    const parsed = parse(
      [
        '# Microsoft 365',
        'acl m365 dstdomain .office.com outlook.office365.com \\',
        '    .sharepoint.com',
        'acl m365_ips dst 13.107.6.152/31 10.0.0.1-10.0.0.9 40.96.0.0/255.248.0.0 2603:1006::/40',
        'acl sni ssl::server_name -i .teams.microsoft.com',
        'acl other dstdomain .example.com',
        'acl localnet src 10.0.0.0/8',
        'http_access deny !localnet',
        'http_access allow localnet m365',
        'http_access allow m365_ips',
        'http_access allow sni',
        'http_access deny other',
        'http_access deny all',
      ].join('\n'),
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.entries.map(summary)).toEqual([
      { file: 'proxy/squid.conf', text: '.office.com', line: 2, column: 20, key: '.office.com' },
      {
        file: 'proxy/squid.conf',
        text: 'outlook.office365.com',
        line: 2,
        column: 32,
        key: 'outlook.office365.com',
      },
      {
        file: 'proxy/squid.conf',
        text: '.sharepoint.com',
        line: 3,
        column: 5,
        key: '.sharepoint.com',
      },
      {
        file: 'proxy/squid.conf',
        text: '13.107.6.152/31',
        line: 4,
        column: 18,
        key: '13.107.6.152/31',
      },
      {
        file: 'proxy/squid.conf',
        text: '10.0.0.1-10.0.0.9',
        line: 4,
        column: 34,
        key: '10.0.0.1-10.0.0.9',
      },
      {
        file: 'proxy/squid.conf',
        text: '40.96.0.0/255.248.0.0',
        line: 4,
        column: 52,
        key: '40.96.0.0/13',
      },
      {
        file: 'proxy/squid.conf',
        text: '2603:1006::/40',
        line: 4,
        column: 74,
        key: '2603:1006::/40',
      },
      {
        file: 'proxy/squid.conf',
        text: '.teams.microsoft.com',
        line: 5,
        column: 29,
        key: '.teams.microsoft.com',
      },
    ]);
    expect(parsed.entries[0]!.comment).toBe(
      'Microsoft 365\nACL "m365" (dstdomain), allowed by http_access at line 9',
    );
    expect(parsed.entries[3]!.comment).toBe(
      'ACL "m365_ips" (dst), allowed by http_access at line 10',
    );
  });

  it('reads ACL values from a file, located in that file, with its comments', () => {
    const parsed = parse('acl m365 dstdomain "/etc/squid/m365.txt"\nhttp_access allow m365\n', {
      readFile: files({
        'proxy/m365.txt': '# Teams\n.teams.microsoft.com  # media\nlync.com skype.com\n',
      }),
    });
    expect(parsed.problems).toEqual([]);
    expect(
      parsed.entries.map((e) => [
        e.location.file,
        e.location.line,
        e.location.column,
        e.text,
        e.comment,
      ]),
    ).toEqual([
      [
        'proxy/m365.txt',
        2,
        1,
        '.teams.microsoft.com',
        'media\nACL "m365" (dstdomain), allowed by http_access at line 2',
      ],
      [
        'proxy/m365.txt',
        3,
        1,
        'lync.com',
        'ACL "m365" (dstdomain), allowed by http_access at line 2',
      ],
      [
        'proxy/m365.txt',
        3,
        10,
        'skype.com',
        'ACL "m365" (dstdomain), allowed by http_access at line 2',
      ],
    ]);
  });

  it('counts the ACLs named in the settings instead', () => {
    const text =
      'acl a dstdomain a.example.com\nacl b dstdomain b.example.com\nhttp_access allow a\n';
    expect(parse(text).entries.map((e) => e.text)).toEqual(['a.example.com']);
    const parsed = parse(text, { settings: { acls: ['b'] } });
    expect(parsed.entries.map((e) => [e.text, e.comment])).toEqual([
      ['b.example.com', 'ACL "b" (dstdomain), named in the settings'],
    ]);
  });

  it('counts every ACL of a fragment without http_access lines', () => {
    const parsed = parse('acl m365 dstdomain .office.com\nacl ips dst 52.96.0.0/14\n');
    expect(parsed.entries.map((e) => [e.text, e.comment])).toEqual([
      ['.office.com', 'ACL "m365" (dstdomain), this file has no http_access line'],
      ['52.96.0.0/14', 'ACL "ips" (dst), this file has no http_access line'],
    ]);
  });
});

describe('squid: malformed and unsupported input', () => {
  const cases: [name: string, line: string, expected: unknown[][]][] = [
    [
      'a regular expression',
      'acl x dstdom_regex -i \\.office\\.com$',
      [
        [
          'proxy/squid.conf',
          1,
          23,
          'notice',
          '"\\.office\\.com$" is a regular expression (dstdom_regex); regular expressions are not compared',
        ],
      ],
    ],
    [
      'a wildcard in dstdomain',
      'acl x dstdomain *.office.com',
      [
        [
          'proxy/squid.conf',
          1,
          17,
          'error',
          '"*.office.com" has a "*", which dstdomain reads literally; write ".office.com" for a domain and its subdomains',
        ],
      ],
    ],
    [
      'a malformed domain',
      'acl x dstdomain a..office.com',
      [['proxy/squid.conf', 1, 17, 'error', '"a..office.com" has an empty label']],
    ],
    [
      'a malformed address',
      'acl x dst 300.1.1.1',
      [['proxy/squid.conf', 1, 11, 'error', 'octet 300 is out of range (0-255) in "300.1.1.1"']],
    ],
    [
      'a mask that is not contiguous',
      'acl x dst 10.0.0.0/255.0.255.0',
      [
        [
          'proxy/squid.conf',
          1,
          11,
          'error',
          'mask "255.0.255.0" is not contiguous, so it names no single network',
        ],
      ],
    ],
    [
      'a host name in dst',
      'acl x dst outlook.office365.com',
      [
        [
          'proxy/squid.conf',
          1,
          11,
          'notice',
          '"outlook.office365.com" is a host name, which Squid resolves once when it reads the configuration; not compared',
        ],
      ],
    ],
    [
      'an ACL file that is not there',
      'acl x dstdomain "/etc/squid/missing.txt"',
      [['proxy/squid.conf', 1, 18, 'error', 'cannot read the ACL file "/etc/squid/missing.txt"']],
    ],
    [
      'an acl line without values',
      'acl x',
      [['proxy/squid.conf', 1, 1, 'error', '"acl" needs a name, a type and values']],
    ],
    [
      'an include',
      'include /etc/squid/conf.d/*.conf',
      [
        [
          'proxy/squid.conf',
          1,
          9,
          'notice',
          'the included file "/etc/squid/conf.d/*.conf" is not read; its ACLs are not compared',
        ],
      ],
    ],
  ];

  it.each(cases)('%s', (_name, line, expected) => {
    expect(problems(parse(`${line}\nhttp_access allow x\n`))).toEqual(expected);
  });

  it('says nothing about ACLs that no allow line uses', () => {
    expect(
      parse('acl x dstdomain *.bad\nacl y dstdomain "/nope"\nhttp_access deny x\n').problems,
    ).toEqual([]);
  });

  it('reports problems in an ACL file at their place in that file', () => {
    const parsed = parse('acl m365 dstdomain "lists/m365.txt"\nhttp_access allow m365\n', {
      readFile: files({ 'lists/m365.txt': 'ok.example.com\n  bad..example.com\n' }),
    });
    expect(problems(parsed)).toEqual([
      ['lists/m365.txt', 2, 3, 'error', '"bad..example.com" has an empty label'],
    ]);
    expect(parsed.entries.map((e) => e.text)).toEqual(['ok.example.com']);
  });

  it('refuses settings that are not a list of ACL names', () => {
    expect(problems(parse('acl x dstdomain .a.com\n', { settings: { acls: 'x' } }))).toEqual([
      [
        'proxy/squid.conf',
        0,
        1,
        'error',
        'the Squid setting "acls" must be a list of ACL names, not "x"',
      ],
    ]);
  });
});

describe('squid: detection', () => {
  const cases: [path: string, text: string, score: number][] = [
    ['etc/squid/squid.conf', 'acl m365 dstdomain .office.com\nhttp_access allow m365\n', 10],
    ['proxy/allow.conf', 'acl m365 dstdomain .office.com\n', 10],
    ['proxy/allow.txt', 'acl m365 dstdomain .office.com\nhttp_access allow m365\n', 8],
    ['proxy/allow.txt', 'acl m365 dstdomain .office.com\n', 6],
    ['list.txt', '.office.com\n', 0],
  ];
  it.each(cases)('%s', (file, text, score) => {
    expect(SQUID.detect({ path: file, text })).toBe(score);
  });

  it('declares hosts and addresses with comments, no ports', () => {
    expect(SQUID.capabilities).toEqual({
      hosts: true,
      ips: true,
      ipv6: true,
      ports: false,
      protocols: false,
      comments: true,
      subdomainsOnly: false,
    });
  });
});
