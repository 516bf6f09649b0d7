#!/usr/bin/env node
// Import-cycle check (a step of `npm test`): no module of engine/, renderer/ or electron/ may reach itself
// through imports that exist at run time. Imports of types only (`import type`, `{ type X }`) are erased by
// the compiler and are allowed; the cycles they form are listed as a note. Reads .ts files only: dpdm cannot
// parse .svelte components (rune modules, *.svelte.ts, are included). Local and offline; a few seconds.
//
// Usage: node scripts/check-cycles.mjs   (exit 1 and the cycles when any run-time cycle exists)
import { parseCircular, parseDependencyTree, shortenTree } from 'dpdm';

const ROOTS = ['engine/**/*.ts', 'renderer/**/*.ts', 'electron/**/*.ts'];

/** Cycles among ROOTS; with `transform`, TypeScript first erases the imports that only carry types. */
async function cycles(transform) {
  const context = process.cwd();
  const options = { context, transform, exclude: /node_modules|\/dist\//, skipDynamicImports: false };
  const tree = await parseDependencyTree(ROOTS, options);
  return parseCircular(shortenTree(context, tree)).map((c) => c.join(' → '));
}

const runtime = await cycles(true);
const typeOnly = (await cycles(false)).filter((c) => !runtime.includes(c));
if (typeOnly.length) {
  process.stdout.write(`Type-only import cycles (allowed: erased at compile time), ${typeOnly.length}:\n`);
  for (const c of typeOnly) process.stdout.write(`  ${c}\n`);
}
if (runtime.length) {
  process.stdout.write(`\n${runtime.length} import cycle(s) at run time; break each (move the shared piece into a module both import, or import only its type):\n`);
  for (const c of runtime) process.stdout.write(`  ${c}\n`);
  process.exit(1);
}
process.stdout.write('No run-time import cycles in engine/, renderer/ (.ts) or electron/.\n');
