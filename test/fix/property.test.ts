import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMBEDDED_CATALOGUE } from '../../src/catalogue/embedded.js';
import { resolveOptions } from '../../src/config/options.js';
import { DEFAULT_FIX_RULES } from '../../src/fix/plan.js';
import { writeChanges } from '../../src/fix/write.js';
import { runCheck } from '../../src/pipeline.js';
import { exchange, skype } from './cases.js';
import { plan, repository, remove } from './harness.js';

/**
 * For generated lists: after `fix --write`, `check` reports none of the findings fix changes,
 * and a second `fix` has nothing to change.
 */
async function fixedForGood(files: Record<string, string>, config: string): Promise<void> {
  const dir = repository({ ...files, '.github/endpoint-drift.yml': config });
  try {
    const first = await plan(dir, config);
    const outcome = await writeChanges(dir, first.changes);
    expect(outcome.failed).toEqual([]);
    const options = resolveOptions({ path: '.github/endpoint-drift.yml', text: config }, {});
    const { result } = await runCheck(dir, options, EMBEDDED_CATALOGUE);
    const left = result.findings
      .filter((f) => (DEFAULT_FIX_RULES as readonly string[]).includes(f.ruleId))
      .map((f) => `${f.location.line}:${f.location.column} ${f.ruleId} ${f.message}`);
    expect(left).toEqual([]);
    expect((await plan(dir, config)).changes).toEqual([]);
  } finally {
    remove(dir);
  }
}

const HOSTS = [
  'outlook.office.com',
  'outlook.office365.com',
  'outlook.cloud.microsoft',
  'legacy.example.net',
  'intranet.example.org',
  '*.example.com',
];
const COMMENTS = ['# Exchange Online - endpoint set 1 (Optimize)', '# other things', ''];

const line = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTS) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...HOSTS), fc.constantFrom('  # why', '\t# note'))
      .map(([h, c]) => h + c),
  },
  { weight: 1, arbitrary: fc.constantFrom(...COMMENTS) },
);

const PREFIXES = [
  '52.112.0.0/15',
  '52.114.0.0/15',
  '52.112.0.0/14',
  '52.122.0.0/15',
  '52.122.0.0/16',
  '52.123.0.0/16',
  '198.51.100.0/24',
];
const PORTS = fc
  .subarray([3478, 3479, 3480, 3481], { minLength: 1 })
  .map((p) => `"${p.join(',')}"`);

describe('fix, then check', () => {
  it('plain lists: nothing fixable is left and a second fix is empty', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(line, { minLength: 1, maxLength: 12 }),
        fc.boolean(),
        async (lines, crlf) => {
          const eol = crlf ? '\r\n' : '\n';
          await fixedForGood({ 'list.txt': lines.join(eol) + eol }, exchange('list.txt'));
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);

  it('YAML allowlists with ports: nothing fixable is left and a second fix is empty', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom(...PREFIXES), PORTS, fc.boolean()), {
          minLength: 1,
          maxLength: 6,
        }),
        async (items) => {
          const body = items
            .map(
              ([ip, udp, header]) =>
                `${header ? '  # Microsoft Teams - endpoint set 11 (Optimize)\n' : ''}  - ip: ${ip}\n    udp: ${udp}\n`,
            )
            .join('');
          await fixedForGood(
            { 'fw.yaml': `endpoint-drift: allowlist/v1\nentries:\n${body}` },
            skype('fw.yaml'),
          );
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);
});
