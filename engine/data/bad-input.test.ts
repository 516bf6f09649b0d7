/** Every malformed input gets a DatasetError (or a warning) with the exact message the user will see. */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { DatasetError } from '../errors.ts';
import { applyPreprocessing, parseCsv, prepareDataset, type DatasetSettings, type ParsedTable } from './index.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
const read = (name: string) => parseCsv(fixture(name));
const prepare = (t: ParsedTable, settings: DatasetSettings) =>
  prepareDataset(t, { split: { validation: 0, test: 0.25 }, ...settings }, 1);

/** The DatasetError thrown by `f`, failing the test when something else (or nothing) is thrown. */
function datasetError(f: () => unknown): DatasetError {
  try {
    f();
  } catch (e) {
    if (e instanceof DatasetError) return e;
    throw new Error(`expected a DatasetError, got ${String(e)}`);
  }
  throw new Error('expected a DatasetError, but nothing was thrown');
}

describe('unreadable files are refused with the fix', () => {
  test.each([
    [
      'empty.csv',
      'data/empty-file',
      '',
      'The file is empty. Choose a CSV file that has a header row and at least one row of data.',
    ],
    [
      'blank-lines-only.csv',
      'data/empty-file',
      '',
      'The file is empty. Choose a CSV file that has a header row and at least one row of data.',
    ],
    [
      'header-only.csv',
      'data/header-only',
      'row 2',
      'The file has a header row (3 columns) but no data rows. Add rows of data below the header.',
    ],
    [
      'ragged-rows.csv',
      'data/ragged-rows',
      'row 3',
      '2 rows do not have the 3 values the header has (row 3 has 2, row 5 has 4). Fix those rows in the file, or choose "skip malformed rows".',
    ],
    [
      'unbalanced-quote.csv',
      'data/unclosed-quote',
      'row 3',
      'Row 3 has a quote (") that is never closed, so everything after it would be read as one value. Close the quote or remove it, then open the file again.',
    ],
    [
      'malformed-quote.csv',
      'data/malformed-quote',
      'row 2',
      'Row 2 has text right after the closing quote of a quoted value, so the values after it cannot be split reliably. Put the whole value in quotes and double any quote inside it ("Smith ""Jr"""), or remove the quotes.',
    ],
    [
      'binary.csv',
      'data/binary-file',
      '',
      'This file is not text: it contains binary bytes, so it is not a CSV file. Export the data as CSV (comma-separated values) and open that file.',
    ],
    [
      'utf16-no-bom.csv',
      'data/utf16-without-bom',
      '',
      'This file looks like UTF-16 text without a byte-order mark, which cannot be read reliably. Save it as "CSV UTF-8" and open it again.',
    ],
  ])('%s', (name, code, path, message) => {
    const e = datasetError(() => read(name));
    expect([e.code, e.path, e.message]).toEqual([code, path, message]);
  });

  test('a single ragged row names it', () => {
    expect(datasetError(() => parseCsv('a,b\n1,2\n3\n')).message).toBe(
      'Row 3 has 1 value but the header has 2 columns. Fix the row in the file, or choose "skip malformed rows".',
    );
  });

  test('ragged rows can be skipped instead, with a warning', () => {
    const t = parseCsv(fixture('ragged-rows.csv'), { raggedRows: 'skip' });
    expect(t.rows).toBe(2);
    expect(t.warnings.map((w) => w.message)).toEqual([
      'Skipped 2 rows that do not have 3 values (first at rows 3 and 5).',
    ]);
  });

  test('an unknown delimiter option lists the valid ones', () => {
    expect(datasetError(() => parseCsv('a:b\n1:2\n', { delimiter: ':' })).message).toBe(
      "':' cannot be used as a delimiter. Choose one of ',', ';', tab or '|'.",
    );
  });
});

