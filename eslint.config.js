import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // A format reads its own syntax: what two formats share lives in formats/syntax/ or model/.
    files: ['src/formats/allowlist/*.ts', 'src/formats/dns/*.ts'],
    ignores: ['src/formats/*/index.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['./*', '../allowlist/*', '../dns/*'],
              message: 'a format imports only ../format.js, ../syntax/* and model/*',
            },
          ],
        },
      ],
    },
  },
  {
    // Shared syntax and the format interfaces know no format.
    files: ['src/formats/syntax/*.ts', 'src/formats/format.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/allowlist/*', '**/dns/*', '../*.js', '!../format.js'],
              message: 'shared syntax imports no format',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
