/** `evaluate` and `gradients` on CSVs with missing or unknown targets: those rows are left out, the rest scored. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const samples = join(root, 'resources', 'samples');
const dir = mkdtempSync(join(tmpdir(), 'bps-scoring-'));

function cli(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'backprop-studio.mjs'), ...args], {
    encoding: 'utf8',
    cwd: dir,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** The first `n` data lines of a sample, with the target cell of the lines in `blank` replaced by `cell`. */
function withTargets(name: string, n: number, edits: Record<number, string>): string {
  const [header, ...lines] = readFileSync(join(samples, `${name}.csv`), 'utf8')
    .trim()
    .split('\n');
  const body = lines.slice(0, n).map((l, i) => (i in edits ? `${l.slice(0, l.lastIndexOf(','))},${edits[i]}` : l));
  const path = join(dir, `${name}-${Object.keys(edits).length}.csv`);
  writeFileSync(path, [header, ...body].join('\n') + '\n');
  return path;
}

function train(name: string, target: string): string {
  const out = join(dir, `${name}.model.json`);
  const r = cli(
    'train',
    join(samples, `${name}.csv`),
    '--target',
    target,
    '--spec',
    join(root, 'engine', 'node', 'fixtures', 'iris-spec.json'),
    '--out',
    out,
    '--quiet',
  );
  expect(r.code, r.stderr).toBe(0);
  return out;
}

describe('rows without a known target are left out of scoring', () => {
  it('evaluate, classification: an empty and an unknown class', () => {
    const model = train('iris', 'species');
    const r = cli('evaluate', model, withTargets('iris', 10, { 2: '', 5: 'zzz' }));
    expect([r.code, r.stderr]).toEqual([
      0,
      "warning: 2 rows have a target in column 'species' that is missing or not one of the model's classes ('(missing)', 'zzz'); they are left out of the scores.\n" +
        'Scored 8 of 10 rows; 2 left out (target missing or unknown).\n',
    ]);
    const out = JSON.parse(r.stdout) as { rows: number; rowsLeftOut: number; confusion: number[][] };
    expect([out.rows, out.rowsLeftOut, out.confusion.flat().reduce((a, b) => a + b, 0)]).toEqual([8, 2, 8]);
  });

  it('evaluate, regression: MAE, RMSE and R² are numbers over the scored rows', () => {
    const model = train('diabetes', 'progression');
    const r = cli('evaluate', model, withTargets('diabetes', 30, { 0: '', 7: 'NA', 9: '' }));
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      "3 rows have a target in column 'progression' that is missing or not a number ('(missing)'); they are left out of the scores.",
    );
    const out = JSON.parse(r.stdout) as { rows: number; rowsLeftOut: number; mae: number; rmse: number; r2: number };
    expect([out.rows, out.rowsLeftOut, [out.mae, out.rmse, out.r2].every(Number.isFinite)]).toEqual([27, 3, true]);
  });

  it('gradients: the loss and gradients are numbers, with rows and rowsLeftOut', () => {
    const model = join(dir, 'iris.model.json');
    const r = cli('gradients', model, withTargets('iris', 10, { 2: '' }));
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as {
      loss: number;
      penalty: number;
      totalLoss: number;
      rows: number;
      rowsLeftOut: number;
      gradients: { data: number[] }[];
    };
    expect([out.rows, out.rowsLeftOut]).toEqual([9, 1]);
    expect([out.loss, out.penalty, out.totalLoss, ...out.gradients.flatMap((g) => g.data)].every(Number.isFinite)).toBe(
      true,
    );
    expect(out.totalLoss).toBe(out.loss + out.penalty);
  });

  it('no row with a target: a message, not a stack trace', () => {
    const r = cli('evaluate', join(dir, 'iris.model.json'), withTargets('iris', 2, { 0: '', 1: 'zzz' }));
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stderr).toContain(
      "There is nothing to score: all 2 rows have a target in column 'species' that is missing or not one of the model's classes. Fill in the target, or use 'predict' for unlabelled data.",
    );
  });
});
