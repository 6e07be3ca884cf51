#!/usr/bin/env node
// dist/cli.js, the command users run: the CLI bundle (cli/index.cjs), compiled from a code cache.
// Reading and compiling the bundle is most of a short run. V8's cached data of the script, taken
// once a run is over, holds every function that run compiled, where Node's own compile cache
// (Node 22.1 and later) holds only what is compiled up front, and Node 20 has none for a module.
// The cache lives in a folder of the user's own, under NODE_COMPILE_CACHE or the system's temp
// directory; NODE_DISABLE_COMPILE_CACHE=1 turns it off. A cache that cannot be used only costs time.
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const bundle = fileURLToPath(new URL('./cli/index.cjs', import.meta.url));
const require = createRequire(bundle);
const dir = cacheFolder();

if (dir === undefined) require(bundle);
else runCached(dir);

/**
 * The folder of the cache, created when missing; undefined when it is turned off or when anyone
 * but the user could write there (compiled code read from it runs as the user).
 */
function cacheFolder() {
  if (process.env.NODE_DISABLE_COMPILE_CACHE === '1') return undefined;
  const user = process.getuid?.();
  const folder = process.env.NODE_COMPILE_CACHE
    ? path.join(process.env.NODE_COMPILE_CACHE, 'endpoint-drift')
    : path.join(tmpdir(), `endpoint-drift-${user ?? 'cache'}`);
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const s = statSync(folder);
    if (user !== undefined && (s.uid !== user || (s.mode & 0o022) !== 0)) return undefined;
    return folder;
  } catch {
    return undefined;
  }
}

function runCached(folder) {
  // The wrapper below puts the bundle's `#!` line where only a comment may stand.
  const text = readFileSync(bundle, 'utf8');
  const source = text.startsWith('#!') ? `//${text.slice(2)}` : text;
  // V8 checks that cached code fits the source's length and its own version and flags; the
  // bundle's size and time tell a rebuilt bundle apart.
  const { size, mtimeMs } = statSync(bundle);
  const file = path.join(
    folder,
    `${process.version}-${process.arch}-${process.versions.v8}-${size}-${Math.trunc(mtimeMs)}.cache`,
  );
  let cachedData;
  try {
    cachedData = readFileSync(file);
  } catch {
    // None yet: this run writes it.
  }
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new vm.Script(wrapped, { filename: bundle, cachedData });
  if (cachedData === undefined || script.cachedDataRejected)
    // Written once the run is over, so that it holds the code the run compiled.
    process.once('exit', () => {
      try {
        const partial = `${file}.${process.pid}`;
        writeFileSync(partial, script.createCachedData(), { mode: 0o600 });
        renameSync(partial, file);
      } catch {
        // An unwritable cache only costs time.
      }
    });
  const exports = {};
  script
    .runInThisContext()
    .call(exports, exports, require, { exports }, bundle, path.dirname(bundle));
}
