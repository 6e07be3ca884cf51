// Writes the generated validators (scripts/validators.ts): `npm run build:validators` after a
// schema changes; a test fails while they are stale. The bundle only compiles what is committed.
import { writeFileSync } from 'node:fs';
import { generateValidatorModule, validatorModules } from './validators.js';

for (const module of validatorModules())
  writeFileSync(module.path, generateValidatorModule(module));
