/** `sweep --open TRIALS.csv` and the checks `--export-optuna` makes before writing anything (no Python needed). */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const iris = join(root, 'resources', 'samples', 'iris.csv');
const dir = mkdtempSync(join(tmpdir(), 'bps-sweep-open-'));

function sweep(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'backprop-studio.mjs'), 'sweep', ...args], {
    encoding: 'utf8',
    cwd: dir,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function space(extra: Record<string, unknown>): string {
  const path = join(dir, `space-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(
    path,
    JSON.stringify({
      parameters: { 'training.optimizer.learningRate': { distribution: 'logUniform', min: 0.001, max: 0.1 } },
      ...extra,
    }),
  );
  return path;
}

describe('sweep --open', () => {
  it('shows a trials CSV written by sweep --out: ranked table, best trial', () => {
    const out = join(dir, 'trials.csv');
    expect(
      sweep(
        iris,
        '--target',
        'species',
        '--space',
        space({ trials: 3, seed: 2 }),
        '--epochs',
        '2',
        '--concurrency',
        '1',
        '--out',
        out,
        '--quiet',
      ).code,
    ).toBe(0);
    const r = sweep('--open', out);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(
      /^.*trials\.csv: 3 trials \(\d done, 0 pruned, \d failed\); objective: maximize valAccuracy\n/,
    );
    expect(r.stdout).toMatch(
      /\nrank {2}trial {2}status {2}valAccuracy {2}valLoss {2}epochs {2}time {3}learningRate\n1 /,
    );
    const best = readFileSync(out, 'utf8')
      .split('\n')
      .find((l) => /^\d+,1,/.test(l))
      ?.split(',')[0];
    expect(r.stdout).toContain(`Best: trial ${best} — valAccuracy `);
  });

  it('refuses flags that set up a sweep, and files that are not trials CSVs', () => {
    expect(sweep('--open', iris, '--target', 'species')).toMatchObject({
      code: 1,
      stderr: 'error: --open shows a trials CSV and runs nothing, so --target has no use with it. Remove it.\n',
    });
    const r = sweep('--open', iris);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      "error: Line 1: the trials CSV has no 'trial', 'rank', 'status', 'objective (METRIC)', 'epochs', 'keptEpoch', " +
        "'bracket', 'rung', 'seed', 'durationMs', 'error' columns. Open a file written by the Sweep view's Export CSV, " +
        "'backprop-studio sweep --out' or study.py --export-trials.\n",
    );
  });
});

describe('sweep --export-optuna: refused before anything is written', () => {
  it('an objective train.py does not report, with its path', () => {
    const out = join(dir, 'mae-study');
    const r = sweep(
      iris,
      '--target',
      'petal_width_cm',
      '--space',
      space({ objective: { metric: 'valMae' } }),
      '--export-optuna',
      out,
    );
    expect(r.stderr).toBe(
      "error: objective.metric 'valMae' cannot be the objective of an Optuna study: the PyTorch package's train.py " +
        "reports 'loss', 'valLoss', 'valAccuracy', 'valR2' each epoch (valAccuracy for classification, valR2 for regression). Use one of them.\n",
    );
    expect(r.code).toBe(1);
    expect(existsSync(out)).toBe(false);
  });

  it('a fractional eta for Optuna’s pruners', () => {
    const r = sweep(
      iris,
      '--target',
      'species',
      '--space',
      space({ strategy: 'hyperband', halving: { eta: 2.5, minEpochs: 1, maxEpochs: 9 } }),
      '--export-optuna',
      join(dir, 'eta-study'),
    );
    expect(r.stderr).toBe(
      "error: halving.eta is 2.5, but Optuna's HyperbandPruner takes a whole reduction factor. Set halving.eta to 2 or 3.\n",
    );
  });

  it('flags of a sweep run here', () => {
    expect(
      sweep(
        iris,
        '--target',
        'species',
        '--space',
        space({}),
        '--export-optuna',
        join(dir, 'x'),
        '--out',
        't.csv',
        '--concurrency=2',
      ).stderr,
    ).toBe(
      "error: --export-optuna writes the sweep for Optuna instead of running it, so --out, --concurrency have no use with it: study.py's " +
        '--export-trials and --best-model bring the trials and the best model back. Remove them.\n',
    );
  });

  it('DIR that is a file, or whose parent is missing', () => {
    expect(sweep(iris, '--target', 'species', '--space', space({}), '--export-optuna', iris).stderr).toBe(
      `error: --export-optuna '${iris}' is a file; the study is a folder of files. Name a folder, e.g. --export-optuna study.\n`,
    );
    expect(
      sweep(iris, '--target', 'species', '--space', space({}), '--export-optuna', '/no/such/parent/study').stderr,
    ).toBe("error: Cannot write into '/no/such/parent/study': its parent folder does not exist. Create it first.\n");
  });
});
