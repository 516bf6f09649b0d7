import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkFileSizes, firstComment, isAside, isJustified, MAX_LINES } from './check-file-size.mjs';

const script = join(process.cwd(), 'scripts', 'check-file-size.mjs');
// A folder of its own (the repository's test-results/ is Prettier-ignored) with the repository's Prettier settings
// for TypeScript; the Svelte plugin is left out, since Prettier looks plugins up from the working folder.
const root = mkdtempSync(join(tmpdir(), 'file-size-'));
const { plugins: _plugins, overrides: _overrides, ...settings } = JSON.parse(readFileSync('.prettierrc', 'utf8'));
writeFileSync(join(root, '.prettierrc'), JSON.stringify(settings));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Write `text` as `name` in the temporary folder; its path there. */
function put(name: string, text: string): string {
  writeFileSync(join(root, name), text);
  return name;
}

/** `n` statements, one line each once formatted. */
const statements = (n: number): string => Array.from({ length: n }, (_, i) => `export const v${i} = ${i};`).join('\n');

describe('check-file-size', () => {
  it('lists a file over the limit once Prettier has formatted it, with its line count', async () => {
    const long = put('long.ts', `/** Many values. */\n${statements(MAX_LINES)}\n`);
    const fits = put('fits.ts', `/** Values. */\n${statements(MAX_LINES - 1)}\n`);
    expect(await checkFileSizes([long, fits], root)).toEqual({
      over: [{ path: long, lines: MAX_LINES + 1 }],
      kept: [],
    });
  });

  it('counts the formatted file, not the text as typed', async () => {
    // One long line that Prettier writes as one element per line; and many blank lines it folds.
    const items = Array.from({ length: MAX_LINES + 10 }, (_, i) => `'item number ${i}'`).join(', ');
    const wide = put('wide.ts', `/** A list. */\nexport const list = [${items}];\n`);
    const airy = put('airy.ts', `/** Spaced. */\n${statements(10).split('\n').join('\n'.repeat(40))}\n`);
    const { over } = await checkFileSizes([wide, airy], root);
    expect(over).toEqual([{ path: wide, lines: MAX_LINES + 10 + 3 }]);
  });

  it('keeps a long file whose first comment says why it is one file, and only its first comment counts', async () => {
    const why = put(
      'why.ts',
      `/**\n * The table of ops.\n * One file\n * because the interface is implemented once.\n */\n${statements(MAX_LINES)}\n`,
    );
    const later = put(
      'later.ts',
      `/** Values. */\n${statements(MAX_LINES)}\n// One file because of this, said too late.\n`,
    );
    const result = await checkFileSizes([why, later], root);
    expect(result.kept.map((f) => f.path)).toEqual([why]);
    expect(result.over.map((f) => f.path)).toEqual([later]);
  });

  it('counts Python as written and reads its docstring or leading # comment', async () => {
    const lines = Array.from({ length: MAX_LINES }, (_, i) => `V${i} = ${i}`).join('\n');
    const py = put('long.py', `"""Values."""\n${lines}\n`);
    const kept = put(
      'kept.py',
      `#!/usr/bin/env python3\n# A reader users copy alone:\n# one file because it travels alone.\n${lines}\n`,
    );
    expect(await checkFileSizes([py, kept], root)).toEqual({
      over: [{ path: py, lines: MAX_LINES + 1 }],
      kept: [{ path: kept, lines: MAX_LINES + 3 }],
    });
  });

  it('leaves tests, end-to-end specs, generated files, fixtures and other file types aside', async () => {
    const body = `${statements(MAX_LINES + 5)}\n`;
    const names = ['a.test.ts', 'b.spec.ts', 'kernels.generated.ts', 'notes.md', 'data.csv'];
    const paths = names.map((n) => put(n, body));
    expect(await checkFileSizes(paths, root)).toEqual({ over: [], kept: [] });
    expect(isAside('engine/data/fixtures/big.ts')).toBe(true);
    expect(isAside('engine/data/index.ts')).toBe(false);
  });

  it('finds the first comment of a component, a script and a module', () => {
    expect(
      isJustified('<!-- One file because the view is one form. -->\n<script lang="ts"></script>', 'A.svelte'),
    ).toBe(true);
    expect(isJustified('<script lang="ts">\n  // One file because\n  // it is one form.\n</script>', 'B.svelte')).toBe(
      true,
    );
    expect(
      isJustified('<script lang="ts">\n  import x from "y";\n  // One file because late.\n</script>', 'C.svelte'),
    ).toBe(false);
    expect(firstComment('#!/usr/bin/env node\n// Line one.\n// Line two.\nconst a = 1;\n', 'x.mjs')).toBe(
      ' Line one.\n Line two.\n',
    );
    expect(firstComment('import a from "a";\n/** Late. */\n', 'x.ts')).toBe('');
  });

  it('exits 1 listing the files over the limit, with how to fix them; 0 when none is', () => {
    const long = put('cli-long.ts', `/** Many values. */\n${statements(MAX_LINES + 1)}\n`);
    const short = put('cli-short.ts', `/** Values. */\n${statements(3)}\n`);
    const run = (...files: string[]) => spawnSync('node', [script, ...files], { cwd: root, encoding: 'utf8' });
    const failed = run(long, short);
    expect(failed.status).toBe(1);
    expect(failed.stdout).toBe(
      '1 source file is over 300 lines after Prettier:\n' +
        `  ${long}: 302 lines\n` +
        'Split each along its concepts (STYLE.md §2) into files of at most 300 lines, or, if it must stay one file, ' +
        'say why in its first comment with the words "one file because" (e.g. "One file because …").\n',
    );
    const passed = run(short);
    expect(passed.status).toBe(0);
    expect(passed.stdout).toBe('No source file is over 300 lines after Prettier.\n');
  });
});
