import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Entry, ParsedFile } from '../../../src/model/entry.js';
import { PAC } from '../../../src/formats/allowlist/pac.js';

function parse(text: string, settings?: Record<string, unknown>, file = 'proxy.pac'): ParsedFile {
  return PAC.parse({ path: file, text }, settings ? { settings } : undefined);
}

function summary(e: Entry) {
  return {
    text: e.text,
    line: e.location.line,
    column: e.location.column,
    key: e.kind === 'host' ? e.pattern.key() : e.kind === 'ip' ? e.block.key() : '',
  };
}

const problems = (p: ParsedFile) =>
  p.problems.map((x) => [x.location.line, x.location.column, x.severity ?? 'error', x.message]);

/** A FindProxyForURL around the given body lines. */
const pac = (...body: string[]) =>
  ['function FindProxyForURL(url, host) {', ...body.map((l) => `  ${l}`), '}'].join('\n');

describe('pac: valid input', () => {
  const cases: [name: string, text: string, entries: ReturnType<typeof summary>[]][] = [
    [
      'shExpMatch, dnsDomainIs, localHostOrDomainIs and == sent DIRECT',
      pac(
        'if (shExpMatch(host, "*.office.com") || dnsDomainIs(host, ".lync.com") ||',
        '    localHostOrDomainIs(host, "outlook.office365.com") || host == "login.microsoftonline.com")',
        '  return "DIRECT";',
        'return "PROXY proxy:8080";',
      ),
      [
        { text: '*.office.com', line: 2, column: 25, key: '*.office.com' },
        { text: '.lync.com', line: 2, column: 62, key: '*.lync.com' },
        { text: 'outlook.office365.com', line: 3, column: 34, key: 'outlook.office365.com' },
        {
          text: 'login.microsoftonline.com',
          line: 3,
          column: 70,
          key: 'login.microsoftonline.com',
        },
      ],
    ],
    [
      'isInNet with a mask, on the host and on dnsResolve(host), and isInNetEx',
      pac(
        'var ip = dnsResolve(host);',
        'if (isInNet(host, "13.107.6.152", "255.255.255.254")) return "DIRECT";',
        'if (isInNet(ip, "40.96.0.0", "255.248.0.0")) return "DIRECT";',
        'if (isInNetEx(ip, "2603:1006::/40")) return "DIRECT";',
        'if (isInNet(myIpAddress(), "10.0.0.0", "255.0.0.0")) return "DIRECT";',
        'return "PROXY p:1";',
      ),
      [
        { text: '13.107.6.152 255.255.255.254', line: 3, column: 22, key: '13.107.6.152/31' },
        { text: '40.96.0.0 255.248.0.0', line: 4, column: 20, key: '40.96.0.0/13' },
        { text: '2603:1006::/40', line: 5, column: 22, key: '2603:1006::/40' },
      ],
    ],
    [
      'an array looped over with "*" + element, located at each element',
      [
        'var domains = [',
        '  ".sharepoint.com",',
        '  ".teams.microsoft.com"',
        '];',
        'function FindProxyForURL(url, host) {',
        '  for (var i = 0; i < domains.length; i++) {',
        '    if (shExpMatch(host, "*" + domains[i])) return "DIRECT";',
        '  }',
        '  return "PROXY p:1";',
        '}',
      ].join('\n'),
      [
        { text: '.sharepoint.com', line: 2, column: 4, key: '*.sharepoint.com' },
        { text: '.teams.microsoft.com', line: 3, column: 4, key: '*.teams.microsoft.com' },
      ],
    ],
    [
      'for...of, .some, .includes, indexOf and a helper function',
      [
        'const suffixes = [".office365.com"];',
        'const exact = ["a.example.com"];',
        'function isM365(h) {',
        '  if (dnsDomainIs(h, ".outlook.com")) return true;',
        '  return h === "teams.microsoft.com";',
        '}',
        'function FindProxyForURL(url, host) {',
        '  host = host.toLowerCase();',
        '  for (const s of suffixes) { if (dnsDomainIs(host, s)) return "DIRECT"; }',
        '  if (suffixes.some((s) => host.endsWith(s))) return "DIRECT";',
        '  if (exact.includes(host) || exact.indexOf(host) !== -1) return "DIRECT";',
        '  if (isM365(host)) return "DIRECT";',
        '  return "PROXY p:1";',
        '}',
      ].join('\n'),
      [
        { text: '.office365.com', line: 1, column: 20, key: '*.office365.com' },
        { text: 'a.example.com', line: 2, column: 17, key: 'a.example.com' },
        { text: '.outlook.com', line: 4, column: 23, key: '*.outlook.com' },
        { text: 'teams.microsoft.com', line: 5, column: 17, key: 'teams.microsoft.com' },
      ],
    ],
    [
      'switch on the host, a ternary return, a URL pattern, and else branches',
      pac(
        'switch (host) {',
        '  case "a.example.com": return "DIRECT";',
        '  case "b.example.com": break;',
        '}',
        'if (shExpMatch(url, "https://*.cloud.microsoft/*")) return "DIRECT";',
        'if (!dnsDomainIs(host, ".internal")) { if (host == "c.example.com") return "DIRECT"; }',
        'else return "DIRECT";',
        'return shExpMatch(host, "*.live.com") ? "DIRECT" : "PROXY p:1";',
      ),
      [
        { text: 'a.example.com', line: 3, column: 11, key: 'a.example.com' },
        { text: 'https://*.cloud.microsoft/*', line: 6, column: 24, key: '*.cloud.microsoft' },
        { text: '.internal', line: 7, column: 27, key: '*.internal' },
        { text: 'c.example.com', line: 7, column: 55, key: 'c.example.com' },
        { text: '*.live.com', line: 9, column: 28, key: '*.live.com' },
      ],
    ],
    [
      'forEach and a loop that set the variable the script returns',
      [
        'var list = [".office.com", ".lync.com"];',
        'function FindProxyForURL(url, host) {',
        '  var result = "PROXY p:1";',
        '  list.forEach(function (d) {',
        '    if (dnsDomainIs(host, d)) result = "DIRECT";',
        '  });',
        '  for (var i = 0; i < 2; i++) {',
        '    if (host == "a.example.com") { result = "DIRECT"; break; }',
        '  }',
        '  if (dnsDomainIs(host, ".corp")) result = "PROXY q:1";',
        '  return result;',
        '}',
      ].join('\n'),
      [
        { text: '.office.com', line: 1, column: 14, key: '*.office.com' },
        { text: '.lync.com', line: 1, column: 29, key: '*.lync.com' },
        { text: 'a.example.com', line: 8, column: 18, key: 'a.example.com' },
      ],
    ],
  ];

  it.each(cases)('%s', (_name, text, expected) => {
    const parsed = parse(text);
    expect(parsed.problems).toEqual([]);
    expect(parsed.entries.map(summary)).toEqual(expected);
  });

  it('says in the comment which return an entry leads to, after the comment the script gives it', () => {
    const parsed = parse(
      pac(
        'var direct = "DIRECT";',
        '// Teams media',
        'if (shExpMatch(host, "*.teams.microsoft.com") && isResolvable(host)) return direct;',
        'if (shExpMatch(host, "*.lync.com")) { return "DIRECT"; } // Skype',
        'return "PROXY p:1";',
      ),
    );
    expect(parsed.entries.map((e) => e.comment)).toEqual([
      'Teams media\nFindProxyForURL returns "DIRECT" for it (line 4) when the rest of its condition holds',
      'Skype\nFindProxyForURL returns "DIRECT" for it (line 5)',
    ]);
    expect(parsed.entries.every((e) => e.ports === undefined)).toBe(true);
  });

  it('reads the hosts sent to the proxy instead with allow: proxy', () => {
    const text = pac(
      'if (shExpMatch(host, "*.office.com")) return "PROXY p:1; DIRECT";',
      'if (shExpMatch(host, "*.lync.com")) return "HTTPS gw:443";',
      'return "DIRECT";',
    );
    expect(parse(text).entries).toEqual([]);
    const parsed = parse(text, { allow: 'proxy' });
    expect(parsed.entries.map(summary)).toEqual([
      { text: '*.office.com', line: 2, column: 25, key: '*.office.com' },
      { text: '*.lync.com', line: 3, column: 25, key: '*.lync.com' },
    ]);
    expect(parsed.entries[0]!.comment).toBe(
      'FindProxyForURL returns "PROXY p:1; DIRECT" for it (line 2)',
    );
  });

  it('reads a file without entries as no entries and no problems', () => {
    expect(parse(pac('return "DIRECT";'))).toEqual({
      path: 'proxy.pac',
      format: 'pac',
      entries: [],
      problems: [],
    });
  });
});

