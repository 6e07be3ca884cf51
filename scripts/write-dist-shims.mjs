// ncc writes the action's bundle into its own folder, scripts/bundle-cli.mjs the CLI's; the
// entry points users run are these two shims.
import { chmodSync, copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { transformSync } from 'esbuild';

// Node 22.1 and later keep V8's compiled code of the bundle between runs (in the system's temp
// directory, or NODE_COMPILE_CACHE), which saves most of the start-up's parsing and compiling.
// Older versions have no enableCompileCache; NODE_DISABLE_COMPILE_CACHE=1 turns it off.
const shim = (bundle) =>
  "import module from 'node:module';\n" +
  'try {\n' +
  '  module.enableCompileCache?.();\n' +
  '} catch {\n' +
  '  // A cache that cannot be set up only costs time.\n' +
  '}\n' +
  `await import('./${bundle}');\n`;

writeFileSync('dist/index.js', shim('action/index.js'));
copyFileSync('scripts/cli-shim.mjs', 'dist/cli.js');
writeFileSync('dist/package.json', '{ "type": "module" }\n');
chmodSync('dist/cli.js', 0o755);

// ncc's --minify leaves the chunks of a dynamic import() as they are: code to read and compile at
// every run.
for (const name of readdirSync('dist/action').filter((n) => /^\d+\.index\.js$/.test(n))) {
  const file = path.join('dist/action', name);
  const { code } = transformSync(readFileSync(file, 'utf8'), {
    format: 'esm',
    minify: true,
    platform: 'node',
    target: 'node20',
    legalComments: 'none',
  });
  writeFileSync(file, code);
}
