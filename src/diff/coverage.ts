import { selectRequirements } from '../catalogue/select.js';
import type { Catalogue, Requirement, Selection } from '../catalogue/types.js';
import type { Finding } from '../model/finding.js';

/** One cell of the coverage matrix: required endpoints of a service area and category. */
export interface CoverageCell {
  readonly serviceArea: string;
  readonly category: string;
  readonly total: number;
  /** Fully allowed. */
  readonly covered: number;
  /** Allowed in part (some names, part of a prefix, some ports). */
  readonly partial: number;
}

export interface CoverageMatrix {
  readonly group: string;
  /** Requirement kinds counted: a group of host names only is not asked for addresses. */
  readonly kinds: { readonly hosts: boolean; readonly ips: boolean };
  readonly serviceAreas: readonly string[];
  readonly categories: readonly string[];
  readonly cells: readonly CoverageCell[];
}

function requirementKey(r: Requirement): string {
  return `${r.kind}:${r.kind === 'host' ? r.text : r.block.masked().text}`;
}

/**
 * Required endpoints covered of total, per service area × category and per allowlist group, from
 * the selected requirements and the missing/partly covered findings. A requirement needed by
 * several endpoint sets counts in each of their cells.
 */
export function coverageMatrices(
  catalogue: Catalogue,
  selection: Selection,
  findings: readonly Finding[],
  groups: readonly string[],
  checkedKinds: Readonly<Record<string, { readonly hosts: boolean; readonly ips: boolean }>> = {},
): CoverageMatrix[] {
  const { requirements } = selectRequirements(catalogue, selection);
  const cellsOf = (r: Requirement): string[] => [
    ...new Set(
      r.sources
        .filter((s) => s.serviceArea !== undefined && s.category !== undefined)
        .map((s) => `${s.serviceArea}\u0000${s.category}`),
    ),
  ];
  return groups.map((group) => {
    const kinds = checkedKinds[group] ?? { hosts: true, ips: true };
    const missing = new Set<string>();
    const partial = new Set<string>();
    for (const f of findings) {
      if (!f.requirement || (f.group ?? 'default') !== group) continue;
      const key = `${f.requirement.kind}:${f.requirement.pattern}`;
      if (f.ruleId === 'missing-endpoint') missing.add(key);
      else if (f.ruleId === 'partially-covered') partial.add(key);
    }
    const counts = new Map<string, { total: number; covered: number; partial: number }>();
    for (const r of requirements) {
      if (r.kind === 'host' ? !kinds.hosts : !kinds.ips) continue;
      const key = requirementKey(r);
      for (const cell of cellsOf(r)) {
        const c = counts.get(cell) ?? { total: 0, covered: 0, partial: 0 };
        c.total++;
        if (partial.has(key)) c.partial++;
        else if (!missing.has(key)) c.covered++;
        counts.set(cell, c);
      }
    }
    const serviceAreas = selection.serviceAreas.filter((a) =>
      [...counts.keys()].some((k) => k.startsWith(`${a}\u0000`)),
    );
    const categories = selection.categories.filter((c) =>
      [...counts.keys()].some((k) => k.endsWith(`\u0000${c}`)),
    );
    const cells: CoverageCell[] = [];
    for (const serviceArea of serviceAreas)
      for (const category of categories) {
        const c = counts.get(`${serviceArea}\u0000${category}`);
        if (c) cells.push({ serviceArea, category, ...c });
      }
    return { group, kinds, serviceAreas, categories, cells };
  });
}
