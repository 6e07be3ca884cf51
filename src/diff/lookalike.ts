import { domainToUnicode } from 'node:url';
import type { HostPattern } from '../model/host.js';
import { scriptsOf, skeleton } from '../model/idn.js';

/**
 * Catalogue names by their UTS #39 skeleton, to tell which one an internationalised entry
 * imitates (`оutlook.office365.com` with a Cyrillic о looks like `outlook.office365.com`).
 */
export class LookalikeIndex {
  /** Exact catalogue names by skeleton. */
  private readonly exact = new Map<string, string>();
  /** Catalogue wildcards (`*.sharepoint.com`, `.x`) by the skeleton of what follows the lead. */
  private readonly subtree = new Map<string, string>();
  /** The catalogue names until the first internationalised name asks for their skeletons. */
  #pending: Iterable<HostPattern> | undefined;

  constructor(patterns: Iterable<HostPattern>) {
    this.#pending = patterns;
  }

  #build(): void {
    if (this.#pending === undefined) return;
    for (const p of this.#pending) {
      const fixed = skeleton(p.fixed);
      if (!p.isWildcard) setFirst(this.exact, fixed, p.text);
      else if (p.lead !== 'exact' && !p.fixed.includes('*')) setFirst(this.subtree, fixed, p.text);
    }
    this.#pending = undefined;
  }

  /**
   * The catalogue name the pattern looks like without being it, with the reason, or undefined.
   * Only names with an internationalised label can imitate: the catalogue is ASCII.
   */
  imitated(pattern: HostPattern): { name: string; scripts: string[] } | undefined {
    if (!pattern.text.includes('xn--')) return undefined;
    const unicode = domainToUnicode(pattern.fixed);
    if (unicode === '' || unicode === pattern.fixed) return undefined;
    this.#build();
    const skel = skeleton(unicode);
    let name = pattern.lead === 'exact' ? this.exact.get(skel) : undefined;
    name ??= this.subtree.get(skel);
    for (
      let dot = skel.indexOf('.');
      name === undefined && dot !== -1;
      dot = skel.indexOf('.', dot + 1)
    )
      name = this.subtree.get(skel.slice(dot + 1));
    if (name === undefined) return undefined;
    const mixed = unicode
      .split('.')
      .map(scriptsOf)
      .find((s) => s.length > 1);
    return { name, scripts: mixed ?? scriptsOf(unicode) };
  }
}

function setFirst(map: Map<string, string>, key: string, value: string): void {
  if (!map.has(key)) map.set(key, value);
}
