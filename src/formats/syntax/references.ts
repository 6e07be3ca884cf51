import type { ReferenceEntry } from '../../model/entry.js';
import { looksLikeIp } from '../../model/ip.js';
import { trimSpaces } from '../../model/text.js';

/**
 * Names that stand for a part of the Microsoft 365 catalogue instead of listing endpoints: Azure
 * Firewall FQDN tags and service tags (`Office365.Exchange.Optimize`), and Palo Alto Networks'
 * hosted feed URLs (`https://saasedl.paloaltonetworks.com/feeds/m365/worldwide/any/optimize/ipv4`).
 * Every format that can hold them asks here, so a tag means the same thing in Terraform, Bicep and
 * ARM templates.
 */

export type Reference = ReferenceEntry['reference'];

/** Where the text was found: it decides which names are valid and what they cover. */
export type ReferenceContext = 'fqdn-tag' | 'service-tag' | 'url';

export type ReferenceClass =
  | { readonly kind: 'reference'; readonly reference: Reference }
  /** A valid name that is not about Microsoft 365; `note` says so, for a notice. */
  | { readonly kind: 'other-tag'; readonly note: string }
  /** A Microsoft 365 name that is misspelt or malformed; `message` suggests the nearest valid one. */
  | { readonly kind: 'invalid'; readonly message: string };

/**
 * What a tag or URL stands for; undefined when the text is not a reference at all (a host name
 * or an address in a tag field, a URL of another site).
 */
export function classifyReference(
  text: string,
  context: ReferenceContext,
): ReferenceClass | undefined {
  const trimmed = trimSpaces(text);
  return context === 'url' ? classifyFeedUrl(trimmed) : classifyTag(trimmed, context);
}

// ── Azure Firewall tags ─────────────────────────────────────────────────────

const PREFIXES = ['Office365', 'Microsoft365'] as const;
const AREAS = ['Exchange', 'SharePoint', 'Skype', 'Common'] as const;
const CATEGORIES = ['Optimize', 'Allow', 'Default'] as const;
/** The suffixes Azure publishes; the grammar also accepts a category without one. */
const PUBLISHED_CATEGORIES = [
  'Optimize',
  'Allow.Required',
  'Allow.NotRequired',
  'Default.Required',
  'Default.NotRequired',
] as const;

const TAG_NAME = { 'fqdn-tag': 'FQDN tag', 'service-tag': 'service tag' } as const;

/** `office365.exchange.allow.required` → what it covers; built once, looked up case-insensitively. */
const TAGS = new Map<string, Reference & { readonly category: string }>();
for (const prefix of PREFIXES) {
  for (const area of AREAS) {
    for (const category of CATEGORIES) {
      for (const required of [undefined, true, false]) {
        const suffix = required === undefined ? '' : required ? '.Required' : '.NotRequired';
        TAGS.set(`${prefix}.${area}.${category}${suffix}`.toLowerCase(), {
          scheme: '',
          serviceAreas: [area],
          categories: [category],
          required,
          category,
        });
      }
    }
  }
}

function published(prefix: (typeof PREFIXES)[number]): string[] {
  return AREAS.flatMap((area) => PUBLISHED_CATEGORIES.map((c) => `${prefix}.${area}.${c}`));
}
const SUGGESTIONS = { Office365: published('Office365'), Microsoft365: published('Microsoft365') };

/** Letters, digits, dots, hyphens and underscores: anything else cannot be a tag. */
const TAG_SHAPE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
/** Spellings of the Microsoft 365 family that people write in front of a tag. */
const M365_LEAD = /^(?:office ?365|microsoft ?365|o365|m365)(?:[._ -]|$)/i;
/** Edit distance within which a name counts as a misspelt Microsoft 365 tag. */
const NEAR = 3;

function classifyTag(
  text: string,
  context: 'fqdn-tag' | 'service-tag',
): ReferenceClass | undefined {
  if (!TAG_SHAPE.test(text) || looksLikeIp(text)) return undefined;
  const what = TAG_NAME[context];
  const known = TAGS.get(text.toLowerCase());
  if (known) {
    if (context === 'service-tag' && known.category === 'Default') {
      return {
        kind: 'invalid',
        message: `unknown service tag "${text}": the Default category has no IP addresses, so it exists only as an FQDN tag`,
      };
    }
    return {
      kind: 'reference',
      reference: {
        scheme: context === 'fqdn-tag' ? 'azure-fqdn-tag' : 'azure-service-tag',
        serviceAreas: known.serviceAreas,
        categories: known.categories,
        required: known.required,
        // FQDN tags carry the names, service tags the IPv4 prefixes.
        addressKinds: context === 'fqdn-tag' ? ['url'] : ['ipv4'],
      },
    };
  }

  const lead = M365_LEAD.exec(text);
  const candidates =
    SUGGESTIONS[/^m/i.test(text) && !/^m365/i.test(text) ? 'Microsoft365' : 'Office365'];
  const usable =
    context === 'service-tag' ? candidates.filter((c) => !c.includes('.Default.')) : candidates;
  const best = nearest(text, usable);
  if (lead && lead[0].length === text.length) {
    return {
      kind: 'invalid',
      message: `unknown ${what} "${text}": Microsoft 365 tags name an area and a category, such as "${usable[0]}"`,
    };
  }
  if (lead || best.distance <= NEAR) {
    return { kind: 'invalid', message: `unknown ${what} "${text}"; did you mean "${best.name}"?` };
  }
  // A lower-case dotted name in an address field is a host name, not a tag (tags are PascalCase).
  if (context === 'service-tag' && text.includes('.') && text === text.toLowerCase()) {
    return undefined;
  }
  return {
    kind: 'other-tag',
    note: `${what} "${text}" is not a Microsoft 365 tag; what it allows is not compared`,
  };
}