describe('files that read with a warning', () => {
  test('duplicate header names are renamed', () => {
    const t = read('duplicate-header.csv');
    expect(t.columns.map((c) => c.name)).toEqual(['price', 'size', 'price_2', 'label']);
    expect(t.warnings.map((w) => [w.path, w.message])).toEqual([
      [
        'column 3',
        "Column 3 has the same name as an earlier column ('price'), so it was renamed 'price_2'. Give the columns different names in the file to choose your own.",
      ],
    ]);
  });

  test('an empty header name gets a name', () => {
    const t = read('empty-header.csv');
    expect(t.columns.map((c) => c.name)).toEqual(['x', 'column 2', 'label']);
    expect(t.warnings.map((w) => w.message)).toEqual([
      "Column 2 has no name in the header row, so it was named 'column 2'. Give it a name in the file to choose your own.",
    ]);
  });

  test('a trailing delimiter on every line (header too) drops the empty last column', () => {
    const t = read('trailing-delimiter.csv');
    expect(t.columns.map((c) => c.name)).toEqual(['x', 'y', 'label']);
    expect(t.warnings.map((w) => w.message)).toEqual([
      '3 rows end with an extra delimiter; the empty value after it was ignored.',
    ]);
  });

  test('a trailing delimiter on some data rows only', () => {
    const t = read('trailing-delimiter-rows.csv');
    expect(t.columns.map((c) => c.name)).toEqual(['x', 'y', 'label']);
    expect(t.rows).toBe(3);
    expect(t.warnings.map((w) => w.message)).toEqual([
      '2 rows end with an extra delimiter; the empty value after it was ignored.',
    ]);
  });

  test('a Latin-1 file falls back to Windows-1252 and says from which row', () => {
    const t = read('latin1.csv');
    expect(t.encoding).toBe('windows-1252');
    expect(t.columns[0]!.vocabulary).toEqual(['Zürich', 'München', 'São Paulo']);
    expect(t.warnings.map((w) => [w.path, w.message])).toEqual([
      [
        'row 2',
        'The file is not valid UTF-8 (first at row 2), so from there on it was read as Windows-1252 (Latin-1). If accented letters look wrong, save the file as "CSV UTF-8" and open it again.',
      ],
    ]);
  });

  test('Windows line endings read cleanly, with no stray \\r in the last column', () => {
    const t = read('windows-line-endings.csv');
    expect(t.lineEnding).toBe('\r\n');
    expect(t.columns[2]!.vocabulary).toEqual(['a', 'b']);
    expect(t.warnings).toEqual([]);
  });

  test('quoted values with a semicolon delimiter', () => {
    const t = read('quoted-semicolons.csv');
    expect([t.delimiter, t.columns.map((c) => c.name), t.columns[0]!.numbers[0]]).toEqual([';', ['a', 'b', 'c'], 1]);
  });

  test('a file without a header gets numbered column names', () => {
    const t = read('no-header.csv');
    expect([t.hasHeader, t.rows, t.columns.map((c) => c.name)]).toEqual([
      false,
      3,
      ['column 1', 'column 2', 'column 3'],
    ]);
  });
});

describe('targets and columns that cannot be used', () => {
  test.each<[string, DatasetSettings, string, string, string]>([
    [
      'train-small.csv',
      { target: 'price' },
      'data/target-not-found',
      'target',
      "The target column 'price' is not in the file. Choose one of: 'x', 'color', 'label'.",
    ],
    [
      'train-small.csv',
      { target: '' },
      'data/no-target',
      'target',
      "Choose the column to predict (the target): one of 'x', 'color', 'label'.",
    ],
    [
      'target-all-missing.csv',
      { target: 'label' },
      'data/target-all-missing',
      "column 'label'",
      "Every value of the target column 'label' is missing, so there is nothing to learn. Choose another target or fill in the column.",
    ],
    [
      'target-one-class.csv',
      { target: 'label' },
      'data/target-one-class',
      "column 'label'",
      "The target column 'label' has only one value ('yes'), so there is nothing to tell apart. Choose a target with at least two different values.",
    ],
    [
      'target-identifier.csv',
      { target: 'label_id' },
      'data/target-unusable',
      "column 'label_id'",
      "The target column 'label_id' cannot be predicted because it looks like an identifier (30 different values in 30 rows). Choose another target column, or set the task to classification to use it anyway.",
    ],
    [
      'latin1.csv',
      { target: 'label', task: 'regression' },
      'data/target-not-numeric',
      "row 2, column 'label'",
      "Regression needs a numeric target, but column 'label' has text such as 'a' (row 2). Choose classification, or a numeric target.",
    ],
    [
      'one-row.csv',
      { target: 'label' },
      'data/too-few-rows',
      '',
      'Only 1 row can be used (rows with a missing target are left out); at least 2 are needed to train and test a model. Add more rows.',
    ],
    [
      'all-missing-feature.csv',
      { target: 'label' },
      'data/no-features',
      'columns',
      "No column is left to learn from: every column other than the target 'label' is ignored or left out ('color': every value is missing). Set at least one column's role to feature.",
    ],
    [
      'train-small.csv',
      { target: 'label', columns: { colour: { role: 'ignore' } } },
      'data/unknown-column',
      'columns.colour',
      "There is no column 'colour' in the data. Choose one of: 'x', 'color', 'label'.",
    ],
    [
      'train-small.csv',
      { target: 'label', columns: { color: { type: 'numeric' } } },
      'data/bad-column-type',
      "column 'color'",
      "Column 'color' cannot be used as numeric: it has no numbers (row 2 is 'red'). Choose another type for it.",
    ],
    [
      'train-small.csv',
      { target: 'label', columns: { color: { type: 'datetime' } } },
      'data/bad-column-type',
      "column 'color'",
      "Column 'color' cannot be used as datetime: none of its values is a date like 2024-01-31. Choose another type for it.",
    ],
    [
      'train-small.csv',
      { target: 'label', columns: { color: { missing: 'mean' } } },
      'data/bad-missing-strategy',
      'columns.color.missing',
      "'mean' cannot fill missing values of column 'color', which holds categories. Choose one of: 'mostFrequent', 'constant', 'drop'.",
    ],
    [
      'train-small.csv',
      { target: 'label', split: { validation: 0.5, test: 0.5 } },
      'data/bad-split',
      'split',
      'The validation (0.5) and test (0.5) fractions must each be at least 0 and add up to less than 1, leaving rows to train on. Lower them.',
    ],
    [
      'stray-text.csv',
      { target: 'label', strayText: 'error' },
      'data/stray-text',
      "row 4, column 'price'",
      "Column 'price' holds numbers, but 2 rows have text instead (row 4: 'twelve', row 13: 'about 20'). Fix those values in the file, or choose \"treat stray text as missing\".",
    ],
    [
      'all-missing-feature.csv',
      { target: 'label', columns: { color: { role: 'feature', type: 'categorical', missing: 'drop' } } },
      'data/all-rows-dropped',
      'columns',
      'No rows are left after dropping the rows with missing values. Choose another way to fill in missing values (mean, median or most frequent).',
    ],
  ])('%s with %j', (name, settings, code, path, message) => {
    const e = datasetError(() => prepareDataset(read(name), settings, 1));
    expect([e.code, e.path, e.message]).toEqual([code, path, message]);
  });

  test('several problems are reported at once', () => {
    const e = datasetError(() =>
      prepareDataset(read('train-small.csv'), { target: 'label', columns: { a: {}, b: {} } }, 1),
    );
    expect(e.problems.map((p) => p.path)).toEqual(['columns.a', 'columns.b']);
  });
});

