// Names with invisible, compatibility or look-alike characters never pass as the real host: a
// firewall compares names as written, so such an entry allows another host (or none).
import { describe, expect, it } from 'vitest';
import { EMBEDDED_CATALOGUE } from '../../src/catalogue/embedded.js';
import { selectRequirements } from '../../src/catalogue/select.js';
import type { Selection } from '../../src/catalogue/types.js';
import { check } from '../../src/diff/engine.js';
import { getFormat } from '../../src/formats/allowlist/index.js';
import { plainName } from '../../src/formats/syntax/dns-data.js';
import { HostPattern } from '../../src/model/host.js';
import { deceptiveName, scriptsOf, skeleton } from '../../src/model/idn.js';

const WORLDWIDE: Selection = {
  instance: 'worldwide',
  serviceAreas: ['Exchange'],
  categories: ['Optimize', 'Allow', 'Default'],
  includeOptional: false,
  ipv6: true,
  scenarios: [],
};

const REQUIRED = new Set(
  selectRequirements(EMBEDDED_CATALOGUE, WORLDWIDE).requirements.map((r) =>
    r.kind === 'host' ? r.text : r.block.text,
  ),
);

function run(text: string, format = 'plain') {
  const f = getFormat(format)!;
  return check({
    catalogue: EMBEDDED_CATALOGUE,
    selection: WORLDWIDE,
    files: [
      {
        parsed: f.parse({ path: 'proxy/m365.txt', text }),
        capabilities: f.capabilities,
        scope: 'mixed',
        group: 'default',
      },
    ],
  });
}

const WRITTEN =
  ', a firewall compares names as written, so it does not allow "outlook.office365.com"';

describe('names IDNA would rewrite are invalid entries', () => {
  it.each([
    [
      'outlook.office\u200b365.com',
      '"outlook.office\u200b365.com" contains the invisible character U+200B',
    ],
    [
      'outlook.office\u00ad365.com',
      '"outlook.office\u00ad365.com" contains the invisible character U+00AD',
    ],
    [
      'outlook\u200d.office365.com',
      '"outlook\u200d.office365.com" contains the invisible character U+200D',
    ],
    [
      'ｏutlook．office365．com',
      '"ｏutlook．office365．com" separates labels with U+FF0E instead of "."',
    ],
    [
      'outlook\u3002office365.com',
      '"outlook\u3002office365.com" separates labels with U+3002 instead of "."',
    ],
    [
      'ｏutlook.office365.com',
      '"ｏutlook.office365.com" is written with U+FF4F "ｏ", which IDNA reads as "o"',
    ],
    [
      'outloo\u212a.office365.com',
      '"outloo\u212a.office365.com" is written with U+212A "\u212a", which IDNA reads as "k"',
    ],
    [
      'outlook.office\u2163\u2164.com',
      '"outlook.office\u2163\u2164.com" is written with U+2163 "\u2163", which IDNA reads as "iv"',
    ],
  ])('%j', (text, reason) => {
    const message = `${reason}:${WRITTEN.slice(1)}`;
    const result = run(`# proxy list\n  ${text}\n`);
    const invalid = result.findings.filter((f) => f.ruleId === 'invalid-entry');
    expect(invalid.map((f) => [f.location.line, f.location.column, f.message])).toEqual(
      text.includes('\u2163')
        ? [
            [
              2,
              3,
              `${reason}: a firewall compares names as written, so it does not allow "outlook.officeivv.com"`,
            ],
          ]
        : [[2, 3, message]],
    );
    const missing = result.findings.filter(
      (f) => f.ruleId === 'missing-endpoint' && f.requirement?.pattern === 'outlook.office365.com',
    );
    expect(missing).toHaveLength(1);
  });

  it.each([
    ['bu\u0308cher.example', 'bücher.example'],
    ['ǅ.example', 'dž.example'],
  ])('%j is not what a firewall would compare (IDNA makes it %j)', (text, mapped) => {
    expect(deceptiveName(text)).toMatch(new RegExp(`so it does not allow "${mapped}"$`));
    expect(HostPattern.parse(text).ok).toBe(false);
  });

  it.each([
    ['bücher.example', 'xn--bcher-kva.example'],
    ['BÜCHER.example', 'xn--bcher-kva.example'],
    ['straße.de', 'xn--strae-oqa.de'],
    ['例え.jp', 'xn--r8jz45g.jp'],
    ['OUTLOOK.Office365.com', 'outlook.office365.com'],
  ])('%j is a real name (%s)', (text, canonical) => {
    expect(deceptiveName(text)).toBeUndefined();
    expect(HostPattern.of(text).text).toBe(canonical);
  });

  it('holds for DNS names too', () => {
    expect(plainName('autodiscover.contoso\u200b.com')).toEqual({
      ok: false,
      error:
        '"autodiscover.contoso\u200b.com" contains the invisible character U+200B: a firewall compares names as written, so it does not allow "autodiscover.contoso.com"',
    });
    expect(plainName('autodiscover.bücher.example')).toEqual({
      ok: true,
      value: 'autodiscover.xn--bcher-kva.example',
    });
  });
});

