import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '.output/**',
      '.output-*/**',
      '.data/**',
      '.wxt/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'test/e2e/sites/dist/**',
      '.tmp/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-control-regex': 'off',
      'no-misleading-character-class': 'off',
    },
  },
  {
    // The engine is pure: no browser, UI or storage package may be imported into it.
    files: ['rules/**/*.ts'],
    ignores: ['rules/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'wxt',
                'wxt/*',
                '#imports',
                'webextension-polyfill',
                '@wxt-dev/*',
                'idb',
                'preact',
                'preact/*',
                'node:*',
              ],
              message: 'rules/ must stay pure.',
            },
          ],
        },
      ],
    },
  },
  prettier,
);
