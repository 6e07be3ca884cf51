import schema from '../../schemas/catalogue.schema.json' with { type: 'json' };
import { validatorFor } from './validator.generated.js';

/**
 * Problems of a catalogue against schemas/catalogue.schema.json, one line each (empty when
 * valid). The validator is generated at build time (scripts/validators.ts).
 */
export function validateCatalogueData(data: unknown): string[] {
  const validator = validatorFor(schema);
  if (validator(data)) return [];
  return (validator.errors ?? []).map(
    (e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`,
  );
}
