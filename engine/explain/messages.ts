/** Catalog of explanation messages: what is wrong, where, and what would work. */
import type { Problem } from '../errors.ts';

const count = (n: number): string => n.toLocaleString('en-US');

/** Builders for every explanation problem, keyed by stable code. */
export const explainMessages = {
  badRepeats: (got: number): Problem => ({
    code: 'explain/bad-repeats',
    path: 'repeats',
    message: `repeats must be a whole number from 1 to 1000, got ${got}. 5 is usual; more narrows the ± interval.`,
  }),
  noKnownTargets: (rows: number, target: string, kind: 'classification' | 'regression'): Problem => ({
    code: 'explain/no-known-targets',
    path: `column '${target}'`,
    message:
      rows === 0
        ? 'There is nothing to measure importance on: the data has no rows. Use a file with labelled rows.'
        : `There is nothing to measure importance on: ${rows === 1 ? 'its one row has' : `all ${count(rows)} rows have`} a target in column '${target}' that is missing or ${kind === 'regression' ? 'not a number' : "not one of the model's classes"}. Fill in the target, or use a labelled file.`,
  }),
  badSteps: (got: number): Problem => ({
    code: 'explain/bad-steps',
    path: 'steps',
    message: `steps must be a whole number from 1 to 10000, got ${got}. 64 is usual; more makes Integrated Gradients sum more exactly to the change in prediction.`,
  }),
  baselineWidth: (got: number, inputs: number): Problem => ({
    code: 'explain/baseline-width',
    path: 'baseline',
    message: `The baseline has ${count(got)} inputs but the model takes ${count(inputs)}. Make the baseline from the model's preprocessing of a CSV with the same columns.`,
  }),
  badGrid: (got: number): Problem => ({
    code: 'explain/bad-grid',
    path: 'grid',
    message: `The grid must have a whole number of points from 2 to 100, got ${got}. 20 is usual.`,
  }),
  notAFeature: (column: string, columns: readonly string[]): Problem => ({
    code: 'explain/not-a-feature',
    path: 'column',
    message: `'${column}' is not a column the model uses. Its columns: ${columns.map((c) => `'${c}'`).join(', ')}.`,
  }),
  targetNotInput: (column: string, columns: readonly string[]): Problem => ({
    code: 'explain/target-not-input',
    path: 'column',
    message:
      `'${column}' is the model's target, what it predicts; partial dependence follows the prediction over one of` +
      ` its input columns: ${columns.map((c) => `'${c}'`).join(', ')}. Give one of those.`,
  }),
  gridOnCategory: (column: string): Problem => ({
    code: 'explain/grid-on-category',
    path: 'grid',
    message:
      `--grid does not apply to '${column}', a category column: partial dependence takes each of its categories.` +
      ' Leave out --grid (it sets the points of a number or date column).',
  }),
  noValues: (column: string): Problem => ({
    code: 'explain/no-values',
    path: `column '${column}'`,
    message: `Column '${column}' has no values in this file (every cell is missing), so there is nothing to sweep. Use a file where it has values.`,
  }),
  noTestRows: (what: string): Problem => ({
    code: 'explain/no-test-rows',
    path: 'split',
    message: `The test split has no rows, so there is nothing to ${what} on. Set a test fraction above 0 on the Data view and train again.`,
  }),
  noRows: (): Problem => ({
    code: 'explain/no-rows',
    path: 'rows',
    message: 'Pick at least one row to explain: click a row in a list, a point in a plot, or a row of the data grid.',
  }),
  tooManyRows: (got: number, most: number): Problem => ({
    code: 'explain/too-many-rows',
    path: 'rows',
    message: `Explain at most ${count(most)} rows at once, not ${count(got)}. Pick fewer rows.`,
  }),
  rowOutOfRange: (row: number, rows: number): Problem => ({
    code: 'explain/row-out-of-range',
    path: 'rows',
    message: `Row ${count(row + 1)} does not exist: the loaded table has ${count(rows)} rows. Pick a row from 1 to ${count(rows)}.`,
  }),
  cancelled: (): Problem => ({
    code: 'explain/cancelled',
    path: '',
    message: 'Cancelled. Nothing was computed; start it again when you are ready.',
  }),
};
