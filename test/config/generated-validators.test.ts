import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import configSchema from '../../schemas/config.schema.json' with { type: 'json' };
import { generateValidatorModule, validatorModules } from '../../scripts/validators.js';
import { validatorFor } from '../../src/config/validators.generated.js';
import { validateWithSchema } from '../../src/config/validate.js';

describe('generated validators', () => {
  // Regenerated in memory: a schema edited without `npm run build:validators` fails here.
  it.each(validatorModules().map((m) => [m.path, m] as const))(
    '%s is up to date with its schemas',
    (path, module) => {
      expect(readFileSync(path, 'utf8') === generateValidatorModule(module)).toBe(true);
    },
  );

  it('refuses a schema that has no generated validator', () => {
    const changed = structuredClone(configSchema) as Record<string, unknown>;
    changed.additionalProperties = true;
    expect(() => validatorFor(changed)).toThrow(
      'no validator was generated for this schema: run npm run build:validators',
    );
  });

  it('fills in defaults and reports unknown keys as the compiled schema would', () => {
    const data: Record<string, unknown> = { 'servce-areas': ['Common'] };
    const problems = validateWithSchema(configSchema, data);
    expect(problems.map((p) => p.message)).toEqual([
      'unknown key "servce-areas"; did you mean "service-areas"?',
    ]);
    expect(data.instance).toBe('worldwide');
  });
});
