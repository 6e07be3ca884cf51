import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EMBEDDED_CATALOGUE } from '../../src/catalogue/embedded.js';
import { resolveOptions } from '../../src/config/options.js';
import { planFixes, type FixPlan } from '../../src/fix/plan.js';

/** A repository in a temporary directory: config and files as given. */
export function repository(files: Readonly<Record<string, string>>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'endpoint-drift-fix-'));
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return dir;
}

export function read(dir: string, name: string): string {
  return readFileSync(path.join(dir, name), 'utf8');
}

export function remove(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Today for date serials in tests. */
export const TODAY = () => new Date(Date.UTC(2026, 11, 5));

export async function plan(
  dir: string,
  config: string,
  rules?: readonly string[],
): Promise<FixPlan> {
  const options = resolveOptions({ path: '.github/endpoint-drift.yml', text: config }, {});
  return planFixes(dir, options, EMBEDDED_CATALOGUE, rules, { today: TODAY });
}