describe('pac: malformed and unsupported input', () => {
  const cases: [
    name: string,
    text: string,
    settings: Record<string, unknown> | undefined,
    expected: unknown[][],
  ][] = [
    [
      'a syntax error',
      'function FindProxyForURL(url, host) {\n  if (host == ) return "DIRECT";\n}',
      undefined,
      [[2, 15, 'error', 'invalid JavaScript: Unexpected token']],
    ],
    [
      'no FindProxyForURL',
      'function proxy(url, host) { return "DIRECT"; }',
      undefined,
      [[0, 1, 'error', '"proxy.pac" has no FindProxyForURL function']],
    ],
    [
      'an unknown allow setting',
      pac('return "DIRECT";'),
      { allow: 'both' },
      [
        [
          0,
          1,
          'error',
          'unknown value "both" for the PAC setting "allow" (expected direct or proxy)',
        ],
      ],
    ],
    [
      'a mask that is not contiguous',
      pac('if (isInNet(host, "10.0.0.0", "255.0.255.0")) return "DIRECT";'),
      undefined,
      [[2, 34, 'error', 'mask "255.0.255.0" is not contiguous, so it names no single network']],
    ],
    [
      'a network that is not an address',
      pac('if (isInNet(host, "10.0.0", "255.0.0.0")) return "DIRECT";'),
      undefined,
      [[2, 22, 'error', 'too few octets in "10.0.0" (expected 4)']],
    ],
    [
      'a malformed host name',
      pac('if (host == "a..example.com") return "DIRECT";'),
      undefined,
      [[2, 16, 'error', '"a..example.com" has an empty label']],
    ],
    [
      'a glob the pattern model cannot say',
      pac('if (shExpMatch(host, "*.microsoft.*")) return "DIRECT";'),
      undefined,
      [
        [
          2,
          25,
          'notice',
          'shExpMatch pattern "*.microsoft.*" cannot be compared: "*.microsoft.*" has more than one wildcard label',
        ],
      ],
    ],
    [
      'a glob broader than the pattern model',
      pac('if (shExpMatch(host, "*-files.sharepoint.com")) return "DIRECT";'),
      undefined,
      [
        [
          2,
          25,
          'notice',
          '"*" in shExpMatch also matches dots, so "*-files.sharepoint.com" matches names such as "a.b-files.sharepoint.com" too; compared as "*-files.sharepoint.com", whose "*" stays within one label',
        ],
      ],
    ],
    [
      'a "?" in a glob',
      pac('if (shExpMatch(host, "web?.example.com")) return "DIRECT";'),
      undefined,
      [
        [
          2,
          25,
          'notice',
          '"?" in shExpMatch matches any one character, dots included, so "web?.example.com" matches more names than "web*.example.com"; compared as "web*.example.com", whose "*" stays within one label',
        ],
      ],
    ],
    [
      'dnsDomainIs without a leading dot',
      pac('if (dnsDomainIs(host, "office.com")) return "DIRECT";'),
      undefined,
      [
        [
          2,
          26,
          'notice',
          'dnsDomainIs(host, "office.com") also matches names that merely end in "office.com" (such as "myoffice.com"); compared as ".office.com"',
        ],
      ],
    ],
    [
      'a pattern the file does not spell out',
      pac('if (shExpMatch(host, lookup(host))) return "DIRECT";'),
      undefined,
      [
        [
          2,
          24,
          'notice',
          'the shExpMatch argument "lookup(host)" is not a string the file spells out; not compared',
        ],
      ],
    ],
    [
      'a regular expression',
      pac('if (/\\.office\\.com$/.test(host)) return "DIRECT";'),
      undefined,
      [
        [
          2,
          8,
          'notice',
          '"\\.office\\.com$" is a regular expression; regular expressions are not compared',
        ],
      ],
    ],
    [
      'a return value that is not spelled out',
      pac('if (dnsDomainIs(host, ".office.com")) return pick(host);', 'return "DIRECT";'),
      undefined,
      [
        [
          2,
          26,
          'notice',
          'cannot tell what FindProxyForURL returns when ".office.com" matches; not compared',
        ],
      ],
    ],
    [
      'an entry that an earlier proxy rule always catches first',
      pac(
        'if (dnsDomainIs(host, ".office.com")) return "PROXY p:1";',
        'if (host == "www.office.com") return "DIRECT";',
        'return "PROXY p:1";',
      ),
      undefined,
      [
        [
          3,
          16,
          'notice',
          '"www.office.com" is never sent DIRECT: ".office.com" (line 2) sends it to the proxy first',
        ],
      ],
    ],
    [
      'a wildcard with earlier proxy exceptions',
      pac(
        'if (host == "a.sharepoint.com" || shExpMatch(host, "b.sharepoint.com")) return "PROXY p:1";',
        'if (shExpMatch(host, "*.sharepoint.com")) return "DIRECT";',
        'return "PROXY p:1";',
      ),
      undefined,
      [
        [
          3,
          25,
          'notice',
          '"*.sharepoint.com" is sent DIRECT except for names that "a.sharepoint.com" (line 2) and "b.sharepoint.com" (line 2) send to the proxy first',
        ],
      ],
    ],
    [
      'text with NUL bytes',
      'function FindProxyForURL(url, host) {\0}',
      undefined,
      [[0, 1, 'error', '"proxy.pac" is not a text file (it contains NUL bytes)']],
    ],
  ];

  it.each(cases)('%s', (_name, text, settings, expected) => {
    expect(problems(parse(text, settings))).toEqual(expected);
  });

  it('keeps the entries of a partly shadowed wildcard and drops the fully shadowed one', () => {
    const parsed = parse(
      pac(
        'if (dnsDomainIs(host, ".office.com")) return "PROXY p:1";',
        'if (host == "www.office.com" || shExpMatch(host, "*.com")) return "DIRECT";',
      ),
    );
    expect(parsed.entries.map((e) => e.text)).toEqual(['*.com']);
  });
});

