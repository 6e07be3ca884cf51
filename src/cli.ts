import { stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { EMBEDDED_CATALOGUE } from './catalogue/embedded.js';
import { COMMAND_HELP, COMMANDS, HELP, VERSION } from './cli-help.js';
import { scenarioIds } from './catalogue/select.js';
import { chooseCatalogue } from './catalogue/source.js';
import type { Catalogue } from './catalogue/types.js';
import { ConfigError, OPTION_NAMES, resolveOptions, type Options } from './config/options.js';
import { DEFAULT_CONFIG, readConfigFile } from './io/files.js';
import { formatLocation } from './model/location.js';
import type { RuleId } from './model/finding.js';
import { ALLOWLIST_REGISTRY, DNS_REGISTRY } from './formats/registry.js';
import { SnapshotError } from './io/catalogue-store.js';
import { didYouMean } from './model/suggest.js';
import { assess } from './diff/assess.js';
import { describeError, runCheck } from './pipeline.js';
import { renderTextChunks } from './report/text.js';

export interface CliIo {
  readonly cwd: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly color?: boolean;
  /**
   * Resolves once stdout has written what it was given, when it is behind (a pipe to a slower
   * reader); a long report waits for it between chunks rather than queueing all of them.
   */
  readonly drained?: () => Promise<void> | undefined;
  /** The check's clock; tests fix it. */
  readonly now?: () => Date;
  /** How the web service is reached (`catalogue: live`, `catalogue update`); tests inject. */
  readonly fetch?: typeof fetch;
  readonly sleep?: (ms: number) => Promise<void>;
}

/** Runs the CLI and returns the exit status; the only place besides the action that decides one. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h') {
    io.stdout(HELP);
    return command === undefined ? 2 : 0;
  }
  if (command === 'help') {
    const topic = rest[0];
    if (topic === undefined) {
      io.stdout(HELP);
      return 0;
    }
    const text = COMMAND_HELP[topic];
    if (text === undefined) {
      io.stderr(
        `endpoint-drift help: unknown command "${topic}"${didYouMean(topic, COMMANDS)} (commands: ${COMMANDS.join(', ')})\n`,
      );
      return 2;
    }
    io.stdout(text);
    return 0;
  }
  // `endpoint-drift check --help`: the command's own help, whatever else is on the line.
  if (
    (COMMANDS as readonly string[]).includes(command) &&
    rest.some((a) => a === '--help' || a === '-h')
  ) {
    io.stdout(COMMAND_HELP[command]!);
    return 0;
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
    for (const f of ALLOWLIST_REGISTRY)
      io.stdout(`  ${f.id.padEnd(21)} ${f.title} (${f.filePatterns.join(', ')})\n`);
    io.stdout('DNS record files:\n');
    for (const f of DNS_REGISTRY)
      io.stdout(`  ${f.id.padEnd(21)} ${f.title} (${f.filePatterns.join(', ')})\n`);
    return 0;
  }
  // Commands and reports other than check's text are loaded when asked for: each run starts by
  // reading and compiling the code it imports.
  if (command === 'catalogue')
    return (await import('./cli-catalogue.js')).catalogueCommand(rest, io);
  if (command !== 'check' && command !== 'fix') {
    io.stderr(
      command.startsWith('-')
        ? `endpoint-drift: "${command}" comes before a command; write endpoint-drift check ${command} (see --help)\n`
        : `endpoint-drift: unknown command "${command}"${didYouMean(command, COMMANDS)} (commands: ${COMMANDS.join(', ')}; see --help)\n`,
    );
    return 2;
  }
  try {
    if (command === 'fix') return await fix(rest, io);
    return await check(rest, io);
  } catch (e) {
    if (e instanceof UsageError || e instanceof ConfigError || e instanceof SnapshotError) {
      io.stderr(`${e instanceof SnapshotError ? 'endpoint-drift: ' : ''}${e.message}\n`);
      return 2;
    }
    // Not the user's mistake: one line, and the stack only when asked for.
    io.stderr(`endpoint-drift: internal error: ${describeError(e)}\n`);
    if (rest.includes('--debug') && e instanceof Error && e.stack) io.stderr(`${e.stack}\n`);
    return 2;
  }
}

class UsageError extends Error {}

async function check(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseCheckArgs(argv);
  const { root, options } = await optionsOf(args, io);

  const now = io.now?.() ?? new Date();
  const source = await catalogueOf(args, io, root, options, now);
  const today = now.toISOString().slice(0, 10);
  const {
    result: checked,
    inputErrors,
    comments,
  } = await runCheck(root, options, source.catalogue, {
    origin: source.origin,
    today,
    notes: source.notes,
    debug: (stack) => {
      if (args.debug) io.stderr(`${stack}\n`);
    },
  });
  // Waivers apply here as in the action; there is no base to compare with.
  const assessment = assess({
    result: checked,
    base: { compared: false, reason: 'the command line compares no base' },
    failOn: options.failOn,
    onlyNew: false,
    ignore: options.ignore,
    comments,
    today,
  });
  const result = assessment.result;
  if (options.sarifFile) {
    const { renderSarif } = await import('./report/sarif.js');
    await writeFile(path.resolve(io.cwd, options.sarifFile), renderSarif(assessment, VERSION));
  }
  // Reports are written as they are serialised: a million findings never become one string.
  const report =
    args.format === 'json'
      ? (await import('./report/json.js')).renderJsonChunks(result)
      : renderTextChunks(result, {
          color: io.color ?? false,
          verbose: args.verbose,
          minSeverity: options.minSeverity,
        });
  for (const chunk of report) {
    io.stdout(chunk);
    await io.drained?.();
  }
  if (args.output) {
    const { renderJsonChunks } = await import('./report/json.js');
    await writeFile(path.resolve(io.cwd, args.output), renderJsonChunks(result));
  }
  for (const e of inputErrors) io.stderr(`endpoint-drift: ${e}\n`);
  if (inputErrors.length > 0) return 2;
  return assessment.verdict.failed ? 1 : 0;
}

async function optionsOf(args: CheckArgs, io: CliIo): Promise<{ root: string; options: Options }> {
  const root = path.resolve(io.cwd, args.root ?? '.');
  const rootStat = await stat(root).catch(() => undefined);
  if (!rootStat?.isDirectory())
    throw new UsageError(
      `endpoint-drift: --root ${args.root ?? '.'} ${rootStat ? 'is not a directory' : 'does not exist'}`,
    );
  // A relative --config is inside the repository, like every other path.
  const config = await readConfigFile(root, args.config);
  const overrides = {
    ...Object.fromEntries(OPTION_NAMES.map((n) => [n, args.options[n]])),
    'sarif-file': args.sarifFile,
  };
  const options = resolveOptions(config, overrides, args.allowlists, args.dns);
  if (options.allowlists.length === 0 && options.dns.length === 0 && options.domains.length === 0)
    throw new UsageError(
      `endpoint-drift: nothing to check: give --allowlist PATH or --dns PATH, or list them under "allowlists" or "dns" in ${config?.path ?? DEFAULT_CONFIG}`,
    );
  return { root, options };
}

/** The catalogue the options name (embedded, a snapshot, live), with its warnings on stderr. */
async function catalogueOf(
  args: CheckArgs,
  io: CliIo,
  root: string,
  options: Options,
  now: Date,
): Promise<Awaited<ReturnType<typeof chooseCatalogue>>> {
  const flag = args.options.catalogue;
  // A path given on the command line is the user's own: relative to the working directory, and
  // allowed outside the repository.
  const fromFlag = flag !== undefined && flag !== 'embedded' && flag !== 'live';
  const source = await chooseCatalogue(
    root,
    fromFlag ? { ...options, catalogue: path.resolve(io.cwd, flag) } : options,
    {
      now,
      trustedPath: fromFlag,
      ...(args.serviceUrl ? { serviceUrl: args.serviceUrl } : {}),
      ...(io.fetch ? { fetch: io.fetch } : {}),
      ...(io.sleep ? { sleep: io.sleep } : {}),
    },
  );
  for (const w of source.warnings) io.stderr(`endpoint-drift: warning: ${w}\n`);
  return source;
}

/** `fix`: the diff that fixes the findings (exit 1 when there is one), or `--write` to apply it. */
async function fix(argv: readonly string[], io: CliIo): Promise<number> {
  const { write, rules, rest } = splitFixArgs(argv);
  const { FIXABLE_RULES, planFixes } = await import('./fix/plan.js');
  const unknown = rules.filter((r) => !FIXABLE_RULES.includes(r as RuleId));
  if (unknown.length > 0)
    throw new UsageError(
      `endpoint-drift fix: --rule ${unknown.join(', ')}: not a rule fix changes (one of: ${FIXABLE_RULES.join(', ')})`,
    );
  const args = parseCheckArgs(rest);
  const { root, options } = await optionsOf(args, io);
  // The same catalogue as check: after `catalogue update`, fix writes what the snapshot needs.
  const catalogue: Catalogue = (
    await catalogueOf(args, io, root, options, io.now?.() ?? new Date())
  ).catalogue;
  const plan = await planFixes(root, options, catalogue, rules);
  const inputErrors = plan.inputErrors ?? [];
  for (const e of inputErrors) io.stderr(`endpoint-drift: ${e}\n`);
  if (inputErrors.length > 0) {
    // What fix would do with a file left out is not known: it changes nothing until every file reads.
    io.stderr(
      'endpoint-drift: fix changes nothing while a file it reads is refused or unreadable; correct the errors above and run it again\n',
    );
    return 2;
  }
  // The same reason at the same place is said once, with how many findings it stands for.
  const said = new Map<string, number>();
  for (const n of plan.notFixed) {
    const line = `${formatLocation(n.finding.location)}: ${n.finding.ruleId} not fixed: ${n.reason}`;
    said.set(line, (said.get(line) ?? 0) + 1);
  }
  for (const [line, count] of said)
    io.stderr(`${line}${count > 1 ? ` (${count} findings)` : ''}\n`);
  if (!write) {
    const { renderPatch } = await import('./fix/patch.js');
    io.stdout(renderPatch(plan.changes));
    return plan.changes.length > 0 ? 1 : 0;
  }
  const { writeChanges } = await import('./fix/write.js');
  const outcome = await writeChanges(root, plan.changes);
  for (const p of outcome.written) io.stderr(`endpoint-drift: fixed ${p}\n`);
  for (const f of outcome.failed) io.stderr(`endpoint-drift: ${f.message}\n`);
  return outcome.failed.length > 0 ? 3 : 0;
}

/** Takes fix's own flags out; the rest are check's. */
function splitFixArgs(argv: readonly string[]): {
  write: boolean;
  rules: string[];
  rest: string[];
} {
  const rules: string[] = [];
  const rest: string[] = [];
  let write = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--write') write = true;
    else if (a === '--rule') {
      const value = argv[++i];
      if (value === undefined || value.startsWith('-'))
        throw new UsageError('endpoint-drift fix: --rule needs a rule id (see --help)');
      rules.push(value);
    } else if (a.startsWith('--rule=')) rules.push(a.slice('--rule='.length));
    else rest.push(a);
  }
  return { write, rules, rest };
}

