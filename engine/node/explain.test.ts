/** `explain` end to end: the ranking on data with a known answer, its JSON, and every bad input's message. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syntheticCsv } from '../explain/fixtures/synthetic.ts';

const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'bps-explain-'));

function cli(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'backprop-studio.mjs'), ...args], { encoding: 'utf8', cwd: dir });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

writeFileSync(join(dir, 'train.csv'), syntheticCsv(400, 'classification'));
writeFileSync(join(dir, 'test.csv'), syntheticCsv(200, 'classification', 21));
writeFileSync(join(dir, 'unlabelled.csv'), syntheticCsv(5, 'classification', 22).replace(/,target\n/, '\n').replace(/,(yes|no)\n/g, '\n'));
writeFileSync(join(dir, 'gaps.csv'), syntheticCsv(30, 'classification', 23).replace(/,(yes|no)\n/, ',\n').replace(/,(yes|no)\n/, ',NA\n').replace(/,(yes|no)\n/, ',maybe\n'));
mkdirSync(join(dir, 'folder'));
const trained = cli('train', 'train.csv', '--target', 'target', '--out', 'm.json', '--quiet', '--test-split', '0', '--validation-split', '0.1');

interface ImportanceJson { metric: string; columns: { column: string; mean: number; std: number; shownToMatter: boolean }[]; rows: number; rowsLeftOut: number }

describe('explain: permutation importance', () => {
  it('ranks a and cat (all the label depends on) first, marks the unrelated columns, and writes the ranked JSON', () => {
    expect(trained.code).toBe(0);
    const r = cli('explain', 'm.json', 'test.csv', '--out', 'imp.json');
    expect([r.code, r.stderr]).toEqual([0, 'Wrote the importance of 6 columns to imp.json\n']);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Permutation importance on 200 rows (5 repeats per column, seed 42): how much accuracy drops and the loss rises when a column is shuffled.');
    expect(lines.slice(4, 6).map((l) => l.split(/\s+/)[2]).sort()).toEqual(['a', 'cat']);
    const json = JSON.parse(readFileSync(join(dir, 'imp.json'), 'utf8')) as ImportanceJson;
    expect(json.metric).toBe('accuracy');
    expect(json.columns.map((c) => c.column).slice(0, 2).sort()).toEqual(['a', 'cat']);
    expect(json.columns.map((c) => Object.keys(c).slice(0, 3))).toEqual(json.columns.map(() => ['column', 'mean', 'std']));
    expect(json.columns.slice(0, 2).every((c) => c.shownToMatter)).toBe(true);
    const means = json.columns.map((c) => c.mean);
    expect(means).toEqual([...means].sort((a, b) => b - a));
    for (const c of json.columns.filter((x) => !x.shownToMatter)) expect(lines.find((l) => l.includes(` ${c.column} `))).toMatch(/\(not shown to matter\)$/);
  });

  it('is seeded: --seed gives the same table twice, and --repeats sets the count', () => {
    const a = cli('explain', 'm.json', 'test.csv', '--seed', '9', '--repeats', '2');
    expect(a.stdout).toBe(cli('explain', 'm.json', 'test.csv', '--seed', '9', '--repeats', '2').stdout);
    expect(a.stdout).toMatch(/^Permutation importance on 200 rows \(2 repeats per column, seed 9\)/);
  });

  it('leaves out and counts rows whose target is missing or unknown', () => {
    const r = cli('explain', 'm.json', 'gaps.csv', '--repeats', '1');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("warning: 3 rows have a target in column 'target' that is missing or not one of the model's classes ('(missing)', 'maybe'); they are left out of the scores.\nScored 27 of 30 rows; 3 left out (target missing or unknown).\n");
    expect(r.stdout).toMatch(/^Permutation importance on 27 rows/);
  });

  it.each([
    [['m.json', 'unlabelled.csv'], "error: The CSV has no column 'target', the model's target, so permutation importance has nothing to score the shuffled predictions against. Use a labelled CSV, or explain single predictions with --rows, which need no target.\n"],
    [['m.json', 'test.csv', '--repeats', '0'], "error: --repeats must be a whole number ≥ 1 and ≤ 1,000, got '0'.\n"],
    [['m.json', 'test.csv', '--repeats', 'many'], "error: --repeats must be a whole number ≥ 1 and ≤ 1,000, got 'many'.\n"],
    [['m.json', 'test.csv', '--seed=-1'], "error: --seed must be a whole number ≥ 0 and ≤ 4,294,967,295, got '-1'.\n"],
    [['m.json', 'test.csv', '--backend', 'gpu'], "error: --backend must be one of auto, cpu, wasm, gpujs-webgpu, gpujs-webgl2, gpujs-webasm, gpujs-cpu, got 'gpu'.\n"],
    [['m.json', 'test.csv', '--repeat', '3'], "error: Unknown flag '--repeat' for 'explain'. Valid flags: --repeats, --seed, --out, --backend, --decimal, --date-order, --skip-malformed-rows, --help. See 'backprop-studio explain --help'.\n"],
    [['m.json'], "error: 'explain' needs DATA.csv. Usage: backprop-studio explain MODEL.json DATA.csv [flags]\n"],
    [['m.json', 'test.csv', '--out', 'folder'], "error: --out 'folder' is a folder. Name a file inside it, e.g. 'folder/explain.json'. Nothing was computed.\n"],
    [['m.json', 'test.csv', '--out', 'nope/x.json'], "error: --out 'nope/x.json': the folder 'nope' does not exist. Create it first (mkdir -p 'nope') or choose another folder. Nothing was computed.\n"],
    [['m.json', 'test.csv', '--out', './test.csv'], "error: --out './test.csv' is the CSV file 'test.csv', which this command reads; writing there would replace it. Choose another file name.\n"],
    [['m.json', 'test.csv', '--out', 'm.json'], "error: --out 'm.json' is the model file 'm.json', which this command reads; writing there would replace it. Choose another file name.\n"],
    [['test.csv', 'test.csv'], "error: Model file 'test.csv' is not valid JSON (Unexpected token 'a', \"a,b,cat,no\"... is not valid JSON). Fix the file or export it again.\n"],
  ])('explain %j: one clear line, nothing written', (args, message) => {
    expect(trained.code).toBe(0);
    const before = readdirSync(dir).sort();
    const r = cli('explain', ...args);
    expect([r.code, r.stderr, r.stdout]).toEqual([1, message, '']);
    expect(readdirSync(dir).sort()).toEqual(before);
  });
});
