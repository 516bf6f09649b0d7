/**
 * `sweep --export-optuna DIR` and DIR/study.py, run by /usr/bin/python3 with Optuna 3.1 and PyTorch: two processes
 * share one SQLite study, the exported trials open with the engine's reader, the best model is a model file, the
 * Python spec editing matches the engine's, and bad input ends in one clear line. Skipped (with the reason) when
 * Python lacks optuna, torch or pandas.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseModelFile } from '../../export/index.ts';
import { parseSpec } from '../../spec/index.ts';
import { applyParams, parseTrialsCsv, type TrialParams } from '../../sweep/index.ts';

const PYTHON = '/usr/bin/python3';
const probe = spawnSync(PYTHON, ['-c', 'import optuna, torch, pandas'], { encoding: 'utf8' });
const missing =
  probe.status === 0
    ? ''
    : ` — SKIPPED: ${PYTHON} cannot import optuna, torch and pandas ` +
      `(${(probe.stderr || String(probe.error)).trim().split('\n').pop()}); install python3-optuna, python3-torch, python3-pandas`;
const root = join(import.meta.dirname, '..', '..', '..');
const tmp = mkdtempSync(join(tmpdir(), 'bps-optuna-'));
const dir = join(tmp, 'study');
const study = join(dir, 'study.py');

/** Run a Python script to its end: exit code and output. */
function python(args: string[], input?: string): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(PYTHON, args, { cwd: tmp });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => resolve({ code, out, err }));
    child.stdin.end(input ?? '');
  });
}

const skip = missing !== '';

