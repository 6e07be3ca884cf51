// Writes data/catalogue-derived.json, what a check derives from the embedded catalogue whatever
// the selection (src/catalogue/derived.ts): `npm run build:catalogue-derived` after
// data/catalogue.json changes (build:catalogue and update:catalogue run it); a test fails while
// it is stale.
import { writeFileSync } from 'node:fs';
import { DERIVED_PATH, derivedFileText } from './catalogue-derived.js';

writeFileSync(DERIVED_PATH, derivedFileText());
