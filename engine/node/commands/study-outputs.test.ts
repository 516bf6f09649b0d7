/**
 * study.py (written by `sweep --export-optuna`): `--best-model` retrains the trial the trials CSV ranks 1 (ties on
 * the objective broken by the lower valLoss, as the engine ranks), not Optuna's first among equals; and
 * `--export-trials` / `--best-model` never overwrite what study.py reads (the data copy, study.json, model.json,
 * the SQLite database) nor each other. Skipped (with the reason) when Python lacks optuna, torch or pandas.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseTrialsCsv } from '../../sweep/index.ts';

const PYTHON = '/usr/bin/python3';
const probe = spawnSync(PYTHON, ['-c', 'import optuna, torch, pandas'], { encoding: 'utf8' });
const missing =
  probe.status === 0
    ? ''
    : ` — SKIPPED: ${PYTHON} cannot import optuna, torch and pandas; ` +
      'install python3-optuna python3-torch python3-pandas';
const skip = missing !== '';
const root = join(import.meta.dirname, '..', '..', '..');
const tmp = mkdtempSync(join(tmpdir(), 'bps-study-outputs-'));
const dir = join(tmp, 'study');
const db = join(tmp, 'ties.db');
const storage = `sqlite:///${db}`;

function python(args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(PYTHON, args, { cwd: tmp, encoding: 'utf8', timeout: 240_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Three done trials, all at valAccuracy 1; trial 2 has the lowest valLoss, trial 1 the highest. */
const addTrials = `
import json, sys, optuna
optuna.logging.set_verbosity(optuna.logging.ERROR)
s = optuna.load_study(study_name="backprop-studio", storage=sys.argv[1])
d = {"layers[dense-1].units": optuna.distributions.IntDistribution(4, 16)}
for units, val_loss in ((4, 0.5), (12, 0.01), (8, 0.2)):
    s.add_trial(optuna.trial.create_trial(params={"layers[dense-1].units": units}, distributions=d, value=1.0,
        user_attrs={"metrics": {"valAccuracy": 1.0, "valLoss": val_loss}, "epochs": 2, "keptEpoch": 2, "seed": 42}))
`;

describe(`study.py: the best model and its outputs${missing}`, () => {
  beforeAll(() => {
    if (skip) return;
    const space = join(tmp, 'space.json');
    writeFileSync(
      space,
      JSON.stringify({
        strategy: 'random',
        objective: { metric: 'valAccuracy', direction: 'maximize' },
        parameters: { 'layers[dense-1].units': { distribution: 'int', min: 4, max: 16 } },
      }),
    );
    const cli = spawnSync(
      process.execPath,
      [join(root, 'bin', 'backprop-studio.mjs'), 'sweep', join(root, 'resources', 'samples', 'iris.csv')].concat([
        '--target',
        'species',
        '--space',
        space,
        '--epochs',
        '2',
        '--export-optuna',
        dir,
      ]),
      { encoding: 'utf8' },
    );
    expect(cli.status, cli.stderr).toBe(0);
    // Opening the study once (exporting its no trials) creates it with its fingerprint; then three tied trials.
    const opened = python([join(dir, 'study.py'), '--storage', storage, '--export-trials', join(tmp, 'none.csv')]);
    expect(opened.code, opened.err).toBe(0);
    const added = python(['-c', addTrials, storage]);
    expect(added.err).toBe('');
  }, 300_000);

  it.skipIf(skip)(
    '--best-model retrains the trial ranked 1 in the trials CSV, ties broken by valLoss',
    () => {
      const csv = join(tmp, 'trials.csv');
      const best = join(tmp, 'best.model.json');
      const r = python([join(dir, 'study.py'), '--storage', storage, '--export-trials', csv, '--best-model', best]);
      expect(r.code, r.err).toBe(0);
      const text = readFileSync(csv, 'utf8');
      // trial,rank: the CSV ranks trial 2 first, and the app and `sweep --open` read it as the best
      const ranks = text
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split(',').slice(0, 2).join(','));
      expect(ranks).toEqual(['1,3', '2,1', '3,2']);
      expect(parseTrialsCsv(text).best?.trial).toBe(2);
      expect(r.err).toContain(`Best trial 2 (valAccuracy 1) retrained: ${best}`);
      const model = JSON.parse(readFileSync(best, 'utf8')) as { spec: { layers: { id: string; units?: unknown }[] } };
      expect(model.spec.layers.find((l) => l.id === 'dense-1')?.units).toBe(12);
    },
    300_000,
  );

  it.skipIf(skip)(
    'refuses outputs that are the files it reads, or both outputs on one file',
    () => {
      const inputs = readFileSync(join(dir, 'data.csv'), 'utf8') + readFileSync(join(dir, 'study.json'), 'utf8');
      const overwrite = 'which study.py reads; writing there would overwrite it. Choose another file.';
      const at = (name: string): string => join(dir, name);
      const cases: [string[], string][] = [
        [
          ['--export-trials', at('data.csv')],
          `--export-trials ${at('data.csv')} is the training CSV (--data), ${overwrite}`,
        ],
        [['--export-trials', at('study.json')], `--export-trials ${at('study.json')} is study.json, ${overwrite}`],
        [['--best-model', at('model.json')], `--best-model ${at('model.json')} is model.json, ${overwrite}`],
        [['--export-trials', db], `--export-trials ${db} is the study's SQLite database (--storage), ${overwrite}`],
        [
          ['--export-trials', join(tmp, 'x.csv'), '--best-model', join(tmp, 'x.csv')],
          `--export-trials and --best-model both name ${join(tmp, 'x.csv')}. Give each its own file.`,
        ],
      ];
      for (const [args, message] of cases) {
        expect(python([join(dir, 'study.py'), '--storage', storage, ...args])).toEqual({
          code: 1,
          out: '',
          err: `error: ${message}\n`,
        });
      }
      expect(readFileSync(join(dir, 'data.csv'), 'utf8') + readFileSync(join(dir, 'study.json'), 'utf8')).toBe(inputs);
    },
    120_000,
  );
});
