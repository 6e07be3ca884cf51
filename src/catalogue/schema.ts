import { Ajv2020 } from 'ajv/dist/2020.js';
import schema from '../../schemas/catalogue.schema.json' with { type: 'json' };

let validator: ReturnType<Ajv2020['compile']> | undefined;

/** Problems of a catalogue against schemas/catalogue.schema.json, one line each (empty when valid). */
export function validateCatalogueData(data: unknown): string[] {
  validator ??= new Ajv2020({ allErrors: true, strict: true }).compile(schema);
  if (validator(data)) return [];
  return (validator.errors ?? []).map(
    (e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`,
  );
}
