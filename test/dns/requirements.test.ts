import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import schema from '../../schemas/dns-requirements.schema.json' with { type: 'json' };
import { INSTANCES } from '../../src/catalogue/types.js';
import {
  cloudDnsRequirements,
  DNS_REQUIREMENTS,
  domainDashes,
  initialDomainLabel,
  ValuePattern,
  type PatternTokens,
} from '../../src/dns/requirements.js';

const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

function errorsOf(data: unknown): string[] {
  return validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

/** A copy of the data with one value replaced (or deleted) at a path. */
function damaged(path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(DNS_REQUIREMENTS) as unknown as Record<string, unknown>;
  let at: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (value === DELETE) delete at[last];
  else at[last] = value;
  return copy;
}
const DELETE = Symbol('delete');

describe('DNS requirements schema', () => {
  it('accepts the data', () => {
    expect(errorsOf(DNS_REQUIREMENTS)).toEqual([]);
  });

  it.each<[string, (string | number)[], unknown, string]>([
    ['an unknown top-level key', ['extra'], 1, ' must NOT have additional properties'],
    [
      'a missing cloud',
      ['clouds', 'usgovdod'],
      DELETE,
      "/clouds must have required property 'usgovdod'",
    ],
    [
      'an unknown level',
      ['clouds', 'worldwide', 'records', 0, 'level'],
      'recommended',
      '/clouds/worldwide/records/0/level must be equal to one of the allowed values',
    ],
    [
      'an unknown service',
      ['clouds', 'worldwide', 'records', 0, 'service'],
      'sharepoint',
      '/clouds/worldwide/records/0/service must be equal to one of the allowed values',
    ],
    [
      'an unknown token in a value',
      ['clouds', 'worldwide', 'records', 2, 'values', 0],
      '{tenant}.mail.protection.outlook.com',
      '/clouds/worldwide/records/2/values/0 must match pattern "^(v=spf1 .*|MS=ms\\*|([a-z0-9*_-]|\\{(mx-token|domain-dashes|initial-domain)\\})+(\\.([a-z0-9*_-]|\\{(mx-token|domain-dashes|initial-domain)\\})+)+)$"',
    ],
    [
      'a value with a trailing dot',
      ['clouds', 'worldwide', 'records', 4, 'values', 0],
      'autodiscover.outlook.com.',
      '/clouds/worldwide/records/4/values/0 must match pattern "^(v=spf1 .*|MS=ms\\*|([a-z0-9*_-]|\\{(mx-token|domain-dashes|initial-domain)\\})+(\\.([a-z0-9*_-]|\\{(mx-token|domain-dashes|initial-domain)\\})+)+)$"',
    ],
    [
      'a forbidden record with a value',
      ['clouds', 'worldwide', 'records', 1, 'values'],
      ['clientconfig.microsoftonline-p.net'],
      '/clouds/worldwide/records/1/values must NOT have more than 0 items',
    ],
    [
      'a required record without a value',
      ['clouds', 'worldwide', 'records', 4, 'values'],
      [],
      '/clouds/worldwide/records/4/values must NOT have fewer than 1 items',
    ],
    [
      'an SRV record without its fields',
      ['clouds', 'worldwide', 'records', 6, 'srv'],
      DELETE,
      "/clouds/worldwide/records/6 must have required property 'srv'",
    ],
    [
      'SRV fields on a CNAME',
      ['clouds', 'worldwide', 'records', 4, 'srv'],
      { priority: 100, weight: 1, port: 443 },
      '/clouds/worldwide/records/4 must NOT be valid',
    ],
    [
      'a port out of range',
      ['clouds', 'worldwide', 'records', 6, 'srv', 'port'],
      70000,
      '/clouds/worldwide/records/6/srv/port must be <= 65535',
    ],
    [
      'a negative lookup cost',
      ['spfIncludes', 'spf.protection.outlook.com', 'nestedLookups'],
      -1,
      '/spfIncludes/spf.protection.outlook.com/nestedLookups must be >= 0',
    ],
    [
      'a source without a date',
      ['sources', 'W24', 'date'],
      DELETE,
      "/sources/W24 must have required property 'date'",
    ],
  ])('refuses %s', (_name, path, value, message) => {
    expect(errorsOf(damaged(path, value))).toContain(message);
  });
});

describe('DNS requirements data', () => {
  it('names only sources it describes', () => {
    const keys = new Set(Object.keys(DNS_REQUIREMENTS.sources));
    for (const instance of INSTANCES) {
      for (const r of cloudDnsRequirements(instance).records) {
        for (const s of r.source) expect(keys, `${instance} ${r.id} ${s}`).toContain(s);
      }
    }
    for (const facts of Object.values(DNS_REQUIREMENTS.spfIncludes)) {
      expect(keys).toContain(facts.source);
    }
  });

  it('gives each record id once per cloud', () => {
    for (const instance of INSTANCES) {
      const ids = cloudDnsRequirements(instance).records.map((r) => r.id);
      expect(new Set(ids).size, instance).toBe(ids.length);
    }
  });

  it('requires msoid only in 21Vianet, exactly, and forbids it elsewhere', () => {
    const msoid = Object.fromEntries(
      INSTANCES.map((i) => {
        const r = cloudDnsRequirements(i).records.find((x) => x.id === 'msoid')!;
        return [i, [r.level, r.severity, r.values]];
      }),
    );
    expect(msoid).toEqual({
      worldwide: ['forbidden', 'error', []],
      china: ['required', 'warning', ['clientconfig.partner.microsoftonline-p.net.cn']],
      usgovdod: ['forbidden', 'error', []],
      usgovgcchigh: ['forbidden', 'error', []],
    });
  });

  it('has the Exchange and Teams records of every cloud, with its own SPF include', () => {
    const summary = Object.fromEntries(
      INSTANCES.map((i) => {
        const cloud = cloudDnsRequirements(i);
        const value = (id: string) => cloud.records.find((r) => r.id === id)?.values;
        return [
          i,
          {
            mx: value('mx'),
            spf: value('spf'),
            autodiscover: value('autodiscover'),
            federation: value('sipfederationtls'),
            include: cloud.spfInclude,
          },
        ];
      }),
    );
    expect(summary).toEqual({
      worldwide: {
        mx: ['{mx-token}.mail.protection.outlook.com', '{mx-token}.*.mx.microsoft'],
        spf: ['v=spf1 include:spf.protection.outlook.com -all'],
        autodiscover: ['autodiscover.outlook.com'],
        federation: ['sipfed.online.lync.com'],
        include: 'spf.protection.outlook.com',
      },
      china: {
        mx: ['{mx-token}.mail.protection.partner.outlook.cn'],
        spf: ['v=spf1 include:spf.protection.partner.outlook.cn -all'],
        autodiscover: ['autodiscover.partner.outlook.cn'],
        federation: ['sipfed.online.partner.lync.cn'],
        include: 'spf.protection.partner.outlook.cn',
      },
      usgovdod: {
        mx: ['{initial-domain}.mail.protection.office365.us'],
        spf: ['v=spf1 include:spf.protection.office365.us -all'],
        autodiscover: ['autodiscover-dod.office365.us'],
        federation: ['sipfed.online.dod.skypeforbusiness.us'],
        include: 'spf.protection.office365.us',
      },
      usgovgcchigh: {
        mx: ['{initial-domain}.mail.protection.office365.us'],
        spf: ['v=spf1 include:spf.protection.office365.us -all'],
        autodiscover: ['autodiscover.office365.us'],
        federation: ['sipfed.online.gov.skypeforbusiness.us'],
        include: 'spf.protection.office365.us',
      },
    });
  });

  it('keeps the Skype for Business records legacy in worldwide and required in 21Vianet', () => {
    const levels = (i: 'worldwide' | 'china') =>
      cloudDnsRequirements(i)
        .records.filter((r) => ['sip', 'lyncdiscover', 'sip-tls'].includes(r.id))
        .map((r) => `${r.host} ${r.level}`);
    expect(levels('worldwide')).toEqual(['_sip._tls legacy', 'sip legacy', 'lyncdiscover legacy']);
    expect(levels('china')).toEqual([
      '_sip._tls required',
      'sip required',
      'lyncdiscover required',
    ]);
  });

  it('records the SPF includes of every cloud, and a cost only where a published record was seen', () => {
    const includes = Object.entries(DNS_REQUIREMENTS.spfIncludes).map(([name, f]) => [
      name,
      f.clouds,
      f.nestedLookups,
    ]);
    expect(includes).toEqual([
      ['spf.protection.outlook.com', ['worldwide'], 0],
      ['spf.protection.partner.outlook.cn', ['china'], null],
      ['spf.protection.office365.us', ['usgovdod', 'usgovgcchigh'], null],
    ]);
    for (const instance of INSTANCES) {
      const include = cloudDnsRequirements(instance).spfInclude;
      expect(DNS_REQUIREMENTS.spfIncludes[include]?.clouds).toContain(instance);
    }
  });
});

describe('ValuePattern', () => {
  const tokens: PatternTokens = { 'domain-dashes': 'contoso-com' };
  it.each<[string, PatternTokens, string, boolean]>([
    ['autodiscover.outlook.com', {}, 'autodiscover.outlook.com.', true],
    ['autodiscover.outlook.com', {}, 'AutoDiscover.Outlook.com', true],
    ['autodiscover.outlook.com', {}, 'autodiscover.outlook.com.contoso.com.', false],
    ['autodiscover.outlook.com', {}, 'autodiscoverxoutlook.com', false],
    [
      '{mx-token}.mail.protection.outlook.com',
      {},
      'contoso-com.mail.protection.outlook.com.',
      true,
    ],
    ['{mx-token}.mail.protection.outlook.com', {}, 'a.b.mail.protection.outlook.com.', false],
    ['{mx-token}.mail.protection.outlook.com', {}, 'mail.protection.outlook.com.', false],
    [
      '{mx-token}.mail.protection.outlook.com',
      { 'mx-token': 'contoso-com01b' },
      'contoso-com.mail.protection.outlook.com.',
      false,
    ],
    ['{mx-token}.*.mx.microsoft', {}, 'contoso-com.o-v1.mx.microsoft.', true],
    ['{mx-token}.*.mx.microsoft', {}, 'contoso-com.mx.microsoft.', false],
    [
      'selector1-{domain-dashes}._domainkey.{initial-domain}.onmicrosoft.com',
      tokens,
      'selector1-contoso-com._domainkey.Contoso.onmicrosoft.com',
      true,
    ],
    [
      'selector1-{domain-dashes}._domainkey.{initial-domain}.onmicrosoft.com',
      { ...tokens, 'initial-domain': 'fabrikam' },
      'selector1-contoso-com._domainkey.contoso.onmicrosoft.com',
      false,
    ],
    [
      'selector1-*._domainkey.{initial-domain}.*.dkim.mail.microsoft',
      tokens,
      'selector1-contoso-com01i._domainkey.contoso.n-v1.dkim.mail.microsoft.',
      true,
    ],
    [
      'selector1-*._domainkey.{initial-domain}.*.dkim.mail.microsoft',
      tokens,
      'selector2-contoso-com._domainkey.contoso.n-v1.dkim.mail.microsoft.',
      false,
    ],
  ])('%s with %j matches %s: %s', (pattern, t, name, expected) => {
    expect(new ValuePattern(pattern, t).matches(name)).toBe(expected);
  });

  it('fills in known tokens and lists the unknown ones', () => {
    const p = new ValuePattern(
      'selector1-{domain-dashes}._domainkey.{initial-domain}.onmicrosoft.com',
      tokens,
    );
    expect([p.text, p.unresolved]).toEqual([
      'selector1-contoso-com._domainkey.{initial-domain}.onmicrosoft.com',
      ['initial-domain'],
    ]);
  });

  it.each([
    ['contoso.com.', 'contoso-com'],
    ['Marketing.Contoso.co.uk', 'marketing-contoso-co-uk'],
  ])('writes %s with dashes as %s', (domain, dashes) => {
    expect(domainDashes(domain)).toBe(dashes);
  });

  it.each([
    ['contoso', 'contoso'],
    ['Contoso.onmicrosoft.com', 'contoso'],
    [' contoso.onmicrosoft.us. ', 'contoso'],
  ])('takes the tenant label of %j', (initial, label) => {
    expect(initialDomainLabel(initial)).toBe(label);
  });
});
