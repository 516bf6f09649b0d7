import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { applyPreprocessing, decodeOutputs, parseCsv, prepareDataset, targetScale } from '../index.ts';

const sample = (name: string) => parseCsv(new Uint8Array(readFileSync(`resources/samples/${name}.csv`)));

describe('prepareDataset on the samples', () => {
  test('penguins: NA imputed, island and sex one-hot, year integer, 3 species', () => {
    const d = prepareDataset(sample('penguins'), { target: 'species' }, 42);
    expect(d.task).toEqual({ kind: 'classification', classes: ['Adelie', 'Chinstrap', 'Gentoo'] });
    expect(d.featureNames).toEqual([
      'island=Biscoe',
      'island=Dream',
      'island=Torgersen',
      'bill_length_mm',
      'bill_depth_mm',
      'flipper_length_mm',
      'body_mass_g',
      'sex=female',
      'sex=male',
      'year',
    ]);
    expect(d.train.rows + d.validation.rows + d.test.rows).toBe(344);
    expect(d.test.rows).toBe(69);
    for (const s of [d.train, d.validation, d.test]) {
      expect(s.x.length).toBe(s.rows * 10);
      expect(s.x.every(Number.isFinite)).toBe(true);
    }
    const sexCols = [7, 8];
    for (let r = 0; r < d.train.rows; r++) {
      expect(sexCols.reduce((s, c) => s + d.train.x[r * 10 + c]!, 0)).toBe(1);
    }
    expect(d.warnings).toEqual([]);
  });

  test('diabetes: regression, target standardized on train, mapped back by decodeOutputs', () => {
    const table = sample('diabetes');
    const d = prepareDataset(table, { target: 'progression' }, 7);
    expect(d.task).toEqual({ kind: 'regression' });
    const scale = targetScale(d.preprocessing)!;
    let mean = 0;
    for (const v of d.train.y) mean += v;
    expect(Math.abs(mean / d.train.rows)).toBeLessThan(1e-5);
    const row = d.test.rowIndices[0]!;
    const decoded = decodeOutputs(d.preprocessing, d.test.y.subarray(0, 1), 1, 1);
    expect(decoded.kind).toBe('regression');
    if (decoded.kind === 'regression') expect(decoded.values[0]).toBeCloseTo(table.columns[10]!.numbers[row]!, 4);
    expect(scale.std).toBeGreaterThan(1);
  });

  test('applyPreprocessing reproduces the prepared rows exactly', () => {
    const table = sample('penguins');
    const d = prepareDataset(table, { target: 'species' }, 1);
    const a = applyPreprocessing(d.preprocessing, table);
    const f = d.train.features;
    for (let i = 0; i < d.test.rows; i++) {
      const r = d.test.rowIndices[i]!;
      expect(Array.from(a.x.subarray(r * f, r * f + f))).toEqual(Array.from(d.test.x.subarray(i * f, i * f + f)));
      expect(a.y![r]).toBe(d.test.y[i]);
    }
  });

  test('same seed, same split; another seed, another split', () => {
    const table = sample('iris');
    const a = prepareDataset(table, { target: 'species' }, 3);
    const b = prepareDataset(table, { target: 'species' }, 3);
    const c = prepareDataset(table, { target: 'species' }, 4);
    expect(Array.from(a.train.rowIndices)).toEqual(Array.from(b.train.rowIndices));
    expect(Array.from(a.train.rowIndices)).not.toEqual(Array.from(c.train.rowIndices));
  });

  test('stratified: each iris class keeps its share in the test split', () => {
    const d = prepareDataset(sample('iris'), { target: 'species' }, 5);
    const counts = [0, 0, 0];
    for (const y of d.test.y) counts[y]!++;
    expect(counts).toEqual([10, 10, 10]);
  });

  test('preprocess false leaves numbers and the target raw', () => {
    const table = sample('diabetes');
    const d = prepareDataset(table, { target: 'progression', preprocess: false }, 1);
    const r = d.train.rowIndices[0]!;
    expect(d.train.x[0]).toBeCloseTo(table.columns[0]!.numbers[r]!, 5);
    expect(d.train.y[0]).toBe(table.columns[10]!.numbers[r]);
    expect(targetScale(d.preprocessing)).toEqual({ mean: 0, std: 1 });
  });

  test('the preprocessing survives a JSON round trip', () => {
    const table = sample('penguins');
    const d = prepareDataset(table, { target: 'species' }, 1);
    const copy = JSON.parse(JSON.stringify(d.preprocessing));
    expect(applyPreprocessing(copy, table).x).toEqual(applyPreprocessing(d.preprocessing, table).x);
  });
});

describe('explicit split rows (k-fold)', () => {
  test('uses the given rows and fits the scaling on the training rows only', () => {
    const table = parseCsv(readFileSync(new URL('../../../resources/samples/iris.csv', import.meta.url)));
    const train = Int32Array.from({ length: 50 }, (_, i) => i); // setosa only
    const test = Int32Array.from({ length: 50 }, (_, i) => 100 + i);
    const d = prepareDataset(table, { target: 'species', rows: { train, validation: new Int32Array(0), test } }, 1);
    expect(Array.from(d.train.rowIndices)).toEqual(Array.from(train));
    expect(Array.from(d.test.rowIndices)).toEqual(Array.from(test));
    const sepal = d.preprocessing.features[0] as { center: number };
    // mean sepal length of the 50 setosa rows, not of all 150
    expect(sepal.center).toBeCloseTo(5.006, 3);
  });
});

describe('prepareDataset: classes that differ only in case', () => {
  test('training is warned too, since each spelling becomes its own class', () => {
    const table = parseCsv(new Uint8Array(readFileSync('engine/data/fixtures/case-only-classes.csv')));
    const d = prepareDataset(table, { target: 'species' }, 1);
    expect(d.warnings.filter((w) => w.code === 'data/case-only-classes').map((w) => w.path)).toEqual([
      "column 'species'",
    ]);
    expect(prepareDataset(sample('iris'), { target: 'species' }, 1).warnings.map((w) => w.code)).not.toContain(
      'data/case-only-classes',
    );
  });
});
