// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: ['build/**', '.docusaurus/**', '.e2e-fixture-site/**', '.e2e-fixture-site-*/**', 'build-*/**', '.docusaurus-*/**', 'sandbox/data/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.bench/**', '.test-results/**', '**/__golden__/**', '**/.scratch/**', '.tmp-*/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mts,js,mjs}'],
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // CommonJS files (a bundler loader, tool configs): Node globals, `module`, `require`.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Quoting code handles control characters on purpose.
    files: ['src/lib/snippets/**/*.ts'],
    rules: { 'no-control-regex': 'off' },
  },
);