describe('look-alike names are confusable-name warnings naming the imitated name', () => {
  it.each([
    [
      'оutlook.office365.com',
      'outlook.office365.com',
      'xn--utlook-vqf.office365.com',
      'mixes Latin and Cyrillic letters',
    ],
    [
      'οutlook.office365.com',
      'outlook.office365.com',
      'xn--utlook-h0e.office365.com',
      'mixes Latin and Greek letters',
    ],
    [
      'outlооk.office365.com',
      'outlook.office365.com',
      'xn--outlk-myea.office365.com',
      'mixes Latin and Cyrillic letters',
    ],
    [
      'outlook.оffice365.com',
      'outlook.office365.com',
      'outlook.xn--ffice365-mbh.com',
      'mixes Latin and Cyrillic letters',
    ],
    ['*.оutlook.com', '*.outlook.com', '*.xn--utlook-vqf.com', 'mixes Latin and Cyrillic letters'],
    [
      'contoso.mail.prоtection.outlook.com',
      '*.mail.protection.outlook.com',
      'contoso.mail.xn--prtection-12h.outlook.com',
      'mixes Latin and Cyrillic letters',
    ],
    [
      'оо.office365.com',
      '*.office365.com',
      'xn--n1aa.office365.com',
      'mixes Latin and Cyrillic letters',
    ],
  ])('%j imitates %j', (text, imitated, punycode, how) => {
    const result = run(`${text}\n`);
    const confusable = result.findings.filter((f) => f.ruleId === 'confusable-name');
    expect(
      confusable.map((f) => [f.severity, f.location.line, f.location.column, f.message]),
    ).toEqual([
      [
        'warning',
        1,
        1,
        `"${text}" looks like "${imitated}" but is another name (${punycode}): ${how}, so it does not allow "${imitated}"`,
      ],
    ]);
    // It counts for nothing: the name it imitates is still required.
    expect(
      result.findings.some(
        (f) => f.ruleId === 'missing-endpoint' && f.requirement?.pattern === imitated,
      ),
    ).toBe(REQUIRED.has(imitated));
  });

  it.each(['bücher.example', 'xn--bcher-kva.example', 'outlook.office365.com', 'оffice.example'])(
    '%j imitates nothing',
    (text) => {
      expect(run(`${text}\n`).findings.filter((f) => f.ruleId === 'confusable-name')).toEqual([]);
    },
  );
});

describe('skeletons and scripts', () => {
  it.each([
    ['оutlook', 'outlook'],
    ['outlook', 'outlook'],
    ['οffice', 'office'],
    ['ѕharepoint', 'sharepoint'],
    ['paypal', 'paypal'],
  ])('skeleton(%j) is skeleton(%j)', (a, b) => {
    expect(skeleton(a)).toBe(skeleton(b));
  });

  it('tells different names apart', () => {
    expect(skeleton('outlook')).not.toBe(skeleton('outlock'));
  });

  it.each([
    ['оutlook', ['Latin', 'Cyrillic']],
    ['outlook', ['Latin']],
    ['例え', ['Han', 'Hiragana']],
    ['365', []],
  ])('scriptsOf(%j) is %j', (text, scripts) => {
    expect(scriptsOf(text)).toEqual(scripts);
  });
});
