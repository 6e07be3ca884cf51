// Bundles the CLI into one CommonJS script, dist/cli/index.cjs, with the licenses of the packages
// it holds. One script rather than ES module chunks: Node compiles a CommonJS script from a code
// cache (module.enableCompileCache on Node 22.1 and later, the dist/cli.js shim on older ones),
// which saves most of each run's start-up; it has no such cache for ES modules on Node 20.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const out = 'dist/cli';
mkdirSync(out, { recursive: true });
const { metafile } = await build({
  entryPoints: ['src/cli-entry.ts'],
  outfile: `${out}/index.cjs`,
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
});

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
