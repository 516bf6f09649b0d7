import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseCsv, prepareDataset } from '../index.ts';

const penguinsRaw = () =>
  parseCsv(new Uint8Array(readFileSync(new URL('../fixtures/penguins-raw.csv', import.meta.url))));

describe('too few rows to hold out', () => {
  test('two rows train with a warning that no validation or test split was made', () => {
    const d = prepareDataset(parseCsv('x,y\n1,a\n2,b\n'), { target: 'y' }, 1);
    expect([d.train.rows, d.validation.rows, d.test.rows]).toEqual([2, 0, 0]);
    expect(d.warnings.map((w) => w.message)).toEqual([
      'Only 2 rows can be used, too few to hold out validation or test rows, so the model is trained without them: there is no validation loss and no test score. Add rows.',
    ]);
  });

  test('only the split that is empty is named; no warning when none was asked for', () => {
    const lines = ['x,y', ...Array.from({ length: 8 }, (_, i) => `${i},${i % 2 ? 'a' : 'b'}`)];
    const d = prepareDataset(parseCsv(lines.join('\n')), { target: 'y', split: { validation: 0.05, test: 0.25 } }, 1);
    expect(d.validation.rows).toBe(0);
    expect(d.warnings.map((w) => w.message)).toEqual([
      'Only 8 rows can be used, too few to hold out validation rows, so the model is trained without them: there is no validation loss. Add rows, or raise the validation fraction.',
    ]);
    expect(
      prepareDataset(parseCsv(lines.join('\n')), { target: 'y', split: { validation: 0, test: 0 } }, 1).warnings,
    ).toEqual([]);
  });
});

describe('mostly missing category columns', () => {
  test("get a 'missing' category of their own by default, not the mode", () => {
    const d = prepareDataset(penguinsRaw(), { target: 'Species', split: { validation: 0, test: 0 } }, 1);
    const comments = d.preprocessing.features.find((f) => f.column === 'Comments')!;
    expect(comments.kind).toBe('oneHot');
    if (comments.kind !== 'oneHot') return;
    expect(comments.fill.strategy).toBe('constant');
    expect(comments.categories[comments.fill.value]).toBe('missing');
    expect(d.warnings.filter((w) => w.code === 'data/high-missing').map((w) => w.message)).toEqual([
      "84% of column 'Comments' is missing; the missing values are a category of their own ('missing'). Ignore the column if the rest adds little.",
    ]);
    const sex = d.preprocessing.features.find((f) => f.column === 'Sex')!;
    expect(sex.fill.strategy).toBe('mostFrequent');
  });
});

describe('date columns', () => {
  test('parts that never change (always 1 January) are not inputs', () => {
    const lines = ['Year,y', ...Array.from({ length: 12 }, (_, i) => `${2000 + i}-01-01,${i % 2 ? 'a' : 'b'}`)];
    const d = prepareDataset(parseCsv(lines.join('\n')), { target: 'y', split: { validation: 0, test: 0 } }, 1);
    expect(d.featureNames).toEqual(['Year:year']);
  });

  test('a random split of dated rows is warned about; a time split tests the latest rows', () => {
    const lines = [
      'when,x,y',
      ...Array.from({ length: 20 }, (_, i) => `2024-01-${String(20 - i).padStart(2, '0')},${i},${i % 2 ? 'a' : 'b'}`),
    ];
    const table = parseCsv(lines.join('\n'));
    const random = prepareDataset(table, { target: 'y' }, 1);
    expect(random.warnings.map((w) => w.message)).toEqual([
      'The rows are split at random, but column \'when\' holds dates. If the model will predict later rows from earlier ones, a random split tests it on dates among those it trained on, and its scores look better than they will be; then choose the time-ordered split (train --split time; in the app, "Split by time"), which tests on the latest rows.',
    ]);
    const timed = prepareDataset(table, { target: 'y', splitOrder: 'time' }, 1);
    expect(timed.warnings).toEqual([]);
    // row i is dated 20 − i January: the test split holds the 4 latest dates (rows 0–3), validation the next 2
    expect(Array.from(timed.test.rowIndices).sort((a, b) => a - b)).toEqual([0, 1, 2, 3]);
    expect(Array.from(timed.validation.rowIndices).sort((a, b) => a - b)).toEqual([4, 5]);
    expect(timed.train.rows).toBe(14);
  });

  test('a time split without a date column says what to do; an ignored date column still orders the rows', () => {
    expect(() => prepareDataset(parseCsv('x,y\n1,a\n2,b\n3,a\n'), { target: 'y', splitOrder: 'time' }, 1)).toThrow(
      'A time-ordered split needs a column of dates that differ from row to row, and there is none. Use the random split, or add a date column (such as 2024-01-31).',
    );
    // an ignored date column still orders the rows
    const lines = [
      'when,x,y',
      ...Array.from({ length: 10 }, (_, i) => `2024-02-${String(10 - i).padStart(2, '0')},${i},${i % 2 ? 'a' : 'b'}`),
    ];
    const d = prepareDataset(
      parseCsv(lines.join('\n')),
      { target: 'y', splitOrder: 'time', split: { validation: 0, test: 0.2 }, columns: { when: { role: 'ignore' } } },
      1,
    );
    expect(d.featureNames).toEqual(['x']);
    expect(Array.from(d.test.rowIndices).sort((a, b) => a - b)).toEqual([0, 1]);
  });
});