interface CheckArgs {
  config?: string;
  root?: string;
  allowlists: string[];
  dns: string[];
  format: 'text' | 'json';
  output?: string;
  serviceUrl?: string;
  verbose: boolean;
  sarifFile?: string;
  debug: boolean;
  options: Record<string, string | undefined>;
}

const BOOLEAN_FLAGS = ['include-optional', 'ipv6'];
const CHECK_FLAGS = [
  '--config',
  '--root',
  '--allowlist',
  '--dns',
  '--format',
  '--output',
  '--verbose',
  '--no-ipv6',
  '--help',
];

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
        'service-url': { type: 'string' },
        verbose: { type: 'boolean' },
        'sarif-file': { type: 'string' },
        debug: { type: 'boolean' },
        ...Object.fromEntries(OPTION_NAMES.map((n) => [n, { type: 'string' as const }])),
      },
    });
  } catch (e) {
    const message = (e as Error).message.split('\n')[0]!;
    const unknown = /^Unknown option '(-[^']*)'/.exec(message)?.[1];
    const flags = [...CHECK_FLAGS, ...OPTION_NAMES.map((n) => `--${n}`)];
    throw new UsageError(
      unknown !== undefined
        ? `endpoint-drift check: unknown option "${unknown}"${didYouMean(unknown.replace(/=.*$/, ''), flags)} (see endpoint-drift check --help)`
        : `endpoint-drift check: ${message} (see endpoint-drift check --help)`,
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
    ...(v['service-url'] !== undefined ? { serviceUrl: v['service-url'] as string } : {}),
    verbose: v.verbose === (true as unknown),
    ...(v['sarif-file'] !== undefined ? { sarifFile: v['sarif-file'] as string } : {}),
    allowlists: (v.allowlist as string[] | undefined) ?? [],
    dns: (v.dns as string[] | undefined) ?? [],
    format,
    debug: v.debug === (true as unknown),
    options: Object.fromEntries(OPTION_NAMES.map((n) => [n, v[n] as string | undefined])),
  };
}
