/** Longest message a finding carries; longer text is cut with an ellipsis (it would become one annotation). */
export const MAX_MESSAGE_LENGTH = 1000;
/** Longest entry text a finding carries. */
export const MAX_ENTRY_LENGTH = 500;
/** Longest text quoted inside a message. */
export const MAX_QUOTED_LENGTH = 200;

/** Cuts text to at most `max` UTF-16 units, ending in "…" when cut; never splits a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const c = text.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

/**
 * True for ASCII whitespace (space, tab, line feed, vertical tab, form feed, carriage return):
 * what firewalls, proxies and zone files separate words with.
 */
export function isAsciiSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/**
 * `s` without ASCII whitespace at either end. `String.prototype.trim` also removes U+FEFF,
 * U+00A0, U+2028, U+3000 and every other Unicode space; a firewall does not, so an entry
 * carrying one is not the name it looks like, and must not be made to look right.
 */
export function trimSpaces(s: string): string {
  return trimSpacesEnd(trimSpacesStart(s));
}

/** `s` without ASCII whitespace at its start (see {@link trimSpaces}). */
export function trimSpacesStart(s: string): string {
  let i = 0;
  while (i < s.length && isAsciiSpace(s.charCodeAt(i))) i++;
  return i === 0 ? s : s.slice(i);
}

/** `s` without ASCII whitespace at its end (see {@link trimSpaces}). */
export function trimSpacesEnd(s: string): string {
  let end = s.length;
  while (end > 0 && isAsciiSpace(s.charCodeAt(end - 1))) end--;
  return end === s.length ? s : s.slice(0, end);
}
