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
