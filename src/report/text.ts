import { CLOUD_NAMES, type Result } from '../diff/engine.js';
import type { Finding } from '../model/finding.js';
import { plainText } from './escape.js';
import { summarise } from './json.js';

/** Text for a terminal or a CI log: findings grouped by file, one line each, `file:line:col`. */
export function renderText(result: Result, options: { color?: boolean } = {}): string {
  return [...renderTextChunks(result, options)].join('');
}

/** The same text as {@link renderText}, in pieces of about 64 KB, written as it is made. */
export function* renderTextChunks(
  result: Result,
  options: { color?: boolean } = {},
): Generator<string> {
  const paint = options.color ? ansi : plain;
  let chunk = '';
  const lines = {
    push(...more: string[]): void {
      for (const line of more) chunk += `${line}\n`;
    },
  };
  const { catalogue } = result;
  lines.push(
    `endpoint-drift: ${CLOUD_NAMES[catalogue.selection.instance]} catalogue (data ${catalogue.dataDate}), ` +
      `${catalogue.requirements.hosts} host and ${catalogue.requirements.ips} address requirements; ` +
      `${result.files.length} file${result.files.length === 1 ? '' : 's'}, ` +
      `${result.files.reduce((n, f) => n + f.entries, 0)} entries`,
  );
  const byFile = new Map<string, Finding[]>();
  for (const f of result.findings) {
    const list = byFile.get(f.location.file);
    if (list) list.push(f);
    else byFile.set(f.location.file, [f]);
  }
  for (const [file, findings] of byFile) {
    // Names and messages come from the checked files: no control sequence reaches the terminal.
    const name = plainText(file);
    lines.push('', paint.bold(name));
    for (const f of findings) {
      const at = f.location.line > 0 ? `${name}:${f.location.line}:${f.location.column}` : name;
      lines.push(
        `  ${at}  ${paint[f.severity](f.severity.padEnd(7))} ${f.ruleId}  ${plainText(f.message)}`,
      );
      if (chunk.length >= 1 << 16) {
        yield chunk;
        chunk = '';
      }
    }
  }
  for (const note of result.notes) lines.push('', `note: ${plainText(note)}`);
  const s = summarise(result.findings);
  lines.push(
    '',
    `${s.error} error${s.error === 1 ? '' : 's'}, ${s.warning} warning${s.warning === 1 ? '' : 's'}, ` +
      `${s.notice} notice${s.notice === 1 ? '' : 's'}`,
  );
  yield chunk;
}

type Painter = Record<'bold' | 'error' | 'warning' | 'notice', (s: string) => string>;
const plain: Painter = { bold: (s) => s, error: (s) => s, warning: (s) => s, notice: (s) => s };
const ansi: Painter = {
  bold: (s) => `\u001b[1m${s}\u001b[22m`,
  error: (s) => `\u001b[31m${s}\u001b[39m`,
  warning: (s) => `\u001b[33m${s}\u001b[39m`,
  notice: (s) => `\u001b[36m${s}\u001b[39m`,
};
