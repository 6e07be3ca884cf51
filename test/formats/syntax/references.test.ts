import { describe, expect, it } from 'vitest';
import { classifyReference, editDistance } from '../../../src/formats/syntax/references.js';

const FEED = 'https://saasedl.paloaltonetworks.com/feeds/m365';

describe('classifyReference: Azure Firewall tags', () => {
  it.each([
    [
      'Office365.Exchange.Optimize',
      'fqdn-tag',
      {
        scheme: 'azure-fqdn-tag',
        serviceAreas: ['Exchange'],
        categories: ['Optimize'],
        required: undefined,
        addressKinds: ['url'],
      },
    ],
    [
      'Office365.Exchange.Allow.NotRequired',
      'fqdn-tag',
      {
        scheme: 'azure-fqdn-tag',
        serviceAreas: ['Exchange'],
        categories: ['Allow'],
        required: false,
        addressKinds: ['url'],
      },
    ],
    [
      'Office365.Common.Default.Required',
      'fqdn-tag',
      {
        scheme: 'azure-fqdn-tag',
        serviceAreas: ['Common'],
        categories: ['Default'],
        required: true,
        addressKinds: ['url'],
      },
    ],
    [
      // Tags are compared case-insensitively, so a lower-case suffix is the same tag.
      'Office365.Skype.Allow.required',
      'fqdn-tag',
      {
        scheme: 'azure-fqdn-tag',
        serviceAreas: ['Skype'],
        categories: ['Allow'],
        required: true,
        addressKinds: ['url'],
      },
    ],
    [
      'Microsoft365.SharePoint.Optimize',
      'service-tag',
      {
        scheme: 'azure-service-tag',
        serviceAreas: ['SharePoint'],
        categories: ['Optimize'],
        required: undefined,
        addressKinds: ['ipv4'],
      },
    ],
    [
      '  Office365.Skype.Allow  ',
      'service-tag',
      {
        scheme: 'azure-service-tag',
        serviceAreas: ['Skype'],
        categories: ['Allow'],
        required: undefined,
        addressKinds: ['ipv4'],
      },
    ],
  ] as const)('%s as %s', (text, context, reference) => {
    expect(classifyReference(text, context)).toEqual({ kind: 'reference', reference });
  });

  it.each([
    [
      'Office365.Exchange.Optimise',
      'fqdn-tag',
      'unknown FQDN tag "Office365.Exchange.Optimise"; did you mean "Office365.Exchange.Optimize"?',
    ],
    [
      'Office365.Exchange.Optimization',
      'fqdn-tag',
      'unknown FQDN tag "Office365.Exchange.Optimization"; did you mean "Office365.Exchange.Optimize"?',
    ],
    [
      'Office365.Skype.Defualt.NotRequired',
      'fqdn-tag',
      'unknown FQDN tag "Office365.Skype.Defualt.NotRequired"; did you mean "Office365.Skype.Default.NotRequired"?',
    ],
    [
      'Microsoft365.Exchange.Optimise',
      'service-tag',
      'unknown service tag "Microsoft365.Exchange.Optimise"; did you mean "Microsoft365.Exchange.Optimize"?',
    ],
    [
      // No Microsoft 365 prefix, but one letter away from a tag.
      'Ofice365.Common.Allow.Required',
      'fqdn-tag',
      'unknown FQDN tag "Ofice365.Common.Allow.Required"; did you mean "Office365.Common.Allow.Required"?',
    ],
    [
      'Office365',
      'fqdn-tag',
      'unknown FQDN tag "Office365": Microsoft 365 tags name an area and a category, such as "Office365.Exchange.Optimize"',
    ],
    [
      'Office365.Common.Default.Required',
      'service-tag',
      'unknown service tag "Office365.Common.Default.Required": the Default category has no IP addresses, so it exists only as an FQDN tag',
    ],
  ] as const)('%s as %s is misspelt', (text, context, message) => {
    expect(classifyReference(text, context)).toEqual({ kind: 'invalid', message });
  });

  it.each([
    [
      'WindowsUpdate',
      'fqdn-tag',
      'FQDN tag "WindowsUpdate" is not a Microsoft 365 tag; what it allows is not compared',
    ],
    [
      'WindowsVirtualDesktop',
      'fqdn-tag',
      'FQDN tag "WindowsVirtualDesktop" is not a Microsoft 365 tag; what it allows is not compared',
    ],
    [
      'AzureCloud.WestEurope',
      'service-tag',
      'service tag "AzureCloud.WestEurope" is not a Microsoft 365 tag; what it allows is not compared',
    ],
    [
      'AzureFrontDoor.Frontend',
      'service-tag',
      'service tag "AzureFrontDoor.Frontend" is not a Microsoft 365 tag; what it allows is not compared',
    ],
  ] as const)('%s as %s is another tag', (text, context, note) => {
    expect(classifyReference(text, context)).toEqual({ kind: 'other-tag', note });
  });

  it.each([
    ['10.0.0.0/8', 'service-tag'],
    ['2603:1006::/40', 'service-tag'],
    ['login.microsoftonline.com', 'service-tag'],
    ['*.office.com', 'fqdn-tag'],
    ['two words', 'fqdn-tag'],
    ['', 'fqdn-tag'],
  ] as const)('%j as %s is not a tag', (text, context) => {
    expect(classifyReference(text, context)).toBeUndefined();
  });
});