describe('values that are read with a warning', () => {
  test('stray text in a numeric column is missing, with a count and the first examples', () => {
    const d = prepare(read('stray-text.csv'), { target: 'label' });
    expect(d.featureNames).toEqual(['price']);
    expect(d.warnings.map((w) => w.message)).toEqual([
      "Column 'price' holds numbers, but 2 rows have text instead (row 4: 'twelve', row 13: 'about 20'). They are treated as missing; fix them in the file if they are real numbers (for a decimal comma, set the decimal separator to ',').",
    ]);
  });

  test('rows with a missing target are left out and counted', () => {
    const d = prepare(parseCsv('x,label\n1,a\n2,\n3,b\n4,NA\n5,a\n6,b\n'), { target: 'label' });
    expect(d.train.rows + d.test.rows).toBe(4);
    expect(d.warnings.map((w) => w.message)).toEqual([
      "Left out 2 rows whose target column 'label' is missing (first at rows 3 and 5).",
    ]);
  });
});

describe('predicting on new files', () => {
  const model = prepare(read('train-small.csv'), { target: 'label', split: { validation: 0, test: 0 } }).preprocessing;

  test('a missing feature column is an error naming it', () => {
    const e = datasetError(() => applyPreprocessing(model, parseCsv('x,label\n1,a\n')));
    expect([e.code, e.path, e.message]).toEqual([
      'data/missing-columns',
      "column 'color'",
      "The file is missing the column 'color' that the model was trained on. Add it (same name) to the file.",
    ]);
  });

  test('unseen categories count as missing and are reported; no target column means y is null', () => {
    const out = applyPreprocessing(model, parseCsv('x,color\n1,purple\n2,red\n3,pink\n'));
    expect(out.y).toBeNull();
    expect(out.warnings.map((w) => w.message)).toEqual([
      "2 rows have a value in column 'color' that the model never saw in training ('purple', 'pink'); they were treated as missing.",
    ]);
  });

  test('unknown target classes are NaN in y and reported', () => {
    const out = applyPreprocessing(model, parseCsv('x,color,label\n1,red,a\n2,red,zzz\n'));
    expect(Array.from(out.y!)).toEqual([0, NaN]);
    expect(out.warnings.map((w) => w.message)).toEqual([
      "1 row has a target in column 'label' that is missing or not one of the model's classes ('zzz'); it is left out of the scores.",
    ]);
  });
});

describe('scale', () => {
  test('10,000 columns', () => {
    const header = Array.from({ length: 10_000 }, (_, j) => `f${j}`).join(',') + ',label';
    const rows = Array.from(
      { length: 20 },
      (_, i) => Array.from({ length: 10_000 }, (_, j) => (i * j) % 7).join(',') + `,${i % 2 ? 'a' : 'b'}`,
    );
    const t = parseCsv([header, ...rows].join('\n'));
    expect([t.rows, t.columns.length]).toEqual([20, 10_001]);
    const d = prepare(t, { target: 'label' });
    expect(d.train.features).toBe(d.featureNames.length);
    expect(d.featureNames.length).toBe(10_000 - 1429); // f0, f7, f14, … are constant and left out
  });
});

test('skipping ragged rows that are all the rows still explains why nothing is left', () => {
  expect(datasetError(() => parseCsv('a,b\n1\n2\n', { raggedRows: 'skip' })).message).toBe(
    'None of the 2 data rows has the 2 values the header has (row 2 has 1, row 3 has 1), so nothing is left after skipping them. Check the header row and the delimiter.',
  );
});
