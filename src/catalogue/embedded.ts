import data from '../../data/catalogue.json' with { type: 'json' };
import type { Catalogue } from './types.js';

/**
 * The catalogue built by scripts/build-catalogue.ts and bundled with the action. The JSON's
 * inferred type is wider than {@link Catalogue} (plain strings for enums, arrays for tuples);
 * the schema test and the build's own validation vouch for the narrower one.
 */
export const EMBEDDED_CATALOGUE: Catalogue = data as unknown as Catalogue;
