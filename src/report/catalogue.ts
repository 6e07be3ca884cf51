import type { CatalogueSummary } from '../diff/engine.js';

const ORIGIN_TEXT: Readonly<Record<CatalogueSummary['origin'], string>> = {
  embedded: 'embedded data',
  snapshot: 'snapshot',
  live: 'live from the web service',
  cache: 'cached web-service data',
};

/** One line saying which catalogue a check used: origin, version and date, and where it came from. */
export function describeCatalogue(c: CatalogueSummary): string {
  const version = c.version ? `version ${c.version}, ` : '';
  const fetched = c.fetchedAt ? `, fetched ${c.fetchedAt.slice(0, 10)}` : '';
  return `${ORIGIN_TEXT[c.origin]}: ${version}data of ${c.dataDate}${fetched} (${c.source})`;
}
