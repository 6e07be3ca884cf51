import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NO_SPREAD = [
  {
    selector:
      'CallExpression[callee.property.name=/^(push|unshift|splice|concat|apply)$/] > SpreadElement',
    message:
      'spreading a list into push/unshift/splice/concat puts every item on the stack; use append() from src/model/collections.ts',
  },
  {
    selector: 'CallExpression[callee.object.name=/^(Math|String)$/] > SpreadElement',
    message:
      'spreading a list into Math.max/min or String.fromCharCode puts every item on the stack; use a loop or reduce',
  },
];

const NO_UNICODE_TRIM = [
  {
    selector: 'CallExpression[callee.property.name=/^trim(Start|End|Left|Right)?$/]',
    message:
      'trim() also removes U+FEFF, U+00A0, U+2028 and the other Unicode spaces, which a firewall keeps; use trimSpaces() from src/model/text.ts',
  },
];

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
    // Spreading a list into a call puts every item on the stack: a few hundred thousand entries
    // (a long allowlist, a crafted template) overflow it. Use append() from src/model/collections.ts.
    files: ['src/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', ...NO_SPREAD] },
  },
  {
    // Parsers and values trim ASCII whitespace only: String.prototype.trim also removes U+FEFF,
    // U+00A0, U+2028, U+3000..., which a firewall keeps as part of an entry.
    files: ['src/formats/**/*.ts', 'src/model/**/*.ts'],
    ignores: ['src/model/text.ts'],
    rules: { 'no-restricted-syntax': ['error', ...NO_SPREAD, ...NO_UNICODE_TRIM] },
  },
  {
    // A format reads its own syntax: what two formats share lives in formats/syntax/ or model/.
    // A format loaded on demand takes its description (detection, settings) from ./described.js.
    files: ['src/formats/allowlist/*.ts', 'src/formats/dns/*.ts'],
    ignores: ['src/formats/*/index.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['./*', '!./described.js', '../allowlist/*', '../dns/*'],
              message:
                'a format imports only ../format.js, ./described.js, ../syntax/* and model/*',
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
