import { distance } from 'fastest-levenshtein';

/**
 * The known name closest to what was written, for "did you mean": compared case-insensitively and
 * ignoring `-`, `_` and spaces (`serviceAreas` → `service-areas`), within a third of its length
 * or with the same letters in another order.
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
  const b = fold(best);
  // Within a third of the length, or the same letters in another order (`plian`).
  return bestDistance <= Math.max(1, Math.floor(Math.max(w.length, b.length) / 3)) ||
    sorted(w) === sorted(b)
    ? best
    : undefined;
}

/** `; did you mean "x"?` or the empty string. */
export function didYouMean(written: string, known: Iterable<string>): string {
  const s = suggest(written, known);
  return s === undefined ? '' : `; did you mean "${s}"?`;
}

function sorted(s: string): string {
  return [...s].sort().join('');
}

function fold(s: string): string {
  return s.toLowerCase().replace(/[-_\s]/g, '');
}
