#!/usr/bin/env node
// Import-cycle check (a step of `npm test`): no module of engine/, renderer/ or electron/ may reach itself
// through imports that exist at run time. Imports of types only (`import type`, `{ type X }`) are erased by
// the compiler and are allowed; the cycles they form are listed as a note. Svelte components take part: dpdm
// reads TypeScript only, so each `X.svelte` is checked as `X.svelte.ts` holding its <script> blocks, in a
// temporary copy of the tree (the copy is deleted; names are reported as in the repository). Local, offline.
//
// Usage: node scripts/check-cycles.mjs   (exit 1 and the cycles when any run-time cycle exists)
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseCircular, parseDependencyTree, shortenTree } from 'dpdm';
import { svelteScripts } from './svelte-scripts.mjs';

const FOLDERS = ['engine', 'renderer', 'electron'];
const ROOTS = FOLDERS.map((f) => `${f}/**/*.ts`);

/** Checked components, by the name of their script copy. */
const components = new Set();

/** A copy of the checked folders under a temporary directory, each component beside it as `X.svelte.ts`. */
function copyTree() {
  const root = mkdtempSync(join(tmpdir(), 'check-cycles-'));
  const files = FOLDERS.flatMap((f) => readdirSync(f, { recursive: true }).map((name) => join(f, String(name))));
  for (const file of files.filter((f) => /\.(ts|svelte)$/.test(f))) {
    if (file.includes('node_modules') || file.includes('/dist/')) continue;
    const text = readFileSync(file, 'utf8');
    if (file.endsWith('.svelte')) components.add(`${file}.ts`);
    const target = join(root, file.endsWith('.svelte') ? `${file}.ts` : file);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.endsWith('.svelte') ? svelteScripts(text) : text);
  }
  return root;
}

/** Cycles among ROOTS in `context`; with `transform`, TypeScript first erases the imports that only carry types. */
async function cycles(context, transform) {
  const options = { context, transform, exclude: /node_modules|\/dist\//, skipDynamicImports: false };
  const tree = await parseDependencyTree(ROOTS, options);
  // A component is reported by its own name, not the name of its script copy.
  const named = (f) => (components.has(f) ? f.slice(0, -'.ts'.length) : f);
  return parseCircular(shortenTree(context, tree)).map((c) => c.map(named).join(' → '));
}

const repo = process.cwd();
const tree = copyTree();
let runtime;
let typeOnly;
try {
  process.chdir(tree);
  runtime = await cycles(tree, true);
  typeOnly = (await cycles(tree, false)).filter((c) => !runtime.includes(c));
} finally {
  process.chdir(repo);
  rmSync(tree, { recursive: true, force: true });
}
if (typeOnly.length) {
  process.stdout.write(`Type-only import cycles (allowed: erased at compile time), ${typeOnly.length}:\n`);
  for (const c of typeOnly) process.stdout.write(`  ${c}\n`);
}
if (runtime.length) {
  process.stdout.write(`\n${runtime.length} import cycle(s) at run time; break each (move the shared piece into a module both import, or import only its type):\n`);
  for (const c of runtime) process.stdout.write(`  ${c}\n`);
  process.exit(1);
}
process.stdout.write('No run-time import cycles in engine/, renderer/ (.ts and .svelte) or electron/.\n');
