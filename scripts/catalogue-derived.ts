import { EMBEDDED_CATALOGUE } from '../src/catalogue/embedded.js';
import {
  fingerprintOf,
  serializeDerivations,
  type DerivedCloudJson,
} from '../src/catalogue/derived.js';
import { deriveAllSources, deriveM365Namespaces } from '../src/catalogue/select.js';
import { INSTANCES, type Catalogue, type Instance } from '../src/catalogue/types.js';

export const DERIVED_PATH = 'data/catalogue-derived.json';

/** The derivations of every cloud of the catalogue, worked out from its data. */
export function deriveCatalogue(
  catalogue: Catalogue = EMBEDDED_CATALOGUE,
): Record<Instance, DerivedCloudJson> {
  return Object.fromEntries(
    INSTANCES.map((instance) => [
      instance,
      serializeDerivations(
        {
          requirements: deriveAllSources(catalogue, instance),
          namespaces: deriveM365Namespaces(catalogue, instance),
        },
        fingerprintOf(catalogue, instance),
      ),
    ]),
  ) as Record<Instance, DerivedCloudJson>;
}

/** The text of data/catalogue-derived.json: one line per cloud keeps its diffs readable. */
export function derivedFileText(catalogue: Catalogue = EMBEDDED_CATALOGUE): string {
  const clouds = Object.entries(deriveCatalogue(catalogue)).map(
    ([instance, json]) => `  ${JSON.stringify(instance)}: ${JSON.stringify(json)}`,
  );
  return `{\n${clouds.join(',\n')}\n}\n`;
}
