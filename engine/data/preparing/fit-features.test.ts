import { describe, expect, test } from 'vitest';
import { applyPreprocessing, parseCsv, prepareDataset, type ColumnSettings, type PreparedDataset } from '../index.ts';

const ALL_TRAIN = { validation: 0, test: 0 };

/** Prepares `csv` with every row in train (so statistics are easy to check by hand). */
function prep(
  csv: string,
  columns: Record<string, ColumnSettings> = {},
  extra: { preprocess?: boolean; maxCategories?: number } = {},
): PreparedDataset {
  return prepareDataset(parseCsv(csv), { target: 'y', split: ALL_TRAIN, columns, ...extra }, 1);
}

/** The features of table row `row` as plain numbers. */
function rowOf(d: PreparedDataset, row: number): number[] {
  const i = Array.from(d.train.rowIndices).indexOf(row);
  return Array.from(
    d.train.x.subarray(i * d.train.features, (i + 1) * d.train.features),
    (v) => Math.round(v * 1e4) / 1e4,
  );
}

const numbers = 'x,y\n1,a\n2,b\n3,a\n\n,b\n6,a\n';

describe('number columns', () => {
  test('standardize (default), mean fill: (x − mean) / std with population std', () => {
    const d = prep(numbers);
    // observed 1 2 3 6: mean 3, std √3.5; the missing row gets the mean, so 0 (and, 1 row in 5 missing, its indicator 1)
    expect(d.preprocessing.features[0]).toEqual({
      kind: 'number',
      column: 'x',
      fill: { strategy: 'mean', value: 3, indicator: true },
      scaling: 'standardize',
      center: 3,
      scale: Math.sqrt(3.5),
    });
    expect(rowOf(d, 3)).toEqual([0, 1]);
    expect(rowOf(d, 4)).toEqual([Math.round((3 / Math.sqrt(3.5)) * 1e4) / 1e4, 0]);
  });

  test('a "was missing" feature by default only above 5% missing training rows, never with drop', () => {
    const rows = (missing: number): string =>
      `x,y\n${Array.from({ length: 40 }, (_, i) => `${i < missing ? '' : i},${i % 2}`).join('\n')}\n`;
    expect(prep(rows(2)).featureNames).toEqual(['x']); // 2 of 40 = 5%
    expect(prep(rows(3)).featureNames).toEqual(['x', 'x:missing']);
    expect(prep(rows(3), { x: { missingIndicator: false } }).featureNames).toEqual(['x']);
    expect(prep(rows(3), { x: { missing: 'drop' } }).featureNames).toEqual(['x']);
  });

  test('min-max scaling, median fill and a missing indicator', () => {
    const d = prep(numbers, { x: { scaling: 'minMax', missing: 'median', missingIndicator: true } });
    expect(d.featureNames).toEqual(['x', 'x:missing']);
    expect(rowOf(d, 0)).toEqual([0, 0]);
    expect(rowOf(d, 4)).toEqual([1, 0]);
    expect(rowOf(d, 3)).toEqual([0.3, 1]); // median 2.5 → (2.5 − 1) / 5
  });

  test('a constant fill and no scaling', () => {
    const d = prep(numbers, { x: { scaling: 'none', missing: 'constant', fillValue: -1, missingIndicator: false } });
    expect(rowOf(d, 3)).toEqual([-1]);
  });

  test('drop leaves rows with a missing value out of training, and fills them at prediction', () => {
    const table = parseCsv(numbers);
    const d = prepareDataset(table, { target: 'y', split: ALL_TRAIN, columns: { x: { missing: 'drop' } } }, 1);
    expect(d.train.rows).toBe(4);
    expect(d.warnings.map((w) => w.message)).toEqual([
      `Left out 1 row with a missing value in column 'x' ("drop rows" is chosen for it).`,
    ]);
    const applied = applyPreprocessing(d.preprocessing, table);
    expect(applied.rows).toBe(5);
    expect(applied.warnings.map((w) => w.code)).toEqual(['data/filled-missing']);
  });
});

const colors = 'c,y\nred,a\nred,b\nblue,a\ngreen,b\nred,a\nblue,b\n,a\nteal,b\n';

describe('category columns', () => {
  test('one-hot (default) in sorted order, missing → most frequent', () => {
    const d = prep(colors);
    expect(d.featureNames).toEqual(['c=blue', 'c=green', 'c=red', 'c=teal']);
    expect(rowOf(d, 6)).toEqual([0, 0, 1, 0]);
  });

  test('a category cap keeps the most frequent and adds "other"', () => {
    const d = prep(colors, {}, { maxCategories: 2 });
    expect(d.featureNames).toEqual(['c=blue', 'c=red', 'c=other']);
    expect(rowOf(d, 3)).toEqual([0, 0, 1]);
  });

  test('a constant fill becomes its own category', () => {
    const d = prep(colors, { c: { missing: 'constant' } });
    expect(d.featureNames).toEqual(['c=blue', 'c=green', 'c=red', 'c=teal', 'c=missing']);
    expect(rowOf(d, 6)).toEqual([0, 0, 0, 0, 1]);
  });

  test('ordinal: the index in sorted order, then standardized', () => {
    const d = prep(colors, { c: { encoding: 'ordinal', scaling: 'none' } });
    expect(d.featureNames).toEqual(['c']);
    expect([0, 2, 3, 7].map((r) => rowOf(d, r)[0])).toEqual([2, 0, 1, 3]);
  });

  test('a number column forced to categorical', () => {
    const d = prep('n,y\n1,a\n2,b\n1,a\n3,b\n', { n: { type: 'categorical' } });
    expect(d.featureNames).toEqual(['n=1', 'n=2', 'n=3']);
  });
});

