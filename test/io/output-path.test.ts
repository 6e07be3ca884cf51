import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/options.js';
import { confinedOutput } from '../../src/io/output-path.js';

const dir = mkdtempSync(path.join(tmpdir(), 'endpoint-drift-out-'));
const root = path.join(dir, 'ws');
const tmp = path.join(dir, 'tmp');
mkdirSync(path.join(root, 'out'), { recursive: true });
mkdirSync(tmp);
symlinkSync('/etc', path.join(root, 'link'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function refusal(given: string): string | undefined {
  try {
    confinedOutput(given, root, tmp, 'x.sarif');
    return undefined;
  } catch (e) {
    if (e instanceof ConfigError) return e.message;
    throw e;
  }
}

describe('confinedOutput: where sarif-file may be written', () => {
  it('defaults to RUNNER_TEMP and takes paths inside the workspace or RUNNER_TEMP', () => {
    expect(confinedOutput(undefined, root, tmp, 'x.sarif')).toBe(path.join(tmp, 'x.sarif'));
    expect(confinedOutput('out/drift.sarif', root, tmp, 'x.sarif')).toBe(
      path.join(root, 'out/drift.sarif'),
    );
    expect(confinedOutput(path.join(tmp, 'a.sarif'), root, tmp, 'x.sarif')).toBe(
      path.join(tmp, 'a.sarif'),
    );
  });

  it.each([
    [
      '../outside.sarif',
      'sarif-file: "../outside.sarif" is outside the workspace and RUNNER_TEMP; give a path inside the workspace',
    ],
    [
      '/etc/passwd',
      'sarif-file: "/etc/passwd" is outside the workspace and RUNNER_TEMP; give a path inside the workspace',
    ],
    [
      '.git/hooks/pre-commit',
      'sarif-file: ".git/hooks/pre-commit" is inside .git; give a path inside the workspace',
    ],
    [
      'link/x.sarif',
      'sarif-file: "link/x.sarif" goes through a symbolic link; give a path inside the workspace',
    ],
    [
      '.',
      'sarif-file: "." is outside the workspace and RUNNER_TEMP; give a path inside the workspace',
    ],
  ])('refuses %s', (given, message) => {
    expect(refusal(given)).toBe(message);
  });
});
