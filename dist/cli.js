#!/usr/bin/env node
// dist/cli.js, the command users run: the CLI's scripts (cli/index.cjs, which requires
// cli/main.cjs for real work), compiled from a code cache. Reading and compiling them is most of
// a short run. V8's cached data of a script, taken once a run is over, holds every function that
// run compiled, where Node's own compile cache (Node 22.1 and later) holds only what is compiled
// up front, and Node 20 has none for a module. The cache lives in a folder of the user's own,
// under NODE_COMPILE_CACHE or the system's temp directory; NODE_DISABLE_COMPILE_CACHE=1 turns it
// off. A cache that cannot be used only costs time.
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const entry = fileURLToPath(new URL('./cli/index.cjs', import.meta.url));
const main = path.join(path.dirname(entry), 'main.cjs');
const dir = cacheFolder();

if (dir === undefined) createRequire(entry)(entry);
else runCached(dir, entry);

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

/** Runs one of the CLI's scripts from the cache (writing it when it has none) and returns its exports. */
function runCached(folder, script) {
  // The wrapper below puts the script's `#!` line where only a comment may stand.
  const text = readFileSync(script, 'utf8');
  const source = text.startsWith('#!') ? `//${text.slice(2)}` : text;
  // V8 checks that cached code fits the source's length and its own version and flags; the
  // script's name, size and time tell a rebuilt one apart.
  const { size, mtimeMs } = statSync(script);
  const file = path.join(
    folder,
    `${path.basename(script)}-${process.version}-${process.arch}-${process.versions.v8}-${size}-${Math.trunc(mtimeMs)}.cache`,
  );
  let cachedData;
  try {
    cachedData = readFileSync(file);
  } catch {
    // None yet: this run writes it.
  }
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const compiled = new vm.Script(wrapped, { filename: script, cachedData });
  if (cachedData === undefined || compiled.cachedDataRejected)
    // Written once the run is over, so that it holds the code the run compiled.
    process.once('exit', () => {
      try {
        const partial = `${file}.${process.pid}`;
        writeFileSync(partial, compiled.createCachedData(), { mode: 0o600 });
        renameSync(partial, file);
      } catch {
        // An unwritable cache only costs time.
      }
    });
  const nodeRequire = createRequire(script);
  // The entry's require of the other script is answered from the cache too.
  const require = Object.assign(
    (id) => (script === entry && id === './main.cjs' ? runCached(folder, main) : nodeRequire(id)),
    nodeRequire,
  );
  const module = { exports: {} };
  compiled
    .runInThisContext()
    .call(module.exports, module.exports, require, module, script, path.dirname(script));
  return module.exports;
}
