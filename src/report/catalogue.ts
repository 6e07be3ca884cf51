import type { CatalogueSummary } from '../diff/engine.js';

const ORIGIN_TEXT: Readonly<Record<CatalogueSummary['origin'], string>> = {
  embedded: 'embedded',
  snapshot: 'snapshot',
  live: 'live from the web service',
  cache: 'cached web-service data',
};

/** One line saying which catalogue a check used: origin, version and date, and where it came from. */
export function describeCatalogue(c: CatalogueSummary): string {
  const version = c.version ? `version ${c.version}, ` : '';
  const fetched = c.fetchedAt ? `, fetched ${c.fetchedAt.slice(0, 10)}` : '';
  // A snapshot is a file of the repository: nothing of it reaches a terminal as a control character.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  const source = c.source.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
  return `${ORIGIN_TEXT[c.origin]}, ${version}data of ${c.dataDate}${fetched} (${source})`;
}