describe('classifyReference: Palo Alto hosted feeds', () => {
  it.each([
    [
      `${FEED}/worldwide/any/optimize/ipv4`,
      {
        scheme: 'pan-feed',
        serviceAreas: undefined,
        categories: ['Optimize'],
        addressKinds: ['ipv4'],
        instance: 'worldwide',
      },
    ],
    [
      // Palo Alto adds the Common endpoints to the feed of every area.
      `${FEED}/worldwide/exchange/all/url`,
      {
        scheme: 'pan-feed',
        serviceAreas: ['Exchange', 'Common'],
        categories: undefined,
        addressKinds: ['url'],
        instance: 'worldwide',
      },
    ],
    [
      `${FEED}/usgovgcchigh/any/all/ipv4`,
      {
        scheme: 'pan-feed',
        serviceAreas: undefined,
        categories: undefined,
        addressKinds: ['ipv4'],
        instance: 'usgovgcchigh',
      },
    ],
    [
      'saasedl.paloaltonetworks.com/feeds/m365/China/Common/optimize_allow/ipv6/',
      {
        scheme: 'pan-feed',
        serviceAreas: ['Common'],
        categories: ['Optimize', 'Allow'],
        addressKinds: ['ipv6'],
        instance: 'china',
      },
    ],
    [
      'http://saasedl.paloaltonetworks.com/feeds/m365/usgccdod/sharepoint/default/url',
      {
        scheme: 'pan-feed',
        serviceAreas: ['SharePoint', 'Common'],
        categories: ['Default'],
        addressKinds: ['url'],
        instance: 'usgovdod',
      },
    ],
  ])('%s', (url, reference) => {
    expect(classifyReference(url, 'url')).toEqual({ kind: 'reference', reference });
  });

  it.each([
    [
      `${FEED}/worldwid/any/all/ipv4`,
      'unknown cloud "worldwid" in a Microsoft 365 feed URL; did you mean "worldwide"?',
    ],
    [
      `${FEED}/worldwide/exchang/all/ipv4`,
      'unknown service area "exchang" in a Microsoft 365 feed URL; did you mean "exchange"?',
    ],
    [
      `${FEED}/worldwide/any/optimise/url`,
      'unknown category "optimise" in a Microsoft 365 feed URL; did you mean "optimize"?',
    ],
    [
      `${FEED}/worldwide/any/all/ip4`,
      'unknown list type "ip4" in a Microsoft 365 feed URL; did you mean "ipv4"?',
    ],
    [
      `${FEED}/germany/any/all/ipv4`,
      'unknown cloud "germany" in a Microsoft 365 feed URL; expected worldwide, china, usgovdod, usgovgcchigh',
    ],
    [
      `${FEED}/worldwide/any/ipv4`,
      `Microsoft 365 feed URLs have the form .../feeds/m365/<cloud>/<area>/<category>/<ipv4|ipv6|url>, not "${FEED}/worldwide/any/ipv4"`,
    ],
  ])('%s is malformed', (url, message) => {
    expect(classifyReference(url, 'url')).toEqual({ kind: 'invalid', message });
  });

  it('names feeds of other services as other references', () => {
    const url = 'https://saasedl.paloaltonetworks.com/feeds/msintune/all/ipv4';
    expect(classifyReference(url, 'url')).toEqual({
      kind: 'other-tag',
      note: `"${url}" is a hosted feed of "msintune", not of Microsoft 365; what it allows is not compared`,
    });
  });

  it.each([
    'https://example.com/feeds/m365/worldwide/any/all/ipv4',
    'https://saasedl.paloaltonetworks.com.evil.example/feeds/m365/worldwide/any/all/ipv4',
    'outlook.office365.com',
  ])('%s is not a feed', (url) => {
    expect(classifyReference(url, 'url')).toBeUndefined();
  });
});

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['', 'abc', 3],
    ['kitten', 'sitting', 3],
    ['optimise', 'optimize', 1],
    ['defualt', 'default', 2],
  ])('%j to %j is %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});
