#!/usr/bin/env node
// File-size check (`npm run check:size`): no source file (.ts .svelte .mjs .js .py) is over 300 lines once Prettier
// has formatted it, unless its first comment says why it must be one file, with the words "one file because".
// Tests (*.test.*, *.spec.*), generated files (*.generated.*) and fixtures are aside. Lines are counted as Prettier
// writes the file (through its API, in this process, with the repository's .prettierrc); a file Prettier does not
// format (Python, a path in .prettierignore) or cannot parse is counted as written.
//
// Usage: node scripts/check-file-size.mjs [FILE…]   (every source file of the repository, or the files named;
//        exit 1 listing each file over the limit with its lines and the fix)
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as prettier from 'prettier';

/** The most lines a source file may have after Prettier. */
export const MAX_LINES = 300;
/** The words a longer file's first comment holds to say why it is one file. */
export const MARKER = 'one file because';

const SOURCE = /\.(ts|svelte|mjs|js|py)$/;

/** Whether `path` is a test, a generated file or a fixture, which the limit does not apply to. */
export function isAside(path) {
  return /\.(test|spec)\.[^/]+$/.test(path) || /\.generated\./.test(path) || /(^|\/)fixtures\//.test(path);
}

/** Lines as `wc -l` counts them (a last line without a line break counts too). */
function countLines(text) {
  if (text === '') return 0;
  const breaks = text.split('\n').length - 1;
  return text.endsWith('\n') ? breaks : breaks + 1;
}

/** The text of the comment a file opens with (after a shebang; in a component, or its first script); '' if none. */
export function firstComment(text, path) {
  let rest = text.replace(/^\uFEFF/, '').replace(/^#![^\n]*\n/, '');
  if (path.endsWith('.py')) {
    rest = rest.trimStart();
    const doc = /^[rRuU]?("""|''')([\s\S]*?)\1/.exec(rest);
    if (doc) return doc[2];
    return (/^(#[^\n]*\n?)+/.exec(rest)?.[0] ?? '').replace(/^#/gm, '');
  }
  if (path.endsWith('.svelte')) {
    rest = rest.trimStart();
    const html = /^<!--([\s\S]*?)-->/.exec(rest);
    if (html) return html[1];
    rest = rest.replace(/^<script[^>]*>/, '');
  }
  rest = rest.trimStart();
  const block = /^\/\*([\s\S]*?)\*\//.exec(rest);
  if (block) return block[1].replace(/^\s*\*/gm, '');
  return (/^(\/\/[^\n]*\n?\s*)+/.exec(rest)?.[0] ?? '').replace(/^\s*\/\//gm, '');
}

/** Whether a file's first comment says why it is one file. */
export function isJustified(text, path) {
  return firstComment(text, path).replace(/\s+/g, ' ').toLowerCase().includes(MARKER);
}

/** Lines of `file` once Prettier has formatted it (as written when Prettier does not format it). */
export async function formattedLines(file, text, ignorePath) {
  const info = await prettier.getFileInfo(file, { ignorePath, resolveConfig: true });
  if (info.ignored || !info.inferredParser) return countLines(text);
  const options = (await prettier.resolveConfig(file)) ?? {};
  try {
    return countLines(await prettier.format(text, { ...options, filepath: file }));
  } catch {
    // A file Prettier cannot parse fails `prettier --check`; here it is measured as written.
    return countLines(text);
  }
}

/**
 * The files among `paths` (relative to `root`) over MAX_LINES after Prettier and not justified by their first
 * comment, with their lines; also the long files their first comment keeps whole.
 */
export async function checkFileSizes(paths, root) {
  const ignore = join(root, '.prettierignore');
  const ignorePath = existsSync(ignore) ? ignore : undefined;
  const over = [];
  const kept = [];
  for (const path of paths.filter((p) => SOURCE.test(p) && !isAside(p))) {
    const file = resolve(root, path);
    if (!existsSync(file)) continue;
    const text = readFileSync(file, 'utf8');
    const lines = await formattedLines(file, text, ignorePath);
    if (lines <= MAX_LINES) continue;
    (isJustified(text, path) ? kept : over).push({ path, lines });
  }
  return { over, kept };
}

/** The repository's files: tracked, and new ones git does not ignore. */
function repositoryFiles(root) {
  const out = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return [...new Set(out.split('\0').filter(Boolean))].sort();
}

async function main(files) {
  const root = process.cwd();
  const { over, kept } = await checkFileSizes(files.length ? files : repositoryFiles(root), root);
  const keptNote = kept.length ? ` (${kept.length} longer kept whole by their first comment)` : '';
  if (over.length === 0) {
    process.stdout.write(`No source file is over ${MAX_LINES} lines after Prettier${keptNote}.\n`);
    return 0;
  }
  const list = over.map((f) => `  ${f.path}: ${f.lines} lines`).join('\n');
  process.stdout.write(
    `${over.length} source file${over.length === 1 ? ' is' : 's are'} over ${MAX_LINES} lines after Prettier${keptNote}:\n` +
      `${list}\n` +
      `Split each along its concepts (STYLE.md §2) into files of at most ${MAX_LINES} lines, or, if it must stay one ` +
      `file, say why in its first comment with the words "${MARKER}" (e.g. "One file because …").\n`,
  );
  return 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = await main(process.argv.slice(2)).catch((e) => {
    // A Prettier setup that does not load (a missing plugin, a broken .prettierrc): one line, not a stack.
    process.stderr.write(`error: cannot measure the files: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  });
}
