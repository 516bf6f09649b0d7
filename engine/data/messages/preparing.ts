/** Messages about preparing a dataset: target and columns, splits, and applying a saved preprocessing. */
import { fmt, plural, listNames, listRows, p, col, Col } from './text.ts';

/** The preparing catalog: each entry returns a `Problem`; codes are stable, messages may be reworded. */
export const preparingMessages = {
  tooFewRows: (rows: number) =>
    p(
      'too-few-rows',
      '',
      `Only ${plural(rows, 'row')} can be used (rows with a missing target are left out); at least 2 are needed to train and test a model. Add more rows.`,
    ),
  noHoldout: (rows: number, empty: readonly ('validation' | 'test')[]) => {
    const lost = empty.map((e) => (e === 'validation' ? 'no validation loss' : 'no test score')).join(' and ');
    const raise = empty.length === 1 ? `, or raise the ${empty[0]} fraction` : '';
    return p(
      'no-holdout',
      'split',
      `Only ${plural(rows, 'row')} can be used, too few to hold out ${empty.join(' or ')} rows, so the model is trained without them: there is ${lost}. Add rows${raise}.`,
    );
  },
  randomSplitWithDates: (name: string) =>
    p(
      'random-split-with-dates',
      'split',
      `The rows are split at random, but ${col(name)} holds dates. If the model will predict later rows from earlier ones, a random split tests it on dates among those it trained on, and its scores look better than they will be; then choose the time-ordered split (train --split time; in the app, "Split by time"), which tests on the latest rows.`,
    ),
  noTimeColumn: (name: string | null, dates: readonly string[]) =>
    p(
      'no-time-column',
      'timeColumn',
      name === null
        ? 'A time-ordered split needs a column of dates that differ from row to row, and there is none. Use the random split, or add a date column (such as 2024-01-31).'
        : `${Col(name)} holds no dates, so the rows cannot be ordered by it. ${dates.length ? `Choose one of the date columns: ${listNames(dates)}.` : 'Use the random split, or add a date column (such as 2024-01-31).'}`,
    ),
  unknownColumn: (name: string, where: string, columns: readonly string[]) =>
    p('unknown-column', where, `There is no column '${name}' in the data. Choose one of: ${listNames(columns, 30)}.`),
  noTarget: (columns: readonly string[]) =>
    p('no-target', 'target', `Choose the column to predict (the target): one of ${listNames(columns, 30)}.`),
  targetNotNumeric: (name: string, example: string, row: number) =>
    p(
      'target-not-numeric',
      `row ${row}, column '${name}'`,
      `Regression needs a numeric target, but ${col(name)} has text such as '${example}' (row ${row}). Choose classification, or a numeric target.`,
    ),
  targetRowsDropped: (name: string, count: number, rows: readonly number[]) =>
    p(
      'target-rows-dropped',
      `column '${name}'`,
      `Left out ${plural(count, 'row')} whose target ${col(name)} is missing (first at ${listRows(rows)}).`,
    ),
  noFeatures: (target: string, reasons: readonly string[]) =>
    p(
      'no-features',
      'columns',
      `No column is left to learn from: every column other than the target '${target}' is ignored or left out${reasons.length ? ` (${reasons.join('; ')})` : ''}. Set at least one column's role to feature.`,
    ),
  badSplit: (validation: number, test: number) =>
    p(
      'bad-split',
      'split',
      `The validation (${validation}) and test (${test}) fractions must each be at least 0 and add up to less than 1, leaving rows to train on. Lower them.`,
    ),
  badColumnType: (name: string, type: string, reason: string) =>
    p(
      'bad-column-type',
      `column '${name}'`,
      `${col(name)[0]!.toUpperCase()}${col(name).slice(1)} cannot be used as ${type}: ${reason}. Choose another type for it.`,
    ),
  badMissingStrategy: (name: string, strategy: string, valid: readonly string[]) =>
    p(
      'bad-missing-strategy',
      `columns.${name}.missing`,
      `'${strategy}' cannot fill missing values of ${col(name)}, which holds categories. Choose one of: ${listNames(valid)}.`,
    ),
  rowsDropped: (name: string, count: number) =>
    p(
      'rows-dropped',
      `column '${name}'`,
      `Left out ${plural(count, 'row')} with a missing value in ${col(name)} ("drop rows" is chosen for it).`,
    ),
  allRowsDropped: () =>
    p(
      'all-rows-dropped',
      'columns',
      'No rows are left after dropping the rows with missing values. Choose another way to fill in missing values (mean, median or most frequent).',
    ),
  missingColumns: (names: readonly string[]) =>
    p(
      'missing-columns',
      `column '${names[0]}'`,
      `The file is missing ${names.length === 1 ? 'the column' : 'the columns'} ${listNames(names, 30)} that the model was trained on. Add ${names.length === 1 ? 'it' : 'them'} (same name) to the file.`,
    ),
  unseenCategories: (name: string, count: number, examples: readonly string[], bucket: string) =>
    p(
      'unseen-categories',
      `column '${name}'`,
      `${plural(count, 'row has', 'rows have')} a value in ${col(name)} that the model never saw in training (${listNames(examples, 3)}); ${count === 1 ? 'it was' : 'they were'} treated as ${bucket}.`,
    ),
  filledForDropped: (name: string, count: number) =>
    p(
      'filled-missing',
      `column '${name}'`,
      `${plural(count, 'row has', 'rows have')} a missing value in ${col(name)}; training left such rows out, so here ${count === 1 ? 'it was' : 'they were'} filled with the training value to still get a prediction.`,
    ),
  unknownTargetValues: (name: string, count: number, examples: readonly string[], regression = false) =>
    p(
      'unknown-target-values',
      `column '${name}'`,
      `${plural(count, 'row has', 'rows have')} a target in ${col(name)} that is ${regression ? 'missing or not a number' : "missing or not one of the model's classes"} (${listNames(examples, 3)}); ${count === 1 ? 'it is' : 'they are'} left out of the scores.`,
    ),
  badPreprocessing: (detail: string) =>
    p(
      'bad-preprocessing',
      'preprocessing',
      `The model's preprocessing is not readable: ${detail}. Train the model again, or update Backprop Studio if the model comes from a newer version.`,
    ),
  badOutputs: (got: number, expected: string) =>
    p(
      'bad-outputs',
      'outputs',
      `The network gives ${plural(got, 'output')} per row but the data needs ${expected}. Set the last layer's units to 'auto'.`,
    ),
  badFolds: (k: number, rows: number) =>
    p(
      'bad-folds',
      'cv',
      `Cross-validation needs between 2 and ${fmt(rows)} folds (one per row at most), not ${k}. Choose a K in that range, such as 5.`,
    ),
  tooManyCategories: (name: string) =>
    p(
      'too-many-categories',
      `column '${name}'`,
      `${col(name)[0]!.toUpperCase()}${col(name).slice(1)} has too many different values to be categorical. Use it as an identifier (ignored), or lower the number of categories in the file.`,
    ),
};
