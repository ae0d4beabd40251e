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

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'test-results/**'] },
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
  { files: ['src/vertex/**', 'src/common/**', 'packages/**'], rules: noVscode },
  {
    files: ['src/features/tuning/lint/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'The tuning linter and the CLI run outside the editor too.' }] }] },
  },
  { files: ['webview-ui/**'], languageOptions: { globals: { ...globals.browser } } },
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' }, rules: { '@typescript-eslint/no-require-imports': 'off' } },
);
