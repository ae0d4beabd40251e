// ESLint (flat config) for host, webview, test and script code.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const noVscode = {
  'no-restricted-imports': [
    'error',
    {
      paths: [{ name: 'vscode', message: 'src/vertex, src/common and packages/* never import vscode: they run outside the editor too.' }],
    },
  ],
};

// A package stands alone: it reaches another package by its name, never the extension's
// src/ or test/. (`cd packages/emulator && npm test` builds and runs it by itself.)
const packageBoundary = (extra = []) => ({
  'no-restricted-imports': [
    'error',
    {
      ...noVscode['no-restricted-imports'][1],
      patterns: [
        {
          regex: '^(\\.\\./)+(src|test)/(common|core|ui|vertex|features|unit|integration|e2e|support)(/|$)',
          message: "packages/* never import the extension's src/ or test/: a package builds and tests on its own.",
        },
        { regex: '^(\\.\\./)+(catalog|emulator)/', message: 'Import another package by its name: @vertex-genai-ops/catalog/…' },
        ...extra,
      ],
    },
  ],
});

export default tseslint.config(
  { ignores: ['dist/**', 'packages/*/dist/**', 'out/**', 'node_modules/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': ['error', { allow: ['^chunk:', 'mochaReporter\\.cjs$'] }],
      eqeqeq: ['error', 'smart'],
    },
  },
  { files: ['src/vertex/**', 'src/common/**'], rules: noVscode },
  { files: ['packages/**'], rules: packageBoundary() },
  {
    files: ['packages/catalog/**'],
    rules: packageBoundary([{ group: ['@vertex-genai-ops/emulator', '@vertex-genai-ops/emulator/*'], message: 'The catalog is plain data and rules: the emulator depends on it, not the other way.' }]),
  },
  {
    files: ['src/features/tuning/lint/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'The tuning linter and the CLI run outside the editor too.' }] }] },
  },
  { files: ['webview-ui/**'], languageOptions: { globals: { ...globals.browser } } },
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' }, rules: { '@typescript-eslint/no-require-imports': 'off' } },
);
