import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { EMBEDDED_CATALOGUE } from './catalogue/embedded.js';
import { HELP, VERSION } from './cli-help.js';
import { scenarioIds } from './catalogue/select.js';
import { ConfigError, OPTION_NAMES, resolveOptions } from './config/options.js';
import { DEFAULT_CONFIG, readConfigFile } from './io/files.js';
import { severityRank } from './model/finding.js';
import { DNS_FORMATS } from './formats/dns/index.js';
import { ALLOWLIST_FORMATS } from './formats/allowlist/index.js';
import { runCheck } from './pipeline.js';
import { renderJsonChunks } from './report/json.js';
import { renderTextChunks } from './report/text.js';

export interface CliIo {
  readonly cwd: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly color?: boolean;
}

/** Runs the CLI and returns the exit status; the only place besides the action that decides one. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.stdout(HELP);
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === '-V') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  if (command === 'scenarios') {
    for (const row of EMBEDDED_CATALOGUE.otherEndpoints) {
      if (
        row.part !== undefined &&
        row !== EMBEDDED_CATALOGUE.otherEndpoints.find((r) => r.scenario === row.scenario)
      )
        continue;
      io.stdout(`${row.scenario.padEnd(40)} row ${row.row}: ${row.purpose}\n`);
    }
    return scenarioIds(EMBEDDED_CATALOGUE).length > 0 ? 0 : 1;
  }
  if (command === 'formats') {
    io.stdout('Allowlists:\n');
    for (const f of ALLOWLIST_FORMATS)
      io.stdout(`  ${f.id.padEnd(21)} ${f.title} (${f.filePatterns.join(', ')})\n`);
    io.stdout('DNS record files:\n');
    for (const f of DNS_FORMATS)
      io.stdout(`  ${f.id.padEnd(21)} ${f.title} (${f.filePatterns.join(', ')})\n`);
    return 0;
  }
  if (command !== 'check') {
    io.stderr(
      `endpoint-drift: unknown command "${command}" (expected check or formats; see --help)\n`,
    );
    return 2;
  }
  try {
    return await check(rest, io);
  } catch (e) {
    if (e instanceof UsageError || e instanceof ConfigError) {
      io.stderr(`${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

class UsageError extends Error {}

async function check(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseCheckArgs(argv);
  const root = path.resolve(io.cwd, args.root ?? '.');
  const config = await readConfigFile(root, args.config, io.cwd);
  const overrides = Object.fromEntries(OPTION_NAMES.map((n) => [n, args.options[n]]));
  const options = resolveOptions(config, overrides, args.allowlists, args.dns);
  if (options.allowlists.length === 0 && options.dns.length === 0 && options.domains.length === 0)
    throw new UsageError(
      `endpoint-drift: nothing to check: give --allowlist PATH or --dns PATH, or list them under "allowlists" or "dns" in ${config?.path ?? DEFAULT_CONFIG}`,
    );

  const { result, inputErrors } = await runCheck(root, options, EMBEDDED_CATALOGUE);
  // Reports are written as they are serialised: a million findings never become one string.
  const report =
    args.format === 'json'
      ? renderJsonChunks(result)
      : renderTextChunks(result, { color: io.color ?? false });
  for (const chunk of report) io.stdout(chunk);
  if (args.output) await writeFile(path.resolve(io.cwd, args.output), renderJsonChunks(result));
  for (const e of inputErrors) io.stderr(`endpoint-drift: ${e}\n`);
  if (inputErrors.length > 0) return 2;
  if (options.failOn === 'never') return 0;
  const threshold = severityRank(options.failOn);
  return result.findings.some((f) => severityRank(f.severity) >= threshold) ? 1 : 0;
}

interface CheckArgs {
  config?: string;
  root?: string;
  allowlists: string[];
  dns: string[];
  format: 'text' | 'json';
  output?: string;
  options: Record<string, string | undefined>;
}

const BOOLEAN_FLAGS = ['include-optional', 'ipv6'];

function parseCheckArgs(argv: readonly string[]): CheckArgs {
  // Boolean options accept `--ipv6`, `--ipv6=false` and `--no-ipv6`, like the config's true/false.
  const normalised = argv.map((a, i) => {
    const next = argv[i + 1];
    for (const b of BOOLEAN_FLAGS) {
      if (a === `--${b}` && (next === undefined || next.startsWith('-'))) return `--${b}=true`;
      if (a === `--no-${b}`) return `--${b}=false`;
    }
    return a;
  });
  let parsed;
  try {
    parsed = parseArgs({
      args: normalised,
      strict: true,
      allowPositionals: false,
      options: {
        config: { type: 'string' },
        root: { type: 'string' },
        allowlist: { type: 'string', multiple: true },
        dns: { type: 'string', multiple: true },
        format: { type: 'string' },
        output: { type: 'string' },
        ...Object.fromEntries(OPTION_NAMES.map((n) => [n, { type: 'string' as const }])),
      },
    });
  } catch (e) {
    throw new UsageError(
      `endpoint-drift check: ${(e as Error).message.split('\n')[0]} (see --help)`,
    );
  }
  const v = parsed.values as Record<string, string | string[] | undefined>;
  const format = (v.format as string | undefined) ?? 'text';
  if (format !== 'text' && format !== 'json')
    throw new UsageError(`endpoint-drift check: --format must be text or json, got "${format}"`);
  return {
    ...(v.config !== undefined ? { config: v.config as string } : {}),
    ...(v.root !== undefined ? { root: v.root as string } : {}),
    ...(v.output !== undefined ? { output: v.output as string } : {}),
    allowlists: (v.allowlist as string[] | undefined) ?? [],
    dns: (v.dns as string[] | undefined) ?? [],
    format,
    options: Object.fromEntries(OPTION_NAMES.map((n) => [n, v[n] as string | undefined])),
  };
}
