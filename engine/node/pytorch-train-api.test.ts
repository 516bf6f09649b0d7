/**
 * train.py's Python API (train_model, which the Optuna study calls) and command line: stopping from on_epoch,
 * a spec edited and trained from scratch, preprocessing fitted again, and bad input in one clear line.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseModelFile, type ModelFile } from '../export/index.ts';
import { trainTestModel } from '../export/test-models.ts';
import { predictReference } from './testing/predict-reference.ts';
import { runPython, TORCH_MISSING, writePackage } from './testing/pytorch.ts';

const root = join(import.meta.dirname, '..', '..');
const penguins = join(root, 'resources', 'samples', 'penguins.csv');
const csv = readFileSync(penguins, 'utf8');
const layers = [
  { id: 'h1', type: 'dense', units: 6 },
  { id: 'output', type: 'dense', units: 'auto' },
];
const base = await trainTestModel(csv, { target: 'species' }, layers, 2);
const skip = TORCH_MISSING !== '';

/** The penguins CSV with only its Gentoo rows, written into `dir`; returns its path. */
function gentooCsv(dir: string): string {
  const path = join(dir, 'gentoo.csv');
  writeFileSync(
    path,
    csv
      .split('\n')
      .filter((l, i) => i === 0 || l.startsWith('Gentoo'))
      .join('\n'),
  );
  return path;
}

/** Runs Python code in a package of `model` that prints one JSON value; returns it parsed. */
function python(model: ModelFile, code: string[]): unknown {
  const dir = writePackage(model, 'api');
  const r = runPython(dir, [
    '-c',
    ['import json, sys', 'import train', "model = json.load(open('model.json'))", ...code].join('\n'),
  ]);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
}

describe(`train_model${TORCH_MISSING}`, () => {
  it.skipIf(skip)('calls on_epoch with the loss, validation loss and accuracy; True stops the run', () => {
    const out = python(base, [
      'seen = []',
      'def on_epoch(epoch, values):',
      '    seen.append([epoch, sorted(values), all(isinstance(v, float) for v in values.values())])',
      '    return epoch == 4',
      `m = train.train_model(model, ${JSON.stringify(penguins)}, epochs=10, on_epoch=on_epoch, log=lambda s: None)`,
      "print(json.dumps([seen, m['training'], len(m['history'])]))",
    ]);
    expect(out).toEqual([
      [
        [3, ['accuracy', 'loss', 'val_loss'], true],
        [4, ['accuracy', 'loss', 'val_loss'], true],
      ],
      { backend: 'pytorch-cpu', stopReason: 'stopped', bestEpoch: 4, epochsRun: 2 },
      4,
    ]);
  });

  it.skipIf(skip)(
    'trains an edited spec from scratch, seeded: a model file the engine reads and predicts with',
    async () => {
      const spec = {
        ...base.spec,
        layers: [
          { id: 'a', type: 'dense', units: 9, activation: 'gelu' },
          { id: 'n', type: 'batchNorm' },
          { id: 'd', type: 'dropout', rate: 0.1 },
          { id: 'out', type: 'dense', units: 'auto' },
        ],
        training: {
          ...base.spec.training,
          optimizer: { type: 'sgd', learningRate: 0.05, momentum: 0.9 },
          schedule: { type: 'cosine' },
        },
      };
      const edited = { ...base, spec } as unknown as ModelFile;
      const code = [
        `m = train.train_model(model, ${JSON.stringify(penguins)}, epochs=3, from_scratch=True, seed=5, log=lambda s: None)`,
        'print(json.dumps(m))',
      ];
      const first = python(edited, code);
      const model = parseModelFile(first);
      expect(python(edited, code)).toMatchObject({ weights: model.weights });
      expect(
        model.spec.layers.map((l) =>
          l.type === 'dense' ? [l.id, l.units, l.activation, l.kernelInitializer] : [l.id],
        ),
      ).toEqual([['a', 9, 'gelu', 'heNormal'], ['n'], ['d'], ['out', 3, 'softmax', 'glorotUniform']]);
      expect(model.history.map((h) => [h.epoch, h.learningRate])).toEqual(
        [
          [1, 0.05],
          [2, 0.0375],
          [3, 0.0125],
        ].map(([e, lr]) => [e, expect.closeTo(lr!, 9)]),
      );
      expect(model.seed).toBe(5);
      expect(model.spec.training?.epochs).toBe(3);
      expect(model.metrics.train).toMatchObject({
        kind: 'classification',
        classes: [{ label: 'Adelie' }, { label: 'Chinstrap' }, { label: 'Gentoo' }],
      });
      const ref = await predictReference(model, csv);
      expect(ref.decoded.kind === 'classification' && ref.decoded.labels.length).toBe(344);
    },
  );

  it.skipIf(skip)(
    '--refit-preprocessing fits scaling and categories on the new rows (all Gentoo, all on one island)',
    () => {
      const out = python(base, [
        `m = train.train_model(model, ${JSON.stringify(gentooCsv(writePackage(base, 'refit')))}, epochs=1, refit_preprocessing=True, from_scratch=True, log=lambda s: None)`,
        "mass = [f['center'] for f in m['preprocessing']['features'] if f['column'] == 'body_mass_g']",
        "print(json.dumps([mass, m['featureNames'][:2], m['inputs'], len(m['weights'][0]['data'])]))",
      ]) as [number[], string[], number, number];
      const before = base.preprocessing!.features.find((f) => f.column === 'body_mass_g');
      expect(before && 'center' in before ? before.center : null).toBeCloseTo(4202, 0);
      // Gentoo penguins weigh 5076 g on average; the mean of the 90% that train is near it
      expect(Math.abs(out[0][0]! - 5076)).toBeLessThan(100);
      expect(base.featureNames.slice(0, 3)).toEqual(['island=Biscoe', 'island=Dream', 'island=Torgersen']);
      expect(out.slice(1)).toEqual([['island=Biscoe', 'bill_length_mm'], 8, 8 * 6]);
    },
  );
});

