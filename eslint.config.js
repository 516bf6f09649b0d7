// ESLint for the whole repository (`npm run lint`, a step of `npm test`). typescript-eslint's recommended rules
// (syntax only: the type checks are tsc's and svelte-check's job) plus the STYLE.md rules a linter can hold:
// no `any`, no `@ts-ignore`, a reason on each `@ts-expect-error`, no empty catch, runes-mode Svelte. Layout
// questions are Prettier's (see .prettierrc), so no formatting rule is on here.
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import svelteConfig from './renderer/svelte.config.js';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**', 'dist/**', 'out/**', 'build/**', 'release/**', 'test-results/**', 'playwright-report/**',
      'bench/results/**', '.vite/**', '.device-kit/**', '**/*.generated.ts', 'resources/samples/**', '**/fixtures/**/*.csv',
      // AssemblyScript: TypeScript syntax over its own standard library (i32, f32, load<T>), checked by asc.
      'engine/backend/wasm/assembly/**',
    ],
  },
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-expect-error': 'allow-with-description', 'ts-ignore': true }],
      '@typescript-eslint/no-unused-vars': [
        'error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      // papa.ts points the compiler at papaparse's module declaration by path, so every tsconfig sees it.
      '@typescript-eslint/triple-slash-reference': ['error', { path: 'always', types: 'prefer-import', lib: 'never' }],
      'no-empty': ['error', { allowEmptyCatch: false }],
      'no-debugger': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'prefer-const': 'error',
      'no-var': 'error',
    },
  },
  {
    // The engine is pure TypeScript (no DOM, no Node): only what every ES2022 runtime has.
    files: ['engine/**/*.ts'],
    languageOptions: { globals: { ...globals.es2021 } },
  },
  {
    // Hosts and tools: the CLI, worker entries, Electron main and preload, scripts, benchmarks, tests.
    files: [
      'engine/node/**', 'engine/worker/**', 'engine/backend/wasm/**', 'engine/backend/gpujs/**', 'electron/**',
      'scripts/**', 'bench/**', 'e2e/**', 'bin/**', '**/*.test.ts', '*.config.{js,ts}', '**/vite.config.ts',
    ],
    languageOptions: { globals: { ...globals.node, ...globals.browser, ...globals.worker } },
  },
  {
    files: ['renderer/**/*.{ts,svelte,js}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'], svelteConfig },
    },
    rules: {
      // `let { … } = $props()` is how runes declare props; svelte/prefer-const knows which runes are constant.
      'prefer-const': 'off',
      'svelte/prefer-const': 'error',
      // Sets and Maps built inside a function or a $derived are not state; what the UI reacts to is $state
      // (STYLE.md §4: $state.raw for what is replaced, not mutated), so a SvelteMap would only add tracking.
      'svelte/prefer-svelte-reactivity': 'off',
    },
  },
  {
    // gpu.js compiles these kernel bodies from their source text: its parser wants `var` and `==`, and every
    // function of one table takes the same arguments whether it uses them or not.
    files: ['engine/backend/gpujs/kernels/**'],
    rules: { 'no-var': 'off', eqeqeq: 'off', '@typescript-eslint/no-unused-vars': ['error', { args: 'none' }] },
  },
);
