import { distance } from 'fastest-levenshtein';

/**
 * The known name closest to what was written, for "did you mean": compared case-insensitively and
 * ignoring `-`, `_` and spaces (`serviceAreas` → `service-areas`), within a third of its length.
 */
export function suggest(written: string, known: Iterable<string>): string | undefined {
  const w = fold(written);
  if (w === '') return undefined;
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const name of known) {
    const d = distance(w, fold(name));
    if (d < bestDistance || (d === bestDistance && best !== undefined && name < best)) {
      best = name;
      bestDistance = d;
    }
  }
  if (best === undefined) return undefined;
  return bestDistance <= Math.max(1, Math.floor(Math.max(w.length, fold(best).length) / 3))
    ? best
    : undefined;
}

/** `; did you mean "x"?` or the empty string. */
export function didYouMean(written: string, known: Iterable<string>): string {
  const s = suggest(written, known);
  return s === undefined ? '' : `; did you mean "${s}"?`;
}

function fold(s: string): string {
  return s.toLowerCase().replace(/[-_\s]/g, '');
}
