// Writes the generated validators (scripts/validators.ts); part of `npm run bundle`.
import { writeFileSync } from 'node:fs';
import { generateValidatorModule, validatorModules } from './validators.js';

for (const module of validatorModules())
  writeFileSync(module.path, generateValidatorModule(module));
