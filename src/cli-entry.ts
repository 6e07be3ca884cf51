#!/usr/bin/env node
import { COMMAND_HELP, HELP, VERSION } from './cli-help.js';

const argv = process.argv.slice(2);

// `endpoint-drift scenarios | head`: the reader went away; stop quietly, as other tools do.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });

const topic = argv[0] === 'help' ? (argv[1] ?? 'help') : undefined;
if (argv[0] === '--help' || argv[0] === '-h') {
  process.stdout.write(HELP);
} else if (topic !== undefined && COMMAND_HELP[topic] !== undefined) {
  process.stdout.write(COMMAND_HELP[topic]);
} else if (argv[0] === '--version' || argv[0] === '-V') {
  process.stdout.write(`${VERSION}\n`);
} else {
  // No top-level await: the CLI bundle is a CommonJS script, which Node can cache compiled.
  void check();
}

async function check(): Promise<void> {
  // Loaded only for real work, so that --help does not pay for the catalogue and parsers.
  try {
    const { run } = await import('./cli.js');
    process.exitCode = await run(argv, {
      cwd: process.cwd(),
      stdout: (t) => process.stdout.write(t),
      stderr: (t) => process.stderr.write(t),
      drained: () =>
        process.stdout.writableNeedDrain
          ? new Promise<void>((resolve) => process.stdout.once('drain', resolve))
          : undefined,
      color: process.stdout.isTTY === true && !('NO_COLOR' in process.env),
    });
  } catch (e) {
    const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    process.stderr.write(`endpoint-drift: internal error: ${text.split('\n')[0]!.slice(0, 200)}\n`);
    if (argv.includes('--debug') && e instanceof Error) process.stderr.write(`${e.stack}\n`);
    process.exitCode = 2;
  }
}