describe(`sweep --export-optuna, study.py${missing}`, () => {
  beforeAll(() => {
    if (skip) return;
    const space = join(tmp, 'space.json');
    writeFileSync(
      space,
      JSON.stringify({
        strategy: 'random',
        seed: 5,
        parameters: {
          'training.optimizer.learningRate': { distribution: 'logUniform', min: 0.003, max: 0.03 },
          'layers[dense-1].units': { distribution: 'int', min: 4, max: 16 },
          'training.optimizer.type': { distribution: 'choice', values: ['adam', 'sgd'] },
        },
      }),
    );
    const cli = spawnSync(
      process.execPath,
      [
        join(root, 'bin', 'backprop-studio.mjs'),
        'sweep',
        join(root, 'resources', 'samples', 'iris.csv'),
        '--target',
        'species',
        '--space',
        space,
        '--epochs',
        '3',
        '--export-optuna',
        dir,
      ],
      { encoding: 'utf8' },
    );
    expect(cli.stderr).toBe('');
    expect(cli.status).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([
      'README.md',
      'STUDY.md',
      'data.csv',
      'data.py',
      'losses.py',
      'model.json',
      'model.py',
      'optim.py',
      'predict.py',
      'preprocess.py',
      'refit.py',
      'study.json',
      'study.py',
      'study_files.py',
      'study_objective.py',
      'study_storage.py',
      'sweep_space.py',
      'train.py',
      'trials_csv.py',
    ]);
    expect(readFileSync(join(dir, 'data.csv'), 'utf8')).toBe(
      readFileSync(join(root, 'resources', 'samples', 'iris.csv'), 'utf8'),
    );
    expect(cli.stdout).toContain(`python3 ${study} --storage sqlite:///study.db --trials 16\n`);
  }, 120_000);

  it.skipIf(skip)(
    'two processes against one SQLite file finish 2 × 3 trials in one study; its CSV opens as a sweep',
    async () => {
      const storage = `sqlite:///${join(tmp, 'two.db')}`;
      const runs = await Promise.all(
        [1, 2].map(() => python([study, '--storage', storage, '--trials', '3', '--study-name', 'iris'])),
      );
      for (const r of runs) expect(r).toMatchObject({ code: 0, err: expect.not.stringContaining('Traceback') });
      const csvPath = join(tmp, 'trials.csv');
      const exported = await python([study, '--storage', storage, '--study-name', 'iris', '--export-trials', csvPath]);
      expect(exported.err).toContain("Study 'iris': 6 trials finished.");
      const result = parseTrialsCsv(readFileSync(csvPath, 'utf8'));
      expect(result.trials.map((t) => t.trial)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(result.trials.map((t) => t.status)).toEqual(Array(6).fill('done'));
      expect(result.plan.objective).toEqual({ metric: 'valAccuracy', direction: 'maximize' });
      for (const t of result.trials) {
        expect(t.epochs).toBe(3);
        expect(t.objective).toBe(t.metrics.valAccuracy);
        expect(Object.keys(t.metrics).sort()).toEqual(['accuracy', 'loss', 'valAccuracy', 'valLoss']);
        expect(t.params['training.optimizer.learningRate']).toBeGreaterThanOrEqual(0.003);
        expect(t.params['layers[dense-1].units']).toSatisfy(
          (u: unknown) => Number.isInteger(u) && (u as number) >= 4 && (u as number) <= 16,
        );
        expect(['adam', 'sgd']).toContain(t.params['training.optimizer.type']);
      }
      // Every trial trains with the sweep's seed, which also picks train.py's validation rows: all are scored on the same rows.
      expect(result.trials.map((t) => t.seed)).toEqual(Array(6).fill(5));
      // Two processes draw their own values: six distinct configurations, not the same three twice.
      expect(new Set(result.trials.map((t) => t.params['training.optimizer.learningRate'])).size).toBe(6);
    },
    300_000,
  );

  it.skipIf(skip)(
    '--best-model trains the best configuration again as a model file the engine reads',
    async () => {
      const storage = `sqlite:///${join(tmp, 'best.db')}`;
      const best = join(tmp, 'best.model.json');
      const r = await python([study, '--storage', storage, '--trials', '2', '--best-model', best]);
      expect(r.code).toBe(0);
      const model = parseModelFile(JSON.parse(readFileSync(best, 'utf8')));
      expect(model.history).toHaveLength(3);
      expect(model.metrics.validation).toMatchObject({ accuracy: expect.any(Number) });
    },
    300_000,
  );

  it.skipIf(skip)(
    'bad storage, trials ≤ 0 and an unwritable --export-trials path: one clear line, no traceback',
    async () => {
      const db = `sqlite:///${join(tmp, 'bad.db')}`;
      const cases: [string[], number, string][] = [
        [
          ['--storage', 'nope://x', '--trials', '1'],
          1,
          "error: Cannot open the study in --storage nope://x: Can't load plugin: sqlalchemy.dialects:nope. Use sqlite:///study.db on one " +
            'machine, or postgresql://user:password@host/database across machines.\n',
        ],
        [
          ['--storage', 'sqlite:////no/such/folder/s.db', '--trials', '1'],
          1,
          'error: Cannot open the study in --storage sqlite:////no/such/folder/s.db: (sqlite3.OperationalError) unable to open database ' +
            'file. Use sqlite:///study.db on one machine, or postgresql://user:password@host/database across machines.\n',
        ],
        [
          ['--storage', 'postgresql://ana:secret@127.0.0.1:1/db', '--trials', '1'],
          1,
          'error: --storage postgresql://ana:***@127.0.0.1:1/db needs psycopg2 (Debian: python3-psycopg2; pip: psycopg2-binary), which ' +
            'is not installed (Failed to import DB access module for the specified storage URL. Please install appropriate one.). ' +
            'Install it on every machine that runs study.py.\n',
        ],
        [
          ['--storage', db, '--export-trials', '/no/such/folder/t.csv'],
          1,
          'error: --export-trials /no/such/folder/t.csv: the folder /no/such/folder does not exist. Create it or choose another path.\n',
        ],
        [
          ['--storage', db, '--export-trials', tmp],
          1,
          `error: --export-trials ${tmp} is a folder. Name a file, e.g. --export-trials ${join(tmp, 'trials.csv')}.\n`,
        ],
      ];
      for (const [args, code, err] of cases) expect(await python([study, ...args])).toEqual({ code, out: '', err });
      const zero = await python([study, '--storage', db, '--trials', '0']);
      expect(zero.code).toBe(2);
      expect(zero.err.trim().split('\n').pop()).toBe(
        'study.py: error: argument --trials: must be at least 1, got 0. Leave --trials out to only export.',
      );
      expect(await python([study, '--storage', db, '--best-model', join(tmp, 'none.model.json')])).toEqual({
        code: 1,
        out: '',
        err:
          "Study 'backprop-studio': 0 trials finished.\nerror: No trial of the study is done (pruned and failed ones " +
          'do not count), so there is no best configuration yet. Run more trials; --export-trials shows why trials failed.\n',
      });
      const gpu = await python([study, '--storage', db, '--trials', '1', '--device', 'gpu']);
      expect(gpu.err.trim().split('\n').pop()).toBe(
        "study.py: error: argument --device: invalid choice: 'gpu' (choose from 'cpu', 'cuda')",
      );
      const cuda = await python(['-c', 'import torch; print(torch.cuda.is_available())']);
      if (cuda.out.trim() === 'False') {
        expect(await python([study, '--storage', db, '--trials', '1', '--device', 'cuda'])).toEqual({
          code: 1,
          out: '',
          err:
            'error: --device cuda: PyTorch sees no CUDA GPU on this machine. Leave --device out to train on the CPU, ' +
            'or install a CUDA build of PyTorch.\n',
        });
      }
      const word = await python([study, '--storage', db, '--trials', 'many']);
      expect(word.err.trim().split('\n').pop()).toBe(
        "study.py: error: argument --trials: must be a whole number of trials, e.g. --trials 20, got 'many'",
      );
    },
    300_000,
  );

  it.skipIf(skip)(
    'hyperband: every epoch is reported to the HyperbandPruner, pruned trials stop at a rung; another space is refused',
    async () => {
      const space = join(tmp, 'hyperband.json');
      writeFileSync(
        space,
        JSON.stringify({
          strategy: 'hyperband',
          halving: { eta: 3, minEpochs: 1, maxEpochs: 9 },
          parameters: {
            'training.optimizer.learningRate': { distribution: 'logUniform', min: 0.0001, max: 0.3 },
            hiddenLayers: { distribution: 'int', min: 0, max: 2 },
          },
        }),
      );
      const hb = join(tmp, 'hyperband');
      const cli = spawnSync(
        process.execPath,
        [
          join(root, 'bin', 'backprop-studio.mjs'),
          'sweep',
          join(root, 'resources', 'samples', 'iris.csv'),
          '--target',
          'species',
          '--space',
          space,
          '--export-optuna',
          hb,
        ],
        { encoding: 'utf8' },
      );
      expect(cli.status).toBe(0);
      const storage = `sqlite:///${join(tmp, 'hyperband.db')}`;
      expect((await python([join(hb, 'study.py'), '--storage', storage, '--trials', '6'])).code).toBe(0);
      const script =
        'import optuna, json, sys\noptuna.logging.set_verbosity(optuna.logging.ERROR)\n' +
        's = optuna.load_study(study_name="backprop-studio", storage=sys.argv[1])\n' +
        'print(json.dumps([[t.state.name, sorted(t.intermediate_values), t.user_attrs["epochs"]] for t in s.trials]))\n';
      const trials = JSON.parse((await python(['-c', script, storage])).out) as [string, number[], number][];
      expect(trials).toHaveLength(6);
      for (const [state, reported, epochs] of trials) {
        expect(reported).toEqual(Array.from({ length: epochs }, (_, i) => i + 1));
        // A pruned trial stops at a rung (the pruner may also cut one at the last, 9th epoch); the others train all 9.
        expect(state === 'COMPLETE' ? epochs === 9 : state === 'PRUNED' && epochs <= 9).toBe(true);
      }
      // The random-search study.py cannot join this study: it was started from another space.
      expect(await python([study, '--storage', storage, '--trials', '1'])).toEqual({
        code: 1,
        out: '',
        err:
          "error: The study 'backprop-studio' in this storage was started from another search space or network. " +
          'Choose another --study-name, or run the study.py that started it.\n',
      });
    },
    300_000,
  );

  it.skipIf(skip)(
    'a trial with early stopping is judged on its validation rows: not refitted on them',
    async () => {
      const space = join(tmp, 'stopping-space.json');
      writeFileSync(
        space,
        JSON.stringify({
          strategy: 'random',
          seed: 5,
          parameters: { 'training.optimizer.learningRate': { distribution: 'logUniform', min: 0.003, max: 0.03 } },
          spec: {
            layers: [{ id: 'output', type: 'dense', units: 'auto' }],
            training: { epochs: 6, earlyStopping: { patience: 1, minDelta: 10 } },
          },
        }),
      );
      const folder = join(tmp, 'stopping');
      const iris = join(root, 'resources', 'samples', 'iris.csv');
      const cli = spawnSync(
        process.execPath,
        [
          join(root, 'bin', 'backprop-studio.mjs'),
          'sweep',
          iris,
          '--target',
          'species',
          '--space',
          space,
          '--export-optuna',
          folder,
        ],
        { encoding: 'utf8' },
      );
      expect(cli.status, cli.stderr).toBe(0);
      const storage = `sqlite:///${join(tmp, 'stopping.db')}`;
      const r = await python([join(folder, 'study.py'), '--storage', storage, '--trials', '1']);
      expect([r.code, r.out]).toEqual([0, expect.not.stringContaining('Early stopping chose')]);
      const csvPath = join(tmp, 'stopping.csv');
      await python([join(folder, 'study.py'), '--storage', storage, '--export-trials', csvPath]);
      const [trial] = parseTrialsCsv(readFileSync(csvPath, 'utf8')).trials;
      expect(trial!.epochs).toBe(3);
      expect(Object.keys(trial!.metrics).sort()).toEqual(['accuracy', 'loss', 'valAccuracy', 'valLoss']);
    },
    300_000,
  );

  it.skipIf(skip)(
    'sweep_space.py edits the spec exactly as the engine’s applyParams does',
    async () => {
      const base = parseSpec({
        layers: [
          { id: 'dense-1', type: 'dense', units: 8 },
          { id: 'dropout-1', type: 'dropout', rate: 0.1 },
          { id: 'dense-2', type: 'dense', units: 4 },
          { id: 'output', type: 'dense', units: 'auto' },
        ],
        training: { optimizer: { type: 'sgd', learningRate: 0.1, momentum: 0.9 } },
      });
      const cases: TrialParams[] = [
        { hiddenLayers: 4, 'layers[*dense].units': 12, 'layers[*dropout].rate': 0.3 },
        { hiddenLayers: 0, 'training.optimizer.type': 'adam', 'training.optimizer.learningRate': 0.01 },
        {
          'layers[dense-2].activation': 'tanh',
          'training.earlyStopping.patience': 3,
          'training.optimizer.type': 'rmsprop',
        },
        { hiddenLayers: 1, 'layers[dense-1].units': 32 },
        { hiddenLayers: 3, batchNorm: true, 'layers[*batchNorm].momentum': 0.9 },
        { batchNorm: false },
      ];
      const script =
        `import json, sys\nsys.path.insert(0, ${JSON.stringify(dir)})\nfrom sweep_space import apply_params\n` +
        'base, cases = json.load(sys.stdin)\nprint(json.dumps([apply_params(base, c) for c in cases]))\n';
      const r = await python(['-c', script], JSON.stringify([base, cases]));
      expect(r.err).toBe('');
      expect(JSON.parse(r.out)).toEqual(cases.map((c) => applyParams(base, c)));
    },
    60_000,
  );
});
