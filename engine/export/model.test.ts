/** Using a model on labelled rows: rows whose target is missing or unknown are left out of scores and gradients. */
import { describe, expect, it } from 'vitest';
import { CpuBackend } from '../backend/index.ts';
import { applyPreprocessing, parseCsv, prepareDataset, targetScale, type Preprocessing } from '../data/index.ts';
import { DatasetError } from '../errors.ts';
import { parseSpec } from '../spec/index.ts';
import { trainNetwork } from '../train/index.ts';
import { createModelFile, modelGradients, scoreModel, type ModelFile } from './index.ts';

const rows = Array.from({ length: 12 }, (_, i) => `${i},${(i * 7) % 5},${i % 2 ? 'a' : 'b'},${i * 2 + 1}`);
const csv = `x,z,label,value\n${rows.join('\n')}\n`;

async function trained(target: string, drop: string): Promise<{ model: ModelFile; pre: Preprocessing }> {
  const prepared = prepareDataset(
    parseCsv(csv),
    { target, split: { validation: 0, test: 0 }, columns: { [drop]: { role: 'ignore' } } },
    1,
  );
  const spec = parseSpec({
    layers: [
      { id: 'h', type: 'dense', units: 3, l2: 0.01 },
      { id: 'output', type: 'dense', units: 'auto' },
    ],
    training: { epochs: 2, batchSize: 4 },
  });
  const data = {
    task: prepared.task,
    featureNames: prepared.featureNames,
    train: prepared.train,
    validation: null,
    targetScale: targetScale(prepared.preprocessing),
  };
  const backend = new CpuBackend();
  const result = await trainNetwork({ spec, data, backend });
  backend.destroy();
  const model = createModelFile({
    result,
    data: { ...data, features: data.train.features },
    preprocessing: prepared.preprocessing,
    reading: prepared.reading,
    metrics: {},
  });
  return { model, pre: prepared.preprocessing };
}

const classifier = await trained('label', 'value');
const regressor = await trained('value', 'label');

/** Scores of `text` through the model's preprocessing, and the warnings applying it gave. */
async function score(m: { model: ModelFile; pre: Preprocessing }, text: string) {
  const applied = applyPreprocessing(m.pre, parseCsv(text));
  const s = await scoreModel(
    m.model,
    new CpuBackend(),
    applied.x,
    applied.y!,
    applied.rows,
    targetScale(m.pre),
    m.pre.target.column,
  );
  return { ...s, warnings: applied.warnings.map((w) => w.message) };
}

const header = 'x,z,label,value';
const known = ['1,2,a,3', '2,4,b,5', '3,1,a,7'];

describe('scoring leaves out rows without a known target and scores the rest', () => {
  it('classification: an empty and an unknown class are left out and counted; the rest score as alone', async () => {
    const withGaps = await score(classifier, [header, known[0], '4,3,,9', known[1], '5,0,zzz,11', known[2]].join('\n'));
    const alone = await score(classifier, [header, ...known].join('\n'));
    expect([withGaps.rows, withGaps.leftOut, Array.from(withGaps.positions)]).toEqual([3, 2, [0, 2, 4]]);
    expect(withGaps.metrics).toEqual(alone.metrics);
    expect(withGaps.warnings).toEqual([
      "2 rows have a target in column 'label' that is missing or not one of the model's classes ('(missing)', 'zzz'); they are left out of the scores.",
    ]);
  });

  it('regression: missing targets are left out, MAE/RMSE/R² are numbers, and the warning does not speak of classes', async () => {
    const withGaps = await score(regressor, [header, known[0], '4,3,a,', known[1], '5,0,b,NA', known[2]].join('\n'));
    const alone = await score(regressor, [header, ...known].join('\n'));
    expect([withGaps.rows, withGaps.leftOut]).toEqual([3, 2]);
    expect(withGaps.metrics).toEqual(alone.metrics);
    const m = withGaps.metrics;
    expect(m.kind === 'regression' && [m.mae, m.rmse, m.r2].every(Number.isFinite)).toBe(true);
    expect(withGaps.warnings).toEqual([
      "2 rows have a target in column 'value' that is missing or not a number ('(missing)'); they are left out of the scores.",
    ]);
  });

  it('regression: no row with a number as target says so, without speaking of classes', async () => {
    const e = await score(regressor, [header, '4,3,a,', '5,0,b,NA'].join('\n')).catch((x: unknown) => x);
    expect((e as DatasetError).message).toBe(
      "There is nothing to score: all 2 rows have a target in column 'value' that is missing or not a number. Fill in the target, or use 'predict' for unlabelled data.",
    );
  });

  it('no row with a known target is an error saying so', async () => {
    const e = await score(classifier, [header, '4,3,,9', '5,0,zzz,11'].join('\n')).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DatasetError);
    expect([(e as DatasetError).code, (e as DatasetError).message]).toEqual([
      'data/no-known-targets',
      "There is nothing to score: all 2 rows have a target in column 'label' that is missing or not one of the model's classes. Fill in the target, or use 'predict' for unlabelled data.",
    ]);
  });
});

describe('gradients', () => {
  it('leave out rows without a known target, report loss, penalty and totalLoss, in float64', async () => {
    const grads = async (text: string) => {
      const a = applyPreprocessing(classifier.pre, parseCsv(text));
      return modelGradients(classifier.model, new CpuBackend({ precision: 'float64' }), a.x, a.y!, a.rows, 'label');
    };
    const withGaps = await grads([header, known[0], '4,3,,9', known[1], known[2]].join('\n'));
    const alone = await grads([header, ...known].join('\n'));
    expect([withGaps.rows, withGaps.rowsLeftOut]).toEqual([3, 1]);
    expect(withGaps.gradients).toEqual(alone.gradients);
    expect(Object.keys(withGaps)).toEqual(['loss', 'penalty', 'totalLoss', 'rows', 'rowsLeftOut', 'gradients']);
    expect(withGaps.penalty).toBeGreaterThan(0);
    expect(withGaps.totalLoss).toBe(withGaps.loss + withGaps.penalty);
    const values = [withGaps.loss, ...withGaps.gradients.flatMap((g) => g.data)];
    // Computed in float64 and printed as computed: values that float32 cannot hold exactly stay as they are.
    expect(values.some((v) => Math.fround(v) !== v)).toBe(true);
  });
});
