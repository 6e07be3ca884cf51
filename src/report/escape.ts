/**
 * Escaping of text that comes from the checked files (file names, entries, messages that quote
 * them) before it is printed. Every file is written by whoever opened the pull request, so
 * nothing in it may become Markdown, HTML, a link, an image, a table cell boundary or a
 * terminal control sequence.
 */

export { MAX_ENTRY_LENGTH, MAX_MESSAGE_LENGTH, truncate } from '../model/text.js';

// C0 and C1 controls, DEL, and the invisible characters that reorder or hide text: zero-width
// characters, bidirectional embeddings, overrides and isolates, the byte order mark.
const HIDDEN =
  // eslint-disable-next-line no-control-regex, no-misleading-character-class -- these characters are the point
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufffb]/g;

function visible(c: string): string {
  const code = c.charCodeAt(0);
  return code < 0x10000 ? `\\u${code.toString(16).padStart(4, '0')}` : c;
}

/**
 * Plain text for a terminal, a log or an annotation: controls and invisible characters are
 * shown as `\uXXXX`, so no escape sequence reaches the terminal and nothing hides in a name.
 */
export function plainText(text: string): string {
  return text.replace(HIDDEN, visible);
}

const MARKDOWN_SPECIAL = /[\\`*_{}[\]()#+!|~<>&"'$:@^=-]/g;
const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  // A colon is what turns `https://…` into a link, or `:x:` into an emoji.
  ':': '&#58;',
  // `@name` would mention a user or a team, and `a@b.example` become a mail link.
  '@': '&#64;',
};
const LINE_BREAK = /\r\n|[\r\n\u2028\u2029]/g;

/**
 * Text inside a Markdown paragraph, quote or table cell, rendered exactly as written (newlines
 * as spaces): HTML, links, images, emphasis, mentions and `|` are entity-encoded or
 * backslash-escaped, and `www.` cannot start an autolink.
 */
export function markdownText(text: string): string {
  return plainText(text.replace(LINE_BREAK, ' '))
    .replace(MARKDOWN_SPECIAL, (c) => ENTITIES[c] ?? `\\${c}`)
    .replace(/(w{3})\./gi, '$1&#46;');
}

/** Text in a table cell: {@link markdownText}, in which `|` cannot end the cell. */
export function tableCell(text: string): string {
  return markdownText(text);
}

/**
 * Text shown as code, safe in a table cell. An HTML `<code>` element rather than backticks:
 * GitHub splits table rows on a `|` after a backslash even inside a code span, and the text
 * inside the element is escaped like any other.
 */
export function inlineCode(text: string): string {
  return `<code>${markdownText(text)}</code>`;
}
