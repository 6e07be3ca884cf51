// Writes data/catalogue-derived.json, what a check derives from the embedded catalogue whatever
// the selection (src/catalogue/derived.ts): `npm run build:catalogue-derived` after
// data/catalogue.json changes (`npm run bundle` runs it first, so that the bundles embed it); a
// test fails while it is stale.
import { writeFileSync } from 'node:fs';
import { DERIVED_PATH, derivedFileText } from './catalogue-derived.js';

writeFileSync(DERIVED_PATH, derivedFileText());
