// Following every removal and narrowing the findings suggest never breaks anything: an
// over-broad entry replaced by what it should be narrowed to, redundant, extraneous and
// outside-selection entries deleted, and every requirement covered before is still covered.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMBEDDED_CATALOGUE } from '../../src/catalogue/embedded.js';
import { selectRequirements } from '../../src/catalogue/select.js';
import type { Instance, Selection } from '../../src/catalogue/types.js';
import { check, type Result, type Scope } from '../../src/diff/engine.js';
import { getFormat } from '../../src/formats/allowlist/index.js';

const PLAIN = getFormat('plain')!;

function selection(instance: Instance): Selection {
  return {
    instance,
    serviceAreas: ['Common', 'Exchange', 'SharePoint', 'Skype'],
    categories: ['Optimize', 'Allow', 'Default'],
    includeOptional: false,
    ipv6: true,
    scenarios: [],
    tenant: 'contoso',
  };
}

function run(instance: Instance, lines: readonly string[], scope: Scope): Result {
  return check({
    catalogue: EMBEDDED_CATALOGUE,
    selection: selection(instance),
    files: [
      {
        parsed: PLAIN.parse({ path: 'list.txt', text: lines.join('\n') }),
        capabilities: PLAIN.capabilities,
        scope,
        group: 'default',
      },
    ],
  });
}

const required = new Map<Instance, string[]>();

/** Required patterns and prefixes that are wholly allowed. */
function covered(instance: Instance, result: Result): Set<string> {
  let all = required.get(instance);
  if (!all) {
    const { requirements } = selectRequirements(EMBEDDED_CATALOGUE, selection(instance));
    all = requirements.map((r) => (r.kind === 'host' ? r.text : r.block.masked().text));
    required.set(instance, all);
  }
  const short = new Set<string>();
  for (const f of result.findings) {
    if (f.ruleId !== 'missing-endpoint' && f.ruleId !== 'partially-covered') continue;
    if (f.requirement) short.add(f.requirement.pattern);
    // The one finding of the IPv6 gap names its prefixes in `uncovered`.
    if (f.endpointSet === 'IPv6') for (const c of f.uncovered ?? []) short.add(c);
  }
  return new Set(all.filter((p) => !short.has(p)));
}

/** The list after following the findings: narrowed, and without what they say is not needed. */
function follow(lines: readonly string[], result: Result): string[] {
  const replace = new Map<number, readonly string[]>();
  for (const f of result.findings) {
    const i = f.location.line - 1;
    if (f.location.line <= 0) continue;
    if (f.ruleId === 'over-broad-entry') replace.set(i, f.replacement ?? []);
    else if (
      f.ruleId === 'redundant-entry' ||
      f.ruleId === 'extraneous-entry' ||
      f.ruleId === 'outside-selection'
    )
      replace.set(i, []);
  }
  return lines.flatMap((line, i) => replace.get(i) ?? [line]);
}

/** Entries a network owner writes: catalogue patterns, wider and narrower forms, and noise. */
function pool(instance: Instance): string[] {
  const { requirements } = selectRequirements(EMBEDDED_CATALOGUE, selection(instance));
  const out = new Set<string>();
  for (const r of requirements) {
    if (r.kind === 'host') {
      out.add(r.text);
      const base = r.pattern.base;
      if (r.pattern.isWildcard && base !== '') {
        out.add(`.${base}`);
        out.add(`contoso.${base}`);
        const labels = base.split('.');
        if (labels.length > 2) out.add(`*.${labels.slice(1).join('.')}`);
        out.add(`*.${labels[labels.length - 1]}`);
      }
    } else {
      const b = r.block.masked();
      out.add(b.text);
      const len = b.prefixLength ?? 32;
      const max = b.family === 4 ? 32 : 128;
      const [addr] = b.text.split('/');
      if (len + 2 <= max) out.add(`${addr}/${len + 2}`);
      if (b.family === 4) {
        const octets = addr!.split('.');
        out.add(`${octets[0]}.0.0.0/8`);
        out.add(`${octets[0]}.${octets[1]}.0.0/16`);
      }
    }
  }
  for (const extra of [
    '0.0.0.0/0',
    '::/0',
    '*',
    '*.com',
    '.com',
    '*.net',
    '*.microsoft.com',
    '.microsoft.com',
    '198.51.100.0/24',
    '2001:db8::/32',
    'example.org',
    '*.example.org',
    '10.0.0.0/8',
  ])
    out.add(extra);
  return [...out].sort();
}

describe.each(['worldwide', 'usgovgcchigh'] as const)('following the advice (%s)', (instance) => {
  const entries = pool(instance);

  it.each(['dedicated', 'mixed'] as const)(
    'never turns a covered requirement into a missing one (%s scope)',
    (scope) => {
      fc.assert(
        fc.property(
          fc.shuffledSubarray(entries, { minLength: 1, maxLength: 60 }),
          fc.array(fc.integer({ min: 0, max: 59 }), { maxLength: 5 }),
          (list, duplicates) => {
            const lines = [...list, ...duplicates.map((i) => list[i % list.length]!)];
            const before = run(instance, lines, scope);
            const after = run(instance, follow(lines, before), scope);
            const still = covered(instance, after);
            const lost = [...covered(instance, before)].filter((p) => !still.has(p));
            expect(lost).toEqual([]);
          },
        ),
        { numRuns: 40, seed: 9 },
      );
    },
    // Each run checks two lists against the whole catalogue; a loaded machine needs the room.
    60_000,
  );

  it('has something to follow in the lists it tries', () => {
    const lines = ['0.0.0.0/0', ...entries.slice(0, 40), entries[0]!];
    const before = run(instance, lines, 'dedicated');
    const rules = new Set(before.findings.map((f) => f.ruleId));
    expect(rules.has('over-broad-entry')).toBe(true);
    expect(rules.has('redundant-entry')).toBe(true);
    expect(follow(lines, before)).not.toEqual(lines);
  });
});