// ── Palo Alto Networks hosted feeds ─────────────────────────────────────────

const FEED_HOST =
  /^(?:https?:\/\/)?saasedl\.paloaltonetworks\.com(?::443)?(\/[^?#]*)?(?:[?#].*)?$/i;
const FEED_FORM = '.../feeds/m365/<cloud>/<area>/<category>/<ipv4|ipv6|url>';

/** Path names of the clouds, and the catalogue's instance each one is. */
const CLOUDS: Readonly<Record<string, string>> = {
  worldwide: 'worldwide',
  china: 'china',
  usgovdod: 'usgovdod',
  usgovgcchigh: 'usgovgcchigh',
  // Shorter spellings seen in configurations.
  usgccdod: 'usgovdod',
  usgcchigh: 'usgovgcchigh',
};
const CLOUD_NAMES = ['worldwide', 'china', 'usgovdod', 'usgovgcchigh'];
const FEED_AREAS: Readonly<Record<string, string | undefined>> = {
  any: undefined,
  common: 'Common',
  exchange: 'Exchange',
  sharepoint: 'SharePoint',
  skype: 'Skype',
};
const FEED_CATEGORIES: Readonly<Record<string, string>> = {
  optimize: 'Optimize',
  allow: 'Allow',
  default: 'Default',
};
const FEED_KINDS = ['ipv4', 'ipv6', 'url'] as const;

function classifyFeedUrl(text: string): ReferenceClass | undefined {
  const m = FEED_HOST.exec(text);
  if (!m) return undefined;
  const steps = (m[1] ?? '').split('/').filter((s) => s !== '');
  const family = steps[1]?.toLowerCase();
  if (steps[0]?.toLowerCase() !== 'feeds' || family === undefined) {
    return { kind: 'other-tag', note: `"${text}" is not a hosted feed URL; it is not compared` };
  }
  if (family !== 'm365') {
    return {
      kind: 'other-tag',
      note: `"${text}" is a hosted feed of "${steps[1]}", not of Microsoft 365; what it allows is not compared`,
    };
  }
  if (steps.length !== 6) {
    return {
      kind: 'invalid',
      message: `Microsoft 365 feed URLs have the form ${FEED_FORM}, not "${text}"`,
    };
  }
  const [cloud, area, category, kind] = steps.slice(2).map((s) => s.toLowerCase()) as [
    string,
    string,
    string,
    string,
  ];

  const instance = CLOUDS[cloud];
  if (instance === undefined) return badSegment('cloud', steps[2]!, CLOUD_NAMES);
  if (!(area in FEED_AREAS)) return badSegment('service area', steps[3]!, Object.keys(FEED_AREAS));
  const categories = feedCategories(category);
  if (categories === null) {
    return badSegment('category', steps[4]!, [
      'all',
      'optimize',
      'allow',
      'default',
      'optimize_allow',
    ]);
  }
  if (!(FEED_KINDS as readonly string[]).includes(kind)) {
    return badSegment('list type', steps[5]!, [...FEED_KINDS]);
  }
  const serviceArea = FEED_AREAS[area];
  return {
    kind: 'reference',
    reference: {
      scheme: 'pan-feed',
      // Palo Alto adds the Common endpoints to every feed of one area.
      serviceAreas:
        serviceArea === undefined
          ? undefined
          : serviceArea === 'Common'
            ? ['Common']
            : [serviceArea, 'Common'],
      categories,
      addressKinds: [kind as (typeof FEED_KINDS)[number]],
      instance,
    },
  };
}

/** `all` → undefined (every category); `optimize_allow` → both; null when a part is unknown. */
function feedCategories(segment: string): string[] | undefined | null {
  if (segment === 'all' || segment === 'any') return undefined;
  const out: string[] = [];
  for (const part of segment.split('_')) {
    const category = FEED_CATEGORIES[part];
    if (category === undefined) return null;
    if (!out.includes(category)) out.push(category);
  }
  return out;
}

function badSegment(what: string, written: string, valid: readonly string[]): ReferenceClass {
  const best = nearest(written, valid);
  const hint =
    best.distance <= NEAR ? `did you mean "${best.name}"?` : `expected ${valid.join(', ')}`;
  return {
    kind: 'invalid',
    message: `unknown ${what} "${written}" in a Microsoft 365 feed URL; ${hint}`,
  };
}

// ── suggestions ─────────────────────────────────────────────────────────────

function nearest(text: string, names: readonly string[]): { name: string; distance: number } {
  const lower = text.toLowerCase();
  let best = { name: names[0] ?? '', distance: Number.POSITIVE_INFINITY };
  for (const name of names) {
    const distance = editDistance(lower, name.toLowerCase());
    if (distance < best.distance) best = { name, distance };
  }
  return best;
}

/** Levenshtein distance (insertions, deletions, substitutions), one row at a time. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}