describe('booleans and dates', () => {
  test('yes/no and (set as boolean) 0/1 columns become one 0/1 feature, missing → most frequent', () => {
    const d = prep('b,f,y\nyes,1,a\nno,0,b\nYes,1,a\n,0,b\nyes,,a\n', { f: { type: 'boolean' } });
    expect(d.featureNames).toEqual(['b', 'f']);
    expect([0, 1, 2, 3, 4].map((r) => rowOf(d, r))).toEqual([
      [1, 1],
      [0, 0],
      [1, 1],
      [1, 0],
      [1, 0],
    ]);
  });

  test('a date becomes year, month, day of week and day of year', () => {
    const d = prep('when,y\n2024-01-01,a\n2024-03-01,b\n2023-12-31,a\n,b\n', {}, { preprocess: false });
    // the hour is midnight in every row, so it is left out; 1 date in 4 is missing, so it gets an indicator
    expect(d.featureNames).toEqual(['when:year', 'when:month', 'when:dayOfWeek', 'when:dayOfYear', 'when:missing']);
    expect(rowOf(d, 0)).toEqual([2024, 1, 1, 1, 0]);
    expect(rowOf(d, 1)).toEqual([2024, 3, 5, 61, 0]);
    expect(rowOf(d, 3)).toEqual([2024, 1, 1, 1, 1]); // median of three dates
  });

  test('parts constant in the training rows are left out (car years written as 1 January)', () => {
    const d = prep('made,y\n2019-01-01,a\n2021-01-01,b\n2015-01-01,a\n2020-01-01,b\n', {}, { preprocess: false });
    expect(d.featureNames).toEqual(['made:year']);
    const hours = prep(
      'at,y\n2024-05-01T08:00:00Z,a\n2024-05-01T17:30:00Z,b\n2024-05-01T23:00:00Z,a\n',
      {},
      { preprocess: false },
    );
    expect(hours.featureNames).toEqual(['at:hour']);
    expect(rowOf(hours, 1)).toEqual([17]);
  });

  test('cyclical: the year, then sine and cosine of each varying cycle; both: the plain parts, then the cycles', () => {
    const csv = 'when,y\n2024-01-01,a\n2024-04-01,b\n2024-07-01,a\n2024-10-01,b\n2023-12-31,a\n';
    const d = prep(csv, { when: { dateEncoding: 'cyclical' } }, { preprocess: false });
    expect(d.featureNames).toEqual([
      'when:year',
      'when:monthSin',
      'when:monthCos',
      'when:dayOfWeekSin',
      'when:dayOfWeekCos',
      'when:dayOfYearSin',
      'when:dayOfYearCos',
    ]);
    const r = (v: number): number => Math.round(v * 1e4) / 1e4;
    // 1 April 2024 is a Monday and day 92: θ = 2π·3/12, 2π·1/7, 2π·91/365.25
    expect(rowOf(d, 1)).toEqual([
      2024,
      1,
      0,
      r(Math.sin((2 * Math.PI) / 7)),
      r(Math.cos((2 * Math.PI) / 7)),
      r(Math.sin((2 * Math.PI * 91) / 365.25)),
      r(Math.cos((2 * Math.PI * 91) / 365.25)),
    ]);
    // 31 December sits next to 1 January on the circle (sin 2π·364/365.25 ≈ −0.0215, sin 0 = 0)
    expect(Math.abs(rowOf(d, 4)[5]! - rowOf(d, 0)[5]!)).toBeLessThan(0.03);
    const both = prep(csv, { when: { dateEncoding: 'both' } }, { preprocess: false });
    expect(both.featureNames.slice(0, 5)).toEqual([
      'when:year',
      'when:month',
      'when:dayOfWeek',
      'when:dayOfYear',
      'when:monthSin',
    ]);
    expect(both.featureNames).toHaveLength(4 + 6);
    // the new parts need preprocessing version 2; plain parts stay version 1, which older readers read
    expect([d.preprocessing.version, prep(csv, {}, { preprocess: false }).preprocessing.version]).toEqual([2, 1]);
  });
});

describe('settings', () => {
  test('extra missing markers apply before typing, and travel with the model', () => {
    const table = parseCsv('x,y\n1,a\nunknown,b\n3,a\n4,b\n');
    const d = prepareDataset(table, { target: 'y', split: ALL_TRAIN, missingValues: ['unknown'] }, 1);
    expect(d.warnings).toEqual([]);
    expect(d.preprocessing.missingValues).toContain('unknown');
    expect(applyPreprocessing(d.preprocessing, table).warnings).toEqual([]);
  });

  test('the task can be overridden: integers as regression', () => {
    const d = prep('x,y\n1,1\n2,2\n3,1\n4,2\n');
    expect(d.task.kind).toBe('classification');
    const r = prepareDataset(
      parseCsv('x,y\n1,1\n2,2\n3,1\n4,2\n'),
      { target: 'y', task: 'regression', split: ALL_TRAIN },
      1,
    );
    expect(r.task.kind).toBe('regression');
  });

  test('a column can be ignored, and an excluded one brought back as categorical', () => {
    const lines = ['id,x,y'];
    for (let i = 0; i < 30; i++) lines.push(`u${i},${i % 5},${i % 2 ? 'a' : 'b'}`);
    const table = parseCsv(lines.join('\n'));
    expect(
      prepareDataset(table, { target: 'y', columns: { x: { role: 'ignore' }, id: { role: 'feature' } } }, 1)
        .featureNames.length,
    ).toBe(20);
  });
});
