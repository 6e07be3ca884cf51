// Bundles the CLI into two CommonJS scripts with the licenses of the packages they hold:
// dist/cli/index.cjs, the entry (help, version, and the dispatch), and dist/cli/main.cjs,
// everything a command runs, which the entry requires only for real work. Scripts rather than ES
// module chunks: the dist/cli.js shim compiles them from a code cache (see scripts/cli-shim.mjs),
// which saves most of each run's start-up; Node 20 has no such cache for ES modules.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const out = 'dist/cli';
mkdirSync(out, { recursive: true });

/** Options of both scripts. */
const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  // Packages read through their ES module builds (fdir) ask for import.meta.url.
  define: { 'import.meta.url': '__bundleUrl' },
  // "use strict" first: code written as ES modules runs in strict mode, also as a script.
  banner: {
    js: `"use strict";var __bundleUrl = require('node:url').pathToFileURL(__filename).href;`,
  },
  metafile: true,
  logLevel: 'warning',
};

const main = await build({ ...common, entryPoints: ['src/cli.ts'], outfile: `${out}/main.cjs` });
const entry = await build({
  ...common,
  entryPoints: ['src/cli-entry.ts'],
  outfile: `${out}/index.cjs`,
  // A require, which the shim answers with the other script compiled from its cache.
  supported: { 'dynamic-import': false },
  plugins: [
    {
      // The entry's `import('./cli.js')` becomes a require of the other script.
      name: 'main-script',
      setup(b) {
        b.onResolve({ filter: /^\.\/cli\.js$/ }, (args) =>
          args.importer.endsWith(path.join('src', 'cli-entry.ts'))
            ? { path: './main.cjs', external: true }
            : undefined,
        );
      },
    },
  ],
});
const metafile = { inputs: { ...main.metafile.inputs, ...entry.metafile.inputs } };

// The license of every package the bundle holds, as ncc writes them for the action.
const packages = new Map();
for (const input of Object.keys(metafile.inputs)) {
  const m = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
  if (m) packages.set(m[1], input.slice(0, m.index + m[0].length));
}
const sections = [...packages]
  .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  .map(([name, dir]) => {
    const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    const file = readdirSync(dir).find((f) => /^licen[cs]e/i.test(f));
    const text =
      file && existsSync(path.join(dir, file)) ? readFileSync(path.join(dir, file), 'utf8') : '';
    return `${name}\n${manifest.license ?? ''}\n${text}`;
  });
writeFileSync(`${out}/licenses.txt`, sections.join('\n\n'));
