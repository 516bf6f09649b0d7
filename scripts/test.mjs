#!/usr/bin/env node
// `npm test`: type checks, the import-cycle check, lint, layout and unused-code checks, unit suites (Vitest), then the end-to-end suites (Playwright on the built app).
// Ends with one line `N passed, N failed[, N skipped]` summing every suite, and exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

const results = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
mkdirSync('test-results', { recursive: true });

function run(label, cmd, args, env = {}) {
  process.stdout.write(`\n▶ ${label}: ${cmd} ${args.join(' ')}\n`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

function count(label, ok) {
  if (ok) results.passed++;
  else {
    results.failed++;
    failures.push(label);
  }
}

// 1. Type checks: each tsconfig is one check (engine core has no DOM/Node types, so a stray import fails here).
const tsconfigs = [
  'engine/tsconfig.json',
  'engine/node/tsconfig.json',
  'engine/worker/tsconfig.json',
  'engine/worker/tsconfig.test.json',
  'electron/tsconfig.json',
  'extension/tsconfig.json',
  'bench/tsconfig.json',
  'bench/browser/page/tsconfig.json',
  'e2e/tsconfig.json',
];
for (const cfg of tsconfigs.filter((c) => existsSync(c)))
  count(`typecheck ${cfg}`, run(`typecheck ${cfg}`, 'npx', ['tsc', '-p', cfg]));
if (existsSync('renderer/tsconfig.json')) {
  count(
    'svelte-check renderer',
    run('svelte-check renderer', 'npx', [
      'svelte-check',
      '--tsconfig',
      'renderer/tsconfig.json',
      '--threshold',
      'error',
    ]),
  );
}

// Import cycles: none at run time across engine/, renderer/ (.ts) and electron/ (type-only ones are listed).
count('import cycles', run('import cycles', 'node', ['scripts/check-cycles.mjs']));

// Lint (eslint.config.js), layout (.prettierrc) and unused files, exports and dependencies (knip.json).
count('eslint', run('eslint', 'npx', ['eslint', '.']));
count('prettier', run('prettier', 'npx', ['prettier', '--check', '.', '--log-level', 'warn']));
count('knip', run('knip', 'npx', ['knip']));
// No source file over 300 lines after Prettier unless its first comment says why (STYLE.md).
count('file size', run('file size', 'node', ['scripts/check-file-size.mjs']));

// 2. Unit tests.
const unitOk = run('unit tests', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile=test-results/unit.json',
]);
if (existsSync('test-results/unit.json')) {
  const u = JSON.parse(readFileSync('test-results/unit.json', 'utf8'));
  results.passed += u.numPassedTests ?? 0;
  results.failed += u.numFailedTests ?? 0;
  results.skipped += (u.numPendingTests ?? 0) + (u.numTodoTests ?? 0);
  // A test file that fails to load has no failed test, but its suite failed: count it once.
  const brokenFiles = (u.testResults ?? []).filter(
    (f) => f.status === 'failed' && (f.assertionResults ?? []).every((a) => a.status !== 'failed'),
  ).length;
  results.failed += brokenFiles;
  if (!unitOk) failures.push('unit tests');
} else {
  count('unit tests (no report)', false);
}

// 3. End-to-end tests on the built web app.
if (existsSync('renderer/vite.config.ts')) {
  count(
    'build web app',
    run('build web app', 'npx', ['vite', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn']),
  );
}
// The browser extension (dist/extension) for e2e/extension.spec.ts.
if (existsSync('scripts/build-extension.mjs'))
  count('build extension', run('build extension', 'node', ['scripts/build-extension.mjs']));
const hasE2e =
  existsSync('e2e') &&
  spawnSync('sh', ['-c', 'ls e2e/*.spec.ts 2>/dev/null | head -1'], { encoding: 'utf8' }).stdout.trim() !== '';
if (hasE2e) {
  const e2eOk = run('end-to-end tests', 'npx', ['playwright', 'test']);
  if (existsSync('test-results/e2e.json')) {
    const e = JSON.parse(readFileSync('test-results/e2e.json', 'utf8'));
    const s = e.stats ?? {};
    results.passed += (s.expected ?? 0) + (s.flaky ?? 0);
    results.failed += s.unexpected ?? 0;
    results.skipped += s.skipped ?? 0;
    if ((s.unexpected ?? 0) > 0) failures.push('end-to-end tests');
    if (!e2eOk && (s.unexpected ?? 0) === 0) count('end-to-end tests (runner error)', false);
  } else {
    count('end-to-end tests (no report)', false);
  }
}

if (failures.length) process.stdout.write(`\nFailed: ${failures.join(', ')}\n`);
process.stdout.write(`\n${results.passed} passed, ${results.failed} failed, ${results.skipped} skipped\n`);
process.exit(results.failed > 0 ? 1 : 0);
