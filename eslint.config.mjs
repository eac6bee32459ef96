// Type-aware checks that keep the async data layer honest: a query or service call that is not awaited runs outside
// the transaction it was written in (or after it ended), and a promise passed where a value is expected is always truthy.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'src-renderer/**', 'tests/e2e/**', 'bench/viewer.bench.ts', 'eslint.config.mjs'] },
  {
    files: ['src-main/**/*.ts', 'src-shared/**/*.ts', 'tests/unit/**/*.ts', 'tests/support/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { project: './tsconfig.node.json', tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
);
