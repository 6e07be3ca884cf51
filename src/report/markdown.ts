/**
 * Markdown for GitHub (job summary, check run, pull-request comment). Every piece of text that
 * comes from the repository (file names, entries, messages quoting entries) goes through
 * `text()` or `code()`: a file may be written by whoever opened the pull request.
 */

/** Longest user text put into one table cell or line, in characters. */
export const MAX_TEXT = 300;

// Characters with a meaning in Markdown, HTML or GitHub's extensions (mentions, tables, emoji,
// references, autolinks): written as numeric character references, which render as themselves.
const SPECIAL = /[\\`*_{}[\]<>#+!|~&@$]/g;
// C0/C1 controls, and the bidirectional and zero-width characters that make text read other than
// it is (Trojan Source).
// eslint-disable-next-line no-control-regex -- control characters are what it removes
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/** Cuts text to `max` characters (code points), marking the cut with an ellipsis. */
export function truncate(text: string, max = MAX_TEXT): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** User text as inert Markdown: one line, at most `max` characters, every special character escaped. */
export function text(value: string, max = MAX_TEXT): string {
  const oneLine = value.replace(/\r\n?|\n/g, ' ').replace(INVISIBLE, ' ');
  return truncate(oneLine, max).replace(SPECIAL, (c) => `&#${c.codePointAt(0)};`);
}

/**
 * User text in a monospace span. A backtick code span cannot escape anything, so this is HTML
 * `<code>` with the same escaping as `text()` (a `|` inside would still split a table cell).
 */
export function code(value: string, max = MAX_TEXT): string {
  return `<code>${text(value, max)}</code>`;
}

/** A link whose label is user text; `url` must be built by `blobUrl` or be our own. */
export function link(label: string, url: string): string {
  return `[${text(label)}](${url})`;
}

/** The URL of a line of a file at a commit: every path segment percent-encoded, parentheses too. */
export function blobUrl(
  serverUrl: string,
  repository: string,
  sha: string,
  file: string,
  line?: number,
): string {
  const encoded = file
    .split('/')
    .map((s) =>
      encodeURIComponent(s).replace(/[()'!*]/g, (c) => `%${c.charCodeAt(0).toString(16)}`),
    )
    .join('/');
  const base = `${serverUrl.replace(/\/+$/, '')}/${repository}/blob/${sha}/${encoded}`;
  return line && line > 0 ? `${base}#L${line}` : base;
}

/** Size of a string as GitHub counts its limits for the job summary (bytes of UTF-8). */
export function utf8Length(value: string): number {
  return Buffer.byteLength(value, 'utf8');
}
