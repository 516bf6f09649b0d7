/** The CLI end to end: train on the sample datasets, predict, evaluate, inspect, gradients, and user errors. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/register_all_gradients';

const root = join(import.meta.dirname, '..', '..');
const samples = join(root, 'resources', 'samples');
const dir = mkdtempSync(join(tmpdir(), 'bps-cli-'));

function cli(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'backprop-studio.mjs'), ...args], {
    encoding: 'utf8',
    cwd: dir,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

interface SavedModel {
  metrics: Record<string, { accuracy?: number; r2?: number }>;
  weights: { layer: string; name: string; shape: number[]; data: number[] }[];
  spec: { layers: { id: string; type: string; activation?: string; epsilon?: number; l2?: number }[] };
  task: { classes: string[] };
}

function trainSample(name: string, target: string): SavedModel {
  const out = join(dir, `${name}.model.json`);
  const r = cli('train', join(samples, `${name}.csv`), '--target', target, '--out', out, '--quiet');
  expect(r.stderr).not.toMatch(/error/i);
  expect(r.code).toBe(0);
  return JSON.parse(readFileSync(out, 'utf8')) as SavedModel;
}

describe('train with the default network and seed reaches the reference scores', () => {
  it('iris ≥ 0.93 test accuracy', () =>
    expect(trainSample('iris', 'species').metrics.test.accuracy).toBeGreaterThanOrEqual(0.93));
  it('wine ≥ 0.97', () => expect(trainSample('wine', 'cultivar').metrics.test.accuracy).toBeGreaterThanOrEqual(0.97));
  it('digits ≥ 0.96', () => expect(trainSample('digits', 'digit').metrics.test.accuracy).toBeGreaterThanOrEqual(0.96));
  it('penguins (missing values, text columns) ≥ 0.97', () =>
    expect(trainSample('penguins', 'species').metrics.test.accuracy).toBeGreaterThanOrEqual(0.97));
  it('diabetes R² ≥ 0.40', () =>
    expect(trainSample('diabetes', 'progression').metrics.test.r2).toBeGreaterThanOrEqual(0.4));
});

describe('model file round trip', () => {
  it('predict and evaluate use the saved preprocessing; export then import predicts identically', () => {
    const model = join(dir, 'iris.model.json');
    if (!JSON.stringify(readFileSync(model, 'utf8')).length) throw new Error('iris model missing');
    const a = cli('predict', model, join(samples, 'iris.csv'));
    expect(a.code).toBe(0);
    const lines = a.stdout.trim().split('\n');
    expect(lines[0]).toBe('prediction,probability_setosa,probability_versicolor,probability_virginica');
    expect(lines).toHaveLength(151);
    expect(lines[1].split(',')[0]).toBe('setosa');
    const copy = join(dir, 'iris-copy.model.json');
    writeFileSync(copy, JSON.stringify(JSON.parse(readFileSync(model, 'utf8'))));
    expect(cli('predict', copy, join(samples, 'iris.csv')).stdout).toBe(a.stdout);
    const e = JSON.parse(cli('evaluate', model, join(samples, 'iris.csv')).stdout) as {
      accuracy: number;
      confusion: number[][];
    };
    expect(e.accuracy).toBeGreaterThan(0.9);
    expect(e.confusion.flat().reduce((s, v) => s + v, 0)).toBe(150);
  });
  it('refuses a newer model version with a clear message', () => {
    const m = JSON.parse(readFileSync(join(dir, 'iris.model.json'), 'utf8')) as Record<string, unknown>;
    const p = join(dir, 'future.model.json');
    writeFileSync(p, JSON.stringify({ ...m, version: 99 }));
    const r = cli('predict', p, join(samples, 'iris.csv'));
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'error: This model file is version 99, but this Backprop Studio reads versions up to 1. Update Backprop Studio to open it.\n',
    );
  });
});

describe('user errors print one line and exit non-zero', () => {
  it.each([
    [
      ['train', 'nope.csv', '--target', 'x'],
      `error: CSV file 'nope.csv' does not exist. Check the path (it is relative to ${dir}).\n`,
    ],
    [
      ['train', join(samples, 'iris.csv'), '--target', 'species', '--epochs', 'ten'],
      "error: --epochs must be a whole number ≥ 1 and ≤ 1,000,000, got 'ten'.\n",
    ],
    [
      ['train', join(samples, 'iris.csv'), '--target', 'species', '--frobnicate'],
      "error: Unknown flag '--frobnicate' for 'train'. Valid flags: --target, --spec, --epochs, --batch-size, --learning-rate, --optimizer, --seed, --validation-split, --test-split, --split, --dates, --class-weight, --auto, --budget, --no-refit, --backend, --out, --log, --split-out, --no-preprocess, --decimal, --date-order, --skip-malformed-rows, --quiet, --help. See 'backprop-studio train --help'.\n",
    ],
    [
      ['train', join(samples, 'iris.csv')],
      "error: train needs --target COL: the name of the column to predict. Run 'backprop-studio profile DATA.csv' to list the columns.\n",
    ],
    [
      ['launch'],
      "error: unknown command 'launch'. Commands: train, predict, evaluate, inspect, gradients, explain, profile, sweep, export, transform, report. Run 'backprop-studio --help'.\n",
    ],
  ])('%j', (args, message) => {
    const r = cli(...args);
    expect(r.stderr).toBe(message);
    expect(r.code).not.toBe(0);
  });
  it('an invalid spec lists every problem', () => {
    const p = join(dir, 'bad-spec.json');
    writeFileSync(
      p,
      JSON.stringify({
        layers: [
          { id: 'a', type: 'dense', units: -3 },
          { id: 'b', type: 'dropout', rate: 2 },
        ],
      }),
    );
    const r = cli('train', join(samples, 'iris.csv'), '--target', 'species', '--spec', p);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'error: - layers[0].units must be a positive integer, got -3.\n- layers[1].rate must be a number ≥ 0 and < 1, got 2.\n',
    );
  });
});

describe('inspect', () => {
  it('shows shapes and parameter counts of a spec', () => {
    const r = cli('inspect', join(root, 'engine', 'node', 'fixtures', 'iris-spec.json'), '--inputs', '4');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1  dense-1    dense      8 units, relu     [batch, 8]            40');
    // 4·8+8 + 4·8 (γ, β, running mean, variance) + 8·6+6; the 'auto' output layer needs the target to size it.
    expect(r.stdout).toContain("Total parameters: 126\nThe 'auto' output layer's size comes from the target");
  });
});

describe('gradients agree with TensorFlow.js on the same weights and rows', () => {
  it('to 1e-4 relative', async () => {
    const model = join(dir, 'iris-small.model.json');
    expect(
      cli(
        'train',
        join(samples, 'iris.csv'),
        '--target',
        'species',
        '--spec',
        join(root, 'engine', 'node', 'fixtures', 'iris-spec.json'),
        '--out',
        model,
        '--quiet',
      ).code,
    ).toBe(0);
    const r = cli('gradients', model, join(samples, 'iris.csv'), '--rows', '20');
    expect(r.code).toBe(0);
    const ours = JSON.parse(r.stdout) as {
      loss: number;
      penalty: number;
      gradients: { layer: string; name: string; data: number[] }[];
    };
    const m = JSON.parse(readFileSync(model, 'utf8')) as SavedModel;
    // The same 20 inputs after the model's preprocessing, from the engine's own loader.
    const { parseCsv, applyPreprocessing } = await import('../data/index.ts');
    const pre = (m as unknown as { preprocessing: Parameters<typeof applyPreprocessing>[0] }).preprocessing;
    const applied = applyPreprocessing(pre, parseCsv(readFileSync(join(samples, 'iris.csv'))));
    await tf.setBackend('cpu');
    const w = (layer: string, name: string) => {
      const t = m.weights.find((x) => x.layer === layer && x.name === name)!;
      return tf.variable(tf.tensor(t.data, t.shape, 'float32'), true, `${layer}/${name}`);
    };
    const vars = Object.fromEntries(
      [
        'dense-1/kernel',
        'dense-1/bias',
        'bn-1/gamma',
        'bn-1/beta',
        'dense-2/kernel',
        'dense-2/bias',
        'output/kernel',
        'output/bias',
      ].map((k) => [k, w(...(k.split('/') as [string, string]))]),
    );
    const mm = tf.tensor(m.weights.find((x) => x.name === 'movingMean')!.data);
    const mv = tf.tensor(m.weights.find((x) => x.name === 'movingVariance')!.data);
    const eps = m.spec.layers[1].epsilon!;
    const x = tf.tensor(Array.from(applied.x.subarray(0, 20 * 4)), [20, 4]);
    const labels = tf.oneHot(tf.tensor1d(Array.from(applied.y!.subarray(0, 20)), 'int32'), 3);
    const { value, grads } = tf.variableGrads(() => {
      const dense = (h: tf.Tensor, name: string) => tf.add(tf.matMul(h, vars[`${name}/kernel`]), vars[`${name}/bias`]);
      const h1 = tf.relu(dense(x, 'dense-1'));
      const bn = tf.add(
        tf.mul(tf.div(tf.sub(h1, mm), tf.sqrt(tf.add(mv, eps))), vars['bn-1/gamma']),
        vars['bn-1/beta'],
      );
      const h2 = tf.tanh(dense(bn, 'dense-2'));
      const logits = dense(h2, 'output');
      const ce = tf.losses.softmaxCrossEntropy(labels, logits) as tf.Scalar;
      return tf.add(ce, tf.mul(tf.sum(tf.square(vars['dense-2/kernel'])), 0.001)) as tf.Scalar;
    });
    expect(ours.loss + ours.penalty).toBeCloseTo(value.dataSync()[0], 4);
    for (const g of ours.gradients) {
      const theirs = grads[`${g.layer}/${g.name}`].dataSync();
      const scale = Math.max(...Array.from(theirs, Math.abs), 1e-8);
      g.data.forEach((v, i) =>
        expect(Math.abs(v - theirs[i]) / scale, `${g.layer}/${g.name}[${i}]`).toBeLessThan(1e-4),
      );
    }
  });
});

describe('evaluate --cv', () => {
  it('reports mean ± std over K folds, each fold refitting preprocessing and retraining', () => {
    const model = join(dir, 'iris-cv.model.json');
    expect(
      cli(
        'train',
        join(samples, 'iris.csv'),
        '--target',
        'species',
        '--spec',
        join(root, 'engine', 'node', 'fixtures', 'iris-spec.json'),
        '--epochs',
        '60',
        '--learning-rate',
        '0.01',
        '--out',
        model,
        '--quiet',
      ).code,
    ).toBe(0);
    const r = cli('evaluate', model, join(samples, 'iris.csv'), '--cv', '3');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      folds: number;
      rows: number;
      metrics: { accuracy: { mean: number; std: number } };
      perFold: { accuracy: number }[];
    };
    expect(out.folds).toBe(3);
    expect(out.perFold).toHaveLength(3);
    const mean = out.perFold.reduce((s, f) => s + f.accuracy, 0) / 3;
    expect(out.metrics.accuracy.mean).toBeCloseTo(mean, 12);
    expect(out.metrics.accuracy.mean).toBeGreaterThan(0.7);
    expect(r.stderr).toMatch(/^fold 1\/3: loss [\d.]+ {2}accuracy [\d.]+\n/);
  });
});

describe('malformed rows', () => {
  it('stop training with the row named, or are skipped with a warning when asked', () => {
    const p = join(dir, 'ragged.csv');
    writeFileSync(p, 'a,b,y\n1,2,x\n3,4\n5,6,z\n7,8,x\n9,1,z\n');
    const refused = cli('train', p, '--target', 'y');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      'error: Row 3 has 2 values but the header has 3 columns. Fix the row in the file, or choose "skip malformed rows".\n',
    );
    const skipped = cli(
      'train',
      p,
      '--target',
      'y',
      '--skip-malformed-rows',
      '--epochs',
      '1',
      '--test-split',
      '0',
      '--validation-split',
      '0',
      '--out',
      join(dir, 'ragged.model.json'),
    );
    expect(skipped.code).toBe(0);
    expect(skipped.stderr).toContain('warning: Skipped 1 row that does not have 3 values (first at row 3).\n');
  });
});

describe('CSV reading flags and the reading stored in the model file', () => {
  // Month-first dates (12/31 proves it) and decimal commas in a semicolon file; y depends on the date.
  const trainCsv = join(dir, 'month-first.csv');
  writeFileSync(
    trainCsv,
    [
      'when;size;y',
      ...Array.from({ length: 24 }, (_, i) => {
        const month = (i % 12) + 1;
        const day = i < 12 ? 13 + i : 1 + (i % 12);
        return `${String(month).padStart(2, '0')}/${day}/2023;${1 + i / 4},${i % 10};${month * 2 + (day % 3)},5`;
      }),
    ].join('\n'),
  );
  // Every date could be either order: read month-first, 03/04 is March 4; day-first, April 3.
  const ambiguousCsv = join(dir, 'ambiguous.csv');
  writeFileSync(ambiguousCsv, 'when;size;y\n03/04/2024;2,5;7\n01/11/2024;3,5;3\n10/02/2024;1,5;21\n');
  const model = join(dir, 'month-first.model.json');

  it('rejects invalid values with one line naming the flag and the valid values', () => {
    const cases: [string[], string][] = [
      [
        ['train', trainCsv, '--target', 'y', '--decimal', ';'],
        "error: --decimal must be '.' (decimal point) or ',' (decimal comma), got ';'.\n",
      ],
      [
        ['profile', trainCsv, '--date-order', 'dd/mm'],
        "error: --date-order must be one of day-first, month-first, got 'dd/mm'.\n",
      ],
      [
        ['predict', join(dir, 'none.model.json'), ambiguousCsv, '--date-order', 'dayFirst'],
        "error: --date-order must be one of day-first, month-first, got 'dayFirst'.\n",
      ],
      [
        ['sweep', trainCsv, '--target', 'y', '--space', join(dir, 'none.json'), '--decimal', 'comma'],
        "error: --decimal must be '.' (decimal point) or ',' (decimal comma), got 'comma'.\n",
      ],
      [['profile', trainCsv, '--decimal'], "error: Flag '--decimal' needs a value, e.g. --decimal .|,.\n"],
    ];
    for (const [args, message] of cases) {
      const r = cli(...args);
      expect(r.stderr).toBe(message);
      expect(r.code).toBe(1);
    }
  });

  it('profile reads the file the way the flags say', () => {
    const profile = (...flags: string[]) =>
      JSON.parse(cli('profile', ambiguousCsv, '--json', ...flags).stdout) as {
        columns: { name: string; type: string; format: unknown }[];
      };
    expect(profile().columns[0]).toMatchObject({
      type: 'datetime',
      format: { dateOrder: 'dayFirst', dateOrderAssumed: true },
    });
    expect(profile('--date-order', 'month-first').columns[0]).toMatchObject({
      type: 'datetime',
      format: { dateOrder: 'monthFirst', dateOrderAssumed: false },
    });
    expect(profile('--decimal', '.').columns[1]).toMatchObject({ name: 'size', type: 'categorical' });
  });

  it('train stores what it read the file with; predict and evaluate read new files that way, flags override', () => {
    const t = cli(
      'train',
      trainCsv,
      '--target',
      'y',
      '--epochs',
      '30',
      '--test-split',
      '0',
      '--validation-split',
      '0',
      '--out',
      model,
      '--quiet',
    );
    expect(t.code).toBe(0);
    expect((JSON.parse(readFileSync(model, 'utf8')) as { reading: unknown }).reading).toEqual({
      decimal: ',',
      dateOrder: 'monthFirst',
    });
    expect(cli('inspect', model).stdout).toContain("Reads CSVs with decimal ',' and month-first dates\n");

    const stored = cli('predict', model, ambiguousCsv);
    expect(stored.code).toBe(0);
    expect(stored.stderr).toBe('');
    const monthFirst = cli('predict', model, ambiguousCsv, '--date-order', 'month-first').stdout;
    const dayFirst = cli('predict', model, ambiguousCsv, '--date-order', 'day-first').stdout;
    expect(stored.stdout).toBe(monthFirst);
    expect(dayFirst).not.toBe(monthFirst);
    expect(cli('evaluate', model, ambiguousCsv).stdout).toBe(
      cli('evaluate', model, ambiguousCsv, '--date-order', 'month-first').stdout,
    );

    // A model file saved before the field existed still works: the file is detected (day-first by default, with a warning).
    const old = join(dir, 'month-first-old.model.json');
    const json = JSON.parse(readFileSync(model, 'utf8')) as Record<string, unknown>;
    delete json.reading;
    writeFileSync(old, JSON.stringify(json));
    const detected = cli('predict', old, ambiguousCsv);
    expect(detected.code).toBe(0);
    expect(detected.stdout).toBe(dayFirst);
    expect(detected.stderr).toContain(
      'could be day-first or month-first (no part is above 12); they were read day-first',
    );
    expect(cli('inspect', old).stdout).toContain(
      'Reads CSVs with not stored (decimal separator and date order are detected in each file)\n',
    );
  });

  it('a set decimal separator and date order are stored as set', () => {
    const out = join(dir, 'set.model.json');
    const r = cli(
      'train',
      ambiguousCsv,
      '--target',
      'y',
      '--epochs',
      '1',
      '--test-split',
      '0',
      '--validation-split',
      '0',
      '--decimal',
      ',',
      '--date-order',
      'month-first',
      '--out',
      out,
      '--quiet',
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect((JSON.parse(readFileSync(out, 'utf8')) as { reading: unknown }).reading).toEqual({
      decimal: ',',
      dateOrder: 'monthFirst',
    });
  });
});