describe(`train.py and predict.py say what is wrong in one line${TORCH_MISSING}`, () => {
  const dir = writePackage(base, 'hostile');
  const noTarget = join(dir, 'no-target.csv');
  writeFileSync(noTarget, csv.replaceAll('species', 'kind'));
  const empty = join(dir, 'empty.csv');
  writeFileSync(empty, '');
  const cases: [string, string[], string][] = [
    [
      'a CSV without the target column',
      ['train.py', noTarget, '--epochs', '1', '--out', 'o.json'],
      "error: The CSV has no target column 'species'. Train on a CSV with the columns the model was trained on.\n",
    ],
    [
      'an empty CSV',
      ['train.py', empty, '--epochs', '1', '--out', 'o.json'],
      `error: ${empty} is empty. Give a CSV with a header row and at least one data row.\n`,
    ],
    [
      '--epochs 0',
      ['train.py', penguins, '--epochs', '0', '--out', 'o.json'],
      'error: --epochs must be at least 1, got 0.\n',
    ],
    ['a CSV that is not there', ['predict.py', 'nowhere.csv'], 'error: nowhere.csv does not exist. Check the path.\n'],
    [
      'a model file that is not one',
      ['predict.py', penguins, '--model', noTarget],
      `error: ${noTarget} is not a Backprop Studio model file (it is not JSON: Expecting value: line 1 column 1 (char 0)).\n`,
    ],
    [
      'a CSV without a feature column',
      ['predict.py', join(root, 'resources', 'samples', 'iris.csv')],
      "error: The CSV has no column 'island', 'bill_length_mm', 'bill_depth_mm', 'flipper_length_mm', 'body_mass_g', 'sex', 'year', which the model uses.\n",
    ],
    [
      'preprocessing fitted again to fewer inputs, without --from-scratch',
      ['train.py', gentooCsv(dir), '--epochs', '1', '--out', 'o.json', '--refit-preprocessing'],
      "error: Weights 'kernel' of layer 'h1' have shape [10, 6], the spec needs [8, 6]. Train from scratch (--from-scratch).\n",
    ],
  ];
  it.skipIf(skip)('reads a semicolon-separated CSV like a comma-separated one', () => {
    const semicolons = join(dir, 'semicolons.csv');
    writeFileSync(semicolons, csv.replaceAll(',', ';'));
    const a = runPython(dir, ['predict.py', penguins]);
    const b = runPython(dir, ['predict.py', semicolons]);
    expect([b.stderr, b.status]).toEqual(['', 0]);
    expect(b.stdout).toBe(a.stdout);
  });

  it.skipIf(skip).each(cases)('%s', (_name, args, message) => {
    const r = runPython(dir, args);
    expect(r.stderr).toBe(message);
    expect(r.status).toBe(1);
  });
});