describe('pac: detection', () => {
  const cases: [path: string, text: string, score: number][] = [
    ['proxy.pac', pac('return "DIRECT";'), 10],
    ['wpad.dat', pac('return "DIRECT";'), 10],
    ['config/proxy.js', pac('return "DIRECT";'), 8],
    ['proxy.pac', '// empty for now\n', 5],
    ['list.txt', 'outlook.office365.com\n', 0],
    ['app.js', 'console.log("hi");\n', 0],
  ];
  it.each(cases)('%s', (file, text, score) => {
    expect(PAC.detect({ path: file, text })).toBe(score);
  });

  it('declares hosts and IPv4 networks, no ports, and comments', () => {
    expect(PAC.capabilities).toEqual({
      hosts: true,
      ips: true,
      ipv6: false,
      ports: false,
      protocols: false,
      comments: true,
    });
  });
});

const corpus = path.resolve(import.meta.dirname, '../../..', '../shared/corpus');

describe.skipIf(!existsSync(corpus))('pac: corpus', () => {
  const read = (name: string) => ({
    path: `pac/${name}`,
    text: readFileSync(path.join(corpus, 'pac', name), 'utf8'),
  });

  it('atav928 type 2: 63 host patterns, 9 sent to the proxy, 54 sent DIRECT', () => {
    const file = read('atav928-microsoft-type2.pac');
    expect(PAC.detect(file)).toBe(10);
    const direct = PAC.parse(file);
    const proxied = PAC.parse(file, { settings: { allow: 'proxy' } });
    expect(direct.entries).toHaveLength(54);
    expect(proxied.entries).toHaveLength(9);
    expect(direct.entries.every((e) => e.kind === 'host')).toBe(true);
    expect(direct.entries[0]).toMatchObject({
      text: '*.broadcast.skype.com',
      location: { line: 23, column: 26 },
      comment: 'FindProxyForURL returns "DIRECT" for it (line 78)',
    });
    const texts = direct.entries.map((e) => e.text);
    expect(texts).toEqual(
      expect.arrayContaining([
        '*.sharepoint.com',
        '*.lync.com',
        'outlook.office365.com',
        'login.microsoftonline.com',
        '*.skypeforbusiness.com',
        '*.portal.cloudappsecurity.com',
        '*.protection.office.com',
      ]),
    );
    // A 2021 snapshot: the cloud.microsoft names came later.
    expect(texts.some((t) => t.includes('cloud.microsoft'))).toBe(false);
    expect(proxied.entries[0]).toMatchObject({
      text: '*-files.sharepoint.com',
      location: { line: 10, column: 26 },
      comment: 'FindProxyForURL returns "PROXY 10.10.10.10:8080" for it (line 20)',
    });
    // Order matters: the proxy exceptions come before the DIRECT wildcards they carve out of.
    expect(problems(direct)).toEqual([
      [
        30,
        30,
        'notice',
        '"*.officeapps.live.com" is sent DIRECT except for names that "excelcs.officeapps.live.com" (line 12), "ocws.officeapps.live.com" (line 13), "odc.officeapps.live.com" (line 14) and 4 more send to the proxy first',
      ],
      [
        37,
        30,
        'notice',
        '"*.sharepoint.com" is sent DIRECT except for names that "*-files.sharepoint.com" (line 10) and "*-myfiles.sharepoint.com" (line 11) send to the proxy first',
      ],
    ]);
  });

  it('antar-ops: 8 suffixes from a looped array sent to the proxy, office.com sent DIRECT', () => {
    const file = read('antar-ops-m365.pac');
    const proxied = PAC.parse(file, { settings: { allow: 'proxy' } });
    expect(proxied.entries.map(summary)).toEqual([
      { text: 'login.microsoftonline.com', line: 10, column: 6, key: '*login.microsoftonline.com' },
      { text: 'graph.windows.net', line: 11, column: 6, key: '*graph.windows.net' },
      { text: '.office365.com', line: 12, column: 6, key: '*.office365.com' },
      { text: '.sharepoint.com', line: 13, column: 6, key: '*.sharepoint.com' },
      { text: '.outlook.com', line: 14, column: 6, key: '*.outlook.com' },
      { text: '.teams.microsoft.com', line: 15, column: 6, key: '*.teams.microsoft.com' },
      { text: '.lync.com', line: 16, column: 6, key: '*.lync.com' },
      { text: '.onenote.com', line: 17, column: 6, key: '*.onenote.com' },
    ]);
    // "*" + ".lync.com" matches x.lync.com but not lync.com itself.
    const lync = proxied.entries[6]!;
    expect(lync.kind === 'host' && lync.pattern.matches('x.lync.com')).toBe(true);
    expect(lync.kind === 'host' && lync.pattern.matches('lync.com')).toBe(false);

    const direct = PAC.parse(file);
    expect(direct.entries.map(summary)).toEqual([
      { text: 'office.com', line: 5, column: 26, key: '.office.com' },
      { text: '.office.com', line: 5, column: 61, key: '*.office.com' },
    ]);
    expect(direct.entries[0]!.comment).toBe(
      'Temporarily exclude office.com for testing\nFindProxyForURL returns "DIRECT" for it (line 6)',
    );
  });
});
